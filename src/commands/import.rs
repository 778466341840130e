//! `rituals import FILE.ics [-o OUT.yaml]`: reads the file, runs the
//! import stage, prints each lossy item on stderr, writes the spec.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::import::{Options, import};
use crate::output::{OutFile, write_all};

/// Runs the import; exit 0 (lossy items are warnings).
///
/// # Errors
/// `Error::Usage` when the file cannot be read, `Error::Import` when it is
/// not iCalendar, `Error::Output` when the spec cannot be written.
pub fn run(file: &Path, out: Option<&Path>, options: &Options) -> Result<i32, Error> {
    let mut bytes = Vec::new();
    let read = if file.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(file).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    read.map_err(|e| Error::Usage(format!("cannot read `{}`: {e}", file.display())))?;
    let text = String::from_utf8_lossy(&bytes);
    let imported = import(&text, options).map_err(Error::Import)?;
    // The warnings go to a reader that may leave (`2>&1 | head`): the spec
    // is still written.
    let mut stderr = crate::pipe::stderr();
    for l in &imported.lossy {
        writeln!(stderr, "{l}")?;
    }
    match out {
        Some(path) => {
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
            let name = path
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| path.to_path_buf());
            write_all(
                dir.unwrap_or(std::path::Path::new(".")),
                &[OutFile {
                    path: name,
                    bytes: imported.yaml.into_bytes(),
                }],
            )?;
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(imported.yaml.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(0)
}
