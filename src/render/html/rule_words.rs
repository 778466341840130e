//! A recurrence rule in words, in the calendar's language: "le premier et
//! le troisième jeudi du mois", "the first and third Thursday of the
//! month", "le 14 juillet de chaque année", "every 14 July". Rules no
//! phrase fits are shown as their RRULE text.

use chrono::Weekday;

use super::words::{day_name, list, long_date, month_name};
use crate::model::{ByDay, DateEntry, Freq, Language, Recur, Rule, Schedule, WORK_WEEK, When};

/// The whole schedule: "chaque lundi de 16 h à 17 h", "every Monday, 4–5 pm".
pub fn schedule(lang: Language, s: &Schedule) -> String {
    let freq = describe(lang, &s.rule);
    let when = match s.when {
        When::AllDay { days: 1 } => super::words::all_day(lang).to_owned(),
        When::AllDay { days } => match lang {
            Language::Fr => format!("sur {days} jours"),
            Language::En => format!("over {days} days"),
        },
        When::Timed { start, duration } => super::words::time_phrase(lang, start, duration),
    };
    match (lang, s.when) {
        (Language::Fr, When::Timed { .. }) => format!("{freq} {when}"),
        _ => format!("{freq}, {when}"),
    }
}

/// How often, without the time: "chaque lundi", "every other Tuesday",
/// "le premier et le troisième jeudi du mois".
pub fn frequency(lang: Language, rule: &Rule) -> String {
    describe(lang, rule)
}

/// How often, without the time.
pub fn describe(lang: Language, rule: &Rule) -> String {
    match rule {
        Rule::Dates(dates) => dates_phrase(lang, dates),
        Rule::Recur(r) => recur(lang, r).unwrap_or_else(|| match lang {
            Language::Fr => format!("selon la règle {}", r.rrule_text()),
            Language::En => format!("following the rule {}", r.rrule_text()),
        }),
    }
}

fn recur(lang: Language, r: &Recur) -> Option<String> {
    if !r.by_week_no.is_empty() || !r.by_year_day.is_empty() {
        return None;
    }
    match r.freq {
        Freq::Daily => daily(lang, r),
        Freq::Weekly => weekly(lang, r),
        Freq::Monthly => {
            if !r.by_month.is_empty() {
                return None;
            }
            let base = in_month(lang, r)?;
            Some(match (lang, r.interval) {
                (_, 1) => base,
                (Language::Fr, 2) => format!("{base}, un mois sur deux"),
                (Language::Fr, n) => format!("{base}, tous les {n} mois"),
                (Language::En, 2) => format!("{base}, every other month"),
                (Language::En, n) => format!("{base}, every {n} months"),
            })
        }
        Freq::Yearly => yearly(lang, r),
    }
}

fn daily(lang: Language, r: &Recur) -> Option<String> {
    if !(r.by_month.is_empty() && r.by_month_day.is_empty() && r.by_set_pos.is_empty()) {
        return None;
    }
    if !r.by_day.is_empty() {
        if r.interval != 1 {
            return None;
        }
        let days: Vec<Weekday> = r.by_day.iter().map(|b| b.day).collect();
        return Some(weekdays(lang, 1, &days));
    }
    Some(match (lang, r.interval) {
        (Language::Fr, 1) => "chaque jour".to_owned(),
        (Language::En, 1) => "every day".to_owned(),
        (Language::Fr, 2) => "un jour sur deux".to_owned(),
        (Language::En, 2) => "every other day".to_owned(),
        (Language::Fr, n) => format!("tous les {n} jours"),
        (Language::En, n) => format!("every {n} days"),
    })
}

fn weekly(lang: Language, r: &Recur) -> Option<String> {
    if !(r.by_month.is_empty() && r.by_set_pos.is_empty() && !r.by_day.is_empty()) {
        return None;
    }
    let days: Vec<Weekday> = r.by_day.iter().map(|b| b.day).collect();
    Some(weekdays(lang, r.interval, &days))
}

