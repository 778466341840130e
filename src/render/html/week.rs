//! The typical week: which rituals happen on which weekday, at what time,
//! in the calendar's zone.

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta, Weekday};

use crate::expand::local_time::resolve;
use crate::model::{Rule, Segment, Spec, When};

/// One ritual's place in the week grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub ritual: usize,
    pub day: Weekday,
    /// Local start in the calendar's zone; None for all-day.
    pub start: Option<NaiveTime>,
    pub length: TimeDelta,
}

/// The segment that describes a ritual as of `today`: the current one,
/// else the next to start; None when the ritual has ended.
pub fn current_segment(segments: &[Segment], today: NaiveDate) -> Option<usize> {
    segments
        .iter()
        .position(|s| s.span.contains(today))
        .or_else(|| segments.iter().position(|s| s.span.from > today))
}

/// The grid's entries, by weekday then start (all-day first).
pub fn entries(spec: &Spec, today: NaiveDate) -> Vec<Entry> {
    let cal_tz = spec.calendar.timezone;
    let mut out = Vec::new();
    for (i, r) in spec.rituals.iter().enumerate() {
        let Some(k) = current_segment(&r.segments, today) else {
            continue;
        };
        let seg = &r.segments[k];
        // Monthly and yearly rules on given weekdays show on those
        // weekdays; rules on month days or positions (BYSETPOS) and
        // `dates:` have no place in a week.
        let days: Vec<Weekday> = match &seg.schedule.rule {
            rule @ Rule::Recur(r) => rule.as_weekly().map_or_else(
                || {
                    if !r.by_set_pos.is_empty() {
                        return Vec::new();
                    }
                    let mut d: Vec<Weekday> = r.by_day.iter().map(|b| b.day).collect();
                    d.dedup();
                    d
                },
                |(_, days)| days,
            ),
            Rule::Dates(_) => Vec::new(),
        };
        let first = today.max(seg.span.from);
        for day in days {
            let (day, start, length) = match seg.schedule.when {
                When::AllDay { days } => (day, None, TimeDelta::days(i64::from(days))),
                When::Timed { start, duration } => {
                    // A ritual in another zone may land on another
                    // weekday here; convert on a real date near today.
                    let ahead = (7 + day.num_days_from_monday()
                        - first.weekday().num_days_from_monday())
                        % 7;
                    let date = first + chrono::Days::new(u64::from(ahead));
                    let local = resolve(seg.schedule.timezone, date.and_time(start))
                        .with_timezone(&cal_tz)
                        .naive_local();
                    (local.weekday(), Some(local.time()), duration)
                }
            };
            out.push(Entry {
                ritual: i,
                day,
                start,
                length,
            });
        }
    }
    out.sort_by_key(|e| (e.day.num_days_from_monday(), e.start, e.ritual));
    out
}
