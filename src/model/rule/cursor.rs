//! A rule's dates in order from a given date, one period expanded at a
//! time and kept while its dates are read (RFC 5545 §3.3.10): walking a
//! window costs one expansion per period, not one per date, and no
//! allocation per date (`Rule::next_after` expands the period again for
//! every call).

use chrono::{Datelike, NaiveDate};

use super::expand::{CYCLE_YEARS, LAST_YEAR};
use super::{DateEntry, Recur, Rule};

/// The dates of a rule anchored at `anchor` (DTSTART), from a date on;
/// see [`Rule::dates_from`].
pub struct RuleDates<'r> {
    state: State<'r>,
}

enum State<'r> {
    Recur {
        rule: &'r Recur,
        anchor: NaiveDate,
        /// The period whose dates are in `dates`.
        period: i64,
        dates: Vec<NaiveDate>,
        /// The next of `dates` to give.
        at: usize,
        /// Dates before this one are not given (the window's start).
        from: NaiveDate,
        /// The year after which a search gives up: a rule with no date
        /// for 400 years has none (as `next_after` decides).
        give_up: i32,
    },
    Dates(std::slice::Iter<'r, DateEntry>),
    Done,
}

impl Rule {
    /// The rule's dates on or after `from` (and on or after `anchor`), in
    /// order, the same dates `next_after` steps through. Stops past year
    /// 9999 or when the rule gives no more dates.
    pub fn dates_from(&self, anchor: NaiveDate, from: NaiveDate) -> RuleDates<'_> {
        let from = from.max(anchor);
        let state = match self {
            Rule::Dates(list) => {
                let i = list.partition_point(|e| e.date < from);
                State::Dates(list[i..].iter())
            }
            Rule::Recur(rule) => {
                let (p0, interval) = (rule.period(anchor), i64::from(rule.interval));
                let mut period = rule.period(from);
                let rem = (period - p0).rem_euclid(interval);
                if rem != 0 {
                    period += interval - rem;
                }
                let mut dates = Vec::new();
                rule.candidates(period, anchor, &mut dates);
                State::Recur {
                    rule,
                    anchor,
                    period,
                    dates,
                    at: 0,
                    from,
                    give_up: give_up(from),
                }
            }
        };
        RuleDates { state }
    }
}

fn give_up(from: NaiveDate) -> i32 {
    from.year().saturating_add(CYCLE_YEARS).min(LAST_YEAR)
}

impl Iterator for RuleDates<'_> {
    type Item = NaiveDate;

    fn next(&mut self) -> Option<NaiveDate> {
        let found = match &mut self.state {
            State::Done => None,
            State::Dates(list) => list.next().map(|e| e.date),
            State::Recur {
                rule,
                anchor,
                period,
                dates,
                at,
                from,
                give_up: limit,
            } => loop {
                // Sorted: past the first period, every date is after `from`.
                if let Some(i) = dates[*at..].iter().position(|d| *d >= *from) {
                    let d = dates[*at + i];
                    *at += i + 1;
                    *limit = d.succ_opt().map_or(LAST_YEAR, give_up);
                    break Some(d);
                }
                *period += i64::from(rule.interval);
                *at = 0;
                match rule.period_start(*period) {
                    Some(start) if start.year() <= *limit => {
                        rule.candidates(*period, *anchor, dates);
                    }
                    _ => break None,
                }
            },
        };
        if found.is_none() {
            self.state = State::Done;
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use chrono::Weekday;

    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// The cursor gives what stepping with `next_after` gives, from any
    /// date, for rules of every frequency.
    #[test]
    fn the_cursor_steps_like_next_after() {
        let mut monthly_last = Recur::new(super::super::Freq::Monthly);
        monthly_last.by_month_day = vec![-1, 15];
        monthly_last.interval = 2;
        let rules = [
            Rule::daily(3),
            Rule::weekly(2, &[Weekday::Mon, Weekday::Thu]),
            Rule::monthly_nth(-1, Weekday::Fri),
            Rule::Recur(monthly_last),
        ];
        let anchor = d("2026-01-05");
        for rule in &rules {
            for from in ["2025-12-01", "2026-01-05", "2026-03-17", "2031-02-28"] {
                let ours: Vec<NaiveDate> = rule.dates_from(anchor, d(from)).take(60).collect();
                let mut stepped = Vec::new();
                let mut day = Some(rule.first_on_or_after(anchor));
                while let Some(x) = day.filter(|_| stepped.len() < 60 + 200) {
                    if x >= d(from) {
                        stepped.push(x);
                    }
                    day = rule.next_after(anchor, x);
                }
                stepped.truncate(60);
                assert_eq!(ours, stepped, "{rule:?} from {from}");
            }
        }
    }
}
