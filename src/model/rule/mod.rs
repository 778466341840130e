//! Recurrence rules at day granularity: RFC 5545 §3.3.10 (FREQ DAILY to
//! YEARLY with every BYxxx part that selects days), or a plain list of
//! dates. Times of day come from the ritual's `time`, never from the rule.

mod cursor;
mod expand;
mod text;
mod weekno;

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta, Weekday};

pub use cursor::RuleDates;
pub use text::{ical_day, ical_weekday};

/// Every day of the week, Monday first (RFC 5545's default WKST).
pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// Monday to Friday: what `every: weekday` means, and what the words
/// "weekday" / "jour ouvré" say back.
pub const WORK_WEEK: [chrono::Weekday; 5] = [
    chrono::Weekday::Mon,
    chrono::Weekday::Tue,
    chrono::Weekday::Wed,
    chrono::Weekday::Thu,
    chrono::Weekday::Fri,
];

/// A ritual's recurrence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// An RFC 5545 RRULE, without COUNT/UNTIL (those are the segment's).
    Recur(Recur),
    /// One-off occurrences (`dates:`): sorted, no date twice, at least one.
    /// Written as DTSTART + RDATEs, without RRULE.
    Dates(Vec<DateEntry>),
}

/// RRULE FREQ, day granularity only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Freq {
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// One BYDAY value: a weekday, with an ordinal (`1TH`, `-1FR`) or without.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ByDay {
    /// ±1..=53 (±1..=5 within a month); None for every such weekday.
    pub nth: Option<i16>,
    pub day: Weekday,
}

/// An RFC 5545 recurrence (§3.3.10) at day granularity. Lists are sorted
/// and free of duplicates (the validator builds them so); an empty list
/// is an absent part. Invariants (checked by the validator, relied upon
/// by the expansion): BYWEEKNO only with YEARLY; BYYEARDAY not with
/// WEEKLY or MONTHLY; BYMONTHDAY not with WEEKLY; ordinals in BYDAY only
/// with MONTHLY and YEARLY (and not with BYWEEKNO); BYSETPOS only with
/// another BYxxx part.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Recur {
    pub freq: Freq,
    /// INTERVAL, at least 1.
    pub interval: u32,
    /// BYMONTH, 1..=12.
    pub by_month: Vec<u32>,
    /// BYWEEKNO, ±1..=53.
    pub by_week_no: Vec<i16>,
    /// BYYEARDAY, ±1..=366.
    pub by_year_day: Vec<i16>,
    /// BYMONTHDAY, ±1..=31.
    pub by_month_day: Vec<i16>,
    /// BYDAY.
    pub by_day: Vec<ByDay>,
    /// BYSETPOS, ±1..=366.
    pub by_set_pos: Vec<i16>,
    /// WKST (default Monday, as in RFC 5545).
    pub wkst: Weekday,
}

/// One date of a `dates:` series, with its own time and length if given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateEntry {
    pub date: NaiveDate,
    pub start: Option<NaiveTime>,
    pub duration: Option<TimeDelta>,
}

impl Recur {
    /// A rule with no BYxxx part and INTERVAL=1.
    pub fn new(freq: Freq) -> Recur {
        Recur {
            freq,
            interval: 1,
            by_month: Vec::new(),
            by_week_no: Vec::new(),
            by_year_day: Vec::new(),
            by_month_day: Vec::new(),
            by_day: Vec::new(),
            by_set_pos: Vec::new(),
            wkst: Weekday::Mon,
        }
    }
}

impl Rule {
    /// FREQ=DAILY;INTERVAL=n.
    pub fn daily(interval: u32) -> Rule {
        Rule::Recur(Recur {
            interval,
            ..Recur::new(Freq::Daily)
        })
    }

    /// FREQ=WEEKLY;INTERVAL=n;BYDAY=days.
    pub fn weekly(interval: u32, days: &[Weekday]) -> Rule {
        let mut r = Recur {
            interval,
            ..Recur::new(Freq::Weekly)
        };
        r.by_day = days.iter().map(|&day| ByDay { nth: None, day }).collect();
        r.normalise();
        Rule::Recur(r)
    }

    /// FREQ=MONTHLY;BYDAY=<nth><day>.
    pub fn monthly_nth(nth: i16, day: Weekday) -> Rule {
        let mut r = Recur::new(Freq::Monthly);
        r.by_day = vec![ByDay {
            nth: Some(nth),
            day,
        }];
        Rule::Recur(r)
    }

    /// The weekdays of a plain weekly rule (`FREQ=WEEKLY`, BYDAY without
    /// ordinals, nothing else), with its interval: the rules the page's
    /// week grid can show.
    pub fn as_weekly(&self) -> Option<(u32, Vec<Weekday>)> {
        let Rule::Recur(r) = self else { return None };
        let plain = r.by_month.is_empty()
            && r.by_set_pos.is_empty()
            && r.by_day.iter().all(|b| b.nth.is_none());
        match r.freq {
            Freq::Weekly if plain && !r.by_day.is_empty() => {
                Some((r.interval, r.by_day.iter().map(|b| b.day).collect()))
            }
            Freq::Daily if plain && r.interval == 1 => {
                let days = if r.by_day.is_empty() {
                    (0..7).filter_map(|n| Weekday::try_from(n).ok()).collect()
                } else {
                    r.by_day.iter().map(|b| b.day).collect()
                };
                Some((1, days))
            }
            _ => None,
        }
    }

