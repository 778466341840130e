//! Observances: runs of transitions, turned into an open-ended RRULE where
//! one yearly rule fits them, listed otherwise.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};

use super::transitions::{Kind, Transition};

/// How a yearly rule picks the day within its month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DayRule {
    /// BYMONTHDAY=d.
    MonthDay(u32),
    /// BYDAY=-1SU.
    Last(Weekday),
    /// BYDAY=nSU, n in 1..=4.
    Nth(u32, Weekday),
    /// BYMONTHDAY=k..k+6;BYDAY=SU, tzdata's "Sun>=k".
    OnOrAfter(u32, Weekday),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct YearlyRule {
    pub(super) month: u32,
    pub(super) day: DayRule,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Observance {
    pub(super) kind: Kind,
    pub(super) from: i32,
    pub(super) to: i32,
    pub(super) name: Option<String>,
    pub(super) dtstart: NaiveDateTime,
    pub(super) rrule: Option<YearlyRule>,
    pub(super) rdates: Vec<NaiveDateTime>,
}

impl Observance {
    pub(super) fn same_observance(&self, t: &Transition) -> bool {
        self.from == t.from && self.to == t.to && self.kind == t.kind && self.name == t.name
    }
}

/// Runs shorter than this are listed rather than turned into an open-ended
/// RRULE: two years fit too many rules for the extrapolation to be a fair
/// guess.
pub(super) const MIN_RULE_YEARS: usize = 3;

pub(super) fn days_in_month(year: i32, month: u32) -> u32 {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .map_or(28, |d| d.day())
}

/// The fewest days `month` has in any year.
pub(super) fn min_days_in_month(month: u32) -> u32 {
    match month {
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The yearly rule that gives exactly these onsets, if they fall one per
/// consecutive year in the same month at the same wall time.
pub(super) fn fit_rule(run: &[&Transition]) -> Option<YearlyRule> {
    let first = run.first()?;
    let month = first.local.month();
    let time = first.local.time();
    let consecutive = run
        .windows(2)
        .all(|w| w[1].local.year() == w[0].local.year() + 1);
    if !consecutive
        || run
            .iter()
            .any(|t| t.local.month() != month || t.local.time() != time)
    {
        return None;
    }
    let days = || run.iter().map(|t| t.local.day());
    let (min_day, max_day) = (days().min()?, days().max()?);
    if min_day == max_day {
        // The same day in consecutive years is never the same weekday.
        return (min_day <= min_days_in_month(month)).then_some(YearlyRule {
            month,
            day: DayRule::MonthDay(min_day),
        });
    }
    let weekday = first.local.weekday();
    if run.iter().any(|t| t.local.weekday() != weekday) {
        return None;
    }
    // Every onset lies in the 7-day window [k, k + 6] for any k here.
    let (lo, hi) = (max_day.saturating_sub(6).max(1), min_day);
    let day = if run
        .iter()
        .all(|t| t.local.day() + 7 > days_in_month(t.local.year(), month))
    {
        // Checked before "nth": tzdata says lastSun far more often than
        // Sun>=22, and short runs can fit both.
        DayRule::Last(weekday)
    } else if let Some(k) = [1, 8, 15, 22].into_iter().find(|k| (lo..=hi).contains(k)) {
        DayRule::Nth(k / 7 + 1, weekday)
    } else if lo == hi && hi + 6 <= min_days_in_month(month) {
        // Only when the onsets pin k down: a guessed k would be extrapolated.
        DayRule::OnOrAfter(hi, weekday)
    } else {
        return None;
    };
    Some(YearlyRule { month, day })
}

pub(super) fn observances(transitions: &[Transition], last_year: i32) -> Vec<Observance> {
    // For each observance key, the earliest onset from which all its onsets
    // follow one rule up to `last_year`.
    let mut in_rule = vec![false; transitions.len()];
    let mut ruled: Vec<(usize, YearlyRule)> = Vec::new();
    for (i, t) in transitions.iter().enumerate() {
        if transitions[..i].iter().any(|u| u.same_observance(t)) {
            continue;
        }
        let group: Vec<usize> = (i..transitions.len())
            .filter(|&j| transitions[j].same_observance(t))
            .collect();
        if transitions[*group.last().expect("holds i")].local.year() != last_year {
            continue;
        }
        for start in 0..group.len() {
            if group.len() - start < MIN_RULE_YEARS {
                break;
            }
            let run: Vec<&Transition> = group[start..].iter().map(|&j| &transitions[j]).collect();
            if let Some(rule) = fit_rule(&run) {
                for &j in &group[start..] {
                    in_rule[j] = true;
                }
                ruled.push((group[start], rule));
                break;
            }
        }
    }
    // An open-ended rule is only a fair extrapolation if the whole of the
    // last year is regular; otherwise list everything.
    let last_year_regular = transitions
        .iter()
        .zip(&in_rule)
        .all(|(t, &r)| r || t.local.year() != last_year);
    if !last_year_regular {
        ruled.clear();
        in_rule.fill(false);
    }

    let mut out: Vec<Observance> = ruled
        .into_iter()
        .map(|(j, rule)| {
            let t = &transitions[j];
            Observance {
                kind: t.kind,
                from: t.from,
                to: t.to,
                name: t.name.clone(),
                dtstart: t.local,
                rrule: Some(rule),
                rdates: Vec::new(),
            }
        })
        .collect();
    let mut listed: Vec<Observance> = Vec::new();
    for (t, _) in transitions.iter().zip(&in_rule).filter(|(_, r)| !**r) {
        match listed.iter_mut().find(|o| o.same_observance(t)) {
            Some(o) => o.rdates.push(t.local),
            None => listed.push(Observance {
                kind: t.kind,
                from: t.from,
                to: t.to,
                name: t.name.clone(),
                dtstart: t.local,
                rrule: None,
                rdates: Vec::new(),
            }),
        }
    }
    out.extend(listed);
    out.sort_by_key(|o| o.dtstart);
    out
}
