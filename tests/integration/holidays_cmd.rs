//! `rituals holidays CODE [YEAR]` (issue 14): what `holidays: CODE` skips.

use crate::harness::Test;

#[test]
fn lists_a_subdivisions_year_with_names() {
    let out = Test::new()
        .args(["holidays", "DE-BY", "2026", "--lang", "en"])
        .run()
        .success();
    assert_eq!(
        out.stdout,
        "DE-BY — Bayern, 2026: 13 public holidays\n\
         2026-01-01  Thursday  New Year's Day\n\
         2026-01-06  Tuesday   Epiphany\n\
         2026-04-03  Friday    Good Friday\n\
         2026-04-06  Monday    Easter Monday\n\
         2026-05-01  Friday    Labour Day\n\
         2026-05-14  Thursday  Ascension Day\n\
         2026-05-25  Monday    Whit Monday\n\
         2026-06-04  Thursday  Corpus Christi\n\
         2026-08-15  Saturday  Assumption Day\n\
         2026-10-03  Saturday  German Unity Day\n\
         2026-11-01  Sunday    All Saints' Day\n\
         2026-12-25  Friday    Christmas Day\n\
         2026-12-26  Saturday  St Stephen's Day\n"
    );
}

#[test]
fn the_year_defaults_to_the_build_clock_and_the_language_to_the_spec() {
    // SOURCE_DATE_EPOCH of the harness is in 2026; the spec says English.
    let out = Test::new()
        .spec("calendar: {name: T, timezone: Europe/Paris, domain: example.org, language: en}\nrituals: [{id: a, title: A, every: monday, time: \"10:00-11:00\", since: 2026-01-05}]\n")
        .args(["holidays", "fr-974"])
        .run()
        .success();
    assert!(
        out.stdout
            .starts_with("FR-974 — Réunion, 2026: 12 public holidays\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("2026-12-20  Sunday     Abolition of Slavery\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn an_unknown_code_lists_the_countrys_codes() {
    let out = Test::new().args(["holidays", "FR-99"]).run().status(2);
    assert_eq!(
        out.stderr,
        "error: unknown holiday region `FR-99`: known codes for FR are FR, FR-57, FR-67, FR-68, FR-971, FR-972, FR-973, FR-974, FR-976\nhint: did you mean `FR-971`?\n"
    );
}
