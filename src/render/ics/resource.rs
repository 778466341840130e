//! One UID as a CalDAV calendar object resource (RFC 4791 §4.1), for
//! `rituals publish`.

use super::content_line::{ContentWriter, Value};
use super::feed::{Event, Renderer};

impl Renderer<'_> {
    /// A VCALENDAR without METHOD holding the VTIMEZONE the event uses and
    /// the event's bytes exactly as the feed holds them (master and
    /// RECURRENCE-ID overrides).
    pub fn resource(&self, event: &Event) -> Vec<u8> {
        let mut w = ContentWriter::with_capacity(4096 + event.bytes.len());
        w.begin("VCALENDAR");
        w.property("VERSION", &[], Value::Raw("2.0"));
        let prodid = format!(
            "-//rituals//rituals {}//{}",
            env!("CARGO_PKG_VERSION"),
            self.spec.calendar.language.code().to_uppercase()
        );
        w.property("PRODID", &[], Value::Text(&prodid));
        w.property("CALSCALE", &[], Value::Raw("GREGORIAN"));
        if let Some(zone) = event.tzid.and_then(|name| self.zone(name)) {
            w.append(zone);
        }
        w.append(&event.bytes);
        w.end("VCALENDAR");
        w.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::super::stamp::PreviousFeeds;
    use super::super::{BuildInfo, FeedKind};
    use super::*;
    use crate::expand::Expander;

    const SPEC: &str = "calendar: {name: T, timezone: Europe/Paris, domain: x.org, since: 2026-01-05}\nrituals:\n  - {id: a, title: A, every: monday, time: \"10:00-11:00\", moved: [{date: 2026-01-12, to: \"2026-01-13 10:00\"}]}\n  - {id: b, title: B, every: friday, time: all day}\n";

    #[test]
    fn a_resource_holds_the_feeds_bytes_of_its_uid() {
        let source = crate::spec::Source::from_bytes("t".into(), None, SPEC.into()).unwrap();
        let raw = crate::spec::parse(&source).unwrap();
        let ctx = crate::validate::Context {
            build_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        };
        let spec = crate::validate::validate(&raw, &ctx).unwrap();
        let expander = Expander::new(&spec);
        let prev = PreviousFeeds::default();
        let build = BuildInfo {
            now: DateTime::from_timestamp(1_767_225_600, 0).unwrap(),
        };
        let r = Renderer::new(&expander, &prev, build);
        let feed = String::from_utf8(r.feed(FeedKind::Team)).unwrap();
        let events = r.events(FeedKind::Team);
        assert_eq!(events.len(), 2);
        for e in &events {
            let res = String::from_utf8(r.resource(e)).unwrap();
            let bytes = std::str::from_utf8(&e.bytes).unwrap();
            assert!(feed.contains(bytes) && res.contains(bytes), "{res}");
            assert!(res.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
            assert!(!res.contains("METHOD:"), "RFC 4791 §4.1: no METHOD");
            let zones = res.matches("BEGIN:VTIMEZONE").count();
            assert_eq!(zones, usize::from(e.tzid.is_some()), "{}", e.uid);
        }
        assert_eq!(
            events[0]
                .bytes
                .windows(12)
                .filter(|w| w == b"BEGIN:VEVENT")
                .count(),
            2
        );
    }
}
