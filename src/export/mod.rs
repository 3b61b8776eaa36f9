//! Finished issues leave the office as files: PDF and page images from the
//! typesetter (exactly the preview's pages), Word, HTML and plain text
//! straight from the model.
//!
//! An export is planned first — which files, named how, from a pattern
//! such as `{name}-{year}-{number}` — so that the user can be warned about
//! files it would replace, and then run target by target with progress.

mod docx;
mod html;
mod text;

pub use docx::{DocxError, to_docx};
pub use html::to_html;
pub use text::to_text;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Issue;
use crate::store::{file_identity, write_atomically};
use crate::typeset::{Document, PrintOptions, TypesetError, Typesetter, serial_text};

/// Page images are rendered at 2 pixels per point (144 dpi) unless asked.
pub const DEFAULT_PNG_SCALE: f32 = 2.0;

/// The default file-name pattern.
pub const DEFAULT_PATTERN: &str = "{name}-{year}-{number}";

/// What an issue can be exported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Format {
    Pdf,
    Docx,
    Html,
    Txt,
    Png,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Pdf,
        Format::Docx,
        Format::Html,
        Format::Txt,
        Format::Png,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Txt => "txt",
            Format::Png => "png",
        }
    }

    /// `pdf`, `docx`, … (as on the command line), case-insensitive.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.extension().eq_ignore_ascii_case(name.trim()))
    }
}

/// Numbered copies of a controlled issue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Copies {
    pub count: u32,
    /// One PDF holding every copy, or one PDF per copy.
    pub one_file: bool,
}

/// What to export, where, named how.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub formats: Vec<Format>,
    pub folder: PathBuf,
    /// File name without extension; see [`expand_pattern`].
    pub pattern: String,
    /// Numbered copies (PDF only).
    pub copies: Option<Copies>,
    pub png_scale: f32,
}

/// One file (or, for page images, one series of files) to write.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub format: Format,
    /// The file; for page images, the first page's file (`…-01.png`).
    pub path: PathBuf,
    /// Copy serials to lay out (PDF).
    pub copies: Vec<u32>,
    /// Print count to show instead of the issue's (numbered copies).
    pub print_count: Option<u32>,
    pub png_scale: f32,
}

impl Target {
    /// A single PDF, as File → Export PDF writes.
    pub fn pdf(path: PathBuf) -> Self {
        Self {
            format: Format::Pdf,
            path,
            copies: Vec::new(),
            print_count: None,
            png_scale: DEFAULT_PNG_SCALE,
        }
    }
}

/// The PDFs to write for `copies`: without copies, one plain PDF at
/// `path(None)`; numbered copies all in one PDF at `path(None)`, or each
/// in its own at `path(Some(serial))`. Each carries the print count.
pub fn pdf_targets(copies: Option<Copies>, path: impl Fn(Option<u32>) -> PathBuf) -> Vec<Target> {
    let numbered = |path: PathBuf, serials: Vec<u32>, count: u32| Target {
        copies: serials,
        print_count: Some(count),
        ..Target::pdf(path)
    };
    match copies {
        None => vec![Target::pdf(path(None))],
        Some(Copies {
            count,
            one_file: true,
        }) => vec![numbered(path(None), (1..=count).collect(), count)],
        Some(Copies {
            count,
            one_file: false,
        }) => (1..=count)
            .map(|serial| numbered(path(Some(serial)), vec![serial], count))
            .collect(),
    }
}

