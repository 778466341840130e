//! Messages a user reads, word for word: where a spec is not UTF-8, a
//! missing spec, times in `agenda --tz`, the time and duration forms
//! people write (`24:00`, `1h30`), and text lost to a YAML comment.

use crate::harness::Test;

const HEAD: &str = "calendar:\n  name: Team\n  timezone: Europe/Paris\n  since: 2026-11-30\n  domain: example.org\nrituals:\n";

fn spec(rituals: &str) -> String {
    format!("{HEAD}{rituals}")
}

#[test]
fn a_byte_that_is_not_utf8_is_located_like_every_other_error() {
    let out = Test::new()
        .file(
            "rituals.yaml",
            [HEAD.as_bytes(), b"  - id: a\n    title: Caf\xe9 du lundi\n"].concat(),
        )
        .args(["check"])
        .run()
        .status(2);
    assert_eq!(
        out.stderr,
        "error: the spec is not valid UTF-8: expected UTF-8 text, found the byte 0xE9\n \
         --> rituals.yaml:8:15\n  \
         |\n\
         8 |     title: Caf\u{fffd} du lundi\n  \
         |               ^\n\
         hint: save the file as UTF-8 (most editors offer it under *Save with encoding*)\n"
    );
}

#[test]
fn an_included_file_that_is_not_utf8_is_located_too() {
    let out = Test::new()
        .spec(&format!("include: [more.yaml]\n{HEAD}  - {{ id: a, title: A, every: monday, time: \"10:00-11:00\" }}\n"))
        .file("more.yaml", b"rituals:\n  - id: b\n    title: \xff\n")
        .args(["check"])
        .run()
        .status(1);
    assert!(
        out.stderr.contains(
            "error: cannot use included file: `more.yaml` is not valid UTF-8: found the byte 0xFF at more.yaml:3:12; save it as UTF-8\n"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn a_missing_spec_suggests_init() {
    let out = Test::new().args(["build"]).run().status(2);
    assert_eq!(
        out.stderr,
        "error: cannot read `rituals.yaml`: No such file or directory (os error 2)\n\
         hint: run `rituals init` to write a starter `rituals.yaml`, or name another spec with `-f FILE`\n"
    );
    let out = Test::new()
        .args(["check", "-f", "team/rituals.yaml"])
        .run()
        .status(2);
    assert_eq!(
        out.stderr,
        "error: cannot read `team/rituals.yaml`: No such file or directory (os error 2)\n\
         hint: run `rituals init team` to write a starter `rituals.yaml`, or name another spec with `-f FILE`\n"
    );
    let out = Test::new()
        .args(["agenda", "-f", "teem.yaml"])
        .run()
        .status(2);
    assert_eq!(
        out.stderr,
        "error: cannot read `teem.yaml`: No such file or directory (os error 2)\n\
         hint: check the path; `rituals init` writes a starter `rituals.yaml`\n"
    );
}

#[test]
fn agenda_tz_shows_a_moved_occurrence_and_where_it_came_from_in_one_zone() {
    let t = Test::new().spec(&spec(
        "  - id: standup\n    title: Stand-up\n    every: monday\n    time: \"10:00-10:30\"\n    moved:\n      - date: 2026-12-07\n        to: \"2026-12-08 09:00\"\n",
    ));
    let utc = t
        .run_args([
            "agenda",
            "--from",
            "2026-12-07",
            "--weeks",
            "1",
            "--tz",
            "UTC",
        ])
        .success();
    assert_eq!(
        utc.stdout,
        "2026-12-08  mardi     08:00–08:30  Stand-up  [déplacé du 2026-12-07 09:00]\n"
    );
    let local = t
        .run_args(["agenda", "--from", "2026-12-07", "--weeks", "1"])
        .success();
    assert_eq!(
        local.stdout,
        "2026-12-08  mardi     09:00–09:30  Stand-up  [déplacé du 2026-12-07 10:00]\n"
    );
}

#[test]
fn a_time_range_may_end_at_24_00() {
    let t = Test::new().spec(&spec(
        "  - id: late\n    title: Late\n    every: monday\n    time: \"22:00-24:00\"\n    moved:\n      - date: 2026-12-07\n        to: \"2026-12-08 23:00-24:00\"\n",
    ));
    let out = t
        .run_args(["agenda", "--from", "2026-11-30", "--weeks", "2"])
        .success();
    assert_eq!(
        out.stdout,
        "2026-11-30  lundi     22:00–00:00  Late\n\
         2026-12-08  mardi     23:00–00:00  Late  [déplacé du 2026-12-07 22:00]\n"
    );
    let feed = t.run_args(["print"]).success().stdout;
    assert!(
        feed.contains("DTSTART;TZID=Europe/Paris:20261130T220000\r\nDTEND;TZID=Europe/Paris:20261201T000000\r\n"),
        "{feed}"
    );
    // 24:00 ends a range; it does not start one.
    let out = Test::new()
        .spec(&spec(
            "  - id: late\n    title: Late\n    every: monday\n    time: \"24:00-01:00\"\n",
        ))
        .args(["check"])
        .run()
        .status(1);
    assert!(
        out.stderr.starts_with(
            "error: `time` expects `HH:MM-HH:MM`, `HH:MM` with `duration`, or `all day`, found `24:00-01:00`\n"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn durations_are_read_the_way_people_write_them() {
    let mut rituals = String::new();
    for (i, d) in ["1h30", "1h 30", "1h30m", "90m", "1h 30m"]
        .iter()
        .enumerate()
    {
        rituals.push_str(&format!(
            "  - {{ id: r{i}, title: R{i}, every: monday, time: \"0{i}:00\", duration: {d} }}\n"
        ));
    }
    let out = Test::new()
        .spec(&spec(&rituals))
        .args(["agenda", "--from", "2026-11-30", "--to", "2026-11-30"])
        .run()
        .success();
    assert_eq!(
        out.stdout,
        "2026-11-30  lundi     00:00–01:30  R0\n\
         2026-11-30  lundi     01:00–02:30  R1\n\
         2026-11-30  lundi     02:00–03:30  R2\n\
         2026-11-30  lundi     03:00–04:30  R3\n\
         2026-11-30  lundi     04:00–05:30  R4\n"
    );
    let out = Test::new()
        .spec(&spec(
            "  - id: r\n    title: R\n    every: monday\n    time: \"10:00\"\n    duration: 1h90\n",
        ))
        .args(["check"])
        .run()
        .status(1);
    assert_eq!(
        out.stderr,
        "error: expected a duration like `15m`, `1h`, `1h30`, `1d` or `1w`, found `1h90`\n  \
         --> rituals.yaml:11:15  (rituals[0].duration)\n   \
         |\n\
         11 |     duration: 1h90\n   \
         |               ^^^^\n\
         rituals.yaml: 1 error\n"
    );
}

const LOST: &str = "\
warning: `#team` is a YAML comment, not part of the title `Stand-up`
 --> rituals.yaml:8:21  (rituals[0].title)
  |
8 |     title: Stand-up #team
  |                     ^^^^^
hint: quote the value to keep it: `title: \"Stand-up #team\"`
hint: a comment on purpose has two spaces before the `#` or one after it: `  # …`
warning: `#4` is a YAML comment, not part of the location `Salle`
  --> rituals.yaml:10:21  (rituals[0].location)
   |
10 |     location: Salle #4
   |                     ^^
hint: quote the value to keep it: `location: \"Salle #4\"`
hint: a comment on purpose has two spaces before the `#` or one after it: `  # …`
";

fn lost_spec() -> String {
    spec(
        "  - id: standup\n    title: Stand-up #team\n    description: Daily  #on-purpose\n    location: Salle #4\n    url: https://example.org/#anchor\n    every: monday  # weekly\n    time: \"10:00-10:15\"\n",
    )
}

#[test]
fn text_lost_to_a_comment_is_reported_by_check_and_build() {
    let t = Test::new().spec(&lost_spec());
    let check = t.run_args(["check"]).success();
    assert_eq!(check.stderr, format!("{LOST}rituals.yaml: 2 warnings\n"));
    let strict = t.run_args(["check", "--strict"]).status(1);
    assert!(strict.stderr.starts_with(LOST), "{}", strict.stderr);
    let build = t.run_args(["build", "-o", "public"]).success();
    assert_eq!(build.stderr, LOST);
    // The feed has what YAML read: the warning is about that.
    assert!(
        build
            .read("public/rituals.ics")
            .contains("SUMMARY:Stand-up\r\n")
    );
}

#[test]
fn text_lost_to_a_comment_is_reported_next_to_errors() {
    let bad = lost_spec().replace("every: monday", "every: mondey");
    let out = Test::new().spec(&bad).args(["build"]).run().status(2);
    assert!(out.stderr.contains(LOST), "{}", out.stderr);
    assert!(
        out.stderr
            .ends_with("1 error in rituals.yaml; nothing was written\n"),
        "{}",
        out.stderr
    );
}
