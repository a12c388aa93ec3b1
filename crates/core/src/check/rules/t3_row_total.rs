//! T3-ROW-TOTAL: the 总计 column of 表三 is the sum of the six applicant columns, in each row.

use super::{Context, Rule};
use crate::check::finding::{show, Finding, Severity};
use crate::check::identities::{self, Failure, Identity};
use crate::check::sums::applicant_columns;
use crate::read::Parsed;
use crate::schema::{CellKey, ColumnKey, TableKey, APPLICATION_ROWS};
use std::sync::OnceLock;

pub static RULE: Rule = Rule {
    id: "T3-ROW-TOTAL",
    severity: Severity::Error,
    title: "表三每一行：“总计”= 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。",
    why: "“总计”列是六类申请人的合计；对不上说明某一格填错，或“总计”列被漏填。",
    fix: "把该行六类申请人的数字相加，核对“总计”。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    identities::check(&RULE, cx.report, identities(cx.report), message, out);
}

/// Each row's six applicant columns add up to its 总计.
pub fn identities(_: &Parsed) -> &'static [Identity] {
    static ROWS: OnceLock<Vec<Identity>> = OnceLock::new();
    ROWS.get_or_init(|| {
        APPLICATION_ROWS
            .iter()
            .map(|row| {
                let total = CellKey::new(TableKey::Applications, row.key, ColumnKey::Total);
                Identity::parts(applicant_columns().map(|c| total.with_column(c)).collect(), total)
            })
            .collect()
    })
}

fn message(f: &Failure) -> String {
    format!("表三“{}”行：“总计”列{}，但六类申请人相加为 {}。", f.identity.anchor.row_label(), f.right_stated(), show(f.left.value))
}

#[cfg(test)]
mod tests {
    use crate::testing::{edited, findings, SYNTHETIC_2021};

    #[test]
    fn fires_on_the_row_whose_total_is_wrong() {
        let text = edited("2.重复申请\t1\t0\t0\t0\t0\t1\t2", "2.重复申请\t1\t0\t0\t0\t0\t1\t3");
        let found = findings(&text, "T3-ROW-TOTAL");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells.len(), 7);
        assert_eq!(found[0].cells[6], "applications.ignored_repeat.total");
        assert_eq!((found[0].expected, found[0].actual), (Some(2.0), Some(3.0)));
        assert_eq!(found[0].message, "表三“2.重复申请”行：“总计”列为 3，但六类申请人相加为 2。建议：表三“2.重复申请”行“总计”列改为 2。");
        assert_eq!(found[0].suggestion.map(|s| (s.cell.to_string(), s.value)), Some(("applications.ignored_repeat.total".to_owned(), 2.0)));
    }

    #[test]
    fn a_blank_total_is_named() {
        let text = edited("2.重复申请\t1\t0\t0\t0\t0\t1\t2", "2.重复申请\t1\t0\t0\t0\t0\t1\t");
        let found = findings(&text, "T3-ROW-TOTAL");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "表三“2.重复申请”行：“总计”列空白（核对时按 0 计算），但六类申请人相加为 2。建议：表三“2.重复申请”行“总计”列改为 2。"
        );
    }

    #[test]
    fn silent_when_rows_add_up() {
        assert!(findings(SYNTHETIC_2021, "T3-ROW-TOTAL").is_empty());
    }
}
