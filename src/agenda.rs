//! The agenda renderer: occurrences in a window, as a table or JSON lines
//! of a JSON array, streamed to any writer.

use std::io::{self, Write};

use chrono::{NaiveDate, TimeZone};
use chrono_tz::Tz;

use crate::expand::{Expander, Occurrence, Reason, Status};
use crate::model::{Language, PersonId, Spec};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// What to list.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Show times in this zone instead of each ritual's own.
    pub tz: Option<Tz>,
    pub person: Option<PersonId>,
}

/// The occurrences of every ritual (or a person's) in the window, sorted
/// by start.
pub fn occurrences(x: &Expander<'_>, w: &Window) -> Vec<Occurrence> {
    let spec = x.spec;
    let mut all: Vec<Occurrence> = Vec::new();
    for (i, r) in spec.rituals.iter().enumerate() {
        if let Some(p) = w.person {
            let rotates = r.rotation.is_some();
            if !rotates && !r.attendees.includes(p) {
                continue;
            }
            let before = all.len();
            all.extend(x.occurrences(i, w.from, w.to));
            if rotates {
                // Only their turns (and skipped slots are nobody's).
                let mut k = before;
                while k < all.len() {
                    if all[k].presenter == Some(p) {
                        k += 1
                    } else {
                        all.swap_remove(k);
                    }
                }
            }
        } else {
            all.extend(x.occurrences(i, w.from, w.to));
        }
    }
    all.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)).then(a.ritual.cmp(&b.ritual)));
    all
}

/// The order of an agenda: local start, then the instant.
pub fn sort_key(o: &Occurrence) -> (chrono::NaiveDateTime, i64) {
    (o.start, o.start_utc.map_or(0, |t| t.timestamp()))
}

/// One line of an agenda: an occurrence, its spec, and its team when the
/// agenda lists several.
#[derive(Clone, Copy)]
pub struct Entry<'a> {
    pub spec: &'a Spec,
    pub team: Option<&'a str>,
    pub occurrence: &'a Occurrence,
}

/// Writes the agenda.
///
/// # Errors
/// Only those of the writer.
pub fn write(
    spec: &Spec,
    occurrences: &[Occurrence],
    w: &Window,
    format: Format,
    out: &mut impl Write,
) -> io::Result<()> {
    let entries: Vec<Entry<'_>> = occurrences
        .iter()
        .map(|occurrence| Entry {
            spec,
            team: None,
            occurrence,
        })
        .collect();
    write_entries(&entries, w, format, out)
}

