//! What the page shows of a checked report: each cell's findings and worst severity, findings
//! grouped by table, and the CSV export. Built once per check; components only read it.

use nianbao_core::batch::sheet::push_row;
use nianbao_core::{CellKey, Finding, Report, RowKey, Severity, TableKey};
use std::collections::HashMap;

/// A checked report and the indexes the views need.
pub struct Checked {
    pub report: Report,
    /// Cell key → indexes into `report.findings`.
    by_cell: HashMap<CellKey, Vec<usize>>,
}

/// The groups of the findings list.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Group {
    Table(TableKey),
    Text,
    Structure,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Table(TableKey::Active),
        Group::Table(TableKey::Applications),
        Group::Table(TableKey::Reviews),
        Group::Text,
        Group::Structure,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Group::Table(t) => t.title(),
            Group::Text => "正文与表格、年份、日期",
            Group::Structure => "报告结构与格式",
        }
    }

    /// The group of a finding: prose, dates and other years apart; else the finding's table.
    pub fn of(f: &Finding) -> Group {
        if f.rule.starts_with("TEXT-") || f.rule.starts_with("DATE-") || f.rule.starts_with("YEAR-") || f.rule.starts_with("SEC") {
            return Group::Text;
        }
        f.table.map_or(Group::Structure, Group::Table)
    }
}

impl Checked {
    pub fn new(report: Report) -> Self {
        let mut by_cell: HashMap<CellKey, Vec<usize>> = HashMap::new();
        for (i, f) in report.findings.iter().enumerate() {
            for &cell in &f.cells {
                by_cell.entry(cell).or_default().push(i);
            }
        }
        Checked { report, by_cell }
    }

    /// The findings that name a cell.
    pub fn findings_of(&self, key: CellKey) -> Vec<&Finding> {
        self.by_cell.get(&key).map(|v| v.iter().map(|&i| &self.report.findings[i]).collect()).unwrap_or_default()
    }

    pub fn finding_indexes_of(&self, key: CellKey) -> &[usize] {
        self.by_cell.get(&key).map_or(&[], Vec::as_slice)
    }

    /// The worst severity among a cell's findings.
    pub fn severity_of(&self, key: CellKey) -> Option<Severity> {
        self.findings_of(key).into_iter().map(|f| f.severity).min()
    }

    /// Whether the reader placed the row's cells: false for a row found but not readable.
    pub fn unreadable_row(&self, table: TableKey, row: RowKey) -> bool {
        self.report.parsed.table(table).unreadable.iter().any(|u| u.row == Some(row))
    }

    /// The findings as CSV for Excel: UTF-8 with BOM, CRLF, every field quoted.
    pub fn csv(&self) -> String {
        let mut out = String::from("\u{feff}");
        let header = ["规则", "级别", "行号", "单元格", "应为", "实为", "说明"];
        push_row(&mut out, header.iter().map(|s| s.to_string()));
        for f in &self.report.findings {
            let number = |v: Option<f64>| v.map(nianbao_core::check::finding::show).unwrap_or_default();
            push_row(
                &mut out,
                [
                    f.rule.to_owned(),
                    f.severity.label().to_owned(),
                    f.line.map(|l| l.to_string()).unwrap_or_default(),
                    f.cells.iter().map(|c| c.label()).collect::<Vec<_>>().join("、"),
                    number(f.expected),
                    number(f.actual),
                    f.message.clone(),
                ]
                .into_iter(),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> CellKey {
        CellKey::parse(name).unwrap()
    }

    const BROKEN: &str =
        "示例市人民政府\n2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\n1 0 0 0 2 0 0 0 0 0 0 0 0 0 0\n";

    #[test]
    fn csv_for_excel() {
        let checked = Checked::new(nianbao_core::check_text(BROKEN).unwrap());
        let csv = checked.csv();
        assert!(csv.starts_with("\u{feff}\"规则\",\"级别\",\"行号\""));
        assert!(csv.contains("\"T4-TOTAL\",\"错误\",\"5\",\"表四“行政复议”组“结果维持”列、表四“行政复议”组“结果纠正”列、表四“行政复议”组“其他结果”列、表四“行政复议”组“尚未审结”列、表四“行政复议”组“总计”列\",\"1\",\"2\","));
        assert!(csv.ends_with("\r\n"));
    }

    #[test]
    fn cells_know_their_findings_and_groups() {
        let checked = Checked::new(nianbao_core::check_text(BROKEN).unwrap());
        assert_eq!(checked.severity_of(key("reviews.review.total")), Some(Severity::Error));
        assert_eq!(checked.severity_of(key("reviews.lawsuit_direct.total")), None);
        let t4 = checked.report.findings.iter().find(|f| f.rule == "T4-TOTAL").unwrap();
        assert_eq!(Group::of(t4), Group::Table(TableKey::Reviews));
    }
}
