//! An independent reading of our feeds: the `icalendar` crate parses them
//! and the `rrule` crate expands each VEVENT (DTSTART, RRULE, EXDATE,
//! RDATE), then RECURRENCE-ID overrides replace the instances they name.
//! Nothing here calls the code under test.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::parser::{Component, read_calendar, unfold};

/// One instance as a subscriber sees it: (start, end, uid, summary) with
/// UTC `YYYY-MM-DDTHH:MM:SSZ` times, or `YYYY-MM-DD` for all-day ones.
pub type Instance = (String, String, String, String);

fn prop<'a>(c: &'a Component<'a>, name: &str) -> Option<&'a icalendar::parser::Property<'a>> {
    c.properties.iter().find(|p| p.name.as_str() == name)
}

fn param<'a>(p: &'a icalendar::parser::Property<'a>, key: &str) -> Option<&'a str> {
    p.params
        .iter()
        .find(|x| x.key.as_str() == key)
        .and_then(|x| x.val.as_ref())
        .map(|v| v.as_str())
}

/// A DATE-TIME or DATE property as a UTC instant; all-day dates map to
/// midnight UTC (only their date is compared).
fn instant(p: &icalendar::parser::Property<'_>) -> (DateTime<Utc>, bool) {
    value_instant(p, p.val.as_str())
}

/// Every value of a multi-valued property (RDATE, EXDATE: RFC 5545
/// §3.8.5.1-2 allow a comma-separated list).
fn instants(p: &icalendar::parser::Property<'_>) -> Vec<DateTime<Utc>> {
    p.val
        .as_str()
        .split(',')
        .map(|v| value_instant(p, v).0)
        .collect()
}

fn value_instant(p: &icalendar::parser::Property<'_>, v: &str) -> (DateTime<Utc>, bool) {
    if param(p, "VALUE") == Some("DATE") {
        let d = NaiveDate::parse_from_str(v, "%Y%m%d").expect("date");
        return (
            Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).unwrap()),
            true,
        );
    }
    if let Some(z) = v.strip_suffix('Z') {
        let t = NaiveDateTime::parse_from_str(z, "%Y%m%dT%H%M%S").expect("utc time");
        return (Utc.from_utc_datetime(&t), false);
    }
    let tz: Tz = param(p, "TZID").expect("TZID").parse().expect("zone");
    let t = NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S").expect("local time");
    let utc = tz
        .from_local_datetime(&t)
        .earliest()
        .expect("no gap in oracle fixtures");
    (utc.with_timezone(&Utc), false)
}

fn fmt(t: DateTime<Utc>, all_day: bool) -> String {
    if all_day {
        t.format("%Y-%m-%d").to_string()
    } else {
        t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
    }
}

fn text(c: &Component<'_>, name: &str) -> String {
    prop(c, name)
        .map(|p| p.val.clone().unescape_text().as_str().to_owned())
        .unwrap_or_default()
}

/// The instants of a master VEVENT's series within `(lo, hi)`, by the
/// rrule crate (or DTSTART and its RDATEs when it has no RRULE).
fn master_instants(
    master: &Component<'_>,
    start: DateTime<Utc>,
    all_day: bool,
    (lo, hi): (DateTime<Utc>, DateTime<Utc>),
) -> Vec<DateTime<Utc>> {
    let mut set = String::new();
    // The rrule crate takes the RFC text; all-day series are expanded
    // in UTC, where midnight never shifts.
    let dtstart = prop(master, "DTSTART").unwrap();
    let line = |name: &str, p: &icalendar::parser::Property<'_>| -> String {
        if all_day {
            format!("{name}:{}T000000Z", p.val.as_str())
        } else {
            match param(p, "TZID") {
                Some(tz) => format!("{name};TZID={tz}:{}", p.val.as_str()),
                None => format!("{name}:{}", p.val.as_str()),
            }
        }
    };
    set.push_str(&line("DTSTART", dtstart));
    let mut instants: Vec<DateTime<Utc>> = Vec::new();
    if let Some(r) = prop(master, "RRULE") {
        let mut rule = r.val.as_str().to_owned();
        if all_day {
            rule = rule
                .split(';')
                .map(|part| match part.strip_prefix("UNTIL=") {
                    Some(u) if u.len() == 8 => format!("UNTIL={u}T000000Z"),
                    _ => part.to_owned(),
                })
                .collect::<Vec<_>>()
                .join(";");
        }
        set.push_str(&format!("\nRRULE:{rule}"));
        for p in master.properties.iter() {
            let name = p.name.as_str();
            if name == "EXDATE" || name == "RDATE" {
                set.push('\n');
                set.push_str(&line(name, p));
            }
        }
        let rs: rrule::RRuleSet = set
            .parse()
            .unwrap_or_else(|e| panic!("rrule parse {set}: {e}"));
        let lo_tz = lo.with_timezone(&rrule::Tz::UTC);
        let hi_tz = hi.with_timezone(&rrule::Tz::UTC);
        let result = rs.after(lo_tz).before(hi_tz).all(u16::MAX);
        instants.extend(result.dates.iter().map(|d| d.with_timezone(&Utc)));
    } else {
        // A `dates:` series: DTSTART and its RDATEs, less its EXDATEs.
        instants.push(start);
        for p in master
            .properties
            .iter()
            .filter(|p| p.name.as_str() == "RDATE")
        {
            instants.extend(self::instants(p));
        }
        let excluded: Vec<DateTime<Utc>> = master
            .properties
            .iter()
            .filter(|p| p.name.as_str() == "EXDATE")
            .map(|p| instant(p).0)
            .collect();
        instants.retain(|i| !excluded.contains(i));
    }
    instants
}

