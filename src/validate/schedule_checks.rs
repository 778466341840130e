//! The checks that tie a schedule to the ritual's other fields: a
//! change's time against the one in force, and the fields a `dates:`
//! series makes meaningless (each an error, never silently ignored).

use chrono::TimeDelta;

use super::schedule::{all_day_whole_days, raw_entry};
use super::{Validator, values};
use crate::diagnostic::Diagnostic;
use crate::model::{Rule, When};
use crate::validate::loc;

impl Validator {
    /// A change's time: `time` and `duration` as for a ritual, except that
    /// a start-only `time` keeps the length in force and a `duration`
    /// alone changes the length of the time in force.
    pub(super) fn change_when(
        &mut self,
        c: &crate::spec::raw::RawChange,
        prev: When,
        rule: &Rule,
        p: &dyn Fn(&str) -> String,
    ) -> Option<When> {
        let when = match (&c.time, &c.duration) {
            (Some(t), None)
                if !t.value.contains('-')
                    && !values::is_all_day(&t.value)
                    && let When::Timed { duration, .. } = prev =>
            {
                self.parse(t, p("time"), |v| values::when(v, Some(duration)))?
            }
            (Some(_), _) => self.when_of(
                c.time.as_ref(),
                c.duration.as_ref(),
                Some(rule),
                &c.dates,
                &c.from,
                p,
            )?,
            (None, Some(d)) => {
                let length = self.parse(d, p("duration"), |t| values::duration(t))?;
                match prev {
                    When::Timed { start, .. } => When::Timed {
                        start,
                        duration: length,
                    },
                    When::AllDay { .. } => {
                        if length.num_minutes() % (24 * 60) != 0 || length < TimeDelta::days(1) {
                            self.push(all_day_whole_days(d, p));
                            return None;
                        }
                        When::AllDay {
                            days: length.num_days() as u32,
                        }
                    }
                }
            }
            (None, None) => prev,
        };
        self.check_dates_fit(Some(rule), when, &c.dates, p);
        Some(when)
    }

    /// Fields that say nothing more about a `dates:` series: each is an
    /// error rather than silently ignored.
    pub(super) fn dates_conflicts(
        &mut self,
        r: &crate::spec::raw::RawRitual,
        rule: Option<&Rule>,
        p: &dyn Fn(&str) -> String,
    ) {
        let Some(Rule::Dates(list)) = rule else {
            return;
        };
        let first = list[0].date;
        if let Some(c) = &r.count {
            self.push(
                Diagnostic::error(
                    "`count` does not apply to `dates`: the series has one occurrence per date",
                    Some(loc(c)),
                    p("count"),
                )
                .hint("remove `count`"),
            );
        }
        if let Some(u) = &r.until {
            self.push(
                Diagnostic::error(
                    "`until` does not apply to `dates`: the series ends at its last date",
                    Some(loc(u)),
                    p("until"),
                )
                .hint("remove `until`, and the dates after it"),
            );
        }
        if let Some(s) = &r.since {
            let after = values::date(&s.value).is_ok_and(|d| d > first);
            let message = if after {
                format!(
                    "`since` is after the first of `dates` ({first}), which it would silently drop"
                )
            } else {
                format!(
                    "`since` does not apply to `dates`: the series starts at its first date ({first})"
                )
            };
            self.push(
                Diagnostic::error(message, Some(loc(s)), p("since"))
                    .hint("remove `since`, and any date before the series should start"),
            );
        }
        if let Some(e) = r.extra.first() {
            self.push(
                Diagnostic::error(
                    "`extra` does not apply to `dates`: every occurrence is one of `dates`",
                    Some(loc(e)),
                    p("extra[0]"),
                )
                .hint("add these dates to `dates` and remove `extra`"),
            );
        }
    }

    /// A `dates:` segment that a later change ends must not list dates on
    /// or after that change: they would be dropped.
    pub(super) fn dates_past_changes(
        &mut self,
        r: &crate::spec::raw::RawRitual,
        segments: &[crate::model::Segment],
        p: &dyn Fn(&str) -> String,
    ) {
        for (k, seg) in segments.iter().enumerate() {
            let (Rule::Dates(list), Some(to)) = (&seg.schedule.rule, seg.span.to) else {
                continue;
            };
            let Some(e) = list.iter().find(|e| e.date >= to) else {
                continue;
            };
            if k + 1 == segments.len() {
                // Ended by `until`, reported with `until` itself.
                continue;
            }
            let (at, path) = if k == 0 {
                raw_entry(&r.dates, e.date, p)
            } else {
                let c = r
                    .changes
                    .iter()
                    .position(|c| values::date(&c.value.from.value).ok() == Some(seg.span.from));
                match c {
                    Some(c) => raw_entry(&r.changes[c].value.dates, e.date, &|f: &str| {
                        p(&format!("changes[{c}].{f}"))
                    }),
                    None => (None, p("changes")),
                }
            };
            self.push(
                Diagnostic::error(
                    format!(
                        "{} is on or after the change from {to}, which would silently drop it",
                        e.date
                    ),
                    at,
                    path,
                )
                .hint("list it in that change's `dates`"),
            );
        }
    }
}
