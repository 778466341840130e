//! `rituals check`: validate and lint the specs, print every finding.

use std::io::Write as _;
use std::path::PathBuf;

use crate::config::Clock;
use crate::diagnostic::Severity;
use crate::error::{Error, FileDiagnostics};
use crate::lint::report::{by_file, render_all};

/// Validates and lints the specs `inputs` name; prints every finding on
/// standard error, then a one-line summary.
///
/// Exit codes: 0 clean (warnings and infos allowed unless `strict`), 1
/// errors found or warnings under `strict`.
///
/// # Errors
/// `Error::Read` or `Error::Usage` when the input cannot be read at all
/// (exit 2).
pub fn run(
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
                    .flat_map(|t| by_file(t, clock.today()))
                    .collect(),
                ws.teams.iter().map(|t| t.source().name.clone()).collect(),
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
    // The report is the result: a reader that goes away does not change
    // the exit status (see `pipe`).
    let mut stderr = crate::pipe::stderr();
    let _ = write!(stderr, "{}", render_all(&files));
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
            let _ = writeln!(stderr, "{name}: ok");
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
    let _ = writeln!(
        stderr,
        "{}: {}{strict_note}",
        names.join(", "),
        parts.join(", ")
    );
    Ok(i32::from(failed))
}
