//! A spec file and every file it includes, read and parsed.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::model::Loc;
use crate::spec::raw::RawSpec;
use crate::spec::{ReadError, Source};
use crate::validate::FileDiagnostic;

/// One file, as read; `raw` is None when it did not parse.
pub struct Parsed {
    pub source: Source,
    /// The canonical path (None for standard input): a file's identity.
    pub canon: Option<PathBuf>,
    pub raw: Option<RawSpec>,
    /// Warnings about the text as written (values cut by a comment).
    pub warnings: Vec<Diagnostic>,
}

/// A built file (`files[0]`) and the files it includes, depth first, each
/// once.
pub struct Closure {
    pub files: Vec<Parsed>,
    pub diags: Vec<FileDiagnostic>,
}

/// One step of the include chain: a file, and where its includer named it.
#[derive(Clone, Copy)]
struct Link {
    file: usize,
    /// In the previous file of the chain; None for the built file.
    at: Option<Loc>,
}

impl Closure {
    /// Reads `top` and, recursively, its includes.
    ///
    /// # Errors
    /// `ReadError` when `top` itself cannot be read; problems with included
    /// files are diagnostics in `diags`.
    pub fn read(top: &Path, max: u64) -> Result<Closure, ReadError> {
        let source = Source::read(top, max)?;
        let canon = source
            .path
            .as_ref()
            .and_then(|p| std::fs::canonicalize(p).ok());
        let mut c = Closure {
            files: Vec::new(),
            diags: Vec::new(),
        };
        c.add(source, canon);
        c.visit(&mut vec![Link { file: 0, at: None }], max);
        Ok(c)
    }

    fn add(&mut self, source: Source, canon: Option<PathBuf>) -> usize {
        let index = self.files.len();
        let raw = match crate::spec::parse(&source) {
            Ok(raw) => Some(raw),
            Err(d) => {
                self.diags.push((index, d));
                None
            }
        };
        let warnings = raw
            .as_ref()
            .map(|raw| crate::spec::lost_to_comments(raw, &source.text))
            .unwrap_or_default();
        self.files.push(Parsed {
            source,
            canon,
            raw,
            warnings,
        });
        index
    }

    fn visit(&mut self, chain: &mut Vec<Link>, max: u64) {
        let file = chain.last().expect("chain starts with the built file").file;
        let includes: Vec<(String, Loc)> = match &self.files[file].raw {
            Some(raw) => raw
                .include
                .iter()
                .map(|i| (i.value.trim().to_owned(), crate::validate::loc(i)))
                .collect(),
            None => return,
        };
        if includes.is_empty() {
            return;
        }
        let dirs = self.dirs(file);
        for (k, (rel, at)) in includes.into_iter().enumerate() {
            let Some((canon, source)) = self.open(chain, &dirs, k, &rel, at, max) else {
                continue;
            };
            let index = self.add(source, Some(canon));
            chain.push(Link {
                file: index,
                at: Some(at),
            });
            self.visit(chain, max);
            chain.pop();
        }
    }

    /// The folder of `file`'s includes: the real one (for containment)
    /// and as the user named it (for messages).
    fn dirs(&self, file: usize) -> (PathBuf, PathBuf) {
        let parent = &self.files[file];
        let dir = match &parent.canon {
            Some(c) => c.parent().map(Path::to_path_buf),
            None => std::fs::canonicalize(".").ok(),
        }
        .unwrap_or_default();
        let shown_dir = parent
            .source
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
            .unwrap_or_default();
        (dir, shown_dir)
    }

