//! No input makes `rituals` panic: arbitrary YAML-ish text, and valid
//! specs with extreme values, go through parse → validate → lint → expand
//! → render in-process; valid specs must give feeds that an independent
//! parser reads. `PROPTEST_CASES=N` runs more cases (see docs/FUZZING.md).

use chrono::{DateTime, NaiveDate};
use proptest::prelude::*;
use rituals::expand::Expander;
use rituals::render::ics::stamp::PreviousFeeds;
use rituals::render::ics::{BuildInfo, Renderer};
use rituals::spec::Source;
use rituals::validate::{Context, validate};

use crate::harness::project_spec;
use crate::ics_parse::properties;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).expect("date")
}

/// The whole pipeline. `Ok(feeds)` for a valid spec, `Err(rendered
/// diagnostics)` otherwise; a panic anywhere fails the test.
fn pipeline(bytes: &[u8], max_feeds: usize) -> Result<Vec<String>, String> {
    let source = Source::from_bytes("rituals.yaml".into(), None, bytes.to_vec())
        .map_err(|e| e.to_string())?;
    let show = |ds: &[rituals::diagnostic::Diagnostic]| -> String {
        ds.iter()
            .map(|d| rituals::diagnostic::render(d, &source.name, &source.text, false))
            .collect()
    };
    let raw = rituals::spec::parse(&source).map_err(|d| show(&[d]))?;
    let spec = validate(
        &raw,
        &Context {
            build_date: today(),
        },
    )
    .map_err(|ds| show(&ds))?;
    let expander = Expander::new(&spec);
    let findings: Vec<_> = rituals::lint::lint(&expander, today())
        .into_iter()
        .map(|(_, d)| d)
        .collect();
    let _ = show(&findings);
    let previous = PreviousFeeds::default();
    let build = BuildInfo {
        now: DateTime::from_timestamp(1_795_824_000, 0).expect("time"),
    };
    let renderer = Renderer::new(&expander, &previous, build);
    let team = [rituals::render::agenda::stream::TeamWindow {
        expander: &expander,
        person: None,
    }];
    let window = rituals::render::agenda::Window {
        from: spec.calendar.horizon - chrono::Days::new(60),
        to: spec.calendar.horizon,
        tz: None,
        person: None,
    };
    let _ = rituals::render::agenda::stream::write(
        &team,
        &[None],
        window,
        rituals::render::agenda::Format::Json,
        &mut std::io::sink(),
    );
    Ok(renderer
        .kinds()
        .into_iter()
        .take(max_feeds)
        .map(|k| String::from_utf8(renderer.feed(k)).expect("feeds are UTF-8"))
        .collect())
}

fn cases(default: u32) -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases: n,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Pieces of specs: keys, values, YAML punctuation, and nasty text.
const TOKENS: &[&str] = &[
    "calendar:",
    "rituals:",
    "people:",
    "  ",
    "    ",
    "- ",
    "\n",
    ": ",
    "name: ",
    "id: ",
    "title: ",
    "every: ",
    "time: ",
    "since: ",
    "until: ",
    "count: ",
    "skip: ",
    "moved: ",
    "extra: ",
    "changes:",
    "from: ",
    "to: ",
    "rotation:",
    "attendees: ",
    "organizer: ",
    "holidays: ",
    "timezone: ",
    "domain: ",
    "horizon: ",
    "remind: ",
    "duration: ",
    "monday",
    "weekday",
    "day",
    "last friday of the month",
    "2 weeks on tuesday",
    "all day",
    "10:00-11:00",
    "23:30-00:30",
    "02:30",
    "25:00",
    "2026-03-29",
    "1900-01-01",
    "2200-12-31",
    "9999-12-31",
    "0",
    "4294967296",
    "-1",
    "1h",
    "0m",
    "999999w",
    "Europe/Paris",
    "UTC",
    "Australia/Lord_Howe",
    "FR",
    "none",
    "example.org",
    "a",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&x ",
    "*x",
    "<<: *x",
    "!!str ",
    "? ",
    "|",
    ">-",
    "\"",
    "'",
    "\\r\\n",
    "#",
    "---",
    "...",
    "~",
    "null",
    "true",
    "é",
    "\u{feff}",
    "\t",
    "\r",
    "%YAML 1.2",
    "\u{0}",
    "ATTENDEE:mailto:x",
];

