//! The subscribe page, `index.html`: a pure renderer (spec, expander and
//! feed names → one self-contained HTML string; no I/O, no JavaScript, no
//! external resources). Every text from the spec goes through `escape`.

mod escape;
mod ritual;
pub mod rule_words;
mod subscribe;
pub mod teams;
mod week;
pub mod words;

pub use escape::escape;

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::{Language, Spec};
use crate::output::OutFile;
use crate::render::ics::{FeedKind, Renderer};

pub const FILE_NAME: &str = "index.html";

const STYLE: &str = include_str!("style.css");

/// The page as an output file of the build.
pub fn out_file(r: &Renderer<'_>, now: DateTime<Utc>) -> OutFile {
    OutFile {
        path: FILE_NAME.into(),
        bytes: page(r, now).into_bytes(),
    }
}

/// Words of the page itself, per language.
struct Labels {
    skip: &'static str,
    subscribe_all: &'static str,
    week: &'static str,
    week_note: &'static str,
    nothing: &'static str,
    rituals: &'static str,
    people: &'static str,
    people_note: &'static str,
    generated: &'static str,
}

const FR: Labels = Labels {
    skip: "Aller aux rituels",
    subscribe_all: "S'abonner à tout le calendrier",
    week: "Une semaine type",
    week_note: "Heures de",
    nothing: "rien",
    rituals: "Les rituels",
    people: "Agendas personnels",
    people_note: "Les rituels de chaque personne, avec seulement ses tours de présentation.",
    generated: "Page générée le",
};

const EN: Labels = Labels {
    skip: "Skip to the rituals",
    subscribe_all: "Subscribe to the whole calendar",
    week: "A typical week",
    week_note: "Times in",
    nothing: "nothing",
    rituals: "The rituals",
    people: "Personal calendars",
    people_note: "Each person's rituals, with only their own presenting turns.",
    generated: "Page generated on",
};

fn labels(lang: Language) -> &'static Labels {
    match lang {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}

/// The whole page. (The empty inline icon spares browsers a request for
/// /favicon.ico, a 404 and a console error on most static hosts.) `now` is the build time (`SOURCE_DATE_EPOCH`): it
/// decides which occurrences are "next" and the date in the footer.
pub fn page(r: &Renderer<'_>, now: DateTime<Utc>) -> String {
    let mut bytes = Vec::new();
    // Writing into a `Vec` cannot fail.
    let _ = write_page(r, now, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

/// Cards made in parallel at a time: enough to keep the cores busy, few
/// enough that a batch stays small.
const CARDS_AT_ONCE: usize = 256;

/// `page`, written to `out` as it is produced: one card at a time, so a
/// page of 10,000 rituals is never held whole.
///
/// # Errors
/// When `out` fails.
pub fn write_page(
    r: &Renderer<'_>,
    now: DateTime<Utc>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let spec = r.spec;
    let cal = &spec.calendar;
    let lang = cal.language;
    let l = labels(lang);
    let today = now.with_timezone(&cal.timezone).date_naive();
    let name = escape(&cal.name);
    let generator = format!("rituals {}", env!("CARGO_PKG_VERSION"));

    let mut h = String::with_capacity(32 * 1024);
    head(&mut h, r, l, &name, &generator);
    week_section(&mut h, spec, l, today);
    // One card per ritual.
    h.push_str(&format!(
        "<section aria-labelledby=\"rituals\">\n<h2 id=\"rituals\">{}</h2>\n<div class=\"rituals\">\n",
        l.rituals
    ));
    out.write_all(h.as_bytes())?;
    h.clear();
    // Cards are made in parallel a batch at a time and written in order:
    // the page is never held whole.
    let indices: Vec<usize> = (0..spec.rituals.len()).collect();
    for batch in indices.chunks(CARDS_AT_ONCE) {
        let cards = crate::par::map(batch, crate::par::RITUALS, |&i| ritual::card(r, i, today));
        for card in cards {
            out.write_all(card.as_bytes())?;
        }
    }
    h.push_str("</div>\n</section>\n");
    people_section(&mut h, r, l);
    h.push_str(&format!(
        "</main>\n<footer class=\"wrap\">\n<p>{} <time datetime=\"{}\">{}</time> · \
         {generator}</p>\n</footer>\n</body>\n</html>\n",
        l.generated,
        today.format("%Y-%m-%d"),
        words::long_date(lang, today),
    ));
    out.write_all(h.as_bytes())
}

/// The document's head, and the page's header: the calendar's name and
/// description, and the team feed's subscribe links.
fn head(h: &mut String, r: &Renderer<'_>, l: &Labels, name: &str, generator: &str) {
    let cal = &r.spec.calendar;
    let lang = cal.language;
    h.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"{generator}\">\n\
         <link rel=\"icon\" href=\"data:,\">\n",
        lang.code()
    ));
    if let Some(d) = &cal.description {
        h.push_str(&format!(
            "<meta name=\"description\" content=\"{}\">\n",
            escape(
                d.lines()
                    .map(str::trim)
                    .collect::<Vec<_>>()
                    .join(" ")
                    .as_str()
            )
        ));
    }
    h.push_str(&format!(
        "<title>{name}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#rituals\">{}</a>\n<header class=\"wrap\">\n<h1>{name}</h1>\n",
        l.skip
    ));
    if let Some(d) = &cal.description {
        h.push_str(&format!("<p class=\"lead\">{}</p>\n", escape::paragraph(d)));
    }
    h.push_str(&format!(
        "<section aria-labelledby=\"subscribe-all\">\n<h2 id=\"subscribe-all\">{}</h2>\n",
        l.subscribe_all
    ));
    h.push_str(&feed_links(r, FeedKind::Team));
    h.push_str("</section>\n</header>\n<main class=\"wrap\">\n");
}

