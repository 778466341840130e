//! Exceptions, holidays, moves, schedule changes, and updates clients notice.

use crate::harness::{Test, project_spec};

const MONDAY: &str = "calendar:
  name: T
  timezone: Europe/Paris
  since: 2026-01-05
  domain: t.example.org
  holidays: FR
  horizon: 2028-12-31
rituals:
  - id: team-monday
    title: Team
    every: monday
    time: \"10:30-11:00\"
";

#[test]
fn french_holidays_become_exdates_at_the_rituals_local_time() {
    let out = Test::new().spec(MONDAY).args(["print"]).run().success();
    for d in [
        "20270329", "20270517", "20271101", "20260406", "20260525", "20280417", "20280605",
        "20281225",
    ] {
        assert!(
            out.stdout
                .contains(&format!("EXDATE;TZID=Europe/Paris:{d}T103000\r\n")),
            "{d} missing:\n{}",
            out.stdout
        );
    }
    // No EXDATE past the horizon, and none for holidays on other weekdays.
    assert!(!out.stdout.contains("EXDATE;TZID=Europe/Paris:2029"));
    assert!(!out.stdout.contains("EXDATE;TZID=Europe/Paris:20270506"));
    let none = Test::new()
        .spec(&MONDAY.replace("    time:", "    holidays: none\n    time:"))
        .args(["print"])
        .run()
        .success();
    assert!(!none.stdout.contains("EXDATE"));
}

#[test]
fn agenda_explains_skips_moves_extras_and_series() {
    let spec = include_str!("../fixtures/valid/paris-exceptions.yaml");
    let out = Test::new()
        .spec(spec)
        .args(["agenda", "--from", "2026-05-18", "--to", "2026-07-06"])
        .run()
        .success();
    let team: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.contains("#lundi"))
        .collect();
    assert_eq!(
        team,
        [
            "2026-05-19  mardi     10:30–11:00  Réunion d'équipe #lundi  [déplacé du 2026-05-18 10:30]  (team-monday@exceptions.example.org)",
            "2026-05-25  lundi     10:30–11:00  Réunion d'équipe #lundi  [jour férié : Lundi de Pentecôte]  (team-monday@exceptions.example.org)",
            "2026-06-02  mardi     14:00–15:30  Réunion d'équipe #lundi  [déplacé du 2026-06-01 10:30]  (team-monday@exceptions.example.org)",
            "2026-06-08  lundi     10:30–11:00  Réunion d'équipe #lundi  (team-monday@exceptions.example.org)",
            "2026-06-15  lundi     10:30–11:00  Réunion d'équipe #lundi  (team-monday@exceptions.example.org)",
            "2026-06-22  lundi     10:30–11:00  Réunion d'équipe #lundi  (team-monday@exceptions.example.org)",
            "2026-06-29  lundi     10:30–11:00  Réunion d'équipe #lundi  (team-monday@exceptions.example.org)",
            "2026-07-01  mercredi  10:30–11:00  Réunion d'équipe #lundi  [en plus]  (team-monday@exceptions.example.org)",
            "2026-07-02  jeudi     14:00–14:30  Réunion d'équipe #lundi  [en plus]  (team-monday@exceptions.example.org)",
            "2026-07-06  lundi     10:30–11:00  Réunion d'équipe #lundi  (team-monday@exceptions.example.org)",
        ]
    );
    let skipped = Test::new()
        .spec(spec)
        .args(["agenda", "--from", "2026-12-28", "--to", "2027-01-04"])
        .run()
        .success();
    assert!(
        skipped
            .stdout
            .contains("2026-12-28  lundi     10:30–11:00  Réunion d'équipe #lundi  [annulé]"),
        "{}",
        skipped.stdout
    );
    assert!(
        skipped
            .stdout
            .contains("2026-12-31  jeudi     09:00–09:10  NY daily  [fermeture]  America/New_York"),
        "{}",
        skipped.stdout
    );
}

