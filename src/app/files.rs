//! Native file dialogs behind a trait, so tests can answer them.

use std::path::{Path, PathBuf};

use crate::i18n::{Lang, S};

/// The questions the editor asks about files. Each returns `None` when the
/// user cancels.
pub trait FileDialogs {
    /// A draft to open.
    fn open_draft(&mut self, lang: Lang) -> Option<PathBuf>;
    /// Where to save a draft; `name` is the suggested file name. The path
    /// is as the user confirmed it (perhaps without `.ron`).
    fn save_draft(&mut self, lang: Lang, name: &str) -> Option<PathBuf>;
    /// Where to write a PDF.
    fn save_pdf(&mut self, lang: Lang, name: &str) -> Option<PathBuf>;
    /// A folder to export into.
    fn pick_folder(&mut self, lang: Lang) -> Option<PathBuf>;
    /// Where to write a table (CSV); `name` is the suggested file name.
    /// Unless told otherwise, the same question as a PDF's.
    fn save_csv(&mut self, lang: Lang, name: &str) -> Option<PathBuf> {
        self.save_pdf(lang, name)
    }
    /// A text or Word file to import.
    fn open_import(&mut self, lang: Lang) -> Option<PathBuf>;
    /// A photo to insert. Unless told otherwise, the same question as an
    /// import's.
    fn open_image(&mut self, lang: Lang) -> Option<PathBuf> {
        self.open_import(lang)
    }
    /// The folder of past issues.
    fn pick_archive_folder(&mut self, lang: Lang) -> Option<PathBuf> {
        self.pick_folder(lang)
    }
    /// Whether the last question could not be asked at all (this system
    /// has no file dialog), rather than cancelled.
    fn unavailable(&self) -> bool {
        false
    }
}

/// The operating system's dialogs (through the XDG portal on Linux, with
/// zenity as rfd's fallback). rfd answers "cancelled" when neither can be
/// shown; what it logs tells the two apart (see [`failures`]).
pub struct NativeDialogs;

impl NativeDialogs {
    /// A dialog, watched for rfd's report that it could not be shown.
    fn ask(show: impl FnOnce() -> Option<PathBuf>) -> Option<PathBuf> {
        failures::watch();
        show()
    }
}

impl FileDialogs for NativeDialogs {
    fn unavailable(&self) -> bool {
        failures::seen()
    }

    fn open_draft(&mut self, lang: Lang) -> Option<PathBuf> {
        Self::ask(|| {
            rfd::FileDialog::new()
                .set_title(S::OpenTitle.get(lang))
                .add_filter(S::DraftFiles.get(lang), &["ron"])
                // The version before the last save, `第11期.ron.bak`.
                .add_filter(S::BackupFiles.get(lang), &["bak"])
                .pick_file()
        })
    }

    fn save_draft(&mut self, lang: Lang, name: &str) -> Option<PathBuf> {
        Self::ask(|| {
            rfd::FileDialog::new()
                .set_title(S::SaveAsTitle.get(lang))
                .add_filter(S::DraftFiles.get(lang), &["ron"])
                .set_file_name(name)
                // The extension is added by the caller, which asks before
                // replacing a file the dialog never asked about.
                .save_file()
        })
    }

    fn save_pdf(&mut self, lang: Lang, name: &str) -> Option<PathBuf> {
        Self::ask(|| {
            rfd::FileDialog::new()
                .set_title(S::ExportPdfTitle.get(lang))
                .add_filter("PDF", &["pdf"])
                .set_file_name(name)
                .save_file()
        })
    }

    fn save_csv(&mut self, lang: Lang, name: &str) -> Option<PathBuf> {
        Self::ask(|| {
            rfd::FileDialog::new()
                .set_title(S::YearFigures.get(lang))
                .add_filter("CSV", &["csv"])
                .set_file_name(name)
                .save_file()
        })
    }

    fn pick_folder(&mut self, lang: Lang) -> Option<PathBuf> {
        Self::ask(|| {
            rfd::FileDialog::new()
                .set_title(S::ExportFolderTitle.get(lang))
                .pick_folder()
        })
    }

    fn pick_archive_folder(&mut self, lang: Lang) -> Option<PathBuf> {
        Self::ask(|| {
            rfd::FileDialog::new()
                .set_title(S::ArchiveFolderTitle.get(lang))
                .pick_folder()
        })
    }

    fn open_import(&mut self, lang: Lang) -> Option<PathBuf> {
        Self::ask(|| {
            rfd::FileDialog::new()
                .set_title(S::ImportTitle.get(lang))
                .add_filter(S::ImportFiles.get(lang), &["txt", "docx"])
                .pick_file()
        })
    }

