//! What a ritual's events say besides when: title, description, location,
//! URL, busy, and the reminders (VALARMs).

use chrono::TimeDelta;
use serde_saphyr::Spanned;

use crate::model::Details;
use crate::spec::raw::RawRitual;
use crate::validate::{Validator, values};

impl Validator {
    /// The details of the ritual's first segment.
    pub(super) fn details(&mut self, r: &RawRitual, p: &impl Fn(&str) -> String) -> Details {
        Details {
            title: self.line_text(&r.title, p("title")),
            description: r
                .description
                .as_ref()
                .map(|d| self.long_text(d, p("description"))),
            location: r
                .location
                .as_ref()
                .map(|l| self.line_text(l, p("location"))),
            url: r.url.as_ref().and_then(|u| self.url(u, p("url"))),
            busy: r.busy.as_ref().is_none_or(|b| b.value),
            remind: self.reminders(&r.remind, &p("remind")),
        }
    }

    pub(super) fn reminders(&mut self, raw: &[Spanned<String>], path: &str) -> Vec<TimeDelta> {
        raw.iter()
            .enumerate()
            .filter_map(|(k, r)| self.parse(r, format!("{path}[{k}]"), |t| values::duration(t)))
            .collect()
    }
}
