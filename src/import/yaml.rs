//! The spec as YAML text, written the way a person would: the calendar
//! first, 2-space indents, flow lists for short values, block text for
//! multi-line descriptions, and quotes only where YAML needs them. Pure:
//! a [`Doc`] in, text out.

use std::fmt::Write as _;

use super::doc::{AttendeesDoc, ChangeDoc, Doc, RitualDoc, ScheduleDoc};

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
fn time_scalar(s: &str) -> String {
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

fn flow_list(items: &[String]) -> Vec<String> {
    items.iter().map(|s| flow_item(s)).collect()
}

/// Lines past this width wrap their flow list.
const WIDTH: usize = 88;

/// `key: [a, b, …]`, wrapped under the first item when the line is long.
fn flow_field(out: &mut String, indent: &str, key: &str, items: &[String]) {
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
fn text_field(out: &mut String, indent: &str, key: &str, value: &str) {
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

fn comment(out: &mut String, indent: &str, line: &str) {
    for l in line.split('\n') {
        let _ = writeln!(out, "{indent}# {l}");
    }
}

/// The whole file.
pub fn write(doc: &Doc) -> String {
    let mut out = String::new();
    for h in &doc.header {
        comment(&mut out, "", h);
    }
    let c = &doc.calendar;
    out.push_str("calendar:\n");
    text_field(&mut out, "  ", "name", &c.name);
    if let Some(d) = &c.description {
        text_field(&mut out, "  ", "description", d);
    }
    let _ = writeln!(out, "  timezone: {}", scalar(&c.timezone));
    if let Some(s) = c.since {
        let _ = writeln!(out, "  since: {s}");
    }
    let _ = writeln!(out, "  domain: {}", scalar(&c.domain));
    if let Some(r) = &c.refresh {
        let _ = writeln!(out, "  refresh: {}", scalar(r));
    }
    if let Some(l) = &c.language {
        let _ = writeln!(out, "  language: {}", scalar(l));
    }
    if let Some(h) = c.horizon {
        let _ = writeln!(out, "  horizon: {h}");
    }
    for l in &c.comments {
        comment(&mut out, "  ", l);
    }
    if !doc.people.is_empty() {
        out.push_str("\npeople:\n");
        for p in &doc.people {
            let _ = writeln!(out, "  - id: {}", scalar(&p.id));
            let _ = writeln!(out, "    name: {}", scalar(&p.name));
            if let Some(e) = &p.email {
                let _ = writeln!(out, "    email: {}", scalar(e));
            }
        }
    }
    out.push_str("\nrituals:");
    if doc.rituals.is_empty() {
        out.push_str(" []");
    }
    out.push('\n');
    for (i, r) in doc.rituals.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        ritual(&mut out, r);
    }
    if !doc.not_imported.is_empty() {
        out.push('\n');
        comment(&mut out, "", "Not imported:");
        for l in &doc.not_imported {
            comment(&mut out, "", &format!("- {l}"));
        }
    }
    out
}

fn schedule(out: &mut String, indent: &str, s: &ScheduleDoc) {
    match s {
        ScheduleDoc::Every(e) => {
            let _ = writeln!(out, "{indent}every: {}", scalar(e));
        }
        ScheduleDoc::RRule(r) => {
            let _ = writeln!(out, "{indent}rrule: {}", scalar(r));
        }
        ScheduleDoc::Dates(d) => {
            let items: Vec<String> = d
                .iter()
                .map(|x| {
                    if x.len() == 10 {
                        x.clone()
                    } else {
                        time_scalar(x)
                    }
                })
                .collect();
            flow_field(out, indent, "dates", &items);
        }
    }
}

fn ritual(out: &mut String, r: &RitualDoc) {
    for c in &r.comments {
        comment(out, "  ", c);
    }
    let _ = writeln!(out, "  - id: {}", scalar(&r.id));
    let ind = "    ";
    text_field(out, ind, "title", &r.title);
    if let Some(d) = &r.description {
        text_field(out, ind, "description", d);
    }
    if let Some(l) = &r.location {
        text_field(out, ind, "location", l);
    }
    if let Some(u) = &r.url {
        let _ = writeln!(out, "{ind}url: {}", scalar(u));
    }
    schedule(out, ind, &r.schedule);
    let time = if r.time == "all day" {
        r.time.clone()
    } else {
        time_scalar(&r.time)
    };
    let _ = writeln!(out, "{ind}time: {time}");
    if let Some(d) = &r.duration {
        let _ = writeln!(out, "{ind}duration: {}", scalar(d));
    }
    if let Some(z) = &r.timezone {
        let _ = writeln!(out, "{ind}timezone: {}", scalar(z));
    }
    if let Some(s) = r.since {
        let _ = writeln!(out, "{ind}since: {s}");
    }
    if let Some(u) = r.until {
        let _ = writeln!(out, "{ind}until: {u}");
    }
    if let Some(c) = r.count {
        let _ = writeln!(out, "{ind}count: {c}");
    }
    if !r.busy {
        let _ = writeln!(out, "{ind}busy: false");
    }
    if !r.categories.is_empty() {
        flow_field(out, ind, "categories", &flow_list(&r.categories));
    }
    if !r.remind.is_empty() {
        flow_field(out, ind, "remind", &flow_list(&r.remind));
    }
    if !r.skip.is_empty() {
        let days: Vec<String> = r.skip.iter().map(ToString::to_string).collect();
        flow_field(out, ind, "skip", &days);
    }
    if !r.extra.is_empty() {
        let items: Vec<String> = r
            .extra
            .iter()
            .map(|x| {
                if x.len() == 10 {
                    x.clone()
                } else {
                    time_scalar(x)
                }
            })
            .collect();
        flow_field(out, ind, "extra", &items);
    }
    if !r.moved.is_empty() {
        let _ = writeln!(out, "{ind}moved:");
        for (date, to) in &r.moved {
            let _ = writeln!(out, "{ind}  - date: {date}");
            let to = if to.len() == 10 {
                to.clone()
            } else {
                time_scalar(to)
            };
            let _ = writeln!(out, "{ind}    to: {to}");
        }
    }
    if !r.changes.is_empty() {
        let _ = writeln!(out, "{ind}changes:");
        for c in &r.changes {
            change(out, c);
        }
    }
    if let Some(o) = &r.organizer {
        let _ = writeln!(out, "{ind}organizer: {}", scalar(o));
    }
    match &r.attendees {
        Some(AttendeesDoc::All) => {
            let _ = writeln!(out, "{ind}attendees: all");
        }
        Some(AttendeesDoc::Some(ids)) => {
            flow_field(out, ind, "attendees", &flow_list(ids));
        }
        None => {}
    }
    if let Some(rot) = &r.rotation {
        let _ = writeln!(out, "{ind}rotation:");
        flow_field(out, &format!("{ind}  "), "people", &flow_list(&rot.people));
        if let Some(s) = rot.since {
            let _ = writeln!(out, "{ind}  since: {s}");
        }
    }
}

fn change(out: &mut String, c: &ChangeDoc) {
    let ind = "        ";
    let _ = writeln!(out, "      - from: {}", c.from);
    if let Some(s) = &c.schedule {
        schedule(out, ind, s);
    }
    if let Some(t) = &c.time {
        let t = if t == "all day" {
            t.clone()
        } else {
            time_scalar(t)
        };
        let _ = writeln!(out, "{ind}time: {t}");
    }
    if let Some(d) = &c.duration {
        let _ = writeln!(out, "{ind}duration: {}", scalar(d));
    }
    if let Some(z) = &c.timezone {
        let _ = writeln!(out, "{ind}timezone: {}", scalar(z));
    }
    if let Some(t) = &c.title {
        text_field(out, ind, "title", t);
    }
    if let Some(d) = &c.description {
        text_field(out, ind, "description", d);
    }
    if let Some(l) = &c.location {
        text_field(out, ind, "location", l);
    }
    if let Some(u) = &c.url {
        let _ = writeln!(out, "{ind}url: {}", scalar(u));
    }
    if let Some(b) = c.busy {
        let _ = writeln!(out, "{ind}busy: {b}");
    }
    if let Some(r) = &c.remind {
        flow_field(out, ind, "remind", &flow_list(r));
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
