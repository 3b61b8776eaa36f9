//! Broken and hostile files never crash the loader, are never modified,
//! and get a message naming the file and the place or the reason.

use std::path::Path;

use jianbao::assets::SAMPLE_RON;
use jianbao::i18n::{Lang, Wording};
use jianbao::store::{self, LoadError, MAX_FILE_BYTES};
use proptest::prelude::*;

/// Loads `bytes` from a file named `name` and checks the file is unchanged.
fn load_bytes(dir: &Path, name: &str, bytes: &[u8]) -> Result<jianbao::model::Issue, LoadError> {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write case");
    let result = store::load(&path);
    assert_eq!(
        std::fs::read(&path).expect("read back"),
        bytes,
        "{name} was modified"
    );
    result
}

fn message(error: &LoadError) -> String {
    error.message(Lang::Zh)
}

#[test]
fn each_kind_of_broken_file_is_named_and_placed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let sample = SAMPLE_RON.as_bytes();

    let truncated =
        load_bytes(d, "截断.ron", &sample[..sample.len() * 2 / 3]).expect_err("truncated");
    assert!(truncated.position().is_some(), "{}", message(&truncated));

    let wrong = SAMPLE_RON.replacen("copy_serial: false", "copy_serial: \"是\"", 1);
    let wrong = load_bytes(d, "类型错误.ron", wrong.as_bytes()).expect_err("wrong type");
    assert_eq!(
        wrong.position().map(|p| p.line),
        Some(11),
        "{}",
        message(&wrong)
    );

    // 简报 in GBK, where UTF-8 is expected.
    let mut gbk = b"(\n    schema: 2,\n    masthead: (name: \"".to_vec();
    gbk.extend_from_slice(&[0xBC, 0xF2, 0xB1, 0xA8, b'"', b')', b')']);
    let gbk = load_bytes(d, "GBK.ron", &gbk).expect_err("GBK");
    assert!(
        message(&gbk).contains("第 3 行第 23 列") && message(&gbk).contains("GBK"),
        "{}",
        message(&gbk)
    );

    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(SAMPLE_RON.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16 = load_bytes(d, "UTF16.ron", &utf16).expect_err("UTF-16");
    assert!(message(&utf16).contains("UTF-16"), "{}", message(&utf16));

    // A byte-order mark is harmless: the draft loads.
    let bom = [b"\xEF\xBB\xBF".as_slice(), sample].concat();
    assert_eq!(
        load_bytes(d, "BOM.ron", &bom).expect("BOM loads"),
        jianbao::sample::issue()
    );

    // Deep nesting cannot overflow the stack: the parser's depth limit (or
    // the shape of the model) stops it with a placed error.
    let nested = format!(
        "(schema: 2, sections: {}{})",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    let nested = load_bytes(d, "nested.ron", nested.as_bytes()).expect_err("deeply nested");
    assert_eq!(
        nested.position().map(|p| p.line),
        Some(1),
        "{}",
        message(&nested)
    );
    // A field this version does not know is refused at its name (it used
    // to be skipped, nested value and all, and dropped by the next save),
    // so a deep value inside it is never descended into.
    let untyped = format!(
        "(schema: 2, unknown_field: {}{})",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    let untyped =
        load_bytes(d, "nested-unknown.ron", untyped.as_bytes()).expect_err("unknown field");
    assert!(
        message(&untyped).contains("未知字段“unknown_field”"),
        "{}",
        message(&untyped)
    );
    assert_eq!(untyped.position().map(|p| p.line), Some(1));

    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let garbage = load_bytes(d, "乱码.bin", &garbage).expect_err("binary garbage");
    assert!(garbage.position().is_some(), "{}", message(&garbage));

    for error in [
        &truncated, &wrong, &gbk, &utf16, &nested, &untyped, &garbage,
    ] {
        assert!(error.path().starts_with(d), "the message names the file");
        assert!(message(error).contains(&*error.path().to_string_lossy()));
    }
}

#[test]
fn huge_files_are_refused_unread() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("巨大.ron");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(MAX_FILE_BYTES + 1).expect("sparse file");
    let error = store::load(&path).expect_err("too large");
    assert!(matches!(error, LoadError::TooLarge { .. }), "{error:?}");
    assert!(
        message(&error).contains("巨大.ron") && message(&error).contains("过大"),
        "{}",
        message(&error)
    );
}

#[test]
fn a_folder_and_a_missing_file_say_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = store::load(dir.path()).expect_err("a folder");
    assert!(message(&folder).contains("文件夹"), "{}", message(&folder));
    let missing = store::load(&dir.path().join("无.ron")).expect_err("missing");
    assert!(
        message(&missing).contains("不存在"),
        "{}",
        message(&missing)
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_refused_and_left_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("无权限.ron");
    std::fs::write(&path, "(schema: 2").expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let result = store::load(&path);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod back");
    // An ordinary user is refused for permission; root reads it anyway and
    // is told where the text breaks off. Either way: named, placed, unharmed.
    let error = result.expect_err("refused either way");
    assert!(
        message(&error).contains("无权限.ron"),
        "{}",
        message(&error)
    );
    assert!(
        matches!(error, LoadError::Read { .. }) || error.position().is_some(),
        "{error:?}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), b"(schema: 2");
}

/// One way to damage a file.
#[derive(Clone, Debug)]
enum Damage {
    Flip { at: usize, bits: u8 },
    Delete { at: usize, len: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Duplicate { at: usize, len: usize },
    Truncate { at: usize },
}

fn damage() -> impl Strategy<Value = Damage> {
    let at = 0..SAMPLE_RON.len();
    prop_oneof![
        (at.clone(), 1u8..=255).prop_map(|(at, bits)| Damage::Flip { at, bits }),
        (at.clone(), 1usize..64).prop_map(|(at, len)| Damage::Delete { at, len }),
        (at.clone(), proptest::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, bytes)| Damage::Insert { at, bytes }),
        (
            at.clone(),
            proptest::sample::select(vec![
                b"(".to_vec(),
                b")".to_vec(),
                b"\"".to_vec(),
                b",".to_vec(),
                b"Some(".to_vec(),
                "简".as_bytes().to_vec(),
                b"\\".to_vec(),
            ])
        )
            .prop_map(|(at, bytes)| Damage::Insert { at, bytes }),
        (at.clone(), 1usize..200).prop_map(|(at, len)| Damage::Duplicate { at, len }),
        at.prop_map(|at| Damage::Truncate { at }),
    ]
}

/// Applies one damage; positions beyond a shortened file wrap around.
fn apply(bytes: &mut Vec<u8>, damage: &Damage) {
    if bytes.is_empty() {
        return;
    }
    let len = bytes.len();
    match damage {
        Damage::Flip { at, bits } => bytes[at % len] ^= bits,
        Damage::Delete { at, len: n } => {
            let at = at % len;
            bytes.drain(at..(at + n).min(len));
        }
        Damage::Insert { at, bytes: new } => {
            let at = at % (len + 1);
            bytes.splice(at..at, new.iter().copied());
        }
        Damage::Duplicate { at, len: n } => {
            let at = at % len;
            let end = (at + n).min(len);
            let copy: Vec<u8> = bytes[at..end].to_vec();
            bytes.splice(end..end, copy);
        }
        Damage::Truncate { at } => bytes.truncate(at % len),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn damaged_samples_never_panic_and_every_failure_is_placed(
        damages in proptest::collection::vec(damage(), 1..4)
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut bytes = SAMPLE_RON.as_bytes().to_vec();
        for d in &damages {
            apply(&mut bytes, d);
        }
        // load_bytes checks that the file on disk is unchanged.
        match load_bytes(dir.path(), "第11期.ron", &bytes) {
            Ok(_) => {}
            Err(error) => {
                prop_assert!(error.position().is_some(), "no place for {:?}", error);
                let text = message(&error);
                prop_assert!(text.contains("第11期.ron") && text.contains("行第"), "{}", text);
            }
        }
    }
}
