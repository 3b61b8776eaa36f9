//! Bulletin profiles in the editor: listing them, a new issue from one,
//! saving one where the office shares it or for this user alone.

use std::path::PathBuf;

use super::{Command, Editor, Effect, Window};
use crate::app::Session;
use crate::app::profiles::{self, Found};
use crate::archive::numbering;
use crate::i18n::{S, messages};
use crate::model::Profile;

/// Where a profile is saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileTarget {
    /// The archive folder, shared by the office's editors.
    Archive,
    /// This user's profile folder.
    User,
    /// Over the file it was read from.
    File(PathBuf),
}

impl Editor {
    /// The profiles as last listed (when the window was opened or a
    /// profile saved).
    pub fn profiles(&self) -> &[Found] {
        &self.profiles
    }

    /// This user's own profile folder: beside the settings file, so that a
    /// run without settings (tests) has none.
    fn user_profile_folder(&self) -> Option<PathBuf> {
        let settings = self.settings_path.as_deref()?;
        Some(settings.parent()?.join("profiles"))
    }

    pub(super) fn list_profiles(&mut self) {
        let user = self.user_profile_folder();
        self.profiles =
            profiles::available(self.settings.archive_folder.as_deref(), user.as_deref());
    }

    pub(super) fn show_profiles(&mut self) {
        self.list_profiles();
        self.effect(Effect::Show(Window::Profiles));
    }

    /// A new, unsaved issue from `profile`, numbered after the archive's
    /// issues of its series. With an archive folder not read yet, the
    /// issue is made once it is (as New from latest waits).
    pub(super) fn new_from_profile(&mut self, profile: &Profile) {
        if self.settings.archive_folder.is_some() && self.archive.view.is_none() {
            self.watch_archive();
            self.archive.pending = Some(Command::NewFromProfile(Box::new(profile.clone())));
            self.notify(S::ArchiveReading.get(self.lang()).to_owned());
            return;
        }
        let today = chrono::Local::now().date_naive();
        let entries = self.archive.view.as_ref().map(|v| &v.archive.entries[..]);
        let issue = numbering::issue_from_profile(profile, entries.unwrap_or_default(), today);
        self.set_session(Session::unsaved(issue));
    }

    /// Writes `profile` to `target`. A new file never replaces another
    /// profile of the same name: that one is chosen in the list and saved
    /// over instead.
    pub(super) fn save_profile(&mut self, profile: &Profile, target: ProfileTarget) {
        let lang = self.lang();
        let name = crate::store::profile_file_name(profile.name());
        let path = match target {
            ProfileTarget::File(path) => path,
            ProfileTarget::Archive | ProfileTarget::User => {
                let folder = match target {
                    ProfileTarget::Archive => self.settings.archive_folder.clone(),
                    _ => self.user_profile_folder(),
                };
                let Some(folder) = folder else {
                    self.error = Some(messages::no_profile_folder(lang));
                    return;
                };
                let path = folder.join(name);
                if path.exists() {
                    self.error = Some(messages::profile_exists(&path, lang));
                    return;
                }
                if let Err(error) = std::fs::create_dir_all(&folder) {
                    let why = messages::io_error(&error, lang);
                    self.error = Some(messages::with_file(&folder, &why, lang));
                    return;
                }
                path
            }
        };
        match crate::store::save_profile(&path, profile) {
            Ok(()) => self.notify(messages::profile_saved(&path, lang)),
            Err(error) => self.error = Some(messages::save_error(&error, lang)),
        }
        self.list_profiles();
    }
}
