//! A ritual's `skip` entries: a single date must be an occurrence (as
//! before ranges existed); a range, dated or yearly, must hold at least one
//! (a range that skips nothing is a mistake in its dates).

use chrono::NaiveDate;

use super::Validator;
use super::exceptions::not_an_occurrence;
use crate::diagnostic::Diagnostic;
use crate::model::{DaySpan, Days, Ritual};
use crate::spec::raw::RawRitual;

impl Validator {
    pub(super) fn skips(
        &mut self,
        r: &RawRitual,
        ritual: &mut Ritual,
        p: &impl Fn(&str) -> String,
        horizon: NaiveDate,
    ) {
        let mut skips = Vec::new();
        for (k, entry) in self.days(&r.skip, &p("skip")).into_iter().enumerate() {
            let path = p(&format!("skip[{k}]"));
            if let Some(date) = entry.span.single_date() {
                if ritual.segment_of(date).is_none() {
                    self.push(not_an_occurrence(
                        ritual,
                        date,
                        Some(entry.loc),
                        path,
                        "skip",
                    ));
                    continue;
                }
            } else if first_in(ritual, &entry.span, horizon).is_none() {
                let hint = match entry.span {
                    DaySpan::Yearly { .. } => {
                        "a range without year is looked for up to `calendar.horizon`; check the months and the ritual's `since`/`until`"
                    }
                    DaySpan::Dated { .. } => {
                        "check the dates against the ritual's days and its `since`/`until`"
                    }
                };
                self.push(
                    Diagnostic::error(
                        format!(
                            "the range `{}` holds no occurrence of this ritual: nothing to skip",
                            entry.span
                        ),
                        Some(entry.loc),
                        path,
                    )
                    .hint(hint),
                );
                continue;
            }
            skips.push(entry);
        }
        ritual.skip = Days::new(skips);
    }
}

/// The first regular occurrence of `ritual` inside `span` (a yearly span:
/// up to the horizon), if any.
fn first_in(ritual: &Ritual, span: &DaySpan, horizon: NaiveDate) -> Option<NaiveDate> {
    let (from, to) = match *span {
        DaySpan::Dated { from, to } => (from, to),
        DaySpan::Yearly { .. } => (ritual.segments.first()?.span.from, horizon),
    };
    ritual.segments.iter().find_map(|seg| {
        let rule = &seg.schedule.rule;
        let start = from.max(seg.dtstart);
        // The rule's own stepping: a long range costs one step per occurrence.
        let mut d = if rule.matches(seg.dtstart, start) {
            Some(start)
        } else {
            rule.next_after(seg.dtstart, start)
        };
        while let Some(date) = d.filter(|d| *d <= to && seg.span.contains(*d)) {
            if span.contains(date) {
                return Some(date);
            }
            d = rule.next_after(seg.dtstart, date);
        }
        None
    })
}
