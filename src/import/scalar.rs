//! YAML scalars as a person writes them: plain when YAML reads them back
//! as the same string, double-quoted otherwise (` #`, `: `, leading
//! indicators, and text that looks like a boolean, number, date or time);
//! flow lists wrapped at a readable width; multi-line text as `|-` blocks.

use std::fmt::Write as _;

/// Would YAML read `s` as something else than this string, plain?
fn needs_quotes(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let first = s.chars().next();
    s.is_empty()
        || s != s.trim()
        || s.contains(": ")
        || s.ends_with(':')
        || s.contains(" #")
        || s.contains('\t')
        || s.chars().any(char::is_control)
        || first.is_some_and(|c| "-?:,[]{}#&*!|>'\"%@`".contains(c))
        || matches!(
            lower.as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null" | "~"
        )
        || looks_numeric(s)
}

/// Numbers (1, 1.5, 1e3, 0x1f), dates and times (YAML 1.1 reads `16:00`
/// as a number).
fn looks_numeric(s: &str) -> bool {
    let t = s.trim_start_matches(['+', '-']).replace('_', "");
    let lower = t.to_ascii_lowercase();
    t.parse::<f64>().is_ok()
        || lower.starts_with("0x")
        || lower.starts_with("0o")
        || matches!(lower.as_str(), ".inf" | ".nan")
        || (t.starts_with(|c: char| c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_digit() || "-:. tT".contains(c)))
}

/// A double-quoted scalar.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `s` as a plain or quoted scalar on one line.
pub fn scalar(s: &str) -> String {
    if needs_quotes(s) {
        quoted(s)
    } else {
        s.to_owned()
    }
}

/// Always quoted: times and date-times, which YAML 1.1 reads as numbers.
pub fn time_scalar(s: &str) -> String {
    quoted(s)
}

/// An item of a flow list: also quoted when it holds `,[]{}`.
fn flow_item(s: &str) -> String {
    if s.contains([',', '[', ']', '{', '}']) {
        quoted(s)
    } else {
        scalar(s)
    }
}

pub fn flow_list(items: &[String]) -> Vec<String> {
    items.iter().map(|s| flow_item(s)).collect()
}

/// Lines past this width wrap their flow list.
const WIDTH: usize = 88;

/// `key: [a, b, …]`, wrapped under the first item when the line is long.
pub fn flow_field(out: &mut String, indent: &str, key: &str, items: &[String]) {
    let head = format!("{indent}{key}: [");
    let pad = " ".repeat(head.chars().count());
    let mut line = head;
    for (i, item) in items.iter().enumerate() {
        let last = i + 1 == items.len();
        let piece = if last {
            format!("{item}]")
        } else {
            format!("{item},")
        };
        let fresh = line.ends_with('[') || line.ends_with(' ');
        if !fresh && line.chars().count() + 1 + piece.chars().count() > WIDTH {
            let _ = writeln!(out, "{line}");
            line = pad.clone();
        } else if !fresh {
            line.push(' ');
        }
        line.push_str(&piece);
    }
    if items.is_empty() {
        line.push(']');
    }
    let _ = writeln!(out, "{line}");
}

/// `key: value` at `indent`; multi-line text as a `|-` block when it can
/// be one (no leading space on the first line, no trailing spaces).
pub fn text_field(out: &mut String, indent: &str, key: &str, value: &str) {
    let block_ok = value.contains('\n')
        && !value.starts_with([' ', '\t'])
        && !value.ends_with('\n')
        && value
            .lines()
            .all(|l| l == l.trim_end() && !l.contains('\t'))
        && !value.chars().any(|c| c.is_control() && c != '\n');
    if block_ok {
        let _ = writeln!(out, "{indent}{key}: |-");
        for line in value.split('\n') {
            if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{indent}  {line}");
            }
        }
    } else {
        let _ = writeln!(out, "{indent}{key}: {}", scalar(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_where_yaml_needs_them() {
        for (s, want) in [
            ("Stand-up", "Stand-up"),
            ("Permanence IRC #bluehats", "\"Permanence IRC #bluehats\""),
            (
                "irc://irc.libera.chat/#bluehats",
                "irc://irc.libera.chat/#bluehats",
            ),
            ("Note: important", "\"Note: important\""),
            ("yes", "\"yes\""),
            ("No", "\"No\""),
            ("2026", "\"2026\""),
            ("1.5", "\"1.5\""),
            ("2026-01-05", "\"2026-01-05\""),
            ("16:00", "\"16:00\""),
            ("- dash", "\"- dash\""),
            ("*star", "\"*star\""),
            ("say \"hi\"", "say \"hi\""),
            ("\"quoted\"", "\"\\\"quoted\\\"\""),
            (" lead", "\" lead\""),
            ("Ana A Lopez; Jr.", "Ana A Lopez; Jr."),
            ("1:1 with Bo", "1:1 with Bo"),
            ("null", "\"null\""),
            ("1d", "1d"),
            ("15m", "15m"),
            ("1e3", "\"1e3\""),
            ("0x1F", "\"0x1F\""),
            ("", "\"\""),
        ] {
            assert_eq!(scalar(s), want, "{s:?}");
        }
    }

    #[test]
    fn long_lists_wrap_under_their_first_item() {
        let mut out = String::new();
        let days: Vec<String> = (1..=12).map(|d| format!("2026-01-{d:02}")).collect();
        flow_field(&mut out, "    ", "skip", &days);
        assert_eq!(
            out,
            "    skip: [2026-01-01, 2026-01-02, 2026-01-03, 2026-01-04, 2026-01-05, 2026-01-06,\n           2026-01-07, 2026-01-08, 2026-01-09, 2026-01-10, 2026-01-11, 2026-01-12]\n"
        );
    }

    #[test]
    fn multi_line_text_is_a_block() {
        let mut out = String::new();
        text_field(&mut out, "    ", "description", "line one: a\n\nline #3");
        assert_eq!(
            out,
            "    description: |-\n      line one: a\n\n      line #3\n"
        );
        let mut out = String::new();
        text_field(&mut out, "    ", "description", " indented\nsecond");
        assert_eq!(out, "    description: \" indented\\nsecond\"\n");
    }
}
