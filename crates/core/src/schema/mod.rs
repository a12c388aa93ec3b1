//! The official tables (SPEC §3): every table, row and column with its canonical key, its label,
//! the label variants the reader accepts, and which format (2019/2021) it belongs to.

mod key;

pub use key::{CellKey, ColumnKey, RowKey};
use serde::Serialize;

/// The two official formats and their mixtures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Format {
    #[serde(rename = "2019")]
    F2019,
    #[serde(rename = "2021")]
    F2021,
    #[serde(rename = "mixed")]
    Mixed,
    #[serde(rename = "unknown")]
    Unknown,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::F2019 => "2019",
            Format::F2021 => "2021",
            Format::Mixed => "mixed",
            Format::Unknown => "unknown",
        }
    }

    /// The format from whether 2019 and 2021 markers were seen.
    pub fn from_markers(has_2019: bool, has_2021: bool) -> Format {
        match (has_2019, has_2021) {
            (true, true) => Format::Mixed,
            (true, false) => Format::F2019,
            (false, true) => Format::F2021,
            (false, false) => Format::Unknown,
        }
    }

    /// The name clerks use: 2019年版 / 2021年版.
    pub fn label(self) -> &'static str {
        match self {
            Format::F2019 => "2019年版格式（国办公开办函〔2019〕60号）",
            Format::F2021 => "2021年版格式（国办公开办函〔2021〕30号）",
            Format::Mixed => "新旧格式混用",
            Format::Unknown => "无法判断的格式",
        }
    }
}

/// Which formats a row or column set belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Era {
    Both,
    Only2019,
    Only2021,
}

impl Era {
    pub fn fits(self, format: Format) -> bool {
        match (self, format) {
            (Era::Both, _) | (_, Format::Mixed) | (_, Format::Unknown) => true,
            (Era::Only2019, f) => f == Format::F2019,
            (Era::Only2021, f) => f == Format::F2021,
        }
    }
}

/// The three statistical tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TableKey {
    Active,
    Applications,
    Reviews,
}

impl TableKey {
    pub const ALL: [TableKey; 3] = [TableKey::Active, TableKey::Applications, TableKey::Reviews];

    pub fn as_str(self) -> &'static str {
        match self {
            TableKey::Active => "active",
            TableKey::Applications => "applications",
            TableKey::Reviews => "reviews",
        }
    }

    pub fn parse(text: &str) -> Option<TableKey> {
        TableKey::ALL.into_iter().find(|t| t.as_str() == text)
    }

    /// A row's own identity, for reading cells run together: in each group of this many cells the
    /// last is the sum of the others (表三: 总计 of six applicant columns; 表四: each group's 总计).
    pub fn row_sum_width(self) -> Option<usize> {
        match self {
            TableKey::Active => None,
            TableKey::Applications => Some(APPLICATION_COLUMNS.len()),
            TableKey::Reviews => Some(REVIEW_COLUMNS.len()),
        }
    }

    /// 表二 / 表三 / 表四.
    pub fn short(self) -> &'static str {
        match self {
            TableKey::Active => "表二",
            TableKey::Applications => "表三",
            TableKey::Reviews => "表四",
        }
    }

    /// The name clerks use for the table.
    pub fn title(self) -> &'static str {
        match self {
            TableKey::Active => "表二（主动公开政府信息情况）",
            TableKey::Applications => "表三（收到和处理政府信息公开申请情况）",
            TableKey::Reviews => "表四（政府信息公开行政复议、行政诉讼情况）",
        }
    }

    /// The report section (SPEC §2) the table lives in.
    pub fn section(self) -> u8 {
        match self {
            TableKey::Active => 2,
            TableKey::Applications => 3,
            TableKey::Reviews => 4,
        }
    }
}

/// A column: its key and the label printed in the official form.
#[derive(Debug, PartialEq, Eq)]
pub struct Column {
    pub key: ColumnKey,
    pub label: &'static str,
    /// What a cell of this column may hold.
    pub kind: ValueKind,
}

