//! A VCALENDAR's own properties (RFC 5545 §3.7, and the calendar name,
//! description and refresh extensions of RFC 7986).

use super::content_line::{ContentWriter, Value};
use super::duration::duration_value;
use crate::model::Language;

/// A VCALENDAR's own properties.
pub(crate) struct Head<'a> {
    pub language: Language,
    pub name: &'a str,
    pub description: Option<&'a str>,
    /// X-WR-TIMEZONE, when the feed has one main zone.
    pub timezone: Option<&'a str>,
    pub refresh_secs: u64,
    pub url: Option<&'a str>,
    /// Write METHOD:PUBLISH (see `feed::is_publish`).
    pub publish: bool,
}

/// `BEGIN:VCALENDAR` and the calendar's properties.
pub(crate) fn write_head(w: &mut ContentWriter, h: &Head<'_>) {
    w.begin("VCALENDAR");
    w.property("VERSION", &[], Value::Raw("2.0"));
    let prodid = format!(
        "-//rituals//rituals {}//{}",
        env!("CARGO_PKG_VERSION"),
        h.language.code().to_uppercase()
    );
    w.property("PRODID", &[], Value::Text(&prodid));
    w.property("CALSCALE", &[], Value::Raw("GREGORIAN"));
    if h.publish {
        w.property("METHOD", &[], Value::Raw("PUBLISH"));
    }
    w.property("NAME", &[], Value::Text(h.name));
    w.property("X-WR-CALNAME", &[], Value::Text(h.name));
    if let Some(d) = h.description {
        w.property("DESCRIPTION", &[], Value::Text(d));
        w.property("X-WR-CALDESC", &[], Value::Text(d));
    }
    if let Some(tz) = h.timezone {
        w.property("X-WR-TIMEZONE", &[], Value::Raw(tz));
    }
    let refresh = duration_value(h.refresh_secs);
    w.property(
        "REFRESH-INTERVAL",
        &[("VALUE", "DURATION")],
        Value::Raw(&refresh),
    );
    w.property("X-PUBLISHED-TTL", &[], Value::Raw(&refresh));
    if let Some(url) = h.url {
        w.property("URL", &[("VALUE", "URI")], Value::Raw(url));
        w.property("SOURCE", &[("VALUE", "URI")], Value::Raw(url));
    }
}

pub(crate) fn base_with_slash(base: &str) -> String {
    if base.ends_with('/') {
        base.to_owned()
    } else {
        format!("{base}/")
    }
}

impl Language {
    /// What precedes the participants' names in an event's description.
    pub fn participants_label(self) -> &'static str {
        match self {
            Language::Fr => "Participants : ",
            Language::En => "Participants: ",
        }
    }

    /// "Presenter: Alice" in the calendar's language.
    pub fn presenter_line(self, name: &str) -> String {
        format!("{}{name}", self.presenter_label())
    }

    /// What precedes the presenter's name in `presenter_line`.
    pub fn presenter_label(self) -> &'static str {
        match self {
            Language::Fr => "Présentation : ",
            Language::En => "Presenter: ",
        }
    }
}