/// The week grid: each weekday's rituals, at their times in the
/// calendar's zone. Busy days share the width; an empty day is as narrow
/// as its name (the `none` class).
fn week_section(h: &mut String, spec: &Spec, l: &Labels, today: NaiveDate) {
    let cal = &spec.calendar;
    let lang = cal.language;
    h.push_str(&format!(
        "<section aria-labelledby=\"week\">\n<h2 id=\"week\">{}</h2>\n\
         <p class=\"note\">{} {}.</p>\n<ol class=\"week\">\n",
        l.week,
        l.week_note,
        escape(cal.timezone.name())
    ));
    let entries = week::entries(spec, today);
    for n in 0..7u8 {
        let Ok(day) = chrono::Weekday::try_from(n) else {
            continue;
        };
        let todays: Vec<&week::Entry> = entries.iter().filter(|e| e.day == day).collect();
        let class = if todays.is_empty() { "day none" } else { "day" };
        h.push_str(&format!(
            "<li class=\"{class}\">\n<h3>{}</h3>\n<ul>\n",
            words::day_name(lang, day)
        ));
        if todays.is_empty() {
            h.push_str(&format!("<li class=\"empty\">{}</li>\n", l.nothing));
        }
        for e in todays {
            h.push_str(&ritual::grid_item(spec, e, today));
        }
        h.push_str("</ul>\n</li>\n");
    }
    h.push_str("</ol>\n</section>\n");
}

/// Each person's feed, when the spec has people.
fn people_section(h: &mut String, r: &Renderer<'_>, l: &Labels) {
    let spec = r.spec;
    if !spec.people.is_empty() {
        h.push_str(&format!(
            "<section aria-labelledby=\"people\">\n<h2 id=\"people\">{}</h2>\n\
             <p class=\"note\">{}</p>\n<ul class=\"people\">\n",
            l.people, l.people_note
        ));
        for (p, person) in spec.people.iter().enumerate() {
            h.push_str(&format!(
                "<li class=\"person\" id=\"p-{}\">\n<h3>{}</h3>\n",
                escape(&person.id),
                escape(&person.name)
            ));
            h.push_str(&feed_links(r, FeedKind::Person(p)));
            h.push_str("</li>\n");
        }
        h.push_str("</ul>\n</section>\n");
    }
}

/// The subscribe links of one feed.
fn feed_links(r: &Renderer<'_>, kind: FeedKind) -> String {
    let spec = r.spec;
    let file = r.file_name(kind);
    let name = r.feed_name(kind);
    let label = match kind {
        FeedKind::Team => spec.calendar.name.as_str(),
        FeedKind::Ritual(i) => spec.rituals[i].segments[0].details.title.as_str(),
        FeedKind::Person(p) => spec.people[p].name.as_str(),
    };
    let feed = subscribe::Feed {
        file: &file,
        name: &name,
        base: spec.calendar.url.as_deref(),
    };
    subscribe::links(spec.calendar.language, &feed, label, kind == FeedKind::Team)
}
