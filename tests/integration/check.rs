//! `rituals check`: every lint with its location, exit codes, and the
//! same lints during `build`.

use crate::harness::{Test, project_spec};

/// One finding of each lint: overlap (standup/review share bob), DST gap
/// and fold (night at 02:30 in Paris), `holidays: none` on Christmas,
/// an extra before the series and a reminder longer than a week.
const LINTS: &str = r#"calendar:
  name: Lint fixture
  timezone: Europe/Paris
  since: 2026-01-05
  domain: example.org
  holidays: FR
people:
  - id: alice
    name: Alice
  - id: bob
    name: Bob
rituals:
  - id: standup
    title: Standup
    every: weekday
    time: "10:00-10:15"
    attendees: [alice, bob]
  - id: review
    title: Review
    every: monday
    time: "10:10-11:00"
    attendees: [bob]
  - id: night
    title: Night batch
    every: sunday
    time: "02:30-03:00"
    attendees: [alice]
  - id: party
    title: Friday party
    every: friday
    time: "12:00-13:00"
    holidays: none
    attendees: []
    extra: [2025-12-01]
    remind: [2w]
"#;

const LINTS_STDERR: &str = "\
warning: `standup` and `review` overlap for the same people, first on 2026-11-30
  --> rituals.yaml:21:11  (rituals[1].time)
   |
21 |     time: \"10:10-11:00\"
   |           ^^^^^^^^^^^^^
hint: `standup` is 10:00–10:15 and `review` is 10:10–11:00 that day (line 13 and line 18)
hint: move one of them, or set `busy: false` on one that does not need the time
warning: `night` starts at 02:30, a time that does not exist in Europe/Paris on 2027-03-28 (the clocks go forward)
  --> rituals.yaml:26:11  (rituals[2].time)
   |
26 |     time: \"02:30-03:00\"
   |           ^^^^^^^^^^^^^
hint: RFC 5545 (§3.3.5) makes it 03:30 on that day, as Evolution (libical) and the Python readers (Home Assistant, khal) show it; Thunderbird (ical.js) shows it at 01:30, and Evolution shows the next occurrence 1h late
hint: pick a start time outside the hour when the clocks change
warning: `night` starts at 02:30, a time that happens twice in Europe/Paris on 2027-10-31 (the clocks go back)
  --> rituals.yaml:26:11  (rituals[2].time)
   |
26 |     time: \"02:30-03:00\"
   |           ^^^^^^^^^^^^^
hint: RFC 5545 (§3.3.5) makes it the first 02:30, before the clocks go back, as the Python readers (Home Assistant, khal) show it; Thunderbird (ical.js) and Evolution (libical) show the second
hint: pick a start time outside the hour when the clocks change
info: `party` has `holidays: none` and meets on public holidays of FR: 2026-12-25 and 2027-01-01
  --> rituals.yaml:32:15  (rituals[3].holidays)
   |
32 |     holidays: none
   |               ^^^^
hint: the first is Christmas Day; if that is intended, nothing to do; otherwise remove `holidays: none`
warning: extra date 2025-12-01 of `party` is outside the series (from 2026-01-05 on)
  --> rituals.yaml:34:13  (rituals[3].extra[0])
   |
34 |     extra: [2025-12-01]
   |             ^^^^^^^^^^
hint: it is still published, on its own; check the date, `since` and `until`
warning: the 2w reminder of `party` is longer than the 1w between its occurrences
  --> rituals.yaml:35:14  (rituals[3].remind[0])
   |
35 |     remind: [2w]
   |              ^^
hint: subscribers would be reminded before the previous occurrence has even happened; use a shorter reminder
";

#[test]
fn check_prints_every_lint_with_its_location() {
    let out = Test::new().spec(LINTS).args(["check"]).run().success();
    assert_eq!(
        out.stderr,
        format!("{LINTS_STDERR}rituals.yaml: 5 warnings, 1 info\n")
    );
    assert_eq!(out.stdout, "");
}

#[test]
fn strict_check_fails_on_warnings() {
    let out = Test::new()
        .spec(LINTS)
        .args(["check", "--strict"])
        .run()
        .status(1);
    assert!(
        out.stderr.ends_with(
            "rituals.yaml: 5 warnings, 1 info; warnings fail the check under `--strict`\n"
        )
    );
}

