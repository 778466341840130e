//! `rituals agenda`: list the occurrences in a date window, in time order,
//! as a table or JSON lines, streamed.

use std::io::Write;

use crate::error::Error;
use crate::expand::Expander;
use crate::load::Workspace;
use crate::render::agenda::stream::{TeamWindow, write};
use crate::render::agenda::{Format, Window};

use super::teams::select_teams;

/// Writes the agenda of the window on standard output; returns the exit
/// code.
///
/// # Errors
/// `Error::Usage` when no team has the slug `team` or no person the id
/// `person`, `Error::Io` when standard output cannot be written.
pub fn run(
    ws: &Workspace,
    window: Window,
    format: Format,
    person: Option<&str>,
    team: Option<&str>,
) -> Result<i32, Error> {
    let teams = select_teams(ws, team)?;
    // A person is looked up in each team: with several teams, one
    // may belong to some of them only.
    let people: Vec<Option<Option<usize>>> = teams
        .iter()
        .map(|t| match person {
            None => Some(None),
            Some(id) => t.spec.people.iter().position(|p| p.id == *id).map(Some),
        })
        .collect();
    if let Some(id) = person
        && people.iter().all(Option::is_none)
    {
        return Err(Error::Usage(format!("no person has the id `{id}`")));
    }
    // Streamed: a k-way merge of every ritual's occurrences in
    // order, so memory does not grow with the window.
    let expanders: Vec<Expander<'_>> = teams.iter().map(|t| Expander::new(&t.spec)).collect();
    let windows: Vec<TeamWindow<'_>> = expanders
        .iter()
        .zip(&people)
        .filter_map(|(x, p)| {
            p.map(|person| TeamWindow {
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
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    write(&windows, &slugs, window, format, &mut stdout)?;
    stdout.flush()?;
    Ok(0)
}
