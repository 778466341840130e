//! The VEVENTs of one ritual segment: a master with its RRULE, EXDATEs and
//! RDATEs, and RECURRENCE-ID overrides for moved occurrences and named
//! presenters.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use super::content_line::{ContentWriter, Value};
use super::stamp::Stamp;
use crate::expand::local_time::resolve;
use crate::expand::{Slot, SlotKind, SlotStatus};
use crate::model::{Details, PersonId, Segment, Spec, When};

/// Everything needed to write one UID's components.
pub struct EventSet {
    pub uid: String,
    pub ritual: usize,
    pub segment: usize,
    /// None for all-day events.
    pub tzid: Option<&'static str>,
    pub dtstart: NaiveDateTime,
    pub rrule: Option<String>,
    pub exdates: Vec<NaiveDateTime>,
    pub rdates: Vec<NaiveDateTime>,
    pub overrides: Vec<Override>,
    /// The master's presenter (in a person's feed of a rotation ritual).
    pub presenter: Option<PersonId>,
}

pub struct Override {
    pub recurrence_id: NaiveDateTime,
    pub start: NaiveDateTime,
    pub duration: TimeDelta,
    pub presenter: Option<PersonId>,
}

/// Plans the events of segment `k` of ritual `r`, for the team feed
/// (`person == None`) or for a person's feed. None when the segment has
/// nothing to show (a person with no turn in it).
pub fn plan(
    spec: &Spec,
    r: usize,
    k: usize,
    slots: &[Slot],
    person: Option<PersonId>,
) -> Option<EventSet> {
    let ritual = &spec.rituals[r];
    let seg = &ritual.segments[k];
    let slots: Vec<&Slot> = slots.iter().filter(|s| s.segment == k).collect();
    let duration = match seg.schedule.when {
        When::Timed { duration, .. } => duration,
        When::AllDay => TimeDelta::days(1),
    };
    let tzid = match seg.schedule.when {
        When::Timed { .. } => Some(seg.schedule.timezone.name()),
        When::AllDay => None,
    };
    let start_of = |d: NaiveDate| d.and_time(slot_time(seg));
    let uid = match person {
        None => seg.uid.clone(),
        Some(p) => {
            let (local, domain) = seg.uid.split_once('@').unwrap_or((&seg.uid, ""));
            format!("{local}.{}@{domain}", spec.people[p].id)
        }
    };
    let rotation_person = person.filter(|_| ritual.rotation.is_some());
    let override_of = |s: &Slot, presenter: Option<PersonId>| match s.status {
        SlotStatus::Moved { to, duration: d } => Some(Override {
            recurrence_id: s.original_start(),
            start: to,
            duration: d.unwrap_or(duration),
            presenter,
        }),
        _ => presenter.map(|p| Override {
            recurrence_id: s.original_start(),
            start: s.original_start(),
            duration,
            presenter: Some(p),
        }),
    };

    if let Some(p) = rotation_person {
        // Only this person's turns: the series up to their last regular
        // turn, every other slot excluded.
        let own = |s: &Slot| s.is_held() && s.presenter == Some(p);
        let mine: Vec<&Slot> = slots.iter().copied().filter(|s| own(s)).collect();
        let first_regular = *mine.iter().find(|s| s.kind == SlotKind::Regular)?;
        let last_regular = *mine.iter().rfind(|s| s.kind == SlotKind::Regular)?;
        let until = resolve(seg.schedule.timezone, last_regular.original_start());
        let rrule = Some(rrule_text(
            seg,
            Some(until_value(seg, last_regular.original_start(), until)),
            None,
        ));
        let exdates = slots
            .iter()
            .filter(|s| {
                s.kind == SlotKind::Regular
                    && s.date > first_regular.date
                    && s.date < last_regular.date
            })
            .filter(|s| !own(s))
            .map(|s| s.original_start())
            .collect();
        let rdates = mine
            .iter()
            .filter(|s| s.kind == SlotKind::Extra)
            .map(|s| s.original_start())
            .collect();
        let overrides = mine
            .iter()
            .filter(|s| matches!(s.status, SlotStatus::Moved { .. }))
            .filter_map(|s| override_of(s, None))
            .collect();
        return Some(EventSet {
            uid,
            ritual: r,
            segment: k,
            tzid,
            dtstart: first_regular.original_start(),
            rrule,
            exdates,
            rdates,
            overrides,
            presenter: Some(p),
        });
    }

    let until = seg.span.to.map(|end| {
        // The last date the rule gives before the segment ends: UNTIL is
        // inclusive (RFC 5545 §3.3.10) and must be in UTC when DTSTART
        // has a TZID.
        let mut d = end.pred_opt().unwrap_or(end);
        while d > seg.dtstart && !seg.schedule.rule.matches(seg.dtstart, d) {
            d = d.pred_opt().unwrap_or(d);
        }
        let local = start_of(d);
        until_value(seg, local, resolve(seg.schedule.timezone, local))
    });
    let count = if k == 0 { ritual.count } else { None };
    let rrule = Some(rrule_text(
        seg,
        if count.is_some() { None } else { until },
        count,
    ));
    Some(EventSet {
        uid,
        ritual: r,
        segment: k,
        tzid,
        dtstart: start_of(seg.dtstart),
        rrule,
        exdates: slots
            .iter()
            .filter(|s| s.kind == SlotKind::Regular && !s.is_held())
            .map(|s| s.original_start())
            .collect(),
        rdates: slots
            .iter()
            .filter(|s| s.kind == SlotKind::Extra && s.is_held())
            .map(|s| s.original_start())
            .collect(),
        overrides: slots
            .iter()
            .filter(|s| s.is_held())
            .filter_map(|s| override_of(s, s.presenter))
            .collect(),
        presenter: None,
    })
}