impl Plan {
    /// The files this plan will write, in order.
    pub fn targets(&self, issue: &Issue) -> Vec<Target> {
        let stem = |copy: Option<u32>| expand_pattern(&self.pattern, issue, copy);
        let target = |format: Format, name: String| Target {
            format,
            path: self.folder.join(format!("{name}.{}", format.extension())),
            copies: Vec::new(),
            print_count: None,
            png_scale: self.png_scale,
        };
        let mut targets = Vec::new();
        for &format in &self.formats {
            match format {
                Format::Pdf => targets.extend(pdf_targets(self.copies, |copy| {
                    let name = match copy {
                        Some(serial) if !self.pattern.contains("{copy}") => {
                            format!("{}-{}", stem(None), serial_text(serial))
                        }
                        copy => stem(copy),
                    };
                    self.folder.join(format!("{name}.pdf"))
                })),
                Format::Png => targets.push(target(format, format!("{}-01", stem(None)))),
                _ => targets.push(target(format, stem(None))),
            }
        }
        targets
    }
}

/// Why a set of targets must not be written.
#[derive(Clone, Debug, PartialEq)]
pub enum TargetProblem {
    /// The target is a draft, or a draft's backup, lock or recovery file:
    /// an export never writes over one.
    Draft { target: PathBuf },
    /// Two targets of one batch have the same file name: the second would
    /// replace the first.
    Clash { target: PathBuf },
    /// These files exist; they are replaced only when the user agreed
    /// (`--force`, or the editor's warning).
    Exist(Vec<PathBuf>),
}

/// Checks targets before anything is written: none may be one of the
/// `protected` files (the drafts being read or open, their companions —
/// see [`crate::store::companions`] — and recovery files) or any existing
/// draft; no two may name the same file; existing files are reported
/// unless `replace_existing`.
pub fn check_targets(
    targets: &[Target],
    protected: &[PathBuf],
    replace_existing: bool,
) -> Result<(), TargetProblem> {
    let protected: Vec<PathBuf> = protected.iter().map(|p| file_identity(p)).collect();
    let mut seen = std::collections::HashSet::new();
    for target in targets {
        let id = file_identity(&target.path);
        if protected.contains(&id) || is_draft_file(&target.path) {
            return Err(TargetProblem::Draft {
                target: target.path.clone(),
            });
        }
        if !seen.insert(id) {
            return Err(TargetProblem::Clash {
                target: target.path.clone(),
            });
        }
    }
    if replace_existing {
        return Ok(());
    }
    let exist = existing(targets);
    if exist.is_empty() {
        Ok(())
    } else {
        Err(TargetProblem::Exist(exist))
    }
}

/// Whether an existing file is a Jianbao draft or recovery file (RON that
/// names a `schema` or an `issue` near its start).
fn is_draft_file(path: &Path) -> bool {
    use std::io::Read;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut head = Vec::new();
    if file.take(512).read_to_end(&mut head).is_err() {
        return false;
    }
    let head = String::from_utf8_lossy(&head);
    let head = head.trim_start_matches('\u{FEFF}').trim_start();
    head.starts_with('(') && (head.contains("schema:") || head.contains("issue:"))
}

/// Files that exporting these targets would replace (page images: any
/// existing image of the series).
pub fn existing(targets: &[Target]) -> Vec<PathBuf> {
    targets
        .iter()
        .flat_map(|t| match t.format {
            Format::Png => png_series(&t.path),
            _ => t
                .path
                .exists()
                .then(|| t.path.clone())
                .into_iter()
                .collect(),
        })
        .collect()
}

/// The existing page images of the series that starts at `first`.
fn png_series(first: &Path) -> Vec<PathBuf> {
    let Some(stem) = png_stem(first) else {
        return Vec::new();
    };
    let folder = first.parent().unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let prefix = format!("{stem}-");
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.strip_prefix(&prefix)
                    .and_then(|rest| rest.strip_suffix(".png"))
                    .is_some_and(|digits| {
                        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
                    })
            })
        })
        .collect();
    found.sort();
    found
}

/// `…/name-01.png` → `name`.
fn png_stem(first: &Path) -> Option<String> {
    let name = first.file_stem()?.to_str()?;
    Some(name.strip_suffix("-01")?.to_owned())
}

