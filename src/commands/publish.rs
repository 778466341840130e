//! The `publish` command: sync one feed's events into a CalDAV calendar
//! collection, one resource per UID (issue 16). The decisions are
//! `caldav::sync`'s (pure); the requests `caldav::client`'s.
//!
//! Test-only hooks (read from the environment, documented here and in no
//! user-facing text): `RITUALS_TEST_AFTER_LISTING` names a shell command run
//! after the collection was read and before any write (the tests change a
//! resource there to provoke a 412); `RITUALS_TEST_ABORT_AFTER_WRITES=N`
//! aborts the process right after the N-th write (the tests' interrupted
//! run).

use std::collections::HashMap;
use std::io::{IsTerminal, Write};

use chrono::NaiveDate;

use crate::caldav::client::{Client, Precondition, Written};
use crate::caldav::sync::{self, Change, Local, Remote};
use crate::caldav::{CaldavError, credentials};
use crate::error::Error;
use crate::expand::Expander;
use crate::load::Workspace;
use crate::render::ics::stamp::{PreviousFeeds, content_hash};
use crate::render::ics::{BuildInfo, Event, FeedKind, Renderer};

/// What `publish` was asked to do.
#[derive(Debug)]
pub struct PublishOptions<'a> {
    pub url: &'a str,
    pub person: Option<&'a str>,
    pub dry_run: bool,
    pub timeout_secs: u64,
    pub build: BuildInfo,
}

/// More changes than this show a progress line on stderr.
const PROGRESS_OVER: usize = 5;

/// Runs `publish`; returns the exit code: 0 current or published, 1 when
/// `--dry-run` finds changes or a write met a concurrent edit (412).
///
/// # Errors
/// `Error::Specs` when a lint reports an error (as `build`),
/// `Error::Usage` (several teams, unknown person), `Error::Caldav` for
/// anything the server or the network refuses (exit 2).
pub fn run(ws: &Workspace, opts: &PublishOptions<'_>, today: NaiveDate) -> Result<i32, Error> {
    crate::lint::report::for_build(&ws.teams, today)?;
    if ws.many {
        return Err(Error::Usage(format!(
            "`publish` takes one spec file, found {} teams; publish each team's file into its own calendar",
            ws.teams.len()
        )));
    }
    let spec = &ws.teams[0].spec;
    let kind = match opts.person {
        None => FeedKind::Team,
        Some(id) => FeedKind::Person(
            spec.people
                .iter()
                .position(|p| p.id == id)
                .ok_or_else(|| Error::Usage(format!("no person has the id `{id}`")))?,
        ),
    };
    let (_, host, _) = crate::caldav::client::parse_url(opts.url)?;
    let creds = credentials::from_env(&host)?;
    let client = Client::new(opts.url, creds.as_ref(), opts.timeout_secs)?;
    client.check_collection()?;
    let domain = spec.calendar.domain.as_str();
    // Resources of other UIDs are dropped here, before any decision.
    let remotes: Vec<Remote> = client
        .list(domain)?
        .into_iter()
        .filter(|r| sync::is_ours(&r.uid, domain))
        .collect();
    test_hook_after_listing();

    let expander = Expander::new(spec);
    let none = PreviousFeeds::default();
    // Renders with no previous version: the events' content (to compare
    // with the server's) and the resources' VCALENDAR around them.
    let base = Renderer::new(&expander, &none, opts.build);
    let prev = server_stamps(&base.events(kind), &remotes);
    let events = Renderer::new(&expander, &prev, opts.build).events(kind);
    let resources: Vec<Vec<u8>> = events.iter().map(|e| base.resource(e)).collect();
    let locals: Vec<Local<'_>> = events
        .iter()
        .zip(&resources)
        .map(|(e, bytes)| Local { uid: &e.uid, bytes })
        .collect();
    let plan = sync::plan(&locals, &remotes, domain);

    // The servers are changed by now: a reader that goes away keeps the
    // status (see `pipe`).
    let mut out = crate::pipe::stdout();
    if opts.dry_run {
        for c in &plan.changes {
            writeln!(out, "{:<7} {}", c.verb(), c.uid())?;
        }
        out.flush()?;
        return Ok(i32::from(!plan.changes.is_empty()));
    }
    let tally = apply(&client, &plan.changes)?;
    writeln!(
        out,
        "{}: {} created, {} updated, {} deleted, {} unchanged{}",
        client.url(),
        tally.created,
        tally.updated,
        tally.deleted,
        plan.unchanged,
        if tally.conflicts > 0 {
            format!(", {} left as the server has them (412)", tally.conflicts)
        } else {
            String::new()
        }
    )?;
    out.flush()?;
    Ok(i32::from(tally.conflicts > 0))
}

