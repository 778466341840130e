//! Diagnostics. Every stage gives them (one problem, where it is, and how
//! to fix it); this renders them against their source like rustc (source
//! line and caret).

mod render;

pub use render::render;

use crate::model::Loc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One problem found in a spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Lowercase, says what was expected.
    pub message: String,
    /// None when the problem is about the whole file.
    pub loc: Option<Loc>,
    /// Field path, e.g. `rituals[2].every`.
    pub path: String,
    pub hints: Vec<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>, loc: Option<Loc>, path: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            loc,
            path: path.into(),
            hints: Vec::new(),
        }
    }

    pub fn warning(message: impl Into<String>, loc: Option<Loc>, path: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message, loc, path)
        }
    }

    pub fn info(message: impl Into<String>, loc: Option<Loc>, path: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Info,
            ..Diagnostic::error(message, loc, path)
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The closest candidate to a misspelt word, if it is close enough to be
/// what the user meant.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&word, &c.to_lowercase()), c))
        .filter(|(d, c)| *d > 0 && *d <= (c.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Colour only for a terminal, and never when `NO_COLOR` is set.
pub fn use_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        let days = ["monday", "tuesday", "friday"];
        assert_eq!(did_you_mean("mondey", days), Some("monday"));
        assert_eq!(did_you_mean("Fridya", days), Some("friday"));
        assert_eq!(did_you_mean("banana", days), None);
    }
}
