use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use super::local_time::resolve;
use super::slot::{Reason, Slot, SlotKind, SlotStatus};
use crate::model::{PersonId, Spec, When};

/// An occurrence as a subscriber sees it (or would have, when skipped).
#[derive(Clone, Debug)]
pub struct Occurrence {
    pub ritual: usize,
    pub segment: usize,
    pub status: Status,
    /// Local wall-clock start and end in the segment's zone; midnight to
    /// midnight for all-day occurrences.
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// None for all-day occurrences (floating dates).
    pub start_utc: Option<DateTime<Utc>>,
    pub end_utc: Option<DateTime<Utc>>,
    pub presenter: Option<PersonId>,
    /// The original local start (RECURRENCE-ID).
    pub original: NaiveDateTime,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Held,
    Extra,
    Moved { from: NaiveDateTime },
    Skipped(Reason),
}

impl Occurrence {
    pub(super) fn new(spec: &Spec, ritual: usize, slot: &Slot) -> Occurrence {
        let seg = &spec.rituals[ritual].segments[slot.segment];
        let tz = seg.schedule.timezone;
        let original = slot.original_start();
        // A `dates:` entry may have its own length.
        let series = slot.length.unwrap_or(seg.schedule.when.length());
        let (start, length) = match (&slot.status, seg.schedule.when) {
            (SlotStatus::Moved { to, duration }, When::Timed { .. }) => {
                (*to, duration.unwrap_or(series))
            }
            (SlotStatus::Moved { to, duration }, When::AllDay { .. }) => (
                to.date().and_time(chrono::NaiveTime::MIN),
                duration.unwrap_or(series),
            ),
            _ => (original, series),
        };
        let end = start + length;
        let (start_utc, end_utc) = match seg.schedule.when {
            When::AllDay { .. } => (None, None),
            // RFC 5545 §3.8.5.3: instances keep the exact duration.
            When::Timed { .. } => {
                let s = resolve(tz, start);
                (Some(s), Some(s + length))
            }
        };
        let status = match &slot.status {
            SlotStatus::Held if slot.kind == SlotKind::Extra => Status::Extra,
            SlotStatus::Held => Status::Held,
            SlotStatus::Moved { .. } => Status::Moved { from: original },
            SlotStatus::Skipped(r) => Status::Skipped(r.clone()),
        };
        Occurrence {
            ritual,
            segment: slot.segment,
            status,
            start,
            end,
            start_utc,
            end_utc,
            presenter: slot.presenter,
            original,
        }
    }

    pub fn start_date(&self) -> NaiveDate {
        self.start.date()
    }

    pub fn is_held(&self) -> bool {
        !matches!(self.status, Status::Skipped(_))
    }
}
