//! Lints. Take the validated model and its expansion; give findings
//! (warnings, infos) per ritual.
//!
//! Lints: things a valid spec says that are probably mistakes. They run on
//! the validated model (after `validate` has refused what cannot be
//! published) and never fail a build by themselves: each is a warning or
//! an info, which `check --strict` promotes to a failure.
//!
//! Lints that look at dates look only at the window from the build date
//! to the calendar's horizon: what has already happened cannot be fixed,
//! and past the horizon the feed does not spell occurrences out.

mod dst;
mod holiday;
mod outside;
mod overlap;
mod remind;
pub mod report;
mod rules;
pub mod size;

use chrono::{NaiveDate, TimeDelta};

use crate::diagnostic::Diagnostic;
use crate::expand::Expander;

/// The dates the date-based lints look at, both ends included.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// A finding, and the index of the ritual it is about (whose file it is
/// rendered against); None for the spec as a whole.
pub type Finding = (Option<usize>, Diagnostic);

/// Rituals linted in parallel at a time: enough to keep the cores busy,
/// few enough that a batch's occurrences stay small.
const RITUALS_AT_ONCE: usize = 256;

/// Every lint finding for a spec, in source order within each ritual's
/// file.
pub fn lint(expander: &Expander<'_>, today: NaiveDate) -> Vec<Finding> {
    let window = Window {
        from: today,
        to: expander.spec.calendar.horizon,
    };
    // Each ritual is expanded once over the window and every lint that
    // needs occurrences reads that one expansion. Findings are gathered
    // per lint so that, at one place, they keep the lints' order.
    // Rituals are linted in parallel, a batch at a time, and their
    // findings joined in ritual order: the same findings in the same
    // order as one at a time, without holding every ritual's twice.
    let holidays = holiday::Holidays::new(expander.spec, &window);
    let (mut busy, mut dst, mut holiday) = (Vec::new(), Vec::new(), Vec::new());
    let indices: Vec<usize> = if window.from <= window.to {
        (0..expander.spec.rituals.len()).collect()
    } else {
        Vec::new()
    };
    for batch in indices.chunks(RITUALS_AT_ONCE) {
        let found: Vec<(Vec<overlap::Busy>, Vec<Finding>, Vec<Finding>)> =
            crate::par::map(batch, crate::par::RITUALS, |&i| {
                let r = &expander.spec.rituals[i];
                let occurrences = expander.occurrences(i, window.from, window.to);
                let (mut busy, mut dst, mut holiday) = (Vec::new(), Vec::new(), Vec::new());
                overlap::collect(r, i, &occurrences, &mut busy);
                dst::lint(r, i, &occurrences, &mut dst);
                holiday::lint(&holidays, r, i, &occurrences, &mut holiday);
                (busy, dst, holiday)
            });
        for (b, d, h) in found {
            busy.extend(b);
            dst.extend(d);
            holiday.extend(h);
        }
    }
    let mut out = Vec::new();
    overlap::report(expander, busy, &mut out);
    out.extend(dst);
    outside::lint(expander.spec, &mut out);
    out.extend(holiday);
    remind::lint(expander.spec, &mut out);
    rules::lint(expander.spec, today, &mut out);
    size::lint(expander, today, &mut out);
    // Stable: findings at the same place keep the order of the lints.
    out.sort_by_key(|(_, d)| d.loc.map_or((u32::MAX, 0), |l| (l.line, l.column)));
    out
}

/// `3 more dates` style tails for long lists of dates.
pub(crate) fn list_dates(dates: &[NaiveDate], shown: usize) -> String {
    let mut words: Vec<String> = dates.iter().take(shown).map(ToString::to_string).collect();
    let rest = dates.len().saturating_sub(shown);
    if rest > 0 {
        words.push(format!(
            "{rest} more date{}",
            if rest == 1 { "" } else { "s" }
        ));
    }
    match words.len() {
        0 => String::new(),
        1 => words.remove(0),
        n => format!("{} and {}", words[..n - 1].join(", "), words[n - 1]),
    }
}

/// A duration the way the spec writes them: `1w`, `2d`, `1h30m`.
pub(crate) fn spec_duration(d: TimeDelta) -> String {
    let mut m = d.num_minutes();
    if m <= 0 {
        return format!("{m}m");
    }
    let mut s = String::new();
    for (unit, len) in [("w", 7 * 24 * 60), ("d", 24 * 60), ("h", 60), ("m", 1)] {
        if m >= len {
            s.push_str(&format!("{}{unit}", m / len));
            m %= len;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn date_lists_are_cut_short() {
        assert_eq!(list_dates(&[d("2027-01-01")], 3), "2027-01-01");
        assert_eq!(
            list_dates(&[d("2027-01-01"), d("2027-01-02")], 3),
            "2027-01-01 and 2027-01-02"
        );
        assert_eq!(
            list_dates(
                &[
                    d("2027-01-01"),
                    d("2027-01-02"),
                    d("2027-01-03"),
                    d("2027-01-04")
                ],
                2
            ),
            "2027-01-01, 2027-01-02 and 2 more dates"
        );
    }

    #[test]
    fn durations_read_like_the_spec() {
        assert_eq!(spec_duration(TimeDelta::minutes(90)), "1h30m");
        assert_eq!(spec_duration(TimeDelta::days(14)), "2w");
        assert_eq!(spec_duration(TimeDelta::days(8)), "1w1d");
    }
}
