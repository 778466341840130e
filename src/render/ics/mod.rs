//! iCalendar output (RFC 5545, RFC 7986). Takes the expander (model and
//! slots) and the previously published stamps; gives feed bytes.

pub mod combined;
pub mod content_line;
mod duration;
mod event;
mod feed;
pub mod parts;
mod plan;
mod resource;
pub mod stamp;
pub mod vtimezone;

pub(crate) use feed::base_with_slash;
pub use feed::{BuildInfo, Event, FeedKind, Renderer};
