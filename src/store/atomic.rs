//! Atomic replacement of a file's contents.
//!
//! Every file Jianbao writes (drafts, recovery files, settings, exports)
//! goes through [`replace`]: the target holds its old contents or the new
//! ones in full at every instant, keeps its permissions and (where the
//! process may) its owner, is written through a symbolic link rather than
//! replacing the link, and a read-only target is refused. A hand-written
//! writer rather than a crate such as `atomic-write-file`: the draft's
//! `.bak` must be linked between the flush and the rename, temporary names
//! must carry the host so that a shared folder's other machines' saves are
//! never mistaken for debris, and names must be shortened to fit.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// The longest file name (in bytes) the common file systems allow.
pub const NAME_MAX: usize = 255;

/// Why a file was not (or not durably) replaced.
#[derive(Debug)]
pub enum WriteError {
    /// Nothing was replaced: the target is as it was.
    Unchanged(io::Error),
    /// The new contents are in place, but flushing the folder failed, so
    /// a power cut in the next moments could still undo the rename.
    NotDurable(io::Error),
}

impl WriteError {
    /// The underlying error, for callers that treat both kinds alike.
    pub fn into_io(self) -> io::Error {
        match self {
            WriteError::Unchanged(e) | WriteError::NotDurable(e) => e,
        }
    }

    /// Whether the new contents reached the target.
    pub fn replaced(&self) -> bool {
        matches!(self, WriteError::NotDurable(_))
    }
}

/// How [`replace`] treats the file.
#[derive(Clone, Copy, Debug, Default)]
pub struct Replace<'a> {
    /// Keep the previous contents here first (linked, or copied).
    pub backup: Option<&'a Path>,
    /// A new file is readable by its owner only (recovery files hold
    /// drafts that may be classified).
    pub private: bool,
}

/// Replaces `path` with `bytes` (see [`replace`]).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    replace(path, bytes, Replace::default())
}

/// Replaces `path` with `bytes` so that, whatever happens (a crash, a kill,
/// power loss after the call returns), the file holds either its old
/// contents or the new ones in full.
///
/// The bytes go to a temporary file beside the real target (a rename is
/// atomic only within one file system; a symbolic link is followed to its
/// target), which takes the target's permissions and owner, is flushed to
/// disk and renamed over the target; the folder is flushed too so that the
/// rename survives a crash. With `backup`, the old contents are linked
/// there before the rename, so at every moment the target exists with old
/// or new contents. On error the temporary file is removed.
pub fn replace(path: &Path, bytes: &[u8], how: Replace<'_>) -> Result<(), WriteError> {
    let target = resolve_links(path).map_err(WriteError::Unchanged)?;
    let existing = match fs::metadata(&target) {
        Ok(metadata) if !metadata.is_file() => {
            return Err(WriteError::Unchanged(io::Error::from(
                io::ErrorKind::IsADirectory,
            )));
        }
        Ok(metadata) if metadata.permissions().readonly() => {
            return Err(WriteError::Unchanged(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "the file is read-only",
            )));
        }
        Ok(metadata) => Some(metadata),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(WriteError::Unchanged(e)),
    };
    let temp = write_temp_beside(&target, bytes, existing.as_ref(), how.private)
        .map_err(WriteError::Unchanged)?;
    if existing.is_some()
        && let Some(backup) = how.backup
        && let Err(error) = keep_backup(&target, backup)
    {
        temp.discard();
        return Err(WriteError::Unchanged(error));
    }
    if let Err(error) = fs::rename(&temp.path, &target) {
        temp.discard();
        return Err(WriteError::Unchanged(error));
    }
    drop(temp);
    sync_folder(&folder_of(&target)).map_err(WriteError::NotDurable)
}

