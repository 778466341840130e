//! Running a command: load the specs, then build, print, list or check.
//! One spec file builds into the output folder; a folder of specs (or
//! several files) builds each team into `OUT/<slug>/` plus a combined
//! `OUT/rituals.ics`.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::build::{
    BuildOptions, Rendered, build_cmd, build_teams, combined, render_team, team_dir, team_feed,
};
use crate::config::{Action, Clock, Config};
use crate::error::Error;
use crate::expand::Expander;
use crate::ics::{BuildInfo, FeedKind};
use crate::load::Workspace;
use crate::previous::read_previous;

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
        Action::Import(job) => return crate::import_cmd::run(job),
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
            let opts = BuildOptions {
                out: &out,
                check,
                previous: previous.as_deref(),
                prune,
                force,
                build,
            };
            if ws.many {
                build_teams(&ws.teams, &opts)
            } else {
                let loaded = &ws.teams[0];
                let file = loaded
                    .source
                    .path
                    .clone()
                    .unwrap_or_else(|| PathBuf::from("-"));
                build_cmd(loaded, &file, &opts)
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
            crate::agenda_stream::write(&windows, &slugs, window, format, &mut stdout)?;
            stdout.flush()?;
            Ok(0)
        }
        Action::Check { .. } => unreachable!("`check` returns before loading"),
        Action::Standalone(cmd) => crate::standalone::run(cmd),
        Action::Import(job) => crate::import_cmd::run(job),
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