#[test]
fn moved_occurrences_are_overrides_with_the_same_tzid() {
    let spec = include_str!("../fixtures/valid/paris-exceptions.yaml");
    let out = Test::new()
        .spec(spec)
        .args(["print", "--ritual", "team-monday"])
        .run()
        .success();
    assert!(out.stdout.contains(
        "RECURRENCE-ID;TZID=Europe/Paris:20260601T103000\r\nDTSTART;TZID=Europe/Paris:20260602T140000\r\nDTEND;TZID=Europe/Paris:20260602T153000\r\n"
    ), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("RDATE;TZID=Europe/Paris:20260702T140000\r\n")
    );
    assert!(
        out.stdout
            .contains("RDATE;TZID=Europe/Paris:20260701T103000\r\n")
    );
    assert!(
        out.stdout
            .contains("EXDATE;TZID=Europe/Paris:20261228T103000\r\n")
    );
}

fn held_before(json: &str, uid_prefix: &str, before: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .filter(|o| {
            o["uid"].as_str().unwrap().starts_with(uid_prefix)
                && o["start_local"].as_str().unwrap() < before
        })
        .map(|o| {
            format!(
                "{} {} {} {}",
                o["uid"], o["start_utc"], o["end_utc"], o["status"]
            )
        })
        .collect()
}

#[test]
fn a_schedule_change_keeps_the_past_and_the_first_uid() {
    let changed = format!(
        "{MONDAY}    changes:\n      - from: 2027-09-03\n        every: friday\n        time: \"12:00-12:15\"\n        title: Lunch sync\n"
    );
    let agenda = |spec: &str| {
        Test::new()
            .spec(spec)
            .args([
                "agenda",
                "--from",
                "2026-01-01",
                "--to",
                "2028-06-30",
                "--format",
                "json",
            ])
            .run()
            .success()
            .stdout
    };
    let (a, b) = (agenda(MONDAY), agenda(&changed));
    assert_eq!(
        held_before(&a, "team-monday", "2027-09-03"),
        held_before(&b, "team-monday", "2027-09-03")
    );
    assert!(held_before(&b, "team-monday", "2027-09-03").len() > 80);
    let v: serde_json::Value = serde_json::from_str(&b).unwrap();
    let after: Vec<&serde_json::Value> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["start_local"].as_str().unwrap() >= "2027-09-03")
        .collect();
    assert!(!after.is_empty());
    for o in &after {
        assert_eq!(o["uid"], "team-monday.20270903@t.example.org");
        assert_eq!(o["title"], "Lunch sync");
        assert!(
            o["start_local"].as_str().unwrap().ends_with("T12:00:00"),
            "{o}"
        );
        let date = chrono::NaiveDate::parse_from_str(
            &o["start_local"].as_str().unwrap()[..10],
            "%Y-%m-%d",
        )
        .unwrap();
        assert_eq!(chrono::Datelike::weekday(&date), chrono::Weekday::Fri);
    }
    let feed = Test::new()
        .spec(&changed)
        .args(["print"])
        .run()
        .success()
        .stdout;
    assert!(feed.contains("UID:team-monday@t.example.org\r\n"));
    // The Monday series ends with the last Monday before the change (UTC).
    assert!(
        feed.contains("RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270830T083000Z\r\n"),
        "{feed}"
    );
    assert!(feed.contains("UID:team-monday.20270903@t.example.org\r\n"));
    assert!(feed.contains("DTSTART;TZID=Europe/Paris:20270903T120000\r\n"));
}

fn vevent<'a>(feed: &'a str, uid: &str) -> &'a str {
    let start = feed
        .find(&format!("BEGIN:VEVENT\r\nUID:{uid}\r\n"))
        .unwrap_or_else(|| panic!("{uid} in {feed}"));
    let end = feed[start..].find("END:VEVENT\r\n").unwrap() + start;
    &feed[start..end]
}

