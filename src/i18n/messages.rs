//! UI strings with values in them: places, counts, file names, errors.

use std::io;

use super::{Lang, S};
use crate::archive::chase::{Overdue, Window};
use crate::export::ExportError;
use crate::model::{ArticlePart, Field, Problem, ProblemKind};
use crate::store::{LoadError, SaveError};
use crate::typeset::{FontRole, PrintedFont, TypesetError};

/// Where a field is, in words: 第 1 栏第 2 篇 · 导语.
pub fn field_label(field: &Field, lang: Lang) -> String {
    let section_no = |s: usize| match lang {
        Lang::Zh => format!("第 {} 栏", s + 1),
        Lang::En => format!("section {}", s + 1),
    };
    let simple = |s: S| s.get(lang).to_owned();
    match *field {
        Field::Name => simple(S::Name),
        Field::Number => simple(S::Number),
        Field::TotalNumber => simple(S::TotalNumber),
        Field::Office => simple(S::Office),
        Field::Date => simple(S::Date),
        Field::Classification => simple(S::Classification),
        Field::Supplement => simple(S::Supplement),
        Field::CopySerial => simple(S::CopySerial),
        Field::EditorsNote => simple(S::EditorsNote),
        Field::AttributionSuffix => simple(S::AttributionSuffix),
        Field::SectionHeading { section } => {
            format!("{} · {}", section_no(section), S::SectionHeading.get(lang))
        }
        Field::Section { section } => section_no(section),
        Field::Article {
            section,
            article,
            part,
        } => {
            let base = match lang {
                Lang::Zh => format!("第 {} 栏第 {} 篇", section + 1, article + 1),
                Lang::En => format!("section {}, article {}", section + 1, article + 1),
            };
            let part = match part {
                ArticlePart::Whole => return base,
                ArticlePart::Unit => simple(S::Unit),
                ArticlePart::Title => simple(S::ArticleTitle),
                ArticlePart::Lead => simple(S::Lead),
                ArticlePart::Attribution => simple(S::Attribution),
                ArticlePart::Paragraph(p) => match lang {
                    Lang::Zh => format!("正文第 {} 段", p + 1),
                    Lang::En => format!("paragraph {}", p + 1),
                },
                ArticlePart::Figure(f) => match lang {
                    Lang::Zh => format!("第 {} 个图表", f + 1),
                    Lang::En => format!("figure {}", f + 1),
                },
                ArticlePart::Caption(f) => match lang {
                    Lang::Zh => format!("第 {} 个图表的图注或表题", f + 1),
                    Lang::En => format!("caption of figure {}", f + 1),
                },
                ArticlePart::Cell {
                    figure,
                    row,
                    column,
                } => match (lang, row) {
                    (Lang::Zh, 0) => format!("第 {} 个表格表头第 {} 列", figure + 1, column + 1),
                    (Lang::Zh, _) => {
                        format!("第 {} 个表格第 {row} 行第 {} 列", figure + 1, column + 1)
                    }
                    (Lang::En, 0) => format!("table {}, header, column {}", figure + 1, column + 1),
                    (Lang::En, _) => {
                        format!("table {}, row {row}, column {}", figure + 1, column + 1)
                    }
                },
            };
            format!("{base} · {part}")
        }
        Field::Editor => simple(S::Editor),
        Field::Proofreader => simple(S::Proofreader),
        Field::Phone => simple(S::Phone),
        Field::Fax => simple(S::Fax),
        Field::Email => simple(S::Email),
        Field::PrintCount => simple(S::PrintCount),
        Field::ReportTo => format!("{} · {}", S::Distribution.get(lang), S::ReportTo.get(lang)),
        Field::SendTo => format!("{} · {}", S::Distribution.get(lang), S::SendTo.get(lang)),
        Field::IssueTo => format!("{} · {}", S::Distribution.get(lang), S::IssueTo.get(lang)),
        Field::Style => simple(S::Style),
    }
}

/// What a validation problem means.
pub fn problem(kind: &ProblemKind, lang: Lang) -> String {
    let simple = |s: S| s.get(lang).to_owned();
    match kind {
        ProblemKind::MissingName => simple(S::MissingName),
        ProblemKind::MissingNumber => simple(S::MissingNumber),
        ProblemKind::MissingDate => simple(S::MissingDate),
        ProblemKind::MissingOffice => simple(S::MissingOffice),
        ProblemKind::BadTotalNumber => simple(S::BadTotalNumber),
        ProblemKind::NoArticles => simple(S::NoArticles),
        ProblemKind::MissingSectionHeading => simple(S::MissingSectionHeading),
        ProblemKind::EmptySection => simple(S::EmptySection),
        ProblemKind::MissingUnit => simple(S::MissingUnit),
        ProblemKind::EmptyArticle => simple(S::EmptyArticle),
        ProblemKind::BadPrintCount => simple(S::BadPrintCount),
        ProblemKind::DuplicateArticleId(id) => match lang {
            Lang::Zh => format!("文章编号 {} 与前面的文章重复", id.0),
            Lang::En => format!("article id {} repeats an earlier article's", id.0),
        },
        ProblemKind::MalformedEmail(text) => match lang {
            Lang::Zh => format!("“{text}”不是有效的邮箱地址"),
            Lang::En => format!("“{text}” is not a valid email address"),
        },
        ProblemKind::MalformedPhone(text) => match lang {
            Lang::Zh => format!("“{text}”不是有效的电话号码"),
            Lang::En => format!("“{text}” is not a valid phone number"),
        },
        ProblemKind::BadStyleSize(name) => match lang {
            Lang::Zh => format!("版式中的尺寸 {name} 超出可排版的范围"),
            Lang::En => format!("the style size {name} is out of the range that can be typeset"),
        },
    }
}

/// The separator between a place and what is said about it.
pub fn sep(lang: Lang) -> &'static str {
    lang.pick("：", ": ")
}

/// Refusing to replace a file the user did not ask to replace.
pub fn refuse_overwrite(path: &std::path::Path, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "{} 已存在，未覆盖（如确需覆盖请加 --force）",
            path.display()
        ),
        Lang::En => format!(
            "{} exists and was left alone (add --force to replace it)",
            path.display()
        ),
    }
}

/// A problem with its place: 第 1 栏第 2 篇 · 导语：文章没有导语也没有正文.
pub fn problem_with_place(p: &Problem, lang: Lang) -> String {
    format!(
        "{}{}{}",
        field_label(&p.field, lang),
        sep(lang),
        problem(&p.kind, lang)
    )
}

/// A file-reading error: the file, the place, what happened.
pub fn load_error(error: &LoadError, lang: Lang) -> String {
    let path = error.path().display();
    let place = match error.position() {
        Some(crate::store::Position { line, column }) => match lang {
            Lang::Zh => format!("{path} 第 {line} 行第 {column} 列"),
            Lang::En => format!("{path}, line {line}, column {column}"),
        },
        None => path.to_string(),
    };
    let sep = sep(lang);
    let what = match error {
        LoadError::Read { source, .. } => io_error(source, lang),
        LoadError::NotAFile { .. } => lang
            .pick(
                "这不是普通文件（可能是管道或设备），未读取",
                "this is not a regular file (a pipe or a device?) and was not read",
            )
            .to_owned(),
        LoadError::Limit { exceeded, .. } => match lang {
            Lang::Zh => format!("{}，不是正常的简报，未读取", limit_exceeded(exceeded, lang)),
            Lang::En => format!(
                "{}: this is no real issue, and it was not read",
                limit_exceeded(exceeded, lang)
            ),
        },
        LoadError::TooLarge { size, limit, .. } => match lang {
            Lang::Zh => format!(
                "文件过大（{} MB），超过简报草稿的上限 {} MB，未读取",
                size / 1_000_000,
                limit / 1_000_000
            ),
            Lang::En => format!(
                "the file is too large ({} MB; drafts are at most {} MB) and was not read",
                size / 1_000_000,
                limit / 1_000_000
            ),
        },
        LoadError::Empty { .. } => lang.pick("文件是空的", "the file is empty").to_owned(),
        LoadError::Utf16 { .. } => lang
            .pick(
                "文件是 UTF-16 编码，简报草稿应为 UTF-8 编码",
                "the file is UTF-16 text; drafts are UTF-8",
            )
            .to_owned(),
        LoadError::NotUtf8 { .. } => lang
            .pick(
                "此处的内容不是 UTF-8 文本（可能是 GBK 编码的文字或二进制文件）",
                "the bytes here are not UTF-8 text (GBK-encoded text or a binary file?)",
            )
            .to_owned(),
        LoadError::Syntax { error, .. } => ron_error(error, lang),
        LoadError::NoSchema { .. } => lang
            .pick(
                "缺少格式版本号（schema），这不是简报草稿文件",
                "no format version (schema): this is not a Jianbao draft",
            )
            .to_owned(),
        LoadError::TooNew {
            found, supported, ..
        } => match lang {
            Lang::Zh => format!(
                "此文件由更新版本的简报编辑器保存（格式版本 {found}），本程序只支持到格式版本 {supported}，请升级后再打开"
            ),
            Lang::En => format!(
                "the file was saved by a newer Jianbao (format version {found}); this program reads up to version {supported}. Please upgrade to open it"
            ),
        },
    };
    format!("{place}{sep}{what}")
}

