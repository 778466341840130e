//! A ritual's schedule (`every`/`rrule`/`dates`, `time`, `duration`,
//! `timezone`) and its dates (`since`, `until`, `count`).

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::diagnostic::Diagnostic;
use crate::model::{Calendar, Rule, When};
use crate::spec::raw::RawRitual;
use crate::validate::schedule::RuleFields;
use crate::validate::{Validator, loc, values};

impl Validator {
    /// The rule, time and zone of the ritual's first segment; None where
    /// a field is invalid (reported).
    pub(super) fn schedule(
        &mut self,
        r: &RawRitual,
        cal: &Calendar,
        p: &impl Fn(&str) -> String,
    ) -> (Option<Rule>, Option<When>, Option<Tz>) {
        let fields = RuleFields {
            every: r.every.as_ref(),
            rrule: r.rrule.as_ref(),
            dates: &r.dates,
        };
        let rule = match self.rule_of(&fields, p) {
            Ok(Some(rule)) => Some(rule),
            Ok(None) => {
                self.push(
                    Diagnostic::error(
                        "this ritual has no schedule: set `every`, `rrule` or `dates`",
                        Some(loc(&r.id)),
                        p("every"),
                    )
                    .hint("e.g. `every: monday`, `every: first thursday of the month`, `rrule: FREQ=MONTHLY;BYMONTHDAY=15` or `dates: [2026-04-09]`"),
                );
                None
            }
            Err(()) => None,
        };
        let when = self.when_of(
            r.time.as_ref(),
            r.duration.as_ref(),
            rule.as_ref(),
            &r.dates,
            &r.id,
            p,
        );
        self.dates_conflicts(r, rule.as_ref(), p);
        let timezone = match &r.timezone {
            Some(tz) => self.timezone(tz, p("timezone")),
            None => Some(cal.timezone),
        };
        (rule, when, timezone)
    }

    /// `since` (or the calendar's) and `until`, checked against each
    /// other and against `count`.
    pub(super) fn dates(
        &mut self,
        r: &RawRitual,
        cal: &Calendar,
        rule: Option<&Rule>,
        p: &impl Fn(&str) -> String,
    ) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let first_date = match rule {
            Some(Rule::Dates(list)) => list.first().map(|e| e.date),
            _ => None,
        };
        let since = match (&r.since, first_date) {
            // A `dates:` series starts at its first date.
            (_, Some(first)) => Some(first),
            (Some(s), None) => self.parse(s, p("since"), |t| values::date(t)),
            (None, None) => {
                if cal.since.is_none() && !self.calendar_since_given {
                    self.error(
                        "this ritual has no start date: set `since` here or in `calendar`",
                        &r.id,
                        p("since"),
                    );
                }
                cal.since
            }
        };
        let until = r
            .until
            .as_ref()
            .and_then(|u| self.parse(u, p("until"), |t| values::date(t)));
        if let (Some(since), Some(until), Some(u)) = (since, until, &r.until)
            && until < since
        {
            self.error(
                format!("`until` ({until}) is before `since` ({since})"),
                u,
                p("until"),
            );
        }
        self.check_count(r, p);
        (since, until)
    }

    fn check_count(&mut self, r: &RawRitual, p: &impl Fn(&str) -> String) {
        if let (Some(c), Some(_)) = (&r.count, &r.until) {
            self.error(
                "`count` and `until` cannot both be set: keep one",
                c,
                p("count"),
            );
        }
        if let Some(c) = &r.count {
            if c.value == 0 {
                self.error("`count` must be at least 1", c, p("count"));
            }
            if !r.changes.is_empty() {
                self.error(
                    "`count` cannot be combined with `changes`: use `until`",
                    c,
                    p("count"),
                );
            }
        }
    }
}
