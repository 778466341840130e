//! Validated model: what `validate` gives and every later stage takes;
//! everything after `validate` sees only these types.
//! Every value here has been checked; no `Option` means "maybe invalid".

mod calendar;
mod days;
mod locs;
mod person;
mod ritual;
mod rule;
mod schedule;

pub use calendar::{Calendar, Language};
pub use days::{DayRange, DaySpan, Days, MonthDay};
pub use locs::{Located, SegmentLocs};
pub use person::{Person, PersonId};
pub use ritual::{Attendees, Extra, Move, Ritual, Rotation, RotationOrder, Segment};
pub use rule::{
    ByDay, DateEntry, Freq, Recur, Rule, RuleDates, WEEK, WORK_WEEK, ical_day, ical_weekday,
};
pub use schedule::{Details, Schedule, Span, When};

use crate::holidays::Region;

/// A whole validated spec.
#[derive(Clone, Debug)]
pub struct Spec {
    pub calendar: Calendar,
    pub people: Vec<Person>,
    pub rituals: Vec<Ritual>,
}

/// Where a value came from in the spec, for diagnostics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Loc {
    pub line: u32,
    pub column: u32,
    /// Length of the value in characters, for the caret line.
    pub len: u32,
}

/// Whose public holidays cancel a ritual's occurrences: sorted, without
/// duplicates; empty for `none`. Several regions make a union (`[FR, BE]`).
pub type Holidays = Vec<Region>;
