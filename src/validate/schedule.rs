//! A ritual's (or a change's) rule and time: exactly one of `every`,
//! `rrule` and `dates`, and `time` with `duration`. Every combination
//! either has an effect or is an error saying what to write instead.

use chrono::TimeDelta;
use serde_saphyr::Spanned;

use super::every::{self, EXPECTED};
use super::{Validator, loc, rrule, values};
use crate::diagnostic::Diagnostic;
use crate::model::{DateEntry, Rule, When};
use crate::spec::raw::OneOrMany;

/// The rule fields as written.
pub(super) struct RuleFields<'a> {
    pub every: Option<&'a Spanned<OneOrMany>>,
    pub rrule: Option<&'a Spanned<String>>,
    pub dates: &'a [Spanned<String>],
}

impl Validator {
    /// The rule the fields give: `Ok(None)` when none is written, `Err`
    /// when an error was reported.
    pub(super) fn rule_of(
        &mut self,
        f: &RuleFields<'_>,
        p: &dyn Fn(&str) -> String,
    ) -> Result<Option<Rule>, ()> {
        let given = [f.every.is_some(), f.rrule.is_some(), !f.dates.is_empty()];
        if given.iter().filter(|g| **g).count() > 1 {
            let (at, path) = match (f.rrule, f.dates.first()) {
                (Some(r), _) if f.every.is_some() => (loc(r), p("rrule")),
                (_, Some(d)) => (loc(d), p("dates")),
                (Some(r), None) => (loc(r), p("rrule")),
                (None, None) => unreachable!("two of three given"),
            };
            self.push(
                Diagnostic::error(
                    "`every`, `rrule` and `dates` are three ways to say when: write only one",
                    Some(at),
                    path,
                )
                .hint("keep `every` for a rule in words, `rrule` for an RFC 5545 rule, `dates` for one-off dates"),
            );
            return Err(());
        }
        if let Some(e) = f.every {
            return self.every(e, p("every")).map(Some).ok_or(());
        }
        if let Some(r) = f.rrule {
            return match rrule::parse(&r.value) {
                Ok(rule) => Ok(Some(Rule::Recur(rule))),
                Err(e) => {
                    let mut d = Diagnostic::error(e.message, Some(loc(r)), p("rrule"));
                    if let Some(h) = e.hint {
                        d = d.hint(h);
                    }
                    self.push(d);
                    Err(())
                }
            };
        }
        if f.dates.is_empty() {
            return Ok(None);
        }
        self.date_list(f.dates, &p("dates")).map(Some)
    }

