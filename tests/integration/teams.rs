//! Many teams, one build: `-f DIR`, includes, checks across files, scale
//! limits and deterministic parallel builds.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;

use crate::harness::{EPOCH, Test, project_spec, snapshot};
use crate::oracle;

const POLE_SLUG: &str = "rituels-du-pole-logiciels-libres";

fn sydney() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/sydney.yaml"),
    )
    .expect("sydney fixture")
}

/// A team that takes its people from a shared file and shares `alice`
/// (same name and e-mail) with the project's spec.
const DATA: &str = "\
calendar:
  name: Équipe data
  timezone: Europe/Paris
  since: 2026-01-05
  domain: data.example.org
  holidays: FR
include: [shared/people.yaml]
rituals:
  - id: standup
    title: Standup data
    every: weekday
    time: \"09:30-09:45\"
    attendees: [alice, eve]
    skip: [2026-12-07]
  - id: demo
    title: Démo
    every: last friday of the month
    time: \"15:00-16:00\"
    moved:
      - date: 2027-01-29
        to: \"2027-01-28 15:00\"
";

const SHARED_PEOPLE: &str = "\
people:
  - id: eve
    name: Eve Moreau
    email: eve@example.org
  - id: alice
    name: Alice Martin
    email: alice.martin@example.org
";

/// The three-team folder: the project's spec, a Sydney team and a team
/// with an include.
fn three_teams() -> Test {
    Test::new()
        .file("teams/pole.yaml", project_spec())
        .file("teams/sydney.yaml", sydney())
        .file("teams/data.yaml", DATA)
        .file("teams/shared/people.yaml", SHARED_PEOPLE)
}

/// The VEVENT blocks of a feed, as text.
fn vevents(ics: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in ics.split_inclusive("\r\n") {
        if line == "BEGIN:VEVENT\r\n" {
            current = Some(String::new());
        }
        if let Some(c) = current.as_mut() {
            c.push_str(line);
        }
        if line == "END:VEVENT\r\n" {
            out.extend(current.take());
        }
    }
    out
}

/// TZIDs of the VTIMEZONE components of a feed.
fn vtimezones(ics: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in ics.lines() {
        match line {
            "BEGIN:VTIMEZONE" => inside = true,
            "END:VTIMEZONE" => inside = false,
            _ => {
                if inside && let Some(id) = line.strip_prefix("TZID:") {
                    out.push(id.to_owned());
                }
            }
        }
    }
    out
}

/// Every file under `dir`, relative path → bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    snapshot(dir)
        .into_iter()
        .map(|(p, (bytes, _))| {
            (
                p.strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
                bytes,
            )
        })
        .collect()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// One run's results.
struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn success(self) -> Run {
        self.status(0)
    }

    fn status(self, code: i32) -> Run {
        assert_eq!(
            self.status, code,
            "expected exit {code}\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// Runs `rituals` in `dir` with extra environment variables (the builder
/// fixes its environment once; these tests vary it between runs).
fn exec(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = assert_cmd::Command::cargo_bin("rituals").expect("binary");
    cmd.current_dir(dir).args(args);
    cmd.env_remove("TZ").env_remove("LANG").env_remove("LC_ALL");
    cmd.env("SOURCE_DATE_EPOCH", EPOCH).env("NO_COLOR", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run rituals");
    Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Held occurrences of `agenda --format json` over the test window.
fn agenda(dir: &Path, input: &[&str]) -> BTreeSet<oracle::Instance> {
    let mut args = vec![
        "agenda",
        "--from",
        "2026-10-31",
        "--to",
        "2027-07-01",
        "--format",
        "json",
    ];
    args.extend_from_slice(input);
    let out = exec(dir, &args, &[]).success();
    oracle::agenda_instances(&out.stdout, d(FROM), d(TO))
}

const FROM: &str = "2026-11-01";
const TO: &str = "2027-07-01";

#[test]
fn a_folder_of_three_teams_builds_each_team_and_a_combined_feed() {
    let t = three_teams();
    let dir = t.path();
    exec(dir, &["build", "-f", "teams", "-o", "out"], &[]).success();
    let out = tree(&dir.join("out"));
    let folders: BTreeSet<&str> = out
        .keys()
        .filter_map(|k| k.split_once('/').map(|(a, _)| a))
        .collect();
    // The shared people file has no calendar and is included: not a team.
    assert_eq!(
        folders,
        BTreeSet::from(["equipe-data", POLE_SLUG, "sydney-team"])
    );

    let teams = [
        ("teams/pole.yaml", POLE_SLUG),
        ("teams/sydney.yaml", "sydney-team"),
        ("teams/data.yaml", "equipe-data"),
    ];
    for (file, slug) in teams {
        let single = format!("single-{slug}");
        exec(dir, &["build", "-f", file, "-o", &single], &[]).success();
        let expected = tree(&dir.join(&single));
        let got: BTreeMap<String, Vec<u8>> = out
            .iter()
            .filter_map(|(k, v)| {
                k.strip_prefix(&format!("{slug}/"))
                    .map(|r| (r.to_owned(), v.clone()))
            })
            .collect();
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>(),
            "{slug}: not the files of a single-file build"
        );
        for (name, bytes) in &expected {
            assert!(
                got[name] == *bytes,
                "{slug}/{name} differs from a single-file build"
            );
        }
    }

    let combined = String::from_utf8(out["rituals.ics"].clone()).unwrap();
    let mut union: Vec<String> = teams
        .iter()
        .flat_map(|(_, slug)| {
            vevents(&String::from_utf8_lossy(
                &out[&format!("{slug}/rituals.ics")],
            ))
        })
        .collect();
    union.sort();
    let mut blocks = vevents(&combined);
    blocks.sort();
    assert_eq!(blocks.len(), union.len());
    assert!(
        blocks == union,
        "the combined feed's VEVENTs are not the team feeds' VEVENTs"
    );
    assert_eq!(vtimezones(&combined), ["Australia/Sydney", "Europe/Paris"]);

    // Independent expansion of the combined feed = our occurrences of the
    // three teams, each listed on its own.
    let theirs = oracle::expand(&combined, d(FROM), d(TO));
    let ours: BTreeSet<oracle::Instance> = teams
        .iter()
        .flat_map(|(file, _)| agenda(dir, &["-f", file]))
        .collect();
    assert!(ours.len() > 300, "too few occurrences to mean anything");
    assert_eq!(ours, theirs, "{}", oracle::diff(&ours, &theirs));
    assert_eq!(agenda(dir, &["-f", "teams"]), ours);
}

#[test]
fn check_print_and_agenda_take_a_folder() {
    let t = three_teams();
    let dir = t.path();
    let check = exec(dir, &["check", "-f", "teams"], &[]).success();
    assert_eq!(check.stderr.matches(": ok").count(), 3, "{}", check.stderr);

    exec(dir, &["build", "-f", "teams", "-o", "out"], &[]).success();
    let print = |args: &[&str]| {
        let mut a = vec!["print", "-f", "teams"];
        a.extend_from_slice(args);
        exec(dir, &a, &[])
    };
    let read = |rel: &str| std::fs::read_to_string(dir.join("out").join(rel)).unwrap();
    assert_eq!(print(&[]).success().stdout, read("rituals.ics"));
    assert_eq!(
        print(&["--team", "sydney-team"]).success().stdout,
        read("sydney-team/rituals.ics")
    );
    assert_eq!(
        print(&["--ritual", "actualites-etalab"]).success().stdout,
        read(&format!("{POLE_SLUG}/actualites-etalab.ics"))
    );
    // `standup` is a ritual of two teams.
    let ambiguous = print(&["--ritual", "standup"]).status(2);
    assert!(ambiguous.stderr.contains("--team"), "{}", ambiguous.stderr);
    assert_eq!(
        print(&["--team", "equipe-data", "--ritual", "standup"])
            .success()
            .stdout,
        read("equipe-data/standup.ics")
    );
    assert_eq!(
        print(&["--team", "equipe-data", "--person", "alice"])
            .success()
            .stdout,
        read("equipe-data/people/alice.ics")
    );
    let unknown = print(&["--team", "nope"]).status(2);
    assert!(unknown.stderr.contains("sydney-team"), "{}", unknown.stderr);

    let sydney = agenda(dir, &["-f", "teams", "--team", "sydney-team"]);
    assert!(!sydney.is_empty());
    assert_eq!(sydney, agenda(dir, &["-f", "teams/sydney.yaml"]));
    // Alice is in two teams: her agenda is both.
    let alice = agenda(dir, &["-f", "teams", "--person", "alice"]);
    let expected: BTreeSet<_> = agenda(dir, &["-f", "teams/pole.yaml", "--person", "alice"])
        .into_iter()
        .chain(agenda(dir, &["-f", "teams/data.yaml", "--person", "alice"]))
        .collect();
    assert_eq!(alice, expected);
    let json = exec(
        dir,
        &["agenda", "-f", "teams", "--format", "json", "--weeks", "1"],
        &[],
    )
    .success()
    .stdout;
    assert!(json.contains(r#""team":"sydney-team""#), "{json}");
}

fn team(name: &str, domain: &str, extra: &str) -> String {
    format!(
        "calendar:\n  name: {name}\n  timezone: Europe/Paris\n  since: 2026-01-05\n  domain: {domain}\n{extra}"
    )
}

const SYNC: &str =
    "rituals:\n  - id: sync\n    title: Sync\n    every: monday\n    time: \"10:00-10:30\"\n";

/// Runs a build that must fail; returns stderr after checking that
/// nothing under `out/` changed.
fn fails(t: &Test, args: &[&str]) -> String {
    let dir = t.path();
    std::fs::create_dir_all(dir.join("out")).unwrap();
    std::fs::write(dir.join("out/keep.txt"), "published").unwrap();
    let before = snapshot(&dir.join("out"));
    let mut a = vec!["build", "-o", "out"];
    a.extend_from_slice(args);
    let out = exec(dir, &a, &[]).status(2);
    assert_eq!(snapshot(&dir.join("out")), before, "the output changed");
    out.stderr
}

#[test]
fn a_uid_used_in_two_files_is_an_error_naming_both_places() {
    let t = Test::new()
        .file("teams/a.yaml", team("Team A", "example.org", SYNC))
        .file(
            "teams/b.yaml",
            team(
                "Team B",
                "example.org",
                "rituals:\n  - id: other\n    title: Other\n    every: friday\n    time: \"10:00-10:30\"\n  - id: sync\n    title: Sync B\n    every: monday\n    time: \"10:00-10:30\"\n",
            ),
        );
    let err = fails(&t, &["-f", "teams"]);
    assert!(err.contains("`sync@example.org`"), "{err}");
    assert!(err.contains("--> teams/b.yaml:11:9"), "{err}");
    assert!(err.contains("teams/a.yaml:7:9"), "{err}");
    // Another domain: no clash.
    let t = Test::new()
        .file("teams/a.yaml", team("Team A", "a.example.org", SYNC))
        .file("teams/b.yaml", team("Team B", "b.example.org", SYNC));
    exec(t.path(), &["build", "-f", "teams", "-o", "out"], &[]).success();
}

#[test]
fn an_include_cycle_is_an_error_naming_both_places() {
    let t = Test::new()
        .file(
            "team/a.yaml",
            team(
                "Team A",
                "example.org",
                &format!("include: [b.yaml]\n{SYNC}"),
            ),
        )
        .file("team/b.yaml", "include:\n  - a.yaml\n");
    let err = fails(&t, &["-f", "team/a.yaml"]);
    assert!(
        err.contains("include cycle: team/a.yaml → team/b.yaml → team/a.yaml"),
        "{err}"
    );
    assert!(err.contains("--> team/b.yaml:2:5"), "{err}");
    assert!(
        err.contains("team/a.yaml:6:11 includes team/b.yaml"),
        "{err}"
    );
    assert!(
        err.contains("team/b.yaml:2:5 includes team/a.yaml"),
        "{err}"
    );
}

#[test]
fn a_person_defined_differently_in_two_files_is_an_error_naming_both_places() {
    let people = |name: &str| {
        format!("people:\n  - id: bob\n    name: {name}\n    email: bob@example.org\n")
    };
    // Two teams.
    let t = Test::new()
        .file(
            "teams/a.yaml",
            team(
                "Team A",
                "a.example.org",
                &format!("{}{SYNC}", people("Bob")),
            ),
        )
        .file(
            "teams/b.yaml",
            team(
                "Team B",
                "b.example.org",
                &format!("{}{SYNC}", people("Robert")),
            ),
        );
    let err = fails(&t, &["-f", "teams"]);
    assert!(err.contains("person `bob`"), "{err}");
    assert!(err.contains("--> teams/b.yaml:7:9"), "{err}");
    assert!(err.contains("teams/a.yaml:7:9"), "{err}");
    // A file and the file it includes.
    let t = Test::new()
        .file(
            "team/a.yaml",
            team(
                "Team A",
                "a.example.org",
                &format!("include: [people.yaml]\n{}{SYNC}", people("Bob")),
            ),
        )
        .file("team/people.yaml", people("Robert"));
    let err = fails(&t, &["-f", "team/a.yaml"]);
    assert!(err.contains("--> team/people.yaml:2:9"), "{err}");
    assert!(err.contains("team/a.yaml:8:9"), "{err}");
    // Same name and e-mail: the same person.
    let t = Test::new()
        .file(
            "teams/a.yaml",
            team(
                "Team A",
                "a.example.org",
                &format!("{}{SYNC}", people("Bob")),
            ),
        )
        .file(
            "teams/b.yaml",
            team(
                "Team B",
                "b.example.org",
                &format!("{}{SYNC}", people("Bob")),
            ),
        );
    exec(t.path(), &["build", "-f", "teams", "-o", "out"], &[]).success();
}

#[test]
fn includes_stay_inside_the_including_files_folder() {
    let t = Test::new()
        .file(
            "team/a.yaml",
            team(
                "Team A",
                "example.org",
                &format!("include: [../outside.yaml]\n{SYNC}"),
            ),
        )
        .file("outside.yaml", "people: []\n");
    let err = fails(&t, &["-f", "team/a.yaml"]);
    assert!(err.contains("is outside `team`"), "{err}");
    assert!(
        err.contains("include chain: team/a.yaml → team/../outside.yaml"),
        "{err}"
    );

    let t = Test::new()
        .file(
            "team/a.yaml",
            team(
                "Team A",
                "example.org",
                &format!("include: [link.yaml]\n{SYNC}"),
            ),
        )
        .file("outside.yaml", "people: []\n");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(
            t.path().join("outside.yaml"),
            t.path().join("team/link.yaml"),
        )
        .unwrap();
        let err = fails(&t, &["-f", "team/a.yaml"]);
        assert!(err.contains("is outside `team`"), "{err}");
    }

    let t = Test::new().file(
        "team/a.yaml",
        team(
            "Team A",
            "example.org",
            &format!("include: [sub/missing.yaml]\n{SYNC}"),
        ),
    );
    let err = fails(&t, &["-f", "team/a.yaml"]);
    assert!(
        err.contains("cannot read included file `team/sub/missing.yaml`"),
        "{err}"
    );
    assert!(err.contains("--> team/a.yaml:6:11"), "{err}");
}

#[test]
fn only_the_built_file_has_a_calendar() {
    let t = Test::new()
        .file(
            "team/a.yaml",
            team(
                "Team A",
                "example.org",
                &format!("include: [b.yaml]\n{SYNC}"),
            ),
        )
        .file("team/b.yaml", team("Team B", "example.org", ""));
    let err = fails(&t, &["-f", "team/a.yaml"]);
    assert!(
        err.contains("an included file may not have a `calendar:` section"),
        "{err}"
    );
    assert!(err.contains("--> team/b.yaml:2:3"), "{err}");

    let t = Test::new().file("team/a.yaml", SYNC);
    let err = fails(&t, &["-f", "team/a.yaml"]);
    assert!(err.contains("the spec has no `calendar:` section"), "{err}");
}

#[test]
fn two_teams_may_not_share_a_folder_name() {
    let t = Test::new()
        .file("teams/a.yaml", team("Team A", "a.example.org", SYNC))
        .file("teams/b.yaml", team("team a", "b.example.org", SYNC));
    let err = fails(&t, &["-f", "teams"]);
    assert!(err.contains("folder `team-a`"), "{err}");
    assert!(err.contains("--> teams/b.yaml:2:9"), "{err}");
    assert!(err.contains("teams/a.yaml:2:9"), "{err}");
}

#[test]
fn rituals_included_by_two_teams_are_one_event_in_the_combined_feed() {
    let common = "rituals:\n  - id: all-hands\n    title: All hands\n    every: first thursday of the month\n    time: \"14:00-15:00\"\n";
    let t = Test::new()
        .file(
            "teams/a.yaml",
            team("Team A", "example.org", &format!("include: [common/all.yaml]\n{SYNC}")),
        )
        .file(
            "teams/b.yaml",
            team(
                "Team B",
                "example.org",
                "include: [common/all.yaml]\nrituals:\n  - id: retro\n    title: Retro\n    every: friday\n    time: \"10:00-11:00\"\n",
            ),
        )
        .file("teams/common/all.yaml", common);
    let dir = t.path();
    exec(
        dir,
        &["build", "-f", "teams", "--recursive", "-o", "out"],
        &[],
    )
    .success();
    let combined = std::fs::read_to_string(dir.join("out/rituals.ics")).unwrap();
    assert_eq!(combined.matches("UID:all-hands@example.org").count(), 1);
    assert_eq!(combined.matches("UID:sync@example.org").count(), 1);
    assert_eq!(combined.matches("UID:retro@example.org").count(), 1);
    for slug in ["team-a", "team-b"] {
        let feed = std::fs::read_to_string(dir.join(format!("out/{slug}/rituals.ics"))).unwrap();
        assert!(feed.contains("UID:all-hands@example.org"), "{slug}");
    }
}

#[test]
fn recursive_reads_sub_folders() {
    let t = Test::new()
        .file("teams/a.yaml", team("Team A", "a.example.org", SYNC))
        .file("teams/more/b.yaml", team("Team B", "b.example.org", SYNC));
    let dir = t.path();
    exec(dir, &["build", "-f", "teams", "-o", "flat"], &[]).success();
    assert!(dir.join("flat/team-a/rituals.ics").exists());
    assert!(!dir.join("flat/team-b").exists());
    exec(
        dir,
        &["build", "-f", "teams", "--recursive", "-o", "deep"],
        &[],
    )
    .success();
    assert!(dir.join("deep/team-b/rituals.ics").exists());
    let empty = exec(dir, &["check", "-f", "teams/more/.."], &[]);
    empty.success();
    std::fs::create_dir_all(dir.join("none")).unwrap();
    let none = exec(dir, &["check", "-f", "none"], &[]).status(2);
    assert!(
        none.stderr.contains("no `*.yaml` or `*.yml` spec"),
        "{}",
        none.stderr
    );
}

/// A spec of `n` rituals, each with its own id, day and time.
fn generated(n: usize) -> String {
    let days = ["monday", "tuesday", "wednesday", "thursday", "friday"];
    let mut s = team("Generated", "big.example.org", "rituals:\n");
    for i in 0..n {
        let h = 8 + i % 10;
        s.push_str(&format!(
            "  - id: ritual-{i}\n    title: Ritual {i}\n    every: {}\n    time: \"{h:02}:00-{h:02}:30\"\n",
            days[i % 5]
        ));
    }
    s
}

#[test]
fn ten_thousand_rituals_in_one_file_parse_and_build() {
    let spec = generated(10_000);
    assert!(spec.len() < 4 * 1024 * 1024);
    let t = Test::new().spec(&spec);
    // `--check` renders every feed but writes none (writing 10,001 files
    // with an fsync each is the disk's cost, not the build's).
    let out = exec(t.path(), &["build", "--check", "-o", "out"], &[]).status(1);
    assert_eq!(out.stdout.matches("added ").count(), 10_001);
    let feed = exec(t.path(), &["print", "--ritual", "ritual-9999"], &[]).success();
    assert!(feed.stdout.contains("UID:ritual-9999@big.example.org"));
}

#[test]
fn a_file_over_the_size_cap_is_refused() {
    let t = three_teams();
    let size = std::fs::metadata(t.path().join("teams/data.yaml"))
        .unwrap()
        .len();
    // The cap applies to each file, the included ones too.
    let err = fails(&t, &["-f", "teams", "--max-input-bytes", &size.to_string()]);
    assert!(err.contains("larger than"), "{err}");
    let t = three_teams();
    let out = exec(
        t.path(),
        &[
            "check",
            "-f",
            "teams/pole.yaml",
            "--max-input-bytes",
            "1000",
        ],
        &[],
    )
    .status(2);
    assert!(
        out.stderr
            .contains("`teams/pole.yaml` is larger than 1000 bytes"),
        "{}",
        out.stderr
    );
    let t = three_teams().file(
        "teams/shared/people.yaml",
        format!("{SHARED_PEOPLE}# {}\n", "x".repeat(2000)),
    );
    let err = fails(&t, &["-f", "teams/data.yaml", "--max-input-bytes", "2000"]);
    assert!(err.contains("cannot use included file"), "{err}");
    assert!(err.contains("--> teams/data.yaml:7:11"), "{err}");
}

#[test]
fn alias_bombs_and_deep_nesting_still_fail() {
    // 10^10 strings once expanded, in a field whose untagged enum would
    // buffer all of them: only the parser's node budget stops it.
    let mut lists = vec!["&a0 [x, x, x, x, x, x, x, x, x, x]".to_owned()];
    for i in 1..10 {
        lists.push(format!(
            "&a{i} [{}]",
            vec![format!("*a{}", i - 1); 10].join(", ")
        ));
    }
    let bomb = format!(
        "{}rituals:\n  - id: a\n    title: t\n    time: \"10:00-11:00\"\n    every: [{}]\n",
        team("Bomb", "bomb.example.org", ""),
        lists.join(", ")
    );
    let t = Test::new()
        .file("teams/a.yaml", team("Team A", "a.example.org", SYNC))
        .file("teams/bomb.yaml", &bomb);
    let out = exec(t.path(), &["check", "-f", "teams"], &[]).status(1);
    assert!(out.stderr.contains("(an \"alias bomb\")"), "{}", out.stderr);
    assert!(
        out.stderr.contains("--> teams/bomb.yaml:10:"),
        "{}",
        out.stderr
    );

    let deep = format!(
        "{}rituals: {}{}\n",
        team("Deep", "deep.example.org", ""),
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let t = Test::new()
        .file("teams/a.yaml", team("Team A", "a.example.org", SYNC))
        .file("teams/deep.yaml", &deep);
    let out = exec(t.path(), &["check", "-f", "teams"], &[]).status(1);
    assert!(out.stderr.contains("recursion limit"), "{}", out.stderr);
    assert!(
        out.stderr.contains("--> teams/deep.yaml:6:"),
        "{}",
        out.stderr
    );
}

#[test]
fn builds_are_byte_identical_with_one_or_two_threads_and_when_repeated() {
    let t = three_teams()
        .file("teams/x1.yaml", team("Extra one", "x1.example.org", SYNC))
        .file(
            "teams/x2.yaml",
            generated(300).replace("Generated", "Extra two"),
        );
    let dir = t.path();
    exec(
        dir,
        &["build", "-f", "teams", "-o", "one"],
        &[("RAYON_NUM_THREADS", "1")],
    )
    .success();
    exec(
        dir,
        &["build", "-f", "teams", "-o", "two"],
        &[("RAYON_NUM_THREADS", "2")],
    )
    .success();
    let one = tree(&dir.join("one"));
    assert!(one.len() > 300);
    assert!(one == tree(&dir.join("two")), "1 and 2 threads differ");
    let again = exec(
        dir,
        &["build", "-f", "teams", "-o", "two"],
        &[("RAYON_NUM_THREADS", "2")],
    )
    .success();
    assert!(!again.stdout.contains("wrote"), "{}", again.stdout);
    assert!(
        one == tree(&dir.join("two")),
        "a second build changed the output"
    );
    let check = exec(dir, &["build", "--check", "-f", "teams", "-o", "one"], &[]).success();
    assert!(check.stdout.contains("up to date"), "{}", check.stdout);
}

#[test]
fn errors_in_an_included_file_point_into_it() {
    let t = Test::new()
        .file(
            "team/a.yaml",
            team(
                "Team A",
                "example.org",
                &format!("include: [more/b.yaml]\n{SYNC}    attendees: [zoe]\n"),
            ),
        )
        .file(
            "team/more/b.yaml",
            "people:\n  - id: zoe\n    name: Zoé\nrituals:\n  - id: retro\n    title: Retro\n    every: mondey\n    time: \"10:00-11:00\"\n",
        );
    let err = fails(&t, &["-f", "team/a.yaml"]);
    assert!(
        err.contains("--> team/more/b.yaml:7:12  (rituals[0].every)"),
        "{err}"
    );
    assert!(err.contains("did you mean `monday`?"), "{err}");
    // `zoe` comes from the included file: no error in a.yaml.
    assert!(!err.contains("team/a.yaml:"), "{err}");
}

#[test]
fn the_folder_build_has_a_page_listing_the_teams() {
    let t = three_teams().file(
        "teams/odd.yaml",
        team("<b>Odd & co</b>", "odd.example.org", SYNC),
    );
    let dir = t.path();
    exec(dir, &["build", "-f", "teams", "-o", "out"], &[]).success();
    let page = std::fs::read_to_string(dir.join("out/index.html")).unwrap();
    assert!(page.contains("href=\"rituals.ics\""), "{page}");
    for slug in ["equipe-data", POLE_SLUG, "sydney-team", "b-odd-co-b"] {
        assert!(
            page.contains(&format!("href=\"{slug}/index.html\"")),
            "{slug}"
        );
        assert!(
            page.contains(&format!("href=\"{slug}/rituals.ics\"")),
            "{slug}"
        );
        assert!(
            dir.join(format!("out/{slug}/index.html")).exists(),
            "{slug}"
        );
    }
    assert!(page.contains("&lt;b&gt;Odd &amp; co&lt;/b&gt;"), "{page}");
    assert!(!page.contains("<b>Odd"), "{page}");
}
