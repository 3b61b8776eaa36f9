//! The editor core driven by commands and answers alone, with no window:
//! file dialogs answer from a script, and the effects the views would
//! carry out are checked as data.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use super::*;
use crate::app::files::FileDialogs;
use crate::model::Status;

/// File dialogs that answer with the paths queued, in order; an empty
/// queue is a cancelled dialog.
#[derive(Default)]
struct Script(VecDeque<PathBuf>);

impl FileDialogs for Script {
    fn open_draft(&mut self, _: Lang) -> Option<PathBuf> {
        self.0.pop_front()
    }
    fn save_draft(&mut self, _: Lang, _: &str) -> Option<PathBuf> {
        self.0.pop_front()
    }
    fn save_pdf(&mut self, _: Lang, _: &str) -> Option<PathBuf> {
        self.0.pop_front()
    }
    fn pick_folder(&mut self, _: Lang) -> Option<PathBuf> {
        self.0.pop_front()
    }
    fn open_import(&mut self, _: Lang) -> Option<PathBuf> {
        self.0.pop_front()
    }
}

fn editor(answers: &[&Path]) -> Editor {
    editor_with(answers, None)
}

fn editor_with(answers: &[&Path], recovery_dir: Option<PathBuf>) -> Editor {
    let setup = Setup {
        settings_path: None,
        lang: Some(Lang::Zh),
        fonts: Fonts::Bundled,
        dialogs: Box::new(Script(answers.iter().map(|p| p.to_path_buf()).collect())),
        recovery_dir,
    };
    Editor::new(setup, || {})
}

/// Types into the masthead, as a form would, and ends the frame so that
/// the edit becomes an undo step.
fn edit_name(editor: &mut Editor, text: &str, now: f64) {
    let session = editor.session_mut().expect("a draft is open");
    session.issue.masthead.name.push_str(text);
    editor.end_frame(now);
}

fn replaced(effects: &[Effect]) -> bool {
    effects
        .iter()
        .any(|e| matches!(e, Effect::DocumentReplaced))
}

#[test]
fn new_over_unsaved_work_asks_and_each_answer_does_what_it_says() {
    let mut editor = editor(&[]);
    assert!(replaced(&editor.command(Command::OpenSample)));
    edit_name(&mut editor, "（改）", 1.0);

    assert!(editor.command(Command::New).is_empty());
    assert!(matches!(
        editor.question(),
        Some(Question::Unsaved(Command::New))
    ));
    editor.answer(Answer::Unsaved(UnsavedAnswer::Cancel));
    assert!(editor.question().is_none());
    let name = &editor.session().expect("still open").issue.masthead.name;
    assert!(name.ends_with("（改）"), "cancel keeps the edits: {name}");

    editor.command(Command::New);
    let effects = editor.answer(Answer::Unsaved(UnsavedAnswer::Discard));
    assert!(replaced(&effects));
    let session = editor.session().expect("a new issue");
    assert!(session.issue.sections.is_empty() || session.issue.articles().count() == 0);
    assert!(!session.is_dirty());
}

#[test]
fn save_asks_for_a_name_once_then_writes_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("第11期.ron");
    let mut editor = editor(&[&target]);
    editor.command(Command::OpenSample);
    edit_name(&mut editor, "（定稿）", 1.0);
    assert!(editor.title().contains('●'), "{}", editor.title());

    editor.command(Command::Save);
    assert_eq!(editor.error(), None);
    let saved = crate::store::load(&target).expect("written");
    assert!(saved.masthead.name.ends_with("（定稿）"));
    let session = editor.session().expect("open");
    assert_eq!(session.path(), Some(target.as_path()));
    assert!(!session.is_dirty());
    assert!(!editor.title().contains('●'));
    assert!(editor.notice().is_some_and(|n| n.contains("第11期")));
}

