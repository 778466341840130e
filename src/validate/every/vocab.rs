//! The words `every` knows: weekdays and months (English and French, with
//! English abbreviations) and ordinals.

use chrono::Weekday;

pub const DAYS: [(&str, Weekday); 21] = [
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

pub const MONTHS: [(&str, u32); 38] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
];

pub const ORDINALS: [(&str, i16); 11] = [
    ("first", 1),
    ("1st", 1),
    ("second", 2),
    ("2nd", 2),
    ("third", 3),
    ("3rd", 3),
    ("fourth", 4),
    ("4th", 4),
    ("fifth", 5),
    ("5th", 5),
    ("last", -1),
];

/// Words of the grammar, for "did you mean".
pub const KEYWORDS: [&str; 16] = [
    "day", "days", "weekday", "weekdays", "week", "weeks", "month", "months", "year", "years",
    "on", "of", "the", "and", "daily", "jour",
];

pub fn weekday(word: &str) -> Option<Weekday> {
    let w = word
        .strip_suffix('s')
        .filter(|w| w.len() > 3)
        .unwrap_or(word);
    DAYS.iter()
        .find(|(n, _)| *n == word || *n == w)
        .map(|(_, d)| *d)
}

pub fn month(word: &str) -> Option<u32> {
    MONTHS.iter().find(|(n, _)| *n == word).map(|(_, m)| *m)
}

pub fn ordinal(word: &str) -> Option<i16> {
    ORDINALS.iter().find(|(n, _)| *n == word).map(|(_, k)| *k)
}

/// `15`, `15th`, `1st`, `2nd`, `3rd`, `-1`.
pub fn day_number(word: &str) -> Option<i16> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word);
    digits.parse().ok()
}

/// Every word the grammar knows, for suggestions.
pub fn all_words() -> impl Iterator<Item = &'static str> {
    DAYS.iter()
        .map(|(n, _)| *n)
        .chain(MONTHS.iter().map(|(n, _)| *n))
        .chain(ORDINALS.iter().map(|(n, _)| *n))
        .chain(KEYWORDS)
}
