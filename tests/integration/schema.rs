//! `rituals schema`: the committed schema is current, accepts every valid
//! spec we have and rejects misspelt fields, checked by an independent
//! validator (the `jsonschema` crate).

use std::path::{Path, PathBuf};

use crate::harness::{Test, project_spec};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn generated_schema() -> String {
    Test::new().args(["schema"]).run().success().stdout
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&generated_schema()).expect("schema is JSON");
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "draft 2020-12"
    );
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

/// The YAML document as JSON, the way editors hand it to the schema.
fn yaml_to_json(text: &str) -> serde_json::Value {
    serde_saphyr::from_str(text).expect("YAML")
}

fn errors(v: &jsonschema::Validator, doc: &serde_json::Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Every `*.yaml` below `dir`, recursively, sorted.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn committed_schema_is_up_to_date() {
    let committed = std::fs::read_to_string(root().join("rituals.schema.json"))
        .expect("rituals.schema.json at the repository root");
    assert!(
        committed == generated_schema(),
        "rituals.schema.json is out of date: run `cargo run -- schema > rituals.schema.json`"
    );
}

#[test]
fn project_spec_points_editors_to_the_schema() {
    assert_eq!(
        project_spec().lines().next(),
        Some("# yaml-language-server: $schema=./rituals.schema.json")
    );
}

#[test]
fn schema_accepts_every_spec_that_builds() {
    let v = validator();
    let mut specs: Vec<(String, String)> = vec![
        ("rituals.yaml".into(), project_spec()),
        (
            "init starter".into(),
            std::fs::read_to_string(root().join("src/commands/starter.yaml")).expect("starter"),
        ),
    ];
    for path in yaml_files(&root().join("tests/fixtures")) {
        let text = std::fs::read_to_string(&path).expect("fixture");
        // Only fixtures the tool accepts: the others test error messages.
        let builds = Test::new().spec(&text).args(["check"]).run().status == 0;
        if builds {
            specs.push((path.display().to_string(), text));
        }
    }
    for (name, text) in &specs {
        let errs = errors(&v, &yaml_to_json(text));
        assert!(
            errs.is_empty(),
            "{name} fails the schema:\n{}",
            errs.join("\n")
        );
    }
}

#[test]
fn schema_rejects_a_misspelt_field() {
    let v = validator();
    let good = project_spec();
    assert!(errors(&v, &yaml_to_json(&good)).is_empty());
    for (from, to) in [
        (
            "  timezone: Europe/Paris",
            "  timezone: Europe/Paris\n  timzone: Europe/Paris",
        ),
        ("    every: friday", "    evry: friday"),
        (
            "    name: Alice Martin",
            "    name: Alice Martin\n    mail: a@example.org",
        ),
        ("  language: fr", "  language: de"),
        ("  holidays: FR", "  holidays: XX"),
    ] {
        assert!(good.contains(from), "the project spec changed: `{from}`");
        let bad = good.replacen(from, to, 1);
        assert!(
            !errors(&v, &yaml_to_json(&bad)).is_empty(),
            "the schema accepts `{to}`"
        );
        // The tool agrees: the schema is not stricter than needed here.
        Test::new().spec(&bad).args(["check"]).run().status(1);
    }
}

#[test]
fn every_field_has_a_description_and_an_example() {
    let schema: serde_json::Value = serde_json::from_str(&generated_schema()).expect("JSON");
    let mut missing = Vec::new();
    for (def, body) in schema["$defs"].as_object().expect("$defs") {
        for (field, prop) in body["properties"].as_object().into_iter().flatten() {
            if prop["description"].as_str().is_none_or(str::is_empty) {
                missing.push(format!("{def}.{field}: description"));
            }
            if prop["examples"].as_array().is_none_or(Vec::is_empty) {
                missing.push(format!("{def}.{field}: examples"));
            }
        }
    }
    assert!(missing.is_empty(), "missing: {missing:#?}");
}
