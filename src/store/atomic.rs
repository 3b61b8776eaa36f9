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
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let (temp_path, mut file) = create_temp_beside(&folder, &name.to_string_lossy())?;

    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| {
            drop(file);
            fs::rename(&temp_path, path)
        });
    if let Err(error) = written {
        let _ = fs::remove_file(&temp_path);
        return Err(error);
    }
    sync_folder(&folder)
}

/// Creates a new, uniquely named hidden file in `folder`.
fn create_temp_beside(folder: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = folder.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
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

    #[test]
    fn replaces_contents_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("简报.ron");
        write_atomically(&target, "第一版".as_bytes()).expect("first write");
        write_atomically(&target, "第二版".as_bytes()).expect("second write");
        assert_eq!(fs::read_to_string(&target).expect("read"), "第二版");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("简报.ron")]);
    }

    #[test]
    fn a_missing_folder_fails_without_touching_anything() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("gone").join("x.ron");
        assert!(write_atomically(&target, b"x").is_err());
        assert!(!target.exists());
    }
}