/// Fills in a file-name pattern: `{name}` the bulletin's name, `{year}`,
/// `{date}` (2021-02-25), `{number}` the 期号 (增刊 prefixed for a
/// supplement), `{total}` the 总期号, `{copy}` the copy serial. Characters
/// no file system allows become `_`; an empty result becomes 简报.
pub fn expand_pattern(pattern: &str, issue: &Issue, copy: Option<u32>) -> String {
    let m = &issue.masthead;
    let number = m.number.map(|n| n.to_string()).unwrap_or_default();
    let number = if m.supplement {
        format!("增刊{number}")
    } else {
        number
    };
    let name = pattern
        .replace("{name}", m.name.trim())
        .replace(
            "{year}",
            &m.date
                .map(|d| chrono::Datelike::year(&d).to_string())
                .unwrap_or_default(),
        )
        .replace(
            "{date}",
            &m.date
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
        )
        .replace("{number}", &number)
        .replace(
            "{total}",
            &m.total_number.map(|n| n.to_string()).unwrap_or_default(),
        )
        .replace("{copy}", &copy.map(serial_text).unwrap_or_default());
    let clean: String = name
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim().trim_matches('.').to_owned();
    if clean.is_empty() {
        "简报".to_owned()
    } else {
        clean
    }
}

#[derive(Debug)]
pub enum ExportError {
    Typeset(TypesetError),
    /// Building a Word file failed (a bug, not a user error).
    Docx(docx::DocxError),
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl From<TypesetError> for ExportError {
    fn from(error: TypesetError) -> Self {
        ExportError::Typeset(error)
    }
}

/// Technical; the user's wording is chosen above (`i18n::Wording`).
impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "export failed: {self:?}")
    }
}

impl std::error::Error for ExportError {}

fn write(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    match write_atomically(path, bytes) {
        Err(error) if !error.replaced() => Err(ExportError::Write {
            path: path.to_owned(),
            source: error.into_io(),
        }),
        // In place: only the folder flush failed, as for any other program.
        _ => Ok(()),
    }
}

