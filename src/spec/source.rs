use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::model::Loc;

/// Files above this size are refused before parsing (`--max-input-bytes`).
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 4 * 1024 * 1024;

/// A spec's text and the name it is reported under.
#[derive(Clone, Debug)]
pub struct Source {
    /// As the user wrote it (`rituals.yaml`, `<stdin>`).
    pub name: String,
    /// The file's path, None for stdin.
    pub path: Option<PathBuf>,
    /// Shared: every diagnostic report about the file holds it, and a
    /// folder of many teams is tens of megabytes of text.
    pub text: std::sync::Arc<str>,
}

/// Why a spec could not be read at all (exit 2).
#[derive(Debug)]
pub enum ReadError {
    Io {
        file: String,
        source: std::io::Error,
    },
    TooLarge {
        file: String,
        max: u64,
    },
    /// `line:column` of the first byte that is not UTF-8; `text` is the
    /// file with each bad sequence replaced by U+FFFD, to show the line.
    NotUtf8 {
        file: String,
        line: usize,
        column: usize,
        /// The first bad byte.
        byte: u8,
        text: String,
    },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io { file, source } => {
                write!(f, "cannot read `{file}`: {source}")?;
                if source.kind() == std::io::ErrorKind::NotFound {
                    write!(f, "\nhint: {}", not_found_hint(file))?;
                }
                Ok(())
            }
            ReadError::TooLarge { file, max } => write!(
                f,
                "`{file}` is larger than {max} bytes; split it into several files or raise `--max-input-bytes`"
            ),
            ReadError::NotUtf8 {
                file,
                line,
                column,
                byte,
                ..
            } => write!(
                f,
                "`{file}` is not valid UTF-8: found the byte 0x{byte:02X} at {file}:{line}:{column}; save it as UTF-8"
            ),
        }
    }
}

impl ReadError {
    /// The error as the run's last words: `error: ` and the message, or,
    /// for a byte that is not UTF-8, located like every other error in a
    /// spec (`--> file:line:column` and the line itself).
    pub fn render(&self, color: bool) -> String {
        let ReadError::NotUtf8 {
            file,
            line,
            column,
            byte,
            text,
        } = self
        else {
            return format!("error: {self}");
        };
        let d = Diagnostic::error(
            format!(
                "the spec is not valid UTF-8: expected UTF-8 text, found the byte 0x{byte:02X}"
            ),
            Some(Loc {
                line: u32::try_from(*line).unwrap_or(u32::MAX),
                column: u32::try_from(*column).unwrap_or(u32::MAX),
                len: 1,
            }),
            "",
        )
        .hint("save the file as UTF-8 (most editors offer it under *Save with encoding*)");
        let shown = crate::diagnostic::render(&d, file, text, color);
        shown.trim_end_matches('\n').to_owned()
    }
}

/// What to do about a spec that is not there: the default `rituals.yaml`
/// (or one named after it) is most likely not written yet.
fn not_found_hint(file: &str) -> String {
    let path = Path::new(file);
    if path.file_name().is_some_and(|n| n == "rituals.yaml") {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map(|d| format!(" {}", d.display()))
            .unwrap_or_default();
        format!(
            "run `rituals init{dir}` to write a starter `rituals.yaml`, or name another spec with `-f FILE`"
        )
    } else {
        "check the path; `rituals init` writes a starter `rituals.yaml`".to_owned()
    }
}

impl std::error::Error for ReadError {}

impl Source {
    /// Reads `path` (`-` for stdin), refusing more than `max` bytes.
    ///
    /// # Errors
    /// `ReadError` when the file cannot be read, is over `max` bytes, or is
    /// not UTF-8.
    pub fn read(path: &Path, max: u64) -> Result<Source, ReadError> {
        let name = path.display().to_string();
        let io = |source| ReadError::Io {
            file: name.clone(),
            source,
        };
        let (file_path, reader, len): (Option<PathBuf>, Box<dyn Read>, u64) = if name == "-" {
            (None, Box::new(std::io::stdin().lock()), 0)
        } else {
            let file = std::fs::File::open(path).map_err(io)?;
            let len = file.metadata().map_or(0, |m| m.len());
            (Some(path.to_owned()), Box::new(file), len)
        };
        // Sized up front: grown by doubling, a large file's buffer would
        // be held twice while it is copied.
        let mut bytes = Vec::with_capacity(usize::try_from(len.min(max) + 1).unwrap_or(0));
        // Read one byte past the cap so an oversized file is detected
        // without reading all of it.
        reader.take(max + 1).read_to_end(&mut bytes).map_err(io)?;
        if bytes.len() as u64 > max {
            return Err(ReadError::TooLarge { file: name, max });
        }
        let name = if file_path.is_none() {
            "<stdin>".to_owned()
        } else {
            name
        };
        Source::from_bytes(name, file_path, bytes)
    }

    /// # Errors
    /// `ReadError::NotUtf8` when `bytes` are not UTF-8.
    pub fn from_bytes(
        name: String,
        path: Option<PathBuf>,
        bytes: Vec<u8>,
    ) -> Result<Source, ReadError> {
        match String::from_utf8(bytes) {
            Ok(mut text) => {
                if text.starts_with('\u{feff}') {
                    text.drain(..3);
                }
                Ok(Source {
                    name,
                    path,
                    text: text.into(),
                })
            }
            Err(e) => {
                let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let line = good.iter().filter(|b| **b == b'\n').count() + 1;
                let start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
                let column = String::from_utf8_lossy(&good[start..]).chars().count() + 1;
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                Err(ReadError::NotUtf8 {
                    file: name,
                    line,
                    column,
                    byte: e.as_bytes()[good.len()],
                    text,
                })
            }
        }
    }
}
