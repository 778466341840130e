//! Series → the spec to write: ritual ids from UIDs (`<id>@<domain>`,
//! with `<id>.<YYYYMMDD>@<domain>` segments as `changes:`), the calendar
//! section (most common zone and domain, earliest start), people, and a
//! comment for everything not carried over.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::Lossy;
use super::Options;
use super::doc::{AttendeesDoc, CalendarDoc, Doc, RitualDoc, ScheduleDoc};
use super::ids::{Ids, is_id, looks_generated, slug_or};
use super::people::People;
use super::ritual::{Built, Segment, build};
use super::series::{Calendar, Series};
use super::when::duration_text;

/// The domain most UIDs end with.
fn common_domain<'a>(uids: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for u in uids {
        if let Some((local, d)) = u.rsplit_once('@')
            && !looks_generated(local)
        {
            *counts.entry(d).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(d, n)| (*n, std::cmp::Reverse(*d)))
        .map(|(d, _)| d.to_owned())
}

/// `(base id, from)` of a UID of `domain`: `standup@d` → (`standup`,
/// None), `standup.20270903@d` → (`standup`, 2027-09-03).
fn split_uid(uid: &str, domain: &str) -> Option<(String, Option<NaiveDate>)> {
    let (local, d) = uid.rsplit_once('@')?;
    if d != domain {
        return None;
    }
    if let Some((base, date)) = local.rsplit_once('.')
        && date.len() == 8
        && let Ok(from) = NaiveDate::parse_from_str(date, "%Y%m%d")
        && is_id(base)
    {
        return Some((base.to_owned(), Some(from)));
    }
    (is_id(local) && !looks_generated(local)).then(|| (local.to_owned(), None))
}

/// Builds the document and the list of what was lost.
pub fn draft(mut cal: Calendar, opts: &Options) -> (Doc, Vec<Lossy>) {
    let mut lossy = cal.lossy.clone();
    let domain = opts.domain.clone().or_else(|| {
        common_domain(
            cal.series
                .iter()
                .chain(&cal.one_offs)
                .map(|s| s.uid.as_str()),
        )
    });
    // Our own feed (its PRODID says so): participants are named in
    // DESCRIPTION, a rotation is one event per presenter.
    if cal.language.is_some() {
        for s in cal.series.iter_mut().chain(cal.one_offs.iter_mut()) {
            super::participants::apply(s);
        }
    }
    let mut people = People::default();
    if let Some(d) = domain.as_deref() {
        for (name, id) in super::presenters::merge(&mut cal.series, &mut cal.one_offs, d) {
            people.prefer(&name, &id);
        }
    }
    let mut ids = Ids::default();
    let groups = groups(&cal.series, domain.as_deref(), &mut ids);
    let mut built: Vec<Built> = Vec::new();
    let mut not_imported: Vec<String> = Vec::new();
    for (id, mut segs) in groups {
        segs.sort_by_key(|s| (s.from.is_some(), s.from));
        if let Some(s) = segs
            .iter()
            .find(|s| s.series.rule.as_ref().is_some_and(|r| r.is_sub_daily()))
        {
            let rule = s
                .series
                .rule
                .as_ref()
                .map(|r| r.normalised())
                .unwrap_or_default();
            let l = Lossy::new(
                &s.series.uid,
                format!("the rule `{rule}` repeats within a day; not imported"),
            );
            not_imported_line(l, &mut not_imported, &mut lossy);
            continue;
        }
        let b = build(id, &segs, &mut people, opts.since);
        if let (Some(since), Some(until)) = (opts.since, b.doc.until)
            && until < since
        {
            let l = Lossy::new(
                &segs[0].series.uid,
                format!("ended on {until}, before --since {since}; not imported"),
            );
            not_imported_line(l, &mut not_imported, &mut lossy);
            continue;
        }
        built.push(b);
    }
    let one_offs = super::one_offs::one_offs(&cal.one_offs, opts, &mut ids, &mut people);
    lossy.extend(one_offs.lossy.iter().cloned());
    not_imported.extend(one_offs.not_imported);
    built.extend(one_offs.built);
    let mut calendar = calendar_doc(&cal, &built, domain, opts);
    lift_organizer(&mut calendar, &mut built, &mut people);
    let all_people = people.ids();
    let mut rituals = Vec::new();
    for b in built {
        let mut r = b.doc;
        finish(&mut r, b.rule.as_ref(), &calendar, &all_people);
        // What the file's events said that no ritual field carries.
        for l in cal.lossy.iter().filter(|l| b.uids.contains(&l.uid)) {
            r.comments.push(l.message.clone());
        }
        for l in &b.lossy {
            r.comments.push(l.message.clone());
        }
        lossy.extend(b.lossy);
        rituals.push(r);
    }
    let mut header = vec![format!(
        "Imported from {} by `rituals import`.",
        opts.file_name
    )];
    if !lossy.is_empty() {
        header.push(
            "Comments mark what the calendar said that this file cannot; review them.".to_owned(),
        );
    }
    let doc = Doc {
        header,
        calendar,
        people: people.list,
        rituals,
        not_imported,
    };
    (doc, lossy)
}

