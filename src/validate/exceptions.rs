//! `skip`, `extra` and `moved`: each must name a real occurrence (or, for
//! `extra`, a date that is not one), and a move may not collide.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use super::{Validator, loc, values};
use crate::diagnostic::Diagnostic;
use crate::model::{Extra, Loc, Move, Ritual, When};
use crate::spec::raw::{RawMove, RawRitual};

impl Validator {
    pub(super) fn exceptions(
        &mut self,
        i: usize,
        r: &RawRitual,
        ritual: &mut Ritual,
        horizon: NaiveDate,
    ) {
        let p = |f: &str| format!("rituals[{i}].{f}");
        self.skips(r, ritual, &p, horizon);
        self.extras(r, ritual, &p);
        for (k, m) in r.moved.iter().enumerate() {
            let path = p(&format!("moved[{k}]"));
            if let Some(moved) = self.one_move(&m.value, &path, ritual) {
                ritual.moved.push(moved);
            }
        }
    }

    fn extras(&mut self, r: &RawRitual, ritual: &mut Ritual, p: &impl Fn(&str) -> String) {
        for (k, e) in r.extra.iter().enumerate() {
            let path = p(&format!("extra[{k}]"));
            let Some((date, at)) = self.parse(e, path.clone(), |t| values::date_and_time(t)) else {
                continue;
            };
            let all_day = ritual
                .segment_at(date)
                .or(Some(0))
                .is_some_and(|k| ritual.segments[k].schedule.when.is_all_day());
            if at.is_some() && all_day {
                self.push(
                    Diagnostic::error(
                        "this ritual is all day: an `extra` takes a date, not a time",
                        Some(loc(e)),
                        path,
                    )
                    .hint(format!("write `{date}`")),
                );
                continue;
            }
            if ritual.segment_of(date).is_some()
                && ritual.skip.find(date, NaiveDate::MAX).is_none()
                && at.is_none()
            {
                self.error(
                    format!("{date} is already an occurrence of this ritual: an `extra` would duplicate it"),
                    e,
                    path,
                );
                continue;
            }
            ritual.extra.push(Extra {
                date,
                at,
                loc: loc(e),
            });
        }
    }

    /// One `moved` entry, checked against the ritual's occurrences, skips
    /// and earlier moves; None when it is invalid (reported).
    fn one_move(&mut self, m: &RawMove, path: &str, ritual: &Ritual) -> Option<Move> {
        let date = self.parse(&m.date, format!("{path}.date"), |t| values::date(t))?;
        let (to_date, to_time, duration) =
            self.parse(&m.to, format!("{path}.to"), |t| values::moved_target(t))?;
        let schedule = ritual
            .segment_at(date)
            .map(|k| &ritual.segments[k].schedule);
        if to_time.is_some() && schedule.is_some_and(|s| s.when.is_all_day()) {
            self.push(
                Diagnostic::error(
                    "this ritual is all day: `to` takes a date, not a time",
                    Some(loc(&m.to)),
                    format!("{path}.to"),
                )
                .hint(format!("write `to: {to_date}`")),
            );
            return None;
        }
        // A date alone keeps the occurrence's time (a `dates:` entry's
        // own, or the series'; midnight for all-day).
        let to = to_date.and_time(to_time.unwrap_or_else(|| {
            match schedule {
                Some(s) => match s.when {
                    When::Timed { start, .. } => s
                        .rule
                        .date_entry(date)
                        .and_then(|e| e.start)
                        .unwrap_or(start),
                    When::AllDay { .. } => chrono::NaiveTime::MIN,
                },
                None => chrono::NaiveTime::MIN,
            }
        }));
        if ritual.segment_of(date).is_none() {
            self.push(not_an_occurrence(
                ritual,
                date,
                Some(loc(&m.date)),
                format!("{path}.date"),
                "move",
            ));
            return None;
        }
        if ritual.skip.find(date, NaiveDate::MAX).is_some() {
            self.error(
                format!("{date} is both skipped and moved: keep one"),
                &m.date,
                format!("{path}.date"),
            );
            return None;
        }
        if ritual.moved.iter().any(|x| x.date == date) {
            self.error(
                format!("{date} is moved twice"),
                &m.date,
                format!("{path}.date"),
            );
            return None;
        }
        if collides(ritual, date, to, duration) {
            self.error(
                format!(
                    "moving {date} to {} collides with this ritual's own occurrence on {}",
                    to.format("%Y-%m-%d %H:%M"),
                    to.date()
                ),
                &m.to,
                format!("{path}.to"),
            );
            return None;
        }
        Some(Move {
            date,
            to,
            duration,
            loc: loc(&m.date),
        })
    }
}

/// Whether moving `date` to `to` (lasting `duration`, or as long as the
/// ritual's events) overlaps the ritual's own occurrence on that day.
fn collides(
    ritual: &Ritual,
    date: NaiveDate,
    to: NaiveDateTime,
    duration: Option<TimeDelta>,
) -> bool {
    if to.date() == date {
        return false;
    }
    let Some(seg) = ritual.segment_of(to.date()) else {
        return false;
    };
    if ritual.skip.find(to.date(), NaiveDate::MAX).is_some() {
        return false;
    }
    let seg = &ritual.segments[seg];
    let start = match seg.schedule.when {
        When::Timed { start, duration } => Some((start, duration)),
        When::AllDay { .. } => None,
    };
    let len = duration.unwrap_or_else(|| start.map_or(TimeDelta::days(1), |s| s.1));
    start.is_none_or(|(s, d)| {
        let a = to.date().and_time(s);
        to < a + d && a < to + len
    })
}

pub(super) fn not_an_occurrence(
    ritual: &Ritual,
    date: NaiveDate,
    at: Option<Loc>,
    path: String,
    what: &str,
) -> Diagnostic {
    let mut d = Diagnostic::error(
        format!("cannot {what} {date}: it is not an occurrence of this ritual"),
        at,
        path,
    );
    // Point at the nearest real occurrences: the likeliest intended dates.
    if let Some(seg) = ritual
        .segments
        .iter()
        .find(|s| s.span.contains(date))
        .or(ritual.segments.last())
    {
        let rule = &seg.schedule.rule;
        let before = (1..=62)
            .filter_map(|n| date.checked_sub_days(chrono::Days::new(n)))
            .find(|d| seg.span.contains(*d) && rule.matches(seg.dtstart, *d));
        let after = (1..=62)
            .filter_map(|n| date.checked_add_days(chrono::Days::new(n)))
            .find(|d| seg.span.contains(*d) && rule.matches(seg.dtstart, *d));
        let near: Vec<String> = [before, after]
            .into_iter()
            .flatten()
            .map(|d| format!("{} ({})", d, d.format("%A").to_string().to_lowercase()))
            .collect();
        if !near.is_empty() {
            d = d.hint(format!("nearest occurrences: {}", near.join(", ")));
        }
    }
    d
}