#[test]
fn rebuilds_keep_unchanged_events_and_bump_changed_ones() {
    let t = Test::new().spec(&project_spec()).args(["build"]);
    let first = t.run().success();
    // The subscribe page lists the next dates from the build date, so it
    // changes with it; the feeds must not.
    let feeds = |dir: &std::path::Path| {
        let mut s = crate::harness::snapshot(dir);
        s.retain(|p, _| p.extension().is_some_and(|e| e == "ics"));
        s
    };
    let before = feeds(&first.dir.join("public"));
    // Unchanged spec, later build time: every byte of every feed stays.
    // Same year, so the default horizon (end of next year) does not move.
    let again = t.env("SOURCE_DATE_EPOCH", "1796000000");
    let second = again.run().success();
    assert!(
        second
            .stdout
            .lines()
            .filter(|l| !l.ends_with("index.html"))
            .all(|l| l.starts_with("unchanged ")),
        "{}",
        second.stdout
    );
    assert_eq!(feeds(&second.dir.join("public")), before);
    assert_eq!(again.run_args(["build", "--check"]).status, 0);

    // Edit one ritual's time.
    let edited = project_spec().replace(
        "    every: friday\n    time: \"16:00-17:00\"",
        "    every: friday\n    time: \"15:00-16:00\"",
    );
    let t = again.file("rituals.yaml", &edited);
    let check = t.run_args(["build", "--check"]);
    assert_eq!(check.status, 1, "{}", check.stdout);
    assert!(
        check
            .stdout
            .contains("changed  equipe-vendredi@code.gouv.fr"),
        "{}",
        check.stdout
    );
    assert!(
        !check.stdout.contains("changed  equipe-lundi@code.gouv.fr"),
        "{}",
        check.stdout
    );
    let old = first.read("public/rituals.ics");
    t.run_args(["build"]).status(0);
    let new = std::fs::read_to_string(t.path().join("public/rituals.ics")).unwrap();
    assert!(vevent(&old, "equipe-vendredi@code.gouv.fr").contains("SEQUENCE:0\r\n"));
    let changed = vevent(&new, "equipe-vendredi@code.gouv.fr");
    assert!(
        changed.contains("SEQUENCE:1\r\nDTSTART;TZID=Europe/Paris:20210108T150000\r\n"),
        "{changed}"
    );
    assert!(
        changed.contains("DTSTAMP:20261130T005320Z\r\nLAST-MODIFIED:20261130T005320Z\r\n"),
        "{changed}"
    );
    for uid in [
        "equipe-lundi@code.gouv.fr",
        "bluehats-irc@code.gouv.fr",
        "point-hebdo@code.gouv.fr",
        "actualites-etalab@code.gouv.fr",
    ] {
        assert_eq!(vevent(&old, uid), vevent(&new, uid), "{uid} changed");
    }
    assert_eq!(t.run_args(["build", "--check"]).status, 0);
}

#[test]
fn skip_or_move_of_a_non_occurrence_and_colliding_moves_are_errors() {
    let cases = [
        (
            "    skip: [2026-01-06]\n",
            "error: cannot skip 2026-01-06: it is not an occurrence of this ritual\n  --> rituals.yaml:13:12  (rituals[0].skip[0])\n",
        ),
        (
            "    moved:\n      - date: 2026-01-07\n        to: \"2026-01-08 10:30\"\n",
            "error: cannot move 2026-01-07: it is not an occurrence of this ritual\n  --> rituals.yaml:14:15  (rituals[0].moved[0].date)\n",
        ),
        (
            "    moved:\n      - date: 2026-01-05\n        to: \"2026-01-12 10:45\"\n",
            "error: moving 2026-01-05 to 2026-01-12 10:45 collides with this ritual's own occurrence on 2026-01-12\n  --> rituals.yaml:15:13  (rituals[0].moved[0].to)\n",
        ),
    ];
    for (extra, expected) in cases {
        let out = Test::new()
            .spec(&format!("{MONDAY}{extra}"))
            .args(["build"])
            .run()
            .status(2);
        assert!(
            out.stderr.starts_with(expected),
            "expected:\n{expected}\ngot:\n{}",
            out.stderr
        );
        assert!(!out.dir.join("public").exists());
    }
}
