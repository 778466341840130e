//! People, rotations, personal feeds and reminders.

use crate::harness::{Test, project_spec};
use crate::oracle;

const ROTATION: &str = include_str!("../fixtures/valid/rotation.yaml");

/// Presenters of the `news` ritual over 2027: a, b, c in turn over held
/// Mondays only (holidays 29 March, 17 May, 1 November; skip 1 February).
const EXPECTED_2027: [(&str, &str); 52] = [
    ("2027-01-04", "a"),
    ("2027-01-11", "b"),
    ("2027-01-18", "c"),
    ("2027-01-25", "a"),
    ("2027-02-01", "-"),
    ("2027-02-08", "b"),
    ("2027-02-15", "c"),
    ("2027-02-22", "a"),
    ("2027-03-01", "b"),
    ("2027-03-08", "c"),
    ("2027-03-15", "a"),
    ("2027-03-22", "b"),
    ("2027-03-29", "-"),
    ("2027-04-05", "c"),
    ("2027-04-12", "a"),
    ("2027-04-19", "b"),
    ("2027-04-26", "c"),
    ("2027-05-03", "a"),
    ("2027-05-10", "b"),
    ("2027-05-17", "-"),
    ("2027-05-24", "c"),
    ("2027-05-31", "a"),
    ("2027-06-07", "b"),
    ("2027-06-14", "c"),
    ("2027-06-21", "a"),
    ("2027-06-28", "b"),
    ("2027-07-05", "c"),
    ("2027-07-12", "a"),
    ("2027-07-19", "b"),
    ("2027-07-26", "c"),
    ("2027-08-02", "a"),
    ("2027-08-09", "b"),
    ("2027-08-16", "c"),
    ("2027-08-23", "a"),
    ("2027-08-30", "b"),
    ("2027-09-06", "c"),
    ("2027-09-13", "a"),
    ("2027-09-20", "b"),
    ("2027-09-27", "c"),
    ("2027-10-04", "a"),
    ("2027-10-11", "b"),
    ("2027-10-18", "c"),
    ("2027-10-25", "a"),
    ("2027-11-01", "-"),
    ("2027-11-08", "b"),
    ("2027-11-15", "c"),
    ("2027-11-22", "a"),
    ("2027-11-29", "b"),
    ("2027-12-06", "c"),
    ("2027-12-13", "a"),
    ("2027-12-20", "b"),
    ("2027-12-27", "c"),
];

fn presenters(spec: &str) -> Vec<(String, String)> {
    let out = Test::new()
        .spec(spec)
        .args([
            "agenda",
            "--from",
            "2027-01-01",
            "--to",
            "2027-12-31",
            "--format",
            "json",
        ])
        .run()
        .success();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .filter(|o| o["ritual"] == "news")
        .map(|o| {
            let who = if o["status"] == "skipped" {
                "-".to_owned()
            } else {
                o["presenter"].as_str().unwrap_or("?").to_owned()
            };
            (o["start_local"].as_str().unwrap()[..10].to_owned(), who)
        })
        .collect()
}

#[test]
fn turns_advance_over_held_occurrences_only() {
    let expected: Vec<(String, String)> = EXPECTED_2027
        .iter()
        .map(|(d, p)| (d.to_string(), p.to_string()))
        .collect();
    assert_eq!(presenters(ROTATION), expected);
}

