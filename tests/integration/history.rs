//! The history case of issue 15: 300 daily rituals since 1990 (the
//! spec of `benches/targets.sh`, with closed days and skips added). The
//! feed is read back and expanded by the independent oracle (`icalendar`
//! parser + `rrule` crate) and compared with the occurrences the spec
//! means, computed here with plain date arithmetic: every day from 1990
//! at the ritual's hour, less the closed days and skips. No timing is
//! asserted; `benches/targets.sh` measures that cost does not grow with
//! the length of the history.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate, TimeZone, Utc};

use crate::harness::Test;
use crate::oracle::{self, Instance};
use crate::scale::gen_spec;

const RITUALS: usize = 300;
const CLOSED: [&str; 3] = ["1990-05-01", "2026-03-30", "2027-12-24"];
/// Ritual 0 skips these.
const SKIPS: [&str; 2] = ["1990-01-03", "2026-03-27"];

fn d(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn spec() -> String {
    let base = gen_spec::daily(RITUALS, 1990);
    let closed = format!("  closed: [{}]\nrituals:\n", CLOSED.join(", "));
    let with_closed = base.replacen("rituals:\n", &closed, 1);
    with_closed.replacen(
        "    duration: 15m\n",
        &format!("    duration: 15m\n    skip: [{}]\n", SKIPS.join(", ")),
        1,
    )
}

/// What the spec means in `[from, to)`, without our code.
fn expected(from: NaiveDate, to: NaiveDate) -> BTreeSet<Instance> {
    let paris = chrono_tz::Europe::Paris;
    let mut out = BTreeSet::new();
    for i in 0..RITUALS {
        let (hour, minute) = (7 + (i % 12) as u32, [0, 15, 30, 45][i % 4]);
        let mut day = from;
        while day < to {
            let off = CLOSED.contains(&day.to_string().as_str())
                || (i == 0 && SKIPS.contains(&day.to_string().as_str()));
            if !off {
                let local = day.and_hms_opt(hour, minute, 0).expect("time");
                let start = paris
                    .from_local_datetime(&local)
                    .earliest()
                    .expect("no gap at these hours")
                    .with_timezone(&Utc);
                let end = start + chrono::TimeDelta::minutes(15);
                out.insert((
                    start.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                    end.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                    format!("d{i:04}@daily.example.org"),
                    format!("Daily {i}"),
                ));
            }
            day = day + Days::new(1);
        }
    }
    out
}

#[test]
fn daily_rituals_since_1990_match_an_independent_expansion() {
    let built = Test::new().spec(&spec()).args(["build"]).run().success();
    let feed = built.read("public/rituals.ics");
    // The first weeks of the series, a DST change with a closed day and a
    // skip, the horizon's end (computed exceptions stop there) and after
    // it (the plain series goes on).
    for (from, to) in [
        ("1990-01-01", "1990-01-08"),
        ("1990-04-29", "1990-05-03"),
        ("2026-03-26", "2026-04-01"),
        ("2027-12-22", "2028-01-03"),
    ] {
        let (from, to) = (d(from), d(to));
        let ours = oracle::expand(&feed, from, to);
        let want = expected(from, to);
        assert_eq!(
            ours.len(),
            want.len(),
            "{from}..{to}: {}",
            oracle::diff(&want, &ours)
        );
        assert!(ours == want, "{from}..{to}: {}", oracle::diff(&want, &ours));
    }
    // One VEVENT per ritual: the history is in the rule, not spelled out.
    assert_eq!(feed.matches("BEGIN:VEVENT").count(), RITUALS);
}