#[test]
fn outline_edits_select_what_they_made_reveal_it_and_undo_as_one_step() {
    let mut editor = editor(&[]);
    editor.command(Command::OpenSample);
    let before = editor.session().expect("open").issue.articles().count();
    let effects = editor.command(Command::Outline(OutlineAction::AddArticle { section: 0 }));
    let Selection::Article(id) = editor.selection() else {
        panic!("the new article is selected: {:?}", editor.selection());
    };
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Reveal(shown) if *shown == id)),
        "{effects:?}"
    );
    let issue = &editor.session().expect("open").issue;
    assert_eq!(issue.articles().count(), before + 1);
    assert!(issue.find_article(id).is_some());

    editor.end_frame(1.0);
    editor.command(Command::Undo);
    let issue = &editor.session().expect("open").issue;
    assert_eq!(issue.articles().count(), before);
    assert!(
        !matches!(editor.selection(), Selection::Article(a) if a == id),
        "the selection leaves the article that is gone"
    );
}

#[test]
fn a_finding_jumps_to_its_characters_and_its_fix_is_undoable() {
    let mut editor = editor(&[]);
    editor.command(Command::OpenSample);
    editor
        .session_mut()
        .expect("open")
        .issue
        .masthead
        .office
        .insert(6, ',');
    editor.end_frame(1.0);
    let finding = editor
        .findings()
        .iter()
        .find(|f| f.field == crate::model::Field::Office && f.fix.is_some())
        .cloned()
        .expect("the half-width comma is a finding with a fix");

    let effects = editor.command(Command::Problem(ProblemAction::Jump(finding.clone())));
    assert!(
        effects.iter().any(
            |e| matches!(e, Effect::Focus(field, range) if *field == finding.field && *range == finding.range)
        ),
        "{effects:?}"
    );

    let text = |e: &Editor| e.session().expect("open").issue.masthead.office.clone();
    let broken = text(&editor);
    editor.command(Command::Problem(ProblemAction::Fix(finding)));
    assert_ne!(text(&editor), broken, "the fix changed the field");
    editor.end_frame(2.0);
    editor.command(Command::Undo);
    assert_eq!(text(&editor), broken);
}

#[test]
fn the_name_is_asked_before_the_first_signature_then_the_status_is_confirmed() {
    let mut editor = editor(&[]);
    editor.command(Command::OpenSample);
    editor.command(Command::SetStatus(Status::InReview));
    let Some(Question::Name { name, .. }) = editor.question_mut() else {
        panic!("the name comes first: {:?}", editor.question());
    };
    *name = " 王审核 ".into();
    editor.answer(Answer::Confirm(true));
    assert_eq!(editor.settings().user_name, "王审核");
    let Some(Question::Status { to, note }) = editor.question_mut() else {
        panic!("then the status change: {:?}", editor.question());
    };
    assert_eq!(*to, Status::InReview);
    *note = "请审".into();
    editor.answer(Answer::Confirm(true));
    let review = &editor.session().expect("open").issue.review;
    assert_eq!(review.status, Status::InReview);
    let last = review.history.last().expect("a history entry");
    assert_eq!((last.by.as_str(), last.note.as_str()), ("王审核", "请审"));
}

#[test]
fn an_unapproved_issue_is_exported_only_after_a_yes_asked_once_per_draft() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut editor = editor(&[]);
    editor.command(Command::OpenSample);
    editor.command(Command::Export);
    assert!(matches!(
        editor.question(),
        Some(Question::ExportUnapproved(Command::Export))
    ));
    let effects = editor.answer(Answer::Confirm(true));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Show(Window::Export)))
    );
    assert!(
        editor
            .command(Command::Export)
            .iter()
            .any(|e| matches!(e, Effect::Show(Window::Export)))
    );
    assert!(editor.question().is_none(), "asked once");

    // A file in the way is asked about, through the dialog, first.
    let pdf = dir.path().join("第11期.pdf");
    std::fs::write(&pdf, "旧的").expect("write");
    let targets = vec![crate::export::Target::pdf(pdf.clone())];
    let effects = editor.command(Command::StartExport {
        targets: targets.clone(),
        replace: false,
    });
    assert!(
        effects.iter().any(
            |e| matches!(e, Effect::ConfirmReplace { existing, .. } if existing == std::slice::from_ref(&pdf))
        ),
        "{effects:?}"
    );
    assert_eq!(std::fs::read_to_string(&pdf).expect("read"), "旧的");
    assert_eq!(editor.export_progress(), None, "nothing started");

    // Another draft is asked about again.
    editor.command(Command::OpenSample);
    editor.command(Command::ExportPdf);
    assert!(matches!(
        editor.question(),
        Some(Question::ExportUnapproved(Command::ExportPdf))
    ));
}

