//! `rituals`: parse args → options → run.

use std::io::Write as _;

use clap::Parser;
use rituals::cli::Cli;
use rituals::config::{Clock, Config};

fn main() {
    let cli = Cli::parse();
    let code = match Clock::from_env()
        .and_then(|clock| Config::new(cli, clock))
        .and_then(rituals::commands::run)
    {
        Ok(code) => code,
        // The reader of our output went away: end quietly, as `cat` does.
        Err(e) if e.is_closed_pipe() => 0,
        Err(e) => {
            // Nowhere to report a failure to write the report itself.
            let _ = writeln!(rituals::pipe::stderr(), "{e}");
            e.exit_code()
        }
    };
    std::process::exit(code);
}