/// What a draft exceeds, in words: which limit, how much, and where.
pub fn limit_exceeded(exceeded: &crate::store::LimitExceeded, lang: Lang) -> String {
    use crate::store::Limit as L;
    let what = match exceeded.limit {
        L::Parts => lang.pick("结构（括号）数", "number of parts (brackets)"),
        L::Sections => lang.pick("栏目数", "number of sections"),
        L::Articles => lang.pick("文章数", "number of articles"),
        L::ParagraphsPerArticle => lang.pick("段落数", "number of paragraphs"),
        L::Paragraphs => lang.pick("全文段落数", "number of paragraphs in the issue"),
        L::Spans => lang.pick("全文格式片段数", "number of formatted runs in the issue"),
        L::CharactersPerField => lang.pick("单个字段的字数", "characters in one field"),
        L::Characters => lang.pick("全文字数", "characters in the whole issue"),
        L::Comments => lang.pick("批注数", "number of comments"),
        L::HistoryEntries => lang.pick("状态记录数", "number of status changes"),
        L::Figures => lang.pick("全文图表数", "number of photos and tables in the issue"),
        L::TableCells => lang.pick("全文表格单元格数", "number of table cells in the issue"),
    };
    let (found, max) = (exceeded.found, exceeded.limit.max());
    let place = match (exceeded.section, exceeded.article, lang) {
        (Some(s), Some(a), Lang::Zh) => format!("第 {s} 个栏目第 {a} 篇文章的"),
        (Some(s), None, Lang::Zh) => format!("第 {s} 个栏目的"),
        (Some(s), Some(a), Lang::En) => format!(" in section {s}, article {a}"),
        (Some(s), None, Lang::En) => format!(" in section {s}"),
        _ => String::new(),
    };
    match lang {
        Lang::Zh => format!("{place}{what}（{found}）超过上限 {max}"),
        Lang::En => format!("the {what}{place} ({found}) exceeds the limit of {max}"),
    }
}

/// Why an export was not started; nothing was written.
pub fn target_problem(problem: &crate::export::TargetProblem, lang: Lang) -> String {
    use crate::export::TargetProblem as P;
    match problem {
        P::Draft { target } => match lang {
            Lang::Zh => format!(
                "{} 是简报草稿（或其备份、锁定、恢复文件），导出不会覆盖它。请换一个文件名或文件夹，未写入任何文件",
                target.display()
            ),
            Lang::En => format!(
                "{} is a draft (or a draft's backup, lock or recovery file), and an export never writes over one. Choose another name or folder; nothing was written",
                target.display()
            ),
        },
        P::Clash { target } => match lang {
            Lang::Zh => format!(
                "本次导出有两个文件同名：{}，后一个会覆盖前一个。请在文件名格式中加入 {{file}} 或 {{number}} 加以区分，未写入任何文件",
                target.display()
            ),
            Lang::En => format!(
                "two files of this export have the same name, {}: the second would replace the first. Add {{file}} or {{number}} to the name pattern; nothing was written",
                target.display()
            ),
        },
        P::Exist(paths) => {
            let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            match lang {
                Lang::Zh => format!(
                    "以下文件已存在：{}。如要替换，请加 --force，未写入任何文件",
                    list.join("、")
                ),
                Lang::En => format!(
                    "these files exist: {}. Add --force to replace them; nothing was written",
                    list.join(", ")
                ),
            }
        }
    }
}

/// A file-writing error.
pub fn save_error(error: &SaveError, lang: Lang) -> String {
    match error {
        SaveError::NotDurable { path, source } => match lang {
            Lang::Zh => format!(
                "{} 已保存，但系统未能确认已写入磁盘（{}）。若此刻断电，可能丢失本次保存，建议再保存一次",
                path.display(),
                io_error(source, lang)
            ),
            Lang::En => format!(
                "{}: saved, but the system could not confirm it reached the disk ({}). A power cut now could lose this save; save again to be sure",
                path.display(),
                io_error(source, lang)
            ),
        },
        SaveError::Locked { path, owner } => match lang {
            Lang::Zh => format!(
                "{} 未保存：此文件正由 {}（{}，{}）打开编辑，为免覆盖对方的修改，未写入。可“另存为”一份",
                path.display(),
                owner.display(),
                owner.user,
                owner.host
            ),
            Lang::En => format!(
                "{}: not saved: {} ({}, {}) has this file open, and saving would overwrite their work. Use Save As for a copy",
                path.display(),
                owner.display(),
                owner.user,
                owner.host
            ),
        },
        SaveError::Limit { path, exceeded } => match lang {
            Lang::Zh => format!(
                "{} 未保存：{}（保存后将无法再打开）",
                path.display(),
                limit_exceeded(exceeded, lang)
            ),
            Lang::En => format!(
                "{}: not saved: {} (it could not be opened again)",
                path.display(),
                limit_exceeded(exceeded, lang)
            ),
        },
        SaveError::ReadOnly { path } => match lang {
            Lang::Zh => format!(
                "{} 未保存：文件是只读的。可“另存为”一份，或先取消文件的只读属性",
                path.display()
            ),
            Lang::En => format!(
                "{}: not saved: the file is read-only. Use Save As, or make the file writable first",
                path.display()
            ),
        },
        SaveError::ContentLocked { path, status } => match lang {
            Lang::Zh => format!(
                "{} 未保存：本期状态为“{}”，内容已锁定；如需修改，请先重新打开（退回草稿）",
                path.display(),
                status_label(*status, lang)
            ),
            Lang::En => format!(
                "{}: not saved: the issue is {}, and its content is locked; reopen it as a draft before changing it",
                path.display(),
                status_label(*status, lang)
            ),
        },
        SaveError::Serialize(e) => match lang {
            Lang::Zh => format!("无法生成草稿内容（程序错误：{e}）"),
            Lang::En => format!("could not write the draft (program error: {e})"),
        },
        SaveError::Write { path, source } => match lang {
            Lang::Zh => format!(
                "{} 保存失败：{}。磁盘上的文件保持原样，未保存的修改仍在编辑器中",
                path.display(),
                io_error(source, lang)
            ),
            Lang::En => format!(
                "{}: saving failed: {}. The file on disk is unchanged and your edits are still in the editor",
                path.display(),
                io_error(source, lang)
            ),
        },
    }
}

/// Why pages could not be made. typst's own diagnostics are technical and
/// English; they follow in English only.
pub fn typeset_error(error: &TypesetError, lang: Lang) -> String {
    match error {
        TypesetError::Compile(details) | TypesetError::Pdf(details) => {
            let head = lang.pick(
                "无法排版本期简报，请检查版式设置中的字号和行距",
                "The issue could not be typeset; check the sizes and spacing in the style settings",
            );
            match lang {
                Lang::Zh => head.to_owned(),
                Lang::En => format!("{head}: {}", details.join("; ")),
            }
        }
        TypesetError::NoSuchPage { index, count } => match lang {
            Lang::Zh => format!("没有第 {} 页（共 {count} 页）", index + 1),
            Lang::En => format!("there is no page {} (the issue has {count})", index + 1),
        },
        TypesetError::TooLarge { pixels_per_point } => match lang {
            Lang::Zh => format!("缩放比例 {pixels_per_point} 过大，无法生成页面图像"),
            Lang::En => format!("the scale {pixels_per_point} is too large for a page image"),
        },
        TypesetError::Internal(detail) => match lang {
            Lang::Zh => "排版程序内部出错，本次排版已放弃，编辑内容未受影响".to_owned(),
            Lang::En => {
                format!("the typesetter failed internally ({detail}); your edits are unaffected")
            }
        },
    }
}

