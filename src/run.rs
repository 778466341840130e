//! Running a command: load the specs, then build, print, list or check.
//! One spec file builds into the output folder; a folder of specs (or
//! several files) builds each team into `OUT/<slug>/` plus a combined
//! `OUT/rituals.ics`.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::{Action, Clock, Config};
use crate::error::Error;
use crate::expand::Expander;
use crate::ics::combined::{TeamEvents, combined_feed};
use crate::ics::stamp::PreviousFeeds;
use crate::ics::{BuildInfo, Event, FeedKind, Renderer};
use crate::load::Workspace;
use crate::output::OutFile;
use crate::publisher::Publisher;

/// A loaded, validated spec and the sources it came from (`source` is the
/// built file; `files` adds the files it includes).
pub use crate::load::Team as Loaded;

/// Reads, parses and validates one spec file and the files it includes.
///
/// # Errors
/// `Error::Read` when the file cannot be read, `Error::Spec` (or
/// `Error::Specs`, when included files are at fault) with every problem
/// found when it is not a valid spec.
pub fn load(path: &Path, max_bytes: u64, clock: &Clock) -> Result<Loaded, Error> {
    let mut ws = crate::load::load(&[path.to_owned()], false, max_bytes, clock)?;
    Ok(ws.teams.swap_remove(0))
}

/// Runs the configured command; returns the exit code.
///
/// # Errors
/// Any `Error`: bad input or usage, or a failed write (exit 2).
pub fn run(config: Config) -> Result<i32, Error> {
    let action = match config.action {
        Action::Standalone(cmd) => return crate::standalone::run(cmd),
        other => other,
    };
    let inputs = if config.input.files.is_empty() {
        vec![PathBuf::from("rituals.yaml")]
    } else {
        config.input.files.clone()
    };
    if let Action::Check { strict } = action {
        return crate::check::check(
            &inputs,
            config.input.recursive,
            config.input.max_input_bytes,
            &config.clock,
            strict,
        );
    }
    let ws = crate::load::load(
        &inputs,
        config.input.recursive,
        config.input.max_input_bytes,
        &config.clock,
    )?;
    let build = BuildInfo {
        now: config.clock.now,
    };
    match action {
        Action::Build {
            out,
            check,
            previous,
            prune,
            force,
        } => {
            crate::check::lint_for_build(&ws.teams, config.clock.today())?;
            if ws.many {
                build_teams(
                    &ws.teams,
                    &out,
                    check,
                    previous.as_deref(),
                    prune,
                    force,
                    build,
                )
            } else {
                let loaded = &ws.teams[0];
                let file = loaded
                    .source
                    .path
                    .clone()
                    .unwrap_or_else(|| PathBuf::from("-"));
                build_cmd(
                    loaded,
                    &file,
                    &out,
                    check,
                    previous.as_deref(),
                    prune,
                    force,
                    build,
                )
            }
        }
        Action::Print {
            ritual,
            person,
            previous,
            team,
        } => {
            let teams = select_teams(&ws, team.as_deref())?;
            let prev_of = |t: &Loaded| {
                previous
                    .as_deref()
                    .map(|dir| read_previous(&team_dir(&ws, dir, t)))
                    .unwrap_or_default()
            };
            let bytes = match (ritual, person) {
                (Some(id), _) => {
                    let (t, i) = find_in_teams(&teams, "ritual", &id, |t| {
                        t.spec.rituals.iter().position(|r| r.id == id)
                    })?;
                    team_feed(t, &prev_of(t), build, FeedKind::Ritual(i))
                }
                (None, Some(id)) => {
                    let (t, i) = find_in_teams(&teams, "person", &id, |t| {
                        t.spec.people.iter().position(|p| p.id == id)
                    })?;
                    team_feed(t, &prev_of(t), build, FeedKind::Person(i))
                }
                (None, None) if teams.len() == 1 => {
                    team_feed(teams[0], &prev_of(teams[0]), build, FeedKind::Team)
                }
                (None, None) => {
                    let rendered: Vec<Rendered> = teams
                        .par_iter()
                        .map(|t| render_team(t, &prev_of(t), build))
                        .collect();
                    combined(&teams, &rendered)?
                }
            };
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&bytes)?;
            stdout.flush()?;
            Ok(0)
        }
        Action::Agenda {
            from,
            to,
            tz,
            format,
            person,
            team,
        } => {
            let teams = select_teams(&ws, team.as_deref())?;
            // A person is looked up in each team: with several teams, one
            // may belong to some of them only.
            let people: Vec<Option<Option<usize>>> = teams
                .iter()
                .map(|t| match &person {
                    None => Some(None),
                    Some(id) => t.spec.people.iter().position(|p| p.id == *id).map(Some),
                })
                .collect();
            if let Some(id) = &person
                && people.iter().all(Option::is_none)
            {
                return Err(Error::Usage(format!("no person has the id `{id}`")));
            }
            // Streamed: a k-way merge of every ritual's occurrences in
            // order, so memory does not grow with the window.
            let expanders: Vec<Expander<'_>> =
                teams.iter().map(|t| Expander::new(&t.spec)).collect();
            let windows: Vec<crate::agenda_stream::TeamWindow<'_>> = expanders
                .iter()
                .zip(&people)
                .filter_map(|(x, p)| {
                    p.map(|person| crate::agenda_stream::TeamWindow {
                        expander: x,
                        person,
                    })
                })
                .collect();
            let slugs: Vec<Option<&str>> = teams
                .iter()
                .zip(&people)
                .filter(|(_, p)| p.is_some())
                .map(|(t, _)| ws.many.then_some(t.spec.calendar.slug.as_str()))
                .collect();
            let window = crate::agenda::Window {
                from,
                to,
                tz,
                person: None,
            };
            let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
            let mut sink = crate::agenda::Sink::new(window, format);
            for (team, o) in crate::agenda_stream::AgendaStream::new(&windows, from, to) {
                let entry = crate::agenda::Entry {
                    spec: windows[team].expander.spec,
                    team: slugs[team],
                    occurrence: &o,
                };
                sink.entry(&entry, &mut stdout)?;
            }
            sink.finish(&mut stdout)?;
            stdout.flush()?;
            Ok(0)
        }
        Action::Check { .. } => unreachable!("`check` returns before loading"),
        Action::Standalone(cmd) => crate::standalone::run(cmd),
    }
}

