//! Lock files for drafts in shared office folders, in LibreOffice's
//! convention, so that Jianbao and LibreOffice users see each other.
//!
//! Opening `第11期.ron` writes `.~lock.第11期.ron#` beside it holding one
//! line: `NAME,USER,HOST,DD.MM.YYYY HH:MM,URL;` (commas and semicolons in
//! fields escaped with a backslash). Jianbao puts `jianbao:PID` in the URL
//! field, which lets a lock left by a crashed Jianbao on the same machine be
//! recognised as stale and cleared.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
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
}

impl LockOwner {
    /// This process, as it would write itself into a lock file.
    pub fn me(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            user: user_name(),
            host: host_name(),
            time: chrono::Local::now().format("%d.%m.%Y %H:%M").to_string(),
            pid: Some(std::process::id()),
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
        let url = self
            .pid
            .map(|pid| format!("jianbao:{pid}"))
            .unwrap_or_default();
        let fields = [&self.name, &self.user, &self.host, &self.time, &url];
        let escaped: Vec<String> = fields.iter().map(|f| escape(f)).collect();
        format!("{};", escaped.join(","))
    }

    /// Reads a lock file's line; anything unreadable gives an owner with
    /// empty fields (still a lock: someone made it).
    fn parse(text: &str) -> Self {
        let fields = split(text.trim().trim_end_matches(';'));
        let get = |i: usize| fields.get(i).cloned().unwrap_or_default();
        Self {
            name: get(0),
            user: get(1),
            host: get(2),
            time: get(3),
            pid: get(4).strip_prefix("jianbao:").and_then(|p| p.parse().ok()),
        }
    }

    fn is_me(&self) -> bool {
        self.pid == Some(std::process::id()) && self.host == host_name()
    }

    /// A Jianbao lock from this machine whose process has ended.
    fn is_stale(&self) -> bool {
        match self.pid {
            Some(pid) => self.host == host_name() && !process_alive(pid),
            None => false,
        }
    }
}

/// The lock file's path for a document.
pub fn lock_path(document: &Path) -> PathBuf {
    let name = document.file_name().unwrap_or_default().to_string_lossy();
    document.with_file_name(format!(".~lock.{name}#"))
}

/// A lock this process holds; released on drop.
#[derive(Debug)]
pub struct DocumentLock {
    path: PathBuf,
}

impl DocumentLock {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for DocumentLock {
    fn drop(&mut self) {
        // Remove it only if it is still ours.
        if fs::read_to_string(&self.path).is_ok_and(|text| LockOwner::parse(&text).is_me()) {
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

/// Takes the lock for `document`, clearing a stale one left by a crashed
/// Jianbao on this machine. `name` is the user's name for others to see.
pub fn acquire(document: &Path, name: &str) -> Result<DocumentLock, LockError> {
    let path = lock_path(document);
    for _ in 0..2 {
        match fs::read_to_string(&path) {
            Ok(text) => {
                let owner = LockOwner::parse(&text);
                if owner.is_me() {
                    return Ok(DocumentLock { path });
                }
                if !owner.is_stale() {
                    return Err(LockError::Held(owner));
                }
                let _ = fs::remove_file(&path);
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(LockError::Io(e)),
        }
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                file.write_all(LockOwner::me(name).line().as_bytes())
                    .and_then(|()| file.sync_all())
                    .map_err(LockError::Io)?;
                return Ok(DocumentLock { path });
            }
            // Someone took it between our look and our write: look again.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(LockError::Io(e)),
        }
    }
    match fs::read_to_string(&path) {
        Ok(text) => Err(LockError::Held(LockOwner::parse(&text))),
        Err(e) => Err(LockError::Io(e)),
    }
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

    #[test]
    fn lines_round_trip_with_awkward_names() {
        let owner = LockOwner {
            name: "张三,李四;王\\五".into(),
            user: "zhang".into(),
            host: "办公室-01".into(),
            time: "25.02.2021 09:30".into(),
            pid: Some(4242),
        };
        assert_eq!(LockOwner::parse(&owner.line()), owner);
    }

    #[test]
    fn libreoffice_locks_are_read() {
        let owner = LockOwner::parse(
            ",wang,office-pc,25.02.2021 09:30,file:///home/wang/.config/libreoffice/4;",
        );
        assert_eq!(owner.user, "wang");
        assert_eq!(owner.host, "office-pc");
        assert_eq!(owner.pid, None);
        assert_eq!(owner.display(), "wang");
    }

    #[test]
    fn a_second_opener_is_told_who_holds_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let doc = dir.path().join("第11期.ron");
        // Another Jianbao, alive on another machine.
        let other = LockOwner {
            name: "李编辑".into(),
            user: "li".into(),
            host: "another-host".into(),
            time: "25.02.2021 09:30".into(),
            pid: Some(1),
        };
        fs::write(lock_path(&doc), other.line()).expect("write lock");
        match acquire(&doc, "我") {
            Err(LockError::Held(owner)) => assert_eq!(owner, other),
            other => panic!("expected Held, got {other:?}"),
        }
    }

    #[test]
    fn a_stale_lock_from_this_machine_is_cleared_and_ours_removed_on_drop() {
        let dir = tempfile::tempdir().expect("temp dir");
        let doc = dir.path().join("第11期.ron");
        let crashed = LockOwner {
            pid: Some(u32::MAX - 7), // no such process
            ..LockOwner::me("旧会话")
        };
        fs::write(lock_path(&doc), crashed.line()).expect("write lock");
        let lock = acquire(&doc, "我").expect("the stale lock is cleared");
        let written = LockOwner::parse(&fs::read_to_string(lock.path()).expect("read"));
        assert_eq!(written.name, "我");
        assert_eq!(written.pid, Some(std::process::id()));
        drop(lock);
        assert!(!lock_path(&doc).exists());
    }
}