#[test]
fn team_feed_names_each_presenter_in_their_own_event() {
    let out = Test::new()
        .spec(ROTATION)
        .args(["print", "--ritual", "news"])
        .run()
        .success();
    let feed = &out.stdout;
    // One event per presenter: the first turn as DTSTART, all of them as
    // one RDATE list (folded; it repeats DTSTART for ical.js), the
    // presenter in SUMMARY and DESCRIPTION.
    let unfolded = icalendar::parser::unfold(feed);
    assert!(unfolded.contains(
        "SEQUENCE:0\r\nDTSTART;TZID=Europe/Paris:20270111T100000\r\nDTEND;TZID=Europe/Paris:20270111T103000\r\nRDATE;TZID=Europe/Paris:20270111T100000,20270208T100000,20270301T100000,"
    ), "{feed}");
    assert!(
        unfolded
            .contains("SUMMARY:News — Bo: B\r\nDESCRIPTION:Présentation : Bo: B\\nParticipants : ")
    );
    // No override per turn: the feed has four events (three presenters,
    // and the series after the horizon), whatever the number of turns.
    assert_eq!(feed.matches("RECURRENCE-ID").count(), 0);
    assert_eq!(feed.matches("BEGIN:VEVENT").count(), 4);
    assert!(unfolded.contains("UID:news+b@rotation.example.org\r\n"));
    assert!(unfolded.contains("SEQUENCE:0\r\nDTSTART;TZID=Europe/Paris:20280103T100000\r\n"));
    let from = "2027-01-01".parse().unwrap();
    let to = "2028-01-01".parse().unwrap();
    let agenda = Test::new()
        .spec(ROTATION)
        .args([
            "agenda",
            "--from",
            "2026-12-31",
            "--to",
            "2028-01-01",
            "--format",
            "json",
        ])
        .run()
        .success();
    let ours = oracle::agenda_instances(&agenda.stdout, from, to);
    let theirs = oracle::expand(feed, from, to);
    let news: std::collections::BTreeSet<_> = ours
        .into_iter()
        .filter(|i| i.2.starts_with("news@") || i.2.starts_with("news+"))
        .collect();
    assert_eq!(news, theirs, "{}", oracle::diff(&news, &theirs));
}

#[test]
fn a_personal_feed_has_only_their_turns_and_their_rituals() {
    let built = Test::new().spec(ROTATION).args(["build"]).run().success();
    let feed = built.read("public/people/b.ics");
    let from = "2027-01-01".parse().unwrap();
    let to = "2028-01-01".parse().unwrap();
    let got = oracle::expand(&feed, from, to);
    let turns: Vec<String> = got
        .iter()
        .filter(|i| i.2 == "news.b@rotation.example.org")
        .map(|i| i.0[..10].to_owned())
        .collect();
    let expected: Vec<String> = EXPECTED_2027
        .iter()
        .filter(|(_, p)| *p == "b")
        .map(|(d, _)| d.to_string())
        .collect();
    assert_eq!(turns, expected);
    assert!(
        got.iter()
            .filter(|i| i.2 == "news.b@rotation.example.org")
            .all(|i| i.3 == "News — Bo: B")
    );
    // b attends `sync` (Thursdays, minus Ascension and 11 November) but not `a-only`.
    let sync = got
        .iter()
        .filter(|i| i.2 == "sync.b@rotation.example.org")
        .count();
    assert_eq!(sync, 52 - 2);
    assert!(!got.iter().any(|i| i.2.starts_with("a-only")));
    assert_eq!(got.len(), turns.len() + sync);
}

#[test]
fn a_rotation_change_keeps_earlier_turns() {
    let changed = ROTATION.replace(
        "      people: [a, b, c]\n",
        "      people: [a, b, c]\n      changes:\n        - from: 2027-07-01\n          people: [c, a]\n",
    );
    let before = presenters(ROTATION);
    let after = presenters(&changed);
    let split = before
        .iter()
        .position(|(d, _)| d.as_str() >= "2027-07-01")
        .unwrap();
    assert_eq!(before[..split], after[..split]);
    let later: Vec<&str> = after[split..]
        .iter()
        .map(|(_, p)| p.as_str())
        .filter(|p| *p != "-")
        .take(5)
        .collect();
    assert_eq!(later, ["c", "a", "c", "a", "c"]);
}

