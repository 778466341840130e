//! EXDATE, RDATE and RECURRENCE-ID overrides of a ritual's series → its
//! `skip`, `extra` and `moved`. An EXDATE that matches no instance has no
//! effect (RFC 5545 §3.8.5.1): a stale one (the series' old time, or a
//! date the rule never gives) is left out, and one that removes an RDATE
//! removes that `extra`.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::Lossy;
use super::doc::RitualDoc;
use super::overrides::{self, Applied};
use super::series::Series;
use super::when::at_text;
use crate::model::Rule;

/// Fills `doc.skip`, `doc.extra` and `doc.moved`; gives the overrides'
/// presenters and language.
pub fn collect(
    segs: &[&Series],
    rule: Option<&Rule>,
    doc: &mut RitualDoc,
    lossy: &mut Vec<Lossy>,
) -> Applied {
    let mut skip: BTreeSet<NaiveDate> = BTreeSet::new();
    let mut applied = Applied::default();
    // With one segment and today's rule, dates can be checked against it.
    let base = segs[0];
    let occurs = |d: NaiveDate| match rule {
        Some(r) if segs.len() == 1 => r.matches(base.start.date(), d) || d == base.start.date(),
        _ => true,
    };
    for (i, s) in segs.iter().enumerate() {
        // A later segment without RRULE is a `changes:` entry's `dates`,
        // its exceptions included (see `ritual::dates_of`).
        if i > 0 && s.rule.is_none() {
            continue;
        }
        for x in &s.exdates {
            if s.rdates.iter().any(|(r, _)| r == x) {
                continue;
            }
            let same_time = s.all_day() || x.time() == s.start.time();
            if same_time && occurs(x.date()) {
                skip.insert(x.date());
            }
        }
        for (at, len) in &s.rdates {
            if s.exdates.contains(at) {
                continue;
            }
            if len.is_some_and(|l| l != s.duration) {
                lossy.push(Lossy::new(
                    &s.uid,
                    format!(
                        "the extra occurrence (RDATE) of {} has its own length; imported with the series' length",
                        at.date()
                    ),
                ));
            }
            doc.extra.push(at_text(s.all_day(), *at, s.start));
        }
        overrides::apply(s, &mut applied, lossy);
    }
    skip.extend(applied.cancelled.iter().copied().filter(|d| occurs(*d)));
    for (date, _) in applied.moved.iter().filter(|(d, _)| !occurs(*d)) {
        lossy.push(Lossy::new(
            &base.uid,
            format!("the override of {date} (RECURRENCE-ID) is not an occurrence of the rule; not imported"),
        ));
    }
    applied.moved.retain(|(d, _)| occurs(*d));
    for (from, to) in &applied.extra_moves {
        if let Some(e) = doc.extra.iter_mut().find(|e| e.starts_with(from.as_str())) {
            *e = to.clone();
        }
    }
    doc.moved = applied.moved.clone();
    doc.skip = skip.into_iter().collect();
    applied
}
