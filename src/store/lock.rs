//! Lock files for drafts in shared office folders, in LibreOffice's
//! convention, so that Jianbao and LibreOffice users see each other.
//!
//! Opening `第11期.ron` writes `.~lock.第11期.ron#` beside it holding one
//! line: `NAME,USER,HOST,DD.MM.YYYY HH:MM,URL;` (commas and semicolons in
//! fields escaped with a backslash). Jianbao puts `jianbao:PID:TOKEN` in the
//! URL field (the token tells two locks of one process apart).
//!
//! While a Jianbao lock is held, its holder also keeps an operating-system
//! lock on the lock file (`File::try_lock`: `flock` on Unix, `LockFileEx`
//! on Windows, which reaches SMB shares). That is how a live lock is told
//! from one a crashed editor left, on any system and from any machine: a
//! Jianbao lock file nobody holds the OS lock on is stale, and is taken
//! over by locking it first and only then rewriting it, so two openers can
//! never both win. Other programs' locks (LibreOffice's) hold no OS lock and
//! count as live until a person breaks them ([`break_lock`]).
//!
//! Known limit: where the file system does not support OS locks at all,
//! liveness falls back to the process table (Linux `/proc`, same host only;
//! elsewhere such a lock counts as live, the safe side).

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Who holds a lock, as written in the lock file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LockOwner {
    /// The name the user gave (may be empty).
    pub name: String,
    /// The operating-system account.
    pub user: String,
    pub host: String,
    /// When the lock was taken, as written (DD.MM.YYYY HH:MM).
    pub time: String,
    /// The Jianbao process holding it; `None` for other programs' locks.
    pub pid: Option<u32>,
    /// Tells apart two locks taken by one process.
    pub token: Option<u64>,
}

impl LockOwner {
    /// This process, as it would write itself into a new lock file.
    pub fn me(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            user: user_name(),
            host: host_name(),
            time: chrono::Local::now().format("%d.%m.%Y %H:%M").to_string(),
            pid: Some(std::process::id()),
            token: Some(crate::model::ArticleId::generate().0),
        }
    }

    /// The name to show: the given name, else the account.
    pub fn display(&self) -> &str {
        if self.name.trim().is_empty() {
            &self.user
        } else {
            &self.name
        }
    }

    fn line(&self) -> String {
        let url = match (self.pid, self.token) {
            (Some(pid), Some(token)) => format!("jianbao:{pid}:{token:x}"),
            (Some(pid), None) => format!("jianbao:{pid}"),
            _ => String::new(),
        };
        let fields = [&self.name, &self.user, &self.host, &self.time, &url];
        let escaped: Vec<String> = fields.iter().map(|f| escape(f)).collect();
        format!("{};", escaped.join(","))
    }

    /// Reads a lock file's line; anything unreadable gives an owner with
    /// empty fields (still a lock: someone made it).
    fn parse(text: &str) -> Self {
        let fields = split(text.trim().trim_end_matches(';'));
        let get = |i: usize| fields.get(i).cloned().unwrap_or_default();
        let url = get(4);
        let mut jianbao = url.strip_prefix("jianbao:").map(|rest| rest.split(':'));
        let pid = jianbao
            .as_mut()
            .and_then(|parts| parts.next())
            .and_then(|p| p.parse().ok());
        let token = jianbao
            .as_mut()
            .and_then(|parts| parts.next())
            .and_then(|t| u64::from_str_radix(t, 16).ok());
        Self {
            name: get(0),
            user: get(1),
            host: get(2),
            time: get(3),
            pid,
            token,
        }
    }

    /// A Jianbao lock from this machine whose process has ended (for file
    /// systems without OS locks).
    fn is_stale_by_process(&self) -> bool {
        match self.pid {
            Some(pid) => self.host == host_name() && !process_alive(pid),
            None => false,
        }
    }
}

/// The lock file's path for a document.
pub fn lock_path(document: &Path) -> PathBuf {
    super::atomic::sibling_name(document, ".~lock.", "#")
}

/// A lock this session holds (with the OS lock on its file); released on
/// drop.
#[derive(Debug)]
pub struct DocumentLock {
    path: PathBuf,
    /// The line this lock wrote, to tell it is still ours.
    line: String,
    /// Holds the OS lock for as long as the lock lives.
    _file: File,
    /// Ended as by a crash: the lock file is left behind.
    abandoned: bool,
}

impl DocumentLock {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Ends the lock as a crash would: the OS lock goes with the file
    /// handle, the lock file stays behind. For tests of what a crash leaves.
    pub fn abandon(mut self) {
        self.abandoned = true;
    }

