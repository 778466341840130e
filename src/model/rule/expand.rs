//! Expansion by stepping (RFC 5545 §3.3.10): from the DTSTART's period,
//! jump INTERVAL periods at a time; each period (a day, a week, a month or
//! a year) is expanded to its candidate dates by generating them from the
//! most selective BYxxx part and limiting them with the others (the RFC's
//! expand/limit table), then BYSETPOS picks within the period.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::weekno::{self, year_len};
use super::{ByDay, Freq, Recur};

/// Periods scanned past the last date before giving up: a rule with no
/// date in 400 years (the Gregorian cycle) has none at all.
pub(super) const CYCLE_YEARS: i32 = 400;
/// RFC 5545 dates have four-digit years.
pub(super) const LAST_YEAR: i32 = 9999;

impl Recur {
    pub(super) fn matches(&self, anchor: NaiveDate, date: NaiveDate) -> bool {
        let p = self.period(date);
        if (p - self.period(anchor)).rem_euclid(i64::from(self.interval)) != 0 {
            return false;
        }
        let mut out = Vec::new();
        self.candidates(p, anchor, &mut out);
        out.binary_search(&date).is_ok()
    }

    pub(super) fn next_after(&self, anchor: NaiveDate, date: NaiveDate) -> Option<NaiveDate> {
        let from = date.succ_opt()?.max(anchor);
        let p0 = self.period(anchor);
        let interval = i64::from(self.interval);
        let mut p = self.period(from);
        let rem = (p - p0).rem_euclid(interval);
        if rem != 0 {
            p += interval - rem;
        }
        let give_up = from.year().saturating_add(CYCLE_YEARS).min(LAST_YEAR);
        let mut out = Vec::new();
        loop {
            let start = self.period_start(p)?;
            if start.year() > give_up {
                return None;
            }
            self.candidates(p, anchor, &mut out);
            if let Some(d) = out.iter().find(|d| **d >= from) {
                return Some(*d);
            }
            p += interval;
        }
    }

    pub(super) fn last_on_or_before(
        &self,
        anchor: NaiveDate,
        date: NaiveDate,
    ) -> Option<NaiveDate> {
        let p0 = self.period(anchor);
        let interval = i64::from(self.interval);
        let mut p = self.period(date);
        p -= (p - p0).rem_euclid(interval);
        let mut out = Vec::new();
        while p >= p0 {
            self.candidates(p, anchor, &mut out);
            if let Some(d) = out.iter().rev().find(|d| **d <= date && **d >= anchor) {
                return Some(*d);
            }
            p -= interval;
        }
        None
    }

    /// The index of the period holding `d`: days, weeks (starting on
    /// WKST), months or years since a fixed origin.
    pub(super) fn period(&self, d: NaiveDate) -> i64 {
        match self.freq {
            Freq::Daily => i64::from(d.num_days_from_ce()),
            Freq::Weekly => {
                // Day 1 of the common era was a Monday.
                let from_monday = i64::from(d.num_days_from_ce()) - 1;
                (from_monday - i64::from(self.wkst.num_days_from_monday())).div_euclid(7)
            }
            Freq::Monthly => i64::from(d.year()) * 12 + i64::from(d.month0()),
            Freq::Yearly => i64::from(d.year()),
        }
    }

    pub(super) fn period_start(&self, p: i64) -> Option<NaiveDate> {
        let year = |y: i64| i32::try_from(y).ok();
        match self.freq {
            Freq::Daily => NaiveDate::from_num_days_from_ce_opt(i32::try_from(p).ok()?),
            Freq::Weekly => {
                let days = p * 7 + 1 + i64::from(self.wkst.num_days_from_monday());
                NaiveDate::from_num_days_from_ce_opt(i32::try_from(days).ok()?)
            }
            Freq::Monthly => {
                NaiveDate::from_ymd_opt(year(p.div_euclid(12))?, p.rem_euclid(12) as u32 + 1, 1)
            }
            Freq::Yearly => NaiveDate::from_ymd_opt(year(p)?, 1, 1),
        }
    }