/// Why an export failed.
pub fn export_error(error: &ExportError, lang: Lang) -> String {
    match error {
        ExportError::Typeset(e) => typeset_error(e, lang),
        ExportError::Docx(detail) => match lang {
            Lang::Zh => "无法生成 Word 文件（程序错误）".to_owned(),
            Lang::En => format!("the Word file could not be built (program error: {detail})"),
        },
        ExportError::Write { path, source } => match lang {
            Lang::Zh => format!("{} 写入失败：{}", path.display(), io_error(source, lang)),
            Lang::En => format!(
                "{}: writing failed: {}",
                path.display(),
                io_error(source, lang)
            ),
        },
    }
}

/// How many files an export will write.
pub fn files_to_write(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("将写入 {count} 个文件："),
        Lang::En if count == 1 => "1 file will be written:".to_owned(),
        Lang::En => format!("{count} files will be written:"),
    }
}

/// Export progress: 2 / 5.
/// The page images of an export: the first file's name, and how many.
pub fn page_images(first: &str, pages: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{first} …（每页一张，共 {pages} 张）"),
        Lang::En => format!("{first} … (one a page, {pages} in all)"),
    }
}

pub fn progress(done: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已完成 {done} / {total}"),
        Lang::En => format!("{done} of {total} done"),
    }
}

/// An export wrote several files.
pub fn exported_many(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已导出 {count} 个文件"),
        Lang::En => format!("exported {count} files"),
    }
}

/// What an export wrote.
pub fn exported(path: &std::path::Path, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已导出 {}", path.display()),
        Lang::En => format!("exported {}", path.display()),
    }
}

/// A date in the UI: 2021 年 2 月 25 日, or 25 February 2021.
pub fn date(date: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => crate::model::chinese_date(date),
        Lang::En => date.format("%-d %B %Y").to_string(),
    }
}

/// Column heads of a calendar, Monday first.
pub fn weekday_initials(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Zh => ["一", "二", "三", "四", "五", "六", "日"],
        Lang::En => ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"],
    }
}

/// 第 1 栏 / Section 1.
pub fn section_title(section: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第 {} 栏", section + 1),
        Lang::En => format!("Section {}", section + 1),
    }
}

/// 第 1 栏第 2 篇 · 东城区.
pub fn article_title(section: usize, article: usize, unit: &str, lang: Lang) -> String {
    let place = match lang {
        Lang::Zh => format!("第 {} 栏第 {} 篇", section + 1, article + 1),
        Lang::En => format!("Section {}, article {}", section + 1, article + 1),
    };
    if unit.trim().is_empty() {
        place
    } else {
        format!("{place} · {}", unit.trim())
    }
}

/// 3 篇文章 / 3 articles.
pub fn article_count(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{count} 篇文章"),
        Lang::En if count == 1 => "1 article".to_owned(),
        Lang::En => format!("{count} articles"),
    }
}

/// 1234 字 / 1234 characters.
pub fn char_count(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{count} 字"),
        Lang::En if count == 1 => "1 character".to_owned(),
        Lang::En => format!("{count} characters"),
    }
}

/// One cell of the coverage heat map: 东城区 · 2021-03：2 篇.
pub fn coverage_cell(unit: &str, period: &str, count: u32, lang: Lang) -> String {
    match (lang, count) {
        (Lang::Zh, 0) => format!("{unit} · {period}：未报送"),
        (Lang::Zh, n) => format!("{unit} · {period}：{n} 篇"),
        (Lang::En, 0) => format!("{unit} · {period}: nothing sent"),
        (Lang::En, 1) => format!("{unit} · {period}: 1 article"),
        (Lang::En, n) => format!("{unit} · {period}: {n} articles"),
    }
}

/// What a font role is called.
pub fn font_role(role: FontRole, lang: Lang) -> &'static str {
    match role {
        FontRole::Title => S::TitleFont.get(lang),
        FontRole::Body => S::BodyFont.get(lang),
        FontRole::Heading => S::HeadingFont.get(lang),
        FontRole::Kai => S::KaiFont.get(lang),
        FontRole::PageNumber => S::PageNumberFont.get(lang),
    }
}

/// Beside a font setting: installed, or what stands in for it.
pub fn font_status(font: &PrintedFont, lang: Lang) -> String {
    match (font.is_wanted(), lang) {
        (true, Lang::Zh) => "✓ 已安装，打印使用此字体".to_owned(),
        (true, Lang::En) => "✓ installed, printed in it".to_owned(),
        (false, Lang::Zh) => format!("本机未安装，打印使用内置的“{}”代替", font.used),
        (false, Lang::En) => format!("not installed here: printed in the bundled “{}”", font.used),
    }
}

/// The status bar's word on the fonts: all installed, or how many stand in.
pub fn fonts_summary(printed: &[PrintedFont], lang: Lang) -> String {
    let missing = printed.iter().filter(|f| !f.is_wanted()).count();
    match (missing, lang) {
        (0, Lang::Zh) => "字体：均已安装".to_owned(),
        (0, Lang::En) => "Fonts: all installed".to_owned(),
        (n, Lang::Zh) => format!("字体：{n} 种以内置字体代替"),
        (1, Lang::En) => "Fonts: 1 replaced by a bundled one".to_owned(),
        (n, Lang::En) => format!("Fonts: {n} replaced by bundled ones"),
    }
}

/// One line per role whose font stands in: 正文字体 仿宋_GB2312 → Noto Serif CJK SC.
pub fn fonts_substituted(printed: &[PrintedFont], lang: Lang) -> String {
    printed
        .iter()
        .filter(|f| !f.is_wanted())
        .map(|f| format!("{} {} → {}", font_role(f.role, lang), f.wanted, f.used))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The bundled fonts could not be read: where they were looked for, or
/// the file that failed, and how to point at them.
pub fn fonts_missing(missing: &crate::typeset::FontsMissing, lang: Lang) -> String {
    use crate::assets::fonts::{FONT_FILES, FONTS_ENV};
    match (&missing.unreadable, lang) {
        (Some((path, error)), Lang::Zh) => {
            format!("内置字体文件 {} 无法读取：{error}", path.display())
        }
        (Some((path, error)), Lang::En) => {
            format!(
                "The bundled font file {} cannot be read: {error}",
                path.display()
            )
        }
        (None, _) => {
            let places = missing
                .looked_in
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(lang.pick("、", ", "));
            match lang {
                Lang::Zh => format!(
                    "找不到内置字体：{places} 中都没有 {}。请重新安装，或用环境变量 {FONTS_ENV} 指明字体文件夹。",
                    FONT_FILES[0]
                ),
                Lang::En => format!(
                    "The bundled fonts are missing: none of {places} holds {}. Reinstall, or name the fonts folder in {FONTS_ENV}.",
                    FONT_FILES[0]
                ),
            }
        }
    }
}

/// 共 4 页 / 4 pages.
pub fn page_total(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("共 {count} 页"),
        Lang::En if count == 1 => "1 page".to_owned(),
        Lang::En => format!("{count} pages"),
    }
}

/// `jianbao export -o out.docx` without `--format`: -o names a PDF then.
pub fn export_output_not_pdf(path: &std::path::Path, extension: &str, lang: Lang) -> String {
    let format = if extension == "htm" {
        "html"
    } else {
        extension
    };
    match lang {
        Lang::Zh => format!(
            "{}：不带 --format 时 -o 是 PDF 文件；要导出 {format}，请用 --format {format} -o 文件夹",
            path.display()
        ),
        Lang::En => format!(
            "{}: without --format, -o names a PDF file; to export {format}, use --format {format} -o FOLDER",
            path.display()
        ),
    }
}

