//! From a code as written in the spec to a region, with an error that
//! lists what the table knows for that country.

use super::{Region, every_def};
use crate::diagnostic::did_you_mean;

/// A `holidays` code that is not in the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnknownRegion {
    /// The country is known, the subdivision is not (`DE-BX`), or the
    /// country has no holidays of its own (`GB`).
    Subdivision {
        code: String,
        country: &'static str,
        known: Vec<&'static str>,
        suggestion: Option<&'static str>,
    },
    /// The country itself is not in the table (`PT`).
    Country {
        code: String,
        known: Vec<&'static str>,
        suggestion: Option<&'static str>,
    },
}

impl UnknownRegion {
    /// The one-line message, without hints.
    pub fn message(&self) -> String {
        match self {
            UnknownRegion::Subdivision {
                code,
                country,
                known,
                ..
            } if code.eq_ignore_ascii_case(country) => format!(
                "`{code}` has no public holidays of its own: choose one of {}",
                known.join(", ")
            ),
            UnknownRegion::Subdivision {
                code,
                country,
                known,
                ..
            } => format!(
                "unknown holiday region `{code}`: known codes for {country} are {}",
                known.join(", ")
            ),
            UnknownRegion::Country { code, known, .. } => format!(
                "unknown holiday country `{code}`: expected one of {} (a country or a subdivision like `DE-BY`), a list of them, or `none`",
                known.join(", ")
            ),
        }
    }

    /// The `did you mean` line, when a known code is close.
    pub fn hint(&self) -> Option<String> {
        let (UnknownRegion::Subdivision { suggestion, .. }
        | UnknownRegion::Country { suggestion, .. }) = self;
        suggestion.map(|s| format!("did you mean `{s}`?"))
    }
}

impl std::fmt::Display for UnknownRegion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())?;
        if let Some(hint) = self.hint() {
            write!(f, "\nhint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownRegion {}

pub(super) fn lookup(code: &str) -> Result<Region, UnknownRegion> {
    let code = code.trim();
    if let Some(def) = every_def().find(|d| d.selectable && d.code.eq_ignore_ascii_case(code)) {
        return Ok(Region(def));
    }
    let country = code.split('-').next().unwrap_or(code);
    let known_country =
        every_def().find(|d| d.parent.is_none() && d.code.eq_ignore_ascii_case(country));
    match known_country {
        Some(c) => {
            let known: Vec<&'static str> = Region::all()
                .map(Region::code)
                .filter(|k| *k == c.code || k.starts_with(&format!("{}-", c.code)))
                .collect();
            let suggestion = suggest(code, known.iter().copied());
            Err(UnknownRegion::Subdivision {
                code: code.to_owned(),
                country: c.code,
                known,
                suggestion,
            })
        }
        None => {
            let known: Vec<&'static str> = every_def()
                .filter(|d| d.parent.is_none())
                .map(|d| d.code)
                .collect();
            let all: Vec<&'static str> = Region::all().map(Region::code).collect();
            let suggestion = suggest(code, all.iter().copied());
            Err(UnknownRegion::Country {
                code: code.to_owned(),
                known,
                suggestion,
            })
        }
    }
}

/// The closest known code; a subdivision written without its dash or with
/// an underscore (`DEBY`, `de_by`) counts as close.
fn suggest(code: &str, known: impl Iterator<Item = &'static str> + Clone) -> Option<&'static str> {
    let squash = |s: &str| s.replace(['-', '_', ' '], "").to_ascii_uppercase();
    let exact = known.clone().find(|k| squash(k) == squash(code));
    // One letter off a two-letter country code is another country (`PT`
    // is not a typo for `IT`): only longer codes get fuzzy suggestions.
    exact.or_else(|| {
        (code.chars().count() > 2)
            .then(|| did_you_mean(code, known))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_subdivision_lists_the_countrys_codes() {
        let e = Region::lookup("DE-BAY").unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown holiday region `DE-BAY`: known codes for DE are DE, DE-BW, DE-BY, DE-BE, DE-BB, DE-HB, DE-HH, DE-HE, DE-MV, DE-NI, DE-NW, DE-RP, DE-SL, DE-SN, DE-ST, DE-SH, DE-TH\nhint: did you mean `DE-BY`?"
        );
        assert_eq!(
            Region::lookup("de_by").unwrap_err().hint().as_deref(),
            Some("did you mean `DE-BY`?")
        );
    }

    #[test]
    fn gb_alone_asks_for_a_nation() {
        let e = Region::lookup("GB").unwrap_err();
        assert_eq!(
            e.message(),
            "`GB` has no public holidays of its own: choose one of GB-ENG, GB-WLS, GB-SCT, GB-NIR"
        );
    }

    #[test]
    fn an_unknown_country_lists_the_countries_and_no_source_file() {
        let e = Region::lookup("PT").unwrap_err();
        let text = e.to_string();
        assert_eq!(
            text,
            "unknown holiday country `PT`: expected one of FR, BE, LU, NL, CH, ES, IT, DE, GB, US (a country or a subdivision like `DE-BY`), a list of them, or `none`"
        );
        assert!(!text.contains("src/"));
    }

    #[test]
    fn codes_are_read_in_any_case() {
        assert_eq!(Region::lookup("fr-67").map(Region::code), Ok("FR-67"));
    }
}
