//! The command line: no arguments opens the editor, a file argument opens
//! that file in it, subcommands work on files without a window.
//!
//! Exit codes: 0 success; 1 the files were read but have problems; 2 a file
//! could not be read or written, or the arguments were wrong.
//!
//! This file parses the arguments; each subcommand lives in its own module:
//! `check` (check, lint), `export`, `draft` (new, import), `review`,
//! `archive`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::export::{Copies, DEFAULT_PATTERN, DEFAULT_PNG_SCALE, Format};
use crate::i18n::Lang;
use crate::lint::Rule;

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
mod check;
mod compile;
mod draft;
mod export;
mod package;
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

    /// Print when each new set of pages is on screen (benches/window-latency.sh).
    #[arg(long, hide = true)]
    pub latency_probe: bool,

    /// Write the package's man pages and shell completions into DIR.
    #[arg(long, hide = true, value_name = "DIR")]
    pub package_files: Option<PathBuf>,

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
        #[arg(long, value_delimiter = ',', value_parser = export::parse_format)]
        format: Vec<Format>,
        /// With --format: the folder to write into. Without: the PDF file.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// A folder for page images, one PNG per page (without --format).
        #[arg(long)]
        png_dir: Option<PathBuf>,
        /// File-name pattern: {name} {year} {number} {total} {date} {copy},
        /// and {file} for the draft's own file name.
        #[arg(long, default_value = DEFAULT_PATTERN)]
        name: String,
        /// Replace export files that already exist (a draft, its backup or
        /// its lock is never replaced).
        #[arg(long)]
        force: bool,
        /// Numbered copies: N copies with serials 000001… top right and
        /// 共印 N 份 in the footer, in one PDF.
        #[arg(long)]
        copies: Option<u32>,
        /// With --copies: one PDF per copy instead of one for all.
        #[arg(long, requires = "copies")]
        copy_per_file: bool,
        /// Pixels per point for page images (1 = 72 dpi, 2 = 144 dpi).
        #[arg(long, default_value_t = DEFAULT_PNG_SCALE)]
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
        #[arg(long = "rule", value_parser = check::parse_rule)]
        rules: Vec<Rule>,
        /// A folder of past issues: paragraphs that largely repeat one
        /// printed before are reported (copy.repeated).
        #[arg(long, value_name = "DIR")]
        archive: Option<PathBuf>,
    },
    /// Import a bulletin from plain text (typed, pasted, or copied out of a
    /// PDF; UTF-8 or GBK) into a draft; or, with --into, add one article
    /// (a Word or text file, its photos and tables too) to a draft.
    Import {
        /// The text file (with --into: one article's Word or text file).
        file: PathBuf,
        /// The draft to write.
        #[arg(short, long, required_unless_present = "into")]
        output: Option<PathBuf>,
        /// Add the file as one article to this draft (through the guarded
        /// save).
        #[arg(long, value_name = "DRAFT", conflicts_with_all = ["output", "profile", "force"])]
        into: Option<PathBuf>,
        /// The section to add it to, from 1 (default: the last).
        #[arg(long, value_name = "N", requires = "into")]
        section: Option<usize>,
        /// The bulletin profile of the series: its units name the
        /// articles' units, and the draft takes its series and style.
        #[arg(long, value_name = "FILE")]
        profile: Option<PathBuf>,
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
        /// Units with no article in the latest N issues, most overdue
        /// first, and a reminder to send them (催稿).
        #[arg(long, value_name = "N", conflicts_with_all = ["search", "overdue_months", "figures"])]
        overdue: Option<usize>,
        /// Units with no article in the last M months, and the reminder.
        #[arg(long, value_name = "M", conflicts_with_all = ["search", "figures"])]
        overdue_months: Option<u32>,
        /// A year's figures per unit (articles, characters, issues) as CSV.
        #[arg(long, value_name = "YEAR", conflicts_with = "search")]
        figures: Option<i32>,
        /// With --figures: the CSV file to write (else it is printed).
        #[arg(short, long, requires = "figures")]
        output: Option<PathBuf>,
    },
    /// Bind a year's issues into one volume (合订本): a cover, the 目录
    /// with page numbers, every issue in order with page numbers running
    /// on, and an index of units. Gaps in the numbering and drafts not yet
    /// issued are pointed out first.
    Compile {
        /// The archive folder.
        dir: PathBuf,
        /// The year to bind.
        #[arg(long, required_unless_present_any = ["from", "to"])]
        year: Option<i32>,
        /// Issues dated on or after this day (2021-01-01).
        #[arg(long, value_parser = archive::parse_date)]
        from: Option<chrono::NaiveDate>,
        /// Issues dated on or before this day.
        #[arg(long, value_parser = archive::parse_date)]
        to: Option<chrono::NaiveDate>,
        /// Only these 期号, e.g. 1-20.
        #[arg(long, value_name = "A-B", value_parser = compile::parse_numbers)]
        numbers: Option<std::ops::RangeInclusive<u32>>,
        /// The PDF to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Only issues whose status is 已签发 (issued).
        #[arg(long)]
        issued_only: bool,
        /// Use only the bundled fonts, not the system's.
        #[arg(long)]
        bundled_fonts: bool,
    },
    /// Write a fresh, empty issue dated today; with --profile, an issue of
    /// that series with every default filled in, numbered after the drafts
    /// in the profile's folder.
    New {
        /// Where to write it.
        #[arg(short, long)]
        output: PathBuf,
        /// A bulletin profile (NAME.profile.ron).
        #[arg(long, value_name = "FILE")]
        profile: Option<PathBuf>,
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

/// The language the arguments ask for (`--lang en`, `--lang=zh`), else
/// the environment's: read before parsing, so that `--help` and clap's own
/// errors speak it.
fn lang_asked(args: impl IntoIterator<Item = std::ffi::OsString>) -> Lang {
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let value = args
        .iter()
        .enumerate()
        .find_map(|(i, arg)| match arg.strip_prefix("--lang") {
            Some("") => args.get(i + 1).cloned(),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        });
    match value.as_deref() {
        Some("en") => Lang::En,
        Some("zh") => Lang::Zh,
        _ => Lang::from_env(),
    }
}

/// The command-line definition with its help in `lang`.
pub fn command_in(lang: Lang) -> clap::Command {
    use clap::CommandFactory;
    let mut command = Cli::command();
    if lang == Lang::Zh {
        command = chinese_flags(chinese_headings(command));
        for &(sub, arg, help) in crate::i18n::cli::CLI_ZH {
            if sub.is_empty() && (arg == "help" || arg == "version") {
                continue;
            }
            command = if sub.is_empty() {
                worded(command, arg, help)
            } else {
                command.mut_subcommand(sub, |c| worded(c, arg, help))
            };
        }
    }
    command
}

/// clap's headings (Usage, Arguments, Options, Commands) in Chinese, for
/// the command and each subcommand: a template per command, with only the
/// parts it has.
fn chinese_headings(command: clap::Command) -> clap::Command {
    let mut template = String::from("{about-with-newline}\n用法：{usage}\n");
    if command.get_positionals().next().is_some() {
        template.push_str("\n参数：\n{positionals}\n");
    }
    template.push_str("\n选项：\n{options}\n");
    if command.has_subcommands() {
        template.push_str("\n命令：\n{subcommands}\n");
    }
    command
        .help_template(template)
        .mut_subcommands(chinese_headings)
}

/// clap's own --help and --version, worded: they exist only once clap
/// builds the command (and wording them then breaks its parsing), so they
/// are replaced by flags of the same names and actions.
fn chinese_flags(command: clap::Command) -> clap::Command {
    use clap::{Arg, ArgAction};
    let text = |id: &str| {
        crate::i18n::cli::CLI_ZH
            .iter()
            .find(|(sub, arg, _)| sub.is_empty() && *arg == id)
            .map_or("", |(_, _, text)| *text)
    };
    command
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(true)
                .help(text("help")),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(text("version")),
        )
}

