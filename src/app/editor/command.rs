//! What the user can ask of the editor, as data: the views (menus,
//! shortcuts, panels, windows) return these, and [`super::Editor::execute`]
//! carries them out. Nothing here knows how it was asked for.

use std::path::PathBuf;

use crate::app::Selection;
use crate::export::Target;
use crate::lint::{Finding, Rule};
use crate::model::{ArticleId, CommentId, Profile, Quote, Status};

/// Everything the user can ask for from menus, shortcuts, buttons and
/// windows.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    New,
    Open,
    OpenPath(PathBuf),
    OpenSample,
    Save,
    SaveAs,
    ExportPdf,
    /// Open the export dialog.
    Export,
    /// Write these files (the export dialog's Start); files that exist
    /// are replaced only with `replace` (else the user is asked).
    StartExport {
        targets: Vec<Target>,
        replace: bool,
    },
    /// Choose the export dialog's folder.
    PickExportFolder,
    Close,
    Quit,
    Undo,
    Redo,
    Settings,
    /// A whole bulletin from a text file, as a new issue.
    ImportBulletin,
    /// One article from a Word or text file, into the current section.
    ImportArticle,
    /// A photo from an image file (asked for when `path` is `None`, as
    /// when a file is dropped it is given), added after the article's
    /// last paragraph.
    InsertPhoto {
        article: crate::model::ArticleId,
        path: Option<std::path::PathBuf>,
    },
    /// An image pasted from the clipboard, as a photo of the article.
    PastePhoto {
        article: crate::model::ArticleId,
        image: std::sync::Arc<egui::ColorImage>,
    },
    /// Open the window to paste an article's text into.
    PasteArticle,
    /// One article from pasted text, into the current section.
    AddPastedArticle(String),
    /// Show or hide the problems panel.
    Problems,
    Problem(ProblemAction),
    Outline(OutlineAction),
    /// The article under the pointer in the preview becomes the selection
    /// (the preview is not scrolled: it is where the user clicked).
    PointAt(ArticleId),
    /// Open a draft with reviewer mode on.
    OpenForReview,
    /// Reviewer mode on or off.
    ToggleReviewing,
    /// Move the review status (after confirming).
    SetStatus(Status),
    /// Compare the draft with another version of it.
    Compare,
    Comment(CommentAction),
    /// Show or hide the archive window.
    Archive,
    /// Choose the archive folder.
    PickArchiveFolder,
    /// The next issue after the newest in the archive.
    NewFromLatest {
        supplement: bool,
    },
    /// Show the bulletin profiles (简报系列), listed afresh.
    Profiles,
    /// A new issue from a profile, numbered after the archive's issues of
    /// its series.
    NewFromProfile(Box<Profile>),
    /// Write a profile.
    SaveProfile {
        profile: Box<Profile>,
        to: super::ProfileTarget,
    },
    /// Bind a year's issues into one volume (合订本), where the user
    /// chooses, on a thread of its own.
    CompileVolume {
        year: i32,
        issued_only: bool,
    },
    /// Write a year's figures per unit (articles, characters, issues) as
    /// CSV, where the user chooses.
    ExportYearFigures {
        year: i32,
    },
    /// Open a draft at one of its articles, with these words selected (a
    /// search result).
    OpenArticle(PathBuf, ArticleId, Quote),
}

impl Command {
    /// Commands that replace or close the open draft ask about unsaved
    /// changes first.
    pub fn discards_draft(&self) -> bool {
        matches!(
            self,
            Command::New
                | Command::Open
                | Command::OpenPath(_)
                | Command::OpenSample
                | Command::OpenForReview
                | Command::NewFromLatest { .. }
                | Command::NewFromProfile(_)
                | Command::OpenArticle(..)
                | Command::ImportBulletin
                | Command::Close
                | Command::Quit
        )
    }

    /// Commands that sign something with the user's name.
    pub fn needs_name(&self) -> bool {
        matches!(
            self,
            Command::SetStatus(_)
                | Command::Comment(CommentAction::Add { .. } | CommentAction::Reply { .. })
        )
    }

    /// Commands that write the issue out of the editor (asked about once
    /// per draft and status while it is not approved).
    pub fn exports(&self) -> bool {
        matches!(self, Command::Export | Command::ExportPdf)
    }
}

/// A structural edit asked for in the outline; the editor applies it, so
/// that it becomes an undo step of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutlineAction {
    Select(Selection),
    AddSection,
    AddArticle {
        section: usize,
    },
    DeleteSection(usize),
    DeleteArticle(ArticleId),
    DuplicateSection(usize),
    DuplicateArticle(ArticleId),
    MoveSection {
        section: usize,
        delta: isize,
    },
    MoveArticle {
        id: ArticleId,
        delta: isize,
    },
    /// Drag and drop: put the article at `index` in `section`.
    DropArticle {
        id: ArticleId,
        section: usize,
        index: usize,
    },
    DropSection {
        section: usize,
        to: usize,
    },
}

/// What the user asked of the comments; the editor applies it, stamping
/// the author and time.
#[derive(Clone, Debug, PartialEq)]
pub enum CommentAction {
    Add {
        article: ArticleId,
        quote: Option<Quote>,
        text: String,
    },
    Reply {
        id: CommentId,
        text: String,
    },
    Resolve {
        id: CommentId,
        resolved: bool,
    },
    /// Only the author's own comment, while nobody has replied.
    Delete(CommentId),
    /// Select the quoted words in the article.
    Show(CommentId),
}

/// What the user asked for in the problems panel.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemAction {
    /// Show the finding's characters in their form.
    Jump(Finding),
    /// Apply this finding's fix.
    Fix(Finding),
    /// Apply every safe fix of this rule.
    FixAll(Rule),
    /// Show the earlier paragraph a repeated one comes from, in the
    /// archive window.
    ShowEarlier(Finding),
}
