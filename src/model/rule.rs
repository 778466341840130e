use chrono::{Datelike, NaiveDate, Weekday};

/// A recurrence rule, restricted to what `every` can say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// FREQ=DAILY.
    Daily,
    /// FREQ=WEEKLY;INTERVAL=n;BYDAY=... Weeks start on Monday (WKST=MO).
    Weekly { interval: u32, days: Vec<Weekday> },
    /// FREQ=MONTHLY;BYDAY=1MO (nth = 1..=4) or -1FR (nth = -1).
    MonthlyNth { nth: i8, day: Weekday },
}

impl Rule {
    /// Does `date` match the rule, for a series whose first occurrence
    /// (DTSTART) is `anchor`? Dates before the anchor never match.
    pub fn matches(&self, anchor: NaiveDate, date: NaiveDate) -> bool {
        if date < anchor {
            return false;
        }
        match self {
            Rule::Daily => true,
            Rule::Weekly { interval, days } => {
                if !days.contains(&date.weekday()) {
                    return false;
                }
                let weeks = (monday_of(date) - monday_of(anchor)).num_days() / 7;
                weeks % i64::from(*interval) == 0
            }
            Rule::MonthlyNth { nth, day } => {
                date.weekday() == *day && nth_of_month(date) == *nth
                    || *nth == -1 && date.weekday() == *day && is_last_of_month(date)
            }
        }
    }

    /// The first date on or after `from` that the rule allows, ignoring
    /// interval anchoring (used to find DTSTART).
    pub fn first_on_or_after(&self, from: NaiveDate) -> NaiveDate {
        let mut d = from;
        // Any rule matches within 5 weeks (last weekday of a month).
        for _ in 0..40 {
            if self.matches(d, d) {
                return d;
            }
            d = d.succ_opt().unwrap_or(d);
        }
        d
    }

    /// The next date strictly after `date` matching the rule anchored at
    /// `anchor`. Jumps directly instead of scanning day by day.
    pub fn next_after(&self, anchor: NaiveDate, date: NaiveDate) -> Option<NaiveDate> {
        match self {
            Rule::Daily => date.succ_opt(),
            Rule::Weekly { interval, days } => {
                let mut d = date.succ_opt()?;
                loop {
                    if d.weekday() == Weekday::Mon {
                        let weeks = (d - monday_of(anchor)).num_days() / 7;
                        let rem = weeks.rem_euclid(i64::from(*interval));
                        if rem != 0 {
                            let skip = (i64::from(*interval) - rem) * 7;
                            d = d.checked_add_days(chrono::Days::new(skip as u64))?;
                        }
                    }
                    if self.matches(anchor, d) && days.contains(&d.weekday()) {
                        return Some(d);
                    }
                    d = d.succ_opt()?;
                }
            }
            Rule::MonthlyNth { .. } => {
                let mut d = date.succ_opt()?;
                loop {
                    if self.matches(anchor, d) {
                        return Some(d);
                    }
                    d = d.succ_opt()?;
                }
            }
        }
    }

    /// The RRULE parts without UNTIL/COUNT, e.g. `FREQ=WEEKLY;BYDAY=MO,FR`.
    pub fn rrule_parts(&self) -> String {
        match self {
            Rule::Daily => "FREQ=DAILY".to_owned(),
            Rule::Weekly { interval, days } => {
                let mut s = String::from("FREQ=WEEKLY");
                if *interval > 1 {
                    s.push_str(&format!(";INTERVAL={interval}"));
                }
                s.push_str(";BYDAY=");
                for (i, d) in days.iter().enumerate() {
                    if i > 0 {
                        s.push(',');
                    }
                    s.push_str(ical_day(*d));
                }
                s
            }
            Rule::MonthlyNth { nth, day } => format!("FREQ=MONTHLY;BYDAY={nth}{}", ical_day(*day)),
        }
    }

    /// Shortest interval between two occurrences, in days (for lints).
    pub fn min_gap_days(&self) -> i64 {
        match self {
            Rule::Daily => 1,
            Rule::Weekly { interval, days } => {
                if days.len() == 1 {
                    7 * i64::from(*interval)
                } else {
                    let mut nums: Vec<i64> = days
                        .iter()
                        .map(|d| i64::from(d.num_days_from_monday()))
                        .collect();
                    nums.sort_unstable();
                    let wrap = nums[0] + 7 * i64::from(*interval) - nums[nums.len() - 1];
                    nums.windows(2)
                        .map(|w| w[1] - w[0])
                        .chain([wrap])
                        .min()
                        .unwrap_or(7)
                }
            }
            Rule::MonthlyNth { .. } => 28,
        }
    }
}

pub fn ical_day(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - chrono::Days::new(u64::from(d.weekday().num_days_from_monday()))
}

fn nth_of_month(d: NaiveDate) -> i8 {
    ((d.day() - 1) / 7 + 1) as i8
}

fn is_last_of_month(d: NaiveDate) -> bool {
    d.checked_add_days(chrono::Days::new(7))
        .is_none_or(|next| next.month() != d.month())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn biweekly_counts_weeks_from_the_anchor_week() {
        let rule = Rule::Weekly {
            interval: 2,
            days: vec![Weekday::Mon, Weekday::Thu],
        };
        let anchor = d("2026-01-08"); // a Thursday
        let mut got = vec![anchor];
        while got.len() < 5 {
            got.push(rule.next_after(anchor, *got.last().unwrap()).unwrap());
        }
        assert_eq!(
            got,
            [
                d("2026-01-08"),
                d("2026-01-19"),
                d("2026-01-22"),
                d("2026-02-02"),
                d("2026-02-05")
            ]
        );
    }

    #[test]
    fn last_friday_of_the_month() {
        let rule = Rule::MonthlyNth {
            nth: -1,
            day: Weekday::Fri,
        };
        let first = rule.first_on_or_after(d("2026-01-01"));
        assert_eq!(first, d("2026-01-30"));
        assert_eq!(rule.next_after(first, first), Some(d("2026-02-27")));
    }

    #[test]
    fn rrule_text() {
        let rule = Rule::Weekly {
            interval: 2,
            days: vec![Weekday::Mon, Weekday::Fri],
        };
        assert_eq!(rule.rrule_parts(), "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR");
        assert_eq!(
            Rule::MonthlyNth {
                nth: -1,
                day: Weekday::Fri
            }
            .rrule_parts(),
            "FREQ=MONTHLY;BYDAY=-1FR"
        );
    }
}
