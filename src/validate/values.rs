//! Parsing of the spec's scalar mini-languages: dates, times, durations.
//! Each returns the message to show when the text is wrong.

use chrono::{NaiveDate, NaiveTime, TimeDelta};

use crate::model::When;

pub fn date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("expected a date like `2026-01-05`, found `{text}`"))
}

/// `HH:MM`, 00:00–23:59.
pub fn time(text: &str) -> Result<NaiveTime, String> {
    let t = text.trim();
    let ok = t.len() == 5 && t.as_bytes()[2] == b':' || t.len() == 4 && t.as_bytes()[1] == b':';
    match NaiveTime::parse_from_str(t, "%H:%M") {
        Ok(v) if ok => Ok(v),
        _ => Err(format!(
            "expected a time of day like `16:00` (00:00 to 23:59), found `{text}`"
        )),
    }
}

/// The end of a time range: a time of day, or `24:00` (the end of the
/// day, read as the next midnight: `22:00-24:00` lasts two hours).
fn end_time(text: &str) -> Result<NaiveTime, String> {
    if text.trim() == "24:00" {
        return Ok(NaiveTime::MIN);
    }
    time(text)
}

/// `15m`, `1h`, `1h30m`, `1d`, `1w`; also `1h30` and `1h 30` (minutes
/// after hours, as French writes it) and spaces between the parts.
/// Seconds (`90s`) are not accepted: minutes are the finest unit a
/// calendar shows.
pub fn duration(text: &str) -> Result<TimeDelta, String> {
    let err =
        || format!("expected a duration like `15m`, `1h`, `1h30`, `1d` or `1w`, found `{text}`");
    let mut total: i64 = 0;
    let mut last_unit = None;
    let mut rest = text.trim();
    if rest.is_empty() {
        return Err(err());
    }
    while !rest.is_empty() {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let n: i64 = rest[..digits].parse().map_err(|_| err())?;
        rest = rest[digits..].trim_start();
        let unit = match rest.chars().next() {
            Some('m') => 1,
            Some('h') => 60,
            Some('d') => 24 * 60,
            Some('w') => 7 * 24 * 60,
            // A bare number ends the text and follows hours: `1h30`.
            None if last_unit == Some(60) && n < 60 => 1,
            _ => return Err(err()),
        };
        rest = rest.get(1..).unwrap_or("").trim_start();
        last_unit = Some(unit);
        total = n
            .checked_mul(unit)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(err)?;
        if total > 366 * 24 * 60 {
            return Err(err());
        }
    }
    Ok(TimeDelta::minutes(total))
}

/// `time:` — `HH:MM-HH:MM`, `HH:MM` (with `duration`), or `all day`.
/// An end before the start means the occurrence ends the next day; an end
/// at `24:00` is the end of the start's day.
pub fn when(text: &str, duration: Option<TimeDelta>) -> Result<When, String> {
    let t = text.trim();
    if is_all_day(t) {
        return Ok(When::AllDay { days: 1 });
    }
    match t.split_once('-') {
        Some((start, end)) => {
            let start = time(start).map_err(|_| time_msg(text))?;
            let end = end_time(end).map_err(|_| time_msg(text))?;
            let mut length = end - start;
            if length <= TimeDelta::zero() {
                length += TimeDelta::days(1);
            }
            Ok(When::Timed {
                start,
                duration: length,
            })
        }
        None => {
            let start = time(t).map_err(|_| time_msg(text))?;
            let duration = duration.ok_or_else(|| {
                format!("`time: {t}` has no end: write `{t}-HH:MM` or add `duration: 30m`")
            })?;
            Ok(When::Timed { start, duration })
        }
    }
}

/// `all day` (or `toute la journée`), any case.
pub fn is_all_day(t: &str) -> bool {
    t.eq_ignore_ascii_case("all day") || t.to_lowercase() == "toute la journée"
}

/// One of `dates:`: `2026-04-09`, `2026-04-09 14:00` or
/// `2026-04-09 14:00-17:00`.
pub fn date_entry(text: &str) -> Result<crate::model::DateEntry, String> {
    let (date, start, duration) = moved_target(text).map_err(|_| {
        format!(
            "expected a date like `2026-04-09`, `2026-04-09 14:00` or `2026-04-09 14:00-17:00`, found `{text}`"
        )
    })?;
    Ok(crate::model::DateEntry {
        date,
        start,
        duration,
    })
}

