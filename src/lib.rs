//! Jianbao (简报): an editor for the work bulletins Chinese government offices
//! publish each week or month.
//!
//! The modules follow the data: [`model`] is one issue as plain data;
//! [`store`] reads and writes it as RON drafts; [`i18n`] holds every word a
//! user reads; [`cli`] is the command line; [`archive`] is every past issue
//! of a folder.

pub mod app;
pub mod archive;
pub mod assets;
pub mod cli;
pub mod diff;
pub mod export;
pub mod i18n;
pub mod import;
pub mod lint;
pub mod model;
pub mod sample;
pub mod store;
pub mod typeset;
pub mod ui;

/// The layering, enforced: every `crate::` path in a module's code must be
/// allowed by the table under "Layers" in ARCHITECTURE.md.
#[cfg(test)]
mod architecture {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    type Graph = BTreeMap<String, BTreeSet<String>>;

    /// The allowed graph, read from ARCHITECTURE.md's "Layers" table.
    fn allowed() -> Graph {
        let text = include_str!("../ARCHITECTURE.md");
        let table = text
            .split("## Layers")
            .nth(1)
            .expect("a Layers section")
            .lines()
            .skip_while(|l| !l.starts_with("| module"))
            .skip(2)
            .take_while(|l| l.starts_with('|'));
        let names = |cell: &str| -> BTreeSet<String> {
            cell.split(',')
                .map(|n| n.trim().trim_matches('`').to_owned())
                .filter(|n| !n.is_empty())
                .collect()
        };
        table
            .map(|row| {
                let cells: Vec<&str> = row.split('|').collect();
                let module = names(cells[1]).into_iter().next().expect("a module");
                (module, names(cells.get(2).copied().unwrap_or_default()))
            })
            .collect()
    }

    /// The top-level modules of a module's code (its tests left out) that
    /// it names through `crate::`.
    fn used(code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
        let code: String = code
            .lines()
            .map(|l| l.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
        let mut found = BTreeSet::new();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let heads: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
                // `crate::{a, b::{c, d}}`: the first segment at depth 0.
                let mut depth = 0;
                let end = group
                    .char_indices()
                    .find(|&(_, c)| {
                        match c {
                            '{' => depth += 1,
                            '}' if depth == 0 => return true,
                            '}' => depth -= 1,
                            _ => {}
                        }
                        false
                    })
                    .map_or(group.len(), |(i, _)| i);
                let mut heads = Vec::new();
                let mut depth = 0;
                let mut start = 0;
                for (i, c) in group[..end].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            heads.push(&group[start..i]);
                            start = i + 1;
                        }
                        _ => {}
                    }
                }
                heads.push(&group[start..end]);
                heads
            } else {
                vec![rest]
            };
            for head in heads {
                let name: String = head
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if modules.contains(&name) {
                    found.insert(name);
                }
            }
        }
        found
    }

    /// Each module's code: `src/NAME.rs` or every file under `src/NAME/`.
    fn modules() -> BTreeMap<String, String> {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut code = BTreeMap::new();
        let entries = std::fs::read_dir(&src).expect("src");
        for entry in entries.map(|e| e.expect("entry").path()) {
            let name = entry
                .file_stem()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            if name == "lib" || name == "main" {
                continue;
            }
            let mut text = String::new();
            let mut stack = vec![entry];
            while let Some(path) = stack.pop() {
                if path.is_dir() {
                    stack.extend(
                        std::fs::read_dir(&path)
                            .expect("dir")
                            .map(|e| e.expect("entry").path()),
                    );
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let file = std::fs::read_to_string(&path).expect("read");
                    // A file's tests sit at its end and may use anything.
                    let code = file.split("#[cfg(test)]\nmod ").next().unwrap_or_default();
                    text.push_str(code);
                    text.push('\n');
                }
            }
            code.insert(name, text);
        }
        code
    }

    fn has_cycle(graph: &Graph) -> Option<String> {
        fn visit(
            node: &str,
            graph: &Graph,
            path: &mut Vec<String>,
            done: &mut BTreeSet<String>,
        ) -> bool {
            if path.iter().any(|n| n == node) {
                path.push(node.to_owned());
                return true;
            }
            if done.contains(node) {
                return false;
            }
            path.push(node.to_owned());
            for next in graph.get(node).into_iter().flatten() {
                if visit(next, graph, path, done) {
                    return true;
                }
            }
            path.pop();
            done.insert(node.to_owned());
            false
        }
        let mut done = BTreeSet::new();
        graph.keys().find_map(|start| {
            let mut path = Vec::new();
            visit(start, graph, &mut path, &mut done).then(|| path.join(" → "))
        })
    }

    #[test]
    fn every_module_uses_only_what_the_layers_allow() {
        let allowed = allowed();
        let code = modules();
        let names: BTreeSet<String> = code.keys().cloned().collect();
        let listed: BTreeSet<String> = allowed.keys().cloned().collect();
        assert_eq!(names, listed, "every module, and only those, in the table");
        assert_eq!(has_cycle(&allowed), None, "the allowed graph has a cycle");
        let mut wrong = Vec::new();
        for (module, text) in &code {
            for used in used(text, &names) {
                if used != *module && !allowed[module].contains(&used) {
                    wrong.push(format!("{module} → {used}"));
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "arrows the layers do not allow: {wrong:?}"
        );
    }

    /// What ARCHITECTURE.md says touches no files: the modules on its
    /// "No file I/O" line.
    fn without_files() -> Vec<String> {
        let text = include_str!("../ARCHITECTURE.md");
        let line = text
            .lines()
            .find(|l| l.starts_with("No file I/O:"))
            .expect("a \"No file I/O:\" line");
        line.split('`')
            .skip(1)
            .step_by(2)
            .map(String::from)
            .collect()
    }

    #[test]
    fn the_model_and_the_views_touch_no_files() {
        let code = modules();
        let named = without_files();
        assert!(named.contains(&"ui".to_owned()) && named.contains(&"model".to_owned()));
        for module in named {
            let text = &code[&module];
            for call in [
                "std::fs",
                "fs::",
                "File::",
                "OpenOptions",
                "std::process::Command",
            ] {
                assert!(
                    !text.contains(call),
                    "`{module}` uses {call}: files are reached through the editor core"
                );
            }
        }
    }

    #[test]
    fn the_reader_sees_groups_paths_and_not_comments() {
        let names: BTreeSet<String> = ["ui", "store", "model", "app"]
            .into_iter()
            .map(String::from)
            .collect();
        let code =
            "use crate::{model::{Issue, Field}, store};\n// crate::ui\nlet x = crate::app::go();";
        let found: Vec<String> = used(code, &names).into_iter().collect();
        assert_eq!(found, ["app", "model", "store"]);
        let mut cyclic = Graph::new();
        cyclic.insert("a".into(), ["b".to_owned()].into());
        cyclic.insert("b".into(), ["a".to_owned()].into());
        assert!(has_cycle(&cyclic).is_some());
    }
}