/// Writes every target, calling `progress(done, total)` after each.
/// Returns the files written. Stops at the first failure; files already
/// written stay (each one whole).
pub fn run(
    typesetter: &mut Typesetter,
    issue: &Issue,
    targets: &[Target],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<PathBuf>, ExportError> {
    let mut written = Vec::new();
    for (done, target) in targets.iter().enumerate() {
        match target.format {
            Format::Pdf => {
                let options = PrintOptions {
                    copies: target.copies.clone(),
                    print_count: target.print_count,
                    prefix: false,
                };
                let document = typesetter.compile_with(issue, &options)?;
                pdf(&document, &target.path)?;
                written.push(target.path.clone());
            }
            Format::Png => {
                let document = typesetter.compile_with(issue, &PrintOptions::default())?;
                let stem = png_stem(&target.path).unwrap_or_else(|| "page".to_owned());
                let folder = target.path.parent().unwrap_or(Path::new("."));
                written.extend(png_pages(&document, folder, &stem, target.png_scale)?);
            }
            Format::Docx => {
                write(&target.path, &to_docx(issue).map_err(ExportError::Docx)?)?;
                written.push(target.path.clone());
            }
            Format::Html => {
                write(&target.path, to_html(issue).as_bytes())?;
                written.push(target.path.clone());
            }
            Format::Txt => {
                write(&target.path, to_text(issue).as_bytes())?;
                written.push(target.path.clone());
            }
        }
        progress(done + 1, targets.len());
    }
    Ok(written)
}

/// Writes a typeset issue as a PDF at `path`.
pub fn pdf(document: &Document, path: &Path) -> Result<(), ExportError> {
    write(path, &document.pdf()?)
}

/// Writes one PNG per page into `dir` as `{stem}-{page}.png` (pages from 1,
/// zero-padded so the files sort in page order). Returns the files written.
pub fn png_pages(
    document: &Document,
    dir: &Path,
    stem: &str,
    pixels_per_point: f32,
) -> Result<Vec<PathBuf>, ExportError> {
    let count = document.page_count();
    let width = count.to_string().len().max(2);
    let mut written = Vec::with_capacity(count);
    for index in 0..count {
        let pixmap = document.render_page(index, pixels_per_point)?;
        let png = pixmap.encode_png().map_err(|e| {
            TypesetError::Internal(format!("PNG encoding of page {}: {e}", index + 1))
        })?;
        let path = dir.join(format!("{stem}-{:0width$}.png", index + 1));
        write(&path, &png)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(formats: Vec<Format>, copies: Option<Copies>) -> Plan {
        Plan {
            formats,
            folder: PathBuf::from("/导出"),
            pattern: DEFAULT_PATTERN.to_owned(),
            copies,
            png_scale: 1.0,
        }
    }

    #[test]
    fn patterns_name_files_after_the_issue() {
        let mut issue = crate::sample::issue();
        assert_eq!(
            expand_pattern(DEFAULT_PATTERN, &issue, None),
            "首都精神文明建设情况简报-2021-11"
        );
        assert_eq!(
            expand_pattern("{total}-{date}-{copy}", &issue, Some(7)),
            "2177-2021-02-25-000007"
        );
        issue.masthead.name = "简报/周刊: 第*期?".into();
        issue.masthead.supplement = true;
        assert_eq!(
            expand_pattern("{name}{number}", &issue, None),
            "简报_周刊_ 第_期_增刊11"
        );
        assert_eq!(expand_pattern("  ", &issue, None), "简报");
    }

    #[test]
    fn targets_cover_formats_and_numbered_copies() {
        let issue = crate::sample::issue();
        let names = |plan: &Plan| -> Vec<String> {
            plan.targets(&issue)
                .iter()
                .map(|t| {
                    t.path
                        .file_name()
                        .expect("named")
                        .to_string_lossy()
                        .into_owned()
                })
                .collect()
        };
        let all = plan(Format::ALL.to_vec(), None);
        assert_eq!(
            names(&all),
            [
                "首都精神文明建设情况简报-2021-11.pdf",
                "首都精神文明建设情况简报-2021-11.docx",
                "首都精神文明建设情况简报-2021-11.html",
                "首都精神文明建设情况简报-2021-11.txt",
                "首都精神文明建设情况简报-2021-11-01.png",
            ]
        );
        let separate = plan(
            vec![Format::Pdf],
            Some(Copies {
                count: 3,
                one_file: false,
            }),
        );
        assert_eq!(
            names(&separate)[2],
            "首都精神文明建设情况简报-2021-11-000003.pdf"
        );
        assert_eq!(separate.targets(&issue)[2].copies, [3]);
        let together = plan(
            vec![Format::Pdf],
            Some(Copies {
                count: 3,
                one_file: true,
            }),
        );
        let targets = together.targets(&issue);
        assert_eq!(targets.len(), 1);
        assert_eq!(
            (targets[0].copies.clone(), targets[0].print_count),
            (vec![1, 2, 3], Some(3))
        );
    }

    #[test]
    fn existing_files_are_found_before_they_are_replaced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let issue = crate::sample::issue();
        let plan = Plan {
            folder: dir.path().to_owned(),
            ..plan(vec![Format::Txt, Format::Png], None)
        };
        let targets = plan.targets(&issue);
        assert!(existing(&targets).is_empty());
        std::fs::write(&targets[0].path, "旧").expect("write");
        std::fs::write(
            dir.path().join("首都精神文明建设情况简报-2021-11-03.png"),
            "旧",
        )
        .expect("write");
        std::fs::write(
            dir.path().join("首都精神文明建设情况简报-2021-11-封面.png"),
            "别的",
        )
        .expect("write");
        assert_eq!(existing(&targets).len(), 2);
    }
}