/// The page budget for the status bar against the series' `target` page
/// count: "4 版 · 末页余 6 行", "3 版（目标 4 版） · 末页余 6 行",
/// "5 版 · 超出目标 4 版 18 行", or how much to cut when the 报尾 went onto
/// a page of its own (that says the most: cutting it brings the 报尾 back).
pub fn page_budget(budget: &crate::typeset::PageBudget, target: Option<u32>, lang: Lang) -> String {
    let pages = budget.pages;
    let target = target.map(|t| t as usize);
    let over = target.and_then(|t| Some((t, budget.over_target(t)?)));
    let count = match (target, lang) {
        (Some(t), Lang::Zh) if t > pages => format!("{pages} 版（目标 {t} 版）"),
        (Some(t), Lang::En) if t > pages => format!("{pages} pages (target {t})"),
        (_, Lang::Zh) => format!("{pages} 版"),
        (_, Lang::En) => format!("{pages} pages"),
    };
    let free = budget.free_lines;
    match (budget.footer_alone, over, lang) {
        (Some(cut), _, Lang::Zh) => format!("{count} · 报尾独占末页，删去 {cut} 行可回到上一页"),
        (Some(cut), _, Lang::En) => {
            format!(
                "{count} · the footer is alone on the last page: cut {cut} lines to pull it back"
            )
        }
        (None, Some((t, lines)), Lang::Zh) => format!("{count} · 超出目标 {t} 版 {lines} 行"),
        (None, Some((t, lines)), Lang::En) => {
            format!("{count} · {lines} lines over the target of {t}")
        }
        (None, None, Lang::Zh) => format!("{count} · 末页余 {free} 行"),
        (None, None, Lang::En) => format!("{count} · {free} lines free on the last page"),
    }
}

/// An article's length in printed lines: "18 行".
pub fn printed_lines(lines: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{lines} 行"),
        Lang::En if lines == 1 => "1 line".to_owned(),
        Lang::En => format!("{lines} lines"),
    }
}

/// 第 2 / 4 页 / Page 2 of 4.
pub fn page_of(page: usize, count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第 {page} / {count} 页"),
        Lang::En => format!("Page {page} of {count}"),
    }
}

/// The default an edited attribution would return to.
pub fn attribution_default(default: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("恢复为“{default}”"),
        Lang::En => format!("Back to “{default}”"),
    }
}

/// Saving a profile needs a folder: the archive's or the user's.
pub fn no_profile_folder(lang: Lang) -> String {
    lang.pick(
        "没有可保存系列的文件夹：请先在设置中选择档案文件夹。",
        "There is no folder to save the series in: choose the archive folder in the settings first.",
    )
    .to_owned()
}

/// A new profile would replace another of the same name.
pub fn profile_exists(path: &std::path::Path, lang: Lang) -> String {
    let what = lang.pick(
        "已有同名的系列文件，未覆盖。请在列表中选中它，修改后保存。",
        "A series file of that name exists and was not replaced. Choose it in the list, change it and save.",
    );
    with_file(path, what, lang)
}

/// 已保存系列 …/首都精神文明建设情况简报.profile.ron.
pub fn profile_saved(path: &std::path::Path, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已保存系列 {}", path.display()),
        Lang::En => format!("Saved the series {}", path.display()),
    }
}

/// 已保存 第11期.ron.
pub fn saved(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已保存 {name}"),
        Lang::En => format!("Saved {name}"),
    }
}

/// The question of the unsaved-changes prompt.
pub fn unsaved_question(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("“{name}”有未保存的修改。关闭前是否保存？"),
        Lang::En => format!("“{name}” has unsaved changes. Save them first?"),
    }
}

/// Settings could not be written (the editor carries on).
pub fn settings_not_saved(path: &std::path::Path, error: &io::Error, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "设置未能保存到 {}：{}",
            path.display(),
            io_error(error, lang)
        ),
        Lang::En => format!(
            "settings could not be saved to {}: {}",
            path.display(),
            io_error(error, lang)
        ),
    }
}

/// Who has a draft open.
/// Asks before breaking a lock, naming whose it is.
pub fn confirm_break_lock(file: &str, owner: &crate::store::lock::LockOwner, lang: Lang) -> String {
    let who = owner.display();
    match lang {
        Lang::Zh => format!(
            "“{file}”的锁定属于 {who}（{}，{}）。只有在确认对方已不再编辑（例如其电脑已死机）时才应解除；若对方仍在编辑，其后续修改将无法保存到此文件。",
            owner.user, owner.host
        ),
        Lang::En => format!(
            "The lock on “{file}” belongs to {who} ({}, {}). Break it only if you are sure they are no longer editing (their computer crashed, say); if they are, they will not be able to save to this file.",
            owner.user, owner.host
        ),
    }
}

/// Asks before replacing a file the file dialog did not ask about (the
/// extension was added after it).
pub fn confirm_replace(path: &std::path::Path, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("“{}”已存在。要替换它吗？", path.display()),
        Lang::En => format!("“{}” already exists. Replace it?", path.display()),
    }
}

pub fn locked_by(file: &str, owner: &crate::store::lock::LockOwner, lang: Lang) -> String {
    let who = owner.display();
    let since = owner.time.trim();
    match lang {
        Lang::Zh => {
            let since = if since.is_empty() {
                String::new()
            } else {
                format!("，自 {since} 起")
            };
            format!(
                "“{file}”正由 {who}（{}，{}）打开编辑{since}。可以只读方式打开查看。",
                owner.user, owner.host
            )
        }
        Lang::En => {
            let since = if since.is_empty() {
                String::new()
            } else {
                format!(" since {since}")
            };
            format!(
                "“{file}” is being edited by {who} ({} on {}){since}. You can open it read-only.",
                owner.user, owner.host
            )
        }
    }
}

/// The file changed on disk since it was opened.
pub fn changed_on_disk(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "“{file}”在打开后已被其他人或其他程序修改。覆盖会丢失对方的修改；另存为会保留两份；重新载入会放弃这里的修改（可撤销）。"
        ),
        Lang::En => format!(
            "“{file}” was changed by someone or something else since you opened it. Overwrite loses their changes; Save as keeps both; Reload gives up yours (undoable)."
        ),
    }
}

/// One piece of recovered work: which draft, and when it was written.
pub fn recovery_item(recovery: &crate::store::recovery::Recovery, lang: Lang) -> String {
    let when = chrono::DateTime::from_timestamp(recovery.written as i64, 0)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default();
    let what = match &recovery.original {
        Some(path) => path.display().to_string(),
        None => {
            let name = recovery.issue.masthead.name.trim();
            match lang {
                Lang::Zh => format!("未保存过的新简报“{name}”"),
                Lang::En => format!("a new, never-saved issue “{name}”"),
            }
        }
    };
    match lang {
        Lang::Zh => format!("{what}（{when} 自动保存）"),
        Lang::En => format!("{what} (autosaved {when})"),
    }
}

/// Autosave could not write its recovery file.
pub fn autosave_failed(error: &SaveError, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("自动保存失败：{}", save_error(error, lang)),
        Lang::En => format!("Autosave failed: {}", save_error(error, lang)),
    }
}

