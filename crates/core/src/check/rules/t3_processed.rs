//! T3-PROCESSED: in each column of 表三, （七）总计 is the sum of every outcome row (the single 2019
//! （六） row or the three 2021 sub-rows).

use super::{Context, Rule};
use crate::check::finding::{show, Finding, Severity};
use crate::check::identities::{self, Failure, Identity};
use crate::check::sums::{has_2021_other, outcome_rows_of};
use crate::read::Parsed;
use crate::schema::{CellKey, RowKey, TableKey, APPLICATION_COLUMNS};
use std::sync::OnceLock;

pub static RULE: Rule = Rule {
    id: "T3-PROCESSED",
    severity: Severity::Error,
    title: "表三每一列：（七）总计 = （一）至（六）各项办理结果之和。",
    why: "（七）总计是本年度办理结果的合计，必须等于予以公开、部分公开、不予公开、无法提供、不予处理、其他处理各项相加。",
    fix: "逐项相加核对；常见原因是漏加了某一小项，或总计栏抄错。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    identities::check(&RULE, cx.report, identities(cx.report), message, out);
}

/// Each column's outcome rows add up to its （七）总计.
/// Built once for each form of the （六） row: 2019's single row (index 0) and 2021's sub-rows (1).
pub fn identities(p: &Parsed) -> &'static [Identity] {
    static FORMS: [OnceLock<Vec<Identity>>; 2] = [OnceLock::new(), OnceLock::new()];
    let split_other = has_2021_other(p);
    FORMS[usize::from(split_other)].get_or_init(|| {
        APPLICATION_COLUMNS
            .iter()
            .map(|col| {
                let total = CellKey::new(TableKey::Applications, RowKey::Processed, col.key);
                let parts = outcome_rows_of(split_other).map(|r| total.with_row(r)).collect();
                Identity { right_first: true, ..Identity::parts(parts, total) }
            })
            .collect()
    })
}

fn message(f: &Failure) -> String {
    format!(
        "表三“{}”列：（七）总计{}，但（一）至（六）各项办理结果相加为 {}。",
        f.identity.anchor.column_def().label,
        f.right_stated(),
        show(f.left.value)
    )
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
        assert!(found[0].cells.iter().any(|k| *k == "applications.other_misc.natural"));
        assert!(!found[0].cells.iter().any(|k| *k == "applications.other.natural"));
        assert_eq!((found[0].expected, found[0].actual), (Some(22.0), Some(23.0)));
        assert!(
            found[0].message.starts_with("表三“自然人”列：（七）总计为 23，但（一）至（六）各项办理结果相加为 22。"),
            "{}",
            found[0].message
        );
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
