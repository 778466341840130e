//! DTSTAMP, LAST-MODIFIED and SEQUENCE: kept when an event is unchanged,
//! bumped when it changed, so that clients notice edits and a rebuild of
//! an unchanged spec is byte-identical (RFC 5545 §3.8.7.4: SEQUENCE is
//! incremented when the organizer makes a significant revision).

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::content_line::unfold;

/// The three properties that say when and how often an event changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// `YYYYMMDDTHHMMSSZ`, as in the feed.
    pub dtstamp: String,
    pub last_modified: String,
    pub sequence: u32,
}

/// What the previous feeds said about each UID.
#[derive(Debug, Default)]
pub struct PreviousFeeds {
    /// UID → (content without stamp lines, stamp).
    events: HashMap<String, (String, Stamp)>,
}

/// Lines that change when nothing about the event did.
const STAMP_PROPERTIES: [&str; 3] = ["DTSTAMP", "LAST-MODIFIED", "SEQUENCE"];

impl PreviousFeeds {
    /// Reads the VEVENTs of a previously published feed. Unknown or
    /// malformed content is ignored: at worst an event gets a new stamp.
    pub fn add_feed(&mut self, text: &str) {
        for (uid, content, stamp) in events_of(text) {
            if let Some(stamp) = stamp {
                self.events.entry(uid).or_insert((content, stamp));
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// What the previous feeds said about `uid`: its content without the
    /// stamp lines (as `normalized` gives it) and its stamp.
    pub fn get(&self, uid: &str) -> Option<(&str, &Stamp)> {
        self.events.get(uid).map(|(c, s)| (c.as_str(), s))
    }

    /// The stamp for a UID whose rendering (with any stamp) is `rendered`.
    pub fn stamp_for(&self, uid: &str, rendered: &str, now: DateTime<Utc>) -> Stamp {
        let now = format_utc(now);
        match self.events.get(uid) {
            Some((content, stamp)) if *content == normalized(rendered) => stamp.clone(),
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

    pub fn content(&self, uid: &str) -> Option<&str> {
        self.events.get(uid).map(|(c, _)| c.as_str())
    }
}

/// `YYYYMMDDTHHMMSSZ`, the form of DTSTAMP and LAST-MODIFIED.
pub fn format_utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// All VEVENTs of a UID (master and overrides), unfolded, without the
/// stamp lines: equal when the event did not change.
pub fn normalized(text: &str) -> String {
    events_of(text)
        .into_iter()
        .map(|(_, c, _)| c)
        .collect::<Vec<_>>()
        .join("\n")
}

/// (UID, content, stamp) per UID, overrides merged with their master.
fn events_of(text: &str) -> Vec<(String, String, Option<Stamp>)> {
    let mut out: Vec<(String, String, Option<Stamp>)> = Vec::new();
    // UID → index in `out`: a team feed holds thousands of UIDs.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut depth_in_event = 0;
    let mut content = String::new();
    let mut uid = String::new();
    let mut stamp = Stamp {
        dtstamp: String::new(),
        last_modified: String::new(),
        sequence: 0,
    };
    for line in unfold(text) {
        if line == "BEGIN:VEVENT" {
            depth_in_event = 1;
            content.clear();
            uid.clear();
            stamp = Stamp {
                dtstamp: String::new(),
                last_modified: String::new(),
                sequence: 0,
            };
        }
        if depth_in_event == 0 {
            continue;
        }
        let name = line.split([':', ';']).next().unwrap_or("");
        let value = line.split_once(':').map_or("", |(_, v)| v);
        match name {
            "UID" => uid = value.to_owned(),
            "DTSTAMP" => stamp.dtstamp = value.to_owned(),
            "LAST-MODIFIED" => stamp.last_modified = value.to_owned(),
            "SEQUENCE" => stamp.sequence = value.parse().unwrap_or(0),
            _ => {}
        }
        if !STAMP_PROPERTIES.contains(&name) {
            content.push_str(&line);
            content.push('\n');
        }
        if line == "END:VEVENT" {
            depth_in_event = 0;
            let st = (!stamp.dtstamp.is_empty()).then(|| stamp.clone());
            match index.get(&uid) {
                Some(&k) => out[k].1.push_str(&content),
                None => {
                    index.insert(uid.clone(), out.len());
                    out.push((uid.clone(), content.clone(), st));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEED: &str = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20260101T000000Z\r\nLAST-MODIFIED:20260101T000000Z\r\nSEQUENCE:2\r\nSUMMARY:A\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

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
