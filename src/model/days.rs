//! Sets of days given as ranges: `calendar.closed` and a ritual's `skip`.
//!
//! Ranges stay ranges (a summer break is one entry, not 40 dates): dated
//! ranges sorted by start with a running maximum of their ends, so a
//! lookup is a binary search; yearly ranges (`12-24..01-01`) are matched
//! on (month, day) and may cross the new year.

use chrono::{Datelike, NaiveDate};

use super::Loc;

/// A day of the year, for ranges that recur every year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl MonthDay {
    pub fn of(date: NaiveDate) -> MonthDay {
        MonthDay {
            month: date.month(),
            day: date.day(),
        }
    }
}

impl std::fmt::Display for MonthDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

/// Both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DaySpan {
    Dated {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// Every year; `from > to` crosses the new year (`12-24..01-01`).
    Yearly {
        from: MonthDay,
        to: MonthDay,
    },
}

impl DaySpan {
    pub fn contains(&self, date: NaiveDate) -> bool {
        match *self {
            DaySpan::Dated { from, to } => (from..=to).contains(&date),
            DaySpan::Yearly { from, to } => {
                let md = MonthDay::of(date);
                if from <= to {
                    (from..=to).contains(&md)
                } else {
                    md >= from || md <= to
                }
            }
        }
    }

    /// A single date (`skip: [2026-12-28]`), as opposed to a range.
    pub fn single_date(&self) -> Option<NaiveDate> {
        match *self {
            DaySpan::Dated { from, to } if from == to => Some(from),
            _ => None,
        }
    }
}

impl std::fmt::Display for DaySpan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DaySpan::Dated { from, to } if from == to => write!(f, "{from}"),
            DaySpan::Dated { from, to } => write!(f, "{from}..{to}"),
            DaySpan::Yearly { from, to } => write!(f, "{from}..{to}"),
        }
    }
}

/// One entry of `closed` or `skip`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayRange {
    pub span: DaySpan,
    /// Why (`vacances d'été`): the agenda and the page show it.
    pub label: Option<String>,
    pub loc: Loc,
}

/// The entries of one `closed` or `skip` list, indexed for lookups.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Days {
    /// Dated entries, sorted by start.
    dated: Vec<DayRange>,
    /// `max_to[i]`: the latest end among `dated[..=i]`.
    max_to: Vec<NaiveDate>,
    yearly: Vec<DayRange>,
}

impl Days {
    pub fn new(entries: Vec<DayRange>) -> Days {
        let (mut dated, yearly): (Vec<_>, Vec<_>) = entries
            .into_iter()
            .partition(|e| matches!(e.span, DaySpan::Dated { .. }));
        dated.sort_by_key(|e| dated_bounds(e).0);
        let mut max_to = Vec::with_capacity(dated.len());
        for e in &dated {
            let to = dated_bounds(e).1;
            max_to.push(max_to.last().map_or(to, |m: &NaiveDate| (*m).max(to)));
        }
        Days {
            dated,
            max_to,
            yearly,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.dated.is_empty() && self.yearly.is_empty()
    }

    /// The entry holding `date`: a dated one whatever the date, a yearly
    /// one only up to `horizon` (they recur for ever; past the horizon the
    /// feed has no EXDATE for them). The first dated entry wins.
    pub fn find(&self, date: NaiveDate, horizon: NaiveDate) -> Option<&DayRange> {
        let starts = self.dated.partition_point(|e| dated_bounds(e).0 <= date);
        let dated = (0..starts)
            .rev()
            .take_while(|&i| self.max_to[i] >= date)
            .filter(|&i| dated_bounds(&self.dated[i]).1 >= date)
            .last()
            .map(|i| &self.dated[i]);
        dated.or_else(|| {
            (date <= horizon)
                .then(|| self.yearly.iter().find(|e| e.span.contains(date)))
                .flatten()
        })
    }

    /// Intervals (both ends included) that together hold every date of
    /// `[lo, hi]` that [`Days::find`] finds with this `horizon`: dated
    /// entries clipped to `[lo, hi]`, and each year's instance of a yearly
    /// entry widened to whole months (a superset, so that 02-29 needs no
    /// special case), up to the horizon. May overlap; in no given order.
    /// Lets the expander visit the days of `skip` and `closed` instead of
    /// every occurrence of a series.
    pub fn spans_within(
        &self,
        lo: NaiveDate,
        hi: NaiveDate,
        horizon: NaiveDate,
    ) -> impl Iterator<Item = (NaiveDate, NaiveDate)> + '_ {
        let clip = move |(a, b): (NaiveDate, NaiveDate)| (a.max(lo), b.min(hi));
        let dated = self.dated.iter().map(dated_bounds).map(clip);
        let yearly_hi = hi.min(horizon);
        let yearly_spans = self.yearly.iter().filter_map(|e| match e.span {
            DaySpan::Yearly { from, to } => Some((from, to)),
            DaySpan::Dated { .. } => None,
        });
        let yearly = yearly_spans.flat_map(move |(from, to)| {
            // An instance crossing the new year starts the year before.
            let crosses = i32::from(from > to);
            (lo.year() - 1..=yearly_hi.year())
                .filter_map(move |y| {
                    let a = NaiveDate::from_ymd_opt(y, from.month, 1)?;
                    let b = month_end(y + crosses, to.month)?;
                    Some((a, b))
                })
                .map(move |(a, b)| (a.max(lo), b.min(yearly_hi)))
        });
        dated.chain(yearly).filter(|(a, b)| a <= b)
    }

