//! The serde layer: mirrors the YAML exactly, with source spans. Nothing
//! here is validated beyond YAML types; `validate` turns it into `model`.
//!
//! The doc comments on fields are user documentation: they become the
//! descriptions of `rituals schema` (the JSON Schema editors show). The
//! `schemars(with = …)` attributes name the YAML type behind each
//! `Spanned` wrapper, which schemars cannot see through.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

pub use super::days::{RawDays, RawHolidays, RawLabelledDays};

pub type S<T> = Spanned<T>;

/// A team's rituals: one calendar, its people and its recurring events.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "rituals.yaml")]
pub struct RawSpec {
    /// The calendar every feed belongs to. Required in the file that is
    /// built; files pulled in by `include` have none.
    #[serde(default)]
    #[schemars(with = "RawCalendar")]
    #[schemars(example = crate::spec::schema_hints::calendar())]
    pub calendar: Option<S<RawCalendar>>,
    /// Other spec files (relative to this one, in its folder or below)
    /// whose people and rituals join this calendar.
    #[serde(default)]
    #[schemars(with = "Vec<String>", example = ["team-b.yaml"])]
    pub include: Vec<S<String>>,
    /// The people who attend or present; rituals refer to them by `id`.
    /// Each person also gets a feed of their own, `people/<id>.ics`.
    #[serde(default)]
    #[schemars(with = "Vec<RawPerson>")]
    #[schemars(example = crate::spec::schema_hints::people())]
    pub people: Vec<S<RawPerson>>,
    /// The recurring events. Each gets a feed of its own, `<id>.ics`.
    #[serde(default)]
    #[schemars(with = "Vec<RawRitual>")]
    #[schemars(example = crate::spec::schema_hints::rituals())]
    pub rituals: Vec<S<RawRitual>>,
}

/// The calendar: its name, zone and publishing settings.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCalendar {
    /// The calendar's name, shown by calendar apps (NAME, X-WR-CALNAME).
    #[schemars(with = "String", example = &"Rituels de l'équipe")]
    pub name: S<String>,
    /// What the calendar is for; several lines allowed.
    #[schemars(with = "Option<String>")]
    #[schemars(example = &"Les rendez-vous réguliers de l'équipe.")]
    pub description: Option<S<String>>,
    /// IANA time zone of the rituals' times (each ritual may override it).
    #[schemars(with = "String", example = &"Europe/Paris", example = &"America/New_York")]
    pub timezone: S<String>,
    /// Default first date (YYYY-MM-DD) of every ritual that has no `since`.
    #[schemars(with = "Option<String>", example = &"2026-01-05")]
    pub since: Option<S<String>>,
    /// DNS name that makes event UIDs globally unique (`<id>@<domain>`).
    /// Never change it once published: subscribers would see duplicates.
    #[schemars(with = "String", example = &"example.org")]
    pub domain: S<String>,
    /// How often calendar apps should refresh the feed (default `12h`).
    #[schemars(with = "Option<String>", example = &"12h", example = &"1d")]
    pub refresh: Option<S<String>>,
    /// Public URL of the folder the feeds are published in; enables
    /// webcal://, Google Calendar and Outlook subscribe links.
    #[schemars(with = "Option<String>", example = &"https://example.org/rituals/")]
    pub url: Option<S<String>>,
    /// E-mail address written as the ORGANIZER of every event (a ritual's
    /// own `organizer` wins), e.g. the team's mailing list.
    #[schemars(with = "Option<String>", example = &"equipe@example.org")]
    pub organizer: Option<S<String>>,
    /// Language of the words the tool writes (page, presenters, holidays).
    #[schemars(with = "Option<LanguageCode>", example = &"fr")]
    pub language: Option<S<String>>,
    /// Whose public holidays cancel occurrences: a country or subdivision
    /// code (`FR`, `FR-67`, `DE-BY`, `GB-SCT`), a list of them (their
    /// union), or `none`. `rituals holidays CODE` lists a year's days.
    #[serde(default)] // as for any Option: absent is None
    #[schemars(schema_with = "crate::spec::schema_hints::holidays")]
    pub holidays: Option<S<RawHolidays>>,
    /// Days when every ritual is cancelled (office closures, breaks): a
    /// date, a range `2026-07-13..2026-08-21` (both ends included), a range
    /// without year `12-24..01-01` (every year), or `{from, to, label}`.
    #[serde(default)]
    #[schemars(schema_with = "crate::spec::schema_hints::days")]
    pub closed: Vec<S<RawDays>>,
    /// Last date (YYYY-MM-DD) for which holidays and presenters are written;
    /// default: 31 December of the year after the build.
    #[schemars(with = "Option<String>", example = &"2027-12-31")]
    pub horizon: Option<S<String>>,
}

