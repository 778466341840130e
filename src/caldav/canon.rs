//! A canonical form of an iCalendar object, to tell whether the server's
//! copy of a resource says what ours says. Servers may re-serialize what
//! they store (Radicale writes it back through `vobject`, which reorders
//! properties and folds lines its own way), so bytes cannot be compared:
//! the canonical form unfolds lines (RFC 5545 §3.1), sorts the
//! properties and sub-components of each component, and writes each
//! property in one form: parameters sorted and unquoted (Radicale drops
//! the quotes of `CN="Alice Martin"`), recurrence rule parts sorted after
//! FREQ (Xandikos writes `BYDAY` before `BYMONTH`).

/// Properties that change when nothing about the event did (see
/// `ics::stamp`): left out by [`vevents_without_stamps`].
const STAMP_PROPERTIES: [&str; 3] = ["DTSTAMP", "LAST-MODIFIED", "SEQUENCE"];

/// One component: its properties (unfolded lines) and sub-components.
#[derive(Default)]
struct Component {
    name: String,
    lines: Vec<String>,
    children: Vec<String>,
}

impl Component {
    fn finish(mut self) -> String {
        self.lines.sort_unstable();
        self.children.sort_unstable();
        let mut out = format!("BEGIN:{}\n", self.name);
        for l in self.lines {
            out.push_str(&l);
            out.push('\n');
        }
        for c in self.children {
            out.push_str(&c);
        }
        out.push_str(&format!("END:{}\n", self.name));
        out
    }
}

/// The canonical form of a whole object: equal for two texts that differ
/// only in line folding, line endings and the order of properties and
/// components.
pub fn canonical(text: &str) -> String {
    canonical_with(text, |_| true)
}

/// The canonical forms of the VEVENTs of an object, without their DTSTAMP,
/// LAST-MODIFIED and SEQUENCE: equal when the events did not change.
pub fn vevents_without_stamps(text: &str) -> Vec<String> {
    let whole = canonical_with(text, |name| !STAMP_PROPERTIES.contains(&name));
    // The VEVENTs, whether the text is a VCALENDAR or bare components.
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut current: Option<(String, usize)> = None;
    for line in whole.lines() {
        if line.starts_with("BEGIN:") {
            depth += 1;
            if current.is_none() && line == "BEGIN:VEVENT" {
                current = Some((String::new(), depth));
            }
        }
        if let Some((c, _)) = &mut current {
            c.push_str(line);
            c.push('\n');
        }
        if line.starts_with("END:") {
            if current.as_ref().is_some_and(|(_, d)| *d == depth)
                && let Some((c, _)) = current.take()
            {
                out.push(c);
            }
            depth = depth.saturating_sub(1);
        }
    }
    out.sort_unstable();
    out
}

fn canonical_with(text: &str, keep: impl Fn(&str) -> bool) -> String {
    let mut stack: Vec<Component> = Vec::new();
    let mut top: Vec<String> = Vec::new();
    for line in unfold(text) {
        if let Some(name) = line.strip_prefix("BEGIN:") {
            stack.push(Component {
                name: name.to_owned(),
                ..Component::default()
            });
        } else if line.starts_with("END:") {
            if let Some(done) = stack.pop() {
                let text = done.finish();
                match stack.last_mut() {
                    Some(parent) => parent.children.push(text),
                    None => top.push(text),
                }
            }
        } else if let Some(c) = stack.last_mut() {
            let name = line.split([':', ';']).next().unwrap_or("");
            if keep(name) {
                c.lines.push(canonical_line(&line));
            }
        }
    }
    top.concat()
}

