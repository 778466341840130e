//! Which spec files `-f` names: files as given, folders as their
//! `*.yaml`/`*.yml` files.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::spec::ReadError;

/// The spec files to build, in a stable order: `-f` order, and sorted
/// names within a folder. `many` is true when a folder or several files
/// were given: each file is then one team of a many-teams build.
pub fn spec_files(inputs: &[PathBuf], recursive: bool) -> Result<(Vec<PathBuf>, bool), Error> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut many = inputs.len() > 1;
    for input in inputs {
        if input.as_os_str() != "-" && input.is_dir() {
            many = true;
            let before = files.len();
            walk(input, recursive, &mut files)?;
            if files.len() == before {
                return Err(Error::Usage(format!(
                    "`{}` holds no `*.yaml` or `*.yml` spec file{}",
                    input.display(),
                    if recursive {
                        ""
                    } else {
                        " (`--recursive` looks into its sub-folders)"
                    }
                )));
            }
        } else {
            files.push(input.clone());
        }
    }
    // The same file named twice (`-f a.yaml -f ./a.yaml`) is one team.
    let mut seen: Vec<PathBuf> = Vec::new();
    files.retain(|f| match std::fs::canonicalize(f) {
        Ok(c) if seen.contains(&c) => false,
        Ok(c) => {
            seen.push(c);
            true
        }
        Err(_) => true,
    });
    Ok((files, many))
}

fn walk(dir: &Path, recursive: bool, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Error::Read(ReadError::Io {
            file: dir.display().to_string(),
            source: e,
        })
    })?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let hidden = p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        // Symbolic links to folders are not followed: a link loop would
        // never end.
        if std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_dir()) {
            if recursive {
                walk(&p, recursive, out)?;
            }
        } else if p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(p);
        }
    }
    Ok(())
}
