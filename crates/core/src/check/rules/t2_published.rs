//! T2-PUBLISHED (2019 format): for 规章 and 规范性文件, `published ≤ public_total`.

use super::{Context, Rule};
use crate::check::comparisons::{self, Bound};
use crate::check::finding::{show, Finding, Severity};
use crate::schema::{ColumnKey, RowKey};

pub static RULE: Rule = Rule {
    id: "T2-PUBLISHED",
    severity: Severity::Warning,
    title: "表二（2019年版）规章、规范性文件：本年新公开数量不应大于对外公开总数量。",
    why: "对外公开总数量包含本年新公开的文件，后者不可能更多。",
    fix: "核对两栏数字，确认“对外公开总数量”是否为累计数。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let columns = (ColumnKey::Published, ColumnKey::PublicTotal, Bound::AtMost);
    comparisons::check(
        &RULE,
        cx.report,
        &[RowKey::Rules, RowKey::Normative],
        columns,
        |row, published, total| format!("表二“{row}”行：“本年新公开数量”为 {}，大于“对外公开总数量”{}。", show(published), show(total)),
        out,
    );
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, findings, ACTIVE_2019};
    use crate::CellKey;

    #[test]
    fn fires_when_more_were_published_than_exist() {
        let text = ACTIVE_2019.replace("规范性文件\t2\t2\t9", "规范性文件\t2\t12\t9");
        let found = findings(&text, "T2-PUBLISHED");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells, ["active.normative.published", "active.normative.public_total"]);
        assert_eq!((found[0].expected, found[0].actual), (Some(9.0), Some(12.0)));
        assert_eq!(found[0].message, "表二“规范性文件”行：“本年新公开数量”为 12，大于“对外公开总数量”9。");
    }

    #[test]
    fn silent_when_published_is_within_the_total() {
        assert_eq!(check(ACTIVE_2019).parsed.value(CellKey::parse("active.normative.public_total").unwrap()), Some(9.0));
        assert!(findings(ACTIVE_2019, "T2-PUBLISHED").is_empty());
    }
}
