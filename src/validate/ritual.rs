use chrono::TimeDelta;
use serde_saphyr::Spanned;

use super::schedule::RuleFields;
use super::{Validator, loc, values};
use crate::diagnostic::Diagnostic;
use crate::model::{
    Attendees, Calendar, Details, Loc, Located, Person, Ritual, Rotation, RotationOrder, Rule,
    Schedule, Segment, SegmentLocs, Span, When,
};
use crate::spec::raw::{OneOrMany, RawChange, RawRitual};

impl Validator {
    pub(super) fn ritual(
        &mut self,
        i: usize,
        r: &RawRitual,
        cal: &Calendar,
        people: &[(Person, Loc)],
    ) -> Option<Ritual> {
        let p = |f: &str| format!("rituals[{i}].{f}");
        let errors_before = self.diags.iter().filter(|d| d.is_error()).count();
        let id = self.id(&r.id, p("id"));

        // The first segment's schedule and details, from the ritual's fields.
        let fields = RuleFields {
            every: r.every.as_ref(),
            rrule: r.rrule.as_ref(),
            dates: &r.dates,
        };
        let rule = match self.rule_of(&fields, &p) {
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
            &p,
        );
        self.dates_conflicts(r, rule.as_ref(), &p);
        let timezone = match &r.timezone {
            Some(tz) => self.timezone(tz, p("timezone")),
            None => Some(cal.timezone),
        };
        let details = Details {
            title: self.line_text(&r.title, p("title")),
            description: r
                .description
                .as_ref()
                .map(|d| self.long_text(d, p("description"))),
            location: r
                .location
                .as_ref()
                .map(|l| self.line_text(l, p("location"))),
            url: r.url.as_ref().and_then(|u| self.url(u, p("url"))),
            busy: r.busy.as_ref().is_none_or(|b| b.value),
            remind: self.reminders(&r.remind, &p("remind")),
        };
        let first_date = match &rule {
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
        let holidays = match &r.holidays {
            Some(h) => self.holidays(h, p("holidays")).unwrap_or(cal.holidays),
            None => cal.holidays,
        };
        let categories = r
            .categories
            .iter()
            .enumerate()
            .map(|(k, c)| self.line_text(c, p(&format!("categories[{k}]"))))
            .collect();
        let organizer = r
            .organizer
            .as_ref()
            .and_then(|o| self.person(o, people, p("organizer")));
        let attendees = match &r.attendees {
            None => Attendees::Unspecified,
            Some(a) => match &a.value {
                OneOrMany::One(s) if s.trim() == "all" => Attendees::All,
                _ => {
                    let ids = self.person_list(a, people, p("attendees"));
                    Attendees::Some(ids)
                }
            },
        };

        let (Some(rule), Some(when), Some(timezone), Some(since)) = (rule, when, timezone, since)
        else {
            return None;
        };
        let mut segments = vec![Segment {
            uid: format!("{id}@{}", cal.domain),
            span: Span {
                from: since,
                to: None,
            },
            dtstart: since,
            schedule: Schedule {
                rule,
                when,
                timezone,
            },
            details,
            locs: SegmentLocs {
                time: located(r.time.as_ref().unwrap_or(&r.id), p("time")),
                remind: located_list(&r.remind, &p("remind")),
            },
        }];
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
        // DTSTART must be an occurrence of the rule (RFC 5545 §3.8.5.3: a
        // DTSTART off the rule is an extra occurrence in most clients).
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
        self.dates_past_changes(r, &segments, &p);
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
        let rotation = r.rotation.as_ref().and_then(|rot| {
            let path = p("rotation");
            let first =
                self.person_list_items(&rot.value.people, people, &format!("{path}.people"));
            let from = match &rot.value.since {
                Some(s) => self.parse(s, format!("{path}.since"), |t| values::date(t))?,
                None => since,
            };
            let mut orders = vec![RotationOrder {
                from,
                people: first,
            }];
            for (k, c) in rot.value.changes.iter().enumerate() {
                let cp = format!("{path}.changes[{k}]");
                let Some(from) =
                    self.parse(&c.value.from, format!("{cp}.from"), |t| values::date(t))
                else {
                    continue;
                };
                if from <= orders.last().expect("one order").from {
                    self.error(
                        "rotation changes must be in date order, after the rotation's start",
                        &c.value.from,
                        format!("{cp}.from"),
                    );
                }
                let list = self.person_list_items(&c.value.people, people, &format!("{cp}.people"));
                orders.push(RotationOrder { from, people: list });
            }
            if orders.iter().any(|o| o.people.is_empty()) {
                self.error("a rotation needs at least one person", rot, path);
                return None;
            }
            Some(Rotation { orders })
        });

        let mut ritual = Ritual {
            id,
            segments,
            count,
            skip: Vec::new(),
            extra: Vec::new(),
            moved: Vec::new(),
            holidays,
            categories,
            organizer,
            attendees,
            rotation,
            loc: loc(&r.id),
            holidays_at: r.holidays.as_ref().map(|h| located(h, p("holidays"))),
            path: format!("rituals[{i}]"),
        };
        self.exceptions(i, r, &mut ritual);
        let errors_after = self.diags.iter().filter(|d| d.is_error()).count();
        (errors_after == errors_before).then_some(ritual)
    }

    fn reminders(&mut self, raw: &[Spanned<String>], path: &str) -> Vec<TimeDelta> {
        raw.iter()
            .enumerate()
            .filter_map(|(k, r)| self.parse(r, format!("{path}[{k}]"), |t| values::duration(t)))
            .collect()
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
        match (&c.time, &c.duration) {
            (Some(_), _) => {
                // A start-only `time` keeps the length in force.
                let kept = match (prev.schedule.when, &c.duration) {
                    (When::Timed { duration, .. }, None) => Some(duration),
                    _ => None,
                };
                let t = c.time.as_ref()?;
                schedule.when = match kept {
                    Some(d) if !t.value.contains('-') && !values::is_all_day(&t.value) => {
                        let w = self.parse(t, p("time"), |v| values::when(v, Some(d)))?;
                        self.check_dates_fit(Some(&schedule.rule), w, &c.dates, &p);
                        w
                    }
                    _ => self.when_of(
                        c.time.as_ref(),
                        c.duration.as_ref(),
                        Some(&schedule.rule),
                        &c.dates,
                        &c.from,
                        &p,
                    )?,
                };
            }
            (None, Some(d)) => {
                let length = self.parse(d, p("duration"), |t| values::duration(t))?;
                match &mut schedule.when {
                    When::Timed { duration, .. } => *duration = length,
                    When::AllDay { days } => {
                        if length.num_minutes() % (24 * 60) != 0 || length < TimeDelta::days(1) {
                            self.push(
                                Diagnostic::error(
                                    format!("an all-day ritual lasts whole days, found `duration: {}`", d.value.trim()),
                                    Some(loc(d)),
                                    p("duration"),
                                )
                                .hint("write `duration: 2d` for an event over two days, or give `time` a start like `\"09:00\"` for a timed one"),
                            );
                            return None;
                        }
                        *days = length.num_days() as u32;
                    }
                }
            }
            (None, None) => self.check_dates_fit(Some(&schedule.rule), schedule.when, &c.dates, &p),
        }
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

fn located<T>(at: &Spanned<T>, path: String) -> Located {
    Located { loc: loc(at), path }
}

fn located_list(items: &[Spanned<String>], path: &str) -> Vec<Located> {
    items
        .iter()
        .enumerate()
        .map(|(k, r)| located(r, format!("{path}[{k}]")))
        .collect()
}
