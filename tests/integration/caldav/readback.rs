//! Reading a calendar back without our code: the server's stored
//! resources, merged into one VCALENDAR, expanded by `icalendar` +
//! `recurring-ical-events` (tests/interop/pyical.py), compared with
//! `rituals agenda --format json` over two years.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use super::server::{Server, python, root};

/// The agenda window (the spec's dates) and the engine's (UTC dates).
pub const FROM: &str = "2026-11-28";
pub const TO: &str = "2028-11-27";
const ENGINE_TO: &str = "2028-11-28";
/// Both sides compared on starts in this window: two days inside both.
const CMP: (&str, &str) = ("2026-11-30", "2028-11-25");

/// A multiset of `START END UID SUMMARY` lines.
pub type Bag = BTreeMap<String, usize>;

/// The top-level components of an iCalendar text (inside VCALENDAR).
pub fn components(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n");
    let mut out = Vec::new();
    let mut depth = 0;
    let mut current = String::new();
    for line in text.lines() {
        if line.starts_with("BEGIN:") {
            depth += 1;
        }
        if depth >= 2 {
            current.push_str(line);
            current.push_str("\r\n");
        }
        if line.starts_with("END:") {
            depth -= 1;
            if depth == 1 {
                out.push(std::mem::take(&mut current));
            }
        }
    }
    out
}

/// The UIDs of the VEVENTs of a resource (unfolded).
pub fn uids(text: &str) -> BTreeSet<String> {
    let unfolded = text.replace("\r\n", "\n").replace("\n ", "");
    unfolded
        .lines()
        .filter_map(|l| l.strip_prefix("UID:"))
        .map(str::to_owned)
        .collect()
}

/// The stored resources of the spec's UIDs (`…@example.org`; foreign
/// events are left out) merged into one VCALENDAR, one VTIMEZONE per TZID.
pub fn merged(server: &Server) -> String {
    let mut zones: BTreeMap<String, String> = BTreeMap::new();
    let mut events = Vec::new();
    for bytes in server.stored().values() {
        let text = String::from_utf8_lossy(bytes);
        if !uids(&text).iter().all(|u| u.ends_with("@example.org")) {
            continue;
        }
        for c in components(&text) {
            if c.starts_with("BEGIN:VTIMEZONE") {
                let tzid = c
                    .lines()
                    .find_map(|l| l.strip_prefix("TZID:"))
                    .unwrap_or("")
                    .to_owned();
                zones.entry(tzid).or_insert(c);
            } else {
                events.push(c);
            }
        }
    }
    let mut out =
        String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tests//readback//EN\r\n");
    for z in zones.values() {
        out.push_str(z);
    }
    for e in events {
        out.push_str(&e);
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// The occurrences the server's copy holds, by an independent expander.
pub fn server_bag(server: &Server, scratch: &Path) -> Bag {
    let file = scratch.join("readback.ics");
    std::fs::write(&file, merged(server)).expect("write merged");
    let out = Command::new(python())
        .arg(root().join("tests/interop/pyical.py"))
        .arg(&file)
        .args([FROM, ENGINE_TO])
        .env("TZ", "UTC")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("run pyical.py");
    assert!(
        out.status.success(),
        "pyical.py on the server's calendar: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut bag = Bag::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let p: Vec<&str> = line.splitn(5, ' ').collect();
        if (CMP.0..CMP.1).contains(&p[0]) {
            let key = format!("{} {} {} {}", p[0], p[1], p[2], p.get(4).unwrap_or(&""));
            *bag.entry(key).or_default() += 1;
        }
    }
    bag
}

/// `rituals agenda --format json` over the window, as a bag.
pub fn agenda_bag(dir: &Path, person: Option<&str>) -> Bag {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rituals"));
    cmd.current_dir(dir)
        .env("SOURCE_DATE_EPOCH", crate::harness::EPOCH)
        .args(["agenda", "--from", FROM, "--to", TO, "--format", "json"]);
    if let Some(p) = person {
        cmd.args(["--person", p]);
    }
    let out = cmd.output().expect("run agenda");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut bag = Bag::new();
    for o in json.as_array().expect("array") {
        let s = |k: &str| {
            o[k].as_str()
                .unwrap_or_else(|| panic!("{k} in {o}"))
                .to_owned()
        };
        if o["status"].as_str() == Some("skipped") {
            continue;
        }
        let start = s("start_utc");
        if (CMP.0..CMP.1).contains(&start.as_str()) {
            let title = s("title").replace('\\', "\\\\").replace('\n', "\\n");
            let key = format!("{start} {} {} {title}", s("end_utc"), s("uid"));
            *bag.entry(key).or_default() += 1;
        }
    }
    bag
}

/// Asserts that the server's calendar expands to the agenda.
pub fn assert_matches_agenda(server: &Server, dir: &Path, person: Option<&str>) {
    let mut ours = agenda_bag(dir, person);
    let mut theirs = server_bag(server, dir);
    if let Some(p) = person {
        // A person's feed has its own UIDs (`<id>.<person>@domain`); the
        // agenda names the team's (`<id>+<person>@domain` for their turns).
        theirs = theirs
            .into_iter()
            .map(|(k, n)| (k.replace(&format!(".{p}@"), "@"), n))
            .collect();
        ours = ours
            .into_iter()
            .map(|(k, n)| (k.replace(&format!("+{p}@"), "@"), n))
            .collect();
    }
    assert!(
        ours.len() > 50,
        "the window holds occurrences: {}",
        ours.len()
    );
    let only_agenda: Vec<&String> = ours
        .keys()
        .filter(|k| theirs.get(*k) != ours.get(*k))
        .collect();
    let only_server: Vec<&String> = theirs
        .keys()
        .filter(|k| theirs.get(*k) != ours.get(*k))
        .collect();
    assert!(
        only_agenda.is_empty() && only_server.is_empty(),
        "{:?}: the server's calendar differs from `rituals agenda`\nagenda only: {only_agenda:#?}\nserver only: {only_server:#?}",
        server.kind
    );
}