    /// Whether the lock file still names this lock (nobody broke it).
    pub fn is_intact(&self) -> bool {
        fs::read_to_string(&self.path).is_ok_and(|text| text == self.line)
    }
}

impl Drop for DocumentLock {
    fn drop(&mut self) {
        // Remove it only if it is still ours (it may have been broken and
        // taken by someone else). The OS lock goes with the file handle.
        if !self.abandoned && self.is_intact() {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Why a lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Someone else has the document open.
    Held(LockOwner),
    /// The lock file could not be written (a read-only folder, say). The
    /// document can still be edited; others just will not be warned.
    Io(io::Error),
}

/// What is known of an existing lock file.
enum Found {
    /// No lock file.
    Free,
    /// Someone holds it.
    Live(LockOwner),
    /// Nobody does any more; we now hold its OS lock, on this handle.
    Stale(File),
}

/// Takes the lock for `document`, taking over a stale one (a crashed
/// editor's, on any machine). `name` is the user's name for others to see.
pub fn acquire(document: &Path, name: &str) -> Result<DocumentLock, LockError> {
    let path = lock_path(document);
    let me = LockOwner::me(name);
    let line = me.line();
    for _ in 0..5 {
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => {
                // Lock before writing: an opener that sees the file empty
                // waits for the line (see `inspect`), holding the OS lock
                // only for that look, so ours comes within moments.
                lock_soon(&file);
                return claim(path, line, file);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(LockError::Io(e)),
        }
        match inspect(&path).map_err(LockError::Io)? {
            Found::Free => continue,
            Found::Live(owner) => return Err(LockError::Held(owner)),
            Found::Stale(file) => {
                file.set_len(0).map_err(LockError::Io)?;
                return claim(path, line, file);
            }
        }
    }
    match inspect(&path).map_err(LockError::Io)? {
        Found::Live(owner) => Err(LockError::Held(owner)),
        _ => Err(LockError::Io(io::Error::from(io::ErrorKind::WouldBlock))),
    }
}

/// Writes our line into the lock file whose OS lock `file` holds.
fn claim(path: PathBuf, line: String, mut file: File) -> Result<DocumentLock, LockError> {
    write_line(&mut file, &line).map_err(LockError::Io)?;
    Ok(DocumentLock {
        path,
        line,
        _file: file,
        abandoned: false,
    })
}

/// Who else holds a live lock on `document`, if anyone; `mine` is a lock
/// this session holds, which does not count. Used before every save.
pub fn live_holder(document: &Path, mine: Option<&DocumentLock>) -> Option<LockOwner> {
    let path = lock_path(document);
    if mine.is_some_and(|lock| lock.path == path && lock.is_intact()) {
        return None;
    }
    match inspect(&path) {
        Ok(Found::Live(owner)) => Some(owner),
        // Unreadable: someone made it; do not write past it.
        Err(e) if e.kind() != io::ErrorKind::NotFound => Some(LockOwner::default()),
        _ => None,
    }
}

/// Removes someone else's lock on `document` after the user confirmed it,
/// but only if it is still the lock they were shown (`owner`). Its holder,
/// if still running, finds its lock gone and can no longer save over the
/// file. Returns whether the lock was removed.
pub fn break_lock(document: &Path, owner: &LockOwner) -> io::Result<bool> {
    let path = lock_path(document);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(true),
        Err(e) => return Err(e),
    };
    if &LockOwner::parse(&text) != owner {
        return Ok(false);
    }
    fs::remove_file(&path)?;
    Ok(true)
}

/// Looks at an existing lock file: free, held, or stale (then returned
/// locked by us, still at `path`).
fn inspect(path: &Path) -> io::Result<Found> {
    let mut file = match OpenOptions::new().read(true).write(true).open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Found::Free),
        // A lock file we may not write (a read-only folder): read who.
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            return fs::read_to_string(path).map(|text| Found::Live(LockOwner::parse(&text)));
        }
        Err(e) => return Err(e),
    };
    match file.try_lock() {
        Err(TryLockError::WouldBlock) => {
            let owner = read_owner(&mut file, path)?;
            Ok(Found::Live(owner))
        }
        Err(TryLockError::Error(_)) => {
            // No OS locks here: judge by the process table.
            let owner = read_owner(&mut file, path)?;
            if owner.is_stale_by_process() {
                Ok(Found::Stale(file))
            } else {
                Ok(Found::Live(owner))
            }
        }
        Ok(()) => {
            if !same_file_at(&file, path) {
                // Removed or replaced since we opened it: look again.
                return Ok(Found::Free);
            }
            let mut text = String::new();
            file.read_to_string(&mut text)?;
            let owner = LockOwner::parse(&text);
            if text.trim().is_empty() {
                // Only a creator between its create and its lock leaves an
                // empty file; give it a moment, then it is debris.
                drop(file);
                std::thread::sleep(std::time::Duration::from_millis(20));
                return match fs::read_to_string(path) {
                    Ok(again) if !again.trim().is_empty() => inspect(path),
                    _ => reopen_locked(path).map(|f| f.map_or(Found::Free, Found::Stale)),
                };
            }
            if owner.pid.is_some() {
                // A Jianbao lock nobody holds: its editor has gone.
                Ok(Found::Stale(file))
            } else {
                // Another program's lock: it holds no OS lock to go by.
                Ok(Found::Live(owner))
            }
        }
    }
}

