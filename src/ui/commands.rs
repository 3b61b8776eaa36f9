//! The one table of the editor's menu commands: each entry owns its label
//! (both languages, through [`S`]), its shortcuts, when it is enabled and
//! where it appears. The menu bar, the application shortcuts and the
//! reviewer-mode disabling are all built from it, so a command's facts are
//! written once (after rerun's `re_ui::UICommand`).
//!
//! Shortcut text is formatted by egui for the platform (Ctrl+N on Linux
//! and Windows, ⌘N on macOS), never written out by hand.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{Command, OutlineAction};
use crate::i18n::S;
use crate::model::Status;

/// What decides whether an entry is enabled (and, for Add article, which
/// section it adds to): read once per frame from the window's state.
#[derive(Clone, Copy, Debug, Default)]
pub struct Enabledness {
    pub has_session: bool,
    /// The content may be changed (not read-only, not reviewing, not
    /// approved or issued).
    pub editable: bool,
    pub can_undo: bool,
    pub can_redo: bool,
    /// The section a new article goes to.
    pub section: Option<usize>,
    /// The status, when a draft is open and its status may be changed.
    pub status: Option<Status>,
}

impl Enabledness {
    fn may_move_to(&self, to: Status) -> bool {
        self.status.is_some_and(|from| from.next().contains(&to))
    }
}

/// The menu an entry appears in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    File,
    Edit,
    Review,
    View,
}

