//! The source layout (issue 12): no file-level import cycle in `src/`, and
//! no file over 400 lines. Function length is clippy's `too_many_lines`
//! (threshold in `clippy.toml`).
//!
//! A file depends on another when it names it through `crate::`, `super::`
//! or `self::` (in a `use` or inline). A `mod.rs` declaring or re-exporting
//! its children by their bare names is the module tree, not a dependency.
//! Unit-test modules (`#[cfg(test)] mod …` at the end of a file) are left
//! out: they are not part of the program.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Files allowed past `MAX_FILE_LINES`, each with its reason. Empty.
const LONG_FILES: &[(&str, &str)] = &[];
const MAX_FILE_LINES: usize = 400;

type Module = Vec<String>;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The library's files by module path (`src/a/mod.rs` and `src/a.rs` are
/// `a`); `main.rs` is another crate.
fn modules(root: &Path) -> BTreeMap<Module, (String, String)> {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    files
        .into_iter()
        .filter(|f| f != &root.join("main.rs"))
        .map(|f| {
            let rel = f.strip_prefix(root).expect("under src/");
            let name = rel.to_string_lossy().replace('\\', "/");
            let mut parts: Module = name
                .trim_end_matches(".rs")
                .split('/')
                .map(str::to_owned)
                .collect();
            if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
                parts.pop();
            }
            let text = std::fs::read_to_string(&f).expect("a readable source file");
            (parts, (name, text))
        })
        .collect()
}

/// The program text of a file: unit tests and comments taken out. String
/// literals stay: `#[schemars(schema_with = "crate::…")]` names a file.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod ") {
        Some(i) => &text[..i],
        None => text,
    };
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_str = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if in_str => {
                    out.push(c);
                    if let Some(escaped) = chars.next() {
                        out.push(escaped);
                    }
                    continue;
                }
                '"' => in_str = !in_str,
                '/' if !in_str && chars.peek() == Some(&'/') => break,
                _ => {}
            }
            out.push(c);
        }
        out.push('\n');
    }
    out
}

/// Every path a `use` tree names: `a::{b, c::{d, e}}` is `a::b`, `a::c::d`,
/// `a::c::e`; `x as y` is `x`.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or_default();
        return vec![path.replace(' ', "")];
    };
    let mut depth = 0;
    let mut close = tree.len();
    for (i, c) in tree.char_indices().skip(open) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    close = i;
                    break;
                }
            }
            _ => {}
        }
    }
    let (prefix, inner) = (&tree[..open], &tree[open + 1..close]);
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&inner[start..]);
    items
        .into_iter()
        .filter(|item| !item.trim().is_empty())
        .flat_map(|item| expand(&format!("{prefix}{}", item.trim())))
        .collect()
}

/// The file a `crate::`/`super::`/`self::` path from `module` lands in:
/// the longest prefix that is a file.
fn resolve(
    module: &Module,
    path: &str,
    files: &BTreeMap<Module, (String, String)>,
) -> Option<Module> {
    let mut segs = path.split("::").map(str::trim).peekable();
    let mut full: Module = match segs.peek() {
        Some(&"crate") => {
            segs.next();
            Vec::new()
        }
        Some(&"super" | &"self") => module.clone(),
        _ => return None,
    };
    while let Some(&s) = segs.peek() {
        match s {
            "super" => full.pop(),
            "self" => None,
            _ => break,
        };
        segs.next();
    }
    full.extend(
        segs.filter(|s| !s.is_empty() && *s != "*")
            .map(str::to_owned),
    );
    (0..=full.len())
        .rev()
        .map(|k| full[..k].to_vec())
        .find(|m| files.contains_key(m))
}

