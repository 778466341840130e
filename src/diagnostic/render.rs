use std::fmt::Write;

use super::{Diagnostic, Severity};

/// Renders a diagnostic against its source, like rustc:
///
/// ```text
/// error: `every` expects a weekday, ...
///   --> rituals.yaml:14:12  (rituals[2].every)
///    |
/// 14 |     every: mondey
///    |            ^^^^^^
/// hint: did you mean `monday`?
/// ```
///
/// The format (with the field path after the location) is fixed by our
/// users' docs, so it is written here rather than through a snippet crate.
pub fn render(d: &Diagnostic, file: &str, source: &str, color: bool) -> String {
    let (on, off) = match (color, d.severity) {
        (false, _) => ("", ""),
        (true, Severity::Error) => ("\x1b[1;31m", "\x1b[0m"),
        (true, Severity::Warning) => ("\x1b[1;33m", "\x1b[0m"),
        (true, Severity::Info) => ("\x1b[1;36m", "\x1b[0m"),
    };
    let mut out = format!("{on}{}{off}: {}\n", d.severity.label(), d.message);
    let path = if d.path.is_empty() {
        String::new()
    } else {
        format!("  ({})", d.path)
    };
    match d.loc.filter(|l| l.line > 0) {
        Some(loc) => {
            let line_text = source.lines().nth(loc.line as usize - 1).unwrap_or("");
            let num = loc.line.to_string();
            let pad = " ".repeat(num.len());
            let _ = writeln!(out, "{pad}--> {file}:{}:{}{path}", loc.line, loc.column);
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{num} | {}", line_text.trim_end());
            let col = (loc.column as usize).saturating_sub(1);
            let width =
                (loc.len as usize).clamp(1, line_text.chars().count().saturating_sub(col).max(1));
            let _ = writeln!(
                out,
                "{pad} | {}{on}{}{off}",
                " ".repeat(col),
                "^".repeat(width)
            );
        }
        None => {
            let _ = writeln!(out, " --> {file}{path}");
        }
    }
    for hint in &d.hints {
        let _ = writeln!(out, "hint: {hint}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Loc;

    #[test]
    fn renders_like_rustc() {
        let source = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n    every: mondey\n";
        let d = Diagnostic::error(
            "`every` expects a weekday",
            Some(Loc {
                line: 14,
                column: 12,
                len: 6,
            }),
            "rituals[2].every",
        )
        .hint("did you mean `monday`?");
        assert_eq!(
            render(&d, "rituals.yaml", source, false),
            "error: `every` expects a weekday
  --> rituals.yaml:14:12  (rituals[2].every)
   |
14 |     every: mondey
   |            ^^^^^^
hint: did you mean `monday`?
"
        );
    }
}
