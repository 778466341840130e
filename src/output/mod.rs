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
    let mut staging = Staging::new(dir);
    for f in files {
        staging.add(&f.path, &f.bytes)?;
    }
    staging.commit()
}

/// A set of files being written: each is staged into a temporary file as
/// soon as it is rendered (so a build holds one feed in memory at a time,
/// not all of them), and `commit` makes them all durable and then renames
/// them into place. Dropping it without `commit` removes the temporary
/// files and changes nothing.
pub struct Staging {
    dir: PathBuf,
    /// Closed temporary files: an open one per feed would run out of file
    /// descriptors in an organisation build (100,000 feeds).
    staged: Vec<(tempfile::TempPath, PathBuf)>,
    outcomes: Vec<(PathBuf, Outcome)>,
}

impl Staging {
    pub fn new(dir: &Path) -> Staging {
        Staging {
            dir: dir.to_owned(),
            staged: Vec::new(),
            outcomes: Vec::new(),
        }
    }

    /// Stages `bytes` for `rel` (relative to the output folder); a file
    /// whose content is already `bytes` is left alone.
    ///
    /// # Errors
    /// When the folder, the temporary file or the write fails.
    pub fn add(&mut self, rel: &Path, bytes: &[u8]) -> Result<(), OutputError> {
        let target = self.dir.join(rel);
        let err = |source| OutputError {
            file: target.clone(),
            source,
        };
        // A folder in the way would only fail at the rename, after other
        // files were already replaced: refuse it while nothing is changed.
        if target.is_dir() {
            return Err(err(std::io::Error::from(std::io::ErrorKind::IsADirectory)));
        }
        if same_content(&target, bytes) {
            self.outcomes.push((target, Outcome::Unchanged));
            return Ok(());
        }
        let parent = target.parent().unwrap_or(&self.dir);
        std::fs::create_dir_all(parent).map_err(err)?;
        let mut tmp = tempfile::Builder::new()
            .prefix(".rituals-")
            .suffix(".tmp")
            .tempfile_in(parent)
            .map_err(err)?;
        tmp.write_all(bytes).map_err(err)?;
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
        #[cfg(not(target_os = "linux"))]
        tmp.as_file().sync_data().map_err(err)?;
        self.staged.push((tmp.into_temp_path(), target.clone()));
        self.outcomes.push((target, Outcome::Written));
        Ok(())
    }

    /// Flushes every staged file to disk, then renames them into place.
    ///
    /// # Errors
    /// The first file that could not be synced or renamed.
    pub fn commit(self) -> Result<Vec<(PathBuf, Outcome)>, OutputError> {
        sync_staged(&self.staged)?;
        for (tmp, target) in self.staged {
            tmp.persist(&target).map_err(|e| OutputError {
                file: target.clone(),
                source: e.error,
            })?;
        }
        Ok(self.outcomes)
    }
}

/// Compares without reading a file whose size already differs.
fn same_content(target: &Path, bytes: &[u8]) -> bool {
    std::fs::metadata(target).is_ok_and(|m| m.len() == bytes.len() as u64)
        && std::fs::read(target).is_ok_and(|old| old == bytes)
}

/// Data must be on disk before a rename makes it visible, or a crash could
/// publish an empty file. One `syncfs` per folder flushes them all at once:
/// a build of 10,000 feeds otherwise waits for 10,000 separate fsyncs.
#[cfg(target_os = "linux")]
fn sync_staged(staged: &[(tempfile::TempPath, PathBuf)]) -> Result<(), OutputError> {
    use std::collections::HashSet;
    use std::os::unix::fs::MetadataExt;
    // `syncfs` flushes a whole filesystem: once per device is enough.
    let mut folders: HashSet<&Path> = HashSet::new();
    let mut devices: HashSet<u64> = HashSet::new();
    for (_, target) in staged {
        let parent = target.parent().unwrap_or(Path::new("."));
        if !folders.insert(parent) {
            continue;
        }
        let err = |source| OutputError {
            file: target.clone(),
            source,
        };
        let dir = std::fs::File::open(parent).map_err(err)?;
        if devices.insert(dir.metadata().map_err(err)?.dev()) {
            rustix::fs::syncfs(&dir).map_err(|e| err(e.into()))?;
        }
    }
    Ok(())
}

/// Elsewhere each file was synced as it was staged.
#[cfg(not(target_os = "linux"))]
fn sync_staged(_: &[(tempfile::TempPath, PathBuf)]) -> Result<(), OutputError> {
    Ok(())
}
