//! A region set's holidays over a range of years, for lookups by date
//! while expanding: built once per build, never per occurrence.

use chrono::{Datelike, NaiveDate};

use super::{Day, Region};

/// Holiday lookup over a range of years, built once per (regions, build):
/// the union of the regions' holidays (a Brussels–Paris team skips both).
#[derive(Debug, Default)]
pub struct HolidayTable {
    /// Sorted by date, one per date (the first region listed names it).
    days: Vec<Day>,
    years: Option<(i32, i32)>,
}

impl HolidayTable {
    pub fn new(region: Region, first_year: i32, last_year: i32) -> Self {
        HolidayTable::union(&[region], first_year, last_year)
    }

    /// The holidays of every region of `regions`, `first_year..=last_year`.
    pub fn union(regions: &[Region], first_year: i32, last_year: i32) -> Self {
        let mut days: Vec<Day> = regions
            .iter()
            .flat_map(|r| (first_year..=last_year).flat_map(|y| r.days(y)))
            .collect();
        days.sort_by_key(|d| d.date);
        days.dedup_by_key(|d| d.date);
        HolidayTable {
            days,
            years: Some((first_year, last_year)),
        }
    }

    /// The holiday on `date`, if it is one.
    pub fn day(&self, date: NaiveDate) -> Option<&Day> {
        self.days
            .binary_search_by_key(&date, |d| d.date)
            .ok()
            .map(|i| &self.days[i])
    }

    /// The holiday's (French, English) names if `date` is one (a
    /// substitute day has its holiday's names).
    pub fn get(&self, date: NaiveDate) -> Option<(&'static str, &'static str)> {
        self.day(date).map(|d| (d.rule.fr, d.rule.en))
    }

    /// The holidays from `from` to `to`, both included, in date order.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> + '_ {
        let a = self.days.partition_point(|d| d.date < from);
        let b = self.days.partition_point(|d| d.date <= to);
        self.days[a..b.max(a)].iter().map(|d| d.date)
    }

    pub fn iter(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.days.iter().map(|d| d.date)
    }

    pub fn covers(&self, date: NaiveDate) -> bool {
        self.years
            .is_some_and(|(a, b)| (a..=b).contains(&date.year()))
    }
}
