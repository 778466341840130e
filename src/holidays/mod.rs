//! Public holidays: a table of regions (countries and ISO 3166-2
//! subdivisions), each a list of rules (`rule`). A subdivision inherits its
//! country's rules and adds its own; a rule carries the years it applies
//! in and what happens when it falls on a weekend. Lookups go through a
//! per-year set computed once (`HolidayTable`), never per occurrence.

mod listing;
mod lookup;
mod lookup_table;
mod rule;
mod table;
mod year;

pub use listing::listing;
pub use lookup::UnknownRegion;
pub use lookup_table::HolidayTable;
pub use rule::{DateRule, Rule, Weekend};
pub use year::{Day, Kind};

use chrono::NaiveDate;

/// One country or subdivision of the table.
#[derive(Debug)]
pub struct RegionDef {
    /// `FR`, `DE-BY`: ISO 3166-1 alpha-2, or ISO 3166-2 for a subdivision
    /// (`FR-67` is the department code INSEE and ISO both use).
    pub code: &'static str,
    /// The country a subdivision inherits the rules of.
    pub parent: Option<&'static str>,
    pub fr: &'static str,
    pub en: &'static str,
    pub rules: &'static [Rule],
    /// False for a country whose subdivisions have different holidays and
    /// that is therefore no choice by itself (`GB`).
    pub selectable: bool,
}

impl RegionDef {
    pub(crate) const fn country(
        code: &'static str,
        fr: &'static str,
        en: &'static str,
        rules: &'static [Rule],
    ) -> RegionDef {
        RegionDef {
            code,
            parent: None,
            fr,
            en,
            rules,
            selectable: true,
        }
    }

    pub(crate) const fn sub(
        code: &'static str,
        parent: &'static str,
        fr: &'static str,
        en: &'static str,
        rules: &'static [Rule],
    ) -> RegionDef {
        RegionDef {
            code,
            parent: Some(parent),
            fr,
            en,
            rules,
            selectable: true,
        }
    }

    pub(crate) const fn abstract_(mut self) -> RegionDef {
        self.selectable = false;
        self
    }
}

/// A region of the table (a handle: compares and hashes by code).
#[derive(Clone, Copy)]
pub struct Region(&'static RegionDef);

impl PartialEq for Region {
    fn eq(&self, other: &Region) -> bool {
        self.0.code == other.0.code
    }
}
impl Eq for Region {}
impl std::hash::Hash for Region {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.0.code.hash(h);
    }
}
impl PartialOrd for Region {
    fn partial_cmp(&self, other: &Region) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Region {
    fn cmp(&self, other: &Region) -> std::cmp::Ordering {
        self.0.code.cmp(other.0.code)
    }
}
impl std::fmt::Debug for Region {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.code)
    }
}

/// The name the rest of the crate knew regions by when they were countries.
pub type Country = Region;

impl Region {
    /// Every region that `holidays` accepts, in table order.
    pub fn all() -> impl Iterator<Item = Region> {
        every_def().filter(|d| d.selectable).map(Region)
    }

    /// The code as written in the spec (`FR`, `DE-BY`).
    pub fn code(self) -> &'static str {
        self.0.code
    }

    pub fn def(self) -> &'static RegionDef {
        self.0
    }

    /// The region's name in French or English.
    pub fn name(self, lang_fr: bool) -> &'static str {
        if lang_fr { self.0.fr } else { self.0.en }
    }

    /// The region of `code` (any case), if the table has it.
    pub fn from_code(code: &str) -> Option<Region> {
        Region::lookup(code).ok()
    }

    /// The region of `code` (any case).
    ///
    /// # Errors
    /// `UnknownRegion`, listing the known codes of that country and the
    /// closest one.
    pub fn lookup(code: &str) -> Result<Region, UnknownRegion> {
        lookup::lookup(code)
    }

    /// The region's rules, its country's first.
    fn rules(self) -> Vec<&'static Rule> {
        let parent = self
            .0
            .parent
            .and_then(|p| every_def().find(|d| d.code == p))
            .map_or(&[][..], |d| d.rules);
        parent.iter().chain(self.0.rules).collect()
    }

    /// The holidays of `year`, sorted by date, one per date.
    pub fn days(self, year: i32) -> Vec<Day> {
        year::days(&self.rules(), year)
    }

    /// The holidays of `year`, sorted by date, named in French and English.
    pub fn holidays(self, year: i32) -> Vec<(NaiveDate, &'static str, &'static str)> {
        self.days(year)
            .into_iter()
            .map(|d| (d.date, d.rule.fr, d.rule.en))
            .collect()
    }
}

fn every_def() -> impl Iterator<Item = &'static RegionDef> {
    table::GROUPS.iter().flat_map(|g| g.iter())
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
            let got: Vec<String> = Region::from_code("FR")
                .unwrap()
                .holidays(*year)
                .iter()
                .map(|d| d.0.to_string())
                .collect();
            assert_eq!(got, dates, "{year}");
        }
    }

    #[test]
    fn table_lookup_names_the_holiday() {
        let t = HolidayTable::new(Region::from_code("FR").unwrap(), 2027, 2027);
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            t.get(d("2027-05-17")),
            Some(("Lundi de Pentecôte", "Whit Monday"))
        );
        assert_eq!(t.get(d("2027-05-18")), None);
        assert_eq!(Region::from_code("fr").map(Region::code), Some("FR"));
    }
}