/// The teams a command works on: all, or the one `--team` names.
fn select_teams<'a>(ws: &'a Workspace, team: Option<&str>) -> Result<Vec<&'a Loaded>, Error> {
    let Some(slug) = team else {
        return Ok(ws.teams.iter().collect());
    };
    match ws.teams.iter().find(|t| t.spec.calendar.slug == slug) {
        Some(t) => Ok(vec![t]),
        None => {
            let slugs: Vec<&str> = ws
                .teams
                .iter()
                .map(|t| t.spec.calendar.slug.as_str())
                .collect();
            Err(Error::Usage(format!(
                "no team has the slug `{slug}`: expected one of {}",
                slugs.join(", ")
            )))
        }
    }
}

/// The one team that has a ritual or person `id`.
fn find_in_teams<'a>(
    teams: &[&'a Loaded],
    what: &str,
    id: &str,
    find: impl Fn(&Loaded) -> Option<usize>,
) -> Result<(&'a Loaded, usize), Error> {
    let found: Vec<(&Loaded, usize)> = teams
        .iter()
        .filter_map(|t| find(t).map(|i| (*t, i)))
        .collect();
    match found.as_slice() {
        [] => Err(Error::Usage(format!("no {what} has the id `{id}`"))),
        [one] => Ok(*one),
        several => {
            let slugs: Vec<&str> = several
                .iter()
                .map(|(t, _)| t.spec.calendar.slug.as_str())
                .collect();
            Err(Error::Usage(format!(
                "the {what} `{id}` is in several teams ({}): choose one with `--team`",
                slugs.join(", ")
            )))
        }
    }
}

/// Where a team's feeds are under an output (or `--previous`) folder.
fn team_dir(ws: &Workspace, dir: &Path, team: &Loaded) -> PathBuf {
    if ws.many {
        dir.join(&team.spec.calendar.slug)
    } else {
        dir.to_path_buf()
    }
}

fn team_feed(team: &Loaded, prev: &PreviousFeeds, build: BuildInfo, kind: FeedKind) -> Vec<u8> {
    let expander = Expander::new(&team.spec);
    Renderer::new(&expander, prev, build).feed(kind)
}