/// The languages the tool writes.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)] // only its schema is used
enum LanguageCode {
    /// French.
    Fr,
    /// English.
    En,
}

/// Someone who attends rituals or presents in a rotation.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPerson {
    /// Short identifier: a-z, 0-9 and `-`; names the person's feed.
    #[schemars(with = "String", example = &"alice")]
    pub id: S<String>,
    /// Full name, shown as attendee and presenter.
    #[schemars(with = "String", example = &"Alice Martin")]
    pub name: S<String>,
    /// E-mail address, for ATTENDEE and ORGANIZER lines.
    #[schemars(with = "Option<String>", example = &"alice@example.org")]
    pub email: Option<S<String>>,
}

/// A string or a list of strings (`every: monday, friday` or a YAML list).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum OneOrMany {
    /// One value; commas separate several (`monday, friday`).
    One(String),
    /// A list of values.
    Many(Vec<String>),
}

/// A recurring event.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRitual {
    /// Short identifier: a-z, 0-9 and `-`; part of the UID and the feed's
    /// file name. Never change it once published.
    #[schemars(with = "String", example = &"standup")]
    pub id: S<String>,
    /// Title of the events.
    #[schemars(with = "String", example = &"Weekly team meeting")]
    pub title: S<String>,
    /// What happens; several lines allowed.
    #[schemars(with = "Option<String>", example = &"News, blockers and next steps.")]
    pub description: Option<S<String>>,
    /// Where: a room, or an `irc://`, `https://` or `mailto:` address.
    #[schemars(with = "Option<String>", example = &"irc://irc.libera.chat/#team", example = &"Room 4.12")]
    pub location: Option<S<String>>,
    /// A link for more information (http, https, irc, ircs or mailto).
    #[schemars(with = "Option<String>", example = &"https://example.org/meeting-notes")]
    pub url: Option<S<String>>,
    /// How often: a weekday or a list of weekdays (English or French),
    /// `weekday`, `day`, `N days`, `N weeks on DAY`, `first and third DAY of
    /// the month`, `N months on last friday`, `month on day 15`, `month on
    /// last weekday`, `year on 14 july`, `year on last monday of may`.
    /// Exactly one of `every`, `rrule` and `dates`.
    #[schemars(with = "Option<OneOrMany>")]
    #[schemars(example = &"monday", example = &"monday, friday", example = ["tuesday", "thursday"])]
    #[schemars(example = &"2 weeks on tuesday", example = &"first and third thursday of the month", example = &"weekday")]
    #[schemars(example = &"month on last weekday", example = &"year on 14 july")]
    pub every: Option<S<OneOrMany>>,
    /// Any RFC 5545 recurrence rule at day granularity (FREQ DAILY to
    /// YEARLY, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYYEARDAY, BYWEEKNO,
    /// BYSETPOS, WKST), instead of `every`; times come from `time`, the
    /// end from `count`/`until`.
    #[schemars(with = "Option<String>", example = &"FREQ=MONTHLY;BYDAY=TU,WE,TH;BYSETPOS=2")]
    pub rrule: Option<S<String>>,
    /// One-off occurrences instead of `every`: `YYYY-MM-DD` (at `time`),
    /// `YYYY-MM-DD HH:MM` or `YYYY-MM-DD HH:MM-HH:MM`.
    #[serde(default)]
    #[schemars(with = "Vec<String>", example = ["2026-04-09", "2026-05-12 14:00-17:00"])]
    pub dates: Vec<S<String>>,
    /// Local time: `HH:MM-HH:MM` (an end at `24:00` is midnight),
    /// `HH:MM` with `duration`, or `all day`. May be left out when every
    /// one of `dates` has its own start and end.
    #[schemars(with = "Option<String>", example = &"16:00-17:00", example = &"09:30", example = &"all day")]
    pub time: Option<S<String>>,
    /// Length when `time` has no end: `15m`, `1h`, `1h30` (or `1h30m`), `1d9h`; with
    /// `time: all day`, whole days (`2d`: the event spans two days).
    #[schemars(with = "Option<String>", example = &"15m", example = &"1h30m", example = &"2d")]
    pub duration: Option<S<String>>,
    /// IANA time zone of this ritual's time, when not the calendar's.
    #[schemars(with = "Option<String>", example = &"America/New_York")]
    pub timezone: Option<S<String>>,
    /// First date (YYYY-MM-DD); default: the calendar's `since`.
    #[schemars(with = "Option<String>", example = &"2026-01-05")]
    pub since: Option<S<String>>,
    /// Last date (YYYY-MM-DD) an occurrence may fall on.
    #[schemars(with = "Option<String>", example = &"2026-06-30")]
    pub until: Option<S<String>>,
    /// Number of occurrences, instead of `until`.
    #[schemars(with = "Option<u32>", example = 10)]
    pub count: Option<S<u32>>,
    /// false shows the time as free (TRANSP:TRANSPARENT); default true.
    #[schemars(with = "Option<bool>", example = false)]
    pub busy: Option<S<bool>>,
    /// Keywords calendar apps can filter on.
    #[serde(default)]
    #[schemars(with = "Vec<String>", example = ["team", "IRC"])]
    pub categories: Vec<S<String>>,
    /// Reminders before the start: `15m`, `1h`, `1d`.
    #[serde(default)]
    #[schemars(with = "Vec<String>", example = ["15m", "1d"])]
    pub remind: Vec<S<String>>,
    /// Cancelled occurrences: a date (an occurrence), a range
    /// `2026-10-19..2026-10-30` (both ends included), a range without year
    /// `08-01..08-31` (every year), or `{from, to, label}`.
    #[serde(default)]
    #[schemars(schema_with = "crate::spec::schema_hints::days")]
    pub skip: Vec<S<RawDays>>,
    /// Additional occurrences: `YYYY-MM-DD` (at the usual time) or
    /// `YYYY-MM-DD HH:MM`.
    #[serde(default)]
    #[schemars(with = "Vec<String>", example = ["2026-07-02", "2026-07-09 14:00"])]
    pub extra: Vec<S<String>>,
    /// Occurrences held at another date or time.
    #[serde(default)]
    #[schemars(with = "Vec<RawMove>")]
    #[schemars(example = [crate::spec::schema_hints::moved()])]
    pub moved: Vec<S<RawMove>>,
    /// Whose public holidays cancel occurrences (a code, a list of codes,
    /// or `none`); default: the calendar's `holidays`.
    #[serde(default)] // as for any Option: absent is None
    #[schemars(schema_with = "crate::spec::schema_hints::holidays")]
    pub holidays: Option<S<RawHolidays>>,
    /// Schedule changes: from a date on, new values replace the ritual's.
    #[serde(default)]
    #[schemars(with = "Vec<RawChange>")]
    #[schemars(example = [crate::spec::schema_hints::change()])]
    pub changes: Vec<S<RawChange>>,
    /// The `id` of the person who organizes it (ORGANIZER).
    #[schemars(with = "Option<String>", example = &"alice")]
    pub organizer: Option<S<String>>,
    /// Who attends: `all`, or person ids (a list or comma-separated).
    #[schemars(with = "Option<OneOrMany>")]
    #[schemars(example = &"all", example = ["alice", "bastien"])]
    pub attendees: Option<S<OneOrMany>>,
    /// Who presents, turn by turn (each person's feed gets their turns).
    #[schemars(with = "Option<RawRotation>")]
    #[schemars(example = crate::spec::schema_hints::rotation())]
    pub rotation: Option<S<RawRotation>>,
}

