//! The `rrule:` field: an RFC 5545 §3.3.10 RECUR value at day
//! granularity. Times come from `time`, the end from `count`/`until`.

use crate::diagnostic::did_you_mean;
use crate::model::ical_weekday;
use crate::model::{ByDay, Freq, Recur};

/// A refused rule: the message and a hint saying what to write instead.
#[derive(Debug, PartialEq, Eq)]
pub struct RruleError {
    pub message: String,
    pub hint: Option<String>,
}

fn err(message: impl Into<String>, hint: &str) -> RruleError {
    RruleError {
        message: message.into(),
        hint: (!hint.is_empty()).then(|| hint.to_owned()),
    }
}

const PARTS: [&str; 14] = [
    "FREQ",
    "INTERVAL",
    "BYMONTH",
    "BYWEEKNO",
    "BYYEARDAY",
    "BYMONTHDAY",
    "BYDAY",
    "BYSETPOS",
    "WKST",
    "COUNT",
    "UNTIL",
    "BYHOUR",
    "BYMINUTE",
    "BYSECOND",
];

/// Parses `FREQ=MONTHLY;BYDAY=1TH,3TH` (an `RRULE:` prefix is allowed;
/// names and values are case-insensitive), checking RFC 5545's rules on
/// which parts go with which FREQ.
pub fn parse(text: &str) -> Result<Recur, RruleError> {
    let t = text.trim();
    let t = t
        .strip_prefix("RRULE:")
        .or_else(|| t.strip_prefix("rrule:"))
        .unwrap_or(t)
        .to_uppercase();
    let mut r = Recur::new(Freq::Daily);
    let mut freq = None;
    let mut seen: Vec<String> = Vec::new();
    for part in t.split(';').filter(|p| !p.trim().is_empty()) {
        let (name, value) = part.split_once('=').ok_or_else(|| {
            err(
                format!("`rrule`: `{part}` is not a `NAME=VALUE` part"),
                "write parts like `FREQ=MONTHLY;BYDAY=1TH`",
            )
        })?;
        let name = name.trim();
        let value = value.trim();
        if seen.iter().any(|s| s == name) {
            return Err(err(format!("`rrule`: `{name}` is given twice"), "keep one"));
        }
        seen.push(name.to_owned());
        match name {
            "FREQ" => freq = Some(parse_freq(value)?),
            "INTERVAL" => {
                r.interval = value
                    .parse()
                    .ok()
                    .filter(|n| (1..=1000).contains(n))
                    .ok_or_else(|| err(format!("`rrule`: INTERVAL must be a whole number from 1 to 1000, found `{value}`"), ""))?;
            }
            "BYMONTH" => {
                r.by_month = numbers(name, value, 1, 12, false)?
                    .into_iter()
                    .map(|n| n as u32)
                    .collect()
            }
            "BYWEEKNO" => r.by_week_no = numbers(name, value, 1, 53, true)?,
            "BYYEARDAY" => r.by_year_day = numbers(name, value, 1, 366, true)?,
            "BYMONTHDAY" => r.by_month_day = numbers(name, value, 1, 31, true)?,
            "BYSETPOS" => r.by_set_pos = numbers(name, value, 1, 366, true)?,
            "BYDAY" => r.by_day = by_days(value)?,
            "WKST" => r.wkst = ical_weekday(value).ok_or_else(|| bad_day(value))?,
            "COUNT" => {
                return Err(err(
                    "`rrule` cannot hold COUNT",
                    "remove it and write `count:` on the ritual",
                ));
            }
            "UNTIL" => {
                return Err(err(
                    "`rrule` cannot hold UNTIL",
                    "remove it and write `until:` on the ritual",
                ));
            }
            "BYHOUR" | "BYMINUTE" | "BYSECOND" => {
                return Err(err(
                    format!("`rrule` cannot hold {name}: the time of day comes from `time`"),
                    "remove it; for several times a day, write one ritual per time",
                ));
            }
            other => {
                let hint = did_you_mean(other, PARTS)
                    .map(|s| format!("did you mean `{s}`?"))
                    .unwrap_or_else(|| "parts: FREQ, INTERVAL, BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY, BYDAY, BYSETPOS, WKST".to_owned());
                return Err(err(format!("`rrule`: unknown part `{other}`"), &hint));
            }
        }
    }
    r.freq = freq.ok_or_else(|| {
        err(
            "`rrule` has no FREQ",
            "start with `FREQ=DAILY`, `FREQ=WEEKLY`, `FREQ=MONTHLY` or `FREQ=YEARLY`",
        )
    })?;
    check_parts(&r)?;
    r.normalise();
    Ok(r)
}

