//! `rituals check`, and the lint pass that `build` shares with it.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::config::Clock;
use crate::diagnostic::{Diagnostic, Severity, render, use_color};
use crate::error::{Error, FileDiagnostics};
use crate::expand::Expander;
use crate::load::Team;

/// Validates and lints the specs `inputs` name; prints every finding on
/// standard error, then a one-line summary.
///
/// Exit codes: 0 clean (warnings and infos allowed unless `strict`), 1
/// errors found or warnings under `strict`.
///
/// # Errors
/// `Error::Read` or `Error::Usage` when the input cannot be read at all
/// (exit 2).
pub fn check(
    inputs: &[PathBuf],
    recursive: bool,
    max_bytes: u64,
    clock: &Clock,
    strict: bool,
) -> Result<i32, Error> {
    let (files, clean): (Vec<FileDiagnostics>, Vec<String>) =
        match crate::load::load(inputs, recursive, max_bytes, clock) {
            Ok(ws) => (
                ws.teams
                    .iter()
                    .flat_map(|t| lint(t, clock.today()))
                    .collect(),
                ws.teams.iter().map(|t| t.source.name.clone()).collect(),
            ),
            Err(Error::Spec {
                source,
                diagnostics,
            }) => (
                vec![FileDiagnostics {
                    source: *source,
                    diagnostics,
                }],
                Vec::new(),
            ),
            Err(Error::Specs(files)) => (files, Vec::new()),
            Err(e) => return Err(e),
        };
    eprint!("{}", report(&files));
    let count = |s| {
        files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| d.severity == s)
            .count()
    };
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    if errors + warnings + infos == 0 {
        for name in clean {
            eprintln!("{name}: ok");
        }
        return Ok(0);
    }
    let mut parts = Vec::new();
    for (n, word) in [(errors, "error"), (warnings, "warning"), (infos, "info")] {
        if n > 0 {
            let plural = if n == 1 || word == "info" { "" } else { "s" };
            parts.push(format!("{n} {word}{plural}"));
        }
    }
    let mut names: Vec<&str> = files.iter().map(|f| f.source.name.as_str()).collect();
    names.dedup();
    let failed = errors > 0 || strict && warnings > 0;
    let strict_note = if failed && errors == 0 {
        "; warnings fail the check under `--strict`"
    } else {
        ""
    };
    eprintln!("{}: {}{strict_note}", names.join(", "), parts.join(", "));
    Ok(i32::from(failed))
}

/// The lint findings on a team, each with the file it is about; files
/// without findings are left out.
pub fn lint(team: &Team, today: NaiveDate) -> Vec<FileDiagnostics> {
    let mut per_file: Vec<Vec<Diagnostic>> = vec![Vec::new(); team.files.len()];
    for (ritual, d) in crate::lint::lint(&Expander::new(&team.spec), today) {
        let file = ritual
            .and_then(|i| team.ritual_file.get(i).copied())
            .unwrap_or(0);
        per_file[file].push(d);
    }
    per_file
        .into_iter()
        .zip(&team.files)
        .filter(|(d, _)| !d.is_empty())
        .map(|(diagnostics, f)| FileDiagnostics {
            source: f.source.clone(),
            diagnostics,
        })
        .collect()
}

/// For `build`: prints lint warnings and infos on standard error.
///
/// # Errors
/// `Error::Specs` when a lint reports an error: nothing may be written.
pub fn lint_for_build(teams: &[Team], today: NaiveDate) -> Result<(), Error> {
    let files: Vec<FileDiagnostics> = teams.iter().flat_map(|t| lint(t, today)).collect();
    if files
        .iter()
        .flat_map(|f| &f.diagnostics)
        .any(Diagnostic::is_error)
    {
        return Err(Error::Specs(files));
    }
    eprint!("{}", report(&files));
    Ok(())
}

/// Every diagnostic rendered against its own file.
pub fn report(files: &[FileDiagnostics]) -> String {
    let color = use_color();
    files
        .iter()
        .flat_map(|f| {
            f.diagnostics
                .iter()
                .map(|d| render(d, &f.source.name, &f.source.text, color))
        })
        .collect()
}
