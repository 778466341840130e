//! Done when 4 and 5 (issue 16): an interrupted run converges, a
//! concurrent edit is a 412 that loses no write, and every failure has
//! its exact message, exit 2, and never the password.

use super::readback::assert_matches_agenda;
use super::server::{Kind, PASSWORD, USER, start_or_skip};
use super::{Ctx, EPOCH, edit_spec, publish, resource_of, sequence_of, summary};

/// Killed after three PUTs, then run again: the calendar converges, and
/// an update already made is not bumped twice.
fn interrupted_run_converges(kind: Kind, test: &str) {
    let Some(server) = start_or_skip(kind, test) else {
        return;
    };
    let mut t = Ctx::new();
    let abort = [("RITUALS_TEST_ABORT_AFTER_WRITES", "3")];
    let killed = t.run(&["publish", &server.url], &abort);
    assert!(
        killed.status != 0 && killed.status != 1 && killed.status != 2,
        "aborted: {}",
        killed.status
    );
    assert_eq!(server.stored().len(), 3, "three resources written");
    let out = publish(&t, &server, &[]).success();
    assert_eq!(out.stdout, summary(&server, 6, 0, 0, 3));
    assert_matches_agenda(&server, t.path(), None);

    t.epoch = (EPOCH.parse::<i64>().expect("epoch") + 86_400).to_string();
    edit_spec(&t, "time: \"09:30-09:45\"", "time: \"09:35-09:50\"");
    edit_spec(&t, "time: \"12:00-13:30\"", "time: \"12:15-13:45\"");
    let abort = [("RITUALS_TEST_ABORT_AFTER_WRITES", "1")];
    let killed = t.run(&["publish", &server.url], &abort);
    assert!(
        killed.status > 2 || killed.status < 0,
        "aborted: {}",
        killed.status
    );
    let out = publish(&t, &server, &[]).success();
    assert_eq!(out.stdout, summary(&server, 0, 1, 0, 8));
    for uid in ["standup@example.org", "lunch@example.org"] {
        assert_eq!(
            sequence_of(&resource_of(&server, uid).1),
            [1],
            "{uid}: one edit, SEQUENCE + 1 once"
        );
    }
    publish(&t, &server, &["--dry-run"]).success();
    assert_matches_agenda(&server, t.path(), None);
}

#[test]
fn radicale_interrupted_run_converges() {
    interrupted_run_converges(Kind::Radicale, "radicale_interrupted_run_converges");
}

#[test]
fn xandikos_interrupted_run_converges() {
    interrupted_run_converges(Kind::Xandikos, "xandikos_interrupted_run_converges");
}

/// Someone edits `standup` on the server between our read and our write:
/// 412, reported with the UID, their edit kept, the rest published, exit 1.
fn concurrent_edit_is_a_412(kind: Kind, test: &str) {
    let Some(server) = start_or_skip(kind, test) else {
        return;
    };
    let t = Ctx::new();
    publish(&t, &server, &[]).success();
    let (name, text) = resource_of(&server, "standup@example.org");
    let theirs = text.replace("SUMMARY:Standup", "SUMMARY:Standup (edited by hand)");
    assert_ne!(theirs, text);
    let file = t.path().join("theirs.ics");
    std::fs::write(&file, &theirs).expect("write");
    edit_spec(&t, "time: \"09:30-09:45\"", "time: \"09:35-09:50\"");
    edit_spec(&t, "time: \"12:00-13:30\"", "time: \"12:15-13:45\"");
    let hook = server.put_command(&name, &file);
    let out = t
        .run(
            &["publish", &server.url],
            &[("RITUALS_TEST_AFTER_LISTING", &hook)],
        )
        .status(1);
    assert_eq!(
        out.stdout,
        format!(
            "{}: 0 created, 1 updated, 0 deleted, 7 unchanged, 1 left as the server has them (412)\n",
            server.url
        )
    );
    assert_eq!(
        out.stderr,
        "conflict: standup@example.org changed on the server since it was read (412 Precondition Failed); left as the server has it, run `rituals publish` again to update it\n"
    );
    let kept = resource_of(&server, "standup@example.org").1;
    assert!(
        kept.contains("Standup (edited by hand)"),
        "no lost write: {kept}"
    );
    assert_eq!(
        sequence_of(&resource_of(&server, "lunch@example.org").1),
        [1]
    );
    // Run again: the spec is what `publish` publishes.
    let out = publish(&t, &server, &[]).success();
    assert_eq!(out.stdout, summary(&server, 0, 1, 0, 8));
    assert_matches_agenda(&server, t.path(), None);
}

#[test]
fn radicale_concurrent_edit_is_a_412() {
    concurrent_edit_is_a_412(Kind::Radicale, "radicale_concurrent_edit_is_a_412");
}

