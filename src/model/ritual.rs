use chrono::{NaiveDate, NaiveDateTime};

use super::{Days, Details, Holidays, Loc, Located, PersonId, Schedule, SegmentLocs, Span};

/// One ritual of the spec, with its schedule changes already split into
/// consecutive segments.
#[derive(Clone, Debug)]
pub struct Ritual {
    pub id: String,
    /// Consecutive, non-overlapping; the first starts at the ritual's
    /// `since`, each later one at a `changes[].from`.
    pub segments: Vec<Segment>,
    /// COUNT of the first (only) segment.
    pub count: Option<u32>,
    /// Cancelled occurrences: dates, ranges, yearly ranges (EXDATE).
    pub skip: Days,
    pub extra: Vec<Extra>,
    pub moved: Vec<Move>,
    pub holidays: Holidays,
    pub categories: Vec<String>,
    pub organizer: Option<PersonId>,
    pub attendees: Attendees,
    pub rotation: Option<Rotation>,
    pub loc: Loc,
    /// The ritual's own `holidays` field, when set.
    pub holidays_at: Option<Located>,
    /// Its field path in its file, `rituals[3]`, for diagnostics.
    pub path: String,
}

/// A stretch of a ritual with one schedule, published under one UID.
#[derive(Clone, Debug)]
pub struct Segment {
    /// `<id>@<domain>` for the first, `<id>.<YYYYMMDD>@<domain>` after.
    pub uid: String,
    pub span: Span,
    /// The first occurrence: the first date on or after `span.from` that
    /// matches the rule.
    pub dtstart: NaiveDate,
    pub schedule: Schedule,
    pub details: Details,
    pub locs: SegmentLocs,
}

impl Ritual {
    /// The index of the segment of which `date` is a regular occurrence
    /// (RRULE-generated, before exceptions).
    pub fn segment_of(&self, date: NaiveDate) -> Option<usize> {
        self.segments
            .iter()
            .position(|s| s.span.contains(date) && s.schedule.rule.matches(s.dtstart, date))
    }

    /// The segment whose span holds `date`, regular occurrence or not.
    pub fn segment_at(&self, date: NaiveDate) -> Option<usize> {
        self.segments.iter().position(|s| s.span.contains(date))
    }
}

/// An additional occurrence (RDATE); `at == None` means the ritual's time.
#[derive(Clone, Copy, Debug)]
pub struct Extra {
    pub date: NaiveDate,
    pub at: Option<chrono::NaiveTime>,
    pub loc: Loc,
}

/// One occurrence moved elsewhere (a RECURRENCE-ID override).
#[derive(Clone, Copy, Debug)]
pub struct Move {
    pub date: NaiveDate,
    pub to: NaiveDateTime,
    /// A new duration, when the target gave an end time.
    pub duration: Option<chrono::TimeDelta>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Attendees {
    /// No `attendees` field: everyone attends, no ATTENDEE lines.
    Unspecified,
    All,
    Some(Vec<PersonId>),
}

impl Attendees {
    pub fn includes(&self, person: PersonId) -> bool {
        match self {
            Attendees::Unspecified | Attendees::All => true,
            Attendees::Some(ids) => ids.contains(&person),
        }
    }
}

/// Who presents, turn by turn.
#[derive(Clone, Debug)]
pub struct Rotation {
    /// Consecutive orders; each applies from its `from` date on.
    pub orders: Vec<RotationOrder>,
}

#[derive(Clone, Debug)]
pub struct RotationOrder {
    pub from: NaiveDate,
    pub people: Vec<PersonId>,
}
