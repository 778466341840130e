//! Staging a build's files so that they are published together.
//!
//! Two ways, chosen by whether the output folder exists:
//!
//! - **A new folder** (the first build, every CI run): every file is
//!   written straight into a hidden sibling folder, created with the
//!   right mode, and `commit` renames that folder into place: one rename
//!   for the whole build, no temporary file, `chmod` or rename per file.
//! - **An existing folder**: each file goes to a temporary file beside its
//!   target (a file whose content is unchanged is left alone), and
//!   `commit` renames them into place.
//!
//! Either way nothing is visible before every file is written, and
//! dropping a `Staging` without `commit` removes what it staged. Files may
//! be added from several threads at once.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::{Outcome, OutputError};

mod sync;
use sync::{sync_folder, sync_staged};

/// Where a streamed file's bytes go.
pub type Writer<'a> = &'a mut (dyn Write + Send);

/// Mode of a new file: world-readable, as a static web host needs.
#[cfg(unix)]
const FILE_MODE: u32 = 0o644;

/// A set of files being written; see the module documentation.
pub struct Staging {
    dir: PathBuf,
    /// The hidden sibling folder of a new output folder.
    fresh: Option<FreshRoot>,
    /// The process umask when it is known (Linux), to skip a `chmod` per
    /// file when it would not change the mode.
    umask: Option<u32>,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    /// Temporary files beside their targets (existing folder), closed: an
    /// open one per feed would run out of file descriptors in an
    /// organisation build (100,000 feeds).
    staged: Vec<(tempfile::TempPath, PathBuf)>,
    /// Each file's place in the report, its target and what happened.
    outcomes: Vec<(usize, PathBuf, Outcome)>,
    /// Folders known to exist: one `mkdir` per folder, not per file.
    folders: HashSet<PathBuf>,
}

/// The folder a new output folder is built in; removed unless committed.
struct FreshRoot {
    path: PathBuf,
    committed: bool,
}

impl Drop for FreshRoot {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

impl Staging {
    /// Stages files for the folder `dir`.
    ///
    /// # Errors
    /// When a new output folder's parent or staging folder cannot be made.
    pub fn new(dir: &Path) -> Result<Staging, OutputError> {
        let fresh = match (std::fs::symlink_metadata(dir), dir.file_name()) {
            (Err(e), Some(name)) if e.kind() == io::ErrorKind::NotFound => {
                Some(fresh_root(dir, name)?)
            }
            _ => None,
        };
        Ok(Staging {
            dir: dir.to_owned(),
            fresh,
            umask: umask(),
            state: Mutex::new(State::default()),
        })
    }

    /// Stages `bytes` for `rel` (relative to the output folder), reported
    /// at `place`; in an existing folder, a file whose content is already
    /// `bytes` is left alone.
    ///
    /// # Errors
    /// When the folder, the file or the write fails.
    pub fn add(&self, place: usize, rel: &Path, bytes: &[u8]) -> Result<(), OutputError> {
        let target = self.dir.join(rel);
        let err = |source| OutputError {
            file: target.clone(),
            source,
        };
        if self.fresh.is_some() {
            return self.add_with(place, rel, |w| w.write_all(bytes));
        }
        let meta = existing(&target).map_err(err)?;
        if meta.as_ref().is_some_and(|m| m.len() == bytes.len() as u64)
            && std::fs::read(&target).is_ok_and(|old| old == bytes)
        {
            self.outcome(place, target.clone(), Outcome::Unchanged);
            return Ok(());
        }
        let tmp = self.temp_beside(&target, meta.as_ref()).map_err(err)?;
        let mut out = BufWriter::new(tmp);
        out.write_all(bytes).map_err(err)?;
        let tmp = out.into_inner().map_err(|e| err(e.into_error()))?;
        self.keep(place, tmp, target.clone()).map_err(err)
    }

