//! `rituals print`: write one feed (a ritual's, a person's, the team's, or
//! the combined feed of several teams) on standard output.

use std::io::Write;
use std::path::Path;

use crate::error::Error;
use crate::expand::Expander;
use crate::load::{Team, Workspace};
use crate::output::feeds::{Rendered, combined, render_team, team_dir, team_feed};
use crate::output::previous::read_previous;
use crate::render::ics::{BuildInfo, FeedKind, Renderer};

use super::teams::{find_in_teams, select_teams};

/// What `print` was asked for.
#[derive(Clone, Copy, Debug)]
pub struct PrintOptions<'a> {
    pub ritual: Option<&'a str>,
    pub person: Option<&'a str>,
    /// Where the previously published feeds are (their DTSTAMPs and
    /// SEQUENCEs are kept).
    pub previous: Option<&'a Path>,
    pub team: Option<&'a str>,
    pub build: BuildInfo,
}

/// Prints the feed asked for; returns the exit code.
///
/// # Errors
/// `Error::Usage` when no team, ritual or person has the id given (or
/// several do), `Error::Io` when standard output cannot be written.
pub fn run(ws: &Workspace, opts: &PrintOptions<'_>) -> Result<i32, Error> {
    let PrintOptions {
        ritual,
        person,
        previous,
        team,
        build,
    } = *opts;
    let teams = select_teams(ws, team)?;
    let prev_of = |t: &Team| {
        previous
            .map(|dir| read_previous(&team_dir(ws, dir, t)))
            .unwrap_or_default()
    };
    let bytes = match (ritual, person) {
        (Some(id), _) => {
            let (t, i) = find_in_teams(&teams, "ritual", id, |t| {
                t.spec.rituals.iter().position(|r| r.id == id)
            })?;
            team_feed(t, &prev_of(t), build, FeedKind::Ritual(i))
        }
        (None, Some(id)) => {
            let (t, i) = find_in_teams(&teams, "person", id, |t| {
                t.spec.people.iter().position(|p| p.id == id)
            })?;
            team_feed(t, &prev_of(t), build, FeedKind::Person(i))
        }
        (None, None) if teams.len() == 1 => {
            // The team feed is written as it is rendered, never held whole.
            let t = teams[0];
            let prev = prev_of(t);
            let expander = Expander::new(&t.spec);
            let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            Renderer::new(&expander, &prev, build).write_feed(FeedKind::Team, &mut stdout)?;
            stdout.flush()?;
            return Ok(0);
        }
        (None, None) => {
            let rendered: Vec<Rendered> = crate::par::map(&teams, crate::par::FILES, |t| {
                render_team(t, &prev_of(t), build)
            });
            combined(&teams, &rendered)?
        }
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&bytes)?;
    stdout.flush()?;
    Ok(0)
}
