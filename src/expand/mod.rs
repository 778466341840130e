//! The recurrence expander. Takes the validated `model::Spec`; gives each
//! ritual's slots and occurrences in a window, with exceptions, holidays,
//! moves and rotation turns applied.
//!
//! Computed exceptions (holidays, presenters) apply up to the calendar's
//! horizon only, exactly as the feed writes them, so that what `agenda`
//! shows is what subscribers see. Explicit ones (`skip`, `moved`,
//! `extra`) apply whatever their date.

pub mod local_time;
mod occurrence;
mod ordered;
mod slot;

pub use occurrence::{Occurrence, Status};
pub use ordered::{OrderKey, Ordered, order_key};
pub use slot::{Reason, Slot, SlotKind, SlotStatus, Slots};

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::holidays::HolidayTable;
use crate::model::{Holidays, Ritual, Spec};

/// Shared, read-only tables for expanding every ritual of a spec.
pub struct Expander<'a> {
    pub spec: &'a Spec,
    /// One table per distinct `holidays` set (a union for `[FR, BE]`).
    holidays: HashMap<Holidays, HolidayTable>,
}

impl<'a> Expander<'a> {
    pub fn new(spec: &'a Spec) -> Self {
        let first_year = spec
            .rituals
            .iter()
            .map(|r| r.segments[0].dtstart.year())
            .min()
            .unwrap_or(spec.calendar.horizon.year());
        let last_year = spec.calendar.horizon.year();
        let mut holidays = HashMap::new();
        for regions in spec.rituals.iter().map(|r| &r.holidays) {
            if !regions.is_empty() && !holidays.contains_key(regions) {
                let table = HolidayTable::union(regions, first_year, last_year);
                holidays.insert(regions.clone(), table);
            }
        }
        Expander { spec, holidays }
    }

    pub fn holiday(
        &self,
        ritual: &Ritual,
        date: NaiveDate,
    ) -> Option<(&'static str, &'static str)> {
        if date > self.spec.calendar.horizon {
            return None;
        }
        self.holidays.get(&ritual.holidays)?.get(date)
    }

    /// Every slot of ritual `index` whose original date is at most `until`,
    /// in chronological order of their original dates.
    pub fn slots(&self, index: usize, until: NaiveDate) -> Vec<Slot> {
        slot::slots(self, &self.spec.rituals[index], until)
    }

    /// The occurrences of ritual `index` that start within `[from, to]`
    /// (local dates of the ritual's zone), skipped ones included.
    pub fn occurrences(&self, index: usize, from: NaiveDate, to: NaiveDate) -> Vec<Occurrence> {
        let ritual = &self.spec.rituals[index];
        // A move may bring an occurrence from any date into the window.
        let latest_move = ritual.moved.iter().map(|m| m.date).max().unwrap_or(to);
        // Filter on the slot's start date before building the occurrence:
        // slots are computed from the series' start (for rotation turns),
        // but only those in the window are worth resolving to instants.
        self.slots(index, to.max(latest_move))
            .into_iter()
            .filter(|s| (from..=to).contains(&s.start_date()))
            .map(|s| Occurrence::new(self.spec, index, &s))
            .collect()
    }

    /// `occurrences`, lazily and in agenda order (`order_key`).
    pub fn ordered(&'a self, index: usize, from: NaiveDate, to: NaiveDate) -> Ordered<'a> {
        Ordered::new(self, index, from, to)
    }

    /// The last date whose slot the feed must know about: the horizon, or
    /// a later explicit exception.
    pub fn plan_until(&self, ritual: &Ritual) -> NaiveDate {
        let horizon = self.spec.calendar.horizon;
        ritual
            .skip
            .last_dated()
            .into_iter()
            .chain(ritual.moved.iter().map(|m| m.date))
            .chain(ritual.extra.iter().map(|e| e.date))
            .chain(self.spec.calendar.closed.last_dated())
            // Every date of a `dates:` series is an RDATE: the feed needs
            // all of them, past the horizon too.
            .chain(
                ritual
                    .segments
                    .iter()
                    .filter_map(|s| match &s.schedule.rule {
                        crate::model::Rule::Dates(d) => d.last().map(|e| e.date),
                        crate::model::Rule::Recur(_) => None,
                    }),
            )
            .fold(horizon, NaiveDate::max)
    }
}
