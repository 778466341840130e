//! Lint findings on loaded teams, grouped by the file each is about, and
//! rendered against that file.

use std::io::Write as _;

use chrono::NaiveDate;

use crate::diagnostic::{Diagnostic, render, use_color};
use crate::error::{Error, FileDiagnostics};
use crate::expand::Expander;
use crate::load::Team;

/// The lint findings on a team, each with the file it is about; files
/// without findings are left out.
pub fn by_file(team: &Team, today: NaiveDate) -> Vec<FileDiagnostics> {
    let mut per_file: Vec<Vec<Diagnostic>> =
        team.files.iter().map(|f| f.warnings.clone()).collect();
    for (ritual, d) in super::lint(&Expander::new(&team.spec), today) {
        let file = ritual
            .and_then(|i| team.ritual_file.get(i).copied())
            .unwrap_or(0);
        per_file[file].push(d);
    }
    // In source order; stable, so findings at one place keep their order.
    for diags in &mut per_file {
        diags.sort_by_key(|d| d.loc.map_or((u32::MAX, 0), |l| (l.line, l.column)));
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
pub fn for_build(teams: &[Team], today: NaiveDate) -> Result<(), Error> {
    // A lean workspace's teams were linted at load (`load::lean`).
    let files: Vec<FileDiagnostics> = teams
        .iter()
        .flat_map(|t| t.lints.clone().unwrap_or_else(|| by_file(t, today)))
        .collect();
    if files
        .iter()
        .flat_map(|f| &f.diagnostics)
        .any(Diagnostic::is_error)
    {
        return Err(Error::Specs(files));
    }
    let _ = write!(crate::pipe::stderr(), "{}", render_all(&files));
    Ok(())
}

/// Every diagnostic rendered against its own file.
pub fn render_all(files: &[FileDiagnostics]) -> String {
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