fn yamlish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..120).prop_map(|t| t.concat())
}

/// The project's spec with a few tokens spliced in at random places.
fn mutated() -> impl Strategy<Value = String> {
    let spec = project_spec();
    let len = spec.len();
    prop::collection::vec((0..len, prop::sample::select(TOKENS), 0usize..8), 1..6).prop_map(
        move |edits| {
            let mut s = spec.clone();
            for (at, token, cut) in edits {
                let mut at = at.min(s.len());
                while !s.is_char_boundary(at) {
                    at -= 1;
                }
                let mut end = (at + cut).min(s.len());
                while !s.is_char_boundary(end) {
                    end -= 1;
                }
                s.replace_range(at..end, token);
            }
            s
        },
    )
}

proptest! {
    #![proptest_config(cases(48))]

    #[test]
    fn yamlish_text_never_panics(text in yamlish()) {
        let _ = pipeline(text.as_bytes(), usize::MAX);
    }

    #[test]
    fn a_mutated_project_spec_never_panics(text in mutated()) {
        let _ = pipeline(text.as_bytes(), usize::MAX);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = pipeline(&bytes, usize::MAX);
    }
}

const ZONES: &[&str] = &[
    "Europe/Paris",
    "UTC",
    "Australia/Lord_Howe",
    "America/Santiago",
    "Pacific/Apia",
    "Asia/Kathmandu",
    "America/St_Johns",
];

const EVERY: &[&str] = &[
    "monday",
    "weekday",
    "day",
    "sunday, saturday",
    "2 weeks on tuesday, thursday",
    "52 weeks on friday",
    "first monday of the month",
    "last friday of the month",
    "fourth sunday of the month",
];

/// One valid ritual: `k` is its index, `base` the first year of the
/// spec's three-year window.
#[derive(Debug, Clone)]
struct GenRitual {
    every: &'static str,
    zone: &'static str,
    start: (u32, u32),
    end: Option<(u32, u32)>,
    duration: &'static str,
    since_day: u64,
    end_kind: u8,
    title: String,
    description: String,
    remind: Vec<&'static str>,
    holidays: &'static str,
    people: Vec<usize>,
    busy: bool,
}

fn gen_ritual() -> impl Strategy<Value = GenRitual> {
    (
        (
            prop::sample::select(EVERY),
            prop::sample::select(ZONES),
            (0u32..24, 0u32..60),
            prop::option::of((0u32..24, 0u32..60)),
            prop::sample::select(&["1m", "15m", "1h30m", "24h", "1d"][..]),
            0u64..700,
            0u8..5,
        ),
        (
            "\\PC{0,400}",
            "(\\PC|\n){0,200}",
            prop::collection::vec(prop::sample::select(&["0m", "15m", "1d", "2w"][..]), 0..3),
            prop::sample::select(&["FR", "BE", "DE", "none"][..]),
            prop::collection::vec(0usize..4, 0..4),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (every, zone, start, end, duration, since_day, end_kind),
                (title, description, remind, holidays, people, busy),
            )| GenRitual {
                every,
                zone,
                start,
                end,
                duration,
                since_day,
                end_kind,
                title,
                description,
                remind,
                holidays,
                people,
                busy,
            },
        )
}

fn json(s: &str) -> String {
    serde_json::to_string(s).expect("json string")
}

