//! Commands that read no spec: `init`, `completions`, `man`.

use crate::harness::Test;

#[test]
fn init_writes_a_starter_that_builds_and_refuses_to_overwrite() {
    let t = Test::new();
    let out = t.path().join("team");
    let first = Test::new()
        .args(["init", out.to_str().unwrap()])
        .run()
        .success();
    assert!(first.stdout.contains("rituals.yaml"), "{}", first.stdout);
    let spec = std::fs::read_to_string(out.join("rituals.yaml")).expect("starter written");
    assert!(spec.starts_with("# yaml-language-server: $schema=./rituals.schema.json"));
    assert!(out.join("rituals.schema.json").is_file());

    let public = out.join("public");
    let build = Test::new()
        .args(["build", "-f"])
        .args([out.join("rituals.yaml").to_str().unwrap()])
        .args(["-o", public.to_str().unwrap()])
        .run()
        .success();
    assert!(public.join("rituals.ics").is_file(), "{}", build.stdout);
    assert!(public.join("standup.ics").is_file());

    // A second init refuses and leaves the (edited) spec alone.
    std::fs::write(out.join("rituals.yaml"), "# mine\n").unwrap();
    let second = Test::new()
        .args(["init", out.to_str().unwrap()])
        .run()
        .status(2);
    assert!(
        second.stderr.contains("already exists") && second.stderr.contains("rituals.yaml"),
        "{}",
        second.stderr
    );
    assert_eq!(
        std::fs::read_to_string(out.join("rituals.yaml")).unwrap(),
        "# mine\n"
    );
}

#[test]
fn init_defaults_to_the_current_folder() {
    let t = Test::new().args(["init"]);
    t.run().success();
    assert!(t.path().join("rituals.yaml").is_file());
    Test::new()
        .args([
            "check",
            "-f",
            t.path().join("rituals.yaml").to_str().unwrap(),
        ])
        .run()
        .success();
}

#[test]
fn completions_name_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = Test::new().args(["completions", shell]).run().success();
        for sub in ["build", "print", "agenda", "check", "schema", "init", "man"] {
            assert!(out.stdout.contains(sub), "{shell} completions lack `{sub}`");
        }
        assert!(out.stdout.contains("previous"), "{shell}: no options");
    }
    Test::new().args(["completions", "tcsh"]).run().status(2);
}

#[test]
fn man_page_is_one_page_with_every_command_and_verbatim_examples() {
    let out = Test::new().args(["man"]).run().success();
    let roff = &out.stdout;
    assert!(roff.contains(".TH rituals 1"), "{roff}");
    assert!(roff.contains(".SH NAME"));
    for sub in [
        "build",
        "print",
        "agenda",
        "check",
        "schema",
        "init",
        "completions",
        "man",
    ] {
        assert!(
            roff.lines().any(|l| l == format!(".SS {sub}")),
            "man page lacks a section for `{sub}`"
        );
        assert!(
            roff.contains(&format!("\\fBrituals {sub}\\fR")),
            "man page lacks the synopsis of `{sub}`"
        );
    }
    // One page: no reference to pages that are not installed.
    assert!(!roff.contains("rituals\\-build"), "{roff}");
    assert!(!roff.contains("(1)"), "{roff}");
    // Every example of `--help`, line for line, in a no-fill block.
    let help = Test::new().args(["--help"]).run().success().stdout;
    let examples: Vec<&str> = help
        .split_once("Examples:\n")
        .expect("examples in --help")
        .1
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert!(examples.len() >= 5, "{examples:?}");
    let unescaped: Vec<String> = roff
        .lines()
        .map(|l| l.replace("\\-", "-").replace("\\e", "\\"))
        .collect();
    let block = |line: &str| {
        let i = unescaped.iter().position(|l| l == line)?;
        let start = unescaped[..i]
            .iter()
            .rposition(|l| l == ".nf" || l == ".fi")?;
        (unescaped[start] == ".nf").then_some(i)
    };
    for line in &examples {
        assert!(
            block(line).is_some(),
            "example not verbatim in .nf/.fi: {line}\n{roff}"
        );
    }
    // A sub-command's example too.
    assert!(
        block("SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) rituals build -o public").is_some()
    );
    assert!(roff.contains(".SH EXIT STATUS"));
}
