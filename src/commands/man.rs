//! `rituals man`: print the man page (roff).

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Error;

/// Prints the man page on standard output; returns the exit code.
///
/// # Errors
/// `Error::Io` when standard output cannot be written.
pub fn run() -> Result<i32, Error> {
    let mut stdout = std::io::stdout().lock();
    clap_mangen::Man::new(Cli::command()).render(&mut stdout)?;
    stdout.flush()?;
    Ok(0)
}
