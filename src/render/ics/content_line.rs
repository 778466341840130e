//! The iCalendar content-line writer (RFC 5545 §3.1).
//!
//! We write our own rather than use the `icalendar` crate's builder, which
//! injects random UIDs and the wall-clock DTSTAMP into every component and
//! folds some lines at 76 octets. This writer appends straight into one
//! output buffer: no allocation per line.

/// How a property value is written.
#[derive(Clone, Copy, Debug)]
pub enum Value<'a> {
    /// TEXT (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines
    /// are escaped; a CR never reaches the output.
    Text(&'a str),
    /// Several TEXT values separated by commas (CATEGORIES).
    TextList(&'a [String]),
    /// One TEXT value given in pieces, written as their concatenation: saves
    /// building a `String` per occurrence for `"{title} — {name}"`.
    TextParts(&'a [&'a str]),
    /// One raw value given in pieces (`mailto:` + address).
    RawParts(&'a [&'a str]),
    /// A value written as is (URI, DATE-TIME, RECUR, DURATION, ...). The
    /// caller guarantees it has no control characters; any that slip through
    /// are dropped so a value can never start a new content line.
    Raw(&'a str),
}

/// Appends folded, CRLF-terminated content lines to a byte buffer.
#[derive(Debug, Default)]
pub struct ContentWriter {
    out: Vec<u8>,
    /// Octets written on the current physical line.
    col: usize,
}

/// RFC 5545 §3.1: "Lines of text SHOULD NOT be longer than 75 octets,
/// excluding the line break."
const MAX_OCTETS: usize = 75;

impl ContentWriter {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            out: Vec::with_capacity(capacity),
            col: 0,
        }
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.out
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.out
    }

    /// Empties the buffer, keeping its allocation.
    pub fn clear(&mut self) {
        self.out.clear();
        self.col = 0;
    }

    /// Appends whole content lines written by another writer (so one
    /// rendering of an event can go into several feeds).
    pub fn append(&mut self, lines: &[u8]) {
        debug_assert!(self.col == 0 && (lines.is_empty() || lines.ends_with(b"\r\n")));
        self.out.extend_from_slice(lines);
    }

    pub fn begin(&mut self, component: &str) {
        self.property("BEGIN", &[], Value::Raw(component));
    }

    pub fn end(&mut self, component: &str) {
        self.property("END", &[], Value::Raw(component));
    }

    /// Writes `NAME;PARAM=value:VALUE` followed by CRLF.
    ///
    /// Parameter values are quoted when they contain `:`, `;` or `,`
    /// (RFC 5545 §3.2); DQUOTE and control characters cannot appear inside
    /// a parameter value at all, so they are dropped.
    pub fn property(&mut self, name: &str, params: &[(&str, &str)], value: Value<'_>) {
        self.push_str(name);
        for (key, val) in params {
            self.push_str(";");
            self.push_str(key);
            self.push_str("=");
            let quote = val.contains([':', ';', ',']);
            if quote {
                self.push_str("\"");
            }
            for c in val.chars().filter(|c| *c != '"' && !c.is_control()) {
                self.push_char(c);
            }
            if quote {
                self.push_str("\"");
            }
        }
        self.push_str(":");
        match value {
            Value::Text(text) => self.push_text(text),
            Value::TextList(items) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.push_str(",");
                    }
                    self.push_text(item);
                }
            }
            Value::TextParts(parts) => {
                for part in parts {
                    self.push_text(part);
                }
            }
            Value::Raw(raw) => self.push_raw(raw),
            Value::RawParts(parts) => {
                for part in parts {
                    self.push_raw(part);
                }
            }
        }
        self.out.extend_from_slice(b"\r\n");
        self.col = 0;
    }

    /// Runs of printable ASCII are copied a line's worth at a time; the
    /// rest goes character by character.
    fn push_text(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => self.push_str("\\\\"),
                b';' => self.push_str("\\;"),
                b',' => self.push_str("\\,"),
                // CRLF, lone CR and lone LF all mean one line break.
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    self.push_str("\\n");
                }
                b'\n' => self.push_str("\\n"),
                // Other controls (tab included) are not allowed in TEXT by
                // §3.3.11's grammar except HTAB; keep tab, drop the rest.
                b'\t' => self.push_plain(b"\t"),
                0..=0x1f | 0x7f => {}
                0x20..=0x7e => {
                    let start = i;
                    while i < bytes.len() && is_plain_text(bytes[i]) {
                        i += 1;
                    }
                    self.push_plain(&bytes[start..i]);
                    continue;
                }
                _ => {
                    let c = text[i..].chars().next().unwrap_or_default();
                    if !c.is_control() {
                        self.push_char(c);
                    }
                    i += c.len_utf8();
                    continue;
                }
            }
            i += 1;
        }
    }

    fn push_raw(&mut self, raw: &str) {
        let bytes = raw.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if (0x20..0x7f).contains(&bytes[i]) {
                let start = i;
                while i < bytes.len() && (0x20..0x7f).contains(&bytes[i]) {
                    i += 1;
                }
                self.push_plain(&bytes[start..i]);
            } else {
                let c = raw[i..].chars().next().unwrap_or_default();
                if !c.is_control() {
                    self.push_char(c);
                }
                i += c.len_utf8();
            }
        }
    }

    /// Single-octet characters: a fold may fall between any two.
    fn push_plain(&mut self, mut s: &[u8]) {
        while !s.is_empty() {
            if self.col >= MAX_OCTETS {
                self.fold();
            }
            let n = (MAX_OCTETS - self.col).min(s.len());
            self.out.extend_from_slice(&s[..n]);
            self.col += n;
            s = &s[n..];
        }
    }

    /// Pushes ASCII-only text whose pieces must not be split by a fold in the
    /// middle of an escape: each call is atomic for folding purposes.
    fn push_str(&mut self, s: &str) {
        if self.col + s.len() > MAX_OCTETS {
            self.fold();
        }
        self.out.extend_from_slice(s.as_bytes());
        self.col += s.len();
    }

    fn push_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        let encoded = c.encode_utf8(&mut buf);
        if self.col + encoded.len() > MAX_OCTETS {
            self.fold();
        }
        self.out.extend_from_slice(encoded.as_bytes());
        self.col += encoded.len();
    }

    /// §3.1: a fold is CRLF followed by one space; the space counts towards
    /// the next line's 75 octets.
    fn fold(&mut self) {
        self.out.extend_from_slice(b"\r\n ");
        self.col = 1;
    }
}