/// A proofreading rule's name, for grouping findings.
pub fn rule_title(rule: crate::lint::Rule, lang: Lang) -> &'static str {
    use crate::lint::Rule as R;
    match rule {
        R::HalfWidthPunctuation => lang.pick("半角标点", "Half-width punctuation"),
        R::UnpairedMarks => lang.pick(
            "引号、括号、书名号不成对",
            "Unpaired quotes, brackets or title marks",
        ),
        R::StraySpaces => lang.pick("多余空格", "Stray spaces"),
        R::OrdinalPunctuation => lang.pick("序号后标点", "Punctuation after ordinals"),
        R::ZeroInYear => lang.pick("年份中的“0”", "“0” in a Chinese-numeral year"),
        R::DocumentNumberBrackets => lang.pick("发文字号括号", "Brackets of a document number"),
        R::DoubledPunctuation => lang.pick("重复标点", "Doubled punctuation"),
        R::UnterminatedParagraph => {
            lang.pick("段末缺少标点", "Paragraph without closing punctuation")
        }
        R::RequiredField => lang.pick("必填项", "Required fields"),
        R::FutureDate => lang.pick("日期在未来", "Date in the future"),
        R::MalformedContact => lang.pick("电话或邮箱格式", "Phone or email format"),
        R::MissingGlyph => lang.pick("字体中没有的字", "Characters no font can show"),
        R::ControlCharacter => lang.pick("不可见的控制字符", "Invisible control characters"),
        R::RepeatedCopy => lang.pick("与往期重复的段落", "Paragraphs repeating earlier issues"),
        R::UnknownUnit => lang.pick("不在系列名单中的单位", "Units the series does not list"),
        R::PhotoWithoutCaption => lang.pick("照片缺少图注", "Photos without a caption"),
        R::LowResolutionPhoto => lang.pick("照片分辨率不足", "Photos too coarse to print sharply"),
    }
}

/// One finding: what is wrong and what the fix would do.
pub fn finding(f: &crate::lint::Finding, lang: Lang) -> String {
    use crate::lint::Rule as R;
    if let Some(kind) = &f.problem {
        return problem(kind, lang);
    }
    let found = f.found.replace([' ', '\u{3000}'], "␣");
    let fix = f
        .fix
        .as_ref()
        .map(|fix| fix.replacement.clone())
        .unwrap_or_default();
    let code = f.found.chars().next().map_or(0, u32::from);
    match (f.rule, lang) {
        (R::HalfWidthPunctuation, Lang::Zh) => format!("半角“{found}”应为全角“{fix}”"),
        (R::HalfWidthPunctuation, Lang::En) => {
            format!("half-width “{found}” should be full-width “{fix}”")
        }
        (R::UnpairedMarks, Lang::Zh) => format!("“{found}”没有配对"),
        (R::UnpairedMarks, Lang::En) => format!("“{found}” has no partner"),
        (R::StraySpaces, Lang::Zh) => "中文之间或中文与数字之间多了空格".to_owned(),
        (R::StraySpaces, Lang::En) => {
            "a space inside Chinese text or between Chinese and a digit".to_owned()
        }
        (R::OrdinalPunctuation, Lang::Zh) if fix.is_empty() => {
            format!("序号括号后不加标点，删去“{found}”")
        }
        (R::OrdinalPunctuation, Lang::Zh) => format!("序号后应用“{fix}”而非“{found}”"),
        (R::OrdinalPunctuation, Lang::En) if fix.is_empty() => {
            format!("no punctuation after a bracketed ordinal: remove “{found}”")
        }
        (R::OrdinalPunctuation, Lang::En) => {
            format!("after this ordinal write “{fix}”, not “{found}”")
        }
        (R::ZeroInYear, Lang::Zh) => format!("汉字年份中的“{found}”应为“〇”"),
        (R::ZeroInYear, Lang::En) => format!("“{found}” in a Chinese-numeral year should be “〇”"),
        (R::DocumentNumberBrackets, Lang::Zh) => format!("发文字号的年份应用六角括号“{fix}”"),
        (R::DocumentNumberBrackets, Lang::En) => format!("a document number's year takes “{fix}”"),
        (R::DoubledPunctuation, Lang::Zh) => format!("“{found}”重复"),
        (R::DoubledPunctuation, Lang::En) => format!("“{found}” is doubled"),
        (R::UnterminatedParagraph, Lang::Zh) => "段落结尾缺少句号等标点".to_owned(),
        (R::UnterminatedParagraph, Lang::En) => {
            "the paragraph ends without closing punctuation".to_owned()
        }
        (R::FutureDate, Lang::Zh) => format!("印发日期 {found} 在今天之后"),
        (R::FutureDate, Lang::En) => format!("the date of issue {found} is after today"),
        (R::MissingGlyph, Lang::Zh) => {
            format!("“{found}”（U+{code:04X}）没有任何字体可以显示，印出来会是方框")
        }
        (R::MissingGlyph, Lang::En) => {
            format!("no font can show “{found}” (U+{code:04X}); it would print as a box")
        }
        (R::ControlCharacter, Lang::Zh) => {
            format!("不可见的控制字符 U+{code:04X}，会使 Word 文件无法打开，应删除")
        }
        (R::ControlCharacter, Lang::En) => {
            format!(
                "an invisible control character (U+{code:04X}) that breaks Word files; remove it"
            )
        }
        (R::RepeatedCopy, _) => f
            .earlier
            .as_deref()
            .map(|e| repeated(e, lang))
            .unwrap_or_default(),
        (R::UnknownUnit, Lang::Zh) if !fix.is_empty() => {
            format!("“{found}”是简称，供稿单位应写作“{fix}”")
        }
        (R::UnknownUnit, Lang::En) if !fix.is_empty() => {
            format!("“{found}” is a short name; the unit is “{fix}”")
        }
        (R::UnknownUnit, Lang::Zh) => {
            format!("“{found}”不在本系列的供稿单位名单中（可在“简报系列”中添加）")
        }
        (R::UnknownUnit, Lang::En) => format!(
            "“{found}” is not one of the series' contributing units (add it under Bulletin series)"
        ),
        (R::PhotoWithoutCaption, Lang::Zh) => "照片下应有图注，说明拍摄的内容".to_owned(),
        (R::PhotoWithoutCaption, Lang::En) => {
            "a photo needs a caption saying what it shows".to_owned()
        }
        (R::LowResolutionPhoto, Lang::Zh) => format!(
            "照片按印刷宽度只有 {found} dpi（至少 {} dpi），印出来会模糊；请换用原图或改为半栏",
            crate::lint::MIN_DPI
        ),
        (R::LowResolutionPhoto, Lang::En) => format!(
            "the photo prints at {found} dpi (at least {} needed) and will look blurred; use the original or print it half width",
            crate::lint::MIN_DPI
        ),
        (R::RequiredField | R::MalformedContact, _) => String::new(),
    }
}

/// 与第 9 期（2021 年 2 月 4 日）东城区稿件第 2 段重复 86%.
pub fn repeated(e: &crate::lint::Earlier, lang: Lang) -> String {
    use chrono::Datelike;
    let issue = issue_number(e.number, e.supplement, lang);
    let (unit, percent) = (&e.unit, e.percent);
    match lang {
        Lang::Zh => {
            let date = e
                .date
                .map(|d| format!("（{} 年 {} 月 {} 日）", d.year(), d.month(), d.day()))
                .unwrap_or_default();
            let part = match e.paragraph {
                0 => "导语".to_owned(),
                p => format!("第 {p} 段"),
            };
            format!("与{issue}{date}{unit}稿件{part}重复 {percent}%")
        }
        Lang::En => {
            let date = e.date.map(|d| format!(" ({d})")).unwrap_or_default();
            let part = match e.paragraph {
                0 => "lead".to_owned(),
                p => format!("paragraph {p}"),
            };
            format!("{percent}% repeats {issue}{date}, {unit}'s article, {part}")
        }
    }
}

/// A finding with its place, for the command line.
pub fn finding_with_place(f: &crate::lint::Finding, lang: Lang) -> String {
    let place = field_label(&f.field, lang);
    let (start, end) = (f.range.start + 1, f.range.end);
    let at = match (f.range.len(), lang) {
        (0, _) => String::new(),
        (1, Lang::Zh) => format!(" 第 {start} 字"),
        (1, Lang::En) => format!(", character {start}"),
        (_, Lang::Zh) => format!(" 第 {start}–{end} 字"),
        (_, Lang::En) => format!(", characters {start}–{end}"),
    };
    format!(
        "{place}{at}{}[{}] {}",
        sep(lang),
        f.rule.id(),
        finding(f, lang)
    )
}

/// How many fixes were applied.
pub fn fixed(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已自动修正 {count} 处并保存"),
        Lang::En => format!("applied {count} fixes and saved"),
    }
}

