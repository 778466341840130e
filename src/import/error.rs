//! Why an iCalendar file cannot be imported at all (exit 2). What can be
//! imported only in part is a [`super::Lossy`] instead.

use std::fmt;

/// A file that is not an iCalendar file, or that the parser rejects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Nothing but white space.
    Empty { file: String },
    /// The first line is not `BEGIN:VCALENDAR`.
    NotICalendar {
        file: String,
        line: usize,
        found: String,
    },
    /// The `icalendar` parser rejected a content line (RFC 5545 §3.1).
    Syntax { file: String, line: usize },
    /// A VCALENDAR without any VEVENT.
    NoEvents { file: String },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty { file } => write!(
                f,
                "{file}:1: the file is empty: expected an iCalendar file starting with `BEGIN:VCALENDAR`"
            ),
            ImportError::NotICalendar { file, line, found } => write!(
                f,
                "{file}:{line}: not an iCalendar file: expected `BEGIN:VCALENDAR`, found `{found}`\n\
                 hint: export the calendar as .ics (iCalendar, RFC 5545)"
            ),
            ImportError::Syntax { file, line } => write!(
                f,
                "{file}:{line}: not a valid iCalendar content line (RFC 5545 §3.1): expected `NAME;PARAM=VALUE:VALUE` or a matching `END:`"
            ),
            ImportError::NoEvents { file } => {
                write!(f, "{file}:1: the calendar has no VEVENT: nothing to import")
            }
        }
    }
}

impl std::error::Error for ImportError {}
