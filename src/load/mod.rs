//! Loading. Takes the paths `-f` names; gives a `Workspace` of validated
//! teams (or every problem found).
//!
//! Loading what `-f` names: one spec file, or the files of many teams,
//! each with the files it includes; read, parsed and validated (in
//! parallel when there are several), then checked against each other.
//! Every problem of every file is reported at once.

mod cross;
mod discover;
mod include;
mod lean;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::config::Clock;
use crate::diagnostic::Diagnostic;
use crate::error::{Error, FileDiagnostics};
use crate::model::{Loc, Spec};
use crate::spec::{ReadError, Source};
use crate::validate::{Context, FileDiagnostic, TeamFile, validate_team};

use include::Closure;
pub use lean::{TeamFacts, UidFact};

/// One file of a team.
#[derive(Debug)]
pub struct SpecFile {
    pub source: Source,
    /// The canonical path (None for standard input): a file's identity.
    pub canon: Option<PathBuf>,
    /// Warnings about the text as written, reported with the lints.
    pub warnings: Vec<Diagnostic>,
}

/// A validated team: a built file, the files it includes, and its spec.
#[derive(Debug)]
pub struct Team {
    pub spec: Spec,
    /// Every file of the team: `[0]` is the built file, then its includes.
    pub files: Vec<SpecFile>,
    /// For each ritual of `spec`, the index in `files` of its file.
    pub ritual_file: Vec<usize>,
    /// For each person of `spec`, the file and place of its definition.
    pub person_at: Vec<(usize, Loc)>,
    /// Where `calendar.name` is written.
    pub name_at: Loc,
    /// What the checks across teams and a combined feed need of its
    /// rituals, kept even when they are not.
    pub facts: TeamFacts,
    /// Its lint findings, when they were found at load (a lean workspace,
    /// whose teams then hold no rituals: see `Team::full`).
    pub lints: Option<Vec<FileDiagnostics>>,
}

/// Everything a run works on.
#[derive(Debug)]
pub struct Workspace {
    pub teams: Vec<Team>,
    /// A folder or several files: each team writes into its own folder.
    pub many: bool,
}

/// Reads, parses and validates the specs that `inputs` name.
///
/// # Errors
/// `Error::Read` when a named file cannot be read, `Error::Usage` for a
/// folder without specs, `Error::Spec` or `Error::Specs` with every
/// problem of every file.
pub fn load(
    inputs: &[PathBuf],
    recursive: bool,
    max_bytes: u64,
    clock: &Clock,
) -> Result<Workspace, Error> {
    load_with(inputs, recursive, max_bytes, clock, false)
}

/// `load` for `build`: with several teams, each is linted as soon as it
/// is validated and then kept lean (see `lean`).
///
/// # Errors
/// As `load`.
pub fn load_for_build(
    inputs: &[PathBuf],
    recursive: bool,
    max_bytes: u64,
    clock: &Clock,
) -> Result<Workspace, Error> {
    load_with(inputs, recursive, max_bytes, clock, true)
}

fn load_with(
    inputs: &[PathBuf],
    recursive: bool,
    max_bytes: u64,
    clock: &Clock,
    lean: bool,
) -> Result<Workspace, Error> {
    let (paths, many) = discover::spec_files(inputs, recursive)?;
    let lean = lean && paths.len() > 1;
    let ctx = Context {
        build_date: clock.today(),
    };
    // A file with `calendar` is a team whatever includes it: it is
    // validated as soon as it is read, so that its parsed form (several
    // times its text) is dropped at once and a folder of many teams is
    // never held parsed all together.
    let read: Vec<Result<Read, ReadError>> = crate::par::map(&paths, crate::par::FILES, |p| {
        let c = Closure::read(p, max_bytes)?;
        let top = c.files[0].raw.as_ref();
        Ok(if top.is_some_and(|r| r.calendar.is_some()) {
            let mut validated = team(c, &ctx);
            if let (true, Ok(t)) = (lean, &mut validated) {
                t.make_lean(ctx.build_date);
            }
            Read::Validated(Box::new(validated))
        } else {
            Read::Pending(c)
        })
    });
    let mut reads = Vec::with_capacity(read.len());
    for r in read {
        reads.push(r?);
    }
    // A file without `calendar` that another team includes is a shared
    // part (people, common rituals), not a team of its own.
    let included: HashSet<PathBuf> = reads
        .iter()
        .flat_map(|r| r.included())
        .map(Path::to_path_buf)
        .collect();
    let validated: Vec<Result<Team, Invalid>> = reads
        .into_iter()
        .filter_map(|r| match r {
            Read::Validated(v) => Some(*v),
            Read::Pending(c) => {
                let top = &c.files[0];
                let shared = top.raw.as_ref().is_some_and(|r| r.calendar.is_none())
                    && top.canon.as_deref().is_some_and(|k| included.contains(k));
                (!shared).then(|| team(c, &ctx))
            }
        })
        .collect();
    let mut report = Report::default();
    let mut teams = Vec::with_capacity(validated.len());
    for v in validated {
        match v {
            Ok(t) => teams.push(t),
            Err((files, diags)) => {
                for (f, d) in diags {
                    report.add(&files[f].source, d);
                }
            }
        }
    }
    report.result()?;
    for (t, f, d) in cross::check(&teams) {
        report.add(&teams[t].files[f].source, d);
    }
    report.result()?;
    Ok(Workspace { teams, many })
}

