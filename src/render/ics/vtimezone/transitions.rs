//! Finding a zone's offset changes by search: chrono-tz has no transition
//! list, only offsets at instants.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// Whether an observance is STANDARD or DAYLIGHT time (RFC 5545 §3.6.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Kind {
    Standard,
    Daylight,
}

/// One change of UTC offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Transition {
    /// Wall time in `from`: what DTSTART/RDATE say.
    pub(super) local: NaiveDateTime,
    /// UTC offsets in seconds east, before and after.
    pub(super) from: i32,
    pub(super) to: i32,
    pub(super) kind: Kind,
    pub(super) name: Option<String>,
}

impl Transition {
    /// Observances are keyed on everything but the onset.
    pub(super) fn same_observance(&self, other: &Transition) -> bool {
        self.from == other.from
            && self.to == other.to
            && self.kind == other.kind
            && self.name == other.name
    }
}

/// The scan step. It must be shorter than the shortest stretch during which
/// an offset is in force before the previous one returns, or both changes
/// are missed. In tzdata 2025b the shortest such stretch is 167 h (Brazil
/// 2000, Gaza's projected rules); a day leaves a wide margin and keeps the
/// scan well under a millisecond for twenty years.
pub(super) const STEP_SECONDS: i64 = 86_400;

pub(super) fn offset_at(tz: Tz, t: i64) -> i32 {
    tz.offset_from_utc_datetime(&utc(t)).fix().local_minus_utc()
}

pub(super) fn utc(t: i64) -> NaiveDateTime {
    DateTime::from_timestamp(t, 0)
        .expect("scan stays within chrono's range")
        .naive_utc()
}

pub(super) fn jan1_utc(year: i32) -> i64 {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .expect("year within chrono's range")
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc()
        .timestamp()
}

/// The transition at UTC second `t` (the first second of the new offset).
pub(super) fn transition_at(tz: Tz, t: i64, from: i32) -> Transition {
    let after = tz.offset_from_utc_datetime(&utc(t));
    Transition {
        local: utc(t + i64::from(from)),
        from,
        to: after.fix().local_minus_utc(),
        // tzdata has negative DST (Europe/Dublin's winter GMT, Morocco's
        // Ramadan time): that is still "not the zone's standard time" to
        // chrono-tz, so it is DAYLIGHT here; the offsets stay exact.
        kind: if after.dst_offset().is_zero() {
            Kind::Standard
        } else {
            Kind::Daylight
        },
        // chrono-tz has no name where tzdata uses a numeric one ("+0330");
        // TZNAME is optional and would only repeat TZOFFSETTO, so it is left
        // out rather than rebuilt from the offset.
        name: after.abbreviation().map(str::to_owned),
    }
}

/// The onset in force at the start of `first_year` followed by every change
/// in `first_year..=last_year` (years of local wall time).
pub(super) fn in_force_and_transitions(tz: Tz, first_year: i32, last_year: i32) -> Vec<Transition> {
    // One year back finds the onset in force for any zone that changes
    // yearly; zones that change less often get a synthetic one below. A day
    // of slack on each side because local and UTC years differ by <= 26 h.
    let start = jan1_utc(first_year - 1) - 86_400;
    let end = jan1_utc(last_year + 1) + 86_400;

    let mut found = Vec::new();
    let mut cur = start;
    let mut cur_offset = offset_at(tz, cur);
    while cur < end {
        let next = (cur + STEP_SECONDS).min(end);
        let next_offset = offset_at(tz, next);
        if next_offset == cur_offset {
            cur = next;
            continue;
        }
        // Invariant: offset(lo) == cur_offset != offset(hi). Restarting the
        // scan at the change finds a second change within the same step.
        let (mut lo, mut hi) = (cur, next);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if offset_at(tz, mid) == cur_offset {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let t = transition_at(tz, hi, cur_offset);
        cur = hi;
        cur_offset = t.to;
        found.push(t);
    }

    let first_local = NaiveDate::from_ymd_opt(first_year, 1, 1)
        .expect("year within chrono's range")
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists");
    let split = found.partition_point(|t| t.local < first_local);
    let in_range: Vec<Transition> = found
        .drain(split..)
        .filter(|t| t.local.year() <= last_year)
        .collect();
    let before = found.pop();
    // A change at the very start of `first_year` (Pacific/Galapagos on
    // 1986-01-01) is itself the onset in force: a synthetic one beside it
    // would be a second observance with the same onset.
    if before.is_none() && in_range.first().is_some_and(|t| t.local == first_local) {
        return in_range;
    }
    let onset_in_force = match (before, in_range.first()) {
        (Some(before), Some(_)) => before,
        // No change in range: whatever the last change was, a client needs
        // only the offset, and one observance from January 1 says it.
        (before, first_change) => {
            let offset = first_change.map_or_else(
                || before.map_or_else(|| offset_at(tz, jan1_utc(first_year)), |t| t.to),
                |t| t.from,
            );
            let at = first_local.and_utc().timestamp() - i64::from(offset);
            Transition {
                local: first_local,
                to: offset,
                ..transition_at(tz, at, offset)
            }
        }
    };
    let mut out = Vec::with_capacity(in_range.len() + 1);
    out.push(onset_in_force);
    out.extend(in_range);
    out
}
