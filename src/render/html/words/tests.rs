//! The words, checked against the sentences the page must say.

use super::*;
use crate::model::{Rule, Schedule, When};
use crate::render::html::rule_words::{frequency, schedule};
use chrono_tz::Europe::Paris;

fn t(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

fn weekly(interval: u32, days: &[Weekday]) -> Rule {
    Rule::weekly(interval, days)
}

fn timed(rule: Rule, start: &str, minutes: i64) -> Schedule {
    Schedule {
        rule,
        when: When::Timed {
            start: t(start),
            duration: TimeDelta::minutes(minutes),
        },
        timezone: Paris,
    }
}

/// Non-breaking spaces as plain ones, for readable expectations.
fn plain(s: String) -> String {
    s.replace(NBSP, " ")
}

fn both(s: &Schedule) -> (String, String) {
    (
        plain(schedule(Language::Fr, s)),
        plain(schedule(Language::En, s)),
    )
}

#[test]
fn times_do_not_break_between_number_and_unit() {
    let s = timed(weekly(1, &[Weekday::Mon]), "09:30", 15);
    assert_eq!(
        schedule(Language::Fr, &s),
        "chaque lundi de 9\u{a0}h\u{a0}30 à 9\u{a0}h\u{a0}45"
    );
    assert_eq!(
        time_range(Language::Fr, t("16:00"), TimeDelta::hours(1)),
        "16\u{a0}h\u{a0}– 17\u{a0}h"
    );
    assert_eq!(
        time_range(Language::En, t("16:00"), TimeDelta::hours(1)),
        "4–5\u{a0}pm"
    );
}

#[test]
fn one_weekday() {
    let s = timed(weekly(1, &[Weekday::Mon]), "16:00", 60);
    assert_eq!(
        both(&s),
        (
            "chaque lundi de 16 h à 17 h".into(),
            "every Monday, 4–5 pm".into()
        )
    );
}

#[test]
fn weekday_lists_and_minutes() {
    let s = timed(
        weekly(1, &[Weekday::Mon, Weekday::Wed, Weekday::Fri]),
        "09:30",
        15,
    );
    assert_eq!(
        both(&s),
        (
            "chaque lundi, mercredi et vendredi de 9 h 30 à 9 h 45".into(),
            "every Monday, Wednesday and Friday, 9:30–9:45 am".into()
        )
    );
    let s = timed(weekly(1, &[Weekday::Tue, Weekday::Thu]), "11:30", 60);
    assert_eq!(
        both(&s),
        (
            "chaque mardi et jeudi de 11 h 30 à 12 h 30".into(),
            "every Tuesday and Thursday, 11:30 am–12:30 pm".into()
        )
    );
}

#[test]
fn weekday_and_day_keywords() {
    let work = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];
    let s = timed(weekly(1, &work), "09:00", 15);
    assert_eq!(
        both(&s),
        (
            "du lundi au vendredi de 9 h à 9 h 15".into(),
            "every weekday, 9–9:15 am".into()
        )
    );
    let s = timed(Rule::daily(1), "00:00", 30);
    assert_eq!(
        both(&s),
        (
            "chaque jour de 0 h à 0 h 30".into(),
            "every day, 12–12:30 am".into()
        )
    );
}

#[test]
fn every_n_weeks() {
    let s = timed(weekly(2, &[Weekday::Tue]), "10:00", 60);
    assert_eq!(
        both(&s),
        (
            "un mardi sur deux de 10 h à 11 h".into(),
            "every other Tuesday, 10–11 am".into()
        )
    );
    let s = timed(weekly(3, &[Weekday::Mon, Weekday::Thu]), "14:00", 90);
    assert_eq!(
        both(&s),
        (
            "toutes les 3 semaines, le lundi et jeudi de 14 h à 15 h 30".into(),
            "every 3 weeks on Monday and Thursday, 2–3:30 pm".into()
        )
    );
}

#[test]
fn nth_weekday_of_the_month() {
    let first = timed(Rule::monthly_nth(1, Weekday::Mon), "18:00", 120);
    assert_eq!(
        both(&first),
        (
            "le premier lundi du mois de 18 h à 20 h".into(),
            "the first Monday of the month, 6–8 pm".into()
        )
    );
    let last = Rule::monthly_nth(-1, Weekday::Fri);
    assert_eq!(
        frequency(Language::Fr, &last),
        "le dernier vendredi du mois"
    );
    assert_eq!(
        frequency(Language::En, &last),
        "the last Friday of the month"
    );
}

#[test]
fn all_day_and_past_midnight() {
    let s = Schedule {
        rule: weekly(1, &[Weekday::Sat]),
        when: When::AllDay { days: 1 },
        timezone: Paris,
    };
    assert_eq!(
        both(&s),
        (
            "chaque samedi, toute la journée".into(),
            "every Saturday, all day".into()
        )
    );
    let s = timed(weekly(1, &[Weekday::Fri]), "23:00", 120);
    assert_eq!(
        both(&s),
        (
            "chaque vendredi de 23 h à 1 h le lendemain".into(),
            "every Friday, 11 pm–1 am (next day)".into()
        )
    );
}

#[test]
fn long_dates() {
    let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    assert_eq!(long_date(Language::Fr, d), "mardi 1er décembre 2026");
    assert_eq!(long_date(Language::En, d), "Tuesday 1 December 2026");
}
