//! Our own feeds (since issue 18) write a rotation as one VEVENT per
//! presenter, `<id>+<person>@<domain>` (the turns as DTSTART and an RDATE
//! list, moved turns as RECURRENCE-ID overrides), the meetings before the
//! rotation as `<id>+before.rotation@<domain>` and the series after the
//! last named turn as `<id>@<domain>`. This puts them back into one
//! series whose turns are overrides naming the presenter, the shape
//! `rotation` reads; dates the rule gives that no part holds are EXDATEs
//! (holidays, closed days, skips).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate, NaiveDateTime};

use super::event::Party;
use super::rotation::presenter;
use super::series::{Override, Series};
use crate::model::Rule;

/// The part a UID of `domain` names: (`<local>`, what follows `+`).
fn part(uid: &str, domain: &str) -> Option<(String, String)> {
    let (local, d) = uid.rsplit_once('@')?;
    if d != domain {
        return None;
    }
    let (base, rest) = local.split_once('+')?;
    (!base.is_empty() && !rest.is_empty()).then(|| (base.to_owned(), rest.to_owned()))
}

/// Merges the parts of each rotation of `domain` found in `series` and
/// `one_offs` (a presenter with one turn may have no RDATE) into `series`.
/// Gives each presenter's name with the person id of their UID.
pub fn merge(
    series: &mut Vec<Series>,
    one_offs: &mut Vec<Series>,
    domain: &str,
) -> Vec<(String, String)> {
    let mut hints = Vec::new();
    let mut parts: BTreeMap<String, Vec<(String, Series)>> = BTreeMap::new();
    for list in [&mut *series, &mut *one_offs] {
        let (mine, rest): (Vec<Series>, Vec<Series>) = std::mem::take(list)
            .into_iter()
            .partition(|s| part(&s.uid, domain).is_some());
        *list = rest;
        for s in mine {
            if let Some((base, p)) = part(&s.uid, domain) {
                parts.entry(base).or_default().push((p, s));
            }
        }
    }
    for (local, ps) in parts {
        let uid = format!("{local}@{domain}");
        let at = series.iter().position(|s| s.uid == uid);
        let main = at.map(|i| series.remove(i));
        for (p, s) in &ps {
            if let Some((_, name)) = s.details.title.rsplit_once(" — ") {
                hints.push((name.to_owned(), p.clone()));
            }
        }
        series.push(one(uid, main, ps));
    }
    hints
}

/// One rotation's parts → one series.
fn one(uid: String, main: Option<Series>, parts: Vec<(String, Series)>) -> Series {
    let mut before: Option<Series> = None;
    let mut turns: Vec<Series> = Vec::new();
    for (p, s) in parts {
        if p == "before.rotation" && s.rule.is_some() {
            before = Some(s);
        } else {
            turns.push(s);
        }
    }
    let template = before
        .clone()
        .or_else(|| main.clone().filter(|m| m.rule.is_some()))
        .or_else(|| main.clone())
        .unwrap_or_else(|| untitled(&turns[0]));
    let mut template = template;
    let title = template.details.title.clone();
    let held = held(&turns);
    if template.rule.is_none() {
        infer_rule(&mut template, &held);
    }
    let rule = super::ritual::series_rule(&template);
    let time = template.start.time();
    let first_on_rule = held
        .iter()
        .map(|h| h.0)
        .find(|d| rule.as_ref().is_some_and(|r| r.matches(d.date(), d.date())));
    let start = before
        .as_ref()
        .map(|b| b.start)
        .or(first_on_rule)
        .or(main.as_ref().map(|m| m.start))
        .unwrap_or(template.start);
    let mut out = template.clone();
    out.uid = uid;
    out.start = start;
    out.exdates.clear();
    out.rdates.clear();
    out.overrides.clear();
    match &main {
        Some(m) if m.rule.is_some() => {
            out.rule.clone_from(&m.rule);
            out.until = m.until;
        }
        _ => {
            if let Some(r) = &mut out.rule {
                r.count = None;
            }
            // Without a rule the turns are `dates:`, which has no `until`.
            out.until = out
                .rule
                .as_ref()
                .and(held.last())
                .map(|h| h.0)
                .or(before.as_ref().and_then(|b| b.until));
        }
    }
    for p in before.iter().chain(main.iter()) {
        out.exdates.extend(p.exdates.iter().copied());
        out.rdates.extend(p.rdates.iter().copied());
        out.overrides.extend(p.overrides.iter().cloned());
    }
    if main.as_ref().is_some_and(|m| m.rule.is_none()) {
        // The series has no rule left: its held extras only.
        let m = main.as_ref().unwrap_or(&template);
        out.rdates.push((m.start, None));
    }
    // Dates the rule gives between the parts that no turn holds.
    if let Some(r) = &rule {
        let from = before
            .as_ref()
            .and_then(|b| b.until)
            .map_or(start.date(), |u| u.date() + Days::new(1));
        let to = main
            .as_ref()
            .filter(|m| m.rule.is_some())
            .map(|m| m.start.date())
            .or(held.last().map(|h| h.0.date() + Days::new(1)));
        out.exdates.extend(gaps(r, start, (from, to), &held));
    }
    for (t, ev) in &held {
        if !rule
            .as_ref()
            .is_some_and(|r| r.matches(start.date(), t.date()) && t.time() == time)
            && *t != start
        {
            out.rdates.push((*t, None));
        }
        out.overrides.push(turn(*t, ev, &title));
    }
    out.exdates.sort();
    out.rdates.sort_by_key(|r| r.0);
    out
}

