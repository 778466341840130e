//! The spec as YAML text, written the way a person would: the calendar
//! first, 2-space indents, flow lists for short values, block text for
//! multi-line descriptions, and quotes only where YAML needs them. Pure:
//! a [`Doc`] in, text out.

use std::fmt::Write as _;

use super::doc::{AttendeesDoc, ChangeDoc, Doc, RitualDoc, ScheduleDoc};
use super::scalar::{flow_field, flow_list, scalar, text_field, time_scalar};

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
    if let Some(o) = &c.organizer {
        let _ = writeln!(out, "  organizer: {}", scalar(o));
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
            let items: Vec<String> = d.iter().map(|x| date_item(x)).collect();
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
    exceptions(out, ind, r);
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
        if !rot.changes.is_empty() {
            let _ = writeln!(out, "{ind}  changes:");
            for (from, people) in &rot.changes {
                let _ = writeln!(out, "{ind}    - from: {from}");
                flow_field(out, &format!("{ind}      "), "people", &flow_list(people));
            }
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

/// `skip`, `extra` and `moved`.
fn exceptions(out: &mut String, ind: &str, r: &RitualDoc) {
    if !r.skip.is_empty() {
        let days: Vec<String> = r.skip.iter().map(ToString::to_string).collect();
        flow_field(out, ind, "skip", &days);
    }
    if !r.extra.is_empty() {
        let items: Vec<String> = r.extra.iter().map(|x| date_item(x)).collect();
        flow_field(out, ind, "extra", &items);
    }
    if !r.moved.is_empty() {
        let _ = writeln!(out, "{ind}moved:");
        for (date, to) in &r.moved {
            let _ = writeln!(out, "{ind}  - date: {date}");
            let _ = writeln!(out, "{ind}    to: {}", date_item(to));
        }
    }
}

/// A `dates:` or `extra:` item: a bare date as it is, a date with a time
/// quoted (`"2026-10-20 15:00"`).
fn date_item(x: &str) -> String {
    if x.len() == 10 {
        x.to_owned()
    } else {
        time_scalar(x)
    }
}
