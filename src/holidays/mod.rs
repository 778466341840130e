//! Public holidays, one table entry per country.
//!
//! A country is a list of rules: fixed dates and offsets from Easter Sunday
//! (Gregorian computus). Lookups go through a per-year set computed once,
//! never per occurrence.

use chrono::{Datelike, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Country {
    /// France (metropolitan, national holidays).
    Fr,
    /// Belgium (national holidays).
    Be,
    /// Germany (nationwide holidays only).
    De,
}

#[derive(Clone, Copy, Debug)]
enum When {
    Fixed {
        month: u32,
        day: u32,
    },
    /// Days after Easter Sunday.
    Easter(i64),
}

struct Holiday {
    when: When,
    fr: &'static str,
    en: &'static str,
}

const fn fixed(month: u32, day: u32, fr: &'static str, en: &'static str) -> Holiday {
    Holiday {
        when: When::Fixed { month, day },
        fr,
        en,
    }
}

const fn easter(offset: i64, fr: &'static str, en: &'static str) -> Holiday {
    Holiday {
        when: When::Easter(offset),
        fr,
        en,
    }
}

const FR: &[Holiday] = &[
    fixed(1, 1, "Jour de l'an", "New Year's Day"),
    easter(1, "Lundi de Pâques", "Easter Monday"),
    fixed(5, 1, "Fête du Travail", "Labour Day"),
    fixed(5, 8, "Victoire 1945", "Victory in Europe Day"),
    easter(39, "Ascension", "Ascension Day"),
    easter(50, "Lundi de Pentecôte", "Whit Monday"),
    fixed(7, 14, "Fête nationale", "Bastille Day"),
    fixed(8, 15, "Assomption", "Assumption Day"),
    fixed(11, 1, "Toussaint", "All Saints' Day"),
    fixed(11, 11, "Armistice 1918", "Armistice Day"),
    fixed(12, 25, "Noël", "Christmas Day"),
];

const BE: &[Holiday] = &[
    fixed(1, 1, "Jour de l'an", "New Year's Day"),
    easter(1, "Lundi de Pâques", "Easter Monday"),
    fixed(5, 1, "Fête du Travail", "Labour Day"),
    easter(39, "Ascension", "Ascension Day"),
    easter(50, "Lundi de Pentecôte", "Whit Monday"),
    fixed(7, 21, "Fête nationale", "National Day"),
    fixed(8, 15, "Assomption", "Assumption Day"),
    fixed(11, 1, "Toussaint", "All Saints' Day"),
    fixed(11, 11, "Armistice", "Armistice Day"),
    fixed(12, 25, "Noël", "Christmas Day"),
];

const DE: &[Holiday] = &[
    fixed(1, 1, "Nouvel An", "New Year's Day"),
    easter(-2, "Vendredi saint", "Good Friday"),
    easter(1, "Lundi de Pâques", "Easter Monday"),
    fixed(5, 1, "Fête du Travail", "Labour Day"),
    easter(39, "Ascension", "Ascension Day"),
    easter(50, "Lundi de Pentecôte", "Whit Monday"),
    fixed(10, 3, "Jour de l'Unité allemande", "German Unity Day"),
    fixed(12, 25, "Noël", "Christmas Day"),
    fixed(12, 26, "Saint-Étienne", "St Stephen's Day"),
];

impl Country {
    pub const ALL: [Country; 3] = [Country::Fr, Country::Be, Country::De];

    /// ISO 3166-1 alpha-2 code, as written in the spec.
    pub fn code(self) -> &'static str {
        match self {
            Country::Fr => "FR",
            Country::Be => "BE",
            Country::De => "DE",
        }
    }

    pub fn from_code(code: &str) -> Option<Country> {
        Country::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code))
    }

    fn table(self) -> &'static [Holiday] {
        match self {
            Country::Fr => FR,
            Country::Be => BE,
            Country::De => DE,
        }
    }

    /// The holidays of `year`, sorted by date, named in French and English.
    pub fn holidays(self, year: i32) -> Vec<(NaiveDate, &'static str, &'static str)> {
        let easter = easter_sunday(year);
        let mut days: Vec<_> = self
            .table()
            .iter()
            .filter_map(|h| {
                let date = match h.when {
                    When::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day)?,
                    When::Easter(offset) => easter + chrono::TimeDelta::days(offset),
                };
                Some((date, h.fr, h.en))
            })
            .collect();
        days.sort_by_key(|d| d.0);
        days
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian
/// algorithm, "Meeus/Jones/Butcher").
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("computus gives a valid date")
}

