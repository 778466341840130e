//! Reminders that come before the previous occurrence has happened.

use chrono::TimeDelta;

use super::spec_duration;
use crate::diagnostic::Diagnostic;
use crate::model::Spec;

pub(super) fn lint(spec: &Spec, out: &mut Vec<super::Finding>) {
    for (i, r) in spec.rituals.iter().enumerate() {
        for seg in &r.segments {
            // A one-occurrence segment has no interval to compare with.
            let second = seg.schedule.rule.next_after(seg.dtstart, seg.dtstart);
            if !second.is_some_and(|d| seg.span.contains(d)) {
                continue;
            }
            let gap = TimeDelta::days(seg.schedule.rule.min_gap_days(seg.dtstart));
            for (k, remind) in seg.details.remind.iter().enumerate() {
                if *remind <= gap {
                    continue;
                }
                let Some(at) = seg.locs.remind.get(k) else {
                    continue;
                };
                out.push((
                    Some(i),
                    Diagnostic::warning(
                        format!(
                            "the {} reminder of `{}` is longer than the {} between its occurrences",
                            spec_duration(*remind),
                            r.id,
                            spec_duration(gap)
                        ),
                        Some(at.loc),
                        at.path.clone(),
                    )
                    .hint("subscribers would be reminded before the previous occurrence has even happened; use a shorter reminder"),
                ));
            }
        }
    }
}
