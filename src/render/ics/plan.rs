//! Planning the VEVENTs of one ritual segment: a master with its RRULE,
//! EXDATEs and RDATEs, and RECURRENCE-ID overrides for moved occurrences
//! and named presenters.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use crate::expand::local_time::resolve;
use crate::expand::{Slot, SlotKind, SlotStatus};
use crate::model::{PersonId, Segment, Spec, When};

/// Everything needed to write one UID's components.
pub struct EventSet {
    pub uid: String,
    pub ritual: usize,
    pub segment: usize,
    /// None for all-day events.
    pub tzid: Option<&'static str>,
    pub dtstart: NaiveDateTime,
    pub rrule: Option<String>,
    pub exdates: Vec<NaiveDateTime>,
    pub rdates: Vec<NaiveDateTime>,
    pub overrides: Vec<Override>,
    /// The master's presenter (in a person's feed of a rotation ritual).
    pub presenter: Option<PersonId>,
}

pub struct Override {
    pub recurrence_id: NaiveDateTime,
    pub start: NaiveDateTime,
    pub duration: TimeDelta,
    pub presenter: Option<PersonId>,
}

/// Plans the events of segment `k` of ritual `r`, for the team feed
/// (`person == None`) or for a person's feed. None when the segment has
/// nothing to show (a person with no turn in it).
pub fn plan(
    spec: &Spec,
    r: usize,
    k: usize,
    slots: &[Slot],
    person: Option<PersonId>,
) -> Option<EventSet> {
    let ritual = &spec.rituals[r];
    let seg = &ritual.segments[k];
    let uid = match person {
        None => seg.uid.clone(),
        Some(p) => {
            let (local, domain) = seg.uid.split_once('@').unwrap_or((&seg.uid, ""));
            format!("{local}.{}@{domain}", spec.people[p].id)
        }
    };
    let segment = SegmentPlan {
        r,
        k,
        seg,
        slots: slots.iter().filter(|s| s.segment == k).collect(),
        duration: match seg.schedule.when {
            When::Timed { duration, .. } => duration,
            When::AllDay => TimeDelta::days(1),
        },
        tzid: match seg.schedule.when {
            When::Timed { .. } => Some(seg.schedule.timezone.name()),
            When::AllDay => None,
        },
        uid,
    };
    match person.filter(|_| ritual.rotation.is_some()) {
        Some(p) => segment.turns_of(p),
        None => Some(segment.series(if k == 0 { ritual.count } else { None })),
    }
}

/// What the events of one segment are planned from.
struct SegmentPlan<'a> {
    r: usize,
    k: usize,
    seg: &'a Segment,
    /// The segment's slots.
    slots: Vec<&'a Slot>,
    /// The events' length (a day when all-day).
    duration: TimeDelta,
    tzid: Option<&'static str>,
    uid: String,
}

