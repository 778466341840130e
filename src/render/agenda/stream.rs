//! The agenda of one or several teams, produced in order without holding
//! the window: a k-way merge of every ritual's ordered occurrences.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use std::io::{self, Write};

use chrono::NaiveDate;

use super::{Entry, Format, Sink, Window};
use crate::expand::{Expander, Occurrence, Ordered};
use crate::model::PersonId;

/// What a team contributes: its expander, and the person whose agenda is
/// wanted (None: every occurrence).
pub struct TeamWindow<'x> {
    pub expander: &'x Expander<'x>,
    pub person: Option<PersonId>,
}

/// Occurrences of every ritual of every team in `[from, to]`, in the
/// order of the sorted agenda: local start, instant, team, ritual, then
/// place in the series (a stable sort of the teams' rituals' series).
pub struct AgendaStream<'x> {
    sources: Vec<Source<'x>>,
    /// (start, instant, team, ritual, place) → source; one head per source.
    heap: BinaryHeap<Reverse<(Key, usize)>>,
    heads: Vec<Option<Occurrence>>,
}

type Key = (chrono::NaiveDateTime, i64, usize, usize, usize);

struct Source<'x> {
    team: usize,
    ritual: usize,
    /// Only this presenter's turns (a rotation, in a person's agenda).
    presenter: Option<PersonId>,
    occurrences: Ordered<'x>,
}

impl<'x> AgendaStream<'x> {
    pub fn new(teams: &[TeamWindow<'x>], from: NaiveDate, to: NaiveDate) -> Self {
        let mut sources = Vec::new();
        for (team, t) in teams.iter().enumerate() {
            for (i, r) in t.expander.spec.rituals.iter().enumerate() {
                let presenter = match t.person {
                    None => None,
                    Some(p) if r.rotation.is_some() => Some(p),
                    Some(p) if r.attendees.includes(p) => None,
                    Some(_) => continue,
                };
                sources.push(Source {
                    team,
                    ritual: i,
                    presenter,
                    occurrences: t.expander.ordered(i, from, to),
                });
            }
        }
        let mut stream = AgendaStream {
            heads: (0..sources.len()).map(|_| None).collect(),
            sources,
            heap: BinaryHeap::new(),
        };
        for s in 0..stream.sources.len() {
            stream.advance(s);
        }
        stream
    }

    /// Reads source `s`'s next occurrence into the heap.
    fn advance(&mut self, s: usize) {
        let src = &mut self.sources[s];
        let presenter = src.presenter;
        let next = src
            .occurrences
            .by_ref()
            .find(|(_, o)| presenter.is_none() || o.presenter == presenter);
        if let Some(((start, instant, place), o)) = next {
            self.heap
                .push(Reverse(((start, instant, src.team, src.ritual, place), s)));
            self.heads[s] = Some(o);
        }
    }
}

impl Iterator for AgendaStream<'_> {
    /// The team's index and the occurrence.
    type Item = (usize, Occurrence);

    fn next(&mut self) -> Option<Self::Item> {
        let Reverse((key, s)) = self.heap.pop()?;
        let o = self.heads[s].take()?;
        self.advance(s);
        Some((key.2, o))
    }
}

/// Writes the agenda of `teams` over `window`, streamed: each occurrence
/// is written as the merge produces it. `slugs[k]` names team `k` in the
/// output (None when there is one team).
///
/// # Errors
/// Only those of the writer.
pub fn write(
    teams: &[TeamWindow<'_>],
    slugs: &[Option<&str>],
    window: Window,
    format: Format,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut sink = Sink::new(window, format);
    for (team, o) in AgendaStream::new(teams, window.from, window.to) {
        let entry = Entry {
            spec: teams[team].expander.spec,
            team: slugs[team],
            occurrence: &o,
        };
        sink.entry(&entry, out)?;
    }
    sink.finish(out)
}
