//! Schedules, times and dates in words, in the calendar's language:
//! "chaque lundi de 16 h à 17 h", "every Monday, 4–5 pm".

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta, Timelike, Weekday};

use crate::expand::Reason;
use crate::model::Language;

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
pub fn list(lang: Language, items: &[&str]) -> String {
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

/// "juillet", "July".
pub fn month_name(lang: Language, month: u32) -> &'static str {
    let i = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Language::Fr => MONTHS_FR[i],
        Language::En => MONTHS_EN[i],
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
pub fn time_phrase(lang: Language, start: NaiveTime, length: TimeDelta) -> String {
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