fn time_msg(text: &str) -> String {
    format!("`time` expects `HH:MM-HH:MM`, `HH:MM` with `duration`, or `all day`, found `{text}`")
}

/// `2026-07-02` or `2026-07-02 14:00`.
pub fn date_and_time(text: &str) -> Result<(NaiveDate, Option<NaiveTime>), String> {
    let t = text.trim();
    match t.split_once([' ', 'T']) {
        None => Ok((date(t)?, None)),
        Some((d, tm)) => Ok((date(d)?, Some(time(tm)?))),
    }
}

/// `2026-05-26` (same time), `2026-05-26 10:30` or `2026-05-26 10:30-11:30`:
/// the new date, the new start time if given, and the new length if given.
pub fn moved_target(
    text: &str,
) -> Result<(NaiveDate, Option<NaiveTime>, Option<TimeDelta>), String> {
    let err = || {
        format!(
            "expected a new date or start like `2026-05-26`, `2026-05-26 10:30` or `2026-05-26 10:30-11:30`, found `{text}`"
        )
    };
    let Some((d, rest)) = text.trim().split_once([' ', 'T']) else {
        return Ok((date(text).map_err(|_| err())?, None, None));
    };
    let d = date(d).map_err(|_| err())?;
    match rest.split_once('-') {
        None => Ok((d, Some(time(rest).map_err(|_| err())?), None)),
        Some((s, e)) => {
            let s = time(s).map_err(|_| err())?;
            let e = end_time(e).map_err(|_| err())?;
            let mut len = e - s;
            if len <= TimeDelta::zero() {
                len += TimeDelta::days(1);
            }
            Ok((d, Some(s), Some(len)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration("15m"), Ok(TimeDelta::minutes(15)));
        assert_eq!(duration("1h30m"), Ok(TimeDelta::minutes(90)));
        assert_eq!(duration("1d"), Ok(TimeDelta::days(1)));
        assert_eq!(duration("1w"), Ok(TimeDelta::weeks(1)));
        assert!(duration("15").is_err());
        assert!(duration("m").is_err());
        assert!(duration("99999999999999999999m").is_err());
        for french in ["1h30", "1h 30", "1h30m", "1h 30m", "90m", " 1 h 30 "] {
            assert_eq!(duration(french), Ok(TimeDelta::minutes(90)), "{french}");
        }
        for nonsense in [
            "1h90",
            "1m30",
            "1d2",
            "2",
            "1h30x",
            "1.5h",
            "h30",
            "-1h",
            "1h 30 m 2",
        ] {
            assert!(duration(nonsense).is_err(), "{nonsense}");
        }
    }

    #[test]
    fn times() {
        assert!(time("25:00").is_err());
        assert!(time("16:00").is_ok());
        assert!(when("16:00", None).is_err());
        assert_eq!(
            when("23:00-01:00", None),
            Ok(When::Timed {
                start: time("23:00").unwrap(),
                duration: TimeDelta::hours(2)
            })
        );
        assert_eq!(when("All day", None), Ok(When::AllDay { days: 1 }));
        assert_eq!(
            when("22:00-24:00", None),
            Ok(When::Timed {
                start: time("22:00").unwrap(),
                duration: TimeDelta::hours(2)
            })
        );
        assert!(when("24:00-01:00", None).is_err());
        assert!(time("24:00").is_err());
    }

    #[test]
    fn moved_targets() {
        let (d, start, len) = moved_target("2026-05-26 10:30-11:30").unwrap();
        assert_eq!(
            (d.to_string(), start.unwrap().to_string()),
            ("2026-05-26".into(), "10:30:00".into())
        );
        assert_eq!(len, Some(TimeDelta::hours(1)));
        assert_eq!(
            moved_target("2026-05-26"),
            Ok((date("2026-05-26").unwrap(), None, None))
        );
        assert!(moved_target("2026-05-26 25:00").is_err());
        assert_eq!(
            moved_target("2026-05-26 23:00-24:00").unwrap().2,
            Some(TimeDelta::hours(1))
        );
    }
}
