//! `rituals init`: write a starter spec (and the JSON Schema it points
//! editors to) into a folder, never over an existing file.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// The starter spec `init` writes: it must build as is (a test checks).
pub const STARTER: &str = include_str!("starter.yaml");

/// Runs `init` in `dir`; returns the exit code.
///
/// # Errors
/// `Error::Usage` when `init` would overwrite a spec; `Error::Output` or
/// `Error::Io` when writing fails.
pub fn run(dir: &Path) -> Result<i32, Error> {
    let mut stdout = crate::pipe::stdout();
    for path in init(dir)? {
        writeln!(stdout, "wrote {}", path.display())?;
    }
    writeln!(
        stdout,
        "next: edit it, then run `rituals build` to write the feeds into public/"
    )?;
    stdout.flush()?;
    Ok(0)
}

/// Writes `DIR/rituals.yaml`, and `DIR/rituals.schema.json` (that its
/// first line points editors to) when absent. Never overwrites.
///
/// # Errors
/// `Error::Usage` when `rituals.yaml` exists; `Error::Output` when a file
/// cannot be written.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let spec = dir.join("rituals.yaml");
    let refuse = || {
        Error::Usage(format!(
            "`{}` already exists; nothing was written\nhint: edit it, or run `rituals init` in another folder",
            spec.display()
        ))
    };
    if spec.exists() {
        return Err(refuse());
    }
    let mut written = Vec::new();
    std::fs::create_dir_all(dir).map_err(|e| output_error(dir, e))?;
    // No-clobber rename: a file created meanwhile is never replaced.
    match write_new(dir, &spec, STARTER.as_bytes()) {
        Ok(()) => written.push(spec.clone()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(refuse()),
        Err(e) => return Err(output_error(&spec, e)),
    }
    let schema = dir.join(crate::spec::schema::FILE_NAME);
    match write_new(dir, &schema, crate::spec::schema::json().as_bytes()) {
        Ok(()) => written.push(schema),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(output_error(&schema, e)),
    }
    Ok(written)
}

fn write_new(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".rituals-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_data()?;
    #[cfg(unix)]
    {
        // A file the user owns and edits, not a private temporary file.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

fn output_error(file: &Path, source: std::io::Error) -> Error {
    Error::Output(crate::output::OutputError {
        file: file.to_owned(),
        source,
    })
}
