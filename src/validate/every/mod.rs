//! The `every` mini-language: English grammar, English or French weekday
//! and month names, case-insensitive. Each form gives an RFC 5545 rule
//! (see the README's table).

mod vocab;

use chrono::Weekday;

use crate::diagnostic::did_you_mean;
use crate::model::{ByDay, Freq, Recur, Rule, WORK_WEEK};

pub const EXPECTED: &str = "`every` expects a weekday, `weekday`, `day`, `N days`, `N weeks on DAY`, `first|…|last DAY of the month`, `N months on …` or `year on …`";

/// A failed parse: the message and, when we can guess, a suggestion.
#[derive(Debug, PartialEq, Eq)]
pub struct EveryError {
    pub message: String,
    pub hint: Option<String>,
}

impl EveryError {
    fn expected(words: &[&str]) -> EveryError {
        let unknown = words.iter().find(|w| {
            **w != ","
                && vocab::day_number(w).is_none()
                && !vocab::all_words().any(|k| k == **w)
                && vocab::weekday(w).is_none()
        });
        EveryError {
            message: EXPECTED.to_owned(),
            hint: unknown
                .and_then(|w| did_you_mean(w, vocab::all_words()))
                .map(|s| format!("did you mean `{s}`?")),
        }
    }

    fn msg(message: impl Into<String>, hint: Option<&str>) -> EveryError {
        EveryError {
            message: message.into(),
            hint: hint.map(str::to_owned),
        }
    }
}

/// Parses `every`, given as one string or a YAML list of weekdays.
pub fn parse(items: &[&str]) -> Result<Rule, EveryError> {
    let texts: Vec<String> = items.iter().map(|s| s.trim().to_lowercase()).collect();
    if let [text] = texts.as_slice() {
        let spaced = text.replace(',', " , ");
        let words: Vec<&str> = spaced.split_whitespace().collect();
        if let Some(rule) = phrase(text, &words)? {
            return Ok(rule);
        }
    }
    let mut days = Vec::new();
    let mut all: Vec<&str> = Vec::new();
    for t in &texts {
        all.extend(t.split_whitespace());
    }
    for t in &texts {
        for word in t.split([',', ' ']).filter(|w| !w.is_empty()) {
            if word == "and" || word == "et" {
                continue;
            }
            let joined = all.join(" ");
            let d = vocab::weekday(word).ok_or_else(|| {
                let mut e = EveryError::expected(&joined.split_whitespace().collect::<Vec<_>>());
                if e.hint.is_none() {
                    e.hint = did_you_mean(word, vocab::all_words())
                        .map(|s| format!("did you mean `{s}`?"));
                }
                e
            })?;
            if !days.contains(&d) {
                days.push(d);
            }
        }
    }
    if days.is_empty() {
        return Err(EveryError::expected(&[]));
    }
    Ok(Rule::weekly(1, &days))
}

/// The forms other than a plain list of weekdays; None when `words` is
/// such a list (or nothing we know).
fn phrase(text: &str, words: &[&str]) -> Result<Option<Rule>, EveryError> {
    let rule = match words {
        ["day" | "daily" | "jour"] => Rule::daily(1),
        ["weekday" | "weekdays"] => Rule::weekly(1, &WORK_WEEK),
        [n, "day" | "days"] => Rule::daily(interval(text, n, "days", 366)?),
        ["week" | "weeks", "on", rest @ ..] => Rule::weekly(1, &day_list(rest)?),
        [n, "week" | "weeks", "on", rest @ ..] => {
            Rule::weekly(interval(text, n, "weeks", 52)?, &day_list(rest)?)
        }
        [rest @ .., "of", "the", "month"] | [rest @ .., "of", "month"] => {
            month_spec(Recur::new(Freq::Monthly), rest)?
        }
        ["month" | "months"] => Rule::Recur(Recur::new(Freq::Monthly)),
        ["month" | "months", "on", rest @ ..] => month_spec(Recur::new(Freq::Monthly), rest)?,
        [n, "month" | "months", "on", rest @ ..] => {
            let mut r = Recur::new(Freq::Monthly);
            r.interval = interval(text, n, "months", 120)?;
            month_spec(r, rest)?
        }
        ["year" | "years"] => Rule::Recur(Recur::new(Freq::Yearly)),
        ["year" | "years", "on", rest @ ..] => year_spec(Recur::new(Freq::Yearly), rest)?,
        [n, "year" | "years", "on", rest @ ..] => {
            let mut r = Recur::new(Freq::Yearly);
            r.interval = interval(text, n, "years", 100)?;
            year_spec(r, rest)?
        }
        _ => return Ok(None),
    };
    Ok(Some(rule))
}

