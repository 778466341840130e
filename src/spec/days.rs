//! The YAML shapes of `closed`, `skip` and `holidays`, as written: a
//! scalar or a mapping (`{from, to, label}`), a scalar or a list. Custom
//! `Deserialize` impls (not `untagged`) keep the spans of inner values and
//! give serde's own messages for an unknown or missing key.

use std::fmt;

use serde::Deserialize;
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, Deserializer, Visitor};

use serde_saphyr::Spanned as S;

/// One entry of `closed` or `skip`.
#[derive(Debug)]
pub enum RawDays {
    /// `2026-12-31`, `2026-07-13..2026-08-21` or `12-24..01-01`.
    Text(String),
    /// `{from: 2026-07-13, to: 2026-08-21, label: vacances d'été}`.
    Labelled(Box<RawLabelledDays>),
}

/// A range with a label the agenda and the page show.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLabelledDays {
    pub from: S<String>,
    pub to: S<String>,
    #[serde(default)]
    pub label: Option<S<String>>,
}

impl<'de> Deserialize<'de> for RawDays {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawDays;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date, a range `FROM..TO`, or a mapping `{from, to, label}`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawDays, E> {
                Ok(RawDays::Text(v.to_owned()))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<RawDays, A::Error> {
                RawLabelledDays::deserialize(MapAccessDeserializer::new(map))
                    .map(|l| RawDays::Labelled(Box::new(l)))
            }
        }
        d.deserialize_any(V)
    }
}

/// `holidays`: one code (or `none`), or a list of codes.
#[derive(Debug)]
pub enum RawHolidays {
    One(String),
    Many(Vec<S<String>>),
}

impl<'de> Deserialize<'de> for RawHolidays {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawHolidays;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a country or subdivision code, `none`, or a list of codes")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawHolidays, E> {
                Ok(RawHolidays::One(v.to_owned()))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<RawHolidays, A::Error> {
                Vec::<S<String>>::deserialize(SeqAccessDeserializer::new(seq))
                    .map(RawHolidays::Many)
            }
        }
        d.deserialize_any(V)
    }
}
