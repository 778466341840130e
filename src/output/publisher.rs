//! Publishing a build's files as they are rendered: each is staged (or,
//! with `--check`, compared) as soon as it is rendered, from any thread,
//! so a build holds a few feeds in memory, not all of them. Still
//! all-or-nothing: nothing is renamed into place before every file was
//! staged.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{self as output, OutFile, Outcome, Staging, Writer};
use crate::error::Error;

pub struct Publisher {
    out: PathBuf,
    /// None with `--check`: files are compared, not written.
    staging: Option<Staging>,
    /// Places in the report, handed out in report order: files rendered
    /// in parallel (or a large feed rendered alongside others) are
    /// reported in their place whatever order they finish in.
    next_place: AtomicUsize,
    /// Places after every feed (the combined feed, pages), in order.
    late_place: AtomicUsize,
    /// `--check`: the number of changes and the lines, by place.
    report: Mutex<(usize, Vec<(usize, String)>)>,
}

impl Publisher {
    /// # Errors
    /// When a new output folder's staging folder cannot be made.
    pub fn new(out: &Path, check: bool) -> Result<Publisher, Error> {
        Ok(Publisher {
            out: out.to_owned(),
            staging: if check {
                None
            } else {
                Some(Staging::new(out).map_err(Error::Output)?)
            },
            next_place: AtomicUsize::new(0),
            late_place: AtomicUsize::new(usize::MAX / 2),
            report: Mutex::new((0, Vec::new())),
        })
    }

    /// Whether files are compared (`--check`) rather than written.
    pub fn checking(&self) -> bool {
        self.staging.is_none()
    }

    /// A place in the report for a file given later with `add_at`.
    pub fn reserve(&self) -> usize {
        self.next_place.fetch_add(1, Ordering::Relaxed)
    }

    /// A place after every place `reserve` gives: for files reported
    /// after the feeds (the combined feed, then the pages).
    pub fn reserve_late(&self) -> usize {
        self.late_place.fetch_add(1, Ordering::Relaxed)
    }

    /// Stages a feed, or with `--check` reports how it differs.
    ///
    /// # Errors
    /// When the feed cannot be staged; staged files are then removed.
    pub fn add(&self, f: &OutFile) -> Result<(), Error> {
        self.add_at(self.reserve(), f)
    }

    /// `add`, reported at a place obtained from `reserve`.
    ///
    /// # Errors
    /// As `add`.
    pub fn add_at(&self, place: usize, f: &OutFile) -> Result<(), Error> {
        match &self.staging {
            None => {
                self.compare(place, &f.path, &f.bytes);
                Ok(())
            }
            Some(staging) => staging.add(place, &f.path, &f.bytes).map_err(Error::Output),
        }
    }

    /// Stages the bytes `write` produces for `path` as they are produced,
    /// at `place`; with `--check` they are collected and compared.
    ///
    /// # Errors
    /// As `add`.
    pub fn stream_at(
        &self,
        place: usize,
        path: &Path,
        write: impl FnOnce(Writer<'_>) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        match &self.staging {
            None => {
                let mut bytes = Vec::new();
                write(&mut bytes)?;
                self.compare(place, path, &bytes);
                Ok(())
            }
            Some(staging) => staging.add_with(place, path, write).map_err(Error::Output),
        }
    }

    fn compare(&self, place: usize, path: &Path, bytes: &[u8]) {
        use std::fmt::Write as _;
        let target = self.out.join(path);
        let text = match std::fs::read(&target) {
            Ok(old) if old == bytes => return,
            Ok(old) => {
                let mut text = format!("changed  {}\n", target.display());
                for line in crate::output::previous::uid_changes(
                    &String::from_utf8_lossy(&old),
                    &String::from_utf8_lossy(bytes),
                ) {
                    let _ = writeln!(text, "  {line}");
                }
                text
            }
            Err(_) => format!("added    {}\n", target.display()),
        };
        let mut report = self
            .report
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        report.0 += 1;
        report.1.push((place, text));
    }

    /// Writes the pages, renames every staged file into place (or ends
    /// the check), and reports or removes stale feeds.
    ///
    /// # Errors
    /// A file that could not be written or a stale feed not removed.
    pub fn finish(
        self,
        pages: Vec<OutFile>,
        stale: Vec<PathBuf>,
        prune: bool,
    ) -> Result<i32, Error> {
        let mut stdout = crate::pipe::stdout();
        let Some(staging) = self.staging else {
            let (mut changes, mut report) = self
                .report
                .into_inner()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            report.sort_by_key(|(place, _)| *place);
            for (_, text) in &report {
                write!(stdout, "{text}")?;
            }
            for s in &stale {
                changes += 1;
                writeln!(stdout, "stale    {}", s.display())?;
            }
            if changes == 0 {
                writeln!(stdout, "up to date: {}", self.out.display())?;
                stdout.flush()?;
                return Ok(0);
            }
            stdout.flush()?;
            return Ok(1);
        };
        // Pages are not compared by `--check`: their "next dates" follow
        // the build date, so they would never be up to date. They come
        // after every feed in the report.
        for p in &pages {
            let place = self.late_place.fetch_add(1, Ordering::Relaxed);
            staging
                .add(place, &p.path, &p.bytes)
                .map_err(Error::Output)?;
        }
        for (path, outcome) in staging.commit()? {
            match outcome {
                Outcome::Written => writeln!(stdout, "wrote {}", path.display())?,
                Outcome::Unchanged => writeln!(stdout, "unchanged {}", path.display())?,
            }
        }
        for s in stale {
            if prune {
                std::fs::remove_file(&s).map_err(|e| {
                    Error::Output(output::OutputError {
                        file: s.clone(),
                        source: e,
                    })
                })?;
                writeln!(stdout, "removed {}", s.display())?;
            } else {
                writeln!(
                    stdout,
                    "stale {} (not in the spec any more; `--prune` removes it)",
                    s.display()
                )?;
            }
        }
        stdout.flush()?;
        Ok(0)
    }
}
