#!/usr/bin/env python3
"""Rebuilds the bundled fonts: every GBK character (all 21,000 hanzi of
names and places, not only GB 2312's 6,763), Latin, digits and all CJK and
full-width punctuation, cut from the open fonts Debian ships.

    apt-get install fonts-noto-cjk fonts-lxgw-wenkai python3-fonttools
    /usr/bin/python3 fonts/subset.py

Run from the repository root. The output is deterministic for given inputs.
"""
import os
from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

NOTO = "/usr/share/fonts/opentype/noto"
SOURCES = [
    # (source, face index in the collection or None, output)
    (f"{NOTO}/NotoSerifCJK-Regular.ttc", 2, "NotoSerifCJKsc-Regular.otf"),
    (f"{NOTO}/NotoSerifCJK-Bold.ttc", 2, "NotoSerifCJKsc-Bold.otf"),
    (f"{NOTO}/NotoSansCJK-Regular.ttc", 2, "NotoSansCJKsc-Regular.otf"),
    ("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf", None, "JianbaoKai-Regular.ttf"),
]

# LXGW WenKai reserves the names "LXGW" and "霞鹜" (OFL §3): a subset is a
# Modified Version, so its family is renamed. Copyright and URLs stay.
RENAMES = {
    "JianbaoKai-Regular.ttf": [
        ("LXGWWenKai", "JianbaoKai"),
        ("LXGW WenKai", "Jianbao Kai"),
        ("霞鹜文楷", "简报楷体"),
    ],
}
NAME_IDS_TO_RENAME = {1, 3, 4, 6, 16, 17, 18, 21, 22}


def rename(font, pairs):
    for record in font["name"].names:
        if record.nameID not in NAME_IDS_TO_RENAME:
            continue
        text = record.toUnicode()
        for old, new in pairs:
            text = text.replace(old, new)
        record.string = text


def gbk():
    """Every character GBK encodes (lead bytes 0x81-0xFE, trail 0x40-0xFE)."""
    chars = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                chars.add(bytes([lead, trail]).decode("gbk"))
            except UnicodeDecodeError:
                pass
    return chars


# GBK codes that the program's decoder (encoding_rs, after WHATWG and
# GB 18030-2022) reads as these standard code points, where Python's codec
# still gives private-use ones. Both forms are kept.
GB18030_2022_REMAPPED = (
    "㑳㑇龴㖞㘚㘎㥮㤘龵㧏㧟㩳㧐龶龷㭎㱮㳠龸䁖䅟䌷䎱䎬䏝䓖䙡䙌龹䜣"
    "䜩䝼䞍䥇䥺䥽䦂䦃䦅䦆䦟䦛䦷䦶龺䲣䲟䲠䲡䱷䲢䴓䴔䴕䴖䴗䴘䴙䶮龻"
)


def wanted():
    ranges = [
        (0x0020, 0x007E),  # ASCII: Latin, digits, punctuation
        (0x00A0, 0x017F),  # Latin-1 and Latin Extended-A
        (0x2000, 0x206F),  # general punctuation: — … ‘’ “” ‖ ※
        (0x2100, 0x214F),  # letterlike: ℃ №
        (0x2150, 0x218F),  # number forms: Ⅰ Ⅱ
        (0x2190, 0x21FF),  # arrows
        (0x2460, 0x24FF),  # enclosed numbers: ① ⑴ ⒈
        (0x2500, 0x257F),  # box drawing
        (0x25A0, 0x25FF),  # geometric shapes: ■ □ ▲ ●
        (0x2600, 0x26FF),  # misc symbols: ★ ☆
        (0x3000, 0x303F),  # CJK symbols and punctuation: 、。〈〉《》「」『』【】〔〕〇
        (0x3200, 0x32FF),  # enclosed CJK: ㈠ ㊀
        (0xFE10, 0xFE1F),  # vertical forms
        (0xFE30, 0xFE4F),  # CJK compatibility forms
        (0xFF00, 0xFFEF),  # full-width forms
    ]
    codepoints = {ord(c) for c in gbk() | set(GB18030_2022_REMAPPED)}
    for lo, hi in ranges:
        codepoints.update(range(lo, hi + 1))
    return sorted(codepoints)


def main():
    out_dir = os.path.dirname(os.path.abspath(__file__))
    unicodes = wanted()
    for src, index, out in SOURCES:
        font = TTCollection(src).fonts[index] if index is not None else TTFont(src)
        options = subset.Options()
        # All features, but only the default and simplified-Chinese (ZHS)
        # language systems: `locl` for Japanese, Korean and traditional
        # Chinese would keep every other regional form of each hanzi, nearly
        # doubling the glyphs, and these faces only ever print simplified
        # Chinese. ZHS's own `locl` stays: it gives the full-width dash and
        # punctuation the pages are set with.
        options.layout_features = ["*"]
        options.layout_scripts = ["DFLT"] + [
            f"{script}.{langsys}"
            for script in ("hani", "latn", "kana", "hang", "cyrl", "grek")
            for langsys in ("dflt", "ZHS")
        ]
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.glyph_names = False
        options.hinting = False
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        rename(font, RENAMES.get(out, []))
        path = os.path.join(out_dir, out)
        font.save(path)
        print(f"{out}: {os.path.getsize(path) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
