//! A ritual's occurrences in a window, in agenda order, produced lazily:
//! memory does not grow with the window.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use super::slot::Slots;
use super::{Expander, Occurrence};

/// Where an occurrence goes in an agenda: local start, then the instant
/// (0 for all-day), then its place in the ritual's series.
pub type OrderKey = (NaiveDateTime, i64, usize);

pub fn order_key(o: &Occurrence, index: usize) -> OrderKey {
    (o.start, o.start_utc.map_or(0, |t| t.timestamp()), index)
}

/// The occurrences of one ritual starting within `[from, to]`, ordered by
/// `order_key`.
///
/// Slots come in order of their original start, and so do their
/// occurrences, except moved ones. A move can bring an occurrence at most
/// `back` earlier than its original start, so an occurrence is released
/// once the series has passed its start by more than `back`: the reorder
/// buffer holds a move's distance of occurrences, not the window.
pub struct Ordered<'x> {
    x: &'x Expander<'x>,
    ritual: usize,
    slots: Slots<'x>,
    from: NaiveDate,
    to: NaiveDate,
    back: TimeDelta,
    /// Original start of the last slot read: no later slot starts before
    /// it, nor any later occurrence before it minus `back`.
    frontier: Option<NaiveDateTime>,
    index: usize,
    done: bool,
    pending: BinaryHeap<Reverse<Pending>>,
}

struct Pending(OrderKey, Occurrence);

impl PartialEq for Pending {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl Eq for Pending {}
impl PartialOrd for Pending {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Pending {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.cmp(&other.0)
    }
}

impl<'x> Ordered<'x> {
    pub fn new(x: &'x Expander<'x>, ritual: usize, from: NaiveDate, to: NaiveDate) -> Self {
        let r = &x.spec.rituals[ritual];
        // A move may bring an occurrence from any date into the window.
        let latest_move = r.moved.iter().map(|m| m.date).max().unwrap_or(to);
        // A slot's original start is before the day after its date; a
        // moved occurrence starts on or after the midnight of its target.
        let back = r
            .moved
            .iter()
            .map(|m| (m.date + TimeDelta::days(1)).signed_duration_since(m.to.date()))
            .fold(TimeDelta::zero(), TimeDelta::max);
        Ordered {
            x,
            ritual,
            slots: Slots::between(x, r, x.walk_start(r, from), to.max(latest_move)),
            from,
            to,
            back,
            frontier: None,
            index: 0,
            done: false,
            pending: BinaryHeap::new(),
        }
    }

    fn releasable(&self, key: &OrderKey) -> bool {
        self.done || self.frontier.is_some_and(|f| key.0 < f - self.back)
    }
}

impl Iterator for Ordered<'_> {
    type Item = (OrderKey, Occurrence);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(Reverse(top)) = self.pending.peek()
                && self.releasable(&top.0)
            {
                let Reverse(Pending(key, o)) = self.pending.pop()?;
                return Some((key, o));
            }
            if self.done {
                return None;
            }
            match self.slots.next() {
                None => self.done = true,
                Some(slot) => {
                    self.frontier = Some(slot.original_start());
                    let index = self.index;
                    self.index += 1;
                    let o = Occurrence::new(self.x.spec, self.ritual, &slot);
                    if o.start_date() >= self.from && o.start_date() <= self.to {
                        self.pending.push(Reverse(Pending(order_key(&o, index), o)));
                    }
                }
            }
        }
    }
}
