//! The open document: everything that belongs to one draft in the window,
//! replaced whole when another draft comes in.

use crate::app::{Selection, Session};
use crate::lint::Finding;
use crate::model::Issue;

/// One draft in the window.
///
/// Invariant: `findings` are the proofreader's findings on `linted`, the
/// issue as last proofread; when `linted` is `None` they are stale and are
/// recomputed at the end of the frame.
pub struct Document {
    pub session: Session,
    pub(super) selection: Selection,
    pub(super) findings: Vec<Finding>,
    linted: Option<Issue>,
    /// The user said to export this unapproved issue anyway (asked once
    /// per draft and status).
    pub(super) export_approved: bool,
}

impl Document {
    pub fn new(session: Session) -> Self {
        Self {
            session,
            selection: Selection::Masthead,
            findings: Vec::new(),
            linted: None,
            export_approved: false,
        }
    }

    /// Whether the findings are of the content as it is (a comment or a
    /// status change leaves them as they are).
    pub(super) fn is_proofread(&self) -> bool {
        self.linted
            .as_ref()
            .is_some_and(|linted| linted.same_content(&self.session.issue))
    }

    /// Proofreads the content as it is; `covers` says whether the fonts
    /// have a character, `earlier` finds repeated copy.
    pub(super) fn proofread(
        &mut self,
        covers: &dyn Fn(char) -> bool,
        earlier: Option<crate::lint::FindEarlier<'_>>,
    ) {
        let cx = crate::lint::Context {
            today: chrono::Local::now().date_naive(),
            covers,
            earlier,
            measure_mm: crate::typeset::PAGE.type_width(),
        };
        self.findings = crate::lint::lint(&self.session.issue, &cx);
        self.linted = Some(self.session.issue.clone());
    }

    /// The findings are recomputed at the end of the frame (the fonts
    /// changed, so what counts as missing did).
    pub(super) fn forget_findings(&mut self) {
        self.linted = None;
    }
}
