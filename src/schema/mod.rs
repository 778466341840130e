//! `rituals schema`: the JSON Schema (draft 2020-12) of the spec format,
//! derived from the serde layer (`spec::raw`) so that it cannot drift from
//! what the parser accepts. Editors use it for completion and checking
//! through the `# yaml-language-server: $schema=…` line.

pub mod examples;

use schemars::{Schema, SchemaGenerator, json_schema};

use crate::holidays::Country;
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

/// `holidays`: a closed set, read from the holiday table so that a new
/// country shows up in editors as soon as it is added. The tool accepts
/// codes in any case; the schema offers both common spellings.
pub fn holidays(_: &mut SchemaGenerator) -> Schema {
    let mut values: Vec<String> = Vec::new();
    for c in Country::all() {
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
