//! A feed's slots without walking the series (issue 15): a VEVENT needs
//! its rule, its exceptions and its overrides, not its occurrences. So
//! instead of generating every occurrence from the first date and looking
//! each up in the holidays, `skip` and `closed`, this walks those few
//! days and asks the rule whether each is one of its occurrences. Cost
//! follows the exceptions, not the length of the series: a daily ritual
//! since 1990 costs what one since 2020 does.
//!
//! A rotation's turns depend on every held occurrence before them, so
//! from its first date on a rotation is walked (which bounds the walk by
//! the rotation, not by the history); before it, it is as any ritual.

use chrono::NaiveDate;

use super::Expander;
use super::slot::{self, Slot, SlotKind, SlotStatus};
use crate::model::{Ritual, Rule, Segment};

/// The slots of `ritual` up to `until` that the feed writes something
/// for (a ritual without rotation, or a rotation's series before its
/// first date, see [`before`]), in the order [`super::Slots`] gives them:
/// every regular slot that is not held as the rule says (skipped, or
/// moved), every slot of a `dates:` segment (each is an RDATE), and every
/// extra (each is an RDATE). The slots left out are exactly the plain
/// held occurrences of a rule, which the RRULE alone says.
pub(super) fn exceptional(x: &Expander<'_>, ritual: &Ritual, until: NaiveDate) -> Vec<Slot> {
    let mut out = Vec::new();
    let mut dates = Vec::new();
    for (k, seg) in ritual.segments.iter().enumerate() {
        let last = last_day(seg, until);
        if seg.dtstart > last {
            continue;
        }
        dates.clear();
        match &seg.schedule.rule {
            Rule::Dates(list) => dates.extend(
                list.iter()
                    .map(|e| e.date)
                    .filter(|d| (seg.dtstart..=last).contains(d)),
            ),
            Rule::Recur(_) => candidates(x, ritual, seg, last, &mut dates),
        }
        dates.sort_unstable();
        dates.dedup();
        let dates_rule = matches!(seg.schedule.rule, Rule::Dates(_));
        out.extend(
            dates
                .iter()
                .map(|&d| slot::regular(x, ritual, k, d))
                .filter(|s| dates_rule || s.status != SlotStatus::Held),
        );
    }
    out.extend(
        ritual
            .extra
            .iter()
            .filter(|e| e.date <= until)
            .map(|e| slot::extra(slot::extra_place(ritual, e))),
    );
    sort_like_slots(&mut out);
    out
}

/// The last date of `seg` up to `until` (spans are half-open).
fn last_day(seg: &Segment, until: NaiveDate) -> NaiveDate {
    seg.span
        .to
        .and_then(|to| to.pred_opt())
        .map_or(until, |to| to.min(until))
}

/// In the order `Slots` gives: by (date, time), on a tie the earlier
/// segment first and extras last. Stable, as extras of one time keep
/// their order there too.
fn sort_like_slots(slots: &mut [Slot]) {
    slots.sort_by_key(|s| (s.date, s.time, s.kind == SlotKind::Extra, s.segment));
}

/// The slots of a rotation ritual before the rotation's first date
/// `from` (and up to `until`) that its feed's `Before` part is planned
/// from: [`exceptional`] ones, and each segment's last regular slot
/// before `from`, where that part's RRULE ends (its UNTIL).
pub(super) fn before(
    x: &Expander<'_>,
    ritual: &Ritual,
    from: NaiveDate,
    until: NaiveDate,
) -> Vec<Slot> {
    let Some(end) = from.pred_opt().map(|d| d.min(until)) else {
        return Vec::new();
    };
    let mut out = exceptional(x, ritual, end);
    for (k, seg) in ritual.segments.iter().enumerate() {
        let last = last_day(seg, end);
        let found = seg.schedule.rule.last_on_or_before(seg.dtstart, last);
        if let Some(d) = found.filter(|d| seg.span.contains(*d)) {
            out.push(slot::regular(x, ritual, k, d));
        }
    }
    sort_like_slots(&mut out);
    // The last slot may be an exception already listed.
    out.dedup_by(|a, b| {
        a.kind == SlotKind::Regular
            && b.kind == SlotKind::Regular
            && (a.segment, a.date) == (b.segment, b.date)
    });
    out
}

/// Every date of `seg`'s rule up to `last` that an exception may fall
/// on: the moved dates, and the rule's dates within the `skip` and
/// `closed` ranges and on the holidays (computed exceptions only up to
/// the horizon). A superset: the caller decides each date's status.
fn candidates(
    x: &Expander<'_>,
    ritual: &Ritual,
    seg: &Segment,
    last: NaiveDate,
    out: &mut Vec<NaiveDate>,
) {
    let rule = &seg.schedule.rule;
    let (lo, horizon) = (seg.dtstart, x.spec.calendar.horizon);
    let on_rule = |d: &NaiveDate| (lo..=last).contains(d) && rule.matches(lo, *d);
    out.extend(ritual.moved.iter().map(|m| m.date).filter(on_rule));
    if let Some(table) = x.holidays.get(&ritual.holidays) {
        out.extend(table.between(lo, last.min(horizon)).filter(on_rule));
    }
    let ranges = ritual
        .skip
        .spans_within(lo, last, horizon)
        .chain(x.spec.calendar.closed.spans_within(lo, last, horizon));
    for (a, b) in ranges {
        out.extend(rule.dates_from(lo, a).take_while(|d| *d <= b));
    }
}