#[test]
fn recovered_work_can_be_discarded_and_its_file_goes() {
    let recovery_dir = tempfile::tempdir().expect("temp dir");
    let mut issue = crate::sample::issue();
    issue.masthead.name.push_str("（未保存）");
    let mut recovered = crate::store::recovery::Recovery::new(None, None, issue);
    recovered.pid = u32::MAX - 5; // a process that is not running
    let file = crate::store::recovery::path_for(recovery_dir.path(), 3);
    crate::store::recovery::write(&file, &recovered).expect("written");

    let mut editor = editor_with(&[], Some(recovery_dir.path().to_owned()));
    let Some(Question::Recover(found)) = editor.question() else {
        panic!("offered at start: {:?}", editor.question());
    };
    assert_eq!(found.len(), 1);
    // An answer to another question is not taken for this one.
    editor.answer(Answer::Confirm(true));
    assert!(matches!(editor.question(), Some(Question::Recover(_))));
    editor.answer(Answer::Recover(RecoverAnswer::Discard(0)));
    assert!(editor.question().is_none());
    assert!(!file.exists(), "discarded work is gone");
    assert!(editor.session().is_none());
}

#[test]
fn pasted_text_becomes_an_article_of_the_selected_section() {
    let mut editor = editor(&[]);
    editor.command(Command::OpenSample);
    let effects = editor.command(Command::PasteArticle);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Show(Window::Paste)))
    );
    editor.command(Command::Outline(OutlineAction::Select(Selection::Section(
        0,
    ))));
    let before = editor.session().expect("open").issue.sections[0]
        .articles
        .len();
    editor.command(Command::AddPastedArticle(
        "东城区开展文明交通志愿服务活动\n\n东城区组织志愿者在主要路口开展文明引导。\n（东城区文明办）".into(),
    ));
    let issue = &editor.session().expect("open").issue;
    assert_eq!(issue.sections[0].articles.len(), before + 1);
    let Selection::Article(id) = editor.selection() else {
        panic!("the new article is selected");
    };
    assert_eq!(issue.find_article(id).map(|(s, _)| s), Some(0));
}

#[test]
fn without_file_dialogs_a_typed_path_saves_and_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let setup = Setup {
        settings_path: None,
        lang: Some(Lang::Zh),
        fonts: Fonts::Bundled,
        dialogs: Box::new(crate::app::files::UNAVAILABLE),
        recovery_dir: None,
    };
    let mut editor = Editor::new(setup, || {});
    editor.command(Command::OpenSample);
    editor.command(Command::Save);
    let Some(Question::TypePath { kind, text, then }) = editor.question_mut() else {
        panic!("a path is asked for: {:?}", editor.question());
    };
    assert_eq!((*kind, then.clone()), (PathKind::NewFile, Command::Save));
    assert!(text.ends_with(".ron"), "a name is suggested: {text}");
    let target = dir.path().join("第11期");
    *text = target.display().to_string();
    editor.answer(Answer::Confirm(true));
    let saved = dir.path().join("第11期.ron");
    assert!(
        crate::store::load(&saved).is_ok(),
        "saved where typed, .ron added"
    );
    assert_eq!(
        editor.session().and_then(|s| s.path()),
        Some(saved.as_path())
    );

    editor.command(Command::Close);
    editor.command(Command::Open);
    let Some(Question::TypePath { kind, text, .. }) = editor.question_mut() else {
        panic!("the file to open is asked for: {:?}", editor.question());
    };
    assert_eq!(*kind, PathKind::File);
    *text = saved.display().to_string();
    editor.answer(Answer::Confirm(true));
    assert_eq!(
        editor.session().and_then(|s| s.path()),
        Some(saved.as_path())
    );
    assert_eq!(editor.error(), None);
}

