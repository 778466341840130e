//! The errors that end a run, and their exit codes.

use std::fmt;

use crate::diagnostic::Diagnostic;
use crate::output::OutputError;
use crate::spec::{ReadError, Source};

#[derive(Debug)]
pub enum Error {
    /// The spec could not be read (exit 2).
    Read(ReadError),
    /// The spec has errors (exit 2), rendered against its source.
    Spec {
        source: Box<Source>,
        diagnostics: Vec<Diagnostic>,
    },
    /// Errors in several spec files (includes, a many-teams build), each
    /// rendered against its own file (exit 2).
    Specs(Vec<FileDiagnostics>),
    /// A command-line value is wrong (exit 2).
    Usage(String),
    /// Writing the output failed (exit 2); nothing was changed.
    Output(OutputError),
    /// Standard output or another stream failed.
    Io(std::io::Error),
    /// `rituals import`: the file is not iCalendar (exit 2).
    Import(crate::import::ImportError),
    /// A CalDAV server or the network refused `publish` (exit 2).
    Caldav(crate::caldav::CaldavError),
}

/// The diagnostics about one spec file.
#[derive(Clone, Debug)]
pub struct FileDiagnostics {
    pub source: Source,
    pub diagnostics: Vec<Diagnostic>,
}

impl Error {
    pub fn exit_code(&self) -> i32 {
        2
    }

    /// Whether the run ended because the reader of standard output went
    /// away (`rituals print | head -1`): not a failure, see `pipe`.
    pub fn is_closed_pipe(&self) -> bool {
        matches!(self, Error::Io(e) if crate::pipe::is_closed(e))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Read(e) => write!(f, "{}", e.render(crate::diagnostic::use_color())),
            Error::Spec {
                source,
                diagnostics,
            } => {
                let color = crate::diagnostic::use_color();
                for d in diagnostics {
                    write!(
                        f,
                        "{}",
                        crate::diagnostic::render(d, &source.name, &source.text, color)
                    )?;
                }
                let n = diagnostics.iter().filter(|d| d.is_error()).count();
                write!(
                    f,
                    "{} error{} in {}; nothing was written",
                    n,
                    if n == 1 { "" } else { "s" },
                    source.name
                )
            }
            Error::Specs(files) => {
                let color = crate::diagnostic::use_color();
                for file in files {
                    for d in &file.diagnostics {
                        write!(
                            f,
                            "{}",
                            crate::diagnostic::render(
                                d,
                                &file.source.name,
                                &file.source.text,
                                color
                            )
                        )?;
                    }
                }
                let n: usize = files
                    .iter()
                    .map(|file| file.diagnostics.iter().filter(|d| d.is_error()).count())
                    .sum();
                let names: Vec<&str> = files
                    .iter()
                    .filter(|file| file.diagnostics.iter().any(|d| d.is_error()))
                    .map(|file| file.source.name.as_str())
                    .collect();
                write!(
                    f,
                    "{} error{} in {}; nothing was written",
                    n,
                    if n == 1 { "" } else { "s" },
                    names.join(", ")
                )
            }
            Error::Usage(m) => write!(f, "error: {m}"),
            Error::Output(e) => write!(f, "error: {e}"),
            Error::Io(e) => write!(f, "error: {e}"),
            Error::Import(e) => write!(f, "error: {e}"),
            Error::Caldav(e) => write!(f, "error: {e}"),
        }
    }
}

impl From<ReadError> for Error {
    fn from(e: ReadError) -> Self {
        Error::Read(e)
    }
}

impl From<OutputError> for Error {
    fn from(e: OutputError) -> Self {
        Error::Output(e)
    }
}

impl From<crate::caldav::CaldavError> for Error {
    fn from(e: crate::caldav::CaldavError) -> Self {
        Error::Caldav(e)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e)
    }
}