/// What the combined feed needs of a team.
struct Rendered {
    /// The events and zones of its team feed.
    events: Vec<Event>,
    zones: Vec<(&'static str, chrono_tz::Tz, i32, i32)>,
}

fn render_team(team: &Loaded, prev: &PreviousFeeds, build: BuildInfo) -> Rendered {
    let expander = Expander::new(&team.spec);
    let renderer = Renderer::new(&expander, prev, build);
    Rendered {
        events: renderer.events(FeedKind::Team),
        zones: renderer.zone_years().collect(),
    }
}

fn combined(teams: &[&Loaded], rendered: &[Rendered]) -> Result<Vec<u8>, Error> {
    let parts: Vec<TeamEvents<'_>> = teams
        .iter()
        .zip(rendered)
        .map(|(t, r)| TeamEvents {
            spec: &t.spec,
            events: &r.events,
            zones: &r.zones,
        })
        .collect();
    combined_feed(&parts).map_err(|c| Error::Usage(c.to_string()))
}

/// Every feed file of a build, relative to the output folder. Feeds are
/// rendered in parallel and kept in `kinds()` order.
pub fn feed_files(renderer: &Renderer<'_>) -> Vec<OutFile> {
    renderer
        .kinds()
        .into_par_iter()
        .map(|kind| OutFile {
            path: PathBuf::from(renderer.file_name(kind)),
            bytes: renderer.feed(kind),
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn build_cmd(
    loaded: &Loaded,
    spec_path: &Path,
    out: &Path,
    check: bool,
    previous: Option<&Path>,
    prune: bool,
    force: bool,
    build: BuildInfo,
) -> Result<i32, Error> {
    if !force {
        refuse_dangerous_out(spec_path, out)?;
    }
    let prev = read_previous(previous.unwrap_or(out));
    let expander = Expander::new(&loaded.spec);
    let renderer = Renderer::new(&expander, &prev, build);
    let mut publisher = Publisher::new(out, check);
    stage_feeds(&renderer, None, Path::new(""), &mut publisher)?;
    let stale = stale_feeds(out, &feed_paths(&renderer, Path::new("")));
    let page = crate::html::out_file(&renderer, build.now);
    publisher.finish(vec![page], stale, prune)
}

/// Feeds rendered in parallel at a time: enough to keep the cores busy,
/// few enough that memory does not grow with the number of feeds.
const FEEDS_AT_ONCE: usize = 64;

/// Renders every feed of a team and hands each to the publisher as soon
/// as its batch is rendered, in `kinds()` order.
fn stage_feeds(
    renderer: &Renderer<'_>,
    team_events: Option<&[Event]>,
    dir: &Path,
    publisher: &mut Publisher,
) -> Result<(), Error> {
    let kinds = renderer.kinds();
    let Some((&team, rest)) = kinds.split_first() else {
        return Ok(());
    };
    let render = |kind: FeedKind| OutFile {
        path: dir.join(renderer.file_name(kind)),
        bytes: match (kind, team_events) {
            (FeedKind::Team, Some(events)) => renderer.feed_of(kind, events),
            _ => renderer.feed(kind),
        },
    };
    // The team feed (all events) takes as long as many batches of the
    // others: it is rendered alongside them, and reported first.
    let team_place = publisher.reserve();
    let (team_file, staged) = rayon::join(
        || render(team),
        || -> Result<(), Error> {
            for batch in rest.chunks(FEEDS_AT_ONCE) {
                let files: Vec<OutFile> = batch.par_iter().map(|&k| render(k)).collect();
                for f in &files {
                    publisher.add(f)?;
                }
            }
            Ok(())
        },
    );
    staged?;
    publisher.add_at(team_place, &team_file)
}

/// The paths of a team's feeds, relative to the output folder.
fn feed_paths(renderer: &Renderer<'_>, dir: &Path) -> Vec<PathBuf> {
    renderer
        .kinds()
        .into_iter()
        .map(|kind| dir.join(renderer.file_name(kind)))
        .collect()
}

/// A many-teams build: each team into `OUT/<slug>/` as a single-file
/// build writes it, and `OUT/rituals.ics` with every team's events. Teams
/// are rendered in parallel; the output does not depend on the order
/// they finish in.
#[allow(clippy::too_many_arguments)]
fn build_teams(
    teams: &[Loaded],
    out: &Path,
    check: bool,
    previous: Option<&Path>,
    prune: bool,
    force: bool,
    build: BuildInfo,
) -> Result<i32, Error> {
    if !force {
        for t in teams {
            if let Some(path) = &t.source.path {
                refuse_dangerous_out(path, out)?;
            }
        }
    }
    let prev_dir = previous.unwrap_or(out);
    // Team by team (each one's feeds in parallel), staging feeds as they
    // are rendered; only the team feeds' events are kept, for the
    // combined feed.
    let mut publisher = Publisher::new(out, check);
    let mut rendered = Vec::new();
    let mut pages = Vec::new();
    let mut stale = Vec::new();
    for t in teams {
        let slug = Path::new(&t.spec.calendar.slug);
        let prev = read_previous(&prev_dir.join(slug));
        let expander = Expander::new(&t.spec);
        let renderer = Renderer::new(&expander, &prev, build);
        let events = renderer.events(FeedKind::Team);
        stage_feeds(&renderer, Some(&events), slug, &mut publisher)?;
        stale.extend(stale_feeds(
            &out.join(slug),
            &feed_paths(&renderer, Path::new("")),
        ));
        let page = crate::html::out_file(&renderer, build.now);
        pages.push(OutFile {
            path: slug.join(page.path),
            bytes: page.bytes,
        });
        rendered.push(Rendered {
            events,
            zones: renderer.zone_years().collect(),
        });
    }
    let refs: Vec<&Loaded> = teams.iter().collect();
    let combined_file = OutFile {
        path: PathBuf::from("rituals.ics"),
        bytes: combined(&refs, &rendered)?,
    };
    drop(rendered);
    stale.extend(stale_feeds(out, std::slice::from_ref(&combined_file.path)));
    publisher.add(&combined_file)?;
    let specs: Vec<&crate::model::Spec> = teams.iter().map(|t| &t.spec).collect();
    pages.push(crate::html::teams::out_file(&specs));
    publisher.finish(pages, stale, prune)
}

/// Refuses to write feeds over the spec's own folder or the root.
fn refuse_dangerous_out(spec_path: &Path, out: &Path) -> Result<(), Error> {
    let canon = |p: &Path| std::fs::canonicalize(p).ok();
    let out_c = canon(out);
    let spec_dir = spec_path.parent().map(|p| {
        if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        }
    });
    let spec_dir_c = spec_dir.and_then(canon);
    if out_c.as_deref() == Some(Path::new("/")) || (out_c.is_some() && out_c == spec_dir_c) {
        return Err(Error::Usage(format!(
            "refusing to write feeds into `{}`, the spec's own folder or the root; choose another `-o` or pass `--force`",
            out.display()
        )));
    }
    Ok(())
}

/// Reads every feed of ours in a folder (and its `people/`).
pub fn read_previous(dir: &Path) -> PreviousFeeds {
    let mut prev = PreviousFeeds::default();
    for path in our_feeds(dir) {
        if let Ok(text) = std::fs::read_to_string(&path) {
            prev.add_feed(&text);
        }
    }
    prev
}

/// `.ics` files in `dir` and `dir/people` that this tool wrote.
fn our_feeds(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for d in [dir.to_path_buf(), dir.join("people")] {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e == "ics") && is_ours(&p) {
                out.push(p);
            }
        }
    }
    out
}

fn is_ours(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 256];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    String::from_utf8_lossy(&head[..n]).contains("PRODID:-//rituals//")
}

