//! Text lost to a YAML comment: in `title: Stand-up #team`, ` #` starts a
//! comment, so the title reads `Stand-up`. YAML is right, but the writer
//! of a calendar most likely meant the whole line.
//!
//! The rule (README, "The spec format"): a warning when a comment follows
//! a plain (unquoted) value on the same line, after exactly one space,
//! and the comment's text starts right after the `#` (`#team`). A comment
//! written on purpose is left alone: two or more spaces or a tab before
//! the `#` (`title: Stand-up  # for the team`), or a space after it
//! (`title: Stand-up # for the team`). Only the free-text fields are
//! looked at (names, titles, descriptions, locations): in the others a
//! lost word gives a validation error anyway.

use crate::diagnostic::Diagnostic;
use crate::model::Loc;
use crate::spec::raw::{RawSpec, S};

/// A warning for each free-text field of `raw` whose value lost text to a
/// comment, located at the `#` in `text` (the source `raw` was parsed
/// from).
pub fn lost_to_comments(raw: &RawSpec, text: &str) -> Vec<Diagnostic> {
    let mut fields: Vec<(Field, &S<String>)> = Vec::new();
    if let Some(c) = &raw.calendar {
        fields.push((Field::Calendar("name"), &c.value.name));
        if let Some(d) = &c.value.description {
            fields.push((Field::Calendar("description"), d));
        }
    }
    for (i, p) in raw.people.iter().enumerate() {
        fields.push((Field::Person(i), &p.value.name));
    }
    for (i, r) in raw.rituals.iter().enumerate() {
        let r = &r.value;
        fields.push((Field::Ritual(i, "title"), &r.title));
        let optional = [("description", &r.description), ("location", &r.location)];
        for (name, v) in optional {
            if let Some(v) = v {
                fields.push((Field::Ritual(i, name), v));
            }
        }
        for (j, c) in r.changes.iter().enumerate() {
            let c = &c.value;
            let optional = [
                ("title", &c.title),
                ("description", &c.description),
                ("location", &c.location),
            ];
            for (name, v) in optional {
                if let Some(v) = v {
                    fields.push((Field::Change(i, j, name), v));
                }
            }
        }
    }
    fields
        .into_iter()
        .filter_map(|(path, v)| check(path, v, text))
        .collect()
}

