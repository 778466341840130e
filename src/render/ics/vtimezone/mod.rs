//! VTIMEZONE components (RFC 5545 §3.6.5) computed from chrono-tz's copy of
//! the tz database.
//!
//! # What a client does with our output
//!
//! §3.6.5: each STANDARD/DAYLIGHT observance is a set of *onsets*: its
//! DTSTART plus any RRULE/RDATE occurrences. DTSTART and RDATE are local
//! wall time in the observance's TZOFFSETFROM (the offset in force just
//! before the onset). At any instant the observance in force is the one with
//! the latest onset at or before it, and its TZOFFSETTO is the UTC offset.
//! Clients use only the offsets; STANDARD vs DAYLIGHT and TZNAME are labels.
//!
//! # Range covered
//!
//! [`ZoneInfo::new`] covers local years `first_year..=last_year` exactly:
//! every offset change in those years is an onset, and the offset in force
//! at the start of `first_year` is an onset too (the last change in the year
//! before, or a synthetic onset at `first_year`-01-01T00:00:00 with
//! TZOFFSETFROM = TZOFFSETTO), so an event on January 2 of `first_year`
//! resolves. Earlier instants are not covered. With no change in range
//! (Asia/Kolkata, UTC, Asia/Tehran after 2022) that synthetic onset is the
//! only observance.
//!
//! Onsets are found by comparing UTC offsets only (chrono-tz exposes no
//! transition list), so a change of name or DST flag alone is not an onset:
//! it changes no client's arithmetic.
//!
//! # Why RRULE form
//!
//! Outlook (and other clients that map a VTIMEZONE onto a Windows-style
//! "standard date / daylight date" pair) only handles yearly rules well, and
//! an open-ended RRULE lets every client extrapolate past `last_year`
//! instead of freezing on the last listed offset. So when, from some year
//! up to `last_year`, one kind of change recurs every year by one rule that
//! RRULE can express (nth or last weekday of a month, weekday on or after a
//! day, fixed day), it becomes one observance with an RRULE and no UNTIL.
//! Changes that follow no such rule are listed as DTSTART + RDATE.

mod observance;
mod transitions;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::{Datelike, NaiveDateTime, Timelike};
use chrono_tz::Tz;

use super::content_line::{ContentWriter, Value};
use observance::{DayRule, Observance, YearlyRule, observances};
use transitions::{Kind, in_force_and_transitions};

/// Transitions and observances of one zone, computed once per zone per build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneInfo {
    tzid: &'static str,
    observances: Vec<Observance>,
}

impl ZoneInfo {
    /// Computes the zone's transitions for [first_year, last_year] inclusive.
    ///
    /// A reversed range means `first_year` alone. Panics only for years
    /// outside chrono's range (about ±262,000).
    pub fn new(tz: Tz, first_year: i32, last_year: i32) -> ZoneInfo {
        let last_year = last_year.max(first_year);
        let transitions = in_force_and_transitions(tz, first_year, last_year);
        ZoneInfo {
            tzid: tz.name(),
            observances: observances(&transitions, last_year),
        }
    }

    /// Appends BEGIN:VTIMEZONE ... END:VTIMEZONE.
    pub fn write(&self, w: &mut ContentWriter) {
        w.begin("VTIMEZONE");
        w.property("TZID", &[], Value::Text(self.tzid));
        for o in &self.observances {
            let component = match o.kind {
                Kind::Standard => "STANDARD",
                Kind::Daylight => "DAYLIGHT",
            };
            w.begin(component);
            w.property("DTSTART", &[], Value::Raw(&format_local(o.dtstart)));
            w.property("TZOFFSETFROM", &[], Value::Raw(&format_offset(o.from)));
            w.property("TZOFFSETTO", &[], Value::Raw(&format_offset(o.to)));
            if let Some(name) = &o.name {
                w.property("TZNAME", &[], Value::Text(name));
            }
            if let Some(rule) = &o.rrule {
                w.property("RRULE", &[], Value::Raw(&format_rule(rule)));
            }
            // DTSTART repeated as the first RDATE: ical.js (Thunderbird)
            // takes the onsets of an observance that has RDATEs but no RRULE
            // from its RDATEs alone and drops DTSTART, which left events
            // before the second onset at UTC+0 (tests/interop.rs found it
            // on America/Santiago and Asia/Tehran). A repeated instance is
            // harmless: a recurrence set counts each instant once (§3.8.5.2).
            if o.rrule.is_none() && !o.rdates.is_empty() {
                w.property("RDATE", &[], Value::Raw(&format_local(o.dtstart)));
            }
            for rdate in &o.rdates {
                w.property("RDATE", &[], Value::Raw(&format_local(*rdate)));
            }
            w.end(component);
        }
        w.end("VTIMEZONE");
    }
}

/// DATE-TIME in local ("floating") form, as §3.6.5 requires for DTSTART and
/// RDATE in observances.
fn format_local(t: NaiveDateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// UTC-OFFSET (§3.3.14): ±HHMM, with seconds only when there are some.
/// Zero is "+0000": "-0000" is not allowed.
fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs / 60 % 60, abs % 60);
    if s == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{s:02}")
    }
}