    /// Stages the bytes `write` produces for `rel`, as they are produced
    /// (a large feed or page is never held whole), reported at `place`.
    /// In an existing folder they are compared with the file's as they
    /// go, and an unchanged file is left alone.
    ///
    /// # Errors
    /// When the folder, the file, the write or `write` fails.
    pub fn add_with(
        &self,
        place: usize,
        rel: &Path,
        write: impl FnOnce(Writer<'_>) -> io::Result<()>,
    ) -> Result<(), OutputError> {
        let target = self.dir.join(rel);
        let err = |source| OutputError {
            file: target.clone(),
            source,
        };
        if let Some(root) = &self.fresh {
            let path = root.path.join(rel);
            self.folder(path.parent().unwrap_or(&root.path))
                .map_err(err)?;
            let mut out = BufWriter::with_capacity(1 << 16, self.create(&path).map_err(err)?);
            write(&mut out).map_err(err)?;
            let file = out.into_inner().map_err(|e| err(e.into_error()))?;
            #[cfg(not(target_os = "linux"))]
            file.sync_data().map_err(err)?;
            drop(file);
            self.outcome(place, target, Outcome::Written);
            return Ok(());
        }
        let meta = existing(&target).map_err(err)?;
        let tmp = self.temp_beside(&target, meta.as_ref()).map_err(err)?;
        let old = match meta {
            Some(_) => File::open(&target).ok().map(io::BufReader::new),
            None => None,
        };
        let mut out = Compare {
            out: BufWriter::with_capacity(1 << 16, tmp),
            same: old.is_some(),
            old,
            scratch: Vec::new(),
        };
        write(&mut out).map_err(err)?;
        let unchanged = out.same && out.old.as_mut().is_some_and(at_end);
        let tmp = out.out.into_inner().map_err(|e| err(e.into_error()))?;
        if unchanged {
            // Dropping the temporary file removes it.
            self.outcome(place, target.clone(), Outcome::Unchanged);
            return Ok(());
        }
        self.keep(place, tmp, target.clone()).map_err(err)
    }

    /// Makes every staged file durable, then publishes them: one rename of
    /// a new folder, or one rename per changed file. Returns each file
    /// with what happened, in the order of their places.
    ///
    /// # Errors
    /// The first file that could not be synced or renamed.
    pub fn commit(mut self) -> Result<Vec<(PathBuf, Outcome)>, OutputError> {
        let state = std::mem::take(
            &mut *self
                .state
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        let mut outcomes = state.outcomes;
        outcomes.sort_by_key(|(place, _, _)| *place);
        let outcomes = outcomes.into_iter().map(|(_, p, o)| (p, o)).collect();
        if let Some(root) = &mut self.fresh {
            let err = |source| OutputError {
                file: self.dir.clone(),
                source,
            };
            sync_folder(&root.path).map_err(err)?;
            std::fs::rename(&root.path, &self.dir).map_err(err)?;
            root.committed = true;
            return Ok(outcomes);
        }
        sync_staged(&state.staged)?;
        for (tmp, target) in state.staged {
            tmp.persist(&target).map_err(|e| OutputError {
                file: target.clone(),
                source: e.error,
            })?;
        }
        Ok(outcomes)
    }

    fn outcome(&self, place: usize, target: PathBuf, outcome: Outcome) {
        self.lock().outcomes.push((place, target, outcome));
    }

    fn keep(&self, place: usize, tmp: tempfile::NamedTempFile, target: PathBuf) -> io::Result<()> {
        #[cfg(not(target_os = "linux"))]
        tmp.as_file().sync_data()?;
        let mut state = self.lock();
        state.staged.push((tmp.into_temp_path(), target.clone()));
        state.outcomes.push((place, target, Outcome::Written));
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Creates `folder` (and its parents) unless it is known to exist.
    fn folder(&self, folder: &Path) -> io::Result<()> {
        if self.lock().folders.contains(folder) {
            return Ok(());
        }
        std::fs::create_dir_all(folder)?;
        self.lock().folders.insert(folder.to_owned());
        Ok(())
    }

    /// A new file with mode 0644 (a `chmod` only when the umask would
    /// have removed some of its bits).
    fn create(&self, path: &Path) -> io::Result<File> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
            options.mode(FILE_MODE);
            let file = options.open(path)?;
            if self.umask.is_none_or(|m| m & FILE_MODE != 0) {
                file.set_permissions(std::fs::Permissions::from_mode(FILE_MODE))?;
            }
            Ok(file)
        }
        #[cfg(not(unix))]
        options.open(path)
    }

    /// A temporary file beside `target`, with the published file's mode
    /// (or 0644 for a new one).
    fn temp_beside(
        &self,
        target: &Path,
        meta: Option<&std::fs::Metadata>,
    ) -> io::Result<tempfile::NamedTempFile> {
        let parent = target.parent().unwrap_or(&self.dir);
        self.folder(parent)?;
        let mut builder = tempfile::Builder::new();
        builder.prefix(".rituals-").suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = meta.map_or(FILE_MODE, |m| m.permissions().mode() & 0o7777);
            let perms = std::fs::Permissions::from_mode(mode);
            builder.permissions(perms.clone());
            let tmp = builder.tempfile_in(parent)?;
            if self.umask.is_none_or(|m| m & mode != 0) {
                tmp.as_file().set_permissions(perms)?;
            }
            Ok(tmp)
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            builder.tempfile_in(parent)
        }
    }
}

/// The target's metadata when it exists; a folder in the way is an error
/// while nothing is changed yet (it would only fail at the rename).
fn existing(target: &Path) -> io::Result<Option<std::fs::Metadata>> {
    match std::fs::metadata(target) {
        Ok(m) if m.is_dir() => Err(io::Error::from(io::ErrorKind::IsADirectory)),
        Ok(m) => Ok(Some(m)),
        Err(_) => Ok(None),
    }
}

/// A hidden folder beside `dir` to build a new output folder in.
fn fresh_root(dir: &Path, name: &std::ffi::OsStr) -> Result<FreshRoot, OutputError> {
    let err = |source| OutputError {
        file: dir.to_owned(),
        source,
    };
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent).map_err(err)?;
    let mut n = 0u32;
    loop {
        let mut file = std::ffi::OsString::from(".");
        file.push(name);
        file.push(format!(".rituals-{}-{n}.tmp", std::process::id()));
        let path = parent.join(file);
        // `create_dir` gives the folder the mode `create_dir_all` would.
        match std::fs::create_dir(&path) {
            Ok(()) => {
                return Ok(FreshRoot {
                    path,
                    committed: false,
                });
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 100 => n += 1,
            Err(e) => return Err(err(e)),
        }
    }
}

/// The umask, read without changing it (`umask(2)` can only set it, which
/// would race with other threads creating files).
fn umask() -> Option<u32> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("Umask:"))?;
    u32::from_str_radix(line["Umask:".len()..].trim(), 8).ok()
}

/// Writes to a temporary file while comparing with the published file.
struct Compare {
    out: BufWriter<tempfile::NamedTempFile>,
    old: Option<io::BufReader<File>>,
    same: bool,
    scratch: Vec<u8>,
}

impl Write for Compare {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write_all(buf)?;
        if self.same
            && let Some(old) = &mut self.old
        {
            self.scratch.resize(buf.len(), 0);
            self.same = old.read_exact(&mut self.scratch).is_ok() && self.scratch == buf;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

fn at_end(r: &mut impl Read) -> bool {
    let mut one = [0u8; 1];
    matches!(r.read(&mut one), Ok(0))
}

#[cfg(test)]
mod tests;
