//! DTSTAMP, LAST-MODIFIED and SEQUENCE: kept when an event is unchanged,
//! bumped when it changed, so that clients notice edits and a rebuild of
//! an unchanged spec is byte-identical (RFC 5545 §3.8.7.4: SEQUENCE is
//! incremented when the organizer makes a significant revision).

use std::collections::HashMap;

use chrono::{DateTime, Utc};

/// The three properties that say when and how often an event changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// `YYYYMMDDTHHMMSSZ`, as in the feed.
    pub dtstamp: String,
    pub last_modified: String,
    pub sequence: u32,
}

/// What the previous feeds said about each UID: a hash of its content,
/// not the content, so that reading the previous output of a large build
/// (200 MB of feeds for 10,000 rituals) costs a few bytes per UID.
#[derive(Debug, Default)]
pub struct PreviousFeeds {
    /// UID → (hash of the content without stamp lines, stamp).
    events: HashMap<String, (u64, Stamp)>,
}

/// Lines that change when nothing about the event did.
const STAMP_PROPERTIES: [&str; 3] = ["DTSTAMP", "LAST-MODIFIED", "SEQUENCE"];

impl PreviousFeeds {
    /// Reads the VEVENTs of a previously published feed. Unknown or
    /// malformed content is ignored: at worst an event gets a new stamp.
    pub fn add_feed(&mut self, text: &str) {
        for (uid, hash, stamp) in events_of(text) {
            if let Some(stamp) = stamp {
                self.events.entry(uid).or_insert((hash, stamp));
            }
        }
    }

    /// Records what a previous version of `uid` said: the hash of its
    /// content (as `content_hash` gives it) and its stamp. For previous
    /// versions that are not feeds, such as a CalDAV server's copy.
    pub fn insert(&mut self, uid: String, content: u64, stamp: Stamp) {
        self.events.insert(uid, (content, stamp));
    }

    /// The stamp of `uid` in the feeds read so far.
    pub fn stamp(&self, uid: &str) -> Option<&Stamp> {
        self.events.get(uid).map(|(_, s)| s)
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// What the previous feeds said about `uid`: the hash of its content
    /// without the stamp lines (as `content_hash` gives it) and its stamp.
    pub fn get(&self, uid: &str) -> Option<(u64, &Stamp)> {
        self.events.get(uid).map(|(h, s)| (*h, s))
    }

    /// The stamp for a UID whose rendering (with any stamp) is `rendered`.
    pub fn stamp_for(&self, uid: &str, rendered: &str, now: DateTime<Utc>) -> Stamp {
        let now = format_utc(now);
        match self.events.get(uid) {
            Some((hash, stamp)) if *hash == content_hash(rendered) => stamp.clone(),
            Some((_, stamp)) => Stamp {
                dtstamp: now.clone(),
                last_modified: now,
                sequence: stamp.sequence + 1,
            },
            None => Stamp {
                dtstamp: now.clone(),
                last_modified: now,
                sequence: 0,
            },
        }
    }

    /// UIDs in the previous feeds, for reporting removed events.
    pub fn uids(&self) -> impl Iterator<Item = &str> {
        self.events.keys().map(String::as_str)
    }

    /// The hash of a UID's content, to tell whether it changed.
    pub fn content(&self, uid: &str) -> Option<u64> {
        self.events.get(uid).map(|(h, _)| *h)
    }
}

/// `YYYYMMDDTHHMMSSZ`, the form of DTSTAMP and LAST-MODIFIED.
pub fn format_utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The hash of one UID's VEVENTs (master and overrides), unfolded,
/// without the stamp lines: equal when the event did not change.
pub fn content_hash(text: &str) -> u64 {
    let mut h = Fnv::default();
    for_each_vevent(text, |_, content, _| h.write(content));
    h.0
}

/// FNV-1a, 64 bits: written here because the hash must not depend on the
/// Rust version (std's `DefaultHasher` may change) and needs no crate. It
/// streams, so a UID's overrides extend its master's hash. Not collision
/// resistant against an adversary; an accidental collision (2^-64) would
/// keep a changed event's old stamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// (UID, content hash, stamp) per UID, overrides merged with their master.
fn events_of(text: &str) -> Vec<(String, u64, Option<Stamp>)> {
    let mut out: Vec<(String, Fnv, Option<Stamp>)> = Vec::new();
    // UID → index in `out`: a team feed holds thousands of UIDs.
    let mut index: HashMap<String, usize> = HashMap::new();
    for_each_vevent(text, |uid, content, stamp| match index.get(uid) {
        Some(&k) => out[k].1.write(content),
        None => {
            index.insert(uid.to_owned(), out.len());
            let mut h = Fnv::default();
            h.write(content);
            out.push((uid.to_owned(), h, stamp.cloned()));
        }
    });
    out.into_iter().map(|(u, h, s)| (u, h.0, s)).collect()
}

/// Calls `f` with each VEVENT's UID, its unfolded lines without the stamp
/// ones (each ending in `\n`), and its stamp when it has a DTSTAMP. Lines
/// are unfolded one at a time: a feed is never held twice.
fn for_each_vevent(text: &str, mut f: impl FnMut(&str, &[u8], Option<&Stamp>)) {
    let mut in_event = false;
    let mut content: Vec<u8> = Vec::new();
    let mut uid = String::new();
    let mut stamp = empty_stamp();
    for line in Unfold::new(text) {
        if line == "BEGIN:VEVENT" {
            in_event = true;
            content.clear();
            uid.clear();
            stamp = empty_stamp();
        }
        if !in_event {
            continue;
        }
        let name = line.split([':', ';']).next().unwrap_or("");
        let value = line.split_once(':').map_or("", |(_, v)| v);
        match name {
            "UID" => value.clone_into(&mut uid),
            "DTSTAMP" => value.clone_into(&mut stamp.dtstamp),
            "LAST-MODIFIED" => value.clone_into(&mut stamp.last_modified),
            "SEQUENCE" => stamp.sequence = value.parse().unwrap_or(0),
            _ => {}
        }
        if !STAMP_PROPERTIES.contains(&name) {
            content.extend_from_slice(line.as_bytes());
            content.push(b'\n');
        }
        if line == "END:VEVENT" {
            in_event = false;
            f(
                &uid,
                &content,
                (!stamp.dtstamp.is_empty()).then_some(&stamp),
            );
        }
    }
}

fn empty_stamp() -> Stamp {
    Stamp {
        dtstamp: String::new(),
        last_modified: String::new(),
        sequence: 0,
    }
}

/// Logical lines of a content-line text (RFC 5545 §3.1), one at a time.
struct Unfold<'t> {
    physical: std::iter::Peekable<std::str::Split<'t, &'static str>>,
}