impl SegmentPlan<'_> {
    /// The overriding instance (RECURRENCE-ID) of a moved slot, or of a
    /// slot that names its presenter.
    fn override_of(&self, s: &Slot, presenter: Option<PersonId>) -> Option<Override> {
        match s.status {
            SlotStatus::Moved { to, duration: d } => Some(Override {
                recurrence_id: s.original_start(),
                start: to,
                duration: d.unwrap_or(self.duration),
                presenter,
            }),
            _ => presenter.map(|p| Override {
                recurrence_id: s.original_start(),
                start: s.original_start(),
                duration: self.duration,
                presenter: Some(p),
            }),
        }
    }

    /// A rotation member's feed: only their turns, as the series up to
    /// their last regular turn with every other slot excluded.
    fn turns_of(self, p: PersonId) -> Option<EventSet> {
        let seg = self.seg;
        let own = |s: &Slot| s.is_held() && s.presenter == Some(p);
        let mine: Vec<&Slot> = self.slots.iter().copied().filter(|s| own(s)).collect();
        let first_regular = *mine.iter().find(|s| s.kind == SlotKind::Regular)?;
        let last_regular = *mine.iter().rfind(|s| s.kind == SlotKind::Regular)?;
        let until = resolve(seg.schedule.timezone, last_regular.original_start());
        let rrule = Some(rrule_text(
            seg,
            Some(until_value(seg, last_regular.original_start(), until)),
            None,
        ));
        let exdates = self
            .slots
            .iter()
            .filter(|s| {
                s.kind == SlotKind::Regular
                    && s.date > first_regular.date
                    && s.date < last_regular.date
            })
            .filter(|s| !own(s))
            .map(|s| s.original_start())
            .collect();
        let rdates = mine
            .iter()
            .filter(|s| s.kind == SlotKind::Extra)
            .map(|s| s.original_start())
            .collect();
        let overrides = mine
            .iter()
            .filter(|s| matches!(s.status, SlotStatus::Moved { .. }))
            .filter_map(|s| self.override_of(s, None))
            .collect();
        Some(EventSet {
            uid: self.uid,
            ritual: self.r,
            segment: self.k,
            tzid: self.tzid,
            dtstart: first_regular.original_start(),
            rrule,
            exdates,
            rdates,
            overrides,
            presenter: Some(p),
        })
    }

    /// The whole segment: its rule (ending at the segment's end, or after
    /// `count`), skipped slots excluded, extra ones added, moved ones and
    /// named presenters overridden.
    fn series(self, count: Option<u32>) -> EventSet {
        let seg = self.seg;
        let start_of = |d: NaiveDate| d.and_time(slot_time(seg));
        let until = seg.span.to.map(|end| {
            // The last date the rule gives before the segment ends: UNTIL is
            // inclusive (RFC 5545 §3.3.10) and must be in UTC when DTSTART
            // has a TZID.
            let mut d = end.pred_opt().unwrap_or(end);
            while d > seg.dtstart && !seg.schedule.rule.matches(seg.dtstart, d) {
                d = d.pred_opt().unwrap_or(d);
            }
            let local = start_of(d);
            until_value(seg, local, resolve(seg.schedule.timezone, local))
        });
        let rrule = Some(rrule_text(
            seg,
            if count.is_some() { None } else { until },
            count,
        ));
        EventSet {
            ritual: self.r,
            segment: self.k,
            tzid: self.tzid,
            dtstart: start_of(seg.dtstart),
            rrule,
            exdates: self
                .slots
                .iter()
                .filter(|s| s.kind == SlotKind::Regular && !s.is_held())
                .map(|s| s.original_start())
                .collect(),
            rdates: self
                .slots
                .iter()
                .filter(|s| s.kind == SlotKind::Extra && s.is_held())
                .map(|s| s.original_start())
                .collect(),
            overrides: self
                .slots
                .iter()
                .filter(|s| s.is_held())
                .filter_map(|s| self.override_of(s, s.presenter))
                .collect(),
            presenter: None,
            uid: self.uid,
        }
    }
}

fn slot_time(seg: &Segment) -> NaiveTime {
    match seg.schedule.when {
        When::Timed { start, .. } => start,
        When::AllDay => NaiveTime::MIN,
    }
}

fn until_value(seg: &Segment, local: NaiveDateTime, utc: chrono::DateTime<chrono::Utc>) -> String {
    match seg.schedule.when {
        When::AllDay => local.format("%Y%m%d").to_string(),
        When::Timed { .. } => utc.format("%Y%m%dT%H%M%SZ").to_string(),
    }
}

fn rrule_text(seg: &Segment, until: Option<String>, count: Option<u32>) -> String {
    let mut s = seg.schedule.rule.rrule_parts();
    if let Some(c) = count {
        s.push_str(&format!(";COUNT={c}"));
    }
    if let Some(u) = until {
        s.push_str(";UNTIL=");
        s.push_str(&u);
    }
    s
}
