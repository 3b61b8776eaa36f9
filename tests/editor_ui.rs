//! The editor driven through its real UI (egui_kittest, via AccessKit): what
//! an office editor does all day, checked against the model and the files.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use egui::{Key, Modifiers, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jianbao::app::Selection;
use jianbao::app::files::FileDialogs;
use jianbao::i18n::Lang;
use jianbao::model::Status;
use jianbao::ui::{JianbaoApp, Options};

/// File dialogs answered by the test: each question takes the next path.
#[derive(Clone, Default)]
struct Answers(Arc<Mutex<Vec<PathBuf>>>);

impl Answers {
    fn push(&self, path: PathBuf) {
        self.0.lock().expect("lock").push(path);
    }
    fn next(&self) -> Option<PathBuf> {
        let mut queue = self.0.lock().expect("lock");
        (!queue.is_empty()).then(|| queue.remove(0))
    }
}

impl FileDialogs for Answers {
    fn open_draft(&mut self, _: Lang) -> Option<PathBuf> {
        self.next()
    }
    fn save_draft(&mut self, _: Lang, _: &str) -> Option<PathBuf> {
        self.next()
    }
    fn save_pdf(&mut self, _: Lang, _: &str) -> Option<PathBuf> {
        self.next()
    }
    fn pick_folder(&mut self, _: Lang) -> Option<PathBuf> {
        self.next()
    }
    fn open_import(&mut self, _: Lang) -> Option<PathBuf> {
        self.next()
    }
}

fn editor(answers: &Answers) -> Harness<'static, JianbaoApp> {
    let answers = answers.clone();
    Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |cc| JianbaoApp::new(&cc.egui_ctx, Options::detached(Box::new(answers))))
}

/// Opens the sample from the start screen, as a user would.
fn open_sample(harness: &mut Harness<'static, JianbaoApp>) {
    harness.run_steps(2);
    harness.get_by_label("打开示例简报").click();
    harness.run_steps(2);
    assert!(harness.state().session().is_some(), "the sample opened");
    wait_for_preview(harness);
}

/// Opens the sample and, from the outline, its first article (东城区).
fn open_first_article(harness: &mut Harness<'static, JianbaoApp>) {
    open_sample(harness);
    harness.get_by_label_contains("东城区 · ").click();
    harness.run_steps(2);
}

/// Steps until the pages on screen were typeset from the newest issue.
fn wait_for_preview(harness: &mut Harness<'static, JianbaoApp>) {
    let start = Instant::now();
    loop {
        harness.step();
        let (sent, shown) = harness.state().preview_generations();
        if sent > 0 && sent == shown && !harness.state().preview_fingerprints().is_empty() {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the preview never caught up"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Focuses the field with this label and types into it, as a user would.
fn type_into(harness: &mut Harness<'static, JianbaoApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run_steps(1);
    harness.key_press(Key::End);
    harness.get_by_label(label).type_text(text);
    harness.run_steps(1);
}

/// The sample saved as a draft named `name` in `dir`.
fn saved_sample(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    let path = dir.path().join(name);
    jianbao::store::save(&path, &jianbao::sample::issue()).expect("saves");
    path
}

fn issue(harness: &Harness<'static, JianbaoApp>) -> jianbao::model::Issue {
    harness
        .state()
        .session()
        .expect("an issue is open")
        .issue
        .clone()
}

#[test]
fn typing_the_bulletin_name_changes_the_model_and_the_pages() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    let before = harness.state().preview_fingerprints();

    type_into(&mut harness, "简报名称", "（试刊）");
    assert_eq!(
        issue(&harness).masthead.name,
        "首都精神文明建设情况简报（试刊）"
    );

    wait_for_preview(&mut harness);
    let after = harness.state().preview_fingerprints();
    assert_ne!(before[0], after[0], "page 1 shows the new name");
    assert_eq!(before[1..], after[1..], "the other pages are unchanged");
    assert!(harness.state().session().is_some_and(|s| s.is_dirty()));
    // Page 1's image is the new page: its changed rows were laid over the
    // old image, none refused.
    step_until(&mut harness, "page 1 never came", |harness| {
        harness.state().preview_images().0[0].map(|(print, _)| print) == Some(after[0])
    });
    assert_eq!(harness.state().preview_images().1, 0, "no rows refused");
}

#[test]
fn adding_filling_moving_and_undoing_an_article() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);

    harness
        .get_all_by_label("＋ 添加文章")
        .next()
        .expect("toolbar button")
        .click();
    harness.run_steps(2);
    let Selection::Article(new_id) = harness.state().selection() else {
        panic!("the new article is selected");
    };
    assert_eq!(issue(&harness).sections[0].articles.len(), 4);

    type_into(&mut harness, "供稿单位", "海淀区");
    type_into(&mut harness, "导语", "海淀区推进文明实践。");
    type_into(
        &mut harness,
        "正文",
        "**坚持全域推进。**海淀区组织志愿服务。",
    );
    let filled = issue(&harness);
    let article = &filled.sections[0].articles[3];
    assert_eq!(article.id, new_id);
    assert_eq!(article.unit, "海淀区");
    assert_eq!(filled.attribution_of(article), "海淀区文明办");
    assert_eq!(article.body[0].spans[0].text, "坚持全域推进。");
    assert!(article.body[0].spans[0].bold);

    harness.get_by_label("上移").click();
    harness.run_steps(2);
    let units: Vec<String> = issue(&harness).sections[0]
        .articles
        .iter()
        .map(|a| a.unit.clone())
        .collect();
    assert_eq!(units, ["东城区", "房山区", "海淀区", "昌平区"]);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(
        issue(&harness),
        filled,
        "undo puts the article back, still filled in"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run_steps(2);
    assert_eq!(
        issue(&harness).sections[0].articles[2].id,
        new_id,
        "redo moves it again"
    );
}

#[test]
fn deleting_an_article_is_undoable() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    let original = issue(&harness);
    harness.get_by_label("房山区 · 461 字").click();
    harness.run_steps(1);
    harness.get_by_label("删除").click();
    harness.run_steps(2);
    assert_eq!(issue(&harness).sections[0].articles.len(), 2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(issue(&harness), original);
}

#[test]
fn save_as_then_reopening_gives_an_equal_issue() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("第12期.ron");
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    type_into(&mut harness, "编印单位", "（秘书处）");
    let edited = issue(&harness);
    assert_eq!(edited.masthead.office, "首都精神文明办（秘书处）");

    answers.push(path.clone());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run_steps(2);
    assert!(path.exists(), "Save As wrote the file");
    assert!(!harness.state().session().expect("open").is_dirty());

    // Close it, and reopen through File → Open in a fresh editor.
    drop(harness);
    let mut second = editor(&answers);
    second.run_steps(2);
    answers.push(path.clone());
    second.key_press_modifiers(Modifiers::COMMAND, Key::O);
    second.run_steps(2);
    assert_eq!(issue(&second), edited);
    assert_eq!(
        second.state().session().and_then(|s| s.path()),
        Some(path.as_path())
    );
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    type_into(&mut harness, "简报名称", "！");

    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.run_steps(2);
    assert!(harness.state().is_prompting());
    harness.get_by_label("保存修改？");

    harness.get_by_label("取消").click();
    harness.run_steps(2);
    assert!(!harness.state().is_prompting());
    assert!(
        issue(&harness).masthead.name.ends_with('！'),
        "nothing was lost"
    );

    // Ctrl+N asks the same question.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run_steps(2);
    assert!(harness.state().is_prompting());
    harness.get_by_label("不保存").click();
    harness.run_steps(2);
    assert_eq!(issue(&harness).masthead.name, "", "a new, empty issue");
}

#[test]
fn a_broken_file_shows_where_and_the_editor_stays_usable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("坏文件.ron");
    std::fs::write(
        &path,
        "(\n    schema: 1,\n    masthead: (number: \"十一\"),\n)",
    )
    .expect("write");
    let answers = Answers::default();
    let mut harness = editor(&answers);
    harness.run_steps(2);
    answers.push(path.clone());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run_steps(2);
    let message = harness
        .state()
        .error_message()
        .expect("an error is shown")
        .to_owned();
    assert!(message.contains("坏文件.ron 第 3 行第"), "{message}");
    harness.get_by_label("确定").click();
    harness.run_steps(2);
    assert!(harness.state().error_message().is_none());
    harness.get_by_label("打开示例简报").click();
    harness.run_steps(2);
    assert!(harness.state().session().is_some());
}

