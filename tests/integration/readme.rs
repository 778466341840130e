//! The newcomer's path through the README: a quick start of exactly two
//! commands (build the feeds, run the tests), and a separate section that
//! says how to install the binary.

use std::path::Path;

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md")
}

/// The text of the `## title` section, up to the next `## `.
fn section(text: &str, title: &str) -> String {
    let start = text
        .find(&format!("\n## {title}\n"))
        .unwrap_or_else(|| panic!("no `## {title}` section"));
    let body = &text[start + title.len() + 5..];
    body[..body.find("\n## ").unwrap_or(body.len())].to_owned()
}

/// The commands of the first ```sh block of a section.
fn first_commands(section: &str) -> Vec<String> {
    let block = section
        .split("```sh\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a sh block");
    block
        .lines()
        .map(|l| l.split(" #").next().unwrap_or(l).trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn quick_start_is_two_commands_and_install_is_its_own_section() {
    let text = readme();
    let quick = section(&text, "Quick start");
    assert_eq!(
        first_commands(&quick),
        ["cargo run --release -- build", "cargo test"]
    );
    let install = section(&text, "Install");
    assert_eq!(
        first_commands(&install).first().map(String::as_str),
        Some("cargo install --path .")
    );
    // Where to get what the skipped tests need.
    for setup in ["bash tests/interop/setup.sh", "sh .ci/install-browser"] {
        assert!(install.contains(setup), "Install does not say `{setup}`");
    }
}