    /// Does `date` match the rule, for a series whose first occurrence
    /// (DTSTART) is `anchor`? Dates before the anchor never match.
    pub fn matches(&self, anchor: NaiveDate, date: NaiveDate) -> bool {
        if date < anchor {
            return false;
        }
        match self {
            Rule::Recur(r) => r.matches(anchor, date),
            Rule::Dates(list) => list.binary_search_by_key(&date, |e| e.date).is_ok(),
        }
    }

    /// The first date on or after `from` that the rule allows, INTERVAL
    /// aside (used to find DTSTART, which then anchors the interval:
    /// "every 2 weeks on Friday" from a Saturday starts the next day
    /// Friday, not 13 days later). For a rule that never gives a date, a
    /// date past every span (validation reports it).
    pub fn first_on_or_after(&self, from: NaiveDate) -> NaiveDate {
        let found = match self {
            Rule::Recur(r) => {
                let every_period = Recur {
                    interval: 1,
                    ..r.clone()
                };
                from.pred_opt()
                    .and_then(|before| every_period.next_after(from, before))
            }
            Rule::Dates(list) => list.iter().map(|e| e.date).find(|d| *d >= from),
        };
        found.unwrap_or(NaiveDate::MAX)
    }

    /// The next date strictly after `date` matching the rule anchored at
    /// `anchor`. Steps period by period (RFC 5545 §3.3.10), never day by
    /// day; None past year 9999 or when the rule gives no more dates.
    pub fn next_after(&self, anchor: NaiveDate, date: NaiveDate) -> Option<NaiveDate> {
        match self {
            Rule::Recur(r) => r.next_after(anchor, date),
            Rule::Dates(list) => {
                let i = list.partition_point(|e| e.date <= date);
                list[i..].iter().map(|e| e.date).find(|d| *d >= anchor)
            }
        }
    }

    /// The last date on or before `date` the rule gives (anchored at
    /// `anchor`), if any: the UNTIL of a segment that ends.
    pub fn last_on_or_before(&self, anchor: NaiveDate, date: NaiveDate) -> Option<NaiveDate> {
        if date < anchor {
            return None;
        }
        match self {
            Rule::Dates(list) => {
                let i = list.partition_point(|e| e.date <= date);
                list[..i]
                    .iter()
                    .rev()
                    .map(|e| e.date)
                    .find(|d| *d >= anchor)
            }
            Rule::Recur(r) => r.last_on_or_before(anchor, date),
        }
    }

    /// The `dates:` entry of `date`, for its own time and length.
    pub fn date_entry(&self, date: NaiveDate) -> Option<&DateEntry> {
        match self {
            Rule::Dates(list) => list
                .binary_search_by_key(&date, |e| e.date)
                .ok()
                .map(|i| &list[i]),
            Rule::Recur(_) => None,
        }
    }

    /// The RRULE value without UNTIL/COUNT, in normalised form (see
    /// [`Recur::rrule_text`]); None for a `dates:` series (no RRULE).
    pub fn rrule_parts(&self) -> Option<String> {
        match self {
            Rule::Recur(r) => Some(r.rrule_text()),
            Rule::Dates(_) => None,
        }
    }

    /// Shortest interval between two occurrences after `anchor`, in days,
    /// over the next eight years (every rule repeats within that for the
    /// lints' purpose); 366 when there is at most one occurrence.
    pub fn min_gap_days(&self, anchor: NaiveDate) -> i64 {
        if let Some((interval, days)) = self.as_weekly() {
            return weekly_gap(interval, &days);
        }
        let end = anchor
            .checked_add_days(chrono::Days::new(8 * 366))
            .unwrap_or(NaiveDate::MAX);
        let mut best = 366;
        let mut prev = anchor;
        let mut n = 0;
        while let Some(d) = self.next_after(anchor, prev) {
            if d > end || n > 4000 {
                break;
            }
            best = best.min((d - prev).num_days());
            prev = d;
            n += 1;
        }
        best
    }

    /// How many occurrences the rule gives in each of the `years` years
    /// from the anchor's (lints: "3 a year").
    pub fn per_year(&self, anchor: NaiveDate, years: i32) -> Vec<usize> {
        let mut counts = vec![0; years.max(0) as usize];
        let mut d = Some(self.first_on_or_after(anchor)).filter(|d| *d != NaiveDate::MAX);
        while let Some(day) = d {
            let k = (day.year() - anchor.year()) as usize;
            if k >= counts.len() {
                break;
            }
            counts[k] += 1;
            d = self.next_after(anchor, day);
        }
        counts
    }
}

fn weekly_gap(interval: u32, days: &[Weekday]) -> i64 {
    let mut nums: Vec<i64> = days
        .iter()
        .map(|d| i64::from(d.num_days_from_monday()))
        .collect();
    nums.sort_unstable();
    let (Some(first), Some(last)) = (nums.first(), nums.last()) else {
        return 7;
    };
    let wrap = first + 7 * i64::from(interval) - last;
    nums.windows(2)
        .map(|w| w[1] - w[0])
        .chain([wrap])
        .min()
        .unwrap_or(7)
}

#[cfg(test)]
mod tests;