#[test]
fn a_draft_open_elsewhere_opens_read_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved_sample(&dir, "第11期.ron");
    let lock = jianbao::store::lock::lock_path(&path);
    // Another editor has it open: it holds the lock (and its OS lock).
    let _theirs = jianbao::store::lock::acquire(&path, "李编辑").expect("they lock");

    let answers = Answers::default();
    let mut harness = editor(&answers);
    harness.run_steps(2);
    answers.push(path.clone());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run_steps(2);
    harness.get_by_label_contains("李编辑");
    harness.get_by_label("以只读方式打开").click();
    harness.run_steps(2);
    let session = harness.state().session().expect("opened");
    assert!(session.is_read_only());
    // Edits are refused (Delete on a selected article does nothing), and
    // the other editor's lock is left in place.
    harness.get_by_label("房山区 · 461 字").click();
    harness.run_steps(1);
    harness.key_press(Key::Delete);
    harness.run_steps(1);
    type_into(&mut harness, "供稿单位", "改");
    assert_eq!(issue(&harness), jianbao::sample::issue());
    assert!(
        std::fs::read_to_string(&lock)
            .expect("lock")
            .starts_with("李编辑")
    );
}

#[test]
fn saving_over_a_file_changed_elsewhere_asks_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved_sample(&dir, "第11期.ron");
    let answers = Answers::default();
    let mut harness = editor(&answers);
    harness.run_steps(2);
    answers.push(path.clone());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run_steps(2);
    type_into(&mut harness, "简报名称", "（本地修改）");

    // Something else (a sync client) rewrites the same file meanwhile.
    let mut theirs = jianbao::sample::issue();
    theirs.footer.editor = "别人".into();
    let text = jianbao::store::to_ron(&theirs).expect("serializes");
    std::fs::write(&path, text).expect("they write");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    harness.get_by_label("文件已被修改");
    assert_eq!(
        jianbao::store::load(&path).expect("loads"),
        theirs,
        "nothing was overwritten"
    );
    harness.get_by_label("重新载入").click();
    harness.run_steps(2);
    assert_eq!(issue(&harness), theirs);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert!(
        issue(&harness).masthead.name.ends_with("（本地修改）"),
        "the reload is undoable"
    );
}

#[test]
fn a_failed_save_says_why_and_keeps_the_draft() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    type_into(&mut harness, "简报名称", "（未存）");
    let edited = issue(&harness);

    // A folder that is not there (a disconnected share, say).
    answers.push(dir.path().join("已断开的共享").join("第11期.ron"));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run_steps(2);
    let message = harness
        .state()
        .error_message()
        .expect("an error is shown")
        .to_owned();
    assert!(
        message.contains("已断开的共享") && message.contains("保存失败"),
        "{message}"
    );
    assert_eq!(issue(&harness), edited, "the draft in memory is intact");
    assert!(
        harness
            .state()
            .session()
            .is_some_and(|s| s.is_dirty() && s.path().is_none())
    );
}

#[test]
fn the_export_dialog_writes_the_chosen_formats_and_warns_before_replacing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    harness.run_steps(4);
    harness.get_by_label("仍然导出").click();
    harness.run_steps(4);
    harness.get_by_label("Word (.docx)").click();
    harness.get_by_label("纯文本").click();
    answers.push(dir.path().to_owned());
    harness.get_by_label("选择…").click();
    harness.run_steps(2);
    harness.get_by_label("导出").click();

    let pdf = dir.path().join("首都精神文明建设情况简报-2021-11.pdf");
    let txt = dir.path().join("首都精神文明建设情况简报-2021-11.txt");
    let docx = dir.path().join("首都精神文明建设情况简报-2021-11.docx");
    let start = Instant::now();
    while !(pdf.exists() && txt.exists() && docx.exists()) {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the export never finished: {:?} {:?}",
            harness.state().error_message(),
            std::fs::read_dir(dir.path())
                .map(|d| d.flatten().map(|e| e.file_name()).collect::<Vec<_>>())
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }

    // Exporting again would replace them: the dialog asks first.
    std::fs::write(&txt, "旧文件").expect("write");
    harness.run_steps(2);
    harness.get_by_label("导出").click();
    harness.run_steps(2);
    harness.get_by_label("以下文件已存在，导出将覆盖它们：");
    assert_eq!(
        std::fs::read_to_string(&txt).expect("read"),
        "旧文件",
        "nothing replaced yet"
    );
    harness.get_by_label("覆盖并导出").click();
    step_until(&mut harness, "the export never finished", |_| {
        std::fs::read_to_string(&txt).expect("read") != "旧文件"
    });
    assert!(
        std::fs::read_to_string(&txt)
            .expect("read")
            .starts_with("首都精神文明建设情况简报\n")
    );
}

#[test]
fn the_problems_panel_jumps_fixes_and_rechecks_live() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    let half = |h: &Harness<'static, JianbaoApp>| {
        h.state()
            .findings()
            .iter()
            .filter(|f| f.rule == jianbao::lint::Rule::HalfWidthPunctuation)
            .count()
    };
    let before = half(&harness);
    assert!(before > 20, "{before}");

    // The status bar's count opens the panel.
    harness.get_by_label_contains("核稿：").click();
    harness.run_steps(2);
    // A long group starts folded: open it.
    harness.get_by_label_contains("半角标点（").click();
    harness.run_steps(2);

    // A finding jumps to its article and puts the cursor in the body.
    let fangshan = issue(&harness).sections[0].articles[1].id;
    harness
        .get_all_by_label_contains("第 1 栏第 2 篇 · 正文第 1 段")
        .next()
        .expect("a finding")
        .click();
    harness.run_steps(3);
    assert_eq!(harness.state().selection(), Selection::Article(fangshan));
    assert!(
        harness.get_by_label("正文").is_focused(),
        "the body editor has the cursor"
    );

    // Fix all of this kind: every half-width mark goes, in one undo step.
    harness.get_by_label_contains("全部修正（").click();
    harness.run_steps(2);
    assert_eq!(half(&harness), 0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(half(&harness), before);

    // Typing is rechecked at once.
    harness.get_by_label("报头").click();
    harness.run_steps(3);
    type_into(&mut harness, "简报名称", ",");
    harness.run_steps(1);
    assert_eq!(half(&harness), before + 1);
}

#[test]
fn pasted_text_becomes_an_article_of_the_current_section() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, jianbao::ui::Command::PasteArticle);
    harness.run_steps(2);
    type_into(
        &mut harness,
        "文字",
        "海淀区推进“文明实践”，打造志愿服务品牌。坚持全域推进。组织志愿者在 12 个街道开展服务。坚持全民参与。推动社区建立志愿队伍。\n（海淀区文明办）",
    );
    harness.get_by_label("添加为文章").click();
    harness.run_steps(2);
    let issue = issue(&harness);
    let added = issue.sections[0].articles.last().expect("added");
    assert_eq!(added.unit, "海淀区");
    assert_eq!(added.lead, "海淀区推进“文明实践”，打造志愿服务品牌。");
    assert!(added.body[0].spans[0].bold);
    assert_eq!(harness.state().selection(), Selection::Article(added.id));
}

#[test]
fn importing_bulletin_text_opens_it_as_a_new_issue() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    harness.run_steps(2);
    answers.push(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/capital-civilization-briefing-2021-no11.txt"),
    );
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, jianbao::ui::Command::ImportBulletin);
    harness.run_steps(2);
    let imported = issue(&harness);
    assert_eq!(imported.masthead, jianbao::sample::issue().masthead);
    assert_eq!(imported.articles().count(), 3);
    assert!(
        harness
            .state()
            .session()
            .is_some_and(|s| s.path().is_none()),
        "a new draft, not yet saved"
    );
    // It exists in no file: unsaved, and not thrown away unasked.
    harness.get_by_label("有未保存的修改");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run_steps(2);
    harness.get_by_label("保存修改？");
    assert_eq!(issue(&harness).articles().count(), 3, "still there");
}

