//! HTTP and WebDAV requests to one calendar collection (RFC 4918, RFC
//! 4791), with `ureq`: the only module of `caldav` that does I/O.

use std::time::Duration;

use ureq::http::{Method, Request};

use super::credentials::Credentials;
use super::error::{CaldavError, excerpt};
use super::sync::Remote;
use super::xml;

/// Largest answer read (a calendar-query of a large calendar).
const MAX_ANSWER_BYTES: u64 = 512 * 1024 * 1024;

/// A calendar collection on a server.
pub struct Client {
    agent: ureq::Agent,
    /// The collection's URL, ending in `/`.
    url: String,
    /// `scheme://host[:port]`.
    origin: String,
    auth: Option<String>,
    timeout_secs: u64,
}

/// How a write ended when the server did not refuse it.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    Done,
    /// 412 Precondition Failed: the resource changed on the server since
    /// it was read (or exists, for a create).
    Conflict,
}

/// The precondition of a PUT.
#[derive(Clone, Copy, Debug)]
pub enum Precondition<'a> {
    /// `If-None-Match: *`: create only.
    Absent,
    /// `If-Match: <etag>`: only over the version read.
    Matches(Option<&'a str>),
}

struct Answer {
    status: u16,
    body: String,
}

/// `scheme://authority`, the host, and the URL with a final `/`.
///
/// # Errors
/// `BadUrl` for anything but an http(s) URL with a host and no credentials.
pub fn parse_url(url: &str) -> Result<(String, String, String), CaldavError> {
    let bad = |reason: &str| CaldavError::BadUrl {
        reason: reason.to_owned(),
    };
    let uri: ureq::http::Uri = url
        .parse()
        .map_err(|_| bad("is not a valid URL: give `https://HOST/PATH/`"))?;
    let scheme = uri.scheme_str().unwrap_or("");
    if scheme != "http" && scheme != "https" {
        return Err(bad("must start with https:// (or http://)"));
    }
    let authority = uri.authority().ok_or_else(|| bad("has no host"))?;
    if authority.as_str().contains('@') {
        return Err(bad(
            "must not hold credentials: set RITUALS_CALDAV_USER and RITUALS_CALDAV_PASSWORD instead",
        ));
    }
    if uri.query().is_some() {
        return Err(bad("must not have a query (`?…`)"));
    }
    let origin = format!("{scheme}://{}", authority.as_str());
    let mut full = format!("{origin}{}", uri.path());
    if !full.ends_with('/') {
        full.push('/');
    }
    Ok((origin, authority.host().to_owned(), full))
}

impl Client {
    /// # Errors
    /// `BadUrl` as [`parse_url`].
    pub fn new(
        url: &str,
        credentials: Option<&Credentials>,
        timeout_secs: u64,
    ) -> Result<Client, CaldavError> {
        let (origin, _, url) = parse_url(url)?;
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .allow_non_standard_methods(true)
            .timeout_global(Some(Duration::from_secs(timeout_secs)))
            .max_redirects(0)
            .user_agent(concat!("rituals/", env!("CARGO_PKG_VERSION")))
            .build();
        Ok(Client {
            agent: config.into(),
            url,
            origin,
            auth: credentials.map(Credentials::basic),
            timeout_secs,
        })
    }

    /// The collection's URL, as messages show it.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Checks that the URL is a calendar collection the credentials open.
    ///
    /// # Errors
    /// `Unauthorized`, `NotFound`, `NotCalendar`, or a transport error.
    pub fn check_collection(&self) -> Result<(), CaldavError> {
        let a = self.send(
            "PROPFIND",
            &self.url,
            &[("Depth", "0")],
            xml::PROPFIND_RESOURCETYPE.as_bytes().to_vec(),
        )?;
        match a.status {
            207 => {
                let responses = xml::multistatus(&a.body).map_err(|e| CaldavError::BadAnswer {
                    what: "PROPFIND".to_owned(),
                    reason: e.0,
                })?;
                if responses.iter().any(|r| r.calendar) {
                    Ok(())
                } else if !responses.is_empty() && responses.iter().all(|r| r.status == Some(404)) {
                    Err(CaldavError::NotFound {
                        url: self.url.clone(),
                    })
                } else {
                    Err(self.not_calendar())
                }
            }
            401 | 403 => Err(self.unauthorized(a.status)),
            404 => Err(CaldavError::NotFound {
                url: self.url.clone(),
            }),
            // Not a WebDAV resource at all (a web page, a method not allowed).
            200..=299 | 301..=308 | 405 | 501 => Err(self.not_calendar()),
            s => Err(refused("PROPFIND on the collection", s, &a.body)),
        }
    }