fn interval(text: &str, n: &str, unit: &str, max: u32) -> Result<u32, EveryError> {
    n.parse()
        .ok()
        .filter(|n| (1..=max).contains(n))
        .ok_or_else(|| {
            EveryError::msg(
                format!("`every: {text}`: the number of {unit} must be from 1 to {max}"),
                None,
            )
        })
}

/// `monday, friday`, `monday and friday`.
fn day_list(words: &[&str]) -> Result<Vec<Weekday>, EveryError> {
    let mut days = Vec::new();
    for w in words.iter().filter(|w| !matches!(**w, "," | "and" | "et")) {
        let d = vocab::weekday(w).ok_or_else(|| EveryError::expected(words))?;
        if !days.contains(&d) {
            days.push(d);
        }
    }
    if days.is_empty() {
        return Err(EveryError::expected(words));
    }
    Ok(days)
}

/// Items separated by `,` and `and`, without the leading `the`s.
fn items<'a>(words: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut out: Vec<Vec<&str>> = vec![Vec::new()];
    for w in words {
        match *w {
            "," | "and" | "et" => out.push(Vec::new()),
            "the" => {}
            w => out.last_mut().expect("one item").push(w),
        }
    }
    out.retain(|i| !i.is_empty());
    out
}

/// What follows `month on` (or precedes `of the month`).
fn month_spec(mut r: Recur, words: &[&str]) -> Result<Rule, EveryError> {
    let list = items(words);
    if list.is_empty() {
        return Err(EveryError::expected(words));
    }
    // `day 15`, `days 1 and 15`.
    if let Some(first) = list.first()
        && matches!(first.first(), Some(&"day" | &"days"))
        && first.len() > 1
    {
        let mut rest = vec![first[1..].to_vec()];
        rest.extend(list[1..].iter().cloned());
        r.by_month_day = month_days(&rest, words)?;
        return done(r);
    }
    // `15th`, `1 and 15`: plain numbers.
    if list
        .iter()
        .all(|i| i.len() == 1 && vocab::day_number(i[0]).is_some())
    {
        r.by_month_day = month_days(&list, words)?;
        return done(r);
    }
    let last = list.last().and_then(|i| i.last()).copied().unwrap_or("");
    match last {
        // `last day`, `first and last day`.
        "day" => {
            r.by_month_day = ordinals_before(&list, "day", words)?.into_iter().collect();
        }
        // `last weekday`, `first weekday`: BYSETPOS over Monday–Friday.
        "weekday" => {
            r.by_set_pos = ordinals_before(&list, "weekday", words)?;
            r.by_day = WORK_WEEK.map(|day| ByDay { nth: None, day }).to_vec();
        }
        _ => r.by_day = nth_days(&list, words, 5)?,
    }
    done(r)
}

/// What follows `year on`: `14 july`, `july 14`, `last monday of may`,
/// `first weekday of september`, `last day of december`.
fn year_spec(mut r: Recur, words: &[&str]) -> Result<Rule, EveryError> {
    let clean: Vec<&str> = words.iter().copied().filter(|w| *w != "the").collect();
    match clean.as_slice() {
        [a, b] | [a, "of", b] if vocab::day_number(a).is_some() && vocab::month(b).is_some() => {
            return on_day_of_month(r, vocab::day_number(a), vocab::month(b));
        }
        [a, b] if vocab::month(a).is_some() && vocab::day_number(b).is_some() => {
            return on_day_of_month(r, vocab::day_number(b), vocab::month(a));
        }
        ["day", n] => {
            let n = vocab::day_number(n)
                .filter(|n| (1..=366).contains(&n.abs()))
                .ok_or_else(|| EveryError::expected(words))?;
            r.by_year_day = vec![n];
            return done(r);
        }
        _ => {}
    }
    if let Some(of) = clean.iter().rposition(|w| *w == "of")
        && let Some(m) = clean.get(of + 1).and_then(|w| vocab::month(w))
        && of + 2 == clean.len()
    {
        r.by_month = vec![m];
        return month_spec(r, &clean[..of]);
    }
    let list = items(&clean);
    r.by_day = nth_days(&list, words, 53)?;
    done(r)
}

