//! The text `rituals holidays CODE YEAR` prints: one line per holiday,
//! date, weekday and name, in the chosen language.

use chrono::Datelike;

use super::Region;
use crate::model::Language;
use crate::render::html::words::day_name;

/// `FR-67 — Bas-Rhin, 2027 : 13 jours fériés` then `2027-01-01  vendredi  Jour de l'an`
/// lines, each ending with a newline.
pub fn listing(region: Region, year: i32, lang: Language) -> String {
    let days = region.days(year);
    let fr = lang == Language::Fr;
    let mut out = match lang {
        Language::Fr => format!(
            "{} — {}, {year} : {} jours fériés\n",
            region.code(),
            region.name(fr),
            days.len()
        ),
        Language::En => format!(
            "{} — {}, {year}: {} public holidays\n",
            region.code(),
            region.name(fr),
            days.len()
        ),
    };
    let width = days
        .iter()
        .map(|d| day_name(lang, d.date.weekday()).chars().count())
        .max()
        .unwrap_or(0);
    for d in &days {
        let name = if fr { d.fr() } else { d.en() };
        let weekday = day_name(lang, d.date.weekday());
        out.push_str(&format!("{}  {weekday:<width$}  {name}\n", d.date));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_alsace_moselle_with_good_friday_and_st_stephen() {
        let r = Region::lookup("FR-67").unwrap();
        let text = listing(r, 2027, Language::Fr);
        assert!(
            text.starts_with("FR-67 — Bas-Rhin, 2027 : 13 jours fériés\n"),
            "{text}"
        );
        assert!(
            text.contains("2027-03-26  vendredi  Vendredi saint\n"),
            "{text}"
        );
        assert!(
            text.contains("2027-12-26  dimanche  Saint-Étienne\n"),
            "{text}"
        );
    }

    #[test]
    fn names_substitute_days_in_english() {
        let r = Region::lookup("GB-ENG").unwrap();
        let text = listing(r, 2027, Language::En);
        assert!(
            text.contains("2027-12-27  Monday    Christmas Day (substitute day)\n"),
            "{text}"
        );
        assert!(
            text.contains("2027-12-28  Tuesday   Boxing Day (substitute day)\n"),
            "{text}"
        );
    }
}