fn stale_feeds(out: &Path, files: &[PathBuf]) -> Vec<PathBuf> {
    // A set: 10,000 ritual feeds against 10,000 files would be quadratic.
    let current: std::collections::HashSet<PathBuf> = files.iter().map(|f| out.join(f)).collect();
    our_feeds(out)
        .into_iter()
        .filter(|p| !current.contains(p))
        .collect()
}

/// Human lines naming the UIDs added, changed or removed between feeds.
pub(crate) fn uid_changes(old: &str, new: &str) -> Vec<String> {
    let mut a = PreviousFeeds::default();
    a.add_feed(old);
    let mut b = PreviousFeeds::default();
    b.add_feed(new);
    let mut lines = Vec::new();
    let mut new_uids: Vec<&str> = b.uids().collect();
    new_uids.sort_unstable();
    for uid in &new_uids {
        match a.content(uid) {
            None => lines.push(format!("added    {uid}")),
            Some(c) if Some(c) != b.content(uid) => lines.push(format!("changed  {uid}")),
            _ => {}
        }
    }
    let mut old_uids: Vec<&str> = a.uids().filter(|u| b.content(u).is_none()).collect();
    old_uids.sort_unstable();
    lines.extend(old_uids.into_iter().map(|u| format!("removed  {u}")));
    lines
}
