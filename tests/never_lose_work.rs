//! Never lose work, part two: every path that writes, reads or locks a
//! draft, tried as a hostile user and an unlucky one would — through the
//! command line a user types, and through two editor sessions sharing one
//! folder.

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use jianbao::app::Session;
use jianbao::app::session::OpenError;
use jianbao::model::{Issue, Status};
use jianbao::store::{self, lock, recovery};

use common::run as jianbao;

use common::sample_copy;

fn hostile(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/hostile")
        .join(name)
}

fn os(s: &str) -> &OsStr {
    OsStr::new(s)
}

// ---- Writes that destroyed a draft ------------------------------------

#[test]
fn an_export_never_writes_over_the_draft_it_reads_or_its_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let draft = sample_copy(dir.path(), "t1.ron");
    let before = std::fs::read(&draft).expect("read");
    let backup = store::backup_path(&draft);
    std::fs::write(&backup, b"the version before").expect("write");
    for target in [&draft, &backup] {
        for force in [false, true] {
            let mut args = vec![
                os("export"),
                draft.as_os_str(),
                os("-o"),
                target.as_os_str(),
            ];
            if force {
                args.push(os("--force"));
            }
            let (code, text) = jianbao(&args);
            assert_eq!(code, 2, "{text}");
            assert!(text.contains("草稿"), "{text}");
        }
    }
    assert_eq!(std::fs::read(&draft).expect("read"), before);
    assert_eq!(std::fs::read(&backup).expect("read"), b"the version before");

    // Nor over another draft that happens to be in the way.
    let other = sample_copy(dir.path(), "别的.ron");
    let (code, text) = jianbao(&[
        os("export"),
        draft.as_os_str(),
        os("--format"),
        os("txt"),
        os("--name"),
        os("别的"),
        os("-o"),
        dir.path().as_os_str(),
    ]);
    assert_eq!(code, 0, "a .txt beside it is fine: {text}");
    let other_txt = dir.path().join("别的.txt");
    assert!(other_txt.exists());
    std::fs::rename(&other_txt, dir.path().join("x.txt")).expect("move");
    let (code, text) = jianbao(&[
        os("export"),
        draft.as_os_str(),
        os("-o"),
        other.as_os_str(),
        os("--force"),
    ]);
    assert_eq!(code, 2, "{text}");
    assert!(store::load(&other).is_ok(), "the other draft is intact");
}

#[test]
fn a_batch_whose_names_clash_writes_nothing_and_existing_files_need_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = sample_copy(dir.path(), "a.ron");
    let b = sample_copy(dir.path(), "b.ron");
    let out = dir.path().join("out");
    let batch = |extra: &[&str]| {
        let mut args = vec![
            os("export"),
            a.as_os_str(),
            b.as_os_str(),
            os("--format"),
            os("txt"),
            os("-o"),
            out.as_os_str(),
        ];
        args.extend(extra.iter().map(|s| os(s)));
        jianbao(&args)
    };
    // Both issues are number 11: one name for two files.
    let (code, text) = batch(&[]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("同名"), "{text}");
    assert!(!out.exists() || std::fs::read_dir(&out).expect("list").count() == 0);

    let (code, text) = batch(&["--name", "{file}-{number}"]);
    assert_eq!(code, 0, "{text}");
    assert!(out.join("a-11.txt").exists() && out.join("b-11.txt").exists());

    // Again: the files exist now.
    std::fs::write(out.join("a-11.txt"), "留着").expect("write");
    let (code, text) = batch(&["--name", "{file}-{number}"]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("--force"), "{text}");
    assert_eq!(
        std::fs::read_to_string(out.join("a-11.txt")).expect("read"),
        "留着"
    );
    let (code, text) = batch(&["--name", "{file}-{number}", "--force"]);
    assert_eq!(code, 0, "{text}");
    assert_ne!(
        std::fs::read_to_string(out.join("a-11.txt")).expect("read"),
        "留着"
    );
}