/// Takes the OS lock on a file just created, waiting out another opener's
/// brief look at it. Where the file system has no OS locks, goes on
/// without (liveness then falls back to the process table).
fn lock_soon(file: &File) {
    for _ in 0..200 {
        match file.try_lock() {
            Err(TryLockError::WouldBlock) => {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            _ => return,
        }
    }
}

/// Opens and OS-locks the lock file again, if nobody holds it.
fn reopen_locked(path: &Path) -> io::Result<Option<File>> {
    let file = match OpenOptions::new().read(true).write(true).open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    Ok((file.try_lock().is_ok() && same_file_at(&file, path)).then_some(file))
}

fn read_owner(file: &mut File, path: &Path) -> io::Result<LockOwner> {
    let mut text = String::new();
    match file.read_to_string(&mut text) {
        Ok(_) => Ok(LockOwner::parse(&text)),
        // Windows refuses reads of a file another handle has locked.
        Err(_) => Ok(fs::read_to_string(path)
            .map(|t| LockOwner::parse(&t))
            .unwrap_or_default()),
    }
}

fn write_line(file: &mut File, line: &str) -> io::Result<()> {
    file.seek(SeekFrom::Start(0))?;
    file.write_all(line.as_bytes())?;
    file.sync_all()
}

/// Whether `path` still names the file `file` has open (a lock file can be
/// removed between our open and our lock).
#[cfg(unix)]
fn same_file_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Windows does not let an open file be removed, so the name still holds it.
#[cfg(not(unix))]
fn same_file_at(_file: &File, path: &Path) -> bool {
    path.exists()
}

fn escape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    for c in field.chars() {
        if matches!(c, ',' | ';' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn split(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(next), Some(field)) = (chars.next(), fields.last_mut()) {
                    field.push(next);
                }
            }
            ',' => fields.push(String::new()),
            _ => {
                if let Some(field) = fields.last_mut() {
                    field.push(c);
                }
            }
        }
    }
    fields
}

/// The operating-system account name, or `unknown`.
pub fn user_name() -> String {
    login_name().unwrap_or_else(|| "unknown".to_owned())
}

/// The operating-system account name, when the environment says it.
pub fn login_name() -> Option<String> {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|name| !name.trim().is_empty())
}

/// This machine's name.
pub fn host_name() -> String {
    let from_file = ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .find_map(|p| fs::read_to_string(p).ok())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    from_file
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "localhost".to_owned())
}

