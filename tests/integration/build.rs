//! The foundation: `build`, `print`, `agenda`, determinism, basic errors.

use crate::harness::{EPOCH, Test, project_spec, snapshot};

#[test]
fn build_writes_the_team_feed_and_one_per_ritual() {
    let t = Test::new().spec(&project_spec()).args(["build"]);
    let out = t.run().success();
    for f in [
        "public/rituals.ics",
        "public/bluehats-irc.ics",
        "public/equipe-lundi.ics",
        "public/equipe-vendredi.ics",
        "public/actualites-etalab.ics",
        "public/point-hebdo.ics",
    ] {
        assert!(
            out.stdout.contains(&format!("wrote {f}")),
            "{f} not reported:\n{}",
            out.stdout
        );
        assert!(out.read(f).starts_with("BEGIN:VCALENDAR\r\n"), "{f}");
    }
    let printed = Test::new()
        .spec(&project_spec())
        .args(["print"])
        .run()
        .success();
    assert_eq!(
        printed.stdout,
        out.read("public/rituals.ics"),
        "print and build disagree"
    );
}

#[test]
fn print_reads_stdin() {
    let out = Test::new()
        .args(["print", "-f", "-"])
        .stdin(project_spec())
        .run()
        .success();
    assert!(out.stdout.contains("SUMMARY:Permanence IRC #bluehats\r\n"));
}

#[test]
fn every_line_is_short_crlf_terminated_and_the_feed_parses() {
    let out = Test::new()
        .spec(&project_spec())
        .args(["build"])
        .run()
        .success();
    for f in ["public/rituals.ics", "public/people/alice.ics"] {
        let text = out.read(f);
        assert!(text.ends_with("\r\n"));
        for line in text.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{f}: {} octets: {line:?}", line.len());
            assert!(!line.contains('\n') && !line.contains('\r'));
        }
        let unfolded = icalendar::parser::unfold(&text);
        let cal = icalendar::parser::read_calendar(&unfolded).expect("parses");
        assert!(cal.components.iter().any(|c| c.name.as_str() == "VEVENT"));
    }
}

#[test]
fn the_seed_titles_read_as_a_subscriber_sees_them() {
    let out = Test::new()
        .spec(&project_spec())
        .args(["print"])
        .run()
        .success();
    let unfolded = icalendar::parser::unfold(&out.stdout);
    let cal = icalendar::parser::read_calendar(&unfolded).unwrap();
    let mut titles: Vec<String> = cal
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT" && c.find_prop("RECURRENCE-ID").is_none())
        .map(|c| {
            c.find_prop("SUMMARY")
                .unwrap()
                .val
                .clone()
                .unescape_text()
                .as_str()
                .to_owned()
        })
        .collect();
    titles.sort();
    // The rotation: its history before the first turn, one event per
    // presenter, and the series after the horizon.
    assert_eq!(
        titles,
        [
            "Actualités du pôle à la réunion Etalab",
            "Actualités du pôle à la réunion Etalab",
            "Actualités du pôle à la réunion Etalab — Alice Martin",
            "Actualités du pôle à la réunion Etalab — Bastien Durand",
            "Actualités du pôle à la réunion Etalab — Chloé Bernard",
            "Actualités du pôle à la réunion Etalab — David Petit",
            "Permanence IRC #bluehats",
            "Point hebdomadaire par mail",
            "Réunion d'équipe du lundi",
            "Réunion d'équipe du vendredi",
        ]
    );
    let irc = cal
        .components
        .iter()
        .find(|c| {
            c.find_prop("UID")
                .is_some_and(|u| u.val.as_str() == "bluehats-irc@code.gouv.fr")
        })
        .unwrap();
    assert_eq!(
        irc.find_prop("LOCATION").unwrap().val.as_str(),
        "irc://irc.libera.chat/#bluehats"
    );
    assert!(
        irc.find_prop("DESCRIPTION")
            .unwrap()
            .val
            .as_str()
            .contains("https://web.libera.chat/")
    );
    let mail = cal
        .components
        .iter()
        .find(|c| {
            c.find_prop("UID")
                .is_some_and(|u| u.val.as_str() == "point-hebdo@code.gouv.fr")
        })
        .unwrap();
    assert_eq!(
        mail.find_prop("TRANSP").unwrap().val.as_str(),
        "TRANSPARENT"
    );
    assert_eq!(
        mail.find_prop("URL").unwrap().val.as_str(),
        "mailto:logiciels-libres@data.gouv.fr"
    );
    assert!(mail.components.iter().any(|a| a.name.as_str() == "VALARM"));
}