/// The file a path finally names, following symbolic links (relative ones
/// from the link's folder). A dangling link gives the missing target.
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // As many hops as Linux follows before ELOOP.
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let next = fs::read_link(&current)?;
                current = if next.is_absolute() {
                    next
                } else {
                    folder_of(&current).join(next)
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Makes `backup` hold `path`'s current contents, replacing it atomically.
fn keep_backup(path: &Path, backup: &Path) -> io::Result<()> {
    let (staged, _) = temp_name(backup);
    match fs::hard_link(path, &staged) {
        Ok(()) => {
            let staged = HeldTemp::hold(staged)?;
            let renamed = fs::rename(&staged.path, backup);
            match renamed {
                Ok(()) => Ok(()),
                Err(error) => {
                    staged.discard();
                    Err(error)
                }
            }
        }
        // Links are not possible everywhere (some shared folders): copy.
        Err(_) => write_atomically(backup, &fs::read(path)?).map_err(WriteError::into_io),
    }
}

/// A temporary file of this process, held under an OS lock from just after
/// its creation until it is renamed into place or removed. While the lock
/// is held no cleaner takes it for debris, whatever the process table says:
/// a process id can be reused, and a sandbox's `/proc` may list processes
/// that are not this system's.
struct HeldTemp {
    path: PathBuf,
    file: File,
}

impl HeldTemp {
    /// Opens the existing `path` and locks it. Where the file system has
    /// no locks the file is held all the same; only its protection is
    /// weaker.
    fn hold(path: PathBuf) -> io::Result<Self> {
        let file = match File::open(&path) {
            Ok(file) => file,
            Err(error) => {
                let _ = fs::remove_file(&path);
                return Err(error);
            }
        };
        let _ = file.try_lock();
        Ok(HeldTemp { path, file })
    }

    /// Removes the file (a failed write): nothing of it is left behind.
    fn discard(self) {
        let HeldTemp { path, file } = self;
        drop(file);
        let _ = fs::remove_file(path);
    }
}

fn write_temp_beside(
    path: &Path,
    bytes: &[u8],
    existing: Option<&fs::Metadata>,
    private: bool,
) -> io::Result<HeldTemp> {
    let mut temp = create_temp_beside(path, existing.is_some() || private)?;
    let written = take_over_attributes(&temp.file, existing)
        .and_then(|()| temp.file.write_all(bytes))
        .and_then(|()| temp.file.sync_all());
    match written {
        Ok(()) => Ok(temp),
        Err(error) => {
            temp.discard();
            Err(error)
        }
    }
}

/// Gives the new file the old one's owner (where allowed) and permissions.
fn take_over_attributes(file: &File, existing: Option<&fs::Metadata>) -> io::Result<()> {
    let Some(old) = existing else {
        return Ok(());
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only root may give a file away; anyone may pick one of their own
        // groups. Either refusal leaves the file ours, which is no loss.
        if std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
            let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
        }
    }
    file.set_permissions(old.permissions())
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `name` shortened, at a character boundary, to at most `budget` bytes.
pub(super) fn shortened(name: &str, budget: usize) -> &str {
    let mut end = name.len().min(budget);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name[..end]
}

/// `prefix + name + suffix` as a sibling of `path`, the name shortened so
/// that the whole fits in [`NAME_MAX`] bytes.
pub fn sibling_name(path: &Path, prefix: &str, suffix: &str) -> PathBuf {
    fitted_sibling(path, prefix, suffix, 0)
}

/// [`sibling_name`] leaving `reserve` bytes free for more after it.
fn fitted_sibling(path: &Path, prefix: &str, suffix: &str, reserve: usize) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let budget = NAME_MAX.saturating_sub(prefix.len() + suffix.len() + reserve);
    folder_of(path).join(format!("{prefix}{}{suffix}", shortened(&name, budget)))
}

/// Room kept for `.HOST-PID-N.tmp` after a temporary file's name, so that
/// every temporary of one target shares one shortened name.
const TAG_ROOM: usize = ".12345678-4294967295-4294967295.tmp".len();

/// This machine, as eight hex digits in temporary names: a stable FNV-1a
/// hash of its name, the same in every process and every build.
fn host_tag() -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in super::lock::host_name().bytes() {
        hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
    }
    format!("{hash:08x}")
}

/// The part of a temporary name before its tag, for `path`.
fn temp_stem(path: &Path) -> PathBuf {
    fitted_sibling(path, ".", "", TAG_ROOM)
}

/// A hidden name beside `path` that no other writer uses (this host, this
/// process, a counter), with the tag that [`remove_stale_temps`] reads.
fn temp_name(path: &Path) -> (PathBuf, String) {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tag = format!("{}-{}-{n}", host_tag(), std::process::id());
    let mut name = temp_stem(path).into_os_string();
    name.push(format!(".{tag}.tmp"));
    (PathBuf::from(name), tag)
}

