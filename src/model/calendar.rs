use chrono::NaiveDate;
use chrono_tz::Tz;

use super::{Days, Holidays};

/// Language of the words the tool writes itself (not the spec's text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    Fr,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Calendar {
    pub name: String,
    pub description: Option<String>,
    pub timezone: Tz,
    pub domain: String,
    /// REFRESH-INTERVAL, in seconds.
    pub refresh_secs: u64,
    pub url: Option<String>,
    /// `calendar.organizer`: the ORGANIZER address of events whose ritual
    /// names none.
    pub organizer: Option<String>,
    pub language: Language,
    pub holidays: Holidays,
    /// Calendar-wide closed days (office closures, breaks): like holidays.
    pub closed: Days,
    /// Last date for which computed exceptions and overrides are written.
    pub horizon: NaiveDate,
    /// Default first date of every ritual.
    pub since: Option<NaiveDate>,
    /// Slug of the calendar: its folder in a many-teams build.
    pub slug: String,
}
