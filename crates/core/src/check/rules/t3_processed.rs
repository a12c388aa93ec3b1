//! T3-PROCESSED: （七）总计 is the sum of all outcome rows, in each column.

use super::{Context, Rule};
use crate::check::finding::{Finding, Severity};
use crate::check::sums::{blank_note, fmt, key, outcome_rows, total_mismatch};
use crate::schema::{column_label, TableKey, APPLICATION_COLUMNS};

pub static RULE: Rule = Rule {
    id: "T3-PROCESSED",
    severity: Severity::Error,
    title: "表三每一列：（七）总计 = （一）至（六）各项办理结果之和。",
    why: "（七）总计是本年度办理结果的合计，必须等于予以公开、部分公开、不予公开、无法提供、不予处理、其他处理各项相加。",
    fix: "逐项相加核对；常见原因是漏加了某一小项，或总计栏抄错。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    let t = TableKey::Applications;
    let rows = outcome_rows(p);
    for col in APPLICATION_COLUMNS {
        let parts: Vec<String> = rows.iter().map(|r| key(t, r, col.key)).collect();
        let total_key = key(t, "processed", col.key);
        let Some(m) = total_mismatch(p, &parts, &total_key) else {
            continue;
        };
        let message = format!(
            "表三“{}”列：（七）总计填写 {}，但（一）至（六）各项办理结果相加为 {}。{}",
            column_label(t, col.key),
            fmt(m.total.value),
            fmt(m.parts.value),
            blank_note(&[&m.total, &m.parts])
        );
        out.push(
            RULE.finding(message).cells(std::iter::once(total_key).chain(parts)).expected_actual(m.parts.value, m.total.value).line(m.line),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edited, findings, SYNTHETIC_2021};

    #[test]
    fn fires_when_the_total_is_not_the_sum_of_outcomes() {
        // 总计 自然人 22 → 23 and 总计 29 → 30: the row adds up, the columns do not.
        let text = edited("（七）总计\t22\t3\t1\t0\t2\t1\t29", "（七）总计\t23\t3\t1\t0\t2\t1\t30");
        let found = findings(&text, "T3-PROCESSED");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].cells[0], "applications.processed.natural");
        assert!(found[0].cells.contains(&"applications.other_misc.natural".to_owned()));
        assert!(!found[0].cells.contains(&"applications.other.natural".to_owned()));
        assert_eq!((found[0].expected, found[0].actual), (Some(22.0), Some(23.0)));
        assert_eq!(found[0].message, "表三“自然人”列：（七）总计填写 23，但（一）至（六）各项办理结果相加为 22。");
    }

    #[test]
    fn uses_the_single_2019_other_row() {
        let text = edited(
            "（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t1\t0\t1\n2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n3.其他\t0\t0\t0\t0\t0\t0\t0\n",
            "（六）其他处理\t0\t0\t0\t0\t1\t0\t1\n",
        );
        assert!(findings(&text, "T3-PROCESSED").is_empty());
    }

    #[test]
    fn silent_when_totals_add_up() {
        assert!(findings(SYNTHETIC_2021, "T3-PROCESSED").is_empty());
    }
}