fn slot_time(seg: &Segment) -> NaiveTime {
    match seg.schedule.when {
        When::Timed { start, .. } => start,
        When::AllDay => NaiveTime::MIN,
    }
}

fn until_value(seg: &Segment, local: NaiveDateTime, utc: chrono::DateTime<chrono::Utc>) -> String {
    match seg.schedule.when {
        When::AllDay => local.format("%Y%m%d").to_string(),
        When::Timed { .. } => utc.format("%Y%m%dT%H%M%SZ").to_string(),
    }
}

fn rrule_text(seg: &Segment, until: Option<String>, count: Option<u32>) -> String {
    let mut s = seg.schedule.rule.rrule_parts();
    if let Some(c) = count {
        s.push_str(&format!(";COUNT={c}"));
    }
    if let Some(u) = until {
        s.push_str(";UNTIL=");
        s.push_str(&u);
    }
    s
}

/// Writes the master VEVENT and its overrides.
pub fn write(spec: &Spec, set: &EventSet, stamp: &Stamp, w: &mut ContentWriter) {
    let ritual = &spec.rituals[set.ritual];
    let seg = &ritual.segments[set.segment];
    let all_day = set.tzid.is_none();
    let duration = match seg.schedule.when {
        When::Timed { duration, .. } => duration,
        When::AllDay => TimeDelta::days(1),
    };
    let mut buf = String::new();
    w.begin("VEVENT");
    write_head(set, stamp, w);
    write_time(w, "DTSTART", set.tzid, set.dtstart, &mut buf);
    write_time(w, "DTEND", set.tzid, set.dtstart + duration, &mut buf);
    if let Some(rrule) = &set.rrule {
        w.property("RRULE", &[], Value::Raw(rrule));
    }
    for d in &set.exdates {
        write_time(w, "EXDATE", set.tzid, *d, &mut buf);
    }
    for d in &set.rdates {
        write_time(w, "RDATE", set.tzid, *d, &mut buf);
    }
    write_details(spec, set, &seg.details, set.presenter, w);
    w.end("VEVENT");
    for o in &set.overrides {
        w.begin("VEVENT");
        write_head(set, stamp, w);
        write_time(w, "RECURRENCE-ID", set.tzid, o.recurrence_id, &mut buf);
        write_time(w, "DTSTART", set.tzid, o.start, &mut buf);
        let end = if all_day {
            o.start + TimeDelta::days(1).max(o.duration)
        } else {
            o.start + o.duration
        };
        write_time(w, "DTEND", set.tzid, end, &mut buf);
        write_details(spec, set, &seg.details, o.presenter.or(set.presenter), w);
        w.end("VEVENT");
    }
}

fn write_head(set: &EventSet, stamp: &Stamp, w: &mut ContentWriter) {
    w.property("UID", &[], Value::Raw(&set.uid));
    if !stamp.dtstamp.is_empty() {
        w.property("DTSTAMP", &[], Value::Raw(&stamp.dtstamp));
        w.property("LAST-MODIFIED", &[], Value::Raw(&stamp.last_modified));
    }
    let mut seq = itoa_buf(stamp.sequence);
    w.property("SEQUENCE", &[], Value::Raw(seq.as_str()));
    seq.clear();
}

fn itoa_buf(n: u32) -> String {
    n.to_string()
}