/// Expands every event of `ics` that starts within `[from, to)`.
pub fn expand(ics: &str, from: NaiveDate, to: NaiveDate) -> BTreeSet<Instance> {
    let unfolded = unfold(ics);
    let cal = read_calendar(&unfolded).expect("feed parses");
    let events: Vec<&Component> = cal
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .collect();
    let lo =
        Utc.from_utc_datetime(&from.and_hms_opt(0, 0, 0).unwrap()) - chrono::TimeDelta::days(2);
    let hi = Utc.from_utc_datetime(&to.and_hms_opt(0, 0, 0).unwrap()) + chrono::TimeDelta::days(2);
    let mut out = BTreeSet::new();
    for master in events.iter().filter(|e| prop(e, "RECURRENCE-ID").is_none()) {
        let uid = text(master, "UID");
        let (start, all_day) = instant(prop(master, "DTSTART").expect("DTSTART"));
        let (end, _) = instant(prop(master, "DTEND").expect("DTEND"));
        let length = end - start;
        let instants = master_instants(master, start, all_day, (lo, hi));
        let overrides: Vec<&Component> = events
            .iter()
            .copied()
            .filter(|e| prop(e, "RECURRENCE-ID").is_some() && text(e, "UID") == uid)
            .collect();
        let summary = text(master, "SUMMARY");
        let overridden = |o: &Component<'_>| -> Instance {
            let (s, _) = instant(prop(o, "DTSTART").unwrap());
            let (e, _) = instant(prop(o, "DTEND").unwrap());
            (
                fmt(s, all_day),
                fmt(e, all_day),
                uid.clone(),
                text(o, "SUMMARY"),
            )
        };
        for i in instants {
            if let Some(o) = overrides
                .iter()
                .find(|o| instant(prop(o, "RECURRENCE-ID").unwrap()).0 == i)
            {
                out.insert(overridden(o));
            } else {
                out.insert((
                    fmt(i, all_day),
                    fmt(i + length, all_day),
                    uid.clone(),
                    summary.clone(),
                ));
            }
        }
        // An override may move an instance from outside the window in.
        for o in &overrides {
            let rid = instant(prop(o, "RECURRENCE-ID").unwrap()).0;
            if rid < lo || rid > hi {
                out.insert(overridden(o));
            }
        }
    }
    let from_s = from.format("%Y-%m-%d").to_string();
    let to_s = to.format("%Y-%m-%d").to_string();
    out.into_iter()
        .filter(|i| i.0[..10] >= *from_s && i.0[..10] < *to_s)
        .collect()
}

/// The held occurrences of `rituals agenda --format json` as instances.
/// Dates are compared in UTC, so the window is applied to UTC dates.
pub fn agenda_instances(json: &str, from: NaiveDate, to: NaiveDate) -> BTreeSet<Instance> {
    let v: serde_json::Value = serde_json::from_str(json).expect("agenda json");
    let from_s = from.format("%Y-%m-%d").to_string();
    let to_s = to.format("%Y-%m-%d").to_string();
    v.as_array()
        .expect("array")
        .iter()
        .filter(|o| o["status"] != "skipped")
        .map(|o| {
            (
                o["start_utc"].as_str().unwrap().to_owned(),
                o["end_utc"].as_str().unwrap().to_owned(),
                o["uid"].as_str().unwrap().to_owned(),
                o["title"].as_str().unwrap().to_owned(),
            )
        })
        .filter(|i| i.0[..10] >= *from_s && i.0[..10] < *to_s)
        .collect()
}

/// Prints what differs between two instance sets, for assertion messages.
pub fn diff(ours: &BTreeSet<Instance>, theirs: &BTreeSet<Instance>) -> String {
    let mut s = String::new();
    for i in ours.difference(theirs).take(20) {
        s.push_str(&format!("- only in agenda: {i:?}\n"));
    }
    for i in theirs.difference(ours).take(20) {
        s.push_str(&format!("+ only in feed:   {i:?}\n"));
    }
    s
}