/// What a cell may legitimately hold (CELL-NUMBER).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// A non-negative integer count.
    Count,
    /// A signed integer change (本年增/减).
    Signed,
    /// A non-negative amount that may have decimals (金额).
    Amount,
}

/// A row: its key, its official label and the skeletons (see `text::skeleton`) that identify it.
/// The first pattern is the full label; further ones are distinctive parts of it.
#[derive(Debug)]
pub struct Row {
    pub key: RowKey,
    pub label: &'static str,
    pub patterns: &'static [&'static str],
    pub era: Era,
    /// The 表三 outcome group the row stands under (（一）予以公开 … （六）其他处理); None for the
    /// other rows and tables.
    pub outcome: Option<OutcomeGroup>,
}

/// The groups of 表三's 三、本年度办理结果, whose rows add up to （七）总计.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutcomeGroup {
    Granted,
    Partial,
    Denied,
    Unable,
    Ignored,
    Other,
}

impl OutcomeGroup {
    /// The group as the form prints it.
    pub fn label(self) -> &'static str {
        match self {
            OutcomeGroup::Granted => "（一）予以公开",
            OutcomeGroup::Partial => "（二）部分公开",
            OutcomeGroup::Denied => "（三）不予公开",
            OutcomeGroup::Unable => "（四）无法提供",
            OutcomeGroup::Ignored => "（五）不予处理",
            OutcomeGroup::Other => "（六）其他处理",
        }
    }
}

const fn col(key: ColumnKey, label: &'static str, kind: ValueKind) -> Column {
    Column { key, label, kind }
}

const fn row(key: RowKey, label: &'static str, patterns: &'static [&'static str], era: Era) -> Row {
    Row { key, label, patterns, era, outcome: None }
}

/// A 表三 row of an outcome group.
const fn outcome(group: OutcomeGroup, key: RowKey, label: &'static str, patterns: &'static [&'static str], era: Era) -> Row {
    Row { key, label, patterns, era, outcome: Some(group) }
}

use ColumnKey as C;
use OutcomeGroup as G;
use RowKey as R;
use ValueKind::{Amount, Count, Signed};

// ---- 表二 `active` -------------------------------------------------------------------------

/// A caption group of 表二 (第二十条第（X）项) with its rows and its columns in each format.
#[derive(Debug)]
pub struct ActiveGroup {
    pub caption: &'static str,
    pub rows: &'static [Row],
    pub columns_2019: &'static [Column],
    pub columns_2021: &'static [Column],
}

impl Row {
    /// The label as the given format prints it (规范性文件 is 行政规范性文件 in 2021).
    pub fn label_in(&self, format: Format) -> &'static str {
        match (self.key, format) {
            (R::Normative, Format::F2021) => "行政规范性文件",
            _ => self.label,
        }
    }
}

impl ActiveGroup {
    pub fn columns(&self, format: Format) -> &'static [Column] {
        match format {
            Format::F2021 => self.columns_2021,
            _ => self.columns_2019,
        }
    }
}

const ITEMS_2019: &[Column] =
    &[col(C::PrevItems, "上一年项目数量", Count), col(C::Change, "本年增/减", Signed), col(C::Decisions, "处理决定数量", Count)];
const DECISIONS_2021: &[Column] = &[col(C::Decisions, "本年处理决定数量", Count)];

