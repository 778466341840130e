//! Who a ritual involves: its organizer, attendees and rotation, each a
//! person of the spec.

use chrono::NaiveDate;

use crate::model::{Attendees, Loc, Person, PersonId, Rotation, RotationOrder};
use crate::spec::raw::{OneOrMany, RawRitual};
use crate::validate::{Validator, values};

impl Validator {
    pub(super) fn organizer_and_attendees(
        &mut self,
        r: &RawRitual,
        people: &[(Person, Loc)],
        p: &impl Fn(&str) -> String,
    ) -> (Option<PersonId>, Attendees) {
        let organizer = r
            .organizer
            .as_ref()
            .and_then(|o| self.person(o, people, p("organizer")));
        let attendees = match &r.attendees {
            None => Attendees::Unspecified,
            Some(a) => match &a.value {
                OneOrMany::One(s) if s.trim() == "all" => Attendees::All,
                _ => {
                    let ids = self.person_list(a, people, p("attendees"));
                    Attendees::Some(ids)
                }
            },
        };
        (organizer, attendees)
    }

    /// The rotation's orders of people, from `since` (the rotation's, or
    /// the ritual's) and each of its changes.
    pub(super) fn rotation(
        &mut self,
        r: &RawRitual,
        people: &[(Person, Loc)],
        since: NaiveDate,
        p: &impl Fn(&str) -> String,
    ) -> Option<Rotation> {
        let rot = r.rotation.as_ref()?;
        let path = p("rotation");
        let first = self.person_list_items(&rot.value.people, people, &format!("{path}.people"));
        let from = match &rot.value.since {
            Some(s) => self.parse(s, format!("{path}.since"), |t| values::date(t))?,
            None => since,
        };
        let mut orders = vec![RotationOrder {
            from,
            people: first,
        }];
        for (k, c) in rot.value.changes.iter().enumerate() {
            let cp = format!("{path}.changes[{k}]");
            let Some(from) = self.parse(&c.value.from, format!("{cp}.from"), |t| values::date(t))
            else {
                continue;
            };
            if from <= orders.last().expect("one order").from {
                self.error(
                    "rotation changes must be in date order, after the rotation's start",
                    &c.value.from,
                    format!("{cp}.from"),
                );
            }
            let list = self.person_list_items(&c.value.people, people, &format!("{cp}.people"));
            orders.push(RotationOrder { from, people: list });
        }
        if orders.iter().any(|o| o.people.is_empty()) {
            self.error("a rotation needs at least one person", rot, path);
            return None;
        }
        Some(Rotation { orders })
    }
}
