//! The command line: no arguments opens the editor, a file argument opens
//! that file in it, subcommands work on files without a window.
//!
//! Exit codes: 0 success; 1 the files were read but have problems; 2 a file
//! could not be read or written, or the arguments were wrong.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use std::sync::Arc;

use crate::export::{self, ExportError};
use crate::i18n::{Lang, S, messages};
use crate::model::Issue;
use crate::store;
use crate::typeset::{FontSet, Typesetter};

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

    /// Open the editor, print the time to its first frame, and quit.
    #[arg(long, hide = true)]
    pub startup_probe: bool,

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
    /// Typeset a draft and write it as a PDF (-o OUT.pdf) and/or one PNG per
    /// page (--png-dir DIR).
    Export {
        /// The draft to export.
        file: PathBuf,
        /// The PDF to write.
        #[arg(short, long, required_unless_present = "png_dir")]
        output: Option<PathBuf>,
        /// A folder for page images, one PNG per page.
        #[arg(long)]
        png_dir: Option<PathBuf>,
        /// Pixels per point for page images (1 = 72 dpi, 2 = 144 dpi).
        #[arg(long, default_value_t = crate::export::DEFAULT_PNG_SCALE)]
        scale: f32,
        /// Use only the bundled fonts, not the system's (same output on every machine).
        #[arg(long)]
        bundled_fonts: bool,
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
    let started = std::time::Instant::now();
    let cli = Cli::parse();
    let lang = cli.lang.map_or_else(Lang::from_env, Lang::from);
    match cli.command {
        None => {
            let mut options = crate::ui::Options::native(cli.file, cli.lang.map(Lang::from));
            if cli.startup_probe {
                options.startup_probe = Some(started);
            }
            crate::ui::run(options)
        }
        Some(Command::Check { files }) => check(&files, lang),
        Some(Command::New { output, force }) => new(&output, force, lang),
        Some(Command::Export {
            file,
            output,
            png_dir,
            scale,
            bundled_fonts,
        }) => export(
            &file,
            output.as_deref(),
            png_dir.as_deref(),
            scale,
            bundled_fonts,
            lang,
        ),
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

/// `jianbao export`: 0 written, 2 on any failure (nothing half-written).
fn export(
    file: &Path,
    pdf: Option<&Path>,
    png_dir: Option<&Path>,
    scale: f32,
    bundled_fonts: bool,
    lang: Lang,
) -> ExitCode {
    let issue = match store::load(file) {
        Ok(issue) => issue,
        Err(error) => {
            eprintln!("{}", error.message(lang));
            return ExitCode::from(2);
        }
    };
    let fonts = if bundled_fonts {
        FontSet::bundled()
    } else {
        FontSet::with_system()
    };
    let mut typesetter = Typesetter::new(Arc::new(fonts));
    let document = match typesetter.compile(&issue) {
        Ok(document) => document,
        Err(error) => {
            eprintln!(
                "{}{}{}",
                file.display(),
                messages::sep(lang),
                error.message(lang)
            );
            return ExitCode::from(2);
        }
    };
    let mut written = Vec::new();
    let mut result = Ok(());
    if let Some(path) = pdf {
        result = export::pdf(&document, path).map(|()| written.push(path.to_owned()));
    }
    if let (Ok(()), Some(dir)) = (&result, png_dir) {
        let stem = file
            .file_stem()
            .map_or("page".into(), |s| s.to_string_lossy());
        result = std::fs::create_dir_all(dir)
            .map_err(|source| ExportError::Write {
                path: dir.to_owned(),
                source,
            })
            .and_then(|()| export::png_pages(&document, dir, &stem, scale))
            .map(|pages| written.extend(pages));
    }
    for path in &written {
        println!("{}", messages::exported(path, lang));
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", error.message(lang));
            ExitCode::from(2)
        }
    }
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
