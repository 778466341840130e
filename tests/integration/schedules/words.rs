//! Each form of the table in words, in French and English: the page's
//! schedule line, the agenda and `check` (insta snapshots).

use super::table::TABLE;
use crate::harness::Test;

fn spec(language: &str) -> String {
    let rituals: String = TABLE
        .iter()
        .enumerate()
        .map(|(i, (every, _))| {
            format!(
                "  - id: r{i:02}\n    title: \"{every}\"\n    every: \"{every}\"\n    time: \"16:00-17:00\"\n    busy: false\n"
            )
        })
        .collect();
    format!(
        "calendar:\n  name: Words\n  timezone: Europe/Paris\n  since: 2026-01-01\n  domain: example.org\n  horizon: 2026-12-31\n  language: {language}\nrituals:\n{rituals}  - id: workshops\n    title: Workshops\n    dates: [2026-04-09, \"2026-05-12 14:00-17:00\"]\n    time: \"14:00-16:00\"\n  - id: offsite\n    title: Offsite\n    every: first thursday of the month\n    time: all day\n    duration: 2d\n  - id: exotic\n    title: Exotic\n    rrule: FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO\n    time: \"09:00\"\n    duration: 1d9h\n"
    )
}

fn words(language: &str) -> String {
    let t = Test::new().spec(&spec(language));
    let built = t.run_args(["build"]);
    assert_eq!(built.status, 0, "{}", built.stderr);
    let page = built.read("public/index.html");
    let mut out = String::from("## page\n");
    for part in page.split("<p class=\"when\">").skip(1) {
        out += part.split('<').next().unwrap();
        out.push('\n');
    }
    let agenda = t.run_args(["agenda", "--from", "2026-02-01", "--to", "2026-02-28"]);
    out += "## agenda, February 2026\n";
    out += &agenda.stdout;
    let check = t.run_args(["check"]);
    out += "## check\n";
    out += &check.stderr;
    out.replace('\u{a0}', " ")
}

#[test]
fn every_form_in_french() {
    insta::assert_snapshot!(words("fr"));
}

#[test]
fn every_form_in_english() {
    insta::assert_snapshot!(words("en"));
}