/// A draft of an older format is read, and writing it in the current one
/// keeps the original beside it: format 1 (before optional numbers) and 2
/// (before photos and tables).
#[test]
fn lint_fix_keeps_the_original_of_an_older_format() {
    for version in [1, 2] {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("第11期.ron");
        let original = std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("tests/data/schema-v{version}-sample.ron")),
        )
        .expect("read");
        std::fs::write(&path, &original).expect("write");
        let (code, text) = jianbao(&[os("lint"), os("--fix"), path.as_os_str()]);
        assert!(code <= 1, "{text}");
        let kept = dir.path().join(format!("第11期.v{version}-backup.ron"));
        assert_eq!(
            std::fs::read(&kept).expect("the original is kept"),
            original
        );
        let written = std::fs::read_to_string(&path).expect("read");
        assert!(written.contains("schema: 3,"), "{version}: {written}");
        let issue = store::load(&path).expect("loads");
        assert_eq!(issue.sections[0].articles[0].unit, "东城区", "{version}");
    }
}

#[test]
fn lint_fix_honours_a_live_lock_and_an_approved_issue() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_copy(dir.path(), "第11期.ron");
    let before = std::fs::read(&path).expect("read");

    // An editor (this test process) has it open: the CLI is another
    // process and must not write past its lock.
    let held = lock::acquire(&path, "李编辑").expect("locks");
    let (code, text) = jianbao(&[os("lint"), os("--fix"), path.as_os_str()]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("李编辑"), "{text}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
    drop(held);

    // Approved: the content is locked until the issue is reopened.
    let at = chrono::NaiveDate::from_ymd_opt(2021, 2, 24)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("a time");
    let mut issue = store::load(&path).expect("loads");
    for to in [Status::InReview, Status::Approved] {
        issue
            .review
            .change_status(to, "王审", at, "")
            .expect("allowed");
    }
    store::save(&path, &issue).expect("saves");
    let approved = std::fs::read(&path).expect("read");
    let (code, text) = jianbao(&[os("lint"), os("--fix"), path.as_os_str()]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("锁定"), "{text}");
    assert_eq!(std::fs::read(&path).expect("read"), approved);
}

// ---- Saves that changed what they should not ---------------------------

#[cfg(unix)]
#[test]
fn a_private_draft_stays_private_and_a_linked_one_stays_linked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let real = sample_copy(dir.path(), "机密.ron");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let link = dir.path().join("链接.ron");
    std::os::unix::fs::symlink("机密.ron", &link).expect("link");

    let (code, text) = jianbao(&[os("lint"), os("--fix"), link.as_os_str()]);
    assert!(code <= 1, "{text}");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("stat")
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    let fixed = store::load(&real).expect("loads");
    assert_ne!(fixed, jianbao::sample::issue(), "the target got the fixes");
    let mode = std::fs::metadata(&real).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{mode:o}");

    // A read-only draft is refused, not replaced.
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o400)).expect("chmod");
    std::fs::write(dir.path().join("x"), "").expect("write");
    let mut issue = fixed.clone();
    issue.footer.editor = "改".into();
    assert!(matches!(
        store::save(&real, &issue),
        Err(store::SaveError::ReadOnly { .. })
    ));
}

#[test]
fn a_draft_with_a_255_byte_name_can_be_saved_twice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = format!("{}ab.ron", "简".repeat(83));
    assert_eq!(name.len(), 255);
    let path = dir.path().join(&name);
    store::save(&path, &jianbao::sample::issue()).expect("first save");
    let mut issue = jianbao::sample::issue();
    issue.footer.editor = "第二次".into();
    store::save(&path, &issue).expect("second save, with a backup");
    assert_eq!(store::load(&path).expect("loads").footer.editor, "第二次");
}

// ---- Reads that hung or exploded ---------------------------------------

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_unopened_by_check_and_the_archive() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("x.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    sample_copy(dir.path(), "第11期.ron");
    // Before, both waited forever for a writer.
    let (code, text) = jianbao(&[os("check"), fifo.as_os_str()]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("不是普通文件"), "{text}");
    let (code, text) = jianbao(&[os("archive"), dir.path().as_os_str(), os("--list")]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("共 1 期"), "{text}");
}