/// Whether a process is running; where that cannot be known it counts as
/// running, so no lock is ever wrongly cleared.
fn process_alive(pid: u32) -> bool {
    super::process_running(pid).unwrap_or(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn other_machine(pid: u32) -> LockOwner {
        LockOwner {
            name: "李编辑".into(),
            user: "li".into(),
            host: "another-host".into(),
            time: "25.02.2021 09:30".into(),
            pid: Some(pid),
            token: Some(0xbeef),
        }
    }

    /// Writes `owner`'s lock file and, when `alive`, holds its OS lock as a
    /// running editor would (the returned handle).
    fn plant(doc: &Path, owner: &LockOwner, alive: bool) -> File {
        fs::write(lock_path(doc), owner.line()).expect("write lock");
        let file = File::open(lock_path(doc)).expect("open lock");
        if alive {
            file.try_lock().expect("OS lock");
        }
        file
    }

    #[test]
    fn lines_round_trip_with_awkward_names() {
        let owner = LockOwner {
            name: "张三,李四;王\\五".into(),
            ..other_machine(4242)
        };
        assert_eq!(LockOwner::parse(&owner.line()), owner);
        let old_style = LockOwner::parse(",wang,pc,25.02.2021 09:30,jianbao:77;");
        assert_eq!((old_style.pid, old_style.token), (Some(77), None));
    }

    #[test]
    fn libreoffice_locks_are_read_and_count_as_live() {
        let line = ",wang,office-pc,25.02.2021 09:30,file:///home/wang/.config/libreoffice/4;";
        let owner = LockOwner::parse(line);
        assert_eq!(owner.user, "wang");
        assert_eq!(owner.host, "office-pc");
        assert_eq!(owner.pid, None);
        assert_eq!(owner.display(), "wang");
        let dir = tempfile::tempdir().expect("temp dir");
        let doc = dir.path().join("第11期.ron");
        fs::write(lock_path(&doc), line).expect("write");
        assert!(matches!(acquire(&doc, "我"), Err(LockError::Held(o)) if o == owner));
    }

    #[test]
    fn a_live_holder_on_another_machine_is_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let doc = dir.path().join("第11期.ron");
        let other = other_machine(1);
        let _held = plant(&doc, &other, true);
        match acquire(&doc, "我") {
            Err(LockError::Held(owner)) => assert_eq!(owner, other),
            other => panic!("expected Held, got {other:?}"),
        }
        assert_eq!(live_holder(&doc, None), Some(other));
    }

    #[test]
    fn a_crashed_editors_lock_is_taken_over_on_any_machine() {
        // Another machine's editor crashed: its line is there, its OS lock
        // went with its process. Before, only /proc on this host could tell.
        let dir = tempfile::tempdir().expect("temp dir");
        let doc = dir.path().join("第11期.ron");
        drop(plant(&doc, &other_machine(1), false));
        assert_eq!(live_holder(&doc, None), None);
        let lock = acquire(&doc, "我").expect("the stale lock is taken over");
        let written = LockOwner::parse(&fs::read_to_string(lock.path()).expect("read"));
        assert_eq!(written.name, "我");
        assert_eq!(written.pid, Some(std::process::id()));
        drop(lock);
        assert!(!lock_path(&doc).exists());
    }

    #[test]
    fn two_sessions_of_one_process_exclude_each_other() {
        let dir = tempfile::tempdir().expect("temp dir");
        let doc = dir.path().join("第11期.ron");
        let first = acquire(&doc, "甲").expect("first");
        assert!(matches!(acquire(&doc, "乙"), Err(LockError::Held(o)) if o.name == "甲"));
        assert_eq!(live_holder(&doc, Some(&first)), None, "our own lock");
        assert!(live_holder(&doc, None).is_some());
        drop(first);
        assert!(acquire(&doc, "乙").is_ok());
    }

    #[test]
    fn a_broken_lock_is_gone_for_its_holder_too() {
        let dir = tempfile::tempdir().expect("temp dir");
        let doc = dir.path().join("第11期.ron");
        let theirs = acquire(&doc, "甲").expect("first");
        let Err(LockError::Held(owner)) = acquire(&doc, "乙") else {
            panic!("held");
        };
        assert!(
            !break_lock(&doc, &LockOwner::default()).expect("reads"),
            "only the lock the user was shown is broken"
        );
        assert!(break_lock(&doc, &owner).expect("breaks"));
        let mine = acquire(&doc, "乙").expect("now free");
        assert!(!theirs.is_intact());
        assert_eq!(
            live_holder(&doc, Some(&theirs)).map(|o| o.name),
            Some("乙".into())
        );
        drop(theirs);
        assert!(mine.is_intact(), "the old holder's drop leaves our lock");
    }

    #[test]
    fn racing_takeovers_of_a_stale_lock_have_one_winner() {
        for _ in 0..20 {
            let dir = tempfile::tempdir().expect("temp dir");
            let doc = dir.path().join("第11期.ron");
            drop(plant(&doc, &other_machine(1), false));
            let barrier = std::sync::Barrier::new(4);
            let won = std::thread::scope(|scope| {
                let handles: Vec<_> = (0..4)
                    .map(|i| {
                        let (doc, barrier) = (&doc, &barrier);
                        scope.spawn(move || {
                            barrier.wait();
                            acquire(doc, &format!("编辑{i}")).ok()
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .filter_map(|h| h.join().ok().flatten())
                    .collect::<Vec<_>>()
            });
            assert_eq!(won.len(), 1, "exactly one opener wins");
            assert!(won[0].is_intact());
        }
    }
}
