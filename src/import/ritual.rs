//! One ritual from its series: the base series (`<id>@<domain>`) and its
//! schedule-change segments (`<id>.<YYYYMMDD>@<domain>`) become one
//! ritual with `changes:`; EXDATE → `skip`, RDATE → `extra`, overrides →
//! `moved` or presenters; what cannot be said is reported.

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::Lossy;
use super::doc::{AttendeesDoc, ChangeDoc, RitualDoc, ScheduleDoc};
use super::every::{Schedule, schedule};
use super::people::People;
use super::series::Series;
use super::when::{at_text, duration_text, time_fields};
use crate::model::Rule;

/// A series and the date its schedule starts from (None: the base).
pub struct Segment<'a> {
    pub from: Option<NaiveDate>,
    pub series: &'a Series,
}

/// A ritual ready to write, with what the calendar needs to know.
pub struct Built {
    pub doc: RitualDoc,
    pub lossy: Vec<Lossy>,
    pub zone: Option<Tz>,
    /// Dates a horizon must lie in for the presenters to stay the same:
    /// `[last turn, next held occurrence)`.
    pub horizon: Option<(NaiveDate, Option<NaiveDate>)>,
    pub language: Option<&'static str>,
    /// The model rule of `every`, when today's forms say it.
    pub rule: Option<Rule>,
    /// The UIDs it was made from.
    pub uids: Vec<String>,
}

/// What a segment's master says, in the spec's words.
struct Vals {
    schedule: ScheduleDoc,
    time: String,
    duration: Option<String>,
    zone: Option<Tz>,
    remind: Vec<String>,
}

fn vals(s: &Series) -> Vals {
    let sched = match &s.rule {
        Some(r) => match schedule(r, s.start.date()) {
            Schedule::Every(t) => ScheduleDoc::Every(t),
            Schedule::RRule(t) => ScheduleDoc::RRule(t),
        },
        None => ScheduleDoc::Dates(vec![s.start.format("%Y-%m-%d").to_string()]),
    };
    let (time, duration) = time_fields(s.all_day(), s.start, s.duration);
    let mut remind: Vec<String> = Vec::new();
    for a in &s.alarms {
        let t = duration_text(*a);
        if !remind.contains(&t) {
            remind.push(t);
        }
    }
    Vals {
        schedule: sched,
        time,
        duration,
        zone: s.zone,
        remind,
    }
}

/// Today's model rule of a series' RRULE, when `every` can say it.
pub fn series_rule(s: &Series) -> Option<Rule> {
    model_rule(&vals(s).schedule)
}

/// Today's model rule for `every` text, to find occurrences.
pub fn model_rule(s: &ScheduleDoc) -> Option<Rule> {
    match s {
        ScheduleDoc::Every(t) => crate::validate::every::parse(&[t.as_str()]).ok(),
        ScheduleDoc::RRule(t) => crate::validate::parse_rrule(t).ok(),
        ScheduleDoc::Dates(_) => None,
    }
}

/// The inclusive `until` date from UNTIL: the last date whose occurrence
/// starts at or before it.
fn until_date(s: &Series) -> Option<NaiveDate> {
    let u = s.until?;
    let d = u.date();
    if !s.all_day() && s.start.time() > u.time() {
        d.pred_opt()
    } else {
        Some(d)
    }
}

