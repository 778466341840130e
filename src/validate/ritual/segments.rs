//! A ritual's segments: the first from its own fields, one more per
//! `changes` entry (the previous one's schedule and details with the
//! fields the change sets replaced), each ending where the next starts,
//! the last at `until` or after `count` occurrences.

use chrono::NaiveDate;
use serde_saphyr::Spanned;

use crate::diagnostic::Diagnostic;
use crate::model::{Calendar, Details, Located, Rule, Schedule, Segment, SegmentLocs, Span};
use crate::spec::raw::{RawChange, RawRitual};
use crate::validate::schedule::RuleFields;
use crate::validate::{Validator, loc, values};

impl Validator {
    /// Every segment of the ritual, from its first.
    pub(super) fn segments(
        &mut self,
        r: &RawRitual,
        id: &str,
        cal: &Calendar,
        first: Segment,
        until: Option<NaiveDate>,
        p: &impl Fn(&str) -> String,
    ) -> Vec<Segment> {
        let since = first.span.from;
        let mut segments = vec![first];
        let mut last_from = since;
        for (k, change) in r.changes.iter().enumerate() {
            let path = p(&format!("changes[{k}]"));
            let Some(from) = self.parse(&change.value.from, format!("{path}.from"), |t| {
                values::date(t)
            }) else {
                continue;
            };
            if from <= last_from {
                self.error(
                    format!("`from` ({from}) must be after the previous start ({last_from}): list changes in date order"),
                    &change.value.from,
                    format!("{path}.from"),
                );
                continue;
            }
            last_from = from;
            if let Some(until) = until.filter(|u| from > *u) {
                // `until` ends the last segment: a change past it would
                // start a series that has already ended.
                self.push(
                    Diagnostic::error(
                        format!("this change starts on {from}, after the ritual's `until` ({until}): it would never apply"),
                        Some(loc(&change.value.from)),
                        format!("{path}.from"),
                    )
                    .hint("`until` ends the whole ritual, changes included: move `until` past the change, or remove the change"),
                );
                continue;
            }
            let prev = segments.last().expect("at least one segment");
            let c = &change.value;
            let locs = SegmentLocs {
                time: c.time.as_ref().map_or_else(
                    || prev.locs.time.clone(),
                    |t| located(t, format!("{path}.time")),
                ),
                remind: c.remind.as_ref().map_or_else(
                    || prev.locs.remind.clone(),
                    |r| located_list(r, &format!("{path}.remind")),
                ),
                rule: match (&c.every, &c.rrule, c.dates.first()) {
                    (Some(e), _, _) => located(e, format!("{path}.every")),
                    (None, Some(x), _) => located(x, format!("{path}.rrule")),
                    (None, None, Some(d)) => located(d, format!("{path}.dates")),
                    (None, None, None) => prev.locs.rule.clone(),
                },
            };
            if let Some(next) = self.change(c, prev, &path) {
                let seg = Segment {
                    uid: format!("{id}.{}@{}", from.format("%Y%m%d"), cal.domain),
                    span: Span { from, to: None },
                    dtstart: from,
                    schedule: next.0,
                    details: next.1,
                    locs,
                };
                segments.last_mut().expect("at least one segment").span.to = Some(from);
                segments.push(seg);
            }
        }
        if let Some(until) = until {
            let last = segments.last_mut().expect("at least one segment");
            last.span.to = Some(
                last.span
                    .to
                    .map_or(until, |t| t.min(until))
                    .succ_opt()
                    .unwrap_or(until),
            );
        }
        self.first_occurrences(r, &mut segments, p);
        self.dates_past_changes(r, &segments, p);
        let count = r.count.as_ref().map(|c| c.value);
        if let Some(n) = count.filter(|n| *n > 0) {
            let seg = &mut segments[0];
            let mut last = seg.dtstart;
            for _ in 1..n {
                match seg.schedule.rule.next_after(seg.dtstart, last) {
                    Some(d) => last = d,
                    None => break,
                }
            }
            seg.span.to = last.succ_opt();
        }
        segments
    }

    /// Moves each segment's DTSTART to its rule's first occurrence: it
    /// must be one (RFC 5545 §3.8.5.3: a DTSTART off the rule is an extra
    /// occurrence in most clients). A segment with none is an error.
    fn first_occurrences(
        &mut self,
        r: &RawRitual,
        segments: &mut [Segment],
        p: &impl Fn(&str) -> String,
    ) {
        for (k, seg) in segments.iter_mut().enumerate() {
            seg.dtstart = seg.schedule.rule.first_on_or_after(seg.span.from);
            // An `until` before `since` is reported above.
            let reversed = seg.span.to.is_some_and(|t| t <= seg.span.from);
            if !seg.span.contains(seg.dtstart) && !reversed {
                let at = if k == 0 {
                    loc(r.since.as_ref().unwrap_or(&r.id))
                } else {
                    loc(&r.changes[k - 1].value.from)
                };
                self.push(Diagnostic::error(
                    format!(
                        "this schedule has no occurrence between {} and {}",
                        seg.span.from,
                        seg.span
                            .to
                            .and_then(|t| t.pred_opt())
                            .unwrap_or(seg.span.from)
                    ),
                    Some(at),
                    match (k, &r.since) {
                        (0, Some(_)) => p("since"),
                        (0, None) => p("id"),
                        _ => p(&format!("changes[{}].from", k - 1)),
                    },
                ).hint("`every` never falls between these dates: check `every`, `since` and `until`"));
            }
        }
    }

    /// A change's schedule and details: the previous segment's, with the
    /// fields the change sets replaced.
    fn change(&mut self, c: &RawChange, prev: &Segment, path: &str) -> Option<(Schedule, Details)> {
        let p = |f: &str| format!("{path}.{f}");
        let mut schedule = prev.schedule.clone();
        let mut details = prev.details.clone();
        let fields = RuleFields {
            every: c.every.as_ref(),
            rrule: c.rrule.as_ref(),
            dates: &c.dates,
        };
        if let Some(rule) = self.rule_of(&fields, &p).ok()? {
            schedule.rule = rule;
        }
        schedule.when = self.change_when(c, prev.schedule.when, &schedule.rule, &p)?;
        if let Rule::Dates(list) = &schedule.rule
            && let Some(from) = values::date(&c.from.value).ok()
            && let Some(e) = list.iter().find(|e| e.date < from)
        {
            self.error(
                format!("{} is before this change's `from` ({from})", e.date),
                c.dates.first()?,
                p("dates"),
            );
            return None;
        }
        if let Some(tz) = &c.timezone {
            schedule.timezone = self.timezone(tz, p("timezone"))?;
        }
        if let Some(t) = &c.title {
            details.title = self.line_text(t, p("title"));
        }
        if let Some(d) = &c.description {
            details.description = Some(self.long_text(d, p("description")));
        }
        if let Some(l) = &c.location {
            details.location = Some(self.line_text(l, p("location")));
        }
        if let Some(u) = &c.url {
            details.url = self.url(u, p("url"));
        }
        if let Some(b) = &c.busy {
            details.busy = b.value;
        }
        if let Some(r) = &c.remind {
            details.remind = self.reminders(r, &p("remind"));
        }
        Some((schedule, details))
    }
}

pub(super) fn located<T>(at: &Spanned<T>, path: String) -> Located {
    Located { loc: loc(at), path }
}

pub(super) fn located_list(items: &[Spanned<String>], path: &str) -> Vec<Located> {
    items
        .iter()
        .enumerate()
        .map(|(k, r)| located(r, format!("{path}[{k}]")))
        .collect()
}