#[test]
fn every_hostile_file_is_refused_with_its_limit_or_place_and_left_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The 15 MB bomb: five million empty articles, made here rather than
    // kept in the repository.
    let big = dir.path().join("五百万篇.ron");
    let bomb = format!(
        "(schema: 2, sections: [(articles: [{}])])",
        "(),".repeat(5_000_000)
    );
    std::fs::write(&big, &bomb).expect("write");
    let cases = [
        (hostile("empty-articles.ron"), "文章数"),
        (big, "结构（括号）数"),
        (hostile("unknown-field.ron"), "是否应为“copy_serial”"),
    ];
    for (path, says) in cases {
        let before = std::fs::read(&path).expect("read");
        let (code, text) = jianbao(&[os("check"), path.as_os_str()]);
        assert_eq!(code, 2, "{}: {text}", path.display());
        assert!(text.contains(says), "{}: {text}", path.display());
        assert!(text.contains(&*path.file_name().expect("name").to_string_lossy()));
        assert_eq!(std::fs::read(&path).expect("read"), before);
    }
    let (code, text) = jianbao(&[os("check"), hostile("unknown-field.ron").as_os_str()]);
    assert_eq!(code, 2);
    assert!(text.contains("第 11 行"), "the field's line: {text}");
}

#[test]
fn control_characters_are_flagged_and_fixed_and_never_reach_word() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("控制字符.ron");
    std::fs::copy(hostile("control-characters.ron"), &path).expect("copy");
    let (code, text) = jianbao(&[os("check"), path.as_os_str()]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("U+0001"), "{text}");
    let (code, text) = jianbao(&[
        os("export"),
        path.as_os_str(),
        os("--format"),
        os("docx"),
        os("-o"),
        dir.path().as_os_str(),
    ]);
    assert_eq!(code, 0, "{text}");
    let (_, text) = jianbao(&[
        os("lint"),
        os("--fix"),
        os("--rule"),
        os("char.control"),
        path.as_os_str(),
    ]);
    assert!(text.contains("未发现问题"), "{text}");
    assert!(
        !std::fs::read_to_string(&path)
            .expect("read")
            .contains('\u{1}')
    );
}

// ---- Two editors on one shared folder -----------------------------------

mod machine {
    use super::*;
    use proptest::prelude::*;

    /// What one of the two editors does next.
    #[derive(Clone, Debug)]
    pub enum Step {
        Open(usize),
        /// Types: the footer's editor becomes this (then autosave runs).
        Edit(usize, u8),
        Save(usize),
        /// Ends without saving, as a crash does: the lock file and the
        /// recovery file stay.
        Crash(usize),
        /// A sync client or another program rewrites the draft.
        ExternalWrite(u8),
        /// Breaks the other editor's lock and opens the draft.
        BreakLock(usize),
        /// Restores the newest recovery file offered for the draft.
        Recover(usize),
    }

    fn step() -> impl Strategy<Value = Step> {
        let who = 0..2usize;
        prop_oneof![
            who.clone().prop_map(Step::Open),
            (who.clone(), any::<u8>()).prop_map(|(i, v)| Step::Edit(i, v)),
            who.clone().prop_map(Step::Save),
            who.clone().prop_map(Step::Crash),
            any::<u8>().prop_map(Step::ExternalWrite),
            who.clone().prop_map(Step::BreakLock),
            who.prop_map(Step::Recover),
        ]
    }

    /// A process that is running (init), for a live editor's files.
    const RUNNING: u32 = 1;

    /// The editor that wrote `file` has ended: its file now names a
    /// process that is not running.
    fn end_process(file: &Path) {
        if let Ok(mut work) = recovery::read(file) {
            work.pid = u32::MAX - 1;
            recovery::write(file, &work).expect("rewrites");
        }
    }

    struct Editor {
        session: Session,
        recovery: PathBuf,
    }

