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
    Lead => "导语", "Lead sentence";
    Body => "正文", "Body";
    Attribution => "落款", "Attribution";
    Editor => "责编", "Editor";
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

    // Command line.
    CheckClean => "未发现问题", "no problems found";
    NewWritten => "已新建简报草稿", "new draft written";
}
