//! The command line's help in Chinese. clap's derive gives the English
//! text (the doc comments in `cli`); this table gives each command and
//! argument its Chinese words, laid over them when the language is
//! Chinese. A test checks that every entry names a real command or
//! argument and that nothing the user can type is left in English.

/// `(subcommand, argument id, help)`: an empty subcommand is the top
/// level; an empty argument id is the command's own description.
pub const CLI_ZH: &[(&str, &str, &str)] = &[
    ("", "", "简报 Jianbao：编辑、检查、导出工作简报"),
    ("", "file", "在编辑器中打开的稿件（.ron）"),
    (
        "",
        "lang",
        "提示语言：zh 或 en（默认取 JIANBAO_LANG 或系统语言，否则中文）",
    ),
    ("", "help", "显示帮助"),
    ("", "version", "显示版本"),
    (
        "check",
        "",
        "读取并校验稿件，逐条列出问题及位置。全部无误退出码 0，有问题 1，文件无法读取 2",
    ),
    ("check", "files", "要校验的稿件"),
    (
        "export",
        "",
        "导出稿件。带 --format 时按 --name 命名、写入 -o 指定的文件夹（默认当前文件夹）；不带时 -o 为 PDF 文件，--png-dir 为页面图片文件夹",
    ),
    ("export", "files", "要导出的稿件"),
    (
        "export",
        "format",
        "格式，逗号分隔：pdf、docx、html、txt、png",
    ),
    (
        "export",
        "output",
        "带 --format：写入的文件夹；不带：PDF 文件",
    ),
    (
        "export",
        "png_dir",
        "页面图片文件夹，每页一个 PNG（不带 --format 时）",
    ),
    (
        "export",
        "name",
        "文件名模式：{name} {year} {number} {total} {date} {copy}，{file} 为稿件本身的文件名",
    ),
    (
        "export",
        "force",
        "替换已存在的导出文件（稿件、其备份和锁定文件永不替换）",
    ),
    (
        "export",
        "copies",
        "编号印制：N 份，右上角印 000001… 序号，页脚印“共印 N 份”，合为一个 PDF",
    ),
    ("export", "copy_per_file", "与 --copies 同用：每份一个 PDF"),
    (
        "export",
        "scale",
        "页面图片每点像素数（1 = 72 dpi，2 = 144 dpi）",
    ),
    (
        "export",
        "bundled_fonts",
        "只用内置字体，不用系统字体（各台电脑输出一致）",
    ),
    (
        "lint",
        "",
        "校对稿件：逐条列出问题及规则、位置。无问题退出码 0，有问题 1，文件无法读取或保存 2",
    ),
    ("lint", "files", "要校对的稿件"),
    (
        "lint",
        "fix",
        "应用安全的修改并保存稿件（原子写入，保留 .bak），再报告余下问题",
    ),
    (
        "lint",
        "rules",
        "只查这些规则（可重复），如 --rule punct.halfwidth",
    ),
    (
        "lint",
        "archive",
        "往期简报所在的文件夹：与往期已刊段落大量重复的段落将被指出（copy.repeated）",
    ),
    (
        "import",
        "",
        "从纯文本（录入、粘贴或从 PDF 复制；UTF-8 或 GBK）导入简报为稿件；或用 --into 把一篇稿件（Word 或文本文件，照片与表格一并导入）加入已有稿件",
    ),
    (
        "import",
        "file",
        "文本文件（用 --into 时：一篇稿件的 Word 或文本文件）",
    ),
    ("import", "output", "要写入的稿件"),
    (
        "import",
        "into",
        "把文件作为一篇文章加入这份已有稿件（经受保护的保存）",
    ),
    (
        "import",
        "section",
        "加入第几个栏目（从 1 起；默认最后一个）",
    ),
    (
        "import",
        "profile",
        "该系列的简报配置：按其单位识别落款，稿件采用其系列与版式",
    ),
    ("import", "force", "稿件已存在时替换"),
    (
        "review",
        "",
        "列出各稿件的审核状态、历史和未解决的批注。退出码 0，文件无法读取 2",
    ),
    ("review", "files", "要查看的稿件"),
    (
        "archive",
        "",
        "列出或搜索归档文件夹（含子文件夹）中的各期：带 --search 时列出含该词的稿件及上下文；否则（--list）列出每期及编号问题。退出码 0，DIR 不是文件夹 2",
    ),
    ("archive", "dir", "归档文件夹"),
    ("archive", "list", "列出每一期（默认）"),
    ("archive", "search", "查找含此文字的稿件"),
    (
        "archive",
        "unit",
        "与 --search 同用：只查名称含此字样的单位（东城 → 东城区）",
    ),
    (
        "archive",
        "from",
        "与 --search 同用：只查此日及以后的各期（2021-01-01）",
    ),
    ("archive", "to", "与 --search 同用：只查此日及以前的各期"),
    (
        "archive",
        "overdue",
        "最近 N 期没有来稿的单位（最久未报送的在前），并给出催稿通知",
    ),
    (
        "archive",
        "overdue_months",
        "最近 M 个月没有来稿的单位，并给出催稿通知",
    ),
    (
        "archive",
        "figures",
        "某年各单位的文章数、字数和见报期数，以 CSV 输出",
    ),
    (
        "archive",
        "output",
        "与 --figures 同用：写入的 CSV 文件（否则直接输出）",
    ),
    (
        "compile",
        "",
        "将一年的各期编为合订本：封面、带页码的目录、按期号排列的各期（页码连续）和单位索引；先指出期号缺漏和尚未签发的稿件",
    ),
    ("compile", "dir", "档案库文件夹"),
    ("compile", "year", "要合订的年份"),
    ("compile", "from", "只收此日及以后的各期（2021-01-01）"),
    ("compile", "to", "只收此日及以前的各期"),
    ("compile", "numbers", "只收这些期号，如 1-20"),
    ("compile", "output", "要写入的 PDF"),
    ("compile", "issued_only", "只收已签发的各期"),
    ("compile", "bundled_fonts", "只用内置字体，不用系统字体"),
    (
        "new",
        "",
        "写一期今天日期的空白简报；用 --profile 时写该系列的一期，各项默认值填好，期号接着配置文件所在文件夹中的稿件",
    ),
    ("new", "output", "写入位置"),
    ("new", "profile", "简报系列配置文件（名称.profile.ron）"),
    ("new", "force", "文件已存在时替换"),
];