    /// The latest end of a dated entry: how far explicit entries reach.
    pub fn last_dated(&self) -> Option<NaiveDate> {
        self.max_to.last().copied()
    }

    /// Every entry, dated ones first (by start), then yearly ones.
    pub fn iter(&self) -> impl Iterator<Item = &DayRange> {
        self.dated.iter().chain(&self.yearly)
    }
}

/// The last day of month `month` of `year`.
fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

fn dated_bounds(e: &DayRange) -> (NaiveDate, NaiveDate) {
    match e.span {
        DaySpan::Dated { from, to } => (from, to),
        DaySpan::Yearly { .. } => unreachable!("only dated entries are indexed"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn dated(from: &str, to: &str, label: Option<&str>) -> DayRange {
        DayRange {
            span: DaySpan::Dated {
                from: d(from),
                to: d(to),
            },
            label: label.map(str::to_owned),
            loc: Loc::default(),
        }
    }

    #[test]
    fn dated_ranges_include_both_ends_and_overlap() {
        let days = Days::new(vec![
            dated("2026-07-13", "2026-08-21", Some("été")),
            dated("2026-07-01", "2026-12-31", None),
            dated("2026-07-20", "2026-07-20", None),
        ]);
        let h = d("2026-12-31");
        assert_eq!(days.find(d("2026-06-30"), h), None);
        assert_eq!(days.find(d("2026-07-13"), h).unwrap().label, None);
        assert!(days.find(d("2026-08-21"), h).is_some());
        assert!(days.find(d("2026-12-31"), h).is_some());
        assert_eq!(days.find(d("2027-01-01"), h), None);
        assert_eq!(days.last_dated(), Some(d("2026-12-31")));
    }

    #[test]
    fn a_long_range_is_found_behind_later_short_ones() {
        let days = Days::new(vec![
            dated("2026-01-01", "2026-12-31", None),
            dated("2026-03-01", "2026-03-01", None),
            dated("2026-04-01", "2026-04-01", None),
        ]);
        assert!(days.find(d("2026-06-15"), d("2026-12-31")).is_some());
    }

    #[test]
    fn yearly_ranges_cross_the_new_year_up_to_the_horizon() {
        let md = |m, d| MonthDay { month: m, day: d };
        let days = Days::new(vec![DayRange {
            span: DaySpan::Yearly {
                from: md(12, 24),
                to: md(1, 1),
            },
            label: None,
            loc: Loc::default(),
        }]);
        let h = d("2030-12-31");
        for hit in ["2026-12-24", "2026-12-31", "2027-01-01", "2030-12-28"] {
            assert!(days.find(d(hit), h).is_some(), "{hit}");
        }
        for miss in ["2026-12-23", "2027-01-02", "2031-12-25"] {
            assert!(days.find(d(miss), h).is_none(), "{miss}");
        }
    }
}
