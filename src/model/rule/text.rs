//! The one writer of RRULE text (RFC 5545 §3.3.10), in a normalised form:
//! parts in a fixed order (FREQ, INTERVAL when not 1, BYMONTH, BYWEEKNO,
//! BYYEARDAY, BYMONTHDAY, BYDAY, BYSETPOS, WKST), values sorted, and WKST
//! written exactly when the week start changes the dates.

use std::fmt::Write as _;

use chrono::Weekday;

use super::{ByDay, Freq, Recur};

pub fn ical_day(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// The weekday of an RFC 5545 `weekday` code (`MO` … `SU`, §3.3.10),
/// as upper case; None for anything else. The inverse of [`ical_day`].
pub fn ical_weekday(code: &str) -> Option<Weekday> {
    super::WEEK.into_iter().find(|d| ical_day(*d) == code)
}

impl Freq {
    pub fn name(self) -> &'static str {
        match self {
            Freq::Daily => "DAILY",
            Freq::Weekly => "WEEKLY",
            Freq::Monthly => "MONTHLY",
            Freq::Yearly => "YEARLY",
        }
    }
}

impl Recur {
    /// Sorts and deduplicates every list, so that two spellings of one
    /// rule compare equal and write the same text. BYDAY is ordered by
    /// ordinal (plain first, then positive, then negative ones), then
    /// weekday (Monday first); numbers positive first, then negative.
    pub fn normalise(&mut self) {
        fn key(n: i16) -> (bool, i16) {
            (n < 0, n)
        }
        self.by_month.sort_unstable();
        self.by_month.dedup();
        for list in [
            &mut self.by_week_no,
            &mut self.by_year_day,
            &mut self.by_month_day,
            &mut self.by_set_pos,
        ] {
            list.sort_by_key(|n| key(*n));
            list.dedup();
        }
        self.by_day
            .sort_by_key(|b| (b.nth.map(key), b.day.num_days_from_monday()));
        self.by_day.dedup();
        if self.interval == 0 {
            self.interval = 1;
        }
    }

    /// Does the week start change the dates this rule gives? It does when
    /// weeks are the period and one period can hold several dates that
    /// INTERVAL or BYSETPOS then group (WEEKLY with INTERVAL > 1 or
    /// BYSETPOS, and more than one BYDAY), and whenever BYWEEKNO numbers
    /// weeks. RFC 5545 §3.3.10: "This is significant when a WEEKLY RRULE
    /// has an interval greater than 1, and a BYDAY rule part is
    /// specified. This is also significant when in a YEARLY RRULE when a
    /// BYWEEKNO rule part is specified."
    pub fn wkst_matters(&self) -> bool {
        let weekly_group = self.freq == Freq::Weekly
            && self.by_day.len() > 1
            && (self.interval > 1 || !self.by_set_pos.is_empty());
        weekly_group || !self.by_week_no.is_empty()
    }

    /// The RRULE value without COUNT/UNTIL, e.g.
    /// `FREQ=MONTHLY;BYDAY=1TH,3TH` or `FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=MO`.
    pub fn rrule_text(&self) -> String {
        let mut s = format!("FREQ={}", self.freq.name());
        if self.interval > 1 {
            let _ = write!(s, ";INTERVAL={}", self.interval);
        }
        list(&mut s, "BYMONTH", &self.by_month);
        list(&mut s, "BYWEEKNO", &self.by_week_no);
        list(&mut s, "BYYEARDAY", &self.by_year_day);
        list(&mut s, "BYMONTHDAY", &self.by_month_day);
        if !self.by_day.is_empty() {
            s.push_str(";BYDAY=");
            for (i, b) in self.by_day.iter().enumerate() {
                if i > 0 {
                    s.push(',');
                }
                push_by_day(&mut s, b);
            }
        }
        list(&mut s, "BYSETPOS", &self.by_set_pos);
        if self.wkst_matters() {
            let _ = write!(s, ";WKST={}", ical_day(self.wkst));
        }
        s
    }
}

fn push_by_day(s: &mut String, b: &ByDay) {
    if let Some(n) = b.nth {
        let _ = write!(s, "{n}");
    }
    s.push_str(ical_day(b.day));
}

fn list<T: std::fmt::Display>(s: &mut String, name: &str, values: &[T]) {
    if values.is_empty() {
        return;
    }
    let _ = write!(s, ";{name}=");
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        let _ = write!(s, "{v}");
    }
}
