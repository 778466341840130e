//! An oracle for `ics::vtimezone` that shares no code with it: our VTIMEZONE
//! text is parsed by the `icalendar` crate, each observance is expanded by
//! the `rrule` crate, offsets are resolved by RFC 5545 §3.6.5 (the onset
//! latest at or before an instant wins), and the result is compared with
//! chrono-tz.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};
use chrono_tz::Tz;
use proptest::prelude::*;
use rituals::render::ics::content_line::ContentWriter;
use rituals::render::ics::vtimezone::ZoneInfo;

/// Onsets as (UTC seconds, TZOFFSETTO seconds), sorted.
pub(crate) struct Vtz {
    onsets: Vec<(i64, i32)>,
    offsets: Vec<i32>,
}

fn generate(tz: Tz, first_year: i32, last_year: i32) -> String {
    let mut w = ContentWriter::new();
    ZoneInfo::new(tz, first_year, last_year).write(&mut w);
    String::from_utf8(w.into_bytes()).expect("UTF-8")
}

fn parse_offset(s: &str) -> i32 {
    let (sign, digits) = match s.as_bytes()[0] {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => panic!("offset without sign: {s}"),
    };
    assert!(digits.len() == 4 || digits.len() == 6, "bad offset {s}");
    let n = |r: std::ops::Range<usize>| digits.get(r).map_or(0, |d| d.parse::<i32>().unwrap());
    let secs = sign * (n(0..2) * 3600 + n(2..4) * 60 + n(4..6));
    assert!(secs != 0 || sign == 1, "-0000 is not a valid offset");
    secs
}

