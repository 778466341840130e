//! Feeds every client accepts (issue 18): organizer and attendees, feed
//! size and its lint, rebuilds that keep past turns, long histories.

use std::collections::BTreeSet;

use crate::harness::{Test, project_spec};
use crate::oracle;

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every spec we ship or test with: the seed, the starter `init` writes,
/// and every fixture under `tests/fixtures` (but the invalid ones).
pub(crate) fn every_spec() -> Vec<(String, String)> {
    let mut out = vec![
        ("rituals.yaml".to_owned(), project_spec()),
        (
            "starter.yaml".to_owned(),
            fixture("src/commands/starter.yaml"),
        ),
    ];
    for dir in ["interop", "valid", "feeds"] {
        let mut paths: Vec<_> = std::fs::read_dir(root().join("tests/fixtures").join(dir))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .collect();
        paths.sort();
        for p in paths {
            let name = format!("{dir}/{}", p.file_name().unwrap().to_string_lossy());
            out.push((name, std::fs::read_to_string(&p).unwrap()));
        }
    }
    out
}

/// The VEVENTs of a feed, unfolded, as lists of lines.
fn vevents(feed: &str) -> Vec<Vec<String>> {
    let unfolded = icalendar::parser::unfold(feed);
    let mut out = Vec::new();
    let mut cur: Option<Vec<String>> = None;
    for line in unfolded.split("\r\n") {
        match line {
            "BEGIN:VEVENT" => cur = Some(Vec::new()),
            "END:VEVENT" => out.extend(cur.take()),
            _ => {
                if let Some(c) = cur.as_mut() {
                    c.push(line.to_owned());
                }
            }
        }
    }
    out
}

fn has(event: &[String], name: &str) -> bool {
    event
        .iter()
        .any(|l| l.starts_with(&format!("{name}:")) || l.starts_with(&format!("{name};")))
}

