//! A team's spec: the built file and the files it includes, validated as
//! one spec whose diagnostics say which file they are about.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::{Calendar, Loc, Person, Ritual, Spec};
use crate::spec::raw::RawSpec;

use super::{Context, Validator, loc};

/// One file of a team, as parsed; `name` is how errors name it.
pub struct TeamFile<'a> {
    pub name: &'a str,
    pub raw: &'a RawSpec,
}

/// A validated team and where each of its parts came from.
#[derive(Debug)]
pub struct ValidTeam {
    pub spec: Spec,
    /// For each ritual of `spec`, the index of its file.
    pub ritual_file: Vec<usize>,
    /// For each person of `spec`, the file and place of its first definition.
    pub person_at: Vec<(usize, Loc)>,
}

/// A diagnostic and the index of the file it is about.
pub type FileDiagnostic = (usize, Diagnostic);

/// Validates `files[0]` with every file it includes (`files[1..]`, in
/// include order): people and rituals are pooled, the calendar is the
/// first file's.
///
/// # Errors
/// Every error-level diagnostic, tagged with its file: those of
/// `validate::validate` for each file, plus a missing `calendar` in the
/// first file, a `calendar` in an included one, a ritual id used in two
/// files and a person id defined differently in two files.
pub fn validate_team(
    files: &[TeamFile<'_>],
    ctx: &Context,
) -> Result<ValidTeam, Vec<FileDiagnostic>> {
    let mut v = Validator {
        diags: Vec::new(),
        calendar_since_given: files
            .first()
            .and_then(|f| f.raw.calendar.as_ref())
            .is_some_and(|c| c.value.since.is_some()),
    };
    let mut out: Vec<FileDiagnostic> = Vec::new();
    let calendar = team_calendar(&mut v, &mut out, files, ctx);
    let (people, person_at) = pooled_people(&mut v, &mut out, files);
    let (rituals, ritual_file) =
        pooled_rituals(&mut v, &mut out, files, calendar.as_ref(), &people);
    // In source order, file by file, whatever order the checks ran in;
    // stable, so that problems found at one place keep their order.
    out.sort_by_key(|(f, d)| (*f, d.loc.map_or((u32::MAX, 0), |l| (l.line, l.column))));
    match calendar {
        Some(calendar) if out.iter().all(|(_, d)| !d.is_error()) => Ok(ValidTeam {
            spec: Spec {
                calendar,
                people: people.into_iter().map(|(p, _)| p).collect(),
                rituals,
            },
            ritual_file,
            person_at,
        }),
        _ => Err(out),
    }
}

/// Moves the validator's diagnostics to `out`, tagged with `file`.
fn flush(v: &mut Validator, out: &mut Vec<FileDiagnostic>, file: usize) {
    out.extend(v.diags.drain(..).map(|d| (file, d)));
}

/// `file:line:column`, for messages that point at another place.
fn place(files: &[TeamFile<'_>], file: usize, at: Loc) -> String {
    format!("{}:{}:{}", files[file].name, at.line, at.column)
}

/// The first file's calendar; an included file may not have one.
fn team_calendar(
    v: &mut Validator,
    out: &mut Vec<FileDiagnostic>,
    files: &[TeamFile<'_>],
    ctx: &Context,
) -> Option<Calendar> {
    let calendar = match files.first().and_then(|f| f.raw.calendar.as_ref()) {
        Some(c) => v.calendar(c, ctx),
        None => {
            v.push(
                Diagnostic::error("the spec has no `calendar:` section", None, "calendar").hint(
                    "add `calendar:` with at least `name`, `timezone` and `domain`; only included files may omit it",
                ),
            );
            None
        }
    };
    flush(v, out, 0);
    for (f, file) in files.iter().enumerate().skip(1) {
        if let Some(c) = &file.raw.calendar {
            v.push(
                Diagnostic::error(
                    format!(
                        "an included file may not have a `calendar:` section (included by `{}`)",
                        files[0].name
                    ),
                    Some(loc(c)),
                    "calendar",
                )
                .hint("an included file adds `people` and `rituals` only; they take the calendar (time zone, domain, holidays) of the file that is built: remove this section"),
            );
        }
        flush(v, out, f);
    }
    calendar
}

/// The people of a team, and for each the file and place of its first
/// definition.
type PooledPeople = (Vec<(Person, Loc)>, Vec<(usize, Loc)>);

/// Every file's people, pooled: a person defined in two files must be
/// defined alike. Also gives where each was first defined.
fn pooled_people(
    v: &mut Validator,
    out: &mut Vec<FileDiagnostic>,
    files: &[TeamFile<'_>],
) -> PooledPeople {
    let mut people: Vec<(Person, Loc)> = Vec::new();
    let mut person_at: Vec<(usize, Loc)> = Vec::new();
    for (f, file) in files.iter().enumerate() {
        for (i, (person, at)) in v.people(&file.raw.people).into_iter().enumerate() {
            match people.iter().position(|(q, _)| q.id == person.id) {
                // Same file: `people` already reported the duplicate.
                Some(k) if person_at[k].0 == f => {}
                Some(k) if people[k].0 == person => {}
                Some(k) => {
                    let first = &people[k].0;
                    v.push(
                        Diagnostic::error(
                            format!(
                                "person `{}` is already defined differently at {}",
                                person.id,
                                place(files, person_at[k].0, person_at[k].1)
                            ),
                            Some(at),
                            format!("people[{i}].id"),
                        )
                        .hint(format!(
                            "one id is one person only when name and e-mail agree: {} there, {} here; use another id for another person",
                            describe_person(first),
                            describe_person(&person)
                        )),
                    );
                }
                None => {
                    people.push((person, at));
                    person_at.push((f, at));
                }
            }
        }
        flush(v, out, f);
    }
    (people, person_at)
}

/// Every file's rituals, validated against the calendar and the pooled
/// people; ids are unique across files. Also gives each one's file.
fn pooled_rituals(
    v: &mut Validator,
    out: &mut Vec<FileDiagnostic>,
    files: &[TeamFile<'_>],
    calendar: Option<&Calendar>,
    people: &[(Person, Loc)],
) -> (Vec<Ritual>, Vec<usize>) {
    let mut rituals = Vec::new();
    let mut ritual_file = Vec::new();
    // A map: a list would make 10,000 rituals cost 50 million compares.
    let mut seen: HashMap<&str, (usize, Loc)> = HashMap::new();
    for (f, file) in files.iter().enumerate() {
        // Each ritual is validated on its own (in parallel for many), its
        // diagnostics then reported in file order, as one at a time.
        let since_given = v.calendar_since_given;
        let validated: Vec<(Option<Ritual>, Vec<Diagnostic>)> =
            crate::par::map_indices(file.raw.rituals.len(), crate::par::RITUALS, |i| {
                let Some(cal) = calendar else {
                    return (None, Vec::new());
                };
                let mut own = Validator {
                    diags: Vec::new(),
                    calendar_since_given: since_given,
                };
                let ritual = own.ritual(i, &file.raw.rituals[i].value, cal, people);
                (ritual, own.diags)
            });
        for ((i, r), (ritual, diags)) in file.raw.rituals.iter().enumerate().zip(validated) {
            let id = &r.value.id;
            if let Some((first_file, first)) = seen.get(id.value.as_str()) {
                let there = if *first_file == f {
                    format!("line {}", first.line)
                } else {
                    place(files, *first_file, *first)
                };
                v.error(
                    format!("ritual id `{}` is already used at {there}", id.value),
                    id,
                    format!("rituals[{i}].id"),
                );
            }
            seen.entry(&id.value).or_insert((f, loc(id)));
            v.diags.extend(diags);
            if let Some(ritual) = ritual {
                rituals.push(ritual);
                ritual_file.push(f);
            }
        }
        flush(v, out, f);
    }
    if seen.is_empty() {
        out.push((
            0,
            Diagnostic::error(
                "the spec has no rituals: expected a `rituals:` list",
                None,
                "rituals",
            )
            .hint("add at least one ritual with `id`, `title`, `every` and `time`"),
        ));
    }
    (rituals, ritual_file)
}

/// `Name <e-mail>`, for messages about people who clash.
pub fn describe_person(p: &Person) -> String {
    match &p.email {
        Some(e) => format!("`{} <{e}>`", p.name),
        None => format!("`{}` (no e-mail)", p.name),
    }
}