fn on_day_of_month(mut r: Recur, day: Option<i16>, month: Option<u32>) -> Result<Rule, EveryError> {
    let (Some(day), Some(month)) = (day, month) else {
        return Err(EveryError::expected(&[]));
    };
    const DAYS_IN: [i16; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let max = DAYS_IN[month as usize - 1];
    if !(1..=max).contains(&day) {
        return Err(EveryError::msg(
            format!("month {month} has no day {day}"),
            Some(
                "write a day that exists, e.g. `year on 28 february` or `year on last day of february`",
            ),
        ));
    }
    r.by_month = vec![month];
    r.by_month_day = vec![day];
    done(r)
}

fn month_days(list: &[Vec<&str>], words: &[&str]) -> Result<Vec<i16>, EveryError> {
    let mut out = Vec::new();
    for item in list {
        let n = match item.as_slice() {
            ["last"] | ["last", "day"] => Some(-1),
            [n] => vocab::day_number(n),
            _ => None,
        };
        let n = n
            .filter(|n| *n != 0 && (-31..=31).contains(n))
            .ok_or_else(|| {
                EveryError::msg(
                    format!(
                        "`every`: `{}` is not a day of the month (1 to 31, or `last`)",
                        item.join(" ")
                    ),
                    Some("e.g. `month on day 15`, `month on days 1 and 15`, `month on last day`"),
                )
            })?;
        out.push(n);
    }
    let _ = words;
    Ok(out)
}

/// `first and last` before a final `day`/`weekday`.
fn ordinals_before(list: &[Vec<&str>], noun: &str, words: &[&str]) -> Result<Vec<i16>, EveryError> {
    let mut out = Vec::new();
    for (k, item) in list.iter().enumerate() {
        let body: &[&str] = if k + 1 == list.len() {
            item.strip_suffix(&[noun]).unwrap_or(item)
        } else {
            item
        };
        match body {
            [o] => out.push(ordinal(o, words)?),
            ["second", "last"] | ["second", "to", "last"] => out.push(-2),
            _ => return Err(EveryError::expected(words)),
        }
    }
    Ok(out)
}

fn ordinal(word: &str, words: &[&str]) -> Result<i16, EveryError> {
    vocab::ordinal(word).ok_or_else(|| {
        let mut e = EveryError::expected(words);
        e.hint = did_you_mean(word, vocab::ORDINALS.iter().map(|(n, _)| *n))
            .map(|s| format!("did you mean `{s}`?"))
            .or(e.hint);
        e
    })
}

/// `first and third thursday`, `first thursday, third thursday`,
/// `last friday`, `second to last monday`: an ordinal without a weekday
/// takes the next one written.
fn nth_days(list: &[Vec<&str>], words: &[&str], max: i16) -> Result<Vec<ByDay>, EveryError> {
    let mut out = Vec::new();
    let mut pending: Vec<i16> = Vec::new();
    for item in list {
        let (ord_words, day) = match item.split_last() {
            Some((last, init)) => match vocab::weekday(last) {
                Some(d) => (init, Some(d)),
                None => (item.as_slice(), None),
            },
            None => continue,
        };
        let n = match ord_words {
            [o] => ordinal(o, words)?,
            ["second", "last"] | ["second", "to", "last"] => -2,
            [] => return Err(EveryError::expected(words)),
            _ => return Err(EveryError::expected(words)),
        };
        if n.abs() > max {
            return Err(EveryError::expected(words));
        }
        pending.push(n);
        if let Some(day) = day {
            out.extend(pending.drain(..).map(|n| ByDay { nth: Some(n), day }));
        }
    }
    if !pending.is_empty() || out.is_empty() {
        return Err(EveryError::msg(
            EXPECTED,
            Some(
                "name the weekday after its ordinal, e.g. `first and third thursday of the month`",
            ),
        ));
    }
    Ok(out)
}

fn done(mut r: Recur) -> Result<Rule, EveryError> {
    r.normalise();
    Ok(Rule::Recur(r))
}

#[cfg(test)]
mod tests;