    /// Include `k` (`rel`, named at `at`) of the chain's last file, read:
    /// its canonical path and source. None when it is not to be read: an
    /// error (reported in `diags`), or a file already in the closure.
    fn open(
        &mut self,
        chain: &[Link],
        (dir, shown_dir): &(PathBuf, PathBuf),
        k: usize,
        rel: &str,
        at: Loc,
        max: u64,
    ) -> Option<(PathBuf, Source)> {
        let file = chain.last().expect("chain starts with the built file").file;
        let field = format!("include[{k}]");
        let shown = shown_dir.join(rel);
        let shown_name = shown.display().to_string();
        let fail = |message: String, hint: String| {
            (
                file,
                Diagnostic::error(message, Some(at), field.clone()).hint(hint),
            )
        };
        let canon = match std::fs::canonicalize(dir.join(rel)) {
            Ok(c) if c.is_file() => c,
            Ok(_) => {
                let d = fail(
                    format!("included file `{shown_name}` is not a file"),
                    self.chain_text(chain, &shown_name),
                );
                self.diags.push(d);
                return None;
            }
            Err(e) => {
                let d = fail(
                    format!("cannot read included file `{shown_name}`: {e}"),
                    self.chain_text(chain, &shown_name),
                );
                self.diags.push(d);
                return None;
            }
        };
        if !canon.starts_with(dir) {
            let d = fail(
                format!(
                    "included file `{shown_name}` is outside `{}`, the folder of the including file",
                    if shown_dir.as_os_str().is_empty() {
                        ".".to_owned()
                    } else {
                        shown_dir.display().to_string()
                    }
                ),
                "an include names a file in the including file's folder or below it; `..` and symbolic links may not leave it".to_owned(),
            );
            let d = (d.0, d.1.hint(self.chain_text(chain, &shown_name)));
            self.diags.push(d);
            return None;
        }
        if let Some(pos) = chain
            .iter()
            .position(|l| self.files[l.file].canon.as_ref() == Some(&canon))
        {
            let d = self.cycle(chain, pos, at, field.clone());
            self.diags.push((file, d));
            return None;
        }
        if self.files.iter().any(|f| f.canon.as_ref() == Some(&canon)) {
            // Already pulled in by another include: its rituals and
            // people are in the team once.
            return None;
        }
        match Source::read(&shown, max) {
            Ok(source) => Some((canon, source)),
            Err(e) => {
                let d = fail(
                    format!("cannot use included file: {e}"),
                    self.chain_text(chain, &shown_name),
                );
                self.diags.push(d);
                None
            }
        }
    }

    /// The chain's last file includes (at `at`) the file at `pos` of the
    /// chain again: the cycle, with each include's place.
    fn cycle(&self, chain: &[Link], pos: usize, at: Loc, field: String) -> Diagnostic {
        let file = chain.last().expect("chain starts with the built file").file;
        let mut names: Vec<&str> = chain[pos..]
            .iter()
            .map(|l| self.files[l.file].source.name.as_str())
            .collect();
        names.push(&self.files[chain[pos].file].source.name);
        let mut places: Vec<String> = chain[pos + 1..]
            .iter()
            .zip(chain[pos..].iter())
            .map(|(l, from)| self.includes_line(from.file, l.at, l.file))
            .collect();
        places.push(self.includes_line(file, Some(at), chain[pos].file));
        let mut d = Diagnostic::error(
            format!("include cycle: {}", names.join(" → ")),
            Some(at),
            field,
        );
        for p in places {
            d = d.hint(p);
        }
        d.hint("a file may not include itself, directly or not: remove one of these includes")
    }

    /// `include chain: a.yaml → b.yaml → c.yaml`.
    fn chain_text(&self, chain: &[Link], last: &str) -> String {
        let mut names: Vec<&str> = chain
            .iter()
            .map(|l| self.files[l.file].source.name.as_str())
            .collect();
        names.push(last);
        format!("include chain: {}", names.join(" → "))
    }

    /// `a.yaml:3:5 includes b.yaml`.
    fn includes_line(&self, from: usize, at: Option<Loc>, to: usize) -> String {
        let at = at.unwrap_or_default();
        format!(
            "{}:{}:{} includes {}",
            self.files[from].source.name, at.line, at.column, self.files[to].source.name
        )
    }
}
