//! Reading our feeds back with an independent parser (the `icalendar`
//! crate), so that tests check what a client would see.

use icalendar::parser::{Component, read_calendar, unfold};

/// Every property of every component, recursively, as (name, value),
/// after unfolding. Panics with the parser's message on invalid input.
pub fn properties(ics: &str) -> Vec<(String, String)> {
    let unfolded = unfold(ics);
    let cal = read_calendar(&unfolded).unwrap_or_else(|e| panic!("unparsable feed: {e}\n{ics}"));
    let mut out: Vec<(String, String)> = cal
        .properties
        .iter()
        .map(|p| (p.name.as_str().to_owned(), p.val.as_str().to_owned()))
        .collect();
    fn walk(c: &Component<'_>, out: &mut Vec<(String, String)>) {
        out.push(("BEGIN".into(), c.name.as_str().to_owned()));
        for p in &c.properties {
            out.push((p.name.as_str().to_owned(), p.val.as_str().to_owned()));
        }
        for inner in &c.components {
            walk(inner, out);
        }
    }
    for c in &cal.components {
        walk(c, &mut out);
    }
    out
}
