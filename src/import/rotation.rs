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
    let mut seq: Vec<(NaiveDate, String)> = Vec::with_capacity(turns.len());
    for t in &turns {
        let party = Party {
            name: Some(t.name.clone()),
            email: t.chair.as_ref().and_then(|c| c.email.clone()),
            chair: true,
        };
        if let Some(id) = trial.id_of(&party) {
            trial.rename(&id, &t.name);
            seq.push((t.date, id));
        }
    }
    let runs = orders(&seq);
    let last_turn = turns.last().map(|t| t.date);
    // Each order but the last must have come round once: otherwise the
    // names are not a rotation, just names.
    let rotates = !runs.is_empty()
        && runs[..runs.len() - 1]
            .iter()
            .all(|(_, order, n)| *n > order.len());
    if !rotates {
        return Found {
            rotation: None,
            lossy: Some(format!(
                "{} occurrences name a presenter in their title, in no repeating order; imported without presenters",
                turns.len()
            )),
            last_turn,
        };
    }
    *people = trial;
    let since = runs[0].0;
    Found {
        rotation: Some(RotationDoc {
            people: runs[0].1.clone(),
            since: (since > first).then_some(since),
            changes: runs[1..]
                .iter()
                .map(|(from, order, _)| (*from, order.clone()))
                .collect(),
        }),
        lossy: None,
        last_turn,
    }
}

/// Splits the turns into runs that each repeat one order (the order of
/// first appearance): (first date, order, number of turns). A new run
/// starts as early as it explains as many turns: `A B C A B C A C D A C D`
/// is `A B C` then `A C D` (from the seventh turn), not `C D A` from the
/// eighth.
fn orders(seq: &[(NaiveDate, String)]) -> Vec<(NaiveDate, Vec<String>, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < seq.len() {
        let (_, mut end) = run(&seq[start..]);
        end += start;
        if end < seq.len() {
            let reach = |s: usize| s + run(&seq[s..]).1;
            let far = reach(end);
            let mut best = end;
            while best > start + 1 && reach(best - 1) >= far {
                best -= 1;
            }
            end = best;
        }
        let (order, _) = run(&seq[start..end]);
        out.push((seq[start].0, order, end - start));
        start = end;
    }
    out
}

/// The order of first appearance at the start of `seq`, and how many
/// turns repeat it.
fn run(seq: &[(NaiveDate, String)]) -> (Vec<String>, usize) {
    let mut order: Vec<String> = Vec::new();
    let mut filling = true;
    for (j, (_, id)) in seq.iter().enumerate() {
        if filling && !order.contains(id) {
            order.push(id.clone());
        } else {
            filling = false;
            if *id != order[j % order.len()] {
                return (order, j);
            }
        }
    }
    (order, seq.len())
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
    fn a_new_order_from_a_date_is_a_change() {
        let mut people = People::default();
        let names = ["A", "B", "C", "A", "B", "C", "A", "C", "D", "A", "C", "D"];
        let turns = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let d =
                    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap() + chrono::Days::new(7 * i as u64);
                Turn {
                    date: d,
                    name: (*n).to_owned(),
                    chair: None,
                }
            })
            .collect();
        let rot = rotation(turns, &mut people, "2026-01-05".parse().unwrap())
            .rotation
            .unwrap();
        assert_eq!(rot.people, ["a", "b", "c"]);
        assert_eq!(rot.since, None);
        assert_eq!(
            rot.changes,
            vec![(
                "2026-02-16".parse().unwrap(),
                vec!["a".to_owned(), "c".to_owned(), "d".to_owned()]
            )]
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
