//! Our expander against an independent one: every feed, read back by the
//! `icalendar` parser and expanded by the `rrule` crate, must give exactly
//! the occurrences `rituals agenda` lists.

use chrono::NaiveDate;

use crate::harness::{Test, project_spec};
use crate::oracle;

fn fixtures() -> Vec<(String, String)> {
    let mut out = vec![("rituals.yaml".to_owned(), project_spec())];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for p in paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
    {
        out.push((
            p.file_name().unwrap().to_string_lossy().into_owned(),
            std::fs::read_to_string(&p).unwrap(),
        ));
    }
    out
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Person ids of a spec, read without our parser.
fn people(spec: &str) -> Vec<String> {
    let mut in_people = false;
    let mut ids = Vec::new();
    for line in spec.lines() {
        if !line.starts_with(' ') && !line.starts_with('#') && !line.is_empty() {
            in_people = line.starts_with("people:");
        }
        if in_people && let Some(id) = line.trim().strip_prefix("- id: ") {
            ids.push(id.trim().to_owned());
        }
    }
    ids
}

fn check(name: &str, spec: &str, from: &str, to: &str) -> usize {
    let (from, to) = (d(from), d(to));
    let t = Test::new().spec(spec).args(["build"]);
    let built = t.run().success();
    let window = |extra: &[&str]| {
        let mut args = vec![
            "agenda".to_owned(),
            "--from".to_owned(),
            (from - chrono::Days::new(1)).to_string(),
            "--to".to_owned(),
            (to + chrono::Days::new(1)).to_string(),
            "--format".to_owned(),
            "json".to_owned(),
        ];
        args.extend(extra.iter().map(|s| s.to_string()));
        Test::new().spec(spec).args(args).run().success().stdout
    };
    let ours = oracle::agenda_instances(&window(&[]), from, to);
    let theirs = oracle::expand(&built.read("public/rituals.ics"), from, to);
    assert_eq!(
        ours,
        theirs,
        "{name}: team feed differs from agenda\n{}",
        oracle::diff(&ours, &theirs)
    );
    for person in people(spec) {
        let ours: std::collections::BTreeSet<_> =
            oracle::agenda_instances(&window(&["--person", &person]), from, to)
                .into_iter()
                .map(|(s, e, uid, title)| {
                    // The team feed's `<local>+<person>` turns are
                    // `<local>.<person>` in the person's feed.
                    let (local, domain) = uid.split_once('@').unwrap();
                    let local = local.split('+').next().unwrap();
                    (s, e, format!("{local}.{person}@{domain}"), title)
                })
                .collect();
        let theirs = oracle::expand(
            &built.read(&format!("public/people/{person}.ics")),
            from,
            to,
        );
        assert_eq!(
            ours,
            theirs,
            "{name}: {person}'s feed differs from agenda\n{}",
            oracle::diff(&ours, &theirs)
        );
    }
    ours.len()
}

#[test]
fn every_feed_expands_to_the_agenda_over_2026_to_2030() {
    let mut total = 0;
    for (name, spec) in fixtures() {
        let n = check(&name, &spec, "2026-01-01", "2031-01-01");
        eprintln!("{name}: {n} occurrences agree");
        total += n;
    }
    assert!(total > 3000, "{total}");
}

#[test]
fn the_first_years_agree_too() {
    for (name, spec) in fixtures() {
        check(&name, &spec, "2021-01-01", "2026-01-01");
    }
}

/// The embedded VTIMEZONE, read by an independent oracle, puts every
/// occurrence of every fixture at the instant chrono-tz gives, over ten
/// years: a client that reads only our VTIMEZONE sees the same times.
#[test]
fn embedded_vtimezones_agree_with_the_tz_database_at_every_occurrence() {
    for (name, spec) in fixtures() {
        let built = Test::new().spec(&spec).args(["build"]).run().success();
        let feed = built.read("public/rituals.ics");
        let agenda = Test::new()
            .spec(&spec)
            .args([
                "agenda",
                "--from",
                "2026-01-01",
                "--to",
                "2035-12-31",
                "--format",
                "json",
            ])
            .run()
            .success();
        let items: serde_json::Value = serde_json::from_str(&agenda.stdout).unwrap();
        let until = d("2037-01-01").and_hms_opt(0, 0, 0).unwrap();
        let mut zones = std::collections::HashMap::new();
        let mut checked = 0;
        for o in items
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| o["all_day"] == false && o["status"] != "skipped")
        {
            let tzid = o["timezone"].as_str().unwrap().to_owned();
            let vtz = zones.entry(tzid.clone()).or_insert_with(|| {
                let start = feed
                    .find(&format!("BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\n"))
                    .expect("VTIMEZONE present");
                let end = feed[start..].find("END:VTIMEZONE\r\n").unwrap()
                    + start
                    + "END:VTIMEZONE\r\n".len();
                crate::vtimezone::expand(&feed[start..end], &tzid, until)
            });
            let utc = chrono::DateTime::parse_from_rfc3339(o["start_utc"].as_str().unwrap())
                .unwrap()
                .timestamp();
            let local = chrono::NaiveDateTime::parse_from_str(
                o["start_local"].as_str().unwrap(),
                "%Y-%m-%dT%H:%M:%S",
            )
            .unwrap();
            let offset = vtz
                .offset_at(utc)
                .expect("an observance covers the occurrence");
            assert_eq!(
                local.and_utc().timestamp() - i64::from(offset),
                utc,
                "{name}: {o} is at another instant by the embedded VTIMEZONE"
            );
            checked += 1;
        }
        eprintln!("{name}: {checked} occurrences checked against the embedded VTIMEZONE");
        assert!(checked > 100, "{name}");
    }
}
