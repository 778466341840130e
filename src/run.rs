//! Running a command: load the spec, then build, print, list or check.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::config::{Action, Clock, Config};
use crate::error::Error;
use crate::expand::Expander;
use crate::ics::stamp::PreviousFeeds;
use crate::ics::{BuildInfo, FeedKind, Renderer};
use crate::model::Spec;
use crate::output::{self, OutFile, Outcome};
use crate::spec::Source;
use crate::validate::{self, Context};

/// A loaded, validated spec and the source it came from.
pub struct Loaded {
    pub source: Source,
    pub spec: Spec,
}

/// Reads, parses and validates one spec file.
///
/// # Errors
/// `Error::Read` when the file cannot be read, `Error::Spec` with every
/// problem found when it is not a valid spec.
pub fn load(path: &Path, max_bytes: u64, clock: &Clock) -> Result<Loaded, Error> {
    let source = Source::read(path, max_bytes)?;
    let raw = match crate::spec::parse(&source) {
        Ok(raw) => raw,
        Err(d) => {
            return Err(Error::Spec {
                source: Box::new(source),
                diagnostics: vec![d],
            });
        }
    };
    match validate::validate(
        &raw,
        &Context {
            build_date: clock.today(),
        },
    ) {
        Ok(spec) => Ok(Loaded { source, spec }),
        Err(diagnostics) => Err(Error::Spec {
            source: Box::new(source),
            diagnostics,
        }),
    }
}

/// Runs the configured command; returns the exit code.
///
/// # Errors
/// Any `Error`: bad input or usage, or a failed write (exit 2).
pub fn run(config: Config) -> Result<i32, Error> {
    let file = config
        .input
        .files
        .first()
        .cloned()
        .unwrap_or_else(|| PathBuf::from("rituals.yaml"));
    if let Action::Check { strict } = config.action {
        return crate::check::check(&file, &config, strict);
    }
    let loaded = load(&file, config.input.max_input_bytes, &config.clock)?;
    let build = BuildInfo {
        now: config.clock.now,
    };
    match config.action {
        Action::Build {
            out,
            check,
            previous,
            prune,
            force,
        } => {
            crate::check::lint_for_build(&loaded, config.clock.today())?;
            build_cmd(
                &loaded,
                &file,
                &out,
                check,
                previous.as_deref(),
                prune,
                force,
                build,
            )
        }
        Action::Print {
            ritual,
            person,
            previous,
        } => {
            let spec = &loaded.spec;
            let kind = match (ritual, person) {
                (Some(id), _) => FeedKind::Ritual(
                    spec.rituals
                        .iter()
                        .position(|r| r.id == id)
                        .ok_or_else(|| Error::Usage(format!("no ritual has the id `{id}`")))?,
                ),
                (None, Some(id)) => FeedKind::Person(
                    spec.people
                        .iter()
                        .position(|p| p.id == id)
                        .ok_or_else(|| Error::Usage(format!("no person has the id `{id}`")))?,
                ),
                (None, None) => FeedKind::Team,
            };
            let prev = previous.as_deref().map(read_previous).unwrap_or_default();
            let expander = Expander::new(spec);
            let renderer = Renderer::new(&expander, &prev, build);
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&renderer.feed(kind))?;
            stdout.flush()?;
            Ok(0)
        }
        Action::Agenda {
            from,
            to,
            tz,
            format,
            person,
        } => {
            let spec = &loaded.spec;
            let person = person
                .map(|id| {
                    spec.people
                        .iter()
                        .position(|p| p.id == id)
                        .ok_or_else(|| Error::Usage(format!("no person has the id `{id}`")))
                })
                .transpose()?;
            let expander = Expander::new(spec);
            let window = crate::agenda::Window {
                from,
                to,
                tz,
                person,
            };
            let occurrences = crate::agenda::occurrences(&expander, &window);
            let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
            crate::agenda::write(spec, &occurrences, &window, format, &mut stdout)?;
            stdout.flush()?;
            Ok(0)
        }
        Action::Check { .. } => unreachable!("handled before loading"),
    }
}

