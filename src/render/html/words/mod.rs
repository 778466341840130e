//! Schedules, times and dates in words, in the calendar's language:
//! "chaque lundi de 16 h à 17 h", "every Monday, 4–5 pm".

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta, Timelike, Weekday};

use crate::expand::Reason;
use crate::model::{Language, Rule, Schedule, When};

const DAYS_FR: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const DAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Keeps "16 h" and "4 pm" on one line, as French typography wants.
const NBSP: char = '\u{a0}';

pub fn day_name(lang: Language, d: Weekday) -> &'static str {
    let i = d.num_days_from_monday() as usize;
    match lang {
        Language::Fr => DAYS_FR[i],
        Language::En => DAYS_EN[i],
    }
}

/// "lundi 30 novembre 2026", "Monday 30 November 2026".
pub fn long_date(lang: Language, d: NaiveDate) -> String {
    let month = d.month0() as usize;
    match lang {
        Language::Fr => {
            let day = if d.day() == 1 {
                "1er".to_owned()
            } else {
                d.day().to_string()
            };
            format!(
                "{} {day} {} {}",
                day_name(lang, d.weekday()),
                MONTHS_FR[month],
                d.year()
            )
        }
        Language::En => format!(
            "{} {} {} {}",
            day_name(lang, d.weekday()),
            d.day(),
            MONTHS_EN[month],
            d.year()
        ),
    }
}

/// "a, b et c" / "a, b and c".
fn list(lang: Language, items: &[&str]) -> String {
    let and = match lang {
        Language::Fr => " et ",
        Language::En => " and ",
    };
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    }
}

/// How often, without the time: "chaque lundi", "every other Tuesday".
pub fn frequency(lang: Language, rule: &Rule) -> String {
    const WORK_WEEK: [Weekday; 5] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];
    match (rule, lang) {
        (Rule::Daily, Language::Fr) => "chaque jour".to_owned(),
        (Rule::Daily, Language::En) => "every day".to_owned(),
        (Rule::Weekly { interval: 1, days }, Language::Fr) if days == &WORK_WEEK => {
            "du lundi au vendredi".to_owned()
        }
        (Rule::Weekly { interval: 1, days }, Language::En) if days == &WORK_WEEK => {
            "every weekday".to_owned()
        }
        (Rule::Weekly { interval, days }, _) => {
            let names: Vec<&str> = days.iter().map(|d| day_name(lang, *d)).collect();
            let days = list(lang, &names);
            match (interval, lang, names.len()) {
                (1, Language::Fr, _) => format!("chaque {days}"),
                (1, Language::En, _) => format!("every {days}"),
                (2, Language::Fr, 1) => format!("un {days} sur deux"),
                (2, Language::Fr, _) => format!("une semaine sur deux, le {days}"),
                (2, Language::En, 1) => format!("every other {days}"),
                (2, Language::En, _) => format!("every other week on {days}"),
                (n, Language::Fr, _) => format!("toutes les {n} semaines, le {days}"),
                (n, Language::En, _) => format!("every {n} weeks on {days}"),
            }
        }
        (Rule::MonthlyNth { nth, day }, Language::Fr) => {
            let ord = match nth {
                1 => "premier",
                2 => "deuxième",
                3 => "troisième",
                4 => "quatrième",
                _ => "dernier",
            };
            format!("le {ord} {} du mois", day_name(lang, *day))
        }
        (Rule::MonthlyNth { nth, day }, Language::En) => {
            let ord = match nth {
                1 => "first",
                2 => "second",
                3 => "third",
                4 => "fourth",
                _ => "last",
            };
            format!("the {ord} {} of the month", day_name(lang, *day))
        }
    }
}

