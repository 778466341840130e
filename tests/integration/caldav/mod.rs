//! `rituals publish` against real CalDAV servers (issue 16): Radicale
//! for every case, Xandikos (stricter, re-serializes what it stores) for
//! the core ones. No mock: each test starts its own server (server.rs)
//! and reads the result back with an independent client: the server's
//! own storage, expanded by icalendar + recurring-ical-events
//! (readback.rs). Every run's stdout and stderr is checked for the
//! password.
//!
//! Servers come from the repository's .venv (tests/caldav/setup.sh, called
//! by .ci/run); without them each test prints a loud SKIP and passes,
//! except under CI=true, where it fails.

mod readback;
mod server;

use std::path::Path;
use std::process::Command;

use crate::harness::EPOCH;
use readback::{assert_matches_agenda, uids};
use server::{Kind, PASSWORD, Server, USER, start_or_skip};

const SPEC: &str = r#"
calendar:
  name: Équipe test
  timezone: Europe/Paris
  since: 2026-01-05
  domain: example.org
  holidays: FR
people:
  - id: alice
    name: Alice Martin
    email: alice@example.org
  - id: bob
    name: Bob Durand
rituals:
  - id: standup
    title: Standup
    every: weekday
    time: "09:30-09:45"
  - id: retro
    title: Rétro
    every: 2 weeks on friday
    time: "14:00-15:00"
    moved:
      - date: 2027-01-22
        to: "2027-01-21 14:00"
  - id: demo
    title: Démo
    every: first tuesday of the month
    time: "11:00-12:00"
    rotation:
      people: [alice, bob]
  - id: planning
    title: Planning
    every: monday
    time: "10:00-11:00"
    changes:
      - from: 2027-09-06
        time: "10:30-11:30"
  - id: offsite
    title: Séminaire
    every: first wednesday of the month
    time: all day
    attendees: [alice]
  - id: lunch
    title: Déjeuner d'équipe
    every: last friday of the month
    time: "12:00-13:30"
    remind: [15m]
"#;

/// The seven UIDs the spec produces (`planning` is split by its change).
const UIDS: [&str; 7] = [
    "demo@example.org",
    "lunch@example.org",
    "offsite@example.org",
    "planning.20270906@example.org",
    "planning@example.org",
    "retro@example.org",
    "standup@example.org",
];

/// A foreign event someone added to the same calendar. Its UID contains
/// `@example.org` but does not end with it: not ours either.
const FOREIGN: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//someone//else//EN\r\nBEGIN:VEVENT\r\nUID:birthday@example.org.elsewhere.net\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20270310\r\nSUMMARY:Anniversaire\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

/// A spec in a temporary folder, and the clock of the runs.
struct Ctx {
    dir: tempfile::TempDir,
    epoch: String,
}

struct Output {
    status: i32,
    stdout: String,
    stderr: String,
}