    /// The dates of period `p`, sorted, BYSETPOS applied (before DTSTART
    /// is considered, as RFC 5545 says: BYSETPOS counts within the whole
    /// period). `anchor` gives the defaults of absent parts (§3.3.10:
    /// "information, not contained in the rule, necessary to determine
    /// the various recurrence instance start time and dates are derived
    /// from the Start Time").
    pub(super) fn candidates(&self, p: i64, anchor: NaiveDate, out: &mut Vec<NaiveDate>) {
        out.clear();
        let Some(start) = self.period_start(p) else {
            return;
        };
        match self.freq {
            Freq::Daily => out.push(start),
            Freq::Weekly => {
                let wanted = |d: Weekday| {
                    if self.by_day.is_empty() {
                        d == anchor.weekday()
                    } else {
                        self.by_day.iter().any(|b| b.day == d)
                    }
                };
                out.extend(start.iter_days().take(7).filter(|d| wanted(d.weekday())));
            }
            Freq::Monthly => {
                if self.by_month.is_empty() || self.by_month.contains(&start.month()) {
                    self.generate_in_months(start.year(), &[start.month()], anchor, out);
                }
            }
            Freq::Yearly => self.generate_in_year(start.year(), anchor, out),
        }
        let weeks = (!self.by_week_no.is_empty())
            .then(|| weekno::days(start.year(), self.wkst, &self.by_week_no));
        out.retain(|d| self.passes(*d, weeks.as_deref()));
        out.sort_unstable();
        out.dedup();
        if !self.by_set_pos.is_empty() {
            let all = std::mem::take(out);
            let n = all.len() as i64;
            for &pos in &self.by_set_pos {
                let i = if pos > 0 {
                    i64::from(pos) - 1
                } else {
                    n + i64::from(pos)
                };
                if (0..n).contains(&i) {
                    out.push(all[i as usize]);
                }
            }
            out.sort_unstable();
            out.dedup();
        }
    }

    fn generate_in_year(&self, year: i32, anchor: NaiveDate, out: &mut Vec<NaiveDate>) {
        const ALL: [u32; 12] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        if !self.by_year_day.is_empty() {
            let len = year_len(year);
            for &n in &self.by_year_day {
                let ordinal = if n > 0 {
                    i32::from(n)
                } else {
                    len + 1 + i32::from(n)
                };
                if (1..=len).contains(&ordinal) {
                    out.extend(NaiveDate::from_yo_opt(year, ordinal as u32));
                }
            }
            return;
        }
        if !self.by_week_no.is_empty() && self.by_month_day.is_empty() {
            // Dates of the selected weeks; BYDAY and BYMONTH limit them.
            out.extend(weekno::days(year, self.wkst, &self.by_week_no));
            return;
        }
        let day_parts = !self.by_month_day.is_empty() || !self.by_day.is_empty();
        let months: &[u32] = if !self.by_month.is_empty() {
            &self.by_month
        } else if day_parts {
            &ALL
        } else {
            // No BYxxx day part: the DTSTART's month and day, every year.
            &ALL[anchor.month0() as usize..=anchor.month0() as usize]
        };
        if self.by_month_day.is_empty() && !self.by_day.is_empty() && self.by_month.is_empty() {
            // BYDAY over the whole year: ordinals count within the year.
            let first = NaiveDate::from_ymd_opt(year, 1, 1);
            let last = NaiveDate::from_ymd_opt(year, 12, 31);
            if let (Some(first), Some(last)) = (first, last) {
                self.by_day_in(first, last, out);
            }
            return;
        }
        self.generate_in_months(year, months, anchor, out);
    }

    /// Candidates of the given months of `year` (MONTHLY, or YEARLY with
    /// BYMONTH): from BYMONTHDAY, else BYDAY, else the DTSTART's day.
    fn generate_in_months(
        &self,
        year: i32,
        months: &[u32],
        anchor: NaiveDate,
        out: &mut Vec<NaiveDate>,
    ) {
        for &m in months {
            let Some(first) = NaiveDate::from_ymd_opt(year, m, 1) else {
                continue;
            };
            let len = month_len(first);
            if !self.by_month_day.is_empty() {
                for &n in &self.by_month_day {
                    let day = if n > 0 {
                        i32::from(n)
                    } else {
                        len + 1 + i32::from(n)
                    };
                    if (1..=len).contains(&day) {
                        out.extend(first.with_day(day as u32));
                    }
                }
            } else if !self.by_day.is_empty() {
                if let Some(last) = first.with_day(len as u32) {
                    self.by_day_in(first, last, out);
                }
            } else {
                // A 31st in a 30-day month is no date: skipped (§3.3.10).
                out.extend(first.with_day(anchor.day()));
            }
        }
    }