/// A spec whose dates all fall in `[base, base + 2 years)`.
fn spec_text(base: i32, rituals: &[GenRitual]) -> String {
    let day0 = NaiveDate::from_ymd_opt(base, 1, 1).expect("base date");
    let mut s = format!(
        "calendar:\n  name: {}\n  timezone: Europe/Paris\n  since: {day0}\n  domain: example.org\n  holidays: FR\n  horizon: {}\n",
        json(&format!("Extreme {base}")),
        NaiveDate::from_ymd_opt(base + 1, 12, 31).expect("horizon")
    );
    s.push_str("people:\n");
    for p in 0..4 {
        s.push_str(&format!(
            "  - id: p{p}\n    name: Person {p}\n    email: p{p}@example.org\n"
        ));
    }
    s.push_str("rituals:\n");
    for (k, r) in rituals.iter().enumerate() {
        let since = day0 + chrono::Days::new(r.since_day);
        let time = match r.end {
            _ if r.end_kind == 4 => "all day".to_owned(),
            Some((h, m)) => format!("{:02}:{:02}-{h:02}:{m:02}", r.start.0, r.start.1),
            None => format!("{:02}:{:02}", r.start.0, r.start.1),
        };
        s.push_str(&format!(
            "  - id: r{k}\n    title: {}\n    description: {}\n    every: {}\n    time: {}\n    timezone: {}\n    since: {since}\n    holidays: {}\n    busy: {}\n",
            json(&format!("T {}", r.title)),
            json(&r.description),
            json(r.every),
            json(&time),
            r.zone,
            r.holidays,
            r.busy,
        ));
        if r.end.is_none() && r.end_kind != 4 {
            s.push_str(&format!("    duration: {}\n", r.duration));
        }
        match r.end_kind {
            // Any rule has an occurrence within five weeks.
            1 => s.push_str(&format!("    until: {}\n", since + chrono::Days::new(40))),
            2 => s.push_str(&format!("    count: {}\n", 1 + r.since_day % 30)),
            3 => s.push_str(&format!(
                "    changes:\n      - from: {}\n        time: \"23:30-00:30\"\n        title: Changed\n",
                since + chrono::Days::new(100)
            )),
            _ => {}
        }
        if !r.remind.is_empty() {
            s.push_str(&format!("    remind: [{}]\n", r.remind.join(", ")));
        }
        if !r.people.is_empty() {
            let mut people = r.people.clone();
            people.sort_unstable();
            people.dedup();
            let ids: Vec<String> = people.iter().map(|p| format!("p{p}")).collect();
            s.push_str(&format!(
                "    attendees: [{}]\n    organizer: p{}\n",
                ids.join(", "),
                people[0],
            ));
            // A rotation writes one override per occurrence: only on
            // short series, to keep the feeds small.
            if matches!(r.end_kind, 1 | 2) {
                s.push_str(&format!(
                    "    rotation:\n      people: [{}]\n",
                    ids.join(", ")
                ));
            }
        }
    }
    s
}

/// Renders and parses the first `max` feeds (the team feed comes first).
fn assert_valid_and_parsable(text: &str, max: usize) {
    let feeds = match pipeline(text.as_bytes(), max) {
        Ok(feeds) => feeds,
        Err(e) => panic!("a generated spec was refused:\n{e}\n{text}"),
    };
    for feed in feeds.iter().take(max) {
        let props = properties(feed);
        assert!(props.iter().any(|(n, _)| n == "PRODID"), "{feed}");
    }
}

proptest! {
    #![proptest_config(cases(24))]

    #[test]
    fn valid_specs_with_extreme_values_give_parsable_feeds(
        base in prop_oneof![Just(1900), Just(2197), 1900i32..2198],
        rituals in prop::collection::vec(gen_ritual(), 1..6),
    ) {
        assert_valid_and_parsable(&spec_text(base, &rituals), usize::MAX);
    }
}

#[test]
fn a_thousand_rituals_with_long_titles() {
    let r = GenRitual {
        every: "monday",
        zone: "Europe/Paris",
        start: (9, 0),
        end: Some((9, 30)),
        duration: "15m",
        since_day: 0,
        end_kind: 0,
        title: "Très long titre, with commas; semicolons\\ and backslashes ".repeat(8),
        description: "line\n".repeat(20),
        remind: vec!["15m"],
        holidays: "FR",
        people: vec![0, 1],
        busy: true,
    };
    let rituals: Vec<GenRitual> = (0..1000)
        .map(|k| GenRitual {
            start: ((k / 60 % 24) as u32, (k % 60) as u32),
            since_day: k as u64 % 300,
            ..r.clone()
        })
        .collect();
    for base in [1900, 2197] {
        assert_valid_and_parsable(&spec_text(base, &rituals), usize::MAX);
    }
}