impl<'t> Unfold<'t> {
    fn new(text: &'t str) -> Self {
        Unfold {
            physical: text.split("\r\n").peekable(),
        }
    }
}

impl<'t> Iterator for Unfold<'t> {
    type Item = std::borrow::Cow<'t, str>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let first = self.physical.next()?;
            let mut line = std::borrow::Cow::Borrowed(first);
            while let Some(rest) = self
                .physical
                .peek()
                .and_then(|p| p.strip_prefix([' ', '\t']))
            {
                line.to_mut().push_str(rest);
                self.physical.next();
            }
            // Empty lines are skipped. (A continuation right after one, in
            // a malformed feed, starts a line here where `unfold` appends it
            // to the line before: at worst that event gets a new stamp.)
            if !line.is_empty() {
                return Some(line);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEED: &str = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20260101T000000Z\r\nLAST-MODIFIED:20260101T000000Z\r\nSEQUENCE:2\r\nSUMMARY:A\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    #[test]
    fn unfolds_continuation_lines_one_line_at_a_time() {
        let text = "BEGIN:VEVENT\r\nSUMMARY:a lo\r\n ng one\r\n\tand more\r\nEND:VEVENT\r\n";
        let lazy: Vec<String> = Unfold::new(text).map(|l| l.into_owned()).collect();
        assert_eq!(
            lazy,
            ["BEGIN:VEVENT", "SUMMARY:a long oneand more", "END:VEVENT"]
        );
    }

    #[test]
    fn overrides_extend_their_masters_hash() {
        let master =
            "BEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:A\r\nEND:VEVENT\r\n";
        let with_override = format!(
            "{master}BEGIN:VEVENT\r\nUID:a@x\r\nRECURRENCE-ID:20260105T100000\r\nEND:VEVENT\r\n"
        );
        let mut prev = PreviousFeeds::default();
        prev.add_feed(&format!(
            "BEGIN:VCALENDAR\r\n{with_override}END:VCALENDAR\r\n"
        ));
        assert_eq!(prev.content("a@x"), Some(content_hash(&with_override)));
        assert_ne!(content_hash(&with_override), content_hash(master));
    }

    #[test]
    fn unchanged_keeps_changed_bumps_new_starts_at_zero() {
        let mut prev = PreviousFeeds::default();
        prev.add_feed(FEED);
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let same = FEED
            .replace("SEQUENCE:2", "SEQUENCE:0")
            .replace("20260101T000000Z", "20300101T000000Z");
        assert_eq!(prev.stamp_for("a@x", &same, now).sequence, 2);
        assert_eq!(
            prev.stamp_for("a@x", &same, now).dtstamp,
            "20260101T000000Z"
        );
        let changed = same.replace("SUMMARY:A", "SUMMARY:B");
        let s = prev.stamp_for("a@x", &changed, now);
        assert_eq!((s.sequence, s.dtstamp.as_str()), (3, "20270115T080000Z"));
        assert_eq!(prev.stamp_for("b@x", &changed, now).sequence, 0);
    }
}
