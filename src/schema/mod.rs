//! `rituals schema`: the JSON Schema (draft 2020-12) of the spec format,
//! derived from the serde layer (`spec::raw`) so that it cannot drift from
//! what the parser accepts. Editors use it for completion and checking
//! through the `# yaml-language-server: $schema=…` line.

pub mod examples;

use schemars::{Schema, SchemaGenerator, json_schema};

use crate::holidays::Region;
use crate::spec::raw::RawSpec;

/// Where the committed schema is published, for its `$id`.
pub const FILE_NAME: &str = "rituals.schema.json";

/// The schema as pretty JSON, ending with a newline.
pub fn json() -> String {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<RawSpec>();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// `holidays`: a code of the holiday table (so that a new region shows
/// up in editors as soon as it is added), `none`, or a list of codes. The
/// tool accepts codes in any case; the schema offers both spellings.
pub fn holidays(_: &mut SchemaGenerator) -> Schema {
    let mut values: Vec<String> = Vec::new();
    for c in Region::all() {
        values.push(c.code().to_owned());
        values.push(c.code().to_lowercase());
    }
    let code: Vec<serde_json::Value> = values.into_iter().map(serde_json::Value::from).collect();
    json_schema!({
        "anyOf": [
            { "type": "null" },
            { "enum": ["none"] },
            { "enum": code },
            { "type": "array", "items": { "enum": code }, "minItems": 1 },
        ],
        "examples": ["FR", "FR-67", ["FR", "BE"], "none"],
    })
}

/// A date (`2026-12-31`), a range (`2026-07-13..2026-08-21`), a yearly
/// range (`12-24..01-01`) or `{from, to, label}`: one entry of `closed`
/// or `skip`. Patterns check the shape; the tool checks the dates.
pub fn days(_: &mut SchemaGenerator) -> Schema {
    let date = r"\d{4}-\d{2}-\d{2}";
    let day = r"\d{2}-\d{2}";
    let text = format!(r"^\s*(?:{date}(?:\s*\.\.\s*{date})?|{day}(?:\s*\.\.\s*{day})?)\s*$");
    let end = format!(r"^\s*(?:{date}|{day})\s*$");
    json_schema!({
        "type": "array",
        "items": {
            "anyOf": [
                { "type": "string", "pattern": text },
                {
                    "type": "object",
                    "properties": {
                        "from": { "type": "string", "pattern": end },
                        "to": { "type": "string", "pattern": end },
                        "label": { "type": "string" },
                    },
                    "required": ["from", "to"],
                    "additionalProperties": false,
                },
            ],
        },
        "examples": [["2026-12-31", "2026-07-13..2026-08-21", "12-24..01-01", {"from": "2026-10-19", "to": "2026-10-30", "label": "vacances de la Toussaint"}]],
    })
}
