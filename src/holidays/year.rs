//! A region's holidays in one year: its rules (and its parents'), with
//! the weekend rules applied. Observed days may cross a year boundary (a
//! US New Year's Day on a Saturday is observed on 31 December), so each
//! year is computed from its neighbours too and then cut to the year.

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};

use super::rule::{Rule, Weekend};

/// Why a date is a holiday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The holiday's own date.
    Own,
    /// A GB substitute day for a holiday on a weekend.
    Substitute,
    /// A US observed day (Friday before or Monday after).
    Observed,
}

/// One holiday of a year.
#[derive(Clone, Copy, Debug)]
pub struct Day {
    pub date: NaiveDate,
    pub rule: &'static Rule,
    pub kind: Kind,
}

impl Day {
    /// The day's French name (`Noël (jour de remplacement)`).
    pub fn fr(&self) -> String {
        match self.kind {
            Kind::Own => self.rule.fr.to_owned(),
            Kind::Substitute => format!("{} (jour de remplacement)", self.rule.fr),
            Kind::Observed => format!("{} (jour chômé)", self.rule.fr),
        }
    }

    /// The day's English name (`Christmas Day (substitute day)`).
    pub fn en(&self) -> String {
        match self.kind {
            Kind::Own => self.rule.en.to_owned(),
            Kind::Substitute => format!("{} (substitute day)", self.rule.en),
            Kind::Observed => format!("{} (observed)", self.rule.en),
        }
    }
}

/// The holidays of `year` under `rules`, sorted by date, one per date
/// (the first rule in table order names a date two rules share).
pub fn days(rules: &[&'static Rule], year: i32) -> Vec<Day> {
    let mut days: Vec<Day> = (year - 1..=year + 1)
        .flat_map(|y| days_of(rules, y))
        .filter(|d| d.date.year() == year)
        .collect();
    days.sort_by_key(|d| d.date);
    days.dedup_by_key(|d| d.date);
    days
}

/// The days `rules` give for `year` itself, observed ones wherever they fall.
fn days_of(rules: &[&'static Rule], year: i32) -> Vec<Day> {
    let mut own: Vec<Day> = rules
        .iter()
        .filter_map(|&rule| {
            let date = rule.date_in(year)?;
            let date = match (rule.weekend, date.weekday()) {
                (Weekend::NoneOnSunday, Weekday::Sun) => return None,
                (Weekend::SundayToSaturday, Weekday::Sun) => date - TimeDelta::days(1),
                _ => date,
            };
            Some(Day {
                date,
                rule,
                kind: Kind::Own,
            })
        })
        .collect();
    own.sort_by_key(|d| d.date);
    let mut taken: Vec<NaiveDate> = own.iter().map(|d| d.date).collect();
    let mut extra = Vec::new();
    for day in &own {
        let weekend = matches!(day.date.weekday(), Weekday::Sat | Weekday::Sun);
        if !weekend {
            continue;
        }
        let date = match day.rule.weekend {
            Weekend::Substitute => {
                let mut d = day.date;
                while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) || taken.contains(&d) {
                    d += TimeDelta::days(1);
                }
                Some((d, Kind::Substitute))
            }
            Weekend::Observed if day.date.weekday() == Weekday::Sat => {
                Some((day.date - TimeDelta::days(1), Kind::Observed))
            }
            Weekend::Observed => Some((day.date + TimeDelta::days(1), Kind::Observed)),
            _ => None,
        };
        if let Some((date, kind)) = date.filter(|(d, _)| !taken.contains(d)) {
            taken.push(date);
            extra.push(Day {
                date,
                rule: day.rule,
                kind,
            });
        }
    }
    own.extend(extra);
    own
}
