//! The commands: each takes its part of the `Config`, calls the library
//! stages, and gives an exit code (0 ok, 1 check failed or changes
//! pending; errors exit 2). The stages never import a command.

pub mod agenda;
pub mod build;
pub mod check;
pub mod completions;
pub mod holidays;
pub mod import;
pub mod init;
pub mod man;
pub mod print;
pub mod publish;
pub mod schema;
mod teams;

use std::path::PathBuf;

use crate::config::{Action, Clock, Config, Standalone};
use crate::error::Error;
use crate::load::Workspace;
use crate::output::feeds::BuildOptions;
use crate::render::agenda::Window;
use crate::render::ics::BuildInfo;

/// Runs the configured command; returns the exit code.
///
/// # Errors
/// Any `Error`: bad input or usage, or a failed write (exit 2).
pub fn run(config: Config) -> Result<i32, Error> {
    let action = match config.action {
        Action::Standalone(cmd) => return standalone(cmd),
        Action::Import { file, out, options } => {
            return import::run(&file, out.as_deref(), &options);
        }
        Action::Holidays(cmd) => return holidays::run(cmd, &config.clock),
        other => other,
    };
    let inputs = if config.input.files.is_empty() {
        vec![PathBuf::from("rituals.yaml")]
    } else {
        config.input.files.clone()
    };
    if let Action::Check { strict } = action {
        return check::run(
            &inputs,
            config.input.recursive,
            config.input.max_input_bytes,
            &config.clock,
            strict,
        );
    }
    // A build of many teams holds one team's rituals at a time.
    let load = if matches!(action, Action::Build { .. }) {
        crate::load::load_for_build
    } else {
        crate::load::load
    };
    let ws = load(
        &inputs,
        config.input.recursive,
        config.input.max_input_bytes,
        &config.clock,
    )?;
    let code = on_workspace(&ws, action, &config.clock);
    // Freed by the process's exit, which follows: dropping the specs one
    // allocation at a time costs a few percent of a large build.
    std::mem::forget(ws);
    code
}

/// The commands that read the specs, once they are loaded.
fn on_workspace(ws: &Workspace, action: Action, clock: &Clock) -> Result<i32, Error> {
    let build = BuildInfo { now: clock.now };
    match action {
        Action::Build {
            out,
            check,
            previous,
            prune,
            force,
        } => {
            let opts = BuildOptions {
                out: &out,
                check,
                previous: previous.as_deref(),
                prune,
                force,
                build,
            };
            build::run(ws, &opts, clock.today())
        }
        Action::Print {
            ritual,
            person,
            previous,
            team,
        } => {
            let opts = print::PrintOptions {
                ritual: ritual.as_deref(),
                person: person.as_deref(),
                previous: previous.as_deref(),
                team: team.as_deref(),
                build,
            };
            print::run(ws, &opts)
        }
        Action::Agenda {
            from,
            to,
            tz,
            format,
            person,
            team,
        } => {
            let window = Window {
                from,
                to,
                tz,
                person: None,
            };
            agenda::run(ws, window, format, person.as_deref(), team.as_deref())
        }
        Action::Publish {
            url,
            person,
            dry_run,
            timeout_secs,
        } => {
            let opts = publish::PublishOptions {
                url: &url,
                person: person.as_deref(),
                dry_run,
                timeout_secs,
                build,
            };
            publish::run(ws, &opts, clock.today())
        }
        Action::Check { .. } => unreachable!("`check` returns before loading"),
        Action::Holidays(_) => unreachable!("`holidays` returns before loading"),
        Action::Standalone(cmd) => standalone(cmd),
        Action::Import { file, out, options } => import::run(&file, out.as_deref(), &options),
    }
}

/// The commands that read no spec.
fn standalone(cmd: Standalone) -> Result<i32, Error> {
    match cmd {
        Standalone::Schema => schema::run(),
        Standalone::Init(dir) => init::run(&dir),
        Standalone::Completions(shell) => completions::run(shell),
        Standalone::Man => man::run(),
    }
}
