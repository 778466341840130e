//! RECURRENCE-ID overrides (RFC 5545 §3.8.4.4) → what the spec can say:
//! a cancelled occurrence is a `skip`, one that only moves is `moved`
//! (or a moved `extra`), a presenter's turn is kept for `rotation`; any
//! other change of one occurrence is reported.

use chrono::NaiveDate;

use super::Lossy;
use super::rotation::{Turn, presenter, turn_description};
use super::series::Series;
use super::when::{at_text, occurrence_text};

/// What the overrides of a ritual's series amount to.
#[derive(Debug, Default)]
pub struct Applied {
    pub cancelled: Vec<NaiveDate>,
    pub moved: Vec<(NaiveDate, String)>,
    /// (date of the extra, its new text).
    pub extra_moves: Vec<(String, String)>,
    pub turns: Vec<Turn>,
    /// From the presenter lines of our own feeds.
    pub language: Option<&'static str>,
}

fn emails(parties: &[super::event::Party]) -> Vec<String> {
    let mut v: Vec<String> = parties
        .iter()
        .map(|p| {
            p.email
                .as_deref()
                .map_or_else(|| p.name.clone().unwrap_or_default(), str::to_lowercase)
        })
        .collect();
    v.sort();
    v
}

/// Adds the overrides of `s` to `out`; changes of content go to `lossy`.
pub fn apply(s: &Series, out: &mut Applied, lossy: &mut Vec<Lossy>) {
    let all_day = s.all_day();
    for o in &s.overrides {
        let date = o.recurrence_id.date();
        if o.cancelled {
            out.cancelled.push(date);
            continue;
        }
        let name = presenter(&s.details.title, &o.details.title);
        let mut turn_desc = false;
        if let Some(name) = name {
            out.turns.push(Turn {
                date,
                name: name.to_owned(),
                chair: o.attendees.iter().find(|a| a.chair).cloned(),
            });
            if let Some(lang) = turn_description(
                o.details.description.as_deref(),
                name,
                s.details.description.as_deref(),
            ) {
                out.language.get_or_insert(lang);
                turn_desc = true;
            }
        }
        let moved = o.start != o.recurrence_id || o.duration != s.duration;
        let is_extra = s.rdates.iter().any(|(t, _)| *t == o.recurrence_id);
        if moved {
            let length_lost = if all_day {
                o.duration != s.duration
            } else {
                o.duration >= chrono::TimeDelta::days(1) || o.duration <= chrono::TimeDelta::zero()
            };
            if length_lost {
                lossy.push(Lossy::new(&s.uid, format!(
                    "the occurrence of {date} lasts {} minutes instead of the series' length; imported with the series' length",
                    o.duration.num_minutes()
                )));
            }
            // In a `dates:` series (no rule) every date is an RDATE: one
            // that moves is `moved`, like an occurrence of a rule.
            let dates_move = s.rule.is_none() && o.start != o.recurrence_id;
            if is_extra && !dates_move {
                // Its own length survives in `dates:`; `extra` cannot say it
                // (see `ritual::extras_without_length`).
                let text = if o.duration == s.duration || all_day {
                    at_text(all_day, o.start, s.start)
                } else {
                    occurrence_text(false, o.start, o.duration, s.duration)
                };
                out.extra_moves.push((date.to_string(), text));
            } else {
                out.moved.push((
                    date,
                    occurrence_text(all_day, o.start, o.duration, s.duration),
                ));
            }
        }
        let d = &o.details;
        let mut fields = Vec::new();
        if name.is_none() && d.title != s.details.title {
            fields.push("title");
        }
        if !turn_desc && d.description != s.details.description {
            fields.push("description");
        }
        if d.location != s.details.location {
            fields.push("location");
        }
        if d.url != s.details.url {
            fields.push("url");
        }
        if d.busy != s.details.busy {
            fields.push("busy");
        }
        if d.categories != s.details.categories {
            fields.push("categories");
        }
        if name.is_none() && emails(&o.attendees) != emails(&s.attendees) {
            fields.push("attendees");
        }
        if !fields.is_empty() {
            let f = fields.join(", ");
            lossy.push(Lossy::new(
                &s.uid,
                format!("the occurrence of {date} changes its {f}; imported with the series' {f}"),
            ));
        }
    }
}
