//! iCalendar output (RFC 5545, RFC 7986). Takes the expander (model and
//! slots) and the previously published stamps; gives feed bytes.

pub mod combined;
pub mod content_line;
mod duration;
mod event;
mod feed;
mod head;
pub mod parts;
mod plan;
mod resource;
mod ritual_plan;
pub mod stamp;
pub mod vtimezone;

pub use event::organizer;
pub(crate) use feed::base_with_slash;
pub use feed::{BuildInfo, Event, FeedKind, Renderer};
pub use ritual_plan::{zone_first_years, zone_last_year};
