//! One raw ritual → a validated `model::Ritual`: its identity, schedule
//! and dates, details and reminders, people, then its segments (one per
//! `changes` entry) and exceptions. Each step reports every problem it
//! finds, in field order.

mod details;
mod people;
mod schedule;
mod segments;

use crate::model::{Calendar, Days, Loc, Person, Ritual, Schedule, Segment, SegmentLocs, Span};
use crate::spec::raw::RawRitual;
use crate::validate::{Validator, loc};

use segments::{located, located_list};

impl Validator {
    pub(in crate::validate) fn ritual(
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
        let (rule, when, timezone) = self.schedule(r, cal, &p);
        let details = self.details(r, &p);
        let (since, until) = self.dates(r, cal, rule.as_ref(), &p);
        let holidays = match &r.holidays {
            Some(h) => self
                .holidays(h, p("holidays"))
                .unwrap_or_else(|| cal.holidays.clone()),
            None => cal.holidays.clone(),
        };
        let categories = r
            .categories
            .iter()
            .enumerate()
            .map(|(k, c)| self.line_text(c, p(&format!("categories[{k}]"))))
            .collect();
        let (organizer, attendees) = self.organizer_and_attendees(r, people, &p);

        let (Some(rule), Some(when), Some(timezone), Some(since)) = (rule, when, timezone, since)
        else {
            return None;
        };
        let first = Segment {
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
                rule: match (&r.every, &r.rrule, r.dates.first()) {
                    (Some(e), _, _) => located(e, p("every")),
                    (None, Some(x), _) => located(x, p("rrule")),
                    (None, None, Some(d)) => located(d, p("dates")),
                    (None, None, None) => located(&r.id, p("every")),
                },
            },
        };
        let segments = self.segments(r, &id, cal, first, until, &p);
        let count = r.count.as_ref().map(|c| c.value);
        let rotation = self.rotation(r, people, since, &p);

        let mut ritual = Ritual {
            id,
            segments,
            count,
            skip: Days::default(),
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
        self.exceptions(i, r, &mut ritual, cal.horizon);
        let errors_after = self.diags.iter().filter(|d| d.is_error()).count();
        (errors_after == errors_before).then_some(ritual)
    }
}
