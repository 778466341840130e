//! Reading a spec. Takes a file's bytes; gives `raw::RawSpec` (serde types
//! that mirror the YAML, with spans), or located errors. Also the JSON
//! Schema of that format.

mod comments;
pub mod days;
mod path;
pub mod raw;
pub mod schema;
pub mod schema_hints;
mod source;

pub use comments::lost_to_comments;
pub use path::field_path_at;
pub use source::{DEFAULT_MAX_INPUT_BYTES, ReadError, Source};

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::model::Loc;

/// Parses a spec's YAML into the raw serde model.
///
/// # Errors
/// A `Diagnostic` for YAML syntax errors, unknown or duplicate keys, wrong
/// types, missing fields, an empty document, and inputs that exceed the
/// parser's budget (alias bombs, deep nesting).
pub fn parse(source: &Source) -> Result<raw::RawSpec, Diagnostic> {
    // Comments alone are as empty as nothing: say so rather than report
    // an unexpected end of the file.
    let blank = source
        .text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    if blank {
        return Err(Diagnostic::error(
            "the spec is empty: expected a `calendar:` section and a list of `rituals:`",
            None,
            "",
        ));
    }
    let options = serde_saphyr::options! {
        strict_booleans: true,
        budget: budget_for(source.text.len()),
    };
    serde_saphyr::from_str_with_options(&source.text, options).map_err(|e| yaml_error(&e, source))
}

/// The node budget grows with the input so that every file under the size
/// cap parses, while alias expansion and nesting stay bounded.
/// A node takes at least two bytes of input (`a,` in a flow list), so
/// `len / 2` nodes is the most an honest file can hold.
fn budget_for(len: usize) -> Option<serde_saphyr::Budget> {
    serde_saphyr::budget! {
        max_events: (len + 1024).max(1_000_000),
        max_nodes: (len / 2 + 1024).max(250_000),
        max_depth: 64,
    }
}

fn yaml_error(e: &serde_saphyr::Error, source: &Source) -> Diagnostic {
    let raw = e.without_snippet().to_string();
    // The crate appends "at line L, column C"; we print the location ourselves.
    let message = match raw.rfind(" at line ") {
        Some(i) => raw[..i].to_owned(),
        None => raw,
    };
    let loc = e.location().filter(|l| l.line() > 0).map(|l| Loc {
        line: l.line() as u32,
        column: l.column() as u32,
        len: l.span().len() as u32,
    });
    let path = loc
        .map(|l| field_path_at(&source.text, l.line))
        .unwrap_or_default();
    let mut path = path;
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        // The location is the mapping that lacks the field (its last
        // key), so the path names that mapping, not the key on that line.
        if path
            .rsplit_once('.')
            .is_some_and(|(_, last)| !last.contains('['))
        {
            path = path
                .rsplit_once('.')
                .map(|(p, _)| p.to_owned())
                .unwrap_or_default();
        } else if !path.contains('[') {
            path.clear();
        }
        let mut d = Diagnostic::error(format!("missing field `{field}`"), loc, path);
        d = d.hint(format!(
            "add `{field}:` to this mapping, at the same indentation as its other keys"
        ));
        return d;
    }
    let mut d = Diagnostic::error(reword(&message), loc, path);
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((field, expected)) = rest.split_once("`, expected one of ")
    {
        let expected: Vec<&str> = expected.split(", ").collect();
        if let Some(best) = did_you_mean(field, expected.iter().copied()) {
            d = d.hint(format!("did you mean `{best}`?"));
        } else {
            d = d.hint(format!("allowed fields here: {}", expected.join(", ")));
        }
        d.message = format!("unknown field `{field}`");
    }
    if message.starts_with("budget breached: Depth") {
        d = d.hint("a spec needs a few levels at most; look for unbalanced `[` or `{`");
    } else if message.starts_with("budget breached") {
        d = d.hint("write the values out, or use aliases that do not refer to other aliases");
    }
    if message.contains("did not find expected") {
        d = d.hint(
            "check this line's indentation: the keys of one mapping start in the same column",
        );
    }
    if message.contains("duplicate mapping key") {
        d = d.hint("each key may appear once per mapping; remove one of them");
    }
    if message.contains("invalid boolean") {
        d = d.hint(
            "write `true` or `false` (YAML 1.2 booleans; `yes`/`no`/`on`/`off` are not booleans)",
        );
    }
    d
}

/// Turns the YAML library's wording into ours where it reads poorly.
fn reword(message: &str) -> String {
    if let Some(key) = message.strip_prefix("duplicate mapping key: ") {
        let key = key.split(',').next().unwrap_or(key);
        return format!("duplicate key `{key}`");
    }
    if message.starts_with("invalid boolean") {
        return "expected `true` or `false`".to_owned();
    }
    if message.starts_with("unexpected end of input") {
        return "unexpected end of the file".to_owned();
    }
    if message.starts_with("invalid u32") {
        return "expected a whole number".to_owned();
    }
    if message.contains("found a tab") {
        return "found a tab character: YAML is indented with spaces only".to_owned();
    }
    if message.starts_with("invalid trailing content after") {
        return "unexpected text after a quoted value: a quote may be missing on this line or an earlier one".to_owned();
    }
    if message.starts_with("expected sequence start") {
        return "expected a list here (lines starting with `- `, or `[a, b]`)".to_owned();
    }
    if message.starts_with("expected mapping start") {
        return "expected a mapping here (`key: value` lines)".to_owned();
    }
    if message.starts_with("expected string scalar") {
        return "expected a text value here, not a list or a mapping".to_owned();
    }
    if message.starts_with("budget breached: Depth") {
        return "the spec is nested too deeply (more than 64 levels of lists and mappings)"
            .to_owned();
    }
    if message.starts_with("budget breached") {
        return "the spec expands to too many values: YAML aliases (`*name`) that copy other aliases multiply (an \"alias bomb\")".to_owned();
    }
    message.to_owned()
}
