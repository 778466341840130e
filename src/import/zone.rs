//! TZID → IANA zone: an IANA name as it is, a Windows name (Outlook)
//! through the CLDR windowsZones table (the `localzone` crate carries it),
//! or a custom VTIMEZONE matched against the tz database by its offsets and
//! transition rules (RFC 5545 §3.6.5).

use crate::model::ical_weekday;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, TimeZone, Weekday};
use chrono_tz::Tz;

use super::read::Comp;

/// How a TZID was understood, for the YAML comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Via {
    Iana,
    Windows,
    /// Matched by the VTIMEZONE's offsets and rules.
    Offsets,
}

/// The IANA zone of a TZID, or None when nothing matches.
pub fn resolve(tzid: &str, vtimezone: Option<&Comp>) -> Option<(Tz, Via)> {
    let name = tzid.trim().trim_matches('"');
    if let Ok(tz) = name.parse::<Tz>() {
        return Some((tz, Via::Iana));
    }
    // Prefixed names ("/mozilla.org/20050126_1/Europe/Paris", older
    // Thunderbird): the longest IANA-shaped suffix.
    let parts: Vec<&str> = name.split('/').collect();
    for k in (1..parts.len()).rev() {
        if let Ok(tz) = parts[parts.len() - k..].join("/").parse::<Tz>()
            && k < parts.len()
        {
            return Some((tz, Via::Iana));
        }
    }
    if let Some(iana) = localzone::win_zone_to_iana(name, Some("001"))
        && let Ok(tz) = iana.parse::<Tz>()
    {
        return Some((tz, Via::Windows));
    }
    let rules = Rules::of(vtimezone?)?;
    matching(name, &rules).map(|tz| (tz, Via::Offsets))
}

/// One observance: the offset change and, when it repeats, its yearly rule.
#[derive(Clone, Debug)]
struct Observance {
    from: i32,
    to: i32,
    /// (month, nth weekday: 1..=5 or -1, weekday), local time of change.
    yearly: Option<(u32, i8, Weekday)>,
    at: NaiveTime,
}

#[derive(Clone, Debug)]
struct Rules(Vec<Observance>);

fn offset_secs(text: &str) -> Option<i32> {
    let t = text.trim();
    let (sign, rest) = match t.as_bytes().first()? {
        b'-' => (-1, &t[1..]),
        b'+' => (1, &t[1..]),
        _ => (1, t),
    };
    if rest.len() < 4 || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: i32 = rest[0..2].parse().ok()?;
    let m: i32 = rest[2..4].parse().ok()?;
    let s: i32 = rest.get(4..6).and_then(|s| s.parse().ok()).unwrap_or(0);
    Some(sign * (h * 3600 + m * 60 + s))
}

impl Rules {
    fn of(vtz: &Comp) -> Option<Rules> {
        let mut obs = Vec::new();
        for o in vtz
            .children
            .iter()
            .filter(|c| c.name == "STANDARD" || c.name == "DAYLIGHT")
        {
            let from = offset_secs(&o.get("TZOFFSETFROM")?.value)?;
            let to = offset_secs(&o.get("TZOFFSETTO")?.value)?;
            let start = o
                .get("DTSTART")
                .map(|p| p.value.clone())
                .unwrap_or_default();
            let at = NaiveDateTime::parse_from_str(start.trim(), "%Y%m%dT%H%M%S")
                .map(|d| d.time())
                .unwrap_or(NaiveTime::MIN);
            let yearly = o.get("RRULE").and_then(|r| {
                let mut month = None;
                let mut day = None;
                for part in r.value.split(';') {
                    let (k, v) = part.split_once('=')?;
                    match k {
                        "BYMONTH" => month = v.parse::<u32>().ok(),
                        "BYDAY" => {
                            let (n, d) = v.split_at_checked(v.len().checked_sub(2)?)?;
                            day = Some((n.parse::<i8>().unwrap_or(1), ical_weekday(d)?));
                        }
                        _ => {}
                    }
                }
                let (n, d) = day?;
                Some((month?, n, d))
            });
            obs.push(Observance {
                from,
                to,
                yearly,
                at,
            });
        }
        (!obs.is_empty()).then_some(Rules(obs))
    }

    /// Does `tz` have these offsets and (for yearly rules) change on the
    /// same local dates and times in `years`?
    fn fits(&self, tz: Tz, years: std::ops::RangeInclusive<i32>) -> bool {
        let offset = |utc: NaiveDateTime| tz.offset_from_utc_datetime(&utc).fix().local_minus_utc();
        let yearly: Vec<&Observance> = self.0.iter().filter(|o| o.yearly.is_some()).collect();
        if yearly.is_empty() {
            // A fixed zone: one offset all year.
            let Some(o) = self.0.last() else { return false };
            return years.clone().all(|y| {
                [1, 4, 7, 10].iter().all(|m| {
                    let utc =
                        NaiveDate::from_ymd_opt(y, *m, 15).map(|d| d.and_time(NaiveTime::MIN));
                    utc.is_some_and(|u| offset(u) == o.to)
                })
            });
        }
        years.clone().all(|y| {
            yearly.iter().all(|o| {
                let Some((month, nth, day)) = o.yearly else {
                    return false;
                };
                let Some(date) = nth_weekday(y, month, nth, day) else {
                    return false;
                };
                let utc = date.and_time(o.at) - TimeDelta::seconds(i64::from(o.from));
                offset(utc - TimeDelta::minutes(1)) == o.from
                    && offset(utc + TimeDelta::minutes(1)) == o.to
            })
        })
    }
}

