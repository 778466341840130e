//! Occurrences on a public holiday of a ritual that opted out of holidays.

use chrono::{Datelike, NaiveDate};

use super::{Window, list_dates};
use crate::diagnostic::Diagnostic;
use crate::expand::{Occurrence, Status};
use crate::holidays::{Country, HolidayTable};
use crate::model::{Ritual, Spec};

const SHOWN: usize = 3;

/// The calendar's holidays over the lint window, built on first use.
pub(super) struct Holidays {
    country: Option<Country>,
    window: Window,
    table: Option<HolidayTable>,
}

impl Holidays {
    pub(super) fn new(spec: &Spec, window: &Window) -> Holidays {
        Holidays {
            country: spec.calendar.holidays,
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
    let Some(country) = h.country else {
        return;
    };
    // `holidays` falls back to the calendar's: None here means the
    // ritual said `holidays: none` itself.
    if r.holidays.is_some() {
        return;
    }
    let w = h.window;
    let table = h
        .table
        .get_or_insert_with(|| HolidayTable::new(country, w.from.year(), w.to.year()));
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
                country.code(),
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
