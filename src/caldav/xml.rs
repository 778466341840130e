//! WebDAV/CalDAV request bodies and the multistatus answers (RFC 4918
//! §13, RFC 4791 §7.8), parsed with `quick-xml`. Elements are matched by
//! namespace and local name.

use quick_xml::events::Event;
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::reader::NsReader;

const DAV: &str = "DAV:";
const CALDAV: &str = "urn:ietf:params:xml:ns:caldav";

/// PROPFIND Depth 0 on the collection: is it a calendar?
pub const PROPFIND_RESOURCETYPE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>"#;

/// calendar-query REPORT (RFC 4791 §7.8) for the VEVENTs whose UID contains
/// `@domain`, with their ETag and calendar data. The server sends no
/// resource of another domain, so foreign resources are never read; the
/// caller still checks that each UID *ends* in `@domain` (text-match is a
/// substring match).
pub fn calendar_query(domain: &str) -> String {
    calendar_query_with(&format!(
        r#"<c:prop-filter name="UID"><c:text-match collation="i;octet">@{}</c:text-match></c:prop-filter>"#,
        escape(domain)
    ))
}

/// calendar-query REPORT for every VEVENT: for servers that refuse the
/// UID filter of [`calendar_query`] (the caller then drops the resources
/// of other UIDs before anything is decided).
pub fn calendar_query_all() -> String {
    calendar_query_with("")
}

fn calendar_query_with(uid_filter: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
<d:prop><d:getetag/><c:calendar-data/></d:prop>
<c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT">
{uid_filter}
</c:comp-filter></c:comp-filter></c:filter>
</c:calendar-query>"#
    )
}

fn escape(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

/// One `<response>` of a multistatus, with the properties found (status 200).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Response {
    pub href: String,
    pub etag: Option<String>,
    pub calendar_data: Option<String>,
    /// `resourcetype` holds `DAV:collection`.
    pub collection: bool,
    /// `resourcetype` holds `CALDAV:calendar`.
    pub calendar: bool,
    /// The response's own status, when it has one instead of propstats
    /// (e.g. 404 for a missing resource, RFC 4918 §14.24).
    pub status: Option<u16>,
}

/// A multistatus that could not be parsed.
#[derive(Debug, PartialEq, Eq)]
pub struct XmlError(pub String);

/// The responses of a multistatus body.
///
/// # Errors
/// `XmlError` when the body is not well-formed XML.
pub fn multistatus(body: &str) -> Result<Vec<Response>, XmlError> {
    let mut reader = NsReader::from_str(body);
    let mut out = Vec::new();
    let mut current: Option<Response> = None;
    // Properties of the current propstat, kept only if its status is 200.
    let mut pending = Response::default();
    let mut status_ok = true;
    let mut path: Vec<(bool, String)> = Vec::new();
    let mut text = String::new();
    loop {
        let ev = reader
            .read_resolved_event()
            .map_err(|e| XmlError(e.to_string()))?;
        match ev {
            (ns, Event::Start(e)) => {
                let local = e.local_name().as_ref().to_owned();
                let caldav = is_ns(&ns, CALDAV);
                match local.as_str() {
                    "response" if !caldav => current = Some(Response::default()),
                    "propstat" if !caldav => {
                        pending = Response::default();
                        status_ok = true;
                    }
                    _ => {}
                }
                path.push((caldav, local));
                text.clear();
            }
            (ns, Event::Empty(e)) => {
                let in_resourcetype = path.last().is_some_and(|(c, n)| !c && n == "resourcetype");
                if in_resourcetype {
                    match (is_ns(&ns, CALDAV), e.local_name().as_ref()) {
                        (true, "calendar") => pending.calendar = true,
                        (false, "collection") if is_ns(&ns, DAV) => pending.collection = true,
                        _ => {}
                    }
                }
            }
            (_, Event::Text(t)) => text.push_str(&t.xml10_content()),
            (_, Event::GeneralRef(r)) => {
                if let Some(c) = r.resolve_char_ref().map_err(|e| XmlError(e.to_string()))? {
                    text.push(c);
                } else {
                    let name = r.xml10_content();
                    let value = quick_xml::escape::resolve_predefined_entity(&name)
                        .ok_or_else(|| XmlError(format!("unknown entity `&{name};`")))?;
                    text.push_str(value);
                }
            }
            (_, Event::CData(t)) => text.push_str(&t.xml10_content()),
            (_, Event::End(_)) => {
                let Some((caldav, name)) = path.pop() else {
                    continue;
                };
                let parent_is_resourcetype =
                    path.last().is_some_and(|(c, n)| !c && n == "resourcetype");
                match (caldav, name.as_str()) {
                    (false, "href") if path.last().is_some_and(|(_, n)| n == "response") => {
                        if let Some(r) = &mut current {
                            r.href = text.trim().to_owned();
                        }
                    }
                    (false, "status") if path.last().is_some_and(|(_, n)| n == "propstat") => {
                        status_ok = text.split_whitespace().nth(1) == Some("200");
                    }
                    (false, "status") if path.last().is_some_and(|(_, n)| n == "response") => {
                        if let Some(r) = &mut current {
                            r.status = text.split_whitespace().nth(1).and_then(|c| c.parse().ok());
                        }
                    }
                    (false, "getetag") => pending.etag = Some(text.trim().to_owned()),
                    (true, "calendar-data") => pending.calendar_data = Some(text.clone()),
                    (true, "calendar") if parent_is_resourcetype => pending.calendar = true,
                    (false, "collection") if parent_is_resourcetype => pending.collection = true,
                    (false, "propstat") => {
                        if let Some(r) = &mut current
                            && status_ok
                        {
                            let p = std::mem::take(&mut pending);
                            r.etag = r.etag.take().or(p.etag);
                            r.calendar_data = r.calendar_data.take().or(p.calendar_data);
                            r.collection |= p.collection;
                            r.calendar |= p.calendar;
                        }
                    }
                    (false, "response") => {
                        if let Some(r) = current.take() {
                            out.push(r);
                        }
                    }
                    _ => {}
                }
                text.clear();
            }
            (_, Event::Eof) => break,
            _ => {}
        }
    }
    Ok(out)
}