    fn open_image(&mut self, lang: Lang) -> Option<PathBuf> {
        Self::ask(|| {
            rfd::FileDialog::new()
                .set_title(S::InsertPhotoTitle.get(lang))
                .add_filter(
                    S::ImageFiles.get(lang),
                    &["jpg", "jpeg", "png", "JPG", "JPEG", "PNG"],
                )
                .pick_file()
        })
    }
}

/// Dialogs that are always cancelled: for an editor driven by a program.
pub const NO_DIALOGS: Unanswered = Unanswered { unavailable: false };

/// A system with no file dialog at all (no portal, no zenity): every
/// question comes back unanswered and says it could not be asked.
pub const UNAVAILABLE: Unanswered = Unanswered { unavailable: true };

/// File dialogs that never answer: cancelled by the user, or (with
/// `unavailable`) impossible to show.
#[derive(Clone, Copy, Debug)]
pub struct Unanswered {
    pub unavailable: bool,
}

impl FileDialogs for Unanswered {
    fn open_draft(&mut self, _: Lang) -> Option<PathBuf> {
        None
    }
    fn save_draft(&mut self, _: Lang, _: &str) -> Option<PathBuf> {
        None
    }
    fn save_pdf(&mut self, _: Lang, _: &str) -> Option<PathBuf> {
        None
    }
    fn pick_folder(&mut self, _: Lang) -> Option<PathBuf> {
        None
    }
    fn open_import(&mut self, _: Lang) -> Option<PathBuf> {
        None
    }
    fn unavailable(&self) -> bool {
        self.unavailable
    }
}

/// rfd's reports that a dialog could not be shown, caught through the
/// `log` facade: the one place where "no dialog on this system" differs
/// from "cancelled".
pub mod failures {
    use std::sync::Once;
    use std::sync::atomic::{AtomicBool, Ordering};

    static SEEN: AtomicBool = AtomicBool::new(false);
    static INSTALL: Once = Once::new();

    /// Listens to rfd's errors (only them: nothing else is logged).
    struct Listener;

    impl log::Log for Listener {
        fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
            metadata.level() == log::Level::Error && metadata.target().starts_with("rfd")
        }
        fn log(&self, record: &log::Record<'_>) {
            if self.enabled(record.metadata()) {
                SEEN.store(true, Ordering::SeqCst);
            }
        }
        fn flush(&self) {}
    }

    /// Starts watching for the next dialog (installs the listener once;
    /// where another logger was installed first, nothing is ever seen).
    pub fn watch() {
        INSTALL.call_once(|| {
            if log::set_logger(&Listener).is_ok() {
                log::set_max_level(log::LevelFilter::Error);
            }
        });
        SEEN.store(false, Ordering::SeqCst);
    }

    /// Whether rfd reported a failure since [`watch`].
    pub fn seen() -> bool {
        SEEN.load(Ordering::SeqCst)
    }
}

/// `path` with `extension` added when the user typed a name without it.
pub fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    let has_it = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension));
    if has_it {
        path
    } else {
        let mut name = path.file_name().unwrap_or_default().to_owned();
        name.push(".");
        name.push(extension);
        path.with_file_name(name)
    }
}

/// `draft.ron` → `draft.pdf`, for the export dialog's suggestion.
pub fn sibling_name(path: Option<&Path>, fallback: &str, extension: &str) -> String {
    let stem = path
        .and_then(Path::file_stem)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| fallback.to_owned());
    format!("{stem}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dialog_that_rfd_could_not_show_is_told_from_a_cancelled_one() {
        failures::watch();
        assert!(!failures::seen());
        log::warn!(target: "rfd::backend", "Using zenity fallback");
        log::error!(target: "other", "not about dialogs");
        assert!(!failures::seen(), "only rfd's errors count");
        log::error!(target: "rfd::backend::xdg_desktop_portal", "Failed to pick file with zenity");
        assert!(failures::seen());
        failures::watch();
        assert!(!failures::seen(), "each dialog is watched afresh");
    }

    #[test]
    fn extensions_are_added_only_when_missing() {
        assert_eq!(
            with_extension("第11期".into(), "ron"),
            PathBuf::from("第11期.ron")
        );
        assert_eq!(
            with_extension("a/第11期.RON".into(), "ron"),
            PathBuf::from("a/第11期.RON")
        );
        assert_eq!(
            with_extension("a/v1.2".into(), "pdf"),
            PathBuf::from("a/v1.2.pdf")
        );
        assert_eq!(
            sibling_name(Some(Path::new("/x/第11期.ron")), "简报", "pdf"),
            "第11期.pdf"
        );
        assert_eq!(sibling_name(None, "简报", "ron"), "简报.ron");
    }
}
