//! STRUCT-TABLE: 表二, 表三 or 表四 is missing from the report (or its section holds none of its
//! rows). Rows that are there but could not be read are STRUCT-UNREAD.

use super::{Context, Rule};
use crate::check::finding::{Finding, Severity};
use crate::schema::TableKey;

pub static RULE: Rule = Rule {
    id: "STRUCT-TABLE",
    severity: Severity::Error,
    title: "表二、表三、表四都应存在。",
    why: "统计表是年度报告的核心，统一格式要求三张表都要填报；缺少的表无法核对。",
    fix: "按统一格式补上缺少的表格；没有数据的栏目填 0。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    for table in TableKey::ALL {
        let read = p.table(table);
        if read.line.is_some() && !(read.rows.is_empty() && read.unreadable.is_empty()) {
            continue;
        }
        let where_ = if read.line.is_some() { "该部分中没有找到表格的行" } else { "没有找到这张表" };
        let f = RULE.finding(format!("{}：{}。", table.title(), where_)).table(table);
        out.push(match read.line {
            Some(l) => f.line(l),
            None => f,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edited, findings};

    #[test]
    fn fires_on_a_missing_table() {
        let text = edited("2\t1\t0\t1\t4\t1\t0\t0\t0\t1\t0\t0\t1\t0\t1\n", "");
        let found = findings(&text, "STRUCT-TABLE");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].message, "表四（政府信息公开行政复议、行政诉讼情况）：该部分中没有找到表格的行。");
        assert_eq!(found[0].table, Some(crate::TableKey::Reviews));
    }

    #[test]
    fn silent_on_a_readable_report_and_on_unreadable_rows() {
        assert!(findings(crate::testing::SYNTHETIC_2021, "STRUCT-TABLE").is_empty());
        let text = edited("（一）予以公开\t8\t1\t0\t0\t1\t0\t10", "（一）予以公开\t8\t1\t0\t1\t0\t10");
        assert!(findings(&text, "STRUCT-TABLE").is_empty(), "an unreadable row is STRUCT-UNREAD");
    }
}