pub static ACTIVE_GROUPS: &[ActiveGroup] = &[
    ActiveGroup {
        caption: "第二十条第（一）项",
        rows: &[row(R::Rules, "规章", &["规章"], Era::Both), row(R::Normative, "规范性文件", &["行政规范性文件", "规范性文件"], Era::Both)],
        columns_2019: &[
            col(C::Made, "本年新制作数量", Count),
            col(C::Published, "本年新公开数量", Count),
            col(C::PublicTotal, "对外公开总数量", Count),
        ],
        columns_2021: &[
            col(C::Issued, "本年制发件数", Count),
            col(C::Repealed, "本年废止件数", Count),
            col(C::InForce, "现行有效件数", Count),
        ],
    },
    ActiveGroup {
        caption: "第二十条第（五）项",
        rows: &[
            row(R::Licensing, "行政许可", &["行政许可"], Era::Both),
            row(R::OtherServices, "其他对外管理服务事项", &["其他对外管理服务事项", "对外管理服务事项"], Era::Only2019),
        ],
        columns_2019: ITEMS_2019,
        columns_2021: DECISIONS_2021,
    },
    ActiveGroup {
        caption: "第二十条第（六）项",
        rows: &[row(R::Penalty, "行政处罚", &["行政处罚"], Era::Both), row(R::Coercion, "行政强制", &["行政强制"], Era::Both)],
        columns_2019: ITEMS_2019,
        columns_2021: DECISIONS_2021,
    },
    ActiveGroup {
        caption: "第二十条第（八）项",
        rows: &[row(R::Fees, "行政事业性收费", &["行政事业性收费", "事业性收费"], Era::Both)],
        columns_2019: &[col(C::PrevItems, "上一年项目数量", Count), col(C::Change, "本年增/减", Signed)],
        columns_2021: &[col(C::AmountWan, "本年收费金额（单位：万元）", Amount)],
    },
    ActiveGroup {
        caption: "第二十条第（九）项",
        rows: &[row(R::Procurement, "政府集中采购", &["政府集中采购", "集中采购"], Era::Only2019)],
        columns_2019: &[col(C::Projects, "采购项目数量", Count), col(C::Amount, "采购总金额", Amount)],
        columns_2021: &[],
    },
];

/// Header words of 表二 that mark a format (skeletons), checked longest first.
pub static ACTIVE_HEADER_MARKERS: &[(&str, Format)] = &[
    ("本年处理决定数量", Format::F2021),
    ("制发件数", Format::F2021),
    ("废止件数", Format::F2021),
    ("现行有效件数", Format::F2021),
    ("收费金额", Format::F2021),
    ("本年新制作数量", Format::F2019),
    ("本年新公开数量", Format::F2019),
    ("对外公开总数量", Format::F2019),
    ("上一年项目数量", Format::F2019),
    ("本年增减", Format::F2019),
    ("采购项目数量", Format::F2019),
    ("采购总金额", Format::F2019),
    ("处理决定数量", Format::F2019),
];

// ---- 表三 `applications` ---------------------------------------------------------------------

pub static APPLICATION_COLUMNS: &[Column] = &[
    col(C::Natural, "自然人", Count),
    col(C::Commercial, "商业企业", Count),
    col(C::Research, "科研机构", Count),
    col(C::Nonprofit, "社会公益组织", Count),
    col(C::Legal, "法律服务机构", Count),
    col(C::OtherOrg, "其他", Count),
    col(C::Total, "总计", Count),
];

