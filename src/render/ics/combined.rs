//! The combined feed of a many-teams build: every team's events, each
//! exactly as its team feed writes it, and one VTIMEZONE per zone.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::Write;

use chrono_tz::Tz;

use super::content_line::ContentWriter;
use super::feed::{BuildInfo, Event, Head, write_head};
use super::ritual_plan::zone_last_year;
use super::vtimezone::vtimezone_bytes;
use crate::load::TeamFacts;
use crate::model::{Calendar, Spec};

/// What one team brings to the combined feed.
pub struct TeamEvents<'a> {
    pub spec: &'a Spec,
    /// The events of its team feed (`Renderer::events(FeedKind::Team)`).
    pub events: &'a [Event],
    /// Its zones and the years their VTIMEZONEs cover
    /// (`Renderer::zone_years`).
    pub zones: &'a [(&'static str, Tz, i32, i32)],
}

/// A UID that two teams write differently: one ritual file included by
/// two teams whose calendars (time zone, holidays, horizon, language)
/// differ.
#[derive(Debug)]
pub struct Conflict {
    pub uid: String,
    pub first: String,
    pub second: String,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the event `{}` is included by the teams `{}` and `{}`, whose calendars make it different events\nhint: include shared rituals only in teams with the same calendar settings (time zone, holidays, horizon, language), or copy them under another id",
            self.uid, self.first, self.second
        )
    }
}

/// The combined feed's bytes. An event that several teams include from
/// the same file is written once.
///
/// # Errors
/// `Conflict` when two teams write the same UID differently.
pub fn combined_feed(teams: &[TeamEvents<'_>]) -> Result<Vec<u8>, Conflict> {
    let mut seen: HashMap<&str, (usize, &[u8])> = HashMap::new();
    let mut events: Vec<&Event> = Vec::new();
    for (t, team) in teams.iter().enumerate() {
        for e in team.events {
            match seen.get(e.uid.as_str()) {
                Some((_, bytes)) if *bytes == e.bytes.as_slice() => {}
                Some((first, _)) => {
                    return Err(Conflict {
                        uid: e.uid.clone(),
                        first: teams[*first].spec.calendar.slug.clone(),
                        second: team.spec.calendar.slug.clone(),
                    });
                }
                None => {
                    seen.insert(&e.uid, (t, &e.bytes));
                    events.push(e);
                }
            }
        }
    }

    let mut w =
        ContentWriter::with_capacity(4096 + events.iter().map(|e| e.bytes.len()).sum::<usize>());
    let calendars: Vec<&Calendar> = teams.iter().map(|t| &t.spec.calendar).collect();
    let publish = !events.is_empty() && events.iter().all(|e| e.organizer);
    write_combined_head(&mut w, &calendars, publish);
    // Each zone once, covering every team's years.
    let mut zones: BTreeMap<&str, (Tz, i32, i32)> = BTreeMap::new();
    for (name, tz, first, last) in teams.iter().flat_map(|t| t.zones.iter()) {
        let z = zones.entry(name).or_insert((*tz, *first, *last));
        z.1 = z.1.min(*first);
        z.2 = z.2.max(*last);
    }
    let mut used: Vec<&str> = events.iter().filter_map(|e| e.tzid).collect();
    used.sort_unstable();
    used.dedup();
    for name in used {
        if let Some((tz, first, last)) = zones.get(name) {
            w.append(&vtimezone_bytes(*tz, *first, *last));
        }
    }
    for e in events {
        w.append(&e.bytes);
    }
    w.end("VCALENDAR");
    Ok(w.into_bytes())
}

/// The combined feed's calendar properties: the teams' names, their zone
/// when they share one, the shortest refresh interval, the first team's
/// language.
fn write_combined_head(w: &mut ContentWriter, calendars: &[&Calendar], publish: bool) {
    let first = calendars.first();
    let names: Vec<&str> = calendars.iter().map(|c| c.name.as_str()).collect();
    let timezone = first
        .map(|c| c.timezone)
        .filter(|tz| calendars.iter().all(|c| c.timezone == *tz));
    write_head(
        w,
        &Head {
            language: first.map_or(crate::model::Language::Fr, |c| c.language),
            name: &names.join(", "),
            description: None,
            timezone: timezone.map(|tz| tz.name()),
            refresh_secs: calendars
                .iter()
                .map(|c| c.refresh_secs)
                .min()
                .unwrap_or(12 * 3600),
            url: None,
            publish,
        },
    );
}

/// The combined feed, written as each team's feed is rendered (a build of
/// 100 teams never holds their events): the calendar's properties and
/// every zone first (both follow from the specs alone), then each event
/// as its team hands it over, the first time its UID is seen.
pub struct CombinedWriter<'w> {
    out: &'w mut (dyn Write + Send),
    slugs: Vec<String>,
    /// Each UID written, with its team and a hash of its bytes: an event
    /// that several teams include from one file is written once, and a
    /// UID that two teams write differently is a conflict.
    seen: HashMap<String, (usize, u64)>,
    team: usize,
    /// Set when `add` met a conflict (and failed).
    pub conflict: Option<Conflict>,
}

