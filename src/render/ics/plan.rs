//! Which VEVENTs a ritual segment is written as, in a feed: the parts of
//! [`super::parts`], each planned from the segment's slots.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use super::parts::{self, Part};
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
    /// Write the RDATEs as one comma-separated list (RFC 5545 §3.8.5.2)
    /// rather than one property each: a presenter's turns can be hundreds.
    pub rdate_list: bool,
    pub overrides: Vec<Override>,
    /// The presenter of every instance (a rotation's turns).
    pub presenter: Option<PersonId>,
}

pub struct Override {
    pub recurrence_id: NaiveDateTime,
    pub start: NaiveDateTime,
    pub duration: TimeDelta,
    pub presenter: Option<PersonId>,
}

/// Plans the events of segment `k` of ritual `r`, for the team feed
/// (`person == None`) or for a person's feed (only their own turns, for a
/// rotation), in feed order.
pub fn plan(
    spec: &Spec,
    r: usize,
    k: usize,
    slots: &[Slot],
    person: Option<PersonId>,
) -> Vec<EventSet> {
    let ritual = &spec.rituals[r];
    let slots: Vec<&Slot> = slots.iter().filter(|s| s.segment == k).collect();
    let ctx = Ctx { spec, r, k };
    if ritual.rotation.is_none() {
        let uid = parts::uid(spec, ritual, k, Part::Series, person).into_owned();
        let set = ctx.plain(uid, &slots, ctx.seg().dtstart, End::Segment { count: true });
        return set.into_iter().collect();
    }
    if let Some(p) = person {
        let own: Vec<&Slot> = slots
            .iter()
            .copied()
            .filter(|s| s.presenter == Some(p))
            .collect();
        let uid = parts::uid(spec, ritual, k, Part::Turns(p), Some(p)).into_owned();
        return ctx.turns(uid, p, &own).into_iter().collect();
    }
    let mut sets = Vec::new();
    let split = parts::rotation_split(ritual, k);
    if let Some(from) = split {
        let before: Vec<&Slot> = slots.iter().copied().filter(|s| s.date < from).collect();
        let uid = parts::uid(spec, ritual, k, Part::Before, None).into_owned();
        let last = before
            .iter()
            .rfind(|s| s.kind == SlotKind::Regular)
            .map(|s| s.date);
        if let Some(last) = last {
            sets.extend(ctx.plain(uid, &before, ctx.seg().dtstart, End::Before(last)));
        }
    }
    let mut turns: BTreeMap<PersonId, Vec<&Slot>> = BTreeMap::new();
    for s in &slots {
        if let Some(p) = s.presenter {
            turns.entry(p).or_default().push(s);
        }
    }
    for (p, own) in &turns {
        let uid = parts::uid(spec, ritual, k, Part::Turns(*p), None).into_owned();
        sets.extend(ctx.turns(uid, *p, own));
    }
    // The series resumes after the last named turn (or at the rotation's
    // first date when nobody is named yet).
    let last_turn = slots
        .iter()
        .filter(|s| s.presenter.is_some())
        .map(|s| s.original_start())
        .max();
    let rest: Vec<&Slot> = slots
        .iter()
        .copied()
        .filter(|s| s.presenter.is_none())
        .filter(|s| split.is_none_or(|from| s.date >= from))
        .filter(|s| last_turn.is_none_or(|t| s.original_start() > t))
        .collect();
    let uid = parts::uid(spec, ritual, k, Part::Series, None).into_owned();
    let start = match last_turn {
        None if split.is_none() => Some(ctx.seg().dtstart),
        None => ctx.first_regular_from(&slots, split),
        Some(t) => ctx.first_regular_after(&slots, t),
    };
    match start {
        Some(start) => {
            // COUNT counts from DTSTART: a series that no longer starts
            // at the segment's start ends with UNTIL instead.
            let count = start == ctx.seg().dtstart;
            sets.extend(ctx.plain(uid, &rest, start, End::Segment { count }));
        }
        None => sets.extend(ctx.extras_only(uid, &rest)),
    }
    sets
}