fn is_ns(ns: &ResolveResult<'_>, uri: &str) -> bool {
    matches!(ns, ResolveResult::Bound(Namespace(n)) if *n == uri)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_calendar_query_answer() {
        let body = r#"<?xml version="1.0"?>
<multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
 <response><href>/alice/cal/a%40x.ics</href>
  <propstat><prop><getetag>"e1"</getetag><C:calendar-data>BEGIN:VCALENDAR&#13;
UID:a@x&amp;y&#13;
END:VCALENDAR&#13;
</C:calendar-data></prop><status>HTTP/1.1 200 OK</status></propstat>
  <propstat><prop><displayname/></prop><status>HTTP/1.1 404 Not Found</status></propstat>
 </response>
 <response><href>/alice/cal/</href><propstat><prop><resourcetype><collection/><C:calendar/></resourcetype></prop>
 <status>HTTP/1.1 200 OK</status></propstat></response>
</multistatus>"#;
        let r = multistatus(body).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].href, "/alice/cal/a%40x.ics");
        assert_eq!(r[0].etag.as_deref(), Some("\"e1\""));
        assert_eq!(
            r[0].calendar_data.as_deref(),
            Some("BEGIN:VCALENDAR\r\nUID:a@x&y\r\nEND:VCALENDAR\r\n")
        );
        assert!(r[1].collection && r[1].calendar);
        assert!(!r[0].calendar);
    }

    #[test]
    fn a_plain_collection_is_not_a_calendar() {
        let body = r#"<d:multistatus xmlns:d="DAV:"><d:response><d:href>/x/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>"#;
        let r = multistatus(body).unwrap();
        assert!(r[0].collection && !r[0].calendar);
    }

    #[test]
    fn a_response_status_is_kept() {
        let body = r#"<ns0:multistatus xmlns:ns0="DAV:"><ns0:response><ns0:href>http://h/user/nothere/</ns0:href><ns0:status>HTTP/1.1 404 Not Found</ns0:status></ns0:response></ns0:multistatus>"#;
        assert_eq!(multistatus(body).unwrap()[0].status, Some(404));
    }

    #[test]
    fn the_query_escapes_the_domain() {
        assert!(calendar_query("a<b").contains("@a&lt;b</c:text-match>"));
        assert!(!calendar_query_all().contains("text-match"));
        assert!(calendar_query_all().contains(r#"<c:comp-filter name="VEVENT">"#));
    }

    #[test]
    fn malformed_xml_is_an_error() {
        assert!(multistatus("<multistatus xmlns=\"DAV:\"><response></multistatus>").is_err());
    }
}
