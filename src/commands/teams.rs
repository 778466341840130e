//! Which team(s) a command works on: `--team`, and the team a ritual or
//! person id belongs to.

use crate::error::Error;
use crate::load::{Team, Workspace};

/// The teams a command works on: all, or the one `--team` names.
pub fn select_teams<'a>(ws: &'a Workspace, team: Option<&str>) -> Result<Vec<&'a Team>, Error> {
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
pub fn find_in_teams<'a>(
    teams: &[&'a Team],
    what: &str,
    id: &str,
    find: impl Fn(&Team) -> Option<usize>,
) -> Result<(&'a Team, usize), Error> {
    let found: Vec<(&Team, usize)> = teams
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
