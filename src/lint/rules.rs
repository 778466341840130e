//! Rules that surprise: a day of the month some months lack (`month on
//! day 31`), a fifth weekday most months lack, and a rule whose first date
//! is past the horizon.

use chrono::Datelike;

use crate::diagnostic::Diagnostic;
use crate::model::{Freq, Rule, Spec};

/// Months of a common year without a day 29, 30 or 31.
const MONTHS_WITHOUT: [(i16, &str); 3] = [
    (29, "February in three years out of four"),
    (30, "February"),
    (31, "7 months out of 12"),
];

pub(super) fn lint(spec: &Spec, today: chrono::NaiveDate, out: &mut Vec<super::Finding>) {
    let horizon = spec.calendar.horizon;
    for (i, r) in spec.rituals.iter().enumerate() {
        for seg in &r.segments {
            let at = &seg.locs.rule;
            if seg.span.to.is_some_and(|t| t <= today) {
                continue;
            }
            if seg.dtstart > horizon {
                out.push((
                    Some(i),
                    Diagnostic::warning(
                        format!(
                            "the rule of `{}` gives no date before the horizon ({horizon}): its first is {}",
                            r.id, seg.dtstart
                        ),
                        Some(at.loc),
                        at.path.clone(),
                    )
                    .hint("check the rule's parts (BYMONTH, BYMONTHDAY, BYWEEKNO…): subscribers will see nothing for now"),
                ));
                continue;
            }
            let Rule::Recur(rule) = &seg.schedule.rule else {
                continue;
            };
            if let Some(what) = icaljs_trouble(rule) {
                out.push((
                    Some(i),
                    Diagnostic::warning(
                        format!("Thunderbird (ical.js 2.2.1) {what} the rule of `{}`", r.id),
                        Some(at.loc),
                        at.path.clone(),
                    )
                    .hint("other clients read it right; if Thunderbird users matter, write the rule another way or list the dates with `dates:`"),
                ));
            }
            let monthly = rule.freq == Freq::Monthly && rule.by_month.is_empty();
            if monthly
                && rule.by_set_pos.is_empty()
                && let Some((day, which)) = MONTHS_WITHOUT
                    .iter()
                    .rev()
                    .find(|(d, _)| rule.by_month_day.contains(d))
            {
                out.push((
                    Some(i),
                    Diagnostic::warning(
                        format!(
                            "`{}` is on day {day} of the month, which {which} do not have: those months have no occurrence",
                            r.id
                        ),
                        Some(at.loc),
                        at.path.clone(),
                    )
                    .hint("for the end of every month, write `month on last day`"),
                ));
            }
            let fifth = rule
                .by_day
                .iter()
                .any(|b| b.nth.is_some_and(|n| n.abs() == 5));
            if fifth && (rule.freq == Freq::Monthly || !rule.by_month.is_empty()) {
                let from = today.max(seg.dtstart);
                let counts = seg
                    .schedule
                    .rule
                    .per_year(seg.dtstart, from.year() - seg.dtstart.year() + 2);
                let years: Vec<String> = counts
                    .iter()
                    .enumerate()
                    .skip((from.year() - seg.dtstart.year()) as usize)
                    .map(|(k, n)| format!("{n} times in {}", seg.dtstart.year() + k as i32))
                    .collect();
                out.push((
                    Some(i),
                    Diagnostic::warning(
                        format!(
                            "`{}` is on a fifth weekday, which most months do not have: it happens {}",
                            r.id,
                            years.join(" and ")
                        ),
                        Some(at.loc),
                        at.path.clone(),
                    )
                    .hint("if every month is meant, write `last` instead of `fifth`"),
                ));
            }
        }
    }
}

/// What ical.js 2.2.1 gets wrong with a rule, found by the interop test
/// (tests/fixtures/interop/schedules-random.yaml leaves these out).
fn icaljs_trouble(rule: &crate::model::Recur) -> Option<&'static str> {
    let negative_month_day = rule.by_month_day.iter().any(|d| *d < 0);
    if rule.freq == Freq::Daily && !rule.by_year_day.is_empty() {
        Some("cannot read")
    } else if rule.freq == Freq::Daily && negative_month_day && !rule.by_day.is_empty() {
        Some("never finishes expanding")
    } else if !rule.by_week_no.is_empty()
        || rule.freq == Freq::Daily && negative_month_day
        || rule.freq == Freq::Monthly && rule.interval > 1 && !rule.by_month.is_empty()
        || rule.freq == Freq::Weekly && rule.interval > 1 && !rule.by_set_pos.is_empty()
        || !rule.by_set_pos.is_empty() && !rule.by_month_day.is_empty() && !rule.by_day.is_empty()
    {
        Some("shows wrong dates for")
    } else {
        None
    }
}
