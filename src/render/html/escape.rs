//! Escaping for HTML text and attributes, and for URL query values.

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Percent-encodes a query value (RFC 3986 unreserved characters kept).
pub fn query_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Multi-line text as HTML: escaped, line breaks kept, and http(s)
/// addresses made into links (descriptions often carry one).
pub fn paragraph(text: &str) -> String {
    let mut out = String::new();
    for (n, line) in text.lines().enumerate() {
        if n > 0 {
            out.push_str("<br>\n");
        }
        let mut first = true;
        for word in line.split(' ') {
            if !first {
                out.push(' ');
            }
            first = false;
            out.push_str(&linkify_word(word));
        }
    }
    out
}

fn linkify_word(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return escape(word);
    }
    // Sentence punctuation after an address is not part of it.
    let url = word.trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
    let rest = &word[url.len()..];
    format!(
        "<a href=\"{}\">{}</a>{}",
        escape(url),
        escape(url),
        escape(rest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_stays_text() {
        assert_eq!(
            escape("<script>alert('x') && \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp;&amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(
            query_value("webcal://ex.org/a b.ics?x=1&y=é"),
            "webcal%3A%2F%2Fex.org%2Fa%20b.ics%3Fx%3D1%26y%3D%C3%A9"
        );
    }

    #[test]
    fn paragraphs_keep_lines_and_link_addresses() {
        assert_eq!(
            paragraph("Voir https://web.libera.chat/.\n<b>gras</b>"),
            "Voir <a href=\"https://web.libera.chat/\">https://web.libera.chat/</a>.<br>\n&lt;b&gt;gras&lt;/b&gt;"
        );
        // A crafted address cannot leave the attribute.
        assert_eq!(
            paragraph("https://x.org/\"><script>"),
            "<a href=\"https://x.org/&quot;&gt;&lt;script&gt;\">https://x.org/&quot;&gt;&lt;script&gt;</a>"
        );
    }
}
