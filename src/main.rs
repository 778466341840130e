//! `rituals`: parse args → options → run.

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
        Err(e) => {
            eprintln!("{e}");
            e.exit_code()
        }
    };
    std::process::exit(code);
}
