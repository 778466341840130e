//! Which VEVENTs a ritual segment is written as, in a feed: the parts of
//! [`super::parts`], each planned from the segment's slots.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use super::parts::{self, Part};
use crate::expand::local_time::resolve;
use crate::expand::{Slot, SlotKind, SlotStatus};
use crate::model::{PersonId, Rule, Segment, Spec, When};

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
                When::AllDay { .. } => None,
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
                let last = end.pred_opt().unwrap_or(end);
                let d = seg
                    .schedule
                    .rule
                    .last_on_or_before(seg.dtstart, last)
                    .unwrap_or(seg.dtstart);
                self.until_value(d)
            }),
        };
        let count = match end {
            End::Segment { count: true } if self.k == 0 => ritual.count,
            _ => None,
        };
        // A `dates:` series has no rule (`rrule_parts` is None): its
        // DTSTART is its first held date, since engines show the DTSTART
        // of an RDATE-only event even when an EXDATE names it.
        let dates = matches!(seg.schedule.rule, Rule::Dates(_));
        let start = if dates {
            let first = slots
                .iter()
                .find(|s| s.kind == SlotKind::Regular && s.date >= start && s.is_held());
            match first {
                Some(s) => s.date,
                None => {
                    let extras: Vec<&Slot> = slots
                        .iter()
                        .copied()
                        .filter(|s| s.kind == SlotKind::Extra)
                        .collect();
                    return self.extras_only(uid, &extras);
                }
            }
        } else {
            start
        };
        let mut set = self.set(uid, self.start_of(start));
        set.rrule = seg.schedule.rule.rrule_parts().map(|mut rrule| {
            if let Some(c) = count {
                rrule.push_str(&format!(";COUNT={c}"));
            } else if let Some(u) = until {
                rrule.push_str(";UNTIL=");
                rrule.push_str(&u);
            }
            rrule
        });
        let from = |s: &&&Slot| s.date >= start;
        set.exdates = slots
            .iter()
            .filter(from)
            .filter(|s| s.kind == SlotKind::Regular && !s.is_held())
            .map(|s| s.original_start())
            .collect();
        // A `dates:` series: an RDATE for every date, the first (DTSTART)
        // included (a repeated instance counts once, RFC 5545 §3.8.5.2):
        // ical.js and the strict `ical` reader drop the DTSTART of an event
        // that has RDATEs but no RRULE. Skipped dates are EXDATEs, as for a
        // rule.
        set.rdates = slots
            .iter()
            .filter(|s| {
                s.kind == SlotKind::Extra && s.is_held()
                    || dates && s.kind == SlotKind::Regular && s.date >= start
            })
            .map(|s| s.original_start())
            .collect();
        set.overrides = slots
            .iter()
            .filter(|s| s.is_held())
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

    /// The overriding instance (RECURRENCE-ID) of a moved slot, or of a
    /// `dates:` entry with its own length. RECURRENCE-ID may name an RDATE
    /// instance (RFC 5545 §3.8.4.4); RDATE;VALUE=PERIOD would say the
    /// length in one line, but ical.js and the Python engines ignore its
    /// end.
    fn moved(&self, s: &Slot) -> Option<Override> {
        let length = self.seg().schedule.when.length();
        match s.status {
            SlotStatus::Moved { to, duration } => Some(Override {
                recurrence_id: s.original_start(),
                start: to,
                duration: duration.or(s.length).unwrap_or(length),
                presenter: None,
            }),
            _ => s.length.filter(|l| *l != length).map(|own| Override {
                recurrence_id: s.original_start(),
                start: s.original_start(),
                duration: own,
                presenter: None,
            }),
        }
    }

    /// The local start of the occurrence on `date`: a `dates:` entry's
    /// own time, or the segment's.
    fn start_of(&self, date: NaiveDate) -> NaiveDateTime {
        let seg = self.seg();
        let own = match seg.schedule.when {
            When::Timed { .. } => seg.schedule.rule.date_entry(date).and_then(|e| e.start),
            When::AllDay { .. } => None,
        };
        date.and_time(own.unwrap_or(slot_time(seg)))
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
                while self.start_of(d) <= t {
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
        let local = self.start_of(date);
        match seg.schedule.when {
            When::AllDay { .. } => local.format("%Y%m%d").to_string(),
            When::Timed { .. } => resolve(seg.schedule.timezone, local)
                .format("%Y%m%dT%H%M%SZ")
                .to_string(),
        }
    }
}

pub(super) fn slot_time(seg: &Segment) -> NaiveTime {
    match seg.schedule.when {
        When::Timed { start, .. } => start,
        When::AllDay { .. } => NaiveTime::MIN,
    }
}
