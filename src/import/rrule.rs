//! RRULE text (RFC 5545 §3.3.10) → its parts, and back in a normalised
//! order (without UNTIL/COUNT, which become `until`/`count`).

use crate::model::ical_weekday;
use chrono::Weekday;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freq {
    SubDaily,
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// The parts of a rule that `every` can say; anything else is in `other`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RRule {
    pub freq: Freq,
    /// The FREQ as written (for messages and `rrule:`).
    pub freq_text: String,
    pub interval: u32,
    /// BYDAY: (ordinal, weekday), ordinal None for "every such day".
    pub by_day: Vec<(Option<i8>, Weekday)>,
    pub by_month_day: Vec<i8>,
    pub by_month: Vec<u32>,
    pub by_set_pos: Vec<i32>,
    pub wkst: Option<Weekday>,
    pub until: Option<String>,
    pub count: Option<u32>,
    /// Other parts (BYYEARDAY, BYWEEKNO, BYHOUR…), upper case, in order.
    pub other: Vec<(String, String)>,
}

pub fn code(d: Weekday) -> &'static str {
    crate::model::ical_day(d)
}

impl RRule {
    /// None when FREQ is missing or a part is malformed.
    pub fn parse(text: &str) -> Option<RRule> {
        let mut r = RRule {
            freq: Freq::Daily,
            freq_text: String::new(),
            interval: 1,
            by_day: Vec::new(),
            by_month_day: Vec::new(),
            by_month: Vec::new(),
            by_set_pos: Vec::new(),
            wkst: None,
            until: None,
            count: None,
            other: Vec::new(),
        };
        for part in text.trim().split(';').filter(|p| !p.is_empty()) {
            let (k, v) = part.split_once('=')?;
            let (k, v) = (k.trim().to_ascii_uppercase(), v.trim().to_ascii_uppercase());
            let list = || v.split(',').map(str::trim).filter(|s| !s.is_empty());
            match k.as_str() {
                "FREQ" => {
                    r.freq = match v.as_str() {
                        "SECONDLY" | "MINUTELY" | "HOURLY" => Freq::SubDaily,
                        "DAILY" => Freq::Daily,
                        "WEEKLY" => Freq::Weekly,
                        "MONTHLY" => Freq::Monthly,
                        "YEARLY" => Freq::Yearly,
                        _ => return None,
                    };
                    r.freq_text = v.clone();
                }
                "INTERVAL" => r.interval = v.parse().ok().filter(|n| *n >= 1)?,
                "COUNT" => r.count = Some(v.parse().ok()?),
                "UNTIL" => r.until = Some(v),
                "WKST" => r.wkst = Some(ical_weekday(&v)?),
                "BYDAY" => {
                    for item in list() {
                        let (n, d) = item.split_at_checked(item.len().checked_sub(2)?)?;
                        let nth = if n.is_empty() {
                            None
                        } else {
                            Some(n.trim_start_matches('+').parse::<i8>().ok()?)
                        };
                        r.by_day.push((nth, ical_weekday(d)?));
                    }
                }
                "BYMONTHDAY" => {
                    for item in list() {
                        r.by_month_day.push(item.parse().ok()?);
                    }
                }
                "BYMONTH" => {
                    for item in list() {
                        r.by_month
                            .push(item.parse().ok().filter(|m| (1..=12).contains(m))?);
                    }
                }
                "BYSETPOS" => {
                    for item in list() {
                        r.by_set_pos.push(item.parse().ok()?);
                    }
                }
                _ => r.other.push((k, v)),
            }
        }
        (!r.freq_text.is_empty()).then_some(r)
    }

    /// Parts that make a rule repeat within a day (BYHOUR, BYMINUTE,
    /// BYSECOND, or a sub-daily FREQ).
    pub fn is_sub_daily(&self) -> bool {
        self.freq == Freq::SubDaily
            || self
                .other
                .iter()
                .any(|(k, _)| matches!(k.as_str(), "BYHOUR" | "BYMINUTE" | "BYSECOND"))
    }

    /// The rule without UNTIL and COUNT, parts in RFC order.
    pub fn normalised(&self) -> String {
        let mut s = format!("FREQ={}", self.freq_text);
        if self.interval > 1 {
            s.push_str(&format!(";INTERVAL={}", self.interval));
        }
        let join = |v: Vec<String>| v.join(",");
        if !self.by_month.is_empty() {
            s.push_str(&format!(
                ";BYMONTH={}",
                join(self.by_month.iter().map(u32::to_string).collect())
            ));
        }
        if !self.by_month_day.is_empty() {
            s.push_str(&format!(
                ";BYMONTHDAY={}",
                join(self.by_month_day.iter().map(i8::to_string).collect())
            ));
        }
        for (k, v) in &self.other {
            s.push_str(&format!(";{k}={v}"));
        }
        if !self.by_day.is_empty() {
            let days = self
                .by_day
                .iter()
                .map(|(n, d)| {
                    format!(
                        "{}{}",
                        n.map(|n| n.to_string()).unwrap_or_default(),
                        code(*d)
                    )
                })
                .collect();
            s.push_str(&format!(";BYDAY={}", join(days)));
        }
        if !self.by_set_pos.is_empty() {
            s.push_str(&format!(
                ";BYSETPOS={}",
                join(self.by_set_pos.iter().map(i32::to_string).collect())
            ));
        }
        if let Some(w) = self.wkst.filter(|w| *w != Weekday::Mon) {
            s.push_str(&format!(";WKST={}", code(w)));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_normalises() {
        let r =
            RRule::parse("FREQ=MONTHLY;UNTIL=20261231T090000Z;BYDAY=1TH,+3TH;INTERVAL=1").unwrap();
        assert_eq!(
            r.by_day,
            vec![(Some(1), Weekday::Thu), (Some(3), Weekday::Thu)]
        );
        assert_eq!(r.until.as_deref(), Some("20261231T090000Z"));
        assert_eq!(r.normalised(), "FREQ=MONTHLY;BYDAY=1TH,3TH");
        let y = RRule::parse("freq=yearly;bymonth=7;bymonthday=14;wkst=su").unwrap();
        assert_eq!(
            y.normalised(),
            "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=14;WKST=SU"
        );
        assert!(
            RRule::parse("FREQ=HOURLY;INTERVAL=2")
                .unwrap()
                .is_sub_daily()
        );
        assert!(
            RRule::parse("FREQ=DAILY;BYHOUR=9,15")
                .unwrap()
                .is_sub_daily()
        );
        assert_eq!(RRule::parse("INTERVAL=2"), None);
        assert_eq!(RRule::parse("FREQ=WEEKLY;BYDAY=XX"), None);
    }
}
