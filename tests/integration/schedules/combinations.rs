//! Nothing accepted and ignored: each field and pair of fields that says
//! when a ritual happens, and its outcome — accepted (and shown to have
//! its effect by the other tests of this module) or refused by `build`
//! with exit 2 and the message given here word for word.

use crate::harness::Test;

/// (what is combined, the ritual's fields, None = accepted, or the error).
const TABLE: &[(&str, &str, Option<&str>)] = &[
    ("every", "every: monday\n    time: \"10:00-11:00\"", None),
    (
        "rrule",
        "rrule: FREQ=MONTHLY;BYDAY=1TH\n    time: \"10:00-11:00\"",
        None,
    ),
    (
        "dates",
        "dates: [2026-04-09]\n    time: \"10:00-11:00\"",
        None,
    ),
    (
        "none of every, rrule, dates",
        "time: \"10:00-11:00\"",
        Some("this ritual has no schedule: set `every`, `rrule` or `dates`"),
    ),
    (
        "every + rrule",
        "every: monday\n    rrule: FREQ=WEEKLY;BYDAY=MO\n    time: \"10:00-11:00\"",
        Some("`every`, `rrule` and `dates` are three ways to say when: write only one"),
    ),
    (
        "every + dates",
        "every: monday\n    dates: [2026-04-09]\n    time: \"10:00-11:00\"",
        Some("`every`, `rrule` and `dates` are three ways to say when: write only one"),
    ),
    (
        "rrule + dates",
        "rrule: FREQ=WEEKLY\n    dates: [2026-04-09]\n    time: \"10:00-11:00\"",
        Some("`every`, `rrule` and `dates` are three ways to say when: write only one"),
    ),
    (
        "time HH:MM-HH:MM + duration",
        "every: monday\n    time: \"09:00-10:00\"\n    duration: 2d",
        Some("`duration` cannot be combined with `time: 09:00-10:00`, which already has an end"),
    ),
    (
        "time HH:MM + duration",
        "every: monday\n    time: \"09:00\"\n    duration: 45m",
        None,
    ),
    (
        "time HH:MM + duration over a day",
        "every: monday\n    time: \"09:00\"\n    duration: 1d9h",
        None,
    ),
    (
        "time HH:MM without duration",
        "every: monday\n    time: \"09:00\"",
        Some("`time: 09:00` has no end: write `09:00-HH:MM` or add `duration: 30m`"),
    ),
    ("all day", "every: monday\n    time: all day", None),
    (
        "all day + whole days",
        "every: monday\n    time: all day\n    duration: 2d",
        None,
    ),
    (
        "all day + part of a day",
        "every: monday\n    time: all day\n    duration: 36h",
        Some("an all-day ritual lasts whole days, found `duration: 36h`"),
    ),
    (
        "zero duration",
        "every: monday\n    time: \"09:00\"\n    duration: 0m",
        Some("a ritual must last more than 0 minutes, found 0m"),
    ),
    (
        "count + until",
        "every: monday\n    time: \"10:00-11:00\"\n    count: 3\n    until: 2026-12-31",
        Some("`count` and `until` cannot both be set: keep one"),
    ),
    (
        "count + changes",
        "every: monday\n    time: \"10:00-11:00\"\n    count: 3\n    changes:\n      - from: 2026-06-01\n        every: friday",
        Some("`count` cannot be combined with `changes`: use `until`"),
    ),
    (
        "count + dates",
        "dates: [2026-04-09, 2026-05-12]\n    time: \"10:00-11:00\"\n    count: 2",
        Some("`count` does not apply to `dates`: the series has one occurrence per date"),
    ),
    (
        "until + dates",
        "dates: [2026-04-09, 2026-05-12]\n    time: \"10:00-11:00\"\n    until: 2026-05-01",
        Some("`until` does not apply to `dates`: the series ends at its last date"),
    ),
    (
        "since after the first of dates",
        "dates: [2026-04-09, 2026-05-12]\n    time: \"10:00-11:00\"\n    since: 2026-05-01",
        Some("`since` is after the first of `dates` (2026-04-09), which it would silently drop"),
    ),
    (
        "since before the first of dates",
        "dates: [2026-04-09, 2026-05-12]\n    time: \"10:00-11:00\"\n    since: 2026-01-01",
        Some("`since` does not apply to `dates`: the series starts at its first date (2026-04-09)"),
    ),
    (
        "extra + dates",
        "dates: [2026-04-09]\n    time: \"10:00-11:00\"\n    extra: [2026-05-12]",
        Some("`extra` does not apply to `dates`: every occurrence is one of `dates`"),
    ),
    (
        "dates + skip",
        "dates: [2026-04-09, 2026-05-12]\n    time: \"10:00-11:00\"\n    skip: [2026-05-12]",
        None,
    ),
    (
        "dates + moved",
        "dates: [2026-04-09, 2026-05-12]\n    time: \"10:00-11:00\"\n    moved:\n      - date: 2026-05-12\n        to: \"2026-05-13 15:00\"",
        None,
    ),
    (
        "dates + remind",
        "dates: [2026-04-09]\n    time: \"10:00-11:00\"\n    remind: [1d]",
        None,
    ),
    (
        "dates with their own start and end, no time",
        "dates: [\"2026-04-09 14:00-17:00\", \"2026-05-12 09:00-12:00\"]",
        None,
    ),
    (
        "dates with their own start and end + time",
        "dates: [\"2026-04-09 14:00-17:00\"]\n    time: \"10:00-11:00\"",
        Some("`time` has no effect: every one of `dates` has its own start and end"),
    ),
    (
        "dates with their own start and end + duration",
        "dates: [\"2026-04-09 14:00-17:00\"]\n    duration: 1h",
        Some("`duration` has no effect: every one of `dates` has its own start and end"),
    ),
    (
        "a date with a time + all day",
        "dates: [2026-04-09, \"2026-05-12 14:00\"]\n    time: all day",
        Some("2026-05-12 has a time, but this ritual is all day"),
    ),
    (
        "a date twice",
        "dates: [2026-04-09, 2026-04-09]\n    time: \"10:00-11:00\"",
        Some("2026-04-09 is listed twice in `dates`"),
    ),
    (
        "all day + extra with a time",
        "every: monday\n    time: all day\n    extra: [\"2026-07-01 14:00\"]",
        Some("this ritual is all day: an `extra` takes a date, not a time"),
    ),
    (
        "all day + moved to a time",
        "every: monday\n    time: all day\n    moved:\n      - date: 2026-01-12\n        to: \"2026-01-13 10:00\"",
        Some("this ritual is all day: `to` takes a date, not a time"),
    ),
    (
        "changes: weekly, then monthly, then dates",
        "every: monday\n    time: \"10:00-11:00\"\n    changes:\n      - from: 2026-03-01\n        every: first monday of the month\n      - from: 2026-06-01\n        dates: [2026-06-15, 2026-07-20]",
        None,
    ),
    (
        "change: every + rrule",
        "every: monday\n    time: \"10:00-11:00\"\n    changes:\n      - from: 2026-03-01\n        every: friday\n        rrule: FREQ=WEEKLY;BYDAY=FR",
        Some("`every`, `rrule` and `dates` are three ways to say when: write only one"),
    ),
    (
        "change: dates before its from",
        "every: monday\n    time: \"10:00-11:00\"\n    changes:\n      - from: 2026-03-01\n        dates: [2026-02-20]",
        Some("2026-02-20 is before this change's `from` (2026-03-01)"),
    ),
    (
        "dates past a later change",
        "dates: [2026-01-20, 2026-04-20]\n    time: \"10:00-11:00\"\n    changes:\n      - from: 2026-03-01\n        every: monday",
        Some("2026-04-20 is on or after the change from 2026-03-01, which would silently drop it"),
    ),
    (
        "change: whole days on an all-day ritual",
        "every: monday\n    time: all day\n    changes:\n      - from: 2026-03-01\n        duration: 3d",
        None,
    ),
    (
        "change: part of a day on an all-day ritual",
        "every: monday\n    time: all day\n    changes:\n      - from: 2026-03-01\n        duration: 12h",
        Some("an all-day ritual lasts whole days, found `duration: 12h`"),
    ),
    (
        "change: time HH:MM-HH:MM + duration",
        "every: monday\n    time: \"10:00-11:00\"\n    changes:\n      - from: 2026-03-01\n        time: \"09:00-10:00\"\n        duration: 2h",
        Some("`duration` cannot be combined with `time: 09:00-10:00`, which already has an end"),
    ),
    (
        "rrule with a time part",
        "rrule: FREQ=DAILY;BYHOUR=9\n    time: \"10:00-11:00\"",
        Some("`rrule` cannot hold BYHOUR: the time of day comes from `time`"),
    ),
    (
        "rrule with COUNT",
        "rrule: FREQ=DAILY;COUNT=3\n    time: \"10:00-11:00\"",
        Some("`rrule` cannot hold COUNT"),
    ),
    (
        "rrule with UNTIL",
        "rrule: FREQ=DAILY;UNTIL=20261231\n    time: \"10:00-11:00\"",
        Some("`rrule` cannot hold UNTIL"),
    ),
];

#[test]
fn every_combination_has_an_effect_or_is_an_error() {
    let mut failures = Vec::new();
    for (what, fields, expected) in TABLE {
        let spec = format!(
            "calendar:\n  name: Team\n  timezone: Europe/Paris\n  since: 2026-01-05\n  domain: example.org\n  horizon: 2026-12-31\nrituals:\n  - id: r\n    title: R\n    {fields}\n"
        );
        let out = Test::new().spec(&spec).args(["build"]).run();
        let first = out.stderr.lines().next().unwrap_or("").to_owned();
        let ok = match expected {
            None => out.status == 0,
            Some(message) => out.status == 2 && first == format!("error: {message}"),
        };
        if !ok {
            failures.push(format!(
                "{what}: expected {expected:?}, got exit {} and {:?}",
                out.status, out.stderr
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