    struct World {
        _dir: tempfile::TempDir,
        draft: PathBuf,
        recoveries: PathBuf,
        editors: [Option<Editor>; 2],
        /// What the draft must hold: the last acknowledged save or outside
        /// write.
        on_disk: Issue,
        /// Unsaved work of crashed editors, which must stay on disk or in a
        /// recovery file until someone saves or restores it.
        unsaved: Vec<Issue>,
        next_recovery: u64,
    }

    fn with_editor(issue: &Issue, value: u8) -> Issue {
        let mut issue = issue.clone();
        issue.footer.editor = format!("编辑{value}");
        issue
    }

    impl World {
        fn new() -> World {
            let dir = tempfile::tempdir().expect("temp dir");
            let draft = dir.path().join("第11期.ron");
            let recoveries = dir.path().join("recovery");
            std::fs::create_dir(&recoveries).expect("mkdir");
            let on_disk = jianbao::sample::issue();
            store::save(&draft, &on_disk).expect("saves");
            World {
                draft,
                recoveries,
                _dir: dir,
                editors: [None, None],
                on_disk,
                unsaved: Vec::new(),
                next_recovery: 0,
            }
        }

        fn install(&mut self, i: usize, session: Session, recovery: Option<PathBuf>) {
            let recovery = recovery.unwrap_or_else(|| {
                self.next_recovery += 1;
                recovery::path_for(&self.recoveries, self.next_recovery + 1000 * i as u64)
            });
            self.editors[i] = Some(Editor { session, recovery });
        }

        fn open(&mut self, i: usize) {
            if self.editors[i].is_some() {
                return;
            }
            match Session::open(&self.draft, &format!("编辑{i}")) {
                Ok(session) => self.install(i, session, None),
                Err(OpenError::Locked(_)) => {
                    let session = Session::open_read_only(&self.draft).expect("readable");
                    self.install(i, session, None);
                }
                Err(OpenError::Load(e)) => panic!("the draft is torn: {e}"),
            }
        }

        fn autosave(&self, i: usize) {
            let Some(editor) = &self.editors[i] else {
                return;
            };
            let session = &editor.session;
            if session.is_dirty() {
                let mut work = recovery::Recovery::new(
                    session.path().map(Path::to_owned),
                    session.disk_fingerprint(),
                    session.issue.clone(),
                );
                // Each editor is its own process in life; here both are
                // this one, so a running editor's file names a process that
                // runs (init) and a crashed one's a process that has ended.
                work.pid = RUNNING;
                recovery::write(&editor.recovery, &work).expect("autosave");
            } else {
                let _ = std::fs::remove_file(&editor.recovery);
            }
        }

