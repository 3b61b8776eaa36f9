//! Where bulletin profiles are found: the bundled examples, the archive
//! folder (shared by the office's editors) and the user's own folder.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::assets::BUNDLED_PROFILES;
use crate::model::Profile;
use crate::store::{self, LoadError};

/// Where a profile came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Shipped with the program; saved elsewhere to change it.
    Bundled,
    /// In the archive folder, shared.
    Archive,
    /// In this user's config folder.
    User,
}

/// A profile as found: where, and what it holds or why it cannot be read.
#[derive(Clone, Debug)]
pub struct Found {
    pub origin: Origin,
    /// The file; `None` for a bundled profile.
    pub path: Option<PathBuf>,
    pub read: Result<Profile, Arc<LoadError>>,
}

impl Found {
    /// The series' name, or the file's when it cannot be read.
    pub fn name(&self) -> String {
        match (&self.read, &self.path) {
            (Ok(profile), _) => profile.name().to_owned(),
            (Err(_), Some(path)) => path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            (Err(_), None) => String::new(),
        }
    }
}

/// Every profile: those in the archive folder, the user's, then the
/// bundled examples.
pub fn available(archive_folder: Option<&Path>, user_folder: Option<&Path>) -> Vec<Found> {
    let mut found = Vec::new();
    for (folder, origin) in [
        (archive_folder, Origin::Archive),
        (user_folder, Origin::User),
    ] {
        let Some(folder) = folder else { continue };
        for (path, read) in store::profiles_in(folder) {
            found.push(Found {
                origin,
                path: Some(path),
                read: read.map_err(Arc::new),
            });
        }
    }
    for (name, text) in BUNDLED_PROFILES {
        found.push(Found {
            origin: Origin::Bundled,
            path: None,
            read: store::profile_from_ron(text, Path::new(name)).map_err(Arc::new),
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_are_found_in_the_archive_and_the_users_folder_broken_ones_said() {
        let archive = tempfile::tempdir().expect("temp dir");
        let user = tempfile::tempdir().expect("temp dir");
        let mut profile = Profile::from_issue(&crate::sample::issue());
        profile.masthead.name = "朝阳区文明简报".into();
        store::save_profile(&archive.path().join("朝阳.profile.ron"), &profile).expect("saved");
        std::fs::write(
            user.path().join("坏的.profile.ron"),
            "(schema: 1, series: 3)",
        )
        .expect("written");
        std::fs::write(user.path().join("第1期.ron"), "not a profile").expect("written");
        let found = available(Some(archive.path()), Some(user.path()));
        let summary: Vec<(Origin, String, bool)> = found
            .iter()
            .map(|f| (f.origin, f.name(), f.read.is_ok()))
            .collect();
        assert_eq!(
            summary,
            [
                (Origin::Archive, "朝阳区文明简报".to_owned(), true),
                (Origin::User, "坏的.profile.ron".to_owned(), false),
                (Origin::Bundled, "首都精神文明建设情况简报".to_owned(), true),
                (Origin::Bundled, "东湖大学信息专报".to_owned(), true),
            ]
        );
        let broken = found[1].read.as_ref().expect_err("broken");
        assert_eq!(broken.position().map(|p| p.line), Some(1));
    }
}
