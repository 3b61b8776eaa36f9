//! Saving survives being killed at any moment: a child process saves two
//! versions of an issue over each other as fast as it can, and is killed
//! with SIGKILL at random moments, over and over. After every kill the draft
//! must load and be one of the two versions, whole — never empty, never torn
//! — and so must its `.bak`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use jianbao::model::Issue;
use jianbao::store;

const TARGET_VAR: &str = "JIANBAO_KILL_TEST_TARGET";
const KILLS: usize = 200;

/// The two versions: the sample, and a much longer issue (so that a save
/// takes long enough to be interrupted part-way).
fn versions() -> (Issue, Issue) {
    (jianbao::sample::issue(), jianbao::sample::large(30))
}

/// The child: saves the two versions alternately until killed. Run only
/// by the parent test below, which sets the target path.
#[test]
#[ignore = "run as a child process by `every_kill_leaves_a_whole_draft`"]
fn saver_child() {
    let Ok(target) = std::env::var(TARGET_VAR) else {
        return;
    };
    let target = PathBuf::from(target);
    let (a, b) = versions();
    println!("ready");
    loop {
        for issue in [&a, &b] {
            if let Err(error) = store::save(&target, issue) {
                eprintln!("{error}");
                std::process::exit(3);
            }
        }
    }
}

/// A small, seedable generator for the kill times (no extra crates).
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn assert_whole(path: &Path, a: &Issue, b: &Issue, round: usize) {
    let loaded = store::load(path)
        .unwrap_or_else(|e| panic!("round {round}: {} does not load: {e}", path.display()));
    assert!(
        &loaded == a || &loaded == b,
        "round {round}: {} holds neither version",
        path.display()
    );
}

#[test]
fn every_kill_leaves_a_whole_draft() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("第11期.ron");
    let (a, b) = versions();
    store::save(&target, &a).expect("first save");

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    eprintln!("kill-time seed: {seed}");
    let mut random = XorShift(seed);
    let exe = std::env::current_exe().expect("test binary");

    let strays = |dir: &Path| -> Vec<String> {
        std::fs::read_dir(dir)
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".tmp"))
            .collect()
    };
    let mut inside_a_write = 0;
    for round in 0..KILLS {
        let mut child = Command::new(&exe)
            .args([
                "saver_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(TARGET_VAR, &target)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("child starts");
        // Let it get into its saving loop, then kill it somewhere in a save.
        std::thread::sleep(Duration::from_micros(15_000 + random.next() % 25_000));
        child.kill().expect("SIGKILL");
        let status = child.wait().expect("reaped");
        assert_ne!(
            status.code(),
            Some(3),
            "round {round}: the child's save failed"
        );

        // A temporary file left behind: the kill landed while bytes were
        // being written. (The next save clears it.)
        if !strays(dir.path()).is_empty() {
            inside_a_write += 1;
        }
        assert_whole(&target, &a, &b, round);
        let backup = store::backup_path(&target);
        if backup.exists() {
            assert_whole(&backup, &a, &b, round);
        }
    }

    eprintln!("{inside_a_write} of {KILLS} kills landed while a file was being written");
    store::save(&target, &a).expect("a normal save");
    assert_eq!(
        strays(dir.path()),
        Vec::<String>::new(),
        "stale temporary files are cleared"
    );
    assert_eq!(store::load(&target).expect("loads"), a);
}
