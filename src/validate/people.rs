//! References to people: organizer, attendees, rotation orders.

use serde_saphyr::Spanned;

use super::{Validator, loc};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::model::{Loc, Person, PersonId};
use crate::spec::raw::OneOrMany;

impl Validator {
    pub(super) fn person(
        &mut self,
        at: &Spanned<String>,
        people: &[(Person, Loc)],
        path: String,
    ) -> Option<PersonId> {
        let id = at.value.trim();
        match people.iter().position(|(p, _)| p.id == id) {
            Some(i) => Some(i),
            None => {
                let mut d = Diagnostic::error(
                    format!("unknown person `{id}`: expected an id from the `people` list"),
                    Some(loc(at)),
                    path,
                );
                if let Some(best) = did_you_mean(id, people.iter().map(|(p, _)| p.id.as_str())) {
                    d = d.hint(format!("did you mean `{best}`?"));
                } else if people.is_empty() {
                    d = d.hint(
                        "add a top-level `people:` list with `id` and `name` for each person",
                    );
                }
                self.push(d);
                None
            }
        }
    }

    pub(super) fn person_list(
        &mut self,
        at: &Spanned<OneOrMany>,
        people: &[(Person, Loc)],
        path: String,
    ) -> Vec<PersonId> {
        let names: Vec<&str> = match &at.value {
            OneOrMany::One(s) => s.split(',').map(str::trim).collect(),
            OneOrMany::Many(v) => v.iter().map(String::as_str).collect(),
        };
        let mut ids = Vec::new();
        for (k, name) in names.into_iter().enumerate() {
            let fake = Spanned {
                value: name.to_owned(),
                referenced: at.referenced,
                defined: at.defined,
            };
            if let Some(id) = self.person(&fake, people, format!("{path}[{k}]")) {
                ids.push(id);
            }
        }
        ids
    }

    pub(super) fn person_list_items(
        &mut self,
        items: &[Spanned<String>],
        people: &[(Person, Loc)],
        path: &str,
    ) -> Vec<PersonId> {
        items
            .iter()
            .enumerate()
            .filter_map(|(k, item)| self.person(item, people, format!("{path}[{k}]")))
            .collect()
    }
}
