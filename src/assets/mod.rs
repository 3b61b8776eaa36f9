//! What the program carries besides its code: the sample issue, compiled
//! in so that it works started from any folder, and the bundled fonts,
//! read from files (`fonts`).

pub mod fonts;

/// The application's id: the window's app id (X11 class, Wayland app_id),
/// the desktop entry's and the AppStream component's name, the icon's name.
/// The desktop matches a window to its entry and icon by it.
pub const APP_ID: &str = "cn.jianbao.Jianbao";

/// The per-user folders (config, data, cache) the program keeps files in.
pub fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("cn", "Jianbao", "Jianbao")
}

/// The sample issue (首都精神文明建设情况简报 第 11 期) as a draft file.
pub const SAMPLE_RON: &str =
    include_str!("../../assets/samples/capital-civilization-briefing-2021-no11.ron");

/// The file name the sample is offered under.
pub const SAMPLE_FILE_NAME: &str = "capital-civilization-briefing-2021-no11.ron";

/// The example bulletin profiles that ship with the program, by file
/// name: the sample's series, and a university's 信息专报 laid out the
/// other way (title lines, Chinese numerals, centred page numbers).
pub const BUNDLED_PROFILES: [(&str, &str); 2] = [
    (
        "capital-civilization-briefing.profile.ron",
        include_str!("../../assets/profiles/capital-civilization-briefing.profile.ron"),
    ),
    (
        "donghu-university-information.profile.ron",
        include_str!("../../assets/profiles/donghu-university-information.profile.ron"),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Numerals, Profile, TitleAlign};

    #[test]
    fn the_bundled_profiles_load_and_the_first_is_the_samples_series() {
        let read = |(name, text): (&str, &str)| {
            crate::store::profile_from_ron(text, std::path::Path::new(name)).expect(name)
        };
        let [beijing, university] = BUNDLED_PROFILES.map(read);
        assert_eq!(beijing, Profile::from_issue(&crate::sample::issue()));
        assert_eq!(beijing.series.units.len(), 16);
        // The other differs where bulletins differ.
        assert_eq!(university.masthead.numerals, Numerals::Chinese);
        assert_eq!(university.style.article_title.align, TitleAlign::Centred);
        assert!(university.series.unit("计算机学院").is_some());
        assert!(university.series.unit("东城区").is_none());
    }

    #[test]
    fn the_package_files_carry_the_apps_id() {
        let desktop = include_str!("../../assets/package/cn.jianbao.Jianbao.desktop");
        assert!(desktop.contains(&format!("\nIcon={APP_ID}\n")));
        assert!(desktop.contains(&format!("\nStartupWMClass={APP_ID}\n")));
        assert!(desktop.contains("\nExec=jianbao %f\n"));
        let mime = include_str!("../../assets/package/jianbao-draft.xml");
        let mime_type = "application/x-jianbao-draft";
        assert!(mime.contains(&format!("type=\"{mime_type}\"")));
        assert!(desktop.contains(&format!("\nMimeType={mime_type};\n")));
        let metainfo = include_str!("../../assets/package/cn.jianbao.Jianbao.metainfo.xml");
        assert!(metainfo.contains(&format!("<id>{APP_ID}</id>")));
        assert!(metainfo.contains(&format!(">{APP_ID}.desktop</launchable>")));
        assert!(metainfo.contains(&format!("<mediatype>{mime_type}</mediatype>")));
    }
}