/// One command as the menus and the keyboard offer it.
pub struct Entry {
    pub label: S,
    /// The first is shown in the menu; all are taken from the keyboard.
    pub shortcuts: &'static [KeyboardShortcut],
    pub menu: Menu,
    /// A separator goes before it in its menu.
    pub separated: bool,
    pub enabled: fn(&Enabledness) -> bool,
    pub command: fn(&Enabledness) -> Command,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

fn always(_: &Enabledness) -> bool {
    true
}

fn with_session(e: &Enabledness) -> bool {
    e.has_session
}

fn editable(e: &Enabledness) -> bool {
    e.editable
}

/// Every menu command, in menu order.
pub const TABLE: &[Entry] = &[
    Entry {
        label: S::NewIssue,
        shortcuts: &[key(CMD, Key::N)],
        menu: Menu::File,
        separated: false,
        enabled: always,
        command: |_| Command::New,
    },
    Entry {
        label: S::NewFromLatest,
        shortcuts: &[key(CMD_SHIFT, Key::N)],
        menu: Menu::File,
        separated: false,
        enabled: always,
        command: |_| Command::NewFromLatest { supplement: false },
    },
    Entry {
        label: S::NewSupplement,
        shortcuts: &[],
        menu: Menu::File,
        separated: false,
        enabled: always,
        command: |_| Command::NewFromLatest { supplement: true },
    },
    Entry {
        label: S::Profiles,
        shortcuts: &[],
        menu: Menu::File,
        separated: false,
        enabled: always,
        command: |_| Command::Profiles,
    },
    Entry {
        label: S::OpenEllipsis,
        shortcuts: &[key(CMD, Key::O)],
        menu: Menu::File,
        separated: false,
        enabled: always,
        command: |_| Command::Open,
    },
    Entry {
        label: S::OpenSample,
        shortcuts: &[],
        menu: Menu::File,
        separated: false,
        enabled: always,
        command: |_| Command::OpenSample,
    },
    Entry {
        label: S::ImportBulletinEllipsis,
        shortcuts: &[],
        menu: Menu::File,
        separated: false,
        enabled: always,
        command: |_| Command::ImportBulletin,
    },
    // The recent-files submenu follows here (see `RECENT_AFTER`).
    Entry {
        label: S::Save,
        shortcuts: &[key(CMD, Key::S)],
        menu: Menu::File,
        separated: true,
        enabled: with_session,
        command: |_| Command::Save,
    },
    Entry {
        label: S::SaveAsEllipsis,
        shortcuts: &[key(CMD_SHIFT, Key::S)],
        menu: Menu::File,
        separated: false,
        enabled: with_session,
        command: |_| Command::SaveAs,
    },
    Entry {
        label: S::ExportPdfEllipsis,
        shortcuts: &[key(CMD, Key::E)],
        menu: Menu::File,
        separated: false,
        enabled: with_session,
        command: |_| Command::ExportPdf,
    },
    Entry {
        label: S::ExportEllipsis,
        shortcuts: &[key(CMD_SHIFT, Key::E)],
        menu: Menu::File,
        separated: false,
        enabled: with_session,
        command: |_| Command::Export,
    },
    Entry {
        label: S::CloseIssue,
        shortcuts: &[key(CMD, Key::W)],
        menu: Menu::File,
        separated: true,
        enabled: with_session,
        command: |_| Command::Close,
    },
    Entry {
        label: S::Quit,
        shortcuts: &[key(CMD, Key::Q)],
        menu: Menu::File,
        separated: false,
        enabled: always,
        command: |_| Command::Quit,
    },
    Entry {
        label: S::Undo,
        shortcuts: &[key(CMD, Key::Z)],
        menu: Menu::Edit,
        separated: false,
        enabled: |e| e.can_undo,
        command: |_| Command::Undo,
    },
    Entry {
        label: S::Redo,
        shortcuts: &[key(CMD, Key::Y), key(CMD_SHIFT, Key::Z)],
        menu: Menu::Edit,
        separated: false,
        enabled: |e| e.can_redo,
        command: |_| Command::Redo,
    },
    Entry {
        label: S::AddSection,
        shortcuts: &[],
        menu: Menu::Edit,
        separated: true,
        enabled: editable,
        command: |_| Command::Outline(OutlineAction::AddSection),
    },
    Entry {
        label: S::AddArticle,
        shortcuts: &[],
        menu: Menu::Edit,
        separated: false,
        enabled: |e| e.editable && e.section.is_some(),
        command: |e| {
            Command::Outline(OutlineAction::AddArticle {
                section: e.section.unwrap_or(0),
            })
        },
    },
    Entry {
        label: S::ImportArticleEllipsis,
        shortcuts: &[],
        menu: Menu::Edit,
        separated: true,
        enabled: editable,
        command: |_| Command::ImportArticle,
    },
    Entry {
        label: S::PasteArticleEllipsis,
        shortcuts: &[],
        menu: Menu::Edit,
        separated: false,
        enabled: editable,
        command: |_| Command::PasteArticle,
    },
    Entry {
        label: S::OpenForReviewEllipsis,
        shortcuts: &[],
        menu: Menu::Review,
        separated: false,
        enabled: always,
        command: |_| Command::OpenForReview,
    },
    // The reviewer-mode check box follows here (see `menus`).
    Entry {
        label: S::SendForReview,
        shortcuts: &[],
        menu: Menu::Review,
        separated: true,
        enabled: |e| e.may_move_to(Status::InReview),
        command: |_| Command::SetStatus(Status::InReview),
    },
    Entry {
        label: S::ReturnIssue,
        shortcuts: &[],
        menu: Menu::Review,
        separated: false,
        enabled: |e| e.may_move_to(Status::Returned),
        command: |_| Command::SetStatus(Status::Returned),
    },
    Entry {
        label: S::ApproveIssue,
        shortcuts: &[],
        menu: Menu::Review,
        separated: false,
        enabled: |e| e.may_move_to(Status::Approved),
        command: |_| Command::SetStatus(Status::Approved),
    },
    Entry {
        label: S::IssueIssue,
        shortcuts: &[],
        menu: Menu::Review,
        separated: false,
        enabled: |e| e.may_move_to(Status::Issued),
        command: |_| Command::SetStatus(Status::Issued),
    },
    Entry {
        label: S::ReopenIssue,
        shortcuts: &[],
        menu: Menu::Review,
        separated: false,
        enabled: |e| e.may_move_to(Status::Draft),
        command: |_| Command::SetStatus(Status::Draft),
    },
    // The status history submenu follows here.
    Entry {
        label: S::CompareEllipsis,
        shortcuts: &[],
        menu: Menu::Review,
        separated: true,
        enabled: with_session,
        command: |_| Command::Compare,
    },
    Entry {
        label: S::ArchiveEllipsis,
        shortcuts: &[],
        menu: Menu::View,
        separated: false,
        enabled: always,
        command: |_| Command::Archive,
    },
    Entry {
        label: S::Settings,
        shortcuts: &[],
        menu: Menu::View,
        separated: false,
        enabled: always,
        command: |_| Command::Settings,
    },
    Entry {
        label: S::ProblemsMenu,
        shortcuts: &[],
        menu: Menu::View,
        separated: false,
        enabled: with_session,
        command: |_| Command::Problems,
    },
];

/// The File menu's recent-files submenu goes after this entry.
pub const RECENT_AFTER: S = S::ImportBulletinEllipsis;

/// The Review menu's reviewer-mode check box goes after this entry, and
/// the status history after the last status entry.
pub const REVIEWER_MODE_AFTER: S = S::OpenForReviewEllipsis;
pub const HISTORY_AFTER: S = S::ReopenIssue;

/// The entries of one menu, in order.
pub fn menu(menu: Menu) -> impl Iterator<Item = &'static Entry> {
    TABLE.iter().filter(move |e| e.menu == menu)
}