fn parse_freq(value: &str) -> Result<Freq, RruleError> {
    match value {
        "DAILY" => Ok(Freq::Daily),
        "WEEKLY" => Ok(Freq::Weekly),
        "MONTHLY" => Ok(Freq::Monthly),
        "YEARLY" => Ok(Freq::Yearly),
        "HOURLY" | "MINUTELY" | "SECONDLY" => Err(err(
            format!(
                "`rrule`: FREQ={value} repeats within a day, but the time of day comes from `time`"
            ),
            "use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY; for several times a day, write one ritual per time",
        )),
        other => Err(err(
            format!("`rrule`: unknown FREQ `{other}`"),
            "FREQ is DAILY, WEEKLY, MONTHLY or YEARLY",
        )),
    }
}

/// RFC 5545 §3.3.10's table: which BYxxx part may go with which FREQ.
fn check_parts(r: &Recur) -> Result<(), RruleError> {
    let f = r.freq.name();
    if !r.by_week_no.is_empty() && r.freq != Freq::Yearly {
        return Err(err(
            format!("`rrule`: BYWEEKNO only goes with FREQ=YEARLY, not {f}"),
            "use FREQ=YEARLY or remove BYWEEKNO",
        ));
    }
    if !r.by_year_day.is_empty() && matches!(r.freq, Freq::Weekly | Freq::Monthly) {
        return Err(err(
            format!("`rrule`: BYYEARDAY does not go with FREQ={f}"),
            "use FREQ=YEARLY or FREQ=DAILY",
        ));
    }
    if !r.by_month_day.is_empty() && r.freq == Freq::Weekly {
        return Err(err(
            "`rrule`: BYMONTHDAY does not go with FREQ=WEEKLY",
            "use FREQ=MONTHLY",
        ));
    }
    let ordinals = r.by_day.iter().any(|b| b.nth.is_some());
    if ordinals && matches!(r.freq, Freq::Daily | Freq::Weekly) {
        return Err(err(
            format!(
                "`rrule`: BYDAY ordinals like `1MO` only go with FREQ=MONTHLY or YEARLY, not {f}"
            ),
            "use FREQ=MONTHLY, or plain weekdays like `MO`",
        ));
    }
    if ordinals && !r.by_week_no.is_empty() {
        return Err(err(
            "`rrule`: BYDAY ordinals like `1MO` do not go with BYWEEKNO",
            "use plain weekdays like `MO`",
        ));
    }
    if let Some(b) = r.by_day.iter().find(|b| {
        b.nth.is_some_and(|n| n.abs() > 5) && (r.freq == Freq::Monthly || !r.by_month.is_empty())
    }) {
        return Err(err(
            format!(
                "`rrule`: a month has at most five of each weekday, found `{}{}`",
                b.nth.unwrap_or(0),
                crate::model::ical_day(b.day)
            ),
            "use an ordinal from -5 to 5",
        ));
    }
    let others = !(r.by_month.is_empty()
        && r.by_week_no.is_empty()
        && r.by_year_day.is_empty()
        && r.by_month_day.is_empty()
        && r.by_day.is_empty());
    if !r.by_set_pos.is_empty() && !others {
        return Err(err(
            "`rrule`: BYSETPOS needs another BYxxx part to pick from",
            "e.g. `FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1`",
        ));
    }
    Ok(())
}

