//! The failing cases of issue 13 (`../shared/cases/08` and `11`, copied
//! here verbatim in spirit) and the week start of issue 18 point 3.

use super::dateutil::{Case, expand, python_or_skip};
use super::{TO, agenda_starts, local_dtstart, masters, spec};
use crate::harness::Test;

const CASE_08: &str = "calendar:
  name: Case 08 team
  timezone: Europe/Paris
  domain: example.org
  since: 2026-01-05
  horizon: 2026-12-31
rituals:
  - id: office-day
    title: Office day
    every: friday
    time: all day
    busy: false
    skip: [2026-01-23]
  - id: offsite
    title: Offsite (2 days)
    every: first thursday of the month
    time: all day
    duration: 2d
";

const CASE_11: &str = "calendar:
  name: Case 11 team
  timezone: Europe/Paris
  domain: example.org
  since: 2026-01-01
  horizon: 2026-12-31
rituals:
  - id: community-call
    title: Community call
    every: first thursday, third thursday of the month
    time: \"16:00-17:00\"
";

/// The lines of the VEVENT of `uid` (master only).
fn event<'a>(ics: &'a str, uid: &str) -> Vec<&'a str> {
    let start = ics.find(&format!("UID:{uid}")).expect("uid in feed");
    let begin = ics[..start].rfind("BEGIN:VEVENT").unwrap();
    let end = begin + ics[begin..].find("END:VEVENT").unwrap();
    ics[begin..end].lines().collect()
}

#[test]
fn case_08_offsite_spans_thursday_and_friday_and_office_day_skips_the_23rd() {
    let out = Test::new().spec(CASE_08).args(["print"]).run().success();
    let offsite = event(&out.stdout, "offsite@example.org");
    assert!(
        offsite.contains(&"DTSTART;VALUE=DATE:20260205"),
        "{offsite:?}"
    );
    assert!(
        offsite.contains(&"DTEND;VALUE=DATE:20260207"),
        "{offsite:?}"
    );
    assert!(offsite.contains(&"RRULE:FREQ=MONTHLY;BYDAY=1TH"));
    let office = event(&out.stdout, "office-day@example.org");
    assert!(
        office.contains(&"DTSTART;VALUE=DATE:20260109"),
        "{office:?}"
    );
    assert!(office.contains(&"DTEND;VALUE=DATE:20260110"));
    assert!(office.contains(&"EXDATE;VALUE=DATE:20260123"));
    // The agenda shows the offsite over two days.
    let json = Test::new()
        .spec(CASE_08)
        .args([
            "agenda",
            "--from",
            "2026-02-01",
            "--to",
            "2026-02-28",
            "--format",
            "json",
        ])
        .run()
        .success()
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let o = v
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["ritual"] == "offsite")
        .unwrap();
    assert_eq!(o["start_local"], "2026-02-05T00:00:00");
    assert_eq!(o["end_local"], "2026-02-07T00:00:00");
}

#[test]
fn case_11_first_and_third_thursday_is_one_rule() {
    let out = Test::new().spec(CASE_11).args(["print"]).run().success();
    let e = event(&out.stdout, "community-call@example.org");
    assert!(e.contains(&"RRULE:FREQ=MONTHLY;BYDAY=1TH,3TH"), "{e:?}");
    assert_eq!(out.stdout.matches("BEGIN:VEVENT").count(), 1);
    let json = Test::new()
        .spec(CASE_11)
        .args([
            "agenda",
            "--from",
            "2026-01-01",
            "--to",
            "2026-02-28",
            "--format",
            "json",
        ])
        .run()
        .success()
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let starts: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["start_utc"].as_str().unwrap())
        .collect();
    assert_eq!(
        starts,
        [
            "2026-01-01T15:00:00Z",
            "2026-01-15T15:00:00Z",
            "2026-02-05T15:00:00Z",
            "2026-02-19T15:00:00Z"
        ]
    );
}

/// Issue 18 point 3: a reader that assumes weeks start on Sunday reads our
/// feeds of Sunday rituals every other week like the agenda; the same
/// rule without our WKST=MO would read differently (so the test can fail).
#[test]
fn sunday_rituals_every_other_week_read_the_same_with_sunday_weeks() {
    let rituals = "  - id: sunday
    title: Sunday
    every: 2 weeks on sunday
    time: \"10:00-11:00\"
  - id: sunday-monday
    title: Sunday and Monday
    every: 2 weeks on sunday, monday
    time: \"10:00-11:00\"
  - id: setpos
    title: First of Sunday and Monday each week
    rrule: FREQ=WEEKLY;BYDAY=SU,MO;BYSETPOS=1
    time: \"10:00-11:00\"
";
    let spec = spec("Europe/Paris", TO, rituals);
    let feed = masters(&spec);
    assert_eq!(
        feed["sunday@example.org"].1.as_deref(),
        Some("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU")
    );
    assert_eq!(
        feed["sunday-monday@example.org"].1.as_deref(),
        Some("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=MO")
    );
    assert_eq!(
        feed["setpos@example.org"].1.as_deref(),
        Some("FREQ=WEEKLY;BYDAY=MO,SU;BYSETPOS=1;WKST=MO")
    );
    let agenda = agenda_starts(&spec);
    let Some(py) = python_or_skip("schedules::sunday weeks (dateutil)") else {
        return;
    };
    let ids = ["sunday", "sunday-monday", "setpos"];
    let case = |id: &str, strip: bool| {
        let (dtstart, rrule) = &feed[&format!("{id}@example.org")];
        let rrule = rrule.clone().unwrap();
        Case {
            dtstart: local_dtstart(dtstart),
            rrule: if strip {
                rrule.replace(";WKST=MO", "")
            } else {
                rrule
            },
            wkst: Some("SU"),
        }
    };
    let sunday_reader = expand(&py, &ids.map(|id| case(id, false)), TO);
    for (k, id) in ids.iter().enumerate() {
        let ours: Vec<String> = agenda[*id].iter().map(|s| s[..10].to_owned()).collect();
        assert_eq!(ours, sunday_reader[k], "{id}: a Sunday-week reader differs");
    }
    let without = expand(&py, &ids.map(|id| case(id, true)), TO);
    for (k, id) in ids.iter().enumerate().skip(1) {
        let ours: Vec<String> = agenda[*id].iter().map(|s| s[..10].to_owned()).collect();
        assert_ne!(ours, without[k], "{id}: WKST=MO should matter here");
    }
}