    fn date_list(&mut self, raw: &[Spanned<String>], path: &str) -> Result<Rule, ()> {
        let mut list: Vec<(DateEntry, usize)> = Vec::new();
        let mut ok = true;
        for (k, d) in raw.iter().enumerate() {
            match values::date_entry(&d.value) {
                Ok(e) => list.push((e, k)),
                Err(m) => {
                    self.error(m, d, format!("{path}[{k}]"));
                    ok = false;
                }
            }
        }
        list.sort_by_key(|(e, _)| e.date);
        for w in list.windows(2) {
            if w[0].0.date == w[1].0.date {
                let k = w[1].1;
                self.push(
                    Diagnostic::error(
                        format!("{} is listed twice in `dates`", w[1].0.date),
                        Some(loc(&raw[k])),
                        format!("{path}[{k}]"),
                    )
                    .hint(
                        "a ritual happens at most once a day: keep one, or write a second ritual",
                    ),
                );
                ok = false;
            }
        }
        if !ok {
            return Err(());
        }
        Ok(Rule::Dates(list.into_iter().map(|(e, _)| e).collect()))
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
                    d = d.hint("examples: `monday`, `monday, friday`, `weekday`, `2 weeks on tuesday`, `first and third thursday of the month`, `month on last weekday`, `year on 14 july`");
                }
                self.push(d);
                None
            }
        }
    }

    /// `time` with `duration` (and, for a change, the length in force).
    /// `None` when an error was reported. A `dates:` rule whose every date
    /// has its own start and end needs no `time`.
    pub(super) fn when_of(
        &mut self,
        time: Option<&Spanned<String>>,
        duration: Option<&Spanned<String>>,
        rule: Option<&Rule>,
        raw_dates: &[Spanned<String>],
        missing_at: &Spanned<String>,
        p: &dyn Fn(&str) -> String,
    ) -> Option<When> {
        let own_ranges = match rule {
            Some(Rule::Dates(list)) => list
                .iter()
                .all(|e| e.start.is_some() && e.duration.is_some())
                .then(|| list[0]),
            _ => None,
        };
        let Some(time) = time else {
            if let Some(first) = own_ranges
                && let (Some(start), Some(length)) = (first.start, first.duration)
            {
                if let Some(at) = duration {
                    self.push(
                        Diagnostic::error(
                            "`duration` has no effect: every one of `dates` has its own start and end",
                            Some(loc(at)),
                            p("duration"),
                        )
                        .hint("remove `duration`"),
                    );
                    return None;
                }
                return Some(When::Timed {
                    start,
                    duration: length,
                });
            }
            self.push(
                Diagnostic::error("this ritual has no `time`", Some(loc(missing_at)), p("time"))
                    .hint("write `time: \"16:00-17:00\"`, `time: \"09:30\"` with `duration: 30m`, or `time: all day`"),
            );
            return None;
        };
        if own_ranges.is_some() {
            self.push(
                Diagnostic::error(
                    "`time` has no effect: every one of `dates` has its own start and end",
                    Some(loc(time)),
                    p("time"),
                )
                .hint("remove `time`, or remove the times from the dates held at the usual time"),
            );
            return None;
        }
        let length = match duration {
            Some(d) => Some(self.parse(d, p("duration"), |t| values::duration(t))?),
            None => None,
        };
        let t = time.value.trim();
        let when = if values::is_all_day(t) {
            let days = match (length, duration) {
                (None, _) => 1,
                (Some(l), Some(at)) => {
                    if l.num_minutes() % (24 * 60) != 0 || l < TimeDelta::days(1) {
                        self.push(all_day_whole_days(at, p));
                        return None;
                    }
                    l.num_days() as u32
                }
                (Some(_), None) => 1,
            };
            When::AllDay { days }
        } else {
            if let (Some(at), Some((start, _))) = (duration, t.split_once('-')) {
                self.push(
                    Diagnostic::error(
                        format!("`duration` cannot be combined with `time: {t}`, which already has an end"),
                        Some(loc(at)),
                        p("duration"),
                    )
                    .hint(format!(
                        "remove `duration`, or write `time: \"{}\"` with `duration: {}`",
                        start.trim(),
                        at.value.trim()
                    )),
                );
                return None;
            }
            // A `duration` that is written but wrong is reported once:
            // `time` is then checked as if it had one.
            let stand_in = duration.map(|_| TimeDelta::minutes(1));
            self.parse(time, p("time"), |t| values::when(t, length.or(stand_in)))?
        };
        if let When::Timed { duration: d, .. } = when
            && d <= TimeDelta::zero()
        {
            let at = duration.unwrap_or(time);
            self.push(Diagnostic::error(
                "a ritual must last more than 0 minutes, found 0m",
                Some(loc(at)),
                if duration.is_some() {
                    p("duration")
                } else {
                    p("time")
                },
            ));
            return None;
        }
        self.check_dates_fit(rule, when, raw_dates, p);
        Some(when)
    }

    /// A `dates:` entry with a time in an all-day ritual has nowhere to go.
    pub(super) fn check_dates_fit(
        &mut self,
        rule: Option<&Rule>,
        when: When,
        raw: &[Spanned<String>],
        p: &dyn Fn(&str) -> String,
    ) {
        if let (Some(Rule::Dates(list)), When::AllDay { .. }) = (rule, when)
            && let Some(e) = list.iter().find(|e| e.start.is_some())
        {
            let (at, path) = raw_entry(raw, e.date, p);
            self.push(
                Diagnostic::error(
                    format!("{} has a time, but this ritual is all day", e.date),
                    at,
                    path,
                )
                .hint("remove the time from the date, or give the ritual a `time` like `\"09:00-17:00\"`"),
            );
        }
    }
}

/// Where the `dates:` entry of `date` is written, and its path.
pub(super) fn raw_entry(
    raw: &[Spanned<String>],
    date: chrono::NaiveDate,
    p: &dyn Fn(&str) -> String,
) -> (Option<crate::model::Loc>, String) {
    raw.iter()
        .position(|r| values::date_entry(&r.value).is_ok_and(|e| e.date == date))
        .map_or_else(
            || (None, p("dates")),
            |k| (Some(loc(&raw[k])), p(&format!("dates[{k}]"))),
        )
}

pub(super) fn all_day_whole_days(at: &Spanned<String>, p: &dyn Fn(&str) -> String) -> Diagnostic {
    Diagnostic::error(
        format!(
            "an all-day ritual lasts whole days, found `duration: {}`",
            at.value.trim()
        ),
        Some(loc(at)),
        p("duration"),
    )
    .hint("write `duration: 2d` for an event over two days, or give `time` a start like `\"09:00\"` for a timed one")
}
