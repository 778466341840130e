//! The table: each form writes the RRULE shown, and its
//! occurrences over 2020–2035 equal dateutil's and the `rrule` crate's
//! expansion of that RRULE, in Europe/Paris and in Australia/Sydney.

use chrono::{NaiveDateTime, TimeZone};

use super::dateutil::{Case, expand, python_or_skip};
use super::{FROM, TO, agenda_starts, local_dtstart, masters, spec};

/// (`every`, RRULE written), verbatim from issue 13.
pub const TABLE: [(&str, &str); 16] = [
    ("3 days", "FREQ=DAILY;INTERVAL=3"),
    (
        "first and third thursday of the month",
        "FREQ=MONTHLY;BYDAY=1TH,3TH",
    ),
    (
        "month on first and third thursday",
        "FREQ=MONTHLY;BYDAY=1TH,3TH",
    ),
    (
        "first thursday, third thursday of the month",
        "FREQ=MONTHLY;BYDAY=1TH,3TH",
    ),
    ("fifth wednesday of the month", "FREQ=MONTHLY;BYDAY=5WE"),
    (
        "2 months on last friday",
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR",
    ),
    (
        "3 months on first monday",
        "FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO",
    ),
    ("month on day 15", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("month on days 1 and 15", "FREQ=MONTHLY;BYMONTHDAY=1,15"),
    ("month on last day", "FREQ=MONTHLY;BYMONTHDAY=-1"),
    (
        "month on last weekday",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
    ),
    (
        "month on first weekday",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1",
    ),
    ("year on 14 july", "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=14"),
    (
        "year on last monday of may",
        "FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO",
    ),
    ("Year On 14 Juillet", "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=14"),
    (
        "2 weeks on dimanche, lundi",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=MO",
    ),
];

fn table_spec(zone: &str) -> String {
    let rituals: String = TABLE
        .iter()
        .enumerate()
        .map(|(i, (every, _))| {
            format!(
                "  - id: r{i}\n    title: R{i}\n    every: \"{every}\"\n    time: \"16:00-17:00\"\n    since: 2020-01-{:02}\n",
                i + 1
            )
        })
        .collect();
    spec(zone, TO, &rituals)
}

#[test]
fn each_form_writes_its_rrule_and_its_dates_match_dateutil_and_the_rrule_crate() {
    let py = python_or_skip("schedules::table (dateutil)");
    for zone in ["Europe/Paris", "Australia/Sydney"] {
        let spec = table_spec(zone);
        let feed = masters(&spec);
        let agenda = agenda_starts(&spec);
        let mut cases = Vec::new();
        for (i, (every, rrule)) in TABLE.iter().enumerate() {
            let (dtstart, written) = &feed[&format!("r{i}@example.org")];
            assert_eq!(written.as_deref(), Some(*rrule), "{every} ({zone})");
            cases.push(Case {
                dtstart: local_dtstart(dtstart),
                rrule: (*rrule).to_owned(),
                wkst: None,
            });
            // The rrule crate, from the feed's own DTSTART;TZID and RRULE:
            // local times and instants.
            let set: rrule::RRuleSet = format!("{dtstart}\nRRULE:{rrule}").parse().unwrap();
            let tz: chrono_tz::Tz = zone.parse().unwrap();
            let end = tz
                .from_local_datetime(
                    &NaiveDateTime::parse_from_str("2035-12-31T23:59:00", "%Y-%m-%dT%H:%M:%S")
                        .unwrap(),
                )
                .unwrap()
                .with_timezone(&rrule::Tz::UTC);
            let theirs: Vec<String> = set
                .before(end)
                .all(u16::MAX)
                .dates
                .iter()
                .map(|d| d.with_timezone(&tz).format("%Y-%m-%dT%H:%M:%S").to_string())
                .collect();
            let ours = &agenda[&format!("r{i}")];
            assert_eq!(ours, &theirs, "{every} ({zone}): agenda vs rrule crate");
            assert!(
                ours.len() > 5,
                "{every}: too few occurrences to prove anything"
            );
        }
        let Some(py) = &py else { continue };
        let theirs = expand(py, &cases, TO);
        for (i, (every, _)) in TABLE.iter().enumerate() {
            let ours: Vec<String> = agenda[&format!("r{i}")]
                .iter()
                .map(|s| s[..10].to_owned())
                .collect();
            assert_eq!(ours, theirs[i], "{every} ({zone}): agenda vs dateutil");
        }
    }
    let _ = FROM;
}