#[test]
fn xandikos_concurrent_edit_is_a_412() {
    concurrent_edit_is_a_412(Kind::Xandikos, "xandikos_concurrent_edit_is_a_412");
}

/// Exit 2 and exactly `message` on stderr, nothing on stdout.
fn fails_with(t: &Ctx, url: &str, extra: &[&str], env: &[(&str, &str)], message: &str) {
    let mut args = vec!["publish", url];
    args.extend_from_slice(extra);
    let out = t.run(&args, env).status(2);
    assert_eq!(out.stderr, message, "{args:?}");
    assert_eq!(out.stdout, "");
}

#[test]
fn radicale_errors_are_exact_and_never_show_the_password() {
    let Some(mut server) = start_or_skip(
        Kind::Radicale,
        "radicale_errors_are_exact_and_never_show_the_password",
    ) else {
        return;
    };
    let t = Ctx::new();
    let origin = format!("http://127.0.0.1:{}", server.port);
    let url = server.url.clone();

    let wrong = "Wrong-pa55word-0c7d";
    let out = t
        .run(&["publish", &url], &[("RITUALS_CALDAV_PASSWORD", wrong)])
        .status(2);
    assert_eq!(
        out.stderr,
        format!(
            "error: the CalDAV server refused the credentials for {url} (401 Unauthorized)\nhint: set RITUALS_CALDAV_USER and RITUALS_CALDAV_PASSWORD (for Nextcloud, an app password), or a ~/.netrc entry for the host\n"
        )
    );
    assert!(!out.stderr.contains(wrong) && !out.stdout.contains(wrong));
    let bobs = format!("{origin}/bob/calendar/");
    fails_with(
        &t,
        &bobs,
        &[],
        &[],
        &format!(
            "error: the CalDAV server refused these credentials access to {bobs} (403 Forbidden)\nhint: set RITUALS_CALDAV_USER and RITUALS_CALDAV_PASSWORD (for Nextcloud, an app password), or a ~/.netrc entry for the host\n"
        ),
    );
    fails_with(
        &t,
        &url,
        &[],
        &[("RITUALS_CALDAV_PASSWORD", "")],
        "error: RITUALS_CALDAV_PASSWORD is not set\nhint: set both RITUALS_CALDAV_USER and RITUALS_CALDAV_PASSWORD, or neither to use ~/.netrc\n",
    );
    let missing = format!("{origin}/{USER}/nope/");
    fails_with(
        &t,
        &missing,
        &[],
        &[],
        &format!(
            "error: {missing} was not found (404): it is not a calendar collection\nhint: a Nextcloud calendar's URL is https://HOST/remote.php/dav/calendars/USER/CALENDAR/\n"
        ),
    );
    let principal = format!("{origin}/{USER}/");
    fails_with(
        &t,
        &principal,
        &[],
        &[],
        &format!(
            "error: {principal} is not a calendar collection\nhint: give the URL of a calendar, e.g. https://HOST/remote.php/dav/calendars/USER/CALENDAR/ on Nextcloud\n"
        ),
    );
    let with_credentials = url.replace("http://", &format!("http://{USER}:{PASSWORD}@"));
    fails_with(
        &t,
        &with_credentials,
        &[],
        &[],
        "error: the CalDAV URL must not hold credentials: set RITUALS_CALDAV_USER and RITUALS_CALDAV_PASSWORD instead\n",
    );
    let https = url.replace("http://", "https://");
    let tls_origin = origin.replace("http://", "https://");
    fails_with(
        &t,
        &https,
        &[],
        &[],
        &format!(
            "error: TLS failure with {tls_origin}: received corrupt message of type InvalidContentType\nhint: check the server's certificate and the URL's host name\n"
        ),
    );

    // A server that accepts the connection and never answers.
    server.signal("-STOP");
    let out = t.run(&["publish", &url, "--timeout", "2"], &[]).status(2);
    server.signal("-CONT");
    assert_eq!(
        out.stderr,
        format!(
            "error: the CalDAV server at {origin} did not answer within 2 s\nhint: `--timeout SECS` allows more time\n"
        )
    );

    server.stop();
    fails_with(
        &t,
        &url,
        &[],
        &[],
        &format!("error: cannot reach the CalDAV server at {origin}: connection refused\n"),
    );
}

