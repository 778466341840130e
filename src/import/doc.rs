//! The spec to write, field by field as `rituals.yaml` has them: what the
//! YAML writer turns into text. Values are already in the spec's words
//! (`every` text, `"10:00-11:00"`, `15m`).

use chrono::NaiveDate;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Doc {
    /// Lines at the top of the file.
    pub header: Vec<String>,
    pub calendar: CalendarDoc,
    pub people: Vec<PersonDoc>,
    pub rituals: Vec<RitualDoc>,
    /// Events not imported, one comment line each, after the rituals.
    pub not_imported: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CalendarDoc {
    pub name: String,
    pub description: Option<String>,
    pub timezone: String,
    pub since: Option<NaiveDate>,
    pub domain: String,
    pub refresh: Option<String>,
    pub language: Option<String>,
    pub horizon: Option<NaiveDate>,
    /// `calendar.organizer`: the address every event's ORGANIZER names.
    pub organizer: Option<String>,
    /// Comments after the section (zone names read, …).
    pub comments: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonDoc {
    pub id: String,
    pub name: String,
    pub email: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScheduleDoc {
    Every(String),
    RRule(String),
    Dates(Vec<String>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttendeesDoc {
    All,
    Some(Vec<String>),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RotationDoc {
    pub people: Vec<String>,
    pub since: Option<NaiveDate>,
    /// (from, people): a new order from a date.
    pub changes: Vec<(NaiveDate, Vec<String>)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChangeDoc {
    pub from: NaiveDate,
    pub schedule: Option<ScheduleDoc>,
    pub time: Option<String>,
    pub duration: Option<String>,
    pub timezone: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
    pub busy: Option<bool>,
    pub remind: Option<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RitualDoc {
    /// Comment lines above the ritual (approximations, what was lost).
    pub comments: Vec<String>,
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
    pub schedule: ScheduleDoc,
    pub time: String,
    pub duration: Option<String>,
    pub timezone: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub count: Option<u32>,
    pub busy: bool,
    pub categories: Vec<String>,
    pub remind: Vec<String>,
    pub skip: Vec<NaiveDate>,
    /// `2026-07-01` or `2026-07-02 14:00`.
    pub extra: Vec<String>,
    /// (date, to).
    pub moved: Vec<(NaiveDate, String)>,
    pub changes: Vec<ChangeDoc>,
    pub organizer: Option<String>,
    pub attendees: Option<AttendeesDoc>,
    pub rotation: Option<RotationDoc>,
}