pub static APPLICATION_ROWS: &[Row] = &[
    row(R::New, "一、本年新收政府信息公开申请数量", &["本年新收政府信息公开申请数量", "本年新收"], Era::Both),
    row(R::CarriedIn, "二、上年结转政府信息公开申请数量", &["上年结转政府信息公开申请数量", "上年结转"], Era::Both),
    outcome(G::Granted, R::Granted, "（一）予以公开", &["予以公开"], Era::Both),
    outcome(
        G::Partial,
        R::Partial,
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        &["部分公开区分处理的只计这一情形不计其他情形", "部分公开"],
        Era::Both,
    ),
    outcome(G::Denied, R::DeniedSecret, "（三）不予公开 1.属于国家秘密", &["属于国家秘密", "国家秘密"], Era::Both),
    outcome(G::Denied, R::DeniedLaw, "2.其他法律行政法规禁止公开", &["其他法律行政法规禁止公开", "行政法规禁止公开"], Era::Both),
    outcome(G::Denied, R::DeniedSafety, "3.危及“三安全一稳定”", &["危及三安全一稳定", "三安全一稳定"], Era::Both),
    outcome(G::Denied, R::DeniedThirdParty, "4.保护第三方合法权益", &["保护第三方合法权益", "第三方合法权益"], Era::Both),
    outcome(G::Denied, R::DeniedInternal, "5.属于三类内部事务信息", &["属于三类内部事务信息", "内部事务信息"], Era::Both),
    outcome(G::Denied, R::DeniedProcess, "6.属于四类过程性信息", &["属于四类过程性信息", "过程性信息"], Era::Both),
    outcome(G::Denied, R::DeniedEnforcement, "7.属于行政执法案卷", &["属于行政执法案卷", "行政执法案卷"], Era::Both),
    outcome(G::Denied, R::DeniedQuery, "8.属于行政查询事项", &["属于行政查询事项", "行政查询事项"], Era::Both),
    outcome(
        G::Unable,
        R::UnableNotHeld,
        "（四）无法提供 1.本机关不掌握相关政府信息",
        &["本机关不掌握相关政府信息", "不掌握相关政府信息"],
        Era::Both,
    ),
    outcome(G::Unable, R::UnableNeedsMaking, "2.没有现成信息需要另行制作", &["没有现成信息需要另行制作", "没有现成信息"], Era::Both),
    outcome(G::Unable, R::UnableUnclear, "3.补正后申请内容仍不明确", &["补正后申请内容仍不明确", "申请内容仍不明确"], Era::Both),
    outcome(G::Ignored, R::IgnoredPetition, "（五）不予处理 1.信访举报投诉类申请", &["信访举报投诉类申请", "信访举报投诉"], Era::Both),
    outcome(G::Ignored, R::IgnoredRepeat, "2.重复申请", &["重复申请"], Era::Both),
    outcome(G::Ignored, R::IgnoredPublication, "3.要求提供公开出版物", &["要求提供公开出版物", "公开出版物"], Era::Both),
    outcome(G::Ignored, R::IgnoredMassive, "4.无正当理由大量反复申请", &["无正当理由大量反复申请", "大量反复申请"], Era::Both),
    outcome(
        G::Ignored,
        R::IgnoredConfirm,
        "5.要求行政机关确认或重新出具已获取信息",
        &["要求行政机关确认或重新出具已获取信息", "确认或重新出具"],
        Era::Both,
    ),
    outcome(G::Other, R::Other, "（六）其他处理", &["其他处理"], Era::Only2019),
    outcome(
        G::Other,
        R::OtherNoCorrection,
        "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        &["申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请", "逾期不补正"],
        Era::Only2021,
    ),
    outcome(
        G::Other,
        R::OtherNoFee,
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        &["申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请", "收费通知要求缴纳费用", "缴纳费用"],
        Era::Only2021,
    ),
    outcome(G::Other, R::OtherMisc, "3.其他", &["3其他"], Era::Only2021),
    row(R::Processed, "（七）总计", &["七总计", "七合计"], Era::Both),
    row(R::CarriedOut, "四、结转下年度继续办理", &["结转下年度继续办理", "结转下年度"], Era::Both),
];

// ---- 表四 `reviews` --------------------------------------------------------------------------

pub static REVIEW_COLUMNS: &[Column] = &[
    col(C::Upheld, "结果维持", Count),
    col(C::Corrected, "结果纠正", Count),
    col(C::Other, "其他结果", Count),
    col(C::Pending, "尚未审结", Count),
    col(C::Total, "总计", Count),
];

pub static REVIEW_ROWS: &[Row] = &[
    row(R::Review, "行政复议", &["行政复议"], Era::Both),
    row(R::LawsuitDirect, "行政诉讼 · 未经复议直接起诉", &["未经复议直接起诉", "直接起诉"], Era::Both),
    row(R::LawsuitAfterReview, "行政诉讼 · 复议后起诉", &["复议后起诉"], Era::Both),
];