/// What an import made.
pub fn imported(issue: &crate::model::Issue, path: &std::path::Path, lang: Lang) -> String {
    let articles = issue.articles().count();
    match lang {
        Lang::Zh => format!("已导入 {articles} 篇文章，写入 {}", path.display()),
        Lang::En => format!("imported {articles} articles into {}", path.display()),
    }
}

/// 核稿：12 处 / 12 findings.
pub fn finding_count(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("核稿：{count} 处"),
        Lang::En if count == 1 => "1 finding".to_owned(),
        Lang::En => format!("{count} findings"),
    }
}

/// The Fix-all button of a group.
pub fn fix_all_of_kind(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("全部修正（{count} 处）"),
        Lang::En => format!("Fix all ({count})"),
    }
}

/// A message about a file: the file, then what.
pub fn with_file(path: &std::path::Path, what: &str, lang: Lang) -> String {
    format!("{}{}{what}", path.display(), sep(lang))
}

/// `--section N` names a section the draft does not have.
pub fn no_such_section(path: &std::path::Path, n: usize, count: usize, lang: Lang) -> String {
    let what = match lang {
        Lang::Zh => format!("没有第 {n} 个栏目（本期共 {count} 个）"),
        Lang::En => format!("there is no section {n} (the issue has {count})"),
    };
    with_file(path, &what, lang)
}

/// An article was added to section `index` (from 0).
pub fn article_added(unit: &str, index: usize, lang: Lang) -> String {
    let unit = if unit.trim().is_empty() {
        "—"
    } else {
        unit.trim()
    };
    match lang {
        Lang::Zh => format!("已把{unit}的文章加入第 {} 个栏目", index + 1),
        Lang::En => format!("added the article of {unit} to section {}", index + 1),
    }
}

/// Why a file could not be made into a photo.
pub fn photo_error(error: &crate::import::photo::PhotoError, lang: Lang) -> String {
    match error {
        crate::import::photo::PhotoError::Unreadable(detail) => match lang {
            Lang::Zh => format!("不是可以读取的 JPEG 或 PNG 照片，或文件已损坏（{detail}）"),
            Lang::En => format!("not a readable JPEG or PNG photo, or a damaged file ({detail})"),
        },
    }
}

/// A photo's size and the resolution it prints at.
pub fn photo_size(width: u32, height: u32, dpi: f64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{width}×{height} 像素，印刷约 {dpi:.0} dpi"),
        Lang::En => format!("{width}×{height} pixels, printing at about {dpi:.0} dpi"),
    }
}

/// An import into the editor made an issue of this many articles.
pub fn imported_articles(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已导入 {count} 篇文章"),
        Lang::En => format!("imported {count} articles"),
    }
}

/// A review status's name.
pub fn status_label(status: crate::model::Status, lang: Lang) -> &'static str {
    use crate::model::Status as St;
    match status {
        St::Draft => S::StatusDraft.get(lang),
        St::InReview => S::StatusInReview.get(lang),
        St::Returned => S::StatusReturned.get(lang),
        St::Approved => S::StatusApproved.get(lang),
        St::Issued => S::StatusIssued.get(lang),
    }
}

/// 状态：送审.
pub fn status_line(status: crate::model::Status, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("状态：{}", status_label(status, lang)),
        Lang::En => format!("Status: {}", status_label(status, lang)),
    }
}

/// The question before a status change.
pub fn confirm_status(from: crate::model::Status, to: crate::model::Status, lang: Lang) -> String {
    let (from, to) = (status_label(from, lang), status_label(to, lang));
    match lang {
        Lang::Zh => format!("将本期状态由“{from}”改为“{to}”？"),
        Lang::En => format!("Change this issue from “{from}” to “{to}”?"),
    }
}

/// A line of the status history.
pub fn history_line(change: &crate::model::review::StatusChange, lang: Lang) -> String {
    let at = change.at.format("%Y-%m-%d %H:%M");
    let (from, to) = (
        status_label(change.from, lang),
        status_label(change.to, lang),
    );
    let note = if change.note.is_empty() {
        String::new()
    } else {
        match lang {
            Lang::Zh => format!("（{}）", change.note),
            Lang::En => format!(" ({})", change.note),
        }
    };
    format!("{at} {}{}{from} → {to}{note}", change.by, sep(lang))
}

/// The note `jianbao export` prints for an issue not approved yet.
pub fn export_unapproved_note(status: crate::model::Status, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("注意：本期尚未审核通过（{}）", status_line(status, lang)),
        Lang::En => format!(
            "note: this issue is not approved ({})",
            status_line(status, lang)
        ),
    }
}

/// Who wrote a comment and when.
pub fn comment_byline(author: &str, at: chrono::NaiveDateTime) -> String {
    format!("{author} · {}", at.format("%Y-%m-%d %H:%M"))
}

/// 未处理的批注（2）.
pub fn open_comments(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("未处理的批注（{count}）"),
        Lang::En => format!("Open comments ({count})"),
    }
}

/// A quoted span in a comment.
pub fn quoted(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("引用：“{text}”"),
        Lang::En => format!("Quote: “{text}”"),
    }
}

/// 与 第11期.ron 比较.
pub fn comparing_with(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("当前草稿与“{name}”比较：删去的文字标红，新增的文字标绿"),
        Lang::En => {
            format!("This draft compared with “{name}”: removed text in red, added text in green")
        }
    }
}

/// Why an import failed.
pub fn import_error(error: &crate::import::ImportError, lang: Lang) -> String {
    use crate::import::ImportError as E;
    match (error, lang) {
        (E::NotABulletin, Lang::Zh) => "未找到简报名称或任何文章，这不像一份简报的文字".to_owned(),
        (E::NotABulletin, Lang::En) => {
            "no bulletin name and no article found: this does not read like a bulletin".to_owned()
        }
        (E::Empty, Lang::Zh) => "没有可导入的文字".to_owned(),
        (E::Empty, Lang::En) => "there is no text to import".to_owned(),
        (E::Docx(_), Lang::Zh) => {
            "无法读取这个 Word 文件（可能不是 .docx 格式或已损坏）".to_owned()
        }
        (E::Docx(detail), Lang::En) => format!("the Word file could not be read ({detail})"),
        (E::DocxTooLarge { limit }, Lang::Zh) => format!(
            "这个 Word 文件解压后超过 {} MB，不像一篇稿件，未读取",
            limit / 1_048_576
        ),
        (E::DocxTooLarge { limit }, Lang::En) => format!(
            "this Word file unpacks to more than {} MB, which is no article; it was not read",
            limit / 1_048_576
        ),
    }
}

/// An operating-system error in plain words.
pub fn io_error(error: &io::Error, lang: Lang) -> String {
    use io::ErrorKind as K;
    let text = match error.kind() {
        K::NotFound => lang.pick("文件或文件夹不存在", "no such file or folder"),
        K::PermissionDenied => lang.pick("没有访问权限", "permission denied"),
        K::IsADirectory => lang.pick("这是一个文件夹，不是文件", "this is a folder, not a file"),
        K::NotADirectory => lang.pick("路径中有一项不是文件夹", "part of the path is not a folder"),
        K::StorageFull => lang.pick("磁盘已满", "the disk is full"),
        K::ReadOnlyFilesystem => lang.pick("磁盘是只读的", "the disk is read-only"),
        K::AlreadyExists => lang.pick("文件已存在", "the file already exists"),
        K::InvalidData => lang.pick("数据无效", "invalid data"),
        _ => {
            return match lang {
                Lang::Zh => format!("系统错误（{error}）"),
                Lang::En => format!("system error ({error})"),
            };
        }
    };
    text.to_owned()
}

