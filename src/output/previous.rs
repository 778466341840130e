//! Feeds already published in an output folder: read back for their
//! stamps, compared for `--check`, listed when stale.

use std::path::{Path, PathBuf};

use crate::render::ics::stamp::PreviousFeeds;

/// Reads every feed of ours in a folder (and its `people/`).
pub fn read_previous(dir: &Path) -> PreviousFeeds {
    let mut prev = PreviousFeeds::default();
    for path in our_feeds(dir) {
        if let Ok(text) = std::fs::read_to_string(&path) {
            prev.add_feed(&text);
        }
    }
    prev
}

/// `.ics` files in `dir` and `dir/people` that this tool wrote.
fn our_feeds(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for d in [dir.to_path_buf(), dir.join("people")] {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e == "ics") && is_ours(&p) {
                out.push(p);
            }
        }
    }
    out
}

fn is_ours(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 256];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    String::from_utf8_lossy(&head[..n]).contains("PRODID:-//rituals//")
}

pub(crate) fn stale_feeds(out: &Path, files: &[PathBuf]) -> Vec<PathBuf> {
    // A set: 10,000 ritual feeds against 10,000 files would be quadratic.
    let current: std::collections::HashSet<PathBuf> = files.iter().map(|f| out.join(f)).collect();
    our_feeds(out)
        .into_iter()
        .filter(|p| !current.contains(p))
        .collect()
}

/// Human lines naming the UIDs added, changed or removed between feeds.
pub(crate) fn uid_changes(old: &str, new: &str) -> Vec<String> {
    let mut a = PreviousFeeds::default();
    a.add_feed(old);
    let mut b = PreviousFeeds::default();
    b.add_feed(new);
    let mut lines = Vec::new();
    let mut new_uids: Vec<&str> = b.uids().collect();
    new_uids.sort_unstable();
    for uid in &new_uids {
        match a.content(uid) {
            None => lines.push(format!("added    {uid}")),
            Some(c) if Some(c) != b.content(uid) => lines.push(format!("changed  {uid}")),
            _ => {}
        }
    }
    let mut old_uids: Vec<&str> = a.uids().filter(|u| b.content(u).is_none()).collect();
    old_uids.sort_unstable();
    lines.extend(old_uids.into_iter().map(|u| format!("removed  {u}")));
    lines
}