/// The file-level dependency graph: each file, the files it names.
fn graph(files: &BTreeMap<Module, (String, String)>) -> BTreeMap<Module, BTreeSet<Module>> {
    let mut graph = BTreeMap::new();
    for (module, (_, text)) in files {
        let code = code(text);
        let mut paths = Vec::new();
        for stmt in code.split(';') {
            if let Some(i) = stmt.find("use ")
                && (i == 0 || !stmt.as_bytes()[i - 1].is_ascii_alphanumeric())
            {
                paths.extend(expand(&stmt[i + 4..]));
            }
        }
        // Inline paths: `crate::a::b(…)`, `super::c::D`.
        for (i, _) in code.match_indices("::") {
            let start = code[..i]
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(0, |s| s + 1);
            let end = code[i..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |e| i + e);
            // `crate::{…}` is a `use` group, read above.
            if !code[start..end].ends_with("::") {
                paths.push(code[start..end].to_owned());
            }
        }
        let deps: BTreeSet<Module> = paths
            .iter()
            .filter_map(|p| resolve(module, p, files))
            .filter(|m| m != module)
            .collect();
        graph.insert(module.clone(), deps);
    }
    graph
}

/// A cycle in the graph, as file names, if there is one.
fn find_cycle(
    graph: &BTreeMap<Module, BTreeSet<Module>>,
    names: &BTreeMap<Module, (String, String)>,
) -> Option<Vec<String>> {
    // Depth-first search; a back edge to a file on the stack closes a cycle.
    fn visit<'a>(
        m: &'a Module,
        graph: &'a BTreeMap<Module, BTreeSet<Module>>,
        done: &mut BTreeSet<&'a Module>,
        stack: &mut Vec<&'a Module>,
    ) -> Option<Vec<&'a Module>> {
        if let Some(at) = stack.iter().position(|s| *s == m) {
            return Some(stack[at..].iter().copied().chain([m]).collect());
        }
        if !done.insert(m) {
            return None;
        }
        stack.push(m);
        for dep in graph.get(m).into_iter().flatten() {
            if let Some(cycle) = visit(dep, graph, done, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|m| {
        visit(m, graph, &mut done, &mut Vec::new())
            .map(|c| c.iter().map(|m| names[*m].0.clone()).collect())
    })
}

#[test]
fn no_file_level_import_cycle() {
    let files = modules(&src());
    let deps_of = graph(&files);
    // The graph is read, not empty: the command that builds feeds names
    // the publisher.
    let deps = |a: &[&str]| &deps_of[&a.iter().map(|s| (*s).to_owned()).collect::<Module>()];
    assert!(deps(&["commands", "build"]).contains(&vec!["output".to_owned(), "feeds".to_owned()]));
    if let Some(cycle) = find_cycle(&deps_of, &files) {
        panic!("import cycle between files: {}", cycle.join(" → "));
    }
}

#[test]
fn a_cycle_is_found() {
    let mut files = BTreeMap::new();
    let file = |name: &str, text: &str| (name.to_owned(), text.to_owned());
    files.insert(vec![], file("lib.rs", "pub mod a;\npub mod b;\n"));
    files.insert(
        vec!["a".to_owned()],
        file("a/mod.rs", "mod c;\nuse crate::b::{self, B as Bee};\n"),
    );
    files.insert(
        vec!["a".to_owned(), "c".to_owned()],
        file("a/c.rs", "// crate::b::B\nfn f() {}\n"),
    );
    files.insert(
        vec!["b".to_owned()],
        file("b.rs", "fn g() { super::a::c::f() }\n"),
    );
    let deps_of = graph(&files);
    assert_eq!(find_cycle(&deps_of, &files), None, "{deps_of:?}");
    files.insert(
        vec!["a".to_owned(), "c".to_owned()],
        file("a/c.rs", "fn f() { crate::b::g() }\n"),
    );
    let deps_of = graph(&files);
    assert_eq!(
        find_cycle(&deps_of, &files),
        Some(vec![
            "b.rs".to_owned(),
            "a/c.rs".to_owned(),
            "b.rs".to_owned()
        ])
    );
}

#[test]
fn no_file_over_400_lines() {
    let long: Vec<String> = modules(&src())
        .into_values()
        .filter(|(name, text)| {
            text.lines().count() > MAX_FILE_LINES && !LONG_FILES.iter().any(|(f, _)| f == name)
        })
        .map(|(name, text)| format!("src/{name}: {} lines", text.lines().count()))
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_FILE_LINES} lines (split them, or list one in LONG_FILES with its reason):\n{}",
        long.join("\n")
    );
}
