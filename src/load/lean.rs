//! A lean workspace, for a build of many teams (issue 15): each team is
//! linted as soon as it is validated, then keeps only what the checks
//! across teams and the combined feed need of its rituals (`TeamFacts`);
//! its rituals are validated again, from the texts already read, when its
//! turn to be written comes (`Team::full`). So a folder of 100 teams
//! holds one team's rituals at a time, not every team's.

use std::collections::BTreeMap;

use chrono_tz::Tz;

use super::include::{Closure, Parsed};
use super::{Team, team};
use crate::error::Error;
use crate::model::{Loc, Spec};
use crate::validate::Context;

/// What is known of a team's rituals without them.
#[derive(Debug, Default)]
pub struct TeamFacts {
    /// Every segment's UID, with its ritual's id, the place of that id
    /// and its file (for the checks across teams).
    pub uids: Vec<UidFact>,
    /// Each zone its timed events use, with the first year one does.
    pub zones: BTreeMap<&'static str, (Tz, i32)>,
    /// Whether it has rituals, and whether each has an ORGANIZER (the
    /// combined feed's METHOD:PUBLISH).
    pub has_rituals: bool,
    pub organized: bool,
}

#[derive(Debug)]
pub struct UidFact {
    pub uid: String,
    pub ritual: String,
    pub at: Loc,
    pub file: usize,
}

impl TeamFacts {
    pub fn of(spec: &Spec, ritual_file: &[usize]) -> TeamFacts {
        let uids = spec
            .rituals
            .iter()
            .zip(ritual_file)
            .flat_map(|(r, &file)| {
                r.segments.iter().map(move |s| UidFact {
                    uid: s.uid.clone(),
                    ritual: r.id.clone(),
                    at: r.loc,
                    file,
                })
            })
            .collect();
        TeamFacts {
            uids,
            zones: crate::render::ics::zone_first_years(spec),
            has_rituals: !spec.rituals.is_empty(),
            organized: (0..spec.rituals.len())
                .all(|r| crate::render::ics::organizer(spec, r).is_some()),
        }
    }
}

impl Team {
    /// Lints the team, then drops its rituals (see the module docs).
    pub(super) fn make_lean(&mut self, today: chrono::NaiveDate) {
        self.lints = Some(crate::lint::report::by_file(self, today));
        self.spec.rituals = Vec::new();
        self.ritual_file = Vec::new();
    }

    /// The team with its rituals: itself, or validated again from its
    /// files' texts when it was made lean.
    ///
    /// # Errors
    /// `Error::Usage` if the texts no longer validate, which cannot
    /// happen: they are the texts that validated at load.
    pub fn full(&self, ctx: &Context) -> Result<Option<Team>, Error> {
        if self.lints.is_none() {
            return Ok(None);
        }
        let files = self
            .files
            .iter()
            .map(|f| Parsed {
                raw: crate::spec::parse(&f.source).ok(),
                source: f.source.clone(),
                canon: f.canon.clone(),
                warnings: f.warnings.clone(),
            })
            .collect();
        let c = Closure {
            files,
            diags: Vec::new(),
        };
        team(c, ctx).map(Some).map_err(|_| {
            Error::Usage(format!(
                "`{}` no longer validates while it is built",
                self.source().name
            ))
        })
    }
}