/// Holiday lookup over a range of years, built once per (country, build).
#[derive(Debug, Default)]
pub struct HolidayTable {
    /// Sorted by date.
    days: Vec<(NaiveDate, &'static str, &'static str)>,
}

impl HolidayTable {
    pub fn new(country: Country, first_year: i32, last_year: i32) -> Self {
        let days = (first_year..=last_year)
            .flat_map(|y| country.holidays(y))
            .collect();
        HolidayTable { days }
    }

    /// The holiday's (French, English) names if `date` is one.
    pub fn get(&self, date: NaiveDate) -> Option<(&'static str, &'static str)> {
        self.days
            .binary_search_by_key(&date, |d| d.0)
            .ok()
            .map(|i| (self.days[i].1, self.days[i].2))
    }

    pub fn iter(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.days.iter().map(|d| d.0)
    }

    pub fn covers(&self, date: NaiveDate) -> bool {
        match (self.days.first(), self.days.last()) {
            (Some(first), Some(last)) => {
                date.year() >= first.0.year() && date.year() <= last.0.year()
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_matches_published_dates() {
        // Dates from the published tables of Easter Sunday.
        let known = [
            (2000, "2000-04-23"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2028, "2028-04-16"),
            (2029, "2029-04-01"),
            (2030, "2030-04-21"),
            (2038, "2038-04-25"),
        ];
        for (year, date) in known {
            assert_eq!(easter_sunday(year).to_string(), date, "{year}");
        }
    }

    #[test]
    fn french_holidays_match_the_published_table() {
        // service-public.fr / legifrance published dates, 2024–2030.
        let table: &[(i32, [&str; 11])] = &[
            (
                2024,
                [
                    "2024-01-01",
                    "2024-04-01",
                    "2024-05-01",
                    "2024-05-08",
                    "2024-05-09",
                    "2024-05-20",
                    "2024-07-14",
                    "2024-08-15",
                    "2024-11-01",
                    "2024-11-11",
                    "2024-12-25",
                ],
            ),
            (
                2025,
                [
                    "2025-01-01",
                    "2025-04-21",
                    "2025-05-01",
                    "2025-05-08",
                    "2025-05-29",
                    "2025-06-09",
                    "2025-07-14",
                    "2025-08-15",
                    "2025-11-01",
                    "2025-11-11",
                    "2025-12-25",
                ],
            ),
            (
                2026,
                [
                    "2026-01-01",
                    "2026-04-06",
                    "2026-05-01",
                    "2026-05-08",
                    "2026-05-14",
                    "2026-05-25",
                    "2026-07-14",
                    "2026-08-15",
                    "2026-11-01",
                    "2026-11-11",
                    "2026-12-25",
                ],
            ),
            (
                2027,
                [
                    "2027-01-01",
                    "2027-03-29",
                    "2027-05-01",
                    "2027-05-06",
                    "2027-05-08",
                    "2027-05-17",
                    "2027-07-14",
                    "2027-08-15",
                    "2027-11-01",
                    "2027-11-11",
                    "2027-12-25",
                ],
            ),
            (
                2028,
                [
                    "2028-01-01",
                    "2028-04-17",
                    "2028-05-01",
                    "2028-05-08",
                    "2028-05-25",
                    "2028-06-05",
                    "2028-07-14",
                    "2028-08-15",
                    "2028-11-01",
                    "2028-11-11",
                    "2028-12-25",
                ],
            ),
            (
                2029,
                [
                    "2029-01-01",
                    "2029-04-02",
                    "2029-05-01",
                    "2029-05-08",
                    "2029-05-10",
                    "2029-05-21",
                    "2029-07-14",
                    "2029-08-15",
                    "2029-11-01",
                    "2029-11-11",
                    "2029-12-25",
                ],
            ),
            (
                2030,
                [
                    "2030-01-01",
                    "2030-04-22",
                    "2030-05-01",
                    "2030-05-08",
                    "2030-05-30",
                    "2030-06-10",
                    "2030-07-14",
                    "2030-08-15",
                    "2030-11-01",
                    "2030-11-11",
                    "2030-12-25",
                ],
            ),
        ];
        for (year, dates) in table {
            let got: Vec<String> = Country::Fr
                .holidays(*year)
                .iter()
                .map(|d| d.0.to_string())
                .collect();
            assert_eq!(got, dates, "{year}");
        }
    }

    #[test]
    fn table_lookup_names_the_holiday() {
        let t = HolidayTable::new(Country::Fr, 2027, 2027);
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            t.get(d("2027-05-17")),
            Some(("Lundi de Pentecôte", "Whit Monday"))
        );
        assert_eq!(t.get(d("2027-05-18")), None);
        assert_eq!(Country::from_code("fr"), Some(Country::Fr));
    }
}