fn numbers(
    name: &str,
    value: &str,
    min: i16,
    max: i16,
    signed: bool,
) -> Result<Vec<i16>, RruleError> {
    value
        .split(',')
        .map(|v| {
            let v = v.trim();
            let n: Option<i16> = v.strip_prefix('+').unwrap_or(v).parse().ok();
            n.filter(|n| (min..=max).contains(&n.abs()) && (signed || *n > 0))
                .ok_or_else(|| {
                    let range = if signed {
                        format!("{min} to {max} or -{max} to -{min}")
                    } else {
                        format!("{min} to {max}")
                    };
                    err(
                        format!("`rrule`: {name} takes numbers from {range}, found `{v}`"),
                        "",
                    )
                })
        })
        .collect()
}

fn bad_day(v: &str) -> RruleError {
    err(
        format!("`rrule`: `{v}` is not a weekday"),
        "weekdays are MO, TU, WE, TH, FR, SA, SU, with an optional ordinal: `1MO`, `-1FR`",
    )
}

fn by_days(value: &str) -> Result<Vec<ByDay>, RruleError> {
    value
        .split(',')
        .map(|v| {
            let v = v.trim();
            let split = v.len().saturating_sub(2);
            let (n, d) = v.split_at(split);
            let day = ical_weekday(d).ok_or_else(|| bad_day(v))?;
            let nth = if n.is_empty() {
                None
            } else {
                let k: i16 = n
                    .strip_prefix('+')
                    .unwrap_or(n)
                    .parse()
                    .map_err(|_| bad_day(v))?;
                if k == 0 || k.abs() > 53 {
                    return Err(bad_day(v));
                }
                Some(k)
            };
            Ok(ByDay { nth, day })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises() {
        let r = parse("rrule:freq=monthly;byday=3TH,1TH;interval=1").unwrap();
        assert_eq!(r.rrule_text(), "FREQ=MONTHLY;BYDAY=1TH,3TH");
        let r = parse("BYSETPOS=-1;BYDAY=FR,MO,TU,WE,TH;FREQ=MONTHLY").unwrap();
        assert_eq!(
            r.rrule_text(),
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"
        );
        let r = parse("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;WKST=SU").unwrap();
        assert_eq!(r.rrule_text(), "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;WKST=SU");
    }

    #[test]
    fn refusals() {
        let m = |t: &str| parse(t).unwrap_err().message;
        assert_eq!(
            m("FREQ=HOURLY"),
            "`rrule`: FREQ=HOURLY repeats within a day, but the time of day comes from `time`"
        );
        assert_eq!(
            m("FREQ=DAILY;BYHOUR=9"),
            "`rrule` cannot hold BYHOUR: the time of day comes from `time`"
        );
        assert_eq!(m("FREQ=DAILY;COUNT=3"), "`rrule` cannot hold COUNT");
        assert_eq!(m("FREQ=DAILY;UNTIL=20260101"), "`rrule` cannot hold UNTIL");
        assert_eq!(m("FREQ=DAILY;BYFOO=1"), "`rrule`: unknown part `BYFOO`");
        assert_eq!(
            m("FREQ=WEEKLY;BYDAY=1MO"),
            "`rrule`: BYDAY ordinals like `1MO` only go with FREQ=MONTHLY or YEARLY, not WEEKLY"
        );
        assert_eq!(
            m("FREQ=MONTHLY;BYWEEKNO=1"),
            "`rrule`: BYWEEKNO only goes with FREQ=YEARLY, not MONTHLY"
        );
        assert_eq!(
            m("FREQ=MONTHLY;BYSETPOS=1"),
            "`rrule`: BYSETPOS needs another BYxxx part to pick from"
        );
        assert_eq!(m("INTERVAL=2"), "`rrule` has no FREQ");
        assert_eq!(
            parse("FREQ=DAILY;BYMONHTDAY=1")
                .unwrap_err()
                .hint
                .as_deref(),
            Some("did you mean `BYMONTHDAY`?")
        );
    }
}