/// Removes temporary files beside `path` that this machine provably
/// abandoned: written here (the host tag matches) by a process that has
/// ended or that no longer holds the file's lock (see [`HeldTemp`]).
/// Another machine's save in progress on a shared folder, or a temporary
/// whose writer cannot be known to have ended, is left alone. Known limit:
/// a writer of this host is unprotected for the instant between creating
/// its temporary and locking it; it then fails to rename and reports the
/// save as failed, losing nothing. Returns how many went.
pub fn remove_stale_temps(path: &Path) -> usize {
    let stem = temp_stem(path);
    let Some(stem_name) = stem.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return 0;
    };
    let Ok(entries) = fs::read_dir(folder_of(path)) else {
        return 0;
    };
    let here = host_tag();
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(tag) = file
            .strip_prefix(&stem_name)
            .and_then(|rest| rest.strip_prefix('.'))
            .and_then(|rest| rest.strip_suffix(".tmp"))
        else {
            continue;
        };
        let mut parts = tag.split('-');
        let (Some(host), Some(pid)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if host == here
            && pid != std::process::id()
            && abandoned(&entry.path(), pid)
            && fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// The writer of a temporary of this host is gone: its process has ended,
/// or the file's lock is free although the process id still shows (the id
/// was reused, or the process table is not this system's).
fn abandoned(temp: &Path, pid: u32) -> bool {
    super::process_running(pid) == Some(false)
        || File::open(temp).is_ok_and(|file| file.try_lock().is_ok())
}

/// Creates a new, locked, uniquely named hidden file beside `path`; `private`
/// makes it readable by its owner only until its permissions are set.
fn create_temp_beside(path: &Path, private: bool) -> io::Result<HeldTemp> {
    if path.file_name().is_none() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "no file name"));
    }
    loop {
        let (temp, _) = temp_name(path);
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if private {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        #[cfg(not(unix))]
        let _ = private;
        match options.open(&temp) {
            Ok(file) => {
                let _ = file.try_lock();
                return Ok(HeldTemp { path: temp, file });
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
thread_local! {
    /// Makes the next folder flush on this thread fail, as a network
    /// folder's can.
    static FAIL_NEXT_SYNC: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Tests: the next folder flush on this thread fails.
#[cfg(test)]
pub(crate) fn fail_next_folder_sync() {
    FAIL_NEXT_SYNC.with(|f| f.set(true));
}

fn sync_folder(folder: &Path) -> io::Result<()> {
    #[cfg(test)]
    if FAIL_NEXT_SYNC.with(|f| f.replace(false)) {
        return Err(io::Error::other("simulated flush failure"));
    }
    sync_folder_really(folder)
}

#[cfg(unix)]
fn sync_folder_really(folder: &Path) -> io::Result<()> {
    File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder_really(_folder: &Path) -> io::Result<()> {
    // Windows cannot open a directory as a file; its rename is durable once
    // MoveFileEx returns with the file flushed.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn keeping_backup(path: &Path, bytes: &[u8], backup: &Path) -> Result<(), WriteError> {
        let how = Replace {
            backup: Some(backup),
            private: false,
        };
        replace(path, bytes, how)
    }

    #[test]
    fn replaces_contents_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("简报.ron");
        write_atomically(&target, "第一版".as_bytes()).expect("first write");
        write_atomically(&target, "第二版".as_bytes()).expect("second write");
        assert_eq!(fs::read_to_string(&target).expect("read"), "第二版");
        assert_eq!(names(dir.path()), ["简报.ron"]);
    }

    #[test]
    fn the_previous_version_is_kept_as_a_backup() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("简报.ron");
        let backup = dir.path().join("简报.ron.bak");
        keeping_backup(&target, "第一版".as_bytes(), &backup).expect("first");
        assert!(!backup.exists(), "nothing to keep on the first save");
        keeping_backup(&target, "第二版".as_bytes(), &backup).expect("second");
        keeping_backup(&target, "第三版".as_bytes(), &backup).expect("third");
        assert_eq!(fs::read_to_string(&target).expect("read"), "第三版");
        assert_eq!(fs::read_to_string(&backup).expect("read"), "第二版");
        assert_eq!(names(dir.path()), ["简报.ron", "简报.ron.bak"]);
    }

    #[test]
    fn a_missing_folder_fails_without_touching_anything() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("gone").join("x.ron");
        assert!(write_atomically(&target, b"x").is_err());
        assert!(!target.exists());
    }

    #[test]
    fn a_folder_in_the_way_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("简报.ron");
        fs::create_dir(&target).expect("mkdir");
        fs::write(target.join("inside"), "原样").expect("write");
        assert!(matches!(
            write_atomically(&target, "新稿".as_bytes()),
            Err(WriteError::Unchanged(_))
        ));
        assert_eq!(
            fs::read_to_string(target.join("inside")).expect("read"),
            "原样"
        );
        assert_eq!(names(dir.path()), ["简报.ron"]);
    }

    #[cfg(unix)]
    #[test]
    fn permissions_survive_and_read_only_files_are_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let secret = dir.path().join("秘密.ron");
        fs::write(&secret, "旧").expect("write");
        fs::set_permissions(&secret, fs::Permissions::from_mode(0o600)).expect("chmod");
        write_atomically(&secret, "新".as_bytes()).expect("writes");
        let mode = fs::metadata(&secret).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "a 密级 draft stays private: {mode:o}");

        let frozen = dir.path().join("只读.ron");
        fs::write(&frozen, "原样").expect("write");
        fs::set_permissions(&frozen, fs::Permissions::from_mode(0o444)).expect("chmod");
        assert!(matches!(
            write_atomically(&frozen, "改写".as_bytes()),
            Err(WriteError::Unchanged(e)) if e.kind() == io::ErrorKind::PermissionDenied
        ));
        assert_eq!(fs::read_to_string(&frozen).expect("read"), "原样");

        let private = dir.path().join("recovery.ron");
        let how = Replace {
            backup: None,
            private: true,
        };
        replace(&private, b"x", how).expect("writes");
        let mode = fs::metadata(&private).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{mode:o}");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_written_through_and_stays_a_link() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir(dir.path().join("共享")).expect("mkdir");
        let real = dir.path().join("共享").join("第11期.ron");
        fs::write(&real, "旧").expect("write");
        let link = dir.path().join("快捷方式.ron");
        std::os::unix::fs::symlink("共享/第11期.ron", &link).expect("link");
        write_atomically(&link, "新".as_bytes()).expect("writes");
        assert!(
            fs::symlink_metadata(&link)
                .expect("stat")
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).expect("read"), "新");
    }

    #[test]
    fn names_of_255_bytes_can_be_saved_with_a_backup() {
        let dir = tempfile::tempdir().expect("temp dir");
        // 84 three-byte characters and ".ron": 256 would not fit, 255 does.
        let stem = "简".repeat(83) + "ab";
        let target = dir.path().join(format!("{stem}.ron"));
        assert_eq!(target.file_name().expect("name").len(), 255);
        let backup = sibling_name(&target, "", ".bak");
        assert!(backup.file_name().expect("name").len() <= NAME_MAX);
        keeping_backup(&target, b"one", &backup).expect("first save");
        keeping_backup(&target, b"two", &backup).expect("second save");
        assert_eq!(fs::read(&target).expect("read"), b"two");
        assert_eq!(fs::read(&backup).expect("read"), b"one");
    }

    #[test]
    fn only_this_hosts_abandoned_temporaries_are_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("第11期.ron");
        let dead = u32::MAX - 11;
        let stem = temp_stem(&target).to_string_lossy().into_owned();
        let ours = format!("{stem}.{}-{dead}-0.tmp", host_tag());
        let theirs = format!("{stem}.0badf00d-{dead}-0.tmp");
        // The old format named no host: whose it is cannot be known.
        let old = format!("{stem}.{dead}-0.tmp");
        for name in [&ours, &theirs, &old] {
            fs::write(name, "半截").expect("write");
        }
        let removed = remove_stale_temps(&target);
        if cfg!(target_os = "linux") {
            assert_eq!(removed, 1);
            assert!(!Path::new(&ours).exists());
        }
        assert!(Path::new(&theirs).exists(), "another machine's save");
        assert!(Path::new(&old).exists());
    }

    /// A dead writer's process id may already belong to another process
    /// (or the sandbox's process table may not be this system's): its
    /// temporary still goes, because nobody holds its lock, while a live
    /// writer's locked temporary stays.
    #[cfg(unix)]
    #[test]
    fn a_temporary_goes_when_its_lock_is_free_even_if_its_pid_shows() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("第11期.ron");
        let running = std::os::unix::process::parent_id();
        let stem = temp_stem(&target).to_string_lossy().into_owned();
        let reused = format!("{stem}.{}-{running}-0.tmp", host_tag());
        let held = format!("{stem}.{}-{running}-1.tmp", host_tag());
        fs::write(&reused, "半截").expect("write");
        fs::write(&held, "正在写").expect("write");
        let writer = File::open(&held).expect("open");
        writer.try_lock().expect("the live writer's lock");
        assert_eq!(remove_stale_temps(&target), 1);
        assert!(!Path::new(&reused).exists(), "nobody holds it");
        assert!(Path::new(&held).exists(), "its writer holds it");
        drop(writer);
        assert_eq!(remove_stale_temps(&target), 1);
    }

    #[test]
    fn a_failed_folder_flush_is_reported_as_written_but_not_durable() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("简报.ron");
        fail_next_folder_sync();
        let error = write_atomically(&target, "新稿".as_bytes()).expect_err("flush fails");
        assert!(error.replaced(), "{error:?}");
        assert_eq!(fs::read_to_string(&target).expect("read"), "新稿");
    }
}
