//! Ids the spec accepts (`[a-z0-9][a-z0-9-]*`, at most 64 characters),
//! derived from titles, names or e-mail addresses, made unique.

use std::collections::BTreeSet;

/// Is `s` usable as a ritual or person id as it is?
pub fn is_id(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// Does `local` look machine-made (`4k1h2j3g5f6d7s8a9p0o1i2u3y`, a
/// UUID), rather than an id a person chose (`standup`, `gap-0230`)?
pub fn looks_generated(local: &str) -> bool {
    local.split(['-', '_', '.']).any(|part| {
        let digits = part.chars().filter(char::is_ascii_digit).count();
        let letters = part.chars().filter(char::is_ascii_alphabetic).count();
        part.len() >= 8 && digits > 0 && letters > 0 || part.len() >= 12 && digits == part.len()
    })
}

/// The slug of `text`, or `fallback` when it has no letter or digit.
pub fn slug_or(text: &str, fallback: &str) -> String {
    if !text.chars().any(char::is_alphanumeric) {
        return fallback.to_owned();
    }
    let s = crate::validate::slug(text);
    let s = s.trim_end_matches('-');
    if is_id(s) {
        s.to_owned()
    } else {
        fallback.to_owned()
    }
}

/// Hands out ids, each once: `standup`, `standup-2`, …
#[derive(Clone, Debug, Default)]
pub struct Ids {
    taken: BTreeSet<String>,
}

impl Ids {
    /// Reserves `id` as it is; false when it was already taken.
    pub fn reserve(&mut self, id: &str) -> bool {
        self.taken.insert(id.to_owned())
    }

    /// `base`, or `base-2`, `base-3`… the first one not taken.
    pub fn unique(&mut self, base: &str) -> String {
        let base: String = base.chars().take(60).collect();
        let base = base.trim_end_matches('-');
        let mut candidate = base.to_owned();
        let mut n = 2;
        while self.taken.contains(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        self.taken.insert(candidate.clone());
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_text() {
        assert_eq!(
            slug_or("Réunion d'équipe #lundi", "x"),
            "reunion-d-equipe-lundi"
        );
        assert_eq!(slug_or("☕", "ritual"), "ritual");
        let mut ids = Ids::default();
        assert!(ids.reserve("standup"));
        assert_eq!(ids.unique("standup"), "standup-2");
        assert_eq!(ids.unique("standup"), "standup-3");
        assert!(is_id("a-1") && !is_id("-a") && !is_id("A") && !is_id(""));
        for generated in [
            "4k1h2j3g5f6d7s8a9p0o1i2u3y",
            "b6a1c9f0-3d2e-4f5a-8b7c-1d2e3f4a5b6c",
        ] {
            assert!(looks_generated(generated), "{generated}");
        }
        for chosen in [
            "standup",
            "gap-0230",
            "early-0030",
            "bluehats-irc",
            "team-2026",
        ] {
            assert!(!looks_generated(chosen), "{chosen}");
        }
    }
}
