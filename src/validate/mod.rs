//! Raw serde model → validated `model::Spec`. Parse, don't validate: every
//! check on the spec's values happens here, once, and reports *all*
//! problems found, each with its location and field path.

mod days;
pub(crate) mod every;
mod exceptions;
mod people;
mod ritual;
mod rrule;
mod schedule;
mod schedule_checks;
mod skips;
mod team;
mod values;

pub use every::EXPECTED as EVERY_EXPECTED;

/// The rule an `every` text gives (for tests and benchmarks).
pub fn parse_every(text: &str) -> Result<crate::model::Rule, String> {
    every::parse(&[text]).map_err(|e| e.message)
}

/// The rule an `rrule` text gives (for tests and benchmarks).
pub fn parse_rrule(text: &str) -> Result<crate::model::Rule, String> {
    rrule::parse(text)
        .map(crate::model::Rule::Recur)
        .map_err(|e| e.message)
}
pub use team::{FileDiagnostic, TeamFile, ValidTeam, describe_person, validate_team};

use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use chrono_tz::Tz;
use serde_saphyr::Spanned;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::model::{Calendar, Days, Language, Loc, Person, Spec};
use crate::spec::raw::{RawCalendar, RawPerson, RawSpec};

/// What validation needs from outside the spec.
#[derive(Clone, Copy, Debug)]
pub struct Context {
    /// The build date (`SOURCE_DATE_EPOCH`, or today): the default horizon
    /// is 31 December of the following year.
    pub build_date: NaiveDate,
}

/// Validates a parsed spec.
///
/// # Errors
/// Every error-level `Diagnostic` found (unknown zone, bad `every`, bad
/// time, unknown person, duplicate id, …), in source order.
pub fn validate(raw: &RawSpec, ctx: &Context) -> Result<Spec, Vec<Diagnostic>> {
    team::validate_team(&[TeamFile { name: "", raw }], ctx)
        .map(|t| t.spec)
        .map_err(|diags| diags.into_iter().map(|(_, d)| d).collect())
}

pub(crate) fn loc<T>(s: &Spanned<T>) -> Loc {
    Loc {
        line: s.referenced.line() as u32,
        column: s.referenced.column() as u32,
        len: s.referenced.span().len() as u32,
    }
}

pub(crate) struct Validator {
    pub diags: Vec<Diagnostic>,
    /// `calendar.since` is written (if it is invalid, that is reported
    /// once, not again for every ritual that relies on it).
    pub calendar_since_given: bool,
}

