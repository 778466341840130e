//! Two rituals that take the same people at the same time.

use std::collections::HashSet;

use chrono::{DateTime, Days, NaiveDateTime, Utc};

use crate::diagnostic::Diagnostic;
use crate::expand::{Expander, Occurrence};
use crate::model::{Attendees, PersonId, Ritual};

/// Who a ritual takes: everyone (no `attendees`, or `all`: also the case
/// of a calendar without people), or a list of people.
enum Audience {
    Everyone,
    Some(Vec<PersonId>),
}

impl Audience {
    fn of(r: &Ritual) -> Audience {
        match &r.attendees {
            Attendees::Unspecified | Attendees::All => Audience::Everyone,
            Attendees::Some(ids) => {
                let mut v = ids.clone();
                v.extend(r.organizer);
                if let Some(rot) = &r.rotation {
                    v.extend(rot.orders.iter().flat_map(|o| o.people.iter().copied()));
                }
                v.sort_unstable();
                v.dedup();
                Audience::Some(v)
            }
        }
    }

    fn shares(&self, other: &Audience) -> bool {
        match (self, other) {
            (Audience::Everyone, _) | (_, Audience::Everyone) => true,
            (Audience::Some(a), Audience::Some(b)) => a.iter().any(|p| b.binary_search(p).is_ok()),
        }
    }
}

/// Beyond this many overlapping pairs, the rest are summed up in one
/// line: a spec where everything overlaps needs one fix, not a thousand
/// messages, and the sweep stops early.
const MAX_LISTED: usize = 20;

/// One held, timed, busy occurrence: 16 bytes, as the window of a large
/// spec holds hundreds of thousands. Its local times, needed only for a
/// finding, are found again then (`local`).
pub(super) struct Busy {
    /// Seconds since the epoch.
    start: i64,
    /// Seconds.
    length: u32,
    ritual: u32,
}

impl Busy {
    fn end(&self) -> i64 {
        self.start + i64::from(self.length)
    }
}

/// A sweep over all busy occurrences in the window sorted by start: each
/// one is compared only with those still running when it starts, so the
/// cost is the number of occurrences plus the overlaps, not all pairs.
/// All-day and `busy: false` rituals take no time and are left out.
pub(super) fn collect(r: &Ritual, i: usize, occurrences: &[Occurrence], busy: &mut Vec<Busy>) {
    for o in occurrences {
        if !o.is_held() || !r.segments[o.segment].details.busy {
            continue;
        }
        if let (Some(start), Some(end)) = (o.start_utc, o.end_utc) {
            busy.push(Busy {
                start: start.timestamp(),
                length: u32::try_from((end - start).num_seconds()).unwrap_or(u32::MAX),
                ritual: u32::try_from(i).unwrap_or(u32::MAX),
            });
        }
    }
}

/// Sweeps the busy occurrences `collect` gathered from every ritual.
pub(super) fn report(x: &Expander<'_>, mut busy: Vec<Busy>, out: &mut Vec<super::Finding>) {
    let spec = x.spec;
    let audiences: Vec<Audience> = spec.rituals.iter().map(Audience::of).collect();
    // In place: a stable sort would need half the list again. The length
    // breaks the ties a stable sort left in series order (two occurrences
    // of one ritual at one instant are never a pair).
    busy.sort_unstable_by_key(|b| (b.start, b.ritual, b.length));
    let mut running: Vec<&Busy> = Vec::new();
    let mut reported = HashSet::new();
    let mut listed = 0;
    for b in &busy {
        if listed >= MAX_LISTED {
            out.push((None, Diagnostic::info(
                format!(
                    "only the first {MAX_LISTED} overlapping pairs are listed; fix them and check again"
                ),
                None,
                "rituals",
            )));
            return;
        }
        running.retain(|r| r.end() > b.start);
        for r in &running {
            if listed >= MAX_LISTED {
                break;
            }
            let pair = (r.ritual.min(b.ritual), r.ritual.max(b.ritual));
            if pair.0 == pair.1
                || reported.contains(&pair)
                || !audiences[pair.0 as usize].shares(&audiences[pair.1 as usize])
            {
                continue;
            }
            reported.insert(pair);
            out.push((Some(pair.1 as usize), finding(x, r, b)));
            listed += 1;
        }
        running.push(b);
    }
}

/// The local start and end of a busy occurrence as the series gives them
/// (a start in a DST gap stays as written): found again by expanding its
/// ritual around its instant, which only the few findings need.
fn local(x: &Expander<'_>, b: &Busy) -> (NaiveDateTime, NaiveDateTime) {
    let start = DateTime::<Utc>::from_timestamp(b.start, 0).unwrap_or_default();
    let end = DateTime::<Utc>::from_timestamp(b.end(), 0).unwrap_or_default();
    let day = start.date_naive();
    let (from, to) = (day - Days::new(2), day + Days::new(2));
    x.window(b.ritual as usize, from, to)
        .find(|o| o.is_held() && o.start_utc == Some(start))
        .map_or_else(
            || {
                let ritual = &x.spec.rituals[b.ritual as usize];
                let k = ritual.segment_at(day).unwrap_or(0);
                let tz = ritual.segments[k].schedule.timezone;
                let at = |t: DateTime<Utc>| t.with_timezone(&tz).naive_local();
                (at(start), at(end))
            },
            |o| (o.start, o.end),
        )
}

fn finding(x: &Expander<'_>, a: &Busy, b: &Busy) -> Diagnostic {
    let (first, second) = if a.ritual < b.ritual { (a, b) } else { (b, a) };
    let rituals = &x.spec.rituals;
    let (r1, r2) = (
        &rituals[first.ritual as usize],
        &rituals[second.ritual as usize],
    );
    let (first_local, second_local) = (local(x, first), local(x, second));
    let b_local = if std::ptr::eq(b, first) {
        first_local
    } else {
        second_local
    };
    let at = &r2
        .segments
        .iter()
        .find(|s| s.span.contains(second_local.0.date()))
        .unwrap_or(&r2.segments[0])
        .locs
        .time;
    let span = |(start, end): (NaiveDateTime, NaiveDateTime)| {
        format!("{}–{}", start.format("%H:%M"), end.format("%H:%M"))
    };
    Diagnostic::warning(
        format!(
            "`{}` and `{}` overlap for the same people, first on {}",
            r1.id,
            r2.id,
            // The later start is in both: its local date is the day.
            b_local.0.date(),
        ),
        Some(at.loc),
        at.path.clone(),
    )
    .hint(format!(
        "`{}` is {} and `{}` is {} that day (line {} and line {})",
        r1.id,
        span(first_local),
        r2.id,
        span(second_local),
        r1.loc.line,
        r2.loc.line
    ))
    .hint("move one of them, or set `busy: false` on one that does not need the time")
}
