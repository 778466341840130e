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

mod failures;
mod readback;
mod server;
mod sync;

use std::path::Path;
use std::process::Command;

use crate::harness::EPOCH;
use readback::uids;
use server::{PASSWORD, Server, USER};

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

/// The nine UIDs the spec produces (`planning` is split by its change,
/// the `demo` rotation is one event per presenter and the series after
/// the horizon).
const UIDS: [&str; 9] = [
    "demo+alice@example.org",
    "demo+bob@example.org",
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