/// Where a plain part's RRULE ends.
enum End {
    /// The segment's own end (`until`, the next change, or COUNT when
    /// `count` and the part starts the segment).
    Segment { count: bool },
    /// On this regular date, inclusive.
    Before(NaiveDate),
}

struct Ctx<'a> {
    spec: &'a Spec,
    r: usize,
    k: usize,
}

impl Ctx<'_> {
    fn seg(&self) -> &Segment {
        &self.spec.rituals[self.r].segments[self.k]
    }

    fn set(&self, uid: String, dtstart: NaiveDateTime) -> EventSet {
        let seg = self.seg();
        EventSet {
            uid,
            ritual: self.r,
            segment: self.k,
            tzid: match seg.schedule.when {
                When::Timed { .. } => Some(seg.schedule.timezone.name()),
                When::AllDay => None,
            },
            dtstart,
            rrule: None,
            exdates: Vec::new(),
            rdates: Vec::new(),
            rdate_list: false,
            overrides: Vec::new(),
            presenter: None,
        }
    }

    /// An RRULE part from `start` (a regular date): EXDATEs for the
    /// regular slots of `slots` that are not held, RDATEs for held
    /// extras, overrides for moved occurrences.
    fn plain(&self, uid: String, slots: &[&Slot], start: NaiveDate, end: End) -> Option<EventSet> {
        let seg = self.seg();
        let ritual = &self.spec.rituals[self.r];
        let until = match end {
            End::Before(last) => Some(self.until_value(last)),
            End::Segment { .. } => seg.span.to.map(|end| {
                // The last date the rule gives before the segment ends:
                // UNTIL is inclusive (RFC 5545 §3.3.10).
                let mut d = end.pred_opt().unwrap_or(end);
                while d > seg.dtstart && !seg.schedule.rule.matches(seg.dtstart, d) {
                    d = d.pred_opt().unwrap_or(d);
                }
                self.until_value(d)
            }),
        };
        let count = match end {
            End::Segment { count: true } if self.k == 0 => ritual.count,
            _ => None,
        };
        let mut set = self.set(uid, start.and_time(slot_time(seg)));
        let mut rrule = seg.schedule.rule.rrule_parts();
        if let Some(c) = count {
            rrule.push_str(&format!(";COUNT={c}"));
        } else if let Some(u) = until {
            rrule.push_str(";UNTIL=");
            rrule.push_str(&u);
        }
        set.rrule = Some(rrule);
        let from = |s: &&&Slot| s.date >= start;
        set.exdates = slots
            .iter()
            .filter(from)
            .filter(|s| s.kind == SlotKind::Regular && !s.is_held())
            .map(|s| s.original_start())
            .collect();
        set.rdates = slots
            .iter()
            .filter(|s| s.kind == SlotKind::Extra && s.is_held())
            .map(|s| s.original_start())
            .collect();
        set.overrides = slots
            .iter()
            .filter(|s| s.kind == SlotKind::Extra || s.date >= start)
            .filter_map(|s| self.moved(s))
            .collect();
        Some(set)
    }

    /// A part made of held extras only (a series whose rule has ended).
    fn extras_only(&self, uid: String, slots: &[&Slot]) -> Option<EventSet> {
        let held: Vec<&Slot> = slots.iter().copied().filter(|s| s.is_held()).collect();
        let first = held.first()?;
        let mut set = self.set(uid, first.original_start());
        // DTSTART repeated as the first RDATE: see `turns`.
        set.rdates = held.iter().map(|s| s.original_start()).collect();
        set.overrides = held.iter().filter_map(|s| self.moved(s)).collect();
        Some(set)
    }

    /// One presenter's turns: DTSTART on the first, one RDATE list of
    /// all of them, overrides for the moved ones. No RRULE: a rotation's
    /// turns follow no rule once holidays and skips shift them.
    ///
    /// The list repeats DTSTART (a repeated instance counts once, RFC 5545
    /// §3.8.5.2): ical.js (Thunderbird) starts an RDATE-only expansion at
    /// the first RDATE and would drop the first turn, as it does for
    /// VTIMEZONE observances.
    fn turns(&self, uid: String, p: PersonId, own: &[&Slot]) -> Option<EventSet> {
        let first = own.first()?;
        let mut set = self.set(uid, first.original_start());
        set.rdates = own.iter().map(|s| s.original_start()).collect();
        set.rdate_list = true;
        set.overrides = own.iter().filter_map(|s| self.moved(s)).collect();
        set.presenter = Some(p);
        Some(set)
    }

    fn moved(&self, s: &Slot) -> Option<Override> {
        match s.status {
            SlotStatus::Moved { to, duration } => Some(Override {
                recurrence_id: s.original_start(),
                start: to,
                duration: duration.unwrap_or_else(|| seg_duration(self.seg())),
                presenter: None,
            }),
            _ => None,
        }
    }

    /// The first regular date on or after `from`, in `slots` or by rule.
    fn first_regular_from(&self, slots: &[&Slot], from: Option<NaiveDate>) -> Option<NaiveDate> {
        let from = from?;
        let seg = self.seg();
        if seg.dtstart >= from {
            return Some(seg.dtstart);
        }
        let day_before = from.pred_opt()?;
        let d = match slots
            .iter()
            .find(|s| s.kind == SlotKind::Regular && s.date >= from)
        {
            Some(s) => s.date,
            None => {
                // Past the planned slots: walk the rule from the last one.
                let mut d = slots
                    .iter()
                    .rfind(|s| s.kind == SlotKind::Regular)
                    .map_or(seg.dtstart, |s| s.date);
                while d <= day_before {
                    d = seg.schedule.rule.next_after(seg.dtstart, d)?;
                }
                d
            }
        };
        seg.span.contains(d).then_some(d)
    }

    /// The first regular date whose start is after `t`.
    fn first_regular_after(&self, slots: &[&Slot], t: NaiveDateTime) -> Option<NaiveDate> {
        let seg = self.seg();
        let found = slots
            .iter()
            .find(|s| s.kind == SlotKind::Regular && s.original_start() > t)
            .map(|s| s.date);
        let d = match found {
            Some(d) => d,
            None => {
                let mut d = slots
                    .iter()
                    .rfind(|s| s.kind == SlotKind::Regular)
                    .map_or(seg.dtstart, |s| s.date);
                while d.and_time(slot_time(seg)) <= t {
                    d = seg.schedule.rule.next_after(seg.dtstart, d)?;
                }
                d
            }
        };
        seg.span.contains(d).then_some(d)
    }

    /// UNTIL for the occurrence on `date`: in UTC when DTSTART has a TZID
    /// (RFC 5545 §3.3.10), a DATE for all-day events.
    fn until_value(&self, date: NaiveDate) -> String {
        let seg = self.seg();
        let local = date.and_time(slot_time(seg));
        match seg.schedule.when {
            When::AllDay => local.format("%Y%m%d").to_string(),
            When::Timed { .. } => resolve(seg.schedule.timezone, local)
                .format("%Y%m%dT%H%M%SZ")
                .to_string(),
        }
    }
}

pub(super) fn slot_time(seg: &Segment) -> NaiveTime {
    match seg.schedule.when {
        When::Timed { start, .. } => start,
        When::AllDay => NaiveTime::MIN,
    }
}

pub(super) fn seg_duration(seg: &Segment) -> chrono::TimeDelta {
    match seg.schedule.when {
        When::Timed { duration, .. } => duration,
        When::AllDay => chrono::TimeDelta::days(1),
    }
}
