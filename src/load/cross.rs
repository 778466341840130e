//! Checks across the teams of one build: output folders, UIDs and people
//! must not clash.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::Loc;
use crate::spec::field_path_at;
use crate::validate::describe_person;

use super::Team;

/// A diagnostic about file `.1` of team `.0`.
pub type TeamDiagnostic = (usize, usize, Diagnostic);

/// Every clash between teams, reported at the later of the two places and
/// naming the earlier one.
pub fn check(teams: &[Team]) -> Vec<TeamDiagnostic> {
    let mut out = Vec::new();
    // One team's own clashes are validation's: nothing to compare.
    if teams.len() < 2 {
        return out;
    }
    slugs(teams, &mut out);
    uids(teams, &mut out);
    people(teams, &mut out);
    out
}

fn place(teams: &[Team], t: usize, f: usize, at: Loc) -> String {
    format!(
        "{}:{}:{}",
        teams[t].files[f].source.name, at.line, at.column
    )
}

fn path_at(teams: &[Team], t: usize, f: usize, at: Loc) -> String {
    field_path_at(&teams[t].files[f].source.text, at.line)
}

fn slugs(teams: &[Team], out: &mut Vec<TeamDiagnostic>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (t, team) in teams.iter().enumerate() {
        let slug = team.spec.calendar.slug.as_str();
        match seen.get(slug) {
            Some(&first) => out.push((
                t,
                0,
                Diagnostic::error(
                    format!(
                        "this calendar's folder `{slug}` is already the folder of the calendar at {}",
                        place(teams, first, 0, teams[first].name_at)
                    ),
                    Some(team.name_at),
                    "calendar.name",
                )
                .hint("each team is written to `OUT/<folder>/`, named after `calendar.name`: give the calendars distinct names"),
            )),
            None => {
                seen.insert(slug, t);
            }
        }
    }
}

fn uids(teams: &[Team], out: &mut Vec<TeamDiagnostic>) {
    // UID → (team, file, place of the ritual's id).
    let mut seen: HashMap<&str, (usize, usize, Loc)> = HashMap::new();
    for (t, team) in teams.iter().enumerate() {
        let mut facts = team.facts.uids.iter().peekable();
        while let Some(fact) = facts.next() {
            let f = fact.file;
            let canon = team.files[f].canon.as_ref();
            match seen.get(fact.uid.as_str()) {
                // One file included by two teams: the same ritual.
                Some(&(t0, f0, at0))
                    if canon.is_some()
                        && teams[t0].files[f0].canon.as_ref() == canon
                        && at0 == fact.at => {}
                Some(&(t0, f0, at0)) => {
                    out.push((
                        t,
                        f,
                        Diagnostic::error(
                            format!(
                                "ritual `{}` has the UID `{}`, already used by the ritual at {}",
                                fact.ritual,
                                fact.uid,
                                place(teams, t0, f0, at0)
                            ),
                            Some(fact.at),
                            path_at(teams, t, f, fact.at),
                        )
                        .hint(format!(
                            "a UID is the ritual id and the calendar's `domain` (`{}`) and must be unique in the whole build: rename one ritual, or give the teams distinct domains",
                            team.spec.calendar.domain
                        )),
                    ));
                    // One message per ritual: skip its other segments.
                    while facts
                        .next_if(|next| next.at == fact.at && next.file == f)
                        .is_some()
                    {}
                }
                None => {
                    seen.insert(&fact.uid, (t, f, fact.at));
                }
            }
        }
    }
}

fn people(teams: &[Team], out: &mut Vec<TeamDiagnostic>) {
    // Person id → (team, index in that team's people).
    let mut seen: HashMap<&str, (usize, usize)> = HashMap::new();
    for (t, team) in teams.iter().enumerate() {
        for (k, person) in team.spec.people.iter().enumerate() {
            match seen.get(person.id.as_str()) {
                Some(&(t0, k0)) if teams[t0].spec.people[k0] == *person => {}
                Some(&(t0, k0)) => {
                    let (f0, at0) = teams[t0].person_at[k0];
                    let (f, at) = team.person_at[k];
                    let first = &teams[t0].spec.people[k0];
                    out.push((
                        t,
                        f,
                        Diagnostic::error(
                            format!(
                                "person `{}` is already defined differently at {}",
                                person.id,
                                place(teams, t0, f0, at0)
                            ),
                            Some(at),
                            path_at(teams, t, f, at),
                        )
                        .hint(format!(
                            "one id is one person in the whole build only when name and e-mail agree: {} there, {} here; use another id for another person",
                            describe_person(first),
                            describe_person(person)
                        )),
                    ));
                }
                None => {
                    seen.insert(&person.id, (t, k));
                }
            }
        }
    }
}