/// Chooses an item of a menu in the menu bar. Enough frames follow for a
/// question it opens to be on screen (a new window is measured, unseen,
/// in its first frame).
fn menu(harness: &mut Harness<'static, JianbaoApp>, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run_steps(2);
    harness.get_by_label_contains(item).click();
    harness.run_steps(4);
}

/// Answers the once-only "your name" question.
fn give_name(harness: &mut Harness<'static, JianbaoApp>, name: &str) {
    harness.get_by_label("请输入您的姓名");
    let field = harness.get_by_label("姓名");
    field.focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("姓名").type_text(name);
    harness.run_steps(1);
    harness.get_by_label("确定").click();
    harness.run_steps(4);
}

/// Chooses a status action from the Review menu and confirms it.
fn set_status(harness: &mut Harness<'static, JianbaoApp>, item: &str, note: &str) {
    menu(harness, "审阅", item);
    harness.get_by_label("确认状态变更");
    if !note.is_empty() {
        harness.get_by_label("备注（可选）").focus();
        harness.run_steps(1);
        harness.get_by_label("备注（可选）").type_text(note);
        harness.run_steps(1);
    }
    harness.get_by_label("确定").click();
    harness.run_steps(4);
}

#[test]
fn a_reviewer_comments_in_reviewer_mode_without_changing_the_text() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    let original = issue(&harness);
    menu(&mut harness, "审阅", "审阅模式");
    assert!(harness.state().session().is_some_and(|s| s.is_reviewing()));

    harness.get_by_label("房山区 · 461 字").click();
    harness.run_steps(2);
    let fangshan = original.sections[0].articles[1].id;
    assert_eq!(harness.state().selection(), Selection::Article(fangshan));

    // The text reads but does not change.
    type_into(&mut harness, "导语", "（改）");
    harness.key_press(Key::Delete);
    harness.run_steps(2);
    assert_eq!(
        issue(&harness),
        original,
        "reviewer mode keeps the content as it was"
    );

    // A comment, signed with the name given once.
    let (typeset_before, _) = harness.state().preview_generations();
    type_into(&mut harness, "批注内容", "请核实“四全”的提法。");
    harness.get_by_label("添加批注").click();
    harness.run_steps(4);
    give_name(&mut harness, "王审阅");
    let reviewed = issue(&harness);
    let [comment] = reviewed.review.comments.as_slice() else {
        panic!("one comment: {:?}", reviewed.review.comments);
    };
    assert_eq!(comment.article, fangshan);
    assert_eq!(comment.author, "王审阅");
    assert_eq!(comment.text, "请核实“四全”的提法。");
    assert!(!comment.resolved);
    let mut content = reviewed.clone();
    content.review = Default::default();
    assert_eq!(content, original, "only the review changed");
    assert_eq!(
        harness.state().preview_generations().0,
        typeset_before,
        "a comment changes no page: nothing is typeset again"
    );
    harness.get_by_label_contains("请核实“四全”的提法");
    harness.get_by_label_contains("未处理的批注（1）");

    // A second comment does not ask the name again.
    type_into(&mut harness, "批注内容", "标题可再精炼。");
    harness.get_by_label("添加批注").click();
    harness.run_steps(2);
    assert!(!harness.state().is_asking());
    assert_eq!(issue(&harness).review.comments.len(), 2);

    // Undo never takes a comment back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(issue(&harness).review.comments.len(), 2);
}

#[test]
fn the_status_walks_from_draft_to_issued_locking_the_content_then_reopens() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    let status = |h: &Harness<'static, JianbaoApp>| issue(h).review.status;

    menu(&mut harness, "审阅", "送审…");
    give_name(&mut harness, "李编辑");
    harness.get_by_label("确认状态变更");
    harness.get_by_label("确定").click();
    harness.run_steps(2);
    assert_eq!(status(&harness), Status::InReview);
    // The status bar says it once (a notice used to repeat it).
    assert_eq!(harness.get_all_by_label("状态：送审").count(), 1);

    set_status(&mut harness, "通过…", "同意印发");
    assert_eq!(status(&harness), Status::Approved);
    harness.get_by_label_contains("本期已通过或已签发，正文已锁定");
    let approved = issue(&harness);
    type_into(&mut harness, "简报名称", "（改）");
    assert_eq!(
        issue(&harness),
        approved,
        "an approved issue does not change"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(issue(&harness), approved, "nor does undo take it back");

    set_status(&mut harness, "签发…", "");
    assert_eq!(status(&harness), Status::Issued);
    type_into(&mut harness, "简报名称", "（改）");
    assert_eq!(issue(&harness).masthead.name, approved.masthead.name);

    // Cancelling a status change changes nothing.
    menu(&mut harness, "审阅", "重新打开…");
    harness.get_by_label("取消").click();
    harness.run_steps(2);
    assert_eq!(status(&harness), Status::Issued);

    set_status(&mut harness, "重新打开…", "更正错字");
    assert_eq!(status(&harness), Status::Draft);
    type_into(&mut harness, "简报名称", "（更正）");
    assert_eq!(
        issue(&harness).masthead.name,
        "首都精神文明建设情况简报（更正）",
        "reopened, it can be edited again"
    );

    let history = issue(&harness).review.history;
    let moves: Vec<(Status, Status)> = history.iter().map(|c| (c.from, c.to)).collect();
    assert_eq!(
        moves,
        [
            (Status::Draft, Status::InReview),
            (Status::InReview, Status::Approved),
            (Status::Approved, Status::Issued),
            (Status::Issued, Status::Draft),
        ]
    );
    assert!(history.iter().all(|c| c.by == "李编辑"));
    assert_eq!(history[1].note, "同意印发");
    assert_eq!(history[3].note, "更正错字");
}

#[test]
fn exporting_an_unapproved_issue_asks_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("第11期.pdf");
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_steps(2);
    harness.get_by_label_contains("本期尚未审核通过，仍要导出吗？");
    harness.get_by_label("取消").click();
    harness.run_steps(2);
    assert!(!harness.state().is_asking());

    answers.push(pdf.clone());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_steps(2);
    harness.get_by_label("仍然导出").click();
    step_until(&mut harness, "the export never finished", |_| pdf.exists());
}

#[test]
fn comparing_with_another_version_accepts_one_difference_at_a_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let theirs_path = dir.path().join("第11期-审阅稿.ron");
    let ours = jianbao::sample::issue();
    let mut theirs = ours.clone();
    theirs.masthead.office = "首都精神文明建设委员会办公室".into();
    let fangshan = theirs.sections[0].articles[1].id;
    theirs.sections[0].articles[1].lead =
        theirs.sections[0].articles[1]
            .lead
            .replacen("房山区", "房山区委", 1);
    jianbao::store::save(&theirs_path, &theirs).expect("save");

    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    harness.get_by_label_contains("昌平区 · ").click();
    harness.run_steps(2);
    answers.push(theirs_path);
    menu(&mut harness, "审阅", "比较版本…");
    harness.get_by_label_contains("当前草稿与“第11期-审阅稿.ron”比较");
    harness.get_by_label("编印单位");
    harness.get_by_label("房山区 · 导语");

    // Accept the first (the office), ignore the second.
    harness
        .get_all_by_label("采用")
        .next()
        .expect("an accept button")
        .click();
    harness.run_steps(2);
    let merged = issue(&harness);
    assert_eq!(merged.masthead.office, theirs.masthead.office);
    let (s, a) = merged.find_article(fangshan).expect("there");
    assert_eq!(
        merged.sections[s].articles[a].lead,
        ours.sections[0].articles[1].lead
    );
    harness.get_by_label("忽略").click();
    harness.run_steps(2);
    harness.get_by_label("两个版本相同");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(issue(&harness), ours, "accepting is undoable");
}

