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

/// Words of the links, per language.
struct Words {
    subscribe: &'static str,
    google: &'static str,
    download: &'static str,
    address: &'static str,
    colon: &'static str,
    /// Without `calendar.url`: how to subscribe with the one link.
    how: &'static str,
}

const FR: Words = Words {
    subscribe: "S'abonner",
    google: "Google Agenda",
    download: "Télécharger (.ics)",
    address: "Adresse du flux",
    colon: "\u{a0}:",
    how: "Pour vous abonner, copiez l'adresse de ce lien (clic droit ou appui long, \
          «\u{a0}Copier l'adresse du lien\u{a0}») et ajoutez-la à votre agenda comme \
          «\u{a0}agenda par URL\u{a0}»\u{a0}: il se mettra à jour tout seul. \
          Un simple clic télécharge une copie, qui ne se met pas à jour.",
};

const EN: Words = Words {
    subscribe: "Subscribe",
    google: "Google Calendar",
    download: "Download (.ics)",
    address: "Feed address",
    colon: ":",
    how: "To subscribe, copy this link's address (right-click or long press, \
          \u{201c}Copy link address\u{201d}) and add it to your calendar app as a \
          calendar from URL: it then updates by itself. A plain click downloads a \
          copy, which does not update.",
};

/// The links, as an HTML list. `label` names the feed for screen readers,
/// since every list has the same link texts.
///
/// With `calendar.url`: subscribe (webcal), Google, Outlook, download, and
/// the address. Without it the page cannot know its own address: one
/// link to the feed, and (`explain`, said once on the page, at the team
/// feed) how to subscribe with it; a second "download" link would only
/// do the same thing.
pub fn links(lang: Language, feed: &Feed<'_>, label: &str, explain: bool) -> String {
    let w = match lang {
        Language::Fr => &FR,
        Language::En => &EN,
    };
    let vh = format!("<span class=\"vh\"> — {}</span>", escape(label));
    let mut items: Vec<String> = Vec::new();
    let footer = match (feed.webcal(), feed.https()) {
        (Some(webcal), Some(https)) => {
            items.push(format!(
                "<a class=\"button\" href=\"{}\">{}{vh}</a>",
                escape(&webcal),
                w.subscribe
            ));
            let google_url = format!(
                "https://calendar.google.com/calendar/r?cid={}",
                query_value(&webcal)
            );
            items.push(format!(
                "<a href=\"{}\">{}{vh}</a>",
                escape(&google_url),
                w.google
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
            items.push(format!(
                "<a href=\"{}\" download>{}{vh}</a>",
                escape(feed.file),
                w.download
            ));
            format!(
                "<p class=\"address\">{}{vh}{} <a href=\"{}\"><code>{}</code></a></p>\n",
                w.address,
                w.colon,
                escape(&https),
                breakable(&https)
            )
        }
        _ => {
            items.push(format!(
                "<a class=\"button\" href=\"{}\">{}{vh}</a>",
                escape(feed.file),
                w.address
            ));
            if explain {
                format!("<p class=\"address\">{}</p>\n", w.how)
            } else {
                String::new()
            }
        }
    };
    let mut out = String::from("<ul class=\"subscribe\">\n");
    for i in items {
        out.push_str(&format!("<li>{i}</li>\n"));
    }
    out.push_str("</ul>\n");
    out.push_str(&footer);
    out
}

/// File names up to this many characters never break (a 390 px screen
/// holds about 30 in the address's font).
const FILE_NAME_WHOLE: usize = 28;

/// An address shown as text, that breaks after a `/` rather than inside
/// a file name: `<wbr>` after each slash past the scheme's, and the file
/// name kept whole (unless it is too long for a phone's width).
fn breakable(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let mut parts: Vec<String> = rest.split('/').map(escape).collect();
    // A hyphen is the only place a browser would break a file name.
    if let Some(file) = parts.last_mut()
        && file.contains('-')
        && file.chars().count() <= FILE_NAME_WHOLE
    {
        *file = format!("<span class=\"nowrap\">{file}</span>");
    }
    let head = if scheme.is_empty() {
        String::new()
    } else {
        format!("{}://", escape(scheme))
    };
    format!("{head}{}", parts.join("/<wbr>"))
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
        // One link: a download link would go to the same file.
        assert_eq!(html.matches("<a ").count(), 1, "{html}");
        assert!(html.contains("Pour vous abonner, copiez l'adresse de ce lien"));
        assert!(!links(Language::Fr, &f, "Stand-up", false).contains("<p"));
    }

    #[test]
    fn addresses_break_only_after_a_slash() {
        assert_eq!(
            breakable("https://example.org/cal/people/anne-marie.ics"),
            "https://example.org/<wbr>cal/<wbr>people/<wbr><span class=\"nowrap\">anne-marie.ics</span>"
        );
        assert_eq!(
            breakable("https://example.org/cal/rituals.ics"),
            "https://example.org/<wbr>cal/<wbr>rituals.ics"
        );
        assert_eq!(breakable("a&b.ics"), "a&amp;b.ics");
    }
}
