//! STRUCT-TABLE: a table is missing, or some of its numbers could not be placed in rows and
//! columns with confidence (those cells are left out rather than guessed).

use super::{Context, Rule};
use crate::check::finding::{Finding, Severity};
use crate::schema::{self, TableKey};

pub static RULE: Rule = Rule {
    id: "STRUCT-TABLE",
    severity: Severity::Error,
    title: "表二、表三、表四都应存在，且每行数字都能对应到正确的行和列。",
    why: "统计表是年度报告的核心；某行的数字个数与表格列数对不上时，无法确定哪个数字属于哪一列，本工具不会猜测，而是如实报告“无法读取”。",
    fix: "检查该行是否漏填或多填了数字：空白单元格请填写 0，不要删除；表格缺失时请按统一格式补上。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    for table in TableKey::ALL {
        let read = p.table(table);
        if read.line.is_none() || (read.rows.is_empty() && read.unreadable.is_empty()) {
            let line = read.line;
            let where_ = if line.is_some() { "该部分中没有找到表格的行" } else { "没有找到这张表" };
            let f = RULE.finding(format!("{}：{}。", table.title(), where_));
            out.push(match line {
                Some(l) => f.line(l),
                None => f,
            });
            continue;
        }
        for u in &read.unreadable {
            let message = match u.row {
                Some(row) => format!(
                    "{}“{}”这一行找到 {} 个数字，而该行应有 {} 个单元格，无法确定每个数字属于哪一列，这一行未读取。",
                    table.title(),
                    schema::row_label(table, row),
                    u.found,
                    u.expected
                ),
                None => format!("{}的数字无法按行列读取：应为 {} 个单元格，找到的数字个数与之不符。", table.title(), u.expected),
            };
            out.push(RULE.finding(message).cells(u.cells.clone()).line(u.line));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, edited, findings};

    #[test]
    fn fires_on_a_row_whose_numbers_cannot_be_placed() {
        // A blank cell dropped entirely: six numbers for seven columns.
        let text = edited("（一）予以公开\t8\t1\t0\t0\t1\t0\t10", "（一）予以公开\t8\t1\t0\t1\t0\t10");
        let found = findings(&text, "STRUCT-TABLE");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells.len(), 7);
        assert_eq!(found[0].cells[0], "applications.granted.natural");
        assert!(found[0].message.contains("“（一）予以公开”这一行找到 6 个数字"), "{}", found[0].message);
        let report = check(&text);
        assert!(report.parsed.cell("applications.granted.natural").is_none(), "no invented values");
    }

    #[test]
    fn fires_on_a_missing_table() {
        let text = edited("2\t1\t0\t1\t4\t1\t0\t0\t0\t1\t0\t0\t1\t0\t1\n", "");
        let found = findings(&text, "STRUCT-TABLE");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.starts_with("表四"));
    }

    #[test]
    fn silent_on_a_readable_report() {
        assert!(findings(crate::testing::SYNTHETIC_2021, "STRUCT-TABLE").is_empty());
    }
}
