//! Example values of the schema's object fields: one valid snippet each,
//! shown by editors on hover.

use serde_json::{Value, json};

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