/// Every shortcut with its entry, those with more modifiers first: egui
/// matches Ctrl+Shift+Z against a Ctrl+Z shortcut too, so the longer one
/// must be taken before the shorter can see it.
pub fn shortcuts() -> Vec<(KeyboardShortcut, &'static Entry)> {
    let mut all: Vec<(KeyboardShortcut, &'static Entry)> = TABLE
        .iter()
        .flat_map(|e| e.shortcuts.iter().map(move |s| (*s, e)))
        .collect();
    let weight = |m: Modifiers| [m.shift, m.alt, m.ctrl || m.command || m.mac_cmd];
    all.sort_by_key(|(s, _)| std::cmp::Reverse(weight(s.modifiers).iter().filter(|b| **b).count()));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_shortcut_is_taken_twice_and_longer_ones_come_first() {
        let all = shortcuts();
        let mut seen = std::collections::HashSet::new();
        for (shortcut, _) in &all {
            assert!(seen.insert(*shortcut), "{shortcut:?} twice");
        }
        let redo_shift = all
            .iter()
            .position(|(s, _)| *s == key(CMD_SHIFT, Key::Z))
            .expect("Ctrl+Shift+Z");
        let undo = all
            .iter()
            .position(|(s, _)| *s == key(CMD, Key::Z))
            .expect("Ctrl+Z");
        assert!(redo_shift < undo);
    }

    #[test]
    fn nothing_that_changes_the_content_is_enabled_without_editing() {
        let reviewing = Enabledness {
            has_session: true,
            section: Some(0),
            ..Enabledness::default()
        };
        for entry in [
            S::AddSection,
            S::AddArticle,
            S::ImportArticleEllipsis,
            S::PasteArticleEllipsis,
        ] {
            let entry = TABLE.iter().find(|e| e.label == entry).expect("listed");
            assert!(!(entry.enabled)(&reviewing), "{:?}", entry.label);
        }
        let editing = Enabledness {
            editable: true,
            ..reviewing
        };
        let add = TABLE
            .iter()
            .find(|e| e.label == S::AddArticle)
            .expect("listed");
        assert!((add.enabled)(&editing));
        assert_eq!(
            (add.command)(&editing),
            Command::Outline(OutlineAction::AddArticle { section: 0 })
        );
    }
}
