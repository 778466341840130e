//! Property test: for random rules, zones, times and exceptions, our
//! expander (through `agenda`) and the `rrule` crate reading our feed
//! (through `oracle`) list the same occurrences.
//!
//! The feed's EXDATEs come from the exceptions alone (issue 15: holidays,
//! `skip` and `closed` ranges asked of the rule, never a walk of the
//! series) while the agenda walks every occurrence, so the two meet only
//! when the exceptions-only expansion finds every skipped date. An agenda
//! of a later window, which enters the series at its start, must list what
//! the whole agenda lists there.

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

/// Exceptions and a schedule change, as offsets in days from 2026-01-01.
#[derive(Clone, Debug)]
struct Extras {
    /// A dated `skip` range: start offset, length in days.
    skip: Option<(u32, u32)>,
    /// A yearly `skip` range: start (month, day), length in days (it may
    /// cross the new year).
    skip_yearly: Option<((u32, u32), u32)>,
    /// A yearly `calendar.closed` range, as above.
    closed_yearly: Option<((u32, u32), u32)>,
    /// `changes: [{from, every}]`: offset after `since`, the new rule.
    change: Option<(u32, String)>,
}

fn extras() -> impl Strategy<Value = Extras> {
    let month_day = (1u32..=12, 1u32..=28);
    (
        proptest::option::of((0u32..1400, 1u32..60)),
        proptest::option::of((month_day.clone(), 0u32..40)),
        proptest::option::of((month_day, 0u32..20)),
        proptest::option::of((30u32..900, every())),
    )
        .prop_map(|(skip, skip_yearly, closed_yearly, change)| Extras {
            skip,
            skip_yearly,
            closed_yearly,
            change,
        })
}

fn yearly(((month, day), len): ((u32, u32), u32)) -> String {
    let from = NaiveDate::from_ymd_opt(2027, month, day).unwrap();
    let to = from + chrono::Days::new(u64::from(len));
    format!("{}..{}", from.format("%m-%d"), to.format("%m-%d"))
}

fn spec(
    zone: &str,
    every: &str,
    time: &str,
    since: NaiveDate,
    end: Option<(bool, u32)>,
    holidays: bool,
    extras: &Extras,
) -> String {
    let day =
        |n: u32| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(u64::from(n));
    let mut skips = Vec::new();
    if let Some((from, len)) = extras.skip {
        skips.push(format!("{}..{}", day(from), day(from + len)));
    }
    skips.extend(extras.skip_yearly.map(yearly));
    let skip = if skips.is_empty() {
        String::new()
    } else {
        format!("    skip: [{}]\n", skips.join(", "))
    };
    let closed = extras
        .closed_yearly
        .map(|c| format!("  closed: [{}]\n", yearly(c)))
        .unwrap_or_default();
    // `count` cannot be combined with `changes`.
    let change = match (&extras.change, end) {
        (Some((after, rule)), None | Some((true, _))) => format!(
            "    changes:\n      - from: {}\n        every: {rule}\n",
            since + chrono::Days::new(u64::from(*after))
        ),
        _ => String::new(),
    };
    let end = match end {
        Some((true, days)) => format!(
            "    until: {}\n",
            since + chrono::Days::new(u64::from(days))
        ),
        Some((false, n)) => format!("    count: {n}\n"),
        None => String::new(),
    };
    format!(
        "calendar:\n  name: P\n  timezone: {zone}\n  since: {since}\n  domain: p.example.org\n  holidays: {}\n  horizon: 2029-12-31\n{closed}rituals:\n  - id: r\n    title: R\n    every: {every}\n    time: {time}\n{end}{skip}{change}",
        if holidays { "FR" } else { "none" }
    )
}

/// The feed, the agenda JSON from 2025-12-30 and the agenda JSON from
/// `LATER`, or the validation messages.
fn run(yaml: &str) -> Result<(String, String, String), String> {
    let source = rituals::spec::Source {
        name: "p.yaml".into(),
        path: None,
        text: yaml.into(),
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
    let agenda = |from: NaiveDate| {
        let w = rituals::render::agenda::Window {
            from,
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
        String::from_utf8(json).unwrap()
    };
    let all = agenda(NaiveDate::from_ymd_opt(2025, 12, 30).unwrap());
    Ok((feed, all, agenda(later())))
}

/// Where the second agenda starts: mid-series for most specs.
fn later() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 6, 9).unwrap()
}

/// The entries of an agenda JSON whose local start is on or after `from`.
fn entries_from(json: &str, from: NaiveDate) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(json).expect("agenda json");
    let from = from.format("%Y-%m-%d").to_string();
    v.as_array()
        .expect("array")
        .iter()
        .filter(|o| o["start_local"].as_str().unwrap()[..10] >= *from)
        .cloned()
        .collect()
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
        extras in extras(),
    ) {
        let since = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(u64::from(since_offset));
        let yaml = spec(zone, &every, &time, since, end, holidays, &extras);
        let (feed, json, later_json) = match run(&yaml) {
            Ok(out) => out,
            // A short `until` can leave no occurrence, a random range may
            // hold none, a change may come after the end: refused,
            // nothing to compare.
            Err(e) if e.contains("has no occurrence")
                || e.contains("holds no occurrence")
                || e.contains("would never apply") => return Ok(()),
            Err(e) => panic!("valid spec refused: {e}\n{yaml}"),
        };
        let (from, to) = (NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2030, 1, 1).unwrap());
        let ours = oracle::agenda_instances(&json, from, to);
        let theirs = oracle::expand(&feed, from, to);
        prop_assert_eq!(&ours, &theirs, "{}\n{}", yaml, oracle::diff(&ours, &theirs));
        prop_assert_eq!(entries_from(&json, later()), entries_from(&later_json, later()), "{}", yaml);
    }
}
