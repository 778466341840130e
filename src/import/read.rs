//! Text → components: unfolds content lines (RFC 5545 §3.1) keeping each
//! logical line's first physical line for errors, then parses them with
//! the `icalendar` crate's parser.

use super::error::ImportError;

/// One property: name (upper case), parameters and value. TEXT values are
/// already unescaped by the parser (§3.3.11), except list-valued ones
/// (CATEGORIES), which [`Prop::list`] splits and unescapes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prop {
    pub name: String,
    pub params: Vec<(String, String)>,
    pub value: String,
}

impl Prop {
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }

    /// A comma-separated TEXT list, each item unescaped.
    pub fn list(&self) -> Vec<String> {
        let mut out = vec![String::new()];
        let mut chars = self.value.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some('n' | 'N') => out.last_mut().expect("one item").push('\n'),
                    Some(other) => out.last_mut().expect("one item").push(other),
                    None => {}
                },
                ',' => out.push(String::new()),
                _ => out.last_mut().expect("one item").push(c),
            }
        }
        out.into_iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    }
}

/// A component (VEVENT, VALARM, VTIMEZONE…) and its children.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comp {
    pub name: String,
    pub props: Vec<Prop>,
    pub children: Vec<Comp>,
}

impl Comp {
    pub fn get(&self, name: &str) -> Option<&Prop> {
        self.props.iter().find(|p| p.name == name)
    }

    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Prop> + 'a {
        self.props.iter().filter(move |p| p.name == name)
    }

    /// A non-empty TEXT value.
    pub fn text(&self, name: &str) -> Option<String> {
        self.get(name)
            .map(|p| p.value.replace("\r\n", "\n"))
            .filter(|v| !v.trim().is_empty())
    }

    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Comp> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }
}

/// Unfolded logical lines, each with the number of its first physical line.
fn unfold(text: &str) -> Vec<(usize, String)> {
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        match line.chars().next() {
            Some(' ' | '\t') if !lines.is_empty() => {
                lines.last_mut().expect("a line").1.push_str(&line[1..]);
            }
            _ if line.trim().is_empty() => {}
            _ => lines.push((i + 1, line.to_owned())),
        }
    }
    lines
}

/// Parses `text` (the content of `file`) into its VCALENDAR components.
///
/// # Errors
/// [`ImportError::Empty`], [`ImportError::NotICalendar`] when the first
/// line is not `BEGIN:VCALENDAR`, [`ImportError::Syntax`] with the
/// physical line where the parser stopped.
pub fn read(text: &str, file: &str) -> Result<Vec<Comp>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = unfold(text);
    let Some((first_line, first)) = lines.first() else {
        return Err(ImportError::Empty {
            file: file.to_owned(),
        });
    };
    if !first.trim().eq_ignore_ascii_case("BEGIN:VCALENDAR") {
        let found: String = first.trim().chars().take(40).collect();
        return Err(ImportError::NotICalendar {
            file: file.to_owned(),
            line: *first_line,
            found,
        });
    }
    // LF only: the parser looks for CRLF before LF, and a file mixing the
    // two would otherwise run one property into the next.
    let mut joined = String::with_capacity(text.len());
    let mut starts = Vec::with_capacity(lines.len());
    for (_, l) in &lines {
        starts.push(joined.len());
        joined.push_str(l);
        joined.push('\n');
    }
    let syntax = |offset: usize| {
        let logical = starts.partition_point(|s| *s <= offset).saturating_sub(1);
        ImportError::Syntax {
            file: file.to_owned(),
            line: lines.get(logical).map_or(1, |l| l.0),
        }
    };
    let roots = icalendar::parser::read_calendar_simple(&joined)
        .map_err(|e| syntax(joined.len() - e.input.len()))?;
    Ok(roots
        .iter()
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VCALENDAR"))
        .map(convert)
        .collect())
}

fn convert(c: &icalendar::parser::Component<'_>) -> Comp {
    Comp {
        name: c.name.as_str().to_ascii_uppercase(),
        props: c
            .properties
            .iter()
            .map(|p| Prop {
                name: p.name.as_str().to_ascii_uppercase(),
                params: p
                    .params
                    .iter()
                    .map(|q| {
                        (
                            q.key.as_str().to_ascii_uppercase(),
                            q.val.as_ref().map_or("", |v| v.as_str()).to_owned(),
                        )
                    })
                    .collect(),
                value: p.val.as_str().to_owned(),
            })
            .collect(),
        children: c.components.iter().map(convert).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_crlf_and_lf_lines_read_alike() {
        let crlf = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Long \r\n title\\, here\r\nX-FOO;X-A=\"b:c\":1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let lf = crlf.replace("\r\n", "\n");
        for text in [crlf, lf.as_str()] {
            let cals = read(text, "a.ics").unwrap();
            let ev = &cals[0].children[0];
            assert_eq!(ev.text("SUMMARY").as_deref(), Some("Long title, here"));
            assert_eq!(ev.get("X-FOO").unwrap().param("x-a"), Some("b:c"));
        }
    }

    #[test]
    fn categories_split_on_unescaped_commas() {
        let cals = read(
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nCATEGORIES:a\\,b,c\nEND:VEVENT\nEND:VCALENDAR\n",
            "a.ics",
        )
        .unwrap();
        assert_eq!(
            cals[0].children[0].get("CATEGORIES").unwrap().list(),
            ["a,b", "c"]
        );
    }

    #[test]
    fn errors_name_the_physical_line() {
        assert_eq!(
            read(" \n\n", "x.ics"),
            Err(ImportError::Empty {
                file: "x.ics".into()
            })
        );
        assert_eq!(
            read("\nhello: world\n", "x.ics"),
            Err(ImportError::NotICalendar {
                file: "x.ics".into(),
                line: 2,
                found: "hello: world".into()
            })
        );
        let bad = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:a\n b\nEND:VTODO\nEND:VCALENDAR\n";
        assert!(matches!(
            read(bad, "x.ics"),
            Err(ImportError::Syntax { .. })
        ));
    }
}
