//! `rituals schema`: print the JSON Schema of the spec.

use std::io::Write;

use crate::error::Error;

/// Prints the schema on standard output; returns the exit code.
///
/// # Errors
/// `Error::Io` when standard output cannot be written.
pub fn run() -> Result<i32, Error> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(crate::spec::schema::json().as_bytes())?;
    stdout.flush()?;
    Ok(0)
}
