//! T4-TOTAL: in each group of 表四, 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计.

use super::{Context, Rule};
use crate::check::finding::{show, Finding, Severity};
use crate::check::identities::{self, Failure, Identity};
use crate::read::Parsed;
use crate::schema::{CellKey, ColumnKey, TableKey, REVIEW_ROWS};
use std::sync::OnceLock;

pub static RULE: Rule = Rule {
    id: "T4-TOTAL",
    severity: Severity::Error,
    title: "表四每一组（行政复议、未经复议直接起诉、复议后起诉）：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计。",
    why: "每一件复议或诉讼案件只能有一种结果（或尚未审结），四项之和就是该组总数。",
    fix: "核对该组的四个结果数字和“总计”。注意三组之间、以及表四与表三之间没有勾稽关系。",
    check,
};

const RESULTS: [ColumnKey; 4] = [ColumnKey::Upheld, ColumnKey::Corrected, ColumnKey::Other, ColumnKey::Pending];

fn check(cx: &Context, out: &mut Vec<Finding>) {
    identities::check(&RULE, cx.report, identities(cx.report), |f| message(cx.report, f), out);
}

/// Each group's four results add up to its 总计.
pub fn identities(_: &Parsed) -> &'static [Identity] {
    static GROUPS: OnceLock<Vec<Identity>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        REVIEW_ROWS
            .iter()
            .map(|group| {
                let total = CellKey::new(TableKey::Reviews, group.key, ColumnKey::Total);
                Identity::parts(RESULTS.iter().map(|&c| total.with_column(c)).collect(), total)
            })
            .collect()
    })
}

fn message(p: &Parsed, f: &Failure) -> String {
    let v: Vec<String> = f.identity.left.iter().map(|&k| show(p.value(k).unwrap_or(0.0))).collect();
    format!(
        "表四“{}”：结果维持 {} + 结果纠正 {} + 其他结果 {} + 尚未审结 {} = {}，但“总计”{}。",
        f.identity.anchor.row_label(),
        v[0],
        v[1],
        v[2],
        v[3],
        show(f.left.value),
        f.right_stated()
    )
}

#[cfg(test)]
mod tests {
    use crate::testing::{edited, findings, SYNTHETIC_2021};

    #[test]
    fn fires_on_the_group_that_does_not_add_up() {
        let text = edited("2\t1\t0\t1\t4\t1\t0\t0\t0\t1\t0\t0\t1\t0\t1", "2\t1\t0\t1\t4\t1\t0\t0\t0\t1\t0\t0\t1\t0\t2");
        let found = findings(&text, "T4-TOTAL");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].cells,
            [
                "reviews.lawsuit_after_review.upheld",
                "reviews.lawsuit_after_review.corrected",
                "reviews.lawsuit_after_review.other",
                "reviews.lawsuit_after_review.pending",
                "reviews.lawsuit_after_review.total"
            ]
        );
        assert_eq!((found[0].expected, found[0].actual), (Some(1.0), Some(2.0)));
    }

    #[test]
    fn silent_when_groups_add_up() {
        assert!(findings(SYNTHETIC_2021, "T4-TOTAL").is_empty());
    }
}
