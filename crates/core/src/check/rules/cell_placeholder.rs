//! CELL-PLACEHOLDER: `/`, `—`, `无` … in a data cell (read as 0 / not applicable).

use super::{Context, Rule};
use crate::check::cell_lists;
use crate::check::finding::{Finding, Severity};
use crate::read::cell::Value;

pub static RULE: Rule = Rule {
    id: "CELL-PLACEHOLDER",
    severity: Severity::Info,
    title: "单元格中的“/”“—”“无”等符号按 0（不适用）处理。",
    why: "统一格式要求填写数字；符号虽常见，但不同读者可能有不同理解。",
    fix: "如确实为零，建议填写 0。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    cell_lists::check(
        &RULE,
        cx.report,
        |c| c.value == Value::Placeholder,
        |table, count, listed| format!("{}有 {count} 个单元格填写的是符号而非数字，按 0 计算：{listed}。", table.title()),
        out,
    );
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, edited, findings, key, SYNTHETIC_2021};

    #[test]
    fn fires_on_slashes_and_dashes() {
        let text = edited("3.其他\t0\t0", "3.其他\t/\t—");
        let found = findings(&text, "CELL-PLACEHOLDER");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells, vec!["applications.other_misc.natural", "applications.other_misc.commercial"]);
        assert_eq!(check(&text).parsed.value(key("applications.other_misc.natural")), Some(0.0));
    }

    #[test]
    fn silent_on_numbers() {
        assert!(findings(SYNTHETIC_2021, "CELL-PLACEHOLDER").is_empty());
    }
}
