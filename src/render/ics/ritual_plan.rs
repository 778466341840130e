//! What the feeds need of each ritual, planned once per build (issue 15)
//! from the slots its events say something about (`Expander::feed_slots`):
//! its rule, exceptions and overrides, not every occurrence, so cost and
//! memory follow the output, not the length of the series. The page's
//! next dates are a short walk of their own (`Renderer::coming`).

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;

use super::plan::{self, EventSet};
use crate::expand::Expander;
use crate::model::{PersonId, Spec};

/// Years of VTIMEZONE data written after the horizon, for clients that
/// ignore zone names and read only the embedded definition.
const ZONE_YEARS_AHEAD: i32 = 10;

/// Each zone a spec's timed events use, with the first year a ritual
/// uses it, and the last year every VTIMEZONE covers.
pub fn zone_years(spec: &Spec, now: DateTime<Utc>) -> (BTreeMap<&'static str, (Tz, i32)>, i32) {
    (zone_first_years(spec), zone_last_year(&spec.calendar, now))
}

/// The last year every VTIMEZONE of a calendar covers, as of `now`.
pub fn zone_last_year(calendar: &crate::model::Calendar, now: DateTime<Utc>) -> i32 {
    calendar.horizon.year().max(now.year()) + ZONE_YEARS_AHEAD
}

/// Each zone a spec's timed events use, with the first year a ritual
/// uses it.
pub fn zone_first_years(spec: &Spec) -> BTreeMap<&'static str, (Tz, i32)> {
    let mut first_years: BTreeMap<&'static str, (Tz, i32)> = BTreeMap::new();
    for r in &spec.rituals {
        for s in r
            .segments
            .iter()
            .filter(|s| matches!(s.schedule.when, crate::model::When::Timed { .. }))
        {
            let tz = s.schedule.timezone;
            let e = first_years
                .entry(tz.name())
                .or_insert((tz, s.dtstart.year()));
            e.1 = e.1.min(s.dtstart.year());
        }
    }
    first_years
}

/// How many coming occurrences the page lists per ritual, and how many
/// days ahead it looks for them (a monthly ritual needs five months).
pub const COMING: usize = 5;
pub const COMING_DAYS: u64 = 400;

/// What the feeds need of one ritual, planned once per build; the slots
/// it is planned from are not kept.
pub(super) struct RitualPlan {
    /// The team and ritual feeds' events: one per segment.
    pub team: Vec<EventSet>,
    /// A rotation ritual's events for each person of its orders: only
    /// their own turns.
    pub turns: Vec<(PersonId, Vec<EventSet>)>,
}

impl RitualPlan {
    pub fn new(x: &Expander<'_>, i: usize) -> RitualPlan {
        let spec = x.spec;
        let ritual = &spec.rituals[i];
        let slots = x.feed_slots(i, x.plan_until(ritual));
        let segments = 0..ritual.segments.len();
        let team = segments
            .clone()
            .flat_map(|k| plan::plan(spec, i, k, &slots, None))
            .collect();
        let mut people: Vec<PersonId> = ritual
            .rotation
            .iter()
            .flat_map(|rot| rot.orders.iter().flat_map(|o| o.people.iter().copied()))
            .collect();
        people.sort_unstable();
        people.dedup();
        let turns = people
            .into_iter()
            .map(|p| {
                let sets = segments
                    .clone()
                    .flat_map(|k| plan::plan(spec, i, k, &slots, Some(p)))
                    .collect();
                (p, sets)
            })
            .collect();
        RitualPlan { team, turns }
    }
}
