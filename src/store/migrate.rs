//! Reading drafts written in older versions of the format.
//!
//! Each older version has its own serde types for exactly the parts that
//! differ from the current model, and one step up to the next version; a
//! file is parsed as the version it declares (so errors still carry line and
//! column) and stepped up to the current model. Parts that did not change
//! reuse the current types.

use std::path::Path;

use serde::Deserialize;

use super::LoadError;
use crate::model::{
    Classification, Distribution, Footer, Issue, Masthead, SCHEMA_VERSION, Section, Style,
};

/// Parses `text`, which declares format `version` (older than the current
/// one), into the current model.
pub fn from_older(version: u32, text: &str, path: &Path) -> Result<Issue, LoadError> {
    let options = ron::Options::default();
    let syntax = |error| LoadError::syntax(path, error);
    match version {
        1 => options
            .from_str::<v1::Issue>(text)
            .map_err(syntax)
            .map(v1::Issue::upgrade),
        // Only versions between 1 and the current one reach here.
        _ => options.from_str::<Issue>(text).map_err(syntax),
    }
}

/// Format 1: `masthead.number` was a plain number, 0 meaning "not filled in".
mod v1 {
    use super::*;

    #[derive(Deserialize, Default)]
    #[serde(default, deny_unknown_fields)]
    pub struct Issue {
        /// Always 1 here; read so that it is a known field.
        pub schema: u32,
        pub masthead: Masthead1,
        pub editors_note: Option<String>,
        pub sections: Vec<Section>,
        pub attribution_suffix: String,
        pub footer: Footer,
        pub distribution: Distribution,
        pub style: Style,
    }

    #[derive(Deserialize, Default)]
    #[serde(default, deny_unknown_fields)]
    pub struct Masthead1 {
        pub name: String,
        pub number: u32,
        pub total_number: Option<u32>,
        pub supplement: bool,
        pub office: String,
        pub date: Option<chrono::NaiveDate>,
        pub classification: Option<Classification>,
        pub copy_serial: bool,
    }

    impl Issue {
        pub fn upgrade(self) -> super::Issue {
            let m = self.masthead;
            super::Issue {
                schema: SCHEMA_VERSION,
                masthead: Masthead {
                    name: m.name,
                    number: (m.number > 0).then_some(m.number),
                    total_number: m.total_number,
                    supplement: m.supplement,
                    office: m.office,
                    date: m.date,
                    classification: m.classification,
                    copy_serial: m.copy_serial,
                    numerals: Default::default(),
                },
                editors_note: self.editors_note,
                sections: self.sections,
                attribution_suffix: self.attribution_suffix,
                footer: self.footer,
                distribution: self.distribution,
                style: self.style,
                series: Default::default(),
                review: Default::default(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_1_numbers_become_optional() {
        let issue = from_older(
            1,
            "(schema: 1, masthead: (name: \"简报\", number: 3))",
            Path::new("old.ron"),
        )
        .expect("a version 1 draft loads");
        assert_eq!(issue.masthead.number, Some(3));
        let blank = from_older(
            1,
            "(schema: 1, masthead: (number: 0))",
            Path::new("old.ron"),
        )
        .expect("loads");
        assert_eq!(blank.masthead.number, None);
    }

    #[test]
    fn version_1_errors_keep_their_place() {
        let error = from_older(
            1,
            "(schema: 1,\n masthead: (number: Some(3)))",
            Path::new("old.ron"),
        )
        .expect_err("version 1 had plain numbers");
        assert_eq!(error.position().map(|p| p.line), Some(2));
    }
}
