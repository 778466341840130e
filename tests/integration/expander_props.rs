//! Property test: for random rules, zones, times and exceptions, our
//! expander (through `agenda`) and the `rrule` crate reading our feed
//! (through `oracle`) list the same occurrences.

use chrono::NaiveDate;
use proptest::prelude::*;

use crate::oracle;

const ZONES: [&str; 8] = [
    "Europe/Paris",
    "America/New_York",
    "Australia/Sydney",
    "America/Santiago",
    "Asia/Kolkata",
    "Pacific/Chatham",
    "Europe/Dublin",
    "UTC",
];
const DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn every() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::subsequence(DAYS.to_vec(), 1..=3).prop_map(|d| d.join(", ")),
        Just("weekday".to_owned()),
        Just("day".to_owned()),
        (
            2u32..=4,
            proptest::sample::subsequence(DAYS.to_vec(), 1..=2)
        )
            .prop_map(|(n, d)| format!("{n} weeks on {}", d.join(", "))),
        (
            prop_oneof![
                Just("first"),
                Just("second"),
                Just("third"),
                Just("fourth"),
                Just("last")
            ],
            proptest::sample::select(DAYS.to_vec())
        )
            .prop_map(|(n, d)| format!("{n} {d} of the month")),
    ]
}

/// Hours that never fall in a DST gap or fold of these zones: the oracle
/// resolves local times with chrono-tz directly and has no gap policy.
fn time() -> impl Strategy<Value = String> {
    prop_oneof![
        (5u32..=20, prop_oneof![Just(0u32), Just(30)], 15u32..=120)
            .prop_map(|(h, m, d)| format!("\"{h:02}:{m:02}\"\n    duration: {d}m")),
        Just("all day".to_owned()),
    ]
}

fn spec(
    zone: &str,
    every: &str,
    time: &str,
    since: NaiveDate,
    end: Option<(bool, u32)>,
    holidays: bool,
) -> String {
    let end = match end {
        Some((true, days)) => format!(
            "    until: {}\n",
            since + chrono::Days::new(u64::from(days))
        ),
        Some((false, n)) => format!("    count: {n}\n"),
        None => String::new(),
    };
    format!(
        "calendar:\n  name: P\n  timezone: {zone}\n  since: {since}\n  domain: p.example.org\n  holidays: {}\n  horizon: 2029-12-31\nrituals:\n  - id: r\n    title: R\n    every: {every}\n    time: {time}\n{end}",
        if holidays { "FR" } else { "none" }
    )
}

/// The feed and the agenda JSON, or the validation messages.
fn run(yaml: &str) -> Result<(String, String), String> {
    let source = rituals::spec::Source {
        name: "p.yaml".into(),
        path: None,
        text: yaml.to_owned(),
    };
    let raw = rituals::spec::parse(&source).map_err(|d| d.message)?;
    let ctx = rituals::validate::Context {
        build_date: NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    };
    let spec = rituals::validate::validate(&raw, &ctx).map_err(|ds| {
        ds.into_iter()
            .map(|d| d.message)
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let x = rituals::expand::Expander::new(&spec);
    let prev = rituals::render::ics::stamp::PreviousFeeds::default();
    let now = chrono::DateTime::from_timestamp(1_795_824_000, 0).unwrap();
    let r = rituals::render::ics::Renderer::new(&x, &prev, rituals::render::ics::BuildInfo { now });
    let feed = String::from_utf8(r.feed(rituals::render::ics::FeedKind::Team)).unwrap();
    let w = rituals::render::agenda::Window {
        from: NaiveDate::from_ymd_opt(2025, 12, 30).unwrap(),
        to: NaiveDate::from_ymd_opt(2030, 1, 2).unwrap(),
        tz: None,
        person: None,
    };
    let team = [rituals::render::agenda::stream::TeamWindow {
        expander: &x,
        person: None,
    }];
    let mut json = Vec::new();
    rituals::render::agenda::stream::write(
        &team,
        &[None],
        w,
        rituals::render::agenda::Format::Json,
        &mut json,
    )
    .unwrap();
    Ok((feed, String::from_utf8(json).unwrap()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn random_series_agree_with_an_independent_expander(
        zone in proptest::sample::select(ZONES.to_vec()),
        every in every(),
        time in time(),
        since_offset in 0u32..900,
        end in proptest::option::of((any::<bool>(), 1u32..600)),
        holidays in any::<bool>(),
    ) {
        let since = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(u64::from(since_offset));
        let yaml = spec(zone, &every, &time, since, end, holidays);
        let (feed, json) = match run(&yaml) {
            Ok(out) => out,
            // A short `until` can leave no occurrence: refused, nothing to compare.
            Err(e) if e.starts_with("this schedule has no occurrence") => return Ok(()),
            Err(e) => panic!("valid spec refused: {e}\n{yaml}"),
        };
        let (from, to) = (NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2030, 1, 1).unwrap());
        let ours = oracle::agenda_instances(&json, from, to);
        let theirs = oracle::expand(&feed, from, to);
        prop_assert_eq!(&ours, &theirs, "{}\n{}", yaml, oracle::diff(&ours, &theirs));
    }
}