/// Every standard row of a table, in the form's order (表二: both formats' rows).
pub fn rows(table: TableKey) -> Vec<&'static Row> {
    match table {
        TableKey::Active => ACTIVE_GROUPS.iter().flat_map(|g| g.rows.iter()).collect(),
        TableKey::Applications => APPLICATION_ROWS.iter().collect(),
        TableKey::Reviews => REVIEW_ROWS.iter().collect(),
    }
}

/// Every column of a table (表二: both formats' columns, each once; a column of both formats in its
/// 2021 wording, 本年处理决定数量).
pub fn columns(table: TableKey) -> Vec<&'static Column> {
    match table {
        TableKey::Active => {
            let mut all: Vec<&'static Column> = Vec::new();
            for c in ACTIVE_GROUPS.iter().flat_map(|g| g.columns_2021.iter().chain(g.columns_2019.iter())) {
                if !all.iter().any(|a| a.key == c.key) {
                    all.push(c);
                }
            }
            all
        }
        TableKey::Applications => APPLICATION_COLUMNS.iter().collect(),
        TableKey::Reviews => REVIEW_COLUMNS.iter().collect(),
    }
}

/// A row's definition. Every key a reader or rule uses is a row of its table (a test checks).
pub fn row_def(table: TableKey, key: RowKey) -> &'static Row {
    let found = match table {
        TableKey::Active => ACTIVE_GROUPS.iter().flat_map(|g| g.rows.iter()).find(|r| r.key == key),
        TableKey::Applications => APPLICATION_ROWS.iter().find(|r| r.key == key),
        TableKey::Reviews => REVIEW_ROWS.iter().find(|r| r.key == key),
    };
    found.unwrap_or(&UNKNOWN_ROW)
}

/// A column's definition (表二 columns from either format).
pub fn column_def(table: TableKey, key: ColumnKey) -> &'static Column {
    let found = match table {
        // The first of both formats' columns, as in `columns`.
        TableKey::Active => ACTIVE_GROUPS.iter().flat_map(|g| g.columns_2021.iter().chain(g.columns_2019.iter())).find(|c| c.key == key),
        TableKey::Applications => APPLICATION_COLUMNS.iter().find(|c| c.key == key),
        TableKey::Reviews => REVIEW_COLUMNS.iter().find(|c| c.key == key),
    };
    found.unwrap_or(&UNKNOWN_COLUMN)
}

static UNKNOWN_ROW: Row = row(R::Other, "", &[], Era::Both);
static UNKNOWN_COLUMN: Column = col(C::Other, "", Count);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::skeleton;

    #[test]
    fn patterns_are_skeletons() {
        for row in TableKey::ALL.into_iter().flat_map(rows) {
            for p in row.patterns {
                assert_eq!(&skeleton(p), p, "pattern of {} must be a skeleton", row.key);
            }
        }
    }

    #[test]
    fn every_row_and_column_key_is_defined_in_its_table() {
        let mut rows_seen = Vec::new();
        let mut columns_seen = Vec::new();
        for table in TableKey::ALL {
            for r in rows(table) {
                assert_eq!(row_def(table, r.key).label, r.label);
                rows_seen.push(r.key);
            }
            for c in columns(table) {
                assert_eq!(column_def(table, c.key).key, c.key);
                columns_seen.push(c.key);
            }
        }
        assert!(RowKey::ALL.iter().all(|k| rows_seen.contains(k)));
        assert!(ColumnKey::ALL.iter().all(|k| columns_seen.contains(k)));
    }

    #[test]
    fn row_counts_match_the_spec() {
        let count = |era: Era| APPLICATION_ROWS.iter().filter(|r| r.era == Era::Both || r.era == era).count();
        assert_eq!(count(Era::Only2019), 23);
        assert_eq!(count(Era::Only2021), 25);
        assert_eq!(APPLICATION_COLUMNS.len(), 7);
        assert_eq!(REVIEW_ROWS.len() * REVIEW_COLUMNS.len(), 15);
    }
}
