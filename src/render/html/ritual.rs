//! One ritual on the page: its grid item and its card (schedule in words,
//! location, description, next occurrences, subscribe links).

use chrono::{NaiveDate, NaiveDateTime, TimeZone};

use super::escape::{escape, paragraph};
use super::week::{Entry, current_segment};
use super::{rule_words, words};
use crate::expand::{Occurrence, Status};
use crate::model::{Details, Language, Ritual, Spec};
use crate::render::ics::{FeedKind, Renderer};

/// How many coming occurrences a card lists.
const NEXT: usize = 5;
/// How far ahead to look for them (a monthly ritual needs five months).
const LOOK_AHEAD_DAYS: u64 = 400;

fn anchor(spec: &Spec, i: usize) -> String {
    format!("r-{}", escape(&spec.rituals[i].id))
}

/// The title to show as of `today` (a later change may rename it).
fn title(spec: &Spec, i: usize, today: NaiveDate) -> &str {
    let r = &spec.rituals[i];
    let k = current_segment(&r.segments, today).unwrap_or(r.segments.len() - 1);
    &r.segments[k].details.title
}

pub fn grid_item(spec: &Spec, e: &Entry, today: NaiveDate) -> String {
    let lang = spec.calendar.language;
    let time = match e.start {
        None => words::all_day(lang).to_owned(),
        Some(start) => words::time_range(lang, start, e.length),
    };
    let r = &spec.rituals[e.ritual];
    let freq = current_segment(&r.segments, today)
        .map(|k| &r.segments[k].schedule.rule)
        .filter(|rule| rule.as_weekly().is_none_or(|(interval, _)| interval != 1))
        .map(|rule| {
            format!(
                "<span class=\"freq\">{}</span>",
                rule_words::frequency(lang, rule)
            )
        })
        .unwrap_or_default();
    format!(
        "<li><span class=\"time\">{time}</span><a href=\"#{}\">{}</a>{freq}</li>\n",
        anchor(spec, e.ritual),
        escape(title(spec, e.ritual, today))
    )
}

struct Labels {
    ended: &'static str,
    from: &'static str,
    location: &'static str,
    link: &'static str,
    presenters: &'static str,
    next: &'static str,
    none: &'static str,
    subscribe: &'static str,
    extra: &'static str,
    moved: &'static str,
}

const FR: Labels = Labels {
    ended: "Terminé",
    from: "à partir du",
    location: "Lieu",
    link: "Lien",
    presenters: "À tour de rôle",
    next: "Prochaines dates",
    none: "Aucune date à venir.",
    subscribe: "S'abonner à ce rituel",
    extra: "séance supplémentaire",
    moved: "déplacé, prévu le",
};

const EN: Labels = Labels {
    ended: "Ended",
    from: "from",
    location: "Where",
    link: "Link",
    presenters: "Taking turns",
    next: "Next dates",
    none: "No coming dates.",
    subscribe: "Subscribe to this ritual",
    extra: "extra session",
    moved: "moved, planned on",
};

fn labels(lang: Language) -> &'static Labels {
    match lang {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}

/// A link when the text is an address we can open (IRC, mail, web).
fn maybe_link(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let linkable = ["irc://", "ircs://", "mailto:", "https://", "http://"]
        .iter()
        .any(|s| lower.starts_with(s));
    if linkable {
        let shown = text.strip_prefix("mailto:").unwrap_or(text);
        format!("<a href=\"{}\">{}</a>", escape(text), escape(shown))
    } else {
        escape(text)
    }
}

pub fn card(r: &Renderer<'_>, i: usize, today: NaiveDate) -> String {
    let spec = r.spec;
    let lang = spec.calendar.language;
    let l = labels(lang);
    let ritual = &spec.rituals[i];
    let mut h = format!(
        "<article class=\"ritual\" id=\"{}\" aria-labelledby=\"{0}-h\">\n<h3 id=\"{0}-h\">{}</h3>\n",
        anchor(spec, i),
        escape(title(spec, i, today))
    );
    // The schedule now, then any announced change.
    schedules(&mut h, spec, ritual, today);
    let k = current_segment(&ritual.segments, today).unwrap_or(ritual.segments.len() - 1);
    let details = &ritual.segments[k].details;
    let facts = facts(spec, ritual, details, today);
    if !facts.is_empty() {
        h.push_str(&format!("<dl class=\"facts\">\n{facts}</dl>\n"));
    }
    if let Some(d) = &details.description {
        h.push_str(&format!("<p>{}</p>\n", paragraph(d)));
    }
    // Coming occurrences, cancelled ones included and marked.
    h.push_str(&format!("<h4>{}</h4>\n", l.next));
    coming(&mut h, r, i, today);
    h.push_str(&format!("<h4>{}</h4>\n", l.subscribe));
    h.push_str(&super::feed_links(r, FeedKind::Ritual(i)));
    h.push_str("</article>\n");
    h
}

