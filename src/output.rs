//! The one place that writes files. Every build is all-or-nothing: each
//! file is written to a temporary file in its own folder, and only when
//! every one was written are they renamed into place, so readers (a web
//! server, a calendar client) see the old file or the new one, never a
//! partial one, and a failure leaves every output as it was.

use std::fmt;
use std::io::Write;
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
    let mut staged = Vec::new();
    let mut outcomes = Vec::new();
    for f in files {
        let target = dir.join(&f.path);
        let err = |source| OutputError {
            file: target.clone(),
            source,
        };
        // A folder in the way would only fail at the rename, after other
        // files were already replaced: refuse it while nothing is changed.
        if target.is_dir() {
            return Err(err(std::io::Error::from(std::io::ErrorKind::IsADirectory)));
        }
        if std::fs::read(&target).is_ok_and(|old| old == f.bytes) {
            outcomes.push((target.clone(), Outcome::Unchanged));
            continue;
        }
        let parent = target.parent().unwrap_or(dir);
        std::fs::create_dir_all(parent).map_err(err)?;
        let mut tmp = tempfile::Builder::new()
            .prefix(".rituals-")
            .suffix(".tmp")
            .tempfile_in(parent)
            .map_err(err)?;
        tmp.write_all(&f.bytes).map_err(err)?;
        tmp.as_file().sync_data().map_err(err)?;
        if let Ok(meta) = std::fs::metadata(&target) {
            // Keep the published file's permissions (e.g. world-readable).
            let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
        } else {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let _ =
                    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o644));
            }
        }
        staged.push((tmp, target.clone()));
        outcomes.push((target, Outcome::Written));
    }
    for (tmp, target) in staged {
        tmp.persist(&target).map_err(|e| OutputError {
            file: target.clone(),
            source: e.error,
        })?;
    }
    Ok(outcomes)
}