impl<'w> CombinedWriter<'w> {
    /// Writes the combined feed's head and VTIMEZONEs.
    ///
    /// # Errors
    /// When `out` fails.
    pub fn start(
        specs: &[&Spec],
        facts: &[&TeamFacts],
        build: BuildInfo,
        out: &'w mut (dyn Write + Send),
    ) -> std::io::Result<CombinedWriter<'w>> {
        let mut w = ContentWriter::with_capacity(1 << 16);
        let calendars: Vec<&Calendar> = specs.iter().map(|s| &s.calendar).collect();
        // As `is_publish` of the events: every ritual's events have an
        // ORGANIZER when every ritual has one.
        let publish = facts.iter().any(|f| f.has_rituals) && facts.iter().all(|f| f.organized);
        write_combined_head(&mut w, &calendars, publish);
        // Every zone of a team's timed events is used by one of them.
        let mut zones: BTreeMap<&str, (Tz, i32, i32)> = BTreeMap::new();
        for (spec, facts) in specs.iter().zip(facts) {
            let last = zone_last_year(&spec.calendar, build.now);
            for (&name, &(tz, first)) in &facts.zones {
                let z = zones.entry(name).or_insert((tz, first, last));
                z.1 = z.1.min(first);
                z.2 = z.2.max(last);
            }
        }
        for (tz, first, last) in zones.values() {
            w.append(&vtimezone_bytes(*tz, *first, *last));
        }
        out.write_all(w.as_bytes())?;
        Ok(CombinedWriter {
            out,
            slugs: specs.iter().map(|s| s.calendar.slug.clone()).collect(),
            seen: HashMap::new(),
            team: 0,
            conflict: None,
        })
    }

    /// The team whose events `add` receives next (its index in `specs`).
    pub fn team(&mut self, team: usize) {
        self.team = team;
    }

    /// Writes an event of the current team unless an identical one was.
    ///
    /// # Errors
    /// When `out` fails, or on a conflict (then kept in `conflict`).
    pub fn add(&mut self, e: &Event) -> std::io::Result<()> {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        e.bytes.hash(&mut h);
        let hash = h.finish();
        match self.seen.get(e.uid.as_str()) {
            Some((_, seen)) if *seen == hash => Ok(()),
            Some((first, _)) => {
                self.conflict = Some(Conflict {
                    uid: e.uid.clone(),
                    first: self.slugs[*first].clone(),
                    second: self.slugs[self.team].clone(),
                });
                Err(std::io::Error::other("an event conflicts between teams"))
            }
            None => {
                self.seen.insert(e.uid.clone(), (self.team, hash));
                self.out.write_all(&e.bytes)
            }
        }
    }

    /// Ends the feed.
    ///
    /// # Errors
    /// When `out` fails.
    pub fn finish(self) -> std::io::Result<()> {
        let mut w = ContentWriter::new();
        w.end("VCALENDAR");
        self.out.write_all(w.as_bytes())
    }
}
