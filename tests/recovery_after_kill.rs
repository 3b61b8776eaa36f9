//! An editing session killed mid-edit loses nothing: a child process edits
//! the sample issue in the real editor (headless, through egui_kittest)
//! until its work has been autosaved, and is killed with SIGKILL; the next
//! editor started on the same recovery folder offers the work back, and
//! restoring it gives the edited issue.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jianbao::app::files::NO_DIALOGS;
use jianbao::ui::{JianbaoApp, Options};

const FOLDER_VAR: &str = "JIANBAO_RECOVERY_TEST_FOLDER";
const TYPED: &str = "（第二稿）";

fn editor(recovery_dir: PathBuf) -> Harness<'static, JianbaoApp> {
    let mut options = Options::detached(Box::new(NO_DIALOGS));
    options.recovery_dir = Some(recovery_dir);
    Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |cc| JianbaoApp::new(&cc.egui_ctx, options))
}

/// The child: opens the sample, types, and goes on editing until killed.
#[test]
#[ignore = "run as a child process by `a_killed_session_is_restored_on_the_next_start`"]
fn editing_child() {
    let Ok(folder) = std::env::var(FOLDER_VAR) else {
        return;
    };
    let folder = PathBuf::from(folder);
    let mut harness = editor(folder.clone());
    harness.run_steps(2);
    harness.get_by_label("打开示例简报").click();
    harness.run_steps(2);
    harness.get_by_label("简报名称").focus();
    harness.run_steps(1);
    harness.key_press(egui::Key::End);
    harness.get_by_label("简报名称").type_text(TYPED);
    let mut announced = false;
    loop {
        harness.step();
        // A finished recovery file (not the hidden temporary file it is
        // written through).
        let saved = std::fs::read_dir(&folder).is_ok_and(|entries| {
            entries
                .filter_map(Result::ok)
                .any(|e| e.file_name().to_string_lossy().starts_with("recovery-"))
        });
        if saved && !announced {
            println!("AUTOSAVED");
            announced = true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_killed_session_is_restored_on_the_next_start() {
    let folder = tempfile::tempdir().expect("temp dir");
    let exe = std::env::current_exe().expect("test binary");
    let mut child = Command::new(exe)
        .args([
            "editing_child",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(FOLDER_VAR, folder.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("child starts");

    // Wait for the autosave, then kill the editor without warning.
    let stdout = child.stdout.take().expect("piped");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.contains("AUTOSAVED") {
                let _ = tx.send(());
            }
        }
    });
    let autosaved = rx.recv_timeout(Duration::from_secs(120));
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    assert!(autosaved.is_ok(), "the child never autosaved");

    // The next start offers the work back.
    let mut harness = editor(folder.path().to_owned());
    harness.run_steps(2);
    assert!(harness.state().is_asking(), "recovery is offered");
    harness.get_by_label("恢复").click();
    let start = Instant::now();
    while harness.state().session().is_none() {
        assert!(start.elapsed() < Duration::from_secs(10));
        harness.step();
    }
    let session = harness.state().session().expect("restored");
    let mut expected = jianbao::sample::issue();
    expected.masthead.name.push_str(TYPED);
    assert_eq!(session.issue, expected);
    assert!(session.is_dirty(), "restored work still needs saving");
}