#[test]
fn new_from_latest_numbers_on_from_the_archive_and_warns_of_repeats() {
    let dir = tempfile::tempdir().expect("temp dir");
    let today = chrono::Local::now().date_naive();
    for (file, number, total) in [
        ("第4期.ron", 4, 2170),
        ("第5期.ron", 5, 2171),
        ("第5期-副本.ron", 5, 2171),
    ] {
        let mut issue = jianbao::sample::issue();
        issue.masthead.number = Some(number);
        issue.masthead.total_number = Some(total);
        issue.masthead.date = Some(today);
        issue.footer.editor = "梅雪峰".into();
        jianbao::store::save(&dir.path().join(file), &issue).expect("save");
    }

    let answers = Answers::default();
    let mut harness = editor(&answers);
    harness.run_steps(2);
    answers.push(dir.path().to_owned());
    menu(&mut harness, "文件", "从最近一期新建");

    // The archive is read in the background; the new issue follows.
    step_until(&mut harness, "no new issue came", |harness| {
        harness.state().session().is_some()
    });
    let next = issue(&harness);
    let sample = jianbao::sample::issue();
    assert_eq!(next.masthead.number, Some(6));
    assert_eq!(next.masthead.total_number, Some(2172));
    assert_eq!(next.masthead.date, Some(today));
    assert_eq!(next.masthead.name, sample.masthead.name);
    assert_eq!(next.footer.editor, "梅雪峰");
    assert_eq!(next.distribution, sample.distribution);
    assert_eq!(next.sections.len(), 1);
    assert_eq!(next.sections[0].heading, sample.sections[0].heading);
    assert_eq!(next.articles().count(), 0);
    assert!(
        harness
            .state()
            .session()
            .is_some_and(|s| s.path().is_none()),
        "a new, unsaved draft"
    );

    harness.run_steps(4);
    harness.get_by_label("期号提示");
    harness.get_by_label_contains("第 5 期重复");
    harness.get_by_label("确定").click();
    harness.run_steps(2);
    assert!(!harness.state().is_asking());
}

#[test]
fn an_archive_search_result_opens_its_issue_at_the_article() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = jianbao::sample::issue();
    for number in [10, 11] {
        let mut issue = sample.clone();
        issue.masthead.number = Some(number);
        jianbao::store::save(&dir.path().join(format!("第{number}期.ron")), &issue).expect("save");
    }
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_archive(&mut harness, &answers, dir.path(), 2);
    harness.get_by_label("全文搜索").click();
    harness.run_steps(2);
    type_into(&mut harness, "查找", "回天");
    harness.run_steps(2);
    harness.get_by_label_contains("共 2 处");
    harness
        .get_by_label_contains("第 11 期 · 昌平区 昌平区举办“回天")
        .click();
    harness.run_steps(4);

    let session = harness.state().session().expect("opened");
    assert_eq!(
        session.path(),
        Some(dir.path().join("第11期.ron").as_path())
    );
    let changping = sample.sections[0].articles[2].id;
    assert_eq!(harness.state().selection(), Selection::Article(changping));
}

// ---- Never lose work, part two: the editor's side ------------------------

/// Opens the archive window, chooses `folder` as a user would, and steps
/// until its `count` issues are read.
fn open_archive(
    harness: &mut Harness<'static, JianbaoApp>,
    answers: &Answers,
    folder: &std::path::Path,
    count: usize,
) {
    harness.run_steps(2);
    menu(harness, "视图", "档案库…");
    answers.push(folder.to_owned());
    harness.get_by_label("选择…").click();
    step_until(harness, "the archive was never read", |harness| {
        harness.state().archive_issue_count() == Some(count)
    });
    harness.run_steps(2);
}

/// An editor that autosaves into `recovery`.
fn editor_with_recovery(answers: &Answers, recovery: PathBuf) -> Harness<'static, JianbaoApp> {
    let answers = answers.clone();
    Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |cc| {
            let mut options = Options::detached(Box::new(answers));
            options.recovery_dir = Some(recovery);
            JianbaoApp::new(&cc.egui_ctx, options)
        })
}

fn open_with_ctrl_o(harness: &mut Harness<'static, JianbaoApp>, answers: &Answers, path: PathBuf) {
    answers.push(path);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run_steps(2);
}

#[test]
fn opening_the_draft_already_open_keeps_its_lock_and_its_edits() {
    // Archive search results open their issue: when it was the open one,
    // its lock used to be dropped.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved_sample(&dir, "第11期.ron");
    let answers = Answers::default();
    let mut harness = editor(&answers);
    harness.run_steps(2);
    open_with_ctrl_o(&mut harness, &answers, path.clone());
    type_into(&mut harness, "简报名称", "（未保存）");
    open_with_ctrl_o(&mut harness, &answers, path.clone());
    let session = harness.state().session().expect("open");
    assert!(session.holds_lock(), "the lock is still ours");
    assert!(jianbao::store::lock::lock_path(&path).exists());
    assert!(session.issue.masthead.name.ends_with("（未保存）"));
}

#[test]
fn a_lock_can_be_broken_after_a_confirmation_naming_its_owner() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved_sample(&dir, "第11期.ron");
    let theirs = jianbao::store::lock::acquire(&path, "李编辑").expect("they lock");
    let answers = Answers::default();
    let mut harness = editor(&answers);
    harness.run_steps(2);
    open_with_ctrl_o(&mut harness, &answers, path.clone());
    harness.get_by_label("解除锁定…").click();
    harness.run_steps(3);
    harness.get_by_label_contains("的锁定属于 李编辑");
    harness.get_by_label("解除锁定并打开").click();
    harness.run_steps(2);
    let session = harness.state().session().expect("opened");
    assert!(!session.is_read_only() && session.holds_lock());
    assert!(!theirs.is_intact(), "their lock is gone");
}

#[test]
fn a_read_only_session_cannot_save_as_over_the_holders_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved_sample(&dir, "第11期.ron");
    let before = std::fs::read(&path).expect("read");
    let _theirs = jianbao::store::lock::acquire(&path, "李编辑").expect("they lock");
    let answers = Answers::default();
    let mut harness = editor(&answers);
    harness.run_steps(2);
    open_with_ctrl_o(&mut harness, &answers, path.clone());
    harness.get_by_label("以只读方式打开").click();
    harness.run_steps(2);
    answers.push(path.clone());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run_steps(2);
    let error = harness.state().error_message().expect("refused").to_owned();
    assert!(error.contains("李编辑"), "{error}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn save_as_asks_before_replacing_the_file_the_extension_leads_to() {
    let dir = tempfile::tempdir().expect("temp dir");
    let existing = dir.path().join("foo.ron");
    std::fs::write(&existing, "别人的文件").expect("write");
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    // The dialog confirmed "foo"; ".ron" is added after it.
    answers.push(dir.path().join("foo"));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run_steps(2);
    harness.get_by_label("替换已有文件？");
    assert_eq!(
        std::fs::read_to_string(&existing).expect("read"),
        "别人的文件"
    );
    harness.get_by_label("替换").click();
    harness.run_steps(2);
    assert_eq!(
        jianbao::store::load(&existing).expect("saved"),
        jianbao::sample::issue()
    );
}

#[test]
fn an_export_never_targets_the_open_draft() {
    // A draft someone saved under a .pdf name: Export PDF onto it would
    // have replaced the draft with its own pages.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved_sample(&dir, "第11期.pdf");
    let before = std::fs::read(&path).expect("read");
    let answers = Answers::default();
    let mut harness = editor(&answers);
    harness.run_steps(2);
    open_with_ctrl_o(&mut harness, &answers, path.clone());
    // Export PDF, and the user picks the draft itself.
    answers.push(path.clone());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_steps(2);
    harness.get_by_label("仍然导出").click();
    harness.run_steps(2);
    let error = harness.state().error_message().expect("refused").to_owned();
    assert!(error.contains("草稿"), "{error}");
    std::thread::sleep(Duration::from_millis(300));
    harness.run_steps(2);
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn a_draft_opened_later_is_offered_its_recovery() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved_sample(&dir, "第11期.ron");
    let recovery_dir = dir.path().join("recovery");
    let mut unsaved = jianbao::sample::issue();
    unsaved.footer.editor = "崩溃前的修改".into();
    let answers = Answers::default();
    let mut harness = editor_with_recovery(&answers, recovery_dir.clone());
    harness.run_steps(2);
    // A dying editor's recovery file appears after this one started.
    let mut work =
        jianbao::store::recovery::Recovery::new(Some(path.clone()), None, unsaved.clone());
    work.pid = u32::MAX - 9;
    jianbao::store::recovery::write(&jianbao::store::recovery::path_for(&recovery_dir, 9), &work)
        .expect("writes");
    // A colleague's save touches the draft afterwards: the time says
    // nothing about whose work is newer.
    std::fs::write(&path, std::fs::read(&path).expect("read")).expect("touch");
    open_with_ctrl_o(&mut harness, &answers, path.clone());
    harness.get_by_label("发现未保存的工作");
    harness.get_by_label("恢复").click();
    harness.run_steps(2);
    assert_eq!(issue(&harness), unsaved);
    assert!(harness.state().session().is_some_and(|s| s.is_dirty()));
}

