//! Files compiled into the binary, so that it works started from any folder:
//! the bundled fonts, the page template and the sample issue.

/// A bundled font file: its file name (for messages and licences) and bytes.
pub struct BundledFont {
    pub file: &'static str,
    pub bytes: &'static [u8],
}

/// The open fonts in `fonts/` (SIL OFL 1.1), subset to GB 2312 plus Latin and
/// punctuation by `fonts/subset.py`. Order matters only for the UI, which
/// takes the first as its Chinese fallback.
pub const FONTS: &[BundledFont] = &[
    BundledFont {
        file: "NotoSerifCJKsc-Regular.otf",
        bytes: include_bytes!("../fonts/NotoSerifCJKsc-Regular.otf"),
    },
    BundledFont {
        file: "NotoSerifCJKsc-Bold.otf",
        bytes: include_bytes!("../fonts/NotoSerifCJKsc-Bold.otf"),
    },
    BundledFont {
        file: "NotoSansCJKsc-Regular.otf",
        bytes: include_bytes!("../fonts/NotoSansCJKsc-Regular.otf"),
    },
    BundledFont {
        file: "JianbaoKai-Regular.ttf",
        bytes: include_bytes!("../fonts/JianbaoKai-Regular.ttf"),
    },
];

/// The sample issue (首都精神文明建设情况简报 第 11 期) as a draft file.
pub const SAMPLE_RON: &str =
    include_str!("../assets/samples/capital-civilization-briefing-2021-no11.ron");

/// The file name the sample is offered under.
pub const SAMPLE_FILE_NAME: &str = "capital-civilization-briefing-2021-no11.ron";