fn nth_weekday(year: i32, month: u32, nth: i8, day: Weekday) -> Option<NaiveDate> {
    if nth > 0 {
        NaiveDate::from_weekday_of_month_opt(year, month, day, nth as u8)
    } else {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let mut d = next.pred_opt()?;
        while d.weekday() != day {
            d = d.pred_opt()?;
        }
        Some(d)
    }
}

/// The zone matching `rules`: first one whose city the TZID names
/// ("(UTC+01:00) Brussels, Copenhagen, Madrid, Paris"), then CLDR's
/// representative zones, then any zone, in the tz database's order.
fn matching(tzid: &str, rules: &Rules) -> Option<Tz> {
    let years = 2020..=2030;
    let lower = tzid.to_lowercase();
    let named = chrono_tz::TZ_VARIANTS.iter().find(|tz| {
        let city = tz.name().rsplit('/').next().unwrap_or("").replace('_', " ");
        tz.name().contains('/')
            && city.len() > 2
            && lower.contains(&city.to_lowercase())
            && rules.fits(**tz, years.clone())
    });
    if let Some(tz) = named {
        return Some(*tz);
    }
    let representative = REPRESENTATIVE
        .iter()
        .filter_map(|n| n.parse::<Tz>().ok())
        .find(|tz| rules.fits(*tz, years.clone()));
    representative.or_else(|| {
        chrono_tz::TZ_VARIANTS
            .iter()
            .filter(|tz| tz.name().contains('/') && !tz.name().starts_with("Etc/"))
            .find(|tz| rules.fits(**tz, years.clone()))
            .copied()
    })
}

/// Zones a person would pick for an offset, tried before the others.
const REPRESENTATIVE: &[&str] = &[
    "Europe/London",
    "Europe/Paris",
    "Europe/Helsinki",
    "Europe/Moscow",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Australia/Brisbane",
    "Pacific/Auckland",
    "UTC",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read::read;

    fn vtimezone(body: &str) -> Comp {
        let text = format!("BEGIN:VCALENDAR\n{body}\nEND:VCALENDAR\n");
        read(&text, "t.ics").unwrap()[0].children[0].clone()
    }

    #[test]
    fn iana_windows_and_prefixed_names() {
        assert_eq!(
            resolve("Europe/Paris", None),
            Some((Tz::Europe__Paris, Via::Iana))
        );
        assert_eq!(
            resolve("Romance Standard Time", None),
            Some((Tz::Europe__Paris, Via::Windows))
        );
        assert_eq!(
            resolve("W. Europe Standard Time", None),
            Some((Tz::Europe__Berlin, Via::Windows))
        );
        assert_eq!(
            resolve("/mozilla.org/20050126_1/America/New_York", None),
            Some((Tz::America__New_York, Via::Iana))
        );
        assert_eq!(resolve("Mars/Olympus", None), None);
    }

    #[test]
    fn custom_vtimezone_matched_by_offsets() {
        let v = vtimezone(
            "BEGIN:VTIMEZONE\nTZID:(UTC+01:00) Brussels\\, Copenhagen\\, Madrid\\, Paris\n\
             BEGIN:STANDARD\nDTSTART:16010101T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\n\
             RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\nEND:STANDARD\n\
             BEGIN:DAYLIGHT\nDTSTART:16010101T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\n\
             RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\nEND:DAYLIGHT\nEND:VTIMEZONE",
        );
        let tzid = v.get("TZID").unwrap().value.clone();
        assert_eq!(
            resolve(&tzid, Some(&v)),
            Some((Tz::Europe__Brussels, Via::Offsets))
        );
        let unnamed = vtimezone(
            "BEGIN:VTIMEZONE\nTZID:Custom 1\nBEGIN:STANDARD\nDTSTART:16010101T020000\n\
             TZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\nEND:STANDARD\n\
             BEGIN:DAYLIGHT\nDTSTART:16010101T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400\n\
             RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\nEND:DAYLIGHT\nEND:VTIMEZONE",
        );
        assert_eq!(
            resolve("Custom 1", Some(&unnamed)),
            Some((Tz::America__New_York, Via::Offsets))
        );
        let martian = vtimezone(
            "BEGIN:VTIMEZONE\nTZID:Mars\nBEGIN:STANDARD\nDTSTART:16010101T000000\n\
             TZOFFSETFROM:+0317\nTZOFFSETTO:+0317\nEND:STANDARD\nEND:VTIMEZONE",
        );
        assert_eq!(resolve("Mars", Some(&martian)), None);
    }
}