#[test]
fn organizer_is_written_and_participants_are_named_without_attendee_lines() {
    let out = Test::new()
        .spec(ROTATION)
        .args(["print", "--ritual", "news"])
        .run()
        .success();
    let master: String = icalendar::parser::unfold(&out.stdout);
    // Every event of `news` has its organizer, so the feed is a PUBLISH.
    assert!(master.contains("\r\nMETHOD:PUBLISH\r\n"), "{master}");
    assert_eq!(
        master
            .matches("ORGANIZER;CN=\"Ana A Lopez; Jr.\":mailto:a@example.org\r\n")
            .count(),
        master.matches("BEGIN:VEVENT").count(),
        "{master}"
    );
    // RFC 5546 §3.2.1: no ATTENDEE in a PUBLISH; the names are in words.
    assert!(!master.contains("ATTENDEE"), "{master}");
    assert!(
        master
            .contains("DESCRIPTION:Participants : Ana \"A\" Lopez\\; Jr.\\, Bo: B\\, Cy\\, C\r\n"),
        "{master}"
    );
    let cal = icalendar::parser::read_calendar(&master).expect("parses");
    for event in cal
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
    {
        for p in event
            .properties
            .iter()
            .filter(|p| p.name.as_str() == "ORGANIZER")
        {
            assert!(p.val.as_str().starts_with("mailto:"), "{p:?}");
            assert_eq!(
                p.params.iter().filter(|x| x.key.as_str() == "CN").count(),
                1
            );
        }
    }
    // `sync` names no organizer and the calendar none: the team feed has
    // no METHOD (a snapshot, RFC 5545 §3.7.2), since PUBLISH requires one.
    let team = Test::new().spec(ROTATION).args(["print"]).run().success();
    assert!(!team.stdout.contains("METHOD:"), "{}", team.stdout);
    // A name with a newline cannot add a property: it is refused.
    let evil = ROTATION.replace(
        "name: \"Bo: B\"",
        "name: \"Bo\\r\\nATTENDEE:mailto:x@evil.example\"",
    );
    let refused = Test::new().spec(&evil).args(["build"]).run().status(2);
    assert!(
        refused.stderr.contains("(people[1].name)"),
        "{}",
        refused.stderr
    );
}

#[test]
fn unknown_people_are_errors_with_a_hint() {
    let cases = [
        (
            "      people: [a, b, c]",
            "      people: [a, bb, c]",
            "(rituals[0].rotation.people[1])",
            "did you mean `b`?",
        ),
        (
            "    organizer: a",
            "    organizer: aa",
            "(rituals[0].organizer)",
            "did you mean `a`?",
        ),
        (
            "    attendees: [b, c]",
            "    attendees: [b, cc]",
            "(rituals[1].attendees[1])",
            "did you mean `c`?",
        ),
    ];
    for (from, to, path, hint) in cases {
        let out = Test::new()
            .spec(&ROTATION.replace(from, to))
            .args(["build"])
            .run()
            .status(2);
        assert!(
            out.stderr.contains("error: unknown person"),
            "{}",
            out.stderr
        );
        assert!(out.stderr.contains(path), "{path}: {}", out.stderr);
        assert!(
            out.stderr.contains(&format!("hint: {hint}")),
            "{}",
            out.stderr
        );
        assert!(out.stderr.contains("--> rituals.yaml:"), "{}", out.stderr);
    }
}

#[test]
fn reminders_are_display_alarms() {
    let out = Test::new()
        .spec(&project_spec())
        .args(["print", "--ritual", "actualites-etalab"])
        .run()
        .success();
    assert!(out.stdout.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P1D\r\nDESCRIPTION:Actualités du pôle à la réunion Etalab\r\nEND:VALARM\r\n"), "{}", out.stdout);
    let mail = Test::new()
        .spec(&project_spec())
        .args(["print", "--ritual", "point-hebdo"])
        .run()
        .success();
    assert!(mail.stdout.contains("TRIGGER:-PT15M\r\n"));
    assert!(mail.stdout.contains("TRANSP:TRANSPARENT\r\n"));
    assert!(mail.stdout.contains("logiciels-libres@data.gouv.fr"));
}

#[test]
fn agenda_for_one_person() {
    let out = Test::new()
        .spec(ROTATION)
        .args([
            "agenda",
            "--from",
            "2027-01-04",
            "--to",
            "2027-01-17",
            "--person",
            "b",
        ])
        .run()
        .success();
    assert_eq!(
        out.stdout,
        "2027-01-07  jeudi     15:00–15:30  Sync
2027-01-11  lundi     10:00–10:30  News — Bo: B
2027-01-14  jeudi     15:00–15:30  Sync
"
    );
}
