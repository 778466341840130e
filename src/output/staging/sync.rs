//! Making staged files durable before they are published.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use super::OutputError;

/// Data must be on disk before a rename makes it visible, or a crash could
/// publish an empty file. One `syncfs` flushes a whole file system: a
/// build of 10,000 feeds otherwise waits for 10,000 separate fsyncs.
#[cfg(target_os = "linux")]
pub(super) fn sync_folder(folder: &Path) -> io::Result<()> {
    let dir = File::open(folder)?;
    rustix::fs::syncfs(&dir).map_err(io::Error::from)
}

/// Elsewhere each file was synced as it was written.
#[cfg(not(target_os = "linux"))]
pub(super) fn sync_folder(_: &Path) -> io::Result<()> {
    Ok(())
}

/// `sync_folder` once per file system of the staged files.
#[cfg(target_os = "linux")]
pub(super) fn sync_staged(staged: &[(tempfile::TempPath, PathBuf)]) -> Result<(), OutputError> {
    use std::collections::HashSet;
    use std::os::unix::fs::MetadataExt;
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
        let dir = File::open(parent).map_err(err)?;
        if devices.insert(dir.metadata().map_err(err)?.dev()) {
            rustix::fs::syncfs(&dir).map_err(|e| err(e.into()))?;
        }
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
pub(super) fn sync_staged(_: &[(tempfile::TempPath, PathBuf)]) -> Result<(), OutputError> {
    Ok(())
}
