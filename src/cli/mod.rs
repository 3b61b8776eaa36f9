//! The command line: no arguments opens the editor, a file argument opens
//! that file in it, subcommands work on files without a window.
//!
//! Exit codes: 0 success; 1 the files were read but have problems; 2 a file
//! could not be read or written, or the arguments were wrong.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use std::sync::Arc;

use crate::export::{self, Copies, ExportError, Format, Plan, Target};
use crate::i18n::{Lang, S, messages};
use crate::lint::Rule;
use crate::model::Issue;
use crate::store;
use crate::typeset::{FontSet, Typesetter, serial_text};

/// Prints a line to standard output. A closed pipe (`jianbao lint … | head`)
/// ends the program quietly instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(error) = writeln!(std::io::stdout(), $($arg)*) {
            if error.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
        }
    }};
}

/// Prints a line to standard error; failures to print are ignored.
macro_rules! warn {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod archive;
mod review;

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
    /// Export drafts. With --format, write each format into the folder given
    /// by -o (default: here), named by --name. Without it, -o is the PDF to
    /// write and --png-dir a folder for page images.
    Export {
        /// Drafts to export.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Formats, comma-separated: pdf, docx, html, txt, png.
        #[arg(long, value_delimiter = ',', value_parser = parse_format)]
        format: Vec<Format>,
        /// With --format: the folder to write into. Without: the PDF file.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// A folder for page images, one PNG per page (without --format).
        #[arg(long)]
        png_dir: Option<PathBuf>,
        /// File-name pattern: {name} {year} {number} {total} {date} {copy}.
        #[arg(long, default_value = export::DEFAULT_PATTERN)]
        name: String,
        /// Numbered copies: N copies with serials 000001… top right and
        /// 共印 N 份 in the footer, in one PDF.
        #[arg(long)]
        copies: Option<u32>,
        /// With --copies: one PDF per copy instead of one for all.
        #[arg(long, requires = "copies")]
        copy_per_file: bool,
        /// Pixels per point for page images (1 = 72 dpi, 2 = 144 dpi).
        #[arg(long, default_value_t = export::DEFAULT_PNG_SCALE)]
        scale: f32,
        /// Use only the bundled fonts, not the system's (same output on every machine).
        #[arg(long)]
        bundled_fonts: bool,
    },
    /// Proofread drafts: print every finding with its rule and place. Exit 0
    /// when clean, 1 on findings, 2 when a file cannot be read or saved.
    Lint {
        /// Drafts to proofread.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Apply the safe fixes and save each draft (atomically, keeping
        /// a .bak), then report what is left.
        #[arg(long)]
        fix: bool,
        /// Only these rules (repeatable), e.g. --rule punct.halfwidth.
        #[arg(long = "rule", value_parser = parse_rule)]
        rules: Vec<Rule>,
    },
    /// Import a bulletin from plain text (typed, pasted, or copied out of a
    /// PDF; UTF-8 or GBK) into a draft.
    Import {
        /// The text file.
        file: PathBuf,
        /// The draft to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the draft if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Print each draft's review status, its history, and the comments
    /// not yet resolved. Exit 0, or 2 when a file cannot be read.
    Review {
        /// Drafts to report on.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List or search the issues of an archive folder (and its
    /// subfolders): with --search, the articles that contain WORD, with a
    /// little text around it; otherwise (--list) every issue, then what is
    /// wrong with the numbering. Exit 0, or 2 when DIR is not a folder.
    Archive {
        /// The archive folder.
        dir: PathBuf,
        /// List every issue (the default).
        #[arg(long, conflicts_with = "search")]
        list: bool,
        /// Find articles containing this text.
        #[arg(long, value_name = "WORD")]
        search: Option<String>,
        /// With --search: only units whose name contains this (东城 → 东城区).
        #[arg(long, requires = "search")]
        unit: Option<String>,
        /// With --search: issues dated on or after this day (2021-01-01).
        #[arg(long, requires = "search", value_parser = archive::parse_date)]
        from: Option<chrono::NaiveDate>,
        /// With --search: issues dated on or before this day.
        #[arg(long, requires = "search", value_parser = archive::parse_date)]
        to: Option<chrono::NaiveDate>,
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
        Some(Command::Review { files }) => review::review(&files, lang),
        Some(Command::Archive {
            dir,
            list: _,
            search,
            unit,
            from,
            to,
        }) => {
            let action = match search {
                Some(text) => archive::Action::Search(crate::archive::search::Query {
                    text,
                    unit: unit.unwrap_or_default(),
                    from,
                    to,
                }),
                None => archive::Action::List,
            };
            archive::archive(&dir, action, lang)
        }
        Some(Command::New { output, force }) => new(&output, force, lang),
        Some(Command::Lint { files, fix, rules }) => lint(&files, fix, &rules, lang),
        Some(Command::Import {
            file,
            output,
            force,
        }) => import(&file, &output, force, lang),
        Some(Command::Export {
            files,
            format,
            output,
            png_dir,
            name,
            copies,
            copy_per_file,
            scale,
            bundled_fonts,
        }) => {
            let copies = copies.map(|count| Copies {
                count,
                one_file: !copy_per_file,
            });
            let request = ExportRequest {
                formats: format,
                output,
                png_dir,
                pattern: name,
                copies,
                scale,
            };
            export(&files, &request, bundled_fonts, lang)
        }
    }
}

/// `jianbao check`: 0 clean, 1 problems, 2 unreadable.
pub fn check(files: &[PathBuf], lang: Lang) -> ExitCode {
    let mut worst = 0u8;
    for path in files {
        match store::load(path) {
            Err(error) => {
                warn!("{}", error.message(lang));
                worst = 2;
            }
            Ok(issue) => {
                let problems = issue.validate();
                let lines = problems
                    .iter()
                    .map(|p| messages::problem_with_place(p, lang));
                if !report(path, lines, lang) {
                    worst = worst.max(1);
                }
            }
        }
    }
    ExitCode::from(worst)
}

/// What `jianbao export` was asked for.
struct ExportRequest {
    formats: Vec<Format>,
    output: Option<PathBuf>,
    png_dir: Option<PathBuf>,
    pattern: String,
    copies: Option<Copies>,
    scale: f32,
}

impl ExportRequest {
    /// The files to write for one draft, or why the arguments do not work.
    fn targets(
        &self,
        file: &Path,
        issue: &Issue,
        several: bool,
        lang: Lang,
    ) -> Result<Vec<Target>, String> {
        if !self.formats.is_empty() {
            let plan = Plan {
                formats: self.formats.clone(),
                folder: self.output.clone().unwrap_or_else(|| PathBuf::from(".")),
                pattern: self.pattern.clone(),
                copies: self.copies,
                png_scale: self.scale,
            };
            return Ok(plan.targets(issue));
        }
        if several {
            return Err(S::ExportSeveralNeedsFormat.get(lang).to_owned());
        }
        let mut targets = Vec::new();
        if let Some(pdf) = &self.output {
            let stem = pdf
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            targets.extend(export::pdf_targets(self.copies, |copy| match copy {
                Some(serial) => pdf.with_file_name(format!("{stem}-{}.pdf", serial_text(serial))),
                None => pdf.clone(),
            }));
        }
        if let Some(dir) = &self.png_dir {
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            targets.push(Target {
                format: Format::Png,
                path: dir.join(format!("{stem}-01.png")),
                copies: Vec::new(),
                print_count: None,
                png_scale: self.scale,
            });
        }
        if targets.is_empty() {
            return Err(S::ExportNeedsOutput.get(lang).to_owned());
        }
        Ok(targets)
    }
}

/// `jianbao export`: 0 when everything was written, 2 on any failure.
fn export(files: &[PathBuf], request: &ExportRequest, bundled_fonts: bool, lang: Lang) -> ExitCode {
    let fonts = if bundled_fonts {
        FontSet::bundled()
    } else {
        FontSet::with_system()
    };
    let mut typesetter = Typesetter::new(Arc::new(fonts));
    let mut failed = false;
    for file in files {
        let issue = match store::load(file) {
            Ok(issue) => issue,
            Err(error) => {
                warn!("{}", error.message(lang));
                failed = true;
                continue;
            }
        };
        if !issue.review.status.is_cleared() {
            warn!(
                "{}",
                messages::with_file(
                    file,
                    &messages::export_unapproved_note(issue.review.status, lang),
                    lang
                )
            );
        }
        let targets = match request.targets(file, &issue, files.len() > 1, lang) {
            Ok(targets) => targets,
            Err(message) => {
                warn!("{message}");
                return ExitCode::from(2);
            }
        };
        let folders: std::collections::BTreeSet<&Path> =
            targets.iter().filter_map(|t| t.path.parent()).collect();
        for folder in folders.into_iter().filter(|f| !f.as_os_str().is_empty()) {
            if let Err(source) = std::fs::create_dir_all(folder) {
                let error = ExportError::Write {
                    path: folder.to_owned(),
                    source,
                };
                warn!("{}", error.message(lang));
                return ExitCode::from(2);
            }
        }
        match export::run(&mut typesetter, &issue, &targets, &mut |_, _| {}) {
            Ok(written) => {
                for path in written {
                    say!("{}", messages::exported(&path, lang));
                }
            }
            Err(error) => {
                warn!("{}", messages::with_file(file, &error.message(lang), lang));
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name)
        .ok_or_else(|| format!("unknown format “{name}” (pdf, docx, html, txt, png)"))
}

/// `jianbao lint`: 0 clean, 1 findings, 2 unreadable or unsaved.
fn lint(files: &[PathBuf], fix: bool, rules: &[Rule], lang: Lang) -> ExitCode {
    let fonts = FontSet::with_system();
    let covers = |c: char| fonts.covers(c);
    let cx = crate::lint::Context {
        today: chrono::Local::now().date_naive(),
        covers: &covers,
    };
    let wanted = |f: &crate::lint::Finding| rules.is_empty() || rules.contains(&f.rule);
    let mut worst = 0u8;
    for path in files {
        let mut issue = match store::load(path) {
            Ok(issue) => issue,
            Err(error) => {
                warn!("{}", error.message(lang));
                worst = 2;
                continue;
            }
        };
        if fix {
            let fixed = crate::lint::fix_all(&mut issue, &cx, &wanted);
            if fixed > 0 {
                if let Err(error) = store::save(path, &issue) {
                    warn!("{}", error.message(lang));
                    worst = 2;
                    continue;
                }
                say!(
                    "{}",
                    messages::with_file(path, &messages::fixed(fixed, lang), lang)
                );
            }
        }
        let findings = crate::lint::lint(&issue, &cx)
            .into_iter()
            .filter(|f| wanted(f));
        let lines = findings.map(|f| messages::finding_with_place(&f, lang));
        if !report(path, lines, lang) {
            worst = worst.max(1);
        }
    }
    ExitCode::from(worst)
}

/// Prints what was found in a file, a line each, or that it is clean.
/// Returns whether it was clean.
fn report(path: &Path, found: impl Iterator<Item = String>, lang: Lang) -> bool {
    let mut clean = true;
    for line in found {
        clean = false;
        say!("{}", messages::with_file(path, &line, lang));
    }
    if clean {
        say!(
            "{}",
            messages::with_file(path, S::CheckClean.get(lang), lang)
        );
    }
    clean
}

fn parse_rule(id: &str) -> Result<Rule, String> {
    Rule::from_id(id).ok_or_else(|| {
        let known: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        format!("unknown rule “{id}” (rules: {})", known.join(", "))
    })
}

/// `jianbao import FILE -o DRAFT`.
fn import(file: &Path, output: &Path, force: bool, lang: Lang) -> ExitCode {
    if output.exists() && !force {
        warn!("{}", messages::refuse_overwrite(output, lang));
        return ExitCode::from(2);
    }
    let bytes = match store::read_bounded(file) {
        Ok(bytes) => bytes,
        Err(error) => {
            warn!("{}", error.message(lang));
            return ExitCode::from(2);
        }
    };
    let text = crate::import::decode_text(&bytes);
    let issue = match crate::import::bulletin_from_text(&text) {
        Ok(issue) => issue,
        Err(error) => {
            warn!("{}", messages::with_file(file, &error.message(lang), lang));
            return ExitCode::from(2);
        }
    };
    match store::save(output, &issue) {
        Ok(()) => {
            say!("{}", messages::imported(&issue, output, lang));
            ExitCode::SUCCESS
        }
        Err(error) => {
            warn!("{}", error.message(lang));
            ExitCode::from(2)
        }
    }
}

/// `jianbao new -o FILE`.
fn new(output: &Path, force: bool, lang: Lang) -> ExitCode {
    if output.exists() && !force {
        warn!("{}", messages::refuse_overwrite(output, lang));
        return ExitCode::from(2);
    }
    let issue = Issue::new(chrono::Local::now().date_naive());
    match store::save(output, &issue) {
        Ok(()) => {
            say!(
                "{}",
                messages::with_file(output, S::NewWritten.get(lang), lang)
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            warn!("{}", error.message(lang));
            ExitCode::from(2)
        }
    }
}