fn format_rule(rule: &YearlyRule) -> String {
    let month = rule.month;
    match rule.day {
        DayRule::MonthDay(d) => format!("FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={d}"),
        DayRule::Last(w) => format!(
            "FREQ=YEARLY;BYMONTH={month};BYDAY=-1{}",
            crate::model::ical_day(w)
        ),
        DayRule::Nth(n, w) => format!(
            "FREQ=YEARLY;BYMONTH={month};BYDAY={n}{}",
            crate::model::ical_day(w)
        ),
        DayRule::OnOrAfter(k, w) => {
            let days: Vec<String> = (k..k + 7).map(|d| d.to_string()).collect();
            format!(
                "FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={};BYDAY={}",
                days.join(","),
                crate::model::ical_day(w)
            )
        }
    }
}

/// The VTIMEZONE of `tz` over `first_year..=last_year`, serialized: a
/// [`ZoneInfo`] computed once per process for each (zone, years). Finding
/// a zone's transitions probes its offset day by day (about a millisecond
/// for twenty years), and a build needs the same zones for its lints and
/// its feeds, a many-teams build for every team.
pub fn vtimezone_bytes(tz: Tz, first_year: i32, last_year: i32) -> Arc<[u8]> {
    type Cache = Mutex<HashMap<(&'static str, i32, i32), Arc<[u8]>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let key = (tz.name(), first_year, last_year);
    let cache = CACHE.get_or_init(Cache::default);
    // A panic elsewhere while holding the lock leaves the map as it was.
    let cached = cache
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .get(&key)
        .cloned();
    if let Some(bytes) = cached {
        return bytes;
    }
    let mut w = ContentWriter::new();
    ZoneInfo::new(tz, first_year, last_year).write(&mut w);
    let bytes: Arc<[u8]> = w.into_bytes().into();
    cache
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .insert(key, Arc::clone(&bytes));
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vtimezone(tz: Tz, first_year: i32, last_year: i32) -> String {
        let mut w = ContentWriter::new();
        ZoneInfo::new(tz, first_year, last_year).write(&mut w);
        String::from_utf8(w.into_bytes())
            .unwrap()
            .replace("\r\n", "\n")
    }

    #[test]
    fn paris_is_two_rules() {
        // The STANDARD rule starts in 2020: that onset is what is in force
        // on 2021-01-01.
        insta::assert_snapshot!(vtimezone(chrono_tz::Europe::Paris, 2021, 2036), @r"
        BEGIN:VTIMEZONE
        TZID:Europe/Paris
        BEGIN:STANDARD
        DTSTART:20201025T030000
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        TZNAME:CET
        RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
        END:STANDARD
        BEGIN:DAYLIGHT
        DTSTART:20210328T020000
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        TZNAME:CEST
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
        END:DAYLIGHT
        END:VTIMEZONE
        ");
    }

    #[test]
    fn offsets_keep_seconds_only_when_present() {
        assert_eq!(format_offset(0), "+0000");
        assert_eq!(format_offset(19_800), "+0530");
        assert_eq!(format_offset(-12_600), "-0330");
        // Africa/Monrovia until 1972: -0:44:30.
        assert_eq!(format_offset(-2_670), "-004430");
    }

    #[test]
    fn santiago_is_sunday_on_or_after_the_2nd() {
        let text = vtimezone(chrono_tz::America::Santiago, 2024, 2036);
        assert!(
            text.contains("RRULE:FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=2,3,4,5,6,7,8;BYDAY=SU\n"),
            "{text}"
        );
        assert!(
            text.contains("RRULE:FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=2,3,4,5,6,7,8;BYDAY=SU\n"),
            "{text}"
        );
    }

    #[test]
    fn new_york_is_second_and_first_sunday() {
        let text = vtimezone(chrono_tz::America::New_York, 2024, 2036);
        assert!(text.contains("DTSTART:20231105T020000\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nTZNAME:EST\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\n"), "{text}");
        assert!(text.contains("DTSTART:20240310T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400\nTZNAME:EDT\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\n"), "{text}");
    }

    /// One year cannot show a rule: everything is listed, nothing is
    /// extrapolated.
    #[test]
    fn a_single_year_is_listed() {
        insta::assert_snapshot!(vtimezone(chrono_tz::Europe::Paris, 2024, 2024), @r"
        BEGIN:VTIMEZONE
        TZID:Europe/Paris
        BEGIN:STANDARD
        DTSTART:20231029T030000
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        TZNAME:CET
        RDATE:20231029T030000
        RDATE:20241027T030000
        END:STANDARD
        BEGIN:DAYLIGHT
        DTSTART:20240331T020000
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        TZNAME:CEST
        END:DAYLIGHT
        END:VTIMEZONE
        ");
    }

    #[test]
    fn reversed_range_is_one_year() {
        assert_eq!(
            ZoneInfo::new(chrono_tz::Europe::Paris, 2024, 2020),
            ZoneInfo::new(chrono_tz::Europe::Paris, 2024, 2024)
        );
    }

    /// Tehran's last change was in September 2022; with none in range, one
    /// observance from January 1 is all a client needs.
    #[test]
    fn tehran_after_2022_is_one_observance() {
        insta::assert_snapshot!(vtimezone(chrono_tz::Asia::Tehran, 2023, 2036), @r"
        BEGIN:VTIMEZONE
        TZID:Asia/Tehran
        BEGIN:STANDARD
        DTSTART:20230101T000000
        TZOFFSETFROM:+0330
        TZOFFSETTO:+0330
        END:STANDARD
        END:VTIMEZONE
        ");
    }
}
