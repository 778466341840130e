//! Our own feeds name each rotation turn in a RECURRENCE-ID override:
//! `SUMMARY:<title> — <name>`, the presenter as `ATTENDEE;ROLE=CHAIR` and
//! a "Présentation : name" line. This finds that pattern and rebuilds
//! `rotation:` when the turns follow one order.

use chrono::NaiveDate;

use super::doc::RotationDoc;
use super::event::Party;
use super::people::People;

/// Words our feeds put before a presenter's name, per language.
pub const LABELS: [(&str, &str); 2] = [("fr", "Présentation : "), ("en", "Presenter: ")];

/// One named turn: the occurrence's original date and who presents.
#[derive(Clone, Debug)]
pub struct Turn {
    pub date: NaiveDate,
    pub name: String,
    pub chair: Option<Party>,
}

/// The presenter's name when `summary` is `<title> — <name>`.
pub fn presenter<'a>(title: &str, summary: &'a str) -> Option<&'a str> {
    summary
        .strip_prefix(title)?
        .strip_prefix(" — ")
        .filter(|n| !n.trim().is_empty())
}

/// Is `desc` what our feeds write for a turn of `name` (with the series'
/// own description `base` after a blank line)? Gives the language.
pub fn turn_description(
    desc: Option<&str>,
    name: &str,
    base: Option<&str>,
) -> Option<&'static str> {
    let desc = desc?;
    LABELS.iter().find_map(|(lang, label)| {
        let line = format!("{label}{name}");
        let ok = match base {
            Some(b) => desc == format!("{line}\n\n{b}"),
            None => desc == line,
        };
        ok.then_some(*lang)
    })
}

/// What the turns say.
#[derive(Debug, Default)]
pub struct Found {
    pub rotation: Option<RotationDoc>,
    /// Why the turns are not a rotation.
    pub lossy: Option<String>,
    pub last_turn: Option<NaiveDate>,
}

/// Rebuilds the rotation from `turns` (any order); `first` is the date of
/// the series' first occurrence.
pub fn rotation(mut turns: Vec<Turn>, people: &mut People, first: NaiveDate) -> Found {
    if turns.is_empty() {
        return Found::default();
    }
    turns.sort_by_key(|t| t.date);
    // People join the spec only when the turns make a rotation.
    let mut trial = people.clone();
    let mut seq = Vec::with_capacity(turns.len());
    for t in &turns {
        let party = t.chair.clone().unwrap_or(Party {
            name: Some(t.name.clone()),
            email: None,
            chair: true,
        });
        let party = Party {
            name: Some(t.name.clone()),
            ..party
        };
        let Some(id) = trial.id_of(&party) else {
            continue;
        };
        trial.rename(&id, &t.name);
        seq.push(id);
    }
    let mut order: Vec<String> = Vec::new();
    for id in &seq {
        if !order.contains(id) {
            order.push(id.clone());
        }
    }
    let cyclic = seq
        .iter()
        .enumerate()
        .all(|(i, id)| *id == order[i % order.len()]);
    let last_turn = turns.last().map(|t| t.date);
    if !cyclic {
        return Found {
            rotation: None,
            lossy: Some(format!(
                "{} occurrences name a presenter in their title, in no repeating order; imported without presenters",
                turns.len()
            )),
            last_turn,
        };
    }
    let since = turns[0].date;
    *people = trial;
    Found {
        rotation: Some(RotationDoc {
            people: order,
            since: (since > first).then_some(since),
        }),
        lossy: None,
        last_turn,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turn(date: &str, name: &str) -> Turn {
        Turn {
            date: date.parse().unwrap(),
            name: name.to_owned(),
            chair: None,
        }
    }

    #[test]
    fn turns_in_order_make_a_rotation() {
        assert_eq!(presenter("News", "News — Bo: B"), Some("Bo: B"));
        assert_eq!(presenter("News", "News extra"), None);
        let mut people = People::default();
        let found = rotation(
            vec![
                turn("2027-01-11", "Bo"),
                turn("2027-01-04", "Ana"),
                turn("2027-01-18", "Ana"),
                turn("2027-01-25", "Bo"),
            ],
            &mut people,
            "2026-01-05".parse().unwrap(),
        );
        let rot = found.rotation.unwrap();
        assert_eq!(rot.people, ["ana", "bo"]);
        assert_eq!(rot.since, Some("2027-01-04".parse().unwrap()));
        assert_eq!(found.last_turn, Some("2027-01-25".parse().unwrap()));
        let found = rotation(
            vec![
                turn("2027-01-04", "Ana"),
                turn("2027-01-11", "Bo"),
                turn("2027-01-18", "Bo"),
            ],
            &mut people,
            "2027-01-04".parse().unwrap(),
        );
        assert!(found.rotation.is_none());
        assert_eq!(
            found.lossy.as_deref(),
            Some(
                "3 occurrences name a presenter in their title, in no repeating order; imported without presenters"
            )
        );
    }

    #[test]
    fn turn_descriptions() {
        assert_eq!(
            turn_description(Some("Présentation : Ana"), "Ana", None),
            Some("fr")
        );
        assert_eq!(
            turn_description(Some("Presenter: Ana\n\nWeekly"), "Ana", Some("Weekly")),
            Some("en")
        );
        assert_eq!(turn_description(Some("Other"), "Ana", None), None);
    }
}
