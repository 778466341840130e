//! United States federal holidays (5 U.S.C. 6103), with observed days:
//! a holiday on a Saturday is observed the Friday before, on a Sunday the
//! Monday after; both dates are listed (the day itself and the day off).

use chrono::Weekday;

use super::super::RegionDef;
use super::super::rule::{Rule, Weekend, fixed, last, nth};

const OBS: Weekend = Weekend::Observed;

const US: &[Rule] = &[
    fixed(1, 1, "Jour de l'an", "New Year's Day").weekend(OBS),
    nth(
        3,
        Weekday::Mon,
        1,
        "Jour de Martin Luther King",
        "Martin Luther King Jr. Day",
    ),
    nth(
        3,
        Weekday::Mon,
        2,
        "Anniversaire de Washington",
        "Washington's Birthday",
    ),
    last(Weekday::Mon, 5, "Jour du Souvenir", "Memorial Day"),
    fixed(6, 19, "Juneteenth", "Juneteenth National Independence Day")
        .from(2021)
        .weekend(OBS),
    fixed(7, 4, "Fête de l'Indépendance", "Independence Day").weekend(OBS),
    nth(1, Weekday::Mon, 9, "Fête du Travail", "Labor Day"),
    nth(
        2,
        Weekday::Mon,
        10,
        "Jour de Christophe Colomb",
        "Columbus Day",
    ),
    fixed(11, 11, "Jour des anciens combattants", "Veterans Day").weekend(OBS),
    nth(4, Weekday::Thu, 11, "Thanksgiving", "Thanksgiving Day"),
    fixed(12, 25, "Noël", "Christmas Day").weekend(OBS),
];

pub const REGIONS: &[RegionDef] = &[RegionDef::country(
    "US",
    "États-Unis (jours fériés fédéraux)",
    "United States (federal)",
    US,
)];
