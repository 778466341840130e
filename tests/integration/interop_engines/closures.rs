//! Issue 14: a yearly closed range (`closed: [12-24..01-01]`) as the
//! engines read the feed: no occurrence from 24 December to 1 January in
//! any year 2026–2035, and every other Monday still there.

use chrono::{Datelike, NaiveDate, Weekday};

use super::{ENGINES, build, expand, root, runtimes_or_skip};

/// Mondays from the ritual's start to the horizon, outside 24 Dec – 1 Jan:
/// what each engine must list, computed here from the calendar alone.
fn expected() -> Vec<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    let last = NaiveDate::from_ymd_opt(2035, 12, 31).unwrap();
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter(|d| d.weekday() == Weekday::Mon)
        .filter(|d| !((d.month() == 12 && d.day() >= 24) || (d.month() == 1 && d.day() == 1)))
        .collect()
}

#[test]
fn a_yearly_closed_range_has_no_occurrence_in_any_engine_2026_to_2035() {
    let Some(rt) = runtimes_or_skip("a_yearly_closed_range_has_no_occurrence_in_any_engine") else {
        return;
    };
    let spec = root().join("tests/fixtures/interop/closed-yearly.yaml");
    let tmp = tempfile::tempdir().expect("tempdir");
    build(&spec, tmp.path());
    let feed = tmp.path().join("rituals.ics");
    let expected = expected();
    // Mondays in the break, both sides of the new year, are not expected.
    for d in [
        "2026-12-28",
        "2029-01-01",
        "2029-12-24",
        "2029-12-31",
        "2035-01-01",
    ] {
        assert!(!expected.contains(&d.parse().unwrap()), "{d}");
    }
    assert!(expected.contains(&NaiveDate::from_ymd_opt(2035, 12, 17).unwrap()));
    for engine in ENGINES {
        let out = expand(&rt, engine, &feed).unwrap_or_else(|e| panic!("{e}"));
        let starts: Vec<NaiveDate> = out
            .lines()
            .filter(|l| l.contains(" monday@example.org"))
            .map(|l| l[..10].parse().expect("engine start date"))
            .filter(|d: &NaiveDate| d.year() <= 2035)
            .collect();
        let in_break: Vec<&NaiveDate> = starts
            .iter()
            .filter(|d| (d.month() == 12 && d.day() >= 24) || (d.month() == 1 && d.day() == 1))
            .collect();
        assert!(
            in_break.is_empty(),
            "{}: occurrences in the closed range: {in_break:?}",
            engine.name
        );
        assert_eq!(
            starts, expected,
            "{}: the other Mondays differ",
            engine.name
        );
    }
}
