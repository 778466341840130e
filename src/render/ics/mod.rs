//! iCalendar output (RFC 5545, RFC 7986).

pub mod combined;
pub mod content_line;
mod duration;
mod event;
mod feed;
pub mod stamp;
pub mod vtimezone;

pub(crate) use feed::base_with_slash;
pub use feed::{BuildInfo, Event, FeedKind, Renderer};