    /// Every VEVENT resource whose UID contains `@domain`, with its ETag
    /// and data (one calendar-query REPORT; every VEVENT resource when the
    /// server refuses the UID filter).
    ///
    /// # Errors
    /// As [`Client::check_collection`], and `Refused` for another status.
    pub fn list(&self, domain: &str) -> Result<Vec<Remote>, CaldavError> {
        let report =
            |body: String| self.send("REPORT", &self.url, &[("Depth", "1")], body.into_bytes());
        let mut a = report(xml::calendar_query(domain))?;
        // A server that does not support the text-match on UID: every
        // VEVENT, filtered by the caller.
        if matches!(a.status, 400 | 415 | 422 | 501) {
            a = report(xml::calendar_query_all())?;
        }
        match a.status {
            207 => {}
            401 | 403 => return Err(self.unauthorized(a.status)),
            404 => {
                return Err(CaldavError::NotFound {
                    url: self.url.clone(),
                });
            }
            s => return Err(refused("the calendar-query REPORT", s, &a.body)),
        }
        let responses = xml::multistatus(&a.body).map_err(|e| CaldavError::BadAnswer {
            what: "REPORT".to_owned(),
            reason: e.0,
        })?;
        Ok(responses
            .into_iter()
            .filter_map(|r| {
                // XML parsers normalize line ends to LF (XML 1.0 §2.11):
                // back to iCalendar's CRLF (RFC 5545 §3.1).
                let body = r.calendar_data?.replace("\r\n", "\n").replace('\n', "\r\n");
                let uid = uid_of(&body)?;
                Some(Remote {
                    href: r.href,
                    etag: r.etag,
                    uid,
                    body,
                })
            })
            .collect())
    }

    /// PUTs one resource.
    ///
    /// # Errors
    /// `Unauthorized`, `Refused` (any status but 2xx and 412), transport errors.
    pub fn put(
        &self,
        href: &str,
        uid: &str,
        bytes: &[u8],
        pre: Precondition<'_>,
    ) -> Result<Written, CaldavError> {
        let mut headers = vec![("Content-Type", "text/calendar; charset=utf-8")];
        match pre {
            Precondition::Absent => headers.push(("If-None-Match", "*")),
            Precondition::Matches(Some(etag)) => headers.push(("If-Match", etag)),
            Precondition::Matches(None) => {}
        }
        let a = self.send("PUT", &self.resolve(href), &headers, bytes.to_vec())?;
        self.written(a, &format!("{uid} (PUT {href})"))
    }

    /// DELETEs one resource.
    ///
    /// # Errors
    /// As [`Client::put`].
    pub fn delete(
        &self,
        href: &str,
        uid: &str,
        etag: Option<&str>,
    ) -> Result<Written, CaldavError> {
        let headers: Vec<(&str, &str)> = etag.map(|e| ("If-Match", e)).into_iter().collect();
        let a = self.send("DELETE", &self.resolve(href), &headers, Vec::new())?;
        // Already gone: what a DELETE wants.
        if a.status == 404 {
            return Ok(Written::Done);
        }
        self.written(a, &format!("{uid} (DELETE {href})"))
    }

    fn written(&self, a: Answer, what: &str) -> Result<Written, CaldavError> {
        match a.status {
            200..=299 => Ok(Written::Done),
            412 => Ok(Written::Conflict),
            401 | 403 => Err(self.unauthorized(a.status)),
            s => Err(refused(what, s, &a.body)),
        }
    }