/// Credentials from ~/.netrc when the variables are unset.
#[test]
fn radicale_credentials_from_netrc() {
    let Some(server) = start_or_skip(Kind::Radicale, "radicale_credentials_from_netrc") else {
        return;
    };
    let t = Ctx::new();
    let url = server.url.clone();
    std::fs::write(
        t.path().join(".netrc"),
        format!("machine 127.0.0.1\n  login {USER}\n  password {PASSWORD}\n"),
    )
    .expect("netrc");
    let unset = [("RITUALS_CALDAV_USER", ""), ("RITUALS_CALDAV_PASSWORD", "")];
    let out = t.run(&["publish", &url, "--dry-run"], &unset).status(1);
    assert_eq!(out.stdout.lines().count(), 9, "{}", out.stdout);
}

/// A resource the server refuses (Radicale: a second resource with a UID
/// the collection already holds): its status and body excerpt, exit 2.
#[test]
fn radicale_refused_resource_shows_status_and_body() {
    let Some(server) = start_or_skip(
        Kind::Radicale,
        "radicale_refused_resource_shows_status_and_body",
    ) else {
        return;
    };
    let t = Ctx::new();
    // Someone else's resource that holds our `lunch` UID under another href.
    let lunch = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//\r\nBEGIN:VEVENT\r\nUID:lunch@example.org\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20270101T120000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let file = t.path().join("lunch.ics");
    std::fs::write(&file, lunch).expect("write");
    let hook = server.put_command("elsewhere.ics", &file);
    let out = t
        .run(
            &["publish", &server.url],
            &[("RITUALS_TEST_AFTER_LISTING", &hook)],
        )
        .status(2);
    let err = out
        .stderr
        .lines()
        .find(|l| l.starts_with("error: "))
        .unwrap_or_default();
    assert_eq!(
        err,
        "error: the CalDAV server refused lunch@example.org (PUT lunch@example.org.ics): 409 Conflict: <?xml version='1.0' encoding='utf-8'?> <error xmlns=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><C:no-uid-conflict /></error>",
        "{}",
        out.stderr
    );
    assert_eq!(
        server.stored().len(),
        9,
        "eight of ours and theirs: the rest is for a re-run"
    );
}

/// A foreign resource already sits at the href of one of our new UIDs:
/// the create is a 412 (If-None-Match: *), reported, the resource kept.
#[test]
fn radicale_create_over_a_foreign_resource_is_a_412() {
    let Some(server) = start_or_skip(
        Kind::Radicale,
        "radicale_create_over_a_foreign_resource_is_a_412",
    ) else {
        return;
    };
    let t = Ctx::new();
    let foreign = super::FOREIGN;
    let file = t.path().join("foreign.ics");
    std::fs::write(&file, foreign).expect("write");
    let href = "lunch@example.org.ics";
    server.dav(&[
        "put",
        &format!("{}{href}", server.url),
        &file.display().to_string(),
    ]);
    let theirs = server.stored()[href].clone();
    let out = publish(&t, &server, &[]).status(1);
    assert!(
        out.stderr.contains("conflict: lunch@example.org a resource already exists at lunch@example.org.ics (412 Precondition Failed); left as the server has it, run `rituals publish` again to create it\n"),
        "{}",
        out.stderr
    );
    assert_eq!(
        out.stdout,
        format!(
            "{}: 8 created, 0 updated, 0 deleted, 0 unchanged, 1 left as the server has them (412)\n",
            server.url
        )
    );
    assert_eq!(
        server.stored()[href],
        theirs,
        "the foreign resource is untouched"
    );
}

/// `publish` takes one team: a folder of specs is a usage error.
#[test]
fn publish_takes_one_spec_file() {
    let t = Ctx::new();
    std::fs::create_dir(t.path().join("teams")).expect("mkdir");
    std::fs::copy(t.path().join("rituals.yaml"), t.path().join("teams/a.yaml")).expect("copy");
    let b = super::SPEC
        .replace("name: Équipe test", "name: Équipe B")
        .replace("domain: example.org", "domain: b.example.org");
    std::fs::write(t.path().join("teams/b.yaml"), b).expect("write");
    let out = t
        .run(&["publish", "-f", "teams", "http://127.0.0.1:9/cal/"], &[])
        .status(2);
    assert_eq!(
        out.stderr,
        "error: `publish` takes one spec file, found 2 teams; publish each team's file into its own calendar\n"
    );
}

/// A real TLS server whose certificate no authority signed.
#[test]
fn xandikos_untrusted_certificate_is_a_tls_failure() {
    let Some(server) = start_or_skip(
        Kind::XandikosTls,
        "xandikos_untrusted_certificate_is_a_tls_failure",
    ) else {
        return;
    };
    let t = Ctx::new();
    fails_with(
        &t,
        &server.url,
        &[],
        &[],
        &format!(
            "error: TLS failure with https://127.0.0.1:{}: invalid peer certificate: UnknownIssuer\nhint: check the server's certificate and the URL's host name\n",
            server.port
        ),
    );
}
