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

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Offset, TimeZone, Timelike, Weekday};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use super::content_line::{ContentWriter, Value};

/// Transitions and observances of one zone, computed once per zone per build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneInfo {
    tzid: &'static str,
    observances: Vec<Observance>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    Standard,
    Daylight,
}

/// One change of UTC offset.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Transition {
    /// Wall time in `from`: what DTSTART/RDATE say.
    local: NaiveDateTime,
    /// UTC offsets in seconds east, before and after.
    from: i32,
    to: i32,
    kind: Kind,
    name: Option<String>,
}

impl Transition {
    /// Observances are keyed on everything but the onset.
    fn same_observance(&self, other: &Transition) -> bool {
        self.from == other.from
            && self.to == other.to
            && self.kind == other.kind
            && self.name == other.name
    }
}

/// How a yearly rule picks the day within its month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DayRule {
    /// BYMONTHDAY=d.
    MonthDay(u32),
    /// BYDAY=-1SU.
    Last(Weekday),
    /// BYDAY=nSU, n in 1..=4.
    Nth(u32, Weekday),
    /// BYMONTHDAY=k..k+6;BYDAY=SU, tzdata's "Sun>=k".
    OnOrAfter(u32, Weekday),
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct YearlyRule {
    month: u32,
    day: DayRule,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Observance {
    kind: Kind,
    from: i32,
    to: i32,
    name: Option<String>,
    dtstart: NaiveDateTime,
    rrule: Option<YearlyRule>,
    rdates: Vec<NaiveDateTime>,
}

impl Observance {
    fn same_observance(&self, t: &Transition) -> bool {
        self.from == t.from && self.to == t.to && self.kind == t.kind && self.name == t.name
    }
}

/// The scan step. It must be shorter than the shortest stretch during which
/// an offset is in force before the previous one returns, or both changes
/// are missed. In tzdata 2025b the shortest such stretch is 167 h (Brazil
/// 2000, Gaza's projected rules); a day leaves a wide margin and keeps the
/// scan well under a millisecond for twenty years.
const STEP_SECONDS: i64 = 86_400;

/// Runs shorter than this are listed rather than turned into an open-ended
/// RRULE: two years fit too many rules for the extrapolation to be a fair
/// guess.
const MIN_RULE_YEARS: usize = 3;

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

fn offset_at(tz: Tz, t: i64) -> i32 {
    tz.offset_from_utc_datetime(&utc(t)).fix().local_minus_utc()
}

fn utc(t: i64) -> NaiveDateTime {
    DateTime::from_timestamp(t, 0)
        .expect("scan stays within chrono's range")
        .naive_utc()
}

fn jan1_utc(year: i32) -> i64 {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .expect("year within chrono's range")
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc()
        .timestamp()
}

/// The transition at UTC second `t` (the first second of the new offset).
fn transition_at(tz: Tz, t: i64, from: i32) -> Transition {
    let after = tz.offset_from_utc_datetime(&utc(t));
    Transition {
        local: utc(t + i64::from(from)),
        from,
        to: after.fix().local_minus_utc(),
        // tzdata has negative DST (Europe/Dublin's winter GMT, Morocco's
        // Ramadan time): that is still "not the zone's standard time" to
        // chrono-tz, so it is DAYLIGHT here; the offsets stay exact.
        kind: if after.dst_offset().is_zero() {
            Kind::Standard
        } else {
            Kind::Daylight
        },
        // chrono-tz has no name where tzdata uses a numeric one ("+0330");
        // TZNAME is optional and would only repeat TZOFFSETTO, so it is left
        // out rather than rebuilt from the offset.
        name: after.abbreviation().map(str::to_owned),
    }
}

/// The onset in force at the start of `first_year` followed by every change
/// in `first_year..=last_year` (years of local wall time).
fn in_force_and_transitions(tz: Tz, first_year: i32, last_year: i32) -> Vec<Transition> {
    // One year back finds the onset in force for any zone that changes
    // yearly; zones that change less often get a synthetic one below. A day
    // of slack on each side because local and UTC years differ by <= 26 h.
    let start = jan1_utc(first_year - 1) - 86_400;
    let end = jan1_utc(last_year + 1) + 86_400;

    let mut found = Vec::new();
    let mut cur = start;
    let mut cur_offset = offset_at(tz, cur);
    while cur < end {
        let next = (cur + STEP_SECONDS).min(end);
        let next_offset = offset_at(tz, next);
        if next_offset == cur_offset {
            cur = next;
            continue;
        }
        // Invariant: offset(lo) == cur_offset != offset(hi). Restarting the
        // scan at the change finds a second change within the same step.
        let (mut lo, mut hi) = (cur, next);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if offset_at(tz, mid) == cur_offset {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let t = transition_at(tz, hi, cur_offset);
        cur = hi;
        cur_offset = t.to;
        found.push(t);
    }

    let first_local = NaiveDate::from_ymd_opt(first_year, 1, 1)
        .expect("year within chrono's range")
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists");
    let split = found.partition_point(|t| t.local < first_local);
    let in_range: Vec<Transition> = found
        .drain(split..)
        .filter(|t| t.local.year() <= last_year)
        .collect();
    let before = found.pop();
    // A change at the very start of `first_year` (Pacific/Galapagos on
    // 1986-01-01) is itself the onset in force: a synthetic one beside it
    // would be a second observance with the same onset.
    if before.is_none() && in_range.first().is_some_and(|t| t.local == first_local) {
        return in_range;
    }
    let onset_in_force = match (before, in_range.first()) {
        (Some(before), Some(_)) => before,
        // No change in range: whatever the last change was, a client needs
        // only the offset, and one observance from January 1 says it.
        (before, first_change) => {
            let offset = first_change.map_or_else(
                || before.map_or_else(|| offset_at(tz, jan1_utc(first_year)), |t| t.to),
                |t| t.from,
            );
            let at = first_local.and_utc().timestamp() - i64::from(offset);
            Transition {
                local: first_local,
                to: offset,
                ..transition_at(tz, at, offset)
            }
        }
    };
    let mut out = Vec::with_capacity(in_range.len() + 1);
    out.push(onset_in_force);
    out.extend(in_range);
    out
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .map_or(28, |d| d.day())
}

/// The fewest days `month` has in any year.
fn min_days_in_month(month: u32) -> u32 {
    match month {
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The yearly rule that gives exactly these onsets, if they fall one per
/// consecutive year in the same month at the same wall time.
fn fit_rule(run: &[&Transition]) -> Option<YearlyRule> {
    let first = run.first()?;
    let month = first.local.month();
    let time = first.local.time();
    let consecutive = run
        .windows(2)
        .all(|w| w[1].local.year() == w[0].local.year() + 1);
    if !consecutive
        || run
            .iter()
            .any(|t| t.local.month() != month || t.local.time() != time)
    {
        return None;
    }
    let days = || run.iter().map(|t| t.local.day());
    let (min_day, max_day) = (days().min()?, days().max()?);
    if min_day == max_day {
        // The same day in consecutive years is never the same weekday.
        return (min_day <= min_days_in_month(month)).then_some(YearlyRule {
            month,
            day: DayRule::MonthDay(min_day),
        });
    }
    let weekday = first.local.weekday();
    if run.iter().any(|t| t.local.weekday() != weekday) {
        return None;
    }
    // Every onset lies in the 7-day window [k, k + 6] for any k here.
    let (lo, hi) = (max_day.saturating_sub(6).max(1), min_day);
    let day = if run
        .iter()
        .all(|t| t.local.day() + 7 > days_in_month(t.local.year(), month))
    {
        // Checked before "nth": tzdata says lastSun far more often than
        // Sun>=22, and short runs can fit both.
        DayRule::Last(weekday)
    } else if let Some(k) = [1, 8, 15, 22].into_iter().find(|k| (lo..=hi).contains(k)) {
        DayRule::Nth(k / 7 + 1, weekday)
    } else if lo == hi && hi + 6 <= min_days_in_month(month) {
        // Only when the onsets pin k down: a guessed k would be extrapolated.
        DayRule::OnOrAfter(hi, weekday)
    } else {
        return None;
    };
    Some(YearlyRule { month, day })
}

fn observances(transitions: &[Transition], last_year: i32) -> Vec<Observance> {
    // For each observance key, the earliest onset from which all its onsets
    // follow one rule up to `last_year`.
    let mut in_rule = vec![false; transitions.len()];
    let mut ruled: Vec<(usize, YearlyRule)> = Vec::new();
    for (i, t) in transitions.iter().enumerate() {
        if transitions[..i].iter().any(|u| u.same_observance(t)) {
            continue;
        }
        let group: Vec<usize> = (i..transitions.len())
            .filter(|&j| transitions[j].same_observance(t))
            .collect();
        if transitions[*group.last().expect("holds i")].local.year() != last_year {
            continue;
        }
        for start in 0..group.len() {
            if group.len() - start < MIN_RULE_YEARS {
                break;
            }
            let run: Vec<&Transition> = group[start..].iter().map(|&j| &transitions[j]).collect();
            if let Some(rule) = fit_rule(&run) {
                for &j in &group[start..] {
                    in_rule[j] = true;
                }
                ruled.push((group[start], rule));
                break;
            }
        }
    }
    // An open-ended rule is only a fair extrapolation if the whole of the
    // last year is regular; otherwise list everything.
    let last_year_regular = transitions
        .iter()
        .zip(&in_rule)
        .all(|(t, &r)| r || t.local.year() != last_year);
    if !last_year_regular {
        ruled.clear();
        in_rule.fill(false);
    }

    let mut out: Vec<Observance> = ruled
        .into_iter()
        .map(|(j, rule)| {
            let t = &transitions[j];
            Observance {
                kind: t.kind,
                from: t.from,
                to: t.to,
                name: t.name.clone(),
                dtstart: t.local,
                rrule: Some(rule),
                rdates: Vec::new(),
            }
        })
        .collect();
    let mut listed: Vec<Observance> = Vec::new();
    for (t, _) in transitions.iter().zip(&in_rule).filter(|(_, r)| !**r) {
        match listed.iter_mut().find(|o| o.same_observance(t)) {
            Some(o) => o.rdates.push(t.local),
            None => listed.push(Observance {
                kind: t.kind,
                from: t.from,
                to: t.to,
                name: t.name.clone(),
                dtstart: t.local,
                rrule: None,
                rdates: Vec::new(),
            }),
        }
    }
    out.extend(listed);
    out.sort_by_key(|o| o.dtstart);
    out
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
