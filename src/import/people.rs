//! ATTENDEE and ORGANIZER → the spec's `people`: one person per e-mail
//! address (or per name, without one), ids from the name, stable (the
//! same file gives the same ids) and unique.

use std::collections::BTreeMap;

use super::doc::PersonDoc;
use super::event::Party;
use super::ids::{Ids, is_id, slug_or};

#[derive(Clone, Debug, Default)]
pub struct People {
    pub list: Vec<PersonDoc>,
    by_key: BTreeMap<String, usize>,
    ids: Ids,
    /// Ids the file gives for names (our feeds' `<id>+<person>@<domain>`).
    hints: BTreeMap<String, String>,
}

/// The spec's own check of an address (see `validate::people`).
fn valid_email(t: &str) -> bool {
    t.split_once('@')
        .is_some_and(|(l, d)| !l.is_empty() && d.contains('.'))
        && !t
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || "\"<>,;:".contains(c))
}

impl People {
    /// The id of `party`, added on first sight. None for a party with
    /// neither name nor usable address.
    pub fn id_of(&mut self, party: &Party) -> Option<String> {
        let email = party
            .email
            .as_deref()
            .map(str::trim)
            .filter(|e| valid_email(e));
        let name = party
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        let key = match (email, name) {
            (Some(e), _) => e.to_lowercase(),
            (None, Some(n)) => format!("name:{n}"),
            (None, None) => return None,
        };
        if let Some(i) = self.by_key.get(&key) {
            return Some(self.list[*i].id.clone());
        }
        // A name without address (our feeds' participants line) is the
        // person of that name already met with one.
        if email.is_none()
            && let Some(i) = self.list.iter().position(|p| Some(p.name.as_str()) == name)
        {
            self.by_key.insert(key, i);
            return Some(self.list[i].id.clone());
        }
        // A person first seen by name (a presenter without address) who
        // then shows up with one is the same person.
        if let (Some(e), Some(n)) = (email, name)
            && let Some(i) = self.by_key.get(&format!("name:{n}")).copied()
            && self.list[i].email.is_none()
        {
            self.list[i].email = Some(e.to_owned());
            self.by_key.insert(key, i);
            return Some(self.list[i].id.clone());
        }
        let local = email.map(|e| e.split('@').next().unwrap_or(e));
        let display = name
            .map(str::to_owned)
            .or_else(|| local.map(str::to_owned))
            .unwrap_or_default();
        let id = match self.hints.get(&display) {
            Some(h) if is_id(h) && self.ids.reserve(h) => h.clone(),
            _ => self.ids.unique(&slug_or(&display, "person")),
        };
        self.by_key.insert(key, self.list.len());
        self.list.push(PersonDoc {
            id: id.clone(),
            name: display,
            email: email.map(str::to_owned),
        });
        Some(id)
    }

    /// Replaces a person's name with a better-kept one (the name in a
    /// presenter's title keeps characters that CN parameters lose).
    pub fn rename(&mut self, id: &str, name: &str) {
        if let Some(p) = self.list.iter_mut().find(|p| p.id == id) {
            p.name = name.to_owned();
        }
    }

    /// Takes a person out of the list (their id stays taken).
    pub fn remove(&mut self, id: &str) {
        if let Some(i) = self.list.iter().position(|p| p.id == id) {
            self.list.remove(i);
            self.by_key.retain(|_, v| *v != i);
            for v in self.by_key.values_mut() {
                if *v > i {
                    *v -= 1;
                }
            }
        }
    }

    /// The id to give the person named `name`, when it is still free.
    pub fn prefer(&mut self, name: &str, id: &str) {
        self.hints.insert(name.to_owned(), id.to_owned());
    }

    pub fn ids(&self) -> Vec<String> {
        self.list.iter().map(|p| p.id.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn party(name: Option<&str>, email: Option<&str>) -> Party {
        Party {
            name: name.map(str::to_owned),
            email: email.map(str::to_owned),
            chair: false,
        }
    }

    #[test]
    fn one_person_per_address_ids_from_names() {
        let mut p = People::default();
        assert_eq!(
            p.id_of(&party(Some("Chloé Bernard"), Some("c@x.org")))
                .as_deref(),
            Some("chloe-bernard")
        );
        assert_eq!(
            p.id_of(&party(Some("C. B."), Some("C@X.org"))).as_deref(),
            Some("chloe-bernard")
        );
        assert_eq!(
            p.id_of(&party(Some("Chloé Bernard"), Some("other@x.org")))
                .as_deref(),
            Some("chloe-bernard-2")
        );
        assert_eq!(
            p.id_of(&party(None, Some("bob.smith@x.org"))).as_deref(),
            Some("bob-smith")
        );
        assert_eq!(
            p.id_of(&party(Some("Carol"), None)).as_deref(),
            Some("carol")
        );
        assert_eq!(
            p.id_of(&party(Some("Carol"), Some("carol@x.org")))
                .as_deref(),
            Some("carol")
        );
        assert_eq!(p.id_of(&party(None, Some("not an address"))), None);
        assert_eq!(p.list.len(), 4);
        // A name alone is the person already met under that name.
        assert_eq!(p.id_of(&party(Some("C. B."), None)).as_deref(), Some("c-b"));
        assert_eq!(
            p.id_of(&party(Some("Chloé Bernard"), None)).as_deref(),
            Some("chloe-bernard")
        );
        p.prefer("Dan Example", "dan");
        assert_eq!(
            p.id_of(&party(Some("Dan Example"), Some("d@x.org")))
                .as_deref(),
            Some("dan")
        );
    }
}
