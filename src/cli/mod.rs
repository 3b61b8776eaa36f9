//! The command line: no arguments opens the editor, a file argument opens
//! that file in it, subcommands work on files without a window.
//!
//! Exit codes: 0 success; 1 the files were read but have problems; 2 a file
//! could not be read or written, or the arguments were wrong.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::{Lang, S, messages};
use crate::model::Issue;
use crate::store;

#[derive(Parser, Debug)]
#[command(
    name = "jianbao",
    version,
    about = "简报 Jianbao: edit, check and export work bulletins"
)]
pub struct Cli {
    /// A draft (.ron) to open in the editor.
    pub file: Option<PathBuf>,

    /// Language of messages: zh or en (default: from JIANBAO_LANG or the locale, else zh).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Load and validate drafts; print each problem with its place.
    /// Exit 0 when all are clean, 1 on problems, 2 when a file cannot be read.
    Check {
        /// Drafts to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a fresh, empty issue dated today.
    New {
        /// Where to write it.
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Self {
        match arg {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// Parses the arguments and runs what they ask for.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang.map_or_else(Lang::from_env, Lang::from);
    match cli.command {
        None => crate::app::run(cli.file, lang),
        Some(Command::Check { files }) => check(&files, lang),
        Some(Command::New { output, force }) => new(&output, force, lang),
    }
}

/// `jianbao check`: 0 clean, 1 problems, 2 unreadable.
pub fn check(files: &[PathBuf], lang: Lang) -> ExitCode {
    let mut worst = 0u8;
    for path in files {
        match store::load(path) {
            Err(error) => {
                eprintln!("{}", error.message(lang));
                worst = 2;
            }
            Ok(issue) => {
                let problems = issue.validate();
                if problems.is_empty() {
                    println!(
                        "{}{}{}",
                        path.display(),
                        messages::sep(lang),
                        S::CheckClean.get(lang)
                    );
                } else {
                    worst = worst.max(1);
                }
                for problem in &problems {
                    println!(
                        "{}{}{}",
                        path.display(),
                        messages::sep(lang),
                        messages::problem_with_place(problem, lang)
                    );
                }
            }
        }
    }
    ExitCode::from(worst)
}

/// `jianbao new -o FILE`.
fn new(output: &Path, force: bool, lang: Lang) -> ExitCode {
    if output.exists() && !force {
        eprintln!("{}", messages::refuse_overwrite(output, lang));
        return ExitCode::from(2);
    }
    let issue = Issue::new(chrono::Local::now().date_naive());
    match store::save(output, &issue) {
        Ok(()) => {
            println!(
                "{}{}{}",
                output.display(),
                messages::sep(lang),
                S::NewWritten.get(lang)
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}", error.message(lang));
            ExitCode::from(2)
        }
    }
}