#[test]
fn a_hostile_word_file_costs_a_message_not_the_editor() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("temp dir");
    let bomb = dir.path().join("稿件.docx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&bomb).expect("create"));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).expect("entry");
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..80 {
        zip.write_all(&zeros).expect("write");
    }
    zip.finish().expect("finish");

    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    answers.push(bomb);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .command(&ctx, jianbao::ui::Command::ImportArticle);
    step_until(&mut harness, "no answer", |harness| {
        harness.state().error_message().is_some()
    });
    let error = harness
        .state()
        .error_message()
        .unwrap_or_default()
        .to_owned();
    assert!(error.contains("解压后超过"), "{error}");
    assert_eq!(issue(&harness), jianbao::sample::issue());
}

#[test]
fn work_of_an_editor_still_dying_at_start_up_is_offered_moments_later() {
    let dir = tempfile::tempdir().expect("temp dir");
    let recovery_dir = dir.path().join("recovery");
    let file = jianbao::store::recovery::path_for(&recovery_dir, 3);
    let mut unsaved = jianbao::sample::issue();
    unsaved.footer.editor = "临终前的修改".into();
    let mut work = jianbao::store::recovery::Recovery::new(None, None, unsaved.clone());
    work.pid = 1; // still running at start-up (init always is)
    jianbao::store::recovery::write(&file, &work).expect("writes");

    let answers = Answers::default();
    let mut harness = editor_with_recovery(&answers, recovery_dir);
    harness.run_steps(2);
    assert!(harness.query_by_label("发现未保存的工作").is_none());
    // Its process ends a moment later.
    work.pid = u32::MAX - 5;
    jianbao::store::recovery::write(&file, &work).expect("writes");
    let start = Instant::now();
    while harness.query_by_label("发现未保存的工作").is_none() {
        assert!(start.elapsed() < Duration::from_secs(30), "never offered");
        harness.step();
    }
    // A new window is measured, unseen, in its first frame.
    harness.run_steps(2);
    harness.get_by_label("恢复").click();
    harness.run_steps(2);
    assert_eq!(issue(&harness), unsaved);
}

#[test]
fn menus_come_from_the_command_table_with_platform_shortcuts_and_reviewer_mode_disables_edits() {
    use egui_kittest::kittest::NodeT;
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    harness.get_by_label("文件").click();
    harness.run_steps(2);
    // The shortcut text is egui's formatting of the table's shortcut.
    let expected = harness.ctx.format_shortcut(&egui::KeyboardShortcut::new(
        Modifiers::COMMAND | Modifiers::SHIFT,
        Key::S,
    ));
    harness.get_by_label_contains(&expected);
    harness.key_press(Key::Escape);
    harness.run_steps(2);

    menu(&mut harness, "审阅", "审阅模式");
    assert!(harness.state().session().is_some_and(|s| s.is_reviewing()));
    harness.get_by_label("编辑").click();
    harness.run_steps(2);
    for item in ["添加栏目", "添加文章"] {
        let node = harness.get_by_label(item);
        assert!(
            node.accesskit_node().is_disabled(),
            "{item} looks clickable"
        );
    }
    harness.get_by_label("添加栏目").click();
    harness.run_steps(2);
    assert_eq!(
        issue(&harness),
        jianbao::sample::issue(),
        "and does nothing"
    );
}

/// Selects the last `n` characters of the body of the open article, as a
/// user does: the cursor to the end, then Shift+← n times.
fn select_body_end(harness: &mut Harness<'static, JianbaoApp>, n: usize) {
    harness.get_by_label("正文").focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::End);
    for _ in 0..n {
        harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    }
    harness.run_steps(1);
}

/// The last span of the last paragraph of the first article.
fn last_span(harness: &Harness<'static, JianbaoApp>) -> jianbao::model::Span {
    let issue = issue(harness);
    let body = &issue.sections[0].articles[0].body;
    body.last()
        .and_then(|p| p.spans.last())
        .cloned()
        .expect("a span")
}

#[test]
fn ctrl_b_on_selected_words_makes_them_bold_in_the_model() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_first_article(&mut harness);
    let before = last_span(&harness);
    assert!(!before.bold);
    let tail: String = {
        let chars: Vec<char> = before.text.chars().collect();
        chars[chars.len() - 4..].iter().collect()
    };
    select_body_end(&mut harness, 4);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::B);
    harness.run_steps(3);
    let after = last_span(&harness);
    assert!(after.bold, "{after:?}");
    assert_eq!(after.text, tail);
    // And it stays: the next frames do not rebuild it away.
    harness.run_steps(5);
    assert!(last_span(&harness).bold);
}

#[test]
fn the_bold_button_makes_the_selection_bold_in_the_model() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_first_article(&mut harness);
    select_body_end(&mut harness, 3);
    harness.get_by_label("加粗").click();
    harness.run_steps(3);
    let after = last_span(&harness);
    assert!(after.bold, "{after:?}");
    assert_eq!(after.text.chars().count(), 3);
    // Undo takes it back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert!(!last_span(&harness).bold);
}

#[test]
fn in_reviewer_mode_the_outline_add_buttons_are_visibly_disabled() {
    use egui_kittest::kittest::NodeT;
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    menu(&mut harness, "审阅", "审阅模式");
    harness.get_by_label_contains("东城区 · ").click();
    harness.run_steps(2);
    for label in ["＋ 添加文章", "＋ 添加栏目", "加粗"] {
        let nodes: Vec<_> = harness.get_all_by_label(label).collect();
        assert!(!nodes.is_empty(), "{label} is shown");
        for node in nodes {
            assert!(
                node.accesskit_node().is_disabled(),
                "{label} looks clickable"
            );
        }
    }
}

#[test]
fn the_next_page_button_walks_every_page_and_the_label_follows() {
    use egui_kittest::kittest::NodeT;
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    let count = harness.state().preview_fingerprints().len();
    assert!(count >= 3, "{count} pages");
    for page in 2..=count {
        harness.get_by_label("▶").click();
        harness.run_steps(3);
        harness.get_by_label(&format!("第 {page} / {count} 页"));
    }
    assert!(harness.get_by_label("▶").accesskit_node().is_disabled());
    harness.get_by_label("◀").click();
    harness.run_steps(3);
    harness.get_by_label(&format!("第 {} / {count} 页", count - 1));
}

#[test]
fn the_export_dialog_opens_fresh_and_speaks_of_dpi_and_every_page_image() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved_sample(&dir, "第11期.ron");
    let pdf = dir.path().join("第11期-印刷.pdf");
    let answers = Answers::default();
    let mut harness = editor(&answers);
    harness.run_steps(2);
    open_with_ctrl_o(&mut harness, &answers, path.clone());
    wait_for_preview(&mut harness);
    // One export finishes (Export PDF)…
    answers.push(pdf.clone());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_steps(2);
    harness.get_by_label("仍然导出").click();
    step_until(&mut harness, "no export", |harness| {
        pdf.exists() && harness.query_by_label_contains("已导出").is_some()
    });
    // …then the dialog opens without its progress.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("已完成").is_none());
    harness.get_by_label("页面图片 (PNG)").click();
    harness.run_steps(3);
    harness.get_by_value("144 dpi");
    let pages = harness.state().preview_fingerprints().len();
    harness.get_by_label_contains(&format!("每页一张，共 {pages} 张"));
}

#[test]
fn with_no_known_system_theme_the_editor_is_light() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    harness.run_steps(2);
    // Where the desktop does not say (egui's own fallback is dark), light.
    // (The harness then forces its own theme, so the resolved theme is not
    // what this checks.)
    assert_eq!(
        harness.ctx.options(|o| o.fallback_theme),
        egui::Theme::Light
    );
}

