//! Writing one UID's components: a master with its RRULE (or RDATE list),
//! EXDATEs and RDATEs, and RECURRENCE-ID overrides for moved occurrences.
//! Which UIDs a segment has is planned in [`super::plan`].

use chrono::{NaiveDateTime, TimeDelta};

use super::content_line::{ContentWriter, Value};
use super::plan::EventSet;
use super::stamp::Stamp;
use crate::model::{Attendees, Details, PersonId, Spec};

/// Writes the master VEVENT and its overrides.
pub fn write(spec: &Spec, set: &EventSet, stamp: &Stamp, w: &mut ContentWriter) {
    let ritual = &spec.rituals[set.ritual];
    let seg = &ritual.segments[set.segment];
    let all_day = set.tzid.is_none();
    let duration = seg.schedule.when.length();
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
    if set.rdate_list && !set.rdates.is_empty() {
        let mut list = String::with_capacity(16 * set.rdates.len());
        for (i, d) in set.rdates.iter().enumerate() {
            if i > 0 {
                list.push(',');
            }
            push_compact(&mut list, *d, set.tzid.is_some());
        }
        match set.tzid {
            Some(tz) => w.property("RDATE", &[("TZID", tz)], Value::Raw(&list)),
            None => w.property("RDATE", &[("VALUE", "DATE")], Value::Raw(&list)),
        }
    } else {
        for d in &set.rdates {
            write_time(w, "RDATE", set.tzid, *d, &mut buf);
        }
    }
    write_details(spec, set, &seg.details, set.presenter, w);
    w.end("VEVENT");
    for o in &set.overrides {
        w.begin("VEVENT");
        write_head(set, stamp, w);
        write_time(w, "RECURRENCE-ID", set.tzid, o.recurrence_id, &mut buf);
        write_time(w, "DTSTART", set.tzid, o.start, &mut buf);
        let end = if all_day {
            o.start + TimeDelta::days(o.duration.num_days().max(1))
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
        }
        None => w.property("SUMMARY", &[], Value::Text(&d.title)),
    }
    // Who takes part is told in words, not with ATTENDEE: see
    // `write_organizer`.
    let mut lines: Vec<String> = Vec::new();
    if let Some(p) = presenter {
        lines.push(lang.presenter_line(&spec.people[p].name));
    }
    if let Some(names) = participants(spec, &ritual.attendees) {
        lines.push(format!("{}{names}", lang.participants_label()));
    }
    if let Some(desc) = &d.description {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(desc.clone());
    }
    if !lines.is_empty() {
        w.property("DESCRIPTION", &[], Value::Text(&lines.join("\n")));
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
    write_organizer(spec, set.ritual, w);
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

/// The names of a ritual's `attendees`, in the spec's order; None without
/// the field.
fn participants(spec: &Spec, attendees: &Attendees) -> Option<String> {
    let names: Vec<&str> = match attendees {
        Attendees::Unspecified => return None,
        Attendees::All => spec.people.iter().map(|p| p.name.as_str()).collect(),
        Attendees::Some(ids) => ids.iter().map(|&p| spec.people[p].name.as_str()).collect(),
    };
    (!names.is_empty()).then(|| names.join(", "))
}

/// The event's ORGANIZER, when it has one: the ritual's `organizer` (a
/// person with an e-mail address), else `calendar.organizer`.
///
/// Feeds are published snapshots, not scheduling messages: they carry no
/// ATTENDEE (RFC 5546 §3.2.1 allows none in PUBLISH, and clients that see
/// their user among the attendees offer to answer an invitation nobody
/// can receive); the participants are named in DESCRIPTION instead. The
/// feed says METHOD:PUBLISH only when every event has an ORGANIZER, which
/// that table requires (see `feed::write_head`).
fn write_organizer(spec: &Spec, r: usize, w: &mut ContentWriter) {
    if let Some((name, email)) = organizer(spec, r) {
        w.property(
            "ORGANIZER",
            &[("CN", name)],
            Value::RawParts(&["mailto:", email]),
        );
    }
}

/// The (CN, address) of ritual `r`'s ORGANIZER, if any.
pub fn organizer(spec: &Spec, r: usize) -> Option<(&str, &str)> {
    let ritual = &spec.rituals[r];
    let person = ritual
        .organizer
        .map(|o| &spec.people[o])
        .and_then(|p| Some((p.name.as_str(), p.email.as_deref()?)));
    person.or_else(|| {
        let cal = &spec.calendar;
        Some((cal.name.as_str(), cal.organizer.as_deref()?))
    })
}
