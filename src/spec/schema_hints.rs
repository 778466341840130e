//! What the JSON Schema says beyond the serde types: example values of
//! the object fields (one valid snippet each, shown by editors on hover)
//! the closed set of holiday codes and the shapes of `closed`/`skip`.

use schemars::{Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};

use crate::holidays::Region;

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

pub fn calendar() -> Value {
    json!({
        "name": "Team rituals",
        "timezone": "Europe/Paris",
        "since": "2026-01-05",
        "domain": "example.org",
        "language": "en",
        "holidays": "FR",
        "url": "https://example.org/rituals/",
    })
}

pub fn people() -> Value {
    json!([
        { "id": "alice", "name": "Alice Martin", "email": "alice@example.org" },
        { "id": "bastien", "name": "Bastien Durand" },
    ])
}

pub fn rituals() -> Value {
    json!([{
        "id": "standup",
        "title": "Stand-up",
        "every": "weekday",
        "time": "09:30",
        "duration": "15m",
        "location": "irc://irc.libera.chat/#team",
    }])
}

pub fn moved() -> Value {
    json!({ "date": "2026-05-25", "to": "2026-05-26 10:30" })
}

pub fn change() -> Value {
    json!({ "from": "2026-09-01", "every": "thursday", "time": "14:00-15:00" })
}

pub fn rotation() -> Value {
    json!({ "people": ["alice", "bastien"], "since": "2026-01-06" })
}

pub fn rotation_change() -> Value {
    json!({ "from": "2026-09-01", "people": ["bastien", "alice"] })
}
