//! Feeds: a VCALENDAR of some rituals' events, as bytes.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::content_line::ContentWriter;
use super::event;
pub(crate) use super::head::{Head, base_with_slash, write_head};
use super::parts;
use super::plan::EventSet;
pub use super::ritual_plan::zone_years;
use super::ritual_plan::{COMING, COMING_DAYS, RitualPlan};
use super::stamp::PreviousFeeds;
use super::vtimezone::vtimezone_bytes;
use crate::expand::{Expander, Occurrence};
use crate::model::{PersonId, Spec};

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
    /// Each ritual's events, planned once.
    plans: Vec<RitualPlan>,
    /// Each zone's VTIMEZONE, computed and serialized once per build.
    zones: BTreeMap<&'static str, std::sync::Arc<[u8]>>,
    /// Per zone, the first year a ritual uses it; and the last year any
    /// VTIMEZONE covers.
    zone_years: BTreeMap<&'static str, (Tz, i32)>,
    last_year: i32,
    previous: &'a PreviousFeeds,
    build: BuildInfo,
}

/// Rituals of the team feed rendered in parallel at a time: enough to
/// keep the cores busy, few enough that a batch's bytes stay small.
const RITUALS_AT_ONCE: usize = 256;

impl<'a> Renderer<'a> {
    pub fn new(expander: &'a Expander<'a>, previous: &'a PreviousFeeds, build: BuildInfo) -> Self {
        let spec = expander.spec;
        let plans = crate::par::map_indices(spec.rituals.len(), crate::par::RITUALS, |i| {
            RitualPlan::new(expander, i)
        });
        let (first_years, last_year) = zone_years(spec, build.now);
        let zones = first_years
            .iter()
            .map(|(name, (tz, first))| (*name, vtimezone_bytes(*tz, *first, last_year)))
            .collect();
        Renderer {
            spec,
            expander,
            plans,
            zones,
            zone_years: first_years,
            last_year,
            previous,
            build,
        }
    }

    /// The first `COMING` occurrences of ritual `index` within
    /// `COMING_DAYS` days from `today`, skipped ones included (the page's
    /// "next dates"): a walk of those few occurrences only, done when the
    /// page asks (`print` never does).
    pub fn coming(&self, index: usize, today: NaiveDate) -> Vec<Occurrence> {
        let until = today + chrono::Days::new(COMING_DAYS);
        self.expander
            .window(index, today, until)
            .take(COMING)
            .collect()
    }

    /// The feed's bytes.
    pub fn feed(&self, kind: FeedKind) -> Vec<u8> {
        self.feed_of(kind, &self.events(kind))
    }

    /// The feed's bytes, from its `events` (rendered once when they also
    /// go into a combined feed).
    pub fn feed_of(&self, kind: FeedKind, events: &[Event]) -> Vec<u8> {
        let mut w = ContentWriter::with_capacity(
            4096 + events.iter().map(|e| e.bytes.len()).sum::<usize>(),
        );
        self.write_start(
            kind,
            events.iter().filter_map(|e| e.tzid),
            is_publish(events),
            &mut w,
        );
        for e in events {
            w.append(&e.bytes);
        }
        w.end("VCALENDAR");
        w.into_bytes()
    }

    /// Writes the feed to `out` as it is rendered. The team feed (every
    /// event of the spec, 72 MB for 10,000 rituals) is never held whole:
    /// its rituals are rendered in parallel, a batch at a time, and each
    /// batch is written in order. Other feeds are small and written whole.
    ///
    /// # Errors
    /// When `out` fails.
    pub fn write_feed(&self, kind: FeedKind, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.write_feed_with(kind, out, &mut |_| Ok(()))
    }

    /// `write_feed`, also handing each event of the team feed to `each`
    /// once written (for a many-teams build's combined feed).
    ///
    /// # Errors
    /// When `out` or `each` fails.
    pub fn write_feed_with(
        &self,
        kind: FeedKind,
        out: &mut dyn std::io::Write,
        each: &mut dyn FnMut(&Event) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        if kind != FeedKind::Team {
            return out.write_all(&self.feed(kind));
        }
        // Every segment of every ritual is one event in the team feed, so
        // the zones it uses are known before any is rendered.
        let zones = self.spec.rituals.iter().flat_map(|r| {
            r.segments.iter().filter_map(|s| match s.schedule.when {
                crate::model::When::Timed { .. } => Some(s.schedule.timezone.name()),
                crate::model::When::AllDay { .. } => None,
            })
        });
        // METHOD:PUBLISH needs an ORGANIZER on every event: a property of
        // each ritual that has events (`is_publish`).
        let mut with_events =
            (0..self.spec.rituals.len()).filter(|&i| !self.plans[i].team.is_empty());
        let first = with_events.next();
        let publish = first.is_some()
            && first
                .into_iter()
                .chain(with_events)
                .all(|i| event::organizer(self.spec, i).is_some());
        let mut w = ContentWriter::with_capacity(4096);
        self.write_start(kind, zones, publish, &mut w);
        out.write_all(w.as_bytes())?;
        let indices: Vec<usize> = (0..self.spec.rituals.len()).collect();
        for batch in indices.chunks(RITUALS_AT_ONCE) {
            let parts: Vec<Vec<Event>> =
                crate::par::map(batch, crate::par::RITUALS, |&i| self.ritual_events(i, None));
            for e in parts.iter().flatten() {
                out.write_all(&e.bytes)?;
                each(e)?;
            }
        }
        let mut w = ContentWriter::new();
        w.end("VCALENDAR");
        out.write_all(w.as_bytes())
    }

