//! T2-IN-FORCE (2021 format): for 规章 and 行政规范性文件, `in_force ≥ issued` is expected.

use super::{Context, Rule};
use crate::check::comparisons::{self, Bound};
use crate::check::finding::{show, Finding, Severity};
use crate::schema::{ColumnKey, RowKey};

pub static RULE: Rule = Rule {
    id: "T2-IN-FORCE",
    severity: Severity::Warning,
    title: "表二（2021年版）规章、行政规范性文件：现行有效件数一般不少于本年制发件数。",
    why: "本年制发的文件通常仍然有效，会计入现行有效件数；少于本年制发件数多半是填反了栏目。",
    fix: "核对“本年制发件数”“本年废止件数”“现行有效件数”三栏是否填对位置；如本年制发后又废止，可在正文中说明。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let columns = (ColumnKey::InForce, ColumnKey::Issued, Bound::AtLeast);
    comparisons::check(
        &RULE,
        cx.report,
        &[RowKey::Rules, RowKey::Normative],
        columns,
        |row, in_force, issued| format!("表二“{row}”行：“现行有效件数”为 {}，少于“本年制发件数”{}。", show(in_force), show(issued)),
        out,
    );
}

#[cfg(test)]
mod tests {
    use crate::testing::{edited, findings, SYNTHETIC_2021};

    #[test]
    fn fires_when_fewer_are_in_force_than_were_issued() {
        let found = findings(&edited("行政规范性文件\t8\t2\t30", "行政规范性文件\t8\t2\t3"), "T2-IN-FORCE");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells, ["active.normative.issued", "active.normative.in_force"]);
        assert_eq!((found[0].expected, found[0].actual), (Some(8.0), Some(3.0)));
        assert_eq!(found[0].message, "表二“行政规范性文件”行：“现行有效件数”为 3，少于“本年制发件数”8。");
    }

    #[test]
    fn silent_otherwise() {
        assert!(findings(SYNTHETIC_2021, "T2-IN-FORCE").is_empty());
    }
}