#[test]
fn ctrl_plus_and_minus_zoom_the_pages_not_the_interface() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    let (ui_zoom, pages) = (harness.ctx.zoom_factor(), harness.state().preview_zoom());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run_steps(2);
    assert_eq!(
        harness.ctx.zoom_factor(),
        ui_zoom,
        "the interface keeps its size"
    );
    let bigger = harness.state().preview_zoom();
    assert!(bigger > pages, "{bigger} > {pages}");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.run_steps(2);
    assert_eq!(harness.ctx.zoom_factor(), ui_zoom);
    assert!(harness.state().preview_zoom() < bigger);
}

/// What reached the backend of the input method, frame by frame: whether
/// it was allowed, and whether a composition was to be interrupted.
#[derive(Default)]
struct ImeLog(std::sync::Arc<std::sync::Mutex<Vec<Option<bool>>>>);

impl egui::plugin::Plugin for ImeLog {
    fn debug_name(&self) -> &'static str {
        "ImeLog"
    }
    fn output_hook(&mut self, _: &egui::Context, output: &mut egui::FullOutput) {
        let ime = output.platform_output.ime;
        let entry = ime.map(|ime| ime.should_interrupt_composition);
        self.0.lock().expect("log").push(entry);
    }
}

/// egui interrupts the composition on every focus request, and egui-winit
/// answers by disallowing and allowing the input method, which on X11
/// gives the field a fresh input context (fcitx5 then starts it in Latin).
/// Moving from 导语 to 正文 and back must keep it allowed, uninterrupted.
#[test]
fn the_input_method_stays_allowed_from_field_to_field() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_first_article(&mut harness);
    harness.get_by_label("导语").click();
    harness.run_steps(2);
    let log = ImeLog::default();
    let seen = log.0.clone();
    harness.ctx.add_plugin(log);
    for field in ["正文", "导语", "落款", "正文"] {
        harness.get_by_label(field).click();
        harness.run_steps(3);
    }
    harness.get_by_label("正文").type_text("你好");
    harness.run_steps(2);
    let seen = seen.lock().expect("log").clone();
    assert!(seen.len() >= 12, "frames were seen: {seen:?}");
    assert!(
        seen.iter().all(|frame| *frame == Some(false)),
        "allowed in every frame, never interrupted: {seen:?}"
    );
    let body = issue(&harness).sections[0].articles[0].body.clone();
    assert!(
        body.iter().any(|p| p.text().contains("你好")),
        "the typed text reached the body"
    );
}

/// Without a file dialog, Ctrl+S used to do nothing and say nothing: it
/// now says why and takes a typed path.
#[test]
fn without_a_file_dialog_ctrl_s_asks_for_a_path_and_saves_there() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(|cc| {
            JianbaoApp::new(
                &cc.egui_ctx,
                Options::detached(Box::new(jianbao::app::files::UNAVAILABLE)),
            )
        });
    open_sample(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(3);
    harness.get_by_label("输入路径");
    harness.get_by_label_contains("xdg-desktop-portal 或 zenity");
    let target = dir.path().join("第11期.ron");
    harness.get_by_label("路径").focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("路径")
        .type_text(&target.display().to_string());
    harness.run_steps(1);
    // Enter confirms, as in any dialog.
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert!(jianbao::store::load(&target).is_ok(), "saved where typed");
    let session = harness.state().session().expect("open");
    assert_eq!(session.path(), Some(target.as_path()));
    assert!(!session.is_dirty());
}

/// The settings named 仿宋_GB2312 while the pages were set in the bundled
/// Noto Serif: what each role is really printed in is now said in the
/// settings, the status bar and the export dialog.
#[test]
fn the_fonts_the_pages_really_use_are_shown() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    // The test editor has only the bundled fonts: all five official ones
    // (宋体 for page numbers too) are missing.
    harness.get_by_label("字体：5 种以内置字体代替");

    menu(&mut harness, "文件", "导出…");
    harness.get_by_label("仍然导出").click();
    harness.run_steps(3);
    harness.get_by_label_contains("导出的文件将使用内置字体代替");
    harness.get_by_label_contains("正文字体 仿宋_GB2312 → Noto Serif CJK SC");

    menu(&mut harness, "视图", "设置");
    harness.run_steps(2);
    let stand_ins = harness
        .query_all_by_label_contains("本机未安装，打印使用内置的")
        .count();
    assert_eq!(stand_ins, 5, "one line per font role");
}

/// At 1024×700 the form column was about 215 px and the body ran under
/// the preview; after growing back the preview stayed narrow. The form
/// keeps a usable width at office-laptop sizes, the preview gives way
/// first, and the columns come back when the window grows.
#[test]
fn the_form_stays_usable_on_small_screens_and_the_columns_come_back() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_first_article(&mut harness);
    // The preview's left edge: its ◀ button; the form's: the 导语 field.
    let columns = |h: &Harness<'static, JianbaoApp>| {
        let preview_left = h.get_by_label("◀").rect().left();
        let lead = h.get_by_label("导语").rect();
        (preview_left, lead.left(), lead.right())
    };
    let (wide_preview, _, _) = columns(&harness);
    for (width, height) in [(1366.0, 768.0), (1024.0, 700.0)] {
        harness.set_size(egui::vec2(width, height));
        harness.run_steps(4);
        let (preview_left, lead_left, lead_right) = columns(&harness);
        assert!(
            lead_right <= preview_left,
            "{width}: the body stays out of the preview ({lead_right} > {preview_left})"
        );
        assert!(
            preview_left - lead_left >= 280.0,
            "{width}: the form keeps room to type ({lead_left}..{preview_left})"
        );
        assert!(width - preview_left >= 230.0, "{width}: the preview stays");
    }
    harness.set_size(egui::vec2(1400.0, 900.0));
    harness.run_steps(4);
    let (preview_left, _, _) = columns(&harness);
    assert!(
        (preview_left - wide_preview).abs() < 2.0,
        "the preview comes back: {preview_left} vs {wide_preview}"
    );
}

/// The settings window jumped when the language changed: egui keyed it by
/// its title, so the other language's title opened another window.
#[test]
fn the_settings_window_stays_put_when_the_language_changes() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    menu(&mut harness, "视图", "设置");
    harness.run_steps(2);
    let before = harness.get_by_label("界面语言").rect();
    harness.get_by_label("English").click();
    harness.run_steps(4);
    let after = harness.get_by_label("Language").rect();
    assert!(
        (before.left() - after.left()).abs() < 1.0 && (before.top() - after.top()).abs() < 1.0,
        "the window stayed: {before:?} → {after:?}"
    );
    assert_eq!(harness.state().lang(), jianbao::i18n::Lang::En);
}

/// Only what is in a file is saved: the sample, an import or a new issue
/// said 已保存 although no file held it.
#[test]
fn an_issue_in_no_file_is_not_called_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    harness.get_by_label("尚未存为文件");
    assert!(harness.query_by_label("已保存").is_none());
    answers.push(dir.path().join("第11期.ron"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(3);
    harness.get_by_label("已保存");
    assert!(harness.query_by_label("尚未存为文件").is_none());
}

/// The 供稿统计 heat map had no tooltip: the cell under the pointer is
/// now named with its unit, its period and its count.
#[test]
fn the_coverage_heat_map_names_the_cell_under_the_pointer() {
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = jianbao::sample::issue();
    for (number, month) in [(10, 1), (11, 2)] {
        let mut issue = sample.clone();
        issue.masthead.number = Some(number);
        issue.masthead.date = chrono::NaiveDate::from_ymd_opt(2021, month, 25);
        jianbao::store::save(&dir.path().join(format!("第{number}期.ron")), &issue).expect("save");
    }
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_archive(&mut harness, &answers, dir.path(), 2);
    harness.get_by_label("供稿统计").click();
    harness.run_steps(3);
    // Sweep the pointer over the window until a cell is named.
    let window = harness.get_by_label("按月").rect();
    let mut named = None;
    'sweep: for dy in (40..400).step_by(12) {
        for dx in (0..700).step_by(24) {
            let at = egui::pos2(window.left() + dx as f32, window.bottom() + dy as f32);
            harness.hover_at(at);
            harness.run_steps(2);
            if let Some(node) = harness.query_by_label_contains("2021-0") {
                let text = node.accesskit_node().label().unwrap_or_default().to_owned();
                if text.contains('：') {
                    named = Some(text);
                    break 'sweep;
                }
            }
        }
    }
    let named = named.expect("a cell is named under the pointer");
    assert!(
        named.contains(" · 2021-01：") || named.contains(" · 2021-02："),
        "{named}"
    );
    assert!(
        named.ends_with(" 篇") || named.ends_with("未报送"),
        "{named}"
    );
}

