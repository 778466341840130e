//! Issue 14: ranges in `closed` and `skip` (dated, yearly, labelled),
//! regional holidays and lists of regions, as the feeds and the agenda
//! show them.

use crate::harness::Test;

/// The EXDATE lines of a feed, in order.
fn exdates(ics: &str) -> Vec<&str> {
    ics.lines().filter(|l| l.starts_with("EXDATE")).collect()
}

/// The lines of `rituals agenda`, runs of spaces (column padding) as one.
fn agenda(t: &Test, from: &str, to: &str) -> Vec<String> {
    let out = t.run_args(["agenda", "--from", from, "--to", to]).success();
    out.stdout
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn case_17_a_summer_break_range_in_skip_excludes_the_six_mondays() {
    let t = Test::new().spec(include_str!("../fixtures/cases/17-summer-break-range.yaml"));
    let out = t.run_args(["print"]).success();
    assert_eq!(
        exdates(&out.stdout),
        [
            "EXDATE;TZID=Europe/Paris:20260713T100000",
            "EXDATE;TZID=Europe/Paris:20260720T100000",
            "EXDATE;TZID=Europe/Paris:20260727T100000",
            "EXDATE;TZID=Europe/Paris:20260803T100000",
            "EXDATE;TZID=Europe/Paris:20260810T100000",
            "EXDATE;TZID=Europe/Paris:20260817T100000",
        ]
    );
    let lines = agenda(&t, "2026-07-06", "2026-08-24");
    assert_eq!(
        lines.first().unwrap(),
        "2026-07-06 lundi 10:00–11:00 Weekly"
    );
    assert_eq!(lines.last().unwrap(), "2026-08-24 lundi 10:00–11:00 Weekly");
    assert_eq!(lines.iter().filter(|l| l.ends_with("[annulé]")).count(), 6);
}

#[test]
fn a_skip_range_removes_exactly_the_occurrences_inside_it() {
    let t = Test::new().spec(
        "calendar: {name: T, timezone: Europe/Paris, domain: example.org, since: 2026-09-07, language: en}\n\
         rituals:\n\
         \x20 - id: sync\n\
         \x20   title: Sync\n\
         \x20   every: monday, friday\n\
         \x20   time: \"09:00-09:15\"\n\
         \x20   skip: [2026-10-19..2026-10-30]\n",
    );
    assert_eq!(
        agenda(&t, "2026-10-16", "2026-11-02"),
        [
            "2026-10-16 Friday 09:00–09:15 Sync",
            "2026-10-19 Monday 09:00–09:15 Sync [cancelled]",
            "2026-10-23 Friday 09:00–09:15 Sync [cancelled]",
            "2026-10-26 Monday 09:00–09:15 Sync [cancelled]",
            "2026-10-30 Friday 09:00–09:15 Sync [cancelled]",
            "2026-11-02 Monday 09:00–09:15 Sync",
        ]
    );
    let ics = t.run_args(["print"]).success().stdout;
    assert_eq!(
        exdates(&ics),
        [
            "EXDATE;TZID=Europe/Paris:20261019T090000",
            "EXDATE;TZID=Europe/Paris:20261023T090000",
            "EXDATE;TZID=Europe/Paris:20261026T090000",
            "EXDATE;TZID=Europe/Paris:20261030T090000",
        ]
    );
}

#[test]
fn a_rotation_across_a_closed_range_continues_with_the_next_person() {
    let t = Test::new().spec(
        "calendar:\n  name: Team\n  timezone: Europe/Paris\n  domain: example.org\n  since: 2026-06-01\n  horizon: 2026-12-31\n  closed:\n    - {from: 2026-07-13, to: 2026-08-21, label: vacances d'été}\n    - {from: 2026-11-30, to: 2026-12-04, label: séminaire}\n\
         people:\n  - {id: alice, name: Alice Martin}\n  - {id: bob, name: Bob Durand}\n  - {id: carol, name: Carol Petit}\n\
         rituals:\n  - id: news\n    title: News\n    every: monday\n    time: \"10:00-10:30\"\n    rotation:\n      people: [alice, bob, carol]\n",
    );
    assert_eq!(
        agenda(&t, "2026-06-29", "2026-08-31"),
        [
            "2026-06-29 lundi 10:00–10:30 News — Bob Durand",
            "2026-07-06 lundi 10:00–10:30 News — Carol Petit",
            "2026-07-13 lundi 10:00–10:30 News [vacances d'été]",
            "2026-07-20 lundi 10:00–10:30 News [vacances d'été]",
            "2026-07-27 lundi 10:00–10:30 News [vacances d'été]",
            "2026-08-03 lundi 10:00–10:30 News [vacances d'été]",
            "2026-08-10 lundi 10:00–10:30 News [vacances d'été]",
            "2026-08-17 lundi 10:00–10:30 News [vacances d'été]",
            "2026-08-24 lundi 10:00–10:30 News — Alice Martin",
            "2026-08-31 lundi 10:00–10:30 News — Bob Durand",
        ]
    );
    // The page (built on 2026-11-28, the harness's clock) says why, with
    // the label, and the next turn is the next person's.
    let out = t.run_args(["build", "-o", "public"]).success();
    // French typography puts no-break spaces in times: plain ones here.
    let page = out.read("public/index.html").replace('\u{a0}', " ");
    assert!(
        page.contains(
            "<li class=\"skipped\"><del><time datetime=\"2026-11-30T10:00\">lundi 30 novembre 2026, <span class=\"nowrap\">10 h – 10 h 30</span></time></del> <span class=\"tag\">(annulé, séminaire)</span></li>\n\
             <li><time datetime=\"2026-12-07T10:00\">lundi 7 décembre 2026, <span class=\"nowrap\">10 h – 10 h 30</span></time> — Présentation : Carol Petit</li>"
        ),
        "{page}"
    );
}

#[test]
fn a_yearly_closed_range_without_label_says_fermeture_and_office_closed() {
    let spec = |lang: &str| {
        format!(
            "calendar: {{name: T, timezone: Europe/Paris, domain: example.org, since: 2026-01-05, horizon: 2028-12-31, language: {lang}, closed: [12-24..01-01]}}\n\
             rituals: [{{id: m, title: M, every: monday, time: \"10:00-11:00\"}}]\n"
        )
    };
    let fr = Test::new().spec(&spec("fr"));
    assert_eq!(
        agenda(&fr, "2027-12-20", "2028-01-03"),
        [
            "2027-12-20 lundi 10:00–11:00 M",
            "2027-12-27 lundi 10:00–11:00 M [fermeture]",
            "2028-01-03 lundi 10:00–11:00 M",
        ]
    );
    let en = Test::new().spec(&spec("en"));
    assert_eq!(
        agenda(&en, "2026-12-28", "2026-12-28"),
        ["2026-12-28 Monday 10:00–11:00 M [office closed]"]
    );
    // Past the horizon (2028-12-31) a yearly range has no EXDATE: it
    // recurs for ever (24 and 31 December 2029 are Mondays).
    let ics = en.run_args(["print"]).success().stdout;
    assert_eq!(
        exdates(&ics),
        [
            "EXDATE;TZID=Europe/Paris:20261228T100000",
            "EXDATE;TZID=Europe/Paris:20271227T100000",
            "EXDATE;TZID=Europe/Paris:20281225T100000",
        ]
    );
}

#[test]
fn alsace_moselle_skips_good_friday_and_a_list_is_a_union() {
    let spec = |holidays: &str| {
        format!(
            "calendar: {{name: T, timezone: Europe/Paris, domain: example.org, since: 2026-01-02, horizon: 2026-12-31, language: en, holidays: {holidays}}}\n\
             rituals: [{{id: f, title: F, every: friday, time: \"10:00-11:00\"}}, {{id: t, title: T, every: tuesday, time: \"10:00-11:00\"}}]\n"
        )
    };
    let paris = Test::new().spec(&spec("FR"));
    let strasbourg = Test::new().spec(&spec("FR-67"));
    let good_friday = "2026-04-03 Friday 10:00–11:00 F";
    assert!(agenda(&paris, "2026-04-03", "2026-04-03").contains(&good_friday.to_owned()));
    assert_eq!(
        agenda(&strasbourg, "2026-04-03", "2026-04-03"),
        [format!("{good_friday} [public holiday: Good Friday]")]
    );
    // Brussels–Paris: 14 July (FR) and 21 July (BE) are both Tuesdays.
    let both = Test::new().spec(&spec("[FR, BE]"));
    let july: Vec<String> = agenda(&both, "2026-07-14", "2026-07-21")
        .into_iter()
        .filter(|l| l.ends_with(']'))
        .collect();
    assert_eq!(
        july,
        [
            "2026-07-14 Tuesday 10:00–11:00 T [public holiday: Bastille Day]",
            "2026-07-21 Tuesday 10:00–11:00 T [public holiday: National Day]",
        ]
    );
}

#[test]
fn a_yearly_skip_range_pauses_one_ritual_every_summer() {
    let t = Test::new().spec(
        "calendar: {name: T, timezone: Europe/Paris, domain: example.org, since: 2026-01-05, horizon: 2027-12-31, language: en}\n\
         rituals:\n\
         \x20 - id: irc\n\
         \x20   title: IRC\n\
         \x20   every: monday\n\
         \x20   time: \"16:00-17:00\"\n\
         \x20   skip: [{from: 08-01, to: 08-31, label: summer pause}]\n",
    );
    let august: Vec<String> = agenda(&t, "2027-07-26", "2027-09-06");
    assert_eq!(
        august,
        [
            "2027-07-26 Monday 16:00–17:00 IRC",
            "2027-08-02 Monday 16:00–17:00 IRC [summer pause]",
            "2027-08-09 Monday 16:00–17:00 IRC [summer pause]",
            "2027-08-16 Monday 16:00–17:00 IRC [summer pause]",
            "2027-08-23 Monday 16:00–17:00 IRC [summer pause]",
            "2027-08-30 Monday 16:00–17:00 IRC [summer pause]",
            "2027-09-06 Monday 16:00–17:00 IRC",
        ]
    );
}
