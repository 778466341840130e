//! Feeds too large for their readers: Google Calendar stops reading a
//! subscribed feed past about 1 MB, and clients slow down past about a
//! thousand VEVENTs. The team feed holds every event of every other feed
//! of its spec, so it is the one measured, rendered as `build` writes it.

use chrono::NaiveDate;

use crate::diagnostic::Diagnostic;
use crate::expand::Expander;
use crate::render::ics::stamp::PreviousFeeds;
use crate::render::ics::{BuildInfo, FeedKind, Renderer};

/// Largest team feed we stay quiet about, in bytes.
pub const MAX_BYTES: usize = 1024 * 1024;
/// Largest number of VEVENTs (masters and overrides) we stay quiet about.
pub const MAX_EVENTS: usize = 1000;

pub(super) fn lint(expander: &Expander<'_>, today: NaiveDate, out: &mut Vec<super::Finding>) {
    let spec = expander.spec;
    let now = today.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    let previous = PreviousFeeds::default();
    let renderer = Renderer::new(expander, &previous, BuildInfo { now });
    // Streamed as `build` writes it, counted and dropped: never held.
    let count = |b: &[u8]| b.windows(12).filter(|w| w == b"BEGIN:VEVENT").count();
    // Per ritual: its bytes and VEVENTs in the feed.
    let mut per: Vec<(usize, usize)> = vec![(0, 0); spec.rituals.len()];
    let mut sink = Counter(0);
    let streamed = renderer.write_feed_with(FeedKind::Team, &mut sink, &mut |e| {
        per[e.ritual].0 += e.bytes.len();
        per[e.ritual].1 += count(&e.bytes);
        Ok(())
    });
    if streamed.is_err() {
        return;
    }
    let bytes = sink.0;
    let vevents: usize = per.iter().map(|p| p.1).sum();
    if bytes <= MAX_BYTES && vevents <= MAX_EVENTS {
        return;
    }
    let Some((i, &(r_bytes, r_events))) = per.iter().enumerate().max_by_key(|(_, p)| **p) else {
        return;
    };
    let ritual = &spec.rituals[i];
    let kb = |b: usize| b.div_ceil(1024);
    let message = format!(
        "the team feed `rituals.ics` would be {} KB with {vevents} events, past what calendar apps \
         read ({} KB, {MAX_EVENTS} events); `{}` is the largest part: {} KB, {r_events} events",
        kb(bytes),
        kb(MAX_BYTES),
        ritual.id,
        kb(r_bytes)
    );
    let mut d = Diagnostic::warning(message, Some(ritual.loc), format!("{}.id", ritual.path));
    let overrides = ritual.moved.len();
    d = if r_events > MAX_EVENTS / 2 && overrides * 2 > r_events {
        d.hint("each `moved` occurrence is an event of its own: remove the moves that are past")
    } else if ritual.rotation.is_some() {
        d.hint("its rotation turns are listed up to `calendar.horizon`: set a nearer `horizon`, or start `rotation.since` later")
    } else {
        d.hint("set a nearer `calendar.horizon` or a later `since`, or drop old `skip` and `extra` dates")
    };
    if spec.rituals.len() > 1 && r_bytes * 2 < bytes {
        d = d.hint("no single ritual makes it large: split the rituals into several spec files (a many-teams build writes one feed per team)");
    }
    out.push((Some(i), d));
}

/// A writer that only counts the bytes written to it.
struct Counter(usize);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
