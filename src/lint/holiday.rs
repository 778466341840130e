//! Occurrences on a public holiday of a ritual that opted out of holidays.

use chrono::{Datelike, NaiveDate};

use super::{Window, list_dates};
use crate::diagnostic::Diagnostic;
use crate::expand::{Expander, Status};
use crate::holidays::HolidayTable;

const SHOWN: usize = 3;

pub(super) fn lint(x: &Expander<'_>, w: &Window, out: &mut Vec<super::Finding>) {
    let Some(country) = x.spec.calendar.holidays else {
        return;
    };
    if w.from > w.to {
        return;
    }
    let mut table = None;
    for (i, r) in x.spec.rituals.iter().enumerate() {
        // `holidays` falls back to the calendar's: None here means the
        // ritual said `holidays: none` itself.
        if r.holidays.is_some() {
            continue;
        }
        let table =
            table.get_or_insert_with(|| HolidayTable::new(country, w.from.year(), w.to.year()));
        let mut dates: Vec<NaiveDate> = Vec::new();
        let mut names: Vec<&str> = Vec::new();
        for o in x.occurrences(i, w.from, w.to) {
            if o.status != Status::Held {
                continue;
            }
            if let Some((_, en)) = table.get(o.start_date()) {
                dates.push(o.start_date());
                names.push(en);
            }
        }
        let Some(first) = names.first() else {
            continue;
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
}