    /// The calendar's properties and the VTIMEZONEs of the zones `used`.
    fn write_start<'z>(
        &self,
        kind: FeedKind,
        used: impl Iterator<Item = &'z str>,
        publish: bool,
        w: &mut ContentWriter,
    ) {
        let cal = &self.spec.calendar;
        let name = self.feed_name(kind);
        let url = cal
            .url
            .as_ref()
            .map(|base| format!("{}{}", base_with_slash(base), self.file_name(kind)));
        write_head(
            w,
            &Head {
                language: cal.language,
                name: &name,
                description: cal.description.as_deref(),
                timezone: Some(cal.timezone.name()),
                refresh_secs: cal.refresh_secs,
                url: url.as_deref(),
                publish,
            },
        );
        let mut used: Vec<&str> = used.collect();
        used.sort_unstable();
        used.dedup();
        for name in used {
            if let Some(zone) = self.zones.get(name) {
                w.append(zone);
            }
        }
    }

    /// The VEVENTs of a feed, each UID's components rendered once, in feed
    /// order: the feed, and a many-teams build's combined feed, are these
    /// bytes put together.
    pub fn events(&self, kind: FeedKind) -> Vec<Event> {
        // A ritual's feed looks at its own ritual only: scanning them all
        // for each of 10,000 ritual feeds would be quadratic.
        let indices = match kind {
            FeedKind::Ritual(r) => r..r + 1,
            _ => 0..self.spec.rituals.len(),
        };
        let mut events = Vec::new();
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
            events.extend(self.ritual_events(i, person));
        }
        events
    }

    /// The events of ritual `i` (one per segment), for the team and
    /// ritual feeds or for a person's.
    fn ritual_events(&self, i: usize, person: Option<PersonId>) -> Vec<Event> {
        let plan = &self.plans[i];
        match person {
            None => plan.team.iter().map(|set| self.render(set)).collect(),
            Some(p) if self.spec.rituals[i].rotation.is_some() => plan
                .turns
                .iter()
                .find(|(q, _)| *q == p)
                .map(|(_, sets)| sets.iter().map(|set| self.render(set)).collect())
                .unwrap_or_default(),
            // Outside rotations a person's events are the team's under the
            // person's own UIDs.
            Some(p) => plan
                .team
                .iter()
                .map(|set| {
                    let mut set = set.clone();
                    set.uid = parts::uid(
                        self.spec,
                        &self.spec.rituals[i],
                        set.segment,
                        parts::Part::Series,
                        Some(p),
                    )
                    .into_owned();
                    self.render(&set)
                })
                .collect(),
        }
    }

    /// One UID's components, with the stamp of its previous publication
    /// when its content did not change.
    fn render(&self, set: &EventSet) -> Event {
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
        Event {
            uid: set.uid.clone(),
            ritual: set.ritual,
            tzid: set.tzid,
            organizer: event::organizer(self.spec, set.ritual).is_some(),
            bytes: w.into_bytes(),
        }
    }

    /// The VTIMEZONE of zone `name`, serialized, when an event uses it.
    pub fn zone(&self, name: &str) -> Option<&[u8]> {
        self.zones.get(name).map(|z| &z[..])
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

/// Whether a feed of `events` is written as an iTIP PUBLISH: only when
/// every event has an ORGANIZER, which RFC 5546 §3.2.1 requires of each
/// VEVENT in a PUBLISH. Otherwise the feed has no METHOD: RFC 5545 §3.7.2
/// makes it a plain snapshot of calendar data, which is what a subscribed
/// feed is (Outlook reads a missing METHOD as PUBLISH, MS-STANOICAL
/// V0078; Google, Apple and Thunderbird do not look at it).
pub(crate) fn is_publish(events: &[Event]) -> bool {
    !events.is_empty() && events.iter().all(|e| e.organizer)
}