/// A RON parse error in plain words.
fn ron_error(error: &ron::Error, lang: Lang) -> String {
    use ron::Error as E;
    if let E::NoSuchStructField {
        expected, found, ..
    } = error
    {
        return unknown_field(found, expected, lang);
    }
    let text = match error {
        E::Eof => lang.pick(
            "文件意外结束，内容不完整（可能被截断）",
            "unexpected end of file: the file is incomplete (truncated?)",
        ),
        E::ExpectedInteger | E::IntegerOutOfBounds | E::InvalidIntegerDigit { .. } => {
            lang.pick("此处应为一个整数", "a whole number is expected here")
        }
        E::ExpectedFloat | E::FloatUnderscore => {
            lang.pick("此处应为一个数字", "a number is expected here")
        }
        E::ExpectedString | E::ExpectedStringEnd => {
            lang.pick("此处应为带引号的文字", "quoted text is expected here")
        }
        E::ExpectedBoolean => lang.pick("此处应为 true 或 false", "true or false is expected here"),
        E::ExpectedComma => lang.pick("此处缺少逗号", "a comma is missing here"),
        E::ExpectedArray | E::ExpectedArrayEnd => lang.pick(
            "此处的列表括号 [ ] 不完整",
            "a list bracket [ ] is missing here",
        ),
        E::ExpectedStructLike
        | E::ExpectedStructLikeEnd
        | E::ExpectedNamedStructLike(_)
        | E::ExpectedOption
        | E::ExpectedOptionEnd => {
            lang.pick("此处的括号 ( ) 不完整", "a parenthesis ( ) is missing here")
        }
        E::ExpectedMap | E::ExpectedMapEnd | E::ExpectedMapColon => lang.pick(
            "此处的字段写法不对（缺少冒号或括号）",
            "a field is malformed here (missing colon or bracket)",
        ),
        E::ExpectedIdentifier | E::InvalidIdentifier(_) => {
            lang.pick("此处应为字段名", "a field name is expected here")
        }
        E::UnexpectedChar(_) => {
            lang.pick("此处出现了不应有的字符", "an unexpected character is here")
        }
        E::TrailingCharacters => lang.pick(
            "简报内容结束后还有多余的文字",
            "there is extra text after the end of the issue",
        ),
        E::ExceededRecursionLimit => {
            lang.pick("括号嵌套层数过多", "brackets are nested too deeply")
        }
        E::InvalidEscape(_) => lang.pick(
            "文字中有无效的转义序列",
            "the text has an invalid escape sequence",
        ),
        E::UnclosedBlockComment | E::UnclosedLineComment => {
            lang.pick("注释没有结束", "a comment is not closed")
        }
        E::Utf8Error(_) => lang.pick(
            "此处不是有效的 UTF-8 文字",
            "the text here is not valid UTF-8",
        ),
        E::InvalidValueForType { .. } | E::ExpectedDifferentLength { .. } => {
            lang.pick("此处的取值类型不对", "the value here has the wrong type")
        }
        E::NoSuchEnumVariant { .. } => lang.pick(
            "此处的取值不在可选范围内",
            "the value here is not one of the allowed choices",
        ),
        E::DuplicateStructField { .. } => lang.pick("同一字段出现了两次", "a field appears twice"),
        E::Message(_) => lang.pick("此处的取值无效", "the value here is invalid"),
        _ => lang.pick("格式错误", "syntax error"),
    };
    // The parser's own words add detail for English readers only, so that a
    // Chinese message never switches language halfway.
    match lang {
        Lang::Zh => text.to_owned(),
        Lang::En => format!("{text} ({error})"),
    }
}

/// A field this version does not know, with the nearest known name: the
/// file is refused rather than the field dropped by the next save.
fn unknown_field(found: &str, expected: &[&str], lang: Lang) -> String {
    let nearest = expected
        .iter()
        .map(|name| (edit_distance(found, name), *name))
        .min()
        .filter(|(distance, name)| *distance <= name.len().max(found.len()) / 2)
        .map(|(_, name)| name);
    match (lang, nearest) {
        (Lang::Zh, Some(name)) => {
            format!("未知字段“{found}”，是否应为“{name}”？（为免保存时丢失其内容，文件未读取）")
        }
        (Lang::Zh, None) => format!(
            "未知字段“{found}”（可用字段：{}；为免保存时丢失其内容，文件未读取）",
            expected.join("、")
        ),
        (Lang::En, Some(name)) => format!(
            "unknown field “{found}”; did you mean “{name}”? (the file was not read, so that nothing in it is lost by a save)"
        ),
        (Lang::En, None) => format!(
            "unknown field “{found}” (known fields: {}; the file was not read, so that nothing in it is lost by a save)",
            expected.join(", ")
        ),
    }
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// 第 11 期 / 增刊第 1 期; No. 11 / Supplement no. 1.
pub fn issue_number(number: Option<u32>, supplement: bool, lang: Lang) -> String {
    let n = number.map_or_else(|| "?".to_owned(), |n| n.to_string());
    match (lang, supplement) {
        (Lang::Zh, false) => format!("第 {n} 期"),
        (Lang::Zh, true) => format!("增刊第 {n} 期"),
        (Lang::En, false) => format!("No. {n}"),
        (Lang::En, true) => format!("Supplement no. {n}"),
    }
}

/// 总第 2177 期 / total 2177; empty without one.
pub fn total_number(total: Option<u32>, lang: Lang) -> String {
    match (total, lang) {
        (None, _) => String::new(),
        (Some(n), Lang::Zh) => format!("总第 {n} 期"),
        (Some(n), Lang::En) => format!("total {n}"),
    }
}

/// 共 2200 期 / 2200 issues.
pub fn issue_total(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("共 {count} 期"),
        Lang::En if count == 1 => "1 issue".to_owned(),
        Lang::En => format!("{count} issues"),
    }
}

/// 共 12 处 / 12 matches (of which `shown` are listed).
pub fn match_total(total: usize, shown: usize, lang: Lang) -> String {
    match (lang, shown < total) {
        (Lang::Zh, false) => format!("共 {total} 处"),
        (Lang::Zh, true) => format!("共 {total} 处，列出前 {shown} 处"),
        (Lang::En, false) if total == 1 => "1 match".to_owned(),
        (Lang::En, false) => format!("{total} matches"),
        (Lang::En, true) => format!("{total} matches, the first {shown} listed"),
    }
}

/// Progress of reading the archive.
pub fn indexing(done: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("正在读取档案：{done} / {total}"),
        Lang::En => format!("Reading the archive: {done} / {total}"),
    }
}

/// A list of numbers: 3、4、7 / 3, 4, 7.
fn number_list(numbers: &[u32], lang: Lang) -> String {
    let items: Vec<String> = numbers.iter().map(u32::to_string).collect();
    items.join(lang.pick("、", ", "))
}

/// What is wrong with an archive's numbering; paths shown relative to
/// `folder`.
pub fn numbering_problem(
    problem: &crate::archive::numbering::Problem,
    folder: &std::path::Path,
    lang: Lang,
) -> String {
    use crate::archive::numbering::Problem as P;
    let files = |paths: &[std::path::PathBuf]| {
        let names: Vec<String> = paths
            .iter()
            .map(|p| crate::archive::relative_path(folder, p))
            .collect();
        names.join(lang.pick("、", ", "))
    };
    let series = |name: &str, supplement: bool| match (lang, supplement) {
        (_, false) => name.to_owned(),
        (Lang::Zh, true) => format!("{name}（增刊）"),
        (Lang::En, true) => format!("{name} (supplements)"),
    };
    match (problem, lang) {
        (
            P::Duplicate {
                name,
                supplement,
                year,
                number,
                paths,
            },
            Lang::Zh,
        ) => format!(
            "{} {year} 年第 {number} 期重复：{}",
            series(name, *supplement),
            files(paths)
        ),
        (
            P::Duplicate {
                name,
                supplement,
                year,
                number,
                paths,
            },
            Lang::En,
        ) => format!(
            "{} {year}: no. {number} appears more than once: {}",
            series(name, *supplement),
            files(paths)
        ),
        (
            P::Gap {
                name,
                supplement,
                year,
                missing,
            },
            Lang::Zh,
        ) => format!(
            "{} {year} 年缺第 {} 期",
            series(name, *supplement),
            number_list(missing, lang)
        ),
        (
            P::Gap {
                name,
                supplement,
                year,
                missing,
            },
            Lang::En,
        ) => format!(
            "{} {year}: no. {} missing",
            series(name, *supplement),
            number_list(missing, lang)
        ),
        (P::DuplicateTotal { name, total, paths }, Lang::Zh) => {
            format!("{name} 总第 {total} 期重复：{}", files(paths))
        }
        (P::DuplicateTotal { name, total, paths }, Lang::En) => {
            format!(
                "{name}: total {total} appears more than once: {}",
                files(paths)
            )
        }
        (P::TotalGap { name, missing }, Lang::Zh) => {
            format!("{name} 缺总第 {} 期", number_list(missing, lang))
        }
        (P::TotalGap { name, missing }, Lang::En) => {
            format!("{name}: total {} missing", number_list(missing, lang))
        }
    }
}

