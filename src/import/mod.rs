//! `rituals import`: an iCalendar file (RFC 5545) → a `rituals.yaml`.
//!
//! Stages: `read` (text → components, with the `icalendar` crate's
//! parser) → `series` (VEVENTs grouped by UID, times in their zones) →
//! `draft` (series → the spec's fields: `every`, `skip`, `moved`,
//! `rotation`, people) → `yaml` (a pure writer). What cannot be carried
//! over is a [`Lossy`]: one line on stderr and a comment in the YAML.

mod doc;
mod draft;
pub mod error;
mod event;
mod every;
mod exceptions;
mod ids;
mod one_offs;
mod overrides;
mod participants;
mod people;
mod presenters;
mod read;
mod ritual;
mod rotation;
mod rrule;
mod scalar;
mod series;
mod time;
mod turn_rule;
mod when;
mod yaml;
mod zone;

use std::fmt;

use chrono::NaiveDate;

pub use error::ImportError;

/// What `rituals import` was asked.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Name of the file, for messages and the header comment.
    pub file_name: String,
    /// Import only from this date (`--since`).
    pub since: Option<NaiveDate>,
    /// One-off events become `dates:` rituals (`--one-offs`).
    pub one_offs: bool,
    /// UIDs `<id>@<domain>` keep their id (`--domain`; default: the most
    /// common domain of the file's UIDs).
    pub domain: Option<String>,
}

/// Something of the calendar that the spec does not carry over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lossy {
    pub uid: String,
    pub message: String,
}

impl Lossy {
    pub fn new(uid: &str, message: String) -> Lossy {
        Lossy {
            uid: uid.to_owned(),
            message,
        }
    }
}

impl fmt::Display for Lossy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "warning: {}: {}", self.uid, self.message)
    }
}

/// The spec's text and what was not carried over.
#[derive(Clone, Debug)]
pub struct Imported {
    pub yaml: String,
    pub lossy: Vec<Lossy>,
}

/// Turns the text of an iCalendar file into a spec.
///
/// # Errors
/// [`ImportError`] when the text is empty, not iCalendar, malformed
/// (RFC 5545 §3.1), or holds no VEVENT.
pub fn import(text: &str, opts: &Options) -> Result<Imported, ImportError> {
    let cals = read::read(text, &opts.file_name)?;
    let has_event = cals
        .iter()
        .any(|c| c.children.iter().any(|e| e.name == "VEVENT"));
    if !has_event {
        return Err(ImportError::NoEvents {
            file: opts.file_name.clone(),
        });
    }
    let cal = series::series(&cals);
    let (doc, lossy) = draft::draft(cal, opts);
    Ok(Imported {
        yaml: yaml::write(&doc),
        lossy,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{Options, import};

    /// Content lines a calendar might hold, malformed ones included.
    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("BEGIN:VEVENT".to_owned()),
            Just("END:VEVENT".to_owned()),
            Just("BEGIN:VALARM".to_owned()),
            Just("END:VALARM".to_owned()),
            Just("DTSTART;TZID=Europe/Paris:20260105T100000".to_owned()),
            "(UID|SUMMARY|DTSTART|DTEND|RRULE|EXDATE|RDATE|RECURRENCE-ID|DURATION|TRIGGER|ATTENDEE|ORGANIZER|CATEGORIES|STATUS|TRANSP|X-WR-TIMEZONE)(;TZID=[A-Za-z/ ]{0,12}|;VALUE=(DATE|PERIOD)|;CN=[a-zé ]{0,5})?:[-0-9TZPWDHMS:;=,/A-Za-zé@.]{0,30}",
            "RRULE:FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY|HOURLY);(INTERVAL=[0-9]{1,3};)?(BYDAY=(-?[0-9])?(MO|TU|FR|éé)(,[0-9]?SU)?;)?(BYMONTHDAY=-?[0-9]{1,2};)?(BYSETPOS=-?[0-9];)?(BYMONTH=[0-9]{1,2};)?(COUNT=[0-9]{1,4};)?(UNTIL=2026[01][0-9][0-3][0-9](T[0-9]{6}Z)?)?",
        ]
    }

    proptest! {
        /// Whatever the file holds, import answers (a spec or an error);
        /// it never panics.
        #[test]
        fn never_panics(lines in prop::collection::vec(line(), 0..24)) {
            let text = format!("BEGIN:VCALENDAR\n{}\nEND:VCALENDAR\n", lines.join("\n"));
            let opts = Options { file_name: "p.ics".into(), ..Options::default() };
            let _ = import(&text, &opts);
        }
    }
}
