//! Components → recurring series: VEVENTs grouped by UID (master with its
//! RRULE, EXDATEs, RDATEs, and RECURRENCE-ID overrides, RFC 5545 §3.8.4.4),
//! every time put in the series' zone.

use std::collections::BTreeMap;

use chrono::{NaiveDateTime, TimeDelta};
use chrono_tz::Tz;

use super::Lossy;
use super::event::{self, Details, Event, Party};
use super::read::Comp;
use super::rrule::RRule;
use super::time::{Stamp, ZoneMap, local_in};
use super::zone::{Via, resolve};
use crate::expand::local_time::resolve as to_utc;

/// One occurrence changed by a RECURRENCE-ID override.
#[derive(Clone, Debug)]
pub struct Override {
    /// The original start, local.
    pub recurrence_id: NaiveDateTime,
    pub start: NaiveDateTime,
    pub duration: TimeDelta,
    pub details: Details,
    pub attendees: Vec<Party>,
    pub cancelled: bool,
}

/// A series (or, for one-offs, a single event), in local times of `zone`.
#[derive(Clone, Debug)]
pub struct Series {
    pub uid: String,
    /// None for all-day series.
    pub zone: Option<Tz>,
    pub start: NaiveDateTime,
    pub duration: TimeDelta,
    pub rule: Option<RRule>,
    /// UNTIL, local.
    pub until: Option<NaiveDateTime>,
    pub exdates: Vec<NaiveDateTime>,
    /// With the length of a PERIOD value, when it has one.
    pub rdates: Vec<(NaiveDateTime, Option<TimeDelta>)>,
    pub overrides: Vec<Override>,
    pub details: Details,
    pub organizer: Option<Party>,
    pub attendees: Vec<Party>,
    pub alarms: Vec<TimeDelta>,
    /// How an unusual TZID was understood.
    pub zone_note: Option<String>,
}

impl Series {
    pub fn all_day(&self) -> bool {
        self.zone.is_none()
    }
}

/// What the file holds.
#[derive(Debug, Default)]
pub struct Calendar {
    pub name: Option<String>,
    pub description: Option<String>,
    /// `fr`/`en`, from our own PRODID.
    pub language: Option<String>,
    pub refresh: Option<TimeDelta>,
    pub series: Vec<Series>,
    pub one_offs: Vec<Series>,
    pub lossy: Vec<Lossy>,
    /// The zone of UTC and floating times (see `default_zone`).
    pub default_zone: Option<Tz>,
}

fn cal_text(cals: &[Comp], names: &[&str]) -> Option<String> {
    names
        .iter()
        .find_map(|n| cals.iter().find_map(|c| c.text(n)))
}

/// Every TZID an event uses.
fn tzids(e: &Event) -> Vec<&str> {
    let mut v: Vec<&str> = [Some(&e.start), e.end.as_ref(), e.recurrence_id.as_ref()]
        .into_iter()
        .flatten()
        .filter_map(Stamp::tzid)
        .collect();
    v.extend(
        e.exdates
            .iter()
            .chain(&e.rdates)
            .filter_map(|x| x.stamp.tzid()),
    );
    v
}