fn parse_local(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y%m%dT%H%M%S").unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// Parses one VTIMEZONE and expands its observances until `until`
/// (exclusive, UTC).
pub(crate) fn expand(text: &str, tzid: &str, until: NaiveDateTime) -> Vtz {
    for line in text.split_terminator("\r\n") {
        assert!(line.len() <= 75, "unfolded line {line:?}");
    }
    assert!(text.ends_with("\r\n"));
    let wrapped = format!("BEGIN:VCALENDAR\r\n{text}END:VCALENDAR\r\n");
    let unfolded = icalendar::parser::unfold(&wrapped);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("icalendar parses it");
    assert_eq!(cal.components.len(), 1);
    let vtz = &cal.components[0];
    assert_eq!(vtz.name.as_str(), "VTIMEZONE");
    let prop = |c: &icalendar::parser::Component, name: &str| -> Vec<String> {
        c.properties
            .iter()
            .filter(|p| p.name.as_str() == name)
            .map(|p| p.val.as_str().to_owned())
            .collect()
    };
    assert_eq!(prop(vtz, "TZID"), vec![tzid.to_owned()]);
    assert!(!vtz.components.is_empty());

    let mut onsets = Vec::new();
    let mut offsets = Vec::new();
    for obs in &vtz.components {
        assert!(
            ["STANDARD", "DAYLIGHT"].contains(&obs.name.as_str()),
            "{}",
            obs.name
        );
        let one = |name: &str| {
            let v = prop(obs, name);
            assert_eq!(v.len(), 1, "{name} in {text}");
            v[0].clone()
        };
        let dtstart = parse_local(&one("DTSTART"));
        let from = parse_offset(&one("TZOFFSETFROM"));
        let to = parse_offset(&one("TZOFFSETTO"));
        offsets.extend([from, to]);
        let rrules = prop(obs, "RRULE");
        let rdates: Vec<String> = prop(obs, "RDATE")
            .iter()
            .flat_map(|v| v.split(','))
            .map(|d| {
                parse_local(d);
                format!("{d}Z")
            })
            .collect();

        // §3.6.5: DTSTART/RDATE are wall time in TZOFFSETFROM. Expanding
        // the wall times as if they were UTC and then subtracting the offset
        // keeps the rrule crate clear of any DST of its own.
        let mut walls = vec![dtstart];
        if !rrules.is_empty() || !rdates.is_empty() {
            let mut set = format!("DTSTART:{}Z", one("DTSTART"));
            for r in &rrules {
                assert!(!r.contains("UNTIL") && !r.contains("COUNT"), "{r}");
                set.push_str(&format!("\nRRULE:{r}"));
            }
            if !rdates.is_empty() {
                set.push_str(&format!("\nRDATE:{}", rdates.join(",")));
            }
            let set: rrule::RRuleSet = set.parse().unwrap_or_else(|e| panic!("{set}: {e}"));
            let before = rrule::Tz::UTC.from_utc_datetime(&(until + chrono::Duration::days(2)));
            let result = set.before(before).all(u16::MAX);
            assert!(!result.limited);
            let expanded: Vec<NaiveDateTime> = result.dates.iter().map(|d| d.naive_utc()).collect();
            if !rrules.is_empty() {
                assert!(
                    expanded.contains(&dtstart),
                    "DTSTART {dtstart} not in its own RRULE"
                );
            }
            walls.extend(expanded);
        }
        for wall in walls {
            onsets.push((wall.and_utc().timestamp() - i64::from(from), to));
        }
    }
    onsets.sort();
    onsets.dedup();
    for w in onsets.windows(2) {
        assert!(w[0].0 != w[1].0, "two observances start at {}", w[0].0);
    }
    offsets.sort();
    offsets.dedup();
    Vtz { onsets, offsets }
}

impl Vtz {
    pub(crate) fn offset_at(&self, t: i64) -> Option<i32> {
        let i = self.onsets.partition_point(|(onset, _)| *onset <= t);
        i.checked_sub(1).map(|i| self.onsets[i].1)
    }

    /// RFC 5545 §3.3.5: an ambiguous local time is its first occurrence.
    /// `None` in a gap.
    fn resolve(&self, local: NaiveDateTime) -> Option<i64> {
        self.offsets
            .iter()
            .map(|off| local.and_utc().timestamp() - i64::from(*off))
            .filter(|&u| {
                self.offset_at(u)
                    .map(|o| local.and_utc().timestamp() - i64::from(o))
                    == Some(u)
            })
            .min()
    }
}

fn chrono_offset(tz: Tz, t: i64) -> i32 {
    let utc = DateTime::from_timestamp(t, 0).unwrap().naive_utc();
    tz.offset_from_utc_datetime(&utc).fix().local_minus_utc()
}

fn jan1(year: i32) -> i64 {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .unwrap()
        .and_time(NaiveTime::MIN)
        .and_utc()
        .timestamp()
}

/// Local midnight of January 1 is at most this far from UTC midnight.
const MAX_OFFSET: i64 = 15 * 3600;

/// Every onset is exact: chrono-tz changes offset at that second and not
/// one second earlier.
fn check_onsets(tz: Tz, vtz: &Vtz, from: i64, to: i64) {
    for &(onset, off) in &vtz.onsets {
        if onset <= from || onset >= to {
            continue;
        }
        assert_eq!(chrono_offset(tz, onset), off, "{tz} at onset {onset}");
        assert_eq!(
            Some(chrono_offset(tz, onset - 1)),
            vtz.offset_at(onset - 1),
            "{tz} just before onset {onset}"
        );
    }
}

const ZONES: &[Tz] = &[
    chrono_tz::Europe::Paris,
    chrono_tz::America::New_York,
    chrono_tz::America::Santiago,
    chrono_tz::Australia::Lord_Howe,
    chrono_tz::Australia::Sydney,
    chrono_tz::Asia::Tehran,
    chrono_tz::Europe::Dublin,
    chrono_tz::America::St_Johns,
    chrono_tz::Pacific::Chatham,
    chrono_tz::Asia::Kolkata,
    chrono_tz::UTC,
    chrono_tz::America::Sao_Paulo,
    chrono_tz::Africa::Casablanca,
];

const FIRST: i32 = 2020;
const LAST: i32 = 2036;

#[test]
fn every_utc_hour_matches_chrono_tz() {
    for &tz in ZONES {
        let text = generate(tz, FIRST, LAST);
        let end = jan1(LAST + 1);
        let vtz = expand(
            &text,
            tz.name(),
            DateTime::from_timestamp(end, 0).unwrap().naive_utc(),
        );
        let start = jan1(FIRST) + MAX_OFFSET;
        let stop = end - MAX_OFFSET;
        let mut t = start;
        while t < stop {
            assert_eq!(
                vtz.offset_at(t),
                Some(chrono_offset(tz, t)),
                "{tz} at {}\n{text}",
                DateTime::from_timestamp(t, 0).unwrap()
            );
            t += 3600;
        }
        check_onsets(tz, &vtz, start, stop);
    }
}

#[test]
fn local_times_resolve_like_chrono_tz() {
    let times = [(0, 30), (2, 30), (9, 0), (16, 0), (23, 30)]
        .map(|(h, m)| NaiveTime::from_hms_opt(h, m, 0).unwrap());
    for &tz in ZONES {
        let text = generate(tz, FIRST, LAST);
        let vtz = expand(
            &text,
            tz.name(),
            DateTime::from_timestamp(jan1(LAST + 1), 0)
                .unwrap()
                .naive_utc(),
        );
        let mut day = NaiveDate::from_ymd_opt(FIRST, 1, 1).unwrap();
        let mut checked = 0;
        while day.year_ce().1 <= LAST as u32 {
            for time in times {
                let local = day.and_time(time);
                let expected = match tz.from_local_datetime(&local) {
                    chrono::LocalResult::Single(a) => a.timestamp(),
                    chrono::LocalResult::Ambiguous(a, b) => a.timestamp().min(b.timestamp()),
                    chrono::LocalResult::None => continue,
                };
                assert_eq!(
                    vtz.resolve(local),
                    Some(expected),
                    "{tz} at local {local}\n{text}"
                );
                checked += 1;
            }
            day = day.succ_opt().unwrap();
        }
        assert!(checked > 30_000, "{tz}: only {checked} local times");
    }
}

#[test]
fn paris_text_has_rrules_and_crlf() {
    let text = generate(chrono_tz::Europe::Paris, FIRST, LAST);
    assert!(text.contains("\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"));
    assert!(text.contains("\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'));
}

/// Zones with no change in range: one observance, in force from January 1.
#[test]
fn fixed_zones_have_one_standard_observance() {
    for (tz, off) in [
        (chrono_tz::Asia::Kolkata, "+0530"),
        (chrono_tz::UTC, "+0000"),
        (chrono_tz::Asia::Tehran, "+0330"),
    ] {
        let text = generate(tz, 2024, 2036);
        assert_eq!(
            text,
            format!(
                "BEGIN:VTIMEZONE\r\nTZID:{}\r\nBEGIN:STANDARD\r\nDTSTART:20240101T000000\r\n\
                 TZOFFSETFROM:{off}\r\nTZOFFSETTO:{off}\r\n{}END:STANDARD\r\nEND:VTIMEZONE\r\n",
                tz.name(),
                if tz == chrono_tz::UTC {
                    "TZNAME:UTC\r\n"
                } else if tz == chrono_tz::Asia::Kolkata {
                    "TZNAME:IST\r\n"
                } else {
                    ""
                }
            )
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Any zone, any range: random instants and every onset agree with
    /// chrono-tz.
    #[test]
    fn random_zone_and_instants(
        zone in 0..chrono_tz::TZ_VARIANTS.len(),
        first in 1975i32..2040,
        span in 0i32..20,
        instants in proptest::collection::vec(0.0f64..1.0, 64),
    ) {
        let tz = chrono_tz::TZ_VARIANTS[zone];
        let last = first + span;
        let text = generate(tz, first, last);
        let end = jan1(last + 1);
        let vtz = expand(&text, tz.name(), DateTime::from_timestamp(end, 0).unwrap().naive_utc());
        let start = jan1(first) + MAX_OFFSET;
        let stop = end - MAX_OFFSET;
        for f in instants {
            let t = start + ((stop - start) as f64 * f) as i64;
            prop_assert_eq!(vtz.offset_at(t), Some(chrono_offset(tz, t)), "{} at {}\n{}", tz, t, text);
        }
        check_onsets(tz, &vtz, start, stop);
    }
}

/// Every zone over 1970..=2040, sampled every 12 hours: a transition scan
/// that steps over a short-lived offset (tzdata 2025b's shortest is 167 h)
/// shows up here.
#[test]
fn every_zone_twice_a_day() {
    let (first, last) = (1970, 2040);
    let end = jan1(last + 1);
    let start = jan1(first) + MAX_OFFSET;
    let stop = end - MAX_OFFSET;
    for &tz in chrono_tz::TZ_VARIANTS.iter() {
        let text = generate(tz, first, last);
        let vtz = expand(
            &text,
            tz.name(),
            DateTime::from_timestamp(end, 0).unwrap().naive_utc(),
        );
        let mut t = start;
        while t < stop {
            assert_eq!(vtz.offset_at(t), Some(chrono_offset(tz, t)), "{tz} at {t}");
            t += 12 * 3600;
        }
        check_onsets(tz, &vtz, start, stop);
    }
}

/// Brazil's 2000 DST lasted one week in these zones (Oct 8 to Oct 15), the
/// shortest-lived offset in tzdata 2025b. Several first years shift the
/// scan's sampling grid against it.
#[test]
fn one_week_offsets_are_found() {
    for tz in [
        chrono_tz::America::Boa_Vista,
        chrono_tz::America::Noronha,
        chrono_tz::America::Recife,
        chrono_tz::America::Fortaleza,
    ] {
        for first in 1985..=2000 {
            let text = generate(tz, first, 2000);
            let end = jan1(2001);
            let vtz = expand(
                &text,
                tz.name(),
                DateTime::from_timestamp(end, 0).unwrap().naive_utc(),
            );
            let mut t = jan1(2000) + MAX_OFFSET;
            while t < end - MAX_OFFSET {
                assert_eq!(
                    vtz.offset_at(t),
                    Some(chrono_offset(tz, t)),
                    "{tz} from {first} at {t}"
                );
                t += 3 * 3600;
            }
        }
    }
}

#[test]
fn open_ended_rules_extrapolate() {
    for &tz in ZONES {
        if tz == chrono_tz::Africa::Casablanca {
            continue;
        }
        let text = generate(tz, FIRST, 2030);
        let end = jan1(LAST + 1);
        let vtz = expand(
            &text,
            tz.name(),
            DateTime::from_timestamp(end, 0).unwrap().naive_utc(),
        );
        let mut t = jan1(2031);
        while t < end - MAX_OFFSET {
            assert_eq!(
                vtz.offset_at(t),
                Some(chrono_offset(tz, t)),
                "{tz} at {t}\n{text}"
            );
            t += 3600;
        }
    }
}

/// Galapagos moved from -05 to -06 at 1986-01-01T00:00 local: the change
/// is the onset in force, with no synthetic observance beside it.
#[test]
fn a_change_at_the_start_of_the_first_year() {
    let tz = chrono_tz::Pacific::Galapagos;
    let text = generate(tz, 1986, 1986);
    let vtz = expand(
        &text,
        tz.name(),
        DateTime::from_timestamp(jan1(1987), 0).unwrap().naive_utc(),
    );
    assert_eq!(text.matches("DTSTART:19860101T000000").count(), 1, "{text}");
    let t = jan1(1986) + 7 * 86_400;
    assert_eq!(vtz.offset_at(t), Some(chrono_offset(tz, t)));
}
