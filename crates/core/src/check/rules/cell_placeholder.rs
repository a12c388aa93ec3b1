//! CELL-PLACEHOLDER: `/`, `—`, `无` … in a data cell (read as 0 / not applicable).

use super::{Context, Rule};
use crate::check::finding::{Finding, Severity};
use crate::read::cell::Value;
use crate::schema::TableKey;

pub static RULE: Rule = Rule {
    id: "CELL-PLACEHOLDER",
    severity: Severity::Info,
    title: "单元格中的“/”“—”“无”等符号按 0（不适用）处理。",
    why: "统一格式要求填写数字；符号虽常见，但不同读者可能有不同理解。",
    fix: "如确实为零，建议填写 0。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    for table in TableKey::ALL {
        let cells: Vec<_> = p.cells_of(table).filter(|c| c.value == Value::Placeholder).collect();
        let Some(first) = cells.first() else { continue };
        let listed: Vec<String> = cells.iter().map(|c| format!("{}（“{}”）", c.key, c.raw)).collect();
        out.push(
            RULE.finding(format!("{}有 {} 个单元格填写的是符号而非数字，按 0 计算：{}。", table.title(), cells.len(), listed.join("、")))
                .cells(cells.iter().map(|c| c.key.clone()))
                .line(first.span.line),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, edited, findings, SYNTHETIC_2021};

    #[test]
    fn fires_on_slashes_and_dashes() {
        let text = edited("3.其他\t0\t0", "3.其他\t/\t—");
        let found = findings(&text, "CELL-PLACEHOLDER");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells, vec!["applications.other_misc.natural", "applications.other_misc.commercial"]);
        assert_eq!(check(&text).parsed.value("applications.other_misc.natural"), Some(0.0));
    }

    #[test]
    fn silent_on_numbers() {
        assert!(findings(SYNTHETIC_2021, "CELL-PLACEHOLDER").is_empty());
    }
}
