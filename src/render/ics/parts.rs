//! How a ritual segment is split into UIDs, for the feeds and for every
//! other output that names an occurrence's UID (`agenda`).
//!
//! A segment without a rotation is one UID: `<local>@<domain>` (the
//! segment's UID). A rotation segment is written compactly, one event per
//! presenter instead of one RECURRENCE-ID override per turn:
//!
//! - [`Part::Turns`]: one VEVENT per presenter, `<local>+<person>@<domain>`,
//!   whose DTSTART and RDATEs are that person's turns (up to the horizon);
//! - [`Part::Before`]: when the rotation starts after the segment, the
//!   occurrences before it, `<local>+before.rotation@<domain>`, an RRULE
//!   that ends before the rotation's first date;
//! - [`Part::Series`]: the rest under the segment's own UID, an RRULE
//!   that starts after the last named turn and continues the series.
//!
//! `+` never appears in a ritual or person id, so these UIDs are distinct
//! from the personal feeds' `<local>.<person>@<domain>` and from the UIDs
//! of later segments (`<id>.<YYYYMMDD>@<domain>`); the `.` in
//! `before.rotation` keeps it distinct from any person's `+<person>`.

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::model::{PersonId, Ritual, Spec};

/// Which event of its segment an occurrence belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// Occurrences before the rotation's first date.
    Before,
    /// One presenter's turns.
    Turns(PersonId),
    /// The segment's series (everything else).
    Series,
}

/// The first date of the rotation, when segment `k` has occurrences both
/// before and from it (so that it has a [`Part::Before`]).
pub fn rotation_split(ritual: &Ritual, k: usize) -> Option<NaiveDate> {
    let from = ritual.rotation.as_ref()?.orders.first()?.from;
    let seg = &ritual.segments[k];
    (seg.dtstart < from && seg.span.to.is_none_or(|to| to > from)).then_some(from)
}

/// The part of segment `k` an occurrence with original date `date` and
/// `presenter` belongs to.
pub fn part_of(ritual: &Ritual, k: usize, date: NaiveDate, presenter: Option<PersonId>) -> Part {
    match presenter {
        Some(p) if ritual.rotation.is_some() => Part::Turns(p),
        _ if rotation_split(ritual, k).is_some_and(|from| date < from) => Part::Before,
        _ => Part::Series,
    }
}

/// The UID of a part in the team feed (and the ritual's own feed), or in
/// `person`'s feed: `<local>.<person>@<domain>` there, whatever the part.
pub fn uid<'a>(
    spec: &Spec,
    ritual: &'a Ritual,
    k: usize,
    part: Part,
    person: Option<PersonId>,
) -> Cow<'a, str> {
    let seg_uid = &ritual.segments[k].uid;
    let (local, domain) = seg_uid.split_once('@').unwrap_or((seg_uid, ""));
    match (person, part) {
        (Some(p), _) => Cow::Owned(format!("{local}.{}@{domain}", spec.people[p].id)),
        (None, Part::Series) => Cow::Borrowed(seg_uid),
        (None, Part::Before) => Cow::Owned(format!("{local}+before.rotation@{domain}")),
        (None, Part::Turns(p)) => Cow::Owned(format!("{local}+{}@{domain}", spec.people[p].id)),
    }
}
