//! `closed`, `skip` and `holidays` entries: from their YAML shapes
//! (`spec::days`) to `model::Days` and `model::Holidays`.
//!
//! Grammar of a text entry: `YYYY-MM-DD`, `YYYY-MM-DD..YYYY-MM-DD`, and,
//! every year, `MM-DD` or `MM-DD..MM-DD` (which may cross the new year).

use chrono::NaiveDate;
use serde_saphyr::Spanned;

use super::{Validator, loc};
use crate::diagnostic::Diagnostic;
use crate::holidays::Region;
use crate::model::{DayRange, DaySpan, Holidays, MonthDay};
use crate::spec::raw::{RawDays, RawHolidays};

/// One end of a range: a date, or a day of every year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    Date(NaiveDate),
    Yearly(MonthDay),
}

const SHAPES: &str =
    "a date `2026-12-31`, a range `2026-07-13..2026-08-21` or, every year, `12-24..01-01`";

fn end(text: &str) -> Option<End> {
    let t = text.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match t.split('-').collect::<Vec<_>>()[..] {
        [y, m, d]
            if y.len() == 4
                && m.len() == 2
                && d.len() == 2
                && digits(y)
                && digits(m)
                && digits(d) =>
        {
            NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
                .map(End::Date)
        }
        [m, d] if m.len() == 2 && d.len() == 2 && digits(m) && digits(d) => {
            let (month, day) = (m.parse().ok()?, d.parse().ok()?);
            // 2000 is a leap year: 02-29 is a day of the year.
            NaiveDate::from_ymd_opt(2000, month, day).map(|_| End::Yearly(MonthDay { month, day }))
        }
        _ => None,
    }
}

/// One end of a `{from, to}` entry.
fn end_or_error(text: &str) -> Result<End, String> {
    end(text).ok_or_else(|| {
        format!(
            "expected a date like `2026-07-13`, or `MM-DD` (every year) like `12-24`; found `{}`",
            text.trim()
        )
    })
}

/// The span `from..to` names, or the message to show.
fn span(from: End, to: End, text: &str) -> Result<DaySpan, String> {
    match (from, to) {
        (End::Date(from), End::Date(to)) if to < from => Err(format!(
            "the range `{text}` ends before it starts: {to} is before {from}"
        )),
        (End::Date(from), End::Date(to)) => Ok(DaySpan::Dated { from, to }),
        (End::Yearly(from), End::Yearly(to)) => Ok(DaySpan::Yearly { from, to }),
        _ => Err(format!(
            "the range `{text}` has a year at one end only: write both (`2026-12-24..2027-01-01`) or neither (`12-24..01-01`, every year)"
        )),
    }
}

/// A text entry: a date, a dated range or a yearly one.
pub fn day_span(text: &str) -> Result<DaySpan, String> {
    let t = text.trim();
    match t.split_once("..") {
        None => {
            let e = end(t).ok_or_else(|| format!("expected {SHAPES}; found `{t}`"))?;
            span(e, e, t)
        }
        Some((a, b)) => {
            let (Some(from), Some(to)) = (end(a), end(b)) else {
                return Err(format!("expected {SHAPES}; found `{t}`"));
            };
            span(from, to, &format!("{}..{}", a.trim(), b.trim()))
        }
    }
}

impl Validator {
    /// The entries of a `closed` or `skip` list at `path` (`calendar.closed`).
    pub fn days(&mut self, entries: &[Spanned<RawDays>], path: &str) -> Vec<DayRange> {
        entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| self.day_range(e, format!("{path}[{i}]")))
            .collect()
    }

    fn day_range(&mut self, at: &Spanned<RawDays>, path: String) -> Option<DayRange> {
        match &at.value {
            RawDays::Text(text) => {
                let span = self.parse(at, path, |_| day_span(text))?;
                Some(DayRange {
                    span,
                    label: None,
                    loc: loc(at),
                })
            }
            RawDays::Labelled(l) => {
                let from = self.parse(&l.from, format!("{path}.from"), |t| end_or_error(t));
                let to = self.parse(&l.to, format!("{path}.to"), |t| end_or_error(t));
                let label = l
                    .label
                    .as_ref()
                    .map(|s| self.line_text(s, format!("{path}.label")).trim().to_owned())
                    .filter(|s| !s.is_empty());
                let text = format!("{}..{}", l.from.value.trim(), l.to.value.trim());
                let (from, to) = (from?, to?);
                let span = self.parse(at, path, |_| span(from, to, &text))?;
                Some(DayRange {
                    span,
                    label,
                    loc: loc(at),
                })
            }
        }
    }

    /// `holidays`: a code, `none`, or a list of codes (their union).
    /// `None` when a code is unknown (reported).
    pub fn holidays(&mut self, at: &Spanned<RawHolidays>, path: String) -> Option<Holidays> {
        let mut regions = Vec::new();
        let mut ok = true;
        match &at.value {
            RawHolidays::One(text) if text.trim().eq_ignore_ascii_case("none") => {}
            RawHolidays::One(text) => match self.region(text, loc(at), path) {
                Some(r) => regions.push(r),
                None => ok = false,
            },
            RawHolidays::Many(list) => {
                for (i, code) in list.iter().enumerate() {
                    match self.region(&code.value, loc(code), format!("{path}[{i}]")) {
                        Some(r) => regions.push(r),
                        None => ok = false,
                    }
                }
            }
        }
        regions.sort();
        regions.dedup();
        ok.then_some(regions)
    }

    fn region(&mut self, code: &str, at: crate::model::Loc, path: String) -> Option<Region> {
        match Region::lookup(code) {
            Ok(r) => Some(r),
            Err(e) => {
                let mut d = Diagnostic::error(e.message(), Some(at), path);
                if let Some(hint) = e.hint() {
                    d = d.hint(hint);
                }
                self.push(d.hint(
                    "list other closed days in `calendar.closed`; `rituals holidays CODE` shows a region's holidays",
                ));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(month: u32, day: u32) -> MonthDay {
        MonthDay { month, day }
    }

    #[test]
    fn reads_dates_ranges_and_yearly_ranges() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            day_span("2026-12-31"),
            Ok(DaySpan::Dated {
                from: d("2026-12-31"),
                to: d("2026-12-31")
            })
        );
        assert_eq!(
            day_span(" 2026-07-13 .. 2026-08-21 "),
            Ok(DaySpan::Dated {
                from: d("2026-07-13"),
                to: d("2026-08-21")
            })
        );
        assert_eq!(
            day_span("12-24..01-01"),
            Ok(DaySpan::Yearly {
                from: md(12, 24),
                to: md(1, 1)
            })
        );
        assert_eq!(
            day_span("02-29"),
            Ok(DaySpan::Yearly {
                from: md(2, 29),
                to: md(2, 29)
            })
        );
    }

    #[test]
    fn refuses_malformed_ranges_with_their_reason() {
        assert_eq!(
            day_span("2026-08-21..2026-07-13"),
            Err("the range `2026-08-21..2026-07-13` ends before it starts: 2026-07-13 is before 2026-08-21".into())
        );
        assert_eq!(
            day_span("2026-12-24..01-01"),
            Err("the range `2026-12-24..01-01` has a year at one end only: write both (`2026-12-24..2027-01-01`) or neither (`12-24..01-01`, every year)".into())
        );
        for bad in [
            "2026-07-13..",
            "2026-13-01",
            "02-30..03-01",
            "summer",
            "2026-7-1",
            "2026-07-13...2026-08-21",
        ] {
            assert!(day_span(bad).is_err(), "{bad}");
        }
    }
}
