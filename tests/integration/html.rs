//! The subscribe page, `index.html`, as `build` writes it.

use crate::harness::{EPOCH, Test};

const SPEC: &str = include_str!("html/page.yaml");

fn page(spec: &str) -> String {
    let t = Test::new().spec(spec).args(["build", "-o", "public"]);
    t.run().success().read("public/index.html")
}

#[test]
fn english_page_snapshot() {
    insta::assert_snapshot!(page(SPEC));
}

#[test]
fn french_page_snapshot() {
    let fr = SPEC
        .replace("language: en", "language: fr")
        .replace("  url: https://example.org/cal\n", "");
    insta::assert_snapshot!(page(&fr));
}

#[test]
fn spec_text_is_escaped_everywhere() {
    let html = page(SPEC);
    assert!(html.contains("Demo &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Team &lt;rituals&gt; &amp; co"));
    assert!(html.contains("Bob &lt;b&gt;Bold&lt;/b&gt;"));
    assert!(html.contains("Ann O&#39;Neil"));
    assert!(!html.contains("<script"), "no script element at all");
    assert!(!html.contains("<b>"));
}

#[test]
fn page_is_self_contained() {
    // The one `<link>`: an empty inline icon, so browsers fetch no favicon.
    let html = page(SPEC).replacen("<link rel=\"icon\" href=\"data:,\">", "", 1);
    for needle in ["<script", "<link", "src=", "@import", "url(", "<iframe"] {
        assert!(!html.contains(needle), "the page has `{needle}`");
    }
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page(&SPEC.replace("language: en", "language: fr")).contains("<html lang=\"fr\">"));
}

#[test]
fn page_has_every_feed_and_subscribe_link() {
    let html = page(SPEC);
    for file in [
        "rituals.ics",
        "standup.ics",
        "demo.ics",
        "retro.ics",
        "townhall.ics",
        "offsite.ics",
        "old.ics",
        "changing.ics",
        "people/ann.ics",
        "people/bob.ics",
    ] {
        assert!(
            html.contains(&format!("href=\"webcal://example.org/cal/{file}\"")),
            "{file}: webcal"
        );
        assert!(
            html.contains(&format!("href=\"https://example.org/cal/{file}\"")),
            "{file}: https"
        );
        assert!(
            html.contains(&format!("href=\"{file}\" download")),
            "{file}: download"
        );
    }
    assert!(html.contains(
        "href=\"https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Fexample.org%2Fcal%2Frituals.ics\""
    ));
    assert!(html.contains(
        "href=\"https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fexample.org%2Fcal%2Frituals.ics&amp;name="
    ));
}

#[test]
fn next_dates_follow_the_build_date_and_mark_cancellations() {
    let html = page(SPEC);
    // EPOCH is Saturday 2026-11-28: the demo's next Fridays, one skipped
    // by `skip`, one by Christmas, presenters taking turns on held ones.
    assert_eq!(EPOCH, "1795824000");
    assert!(html.contains(
        "Friday 4 December 2026, <span class=\"nowrap\">4–5\u{a0}pm</span></time></del> <span class=\"tag\">(cancelled)</span>"
    ));
    assert!(html.contains("Friday 25 December 2026, <span class=\"nowrap\">4–5\u{a0}pm</span></time></del> <span class=\"tag\">(cancelled, public holiday: Christmas Day)</span>"));
    // Turns count held Fridays since 2026-01-09: 49 Fridays to 11 December,
    // less 1 and 8 May (holidays) and 4 December: 46th turn, Bob's.
    assert!(html.contains(
        "Friday 11 December 2026, <span class=\"nowrap\">4–5\u{a0}pm</span></time> — Presenter: Bob &lt;b&gt;Bold&lt;/b&gt;"
    ));
    assert!(
        html.contains("Friday 18 December 2026, <span class=\"nowrap\">4–5\u{a0}pm</span></time> — Presenter: Ann O&#39;Neil")
    );
    let later = Test::new()
        .spec(SPEC)
        .env("SOURCE_DATE_EPOCH", "1798416000") // 2026-12-28
        .args(["build", "-o", "public"])
        .run()
        .success()
        .read("public/index.html");
    assert!(!later.contains("Friday 4 December 2026"));
    assert!(later.contains("Page generated on <time datetime=\"2026-12-28\">"));
}

#[test]
fn check_ignores_the_page() {
    let t = Test::new().spec(SPEC).args(["build", "-o", "public"]);
    t.run().success();
    assert!(t.path().join("public/index.html").is_file());
    // A later build date changes the page, not the feeds: still up to date.
    Test::new()
        .spec(SPEC)
        .args([
            "build",
            "--check",
            "-o",
            t.path().join("public").to_str().unwrap(),
        ])
        .env("SOURCE_DATE_EPOCH", "1796000000")
        .run()
        .success();
}
