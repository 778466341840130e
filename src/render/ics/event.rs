//! Writing the VEVENTs of one ritual segment, as planned: the master and
//! its overrides.

use chrono::{NaiveDateTime, TimeDelta};

use super::content_line::{ContentWriter, Value};
use super::plan::EventSet;
use super::stamp::Stamp;
use crate::model::{Details, PersonId, Ritual, Spec, When};

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
    write_texts(spec, d, presenter, w);
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
    write_people(spec, ritual, presenter, w);
    write_alarms(d, w);
}

/// SUMMARY and DESCRIPTION; a named presenter is in both.
fn write_texts(spec: &Spec, d: &Details, presenter: Option<PersonId>, w: &mut ContentWriter) {
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
}

/// ORGANIZER and ATTENDEEs (the presenter as CHAIR): people with an
/// e-mail only, as RFC 5545 §3.8.4.1 wants a cal-address.
fn write_people(spec: &Spec, ritual: &Ritual, presenter: Option<PersonId>, w: &mut ContentWriter) {
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
}

/// One VALARM per reminder.
fn write_alarms(d: &Details, w: &mut ContentWriter) {
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