/// Printable ASCII that TEXT writes unescaped.
fn is_plain_text(b: u8) -> bool {
    (0x20..0x7f).contains(&b) && !matches!(b, b'\\' | b';' | b',')
}

/// Undoes folding: the logical content lines of an iCalendar stream.
pub fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for physical in text.split("\r\n") {
        if let Some(rest) = physical.strip_prefix([' ', '\t'])
            && let Some(last) = lines.last_mut()
        {
            last.push_str(rest);
            continue;
        }
        if !physical.is_empty() {
            lines.push(physical.to_owned());
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn one(name: &str, params: &[(&str, &str)], value: Value<'_>) -> String {
        let mut w = ContentWriter::new();
        w.property(name, params, value);
        String::from_utf8(w.into_bytes()).unwrap()
    }

    #[test]
    fn escapes_text() {
        assert_eq!(
            one("SUMMARY", &[], Value::Text("a;b,c\\d\r\ne\rf\ng")),
            "SUMMARY:a\\;b\\,c\\\\d\\ne\\nf\\ng\r\n"
        );
    }

    #[test]
    fn raw_values_are_not_escaped_but_lose_controls() {
        assert_eq!(
            one("URL", &[], Value::Raw("irc://irc.libera.chat/#a,b\r\nX:y")),
            "URL:irc://irc.libera.chat/#a,bX:y\r\n"
        );
    }

    #[test]
    fn quotes_parameters_when_needed() {
        assert_eq!(
            one(
                "ATTENDEE",
                &[("CN", "Martin, \"Al\"; x:y"), ("ROLE", "REQ-PARTICIPANT")],
                Value::Raw("mailto:a@example.org")
            ),
            "ATTENDEE;CN=\"Martin, Al; x:y\";ROLE=REQ-PARTICIPANT:mailto:a@example.org\r\n"
        );
    }

    #[test]
    fn folds_at_75_octets() {
        let text = "é".repeat(60);
        let out = one("DESCRIPTION", &[], Value::Text(&text));
        for line in out.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        assert_eq!(unfold(&out), vec![format!("DESCRIPTION:{text}")]);
    }

    #[test]
    fn text_list() {
        let items = vec!["équipe".to_owned(), "a,b".to_owned()];
        assert_eq!(
            one("CATEGORIES", &[], Value::TextList(&items)),
            "CATEGORIES:équipe,a\\,b\r\n"
        );
    }

    /// Reverses TEXT escaping, written independently of the writer.
    fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    proptest! {
        #[test]
        fn every_physical_line_is_short_crlf_terminated_and_utf8(
            text in "(\\PC|[\r\n;,\\\\]|é|🦀|👩‍👩‍👧){0,300}",
            cn in "(\\PC|[\";:,]){0,80}",
        ) {
            let mut w = ContentWriter::new();
            w.property("SUMMARY", &[("LANGUAGE", "fr")], Value::Text(&text));
            w.property("ORGANIZER", &[("CN", &cn)], Value::Raw("mailto:a@example.org"));
            let bytes = w.into_bytes();
            let out = std::str::from_utf8(&bytes).expect("folding never splits a character");
            prop_assert!(out.ends_with("\r\n"));
            for line in out.split_terminator("\r\n") {
                prop_assert!(line.len() <= MAX_OCTETS);
                prop_assert!(!line.contains('\r') && !line.contains('\n'));
            }
            let logical = unfold(out);
            prop_assert_eq!(logical.len(), 2);
            let value = logical[0].strip_prefix("SUMMARY;LANGUAGE=fr:").unwrap();
            let expected: String = text.replace("\r\n", "\n").replace('\r', "\n")
                .chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
            prop_assert_eq!(unescape(value), expected);
            prop_assert!(!logical[1][..logical[1].rfind(":mailto").unwrap()]
                .trim_start_matches("ORGANIZER;CN=").trim_matches('"').contains('"'));
        }
    }
}