#[test]
fn calendar_properties() {
    let out = Test::new()
        .spec(&project_spec())
        .args(["print"])
        .run()
        .success();
    let head: String = out
        .stdout
        .split("BEGIN:VTIMEZONE")
        .next()
        .unwrap()
        .to_owned();
    insta::assert_snapshot!(head.replace("\r\n", "\n"), @r"
    BEGIN:VCALENDAR
    VERSION:2.0
    PRODID:-//rituals//rituals 0.1.0//FR
    CALSCALE:GREGORIAN
    METHOD:PUBLISH
    NAME:Rituels du pôle logiciels libres
    X-WR-CALNAME:Rituels du pôle logiciels libres
    DESCRIPTION:Les rendez-vous réguliers du pôle logiciels libres de la DINU
     M : permanence publique sur IRC\, réunions d'équipe\, actualités à la 
     réunion Etalab et point hebdomadaire par mail.
    X-WR-CALDESC:Les rendez-vous réguliers du pôle logiciels libres de la DIN
     UM : permanence publique sur IRC\, réunions d'équipe\, actualités à la
      réunion Etalab et point hebdomadaire par mail.
    X-WR-TIMEZONE:Europe/Paris
    REFRESH-INTERVAL;VALUE=DURATION:PT12H
    X-PUBLISHED-TTL:PT12H
    ");
}

#[test]
fn agenda_keeps_local_times_across_both_dst_changes() {
    let out = Test::new()
        .spec(&project_spec())
        .args([
            "agenda",
            "--from",
            "2026-03-01",
            "--to",
            "2026-11-30",
            "--format",
            "json",
        ])
        .run()
        .success();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let items = v.as_array().unwrap();
    let local = |uid: &str, date: &str| {
        items
            .iter()
            .find(|o| o["uid"] == uid && o["start_local"].as_str().unwrap().starts_with(date))
            .map(|o| {
                (
                    o["start_local"].as_str().unwrap().to_owned(),
                    o["start_utc"].as_str().unwrap().to_owned(),
                )
            })
    };
    // Winter (UTC+1), summer (UTC+2, after 29 March), winter again (after 25 October).
    assert_eq!(
        local("bluehats-irc@code.gouv.fr", "2026-03-23"),
        Some(("2026-03-23T16:00:00".into(), "2026-03-23T15:00:00Z".into()))
    );
    assert_eq!(
        local("bluehats-irc@code.gouv.fr", "2026-03-30"),
        Some(("2026-03-30T16:00:00".into(), "2026-03-30T14:00:00Z".into()))
    );
    assert_eq!(
        local("bluehats-irc@code.gouv.fr", "2026-10-26"),
        Some(("2026-10-26T16:00:00".into(), "2026-10-26T15:00:00Z".into()))
    );
    assert_eq!(
        local("equipe-vendredi@code.gouv.fr", "2026-10-23"),
        Some(("2026-10-23T16:00:00".into(), "2026-10-23T14:00:00Z".into()))
    );
    // Every held Monday meeting is at 10:30 local, whatever the offset.
    for o in items
        .iter()
        .filter(|o| o["uid"] == "equipe-lundi@code.gouv.fr" && o["status"] == "held")
    {
        assert!(
            o["start_local"].as_str().unwrap().ends_with("T10:30:00"),
            "{o}"
        );
    }
    let mondays = items
        .iter()
        .filter(|o| o["uid"] == "equipe-lundi@code.gouv.fr")
        .count();
    assert_eq!(mondays, 40, "Mondays from 2 March to 30 November 2026");
    let text = Test::new()
        .spec(&project_spec())
        .args(["agenda", "--from", "2026-03-30", "--weeks", "1"])
        .run()
        .success();
    assert_eq!(
        text.stdout,
        "2026-03-30  lundi     09:30–09:45  Point hebdomadaire par mail
2026-03-30  lundi     10:30–11:00  Réunion d'équipe du lundi
2026-03-30  lundi     16:00–17:00  Permanence IRC #bluehats
2026-03-31  mardi     10:00–11:00  Actualités du pôle à la réunion Etalab — Alice Martin
2026-04-03  vendredi  16:00–17:00  Réunion d'équipe du vendredi
"
    );
}

#[test]
fn same_epoch_under_different_tz_gives_identical_bytes() {
    let a = Test::new()
        .spec(&project_spec())
        .args(["build"])
        .env("TZ", "Pacific/Kiritimati")
        .env("LC_ALL", "C")
        .run()
        .success();
    let b = Test::new()
        .spec(&project_spec())
        .args(["build"])
        .env("TZ", "America/Los_Angeles")
        .env("LC_ALL", "fr_FR.UTF-8")
        .run()
        .success();
    let sa = snapshot(&a.dir.join("public"));
    let sb = snapshot(&b.dir.join("public"));
    let bytes =
        |s: &std::collections::BTreeMap<std::path::PathBuf, (Vec<u8>, std::time::SystemTime)>,
         root: &std::path::Path| {
            s.iter()
                .map(|(p, (b, _))| (p.strip_prefix(root).unwrap().to_owned(), b.clone()))
                .collect::<Vec<_>>()
        };
    assert_eq!(bytes(&sa, &a.dir), bytes(&sb, &b.dir));
    assert!(a.read("public/rituals.ics").contains(&format!(
            "DTSTAMP:{}\r\n",
            chrono::DateTime::from_timestamp(EPOCH.parse().unwrap(), 0)
                .unwrap()
                .format("%Y%m%dT%H%M%SZ")
        )));
}

#[test]
fn dtstart_is_the_first_occurrence_on_or_after_since() {
    let spec = project_spec().replace("  since: 2021-01-04", "  since: 2021-01-06");
    let out = Test::new()
        .spec(&spec)
        .args(["print", "--ritual", "equipe-vendredi"])
        .run()
        .success();
    assert!(
        out.stdout
            .contains("DTSTART;TZID=Europe/Paris:20210108T160000\r\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn all_day_and_until() {
    let out = Test::new()
        .file("s.yaml", include_str!("../fixtures/valid/sydney.yaml"))
        .args(["print", "-f", "s.yaml", "--ritual", "offsite"])
        .run()
        .success();
    assert!(out.stdout.contains("DTSTART;VALUE=DATE:20250203\r\nDTEND;VALUE=DATE:20250204\r\nRRULE:FREQ=MONTHLY;BYDAY=1MO;COUNT=24\r\n"), "{}", out.stdout);
    let out = Test::new()
        .file("s.yaml", include_str!("../fixtures/valid/sydney.yaml"))
        .args(["print", "-f", "s.yaml", "--ritual", "review"])
        .run()
        .success();
    // Last Friday of June 2029 at 13:00 Sydney (UTC+10) = 03:00 UTC.
    assert!(
        out.stdout
            .contains("RRULE:FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20290629T030000Z\r\n"),
        "{}",
        out.stdout
    );
}

/// Each mistake: exit 2, file:line:column in the message, nothing written.
#[test]
fn basic_mistakes_exit_2_with_location_and_write_nothing() {
    let good = project_spec();
    let cases = [
        (
            good.replacen("    every: monday\n", "    evrey: monday\n", 1),
            "unknown field `evrey`",
            "did you mean `every`?",
        ),
        (
            good.replacen("    every: friday\n", "    every: fridya\n", 1),
            "`every` expects a weekday",
            "did you mean `friday`?",
        ),
        (
            good.replacen(
                "  timezone: Europe/Paris\n",
                "  timezone: Europe/Pariss\n",
                1,
            ),
            "unknown time zone `Europe/Pariss`",
            "did you mean `Europe/Paris`?",
        ),
        (
            good.replacen("    time: \"16:00-17:00\"\n", "    time: \"25:00\"\n", 1),
            "`time` expects",
            "",
        ),
        (
            good.replacen("  - id: equipe-lundi\n", "  - ", 1),
            "missing field `id`",
            "",
        ),
    ];
    for (spec, message, hint) in cases {
        let t = Test::new()
            .spec(&spec)
            .file("public/rituals.ics", "old")
            .args(["build"]);
        let before = snapshot(t.path());
        let out = t.run().status(2);
        assert!(out.stderr.contains(message), "{message}:\n{}", out.stderr);
        assert!(out.stderr.contains(hint), "{hint}:\n{}", out.stderr);
        let location = regex_like_location(&out.stderr);
        assert!(location, "no rituals.yaml:LINE:COL in:\n{}", out.stderr);
        assert_eq!(
            snapshot(t.path()),
            before,
            "files changed after a failed build"
        );
    }
}

fn regex_like_location(stderr: &str) -> bool {
    stderr.lines().any(|l| {
        l.trim_start()
            .strip_prefix("--> rituals.yaml:")
            .is_some_and(|rest| {
                let mut parts = rest.split([':', ' ']);
                parts.next().is_some_and(|n| n.parse::<u32>().is_ok())
                    && parts.next().is_some_and(|n| n.parse::<u32>().is_ok())
            })
    })
}