    /// A listed href as a URL: absolute URL, absolute path, or relative to
    /// the collection.
    fn resolve(&self, href: &str) -> String {
        if href.starts_with("http://") || href.starts_with("https://") {
            href.to_owned()
        } else if href.starts_with('/') {
            format!("{}{href}", self.origin)
        } else {
            format!("{}{href}", self.url)
        }
    }

    fn unauthorized(&self, status: u16) -> CaldavError {
        CaldavError::Unauthorized {
            url: self.url.clone(),
            status,
        }
    }

    fn not_calendar(&self) -> CaldavError {
        CaldavError::NotCalendar {
            url: self.url.clone(),
        }
    }

    fn send(
        &self,
        method: &str,
        url: &str,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> Result<Answer, CaldavError> {
        let mut req = Request::builder()
            .method(Method::from_bytes(method.as_bytes()).map_err(|e| self.bad(method, e))?)
            .uri(url);
        if matches!(method, "PROPFIND" | "REPORT") {
            req = req.header("Content-Type", "application/xml; charset=utf-8");
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        if let Some(auth) = &self.auth {
            req = req.header("Authorization", auth);
        }
        let req = req.body(body).map_err(|e| self.bad(method, e))?;
        let resp = self.agent.run(req).map_err(|e| self.transport(e))?;
        let status = resp.status().as_u16();
        let body = resp
            .into_body()
            .with_config()
            .limit(MAX_ANSWER_BYTES)
            .read_to_string()
            .map_err(|e| self.transport(e))?;
        Ok(Answer { status, body })
    }

    fn bad(&self, method: &str, e: impl std::fmt::Display) -> CaldavError {
        CaldavError::BadAnswer {
            what: method.to_owned(),
            reason: e.to_string(),
        }
    }

    fn transport(&self, e: ureq::Error) -> CaldavError {
        super::transport::error(e, &self.origin, self.timeout_secs)
    }
}

fn refused(what: &str, status: u16, body: &str) -> CaldavError {
    CaldavError::Refused {
        what: what.to_owned(),
        status,
        excerpt: excerpt(body),
    }
}

/// The UID of the first VEVENT of a calendar object (unfolded).
fn uid_of(body: &str) -> Option<String> {
    let mut lines = body
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .peekable();
    while let Some(line) = lines.next() {
        if let Some(v) = line.strip_prefix("UID:").or_else(|| {
            line.strip_prefix("UID;")
                .and_then(|rest| rest.split_once(':').map(|(_, v)| v))
        }) {
            let mut uid = v.to_owned();
            while let Some(cont) = lines.peek().and_then(|l| l.strip_prefix([' ', '\t'])) {
                uid.push_str(cont);
                lines.next();
            }
            return Some(uid);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_with_credentials_are_refused_without_echoing_them() {
        let e = parse_url("https://bob:hunter2@dav.example.org/cal/").unwrap_err();
        assert!(!e.to_string().contains("hunter2"));
        assert_eq!(
            e.to_string(),
            "the CalDAV URL must not hold credentials: set RITUALS_CALDAV_USER and RITUALS_CALDAV_PASSWORD instead"
        );
    }

    #[test]
    fn urls_get_their_final_slash() {
        let (origin, host, url) = parse_url("http://127.0.0.1:5232/alice/cal").unwrap();
        assert_eq!(origin, "http://127.0.0.1:5232");
        assert_eq!(host, "127.0.0.1");
        assert_eq!(url, "http://127.0.0.1:5232/alice/cal/");
        assert!(parse_url("ftp://x/").is_err());
    }

    #[test]
    fn uid_of_unfolds() {
        let body =
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a-very-long\r\n -uid@x.org\r\nEND:VEVENT\r\n";
        assert_eq!(uid_of(body).as_deref(), Some("a-very-long-uid@x.org"));
        assert_eq!(uid_of("BEGIN:VCALENDAR\r\n"), None);
    }
}
