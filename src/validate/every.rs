//! The `every` mini-language.

use chrono::Weekday;

use crate::diagnostic::did_you_mean;
use crate::model::Rule;

pub const EXPECTED: &str = "`every` expects a weekday, `weekday`, `day`, `N weeks on DAY` or `first|…|last DAY of the month`";

const DAYS: [(&str, Weekday); 21] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
    ("lundi", Weekday::Mon),
    ("mardi", Weekday::Tue),
    ("mercredi", Weekday::Wed),
    ("jeudi", Weekday::Thu),
    ("vendredi", Weekday::Fri),
    ("samedi", Weekday::Sat),
    ("dimanche", Weekday::Sun),
];

/// Words `every` accepts besides weekday names, for suggestions.
const KEYWORDS: [&str; 2] = ["weekday", "day"];

/// A failed parse: the message and, when we can guess, a suggestion.
#[derive(Debug, PartialEq, Eq)]
pub struct EveryError {
    pub message: String,
    pub hint: Option<String>,
}

fn weekday(word: &str) -> Result<Weekday, EveryError> {
    let w = word.trim().to_lowercase();
    DAYS.iter()
        .find(|(n, _)| *n == w)
        .map(|(_, d)| *d)
        .ok_or_else(|| EveryError {
            message: EXPECTED.to_owned(),
            hint: did_you_mean(&w, DAYS.iter().map(|(n, _)| *n).chain(KEYWORDS))
                .map(|s| format!("did you mean `{s}`?")),
        })
}

fn weekday_list<'a>(items: impl IntoIterator<Item = &'a str>) -> Result<Vec<Weekday>, EveryError> {
    let mut days = Vec::new();
    for item in items {
        for word in item
            .split(',')
            .flat_map(|s| s.split(" and "))
            .flat_map(|s| s.split(" et "))
        {
            if word.trim().is_empty() {
                continue;
            }
            let d = weekday(word)?;
            if !days.contains(&d) {
                days.push(d);
            }
        }
    }
    if days.is_empty() {
        return Err(EveryError {
            message: EXPECTED.to_owned(),
            hint: None,
        });
    }
    days.sort_by_key(|d| d.num_days_from_monday());
    Ok(days)
}

/// Parses `every`, given as one string or a YAML list of weekdays.
pub fn parse(items: &[&str]) -> Result<Rule, EveryError> {
    if let [one] = items {
        let text = one.trim().to_lowercase();
        let words: Vec<&str> = text.split_whitespace().collect();
        match words.as_slice() {
            ["day"] | ["daily"] | ["jour"] => return Ok(Rule::Daily),
            ["weekday"] | ["weekdays"] => {
                return Ok(Rule::Weekly {
                    interval: 1,
                    days: vec![
                        Weekday::Mon,
                        Weekday::Tue,
                        Weekday::Wed,
                        Weekday::Thu,
                        Weekday::Fri,
                    ],
                });
            }
            [n, "weeks" | "week", "on", rest @ ..] => {
                let interval: u32 =
                    n.parse()
                        .ok()
                        .filter(|n| (1..=52).contains(n))
                        .ok_or_else(|| EveryError {
                            message: format!(
                                "`every: {text}`: the number of weeks must be from 1 to 52"
                            ),
                            hint: None,
                        })?;
                let days = weekday_list([rest.join(" ").as_str()])?;
                return Ok(Rule::Weekly { interval, days });
            }
            [nth, day, "of", "the", "month"] | [nth, day, "of", "month"] => {
                let nth = match *nth {
                    "first" | "1st" => 1,
                    "second" | "2nd" => 2,
                    "third" | "3rd" => 3,
                    "fourth" | "4th" => 4,
                    "last" => -1,
                    other => {
                        return Err(EveryError {
                            message: EXPECTED.to_owned(),
                            hint: did_you_mean(
                                other,
                                ["first", "second", "third", "fourth", "last"],
                            )
                            .map(|s| format!("did you mean `{s}`?")),
                        });
                    }
                };
                return Ok(Rule::MonthlyNth {
                    nth,
                    day: weekday(day)?,
                });
            }
            _ => {}
        }
    }
    let days = weekday_list(items.iter().copied())?;
    Ok(Rule::Weekly { interval: 1, days })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(
            parse(&["Monday"]),
            Ok(Rule::Weekly {
                interval: 1,
                days: vec![Weekday::Mon]
            })
        );
        assert_eq!(
            parse(&["friday, lundi"]),
            Ok(Rule::Weekly {
                interval: 1,
                days: vec![Weekday::Mon, Weekday::Fri]
            })
        );
        assert_eq!(
            parse(&["mon", "fri"]),
            Ok(Rule::Weekly {
                interval: 1,
                days: vec![Weekday::Mon, Weekday::Fri]
            })
        );
        assert_eq!(parse(&["day"]), Ok(Rule::Daily));
        assert_eq!(
            parse(&["2 weeks on tuesday"]),
            Ok(Rule::Weekly {
                interval: 2,
                days: vec![Weekday::Tue]
            })
        );
        assert_eq!(
            parse(&["last Friday of the month"]),
            Ok(Rule::MonthlyNth {
                nth: -1,
                day: Weekday::Fri
            })
        );
        assert_eq!(
            parse(&["first monday of the month"]),
            Ok(Rule::MonthlyNth {
                nth: 1,
                day: Weekday::Mon
            })
        );
    }

    #[test]
    fn misspelt_weekday_gets_a_hint() {
        let err = parse(&["mondey"]).unwrap_err();
        assert_eq!(err.message, EXPECTED);
        assert_eq!(err.hint.as_deref(), Some("did you mean `monday`?"));
    }
}
