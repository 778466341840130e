//! Issue 13: every schedule a team keeps. The forms of the table
//! write the RRULE shown and give, over 2020–2035, the dates an
//! independent expansion of that RRULE gives (python-dateutil and the
//! `rrule` crate); random day-level rules agree with dateutil; the week
//! start is written where it matters; the cases of `../shared/cases`;
//! and every combination of a ritual's scheduling fields has an effect or
//! is an error.

mod cases;
mod combinations;
mod dateutil;
mod lints;
mod random_rules;
mod table;
mod words;

use std::collections::BTreeMap;

use crate::harness::Test;

/// The agenda window of the cross-checks.
pub const FROM: &str = "2020-01-01";
pub const TO: &str = "2035-12-31";

/// A one-calendar spec whose rituals are `rituals` (YAML list items).
pub fn spec(zone: &str, horizon: &str, rituals: &str) -> String {
    format!(
        "calendar:\n  name: Schedules\n  timezone: {zone}\n  since: 2020-01-01\n  domain: example.org\n  horizon: {horizon}\nrituals:\n{rituals}"
    )
}

/// Each ritual's local start times in the agenda over `FROM..=TO`, by
/// ritual id: `YYYY-MM-DDTHH:MM:SS`.
pub fn agenda_starts(spec: &str) -> BTreeMap<String, Vec<String>> {
    let out = Test::new()
        .spec(spec)
        .args(["agenda", "--from", FROM, "--to", TO, "--format", "json"])
        .run()
        .success();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("agenda json");
    let mut by: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for o in v.as_array().expect("array") {
        if o["status"] == "skipped" {
            continue;
        }
        by.entry(o["ritual"].as_str().unwrap().to_owned())
            .or_default()
            .push(o["start_local"].as_str().unwrap().to_owned());
    }
    by
}

/// Each master VEVENT of the team feed: UID → (DTSTART line, RRULE value).
pub fn masters(spec: &str) -> BTreeMap<String, (String, Option<String>)> {
    let out = Test::new().spec(spec).args(["print"]).run().success();
    // Content lines are folded at 75 octets (RFC 5545 §3.1).
    let unfolded = out.stdout.replace("\r\n ", "");
    let mut by = BTreeMap::new();
    let mut uid = String::new();
    let mut dtstart = String::new();
    let mut rrule = None;
    let mut override_ = false;
    for line in unfolded.lines() {
        if line == "BEGIN:VEVENT" {
            (uid, dtstart, rrule, override_) = (String::new(), String::new(), None, false);
        } else if let Some(u) = line.strip_prefix("UID:") {
            uid = u.to_owned();
        } else if line.starts_with("DTSTART") {
            dtstart = line.to_owned();
        } else if let Some(r) = line.strip_prefix("RRULE:") {
            rrule = Some(r.to_owned());
        } else if line.starts_with("RECURRENCE-ID") {
            override_ = true;
        } else if line == "END:VEVENT" && !override_ {
            by.insert(uid.clone(), (dtstart.clone(), rrule.clone()));
        }
    }
    by
}

/// The local DTSTART `YYYYMMDDTHHMMSS` of a DTSTART line.
pub fn local_dtstart(line: &str) -> String {
    let value = line.rsplit(':').next().unwrap();
    if value.len() == 8 {
        format!("{value}T000000")
    } else {
        value.trim_end_matches('Z').to_owned()
    }
}