/// Writes the agenda of entries from one or several specs.
///
/// # Errors
/// Only those of the writer.
pub fn write_entries(
    entries: &[Entry<'_>],
    w: &Window,
    format: Format,
    out: &mut impl Write,
) -> io::Result<()> {
    match format {
        Format::Json => write_json(entries, out),
        Format::Text => write_text(entries, w, out),
    }
}

pub fn title(spec: &Spec, o: &Occurrence) -> String {
    let t = &spec.rituals[o.ritual].segments[o.segment].details.title;
    match o.presenter {
        Some(p) => format!("{t} — {}", spec.people[p].name),
        None => t.clone(),
    }
}

pub fn reason_text(lang: Language, r: &Reason) -> String {
    match (r, lang) {
        (Reason::Holiday(fr, _), Language::Fr) => format!("jour férié : {fr}"),
        (Reason::Holiday(_, en), Language::En) => format!("public holiday: {en}"),
        (Reason::Closed, Language::Fr) => "fermeture".to_owned(),
        (Reason::Closed, Language::En) => "closed".to_owned(),
        (Reason::Skip, Language::Fr) => "annulé (skip)".to_owned(),
        (Reason::Skip, Language::En) => "cancelled (skip)".to_owned(),
    }
}

fn write_json(entries: &[Entry<'_>], out: &mut impl Write) -> io::Result<()> {
    out.write_all(b"[")?;
    for (n, e) in entries.iter().enumerate() {
        let (spec, o) = (e.spec, e.occurrence);
        let ritual = &spec.rituals[o.ritual];
        let seg = &ritual.segments[o.segment];
        let (status, reason) = match &o.status {
            Status::Held => ("held", None),
            Status::Extra => ("extra", None),
            Status::Moved { .. } => ("moved", None),
            Status::Skipped(r) => ("skipped", Some(reason_text(Language::En, r))),
        };
        let all_day = o.start_utc.is_none();
        let mut obj = serde_json::Map::new();
        let mut put = |k: &str, v: serde_json::Value| {
            obj.insert(k.to_owned(), v);
        };
        if let Some(team) = e.team {
            put("team", team.into());
        }
        put("uid", seg.uid.clone().into());
        put("ritual", ritual.id.clone().into());
        put("title", title(spec, o).into());
        put("all_day", all_day.into());
        if all_day {
            put("start_utc", o.start.date().to_string().into());
            put("end_utc", o.end.date().to_string().into());
        } else {
            put(
                "start_utc",
                o.start_utc
                    .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
                    .into(),
            );
            put(
                "end_utc",
                o.end_utc
                    .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
                    .into(),
            );
        }
        put(
            "start_local",
            o.start.format("%Y-%m-%dT%H:%M:%S").to_string().into(),
        );
        put(
            "end_local",
            o.end.format("%Y-%m-%dT%H:%M:%S").to_string().into(),
        );
        put("timezone", seg.schedule.timezone.name().into());
        put("status", status.into());
        put("reason", reason.into());
        put(
            "moved_from",
            match &o.status {
                Status::Moved { from } => from.format("%Y-%m-%dT%H:%M:%S").to_string().into(),
                _ => serde_json::Value::Null,
            },
        );
        put(
            "recurrence_id",
            o.original.format("%Y-%m-%dT%H:%M:%S").to_string().into(),
        );
        put(
            "presenter",
            o.presenter.map(|p| spec.people[p].id.clone()).into(),
        );
        out.write_all(if n == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, &obj)?;
    }
    out.write_all(b"\n]\n")
}

fn write_text(entries: &[Entry<'_>], w: &Window, out: &mut impl Write) -> io::Result<()> {
    for e in entries {
        let (spec, o) = (e.spec, e.occurrence);
        let lang = spec.calendar.language;
        let seg = &spec.rituals[o.ritual].segments[o.segment];
        let (start, end) = match (w.tz, o.start_utc, o.end_utc) {
            (Some(tz), Some(s), Some(e)) => (
                tz.from_utc_datetime(&s.naive_utc()).naive_local(),
                tz.from_utc_datetime(&e.naive_utc()).naive_local(),
            ),
            _ => (o.start, o.end),
        };
        let time = if o.start_utc.is_none() {
            match lang {
                Language::Fr => "journée".to_owned(),
                Language::En => "all day".to_owned(),
            }
        } else {
            format!("{}–{}", start.format("%H:%M"), end.format("%H:%M"))
        };
        let day = weekday_name(lang, start.date());
        let mut line = format!(
            "{}  {:<9} {:<11}  {}",
            start.format("%Y-%m-%d"),
            day,
            time,
            title(spec, o)
        );
        match &o.status {
            Status::Held => {}
            Status::Extra => line.push_str(match lang {
                Language::Fr => "  [en plus]",
                Language::En => "  [extra]",
            }),
            Status::Moved { from } => {
                let from = if o.start_utc.is_none() {
                    from.format("%Y-%m-%d").to_string()
                } else {
                    from.format("%Y-%m-%d %H:%M").to_string()
                };
                line.push_str(&match lang {
                    Language::Fr => format!("  [déplacé du {from}]"),
                    Language::En => format!("  [moved from {from}]"),
                });
            }
            Status::Skipped(r) => line.push_str(&format!("  [{}]", reason_text(lang, r))),
        }
        if spec.rituals[o.ritual].segments.len() > 1 {
            line.push_str(&format!("  ({})", seg.uid));
        }
        if w.tz.is_none() && seg.schedule.timezone != spec.calendar.timezone {
            line.push_str(&format!("  {}", seg.schedule.timezone.name()));
        }
        if let Some(team) = e.team {
            line.push_str(&format!("  [{team}]"));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

pub fn weekday_name(lang: Language, d: NaiveDate) -> &'static str {
    use chrono::Datelike;
    let i = d.weekday().num_days_from_monday() as usize;
    match lang {
        Language::Fr => [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ][i],
        Language::En => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][i],
    }
}
