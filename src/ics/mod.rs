//! iCalendar output (RFC 5545, RFC 7986).

pub mod content_line;
pub mod vtimezone;
