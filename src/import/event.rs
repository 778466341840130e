//! One VEVENT's properties, read: what it says (title, people, alarms) and
//! when (its raw DTSTART/DTEND/RRULE values, resolved by `series`).

use chrono::TimeDelta;

use super::read::Comp;
use super::time::{Stamp, Value, duration, parse_one, values};

/// What an event says, as the spec's fields would.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Details {
    pub title: String,
    pub description: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
    pub categories: Vec<String>,
    /// TRANSP:OPAQUE (the default) → true.
    pub busy: bool,
}

/// An ATTENDEE or ORGANIZER.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Party {
    pub name: Option<String>,
    pub email: Option<String>,
    /// ROLE=CHAIR (our rotation presenters).
    pub chair: bool,
}

/// A VEVENT, before its times are put in a zone.
#[derive(Clone, Debug)]
pub struct Event {
    pub uid: String,
    pub start: Stamp,
    pub end: Option<Stamp>,
    pub duration: Option<TimeDelta>,
    pub rrule: Option<String>,
    pub exdates: Vec<Value>,
    pub rdates: Vec<Value>,
    pub recurrence_id: Option<Stamp>,
    /// RECURRENCE-ID;RANGE=THISANDFUTURE.
    pub this_and_future: bool,
    pub cancelled: bool,
    pub details: Details,
    pub organizer: Option<Party>,
    pub attendees: Vec<Party>,
    /// Reminders before the start; triggers we cannot say are in `lossy`.
    pub alarms: Vec<TimeDelta>,
    pub lossy: Vec<String>,
}

fn party(p: &super::read::Prop) -> Party {
    let email = p
        .value
        .trim()
        .strip_prefix("mailto:")
        .or_else(|| p.value.trim().strip_prefix("MAILTO:"))
        .map(str::to_owned)
        .filter(|e| e.contains('@'));
    Party {
        name: p
            .param("CN")
            .map(str::to_owned)
            .filter(|n| !n.trim().is_empty()),
        email,
        chair: p
            .param("ROLE")
            .is_some_and(|r| r.eq_ignore_ascii_case("CHAIR")),
    }
}

/// Reads a VEVENT; None (with the reason) when it has no UID or DTSTART.
pub fn read(c: &Comp) -> Result<Event, String> {
    let uid = c
        .get("UID")
        .map(|p| p.value.trim().to_owned())
        .filter(|u| !u.is_empty())
        .ok_or_else(|| "a VEVENT has no UID; not imported".to_owned())?;
    let stamp = |name: &str| {
        c.get(name)
            .and_then(|p| parse_one(&p.value, p.param("TZID")))
    };
    let start =
        stamp("DTSTART").ok_or_else(|| format!("{uid}: no readable DTSTART; not imported"))?;
    let mut lossy = Vec::new();
    let mut alarms = Vec::new();
    for a in c.children_named("VALARM") {
        let trigger = a.get("TRIGGER");
        let related_end = trigger
            .and_then(|t| t.param("RELATED"))
            .is_some_and(|r| r.eq_ignore_ascii_case("END"));
        match trigger.and_then(|t| duration(&t.value)) {
            Some(d) if d <= TimeDelta::zero() && !related_end => alarms.push(-d),
            _ => lossy.push(format!(
                "the reminder `TRIGGER:{}` is not a time before the start; not imported",
                trigger.map_or("", |t| t.value.as_str())
            )),
        }
    }
    if c.get("ATTACH").is_some() {
        lossy.push("ATTACH (attachments) are not imported".to_owned());
    }
    let collect = |name: &str| -> Vec<Value> { c.all(name).filter_map(values).flatten().collect() };
    let recurrence_id = c.get("RECURRENCE-ID");
    Ok(Event {
        start,
        end: stamp("DTEND"),
        duration: c.get("DURATION").and_then(|p| duration(&p.value)),
        rrule: c.get("RRULE").map(|p| p.value.clone()),
        exdates: collect("EXDATE"),
        rdates: collect("RDATE"),
        recurrence_id: recurrence_id.and_then(|p| parse_one(&p.value, p.param("TZID"))),
        this_and_future: recurrence_id
            .and_then(|p| p.param("RANGE"))
            .is_some_and(|r| r.eq_ignore_ascii_case("THISANDFUTURE")),
        cancelled: c
            .get("STATUS")
            .is_some_and(|s| s.value.trim().eq_ignore_ascii_case("CANCELLED")),
        details: Details {
            title: c.text("SUMMARY").unwrap_or_default(),
            description: c.text("DESCRIPTION"),
            location: c.text("LOCATION"),
            url: c.text("URL"),
            categories: c.all("CATEGORIES").flat_map(|p| p.list()).collect(),
            busy: !c
                .get("TRANSP")
                .is_some_and(|t| t.value.trim().eq_ignore_ascii_case("TRANSPARENT")),
        },
        organizer: c.get("ORGANIZER").map(party),
        attendees: c.all("ATTENDEE").map(party).collect(),
        alarms,
        lossy,
        uid,
    })
}
