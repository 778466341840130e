//! Feeds: a VCALENDAR of some rituals' events, as bytes.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;

use super::content_line::{ContentWriter, Value};
use super::duration::duration_value;
use super::event;
use super::plan::{self, EventSet};
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

/// One UID's components (master and overrides), as written in a feed.
pub struct Event {
    pub uid: String,
    /// The index of its ritual in the spec.
    pub ritual: usize,
    /// The zone of its times; None for all-day events.
    pub tzid: Option<&'static str>,
    /// Whether its components carry an ORGANIZER.
    pub organizer: bool,
    pub bytes: Vec<u8>,
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
    /// Per zone, the first year a ritual uses it; and the last year any
    /// VTIMEZONE covers.
    zone_years: BTreeMap<&'static str, (Tz, i32)>,
    last_year: i32,
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
            .iter()
            .map(|(name, (tz, first))| {
                let mut w = ContentWriter::new();
                ZoneInfo::new(*tz, *first, last_year).write(&mut w);
                (*name, w.into_bytes())
            })
            .collect();
        Renderer {
            spec,
            expander,
            slots,
            zones,
            zone_years: first_years,
            last_year,
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
        self.feed_of(kind, &self.events(kind))
    }

    /// The feed's bytes, from its `events` (rendered once when they also
    /// go into a combined feed).
    pub fn feed_of(&self, kind: FeedKind, events: &[Event]) -> Vec<u8> {
        let cal = &self.spec.calendar;
        let mut w = ContentWriter::with_capacity(
            4096 + events.iter().map(|e| e.bytes.len()).sum::<usize>(),
        );
        let name = self.feed_name(kind);
        let url = cal
            .url
            .as_ref()
            .map(|base| format!("{}{}", base_with_slash(base), self.file_name(kind)));
        write_head(
            &mut w,
            &Head {
                language: cal.language,
                name: &name,
                description: cal.description.as_deref(),
                timezone: Some(cal.timezone.name()),
                refresh_secs: cal.refresh_secs,
                url: url.as_deref(),
                publish: is_publish(events),
            },
        );
        let mut used: Vec<&str> = events.iter().filter_map(|e| e.tzid).collect();
        used.sort_unstable();
        used.dedup();
        for name in used {
            if let Some(zone) = self.zones.get(name) {
                w.append(zone);
            }
        }
        for e in events {
            w.append(&e.bytes);
        }
        w.end("VCALENDAR");
        w.into_bytes()
    }

    /// The VEVENTs of a feed, each UID's components rendered once, in feed
    /// order: the feed, and a many-teams build's combined feed, are these
    /// bytes put together.
    pub fn events(&self, kind: FeedKind) -> Vec<Event> {
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
                sets.extend(plan::plan(self.spec, i, k, &self.slots[i], person));
            }
        }
        let mut events = Vec::with_capacity(sets.len());
        for set in &sets {
            let mut w = ContentWriter::with_capacity(1024);
            match self.previous.get(&set.uid) {
                // A new UID: nothing to compare with, one rendering.
                None => event::write(self.spec, set, &self.new_stamp(0), &mut w),
                // Render with the previous stamp: when the content did not
                // change (the usual rebuild) these are the final bytes;
                // only a changed event is rendered a second time.
                Some((content, stamp)) => {
                    event::write(self.spec, set, stamp, &mut w);
                    let text = std::str::from_utf8(w.as_bytes()).unwrap_or_default();
                    if super::stamp::content_hash(text) != content {
                        w.clear();
                        event::write(self.spec, set, &self.new_stamp(stamp.sequence + 1), &mut w);
                    }
                }
            }
            events.push(Event {
                uid: set.uid.clone(),
                ritual: set.ritual,
                tzid: set.tzid,
                organizer: event::organizer(self.spec, set.ritual).is_some(),
                bytes: w.into_bytes(),
            });
        }
        events
    }

    /// The VTIMEZONE of zone `name`, serialized, when an event uses it.
    pub fn zone(&self, name: &str) -> Option<&[u8]> {
        self.zones.get(name).map(Vec::as_slice)
    }

    /// Each time zone the feeds use, with the years its VTIMEZONE covers.
    pub fn zone_years(&self) -> impl Iterator<Item = (&'static str, Tz, i32, i32)> + '_ {
        self.zone_years
            .iter()
            .map(|(name, (tz, first))| (*name, *tz, *first, self.last_year))
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

    /// NAME of a feed: the calendar's, or "calendar — ritual or person".
    pub fn feed_name(&self, kind: FeedKind) -> String {
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

/// A VCALENDAR's own properties.
pub(crate) struct Head<'a> {
    pub language: Language,
    pub name: &'a str,
    pub description: Option<&'a str>,
    /// X-WR-TIMEZONE, when the feed has one main zone.
    pub timezone: Option<&'a str>,
    pub refresh_secs: u64,
    pub url: Option<&'a str>,
    /// Write METHOD:PUBLISH (see [`is_publish`]).
    pub publish: bool,
}

/// Whether a feed of `events` is written as an iTIP PUBLISH: only when
/// every event has an ORGANIZER, which RFC 5546 §3.2.1 requires of each
/// VEVENT in a PUBLISH. Otherwise the feed has no METHOD: RFC 5545 §3.7.2
/// makes it a plain snapshot of calendar data, which is what a subscribed
/// feed is (Outlook reads a missing METHOD as PUBLISH, MS-STANOICAL
/// V0078; Google, Apple and Thunderbird do not look at it).
pub(crate) fn is_publish(events: &[Event]) -> bool {
    !events.is_empty() && events.iter().all(|e| e.organizer)
}

/// `BEGIN:VCALENDAR` and the calendar's properties.
pub(crate) fn write_head(w: &mut ContentWriter, h: &Head<'_>) {
    w.begin("VCALENDAR");
    w.property("VERSION", &[], Value::Raw("2.0"));
    let prodid = format!(
        "-//rituals//rituals {}//{}",
        env!("CARGO_PKG_VERSION"),
        h.language.code().to_uppercase()
    );
    w.property("PRODID", &[], Value::Text(&prodid));
    w.property("CALSCALE", &[], Value::Raw("GREGORIAN"));
    if h.publish {
        w.property("METHOD", &[], Value::Raw("PUBLISH"));
    }
    w.property("NAME", &[], Value::Text(h.name));
    w.property("X-WR-CALNAME", &[], Value::Text(h.name));
    if let Some(d) = h.description {
        w.property("DESCRIPTION", &[], Value::Text(d));
        w.property("X-WR-CALDESC", &[], Value::Text(d));
    }
    if let Some(tz) = h.timezone {
        w.property("X-WR-TIMEZONE", &[], Value::Raw(tz));
    }
    let refresh = duration_value(h.refresh_secs);
    w.property(
        "REFRESH-INTERVAL",
        &[("VALUE", "DURATION")],
        Value::Raw(&refresh),
    );
    w.property("X-PUBLISHED-TTL", &[], Value::Raw(&refresh));
    if let Some(url) = h.url {
        w.property("URL", &[("VALUE", "URI")], Value::Raw(url));
        w.property("SOURCE", &[("VALUE", "URI")], Value::Raw(url));
    }
}

pub(crate) fn base_with_slash(base: &str) -> String {
    if base.ends_with('/') {
        base.to_owned()
    } else {
        format!("{base}/")
    }
}

impl Language {
    /// What precedes the participants' names in an event's description.
    pub fn participants_label(self) -> &'static str {
        match self {
            Language::Fr => "Participants : ",
            Language::En => "Participants: ",
        }
    }

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
