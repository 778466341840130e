//! `OUT/index.html` of a many-teams build: the combined feed and one link
//! per team to its own folder's page and feed.

use super::{STYLE, escape};
use crate::model::{Language, Spec};
use crate::output::OutFile;

/// The page, listing `teams` in build order.
pub fn out_file(teams: &[&Spec]) -> OutFile {
    OutFile {
        path: super::FILE_NAME.into(),
        bytes: page(teams).into_bytes(),
    }
}

fn page(teams: &[&Spec]) -> String {
    let lang = teams.first().map_or(Language::Fr, |s| s.calendar.language);
    let (title, all, each, page_label) = match lang {
        Language::Fr => (
            "Calendriers des équipes",
            "Toutes les équipes",
            "Équipes",
            "page de l'équipe",
        ),
        Language::En => ("Team calendars", "Every team", "Teams", "team page"),
    };
    let generator = format!("rituals {}", env!("CARGO_PKG_VERSION"));
    let mut h = String::with_capacity(4096 + teams.len() * 256);
    h.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"{generator}\">\n\
         <link rel=\"icon\" href=\"data:,\">\n<title>{title}</title>\n<style>\n{STYLE}</style>\n\
         </head>\n<body>\n<header class=\"wrap\">\n<h1>{title}</h1>\n\
         <p><a href=\"rituals.ics\">{all} (rituals.ics)</a></p>\n</header>\n\
         <main class=\"wrap\">\n<section aria-labelledby=\"teams\">\n<h2 id=\"teams\">{each}</h2>\n<ul class=\"people\">\n",
        lang.code()
    ));
    for spec in teams {
        let cal = &spec.calendar;
        // Slugs are [a-z0-9-]: safe in a URL path as they are.
        let slug = &cal.slug;
        h.push_str(&format!(
            "<li class=\"person\">\n<h3><a href=\"{slug}/index.html\">{}</a></h3>\n",
            escape(&cal.name)
        ));
        if let Some(d) = &cal.description {
            h.push_str(&format!("<p>{}</p>\n", super::escape::paragraph(d)));
        }
        h.push_str(&format!(
            "<p><a href=\"{slug}/rituals.ics\">{slug}/rituals.ics</a> · \
             <a href=\"{slug}/index.html\">{page_label}</a></p>\n</li>\n"
        ));
    }
    h.push_str(&format!(
        "</ul>\n</section>\n</main>\n<footer class=\"wrap\">\n<p>{generator}</p>\n</footer>\n</body>\n</html>\n"
    ));
    h
}