/// `help` laid over argument `arg` of `command`, or over its description.
fn worded(command: clap::Command, arg: &str, help: &'static str) -> clap::Command {
    if arg.is_empty() {
        command.about(help)
    } else {
        command.mut_arg(arg, |a| a.help(help))
    }
}

/// The fonts to typeset with: only the bundled ones (`--bundled-fonts`),
/// else the bundled and the system's. Bundled fonts that cannot be read
/// end the command when they were asked for alone, else are warned about.
fn font_set(bundled_only: bool, lang: Lang) -> Result<crate::typeset::FontSet, ExitCode> {
    use crate::typeset::FontSet;
    let fonts = if bundled_only {
        FontSet::bundled()
    } else {
        FontSet::with_system()
    };
    if let Some(missing) = fonts.bundled_missing() {
        warn!("{}", crate::i18n::messages::fonts_missing(missing, lang));
        if bundled_only {
            return Err(ExitCode::from(2));
        }
    }
    Ok(fonts)
}

fn parse_in(lang: Lang) -> Cli {
    use clap::FromArgMatches;
    let matches = command_in(lang).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit())
}

/// Parses the arguments and runs what they ask for.
pub fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let cli = parse_in(lang_asked(std::env::args_os()));
    let lang = cli.lang.map_or_else(Lang::from_env, Lang::from);
    if let Some(dir) = &cli.package_files {
        return package::write(dir, lang);
    }
    match cli.command {
        None => {
            let mut options = crate::ui::Options::native(cli.file, cli.lang.map(Lang::from));
            options.latency_probe = cli.latency_probe;
            if cli.startup_probe {
                options.startup_probe = Some(started);
            }
            crate::ui::run(options)
        }
        Some(Command::Check { files }) => check::check(&files, lang),
        Some(Command::Review { files }) => review::review(&files, lang),
        Some(Command::Archive {
            dir,
            list: _,
            search,
            unit,
            from,
            to,
            overdue,
            overdue_months,
            figures,
            output,
        }) => {
            use crate::archive::chase::Window;
            let today = chrono::Local::now().date_naive();
            let action = match (search, overdue, overdue_months, figures) {
                (Some(text), ..) => archive::Action::Search(crate::archive::search::Query {
                    text,
                    unit: unit.unwrap_or_default(),
                    from,
                    to,
                }),
                (_, Some(n), ..) => archive::Action::Overdue(Window::Issues(n)),
                (_, _, Some(m), _) => archive::Action::Overdue(Window::Months(m, today)),
                (_, _, _, Some(year)) => archive::Action::Figures { year, output },
                _ => archive::Action::List,
            };
            archive::archive(&dir, action, lang)
        }
        Some(Command::New {
            output,
            profile,
            force,
        }) => draft::new(&output, profile.as_deref(), force, lang),
        Some(Command::Compile {
            dir,
            year,
            from,
            to,
            numbers,
            output,
            issued_only,
            bundled_fonts,
        }) => {
            let span = crate::archive::volume::Span {
                year,
                from,
                to,
                numbers,
                issued_only,
            };
            let choice = compile::Choice {
                span,
                bundled_fonts,
            };
            compile::compile(&dir, &choice, &output, lang)
        }
        Some(Command::Lint {
            files,
            fix,
            rules,
            archive,
        }) => check::lint(&files, fix, &rules, archive.as_deref(), lang),
        Some(Command::Import {
            file,
            into: Some(into),
            section,
            ..
        }) => draft::import_article(&file, &into, section, lang),
        Some(Command::Import {
            file,
            output: Some(output),
            profile,
            force,
            ..
        }) => draft::import(&file, &output, profile.as_deref(), force, lang),
        // clap requires one of the two.
        Some(Command::Import { .. }) => ExitCode::from(2),
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
            force,
        }) => {
            let copies = copies.map(|count| Copies {
                count,
                one_file: !copy_per_file,
            });
            let request = export::ExportRequest {
                formats: format,
                output,
                png_dir,
                pattern: name,
                copies,
                scale,
                force,
            };
            export::export(&files, &request, bundled_fonts, lang)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn help_of(lang: Lang, sub: Option<&str>) -> String {
        let mut command = command_in(lang);
        command.build();
        match sub {
            Some(name) => command
                .find_subcommand_mut(name)
                .expect("a subcommand")
                .render_help()
                .to_string(),
            None => command.render_help().to_string(),
        }
    }

    #[test]
    fn help_speaks_chinese_when_asked_and_english_when_asked() {
        let zh = help_of(Lang::Zh, Some("export"));
        assert!(zh.contains("用法：") && zh.contains("选项："), "{zh}");
        assert!(zh.contains("只用内置字体"), "{zh}");
        assert!(!zh.contains("Use only the bundled fonts"), "{zh}");
        let en = help_of(Lang::En, Some("export"));
        assert!(en.contains("Use only the bundled fonts"), "{en}");
        let top = help_of(Lang::Zh, None);
        assert!(top.contains("命令：") && top.contains("校对稿件"), "{top}");
    }

    /// Every entry names a real command or argument, and every command and
    /// argument a user can type has Chinese words.
    #[test]
    fn the_chinese_table_covers_the_command_line_exactly() {
        let mut command = Cli::command();
        command.build();
        let mut wanted = std::collections::BTreeSet::new();
        let mut commands = vec![("".to_owned(), &command)];
        // clap's own `help` subcommand (made at build) keeps its words.
        commands.extend(
            command
                .get_subcommands()
                .filter(|c| c.get_name() != "help")
                .map(|c| (c.get_name().to_owned(), c)),
        );
        for (sub, c) in commands {
            if !sub.is_empty() {
                wanted.insert((sub.clone(), String::new()));
            }
            for arg in c.get_arguments().filter(|a| !a.is_hide_set()) {
                if !sub.is_empty() && ["help", "version", "lang"].contains(&arg.get_id().as_str()) {
                    continue; // the top level's, inherited
                }
                wanted.insert((sub.clone(), arg.get_id().to_string()));
            }
        }
        wanted.insert((String::new(), String::new()));
        let listed: std::collections::BTreeSet<(String, String)> = crate::i18n::cli::CLI_ZH
            .iter()
            .map(|(s, a, _)| (s.to_string(), a.to_string()))
            .collect();
        assert_eq!(listed, wanted);
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        let args = |a: &[&str]| a.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_asked(args(&["jianbao", "--lang", "en", "--help"])),
            Lang::En
        );
        assert_eq!(
            lang_asked(args(&["jianbao", "check", "--lang=zh"])),
            Lang::Zh
        );
    }
}
