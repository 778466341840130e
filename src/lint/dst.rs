//! Local start times that do not exist (spring forward) or happen twice
//! (fall back) on some date.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use chrono_tz::Tz;

use super::list_dates;
use crate::diagnostic::Diagnostic;
use crate::expand::local_time::{Fate, fate};
use crate::expand::{Occurrence, Status};
use crate::model::{Located, Ritual};

/// Dates are listed up to this many in a message.
const SHOWN: usize = 3;

/// One place in the spec (a segment's `time`, or one `moved`) with one
/// start time, and the dates on which that time is in a gap or a fold.
struct Place {
    at: Located,
    start: NaiveTime,
    tz: Tz,
    /// The date, and the local time clients show instead.
    gaps: Vec<(NaiveDate, NaiveDateTime)>,
    folds: Vec<NaiveDate>,
}

pub(super) fn lint(
    r: &Ritual,
    i: usize,
    occurrences: &[Occurrence],
    out: &mut Vec<super::Finding>,
) {
    let mut places: Vec<Place> = Vec::new();
    for o in occurrences {
        if !o.is_held() || o.start_utc.is_none() {
            continue;
        }
        let tz = r.segments[o.segment].schedule.timezone;
        let f = fate(tz, o.start);
        if f == Fate::Normal {
            continue;
        }
        let at = place(r, o.segment, &o.status);
        let start = o.start.time();
        let k = match places
            .iter()
            .position(|p| p.at == at && p.start == start && p.tz == tz)
        {
            Some(k) => k,
            None => {
                places.push(Place {
                    at,
                    start,
                    tz,
                    gaps: Vec::new(),
                    folds: Vec::new(),
                });
                places.len() - 1
            }
        };
        match f {
            Fate::Gap(shown) => places[k].gaps.push((o.start.date(), shown)),
            Fate::Fold => places[k].folds.push(o.start.date()),
            Fate::Normal => {}
        }
    }
    for p in places {
        report(i, r, &p, out);
    }
}

fn report(i: usize, r: &Ritual, p: &Place, out: &mut Vec<super::Finding>) {
    let start = p.start.format("%H:%M");
    if let Some((_, shown)) = p.gaps.first() {
        let dates: Vec<NaiveDate> = p.gaps.iter().map(|g| g.0).collect();
        out.push((
            Some(i),
            Diagnostic::warning(
                format!(
                    "`{}` starts at {start}, a time that does not exist in {} on {} (the clocks go forward)",
                    r.id,
                    p.tz,
                    list_dates(&dates, SHOWN)
                ),
                Some(p.at.loc),
                p.at.path.clone(),
            )
            .hint(format!(
                "RFC 5545 (§3.3.5) makes it {} on {}, as Evolution (libical) and the Python readers (Home Assistant, khal) show it; Thunderbird (ical.js) shows it at {}, and Evolution shows the next occurrence {} late",
                shown.format("%H:%M"),
                if dates.len() == 1 { "that day" } else { "those days" },
                early(p.start, *shown).format("%H:%M"),
                super::spec_duration(*shown - shown.date().and_time(p.start)),
            ))
            .hint("pick a start time outside the hour when the clocks change"),
        ));
    }
    if !p.folds.is_empty() {
        out.push((
            Some(i),
            Diagnostic::warning(
                format!(
                    "`{}` starts at {start}, a time that happens twice in {} on {} (the clocks go back)",
                    r.id,
                    p.tz,
                    list_dates(&p.folds, SHOWN)
                ),
                Some(p.at.loc),
                p.at.path.clone(),
            )
            .hint(format!(
                "RFC 5545 (§3.3.5) makes it the first {start}, before the clocks go back, as the Python readers (Home Assistant, khal) show it; Thunderbird (ical.js) and Evolution (libical) show the second"
            ))
            .hint("pick a start time outside the hour when the clocks change"),
        ));
    }
}

/// Where ical.js shows a start in a gap: it reads the local time with the
/// offset after the change, one gap length before the RFC's instant (see
/// README, "Known client behaviours").
fn early(start: NaiveTime, shown: NaiveDateTime) -> NaiveDateTime {
    let written = shown.date().and_time(start);
    written - (shown - written)
}

/// Where the start time of an occurrence was written.
fn place(r: &Ritual, segment: usize, status: &Status) -> Located {
    if let Status::Moved { from } = status
        && let Some(k) = r.moved.iter().position(|m| m.date == from.date())
    {
        return Located {
            loc: r.moved[k].loc,
            path: format!("{}.moved[{k}]", r.path),
        };
    }
    r.segments[segment].locs.time.clone()
}
