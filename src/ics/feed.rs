//! Feeds: a VCALENDAR of some rituals' events, as bytes.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;

use super::content_line::{ContentWriter, Value};
use super::event::{self, EventSet};
use super::stamp::PreviousFeeds;
use super::vtimezone::ZoneInfo;
use crate::expand::{Expander, Slot};
use crate::model::{Language, PersonId, Spec};

/// Facts about this build that are not in the spec.
#[derive(Clone, Copy, Debug)]
pub struct BuildInfo {
    /// DTSTAMP of new and changed events: `SOURCE_DATE_EPOCH`, or the time
    /// of the build.
    pub now: DateTime<Utc>,
}

/// Which events a feed holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedKind {
    /// Every ritual.
    Team,
    /// One ritual (all its segments).
    Ritual(usize),
    /// A person's rituals, with only their own rotation turns.
    Person(PersonId),
}

/// Renders the feeds of one spec. Holds what is computed once per build
/// (slots, time zones, previous stamps) so each feed is only serialization.
pub struct Renderer<'a> {
    pub spec: &'a Spec,
    pub expander: &'a Expander<'a>,
    slots: Vec<Vec<Slot>>,
    /// Each zone's VTIMEZONE, computed and serialized once per build.
    zones: BTreeMap<&'static str, Vec<u8>>,
    previous: &'a PreviousFeeds,
    build: BuildInfo,
}

/// Years of VTIMEZONE data written after the horizon, for clients that
/// ignore zone names and read only the embedded definition.
const ZONE_YEARS_AHEAD: i32 = 10;

impl<'a> Renderer<'a> {
    pub fn new(expander: &'a Expander<'a>, previous: &'a PreviousFeeds, build: BuildInfo) -> Self {
        let spec = expander.spec;
        let slots: Vec<Vec<Slot>> = spec
            .rituals
            .iter()
            .enumerate()
            .map(|(i, r)| expander.slots(i, expander.plan_until(r)))
            .collect();
        let mut first_years: BTreeMap<&'static str, (Tz, i32)> = BTreeMap::new();
        for r in &spec.rituals {
            for s in r
                .segments
                .iter()
                .filter(|s| matches!(s.schedule.when, crate::model::When::Timed { .. }))
            {
                let tz = s.schedule.timezone;
                let e = first_years
                    .entry(tz.name())
                    .or_insert((tz, s.dtstart.year()));
                e.1 = e.1.min(s.dtstart.year());
            }
        }
        let last_year = spec.calendar.horizon.year().max(build.now.year()) + ZONE_YEARS_AHEAD;
        let zones = first_years
            .into_iter()
            .map(|(name, (tz, first))| {
                let mut w = ContentWriter::new();
                ZoneInfo::new(tz, first, last_year).write(&mut w);
                (name, w.into_bytes())
            })
            .collect();
        Renderer {
            spec,
            expander,
            slots,
            zones,
            previous,
            build,
        }
    }

    /// The planned slots of ritual `index` (for renderers of other formats).
    pub fn slots(&self, index: usize) -> &[Slot] {
        &self.slots[index]
    }

    /// The feed's bytes.
    pub fn feed(&self, kind: FeedKind) -> Vec<u8> {
        let cal = &self.spec.calendar;
        let mut sets: Vec<EventSet> = Vec::new();
        // A ritual's feed looks at its own ritual only: scanning them all
        // for each of 10,000 ritual feeds would be quadratic.
        let indices = match kind {
            FeedKind::Ritual(r) => r..r + 1,
            _ => 0..self.spec.rituals.len(),
        };
        for i in indices {
            let ritual = &self.spec.rituals[i];
            let person = match kind {
                FeedKind::Team | FeedKind::Ritual(_) => None,
                FeedKind::Person(p)
                    if ritual.attendees.includes(p)
                        || ritual.rotation.as_ref().is_some_and(|rot| {
                            rot.orders.iter().any(|o| o.people.contains(&p))
                        }) =>
                {
                    Some(p)
                }
                FeedKind::Person(_) => continue,
            };
            for k in 0..ritual.segments.len() {
                if let Some(set) = event::plan(self.spec, i, k, &self.slots[i], person) {
                    sets.push(set);
                }
            }
        }
        let mut w = ContentWriter::with_capacity(4096 + sets.len() * 1024);
        w.begin("VCALENDAR");
        w.property("VERSION", &[], Value::Raw("2.0"));
        let prodid = format!(
            "-//rituals//rituals {}//{}",
            env!("CARGO_PKG_VERSION"),
            cal.language.code().to_uppercase()
        );
        w.property("PRODID", &[], Value::Text(&prodid));
        w.property("CALSCALE", &[], Value::Raw("GREGORIAN"));
        w.property("METHOD", &[], Value::Raw("PUBLISH"));
        let name = self.feed_name(kind);
        w.property("NAME", &[], Value::Text(&name));
        w.property("X-WR-CALNAME", &[], Value::Text(&name));
        if let Some(d) = &cal.description {
            w.property("DESCRIPTION", &[], Value::Text(d));
            w.property("X-WR-CALDESC", &[], Value::Text(d));
        }
        w.property("X-WR-TIMEZONE", &[], Value::Raw(cal.timezone.name()));
        let refresh = duration_value(cal.refresh_secs);
        w.property(
            "REFRESH-INTERVAL",
            &[("VALUE", "DURATION")],
            Value::Raw(&refresh),
        );
        w.property("X-PUBLISHED-TTL", &[], Value::Raw(&refresh));
        if let Some(base) = &cal.url {
            let url = format!("{}{}", base_with_slash(base), self.file_name(kind));
            w.property("URL", &[("VALUE", "URI")], Value::Raw(&url));
            w.property("SOURCE", &[("VALUE", "URI")], Value::Raw(&url));
        }
        let mut used: Vec<&str> = sets.iter().filter_map(|s| s.tzid).collect();
        used.sort_unstable();
        used.dedup();
        for name in used {
            if let Some(zone) = self.zones.get(name) {
                w.append(zone);
            }
        }
        let mut scratch = ContentWriter::new();
        for set in &sets {
            match self.previous.get(&set.uid) {
                // A new UID: nothing to compare with, one rendering.
                None => event::write(self.spec, set, &self.new_stamp(0), &mut w),
                // Render with the previous stamp: when the content did not
                // change (the usual rebuild) these are the final bytes;
                // only a changed event is rendered a second time.
                Some((content, stamp)) => {
                    scratch.clear();
                    event::write(self.spec, set, stamp, &mut scratch);
                    let text = std::str::from_utf8(scratch.as_bytes()).unwrap_or_default();
                    if super::stamp::normalized(text) == content {
                        w.append(scratch.as_bytes());
                    } else {
                        event::write(self.spec, set, &self.new_stamp(stamp.sequence + 1), &mut w);
                    }
                }
            }
        }
        w.end("VCALENDAR");
        w.into_bytes()
    }