/// "chaque lundi", "every other Tuesday", "every 3 weeks on Monday".
pub fn weekdays(lang: Language, interval: u32, days: &[Weekday]) -> String {
    if interval == 1 && days == WORK_WEEK {
        return match lang {
            Language::Fr => "du lundi au vendredi".to_owned(),
            Language::En => "every weekday".to_owned(),
        };
    }
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

/// What a month's dates are, without the interval: "le premier et le
/// troisième jeudi du mois", "the last weekday of the month".
fn in_month(lang: Language, r: &Recur) -> Option<String> {
    let of_month = match lang {
        Language::Fr => "du mois",
        Language::En => "of the month",
    };
    Some(format!("{} {of_month}", month_part(lang, r)?))
}

/// "le premier et le troisième jeudi", "le 1er et le 15", "the last day".
fn month_part(lang: Language, r: &Recur) -> Option<String> {
    if !r.by_month_day.is_empty() {
        if !r.by_day.is_empty() || !r.by_set_pos.is_empty() {
            return None;
        }
        let items: Vec<String> = r.by_month_day.iter().map(|n| month_day(lang, *n)).collect();
        return Some(the_list(lang, &items));
    }
    if !r.by_set_pos.is_empty() {
        if r.by_day.iter().map(|b| b.day).collect::<Vec<_>>() != WORK_WEEK
            || r.by_day.iter().any(|b| b.nth.is_some())
        {
            return None;
        }
        let ords: Vec<String> = r.by_set_pos.iter().map(|n| ordinal(lang, *n)).collect();
        let ords = the_list(lang, &ords);
        return Some(match lang {
            Language::Fr => format!("{ords} jour ouvré"),
            Language::En => format!("{ords} weekday"),
        });
    }
    if r.by_day.is_empty() || r.by_day.iter().any(|b| b.nth.is_none()) {
        return None;
    }
    Some(nth_days(lang, &r.by_day))
}

/// "le premier et le troisième jeudi", "le premier lundi et le dernier
/// vendredi": ordinals of one weekday share it.
fn nth_days(lang: Language, by_day: &[ByDay]) -> String {
    let mut groups: Vec<(Weekday, Vec<i16>)> = Vec::new();
    for b in by_day {
        let n = b.nth.unwrap_or(1);
        match groups.iter_mut().find(|(d, _)| *d == b.day) {
            Some((_, ns)) => ns.push(n),
            None => groups.push((b.day, vec![n])),
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|(day, ns)| {
            let ords: Vec<String> = ns.iter().map(|n| ordinal(lang, *n)).collect();
            format!("{} {}", the_list(lang, &ords), day_name(lang, *day))
        })
        .collect();
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    list(lang, &refs)
}

/// "le premier et le troisième" / "the first and third".
fn the_list(lang: Language, items: &[String]) -> String {
    match lang {
        Language::Fr => {
            let with: Vec<String> = items.iter().map(|i| format!("le {i}")).collect();
            let refs: Vec<&str> = with.iter().map(String::as_str).collect();
            list(lang, &refs)
        }
        Language::En => {
            let refs: Vec<&str> = items.iter().map(String::as_str).collect();
            format!("the {}", list(lang, &refs))
        }
    }
}

fn ordinal(lang: Language, n: i16) -> String {
    const FR: [&str; 5] = ["premier", "deuxième", "troisième", "quatrième", "cinquième"];
    const EN: [&str; 5] = ["first", "second", "third", "fourth", "fifth"];
    match (lang, n) {
        (Language::Fr, -1) => "dernier".to_owned(),
        (Language::En, -1) => "last".to_owned(),
        (Language::Fr, -2) => "avant-dernier".to_owned(),
        (Language::En, -2) => "second-to-last".to_owned(),
        (Language::Fr, 1..=5) => FR[n as usize - 1].to_owned(),
        (Language::En, 1..=5) => EN[n as usize - 1].to_owned(),
        (Language::Fr, n) if n > 0 => format!("{n}e"),
        (Language::En, n) if n > 0 => en_ordinal(n),
        (Language::Fr, n) => format!("{}e en partant de la fin", -n),
        (Language::En, n) => format!("{} from the end", en_ordinal(-n)),
    }
}

fn en_ordinal(n: i16) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "1er", "15", "dernier jour" / "1st", "15th", "last day".
fn month_day(lang: Language, n: i16) -> String {
    match (lang, n) {
        (Language::Fr, 1) => "1er".to_owned(),
        (Language::Fr, n) if n > 0 => n.to_string(),
        (Language::En, n) if n > 0 => en_ordinal(n),
        (Language::Fr, n) => format!("{} jour", ordinal(lang, n)),
        (Language::En, n) => format!("{} day", ordinal(lang, n)),
    }
}

fn yearly(lang: Language, r: &Recur) -> Option<String> {
    let [month] = r.by_month.as_slice() else {
        return None;
    };
    let m = month_name(lang, *month);
    let base = match (r.by_month_day.as_slice(), r.by_day.is_empty(), lang) {
        ([d], true, Language::Fr) if *d > 0 && r.by_set_pos.is_empty() => {
            let day = if *d == 1 {
                "1er".to_owned()
            } else {
                d.to_string()
            };
            format!("le {day} {m} de chaque année")
        }
        ([d], true, Language::En) if *d > 0 && r.by_set_pos.is_empty() => {
            format!("every {d} {m}")
        }
        _ => {
            let part = month_part(lang, r)?;
            match lang {
                Language::Fr => {
                    let de = if m.starts_with(['a', 'o']) {
                        "d'"
                    } else {
                        "de "
                    };
                    format!("{part} {de}{m}, chaque année")
                }
                Language::En => format!("{part} of {m}, every year"),
            }
        }
    };
    Some(match (lang, r.interval) {
        (_, 1) => base,
        (Language::Fr, n) => format!("{base} (tous les {n} ans)"),
        (Language::En, n) => format!("{base} (every {n} years)"),
    })
}

fn dates_phrase(lang: Language, dates: &[DateEntry]) -> String {
    let words: Vec<String> = dates.iter().map(|e| long_date(lang, e.date)).collect();
    match (dates, lang) {
        ([_, _, _, _, ..], Language::Fr) => format!(
            "{} dates, du {} au {}",
            dates.len(),
            words[0],
            words[words.len() - 1]
        ),
        ([_, _, _, _, ..], Language::En) => format!(
            "{} dates, from {} to {}",
            dates.len(),
            words[0],
            words[words.len() - 1]
        ),
        (_, Language::Fr) => the_list(lang, &words),
        (_, Language::En) => {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            format!("on {}", list(lang, &refs))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::parse_every;

    fn both(every: &str) -> (String, String) {
        let rule = parse_every(every).unwrap();
        (describe(Language::Fr, &rule), describe(Language::En, &rule))
    }

    #[test]
    fn the_issue_forms_in_words() {
        for (every, fr, en) in [
            ("3 days", "tous les 3 jours", "every 3 days"),
            (
                "first and third thursday of the month",
                "le premier et le troisième jeudi du mois",
                "the first and third Thursday of the month",
            ),
            (
                "fifth wednesday of the month",
                "le cinquième mercredi du mois",
                "the fifth Wednesday of the month",
            ),
            (
                "2 months on last friday",
                "le dernier vendredi du mois, un mois sur deux",
                "the last Friday of the month, every other month",
            ),
            (
                "3 months on first monday",
                "le premier lundi du mois, tous les 3 mois",
                "the first Monday of the month, every 3 months",
            ),
            ("month on day 15", "le 15 du mois", "the 15th of the month"),
            (
                "month on days 1 and 15",
                "le 1er et le 15 du mois",
                "the 1st and 15th of the month",
            ),
            (
                "month on last day",
                "le dernier jour du mois",
                "the last day of the month",
            ),
            (
                "month on last weekday",
                "le dernier jour ouvré du mois",
                "the last weekday of the month",
            ),
            (
                "month on first weekday",
                "le premier jour ouvré du mois",
                "the first weekday of the month",
            ),
            (
                "year on 14 july",
                "le 14 juillet de chaque année",
                "every 14 July",
            ),
            (
                "year on last monday of may",
                "le dernier lundi de mai, chaque année",
                "the last Monday of May, every year",
            ),
            (
                "year on first monday of august",
                "le premier lundi d'août, chaque année",
                "the first Monday of August, every year",
            ),
        ] {
            assert_eq!(both(every), (fr.to_owned(), en.to_owned()), "{every}");
        }
    }
}