/// Builds ritual `id` from `segs` (base first, then by `from`).
pub fn build(
    id: String,
    segs: &[Segment<'_>],
    people: &mut People,
    since_opt: Option<NaiveDate>,
) -> Built {
    let base = segs[0].series;
    let mut lossy: Vec<Lossy> = Vec::new();
    let v0 = vals(base);
    let rule = model_rule(&v0.schedule);
    let mut doc = base_doc(id, segs, &v0, people);
    for seg in segs {
        let s = seg.series;
        if !s.all_day() && s.duration <= chrono::TimeDelta::zero() {
            lossy.push(Lossy::new(
                &s.uid,
                "the event lasts no time (DTEND = DTSTART); imported with one minute".to_owned(),
            ));
        }
    }
    // DTSTART off the rule still counts as an occurrence (RFC 5545
    // §3.8.5.3): keep it as an extra.
    if let Some(r) = &rule
        && !r.matches(base.start.date(), base.start.date())
    {
        doc.extra
            .push(at_text(base.all_day(), base.start, base.start));
        if r.as_weekly().is_some_and(|(interval, _)| interval > 1) {
            lossy.push(Lossy::new(&base.uid, "DTSTART is not on the rule's days: weeks of the interval may be counted from another week".to_owned()));
        }
    }
    doc.changes = changes(segs, v0);
    let series: Vec<&Series> = segs.iter().map(|s| s.series).collect();
    let applied = super::exceptions::collect(&series, rule.as_ref(), &mut doc, &mut lossy);
    rdates_as_dates(&mut doc, base.duration);
    extras_without_length(&mut doc, &base.uid, &mut lossy);
    apply_since(&mut doc, rule.as_ref(), since_opt, &base.uid, &mut lossy);
    let first = doc.since.unwrap_or(base.start.date());
    let turns = applied
        .turns
        .iter()
        .filter(|t| t.date >= first)
        .cloned()
        .collect();
    let found = super::rotation::rotation(turns, people, first);
    if let Some(msg) = &found.lossy {
        lossy.push(Lossy::new(&base.uid, msg.clone()));
    }
    doc.rotation = found.rotation;
    let horizon = found
        .last_turn
        .filter(|_| doc.rotation.is_some())
        .map(|last| horizon_window(rule.as_ref(), first, last, &doc));
    doc.comments.extend(base.zone_note.iter().cloned());
    Built {
        doc,
        lossy,
        zone: base.zone,
        horizon,
        language: applied.language,
        rule,
        uids: segs.iter().map(|s| s.series.uid.clone()).collect(),
    }
}

/// The ritual's own fields, from its base series.
fn base_doc(id: String, segs: &[Segment<'_>], v0: &Vals, people: &mut People) -> RitualDoc {
    let base = segs[0].series;
    let mut doc = RitualDoc {
        comments: Vec::new(),
        id,
        title: base.details.title.clone(),
        description: base.details.description.clone(),
        location: base.details.location.clone(),
        url: base.details.url.clone(),
        schedule: v0.schedule.clone(),
        time: v0.time.clone(),
        duration: v0.duration.clone(),
        timezone: v0.zone.map(|z| z.name().to_owned()),
        since: Some(base.start.date()),
        until: segs.last().and_then(|s| until_date(s.series)),
        count: if segs.len() == 1 {
            base.rule.as_ref().and_then(|r| r.count)
        } else {
            None
        },
        busy: base.details.busy,
        categories: base.details.categories.clone(),
        remind: v0.remind.clone(),
        skip: Vec::new(),
        extra: Vec::new(),
        moved: Vec::new(),
        changes: Vec::new(),
        organizer: base.organizer.as_ref().and_then(|o| people.id_of(o)),
        attendees: None,
        rotation: None,
    };
    // COUNT and UNTIL together are not RFC 5545 (§3.3.10); COUNT wins.
    if doc.count.is_some() {
        doc.until = None;
    }
    if doc.title.trim().is_empty() {
        doc.title = "(untitled)".to_owned();
    }
    let ids: Vec<String> = base
        .attendees
        .iter()
        .filter_map(|a| people.id_of(a))
        .collect();
    if !ids.is_empty() {
        doc.attendees = Some(AttendeesDoc::Some(ids));
    }
    doc
}

/// `changes:`: each later segment's fields that differ from the one before.
fn changes(segs: &[Segment<'_>], v0: Vals) -> Vec<ChangeDoc> {
    let mut out = Vec::new();
    let mut prev = v0;
    let mut prev_details = segs[0].series.details.clone();
    for seg in &segs[1..] {
        let v = vals(seg.series);
        let d = &seg.series.details;
        let diff = |a: &Option<String>, b: &Option<String>| {
            (a != b).then(|| b.clone().unwrap_or_default())
        };
        let schedule = if seg.series.rule.is_none() {
            Some(ScheduleDoc::Dates(dates_of(seg.series)))
        } else {
            (v.schedule != prev.schedule).then(|| v.schedule.clone())
        };
        out.push(ChangeDoc {
            from: seg.from.unwrap_or(seg.series.start.date()),
            schedule,
            time: (v.time != prev.time || v.duration != prev.duration).then(|| v.time.clone()),
            duration: if v.time != prev.time || v.duration != prev.duration {
                v.duration.clone()
            } else {
                None
            },
            timezone: (v.zone != prev.zone)
                .then(|| v.zone.map_or("UTC".to_owned(), |z| z.name().to_owned())),
            title: (d.title != prev_details.title).then(|| d.title.clone()),
            description: diff(&prev_details.description, &d.description),
            location: diff(&prev_details.location, &d.location),
            url: diff(&prev_details.url, &d.url),
            busy: (d.busy != prev_details.busy).then_some(d.busy),
            remind: (v.remind != prev.remind).then(|| v.remind.clone()),
        });
        prev = v;
        prev_details = d.clone();
    }
    out
}

/// The `dates:` of a later segment without RRULE (DTSTART and RDATEs,
/// as our feeds write a `changes:` entry's `dates`): a date alone at the
/// segment's time and length, else with its own start (and end), from
/// the RECURRENCE-ID override that gives it; EXDATEs and cancelled ones
/// left out.
fn dates_of(s: &Series) -> Vec<String> {
    let mut out = Vec::new();
    for at in std::iter::once(s.start).chain(s.rdates.iter().map(|r| r.0)) {
        let o = s.overrides.iter().find(|o| o.recurrence_id == at);
        if s.exdates.contains(&at) || o.is_some_and(|o| o.cancelled) {
            continue;
        }
        let (start, len) = o.map_or((at, s.duration), |o| (o.start, o.duration));
        out.push(
            if s.all_day() || (start.time() == s.start.time() && len == s.duration) {
                start.format("%Y-%m-%d").to_string()
            } else {
                super::when::occurrence_text(false, start, len, s.duration)
            },
        );
    }
    out.sort();
    out.dedup();
    out
}

/// `[last turn, next held occurrence)`: where a horizon keeps the same
/// presenters (without today's model of the rule: the last turn only).
fn horizon_window(
    rule: Option<&Rule>,
    first: NaiveDate,
    last: NaiveDate,
    doc: &RitualDoc,
) -> (NaiveDate, Option<NaiveDate>) {
    let Some(r) = rule else {
        return (last, last.succ_opt());
    };
    let mut d = last;
    loop {
        match r.next_after(first, d) {
            None => return (last, None),
            Some(n) if doc.until.is_some_and(|u| n > u) => return (last, None),
            Some(n) if !doc.skip.contains(&n) => return (last, Some(n)),
            Some(n) => d = n,
        }
    }
}

/// A series of RDATEs without RRULE is a `dates:` ritual: its extras are
/// more dates (`2026-07-02 14:00-15:00` when not at the ritual's time).
fn rdates_as_dates(doc: &mut RitualDoc, len: chrono::TimeDelta) {
    let ScheduleDoc::Dates(dates) = &mut doc.schedule else {
        return;
    };
    for e in doc.extra.drain(..) {
        match chrono::NaiveDateTime::parse_from_str(&e, "%Y-%m-%d %H:%M") {
            Ok(t) => dates.push(format!("{e}-{}", super::when::end_text(t, len))),
            Err(_) => dates.push(e),
        }
    }
    dates.sort();
    dates.dedup();
}

/// `extra` takes a date and a start, not an end: an extra occurrence
/// with its own length keeps the ritual's (reported).
fn extras_without_length(doc: &mut RitualDoc, uid: &str, lossy: &mut Vec<Lossy>) {
    for e in &mut doc.extra {
        // `2026-05-12 14:00-17:00`
        if e.len() == 22 && e.as_bytes()[16] == b'-' {
            lossy.push(Lossy::new(
                uid,
                format!(
                    "the extra occurrence of {} has its own length; imported with the series' length",
                    &e[..10]
                ),
            ));
            e.truncate(16);
        }
    }
}

/// `--since`: the first occurrence on or after it becomes `since`, and
/// exceptions before it go.
fn apply_since(
    doc: &mut RitualDoc,
    rule: Option<&Rule>,
    since: Option<NaiveDate>,
    uid: &str,
    lossy: &mut Vec<Lossy>,
) {
    let Some(since) = since else { return };
    let start = doc.since.unwrap_or(since);
    if since > start {
        match (rule, doc.count, doc.changes.is_empty()) {
            (Some(r), None, true) => {
                let mut d = start;
                while d < since {
                    match r.next_after(start, d) {
                        Some(n) => d = n,
                        None => break,
                    }
                }
                doc.since = Some(d);
            }
            _ => lossy.push(Lossy::new(uid, format!(
                "--since {since} is not applied to this series (COUNT, schedule changes or a rule without a readable form); it keeps its own start"
            ))),
        }
    }
    let from = doc.since.unwrap_or(since);
    doc.skip.retain(|d| *d >= from);
    doc.extra
        .retain(|e| e.get(..10).is_some_and(|d| d >= from.to_string().as_str()));
    doc.moved.retain(|(d, _)| *d >= from);
}
