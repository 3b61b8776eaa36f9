//! The fixed UI strings, Chinese first.

use super::Lang;

macro_rules! strings {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// A fixed UI string; [`S::get`] gives it in a language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum S { $($key),* }

        impl S {
            pub const ALL: &'static [S] = &[$(S::$key),*];

            pub fn get(self, lang: Lang) -> &'static str {
                match self { $(S::$key => lang.pick($zh, $en)),* }
            }
        }
    };
}

strings! {
    // Fields, as labelled in forms and in messages that point at them.
    Name => "简报名称", "Bulletin name";
    Number => "期号", "Issue number";
    TotalNumber => "总期号", "Cumulative number";
    Supplement => "增刊", "Supplement";
    Office => "编印单位", "Issuing office";
    Date => "印发日期", "Date of issue";
    Classification => "密级", "Classification";
    CopySerial => "编号", "Copy serial";
    EditorsNote => "编者按", "Editor's note";
    SectionHeading => "栏目名称", "Section heading";
    Unit => "供稿单位", "Contributing unit";
    ArticleTitle => "标题", "Title";
    Profiles => "简报系列…", "Bulletin series…";
    ProfilesTitle => "简报系列", "Bulletin series";
    ProfilesHint => "在左侧选择一个系列：用它新建一期，或修改后保存。系列保存在档案文件夹中，本单位的编辑都能用到。", "Choose a series on the left: start an issue from it, or change it and save it. A series kept in the archive folder is shared by the office's editors.";
    ProfileBundled => "内置示例", "Bundled example";
    ProfileInArchive => "档案文件夹", "Archive folder";
    ProfileOnThisComputer => "仅本人", "Mine only";
    ProfileFromIssue => "从当前期创建系列", "New series from this issue";
    ProfileDiscard => "放弃对这个系列未保存的修改？", "Drop the unsaved changes to this series?";
    NewFromThisProfile => "用此系列新建一期", "New issue of this series";
    SaveToArchive => "保存到档案文件夹", "Save to the archive folder";
    SaveToArchiveNeedsFolder => "请先在设置中选择档案文件夹", "Choose the archive folder in the settings first";
    SaveForMe => "保存为本人系列", "Save for me";
    ProfileUnsaved => "有未保存的修改", "Unsaved changes";
    YearlyNumbers => "期号每年从第 1 期起", "Numbers start at 1 each year";
    PrintsTotalNumber => "印总期号", "Prints a cumulative number";
    TargetPages => "目标版数", "Target pages";
    SectionsOnePerLine => "栏目（每行一个）", "Sections (one per line)";
    ProfileUnits => "供稿单位", "Contributing units";
    ProfileUnitsHint => "单位选择、导入识别落款、供稿统计和校对都按此名单。", "The unit picker, the import's attributions, the coverage chart and proofreading use this list.";
    UnitName => "单位名称", "Unit";
    UnitShortName => "简称", "Short name";
    UnitAttribution => "默认落款", "Default attribution";
    AddUnit => "添加单位", "Add a unit";
    ArticleTitleLine => "文章标题", "Article titles";
    TitleCentred => "标题居中", "Centred";
    TitleFlush => "标题缩进两字", "Indented";
    TitleInHei => "标题用黑体", "In Heiti";
    TitleInXiaobiaosong => "标题用小标宋", "In Xiaobiaosong";
    ArticleTitleHint => "单独成行的标题（可空）", "A title line of its own (optional)";
    Lead => "导语", "Lead sentence";
    Body => "正文", "Body";
    Attribution => "落款", "Attribution";
    Editor => "责编", "Editor";
    EditorApp => "编辑器", "Editor";
    Proofreader => "核稿", "Proofreader";
    Phone => "电话", "Phone";
    Fax => "传真", "Fax";
    Email => "邮箱", "Email";
    PrintCount => "印数", "Print count";
    ReportTo => "报", "Report to";
    SendTo => "送", "Send to";
    IssueTo => "发", "Issue to";
    Style => "版式", "Style";
    Masthead => "报头", "Masthead";
    Footer => "报尾", "Footer";
    Distribution => "发送范围", "Distribution";
    Sections => "栏目", "Sections";
    NoneOption => "无", "None";

    // Problems found by validation.
    MissingName => "简报名称未填写", "The bulletin name is missing";
    MissingNumber => "期号未填写", "The issue number is missing";
    MissingDate => "印发日期未填写", "The date of issue is missing";
    MissingOffice => "编印单位未填写", "The issuing office is missing";
    BadTotalNumber => "总期号不能为 0", "The cumulative number cannot be 0";
    NoArticles => "本期还没有文章", "The issue has no articles yet";
    MissingSectionHeading => "栏目名称未填写", "The section heading is missing";
    EmptySection => "栏目中没有文章", "The section has no articles";
    MissingUnit => "供稿单位未填写", "The contributing unit is missing";
    EmptyArticle => "文章没有导语也没有正文", "The article has neither lead nor body";
    BadPrintCount => "印数不能为 0", "The print count cannot be 0";

    // The window, menus and commands.
    AppName => "简报编辑器", "Jianbao Bulletin Editor";
    Tagline => "政务简报的编辑、排版与核稿", "Write, typeset and proofread work bulletins";
    FileMenu => "文件", "File";
    EditMenu => "编辑", "Edit";
    ViewMenu => "视图", "View";
    NewIssue => "新建简报", "New issue";
    OpenEllipsis => "打开…", "Open…";
    OpenSample => "打开示例简报", "Open the sample issue";
    Recent => "最近打开", "Recent";
    NoRecent => "（无）", "(none)";
    Save => "保存", "Save";
    SaveAsEllipsis => "另存为…", "Save as…";
    ExportPdfEllipsis => "导出 PDF…", "Export PDF…";
    CloseIssue => "关闭", "Close";
    Quit => "退出", "Quit";
    Undo => "撤销", "Undo";
    Redo => "重做", "Redo";
    Settings => "设置", "Settings";
    OpenTitle => "打开简报草稿", "Open a draft";
    SaveAsTitle => "保存简报草稿", "Save the draft";
    ExportPdfTitle => "导出 PDF", "Export PDF";
    DraftFiles => "简报草稿", "Bulletin drafts";
    BackupFiles => "备份（上次保存前的版本）", "Backups (the version before the last save)";
    Untitled => "未命名", "Untitled";
    Exporting => "正在导出 PDF…", "Exporting PDF…";

    // Outline.
    AddSection => "添加栏目", "Add section";
    AddArticle => "添加文章", "Add article";
    AddArticleHint => "在所选栏目末尾添加一篇文章", "Add an article at the end of the selected section";
    MoveUp => "上移", "Move up";
    MoveUpHint => "上移所选项（Alt+↑）", "Move the selection up (Alt+↑)";
    MoveDown => "下移", "Move down";
    MoveDownHint => "下移所选项（Alt+↓）", "Move the selection down (Alt+↓)";
    Duplicate => "复制", "Duplicate";
    DuplicateHint => "复制所选项（Ctrl+D）", "Duplicate the selection (Ctrl+D)";
    Delete => "删除", "Delete";
    DeleteHint => "删除所选项（Delete），可撤销", "Delete the selection (Delete); undoable";
    UntitledSection => "未命名栏目", "untitled section";
    NoUnit => "（未填单位）", "(no unit)";

    // Forms.
    SupplementLong => "增刊（单独编号）", "Supplement (numbered separately)";
    ChineseNumerals => "期号用汉字（第十一期）", "Numbers in Chinese numerals";
    CopySerialLong => "印制份号（编号）", "Print a copy serial number";
    HasEditorsNote => "本期有编者按", "This issue has an editor's note";
    EditorsNoteText => "编者按内容", "Text of the note";
    SectionHeadingHint => "栏目名称印在【】中，如【文明创建】", "The heading prints in 【】 brackets";
    DistributionHint => "多个单位之间用逗号或顿号分隔，以句号结尾", "Separate recipients with commas; end with a full stop";
    PickUnit => "选择单位", "Pick a unit";
    PickUnitHint => "本系列的供稿单位，也可直接输入其他单位", "The series' contributing units; or type any other unit";
    BoldButton => "加粗", "Bold";
    BoldHint => "将所选文字设为加粗小标题（Ctrl+B）", "Make the selected text a bold run-in head (Ctrl+B)";
    BoldMarkersHint => "**两个星号之间**的文字加粗；每行一段", "Text **between double stars** is bold; one paragraph per line";
    ResetAttribution => "恢复默认", "Use the default";
    AttributionFollowsUnit => "随供稿单位自动生成", "Follows the contributing unit";
    NoDate => "未设置日期", "No date";
    Today => "今天", "Today";
    ClearDate => "清除", "Clear";
    PreviousMonth => "上个月", "Previous month";
    NextMonth => "下个月", "Next month";
    Year => "年", "Year";
    Month => "月", "Month";

    // Preview.
    Typesetting => "排版中…", "Typesetting…";
    PreviousPage => "上一页", "Previous page";
    NextPage => "下一页", "Next page";
    ZoomIn => "放大（Ctrl+滚轮）", "Zoom in (Ctrl+wheel)";
    ZoomOut => "缩小（Ctrl+滚轮）", "Zoom out (Ctrl+wheel)";
    FitWidth => "适合宽度", "Fit width";

    // Status bar.
    Unsaved => "有未保存的修改", "Unsaved changes";
    AllSaved => "已保存", "Saved";
    NotInAFile => "尚未存为文件", "Not in a file yet";
    NotInAFileHint => "用“文件 → 保存”存为稿件文件", "Use File → Save to keep it as a draft file";

    // Dialogs.
    UnsavedTitle => "保存修改？", "Save changes?";
    DontSave => "不保存", "Don't save";
    Cancel => "取消", "Cancel";
    ErrorTitle => "出错了", "Something went wrong";
    Ok => "确定", "OK";

    // Never losing work.
    LockedTitle => "文件正在被他人编辑", "The draft is open elsewhere";
    OpenReadOnly => "以只读方式打开", "Open read-only";
    BreakLock => "解除锁定…", "Break the lock…";
    BreakLockTitle => "解除他人的锁定？", "Break someone else's lock?";
    BreakLockYes => "解除锁定并打开", "Break the lock and open";
    ReplaceTitle => "替换已有文件？", "Replace the existing file?";
    ReplaceYes => "替换", "Replace";
    ReadOnlyMark => "（只读）", "(read-only)";
    ReadOnlyExplain => "只读：此文件正由他人编辑。如需修改，请用“另存为”保存副本。", "Read-only: someone else is editing this draft. Use Save as to keep a copy you can edit.";
    ChangedOnDiskTitle => "文件已被修改", "The file has changed";
    Overwrite => "覆盖", "Overwrite";
    Reload => "重新载入", "Reload";
    RecoveryTitle => "发现未保存的工作", "Unsaved work found";
    RecoveryExplain => "上次编辑时程序未正常关闭，以下修改尚未保存：", "The editor did not close normally last time. These changes were never saved:";
    Restore => "恢复", "Restore";
    Compare => "对比", "Compare";
    CompareHint => "在另一个窗口打开已保存的版本，在本窗口恢复未保存的版本", "Open the saved version in another window and restore the unsaved one here";
    Discard => "丢弃", "Discard";
    DecideLater => "稍后再说", "Decide later";

    // Export.
    ExportEllipsis => "导出…", "Export…";
    ExportTitle => "导出简报", "Export the issue";
    ExportFolderTitle => "选择导出文件夹", "Choose a folder to export into";
    Formats => "格式", "Formats";
    FormatHtml => "网页 (HTML)", "Web page (HTML)";
    FormatText => "纯文本", "Plain text";
    FormatImages => "页面图片 (PNG)", "Page images (PNG)";
    Folder => "文件夹", "Folder";
    ChooseEllipsis => "选择…", "Choose…";
    NamePattern => "文件名", "File name";
    NamePatternHint => "可用：{name} 简报名称、{year} 年份、{number} 期号、{total} 总期号、{date} 日期、{copy} 份号", "Placeholders: {name} {year} {number} {total} {date} {copy}";
    NumberedCopies => "编号份数", "Numbered copies";
    CopiesOneFile => "合为一个 PDF", "One PDF for all";
    CopiesSeparate => "每份一个 PDF", "One PDF per copy";
    ImageScale => "图片分辨率", "Image resolution";
    ExportNeedsFolder => "请选择格式和导出文件夹", "Choose formats and a folder";
    Export => "导出", "Export";
    OverwriteWarning => "以下文件已存在，导出将覆盖它们：", "These files exist and will be replaced:";
    OverwriteAndExport => "覆盖并导出", "Replace and export";

    // Import and proofreading.
    ImportBulletinEllipsis => "导入简报文字…", "Import bulletin text…";
    ImportArticleEllipsis => "导入文章…", "Import article…";
    PasteArticleEllipsis => "粘贴为文章…", "Paste as article…";
    ImportTitle => "选择要导入的文件", "Choose a file to import";
    ImportFiles => "文本或 Word 文件", "Text or Word files";
    InsertPhotoTitle => "选择要插入的照片", "Choose a photo to insert";
    ImageFiles => "照片（JPEG、PNG）", "Photos (JPEG, PNG)";
    Figures => "照片与表格", "Photos and tables";
    InsertPhoto => "插入照片…", "Insert photo…";
    InsertPhotoHint => "也可以把照片文件拖到这里", "You can also drop a photo file here";
    InsertTable => "插入表格", "Insert table";
    PhotoLabel => "照片", "Photo";
    PhotoPreview => "照片预览", "Photo preview";
    TableLabel => "表格", "Table";
    Caption => "图注", "Caption";
    TableTitle => "表题", "Title";
    FullWidth => "通栏", "Full width";
    HalfWidth => "半栏", "Half width";
    AfterParagraph => "位于第几段之后", "After paragraph";
    AddRow => "加一行", "Add row";
    RemoveRow => "删最后一行", "Remove last row";
    AddColumn => "加一列", "Add column";
    RemoveColumn => "删最后一列", "Remove last column";
    RemoveFigure => "删除此图表", "Remove this figure";
    TablePasteHint => "可从 WPS 或 Excel 复制单元格，粘贴到任一单元格；Tab 键到下一格", "Paste cells copied from WPS or Excel into any cell; Tab moves to the next cell";
    PasteTitle => "粘贴为文章", "Paste as article";
    PasteHint => "粘贴区县报来的文字：自动合并断行、去掉多余空格，识别导语、小标题和落款", "Paste a district's text: broken lines are joined, stray spaces removed, the lead, run-in heads and attribution found";
    PastedText => "文字", "Text";
    AddAsArticle => "添加为文章", "Add as article";
    ProblemsMenu => "核稿面板", "Proofreading panel";
    Proofreading => "核稿", "Proofreading";
    NoFindings => "未发现问题", "Nothing to correct";
    Fix => "修正", "Fix";
    FixHint => "按规范修正这一处", "Correct this one";
    FixCheckHint => "修正这一处（请先确认：这里的空格可能是有意的）", "Correct this one (check first: this may be intended)";
    FixAllHint => "修正这一类中所有可安全自动修正的地方，可撤销", "Correct every safe case of this kind; undoable";
    JumpHint => "转到这里", "Go there";
    ProblemsHint => "显示或隐藏核稿面板", "Show or hide the proofreading panel";

    // Review.
    StatusDraft => "草稿", "Draft";
    StatusInReview => "送审", "In review";
    StatusReturned => "退回", "Returned";
    StatusApproved => "通过", "Approved";
    StatusIssued => "已签发", "Issued";
    ReviewMenu => "审阅", "Review";
    OpenForReviewEllipsis => "打开送审稿…", "Open for review…";
    StatusHistory => "状态记录", "Status history";
    ArticleGone => "（文章已删除）", "(article deleted)";
    NoHistory => "暂无记录", "Nothing yet";
    ReviewerMode => "审阅模式", "Reviewer mode";
    ReviewerModeHint => "审阅时正文只读，只能添加批注和改变状态", "While reviewing, the content is read-only: add comments and change the status";
    SendForReview => "送审…", "Send for review…";
    ReturnIssue => "退回…", "Return…";
    ApproveIssue => "通过…", "Approve…";
    IssueIssue => "签发…", "Issue…";
    ReopenIssue => "重新打开…", "Reopen…";
    CompareEllipsis => "比较版本…", "Compare with another version…";
    ConfirmStatusTitle => "确认状态变更", "Change the status";
    StatusNote => "备注（可选）", "Note (optional)";
    Confirm => "确定", "Confirm";
    LockedByStatus => "本期已通过或已签发，正文已锁定。如需修改，请在“审阅”菜单中重新打开。", "This issue is approved or issued and locked. To change it, reopen it from the Review menu.";
    ReviewingNotice => "审阅模式：正文只读，可添加批注。", "Reviewer mode: the content is read-only; add comments.";
    Comments => "批注", "Comments";
    NoComments => "暂无批注", "No comments yet";
    AddComment => "添加批注", "Add comment";
    CommentText => "批注内容", "Comment";
    QuoteSelection => "引用正文中选中的文字", "Quote the text selected in the body";
    QuoteLost => "（引用的文字已不在正文中）", " (the quoted text is no longer in the article)";
    Reply => "回复", "Reply";
    ReplyText => "回复内容", "Reply text";
    Resolved => "已解决", "Resolved";
    YourNameTitle => "请输入您的姓名", "Your name";
    YourNameExplain => "您的姓名将显示在批注、状态记录和文件锁中，只需输入一次。", "Your name is shown on comments, status changes and file locks. You are asked once.";
    YourName => "姓名", "Name";
    NoFileDialog => "本机没有可用的文件对话框（需要 xdg-desktop-portal 或 zenity）。请用“另存为…”输入路径。", "No file dialog is available on this system (it needs xdg-desktop-portal or zenity). Use Save As… to type a path.";
    TypePathTitle => "输入路径", "Type the path";
    TypeFileExplain => "本机没有可用的文件对话框（需要 xdg-desktop-portal 或 zenity）。请输入要打开的文件的完整路径：", "No file dialog is available on this system (it needs xdg-desktop-portal or zenity). Type the full path of the file to open:";
    TypeNewFileExplain => "本机没有可用的文件对话框（需要 xdg-desktop-portal 或 zenity）。请输入要保存到的完整路径：", "No file dialog is available on this system (it needs xdg-desktop-portal or zenity). Type the full path to save to:";
    TypeFolderExplain => "本机没有可用的文件对话框（需要 xdg-desktop-portal 或 zenity）。请输入文件夹的完整路径：", "No file dialog is available on this system (it needs xdg-desktop-portal or zenity). Type the full path of the folder:";
    PathLabel => "路径", "Path";
    FontsHint => "字体可在“设置”中按本期样式更改", "Fonts are set in Settings, in this issue's style";
    ExportFontsWarning => "本机未安装以下官方字体，导出的文件将使用内置字体代替：", "These official fonts are not installed here; the exported files use bundled fonts instead:";
    ExportUnapprovedTitle => "尚未审核通过", "Not approved yet";
    ExportUnapproved => "本期尚未审核通过，仍要导出吗？", "This issue has not been approved. Export it anyway?";
    ExportAnyway => "仍然导出", "Export anyway";
    CompareTitle => "比较版本", "Compare versions";
    AcceptTheirs => "采用", "Accept";
    AcceptTheirsHint => "把另一版本的这处内容采用到当前草稿（可撤销）", "Take the other version's text into this draft (undoable)";
    Ignore => "忽略", "Ignore";
    AcceptAll => "全部采用", "Accept all";
    NoDifferences => "两个版本相同", "The versions are the same";
    ArticleAdded => "对方新增的文章", "An article only the other version has";
    ArticleRemoved => "对方没有的文章", "An article the other version does not have";
    ArticleMoved => "文章位置不同", "The article is in another place";
    UserNameSetting => "姓名（显示在批注和文件锁中）", "Your name (on comments and locks)";

    // Archive.
    ArchiveEllipsis => "档案库…", "Archive…";
    ArchiveTitle => "档案库", "Archive";
    ArchiveFolder => "档案库文件夹", "Archive folder";
    ArchiveFolderTitle => "选择存放历年简报的文件夹", "Choose the folder of past issues";
    ChangeEllipsis => "更改…", "Change…";
    NoArchiveFolder => "尚未选择档案库文件夹。选择存放历年简报的文件夹后，可在此浏览、搜索和统计往期简报。", "No archive folder yet. Choose the folder that holds past issues to list, search and count them here.";
    TabIssues => "期刊列表", "Issues";
    TabSearch => "全文搜索", "Search";
    TabCoverage => "供稿统计", "Coverage";
    TabChase => "催稿与年度", "Chase and year";
    VolumeNotesTitle => "合订本提示", "The volume";
    VolumeNotes => "合订本照常生成，以下情况请核对：", "The volume is being made; please check:";
    CompileVolumeEllipsis => "编印合订本…", "Bind the volume…";
    CompileVolumeHint => "封面、带页码的目录、全年各期（页码连续）和单位索引，合为一个 PDF", "A cover, the contents with page numbers, every issue of the year (pages numbered through) and an index of units, in one PDF";
    IssuedOnly => "仅收已签发", "Issued only";
    VolumeTypesetting => "正在排版合订本…", "Typesetting the volume…";
    ShowEarlier => "查看往期", "Show the earlier text";
    OverdueIssues => "多久未报送", "Nothing sent in the last";
    CountIssues => "期", "issues";
    CountMonths => "个月", "months";
    NothingOverdue => "每个单位近期都有来稿", "Every unit has sent something lately";
    ChaseReminder => "催稿通知", "Reminder";
    CopyReminder => "复制催稿通知", "Copy the reminder";
    YearFigures => "年度统计", "Year's figures";
    ExportCsvEllipsis => "导出 CSV…", "Export CSV…";
    YearFiguresHint => "每个单位全年的文章数、字数和见报期数，供年终总结", "Each unit's articles, characters and issues in the year, for the year-end summary";
    NewFromLatest => "从最近一期新建", "New from latest issue";
    NewFromLatestHint => "期号、总期号加一，日期为今天，沿用报头、报尾、发送范围和栏目，不含文章", "Next number and total, today's date; masthead, footer, distribution and sections carried over, no articles";
    NewSupplement => "新建增刊", "New supplement";
    NewSupplementHint => "增刊单独编号，不计总期号", "Supplements are numbered on their own, without a total";
    ColName => "名称", "Name";
    ColNumber => "期号", "No.";
    ColTotal => "总期号", "Total";
    ColDate => "日期", "Date";
    ColStatus => "状态", "Status";
    ColArticles => "文章", "Articles";
    ColFile => "文件", "File";
    Filter => "筛选", "Filter";
    FilterHint => "名称、期号、日期或文件名", "Name, number, date or file name";
    NumberingCheck => "期号检查", "Numbering";
    NumberingClean => "期号连续，没有重复", "Numbers run on without gaps or repeats";
    Unreadable => "无法读取的文件", "Files that cannot be read";
    SearchText => "查找", "Find";
    SearchUnit => "供稿单位", "Unit";
    FromDate => "起", "From";
    ToDate => "止", "To";
    SearchHint => "输入要查找的文字，或只选单位和日期", "Type words to find, or just pick a unit and dates";
    ByMonth => "按月", "By month";
    ByYear => "按年", "By year";
    PeriodsShown => "显示最近", "Show the last";
    OpenButton => "打开", "Open";
    NumberingWarningTitle => "期号提示", "Numbering";
    NumberingWarning => "新的一期已按档案编号。档案库中的编号有以下问题，请核对：", "The new issue is numbered from the archive. The archive's numbering has these problems; please check:";
    EmptyArchive => "档案库中还没有简报", "The archive holds no issues yet";
    ArchiveReading => "档案库正在读取，读完后即新建", "Reading the archive; the new issue follows when done";
    CoverageHint => "每格为该单位在该时段的文章数，红色为未报送", "Each cell: the unit's articles in the period; red: none";

    // Settings.
    Language => "界面语言", "Language";
    Theme => "外观", "Theme";
    ThemeSystem => "跟随系统", "System";
    ThemeLight => "浅色", "Light";
    ThemeDark => "深色", "Dark";
    StyleHint => "版式属于本期简报，随草稿保存", "The style belongs to this issue and is saved with it";
    AccentColour => "套红颜色", "Masthead red";
    TitleFont => "报头字体", "Title font";
    BodyFont => "正文字体", "Body font";
    HeadingFont => "标题字体", "Heading font";
    KaiFont => "楷体字体", "Kai font";
    PageNumberFont => "页码字体", "Page number font";
    BudgetHint => "按排版结果计算：页数、末页还能加几行；报尾被挤到单独一页时提示要删几行", "From the layout: the pages, and how many lines the last page can still take; when the footer is pushed onto a page of its own, how many lines to cut";
    PageNumberPlacement => "页码位置", "Page numbers";
    PageNumbersOutside => "单页居右、双页居左（公文格式国家标准）", "Odd pages right, even left (GB/T 9704)";
    PageNumbersCentred => "居中", "Centred";
    TitleSize => "报头字号", "Title size";
    BodySize => "正文字号", "Body size";
    FooterSize => "报尾字号", "Footer size";
    LinePitch => "行距", "Line pitch";
    AttributionSuffix => "落款后缀", "Attribution suffix";
    ResetStyle => "恢复默认版式", "Restore the default style";

    // Command line.
    CheckClean => "未发现问题", "no problems found";
    ExportNeedsOutput => "请用 -o 指定 PDF 文件，或用 --png-dir 指定图片文件夹，或用 --format 指定格式", "give -o for a PDF, --png-dir for page images, or --format";
    ExportSeveralNeedsFormat => "导出多个草稿时请用 --format 指定格式，用 -o 指定文件夹", "with several drafts, give --format and a folder with -o";
    NewWritten => "已新建简报草稿", "new draft written";
}
