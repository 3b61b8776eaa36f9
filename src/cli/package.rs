//! `jianbao --package-files DIR`: the man pages and shell completions the
//! Debian package installs, made from the command-line definition itself so
//! that they never drift from `--help`. `.ci/package` calls it.
//!
//! Writes, under DIR:
//! - `man/man1/jianbao.1`, `jianbao-export.1`, … (English);
//! - `man/zh_CN/man1/…` (the same pages in Chinese);
//! - `completions/jianbao.bash`, `_jianbao` (zsh), `jianbao.fish`, with
//!   the Chinese descriptions, the program's default language.

use std::path::Path;
use std::process::ExitCode;

use clap_complete::Shell;

use super::command_in;
use crate::i18n::{Lang, Wording, messages};

/// Writes the files; a folder that cannot be written is reported by name.
pub fn write(dir: &Path, lang: Lang) -> ExitCode {
    match write_all(dir) {
        Ok(count) => {
            say!("{}", messages::files_to_write(count, lang));
            ExitCode::SUCCESS
        }
        Err((path, error)) => {
            let error = crate::export::ExportError::Write {
                path,
                source: error,
            };
            warn!("{}", error.message(lang));
            ExitCode::from(2)
        }
    }
}

type Failure = (std::path::PathBuf, std::io::Error);

/// Every file, or the first folder or file that failed. Returns how many
/// files were written.
fn write_all(dir: &Path) -> Result<usize, Failure> {
    let mut count = 0;
    for (lang, sub) in [(Lang::En, "man/man1"), (Lang::Zh, "man/zh_CN/man1")] {
        let folder = dir.join(sub);
        create(&folder)?;
        clap_mangen::generate_to(command_in(lang), &folder).map_err(|e| (folder.clone(), e))?;
        count += std::fs::read_dir(&folder)
            .map_err(|e| (folder.clone(), e))?
            .count();
    }
    let folder = dir.join("completions");
    create(&folder)?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        clap_complete::generate_to(shell, &mut command_in(Lang::Zh), "jianbao", &folder)
            .map_err(|e| (folder.clone(), e))?;
        count += 1;
    }
    Ok(count)
}

fn create(folder: &Path) -> Result<(), Failure> {
    std::fs::create_dir_all(folder).map_err(|e| (folder.to_owned(), e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn man_pages_and_completions_follow_the_command_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        let count = write_all(dir.path()).expect("written");
        let read = |path: &str| std::fs::read_to_string(dir.path().join(path)).expect(path);

        // One page per subcommand and one for the program, in each language.
        let subcommands = command_in(Lang::En).get_subcommands().count();
        let pages = std::fs::read_dir(dir.path().join("man/man1"))
            .expect("man1")
            .count();
        assert_eq!(pages, subcommands + 1);
        assert_eq!(count, 2 * pages + 3);

        let export_en = read("man/man1/jianbao-export.1");
        assert!(export_en.contains("bundled"), "{export_en}");
        let export_zh = read("man/zh_CN/man1/jianbao-export.1");
        assert!(export_zh.contains("只用内置字体"), "{export_zh}");

        let bash = read("completions/jianbao.bash");
        assert!(bash.contains("--bundled-fonts") && bash.contains("compile"));
        let zsh = read("completions/_jianbao");
        assert!(zsh.starts_with("#compdef jianbao"));
        let fish = read("completions/jianbao.fish");
        assert!(fish.contains("只用内置字体"), "Chinese descriptions");
        // The hidden options stay out of the manual.
        let top = read("man/man1/jianbao.1");
        assert!(top.contains("jianbao\\-export(1)"), "{top}");
        assert!(!top.contains("package\\-files") && !top.contains("startup\\-probe"));
    }
}
