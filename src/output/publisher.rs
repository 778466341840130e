//! Publishing a build's files as they are rendered: staged one at a time
//! (or, with `--check`, compared one at a time), so a build holds a few
//! feeds in memory, not all of them. Still all-or-nothing: nothing is
//! renamed into place before every file was staged.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{self as output, OutFile, Outcome, Staging};
use crate::error::Error;

pub struct Publisher {
    out: PathBuf,
    /// None with `--check`: files are compared, not written.
    staging: Option<Staging>,
    changes: usize,
    /// The place in the report of each file given so far, in the order
    /// given: a large feed rendered alongside others is given last but
    /// reported in its place.
    places: Vec<usize>,
    next_place: usize,
    /// `--check` lines, by place.
    report: Vec<(usize, String)>,
}

impl Publisher {
    pub fn new(out: &Path, check: bool) -> Publisher {
        Publisher {
            out: out.to_owned(),
            staging: (!check).then(|| Staging::new(out)),
            changes: 0,
            places: Vec::new(),
            next_place: 0,
            report: Vec::new(),
        }
    }

    /// A place in the report for a file given later with `add_at`.
    pub fn reserve(&mut self) -> usize {
        self.next_place += 1;
        self.next_place - 1
    }

    /// Stages a feed, or with `--check` reports how it differs.
    ///
    /// # Errors
    /// When the feed cannot be staged; staged files are then removed.
    pub fn add(&mut self, f: &OutFile) -> Result<(), Error> {
        let place = self.reserve();
        self.add_at(place, f)
    }

    /// `add`, reported at a place obtained from `reserve`.
    ///
    /// # Errors
    /// As `add`.
    pub fn add_at(&mut self, place: usize, f: &OutFile) -> Result<(), Error> {
        let Some(staging) = &mut self.staging else {
            self.compare(place, f);
            return Ok(());
        };
        staging.add(&f.path, &f.bytes)?;
        self.places.push(place);
        Ok(())
    }

    fn compare(&mut self, place: usize, f: &OutFile) {
        use std::fmt::Write as _;
        let target = self.out.join(&f.path);
        match std::fs::read(&target) {
            Ok(old) if old == f.bytes => {}
            Ok(old) => {
                self.changes += 1;
                let mut text = format!("changed  {}\n", target.display());
                for line in crate::output::previous::uid_changes(
                    &String::from_utf8_lossy(&old),
                    &String::from_utf8_lossy(&f.bytes),
                ) {
                    let _ = writeln!(text, "  {line}");
                }
                self.report.push((place, text));
            }
            Err(_) => {
                self.changes += 1;
                self.report
                    .push((place, format!("added    {}\n", target.display())));
            }
        }
    }

    /// Writes the pages, renames every staged file into place (or ends
    /// the check), and reports or removes stale feeds.
    ///
    /// # Errors
    /// A file that could not be written or a stale feed not removed.
    pub fn finish(
        mut self,
        pages: Vec<OutFile>,
        stale: Vec<PathBuf>,
        prune: bool,
    ) -> Result<i32, Error> {
        let mut stdout = crate::pipe::stdout();
        let Some(mut staging) = self.staging.take() else {
            self.report.sort_by_key(|(place, _)| *place);
            for (_, text) in &self.report {
                write!(stdout, "{text}")?;
            }
            for s in &stale {
                self.changes += 1;
                writeln!(stdout, "stale    {}", s.display())?;
            }
            if self.changes == 0 {
                writeln!(stdout, "up to date: {}", self.out.display())?;
                stdout.flush()?;
                return Ok(0);
            }
            stdout.flush()?;
            return Ok(1);
        };
        // Pages are not compared by `--check`: their "next dates" follow
        // the build date, so they would never be up to date.
        for p in &pages {
            staging.add(&p.path, &p.bytes)?;
            self.places.push(usize::MAX);
        }
        let mut outcomes: Vec<(usize, (PathBuf, Outcome))> =
            self.places.into_iter().zip(staging.commit()?).collect();
        // Stable: pages keep their order, after every feed.
        outcomes.sort_by_key(|(place, _)| *place);
        for (_, (path, outcome)) in outcomes {
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