/// RFC 5545 §3.8.4.3 (ORGANIZER in any group-scheduled event) and RFC 5546
/// §3.2.1 (ORGANIZER in each VEVENT of a PUBLISH, no ATTENDEE), checked on
/// every feed of every spec without any external tool; libical checks the
/// same in `interop_engines`.
#[test]
fn no_feed_has_an_attendee_and_every_publish_event_has_an_organizer() {
    let mut checked = 0;
    for (name, spec) in every_spec() {
        let built = Test::new().spec(&spec).args(["build"]).run().success();
        let public = built.dir.join("public");
        for path in crate::harness::snapshot(&public).into_keys() {
            if path.extension().is_none_or(|x| x != "ics") {
                continue;
            }
            let file = path.display().to_string();
            let feed = std::fs::read_to_string(&path).unwrap();
            let publish = feed.contains("\r\nMETHOD:PUBLISH\r\n");
            for ev in vevents(&feed) {
                assert!(!has(&ev, "ATTENDEE"), "{name} {file}: {ev:#?}");
                if publish {
                    assert!(has(&ev, "ORGANIZER"), "{name} {file}: {ev:#?}");
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

/// `../shared/cases/10-attendee-in-publish-feed.yaml`: attendees without
/// an organizer, and rotation turns, in a PUBLISH feed.
#[test]
fn case_10_attendees_are_named_and_organizers_written() {
    let case = fixture("tests/fixtures/feeds/attendee-in-publish-feed.yaml");
    let built = Test::new().spec(&case).args(["build"]).run().success();
    let team = built.read("public/rituals.ics");
    assert!(!team.contains("ATTENDEE"), "{team}");
    // `no-organizer` and `turns` name no organizer: no METHOD, a snapshot.
    assert!(!team.contains("METHOD:"), "{team}");
    let unfolded = icalendar::parser::unfold(&team);
    assert!(unfolded.contains("ORGANIZER;CN=Ana Example:mailto:ana@example.org\r\n"));
    assert!(unfolded.contains("DESCRIPTION:Participants : Ben Example\r\n"));
    assert!(
        unfolded
            .contains("SUMMARY:News — Ben Example\r\nDESCRIPTION:Présentation : Ben Example\r\n")
    );
    // The ritual's own feed of `with-organizer` is a PUBLISH.
    let own = built.read("public/with-organizer.ics");
    assert!(own.contains("\r\nMETHOD:PUBLISH\r\n"), "{own}");

    // With `calendar.organizer`, every event has one: a PUBLISH feed.
    let with_list = case.replace(
        "  horizon: 2026-02-28\n",
        "  horizon: 2026-02-28\n  organizer: team@example.org\n",
    );
    let built = Test::new().spec(&with_list).args(["build"]).run().success();
    let team = built.read("public/rituals.ics");
    assert!(team.contains("\r\nMETHOD:PUBLISH\r\n"), "{team}");
    let events = vevents(&team);
    assert_eq!(
        events
            .iter()
            .filter(|e| e.contains(&"ORGANIZER;CN=Case 10 team:mailto:team@example.org".to_owned()))
            .count(),
        // `no-organizer` and the three `turns` events (two presenters,
        // the series after the horizon); `with-organizer` keeps Ana.
        4,
        "{team}"
    );
    assert!(events.iter().all(|e| has(e, "ORGANIZER")));
}

#[test]
fn calendar_organizer_must_be_an_address() {
    let spec = fixture("tests/fixtures/feeds/attendee-in-publish-feed.yaml").replace(
        "  horizon: 2026-02-28\n",
        "  horizon: 2026-02-28\n  organizer: the team\n",
    );
    let out = Test::new().spec(&spec).args(["check"]).run().status(1);
    assert!(
        out.stderr.contains(
            "error: invalid e-mail address `the team`: expected something like `name@example.org`"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("(calendar.organizer)"),
        "{}",
        out.stderr
    );
}

const DAILY: &str = "tests/fixtures/feeds/daily-rotations.yaml";

#[test]
fn four_daily_rotations_over_five_years_stay_under_256_kb() {
    let built = Test::new()
        .spec(&fixture(DAILY))
        .args(["build"])
        .run()
        .success();
    let team = built.read("public/rituals.ics");
    println!(
        "daily-rotations: team feed {} bytes, {} VEVENTs",
        team.len(),
        team.matches("BEGIN:VEVENT").count()
    );
    assert!(team.len() < 256 * 1024, "{} bytes", team.len());
    // A few events per rotation, not one per turn: 8 presenters and the
    // series for each of the four, plus one override for the moved turn.
    assert!(team.matches("BEGIN:VEVENT").count() <= 4 * 9 + 1);
    // It is still five years of turns.
    assert!(team.matches(",2025").count() > 4 * 300, "turns are listed");
    assert!(!built.stderr.contains("the team feed"), "{}", built.stderr);
}

/// Rebuilt a year later (the default horizon moves a year too), every turn
/// before the first build's date reads the same in the team feed and in
/// each person's feed.
#[test]
fn a_rebuild_a_year_later_keeps_every_past_turn() {
    let spec = fixture(DAILY);
    let first_epoch = "1795824000"; // 2026-11-28
    let year_later = "1827360000"; // 2027-11-28
    let (from, to) = ("2023-01-01".parse().unwrap(), "2026-11-28".parse().unwrap());
    let build = |epoch: &str| {
        Test::new()
            .spec(&spec)
            .env("SOURCE_DATE_EPOCH", epoch)
            .args(["build"])
            .run()
            .success()
    };
    let (a, b) = (build(first_epoch), build(year_later));
    let mut files = vec!["public/rituals.ics".to_owned()];
    files.extend((1..=8).map(|i| format!("public/people/p{i}.ics")));
    for file in files {
        let before = oracle::expand(&a.read(&file), from, to);
        let after = oracle::expand(&b.read(&file), from, to);
        assert!(before.len() > 1000 || file.contains("people"), "{file}");
        assert_eq!(before, after, "{file}\n{}", oracle::diff(&before, &after));
    }
    // The second build names presenters a year further.
    let turns_2028 =
        |t: &crate::harness::Output| t.read("public/rituals.ics").matches(",2028").count();
    assert_eq!(turns_2028(&a), 0);
    assert!(turns_2028(&b) > 4 * 300);
}

/// `agenda --format json` gives each occurrence the UID the team feed
/// writes it under, turns and the series after the horizon alike; over the
/// last year of turns (holidays, a skip, a move, an extra) and across the
/// horizon, the feed reads exactly as the agenda.
#[test]
fn agenda_uids_are_the_feed_uids() {
    let spec = fixture(DAILY);
    let built = Test::new().spec(&spec).args(["build"]).run().success();
    let agenda = Test::new()
        .spec(&spec)
        .args([
            "agenda",
            "--from",
            "2026-12-31",
            "--to",
            "2028-01-10",
            "--format",
            "json",
        ])
        .run()
        .success();
    let (from, to) = ("2027-01-01".parse().unwrap(), "2028-01-09".parse().unwrap());
    let ours = oracle::agenda_instances(&agenda.stdout, from, to);
    let theirs = oracle::expand(&built.read("public/rituals.ics"), from, to);
    assert_eq!(ours, theirs, "{}", oracle::diff(&ours, &theirs));
    let uids: BTreeSet<&str> = ours.iter().map(|i| i.2.as_str()).collect();
    assert!(uids.contains("standup+p1@daily.example.org"), "{uids:?}");
    assert!(uids.contains("standup@daily.example.org"), "{uids:?}");
    let day: Vec<_> = ours
        .iter()
        .filter(|i| i.0.starts_with("2027-03-06"))
        .collect();
    assert!(
        ours.iter()
            .any(|i| i.0 == "2027-03-06T19:00:00Z" && i.2.starts_with("review+p")),
        "{day:#?}"
    );
    assert!(
        !ours.iter().any(|i| i.0.starts_with("2027-05-14T15:30")),
        "skipped"
    );
    assert!(
        ours.iter()
            .any(|i| i.0 == "2027-06-11T16:00:00Z" && i.2.starts_with("retro+p"))
    );
}

/// The lint fires on a feed past 1 MB, naming the ritual that makes it
/// large, and stays quiet on the seed.
#[test]
fn the_size_lint_names_the_ritual_that_makes_a_feed_large() {
    let big = fixture(DAILY).replace(
        "  since: 2023-01-02\n",
        "  since: 1990-01-01\n  horizon: 2060-12-31\n",
    );
    let out = Test::new().spec(&big).args(["check"]).run().success();
    assert!(
        out.stderr
            .contains("warning: the team feed `rituals.ics` would be "),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "past what calendar apps read (1024 KB, 1000 events); `standup` is the largest part"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("hint: its rotation turns are listed up to `calendar.horizon`: set a nearer `horizon`, or start `rotation.since` later"),
        "{}",
        out.stderr
    );
    let strict = Test::new()
        .spec(&big)
        .args(["check", "--strict"])
        .run()
        .status(1);
    assert!(strict.stderr.contains("the team feed"));
    // More than 1,000 events: a ritual with 1,001 moved occurrences.
    let mut moved = String::from(
        "calendar: {name: Moves, timezone: Europe/Paris, domain: m.example.org, since: 2020-01-06, horizon: 2040-12-31}\n\
         rituals:\n  - id: weekly\n    title: Weekly\n    every: monday\n    time: \"10:00-11:00\"\n    moved:\n",
    );
    let mut d: chrono::NaiveDate = "2020-01-06".parse().unwrap();
    for _ in 0..1001 {
        moved.push_str(&format!("      - {{date: {d}, to: \"{d} 11:00\"}}\n"));
        d += chrono::TimeDelta::days(7);
    }
    let out = Test::new().spec(&moved).args(["check"]).run().success();
    assert!(
        out.stderr
            .contains("1002 events, past what calendar apps read")
            && out.stderr.contains("`weekly` is the largest part"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "hint: each `moved` occurrence is an event of its own: remove the moves that are past"
        ),
        "{}",
        out.stderr
    );
    // The seed is far from it.
    let seed = Test::new()
        .spec(&project_spec())
        .args(["check"])
        .run()
        .success();
    assert!(!seed.stderr.contains("the team feed"), "{}", seed.stderr);
}

/// A series from 1994 to 2099 in Paris: a VTIMEZONE of a few RRULE
/// observances, not a list of yearly onsets.
#[test]
fn a_long_history_gets_a_compact_vtimezone() {
    let built = Test::new()
        .spec(&fixture("tests/fixtures/feeds/long-history.yaml"))
        .args(["build"])
        .run()
        .success();
    let feed = built.read("public/rituals.ics");
    let start = feed.find("BEGIN:VTIMEZONE").unwrap();
    let end = feed.find("END:VTIMEZONE").unwrap();
    let vtz = &feed[start..end];
    let observances = vtz.matches("BEGIN:STANDARD").count() + vtz.matches("BEGIN:DAYLIGHT").count();
    let rdates = vtz.matches("\r\nRDATE").count();
    println!("long-history VTIMEZONE: {observances} observances, {rdates} RDATEs\n{vtz}");
    assert!(observances <= 6, "{vtz}");
    assert!(rdates <= 5, "{vtz}");
    assert!(vtz.matches("RRULE:FREQ=YEARLY").count() >= 2, "{vtz}");
}