/// "16 h", "9 h 30" / "4 pm", "9:30 am".
fn clock(lang: Language, t: NaiveTime, with_suffix: bool) -> String {
    let (h, m) = (t.hour(), t.minute());
    match lang {
        Language::Fr if m == 0 => format!("{h}{NBSP}h"),
        Language::Fr => format!("{h}{NBSP}h{NBSP}{m:02}"),
        Language::En => {
            let h12 = if h % 12 == 0 { 12 } else { h % 12 };
            let base = if m == 0 {
                h12.to_string()
            } else {
                format!("{h12}:{m:02}")
            };
            if with_suffix {
                format!("{base}{NBSP}{}", if h < 12 { "am" } else { "pm" })
            } else {
                base
            }
        }
    }
}

fn hours_minutes(lang: Language, d: TimeDelta) -> String {
    let (h, m) = (d.num_hours(), d.num_minutes() % 60);
    match (lang, m) {
        (Language::Fr, 0) => format!("{h} h"),
        (Language::Fr, _) => format!("{h} h {m:02}"),
        (Language::En, 0) => format!("{h} h"),
        (Language::En, _) => format!("{h} h {m} min"),
    }
}

/// A time range, compact: "16 h – 17 h", "4–5 pm", "11 am–12 pm".
pub fn time_range(lang: Language, start: NaiveTime, length: TimeDelta) -> String {
    if length >= TimeDelta::days(1) {
        return format!(
            "{}, {}",
            clock(lang, start, true),
            hours_minutes(lang, length)
        );
    }
    let (end, wrapped) = start.overflowing_add_signed(length);
    let next_day = wrapped != 0;
    match lang {
        Language::Fr => {
            let s = format!(
                "{}{NBSP}– {}",
                clock(lang, start, true),
                clock(lang, end, true)
            );
            if next_day {
                format!("{s} (le lendemain)")
            } else {
                s
            }
        }
        Language::En => {
            let same_half = (start.hour() < 12) == (end.hour() < 12) && !next_day;
            let s = if same_half {
                format!("{}–{}", clock(lang, start, false), clock(lang, end, true))
            } else {
                format!("{}–{}", clock(lang, start, true), clock(lang, end, true))
            };
            if next_day {
                format!("{s} (next day)")
            } else {
                s
            }
        }
    }
}

/// A time range in a sentence: "de 16 h à 17 h" / "4–5 pm".
fn time_phrase(lang: Language, start: NaiveTime, length: TimeDelta) -> String {
    match lang {
        Language::Fr if length < TimeDelta::days(1) => {
            let (end, wrapped) = start.overflowing_add_signed(length);
            let s = format!(
                "de {} à {}",
                clock(lang, start, true),
                clock(lang, end, true)
            );
            if wrapped != 0 {
                format!("{s} le lendemain")
            } else {
                s
            }
        }
        Language::Fr => format!(
            "à {}, pendant {}",
            clock(lang, start, true),
            hours_minutes(lang, length)
        ),
        Language::En => time_range(lang, start, length),
    }
}

pub fn all_day(lang: Language) -> &'static str {
    match lang {
        Language::Fr => "toute la journée",
        Language::En => "all day",
    }
}

/// The whole schedule: "chaque lundi de 16 h à 17 h", "every Monday, 4–5 pm".
pub fn schedule(lang: Language, s: &Schedule) -> String {
    let freq = frequency(lang, &s.rule);
    let when = match s.when {
        When::AllDay => all_day(lang).to_owned(),
        When::Timed { start, duration } => time_phrase(lang, start, duration),
    };
    match (lang, s.when) {
        (Language::Fr, When::Timed { .. }) => format!("{freq} {when}"),
        _ => format!("{freq}, {when}"),
    }
}

/// Why an occurrence does not take place, as the page says it.
pub fn reason(lang: Language, r: &Reason) -> String {
    let label = r.label(lang);
    match (r, lang) {
        (Reason::Skip(None), _) => label,
        (_, Language::Fr) => format!("annulé, {label}"),
        (_, Language::En) => format!("cancelled, {label}"),
    }
}

#[cfg(test)]
mod tests;