/// The ritual's schedule today (or "ended"), then each announced change.
fn schedules(h: &mut String, spec: &Spec, ritual: &Ritual, today: NaiveDate) {
    let lang = spec.calendar.language;
    let l = labels(lang);
    match current_segment(&ritual.segments, today) {
        None => h.push_str(&format!("<p class=\"when\">{}</p>\n", l.ended)),
        Some(k) => {
            for (n, seg) in ritual.segments[k..].iter().enumerate() {
                let mut text = rule_words::schedule(lang, &seg.schedule);
                if seg.schedule.timezone != spec.calendar.timezone {
                    text.push_str(&format!(" ({})", seg.schedule.timezone.name()));
                }
                if n > 0 || seg.span.from > today {
                    text = format!(
                        "{} {} : {text}",
                        l.from,
                        words::long_date(lang, seg.span.from)
                    );
                    if lang == Language::En {
                        text = text.replacen(" : ", ": ", 1);
                    }
                }
                h.push_str(&format!("<p class=\"when\">{}</p>\n", escape(&text)));
            }
        }
    }
}

/// Where, the link and who presents: a `<dl>`'s items, empty when there
/// is none of them.
fn facts(spec: &Spec, ritual: &Ritual, details: &Details, today: NaiveDate) -> String {
    let l = labels(spec.calendar.language);
    let mut facts = String::new();
    if let Some(loc) = &details.location {
        facts.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            l.location,
            maybe_link(loc)
        ));
    }
    if let Some(url) = &details.url {
        facts.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            l.link,
            maybe_link(url)
        ));
    }
    if let Some(rot) = &ritual.rotation
        && let Some(order) = rot
            .orders
            .iter()
            .rev()
            .find(|o| o.from <= today)
            .or(rot.orders.first())
    {
        let names: Vec<String> = order
            .people
            .iter()
            .map(|p| escape(&spec.people[*p].name))
            .collect();
        facts.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            l.presenters,
            names.join(", ")
        ));
    }
    facts
}

/// The next occurrences (within the look-ahead), or "none".
fn coming(h: &mut String, r: &Renderer<'_>, i: usize, today: NaiveDate) {
    let spec = r.spec;
    let l = labels(spec.calendar.language);
    let until = today + chrono::Days::new(LOOK_AHEAD_DAYS);
    let coming: Vec<Occurrence> = r
        .expander
        .occurrences(i, today, until)
        .into_iter()
        .take(NEXT)
        .collect();
    if coming.is_empty() {
        h.push_str(&format!("<p>{}</p>\n", l.none));
    } else {
        h.push_str("<ul class=\"next\">\n");
        for o in &coming {
            h.push_str(&occurrence(spec, o, l));
        }
        h.push_str("</ul>\n");
    }
}

/// Local start and end in the calendar's zone (all-day ones as they are).
fn local_span(spec: &Spec, o: &Occurrence) -> (NaiveDateTime, NaiveDateTime) {
    let tz = spec.calendar.timezone;
    match (o.start_utc, o.end_utc) {
        (Some(s), Some(e)) => (
            tz.from_utc_datetime(&s.naive_utc()).naive_local(),
            tz.from_utc_datetime(&e.naive_utc()).naive_local(),
        ),
        _ => (o.start, o.end),
    }
}

fn occurrence(spec: &Spec, o: &Occurrence, l: &Labels) -> String {
    let lang = spec.calendar.language;
    let (start, end) = local_span(spec, o);
    let all_day = o.start_utc.is_none();
    // The time range never breaks across lines ("10 h 30 –" / "11 h").
    let when = if all_day {
        format!(
            "{}, {}",
            escape(&words::long_date(lang, start.date())),
            escape(words::all_day(lang))
        )
    } else {
        format!(
            "{}, <span class=\"nowrap\">{}</span>",
            escape(&words::long_date(lang, start.date())),
            escape(&words::time_range(lang, start.time(), end - start))
        )
    };
    let datetime = if all_day {
        start.format("%Y-%m-%d").to_string()
    } else {
        start.format("%Y-%m-%dT%H:%M").to_string()
    };
    let time = format!("<time datetime=\"{datetime}\">{when}</time>");
    let presenter = o
        .presenter
        .map(|p| format!(" — {}", escape(&lang.presenter_line(&spec.people[p].name))))
        .unwrap_or_default();
    match &o.status {
        Status::Held => format!("<li>{time}{presenter}</li>\n"),
        Status::Extra => format!(
            "<li>{time}{presenter} <span class=\"tag\">({})</span></li>\n",
            l.extra
        ),
        Status::Moved { from } => format!(
            "<li>{time}{presenter} <span class=\"tag\">({} {})</span></li>\n",
            l.moved,
            escape(&words::long_date(lang, from.date()))
        ),
        Status::Skipped(reason) => format!(
            "<li class=\"skipped\"><del>{time}</del> <span class=\"tag\">({})</span></li>\n",
            escape(&words::reason(lang, reason))
        ),
    }
}
