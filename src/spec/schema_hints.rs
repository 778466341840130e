//! What the JSON Schema says beyond the serde types: example values of
//! the object fields (one valid snippet each, shown by editors on hover)
//! and the closed set of holiday codes.

use schemars::{Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};

use crate::holidays::Country;

/// `holidays`: a closed set, read from the holiday table so that a new
/// country shows up in editors as soon as it is added. The tool accepts
/// codes in any case; the schema offers both common spellings.
pub fn holidays(_: &mut SchemaGenerator) -> Schema {
    let mut values: Vec<String> = Vec::new();
    for c in Country::ALL {
        values.push(c.code().to_owned());
        values.push(c.code().to_lowercase());
    }
    values.push("none".to_owned());
    json_schema!({
        "type": ["string", "null"],
        "enum": values.into_iter().map(serde_json::Value::from).chain([serde_json::Value::Null]).collect::<Vec<_>>(),
        "examples": ["FR", "none"],
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
