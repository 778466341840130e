//! Who a ritual involves: its organizer, attendees and rotation, each a
//! person of the spec.

use chrono::NaiveDate;

use crate::diagnostic::Diagnostic;
use crate::model::{Attendees, Loc, Person, PersonId, Rotation, RotationOrder};
use crate::spec::raw::{OneOrMany, RawRitual};
use crate::validate::{Validator, loc, values};

impl Validator {
    pub(super) fn organizer_and_attendees(
        &mut self,
        r: &RawRitual,
        people: &[(Person, Loc)],
        p: &impl Fn(&str) -> String,
    ) -> (Option<PersonId>, Attendees) {
        let organizer = r.organizer.as_ref().and_then(|o| {
            let id = self.person(o, people, p("organizer"))?;
            // ORGANIZER is a calendar user address (RFC 5545 §3.8.4.3):
            // without one, the field would be accepted and ignored.
            if people[id].0.email.is_none() {
                self.push(
                    Diagnostic::error(
                        format!(
                            "the organizer `{}` has no `email`: an ORGANIZER is an address",
                            people[id].0.id
                        ),
                        Some(loc(o)),
                        p("organizer"),
                    )
                    .hint(format!(
                        "add `email:` to `{}` in `people`, or remove `organizer`",
                        people[id].0.id
                    )),
                );
                return None;
            }
            Some(id)
        });
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
        // A list written empty is this error; one whose every name is
        // unknown has had an error per name already.
        let mut empty = Vec::new();
        if rot.value.people.is_empty() {
            empty.push((loc(rot), format!("{path}.people")));
        }
        for (k, c) in rot.value.changes.iter().enumerate() {
            if c.value.people.is_empty() {
                empty.push((loc(c), format!("{path}.changes[{k}].people")));
            }
        }
        for (at, field) in empty {
            self.push(
                Diagnostic::error("a rotation needs at least one person", Some(at), field)
                    .hint("list who takes turns, by their `people` ids: `people: [alice, bob]`"),
            );
        }
        if orders.iter().any(|o| o.people.is_empty()) {
            return None;
        }
        Some(Rotation { orders })
    }
}
