//! Subscribe links for one feed: webcal, Google Calendar, Outlook.com and
//! a plain download, from `calendar.url` when it is set.

use super::escape::{escape, query_value};
use crate::model::Language;

/// One feed's addresses.
pub struct Feed<'a> {
    /// Path relative to the page: `rituals.ics`, `people/alice.ics`.
    pub file: &'a str,
    /// Name calendar apps show, e.g. "Team — Stand-up".
    pub name: &'a str,
    /// `calendar.url`, when set.
    pub base: Option<&'a str>,
}

impl Feed<'_> {
    /// The feed's absolute http(s) address, when the base is known.
    pub fn https(&self) -> Option<String> {
        self.base
            .map(|b| format!("{}{}", crate::render::ics::base_with_slash(b), self.file))
    }

    /// The same address with the `webcal` scheme that opens calendar apps.
    pub fn webcal(&self) -> Option<String> {
        let https = self.https()?;
        let rest = https
            .strip_prefix("https://")
            .or_else(|| https.strip_prefix("http://"))?;
        Some(format!("webcal://{rest}"))
    }
}

/// The links, as an HTML list. `label` names the feed for screen readers,
/// since every list has the same link texts.
/// `explain` adds, when there is no base URL, how to use the address (said
/// once on the page, at the team feed).
pub fn links(lang: Language, feed: &Feed<'_>, label: &str, explain: bool) -> String {
    let (subscribe, google, download, address, colon, copy) = match lang {
        Language::Fr => (
            "S'abonner",
            "Google Agenda",
            "Télécharger (.ics)",
            "Adresse du flux",
            "\u{a0}:",
            "Copiez l'adresse du flux dans votre agenda (« ajouter un agenda par URL »).",
        ),
        Language::En => (
            "Subscribe",
            "Google Calendar",
            "Download (.ics)",
            "Feed address",
            ":",
            "Copy the feed address into your calendar app (\"add calendar from URL\").",
        ),
    };
    let vh = format!("<span class=\"vh\"> — {}</span>", escape(label));
    let mut items: Vec<String> = Vec::new();
    // With a published URL: subscribe, Google and Outlook links, then the
    // address; without one, the relative file and how to use it.
    let footer = match (feed.webcal(), feed.https()) {
        (Some(webcal), Some(https)) => {
            items.push(format!(
                "<a class=\"button\" href=\"{}\">{subscribe}{vh}</a>",
                escape(&webcal)
            ));
            let google_url = format!(
                "https://calendar.google.com/calendar/r?cid={}",
                query_value(&webcal)
            );
            items.push(format!(
                "<a href=\"{}\">{google}{vh}</a>",
                escape(&google_url)
            ));
            let outlook = format!(
                "https://outlook.live.com/calendar/0/addfromweb?url={}&name={}",
                query_value(&https),
                query_value(feed.name)
            );
            items.push(format!(
                "<a href=\"{}\">Outlook.com{vh}</a>",
                escape(&outlook)
            ));
            format!(
                "<p class=\"address\">{address}{vh}{colon} <a href=\"{0}\"><code>{0}</code></a></p>\n",
                escape(&https)
            )
        }
        _ => {
            items.push(format!(
                "<a class=\"button\" href=\"{}\">{address}{vh}</a>",
                escape(feed.file)
            ));
            if explain {
                format!("<p class=\"address\">{copy}</p>\n")
            } else {
                String::new()
            }
        }
    };
    items.push(format!(
        "<a href=\"{}\" download>{download}{vh}</a>",
        escape(feed.file)
    ));
    let mut out = String::from("<ul class=\"subscribe\">\n");
    for i in items {
        out.push_str(&format!("<li>{i}</li>\n"));
    }
    out.push_str("</ul>\n");
    out.push_str(&footer);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_from_the_base_url() {
        let f = Feed {
            file: "people/alice.ics",
            name: "Team — Alice",
            base: Some("https://example.org/rituals"),
        };
        assert_eq!(
            f.https().as_deref(),
            Some("https://example.org/rituals/people/alice.ics")
        );
        assert_eq!(
            f.webcal().as_deref(),
            Some("webcal://example.org/rituals/people/alice.ics")
        );
        let html = links(Language::En, &f, "Alice", true);
        assert!(html.contains("href=\"webcal://example.org/rituals/people/alice.ics\""));
        assert!(html.contains(
            "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Fexample.org%2Frituals%2Fpeople%2Falice.ics"
        ));
        assert!(html.contains(
            "https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fexample.org%2Frituals%2Fpeople%2Falice.ics&amp;name=Team%20%E2%80%94%20Alice"
        ));
        assert!(html.contains("href=\"people/alice.ics\" download"));
        assert!(html.contains(">Google Calendar<span class=\"vh\"> — Alice</span></a>"));
        assert!(html.contains(">Outlook.com<span class=\"vh\"> — Alice</span></a>"));
    }

    #[test]
    fn relative_links_without_a_base_url() {
        let f = Feed {
            file: "standup.ics",
            name: "Stand-up",
            base: None,
        };
        let html = links(Language::Fr, &f, "Stand-up", true);
        assert!(html.contains("href=\"standup.ics\""));
        assert!(!html.contains("webcal:"));
        assert!(!html.contains("google"));
    }
}
