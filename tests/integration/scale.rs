//! Organisation scale: the generated 10,000-ritual fixture (issue 7, issue
//! 9) builds, and what it writes is iCalendar that another parser reads.
//! No timing here: figures live in docs/PERFORMANCE.md.

use crate::harness::Test;

#[path = "../support/gen_spec.rs"]
pub mod gen_spec;

const N: usize = 10_000;

/// The UIDs of the master VEVENTs (those without RECURRENCE-ID).
fn masters(cal: &icalendar::parser::Calendar<'_>) -> Vec<String> {
    cal.components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .filter(|c| c.find_prop("RECURRENCE-ID").is_none())
        .filter_map(|c| c.find_prop("UID").map(|p| p.val.to_string()))
        .collect()
}

fn parse(text: &str) -> Vec<String> {
    let unfolded = icalendar::parser::unfold(text);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("the feed parses");
    masters(&cal)
}

/// The VCALENDAR of `text` keeping only the VEVENT blocks whose index is
/// listed: parsing all of a 70 MB feed with the test parser in a debug build
/// takes minutes, and the blocks are independent.
fn excerpt(text: &str, keep: &[usize]) -> String {
    let head_end = text.find("BEGIN:VEVENT").expect("events");
    let mut out = text[..head_end].to_owned();
    let body = &text[head_end..text.rfind("END:VCALENDAR").expect("end")];
    for (k, block) in body.split_inclusive("END:VEVENT\r\n").enumerate() {
        if keep.contains(&k) {
            out.push_str(block);
        }
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

#[test]
fn ten_thousand_generated_rituals_build_and_parse() {
    let yaml = gen_spec::spec(N);
    assert!(
        yaml.len() < 4 * 1024 * 1024,
        "the fixture must fit the default input cap, it is {} bytes",
        yaml.len()
    );
    let t = Test::new().file("scale.yaml", &yaml);
    let out = t
        .args(["build", "-f", "scale.yaml", "-o", "public"])
        .run()
        .success();

    // One feed per ritual and per person, plus the team feed.
    let feeds = std::fs::read_dir(out.dir.join("public"))
        .expect("public/")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "ics"))
        })
        .count();
    assert_eq!(feeds, N + 1);
    let people = std::fs::read_dir(out.dir.join("public/people"))
        .expect("public/people")
        .count();
    assert_eq!(people, gen_spec::people_count(N));

    let team = out.read("public/rituals.ics");
    let events = team.matches("BEGIN:VEVENT\r\n").count();
    let uids = parse(&excerpt(&team, &[0, 1, events - 2, events - 1]));
    // A rotation's first events are its presenters' (`<local>+<person>`).
    assert_eq!(
        uids.first().map(String::as_str),
        Some("r00000-standup+p0000@scale.example.org")
    );
    assert_eq!(
        uids.last().map(String::as_str),
        Some("r09999-sync@scale.example.org")
    );
    // One master per ritual, and one per presenter of a rotation
    // (`<local>+<person>@domain`): every ritual has its masters.
    let rituals_in_team: std::collections::BTreeSet<&str> = team
        .split("BEGIN:VEVENT\r\n")
        .skip(1)
        .filter(|e| !e.contains("\r\nRECURRENCE-ID"))
        .filter_map(|e| e.strip_prefix("UID:"))
        .filter_map(|e| e.split(['+', '@']).next())
        .collect();
    assert_eq!(
        rituals_in_team.len(),
        N,
        "every ritual has its master VEVENTs"
    );
    // A ritual feed, a rotation's and a person's, whole.
    let sync = out.read("public/r09999-sync.ics");
    assert_eq!(parse(&sync), ["r09999-sync@scale.example.org"]);
    // A rotation: one event per presenter, then the series.
    let retro = parse(&out.read("public/r09990-retro.ics"));
    assert_eq!(
        retro.last().map(String::as_str),
        Some("r09990-retro@scale.example.org")
    );
    assert!(
        retro[..retro.len() - 1]
            .iter()
            .all(|u| u.starts_with("r09990-retro+p")),
        "{retro:?}"
    );
    let person = out.read("public/people/p0001.ics");
    assert!(!parse(&person).is_empty());

    // Each skip of the last ritual, read from the spec, is an EXDATE.
    let last = &yaml[yaml.find("- id: r09999-sync").expect("last ritual")..];
    let skips = last
        .lines()
        .find_map(|l| l.trim().strip_prefix("skip: ["))
        .expect("skip line")
        .trim_end_matches(']');
    let feed = out.read("public/r09999-sync.ics");
    for date in skips.split(", ") {
        let compact = date.replace('-', "");
        assert!(
            feed.lines()
                .any(|l| l.starts_with("EXDATE") && l.contains(&compact)),
            "no EXDATE for skip {date}"
        );
    }
}
