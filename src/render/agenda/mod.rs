//! The agenda renderer: occurrences in a window, as a table or JSON lines
//! of a JSON array, streamed to any writer.

pub mod stream;

use std::io::{self, Write};

use chrono::{NaiveDate, TimeZone};
use chrono_tz::Tz;

use crate::expand::{Occurrence, Status};
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

/// One line of an agenda: an occurrence, its spec, and its team when the
/// agenda lists several.
#[derive(Clone, Copy)]
pub struct Entry<'a> {
    pub spec: &'a Spec,
    pub team: Option<&'a str>,
    pub occurrence: &'a Occurrence,
}

/// Writes entries one at a time, as they are produced.
pub struct Sink {
    window: Window,
    format: Format,
    written: usize,
}

impl Sink {
    pub fn new(window: Window, format: Format) -> Sink {
        Sink {
            window,
            format,
            written: 0,
        }
    }

    /// Writes one entry.
    ///
    /// # Errors
    /// Only those of the writer.
    pub fn entry(&mut self, e: &Entry<'_>, out: &mut impl Write) -> io::Result<()> {
        match self.format {
            Format::Json => {
                out.write_all(match self.written {
                    0 => b"[\n",
                    _ => b",\n",
                })?;
                write_json(e, out)?;
            }
            Format::Text => write_text(e, &self.window, out)?,
        }
        self.written += 1;
        Ok(())
    }

    /// Ends the agenda.
    ///
    /// # Errors
    /// Only those of the writer.
    pub fn finish(self, out: &mut impl Write) -> io::Result<()> {
        match (self.format, self.written) {
            (Format::Json, 0) => out.write_all(b"[\n]\n"),
            (Format::Json, _) => out.write_all(b"\n]\n"),
            (Format::Text, _) => Ok(()),
        }
    }
}

pub fn title(spec: &Spec, o: &Occurrence) -> String {
    let t = &spec.rituals[o.ritual].segments[o.segment].details.title;
    match o.presenter {
        Some(p) => format!("{t} — {}", spec.people[p].name),
        None => t.clone(),
    }
}

/// The UID of the occurrence's event in the team feed (and the ritual's
/// own feed).
pub fn uid<'a>(spec: &'a Spec, o: &Occurrence) -> std::borrow::Cow<'a, str> {
    use crate::render::ics::parts;
    let ritual = &spec.rituals[o.ritual];
    let part = parts::part_of(ritual, o.segment, o.original.date(), o.presenter);
    parts::uid(spec, ritual, o.segment, part, None)
}

/// One JSON line. Keys in alphabetical order, as a `serde_json::Map`
/// writes them (the format's documented order); a struct, not a map, so
/// that 500,000 lines do not build 500,000 maps.
#[derive(serde::Serialize)]
struct JsonLine<'a> {
    all_day: bool,
    end_local: String,
    end_utc: Option<String>,
    moved_from: Option<String>,
    presenter: Option<&'a str>,
    reason: Option<String>,
    recurrence_id: String,
    ritual: &'a str,
    start_local: String,
    start_utc: Option<String>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    team: Option<&'a str>,
    timezone: &'static str,
    title: String,
    uid: &'a str,
}

fn write_json(e: &Entry<'_>, out: &mut impl Write) -> io::Result<()> {
    let (spec, o) = (e.spec, e.occurrence);
    let ritual = &spec.rituals[o.ritual];
    let seg = &ritual.segments[o.segment];
    let (status, reason) = match &o.status {
        Status::Held => ("held", None),
        Status::Extra => ("extra", None),
        Status::Moved { .. } => ("moved", None),
        Status::Skipped(r) => ("skipped", Some(r.label(Language::En))),
    };
    let all_day = o.start_utc.is_none();
    let utc = |t: Option<chrono::DateTime<chrono::Utc>>| {
        t.map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
    };
    let (start_utc, end_utc) = if all_day {
        (
            Some(o.start.date().to_string()),
            Some(o.end.date().to_string()),
        )
    } else {
        (utc(o.start_utc), utc(o.end_utc))
    };
    let local = |t: chrono::NaiveDateTime| t.format("%Y-%m-%dT%H:%M:%S").to_string();
    let line = JsonLine {
        all_day,
        end_local: local(o.end),
        end_utc,
        moved_from: match &o.status {
            Status::Moved { from } => Some(local(*from)),
            _ => None,
        },
        presenter: o.presenter.map(|p| spec.people[p].id.as_str()),
        reason,
        recurrence_id: local(o.original),
        ritual: &ritual.id,
        start_local: local(o.start),
        start_utc,
        status,
        team: e.team,
        timezone: seg.schedule.timezone.name(),
        title: title(spec, o),
        uid: &uid(spec, o),
    };
    serde_json::to_writer(&mut *out, &line)?;
    Ok(())
}

fn write_text(e: &Entry<'_>, w: &Window, out: &mut impl Write) -> io::Result<()> {
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
    let days = (o.end.date() - o.start.date()).num_days();
    let time = if o.start_utc.is_none() {
        match (lang, days) {
            (Language::Fr, 0 | 1) => "journée".to_owned(),
            (Language::En, 0 | 1) => "all day".to_owned(),
            (Language::Fr, n) => format!("{n} jours"),
            (Language::En, n) => format!("{n} days"),
        }
    } else {
        format!("{}–{}", start.format("%H:%M"), end.format("%H:%M"))
    };
    let day = crate::render::html::words::day_name(lang, chrono::Datelike::weekday(&start.date()));
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
            let from = match (o.start_utc, w.tz) {
                (None, _) => from.format("%Y-%m-%d").to_string(),
                // In the zone the line's times are shown in: the
                // original time is local to the ritual's zone.
                (Some(_), Some(tz)) => {
                    crate::expand::local_time::resolve(seg.schedule.timezone, *from)
                        .with_timezone(&tz)
                        .format("%Y-%m-%d %H:%M")
                        .to_string()
                }
                (Some(_), None) => from.format("%Y-%m-%d %H:%M").to_string(),
            };
            line.push_str(&match lang {
                Language::Fr => format!("  [déplacé du {from}]"),
                Language::En => format!("  [moved from {from}]"),
            });
        }
        Status::Skipped(r) => line.push_str(&format!("  [{}]", r.label(lang))),
    }
    if spec.rituals[o.ritual].segments.len() > 1 {
        line.push_str(&format!("  ({})", uid(spec, o)));
    }
    if w.tz.is_none() && seg.schedule.timezone != spec.calendar.timezone {
        line.push_str(&format!("  {}", seg.schedule.timezone.name()));
    }
    if let Some(team) = e.team {
        line.push_str(&format!("  [{team}]"));
    }
    writeln!(out, "{}", line.trim_end())?;
    Ok(())
}
