use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files above this size are refused before parsing (`--max-input-bytes`).
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 4 * 1024 * 1024;

/// A spec's text and the name it is reported under.
#[derive(Clone, Debug)]
pub struct Source {
    /// As the user wrote it (`rituals.yaml`, `<stdin>`).
    pub name: String,
    /// The file's path, None for stdin.
    pub path: Option<PathBuf>,
    pub text: String,
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
    NotUtf8 {
        file: String,
        line: usize,
        column: usize,
    },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io { file, source } => write!(f, "cannot read `{file}`: {source}"),
            ReadError::TooLarge { file, max } => write!(
                f,
                "`{file}` is larger than {max} bytes; split it into several files or raise `--max-input-bytes`"
            ),
            ReadError::NotUtf8 { file, line, column } => {
                write!(
                    f,
                    "`{file}` is not valid UTF-8 (first bad byte at {line}:{column}); save it as UTF-8"
                )
            }
        }
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
        let mut bytes = Vec::new();
        let (file_path, reader): (Option<PathBuf>, Box<dyn Read>) = if name == "-" {
            (None, Box::new(std::io::stdin().lock()))
        } else {
            (
                Some(path.to_owned()),
                Box::new(std::fs::File::open(path).map_err(io)?),
            )
        };
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
                Ok(Source { name, path, text })
            }
            Err(e) => {
                let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let line = good.iter().filter(|b| **b == b'\n').count() + 1;
                let start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
                let column = String::from_utf8_lossy(&good[start..]).chars().count() + 1;
                Err(ReadError::NotUtf8 {
                    file: name,
                    line,
                    column,
                })
            }
        }
    }
}