impl Output {
    fn status(self, code: i32) -> Output {
        assert_eq!(
            self.status, code,
            "expected exit {code}\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    fn success(self) -> Output {
        self.status(0)
    }
}

impl Ctx {
    fn new() -> Ctx {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("rituals.yaml"), SPEC).expect("spec");
        Ctx {
            dir,
            epoch: EPOCH.to_owned(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `rituals ARGS` with the credentials in the environment (and a
    /// HOME without .netrc) and checks that the password is in none of
    /// its output.
    fn run(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_rituals"));
        cmd.current_dir(self.path())
            .args(args)
            .env("SOURCE_DATE_EPOCH", &self.epoch)
            .env("HOME", self.path())
            .env_remove("NETRC")
            .env("RITUALS_CALDAV_USER", USER)
            .env("RITUALS_CALDAV_PASSWORD", PASSWORD);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("run rituals");
        let out = Output {
            status: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        assert!(
            !out.stdout.contains(PASSWORD) && !out.stderr.contains(PASSWORD),
            "the password appeared in the output of {args:?}:\n{}\n{}",
            out.stdout,
            out.stderr
        );
        out
    }
}

fn publish(t: &Ctx, server: &Server, extra: &[&str]) -> Output {
    let mut args = vec!["publish", server.url.as_str()];
    args.extend_from_slice(extra);
    t.run(&args, &[])
}

fn summary(
    server: &Server,
    created: usize,
    updated: usize,
    deleted: usize,
    unchanged: usize,
) -> String {
    format!(
        "{}: {created} created, {updated} updated, {deleted} deleted, {unchanged} unchanged\n",
        server.url
    )
}

fn edit_spec(t: &Ctx, from: &str, to: &str) {
    let path = t.path().join("rituals.yaml");
    let text = std::fs::read_to_string(&path).expect("spec");
    assert!(text.contains(from), "spec lacks {from:?}");
    std::fs::write(path, text.replacen(from, to, 1)).expect("write spec");
}

/// The stored resource holding `uid`.
fn resource_of(server: &Server, uid: &str) -> (String, String) {
    server
        .stored()
        .into_iter()
        .map(|(name, bytes)| (name, String::from_utf8_lossy(&bytes).into_owned()))
        .find(|(_, text)| uids(text).contains(uid))
        .unwrap_or_else(|| panic!("no stored resource holds {uid}"))
}

fn sequence_of(text: &str) -> Vec<u32> {
    text.replace("\r\n", "\n")
        .lines()
        .filter_map(|l| l.strip_prefix("SEQUENCE:"))
        .map(|v| v.parse().expect("SEQUENCE"))
        .collect()
}

/// Done when 1 and 2: seed an empty calendar, one resource per UID whose
/// expansion equals the agenda; publishing again sends no PUT or DELETE.
fn seed_then_republish(kind: Kind, test: &str) {
    let Some(server) = start_or_skip(kind, test) else {
        return;
    };
    let mut t = Ctx::new();
    let dry = publish(&t, &server, &["--dry-run"]).status(1);
    let expected: Vec<String> = UIDS.iter().map(|u| format!("create  {u}")).collect();
    let mut got: Vec<&str> = dry.stdout.lines().collect();
    got.sort_unstable();
    assert_eq!(got, expected);
    assert_eq!(server.stored().len(), 0, "--dry-run wrote nothing");

    let out = publish(&t, &server, &[]).success();
    assert_eq!(out.stdout, summary(&server, 7, 0, 0, 0));
    assert!(
        out.stderr.contains("publishing 7/7: "),
        "progress on stderr: {}",
        out.stderr
    );
    let stored = server.stored();
    let names: Vec<String> = stored.keys().cloned().collect();
    let want: Vec<String> = UIDS.iter().map(|u| format!("{u}.ics")).collect();
    assert_eq!(names, want, "one resource per UID, named <uid>.ics");
    for (name, bytes) in &stored {
        let text = String::from_utf8_lossy(bytes);
        let uid = name.trim_end_matches(".ics");
        assert_eq!(
            uids(&text),
            [uid.to_owned()].into(),
            "{name} holds only its UID"
        );
        assert!(
            !text.contains("METHOD:"),
            "no METHOD in a CalDAV resource (RFC 4791 §4.1)"
        );
    }
    assert_eq!(
        sequence_of(&resource_of(&server, "demo@example.org").1).len(),
        25,
        "series and overrides together"
    );
    assert_matches_agenda(&server, t.path(), None);

    // Later, with nothing changed: the server's stamps are kept.
    t.epoch = (EPOCH.parse::<i64>().expect("epoch") + 86_400).to_string();
    let before = (server.writes_marker(), server.stored());
    let again = publish(&t, &server, &[]).success();
    assert_eq!(again.stdout, summary(&server, 0, 0, 0, 7));
    assert_eq!(again.stderr, "");
    assert_eq!(
        (server.writes_marker(), server.stored()),
        before,
        "a current calendar gets no PUT or DELETE"
    );
    let dry = publish(&t, &server, &["--dry-run"]).success();
    assert_eq!(dry.stdout, "");
}

#[test]
fn radicale_seed_then_republish_changes_nothing() {
    seed_then_republish(
        Kind::Radicale,
        "radicale_seed_then_republish_changes_nothing",
    );
}

#[test]
fn xandikos_seed_then_republish_changes_nothing() {
    seed_then_republish(
        Kind::Xandikos,
        "xandikos_seed_then_republish_changes_nothing",
    );
}

/// Done when 3: an edit updates only its UID with SEQUENCE + 1, a removed
/// ritual's resources are deleted, a foreign event is never touched.
fn edit_remove_foreign(kind: Kind, test: &str) {
    let Some(server) = start_or_skip(kind, test) else {
        return;
    };
    let mut t = Ctx::new();
    let foreign = t.path().join("foreign.ics");
    std::fs::write(&foreign, FOREIGN).expect("foreign");
    server.dav(&[
        "put",
        &format!("{}birthday.ics", server.url),
        &foreign.display().to_string(),
    ]);
    let foreign_stored = server.stored()["birthday.ics"].clone();

    publish(&t, &server, &[]).success();
    let before = server.stored();
    assert_eq!(
        sequence_of(&resource_of(&server, "lunch@example.org").1),
        [0]
    );

    // A day later, the lunch moves by a quarter of an hour.
    t.epoch = (EPOCH.parse::<i64>().expect("epoch") + 86_400).to_string();
    edit_spec(&t, "time: \"12:00-13:30\"", "time: \"12:15-13:45\"");
    let dry = publish(&t, &server, &["--dry-run"]).status(1);
    assert_eq!(dry.stdout, "update  lunch@example.org\n");
    let out = publish(&t, &server, &[]).success();
    assert_eq!(out.stdout, summary(&server, 0, 1, 0, 6));
    let after = server.stored();
    for (name, bytes) in &before {
        if name == "lunch@example.org.ics" {
            let text = String::from_utf8_lossy(&after[name]).into_owned();
            assert_eq!(sequence_of(&text), [1], "SEQUENCE + 1");
            assert!(
                text.contains("DTSTAMP:20261129T000000Z"),
                "DTSTAMP bumped: {text}"
            );
            assert!(String::from_utf8_lossy(bytes).contains("DTSTAMP:20261128T000000Z"));
            assert!(text.contains("T121500"), "the new time is on the server");
        } else {
            assert_eq!(&after[name], bytes, "{name} untouched by the edit");
        }
    }
    assert_matches_agenda(&server, t.path(), None);

    // Remove `planning` (both its UIDs).
    let spec = std::fs::read_to_string(t.path().join("rituals.yaml")).expect("spec");
    let start = spec.find("  - id: planning").expect("planning");
    let end = spec.find("  - id: offsite").expect("offsite");
    std::fs::write(
        t.path().join("rituals.yaml"),
        format!("{}{}", &spec[..start], &spec[end..]),
    )
    .expect("spec");
    let dry = publish(&t, &server, &["--dry-run"]).status(1);
    let mut lines: Vec<&str> = dry.stdout.lines().collect();
    lines.sort_unstable();
    assert_eq!(
        lines,
        [
            "delete  planning.20270906@example.org",
            "delete  planning@example.org"
        ]
    );
    let out = publish(&t, &server, &[]).success();
    assert_eq!(out.stdout, summary(&server, 0, 0, 2, 5));
    let names: Vec<String> = server.stored().keys().cloned().collect();
    assert!(
        !names.iter().any(|n| n.starts_with("planning")),
        "{names:?}"
    );
    assert_eq!(
        names.len(),
        6,
        "five of ours and the foreign event: {names:?}"
    );
    assert_matches_agenda(&server, t.path(), None);

    assert_eq!(
        server.stored()["birthday.ics"],
        foreign_stored,
        "the foreign event is byte-identical"
    );
}

#[test]
fn radicale_edit_remove_and_foreign_event() {
    edit_remove_foreign(Kind::Radicale, "radicale_edit_remove_and_foreign_event");
}

#[test]
fn xandikos_edit_remove_and_foreign_event() {
    edit_remove_foreign(Kind::Xandikos, "xandikos_edit_remove_and_foreign_event");
}
