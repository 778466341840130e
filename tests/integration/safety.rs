//! Builds that cannot be abused: a failed write changes nothing, and text
//! from the spec cannot forge calendar lines.

use crate::harness::{Test, snapshot};
use crate::ics_parse::properties;

const SPEC: &str = r#"calendar:
  name: Team
  timezone: Europe/Paris
  since: 2026-01-05
  domain: example.org
people:
  - id: alice
    name: Alice
rituals:
  - id: standup
    title: Standup
    every: monday
    time: "10:00-10:15"
  - id: review
    title: Review
    every: tuesday
    time: "10:00-11:00"
  - id: retro
    title: Retro
    every: friday
    time: "16:00-17:00"
"#;

#[test]
fn a_file_that_cannot_be_written_leaves_every_output_as_it_was() {
    let t = Test::new().spec(SPEC).args(["build", "-o", "public"]);
    t.run().success();
    // The next build renames every ritual and adds `planning`, whose
    // feed cannot be written: a folder is in the way. It sits between
    // the others in the build's order, so a build that wrote files one by
    // one would have replaced some before failing.
    let next = SPEC
        .replace("title: ", "title: New ")
        .replace("  - id: review", "  - id: planning\n    title: Planning\n    every: wednesday\n    time: \"09:00-10:00\"\n  - id: review");
    std::fs::create_dir_all(t.path().join("public/planning.ics/keep")).expect("mkdir");
    let before = snapshot(&t.path().join("public"));
    assert!(before.len() >= 5, "{before:?}");
    let t = t.spec(&next);
    let out = t.run().status(2);
    assert_eq!(
        out.stderr,
        "error: cannot write `public/planning.ics`: is a directory; no file was changed\n"
    );
    assert_eq!(snapshot(&t.path().join("public")), before);
    let leftovers: Vec<_> = walk(&t.path().join("public"))
        .into_iter()
        .filter(|p| p.contains(".rituals-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read dir").flatten() {
        let p = e.path();
        out.push(p.display().to_string());
        if p.is_dir() {
            out.extend(walk(&p));
        }
    }
    out
}

const PAYLOAD: &str = r"\r\nATTENDEE:mailto:x@evil.example";

#[test]
fn a_title_that_forges_an_attendee_is_refused_and_nothing_is_written() {
    let spec = SPEC.replace("title: Standup", &format!("title: \"Standup{PAYLOAD}\""));
    let t = Test::new().spec(&spec).args(["build", "-o", "public"]);
    let out = t.run().status(2);
    assert!(
        out.stderr.starts_with(
            "error: expected a single line of text without control characters, found a carriage return\n"
        ),
        "{}",
        out.stderr
    );
    assert!(!t.path().join("public").exists());
}

#[test]
fn a_description_that_forges_an_attendee_stays_text() {
    let spec = SPEC.replace(
        "    title: Standup\n",
        &format!("    title: Standup\n    description: \"Notes{PAYLOAD}\\nBEGIN:VALARM\"\n"),
    );
    let t = Test::new().spec(&spec).args(["build", "-o", "public"]);
    t.run().success();
    for feed in [
        "public/rituals.ics",
        "public/standup.ics",
        "public/people/alice.ics",
    ] {
        let text = std::fs::read_to_string(t.path().join(feed)).expect("feed");
        let props = properties(&text);
        assert!(
            !props.iter().any(|(name, _)| name == "ATTENDEE"),
            "{feed} has an ATTENDEE line:\n{text}"
        );
        assert!(!props.iter().any(|(n, v)| n == "BEGIN" && v == "VALARM"));
        let description = props
            .iter()
            .find(|(n, _)| n == "DESCRIPTION")
            .map(|(_, v)| v.as_str());
        assert_eq!(
            description,
            // Unescaped by the parser: CR LF became one line break.
            Some("Notes\nATTENDEE:mailto:x@evil.example\nBEGIN:VALARM"),
            "{feed}"
        );
    }
}
