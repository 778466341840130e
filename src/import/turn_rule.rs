//! A rotation written wholly as presenters' events (every turn named up
//! to the series' end) has no RRULE left in the feed: the rule is read
//! back from the turns' dates. Weekly (with the interval the dates
//! keep) or the nth weekday of the month; the days the rule gives that
//! no turn holds become EXDATEs in `presenters`.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};

use super::rrule::RRule;

const CODES: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

fn code(d: Weekday) -> &'static str {
    CODES[d.num_days_from_monday() as usize]
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a.abs() } else { gcd(b, a % b) }
}

/// The rule that gives `dates` (sorted) with the fewest dates left out,
/// or None for fewer than two dates.
pub fn infer(dates: &[NaiveDate]) -> Option<RRule> {
    if dates.len() < 2 {
        return None;
    }
    monthly(dates).or_else(|| weekly(dates))
}

/// `n`th `day` of the month (`-1`: the last), when every date is one.
fn monthly(dates: &[NaiveDate]) -> Option<RRule> {
    let first = dates[0];
    let nth = |d: NaiveDate| ((d.day() - 1) / 7 + 1) as i8;
    let is_last = |d: NaiveDate| d.month() != (d + chrono::Days::new(7)).month();
    let same_day = dates.iter().all(|d| d.weekday() == first.weekday());
    let one_a_month = dates
        .windows(2)
        .all(|w| (w[0].year(), w[0].month()) != (w[1].year(), w[1].month()));
    if !same_day || !one_a_month {
        return None;
    }
    let n = if dates.iter().all(|d| nth(*d) == nth(first)) {
        nth(first)
    } else if dates.iter().all(|d| is_last(*d)) {
        -1
    } else {
        return None;
    };
    RRule::parse(&format!("FREQ=MONTHLY;BYDAY={n}{}", code(first.weekday())))
}

/// Every week (or every `n` weeks) on the weekdays most dates fall on.
fn weekly(dates: &[NaiveDate]) -> Option<RRule> {
    let mut days: BTreeMap<u32, usize> = BTreeMap::new();
    for d in dates {
        *days.entry(d.weekday().num_days_from_monday()).or_default() += 1;
    }
    let most = days.values().copied().max().unwrap_or(0);
    // A weekday with only a few dates holds extras, not the rule.
    let kept: Vec<u32> = days
        .iter()
        .filter(|(_, n)| **n * 4 >= most)
        .map(|(d, _)| *d)
        .collect();
    if kept.is_empty() {
        return None;
    }
    let monday =
        |d: NaiveDate| d - chrono::Days::new(u64::from(d.weekday().num_days_from_monday()));
    let base = monday(dates[0]);
    let interval = dates
        .iter()
        .filter(|d| kept.contains(&d.weekday().num_days_from_monday()))
        .map(|d| (monday(*d) - base).num_days() / 7)
        .fold(0, gcd)
        .max(1);
    let byday: Vec<&str> = kept.iter().map(|d| CODES[*d as usize]).collect();
    let text = if interval == 1 && kept.len() == 7 {
        "FREQ=DAILY".to_owned()
    } else if interval == 1 {
        format!("FREQ=WEEKLY;BYDAY={}", byday.join(","))
    } else {
        format!("FREQ=WEEKLY;INTERVAL={interval};BYDAY={}", byday.join(","))
    };
    RRule::parse(&text)
}

#[cfg(test)]
mod tests {
    use super::infer;
    use chrono::NaiveDate;

    fn dates(v: &[&str]) -> Vec<NaiveDate> {
        v.iter().map(|d| d.parse().unwrap()).collect()
    }

    fn rule(v: &[&str]) -> String {
        infer(&dates(v)).map(|r| r.normalised()).unwrap_or_default()
    }

    #[test]
    fn rules_from_dates() {
        assert_eq!(
            rule(&["2026-01-01", "2026-01-08", "2026-01-22", "2026-01-29"]),
            "FREQ=WEEKLY;BYDAY=TH"
        );
        assert_eq!(
            rule(&["2026-01-05", "2026-01-19", "2026-02-02", "2026-02-16"]),
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"
        );
        assert_eq!(
            rule(&["2026-01-05", "2026-02-02", "2026-03-02", "2026-05-04"]),
            "FREQ=MONTHLY;BYDAY=1MO"
        );
        assert_eq!(
            rule(&[
                "2026-01-05",
                "2026-01-06",
                "2026-01-07",
                "2026-01-08",
                "2026-01-09",
                "2026-01-10",
                "2026-01-11",
                "2026-01-12"
            ]),
            "FREQ=DAILY"
        );
        assert_eq!(rule(&["2026-01-05"]), "");
    }
}