/// 催稿 in the archive window: the units that sent nothing lately, a
/// reminder to copy, and a year's figures exported as CSV.
#[test]
fn the_chase_tab_lists_quiet_units_copies_a_reminder_and_exports_figures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = jianbao::sample::issue();
    for number in 1..=3u32 {
        let mut issue = sample.clone();
        issue.masthead.number = Some(number);
        issue.masthead.date = chrono::NaiveDate::from_ymd_opt(2021, number, 10);
        if number > 1 {
            issue.sections[0].articles.retain(|a| a.unit != "东城区");
        }
        jianbao::store::save(&dir.path().join(format!("第{number}期.ron")), &issue).expect("save");
    }
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_archive(&mut harness, &answers, dir.path(), 3);
    harness.get_by_label("催稿与年度").click();
    harness.run_steps(3);
    // Six issues by default: nobody is that late; two will do.
    harness.get_by_label("每个单位近期都有来稿");
    harness.get_by_label("多久未报送").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("多久未报送").type_text("2");
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    harness.get_by_label("东城区：最近一次为第 1 期（2021-01-10），此后 2 期未报送");
    harness.get_by_label("复制催稿通知").click();
    harness.run_steps(1);
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert!(
        copied.iter().any(
            |t| t.starts_with("请以下单位尽快报送稿件（近 2 期简报未见来稿）：")
                && t.contains("东城区")
        ),
        "{copied:?}"
    );

    // Counted in months (back from today, years after these issues):
    // every unit is overdue, 昌平区 too.
    harness.get_by_label("个月").click();
    harness.run_steps(3);
    harness.get_by_label_contains("昌平区：最近一次为第 3 期");
    harness.get_by_label("复制催稿通知").click();
    harness.run_steps(1);
    let copied = harness.output().platform_output.commands.iter().any(
        |c| matches!(c, egui::OutputCommand::CopyText(t) if t.contains("（近 2 个月未见来稿）")),
    );
    assert!(copied, "the reminder speaks of months");

    let csv = dir.path().join("年度统计.csv");
    answers.push(csv.clone());
    harness.get_by_label("导出 CSV…").click();
    harness.run_steps(3);
    let text = std::fs::read_to_string(&csv).expect("the figures are written");
    assert!(text.contains("东城区,1,"), "{text}");

    // The year bound into one volume, on its own thread: the drafts not yet
    // issued are pointed out first; the volume is made all the same.
    let pdf = dir.path().join("2021年合订本.pdf");
    answers.push(pdf.clone());
    harness.get_by_label("编印合订本…").click();
    harness.run_steps(3);
    harness.get_by_label("合订本提示");
    assert_eq!(
        harness.query_all_by_label_contains("尚未签发").count(),
        3,
        "the three drafts"
    );
    harness.get_by_label("确定").click();
    let start = Instant::now();
    while harness
        .query_by_label_contains("已将 3 期编为合订本")
        .is_none()
    {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the volume was never made"
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    let bytes = std::fs::read(&pdf).expect("the volume is written");
    assert!(bytes.starts_with(b"%PDF"));
}

#[test]
fn a_keystroke_and_the_page_it_changes_are_painted_in_one_frame() {
    // On a software renderer each frame costs tens of milliseconds; the
    // frame that takes a key waits for the page the key changes, so the
    // two are painted together (here with a budget long enough for a
    // debug build, so the test does not depend on the machine's speed).
    let answers = Answers::default();
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |cc| {
            let options = Options {
                preview_wait: Duration::from_secs(30),
                ..Options::detached(Box::new(answers.clone()))
            };
            JianbaoApp::new(&cc.egui_ctx, options)
        });
    open_sample(&mut harness);
    let before = harness.state().preview_fingerprints();
    harness.get_by_label("简报名称").focus();
    harness.run_steps(1);
    harness.key_press(Key::End);
    harness.get_by_label("简报名称").type_text("甲");

    harness.step();
    assert_eq!(issue(&harness).masthead.name, "首都精神文明建设情况简报甲");
    let (sent, shown) = harness.state().preview_generations();
    assert_eq!(sent, shown, "the frame that took the key shows its pages");
    let after = harness.state().preview_fingerprints();
    assert_ne!(
        before[0], after[0],
        "page 1, with the new name, is on screen"
    );
}

/// The page numbers' placement is a style choice: the standard's (odd
/// pages right, even left) or centred, chosen in the settings, and the
/// pages follow.
#[test]
fn page_numbers_can_be_centred_from_the_settings() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    assert_eq!(
        issue(&harness).style.page_numbers,
        jianbao::model::PageNumbers::Outside
    );
    let before = harness.state().preview_fingerprints();
    menu(&mut harness, "视图", "设置");
    harness.run_steps(2);
    harness.get_by_label("居中").click();
    harness.run_steps(2);
    assert_eq!(
        issue(&harness).style.page_numbers,
        jianbao::model::PageNumbers::Centred
    );
    wait_for_preview(&mut harness);
    let after = harness.state().preview_fingerprints();
    assert!(
        before.iter().zip(&after).all(|(a, b)| a != b),
        "every page's number moved"
    );
}

/// The page budget as the layout gives it, for the issue now in the editor.
fn laid_out_budget(harness: &Harness<'static, JianbaoApp>) -> jianbao::typeset::PageBudget {
    let issue = issue(harness);
    let fonts = Arc::new(jianbao::typeset::FontSet::bundled());
    jianbao::typeset::Typesetter::new(fonts)
        .compile(&issue)
        .expect("typesets")
        .budget(issue.style.line_pitch)
}

/// The outline gives each article's printed lines and the status bar the
/// pages and the last page's free lines, both from the layout; typing past
/// them sends the 报尾 onto a page of its own, and the status bar says how
/// much to cut.
#[test]
fn the_page_budget_shows_lines_pages_and_what_to_cut() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    let budget = laid_out_budget(&harness);
    harness.get_by_label(&format!(
        "{} 版 · 末页余 {} 行",
        budget.pages, budget.free_lines
    ));
    let lines: Vec<String> = budget
        .article_lines
        .iter()
        .map(|(_, n)| format!("{n} 行"))
        .collect();
    for line in &lines {
        assert!(
            harness.query_all_by_label(line).count() >= 1,
            "the outline shows {line}"
        );
    }

    // Type the last page full and a line more into the last article.
    let last = issue(&harness)
        .articles()
        .last()
        .map(|(_, _, a)| format!("{} · ", a.unit))
        .expect("articles");
    harness.get_by_label_contains(&last).click();
    harness.run_steps(2);
    let more = "首都各区深入开展文明城区创建工作推动志愿服务常态化"
        .chars()
        .cycle()
        .take(28 * (budget.free_lines + 1))
        .collect::<String>();
    type_into(&mut harness, "正文", &more);
    wait_for_preview(&mut harness);
    let over = laid_out_budget(&harness);
    let cut = over.footer_alone.expect("the 报尾 went on alone");
    assert_eq!(over.pages, budget.pages + 1);
    harness.get_by_label(&format!(
        "{} 版 · 报尾独占末页，删去 {cut} 行可回到上一页",
        over.pages
    ));
}

/// Some series print 第九期（总第十六期）: a tick in the masthead form, and
/// the pages follow.
#[test]
fn issue_numbers_can_be_written_in_chinese_numerals() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    let before = harness.state().preview_fingerprints();
    harness.get_by_label("期号用汉字（第十一期）").click();
    harness.run_steps(2);
    let masthead = issue(&harness).masthead;
    assert_eq!(masthead.numerals, jianbao::model::Numerals::Chinese);
    assert_eq!(masthead.number_text(), "第十一期");
    assert_eq!(
        masthead.total_number_text().as_deref(),
        Some("（总第二千一百七十七期）")
    );
    wait_for_preview(&mut harness);
    let after = harness.state().preview_fingerprints();
    assert_ne!(before[0], after[0], "page 1 shows the new number line");
}

