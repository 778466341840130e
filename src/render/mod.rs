//! Renderers: pure functions from the validated model and its occurrences
//! to bytes (iCalendar feeds, the subscribe page, the agenda). No file or
//! network I/O here: `output` writes what they give.

pub mod agenda;
pub mod html;
pub mod ics;
