//! Text that looks like markup stays text: whatever an editor types is
//! printed literally, never evaluated as typst, and cannot read files.

use std::sync::Arc;

mod common;

use common::{hostile_issue, squeeze};
use jianbao::typeset::{FontSet, Typesetter};

#[test]
fn hostile_text_is_printed_literally() {
    let (issue, expected) = hostile_issue();
    let doc = Typesetter::new(Arc::new(FontSet::bundled()))
        .compile(&issue)
        .expect("hostile text typesets without error");
    // Each page ends with its number, — 1 —; drop it so text runs on.
    let text: String = (0..doc.page_count())
        .map(|i| {
            let page = squeeze(&doc.page_text(i));
            let number = format!("—{}—", i + 1);
            page.strip_suffix(&number)
                .map(str::to_owned)
                .unwrap_or(page)
        })
        .collect();
    for field in &expected {
        assert!(
            text.contains(&squeeze(field)),
            "{field} was not printed literally"
        );
    }
    // Evaluated markup would have printed 2, a page of 1 cm, or a file.
    assert!(!text.contains("root:"), "a file was read");
    assert!(
        doc.page_count() < 20,
        "a set rule took effect: {} pages",
        doc.page_count()
    );
}
