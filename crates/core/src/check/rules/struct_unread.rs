//! STRUCT-UNREAD: rows that are in the report but whose numbers could not be placed in columns with
//! confidence — the tool's limit, not the report's fault. One finding per table lists the rows and
//! the checks that were skipped for them.

use super::{Context, Rule};
use crate::check::finding::{Finding, Severity};
use crate::check::identities;
use crate::schema::{row_def, CellKey, TableKey};

pub static RULE: Rule = Rule {
    id: "STRUCT-UNREAD",
    severity: Severity::Unread,
    title: "表格中有的行数字无法准确对应到各列，本工具未读取这些行（不是报告的错误）。",
    why: "本工具只在能确定每个数字属于哪一列时才读取；数字个数与列数对不上时（例如空白单元格被删掉、单元格粘连），宁可不读也不猜测，以免误报。",
    fix: "核对这些行：空白单元格请填写 0 而不是删除；也可以直接检查原始 Word 文件，或复制时保留表格。这些行相关的核对已跳过，请人工核对。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    for table in TableKey::ALL {
        let read = p.table(table);
        let Some(first) = read.unreadable.first() else { continue };
        let rows: Vec<String> = read
            .unreadable
            .iter()
            .map(|u| match u.row {
                Some(row) => format!("“{}”（找到 {} 个数字，应有 {} 个）", row_def(table, row).label, u.found, u.expected),
                None => format!("整张表（应有 {} 个数字，找到的个数与之不符）", u.expected),
            })
            .collect();
        let cells: Vec<CellKey> = read.unreadable.iter().flat_map(|u| u.cells.iter().copied()).collect();
        let skipped = identities::checks_touching(p, &cells);
        let skipped = if skipped.is_empty() {
            String::new()
        } else {
            format!("相关的核对（{}）已跳过，请人工核对。", skipped.join("、"))
        };
        out.push(
            RULE.finding(format!(
                "{}有 {} 行未能读取：{}。这些行的数字无法准确对应到各列，本工具没有猜测，也不把它们算作 0。{skipped}",
                table.title(),
                rows.len(),
                rows.join("；")
            ))
            .cells(cells)
            .table(table)
            .line(first.line),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, edited, findings, key};
    use crate::Severity;

    #[test]
    fn one_finding_per_table_listing_the_rows_and_the_skipped_checks() {
        // A blank cell dropped entirely: six numbers for seven columns, in two rows.
        let text = edited("（一）予以公开\t8\t1\t0\t0\t1\t0\t10", "（一）予以公开\t8\t1\t0\t1\t0\t10").replacen(
            "2.重复申请\t1\t0\t0\t0\t0\t1\t2",
            "2.重复申请\t1\t0\t0\t0\t1\t2",
            1,
        );
        let found = findings(&text, "STRUCT-UNREAD");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Unread);
        assert_eq!(found[0].cells.len(), 14);
        assert_eq!(found[0].cells[0], "applications.granted.natural");
        assert_eq!(
            found[0].message,
            "表三（收到和处理政府信息公开申请情况）有 2 行未能读取：“（一）予以公开”（找到 6 个数字，应有 7 个）；“2.重复申请”（找到 6 个数字，应有 7 个）。\
             这些行的数字无法准确对应到各列，本工具没有猜测，也不把它们算作 0。相关的核对（表三（七）总计、表三各行“总计”）已跳过，请人工核对。"
        );
        let report = check(&text);
        assert!(report.parsed.cell(key("applications.granted.natural")).is_none(), "no invented values");
        assert!(!report.has_errors(), "could-not-read is not the report's error: {:?}", report.findings);
    }

    #[test]
    fn silent_on_a_readable_report() {
        assert!(findings(crate::testing::SYNTHETIC_2021, "STRUCT-UNREAD").is_empty());
    }
}
