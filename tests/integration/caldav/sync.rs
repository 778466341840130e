//! Done when 1 to 3 (issue 16): seed, re-publish, edit, remove, and a
//! foreign event in the same calendar.

use super::readback::{assert_matches_agenda, uids};
use super::server::{Kind, start_or_skip};
use super::{Ctx, EPOCH, FOREIGN, UIDS, edit_spec, publish, resource_of, sequence_of, summary};

/// Done when 1 and 2: seed an empty calendar, one resource per UID whose
/// expansion equals the agenda; publishing again sends no PUT or DELETE.
fn seed_then_republish(kind: Kind, test: &str) {
    let Some(server) = start_or_skip(kind, test) else {
        return;
    };
    let mut t = Ctx::new();
    let dry = publish(&t, &server, &["--dry-run"]).status(1);
    let expected: Vec<String> = UIDS.iter().map(|u| format!("create  {u}")).collect();
    let mut got: Vec<&str> = dry.stdout.lines().collect();
    got.sort_unstable();
    assert_eq!(got, expected);
    assert_eq!(server.stored().len(), 0, "--dry-run wrote nothing");

    let out = publish(&t, &server, &[]).success();
    assert_eq!(out.stdout, summary(&server, 9, 0, 0, 0));
    assert!(
        out.stderr.contains("publishing 9/9: "),
        "progress on stderr: {}",
        out.stderr
    );
    let stored = server.stored();
    let names: Vec<String> = stored.keys().cloned().collect();
    let want: Vec<String> = UIDS.iter().map(|u| format!("{u}.ics")).collect();
    assert_eq!(names, want, "one resource per UID, named <uid>.ics");
    for (name, bytes) in &stored {
        let text = String::from_utf8_lossy(bytes);
        let uid = name.trim_end_matches(".ics");
        assert_eq!(
            uids(&text),
            [uid.to_owned()].into(),
            "{name} holds only its UID"
        );
        assert!(
            !text.contains("METHOD:"),
            "no METHOD in a CalDAV resource (RFC 4791 §4.1)"
        );
    }
    assert_eq!(
        sequence_of(&resource_of(&server, "demo+alice@example.org").1).len(),
        1,
        "one VEVENT for all of a presenter's turns"
    );
    assert_matches_agenda(&server, t.path(), None);

    // Later, with nothing changed: the server's stamps are kept.
    t.epoch = (EPOCH.parse::<i64>().expect("epoch") + 86_400).to_string();
    let before = (server.writes_marker(), server.stored());
    let again = publish(&t, &server, &[]).success();
    assert_eq!(again.stdout, summary(&server, 0, 0, 0, 9));
    assert_eq!(again.stderr, "");
    assert_eq!(
        (server.writes_marker(), server.stored()),
        before,
        "a current calendar gets no PUT or DELETE"
    );
    let dry = publish(&t, &server, &["--dry-run"]).success();
    assert_eq!(dry.stdout, "");
}

#[test]
fn radicale_seed_then_republish_changes_nothing() {
    seed_then_republish(
        Kind::Radicale,
        "radicale_seed_then_republish_changes_nothing",
    );
}

#[test]
fn xandikos_seed_then_republish_changes_nothing() {
    seed_then_republish(
        Kind::Xandikos,
        "xandikos_seed_then_republish_changes_nothing",
    );
}

