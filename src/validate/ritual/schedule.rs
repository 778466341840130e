//! A ritual's schedule (`every`, `time`, `duration`, `timezone`) and its
//! dates (`since`, `until`, `count`).

use chrono::{NaiveDate, TimeDelta};
use chrono_tz::Tz;
use serde_saphyr::Spanned;

use crate::diagnostic::Diagnostic;
use crate::model::{Calendar, Rule, When};
use crate::spec::raw::{OneOrMany, RawRitual};
use crate::validate::every::{self, EXPECTED};
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
        let rule = self.every(&r.every, p("every"));
        let duration = r
            .duration
            .as_ref()
            .and_then(|d| self.parse(d, p("duration"), |t| values::duration(t)));
        // A `duration` that is written but wrong is reported once: `time`
        // is then checked as if it had one.
        let stand_in = r.duration.as_ref().map(|_| TimeDelta::minutes(1));
        let when = self.parse(&r.time, p("time"), |t| {
            values::when(t, duration.or(stand_in))
        });
        if let Some(When::Timed { duration, .. }) = when {
            match &r.duration {
                Some(d) => self.check_duration(duration, d, p("duration")),
                None => self.check_duration(duration, &r.time, p("time")),
            }
        }
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
        p: &impl Fn(&str) -> String,
    ) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let since = match &r.since {
            Some(s) => self.parse(s, p("since"), |t| values::date(t)),
            None => {
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

    pub(super) fn every(&mut self, at: &Spanned<OneOrMany>, path: String) -> Option<Rule> {
        let items: Vec<&str> = match &at.value {
            OneOrMany::One(s) => vec![s.as_str()],
            OneOrMany::Many(v) => v.iter().map(String::as_str).collect(),
        };
        match every::parse(&items) {
            Ok(rule) => Some(rule),
            Err(e) => {
                let mut d = Diagnostic::error(e.message, Some(loc(at)), path);
                if let Some(h) = e.hint {
                    d = d.hint(h);
                }
                if d.message == EXPECTED && d.hints.is_empty() {
                    d = d.hint("examples: `monday`, `monday, friday`, `weekday`, `2 weeks on tuesday`, `last friday of the month`");
                }
                self.push(d);
                None
            }
        }
    }

    pub(super) fn check_duration<T>(&mut self, duration: TimeDelta, at: &Spanned<T>, path: String) {
        if duration <= TimeDelta::zero() || duration > TimeDelta::hours(24) {
            let d = Diagnostic::error(
                format!(
                    "a ritual must last more than 0 minutes and at most 24 hours, found {}h{:02}m",
                    duration.num_hours(),
                    duration.num_minutes() % 60
                ),
                Some(loc(at)),
                path,
            );
            self.push(if duration > TimeDelta::zero() {
                d.hint("for something longer than a day, use `time: all day`")
            } else {
                d
            });
        }
    }
}