/// One occurrence held elsewhen.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMove {
    /// The date (YYYY-MM-DD) of the occurrence that moves.
    #[schemars(with = "String", example = &"2026-05-25")]
    pub date: S<String>,
    /// Its new start, `YYYY-MM-DD HH:MM`, optionally with an end `-HH:MM`.
    #[schemars(with = "String", example = &"2026-05-26 10:30", example = &"2026-05-26 10:30-11:30")]
    pub to: S<String>,
}

/// A schedule change: every field but `from` is optional and replaces the
/// ritual's own from that date on.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawChange {
    /// First date (YYYY-MM-DD) of the new schedule.
    #[schemars(with = "String", example = &"2026-09-01")]
    pub from: S<String>,
    /// New recurrence (same forms as the ritual's `every`).
    #[schemars(with = "Option<OneOrMany>", example = &"thursday")]
    pub every: Option<S<OneOrMany>>,
    /// New recurrence as an RFC 5545 rule (same as the ritual's `rrule`).
    #[schemars(with = "Option<String>", example = &"FREQ=MONTHLY;BYDAY=1TH")]
    pub rrule: Option<S<String>>,
    /// New one-off dates, on or after `from` (same as the ritual's `dates`).
    #[serde(default)]
    #[schemars(with = "Vec<String>", example = ["2026-10-01"])]
    pub dates: Vec<S<String>>,
    /// New local time (same forms as the ritual's `time`).
    #[schemars(with = "Option<String>", example = &"14:00-15:00")]
    pub time: Option<S<String>>,
    /// New length, when `time` has no end.
    #[schemars(with = "Option<String>", example = &"45m")]
    pub duration: Option<S<String>>,
    /// New IANA time zone.
    #[schemars(with = "Option<String>", example = &"Europe/Berlin")]
    pub timezone: Option<S<String>>,
    /// New title.
    #[schemars(with = "Option<String>", example = &"Team meeting (new slot)")]
    pub title: Option<S<String>>,
    /// New description.
    #[schemars(with = "Option<String>", example = &"Now on Thursdays.")]
    pub description: Option<S<String>>,
    /// New location.
    #[schemars(with = "Option<String>", example = &"Room 2.01")]
    pub location: Option<S<String>>,
    /// New link.
    #[schemars(with = "Option<String>", example = &"https://example.org/notes")]
    pub url: Option<S<String>>,
    /// New busy/free status.
    #[schemars(with = "Option<bool>", example = true)]
    pub busy: Option<S<bool>>,
    /// New reminders.
    #[schemars(with = "Option<Vec<String>>", example = ["30m"])]
    pub remind: Option<Vec<S<String>>>,
}

/// Presenters taking turns.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRotation {
    /// Person ids, in the order they present.
    #[schemars(with = "Vec<String>", example = ["alice", "bastien", "chloe"])]
    pub people: Vec<S<String>>,
    /// Date (YYYY-MM-DD) of the first person's first turn.
    #[schemars(with = "Option<String>", example = &"2026-01-06")]
    pub since: Option<S<String>>,
    /// New orders of turns, each from a date on.
    #[serde(default)]
    #[schemars(with = "Vec<RawRotationChange>")]
    #[schemars(example = [crate::spec::schema_hints::rotation_change()])]
    pub changes: Vec<S<RawRotationChange>>,
}

/// A new order of turns.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRotationChange {
    /// Date (YYYY-MM-DD) the new order starts; its first person presents next.
    #[schemars(with = "String", example = &"2026-09-01")]
    pub from: S<String>,
    /// Person ids, in the new order.
    #[schemars(with = "Vec<String>", example = ["chloe", "alice"])]
    pub people: Vec<S<String>>,
}