/// Units with no article lately.
pub fn silent_units(units: &[&str], periods: usize, by_year: bool, lang: Lang) -> String {
    let list = units.join(lang.pick("、", ", "));
    match (lang, by_year) {
        (Lang::Zh, false) => format!("近 {periods} 个月未报送：{list}"),
        (Lang::Zh, true) => format!("近 {periods} 年未报送：{list}"),
        (Lang::En, false) => format!("Nothing in the last {periods} months from: {list}"),
        (Lang::En, true) => format!("Nothing in the last {periods} years from: {list}"),
    }
}

/// One unit to chase: when it last sent something.
pub fn overdue_line(overdue: &Overdue, lang: Lang) -> String {
    let unit = &overdue.unit;
    let Some(last) = &overdue.last else {
        return match lang {
            Lang::Zh => format!("{unit}：从未报送"),
            Lang::En => format!("{unit}: never sent anything"),
        };
    };
    let issue = issue_number(last.number, last.supplement, lang);
    let date = last.date.map(|d| d.to_string()).unwrap_or_default();
    let since = overdue.issues_since;
    match lang {
        Lang::Zh => format!("{unit}：最近一次为{issue}（{date}），此后 {since} 期未报送"),
        Lang::En => {
            format!("{unit}: last in {issue} ({date}), nothing in the {since} issues since")
        }
    }
}

/// The reminder to send to units that have gone quiet (催稿通知).
pub fn chase_reminder(units: &[&str], window: Window, lang: Lang) -> String {
    let list = units.join(lang.pick("、", ", "));
    match (lang, window) {
        (Lang::Zh, Window::Issues(n)) => {
            format!("请以下单位尽快报送稿件（近 {n} 期简报未见来稿）：{list}。")
        }
        (Lang::Zh, Window::Months(m, _)) => {
            format!("请以下单位尽快报送稿件（近 {m} 个月未见来稿）：{list}。")
        }
        (Lang::En, Window::Issues(n)) => {
            format!("Please send your articles soon (nothing in the last {n} issues): {list}.")
        }
        (Lang::En, Window::Months(m, _)) => {
            format!("Please send your articles soon (nothing in the last {m} months): {list}.")
        }
    }
}

/// 2021年各单位供稿统计.csv.
pub fn figures_file_name(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year}年各单位供稿统计.csv"),
        Lang::En => format!("{year}-figures-by-unit.csv"),
    }
}

/// 2021 年合订本.
pub fn volume_subtitle(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year} 年合订本"),
        Lang::En => format!("Volume {year}"),
    }
}

/// The volume's subtitle for a span: 2021 年合订本, or its dates.
pub fn span_subtitle(span: &crate::archive::volume::Span, lang: Lang) -> String {
    match (span.year, span.from, span.to) {
        (Some(year), None, None) => volume_subtitle(year, lang),
        (year, from, to) => {
            let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            let (from, to) = match (from, to, year) {
                (None, None, Some(y)) => (format!("{y}-01-01"), format!("{y}-12-31")),
                _ => (day(from), day(to)),
            };
            match lang {
                Lang::Zh => format!("{from} 至 {to} 合订本"),
                Lang::En => format!("Volume {from} to {to}"),
            }
        }
    }
}

/// No issue in the span asked for.
pub fn volume_none(span: &crate::archive::volume::Span, lang: Lang) -> String {
    match span.year {
        Some(year) if span.from.is_none() && span.to.is_none() && span.numbers.is_none() => {
            volume_empty(year, lang)
        }
        _ => lang
            .pick(
                "档案库中没有所选范围内的简报",
                "the archive has no issue in that range",
            )
            .to_owned(),
    }
}

/// The archive has no issue dated in the year.
pub fn volume_empty(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("档案库中没有 {year} 年的简报"),
        Lang::En => format!("the archive has no issue of {year}"),
    }
}

/// Everything odd about the issues a volume binds, a line each.
pub fn volume_oddities(
    chosen: &[&crate::archive::Entry],
    folder: &std::path::Path,
    lang: Lang,
) -> Vec<String> {
    let (problems, unissued) = crate::archive::volume::oddities(chosen);
    problems
        .iter()
        .map(|p| numbering_problem(p, folder, lang))
        .chain(unissued.iter().map(|e| volume_not_issued(e, folder, lang)))
        .collect()
}

/// An issue bound although not yet issued.
pub fn volume_not_issued(
    entry: &crate::archive::Entry,
    folder: &std::path::Path,
    lang: Lang,
) -> String {
    let file = crate::archive::relative_path(folder, &entry.path);
    let issue = issue_number(entry.number, entry.supplement, lang);
    let status = status_label(entry.status, lang);
    match lang {
        Lang::Zh => format!("注意：{issue}（{file}）尚未签发（状态：{status}）"),
        Lang::En => format!("note: {issue} ({file}) is not issued yet (status: {status})"),
    }
}

/// 已将 50 期编为合订本：2021.pdf.
pub fn volume_written(count: usize, path: &std::path::Path, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已将 {count} 期编为合订本：{}", path.display()),
        Lang::En => format!("bound {count} issues into {}", path.display()),
    }
}

/// The CSV of a year's figures: its column headings.
pub fn figures_header(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Zh => ["单位", "文章数", "字数", "见报期数"],
        Lang::En => ["Unit", "Articles", "Characters", "Issues"],
    }
}

/// An archive path that is not a folder.
pub fn not_a_folder(lang: Lang) -> &'static str {
    lang.pick(
        "不是文件夹，或无法读取",
        "is not a folder, or cannot be read",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_budget_is_said_against_the_target() {
        let budget = crate::typeset::PageBudget {
            pages: 3,
            free_lines: 6,
            page_lines: 22,
            ..Default::default()
        };
        let say = |target| page_budget(&budget, target, Lang::Zh);
        assert_eq!(say(None), "3 版 · 末页余 6 行");
        assert_eq!(say(Some(3)), "3 版 · 末页余 6 行");
        assert_eq!(say(Some(4)), "3 版（目标 4 版） · 末页余 6 行");
        // Two pages: the whole third page (16 lines set) and 22 more.
        assert_eq!(say(Some(1)), "3 版 · 超出目标 1 版 38 行");
        let alone = crate::typeset::PageBudget {
            footer_alone: Some(2),
            ..budget.clone()
        };
        assert_eq!(
            page_budget(&alone, Some(2), Lang::Zh),
            "3 版 · 报尾独占末页，删去 2 行可回到上一页"
        );
        assert_eq!(
            page_budget(&budget, Some(2), Lang::En),
            "3 pages · 16 lines over the target of 2"
        );
    }
    use crate::i18n::Wording;
    use std::path::Path;

    #[test]
    fn load_errors_name_file_and_place_in_both_languages() {
        let text = "(\n    schema: 2,\n    masthead: (number: Some(\"十一\")),\n)";
        let error = crate::store::from_ron(text, Path::new("第11期.ron")).expect_err("bad type");
        let zh = error.message(Lang::Zh);
        assert!(zh.starts_with("第11期.ron 第 3 行第 "), "{zh}");
        assert!(zh.contains("整数"), "{zh}");
        let en = error.message(Lang::En);
        assert!(en.starts_with("第11期.ron, line 3, column "), "{en}");
        assert!(en.contains("whole number"), "{en}");
    }

    #[test]
    fn article_places_read_naturally() {
        let field = Field::Article {
            section: 0,
            article: 2,
            part: ArticlePart::Paragraph(1),
        };
        assert_eq!(
            field_label(&field, Lang::Zh),
            "第 1 栏第 3 篇 · 正文第 2 段"
        );
        assert_eq!(
            field_label(&field, Lang::En),
            "section 1, article 3 · paragraph 2"
        );
    }
}