#[test]
fn infos_alone_pass_a_strict_check() {
    // Only the `holidays: none` finding is left.
    let spec = LINTS.split("  - id: review").next().unwrap().to_owned()
        + "  - id: party\n    title: Party\n    every: friday\n    time: \"12:00-13:00\"\n    holidays: none\n";
    let out = Test::new()
        .spec(&spec)
        .args(["check", "--strict"])
        .run()
        .success();
    assert!(out.stderr.starts_with("info: `party` has `holidays: none`"));
    assert!(out.stderr.ends_with("rituals.yaml: 1 info\n"));
}

#[test]
fn the_project_spec_is_clean() {
    let out = Test::new()
        .spec(&project_spec())
        .args(["check", "--strict"])
        .run()
        .success();
    assert_eq!(out.stderr, "rituals.yaml: ok\n");
}

#[test]
fn errors_fail_the_check_with_exit_1_and_unreadable_input_with_exit_2() {
    let bad = project_spec().replace("every: friday", "every: fridya");
    let out = Test::new().spec(&bad).args(["check"]).run().status(1);
    assert!(out.stderr.contains("hint: did you mean `friday`?"));
    assert!(
        out.stderr.ends_with("rituals.yaml: 1 error\n"),
        "{}",
        out.stderr
    );

    let out = Test::new()
        .args(["check", "-f", "missing.yaml"])
        .run()
        .status(2);
    assert!(out.stderr.starts_with("error: cannot read `missing.yaml`"));

    let out = Test::new()
        .file("rituals.yaml", b"calendar: caf\xe9\n")
        .args(["check"])
        .run()
        .status(2);
    assert!(out.stderr.contains("is not valid UTF-8"));
}

#[test]
fn no_colour_when_stderr_is_not_a_terminal() {
    // NO_COLOR empty counts as unset: only the pipe turns colour off.
    let out = Test::new()
        .spec(LINTS)
        .env("NO_COLOR", "")
        .args(["check"])
        .run()
        .success();
    assert!(!out.stderr.contains('\x1b'));
    assert!(out.stderr.starts_with("warning: "));
}

#[test]
fn build_prints_warnings_and_still_writes() {
    let t = Test::new().spec(LINTS).args(["build", "-o", "public"]);
    let out = t.run().success();
    assert_eq!(out.stderr, LINTS_STDERR);
    assert!(out.read("public/review.ics").contains("BEGIN:VCALENDAR"));
}

#[test]
fn a_spec_where_everything_overlaps_lists_twenty_pairs_and_says_so() {
    // Eight rituals at the same time: 28 overlapping pairs.
    let mut spec = LINTS.split("rituals:\n").next().unwrap().to_owned() + "rituals:\n";
    for k in 0..8 {
        spec.push_str(&format!(
            "  - id: r{k}\n    title: R{k}\n    every: monday\n    time: \"10:00-11:00\"\n"
        ));
    }
    let out = Test::new().spec(&spec).args(["check"]).run().success();
    assert_eq!(
        out.stderr.matches("warning: ").count(),
        20,
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains(
        "info: only the first 20 overlapping pairs are listed; fix them and check again\n --> rituals.yaml  (rituals)\n"
    ));
    assert!(out.stderr.ends_with("rituals.yaml: 20 warnings, 1 info\n"));
}

/// A spec large enough to be validated in parallel (issue 15) reports
/// every error once, as a small one does (reports are sorted by place,
/// so this cannot see the order the rituals were validated in; the
/// golden 1,000-ritual spec checks that its rituals come out as before).
#[test]
fn a_large_spec_validated_in_parallel_reports_every_error_once() {
    let mut yaml = String::from(
        "calendar:\n  name: Big\n  timezone: Europe/Paris\n  since: 2026-01-05\n  domain: example.org\nrituals:\n",
    );
    for i in 0..200 {
        let every = if [17, 90, 91, 188].contains(&i) {
            "someday"
        } else {
            "monday"
        };
        let id = if i == 150 {
            "r3".to_owned()
        } else {
            format!("r{i}")
        };
        yaml.push_str(&format!(
            "  - id: {id}\n    title: R{i}\n    every: {every}\n    time: \"10:00-10:15\"\n"
        ));
    }
    let out = Test::new().spec(&yaml).args(["check"]).run().status(1);
    let paths: Vec<&str> = out
        .stderr
        .lines()
        .filter_map(|l| l.split("(rituals[").nth(1))
        .collect();
    assert_eq!(
        paths,
        [
            "17].every)",
            "90].every)",
            "91].every)",
            "150].id)",
            "188].every)"
        ],
        "{}",
        out.stderr
    );
}
