//! The streamed agenda (a merge of every ritual's occurrences, produced
//! in order) lists what sorting every occurrence of the window lists,
//! including moves that cross the window's edges.

use chrono::NaiveDate;

use crate::harness::{Test, project_spec};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The agenda as the collect-then-sort implementation writes it.
fn sorted_agenda(yaml: &str, from: &str, to: &str, json: bool) -> String {
    let source = rituals::spec::Source {
        name: "s.yaml".into(),
        path: None,
        text: yaml.into(),
    };
    let raw = rituals::spec::parse(&source).unwrap_or_else(|d| panic!("{}", d.message));
    let ctx = rituals::validate::Context {
        build_date: date("2026-11-28"),
    };
    let spec = rituals::validate::validate(&raw, &ctx).unwrap_or_else(|_| panic!("invalid"));
    let x = rituals::expand::Expander::new(&spec);
    let w = rituals::render::agenda::Window {
        from: date(from),
        to: date(to),
        tz: None,
        person: None,
    };
    let occ = sorted_occurrences(&x, &w);
    let format = if json {
        rituals::render::agenda::Format::Json
    } else {
        rituals::render::agenda::Format::Text
    };
    let mut out = Vec::new();
    let mut sink = rituals::render::agenda::Sink::new(w, format);
    for occurrence in &occ {
        let entry = rituals::render::agenda::Entry {
            spec: &spec,
            team: None,
            occurrence,
        };
        sink.entry(&entry, &mut out).unwrap();
    }
    sink.finish(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The reference the stream must equal: every ritual's occurrences in the
/// window, collected, then sorted by local start, instant and ritual (a
/// stable sort keeps each series' order).
fn sorted_occurrences(
    x: &rituals::expand::Expander<'_>,
    w: &rituals::render::agenda::Window,
) -> Vec<rituals::expand::Occurrence> {
    let mut all = Vec::new();
    for i in 0..x.spec.rituals.len() {
        all.extend(x.occurrences(i, w.from, w.to));
    }
    all.sort_by_key(|o| (o.start, o.start_utc.map_or(0, |t| t.timestamp()), o.ritual));
    all
}

fn streamed_agenda(yaml: &str, from: &str, to: &str, json: bool) -> String {
    let mut args = vec!["agenda", "--from", from, "--to", to];
    if json {
        args.extend(["--format", "json"]);
    }
    Test::new().spec(yaml).args(args).run().success().stdout
}

#[test]
fn streamed_agenda_equals_the_sorted_one_on_every_fixture() {
    let fixtures = [
        include_str!("../fixtures/valid/paris-exceptions.yaml").to_owned(),
        include_str!("../fixtures/valid/sydney.yaml").to_owned(),
        include_str!("../fixtures/valid/rotation.yaml").to_owned(),
        project_spec(),
    ];
    // Edges on either side of the fixtures' moves (2026-03-02 → 03-03,
    // 2026-04-08 → 04-09, 2026-04-10 → 04-11, 2026-05-18 → 05-19,
    // 2026-06-01 → 06-02), and long windows.
    let windows = [
        ("2026-03-01", "2026-03-02"),
        ("2026-03-03", "2026-03-10"),
        ("2026-04-08", "2026-04-08"),
        ("2026-04-09", "2026-04-10"),
        ("2026-04-11", "2026-04-30"),
        ("2026-05-18", "2026-05-18"),
        ("2026-05-19", "2026-06-01"),
        ("2026-06-02", "2026-06-02"),
        ("2025-01-01", "2028-12-31"),
    ];
    for yaml in &fixtures {
        for (from, to) in windows {
            for json in [false, true] {
                assert_eq!(
                    streamed_agenda(yaml, from, to, json),
                    sorted_agenda(yaml, from, to, json),
                    "window {from}..{to}, json: {json}"
                );
            }
        }
    }
}

/// A move three weeks back lands before two regular occurrences; one
/// forward crosses the window's end.
const MOVES: &str = "calendar:
  name: T
  timezone: Europe/Paris
  since: 2026-03-02
  domain: t.example.org
  holidays: none
  language: en
rituals:
  - id: weekly
    title: Weekly
    every: monday
    time: \"10:00-11:00\"
    moved:
      - date: 2026-03-23
        to: \"2026-03-03 09:00\"
      - date: 2026-03-09
        to: \"2026-04-01 10:00\"
";

#[test]
fn moves_across_the_window_come_out_in_order() {
    let out = streamed_agenda(MOVES, "2026-03-01", "2026-03-20", false);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "2026-03-02  Monday    10:00–11:00  Weekly",
            "2026-03-03  Tuesday   09:00–10:00  Weekly  [moved from 2026-03-23 10:00]",
            "2026-03-16  Monday    10:00–11:00  Weekly",
        ]
    );
    let out = streamed_agenda(MOVES, "2026-03-21", "2026-04-01", false);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "2026-03-30  Monday    10:00–11:00  Weekly",
            "2026-04-01  Wednesday 10:00–11:00  Weekly  [moved from 2026-03-09 10:00]",
        ]
    );
}

/// A rotation with a second order, a skip, a holiday and moves on both
/// sides of the windows below.
const TURNS: &str = "calendar:
  name: T
  timezone: Europe/Paris
  since: 2026-03-02
  domain: t.example.org
  holidays: FR
  language: en
people:
  - {id: a, name: Ann}
  - {id: b, name: Bob}
  - {id: c, name: Cyd}
rituals:
  - id: news
    title: News
    every: monday
    time: \"10:00-11:00\"
    skip: [2026-04-13]
    moved:
      - date: 2026-03-16
        to: \"2026-05-06 09:00\"
      - date: 2026-06-22
        to: \"2026-06-23 10:00\"
    rotation:
      people: [a, b, c]
      changes:
        - from: 2026-05-11
          people: [c, a]
";

/// A window's agenda enters the series at its start (issue 15) instead of
/// walking it from the first date: it must list, with the same
/// presenters and the same moves, what an agenda from the series' start
/// lists in that window.
#[test]
fn a_window_entered_mid_series_keeps_turns_and_moves() {
    let entries = |json: &str, from: &str, to: &str| -> Vec<serde_json::Value> {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .filter(|o| {
                let day = &o["start_local"].as_str().unwrap()[..10];
                day >= from && day <= to
            })
            .cloned()
            .collect()
    };
    for yaml in [
        TURNS,
        MOVES,
        include_str!("../fixtures/valid/rotation.yaml"),
    ] {
        let all = streamed_agenda(yaml, "2025-01-01", "2028-12-31", true);
        for from in [
            "2026-04-14",
            "2026-05-06",
            "2026-05-12",
            "2026-06-23",
            "2027-02-01",
        ] {
            let to = "2027-12-31";
            let window = streamed_agenda(yaml, from, to, true);
            assert_eq!(
                entries(&window, from, to),
                entries(&all, from, to),
                "window from {from}\n{yaml}"
            );
        }
    }
    // The window from 2026-05-06 starts with the move from 2026-03-16,
    // the third turn of the first order (03-02 Ann, 03-09 Bob); the second
    // order starts over on 05-11.
    let window = streamed_agenda(TURNS, "2026-05-06", "2026-05-20", false);
    assert_eq!(
        window.lines().collect::<Vec<_>>(),
        [
            "2026-05-06  Wednesday 09:00–10:00  News — Cyd  [moved from 2026-03-16 10:00]",
            "2026-05-11  Monday    10:00–11:00  News — Cyd",
            "2026-05-18  Monday    10:00–11:00  News — Ann",
        ]
    );
}
