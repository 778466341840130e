//! `rituals holidays CODE [YEAR]`: a year's public holidays of a region,
//! so that a user sees what `holidays: CODE` will skip.

use std::io::Write;
use std::path::PathBuf;

use chrono::Datelike;

use crate::config::{Clock, HolidaysCmd};
use crate::error::Error;
use crate::holidays::{Region, listing};
use crate::model::Language;

/// Prints the listing; returns the exit code.
///
/// # Errors
/// `Error::Usage` for an unknown code (with the known codes of its
/// country); the spec's errors when `-f FILE` does not load.
pub fn run(cmd: HolidaysCmd, clock: &Clock) -> Result<i32, Error> {
    let region = Region::lookup(&cmd.code).map_err(|e| Error::Usage(e.to_string()))?;
    let year = cmd.year.unwrap_or_else(|| clock.today().year());
    let lang = match (cmd.lang, &cmd.spec) {
        (Some(lang), _) => lang,
        (None, Some(path)) => language(path, cmd.max_input_bytes, clock)?,
        // Without `-f`, the spec of the current folder if there is a valid
        // one: the listing is a help, not a check of that spec.
        (None, None) => language(&PathBuf::from("rituals.yaml"), cmd.max_input_bytes, clock)
            .unwrap_or(Language::Fr),
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(listing(region, year, lang).as_bytes())?;
    stdout.flush()?;
    Ok(0)
}

/// The `calendar.language` of the spec at `path`.
fn language(path: &std::path::Path, max_bytes: u64, clock: &Clock) -> Result<Language, Error> {
    let ws = crate::load::load(&[path.to_owned()], false, max_bytes, clock)?;
    Ok(ws
        .teams
        .first()
        .map_or(Language::Fr, |t| t.spec.calendar.language))
}