/// One content line (RFC 5545 §3.1: `name *(";" param) ":" value`) in
/// canonical form.
fn canonical_line(line: &str) -> String {
    // Split at `;` and at the first `:` outside double quotes.
    let mut parts: Vec<String> = vec![String::new()];
    let mut value = None;
    let mut quoted = false;
    for (i, ch) in line.char_indices() {
        match ch {
            '"' => quoted = !quoted,
            ';' if !quoted => parts.push(String::new()),
            ':' if !quoted => {
                value = Some(&line[i + 1..]);
                break;
            }
            _ => {}
        }
        if (ch != ';' || quoted)
            && let Some(last) = parts.last_mut()
        {
            last.push(ch);
        }
    }
    let Some(value) = value else {
        return line.to_owned();
    };
    let name = parts.remove(0).to_ascii_uppercase();
    let mut params: Vec<String> = parts
        .iter()
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let values: Vec<&str> = v.split(',').map(|x| x.trim_matches('"')).collect();
            format!("{}={}", k.to_ascii_uppercase(), values.join(","))
        })
        .collect();
    params.sort_unstable();
    let value = if matches!(name.as_str(), "RRULE" | "EXRULE") {
        let mut rule: Vec<&str> = value.split(';').collect();
        // FREQ first (RFC 5545 §3.3.10 wants it there), the rest sorted.
        rule.sort_unstable_by_key(|p| (!p.starts_with("FREQ="), *p));
        rule.join(";")
    } else {
        value.to_owned()
    };
    let mut out = name;
    for p in params {
        out.push(';');
        out.push_str(&p);
    }
    out.push(':');
    out.push_str(&value);
    out
}

/// Logical lines (RFC 5545 §3.1): CRLF or LF line ends, a line starting
/// with a space or a tab continues the one before; empty lines dropped.
fn unfold(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for physical in text.split('\n') {
        let physical = physical.strip_suffix('\r').unwrap_or(physical);
        match physical.strip_prefix([' ', '\t']) {
            Some(rest) if !out.is_empty() => {
                if let Some(last) = out.last_mut() {
                    last.push_str(rest);
                }
            }
            _ if physical.is_empty() => {}
            _ => out.push(physical.to_owned()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const OURS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//\r\nBEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20260101T000000Z\r\nSEQUENCE:1\r\nSUMMARY:A long sum\r\n mary\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    #[test]
    fn reordered_and_refolded_is_the_same() {
        let server = "BEGIN:VCALENDAR\nPRODID:-//x//\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:A long\n  summary\nSEQUENCE:1\nDTSTAMP:20260101T000000Z\nUID:a@x\nEND:VEVENT\nEND:VCALENDAR\n";
        assert_eq!(canonical(OURS), canonical(server));
    }

    #[test]
    fn quoting_parameter_order_and_rule_order_do_not_count() {
        let ours = "BEGIN:VEVENT\r\nATTENDEE;CN=\"Alice Martin\";ROLE=CHAIR:mailto:a@x\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nSUMMARY:a: b;c\r\nEND:VEVENT\r\n";
        let server = "BEGIN:VEVENT\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nSUMMARY:a: b;c\r\nATTENDEE;ROLE=CHAIR;CN=Alice Martin:mailto:a@x\r\nEND:VEVENT\r\n";
        assert_eq!(canonical(ours), canonical(server));
        assert_ne!(
            canonical(ours),
            canonical(&server.replace("ROLE=CHAIR", "ROLE=REQ-PARTICIPANT"))
        );
        assert_ne!(
            canonical(ours),
            canonical(&server.replace("a: b;c", "a: b;d"))
        );
    }

    #[test]
    fn a_changed_value_differs() {
        let changed = OURS.replace("SUMMARY:A", "SUMMARY:B");
        assert_ne!(canonical(OURS), canonical(&changed));
        let resequenced = OURS.replace("SEQUENCE:1", "SEQUENCE:2");
        assert_ne!(canonical(OURS), canonical(&resequenced));
    }

    #[test]
    fn events_compare_without_their_stamps() {
        let restamped = OURS
            .replace("SEQUENCE:1", "SEQUENCE:4")
            .replace("20260101T000000Z", "20270101T000000Z");
        assert_eq!(
            vevents_without_stamps(OURS),
            vevents_without_stamps(&restamped)
        );
        assert_eq!(vevents_without_stamps(OURS).len(), 1);
        // Bare components (a feed's event bytes) compare with a VCALENDAR.
        let bare = &OURS[OURS.find("BEGIN:VEVENT").unwrap()..OURS.find("END:VCALENDAR").unwrap()];
        assert_eq!(vevents_without_stamps(bare), vevents_without_stamps(OURS));
        let changed = OURS.replace("UID:a@x", "UID:b@x");
        assert_ne!(
            vevents_without_stamps(OURS),
            vevents_without_stamps(&changed)
        );
    }
}