/// The rule of turns without any series left in the file: read from
/// their dates; none when it would need more skips than there are turns
/// (the turns are then a `dates:` series).
fn infer_rule(template: &mut Series, held: &[(NaiveDateTime, &Series)]) {
    let mut dates: Vec<NaiveDate> = held.iter().map(|h| h.0.date()).collect();
    dates.dedup();
    template.rule = super::turn_rule::infer(&dates);
    // A rule that needs more skips than there are turns is not what
    // the spec said: the turns are then a `dates:` series.
    if let (Some(r), Some(first), Some(last)) = (
        super::ritual::series_rule(template),
        held.first(),
        held.last(),
    ) {
        let to = Some(last.0.date() + Days::new(1));
        if gaps(&r, first.0, (first.0.date(), to), held).len() > held.len() {
            template.rule = None;
        }
    }
}

/// Every turn: (original start, presenter's event), in date order.
fn held(turns: &[Series]) -> Vec<(NaiveDateTime, &Series)> {
    let mut held: Vec<(NaiveDateTime, &Series)> = Vec::new();
    for t in turns {
        let mut starts: BTreeSet<NaiveDateTime> = t.rdates.iter().map(|r| r.0).collect();
        starts.insert(t.start);
        held.extend(starts.into_iter().map(|d| (d, t)));
    }
    held.sort_by_key(|h| h.0);
    held
}

/// The dates in `[from, to)` that `rule` (from `start`) gives and no
/// turn holds: skipped ones (holidays, closed days, `skip`).
fn gaps(
    rule: &Rule,
    start: NaiveDateTime,
    (from, to): (NaiveDate, Option<NaiveDate>),
    held: &[(NaiveDateTime, &Series)],
) -> Vec<NaiveDateTime> {
    let dates: BTreeSet<NaiveDate> = held.iter().map(|h| h.0.date()).collect();
    let mut out = Vec::new();
    let mut d = from;
    while to.is_some_and(|t| d < t) {
        if rule.matches(start.date(), d) && !dates.contains(&d) {
            out.push(d.and_time(start.time()));
        }
        d = d + Days::new(1);
    }
    out
}

/// The turn at `t` of the presenter's event `ev`, as the override that
/// names them.
fn turn(t: NaiveDateTime, ev: &Series, title: &str) -> Override {
    let moved = ev.overrides.iter().find(|o| o.recurrence_id == t);
    let details = moved.map_or_else(|| ev.details.clone(), |o| o.details.clone());
    let name = presenter(title, &details.title)
        .or_else(|| details.title.rsplit_once(" — ").map(|x| x.1))
        .unwrap_or("")
        .to_owned();
    let mut details = details;
    details.title = format!("{title} — {name}");
    Override {
        recurrence_id: t,
        start: moved.map_or(t, |o| o.start),
        duration: moved.map_or(ev.duration, |o| o.duration),
        details,
        attendees: vec![Party {
            name: Some(name),
            email: None,
            chair: true,
        }],
        cancelled: moved.is_some_and(|o| o.cancelled),
    }
}

/// A presenter's event without the presenter: the ritual's own title
/// and description, when nothing else of the ritual is in the file.
fn untitled(t: &Series) -> Series {
    let mut s = t.clone();
    if let Some((title, _)) = t.details.title.rsplit_once(" — ") {
        s.details.title = title.to_owned();
    }
    s.details.description = t
        .details
        .description
        .as_deref()
        .and_then(|d| d.split_once("\n\n").map(|x| x.1.to_owned()));
    s.rule = None;
    s.rdates.clear();
    s.overrides.clear();
    s
}

#[cfg(test)]
mod tests {
    use super::part;

    #[test]
    fn parts_of_our_uids() {
        assert_eq!(
            part("news+ana@t.org", "t.org"),
            Some(("news".into(), "ana".into()))
        );
        assert_eq!(
            part("news.20270104+before.rotation@t.org", "t.org"),
            Some(("news.20270104".into(), "before.rotation".into()))
        );
        assert_eq!(part("news+ana@other.org", "t.org"), None);
        assert_eq!(part("news@t.org", "t.org"), None);
        assert_eq!(part("+ana@t.org", "t.org"), None);
    }
}
