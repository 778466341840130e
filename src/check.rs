//! `rituals check`, and the lint pass that `build` shares with it.

use std::path::Path;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity, render, use_color};
use crate::error::Error;
use crate::expand::Expander;
use crate::run::{Loaded, load};
use crate::spec::Source;

/// Validates and lints `file`; prints every finding on standard error.
///
/// Exit codes: 0 clean (warnings and infos allowed unless `strict`), 1
/// errors found or warnings under `strict`.
///
/// # Errors
/// `Error::Read` when the file cannot be read at all (exit 2).
pub fn check(file: &Path, config: &Config, strict: bool) -> Result<i32, Error> {
    let (source, diagnostics) = match load(file, config.input.max_input_bytes, &config.clock) {
        Ok(loaded) => {
            let found = lint(&loaded, config.clock.today());
            (loaded.source, found)
        }
        Err(Error::Spec {
            source,
            diagnostics,
        }) => (*source, diagnostics),
        Err(e) => return Err(e),
    };
    eprint!("{}", report(&source, &diagnostics));
    let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let mut parts = Vec::new();
    for (n, word) in [(errors, "error"), (warnings, "warning"), (infos, "info")] {
        if n > 0 {
            parts.push(format!(
                "{n} {word}{}",
                if n == 1 || word == "info" { "" } else { "s" }
            ));
        }
    }
    let failed = errors > 0 || strict && warnings > 0;
    match (parts.is_empty(), failed) {
        (true, _) => eprintln!("{}: ok", source.name),
        (false, false) => eprintln!("{}: {}", source.name, parts.join(", ")),
        (false, true) if errors == 0 => eprintln!(
            "{}: {}; warnings fail the check under `--strict`",
            source.name,
            parts.join(", ")
        ),
        (false, true) => eprintln!("{}: {}", source.name, parts.join(", ")),
    }
    Ok(i32::from(failed))
}

/// The lint findings on a loaded spec.
pub fn lint(loaded: &Loaded, today: chrono::NaiveDate) -> Vec<Diagnostic> {
    crate::lint::lint(&Expander::new(&loaded.spec), today)
}

/// For `build`: prints lint warnings and infos on standard error.
///
/// # Errors
/// `Error::Spec` when a lint reports an error: nothing may be written.
pub fn lint_for_build(loaded: &Loaded, today: chrono::NaiveDate) -> Result<(), Error> {
    let found = lint(loaded, today);
    if found.iter().any(Diagnostic::is_error) {
        return Err(Error::Spec {
            source: Box::new(loaded.source.clone()),
            diagnostics: found,
        });
    }
    eprint!("{}", report(&loaded.source, &found));
    Ok(())
}

/// Every diagnostic rendered against its source.
pub fn report(source: &Source, diagnostics: &[Diagnostic]) -> String {
    let color = use_color();
    diagnostics
        .iter()
        .map(|d| render(d, &source.name, &source.text, color))
        .collect()
}