/// Reads the series of `cals` (the file's VCALENDARs).
pub fn series(cals: &[Comp]) -> Calendar {
    let mut out = Calendar {
        name: cal_text(cals, &["X-WR-CALNAME", "NAME"]),
        description: cal_text(cals, &["X-WR-CALDESC", "DESCRIPTION"]),
        language: cal_text(cals, &["PRODID"]).and_then(|p| {
            p.starts_with("-//rituals//")
                .then(|| p.rsplit("//").next().unwrap_or("").to_lowercase())
                .filter(|l| l == "fr" || l == "en")
        }),
        refresh: cals
            .iter()
            .find_map(|c| c.get("REFRESH-INTERVAL"))
            .and_then(|p| super::time::duration(&p.value)),
        ..Calendar::default()
    };
    let vtimezones: BTreeMap<String, &Comp> = cals
        .iter()
        .flat_map(|c| c.children_named("VTIMEZONE"))
        .filter_map(|v| v.get("TZID").map(|t| (t.value.trim().to_owned(), v)))
        .collect();
    let mut events = Vec::new();
    for c in cals.iter().flat_map(|c| &c.children) {
        match c.name.as_str() {
            "VEVENT" => match event::read(c) {
                Ok(e) => events.push(e),
                Err(m) => out.lossy.push(Lossy::new("(no UID)", m)),
            },
            "VTIMEZONE" => {}
            other => out.lossy.push(Lossy::new(
                &c.get("UID")
                    .map_or("(no UID)".to_owned(), |u| u.value.clone()),
                format!("{other} is not an event; not imported"),
            )),
        }
    }
    // Zones: each TZID once.
    let mut zones = ZoneMap::new();
    let mut notes: BTreeMap<String, String> = BTreeMap::new();
    let mut unknown: Vec<String> = Vec::new();
    for id in events.iter().flat_map(tzids) {
        if zones.contains_key(id) || unknown.iter().any(|u| u == id) {
            continue;
        }
        match resolve(id, vtimezones.get(id).copied()) {
            Some((tz, via)) => {
                if via != Via::Iana {
                    notes.insert(id.to_owned(), note(id, tz, &via));
                }
                zones.insert(id.to_owned(), tz);
            }
            None => unknown.push(id.to_owned()),
        }
    }
    let default_zone = default_zone(cals, &events, &zones);
    out.default_zone = Some(default_zone);
    let mut by_uid: BTreeMap<String, Vec<Event>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for e in events {
        if !by_uid.contains_key(&e.uid) {
            order.push(e.uid.clone());
        }
        by_uid.entry(e.uid.clone()).or_default().push(e);
    }
    for uid in order {
        let group = by_uid.remove(&uid).unwrap_or_default();
        let ctx = Ctx {
            zones: &zones,
            notes: &notes,
            unknown: &unknown,
            default_zone,
        };
        build(group, &ctx, &mut out);
    }
    out
}

fn note(id: &str, tz: Tz, via: &Via) -> String {
    match via {
        Via::Windows => format!(
            "time zone `{id}` (Windows name) read as {} (CLDR windowsZones)",
            tz.name()
        ),
        Via::Offsets => format!(
            "time zone `{id}` read as {}: same offsets and changes",
            tz.name()
        ),
        Via::Iana => String::new(),
    }
}

