//! `rituals build`: lint, then write every feed and page of one team (into
//! the output folder) or of many (each into `OUT/<slug>/`, plus a combined
//! `OUT/rituals.ics`), all published together.

use std::path::Path;

use chrono::NaiveDate;

use crate::error::Error;
use crate::load::Workspace;
use crate::output::feeds::{BuildOptions, build_one, build_teams};

/// Builds the loaded workspace; returns the exit code (1: `--check` found
/// pending changes).
///
/// # Errors
/// `Error::Specs` when a lint reports an error, `Error::Usage` when the
/// output folder is the spec's own folder or the root (unless `force`),
/// `Error::Output` when a file cannot be written.
pub fn run(ws: &Workspace, opts: &BuildOptions<'_>, today: NaiveDate) -> Result<i32, Error> {
    crate::lint::report::for_build(&ws.teams, today)?;
    if ws.many {
        if !opts.force {
            for t in &ws.teams {
                if let Some(path) = &t.source().path {
                    refuse_dangerous_out(path, opts.out)?;
                }
            }
        }
        build_teams(&ws.teams, opts)
    } else {
        let loaded = &ws.teams[0];
        if !opts.force {
            let file = loaded.source().path.as_deref().unwrap_or(Path::new("-"));
            refuse_dangerous_out(file, opts.out)?;
        }
        build_one(loaded, opts)
    }
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