/// DTSTART-like properties: `;TZID=Zone:YYYYMMDDTHHMMSS`, or
/// `;VALUE=DATE:YYYYMMDD` for all-day events. EXDATE and RECURRENCE-ID
/// use the same form as DTSTART so they match in every client.
fn write_time(
    w: &mut ContentWriter,
    name: &str,
    tzid: Option<&str>,
    t: NaiveDateTime,
    buf: &mut String,
) {
    buf.clear();
    match tzid {
        Some(tz) => {
            push_compact(buf, t, true);
            w.property(name, &[("TZID", tz)], Value::Raw(buf));
        }
        None => {
            push_compact(buf, t, false);
            w.property(name, &[("VALUE", "DATE")], Value::Raw(buf));
        }
    }
}

/// `YYYYMMDD` or `YYYYMMDDTHHMMSS` by hand: chrono's `format` parses its
/// pattern on every call, and this runs for every EXDATE and override.
fn push_compact(buf: &mut String, t: NaiveDateTime, with_time: bool) {
    use chrono::{Datelike, Timelike};
    fn two(buf: &mut String, n: u32) {
        buf.push(char::from(b'0' + (n / 10) as u8));
        buf.push(char::from(b'0' + (n % 10) as u8));
    }
    let year = t.year();
    if !(0..=9999).contains(&year) {
        use std::fmt::Write;
        let pattern = if with_time { "%Y%m%dT%H%M%S" } else { "%Y%m%d" };
        let _ = write!(buf, "{}", t.format(pattern));
        return;
    }
    let year = year as u32;
    two(buf, year / 100);
    two(buf, year % 100);
    two(buf, t.month());
    two(buf, t.day());
    if with_time {
        buf.push('T');
        two(buf, t.hour());
        two(buf, t.minute());
        two(buf, t.second());
    }
}

fn write_details(
    spec: &Spec,
    set: &EventSet,
    d: &Details,
    presenter: Option<PersonId>,
    w: &mut ContentWriter,
) {
    let ritual = &spec.rituals[set.ritual];
    let lang = spec.calendar.language;
    match presenter {
        Some(p) => {
            let name = spec.people[p].name.as_str();
            w.property("SUMMARY", &[], Value::TextParts(&[&d.title, " — ", name]));
            let label = lang.presenter_label();
            match &d.description {
                Some(desc) => w.property(
                    "DESCRIPTION",
                    &[],
                    Value::TextParts(&[label, name, "\n\n", desc]),
                ),
                None => w.property("DESCRIPTION", &[], Value::TextParts(&[label, name])),
            }
        }
        None => {
            w.property("SUMMARY", &[], Value::Text(&d.title));
            if let Some(desc) = &d.description {
                w.property("DESCRIPTION", &[], Value::Text(desc));
            }
        }
    }
    if let Some(l) = &d.location {
        w.property("LOCATION", &[], Value::Text(l));
    }
    if let Some(u) = &d.url {
        w.property("URL", &[("VALUE", "URI")], Value::Raw(u));
    }
    if !ritual.categories.is_empty() {
        w.property("CATEGORIES", &[], Value::TextList(&ritual.categories));
    }
    w.property(
        "TRANSP",
        &[],
        Value::Raw(if d.busy { "OPAQUE" } else { "TRANSPARENT" }),
    );
    if let Some(o) = ritual.organizer.map(|o| &spec.people[o])
        && let Some(email) = &o.email
    {
        w.property(
            "ORGANIZER",
            &[("CN", &o.name)],
            Value::RawParts(&["mailto:", email]),
        );
    }
    let all = 0..spec.people.len();
    let attendees: &mut dyn Iterator<Item = PersonId> = match (&ritual.attendees, presenter) {
        (crate::model::Attendees::All, _) => &mut all.into_iter(),
        (crate::model::Attendees::Some(ids), _) => &mut ids.iter().copied(),
        (crate::model::Attendees::Unspecified, p) => &mut p.into_iter(),
    };
    for a in attendees {
        let person = &spec.people[a];
        if let Some(email) = &person.email {
            let role = if Some(a) == presenter {
                "CHAIR"
            } else {
                "REQ-PARTICIPANT"
            };
            w.property(
                "ATTENDEE",
                &[("CN", &person.name), ("ROLE", role)],
                Value::RawParts(&["mailto:", email]),
            );
        }
    }
    for r in &d.remind {
        w.begin("VALARM");
        w.property("ACTION", &[], Value::Raw("DISPLAY"));
        w.property(
            "TRIGGER",
            &[],
            Value::Raw(&format!(
                "-{}",
                super::duration::duration_value(r.num_seconds().max(0) as u64)
            )),
        );
        w.property("DESCRIPTION", &[], Value::Text(&d.title));
        w.end("VALARM");
    }
}
