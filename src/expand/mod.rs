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
mod sparse;

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

    /// The slots of ritual `index` up to `until` that its feed events
    /// are planned from, in the order of [`Expander::slots`]: only those
    /// that are not plain held occurrences of a rule (found from the
    /// exceptions, without walking the series: see `sparse`), except from
    /// a rotation's first date on, where every slot is (turns are counted
    /// occurrence by occurrence). Planning gives the same events as from
    /// every slot.
    pub fn feed_slots(&self, index: usize, until: NaiveDate) -> Vec<Slot> {
        let ritual = &self.spec.rituals[index];
        let Some(rotation) = &ritual.rotation else {
            return sparse::exceptional(self, ritual, until);
        };
        let first = ritual.segments[0].dtstart;
        match rotation.orders.first().map(|o| o.from) {
            Some(from) if from > first => {
                let mut slots = sparse::before(self, ritual, from, until);
                slots.extend(Slots::between(self, ritual, from, until));
                slots
            }
            _ => self.slots(index, until),
        }
    }

    /// The occurrences of ritual `index` that start within `[from, to]`
    /// (local dates of the ritual's zone), skipped ones included.
    pub fn occurrences(&self, index: usize, from: NaiveDate, to: NaiveDate) -> Vec<Occurrence> {
        self.window(index, from, to).collect()
    }

    /// `occurrences`, lazily, in the order of their original dates: the
    /// series is entered at `from` (see [`Expander::walk_start`]), not
    /// walked from its first date.
    pub fn window(
        &'a self,
        index: usize,
        from: NaiveDate,
        to: NaiveDate,
    ) -> impl Iterator<Item = Occurrence> + 'a {
        let ritual = &self.spec.rituals[index];
        // A move may bring an occurrence from any date into the window.
        let latest_move = ritual.moved.iter().map(|m| m.date).max().unwrap_or(to);
        Slots::between(
            self,
            ritual,
            self.walk_start(ritual, from),
            to.max(latest_move),
        )
        .filter(move |s| (from..=to).contains(&s.start_date()))
        .map(move |s| Occurrence::new(self.spec, index, &s))
    }

    /// Where a walk must start for its slots to be those of a walk from
    /// the series' first date, for every occurrence that starts on or
    /// after `from`: at `from`, or earlier for a move into the window
    /// from before it; for a rotation, at the start of the order then in
    /// force (its turns count from there).
    pub(crate) fn walk_start(&self, ritual: &Ritual, from: NaiveDate) -> NaiveDate {
        let start = ritual
            .moved
            .iter()
            .filter(|m| m.to.date() >= from)
            .map(|m| m.date)
            .fold(from, NaiveDate::min);
        let order = ritual.rotation.as_ref().and_then(|rot| {
            let o = rot.orders.iter().rposition(|o| o.from <= start)?;
            Some(rot.orders[o].from)
        });
        order.unwrap_or(start)
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