/// Every feed file of a build, relative to the output folder.
pub fn feed_files(renderer: &Renderer<'_>) -> Vec<OutFile> {
    renderer
        .kinds()
        .into_iter()
        .map(|kind| OutFile {
            path: PathBuf::from(renderer.file_name(kind)),
            bytes: renderer.feed(kind),
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn build_cmd(
    loaded: &Loaded,
    spec_path: &Path,
    out: &Path,
    check: bool,
    previous: Option<&Path>,
    prune: bool,
    force: bool,
    build: BuildInfo,
) -> Result<i32, Error> {
    if !force {
        refuse_dangerous_out(spec_path, out)?;
    }
    let prev = read_previous(previous.unwrap_or(out));
    let expander = Expander::new(&loaded.spec);
    let renderer = Renderer::new(&expander, &prev, build);
    let files = feed_files(&renderer);
    let stale = stale_feeds(out, &files);
    if check {
        let mut changes = 0;
        for f in &files {
            let target = out.join(&f.path);
            match std::fs::read(&target) {
                Ok(old) if old == f.bytes => {}
                Ok(old) => {
                    changes += 1;
                    println!("changed  {}", target.display());
                    for line in uid_changes(
                        &String::from_utf8_lossy(&old),
                        &String::from_utf8_lossy(&f.bytes),
                    ) {
                        println!("  {line}");
                    }
                }
                Err(_) => {
                    changes += 1;
                    println!("added    {}", target.display());
                }
            }
        }
        for s in &stale {
            changes += 1;
            println!("stale    {}", s.display());
        }
        if changes == 0 {
            println!("up to date: {}", out.display());
            return Ok(0);
        }
        return Ok(1);
    }
    for (path, outcome) in output::write_all(out, &files)? {
        match outcome {
            Outcome::Written => println!("wrote {}", path.display()),
            Outcome::Unchanged => println!("unchanged {}", path.display()),
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
            println!("removed {}", s.display());
        } else {
            println!(
                "stale {} (not in the spec any more; `--prune` removes it)",
                s.display()
            );
        }
    }
    Ok(0)
}

/// Refuses to write feeds over the spec's own folder or the root.
fn refuse_dangerous_out(spec_path: &Path, out: &Path) -> Result<(), Error> {
    let canon = |p: &Path| std::fs::canonicalize(p).ok();
    let out_c = canon(out);
    let spec_dir = spec_path.parent().map(|p| {
        if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        }
    });
    let spec_dir_c = spec_dir.and_then(canon);
    if out_c.as_deref() == Some(Path::new("/")) || (out_c.is_some() && out_c == spec_dir_c) {
        return Err(Error::Usage(format!(
            "refusing to write feeds into `{}`, the spec's own folder or the root; choose another `-o` or pass `--force`",
            out.display()
        )));
    }
    Ok(())
}

/// Reads every feed of ours in a folder (and its `people/`).
pub fn read_previous(dir: &Path) -> PreviousFeeds {
    let mut prev = PreviousFeeds::default();
    for path in our_feeds(dir) {
        if let Ok(text) = std::fs::read_to_string(&path) {
            prev.add_feed(&text);
        }
    }
    prev
}

/// `.ics` files in `dir` and `dir/people` that this tool wrote.
fn our_feeds(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for d in [dir.to_path_buf(), dir.join("people")] {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e == "ics") && is_ours(&p) {
                out.push(p);
            }
        }
    }
    out
}

fn is_ours(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 256];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    String::from_utf8_lossy(&head[..n]).contains("PRODID:-//rituals//")
}

fn stale_feeds(out: &Path, files: &[OutFile]) -> Vec<PathBuf> {
    our_feeds(out)
        .into_iter()
        .filter(|p| !files.iter().any(|f| out.join(&f.path) == *p))
        .collect()
}

/// Human lines naming the UIDs added, changed or removed between feeds.
fn uid_changes(old: &str, new: &str) -> Vec<String> {
    let mut a = PreviousFeeds::default();
    a.add_feed(old);
    let mut b = PreviousFeeds::default();
    b.add_feed(new);
    let mut lines = Vec::new();
    let mut new_uids: Vec<&str> = b.uids().collect();
    new_uids.sort_unstable();
    for uid in &new_uids {
        match a.content(uid) {
            None => lines.push(format!("added    {uid}")),
            Some(c) if Some(c) != b.content(uid) => lines.push(format!("changed  {uid}")),
            _ => {}
        }
    }
    let mut old_uids: Vec<&str> = a.uids().filter(|u| b.content(u).is_none()).collect();
    old_uids.sort_unstable();
    lines.extend(old_uids.into_iter().map(|u| format!("removed  {u}")));
    lines
}
