//! iCalendar output (RFC 5545, RFC 7986).

pub mod content_line;
mod event;
mod feed;
pub mod stamp;
pub mod vtimezone;

pub use feed::{BuildInfo, FeedKind, Renderer};
