//! What the page shows of a checked report: each cell's findings and worst severity, findings
//! grouped by table, and the CSV export. Built once per check; components only read it.

use nianbao_core::{Finding, Report, Severity, TableKey};
use std::collections::HashMap;

/// A checked report and the indexes the views need.
pub struct Checked {
    pub report: Report,
    /// Cell key → indexes into `report.findings`.
    by_cell: HashMap<String, Vec<usize>>,
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

    /// The group of a finding: the table of its first cell, else by rule family.
    pub fn of(f: &Finding) -> Group {
        let by_table = |t: &str| TableKey::ALL.into_iter().find(|k| t.starts_with(&format!("{}.", k.as_str())));
        if f.rule.starts_with("TEXT-") || f.rule.starts_with("DATE-") || f.rule.starts_with("YEAR-") || f.rule.starts_with("SEC") {
            return Group::Text;
        }
        if let Some(table) = f.cells.first().and_then(|c| by_table(c)) {
            return Group::Table(table);
        }
        if f.rule == "STRUCT-TABLE" || f.rule == "STRUCT-ROW" || f.rule == "CELL-BLANK" || f.rule == "CELL-PLACEHOLDER" {
            let table = ["表二", "表三", "表四"].iter().position(|t| f.message.starts_with(t));
            if let Some(i) = table {
                return Group::Table(TableKey::ALL[i]);
            }
        }
        Group::Structure
    }
}

impl Checked {
    pub fn new(report: Report) -> Self {
        let mut by_cell: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, f) in report.findings.iter().enumerate() {
            for cell in &f.cells {
                by_cell.entry(cell.clone()).or_default().push(i);
            }
        }
        Checked { report, by_cell }
    }

    /// The findings that name a cell.
    pub fn findings_of(&self, key: &str) -> Vec<&Finding> {
        self.by_cell.get(key).map(|v| v.iter().map(|&i| &self.report.findings[i]).collect()).unwrap_or_default()
    }

    pub fn finding_indexes_of(&self, key: &str) -> &[usize] {
        self.by_cell.get(key).map_or(&[], Vec::as_slice)
    }

    /// The worst severity among a cell's findings.
    pub fn severity_of(&self, key: &str) -> Option<Severity> {
        self.findings_of(key).into_iter().map(|f| f.severity).min()
    }

    /// Whether the reader placed the row's cells: false for a row found but not readable.
    pub fn unreadable_row(&self, table: TableKey, row: &str) -> bool {
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
                    f.cells.join(" "),
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

fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    let fields: Vec<String> = fields.map(|f| format!("\"{}\"", f.replace('"', "\"\""))).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    const BROKEN: &str =
        "示例区人民政府\n2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\n1 0 0 0 2 0 0 0 0 0 0 0 0 0 0\n";

    #[test]
    fn csv_for_excel() {
        let checked = Checked::new(nianbao_core::check_text(BROKEN).unwrap());
        let csv = checked.csv();
        assert!(csv.starts_with("\u{feff}\"规则\",\"级别\",\"行号\""));
        assert!(csv.contains("\"T4-TOTAL\",\"错误\",\"5\",\"reviews.review.upheld reviews.review.corrected reviews.review.other reviews.review.pending reviews.review.total\",\"1\",\"2\","));
        assert!(csv.ends_with("\r\n"));
    }

    #[test]
    fn cells_know_their_findings_and_groups() {
        let checked = Checked::new(nianbao_core::check_text(BROKEN).unwrap());
        assert_eq!(checked.severity_of("reviews.review.total"), Some(Severity::Error));
        assert_eq!(checked.severity_of("reviews.lawsuit_direct.total"), None);
        let t4 = checked.report.findings.iter().find(|f| f.rule == "T4-TOTAL").unwrap();
        assert_eq!(Group::of(t4), Group::Table(TableKey::Reviews));
    }
}
