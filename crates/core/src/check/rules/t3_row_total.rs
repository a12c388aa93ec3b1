//! T3-ROW-TOTAL: the 总计 column of 表三 is the sum of the six applicant columns, in each row.

use super::{Context, Rule};
use crate::check::finding::{Finding, Severity};
use crate::check::sums::{applicant_columns, blank_note, fmt, key, total_mismatch};
use crate::schema::{row_label, TableKey, APPLICATION_ROWS};

pub static RULE: Rule = Rule {
    id: "T3-ROW-TOTAL",
    severity: Severity::Error,
    title: "表三每一行：“总计”= 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。",
    why: "“总计”列是六类申请人的合计；对不上说明某一格填错，或“总计”列被漏填。",
    fix: "把该行六类申请人的数字相加，核对“总计”。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    let t = TableKey::Applications;
    for row in APPLICATION_ROWS {
        let parts: Vec<String> = applicant_columns().map(|c| key(t, row.key, c)).collect();
        let total_key = key(t, row.key, "total");
        let Some(m) = total_mismatch(p, &parts, &total_key) else {
            continue;
        };
        let message = format!(
            "表三“{}”一行：“总计”填写 {}，但六类申请人相加为 {}。{}",
            row_label(t, row.key),
            fmt(m.total.value),
            fmt(m.parts.value),
            blank_note(&[&m.total, &m.parts])
        );
        out.push(
            RULE.finding(message)
                .cells(parts.into_iter().chain(std::iter::once(total_key)))
                .expected_actual(m.parts.value, m.total.value)
                .line(m.line),
        );
    }
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
        assert_eq!(found[0].message, "表三“2.重复申请”一行：“总计”填写 3，但六类申请人相加为 2。");
    }

    #[test]
    fn a_blank_total_is_named() {
        let text = edited("2.重复申请\t1\t0\t0\t0\t0\t1\t2", "2.重复申请\t1\t0\t0\t0\t0\t1\t");
        let found = findings(&text, "T3-ROW-TOTAL");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("applications.ignored_repeat.total 为空白"));
    }

    #[test]
    fn silent_when_rows_add_up() {
        assert!(findings(SYNTHETIC_2021, "T3-ROW-TOTAL").is_empty());
    }
}
