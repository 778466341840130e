//! `rituals completions SHELL`: print a shell completion script.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Error;

/// Prints the completion script for `shell`; returns the exit code.
///
/// # Errors
/// `Error::Io` when standard output cannot be written.
pub fn run(shell: clap_complete::Shell) -> Result<i32, Error> {
    let mut stdout = std::io::stdout().lock();
    // Into memory first: the generator panics on write errors
    // (a closed pipe), we report them.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "rituals", &mut script);
    stdout.write_all(&script)?;
    stdout.flush()?;
    Ok(0)
}
