//! United Kingdom bank holidays (Banking and Financial Dealings Act 1971,
//! St Andrew's Day Bank Holiday (Scotland) Act 2007), with substitute days
//! and the one-off days proclaimed since 2000. `GB` itself is not a
//! choice: the four nations' holidays differ.

use chrono::Weekday;

use super::super::RegionDef;
use super::super::rule::{Rule, Weekend, easter, fixed, last, nth, once};

const SUB: Weekend = Weekend::Substitute;

const GB: &[Rule] = &[
    fixed(1, 1, "Jour de l'an", "New Year's Day").weekend(SUB),
    easter(-2, "Vendredi saint", "Good Friday"),
    // Moved to 8 May for the 50th and 75th anniversaries of VE Day.
    nth(
        1,
        Weekday::Mon,
        5,
        "Jour férié de début mai",
        "Early May Bank Holiday",
    )
    .except(&[1995, 2020]),
    once(
        2020,
        5,
        8,
        "Jour férié de début mai",
        "Early May Bank Holiday",
    ),
    // Moved for the jubilees of 2002, 2012 and 2022.
    last(
        Weekday::Mon,
        5,
        "Jour férié de printemps",
        "Spring Bank Holiday",
    )
    .except(&[2002, 2012, 2022]),
    once(2002, 6, 4, "Jour férié de printemps", "Spring Bank Holiday"),
    once(2012, 6, 4, "Jour férié de printemps", "Spring Bank Holiday"),
    once(2022, 6, 2, "Jour férié de printemps", "Spring Bank Holiday"),
    once(
        2002,
        6,
        3,
        "Jubilé d'or d'Élisabeth II",
        "Golden Jubilee of Elizabeth II",
    ),
    once(
        2011,
        4,
        29,
        "Mariage de William et Catherine",
        "Wedding of William and Catherine",
    ),
    once(
        2012,
        6,
        5,
        "Jubilé de diamant d'Élisabeth II",
        "Diamond Jubilee of Elizabeth II",
    ),
    once(
        2022,
        6,
        3,
        "Jubilé de platine d'Élisabeth II",
        "Platinum Jubilee of Elizabeth II",
    ),
    once(
        2022,
        9,
        19,
        "Funérailles d'Élisabeth II",
        "State Funeral of Queen Elizabeth II",
    ),
    once(
        2023,
        5,
        8,
        "Couronnement de Charles III",
        "Coronation of Charles III",
    ),
    fixed(12, 25, "Noël", "Christmas Day").weekend(SUB),
    fixed(12, 26, "Lendemain de Noël", "Boxing Day").weekend(SUB),
];

/// England, Wales and Northern Ireland.
const EASTER_MONDAY: Rule = easter(1, "Lundi de Pâques", "Easter Monday");
const LATE_SUMMER: Rule = last(
    Weekday::Mon,
    8,
    "Jour férié de fin d'été",
    "Summer Bank Holiday",
);

const ENG_WLS: &[Rule] = &[EASTER_MONDAY, LATE_SUMMER];
const NIR: &[Rule] = &[
    EASTER_MONDAY,
    LATE_SUMMER,
    fixed(3, 17, "Saint-Patrick", "St Patrick's Day").weekend(SUB),
    fixed(7, 12, "Bataille de la Boyne", "Battle of the Boyne").weekend(SUB),
];
const SCT: &[Rule] = &[
    fixed(1, 2, "Lendemain du jour de l'an", "2nd January").weekend(SUB),
    nth(
        1,
        Weekday::Mon,
        8,
        "Jour férié d'été",
        "Summer Bank Holiday",
    ),
    fixed(11, 30, "Saint-André", "St Andrew's Day")
        .from(2006)
        .weekend(SUB),
    once(
        2026,
        6,
        15,
        "Coupe du monde de football (Écosse)",
        "Scotland's participation in the FIFA World Cup",
    ),
];

pub const REGIONS: &[RegionDef] = &[
    RegionDef::country("GB", "Royaume-Uni", "United Kingdom", GB).abstract_(),
    RegionDef::sub("GB-ENG", "GB", "Angleterre", "England", ENG_WLS),
    RegionDef::sub("GB-WLS", "GB", "pays de Galles", "Wales", ENG_WLS),
    RegionDef::sub("GB-SCT", "GB", "Écosse", "Scotland", SCT),
    RegionDef::sub("GB-NIR", "GB", "Irlande du Nord", "Northern Ireland", NIR),
];
