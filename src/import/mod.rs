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
mod ids;
mod one_offs;
mod overrides;
mod people;
mod read;
mod ritual;
mod rotation;
mod rrule;
mod scalar;
mod series;
mod time;
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
