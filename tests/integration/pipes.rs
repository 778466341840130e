//! A reader that goes away (`rituals print | head -1`) ends the program
//! quietly with its usual status, as `cat` and `rg` do: through real
//! pipes, never a mock.
//!
//! Two ways of closing: `head -1` in a shell pipeline (what users type;
//! the output is made larger than a pipe's buffer so that the write
//! after `head` exits must fail), and a pipe whose read end is closed
//! before the program starts (the first write fails, whatever its size).

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::harness::{EPOCH, Test, project_spec};

/// Runs `rituals ARGS | head -1` in `dir` through `sh`; returns the
/// status of `rituals`, its stderr, and what `head` printed.
fn through_head(dir: &Path, args: &str) -> (i32, String, String) {
    // `sh` reports only the last command's status: `rituals` writes its
    // own into a file.
    let script = format!(r#"{{ "$0" {args} 2>stderr.txt; echo $? >status.txt; }} | head -1"#);
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_rituals"))
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .env("NO_COLOR", "1")
        .output()
        .expect("sh");
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect(f);
    let status = read("status.txt").trim().parse().expect("a status");
    (
        status,
        read("stderr.txt"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// Runs `rituals ARGS` with standard output a pipe already closed by
/// its reader; returns the status and stderr.
fn into_closed_pipe(dir: &Path, args: &[&str]) -> (i32, String) {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let mut child = Command::new(env!("CARGO_BIN_EXE_rituals"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .env("NO_COLOR", "1")
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    let status = child.wait().expect("wait").code().unwrap_or(-1);
    (status, stderr)
}

#[test]
fn print_and_agenda_end_quietly_when_head_has_read_enough() {
    // Four daily rotations: the team feed and ten years of agenda are
    // larger than a pipe's buffer (64 KiB), so `head` exits while they are
    // still writing. (The seed's feed is too small since rotations are
    // written compactly, issue 18.)
    let daily = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds/daily-rotations.yaml");
    let t = Test::new().spec(&std::fs::read_to_string(daily).expect("fixture"));
    for args in [
        "print",
        "agenda --from 2026-01-01 --to 2036-12-31",
        "agenda --from 2026-01-01 --to 2036-12-31 --format json",
    ] {
        let (status, stderr, first) = through_head(t.path(), args);
        assert_eq!(
            (status, stderr.as_str()),
            (0, ""),
            "rituals {args} | head -1"
        );
        assert!(!first.is_empty(), "rituals {args}: nothing read");
    }
    let full = t.run_args(["print"]).success();
    assert!(full.stdout.len() > 64 * 1024, "{}", full.stdout.len());
}

#[test]
fn every_command_that_writes_to_stdout_ends_quietly_on_a_closed_pipe() {
    let t = Test::new().spec(&project_spec());
    for args in [
        &["print"][..],
        &["print", "--ritual", "bluehats-irc"],
        &["agenda", "--weeks", "2"],
        &["agenda", "--weeks", "2", "--format", "json"],
        &["man"],
        &["schema"],
        &["completions", "bash"],
        &["build", "-o", "public"],
        &["--help"],
    ] {
        let (status, stderr) = into_closed_pipe(t.path(), args);
        assert_eq!((status, stderr.as_str()), (0, ""), "rituals {args:?}");
    }
    // The build above wrote its files: closing the report does not stop
    // the work.
    assert!(t.path().join("public/rituals.ics").is_file());
}

#[test]
fn the_usual_status_is_kept_when_the_report_is_not_read() {
    let t = Test::new().spec(&project_spec());
    // Stale (nothing built yet): 1, as when the report is read.
    let (status, stderr) = into_closed_pipe(t.path(), &["build", "--check", "-o", "public"]);
    assert_eq!((status, stderr.as_str()), (1, ""));
    // `init` writes its files and says so; nobody reads it.
    let dir = t.path().join("new");
    let (status, stderr) = into_closed_pipe(t.path(), &["init", dir.to_str().expect("utf-8")]);
    assert_eq!((status, stderr.as_str()), (0, ""));
    assert!(dir.join("rituals.yaml").is_file());
}

#[test]
fn check_reports_to_a_closed_stderr_with_its_usual_status() {
    let t = Test::new().spec(
        "calendar: { name: T, timezone: Europe/Paris, since: 2026-01-05, domain: example.org }\n\
         rituals:\n  \
         - { id: a, title: A, every: monday, time: \"10:00-11:00\" }\n  \
         - { id: b, title: B, every: monday, time: \"10:30-11:30\" }\n",
    );
    // Warnings (an overlap) under --strict: 1, whether or not anybody reads
    // the findings.
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let status = Command::new(env!("CARGO_BIN_EXE_rituals"))
        .args(["check", "--strict"])
        .current_dir(t.path())
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .stderr(writer)
        .status()
        .expect("run")
        .code();
    assert_eq!(status, Some(1));
    t.run_args(["check", "--strict"]).status(1);
}
