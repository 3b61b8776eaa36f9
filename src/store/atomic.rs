//! Atomic replacement of a file's contents.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Replaces `path` with `bytes` so that, whatever happens (a crash, a kill,
/// power loss after the call returns), the file holds either its old
/// contents or the new ones in full.
///
/// The bytes go to a temporary file in the same folder (a rename is atomic
/// only within one file system), which is flushed to disk, then renamed over
/// the target; the folder is flushed too so the rename itself survives a
/// crash. On error the temporary file is removed and the target untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = write_temp_beside(path, bytes)?;
    finish(&temp, path)
}

/// Like [`write_atomically`], and the target's previous contents are kept
/// at `backup` first. The old file is linked (or, where links are not
/// possible, copied) to the backup before the new one is renamed in, so at
/// every moment the target exists with old or new contents.
pub fn write_atomically_keeping_backup(path: &Path, bytes: &[u8], backup: &Path) -> io::Result<()> {
    let temp = write_temp_beside(path, bytes)?;
    if path.exists()
        && let Err(error) = keep_backup(path, backup)
    {
        let _ = fs::remove_file(&temp);
        return Err(error);
    }
    finish(&temp, path)
}

/// Makes `backup` hold `path`'s current contents, replacing it atomically.
fn keep_backup(path: &Path, backup: &Path) -> io::Result<()> {
    let staged = temp_name(backup);
    match fs::hard_link(path, &staged) {
        Ok(()) => fs::rename(&staged, backup).inspect_err(|_| {
            let _ = fs::remove_file(&staged);
        }),
        // Links are not possible everywhere (some shared folders): copy.
        Err(_) => write_atomically(backup, &fs::read(path)?),
    }
}

fn write_temp_beside(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let (temp, mut file) = create_temp_beside(path)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    match written {
        Ok(()) => Ok(temp),
        Err(error) => {
            let _ = fs::remove_file(&temp);
            Err(error)
        }
    }
}

/// Renames the flushed temporary file over the target and flushes the folder.
fn finish(temp: &Path, path: &Path) -> io::Result<()> {
    if let Err(error) = fs::rename(temp, path) {
        let _ = fs::remove_file(temp);
        return Err(error);
    }
    sync_folder(&folder_of(path))
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Removes temporary files beside `path` left by writers that were killed
/// mid-save (their process has ended). Returns how many went.
pub fn remove_stale_temps(path: &Path) -> usize {
    let name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(folder_of(path)) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let file = entry.file_name().to_string_lossy().into_owned();
        let pid = file
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok());
        if let Some(pid) = pid
            && pid != std::process::id()
            && super::process_running(pid) == Some(false)
            && fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// A hidden name beside `path` that no other writer uses.
fn temp_name(path: &Path) -> PathBuf {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    folder_of(path).join(format!(".{name}.{}-{n}.tmp", std::process::id()))
}

/// Creates a new, uniquely named hidden file beside `path`.
fn create_temp_beside(path: &Path) -> io::Result<(PathBuf, File)> {
    if path.file_name().is_none() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "no file name"));
    }
    loop {
        let temp = temp_name(path);
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> io::Result<()> {
    File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> io::Result<()> {
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
        write_atomically_keeping_backup(&target, "第一版".as_bytes(), &backup).expect("first");
        assert!(!backup.exists(), "nothing to keep on the first save");
        write_atomically_keeping_backup(&target, "第二版".as_bytes(), &backup).expect("second");
        write_atomically_keeping_backup(&target, "第三版".as_bytes(), &backup).expect("third");
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
    fn a_failed_rename_leaves_the_target_and_no_debris() {
        // A folder where the file should be: the rename cannot replace it.
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("简报.ron");
        fs::create_dir(&target).expect("mkdir");
        fs::write(target.join("inside"), "原样").expect("write");
        assert!(write_atomically(&target, "新稿".as_bytes()).is_err());
        assert_eq!(
            fs::read_to_string(target.join("inside")).expect("read"),
            "原样"
        );
        assert_eq!(names(dir.path()), ["简报.ron"]);
    }
}