/// Bulletin profiles: a bundled one chosen in the 简报系列 window, a unit
/// added to it, a new issue made from it with every default; the unit
/// picker then offers the unit added, and the title line prints.
#[test]
fn a_new_issue_from_a_profile_has_its_defaults_and_its_units() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    harness.run_steps(2);
    harness.get_by_label("简报系列…").click();
    harness.run_steps(4);
    harness.get_by_label_contains("东湖大学信息专报").click();
    harness.run_steps(2);
    harness.get_by_label("添加单位").click();
    harness.run_steps(4);
    // The new row has the keyboard, scrolled into view.
    let typed = harness
        .get_all_by_label("单位名称")
        .find(|n| n.is_focused())
        .expect("the new row's name has the keyboard");
    typed.type_text("网络信息中心");
    harness.run_steps(2);
    harness.get_by_label("有未保存的修改");
    harness.get_by_label("用此系列新建一期").click();
    harness.run_steps(4);

    let fresh = issue(&harness);
    let (_, text) = jianbao::assets::BUNDLED_PROFILES[1];
    let profile = jianbao::store::profile_from_ron(text, std::path::Path::new("p")).expect("loads");
    assert_eq!(fresh.masthead.name, "东湖大学信息专报");
    assert_eq!(fresh.masthead.numerals, jianbao::model::Numerals::Chinese);
    assert_eq!(fresh.masthead.number, Some(1));
    assert_eq!(fresh.masthead.date, Some(chrono::Local::now().date_naive()));
    assert_eq!(fresh.footer, profile.footer);
    assert_eq!(fresh.distribution, profile.distribution);
    assert_eq!(fresh.style, profile.style);
    let headings: Vec<&str> = fresh.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["工作动态", "基层经验"]);
    let names: Vec<&str> = fresh.series.unit_names().collect();
    let mut expected: Vec<&str> = profile.series.unit_names().collect();
    expected.push("网络信息中心");
    assert_eq!(names, expected);
    assert!(
        harness
            .state()
            .session()
            .is_some_and(|s| s.path().is_none())
    );

    // An article of the unit added, offered by the unit picker.
    harness
        .get_all_by_label("＋ 添加文章")
        .next()
        .expect("toolbar button")
        .click();
    harness.run_steps(2);
    harness.get_by_label("选择单位").click();
    harness.run_steps(2);
    // The picker lists the unit added (the list is the series', in order).
    let listed = harness.get_by_label("网络信息中心");
    assert!(listed.rect().is_positive());
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    type_into(&mut harness, "供稿单位", "网络信息中心");
    type_into(&mut harness, "标题", "网络信息中心完成校园网升级");
    let article = issue(&harness)
        .articles()
        .next()
        .expect("the new article")
        .2
        .clone();
    assert_eq!(article.unit, "网络信息中心");
    assert_eq!(article.title, "网络信息中心完成校园网升级");
}

/// Steps (a frame every 10 ms) until `done`, failing with `what` after a
/// minute: for work done on the editor's threads.
fn step_until(
    harness: &mut Harness<'static, JianbaoApp>,
    what: &str,
    done: impl Fn(&Harness<'static, JianbaoApp>) -> bool,
) {
    let start = Instant::now();
    while !done(harness) {
        assert!(start.elapsed() < Duration::from_secs(60), "{what}");
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Steps until article `article` of the first section has `count`
/// figures (a photo is prepared on its own thread).
fn wait_for_figures(harness: &mut Harness<'static, JianbaoApp>, article: usize, count: usize) {
    step_until(harness, "the photo never came", |harness| {
        issue(harness).sections[0].articles[article].figures.len() >= count
    });
}

/// Issue 14, in the window: a table made with its button, typed into
/// cell by cell with Tab, cells pasted from a spreadsheet spreading over
/// the grid; a photo inserted from a file, captioned, and taken back by
/// undo.
#[test]
fn a_table_is_typed_and_pasted_and_a_photo_inserted_captioned_and_undone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let photo = dir.path().join("活动现场.jpg");
    std::fs::write(&photo, jianbao::sample::camera_jpeg(3000, 2000)).expect("written");
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_first_article(&mut harness);

    // Below the article's text: scrolled to, as a user would.
    harness.get_by_label("插入表格").scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label("插入表格").click();
    harness.run_steps(2);
    let first_cell = |harness: &Harness<'static, JianbaoApp>| {
        let issue = issue(harness);
        match &issue.sections[0].articles[0].figures[..] {
            [placed] => match &placed.figure {
                jianbao::model::Figure::Table(table) => table.clone(),
                other => panic!("a table, not {other:?}"),
            },
            other => panic!("one figure, not {other:?}"),
        }
    };
    // The new table's first cell has the keyboard.
    harness.event(egui::Event::Text("区".into()));
    harness.run_steps(1);
    harness.key_press(Key::Tab);
    harness.run_steps(1);
    harness.event(egui::Event::Text("志愿者".into()));
    harness.run_steps(1);
    let table = first_cell(&harness);
    assert_eq!(table.header[..2], ["区", "志愿者"]);
    // Tab on to the first cell of the next row, then paste two rows.
    for _ in 0..2 {
        harness.key_press(Key::Tab);
        harness.run_steps(1);
    }
    harness.event(egui::Event::Paste(
        "东城区\t1200\t35\n西城区\t980\t28\n".into(),
    ));
    harness.run_steps(2);
    let table = first_cell(&harness);
    assert_eq!(table.rows[0], ["东城区", "1200", "35"]);
    assert_eq!(table.rows[1], ["西城区", "980", "28"]);

    answers.push(photo);
    harness.get_by_label("插入照片…").scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label("插入照片…").click();
    wait_for_figures(&mut harness, 0, 2);
    let figures = issue(&harness).sections[0].articles[0].figures.clone();
    let jianbao::model::Figure::Photo(inserted) = &figures[1].figure else {
        panic!("a photo second");
    };
    harness.run_steps(2);
    // The form shows the photo itself, not only its size.
    harness.get_by_label("照片预览");
    assert_eq!(
        (inserted.image.width, inserted.image.height),
        (1843, 1228),
        "scaled to 300 dpi"
    );
    harness.get_by_label("图注").scroll_to_me();
    harness.run_steps(2);
    type_into(&mut harness, "图注", "志愿者在街巷开展文明引导");
    let figures = issue(&harness).sections[0].articles[0].figures.clone();
    let jianbao::model::Figure::Photo(captioned) = &figures[1].figure else {
        panic!("a photo second");
    };
    assert_eq!(captioned.caption, "志愿者在街巷开展文明引导");
    wait_for_preview(&mut harness);

    // Undo takes the caption, then the photo, back.
    harness.get_by_label("插入表格").focus();
    harness.run_steps(1);
    for _ in 0..2 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run_steps(2);
    }
    let figures = issue(&harness).sections[0].articles[0].figures.clone();
    assert_eq!(figures.len(), 1, "{figures:?}");
}

/// An image pasted with Ctrl+V while an article is shown becomes its
/// photo.
#[test]
fn a_pasted_image_becomes_the_articles_photo() {
    let answers = Answers::default();
    let mut harness = editor(&answers);
    open_sample(&mut harness);
    harness.get_by_label_contains("房山区 · ").click();
    harness.run_steps(2);
    let pixels = vec![egui::Color32::from_rgb(230, 0, 18); 320 * 240];
    let image = egui::ColorImage::new([320, 240], pixels);
    harness.event(egui::Event::PasteImage(std::sync::Arc::new(image)));
    wait_for_figures(&mut harness, 1, 1);
    let figures = issue(&harness).sections[0].articles[1].figures.clone();
    let jianbao::model::Figure::Photo(photo) = &figures[0].figure else {
        panic!("a photo");
    };
    assert_eq!((photo.image.width, photo.image.height), (320, 240));
    let decoded = image::load_from_memory(photo.image.bytes.as_slice()).expect("decodes");
    assert_eq!(decoded.to_rgb8().get_pixel(10, 10).0, [230, 0, 18]);

    // Removed with its button, and back with undo.
    harness.get_by_label("删除此图表").scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label("删除此图表").click();
    harness.run_steps(2);
    assert!(issue(&harness).sections[0].articles[1].figures.is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(issue(&harness).sections[0].articles[1].figures.len(), 1);
}
