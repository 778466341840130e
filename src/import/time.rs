//! DATE and DATE-TIME values (RFC 5545 §3.3.4, §3.3.5) → local times in a
//! series' zone: UTC (`Z`) and other zones converted, floating times kept.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime, TimeDelta, TimeZone};
use chrono_tz::Tz;

use super::read::Prop;
use crate::expand::local_time::resolve;

/// One value as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stamp {
    Date(NaiveDate),
    /// With its TZID, or floating (None).
    Local(NaiveDateTime, Option<String>),
    Utc(NaiveDateTime),
}

impl Stamp {
    pub fn is_date(&self) -> bool {
        matches!(self, Stamp::Date(_))
    }

    pub fn tzid(&self) -> Option<&str> {
        match self {
            Stamp::Local(_, Some(z)) => Some(z),
            _ => None,
        }
    }
}

/// A value with an optional PERIOD end (RDATE;VALUE=PERIOD).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Value {
    pub stamp: Stamp,
    pub period_end: Option<Stamp>,
    pub period_duration: Option<TimeDelta>,
}

pub fn parse_one(text: &str, tzid: Option<&str>) -> Option<Stamp> {
    let t = text.trim();
    if t.len() == 8 {
        return NaiveDate::parse_from_str(t, "%Y%m%d").ok().map(Stamp::Date);
    }
    if let Some(utc) = t.strip_suffix('Z').or_else(|| t.strip_suffix('z')) {
        return NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S")
            .ok()
            .map(Stamp::Utc);
    }
    NaiveDateTime::parse_from_str(t, "%Y%m%dT%H%M%S")
        .ok()
        .map(|d| Stamp::Local(d, tzid.map(str::to_owned)))
}

/// An RFC 5545 §3.3.6 DURATION (`PT1H30M`, `-P1D`, `P2W`).
pub fn duration(text: &str) -> Option<TimeDelta> {
    let t = text.trim();
    let (sign, t) = match t.as_bytes().first()? {
        b'-' => (-1, &t[1..]),
        b'+' => (1, &t[1..]),
        _ => (1, t),
    };
    let t = t.strip_prefix('P')?;
    let mut secs: i64 = 0;
    let mut number = String::new();
    let mut in_time = false;
    for c in t.chars() {
        match c {
            '0'..='9' => number.push(c),
            'T' => in_time = true,
            _ => {
                let n: i64 = number.parse().ok()?;
                number.clear();
                let unit = match (c, in_time) {
                    ('W', false) => 7 * 86400,
                    ('D', false) => 86400,
                    ('H', true) => 3600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return None,
                };
                secs = n.checked_mul(unit).and_then(|v| secs.checked_add(v))?;
            }
        }
    }
    if !number.is_empty() {
        return None;
    }
    TimeDelta::try_seconds(sign * secs)
}

/// Every value of a (possibly comma-separated) property; None if any
/// value is malformed.
pub fn values(p: &Prop) -> Option<Vec<Value>> {
    let tzid = p.param("TZID");
    p.value
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|v| {
            let (start, end) = match v.split_once('/') {
                Some((s, e)) => (s, Some(e)),
                None => (v, None),
            };
            let stamp = parse_one(start, tzid)?;
            let (period_end, period_duration) = match end {
                None => (None, None),
                Some(e) if e.trim_start().starts_with(['P', '+', '-']) => {
                    (None, Some(duration(e)?))
                }
                Some(e) => (Some(parse_one(e, tzid)?), None),
            };
            Some(Value {
                stamp,
                period_end,
                period_duration,
            })
        })
        .collect()
}

/// TZIDs resolved to zones (unknown ones are absent).
pub type ZoneMap = BTreeMap<String, Tz>;

/// `s` as a local time of `zone` (None: keep floating and zoned times as
/// written, the series being floating itself).
pub fn local_in(s: &Stamp, zone: Option<Tz>, zones: &ZoneMap) -> NaiveDateTime {
    match (s, zone) {
        (Stamp::Date(d), _) => d.and_time(chrono::NaiveTime::MIN),
        (Stamp::Utc(u), Some(z)) => z.from_utc_datetime(u).naive_local(),
        (Stamp::Utc(u), None) => *u,
        (Stamp::Local(l, Some(id)), Some(z)) => match zones.get(id) {
            Some(from) if *from != z => z
                .from_utc_datetime(&resolve(*from, *l).naive_utc())
                .naive_local(),
            _ => *l,
        },
        (Stamp::Local(l, _), _) => *l,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_exdate_lands_on_the_local_date() {
        let zones = ZoneMap::new();
        // 23:30 UTC on 5 January is 10:30 on the 6th in Sydney.
        let s = parse_one("20260105T233000Z", None).unwrap();
        assert_eq!(
            local_in(&s, Some(Tz::Australia__Sydney), &zones).to_string(),
            "2026-01-06 10:30:00"
        );
        let mut zones = ZoneMap::new();
        zones.insert("W. Europe Standard Time".into(), Tz::Europe__Berlin);
        let s = parse_one("20260706T100000", Some("W. Europe Standard Time")).unwrap();
        assert_eq!(
            local_in(&s, Some(Tz::Europe__London), &zones).to_string(),
            "2026-07-06 09:00:00"
        );
    }

    #[test]
    fn durations() {
        assert_eq!(duration("PT1H30M"), Some(TimeDelta::minutes(90)));
        assert_eq!(duration("-P1D"), Some(TimeDelta::days(-1)));
        assert_eq!(duration("P2W"), Some(TimeDelta::days(14)));
        assert_eq!(duration("-PT15M"), Some(TimeDelta::minutes(-15)));
        assert_eq!(duration("P1DT9H"), Some(TimeDelta::hours(33)));
        assert_eq!(duration("PT"), Some(TimeDelta::zero()));
        assert_eq!(duration("1H"), None);
    }
}
