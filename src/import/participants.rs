//! Our own feeds (since issue 18) name who takes part in DESCRIPTION, not
//! with ATTENDEE: a "Participants : Ana, Ben" line (fr) or
//! "Participants: Ana, Ben" (en) in the block before the ritual's own
//! description. This reads the names back and takes the line out.

use super::event::Party;
use super::series::Series;

const LABELS: [&str; 2] = ["Participants : ", "Participants: "];

/// The names of the participants line of `desc` and the description
/// without it (None when nothing is left).
pub fn split(desc: &str) -> Option<(Vec<String>, Option<String>)> {
    let lines: Vec<&str> = desc.split('\n').collect();
    // The line is in the header block: the first two lines at most
    // (after a presenter's line), before the first blank one.
    let at = lines
        .iter()
        .take(2)
        .take_while(|l| !l.is_empty())
        .position(|l| LABELS.iter().any(|p| l.starts_with(p)))?;
    if at == 1
        && !super::rotation::LABELS
            .iter()
            .any(|(_, p)| lines[0].starts_with(p))
    {
        return None;
    }
    let label = LABELS.iter().find(|p| lines[at].starts_with(*p))?;
    let names: Vec<String> = lines[at][label.len()..]
        .split(", ")
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect();
    let mut rest: Vec<&str> = lines.clone();
    rest.remove(at);
    // No header line left: the blank line before the description goes too.
    if at == 0 && rest.first() == Some(&"") {
        rest.remove(0);
    }
    let text = rest.join("\n");
    Some((names, (!text.is_empty()).then_some(text)))
}

/// Reads the participants line of a series (and of its overrides) that
/// has no ATTENDEE of its own; foreign feeds with ATTENDEE are untouched.
pub fn apply(s: &mut Series) {
    if s.attendees.is_empty()
        && let Some((names, desc)) = s.details.description.as_deref().and_then(split)
    {
        s.attendees = parties(&names);
        s.details.description = desc;
    }
    for o in &mut s.overrides {
        if o.attendees.is_empty()
            && let Some((_, desc)) = o.details.description.as_deref().and_then(split)
        {
            o.details.description = desc;
            o.attendees = s.attendees.clone();
        }
    }
}

fn parties(names: &[String]) -> Vec<Party> {
    names
        .iter()
        .map(|n| Party {
            name: Some(n.clone()),
            email: None,
            chair: false,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn the_line_is_read_and_taken_out() {
        assert_eq!(
            split("Participants : Ana Example, Ben Example"),
            Some((vec!["Ana Example".into(), "Ben Example".into()], None))
        );
        assert_eq!(
            split("Participants: Ana\n\nWeekly sync"),
            Some((vec!["Ana".into()], Some("Weekly sync".into())))
        );
        assert_eq!(
            split("Présentation : Ana\nParticipants : Ana, Ben\n\nNews"),
            Some((
                vec!["Ana".into(), "Ben".into()],
                Some("Présentation : Ana\n\nNews".into())
            ))
        );
        assert_eq!(split("Weekly\nParticipants : Ana"), None);
    }
}
