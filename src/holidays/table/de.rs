//! Germany: the nationwide days (Einigungsvertrag, art. 2) and each Land's
//! own (Feiertagsgesetze der Länder), with the years they started.

use chrono::Weekday;

use super::super::RegionDef;
use super::super::rule::{Rule, easter, fixed, on_or_before, once};

const DE: &[Rule] = &[
    fixed(1, 1, "Nouvel An", "New Year's Day"),
    easter(-2, "Vendredi saint", "Good Friday"),
    easter(1, "Lundi de Pâques", "Easter Monday"),
    fixed(5, 1, "Fête du Travail", "Labour Day"),
    easter(39, "Ascension", "Ascension Day"),
    easter(50, "Lundi de Pentecôte", "Whit Monday"),
    fixed(10, 3, "Jour de l'Unité allemande", "German Unity Day"),
    // Nationwide once, for the 500th anniversary of the Reformation.
    once(2017, 10, 31, "Fête de la Réformation", "Reformation Day"),
    // Nationwide until 1994, when it was given up to fund care insurance.
    BUSS.to(1994),
    fixed(12, 25, "Noël", "Christmas Day"),
    fixed(12, 26, "Saint-Étienne", "St Stephen's Day"),
];

const EPIPHANY: Rule = fixed(1, 6, "Épiphanie", "Epiphany");
const CORPUS: Rule = easter(60, "Fête-Dieu", "Corpus Christi");
const ALL_SAINTS: Rule = fixed(11, 1, "Toussaint", "All Saints' Day");
const ASSUMPTION: Rule = fixed(8, 15, "Assomption", "Assumption Day");
const REFORMATION: Rule = fixed(10, 31, "Fête de la Réformation", "Reformation Day");
const WOMEN: Rule = fixed(
    3,
    8,
    "Journée internationale des femmes",
    "International Women's Day",
);
const BUSS: Rule = on_or_before(
    Weekday::Wed,
    11,
    22,
    "Jour de pénitence et de prière",
    "Day of Repentance and Prayer",
);

const BW: &[Rule] = &[EPIPHANY, CORPUS, ALL_SAINTS];
/// Assumption is a holiday in Bavaria's Catholic-majority municipalities
/// (Munich, Augsburg and most others): a Bavarian team expects it off.
const BY: &[Rule] = &[EPIPHANY, CORPUS, ASSUMPTION, ALL_SAINTS];
const BE: &[Rule] = &[
    WOMEN.from(2019),
    once(
        2020,
        5,
        8,
        "75e anniversaire de la Libération",
        "75th anniversary of the liberation from Nazism",
    ),
    once(
        2025,
        5,
        8,
        "80e anniversaire de la Libération",
        "80th anniversary of the liberation from Nazism",
    ),
    once(
        2028,
        6,
        17,
        "75e anniversaire du soulèvement du 17 juin 1953",
        "75th anniversary of the uprising of 17 June 1953",
    ),
];
const BB: &[Rule] = &[
    easter(0, "Pâques", "Easter Sunday"),
    easter(49, "Pentecôte", "Whit Sunday"),
    REFORMATION,
];
const NORTH_SINCE_2018: &[Rule] = &[REFORMATION.from(2018)];
const HE: &[Rule] = &[CORPUS];
const MV: &[Rule] = &[WOMEN.from(2023), REFORMATION];
const NW_RP: &[Rule] = &[CORPUS, ALL_SAINTS];
const SL: &[Rule] = &[CORPUS, ASSUMPTION, ALL_SAINTS];
const SN: &[Rule] = &[REFORMATION, BUSS.from(1995)];
const ST: &[Rule] = &[EPIPHANY, REFORMATION];
const TH: &[Rule] = &[
    fixed(
        9,
        20,
        "Journée mondiale de l'enfance",
        "World Children's Day",
    )
    .from(2019),
    REFORMATION,
];

const fn land(code: &'static str, name: &'static str, rules: &'static [Rule]) -> RegionDef {
    RegionDef::sub(code, "DE", name, name, rules)
}

pub const REGIONS: &[RegionDef] = &[
    RegionDef::country(
        "DE",
        "Allemagne (jours fériés nationaux)",
        "Germany (nationwide)",
        DE,
    ),
    land("DE-BW", "Baden-Württemberg", BW),
    land("DE-BY", "Bayern", BY),
    land("DE-BE", "Berlin", BE),
    land("DE-BB", "Brandenburg", BB),
    land("DE-HB", "Bremen", NORTH_SINCE_2018),
    land("DE-HH", "Hamburg", NORTH_SINCE_2018),
    land("DE-HE", "Hessen", HE),
    land("DE-MV", "Mecklenburg-Vorpommern", MV),
    land("DE-NI", "Niedersachsen", NORTH_SINCE_2018),
    land("DE-NW", "Nordrhein-Westfalen", NW_RP),
    land("DE-RP", "Rheinland-Pfalz", NW_RP),
    land("DE-SL", "Saarland", SL),
    land("DE-SN", "Sachsen", SN),
    land("DE-ST", "Sachsen-Anhalt", ST),
    land("DE-SH", "Schleswig-Holstein", NORTH_SINCE_2018),
    land("DE-TH", "Thüringen", TH),
];
