//! `rituals schema`: the JSON Schema (draft 2020-12) of the spec format,
//! derived from the serde layer (`spec::raw`) so that it cannot drift from
//! what the parser accepts. Editors use it for completion and checking
//! through the `# yaml-language-server: $schema=…` line.

use super::raw::RawSpec;

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
