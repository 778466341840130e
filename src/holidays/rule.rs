//! One holiday of a region's table: when it falls, in which years, what
//! happens when it falls on a weekend, and its French and English names.
//!
//! Rules are `const` data: a region is a list of them (`table`), never a
//! code path. Builders (`fixed(..).from(2018)`) keep the tables readable.

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};

use super::easter_sunday;

/// Where a holiday falls in a given year.
#[derive(Clone, Copy, Debug)]
pub enum DateRule {
    /// The same day every year.
    Fixed { month: u32, day: u32 },
    /// Days after Easter Sunday (negative: before).
    Easter(i64),
    /// The `n`-th (1-based) `weekday` of `month`.
    Nth {
        n: u32,
        weekday: Weekday,
        month: u32,
    },
    /// The last `weekday` of `month`.
    Last { weekday: Weekday, month: u32 },
    /// The last `weekday` on or before `month`-`day` (Buß- und Bettag:
    /// the Wednesday between 16 and 22 November).
    OnOrBefore {
        weekday: Weekday,
        month: u32,
        day: u32,
    },
}

/// What happens when the day falls on a weekend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weekend {
    /// Nothing: the holiday stays on its day.
    Stays,
    /// GB substitute day: on a Saturday or Sunday, the next weekday that is
    /// not already a holiday is a bank holiday too.
    Substitute,
    /// US federal observance (5 U.S.C. 6103(b)): Saturday → the Friday
    /// before, Sunday → the Monday after; the day itself stays listed.
    Observed,
    /// NL Koningsdag: on a Sunday the holiday moves to the Saturday before.
    SundayToSaturday,
    /// ES national days: on a Sunday, each autonomous community decides
    /// whether (and where) to move it, so the nation has no day off.
    NoneOnSunday,
}

/// One holiday of a region.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub date: DateRule,
    pub fr: &'static str,
    pub en: &'static str,
    /// First year the holiday exists (inclusive).
    pub from: i32,
    /// Last year the holiday exists (inclusive).
    pub to: i32,
    /// Only every `every` years, counted from year 0 (NL Bevrijdingsdag:
    /// every 5 years).
    pub every: i32,
    /// Years without it (a bank holiday moved that year by proclamation).
    pub except: &'static [i32],
    pub weekend: Weekend,
}

const fn rule(date: DateRule, fr: &'static str, en: &'static str) -> Rule {
    Rule {
        date,
        fr,
        en,
        from: i32::MIN,
        to: i32::MAX,
        every: 1,
        except: &[],
        weekend: Weekend::Stays,
    }
}

pub const fn fixed(month: u32, day: u32, fr: &'static str, en: &'static str) -> Rule {
    rule(DateRule::Fixed { month, day }, fr, en)
}

pub const fn easter(offset: i64, fr: &'static str, en: &'static str) -> Rule {
    rule(DateRule::Easter(offset), fr, en)
}

pub const fn nth(n: u32, weekday: Weekday, month: u32, fr: &'static str, en: &'static str) -> Rule {
    rule(DateRule::Nth { n, weekday, month }, fr, en)
}

pub const fn last(weekday: Weekday, month: u32, fr: &'static str, en: &'static str) -> Rule {
    rule(DateRule::Last { weekday, month }, fr, en)
}

pub const fn on_or_before(
    weekday: Weekday,
    month: u32,
    day: u32,
    fr: &'static str,
    en: &'static str,
) -> Rule {
    rule(
        DateRule::OnOrBefore {
            weekday,
            month,
            day,
        },
        fr,
        en,
    )
}

/// A one-off holiday: a single date (a jubilee, a state funeral).
pub const fn once(year: i32, month: u32, day: u32, fr: &'static str, en: &'static str) -> Rule {
    fixed(month, day, fr, en).from(year).to(year)
}

impl Rule {
    pub const fn from(mut self, year: i32) -> Rule {
        self.from = year;
        self
    }

    pub const fn to(mut self, year: i32) -> Rule {
        self.to = year;
        self
    }

    pub const fn every(mut self, years: i32) -> Rule {
        self.every = years;
        self
    }

    pub const fn except(mut self, years: &'static [i32]) -> Rule {
        self.except = years;
        self
    }

    pub const fn weekend(mut self, weekend: Weekend) -> Rule {
        self.weekend = weekend;
        self
    }

    /// Whether the holiday exists in `year`.
    pub fn applies(&self, year: i32) -> bool {
        (self.from..=self.to).contains(&year)
            && year.rem_euclid(self.every) == 0
            && !self.except.contains(&year)
    }

    /// The holiday's own date in `year` (before any weekend rule), if it
    /// exists that year.
    pub fn date_in(&self, year: i32) -> Option<NaiveDate> {
        if !self.applies(year) {
            return None;
        }
        match self.date {
            DateRule::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            DateRule::Easter(offset) => Some(easter_sunday(year) + TimeDelta::days(offset)),
            DateRule::Nth { n, weekday, month } => {
                NaiveDate::from_weekday_of_month_opt(year, month, weekday, n as u8)
            }
            DateRule::Last { weekday, month } => {
                let next = if month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(year, month + 1, 1)
                }?;
                Some(back_to(next.pred_opt()?, weekday))
            }
            DateRule::OnOrBefore {
                weekday,
                month,
                day,
            } => Some(back_to(NaiveDate::from_ymd_opt(year, month, day)?, weekday)),
        }
    }
}

/// The last `weekday` on or before `date`.
fn back_to(date: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back = (7 + date.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    date - TimeDelta::days(i64::from(back))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn weekday_rules_land_on_the_published_dates() {
        let thanksgiving = nth(4, Weekday::Thu, 11, "", "");
        assert_eq!(thanksgiving.date_in(2026), Some(d("2026-11-26")));
        let spring = last(Weekday::Mon, 5, "", "");
        assert_eq!(spring.date_in(2026), Some(d("2026-05-25")));
        let summer = last(Weekday::Mon, 12, "", "");
        assert_eq!(summer.date_in(2026), Some(d("2026-12-28")));
        // Buß- und Bettag: 22 November 2023 was itself a Wednesday.
        let buss = on_or_before(Weekday::Wed, 11, 22, "", "");
        assert_eq!(buss.date_in(2023), Some(d("2023-11-22")));
        assert_eq!(buss.date_in(2026), Some(d("2026-11-18")));
    }

    #[test]
    fn years_bound_a_rule() {
        let reformation = fixed(10, 31, "", "").from(2018);
        assert_eq!(reformation.date_in(2017), None);
        assert_eq!(reformation.date_in(2018), Some(d("2018-10-31")));
        let liberation = fixed(5, 5, "", "").every(5);
        assert!(liberation.applies(2025) && !liberation.applies(2026));
        let may_day = nth(1, Weekday::Mon, 5, "", "").except(&[2020]);
        assert_eq!(may_day.date_in(2020), None);
        assert_eq!(once(2023, 5, 8, "", "").date_in(2024), None);
    }
}
