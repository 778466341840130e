//! `rituals import FILE.ics [-o OUT.yaml]`: reads the file, runs the
//! import stage, prints each lossy item on stderr, writes the spec.

use std::io::{Read, Write};
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::cli::ImportArgs;
use crate::error::Error;
use crate::import::{Options, import};
use crate::output::{OutFile, write_all};

/// What `rituals import` was asked, checked.
#[derive(Debug)]
pub struct ImportJob {
    pub file: PathBuf,
    pub out: Option<PathBuf>,
    pub options: Options,
}

impl ImportJob {
    /// # Errors
    /// `Error::Usage` for a `--since` that is not a date.
    pub fn new(
        a: ImportArgs,
        date_arg: fn(&str, &str) -> Result<NaiveDate, Error>,
    ) -> Result<ImportJob, Error> {
        let since = a.since.map(|s| date_arg("--since", &s)).transpose()?;
        Ok(ImportJob {
            options: Options {
                file_name: a.file.display().to_string(),
                since,
                one_offs: a.one_offs,
                domain: a.domain,
            },
            file: a.file,
            out: a.out,
        })
    }
}

/// Runs the import; exit 0 (lossy items are warnings).
///
/// # Errors
/// `Error::Usage` when the file cannot be read, `Error::Import` when it is
/// not iCalendar, `Error::Output` when the spec cannot be written.
pub fn run(job: ImportJob) -> Result<i32, Error> {
    let mut bytes = Vec::new();
    let read = if job.file.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(&job.file).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    read.map_err(|e| Error::Usage(format!("cannot read `{}`: {e}", job.file.display())))?;
    let text = String::from_utf8_lossy(&bytes);
    let imported = import(&text, &job.options).map_err(Error::Import)?;
    let mut stderr = std::io::stderr().lock();
    for l in &imported.lossy {
        writeln!(stderr, "{l}")?;
    }
    match &job.out {
        Some(path) => {
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
            let name = path
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| path.clone());
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
