//! Occurrences on a public holiday of a ritual that opted out of holidays.

use chrono::{Datelike, NaiveDate};

use super::{Window, list_dates};
use crate::diagnostic::Diagnostic;
use crate::expand::{Occurrence, Status};
use crate::holidays::HolidayTable;
use crate::model::{Holidays as Regions, Ritual, Spec};

const SHOWN: usize = 3;

/// The calendar's holidays over the lint window.
pub(super) struct Holidays {
    regions: Regions,
    table: HolidayTable,
}

impl Holidays {
    pub(super) fn new(spec: &Spec, window: &Window) -> Holidays {
        let regions = spec.calendar.holidays.clone();
        // Only rituals that said `holidays: none` are looked at: most
        // specs have none, and need no table.
        let wanted = !regions.is_empty() && spec.rituals.iter().any(|r| r.holidays.is_empty());
        let table = if wanted && window.from <= window.to {
            HolidayTable::union(&regions, window.from.year(), window.to.year())
        } else {
            HolidayTable::default()
        };
        Holidays { regions, table }
    }
}

pub(super) fn lint(
    h: &Holidays,
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
    let table = &h.table;
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