#[test]
fn a_paragraph_repeating_an_archived_one_is_found_and_shown_in_the_archive() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Issue 10 is the sample; the open draft, issue 11, has new text but
    // for one paragraph taken from issue 10's 房山区 article.
    let earlier = crate::sample::issue();
    let mut earlier_10 = earlier.clone();
    earlier_10.masthead.number = Some(10);
    earlier_10.masthead.date = chrono::NaiveDate::from_ymd_opt(2021, 2, 18);
    crate::store::save(&dir.path().join("第10期.ron"), &earlier_10).expect("save");
    let taken = earlier.sections[0].articles[1].body[0].text();
    let mut draft = earlier.clone();
    for (a, article) in draft.sections[0].articles.iter_mut().enumerate() {
        article.body = vec![crate::model::Paragraph::plain(format!(
            "第{a}篇：{}",
            "春风化雨润物无声，街巷整洁邻里和睦。".repeat(3)
        ))];
    }
    draft.sections[0].articles[2].body[0] =
        crate::model::Paragraph::plain(taken.replacen("。", "；", 1));
    let draft_path = dir.path().join("第11期.ron");
    crate::store::save(&draft_path, &draft).expect("save");

    let folder = dir.path().to_owned();
    let mut editor = editor(&[&draft_path, &folder]);
    editor.command(Command::Open);
    editor.command(Command::PickArchiveFolder);
    let start = std::time::Instant::now();
    while editor.archive_view().is_none() {
        assert!(start.elapsed().as_secs() < 30, "the archive was never read");
        editor.poll();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    editor.end_frame(1.0);
    let repeats: Vec<_> = editor
        .findings()
        .iter()
        .filter(|f| f.rule == crate::lint::Rule::RepeatedCopy)
        .cloned()
        .collect();
    assert_eq!(repeats.len(), 1, "{repeats:#?}");
    let earlier_text = repeats[0].earlier.as_deref().expect("its source");
    assert_eq!(
        (earlier_text.number, earlier_text.unit.as_str()),
        (Some(10), "房山区")
    );
    assert!(earlier_text.percent >= 90, "{}", earlier_text.percent);

    let effects = editor.command(Command::Problem(ProblemAction::ShowEarlier(
        repeats[0].clone(),
    )));
    let words: String = taken.chars().take(12).collect();
    assert!(
        effects.iter().any(|e| matches!(e, Effect::ShowInArchive { words: w, unit } if *w == words && unit == "房山区")),
        "{effects:?}"
    );
}

/// New from a profile with an archive folder not read yet: the issue is
/// made once the archive is, numbered after the series' issues in it.
#[test]
fn a_new_issue_from_a_profile_numbers_after_the_archive() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profile = crate::model::Profile::from_issue(&crate::sample::issue());
    let today = chrono::Local::now().date_naive();
    let mut fifth = profile.new_issue(today);
    fifth.masthead.number = Some(5);
    fifth.masthead.total_number = Some(2180);
    crate::store::save(&dir.path().join("第5期.ron"), &fifth).expect("saved");
    let mut editor = editor(&[dir.path()]);
    editor.command(Command::PickArchiveFolder);
    editor.command(Command::NewFromProfile(Box::new(profile)));
    let start = std::time::Instant::now();
    while editor.session().is_none() {
        assert!(start.elapsed().as_secs() < 30, "no new issue came");
        editor.poll();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let m = &editor.session().expect("a new issue").issue.masthead;
    assert_eq!((m.number, m.total_number), (Some(6), Some(2181)));
}
