//! Belgium, Luxembourg, the Netherlands, Switzerland, Spain and Italy:
//! national days only (regions, cantons and communities add their own,
//! which a team lists in `calendar.closed`).

use chrono::Weekday;

use super::super::RegionDef;
use super::super::rule::{Rule, Weekend, easter, fixed, nth, once};

const NEW_YEAR: Rule = fixed(1, 1, "Jour de l'an", "New Year's Day");
const EASTER: Rule = easter(0, "Pâques", "Easter Sunday");
const EASTER_MONDAY: Rule = easter(1, "Lundi de Pâques", "Easter Monday");
const GOOD_FRIDAY: Rule = easter(-2, "Vendredi saint", "Good Friday");
const LABOUR: Rule = fixed(5, 1, "Fête du Travail", "Labour Day");
const ASCENSION: Rule = easter(39, "Ascension", "Ascension Day");
const WHIT_SUNDAY: Rule = easter(49, "Pentecôte", "Whit Sunday");
const WHIT_MONDAY: Rule = easter(50, "Lundi de Pentecôte", "Whit Monday");
const ASSUMPTION: Rule = fixed(8, 15, "Assomption", "Assumption Day");
const ALL_SAINTS: Rule = fixed(11, 1, "Toussaint", "All Saints' Day");
const CHRISTMAS: Rule = fixed(12, 25, "Noël", "Christmas Day");
const ST_STEPHEN: Rule = fixed(12, 26, "Saint-Étienne", "St Stephen's Day");

const BE: &[Rule] = &[
    NEW_YEAR,
    EASTER,
    EASTER_MONDAY,
    LABOUR,
    ASCENSION,
    WHIT_SUNDAY,
    WHIT_MONDAY,
    fixed(7, 21, "Fête nationale", "National Day"),
    ASSUMPTION,
    ALL_SAINTS,
    fixed(11, 11, "Armistice", "Armistice Day"),
    CHRISTMAS,
];

const LU: &[Rule] = &[
    NEW_YEAR,
    EASTER_MONDAY,
    LABOUR,
    fixed(5, 9, "Journée de l'Europe", "Europe Day").from(2019),
    ASCENSION,
    WHIT_MONDAY,
    fixed(6, 23, "Fête nationale", "National Day"),
    ASSUMPTION,
    ALL_SAINTS,
    CHRISTMAS,
    ST_STEPHEN,
];

const NL: &[Rule] = &[
    NEW_YEAR,
    GOOD_FRIDAY,
    EASTER,
    EASTER_MONDAY,
    fixed(4, 30, "Fête de la Reine", "Queen's Day")
        .to(2013)
        .weekend(Weekend::SundayToSaturday),
    fixed(4, 27, "Fête du Roi", "King's Day")
        .from(2014)
        .weekend(Weekend::SundayToSaturday),
    // A day off for everyone every fifth year only (collective agreements
    // decide the others).
    fixed(5, 5, "Fête de la Libération", "Liberation Day").every(5),
    ASCENSION,
    WHIT_SUNDAY,
    WHIT_MONDAY,
    CHRISTMAS,
    fixed(12, 26, "Lendemain de Noël", "Second Day of Christmas"),
];

/// The federal days only: every other holiday is cantonal.
const CH: &[Rule] = &[
    NEW_YEAR,
    ASCENSION,
    fixed(8, 1, "Fête nationale", "Swiss National Day"),
    CHRISTMAS,
];

const ES_SUNDAY: Weekend = Weekend::NoneOnSunday;
const ES: &[Rule] = &[
    NEW_YEAR.weekend(ES_SUNDAY),
    fixed(1, 6, "Épiphanie", "Epiphany").weekend(ES_SUNDAY),
    GOOD_FRIDAY,
    LABOUR.weekend(ES_SUNDAY),
    ASSUMPTION.weekend(ES_SUNDAY),
    fixed(10, 12, "Fête nationale", "National Day").weekend(ES_SUNDAY),
    ALL_SAINTS.weekend(ES_SUNDAY),
    fixed(12, 6, "Jour de la Constitution", "Constitution Day").weekend(ES_SUNDAY),
    fixed(12, 8, "Immaculée Conception", "Immaculate Conception").weekend(ES_SUNDAY),
    CHRISTMAS.weekend(ES_SUNDAY),
];

const IT: &[Rule] = &[
    NEW_YEAR,
    fixed(1, 6, "Épiphanie", "Epiphany"),
    EASTER,
    EASTER_MONDAY,
    fixed(4, 25, "Fête de la Libération", "Liberation Day"),
    LABOUR,
    // On the first Sunday of June from 1977 to 2000 (loi n. 54/1977).
    nth(1, Weekday::Sun, 6, "Fête de la République", "Republic Day").to(2000),
    fixed(6, 2, "Fête de la République", "Republic Day").from(2001),
    once(
        2011,
        3,
        17,
        "150e anniversaire de l'unité italienne",
        "150th anniversary of the unification of Italy",
    ),
    ASSUMPTION,
    fixed(
        10,
        4,
        "Saint-François d'Assise",
        "Saint Francis of Assisi Day",
    )
    .from(2026),
    ALL_SAINTS,
    fixed(12, 8, "Immaculée Conception", "Immaculate Conception"),
    CHRISTMAS,
    ST_STEPHEN,
];

pub const REGIONS: &[RegionDef] = &[
    RegionDef::country("BE", "Belgique", "Belgium", BE),
    RegionDef::country("LU", "Luxembourg", "Luxembourg", LU),
    RegionDef::country("NL", "Pays-Bas", "Netherlands", NL),
    RegionDef::country(
        "CH",
        "Suisse (jours fériés fédéraux)",
        "Switzerland (federal)",
        CH,
    ),
    RegionDef::country(
        "ES",
        "Espagne (jours fériés nationaux)",
        "Spain (national)",
        ES,
    ),
    RegionDef::country("IT", "Italie", "Italy", IT),
];