/// The zone of UTC and floating times: Google's X-WR-TIMEZONE, else the
/// zone most DTSTARTs use, else UTC.
fn default_zone(cals: &[Comp], events: &[Event], zones: &ZoneMap) -> Tz {
    if let Some(tz) = cal_text(cals, &["X-WR-TIMEZONE"]).and_then(|z| resolve(&z, None)) {
        return tz.0;
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in events {
        if let Some(tz) = e.start.tzid().and_then(|id| zones.get(id)) {
            *counts.entry(tz.name()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(name, n)| (*n, std::cmp::Reverse(*name)))
        .and_then(|(name, _)| name.parse().ok())
        .unwrap_or(Tz::UTC)
}

struct Ctx<'a> {
    zones: &'a ZoneMap,
    notes: &'a BTreeMap<String, String>,
    unknown: &'a [String],
    default_zone: Tz,
}

impl Ctx<'_> {
    fn local(&self, s: &Stamp, zone: Option<Tz>) -> NaiveDateTime {
        local_in(s, zone, self.zones)
    }

    /// Exact length from start to end (both in `zone` unless zoned).
    fn length(&self, e: &Event, zone: Option<Tz>) -> TimeDelta {
        let start = self.local(&e.start, zone);
        match (&e.end, e.duration, zone) {
            (Some(end), _, Some(z)) => to_utc(z, self.local(end, Some(z))) - to_utc(z, start),
            (Some(end), _, None) => self.local(end, None) - start,
            (None, Some(d), _) => d,
            (None, None, None) => TimeDelta::days(1),
            (None, None, Some(_)) => TimeDelta::zero(),
        }
    }
}

fn build(group: Vec<Event>, ctx: &Ctx<'_>, out: &mut Calendar) {
    let Some((m, overrides, uid)) = master(group, out) else {
        return;
    };
    for l in &m.lossy {
        out.lossy.push(Lossy::new(&uid, l.clone()));
    }
    let all_day = m.start.is_date();
    let zone_id = m.start.tzid().map(str::to_owned);
    if let Some(id) = zone_id.as_ref().filter(|id| ctx.unknown.contains(id)) {
        out.lossy.push(Lossy::new(
            &uid,
            format!(
                "unknown time zone `{id}` (no IANA, Windows or matching VTIMEZONE); read as {}",
                ctx.default_zone.name()
            ),
        ));
    }
    let zone = if all_day {
        None
    } else {
        Some(
            zone_id
                .as_ref()
                .and_then(|id| ctx.zones.get(id).copied())
                .unwrap_or(ctx.default_zone),
        )
    };
    let rule = m.rrule.as_deref().and_then(RRule::parse);
    if m.rrule.is_some() && rule.is_none() {
        out.lossy.push(Lossy::new(
            &uid,
            format!(
                "unreadable RRULE `{}`; imported as one event",
                m.rrule.as_deref().unwrap_or("")
            ),
        ));
    }
    let until = rule
        .as_ref()
        .and_then(|r| r.until.as_deref())
        .and_then(|u| {
            super::time::parse_one(u, None).map(|s| match (&s, zone) {
                (Stamp::Local(l, _), _) => *l,
                _ => ctx.local(&s, zone),
            })
        });
    let overrides = overrides_of(&overrides, zone, ctx, &uid, out);
    let series = Series {
        uid: uid.clone(),
        zone,
        start: ctx.local(&m.start, zone),
        duration: ctx.length(&m, zone),
        until,
        exdates: m
            .exdates
            .iter()
            .map(|x| ctx.local(&x.stamp, zone))
            .collect(),
        rdates: m
            .rdates
            .iter()
            .map(|x| {
                let start = ctx.local(&x.stamp, zone);
                let len = x
                    .period_duration
                    .or_else(|| x.period_end.as_ref().map(|e| ctx.local(e, zone) - start));
                (start, len)
            })
            .collect(),
        overrides,
        details: m.details.clone(),
        organizer: m.organizer.clone(),
        attendees: m.attendees.clone(),
        alarms: m.alarms.clone(),
        zone_note: zone_id.and_then(|id| ctx.notes.get(&id).cloned()),
        rule,
    };
    if series.rule.is_some() || !series.rdates.is_empty() {
        out.series.push(series);
    } else {
        out.one_offs.push(series);
    }
}

/// The master of a UID's events and its overrides; the others reported.
fn master(group: Vec<Event>, out: &mut Calendar) -> Option<(Event, Vec<Event>, String)> {
    let (mut masters, overrides): (Vec<Event>, Vec<Event>) =
        group.into_iter().partition(|e| e.recurrence_id.is_none());
    let uid = masters
        .first()
        .or(overrides.first())
        .map(|e| e.uid.clone())
        .unwrap_or_default();
    if masters.is_empty() {
        for o in &overrides {
            out.lossy.push(Lossy::new(
                &uid,
                format!(
                    "an override (RECURRENCE-ID) without its series, \"{}\"; not imported",
                    o.details.title
                ),
            ));
        }
        return None;
    }
    for extra in masters.drain(1..) {
        out.lossy.push(Lossy::new(
            &uid,
            format!(
                "a second event with the same UID, \"{}\"; not imported",
                extra.details.title
            ),
        ));
    }
    let m = masters.remove(0);
    Some((m, overrides, uid))
}

/// The overrides of a series, in its zone.
fn overrides_of(
    overrides: &[Event],
    zone: Option<Tz>,
    ctx: &Ctx<'_>,
    uid: &str,
    out: &mut Calendar,
) -> Vec<Override> {
    overrides
        .iter()
        .filter_map(|o| {
            if o.this_and_future {
                out.lossy.push(Lossy::new(
                    uid,
                    "an override with RANGE=THISANDFUTURE is read as changing one occurrence only"
                        .to_owned(),
                ));
            }
            for l in &o.lossy {
                out.lossy.push(Lossy::new(uid, l.clone()));
            }
            Some(Override {
                recurrence_id: ctx.local(o.recurrence_id.as_ref()?, zone),
                start: ctx.local(&o.start, zone),
                duration: ctx.length(o, zone),
                details: o.details.clone(),
                attendees: o.attendees.clone(),
                cancelled: o.cancelled,
            })
        })
        .collect()
}