/// A team's files and what is wrong with them.
type Invalid = (Vec<SpecFile>, Vec<FileDiagnostic>);

/// A spec file as first read: validated if it is a team, or kept parsed
/// until it is known whether another team includes it.
enum Read {
    Validated(Box<Result<Team, Invalid>>),
    Pending(Closure),
}

impl Read {
    /// The canonical paths of the files it includes.
    fn included(&self) -> Vec<&Path> {
        match self {
            Read::Validated(v) => match &**v {
                Ok(t) => canons(&t.files),
                Err((files, _)) => canons(files),
            },
            Read::Pending(c) => c.files[1..]
                .iter()
                .filter_map(|f| f.canon.as_deref())
                .collect(),
        }
    }
}

/// The canonical paths of the included files of a team's `files`.
fn canons(files: &[SpecFile]) -> Vec<&Path> {
    files
        .iter()
        .skip(1)
        .filter_map(|f| f.canon.as_deref())
        .collect()
}

impl Team {
    /// The built file.
    pub fn source(&self) -> &Source {
        &self.files[0].source
    }
}

fn team(c: Closure, ctx: &Context) -> Result<Team, Invalid> {
    let Closure { files, diags } = c;
    let result = if diags.iter().any(|(_, d)| d.is_error()) {
        Err(diags)
    } else {
        let raws: Vec<TeamFile<'_>> = files
            .iter()
            .filter_map(|f| {
                f.raw.as_ref().map(|raw| TeamFile {
                    name: &f.source.name,
                    raw,
                })
            })
            .collect();
        let name_at = files[0]
            .raw
            .as_ref()
            .and_then(|r| r.calendar.as_ref())
            .map(|c| crate::validate::loc(&c.value.name))
            .unwrap_or_default();
        validate_team(&raws, ctx).map(|v| (v, name_at))
    };
    let files: Vec<SpecFile> = files
        .into_iter()
        .map(|f| SpecFile {
            source: f.source,
            canon: f.canon,
            warnings: f.warnings,
        })
        .collect();
    // A spec with errors gets its warnings too: a lost `#word` may be
    // the cause of an error.
    let result = result.map_err(|mut diags| {
        for (i, f) in files.iter().enumerate() {
            diags.extend(f.warnings.iter().map(|w| (i, w.clone())));
        }
        diags
    });
    match result {
        Ok((v, name_at)) => Ok(Team {
            facts: TeamFacts::of(&v.spec, &v.ritual_file),
            spec: v.spec,
            files,
            ritual_file: v.ritual_file,
            person_at: v.person_at,
            name_at,
            lints: None,
        }),
        Err(diags) => Err((files, diags)),
    }
}

/// Diagnostics grouped by file, in the order the files were met.
#[derive(Default)]
struct Report {
    files: Vec<FileDiagnostics>,
}

impl Report {
    fn add(&mut self, source: &Source, d: Diagnostic) {
        match self.files.iter_mut().find(|f| f.source.name == source.name) {
            Some(f) => f.diagnostics.push(d),
            None => self.files.push(FileDiagnostics {
                source: source.clone(),
                diagnostics: vec![d],
            }),
        }
    }

    /// `Error::Spec` for one file (as a single-file build always said),
    /// `Error::Specs` for several.
    fn result(&mut self) -> Result<(), Error> {
        let mut files = std::mem::take(&mut self.files);
        match files.len() {
            0 => Ok(()),
            1 => {
                let f = files.pop().expect("one file");
                Err(Error::Spec {
                    source: Box::new(f.source),
                    diagnostics: f.diagnostics,
                })
            }
            _ => Err(Error::Specs(files)),
        }
    }
}