/// Done when 3: an edit updates only its UID with SEQUENCE + 1, a removed
/// ritual's resources are deleted, a foreign event is never touched.
fn edit_remove_foreign(kind: Kind, test: &str) {
    let Some(server) = start_or_skip(kind, test) else {
        return;
    };
    let mut t = Ctx::new();
    let foreign = t.path().join("foreign.ics");
    std::fs::write(&foreign, FOREIGN).expect("foreign");
    server.dav(&[
        "put",
        &format!("{}birthday.ics", server.url),
        &foreign.display().to_string(),
    ]);
    let foreign_stored = server.stored()["birthday.ics"].clone();

    publish(&t, &server, &[]).success();
    let before = server.stored();
    assert_eq!(
        sequence_of(&resource_of(&server, "lunch@example.org").1),
        [0]
    );

    // A day later, the lunch moves by a quarter of an hour.
    t.epoch = (EPOCH.parse::<i64>().expect("epoch") + 86_400).to_string();
    edit_spec(&t, "time: \"12:00-13:30\"", "time: \"12:15-13:45\"");
    let dry = publish(&t, &server, &["--dry-run"]).status(1);
    assert_eq!(dry.stdout, "update  lunch@example.org\n");
    let out = publish(&t, &server, &[]).success();
    assert_eq!(out.stdout, summary(&server, 0, 1, 0, 8));
    let after = server.stored();
    for (name, bytes) in &before {
        if name == "lunch@example.org.ics" {
            let text = String::from_utf8_lossy(&after[name]).into_owned();
            assert_eq!(sequence_of(&text), [1], "SEQUENCE + 1");
            assert!(
                text.contains("DTSTAMP:20261129T000000Z"),
                "DTSTAMP bumped: {text}"
            );
            assert!(String::from_utf8_lossy(bytes).contains("DTSTAMP:20261128T000000Z"));
            assert!(text.contains("T121500"), "the new time is on the server");
        } else {
            assert_eq!(&after[name], bytes, "{name} untouched by the edit");
        }
    }
    assert_matches_agenda(&server, t.path(), None);
    assert_eq!(server.stored()["birthday.ics"], foreign_stored);

    // Remove `planning` (both its UIDs).
    let spec = std::fs::read_to_string(t.path().join("rituals.yaml")).expect("spec");
    let start = spec.find("  - id: planning").expect("planning");
    let end = spec.find("  - id: offsite").expect("offsite");
    std::fs::write(
        t.path().join("rituals.yaml"),
        format!("{}{}", &spec[..start], &spec[end..]),
    )
    .expect("spec");
    let dry = publish(&t, &server, &["--dry-run"]).status(1);
    let mut lines: Vec<&str> = dry.stdout.lines().collect();
    lines.sort_unstable();
    assert_eq!(
        lines,
        [
            "delete  planning.20270906@example.org",
            "delete  planning@example.org"
        ]
    );
    let out = publish(&t, &server, &[]).success();
    assert_eq!(out.stdout, summary(&server, 0, 0, 2, 7));
    let names: Vec<String> = server.stored().keys().cloned().collect();
    assert!(
        !names.iter().any(|n| n.starts_with("planning")),
        "{names:?}"
    );
    assert_eq!(
        names.len(),
        8,
        "seven of ours and the foreign event: {names:?}"
    );
    assert_matches_agenda(&server, t.path(), None);

    assert_eq!(
        server.stored()["birthday.ics"],
        foreign_stored,
        "the foreign event is byte-identical"
    );
}

#[test]
fn radicale_edit_remove_and_foreign_event() {
    edit_remove_foreign(Kind::Radicale, "radicale_edit_remove_and_foreign_event");
}

#[test]
fn xandikos_edit_remove_and_foreign_event() {
    edit_remove_foreign(Kind::Xandikos, "xandikos_edit_remove_and_foreign_event");
}

/// `--person`: the person's feed (their own UIDs and turns) into their
/// own calendar, read back equal to `rituals agenda --person`.
#[test]
fn radicale_person_feed() {
    let Some(server) = start_or_skip(Kind::Radicale, "radicale_person_feed") else {
        return;
    };
    let t = Ctx::new();
    let out = publish(&t, &server, &["--person", "alice"]).success();
    assert_eq!(out.stdout, summary(&server, 7, 0, 0, 0));
    let names: Vec<String> = server.stored().keys().cloned().collect();
    assert!(
        names.contains(&"demo.alice@example.org.ics".to_owned()),
        "{names:?}"
    );
    assert_matches_agenda(&server, t.path(), Some("alice"));
    let out = publish(&t, &server, &["--person", "alice", "--dry-run"]).success();
    assert_eq!(out.stdout, "");
    let out = t
        .run(&["publish", &server.url, "--person", "zoe"], &[])
        .status(2);
    assert_eq!(out.stderr, "error: no person has the id `zoe`\n");
}
