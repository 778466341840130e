use chrono::{NaiveTime, TimeDelta};
use chrono_tz::Tz;

use super::Rule;

/// When in the day an occurrence happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// VALUE=DATE; DTEND `days` later (exclusive): 1 for a one-day event,
    /// 2 for one over two days (RFC 5545 §3.6.1).
    AllDay { days: u32 },
    Timed {
        start: NaiveTime,
        duration: TimeDelta,
    },
}

impl When {
    /// The length of an occurrence: its duration, or its whole days.
    pub fn length(&self) -> TimeDelta {
        match self {
            When::AllDay { days } => TimeDelta::days(i64::from(*days)),
            When::Timed { duration, .. } => *duration,
        }
    }

    pub fn is_all_day(&self) -> bool {
        matches!(self, When::AllDay { .. })
    }
}

/// The part of a ritual that says when it happens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub rule: Rule,
    pub when: When,
    pub timezone: Tz,
}

/// The part of a ritual that says what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Details {
    pub title: String,
    pub description: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
    /// false -> TRANSP:TRANSPARENT.
    pub busy: bool,
    /// Alarm offsets before the start.
    pub remind: Vec<TimeDelta>,
}

/// A half-open range of dates `[from, to)`; `to == None` is open-ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub from: chrono::NaiveDate,
    pub to: Option<chrono::NaiveDate>,
}

impl Span {
    pub fn contains(&self, date: chrono::NaiveDate) -> bool {
        date >= self.from && self.to.is_none_or(|to| date < to)
    }
}