    /// The stamp of a new or changed event: the build's time.
    fn new_stamp(&self, sequence: u32) -> super::stamp::Stamp {
        let now = super::stamp::format_utc(self.build.now);
        super::stamp::Stamp {
            dtstamp: now.clone(),
            last_modified: now,
            sequence,
        }
    }

    /// `rituals.ics`, `<ritual-id>.ics` or `people/<person-id>.ics`.
    pub fn file_name(&self, kind: FeedKind) -> String {
        match kind {
            FeedKind::Team => "rituals.ics".to_owned(),
            FeedKind::Ritual(i) => format!("{}.ics", self.spec.rituals[i].id),
            FeedKind::Person(p) => format!("people/{}.ics", self.spec.people[p].id),
        }
    }

    fn feed_name(&self, kind: FeedKind) -> String {
        let cal = &self.spec.calendar;
        match kind {
            FeedKind::Team => cal.name.clone(),
            FeedKind::Ritual(i) => {
                format!(
                    "{} — {}",
                    cal.name, self.spec.rituals[i].segments[0].details.title
                )
            }
            FeedKind::Person(p) => format!("{} — {}", cal.name, self.spec.people[p].name),
        }
    }

    /// Every feed of the build: the team feed, one per ritual, one per person.
    pub fn kinds(&self) -> Vec<FeedKind> {
        std::iter::once(FeedKind::Team)
            .chain((0..self.spec.rituals.len()).map(FeedKind::Ritual))
            .chain((0..self.spec.people.len()).map(FeedKind::Person))
            .collect()
    }
}

pub(crate) fn base_with_slash(base: &str) -> String {
    if base.ends_with('/') {
        base.to_owned()
    } else {
        format!("{base}/")
    }
}

/// An RFC 5545 §3.3.6 DURATION from seconds: `PT12H`, `P1D`, `PT1H30M`.
pub fn duration_value(secs: u64) -> String {
    if secs > 0 && secs.is_multiple_of(7 * 86400) {
        return format!("P{}W", secs / (7 * 86400));
    }
    let (d, rest) = (secs / 86400, secs % 86400);
    let (h, m, s) = (rest / 3600, rest % 3600 / 60, rest % 60);
    let mut out = String::from("P");
    if d > 0 {
        out.push_str(&format!("{d}D"));
    }
    if rest > 0 || d == 0 {
        out.push('T');
        if h > 0 {
            out.push_str(&format!("{h}H"));
        }
        if m > 0 {
            out.push_str(&format!("{m}M"));
        }
        if s > 0 || (h == 0 && m == 0) {
            out.push_str(&format!("{s}S"));
        }
    }
    out
}

impl Language {
    /// "Presenter: Alice" in the calendar's language.
    pub fn presenter_line(self, name: &str) -> String {
        format!("{}{name}", self.presenter_label())
    }

    /// What precedes the presenter's name in `presenter_line`.
    pub fn presenter_label(self) -> &'static str {
        match self {
            Language::Fr => "Présentation : ",
            Language::En => "Presenter: ",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::duration_value;

    #[test]
    fn durations() {
        assert_eq!(duration_value(12 * 3600), "PT12H");
        assert_eq!(duration_value(86400), "P1D");
        assert_eq!(duration_value(7 * 86400), "P1W");
        assert_eq!(duration_value(5400), "PT1H30M");
        assert_eq!(duration_value(90000), "P1DT1H");
        assert_eq!(duration_value(0), "PT0S");
    }
}