/// Series grouped by ritual id: UIDs of our own shape first, so that
/// their ids are kept; ids from titles, made unique, after.
fn groups<'a>(
    series: &'a [Series],
    domain: Option<&str>,
    ids: &mut Ids,
) -> Vec<(String, Vec<Segment<'a>>)> {
    let mut groups: Vec<(String, Vec<Segment<'_>>)> = Vec::new();
    let mut others: Vec<&Series> = Vec::new();
    for s in series {
        match domain.and_then(|d| split_uid(&s.uid, d)) {
            Some((id, from)) => {
                let seg = Segment { from, series: s };
                match groups.iter_mut().find(|(g, _)| *g == id) {
                    Some((_, segs)) => segs.push(seg),
                    None => {
                        ids.reserve(&id);
                        groups.push((id, vec![seg]));
                    }
                }
            }
            None => others.push(s),
        }
    }
    for s in others {
        let id = ids.unique(&slug_or(&s.details.title, "ritual"));
        groups.push((
            id,
            vec![Segment {
                from: None,
                series: s,
            }],
        ));
    }
    groups
}

/// Our feeds write `calendar.organizer` as every event's ORGANIZER with
/// the calendar's name as CN: when every ritual has that person as its
/// organizer (and nothing else of theirs), it is `calendar.organizer`
/// again rather than a person.
fn lift_organizer(calendar: &mut CalendarDoc, built: &mut [Built], people: &mut People) {
    let Some(first) = built.first().and_then(|b| b.doc.organizer.clone()) else {
        return;
    };
    let Some(person) = people.list.iter().find(|p| p.id == first) else {
        return;
    };
    let only_organizer = built.iter().all(|b| {
        let d = &b.doc;
        d.organizer.as_deref() == Some(first.as_str())
            && !matches!(&d.attendees, Some(AttendeesDoc::Some(ids)) if ids.contains(&first))
            && !d.rotation.as_ref().is_some_and(|r| {
                r.people.contains(&first) || r.changes.iter().any(|c| c.1.contains(&first))
            })
    });
    if person.name != calendar.name || person.email.is_none() || !only_organizer {
        return;
    }
    calendar.organizer.clone_from(&person.email);
    people.remove(&first);
    for b in built {
        b.doc.organizer = None;
    }
}

/// A ritual not imported: a comment at the end of the file and a line.
fn not_imported_line(l: Lossy, not_imported: &mut Vec<String>, lossy: &mut Vec<Lossy>) {
    not_imported.push(format!("{}: {}", l.uid, l.message));
    lossy.push(l);
}

/// Leaves out what the calendar section already says.
fn finish(r: &mut RitualDoc, rule: Option<&crate::model::Rule>, cal: &CalendarDoc, all: &[String]) {
    if r.time == "all day" || r.timezone.as_deref() == Some(cal.timezone.as_str()) {
        r.timezone = None;
    }
    if let (Some(since), Some(cal_since)) = (r.since, cal.since) {
        let same =
            since == cal_since || rule.is_some_and(|m| m.first_on_or_after(cal_since) == since);
        if same && !matches!(r.schedule, ScheduleDoc::Dates(_)) {
            r.since = None;
        }
    }
    if let ScheduleDoc::Dates(_) = r.schedule {
        r.since = None;
    }
    if let Some(AttendeesDoc::Some(ids)) = &r.attendees {
        let mut a = ids.clone();
        a.sort();
        let mut b = all.to_vec();
        b.sort();
        if a == b && a.len() > 1 {
            r.attendees = Some(AttendeesDoc::All);
        }
    }
}

fn calendar_doc(
    cal: &Calendar,
    built: &[Built],
    domain: Option<String>,
    opts: &Options,
) -> CalendarDoc {
    let mut zones: BTreeMap<&str, usize> = BTreeMap::new();
    for b in built {
        if let Some(z) = b.zone {
            *zones.entry(z.name()).or_default() += 1;
        }
    }
    let timezone = zones
        .into_iter()
        .max_by_key(|(z, n)| (*n, std::cmp::Reverse(*z)))
        .map(|(z, _)| z.to_owned())
        .or_else(|| cal.default_zone.map(|z| z.name().to_owned()))
        .unwrap_or_else(|| "UTC".to_owned());
    let since = built
        .iter()
        .filter(|b| !matches!(b.doc.schedule, ScheduleDoc::Dates(_)))
        .filter_map(|b| b.doc.since)
        .min();
    let mut comments = Vec::new();
    let domain = domain.unwrap_or_else(|| {
        comments.push("domain: no UID names one; set your own".to_owned());
        "example.org".to_owned()
    });
    // Presenters are named up to the horizon: keep it where the file
    // stopped naming them.
    let windows: Vec<(NaiveDate, Option<NaiveDate>)> =
        built.iter().filter_map(|b| b.horizon).collect();
    let horizon = windows.iter().map(|w| w.0).max().map(|lo| {
        let hi = windows.iter().filter_map(|w| w.1).min();
        let dec31 = NaiveDate::from_ymd_opt(lo.year(), 12, 31).unwrap_or(lo);
        if hi.is_none_or(|h| dec31 < h) {
            dec31
        } else {
            lo
        }
    });
    // `fr` is the default: said only when it is not.
    let language = cal
        .language
        .clone()
        .or_else(|| built.iter().find_map(|b| b.language.map(str::to_owned)))
        .filter(|l| l != "fr");
    CalendarDoc {
        name: cal.name.clone().unwrap_or_else(|| {
            opts.file_name
                .rsplit('/')
                .next()
                .unwrap_or("calendar")
                .trim_end_matches(".ics")
                .to_owned()
        }),
        description: cal.description.clone(),
        timezone,
        since,
        domain,
        refresh: cal
            .refresh
            .filter(|r| r.num_seconds() != 12 * 3600 && r.num_minutes() > 0)
            .map(duration_text),
        language,
        horizon,
        organizer: None,
        comments,
    }
}