/// The server's copies as the previous version of each event, for the
/// renderer's kept-or-bumped rule (`render::ics::stamp`): an event whose
/// content did not change keeps the server's DTSTAMP, LAST-MODIFIED and
/// SEQUENCE; a changed one gets SEQUENCE + 1 and the build time.
/// `fresh` are the events rendered with no previous version.
fn server_stamps(fresh: &[Event], remotes: &[Remote]) -> PreviousFeeds {
    let by_uid: HashMap<&str, &Remote> = remotes.iter().map(|r| (r.uid.as_str(), r)).collect();
    let mut prev = PreviousFeeds::default();
    for e in fresh {
        let Some(r) = by_uid.get(e.uid.as_str()) else {
            continue;
        };
        let mut server = PreviousFeeds::default();
        server.add_feed(&r.body);
        let Some(stamp) = server.stamp(&e.uid).cloned() else {
            continue;
        };
        let ours = String::from_utf8_lossy(&e.bytes);
        // The server may have reordered or requoted the lines: compare
        // canonical forms, then hand the renderer a hash that says "same"
        // or "changed" in its own terms.
        let hash = content_hash(&ours);
        let same = sync::same_events(&ours, &r.body);
        prev.insert(e.uid.clone(), if same { hash } else { !hash }, stamp);
    }
    prev
}

#[derive(Default)]
struct Tally {
    created: usize,
    updated: usize,
    deleted: usize,
    conflicts: usize,
}

/// Makes the writes in order. A 412 is reported and left; any other
/// refusal stops the run (a re-run finishes what is left).
fn apply(client: &Client, changes: &[Change<'_>]) -> Result<Tally, CaldavError> {
    let mut tally = Tally::default();
    let abort_after = test_abort_after_writes();
    let progress = changes.len() > PROGRESS_OVER;
    let tty = std::io::stderr().is_terminal();
    let mut err = std::io::stderr().lock();
    for (i, change) in changes.iter().enumerate() {
        let written = match change {
            Change::Create { uid, href, bytes } => {
                client.put(href, uid, bytes, Precondition::Absent)?
            }
            Change::Update {
                uid,
                href,
                etag,
                bytes,
            } => client.put(href, uid, bytes, Precondition::Matches(*etag))?,
            Change::Delete { uid, href, etag } => client.delete(href, uid, *etag)?,
        };
        match (written, change) {
            (Written::Conflict, _) => {
                tally.conflicts += 1;
                let clear = if progress && tty { "\r\x1b[K" } else { "" };
                let _ = writeln!(err, "{clear}{}", conflict_line(change));
            }
            (Written::Done, Change::Create { .. }) => tally.created += 1,
            (Written::Done, Change::Update { .. }) => tally.updated += 1,
            (Written::Done, Change::Delete { .. }) => tally.deleted += 1,
        }
        // On a terminal one line rewritten in place; in a log (CI) about
        // ten lines, whatever the number of changes.
        let step = (changes.len() / 10).max(1);
        if progress && (tty || (i + 1) % step == 0 || i + 1 == changes.len()) {
            let line = format!(
                "publishing {}/{}: {} {}",
                i + 1,
                changes.len(),
                change.verb(),
                change.uid()
            );
            let _ = if tty {
                write!(err, "\r\x1b[K{line}")
            } else {
                writeln!(err, "{line}")
            };
        }
        if abort_after == Some(i + 1) {
            std::process::abort();
        }
    }
    if progress && tty {
        let _ = writeln!(err);
    }
    Ok(tally)
}

/// The report of a write refused with 412 Precondition Failed.
fn conflict_line(change: &Change<'_>) -> String {
    let what = match change {
        Change::Create { href, .. } => format!("a resource already exists at {href}"),
        _ => "changed on the server since it was read".to_owned(),
    };
    format!(
        "conflict: {} {what} (412 Precondition Failed); left as the server has it, run `rituals publish` again to {} it",
        change.uid(),
        change.verb()
    )
}

/// Test-only: see the module documentation.
fn test_hook_after_listing() {
    if let Ok(cmd) = std::env::var("RITUALS_TEST_AFTER_LISTING") {
        let _ = std::process::Command::new("sh")
            .arg("-c")
            .arg(cmd)
            .stdout(std::process::Stdio::null())
            .status();
    }
}

/// Test-only: see the module documentation.
fn test_abort_after_writes() -> Option<usize> {
    std::env::var("RITUALS_TEST_ABORT_AFTER_WRITES")
        .ok()
        .and_then(|v| v.parse().ok())
}