    /// Every BYDAY date between `first` and `last` (one month or one year).
    fn by_day_in(&self, first: NaiveDate, last: NaiveDate, out: &mut Vec<NaiveDate>) {
        for b in &self.by_day {
            match b.nth {
                Some(n) => out.extend(nth_weekday(first, last, n, b.day)),
                None => {
                    let skip = days_until(first.weekday(), b.day);
                    let mut d = first.checked_add_days(Days::new(skip));
                    while let Some(day) = d.filter(|d| *d <= last) {
                        out.push(day);
                        d = day.checked_add_days(Days::new(7));
                    }
                }
            }
        }
    }

    /// The limits every candidate must pass (RFC 5545's "limit" cells).
    fn passes(&self, d: NaiveDate, weeks: Option<&[NaiveDate]>) -> bool {
        if !self.by_month.is_empty() && !self.by_month.contains(&d.month()) {
            return false;
        }
        if let Some(w) = weeks
            && w.binary_search(&d).is_err()
        {
            return false;
        }
        if !self.by_year_day.is_empty() {
            let n = d.ordinal() as i16;
            let neg = n - year_len(d.year()) as i16 - 1;
            if !self.by_year_day.iter().any(|&k| k == n || k == neg) {
                return false;
            }
        }
        if !self.by_month_day.is_empty() {
            let n = d.day() as i16;
            let neg = n - month_len(d) as i16 - 1;
            if !self.by_month_day.iter().any(|&k| k == n || k == neg) {
                return false;
            }
        }
        if !self.by_day.is_empty() && !self.by_day.iter().any(|b| self.by_day_holds(b, d)) {
            return false;
        }
        true
    }

    /// Ordinals count within the month for MONTHLY and for YEARLY with
    /// BYMONTH, within the year otherwise (§3.3.10, BYDAY).
    fn by_day_holds(&self, b: &ByDay, d: NaiveDate) -> bool {
        if d.weekday() != b.day {
            return false;
        }
        let Some(n) = b.nth else { return true };
        let in_month = self.freq == Freq::Monthly || !self.by_month.is_empty();
        let (index, len) = if in_month {
            (d.day() as i32 - 1, month_len(d))
        } else {
            (d.ordinal0() as i32, year_len(d.year()))
        };
        if n > 0 {
            index / 7 + 1 == i32::from(n)
        } else {
            (len - 1 - index) / 7 + 1 == -i32::from(n)
        }
    }
}

/// The `n`th (from the end if negative) `day` between `first` and `last`.
fn nth_weekday(first: NaiveDate, last: NaiveDate, n: i16, day: Weekday) -> Option<NaiveDate> {
    let d = if n > 0 {
        let base = first.checked_add_days(Days::new((i64::from(n) - 1) as u64 * 7))?;
        base.checked_add_days(Days::new(days_until(base.weekday(), day)))?
    } else {
        let base = last.checked_sub_days(Days::new((-i64::from(n) - 1) as u64 * 7))?;
        base.checked_sub_days(Days::new(days_until(day, base.weekday())))?
    };
    (first..=last).contains(&d).then_some(d)
}

/// Days from weekday `a` forward to weekday `b`, 0..=6.
fn days_until(a: Weekday, b: Weekday) -> u64 {
    u64::from((7 + b.num_days_from_monday() - a.num_days_from_monday()) % 7)
}

fn month_len(d: NaiveDate) -> i32 {
    let (y, m) = (d.year(), d.month());
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    match (next, NaiveDate::from_ymd_opt(y, m, 1)) {
        (Some(n), Some(f)) => (n - f).num_days() as i32,
        _ => 31,
    }
}
