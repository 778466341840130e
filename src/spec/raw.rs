//! The serde layer: mirrors the YAML exactly, with source spans. Nothing
//! here is validated beyond YAML types; `validate` turns it into `model`.

use serde::Deserialize;
use serde_saphyr::Spanned;

pub type S<T> = Spanned<T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSpec {
    pub calendar: S<RawCalendar>,
    #[serde(default)]
    pub include: Vec<S<String>>,
    #[serde(default)]
    pub people: Vec<S<RawPerson>>,
    #[serde(default)]
    pub rituals: Vec<S<RawRitual>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCalendar {
    pub name: S<String>,
    pub description: Option<S<String>>,
    pub timezone: S<String>,
    pub since: Option<S<String>>,
    pub domain: S<String>,
    pub refresh: Option<S<String>>,
    pub url: Option<S<String>>,
    pub language: Option<S<String>>,
    pub holidays: Option<S<String>>,
    #[serde(default)]
    pub closed: Vec<S<String>>,
    pub horizon: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPerson {
    pub id: S<String>,
    pub name: S<String>,
    pub email: Option<S<String>>,
}

/// A string or a list of strings (`every: monday, friday` or a YAML list).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRitual {
    pub id: S<String>,
    pub title: S<String>,
    pub description: Option<S<String>>,
    pub location: Option<S<String>>,
    pub url: Option<S<String>>,
    pub every: S<OneOrMany>,
    pub time: S<String>,
    pub duration: Option<S<String>>,
    pub timezone: Option<S<String>>,
    pub since: Option<S<String>>,
    pub until: Option<S<String>>,
    pub count: Option<S<u32>>,
    pub busy: Option<S<bool>>,
    #[serde(default)]
    pub categories: Vec<S<String>>,
    #[serde(default)]
    pub remind: Vec<S<String>>,
    #[serde(default)]
    pub skip: Vec<S<String>>,
    #[serde(default)]
    pub extra: Vec<S<String>>,
    #[serde(default)]
    pub moved: Vec<S<RawMove>>,
    pub holidays: Option<S<String>>,
    #[serde(default)]
    pub changes: Vec<S<RawChange>>,
    pub organizer: Option<S<String>>,
    pub attendees: Option<S<OneOrMany>>,
    pub rotation: Option<S<RawRotation>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMove {
    pub date: S<String>,
    pub to: S<String>,
}

/// A schedule change: every field but `from` is optional and replaces the
/// ritual's own from that date on.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChange {
    pub from: S<String>,
    pub every: Option<S<OneOrMany>>,
    pub time: Option<S<String>>,
    pub duration: Option<S<String>>,
    pub timezone: Option<S<String>>,
    pub title: Option<S<String>>,
    pub description: Option<S<String>>,
    pub location: Option<S<String>>,
    pub url: Option<S<String>>,
    pub busy: Option<S<bool>>,
    pub remind: Option<Vec<S<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRotation {
    pub people: Vec<S<String>>,
    pub since: Option<S<String>>,
    #[serde(default)]
    pub changes: Vec<S<RawRotationChange>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRotationChange {
    pub from: S<String>,
    pub people: Vec<S<String>>,
}