        fn apply(&mut self, step: &Step) {
            match *step {
                Step::Open(i) => self.open(i),
                Step::Edit(i, value) => {
                    if let Some(editor) = &mut self.editors[i]
                        && editor.session.can_edit()
                    {
                        editor.session.issue = with_editor(&editor.session.issue, value);
                        self.autosave(i);
                    }
                }
                Step::Save(i) => {
                    let Some(editor) = &mut self.editors[i] else {
                        return;
                    };
                    if editor.session.is_read_only() {
                        return;
                    }
                    let content = editor.session.issue.clone();
                    // The editor asks first when the file changed on disk;
                    // here the user always answers "overwrite".
                    match editor.session.save() {
                        Some(Ok(())) => self.on_disk = content,
                        Some(Err(e)) if e.saved_anyway() => self.on_disk = content,
                        // Refused (someone broke our lock and holds it):
                        // the file is theirs; `check` sees it unchanged.
                        Some(Err(_)) => {}
                        None => {}
                    }
                    self.autosave(i);
                    let disk = self.on_disk.clone();
                    self.unsaved.retain(|issue| *issue != disk);
                }
                Step::Crash(i) => {
                    if let Some(editor) = self.editors[i].take() {
                        if editor.session.is_dirty() {
                            self.unsaved.push(editor.session.issue.clone());
                        }
                        editor.session.crash();
                        end_process(&editor.recovery);
                    }
                }
                Step::ExternalWrite(value) => {
                    let theirs = with_editor(&self.on_disk, value.wrapping_add(128));
                    let text = store::to_ron(&theirs).expect("serializes");
                    store::write_atomically(&self.draft, text.as_bytes()).expect("writes");
                    self.on_disk = theirs;
                }
                Step::BreakLock(i) => {
                    if self.editors[i]
                        .as_ref()
                        .is_some_and(|e| e.session.holds_lock())
                    {
                        return;
                    }
                    if let Some(holder) = lock::live_holder(&self.draft, None) {
                        assert!(lock::break_lock(&self.draft, &holder).expect("breaks"));
                    }
                    // Reopen with the lock, keeping unsaved work as a crash
                    // would (its recovery file stays).
                    if let Some(editor) = self.editors[i].take() {
                        if editor.session.is_dirty() {
                            self.unsaved.push(editor.session.issue.clone());
                        }
                        drop(editor.session);
                        end_process(&editor.recovery);
                    }
                    self.open(i);
                }
                Step::Recover(i) => {
                    if self.editors[i].is_some() {
                        return;
                    }
                    let found = recovery::scan_for(&self.recoveries, &self.draft);
                    let Some(newest) = found.into_iter().next() else {
                        return;
                    };
                    // The restored work is the open editor's again.
                    self.unsaved.retain(|work| *work != newest.recovery.issue);
                    let session = Session::recovered(
                        newest.recovery.issue.clone(),
                        Some(&self.draft),
                        newest.recovery.base,
                        &format!("编辑{i}"),
                    );
                    self.install(i, session, Some(newest.path));
                    self.autosave(i);
                }
            }
        }

        fn check(&self, step: &Step) {
            // No file is torn, and no acknowledged save is lost.
            let disk = store::load(&self.draft).expect("the draft always loads whole");
            assert_eq!(disk, self.on_disk, "after {step:?}");
            // No lock is held by nobody: a lock file no open editor holds
            // is stale, and stops no one.
            let lock_file = lock::lock_path(&self.draft).exists();
            let holders = self
                .editors
                .iter()
                .flatten()
                .filter(|e| e.session.holds_lock())
                .count();
            assert!(holders <= 1, "two editors hold the lock after {step:?}");
            if lock_file && holders == 0 {
                assert_eq!(lock::live_holder(&self.draft, None), None, "after {step:?}");
            }
            // Every unsaved edit is on disk or in a recovery file.
            let offered: Vec<Issue> = std::fs::read_dir(&self.recoveries)
                .expect("list")
                .filter_map(|e| recovery::read(&e.ok()?.path()).ok())
                .map(|r| r.issue)
                .collect();
            for open in self.editors.iter().flatten() {
                if open.session.is_dirty() {
                    assert!(offered.contains(&open.session.issue), "after {step:?}");
                }
            }
            for work in &self.unsaved {
                assert!(
                    *work == disk || offered.contains(work),
                    "unsaved work lost after {step:?}"
                );
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn two_editors_never_lose_an_acknowledged_save_or_unsaved_work(
            steps in proptest::collection::vec(step(), 1..40)
        ) {
            let mut world = World::new();
            for step in &steps {
                world.apply(step);
                world.check(step);
                // Work that reached the draft is saved; what an outside
                // program later writes over it is not Jianbao's to keep.
                let disk = world.on_disk.clone();
                world.unsaved.retain(|work| *work != disk);
            }
        }
    }
}

/// `-o` alone names a PDF: given a Word, web, text or image name it would
/// have written a PDF under that name. It refuses, says how to ask, and
/// writes nothing.
#[test]
fn a_pdf_is_never_written_under_another_formats_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let draft = sample_copy(dir.path(), "第11期.ron");
    for name in ["第11期.docx", "第11期.HTML", "第11期.txt"] {
        let out = dir.path().join(name);
        let (code, text) = jianbao(&[os("export"), draft.as_os_str(), os("-o"), out.as_os_str()]);
        assert_eq!(code, 2, "{text}");
        assert!(text.contains(name) && text.contains("--format"), "{text}");
        assert!(!out.exists(), "nothing written as {name}");
    }
}
