//! Output. Takes rendered files (`OutFile`: path and bytes); gives them
//! written, atomically and all together, or compared (`--check`).
//!
//! The one place that writes files. Every build is all-or-nothing: each
//! file is written to a temporary file in its own folder, and only when
//! every one was written are they renamed into place, so readers (a web
//! server, a calendar client) see the old file or the new one, never a
//! partial one, and a failure leaves every output as it was.

pub mod feeds;
pub mod previous;
pub mod publisher;
mod staging;

pub use staging::{Staging, Writer};

use std::fmt;
use std::path::{Path, PathBuf};

/// A file to write, relative to the output folder.
pub struct OutFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Written,
    Unchanged,
}

#[derive(Debug)]
pub struct OutputError {
    pub file: PathBuf,
    pub source: std::io::Error,
}

impl fmt::Display for OutputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot write `{}`: {}; no file was changed",
            self.file.display(),
            self.source
        )
    }
}

impl std::error::Error for OutputError {}

/// Writes `files` under `dir` atomically, as a set.
///
/// # Errors
/// The first file that could not be written (folder creation, temporary
/// file, write, or rename); temporary files are removed and no output is
/// changed (a rename failing after others succeeded is the one case where
/// earlier renames stay: each renamed file is complete).
pub fn write_all(dir: &Path, files: &[OutFile]) -> Result<Vec<(PathBuf, Outcome)>, OutputError> {
    let staging = Staging::new(dir)?;
    for (place, f) in files.iter().enumerate() {
        staging.add(place, &f.path, &f.bytes)?;
    }
    staging.commit()
}