/// A free-text field's path, spelled out only for a warning (a spec of
/// 10,000 rituals has tens of thousands of such fields).
#[derive(Clone, Copy)]
enum Field {
    Calendar(&'static str),
    Person(usize),
    Ritual(usize, &'static str),
    Change(usize, usize, &'static str),
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Field::Calendar(name) => write!(f, "calendar.{name}"),
            Field::Person(i) => write!(f, "people[{i}].name"),
            Field::Ritual(i, name) => write!(f, "rituals[{i}].{name}"),
            Field::Change(i, j, name) => write!(f, "rituals[{i}].changes[{j}].{name}"),
        }
    }
}

fn check(path: Field, v: &S<String>, text: &str) -> Option<Diagnostic> {
    let span = v.referenced.span();
    let start = usize::try_from(span.byte_offset()?).ok()?;
    let end = start.checked_add(usize::try_from(span.byte_len()?).ok()?)?;
    let written = text.get(start..end)?;
    // Quoted and block scalars keep every `#`; a comment after them is
    // plainly one. So is a comment after an alias (`*name`).
    if written.starts_with(['"', '\'', '|', '>', '*']) || written.is_empty() {
        return None;
    }
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let rest = text[end..line_end].trim_end_matches('\r');
    // Blanks the span may or may not include, then the comment.
    let blanks = written.len() - written.trim_end().len();
    let after = rest.trim_start_matches([' ', '\t']);
    let comment = after.strip_prefix('#')?;
    let gap_before = &rest[..rest.len() - after.len()];
    // Exactly one space between the value and the `#`, on either side of
    // the span's end.
    let one_space = match blanks {
        0 => gap_before == " ",
        1 => written.ends_with(' ') && gap_before.is_empty(),
        _ => false,
    };
    if !one_space || comment.is_empty() || comment.starts_with([' ', '\t']) {
        return None;
    }
    let hash = end + (rest.len() - after.len());
    let line = text[..hash].matches('\n').count() + 1;
    let line_start = text[..hash].rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..hash].chars().count() + 1;
    let path = path.to_string();
    let field = path.rsplit('.').next().unwrap_or(&path).to_owned();
    let kept = v.value.trim_end();
    let whole = format!("{kept} #{comment}");
    let quoted = format!(
        "\"{}\"",
        whole.trim_end().replace('\\', "\\\\").replace('"', "\\\"")
    );
    Some(
        Diagnostic::warning(
            format!("`#{comment}` is a YAML comment, not part of the {field} `{kept}`",),
            Some(Loc {
                line: u32::try_from(line).unwrap_or(u32::MAX),
                column: u32::try_from(column).unwrap_or(u32::MAX),
                len: u32::try_from(comment.chars().count() + 1).unwrap_or(u32::MAX),
            }),
            path,
        )
        .hint(format!("quote the value to keep it: `{field}: {quoted}`"))
        .hint("a comment on purpose has two spaces before the `#` or one after it: `  # …`"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warnings(yaml: &str) -> Vec<Diagnostic> {
        let raw: RawSpec = serde_saphyr::from_str(yaml).expect("yaml");
        lost_to_comments(&raw, yaml)
    }

    fn ritual(line: &str) -> String {
        format!("rituals:\n  - id: a\n    {line}\n    every: monday\n    time: \"10:00-11:00\"\n")
    }

    #[test]
    fn a_hash_word_after_one_space_is_reported_at_the_hash() {
        let w = warnings(&ritual("title: Stand-up #team"));
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(
            w[0].message,
            "`#team` is a YAML comment, not part of the title `Stand-up`"
        );
        assert_eq!(
            w[0].loc,
            Some(Loc {
                line: 3,
                column: 21,
                len: 5
            })
        );
        assert_eq!(w[0].path, "rituals[0].title");
        assert_eq!(
            w[0].hints[0],
            r#"quote the value to keep it: `title: "Stand-up #team"`"#
        );
    }

    #[test]
    fn comments_on_purpose_and_quoted_values_are_left_alone() {
        for line in [
            "title: Stand-up  #team",
            "title: Stand-up\t#team",
            "title: Stand-up # for the team",
            "title: Stand-up #",
            "title: \"Stand-up #team\"",
            "title: 'Stand-up' #team",
            "title: Stand-up#team",
            "title: Stand-up",
            "title: &t Stand-up  #team",
        ] {
            assert_eq!(warnings(&ritual(line)), [], "{line}");
        }
    }

    #[test]
    fn every_free_text_field_is_looked_at() {
        let yaml = "calendar:\n  name: Team #a\n  description: About #b\n  timezone: UTC\n  domain: x.org\n\
                    people:\n  - id: p\n    name: Ann #c\n\
                    rituals:\n  - id: a\n    title: T\n    location: irc://x/ #chan\n    description: D #e\n    every: monday\n    time: \"10:00-11:00\"\n\
                    \x20   changes:\n      - from: 2026-01-01\n        title: New #f\n        location: Room #g\n        description: Text \"x\" #h\n";
        let w = warnings(yaml);
        let paths: Vec<&str> = w.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "calendar.name",
                "calendar.description",
                "people[0].name",
                "rituals[0].description",
                "rituals[0].location",
                "rituals[0].changes[0].title",
                "rituals[0].changes[0].description",
                "rituals[0].changes[0].location",
            ]
        );
        assert_eq!(
            w.last().map(|d| d.hints[0].as_str()),
            Some("quote the value to keep it: `location: \"Room #g\"`")
        );
        let described = w
            .iter()
            .find(|d| d.path.ends_with("changes[0].description"));
        assert_eq!(
            described.map(|d| d.hints[0].as_str()),
            Some(r#"quote the value to keep it: `description: "Text \"x\" #h"`"#)
        );
    }

    #[test]
    fn flow_mappings_are_read_too() {
        let w = warnings(
            "rituals:\n  - { id: a, title: Stand-up #team\n    , every: monday, time: \"10:00-11:00\" }\n",
        );
        assert_eq!(w.len(), 1, "{w:?}");
    }
}
