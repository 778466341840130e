//! RRULE → the readable `every` forms of the spec (today's forms as the
//! validator accepts them, and the monthly/yearly forms of issue 13), or
//! `rrule:` when no form says it. A pure function, table-tested.

use chrono::{Datelike, NaiveDate, Weekday};

use super::rrule::{Freq, RRule};
use crate::model::WEEK;

/// What a series' rule becomes in the spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Schedule {
    /// `every: <text>`.
    Every(String),
    /// `rrule: <normalised rule>`.
    RRule(String),
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub fn day_name(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

fn ordinal(n: i8) -> Option<&'static str> {
    Some(match n {
        1 => "first",
        2 => "second",
        3 => "third",
        4 => "fourth",
        5 => "fifth",
        -1 => "last",
        _ => return None,
    })
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Weekdays in week order, without repeats.
fn sorted_days(days: &[Weekday]) -> Vec<Weekday> {
    WEEK.iter().copied().filter(|d| days.contains(d)).collect()
}

fn weekly_text(interval: u32, days: &[Weekday]) -> Option<String> {
    let days = sorted_days(days);
    let names: Vec<&str> = days.iter().map(|d| day_name(*d)).collect();
    match interval {
        1 if days.len() == 7 => Some("day".to_owned()),
        1 if days == WEEK[..5] => Some("weekday".to_owned()),
        1 => Some(names.join(", ")),
        2..=52 => Some(format!("{interval} weeks on {}", names.join(", "))),
        _ => None,
    }
}

/// Plain weekdays of BYDAY (no ordinal), or None if any has one.
fn plain_days(r: &RRule) -> Option<Vec<Weekday>> {
    r.by_day
        .iter()
        .map(|(n, d)| n.is_none().then_some(*d))
        .collect()
}

/// The readable form of `r` for a series starting on `start`.
pub fn schedule(r: &RRule, start: NaiveDate) -> Schedule {
    readable(r, start).map_or_else(|| Schedule::RRule(r.normalised()), Schedule::Every)
}

fn readable(r: &RRule, start: NaiveDate) -> Option<String> {
    if !r.other.is_empty() || r.is_sub_daily() {
        return None;
    }
    match r.freq {
        Freq::SubDaily => None,
        Freq::Daily => daily(r),
        Freq::Weekly => {
            if !r.by_month.is_empty() || !r.by_month_day.is_empty() || !r.by_set_pos.is_empty() {
                return None;
            }
            let days = if r.by_day.is_empty() {
                vec![start.weekday()]
            } else {
                plain_days(r)?
            };
            // Weeks counted from another day than Monday only matter
            // with several days and an interval.
            if r.interval > 1 && days.len() > 1 && r.wkst.is_some_and(|w| w != Weekday::Mon) {
                return None;
            }
            weekly_text(r.interval, &days)
        }
        Freq::Monthly => monthly(r, start),
        Freq::Yearly => yearly(r, start),
    }
}

fn daily(r: &RRule) -> Option<String> {
    if !r.by_month.is_empty() || !r.by_month_day.is_empty() || !r.by_set_pos.is_empty() {
        return None;
    }
    if r.by_day.is_empty() {
        return Some(match r.interval {
            1 => "day".to_owned(),
            n => format!("{n} days"),
        });
    }
    // FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR is the weekly rule on those days.
    (r.interval == 1).then_some(())?;
    weekly_text(1, &plain_days(r)?)
}

fn monthly(r: &RRule, start: NaiveDate) -> Option<String> {
    if !r.by_month.is_empty() {
        return None;
    }
    let every = |what: String| match r.interval {
        1 => Some(format!("month on {what}")),
        n => Some(format!("{n} months on {what}")),
    };
    match (
        r.by_day.is_empty(),
        r.by_month_day.is_empty(),
        r.by_set_pos.as_slice(),
    ) {
        (true, true, []) => every(format!("day {}", start.day())),
        (true, false, []) => {
            (r.interval == 1).then_some(())?;
            let days: Vec<i8> = r.by_month_day.clone();
            match days.as_slice() {
                [-1] => every("last day".to_owned()),
                [d] if *d > 0 => every(format!("day {d}")),
                many if many.iter().all(|d| *d > 0) => {
                    let items: Vec<String> = many.iter().map(i8::to_string).collect();
                    every(format!("days {}", and_list(&items)))
                }
                _ => None,
            }
        }
        (false, true, []) => {
            let day = r.by_day[0].1;
            if r.by_day.iter().any(|(_, d)| *d != day) {
                return None;
            }
            let mut nths: Vec<i8> = r.by_day.iter().map(|(n, _)| *n).collect::<Option<_>>()?;
            nths.sort_by_key(|n| if *n < 0 { 10 - *n } else { *n });
            nths.dedup();
            let words: Vec<String> = nths
                .iter()
                .map(|n| ordinal(*n).map(str::to_owned))
                .collect::<Option<_>>()?;
            let what = format!("{} {}", and_list(&words), day_name(day));
            match r.interval {
                1 => Some(format!("{what} of the month")),
                n => Some(format!("{n} months on {what}")),
            }
        }
        // Outlook's "last Friday": BYDAY=FR;BYSETPOS=-1.
        (false, true, [pos]) if r.by_day.len() == 1 && r.by_day[0].0.is_none() => {
            let nth = i8::try_from(*pos).ok()?;
            let plain = RRule {
                by_day: vec![(Some(nth), r.by_day[0].1)],
                by_set_pos: Vec::new(),
                ..r.clone()
            };
            monthly(&plain, start)
        }
        (false, true, [pos @ (1 | -1)]) => {
            let days = plain_days(r)?;
            (r.interval == 1 && sorted_days(&days) == WEEK[..5]).then_some(())?;
            Some(format!(
                "month on {} weekday",
                if *pos == 1 { "first" } else { "last" }
            ))
        }
        _ => None,
    }
}

fn yearly(r: &RRule, start: NaiveDate) -> Option<String> {
    if r.interval != 1 || !r.by_set_pos.is_empty() {
        return None;
    }
    let month = match r.by_month.as_slice() {
        [] if r.by_day.is_empty() => start.month(),
        [m] => *m,
        _ => return None,
    };
    let name = MONTHS[(month - 1) as usize];
    match (r.by_day.as_slice(), r.by_month_day.as_slice()) {
        ([], []) => Some(format!("year on {} {name}", start.day())),
        ([], [d]) if *d > 0 => Some(format!("year on {d} {name}")),
        ([(Some(n), day)], []) => Some(format!(
            "year on {} {} of {name}",
            ordinal(*n)?,
            day_name(*day)
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every(rule: &str, start: &str) -> Schedule {
        schedule(
            &RRule::parse(rule).unwrap(),
            start.parse::<NaiveDate>().unwrap(),
        )
    }

    /// `RRULE | DTSTART | expected` rows: `every: …` or `rrule: …`.
    fn check(rows: &[&str]) {
        for row in rows {
            let [rule, start, want]: [&str; 3] = row
                .split(" | ")
                .collect::<Vec<_>>()
                .try_into()
                .expect("three columns");
            let want = match want.split_once(": ") {
                Some(("every", t)) => Schedule::Every(t.to_owned()),
                Some(("rrule", t)) => Schedule::RRule(t.to_owned()),
                _ => panic!("bad row {row}"),
            };
            assert_eq!(every(rule, start), want, "{rule}");
        }
    }

    /// The forms of issue 13's table and today's `every`, each from the
    /// RRULE a calendar writes for it.
    #[test]
    fn rrule_to_every_table() {
        check(&[
            "FREQ=DAILY | 2026-01-05 | every: day",
            "FREQ=DAILY;INTERVAL=3 | 2026-01-05 | every: 3 days",
            "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR | 2026-01-05 | every: weekday",
            "FREQ=WEEKLY | 2026-01-05 | every: monday",
            "FREQ=WEEKLY;BYDAY=FR,MO | 2026-01-05 | every: monday, friday",
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR | 2026-01-05 | every: weekday",
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU | 2026-01-05 | every: day",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO | 2026-01-05 | every: 2 weeks on monday",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;WKST=MO | 2026-01-05 | every: 2 weeks on monday, thursday",
            "FREQ=MONTHLY;BYDAY=1MO | 2026-01-05 | every: first monday of the month",
            "FREQ=MONTHLY;BYDAY=-1FR | 2026-01-30 | every: last friday of the month",
            "FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1 | 2026-01-30 | every: last friday of the month",
            "FREQ=MONTHLY;BYDAY=1TH,3TH | 2026-01-01 | every: first and third thursday of the month",
            "FREQ=MONTHLY;BYDAY=5WE | 2026-04-29 | every: fifth wednesday of the month",
            "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR | 2026-01-30 | every: 2 months on last friday",
            "FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO | 2026-01-05 | every: 3 months on first monday",
            "FREQ=MONTHLY;BYMONTHDAY=15 | 2026-01-15 | every: month on day 15",
            "FREQ=MONTHLY | 2026-01-15 | every: month on day 15",
            "FREQ=MONTHLY;BYMONTHDAY=1,15 | 2026-01-01 | every: month on days 1 and 15",
            "FREQ=MONTHLY;BYMONTHDAY=-1 | 2026-01-31 | every: month on last day",
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 | 2026-01-30 | every: month on last weekday",
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1 | 2026-01-01 | every: month on first weekday",
            "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=14 | 2026-07-14 | every: year on 14 july",
            "FREQ=YEARLY | 2026-07-14 | every: year on 14 july",
            "FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO | 2026-05-25 | every: year on last monday of may",
        ]);
    }

    /// Rules no form says: `rrule:` with the rule normalised.
    #[test]
    fn rules_without_a_form_stay_rrules() {
        check(&[
            "FREQ=MONTHLY;BYDAY=2MO,4WE | 2026-01-12 | rrule: FREQ=MONTHLY;BYDAY=2MO,4WE",
            "FREQ=YEARLY;INTERVAL=2;BYMONTH=7;BYMONTHDAY=14 | 2026-07-14 | rrule: FREQ=YEARLY;INTERVAL=2;BYMONTH=7;BYMONTHDAY=14",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;WKST=SU | 2026-01-05 | rrule: FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;WKST=SU",
            "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO | 2026-05-11 | rrule: FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
            "FREQ=MONTHLY;BYDAY=-2FR | 2026-01-23 | rrule: FREQ=MONTHLY;BYDAY=-2FR",
        ]);
    }

    /// Today's forms parse back to the rule they came from.
    #[test]
    fn todays_forms_are_accepted_by_the_validator() {
        for (rule, start) in [
            ("FREQ=WEEKLY;BYDAY=MO,FR", "2026-01-05"),
            ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", "2026-01-05"),
            ("FREQ=MONTHLY;BYDAY=-1FR", "2026-01-30"),
            ("FREQ=MONTHLY;BYDAY=3WE", "2026-01-21"),
            ("FREQ=DAILY", "2026-01-05"),
            ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-01-05"),
        ] {
            let Schedule::Every(text) = every(rule, start) else {
                panic!("{rule} has a readable form")
            };
            let parsed = crate::validate::every::parse(&[text.as_str()]).unwrap();
            // WKST=MO is RFC 5545's default, written where it changes dates.
            let parts = parsed.rrule_parts().map(|p| p.replace(";WKST=MO", ""));
            assert_eq!(parts.as_deref(), Some(rule), "{text}");
        }
    }
}
