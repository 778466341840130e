/// The field path (`rituals[2].every`) of the value on `line` of a
/// block-style YAML document, found from indentation. Used for errors the
/// YAML library reports by position only; flow collections are not
/// descended into.
pub fn field_path_at(text: &str, line: u32) -> String {
    enum Frame<'a> {
        Key(&'a str),
        Item(usize),
    }
    // (column, frame): the chain of keys and list items enclosing a line.
    let mut stack: Vec<(usize, Frame)> = Vec::new();
    for raw in text.lines().take(line as usize) {
        let trimmed = raw.trim_start_matches(' ');
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let mut col = raw.len() - trimmed.len();
        let mut rest = trimmed;
        while let Some(after) = rest
            .strip_prefix("- ")
            .or_else(|| (rest == "-").then_some(""))
        {
            let mut index = 0;
            while let Some((c, frame)) = stack.last() {
                if *c < col || (*c == col && matches!(frame, Frame::Key(_))) {
                    break;
                }
                if *c == col
                    && let Frame::Item(i) = frame
                {
                    index = i + 1;
                }
                stack.pop();
            }
            stack.push((col, Frame::Item(index)));
            let inner = after.trim_start_matches(' ');
            col += 2 + (after.len() - inner.len());
            rest = inner;
        }
        if let Some(key) = key_of(rest) {
            while stack.last().is_some_and(|(c, _)| *c >= col) {
                stack.pop();
            }
            stack.push((col, Frame::Key(key)));
        }
    }
    let mut path = String::new();
    for (_, frame) in &stack {
        match frame {
            Frame::Key(k) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Item(i) => path.push_str(&format!("[{i}]")),
        }
    }
    path
}

fn key_of(s: &str) -> Option<&str> {
    let (key, _) = s.split_once(':')?;
    let key = key.trim();
    (!key.is_empty() && !key.contains(' ') && !key.starts_with(['"', '\'', '[', '{', '#']))
        .then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "calendar:\n  name: x\n  timezone: Europe/Paris\nrituals:\n  - id: a\n    every: monday\n  - id: b\n    # note\n    title: t\n    moved:\n      - date: 2026-01-01\n        to: x\npeople:\n- id: p\n";

    #[test]
    fn finds_paths() {
        assert_eq!(field_path_at(DOC, 3), "calendar.timezone");
        assert_eq!(field_path_at(DOC, 5), "rituals[0].id");
        assert_eq!(field_path_at(DOC, 6), "rituals[0].every");
        assert_eq!(field_path_at(DOC, 9), "rituals[1].title");
        assert_eq!(field_path_at(DOC, 12), "rituals[1].moved[0].to");
        assert_eq!(field_path_at(DOC, 14), "people[0].id");
    }
}
