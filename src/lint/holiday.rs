//! Occurrences on a public holiday of a ritual that opted out of holidays.

use chrono::{Datelike, NaiveDate};

use super::{Window, list_dates};
use crate::diagnostic::Diagnostic;
use crate::expand::{Occurrence, Status};
use crate::holidays::HolidayTable;
use crate::model::{Holidays as Regions, Ritual, Spec};

const SHOWN: usize = 3;

/// The calendar's holidays over the lint window, built on first use.
pub(super) struct Holidays {
    regions: Regions,
    window: Window,
    table: Option<HolidayTable>,
}

impl Holidays {
    pub(super) fn new(spec: &Spec, window: &Window) -> Holidays {
        Holidays {
            regions: spec.calendar.holidays.clone(),
            window: *window,
            table: None,
        }
    }
}

pub(super) fn lint(
    h: &mut Holidays,
    r: &Ritual,
    i: usize,
    occurrences: &[Occurrence],
    out: &mut Vec<super::Finding>,
) {
    if h.regions.is_empty() {
        return;
    }
    // `holidays` falls back to the calendar's: empty here means the
    // ritual said `holidays: none` itself.
    if !r.holidays.is_empty() {
        return;
    }
    let w = h.window;
    let table = h
        .table
        .get_or_insert_with(|| HolidayTable::union(&h.regions, w.from.year(), w.to.year()));
    let mut dates: Vec<NaiveDate> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    for o in occurrences {
        if o.status != Status::Held {
            continue;
        }
        if let Some((_, en)) = table.get(o.start_date()) {
            dates.push(o.start_date());
            names.push(en);
        }
    }
    let Some(first) = names.first() else {
        return;
    };
    let at = r.holidays_at.clone().unwrap_or_default();
    out.push((
        Some(i),
        Diagnostic::info(
            format!(
                "`{}` has `holidays: none` and meets on public holidays of {}: {}",
                r.id,
                h.regions
                    .iter()
                    .map(|c| c.code())
                    .collect::<Vec<_>>()
                    .join(", "),
                list_dates(&dates, SHOWN)
            ),
            Some(at.loc).filter(|l| l.line > 0).or(Some(r.loc)),
            at.path,
        )
        .hint(format!(
            "the first is {first}; if that is intended, nothing to do; otherwise remove `holidays: none`"
        )),
    ));
}
