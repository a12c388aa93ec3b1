//! The official tables (SPEC §3): every table, row and column with its canonical key, its label,
//! the label variants the reader accepts, and which format (2019/2021) it belongs to.

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
    pub key: &'static str,
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
    pub key: &'static str,
    pub label: &'static str,
    pub patterns: &'static [&'static str],
    pub era: Era,
}

const fn col(key: &'static str, label: &'static str, kind: ValueKind) -> Column {
    Column { key, label, kind }
}

const fn row(key: &'static str, label: &'static str, patterns: &'static [&'static str], era: Era) -> Row {
    Row { key, label, patterns, era }
}

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
            ("normative", Format::F2021) => "行政规范性文件",
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
    &[col("prev_items", "上一年项目数量", Count), col("change", "本年增/减", Signed), col("decisions", "处理决定数量", Count)];
const DECISIONS_2021: &[Column] = &[col("decisions", "本年处理决定数量", Count)];

pub static ACTIVE_GROUPS: &[ActiveGroup] = &[
    ActiveGroup {
        caption: "第二十条第（一）项",
        rows: &[row("rules", "规章", &["规章"], Era::Both), row("normative", "规范性文件", &["行政规范性文件", "规范性文件"], Era::Both)],
        columns_2019: &[
            col("made", "本年新制作数量", Count),
            col("published", "本年新公开数量", Count),
            col("public_total", "对外公开总数量", Count),
        ],
        columns_2021: &[
            col("issued", "本年制发件数", Count),
            col("repealed", "本年废止件数", Count),
            col("in_force", "现行有效件数", Count),
        ],
    },
    ActiveGroup {
        caption: "第二十条第（五）项",
        rows: &[
            row("licensing", "行政许可", &["行政许可"], Era::Both),
            row("other_services", "其他对外管理服务事项", &["其他对外管理服务事项", "对外管理服务事项"], Era::Only2019),
        ],
        columns_2019: ITEMS_2019,
        columns_2021: DECISIONS_2021,
    },
    ActiveGroup {
        caption: "第二十条第（六）项",
        rows: &[row("penalty", "行政处罚", &["行政处罚"], Era::Both), row("coercion", "行政强制", &["行政强制"], Era::Both)],
        columns_2019: ITEMS_2019,
        columns_2021: DECISIONS_2021,
    },
    ActiveGroup {
        caption: "第二十条第（八）项",
        rows: &[row("fees", "行政事业性收费", &["行政事业性收费", "事业性收费"], Era::Both)],
        columns_2019: &[col("prev_items", "上一年项目数量", Count), col("change", "本年增/减", Signed)],
        columns_2021: &[col("amount_wan", "本年收费金额（单位：万元）", Amount)],
    },
    ActiveGroup {
        caption: "第二十条第（九）项",
        rows: &[row("procurement", "政府集中采购", &["政府集中采购", "集中采购"], Era::Only2019)],
        columns_2019: &[col("projects", "采购项目数量", Count), col("amount", "采购总金额", Amount)],
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
    col("natural", "自然人", Count),
    col("commercial", "商业企业", Count),
    col("research", "科研机构", Count),
    col("nonprofit", "社会公益组织", Count),
    col("legal", "法律服务机构", Count),
    col("other_org", "其他", Count),
    col("total", "总计", Count),
];

pub static APPLICATION_ROWS: &[Row] = &[
    row("new", "一、本年新收政府信息公开申请数量", &["本年新收政府信息公开申请数量", "本年新收"], Era::Both),
    row("carried_in", "二、上年结转政府信息公开申请数量", &["上年结转政府信息公开申请数量", "上年结转"], Era::Both),
    row("granted", "（一）予以公开", &["予以公开"], Era::Both),
    row(
        "partial",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        &["部分公开区分处理的只计这一情形不计其他情形", "部分公开"],
        Era::Both,
    ),
    row("denied_secret", "（三）不予公开 1.属于国家秘密", &["属于国家秘密", "国家秘密"], Era::Both),
    row("denied_law", "2.其他法律行政法规禁止公开", &["其他法律行政法规禁止公开", "行政法规禁止公开"], Era::Both),
    row("denied_safety", "3.危及“三安全一稳定”", &["危及三安全一稳定", "三安全一稳定"], Era::Both),
    row("denied_third_party", "4.保护第三方合法权益", &["保护第三方合法权益", "第三方合法权益"], Era::Both),
    row("denied_internal", "5.属于三类内部事务信息", &["属于三类内部事务信息", "内部事务信息"], Era::Both),
    row("denied_process", "6.属于四类过程性信息", &["属于四类过程性信息", "过程性信息"], Era::Both),
    row("denied_enforcement", "7.属于行政执法案卷", &["属于行政执法案卷", "行政执法案卷"], Era::Both),
    row("denied_query", "8.属于行政查询事项", &["属于行政查询事项", "行政查询事项"], Era::Both),
    row("unable_not_held", "（四）无法提供 1.本机关不掌握相关政府信息", &["本机关不掌握相关政府信息", "不掌握相关政府信息"], Era::Both),
    row("unable_needs_making", "2.没有现成信息需要另行制作", &["没有现成信息需要另行制作", "没有现成信息"], Era::Both),
    row("unable_unclear", "3.补正后申请内容仍不明确", &["补正后申请内容仍不明确", "申请内容仍不明确"], Era::Both),
    row("ignored_petition", "（五）不予处理 1.信访举报投诉类申请", &["信访举报投诉类申请", "信访举报投诉"], Era::Both),
    row("ignored_repeat", "2.重复申请", &["重复申请"], Era::Both),
    row("ignored_publication", "3.要求提供公开出版物", &["要求提供公开出版物", "公开出版物"], Era::Both),
    row("ignored_massive", "4.无正当理由大量反复申请", &["无正当理由大量反复申请", "大量反复申请"], Era::Both),
    row(
        "ignored_confirm",
        "5.要求行政机关确认或重新出具已获取信息",
        &["要求行政机关确认或重新出具已获取信息", "确认或重新出具"],
        Era::Both,
    ),
    row("other", "（六）其他处理", &["其他处理"], Era::Only2019),
    row(
        "other_no_correction",
        "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        &["申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请", "逾期不补正"],
        Era::Only2021,
    ),
    row(
        "other_no_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        &["申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请", "收费通知要求缴纳费用", "缴纳费用"],
        Era::Only2021,
    ),
    row("other_misc", "3.其他", &["3其他"], Era::Only2021),
    row("processed", "（七）总计", &["七总计", "七合计"], Era::Both),
    row("carried_out", "四、结转下年度继续办理", &["结转下年度继续办理", "结转下年度"], Era::Both),
];

/// The outcome rows that add up to （七）总计 (T3-PROCESSED), 2019 and 2021 forms alike.
pub fn is_outcome_row(key: &str) -> bool {
    !matches!(key, "new" | "carried_in" | "processed" | "carried_out")
}

// ---- 表四 `reviews` --------------------------------------------------------------------------

pub static REVIEW_COLUMNS: &[Column] = &[
    col("upheld", "结果维持", Count),
    col("corrected", "结果纠正", Count),
    col("other", "其他结果", Count),
    col("pending", "尚未审结", Count),
    col("total", "总计", Count),
];

pub static REVIEW_ROWS: &[Row] = &[
    row("review", "行政复议", &["行政复议"], Era::Both),
    row("lawsuit_direct", "行政诉讼 · 未经复议直接起诉", &["未经复议直接起诉", "直接起诉"], Era::Both),
    row("lawsuit_after_review", "行政诉讼 · 复议后起诉", &["复议后起诉"], Era::Both),
];

/// What a column's cells may hold, by column key.
pub fn column_kind(column: &str) -> ValueKind {
    match column {
        "change" => Signed,
        "amount" | "amount_wan" => Amount,
        _ => Count,
    }
}

/// A cell's canonical key `table.row.column`.
pub fn cell_key(table: TableKey, row: &str, column: &str) -> String {
    format!("{}.{}.{}", table.as_str(), row, column)
}

/// Every standard row of a table, in the form's order (表二: both formats' rows).
pub fn rows(table: TableKey) -> Vec<&'static Row> {
    match table {
        TableKey::Active => ACTIVE_GROUPS.iter().flat_map(|g| g.rows.iter()).collect(),
        TableKey::Applications => APPLICATION_ROWS.iter().collect(),
        TableKey::Reviews => REVIEW_ROWS.iter().collect(),
    }
}

/// The official label of a row of a table, for messages.
pub fn row_label(table: TableKey, key: &str) -> &'static str {
    rows(table).into_iter().find(|r| r.key == key).map_or("", |r| r.label)
}

/// The official label of a column of a table (表二 columns from either format).
pub fn column_label(table: TableKey, key: &str) -> &'static str {
    let columns: Vec<&'static Column> = match table {
        TableKey::Active => ACTIVE_GROUPS.iter().flat_map(|g| g.columns_2019.iter().chain(g.columns_2021.iter())).collect(),
        TableKey::Applications => APPLICATION_COLUMNS.iter().collect(),
        TableKey::Reviews => REVIEW_COLUMNS.iter().collect(),
    };
    columns.into_iter().find(|c| c.key == key).map_or("", |c| c.label)
}

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
    fn row_counts_match_the_spec() {
        let count = |era: Era| APPLICATION_ROWS.iter().filter(|r| r.era == Era::Both || r.era == era).count();
        assert_eq!(count(Era::Only2019), 23);
        assert_eq!(count(Era::Only2021), 25);
        assert_eq!(APPLICATION_COLUMNS.len(), 7);
        assert_eq!(REVIEW_ROWS.len() * REVIEW_COLUMNS.len(), 15);
    }
}