impl Validator {
    pub fn error<T>(
        &mut self,
        message: impl Into<String>,
        at: &Spanned<T>,
        path: impl Into<String>,
    ) {
        self.diags
            .push(Diagnostic::error(message, Some(loc(at)), path));
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Runs a value parser, recording its error at the value's location.
    pub fn parse<T, U>(
        &mut self,
        at: &Spanned<T>,
        path: impl Into<String>,
        f: impl FnOnce(&T) -> Result<U, String>,
    ) -> Option<U> {
        match f(&at.value) {
            Ok(v) => Some(v),
            Err(message) => {
                self.error(message, at, path);
                None
            }
        }
    }

    pub fn timezone(&mut self, at: &Spanned<String>, path: String) -> Option<Tz> {
        match Tz::from_str(at.value.trim()) {
            Ok(tz) => Some(tz),
            Err(_) => {
                let names = chrono_tz::TZ_VARIANTS.iter().map(|t| t.name());
                let mut d = Diagnostic::error(
                    format!(
                        "unknown time zone `{}`: expected an IANA name like `Europe/Paris`",
                        at.value
                    ),
                    Some(loc(at)),
                    path,
                );
                if let Some(best) = did_you_mean(&at.value, names) {
                    d = d.hint(format!("did you mean `{best}`?"));
                }
                self.push(d);
                None
            }
        }
    }

    /// Single-line text: control characters would let spec text forge
    /// content lines in some parsers, so they are refused outright.
    pub fn line_text(&mut self, at: &Spanned<String>, path: impl Into<String>) -> String {
        if let Some(c) = at.value.chars().find(|c| c.is_control()) {
            let what = match c {
                '\n' => "a line break".to_owned(),
                '\r' => "a carriage return".to_owned(),
                '\t' => "a tab".to_owned(),
                c => format!("the control character U+{:04X}", u32::from(c)),
            };
            let mut d = Diagnostic::error(
                format!("expected a single line of text without control characters, found {what}"),
                Some(loc(at)),
                path,
            );
            if matches!(c, '\n' | '\r') {
                d = d.hint("line breaks are allowed in `description` only");
            }
            self.push(d);
        } else if at.value.trim().is_empty() {
            self.error("expected some text, found an empty value", at, path);
        }
        at.value.trim().to_owned()
    }

    /// Multi-line text: newlines are kept (escaped in the output); other
    /// control characters are refused.
    pub fn long_text(&mut self, at: &Spanned<String>, path: impl Into<String>) -> String {
        if at
            .value
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
        {
            self.error(
                "text may not contain control characters other than newlines and tabs",
                at,
                path,
            );
        }
        at.value.trim_end().to_owned()
    }

    pub fn url(&mut self, at: &Spanned<String>, path: impl Into<String>) -> Option<String> {
        let u = at.value.trim();
        let scheme_ok = ["http://", "https://", "irc://", "ircs://", "mailto:"]
            .iter()
            .any(|s| {
                u.len() > s.len() && u.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s))
            });
        if !scheme_ok
            || u.chars()
                .any(|c| c.is_control() || c.is_whitespace() || c == '"')
        {
            self.error(
                format!("expected an absolute `http`, `https`, `irc`, `ircs` or `mailto` URL without spaces, found `{}`", at.value),
                at,
                path,
            );
            return None;
        }
        Some(u.to_owned())
    }

    pub fn id(&mut self, at: &Spanned<String>, path: impl Into<String>) -> String {
        let id = at.value.as_str();
        let ok = (1..=64).contains(&id.len())
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !id.starts_with('-');
        if !ok {
            self.error(
                format!("invalid id `{id}`: expected 1 to 64 characters among a-z, 0-9 and `-`, not starting with `-`"),
                at,
                path,
            );
        }
        id.to_owned()
    }

    /// An e-mail address (`people[].email`, `calendar.organizer`).
    fn email(&mut self, e: &Spanned<String>, path: String) -> String {
        let t = e.value.trim();
        let ok = t
            .split_once('@')
            .is_some_and(|(l, d)| !l.is_empty() && d.contains('.'))
            && !t
                .chars()
                .any(|c| c.is_control() || c.is_whitespace() || "\"<>,;:".contains(c));
        if !ok {
            self.error(
                format!("invalid e-mail address `{t}`: expected something like `name@example.org`"),
                e,
                path,
            );
        }
        t.to_owned()
    }

    fn calendar(&mut self, raw: &Spanned<RawCalendar>, ctx: &Context) -> Option<Calendar> {
        let c = &raw.value;
        let name = self.line_text(&c.name, "calendar.name");
        let description = c
            .description
            .as_ref()
            .map(|d| self.long_text(d, "calendar.description"));
        let timezone = self.timezone(&c.timezone, "calendar.timezone".into());
        let domain = self.domain(&c.domain);
        let refresh_secs = match &c.refresh {
            None => 12 * 3600,
            Some(r) => self
                .parse(r, "calendar.refresh", |t| values::duration(t))
                .map_or(12 * 3600, |d| d.num_seconds().max(60) as u64),
        };
        let url = c.url.as_ref().and_then(|u| self.url(u, "calendar.url"));
        let organizer = c
            .organizer
            .as_ref()
            .map(|e| self.email(e, "calendar.organizer".to_owned()));
        let language = self.language(c.language.as_ref());
        let holidays = match &c.holidays {
            None => Vec::new(),
            Some(h) => self
                .holidays(h, "calendar.holidays".into())
                .unwrap_or_default(),
        };
        let closed = Days::new(self.days(&c.closed, "calendar.closed"));
        let default_horizon = NaiveDate::from_ymd_opt(ctx.build_date.year() + 1, 12, 31);
        let horizon = match &c.horizon {
            None => default_horizon,
            Some(h) => self.parse(h, "calendar.horizon", |t| values::date(t)),
        };
        let since = c
            .since
            .as_ref()
            .and_then(|s| self.parse(s, "calendar.since", |t| values::date(t)));
        let slug = slug(&name);
        Some(Calendar {
            name,
            description,
            timezone: timezone?,
            domain,
            refresh_secs,
            url,
            organizer,
            language,
            holidays,
            closed,
            horizon: horizon?,
            since,
            slug,
        })
    }

    /// `calendar.domain`, lowercased: the UIDs' right-hand side.
    fn domain(&mut self, at: &Spanned<String>) -> String {
        let domain = at.value.trim().to_lowercase();
        let domain_ok = !domain.is_empty()
            && domain.len() <= 253
            && domain.split('.').all(|l| {
                !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            });
        if !domain_ok {
            self.error(
                format!(
                    "invalid domain `{}`: expected a DNS name like `example.org`",
                    at.value
                ),
                at,
                "calendar.domain",
            );
        }
        domain
    }

    /// `calendar.language`: French unless `en`.
    fn language(&mut self, at: Option<&Spanned<String>>) -> Language {
        match at {
            None => Language::Fr,
            Some(l) => match l.value.trim() {
                "fr" => Language::Fr,
                "en" => Language::En,
                other => {
                    self.error(
                        format!("unknown language `{other}`: expected `fr` or `en`"),
                        l,
                        "calendar.language",
                    );
                    Language::Fr
                }
            },
        }
    }

    fn people(&mut self, raw: &[Spanned<RawPerson>]) -> Vec<(Person, Loc)> {
        let mut people: Vec<(Person, Loc)> = Vec::new();
        for (i, p) in raw.iter().enumerate() {
            let p = &p.value;
            let id = self.id(&p.id, format!("people[{i}].id"));
            if let Some((_, first)) = people.iter().find(|(q, _)| q.id == id) {
                self.error(
                    format!("person id `{id}` is already used at line {}", first.line),
                    &p.id,
                    format!("people[{i}].id"),
                );
            }
            let name = self.line_text(&p.name, format!("people[{i}].name"));
            let email = p
                .email
                .as_ref()
                .map(|e| self.email(e, format!("people[{i}].email")));
            people.push((Person { id, name, email }, loc(&p.id)));
        }
        people
    }
}

/// A file and folder name derived from the calendar's name.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "calendar".to_owned()
    } else {
        out.chars().take(64).collect()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs() {
        assert_eq!(
            super::slug("Rituels du pôle logiciels libres"),
            "rituels-du-pole-logiciels-libres"
        );
        assert_eq!(super::slug("!!!"), "calendar");
    }
}
