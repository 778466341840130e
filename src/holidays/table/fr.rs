//! France: metropolitan holidays (Code du travail, art. L3133-1), the
//! Alsace-Moselle local law days (FR-57, FR-67, FR-68) and the overseas
//! departments' abolition-of-slavery days (loi n° 83-550, décret n° 83-1003).

use super::super::RegionDef;
use super::super::rule::{Rule, easter, fixed};

const FR: &[Rule] = &[
    fixed(1, 1, "Jour de l'an", "New Year's Day"),
    easter(1, "Lundi de Pâques", "Easter Monday"),
    fixed(5, 1, "Fête du Travail", "Labour Day"),
    fixed(5, 8, "Victoire 1945", "Victory in Europe Day"),
    easter(39, "Ascension", "Ascension Day"),
    // The "journée de solidarité" took Whit Monday as a working day by
    // default from 2005 to 2007 (loi n° 2004-626, then n° 2008-351).
    easter(50, "Lundi de Pentecôte", "Whit Monday").except(&[2005, 2006, 2007]),
    fixed(7, 14, "Fête nationale", "Bastille Day"),
    fixed(8, 15, "Assomption", "Assumption Day"),
    fixed(11, 1, "Toussaint", "All Saints' Day"),
    fixed(11, 11, "Armistice 1918", "Armistice Day"),
    fixed(12, 25, "Noël", "Christmas Day"),
];

/// Alsace-Moselle (Code du travail, art. L3134-13).
const ALSACE_MOSELLE: &[Rule] = &[
    easter(-2, "Vendredi saint", "Good Friday"),
    fixed(12, 26, "Saint-Étienne", "St Stephen's Day"),
];

const GOOD_FRIDAY: Rule = easter(-2, "Vendredi saint", "Good Friday");
const SCHOELCHER: Rule =
    fixed(7, 21, "Fête de Victor Schœlcher", "Victor Schœlcher Day").from(1984);
const ABOLITION_FR: &str = "Abolition de l'esclavage";
const ABOLITION_EN: &str = "Abolition of Slavery";

const GP: &[Rule] = &[
    GOOD_FRIDAY,
    easter(-24, "Mi-Carême", "Mid-Lent"),
    fixed(5, 27, ABOLITION_FR, ABOLITION_EN).from(1984),
    SCHOELCHER,
];
const MQ: &[Rule] = &[
    GOOD_FRIDAY,
    fixed(5, 22, ABOLITION_FR, ABOLITION_EN).from(1984),
    SCHOELCHER,
];
const GF: &[Rule] = &[fixed(6, 10, ABOLITION_FR, ABOLITION_EN).from(1984)];
const RE: &[Rule] = &[fixed(12, 20, ABOLITION_FR, ABOLITION_EN).from(1983)];
const YT: &[Rule] = &[fixed(4, 27, ABOLITION_FR, ABOLITION_EN).from(1984)];

const fn sub(
    code: &'static str,
    fr: &'static str,
    en: &'static str,
    rules: &'static [Rule],
) -> RegionDef {
    RegionDef::sub(code, "FR", fr, en, rules)
}

pub const REGIONS: &[RegionDef] = &[
    RegionDef::country("FR", "France (métropole)", "France (metropolitan)", FR),
    sub("FR-57", "Moselle", "Moselle", ALSACE_MOSELLE),
    sub("FR-67", "Bas-Rhin", "Bas-Rhin", ALSACE_MOSELLE),
    sub("FR-68", "Haut-Rhin", "Haut-Rhin", ALSACE_MOSELLE),
    sub("FR-971", "Guadeloupe", "Guadeloupe", GP),
    sub("FR-972", "Martinique", "Martinique", MQ),
    sub("FR-973", "Guyane", "French Guiana", GF),
    sub("FR-974", "La Réunion", "Réunion", RE),
    sub("FR-976", "Mayotte", "Mayotte", YT),
];
