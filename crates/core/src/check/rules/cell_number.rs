//! CELL-NUMBER: a count cell does not hold a non-negative integer (a decimal, a negative outside
//! 本年增/减, or text).

use super::{Context, Rule};
use crate::check::finding::{show, Finding, Severity};
use crate::read::cell::Value;
use crate::schema::ValueKind;

pub static RULE: Rule = Rule {
    id: "CELL-NUMBER",
    severity: Severity::Error,
    title: "件数类单元格应填写非负整数；只有“本年增/减”可以为负数，只有金额可以有小数。",
    why: "申请件数、处理决定数量等都是件数，出现小数、负数或文字说明填写有误，也会使勾稽关系无法核对。",
    fix: "改为整数；没有数据的填 0，不要填写文字。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    for cell in &p.cells {
        let suspect = match cell.value {
            Value::Text => true,
            Value::Number { value, decimal, .. } => decimal || value < 0.0,
            Value::Blank | Value::Placeholder => false,
        };
        if !suspect {
            continue; // the column's kind (a search of the schema) matters only to these
        }
        let kind = cell.key.column_def().kind;
        let problem = match (&cell.value, kind) {
            (Value::Text, _) => Some("不是数字".to_owned()),
            (Value::Number { decimal: true, .. }, ValueKind::Count | ValueKind::Signed) => Some("是小数，件数应为整数".to_owned()),
            (Value::Number { value, .. }, ValueKind::Count | ValueKind::Amount) if *value < 0.0 => {
                Some(format!("是负数（{}），只有“本年增/减”可以为负", show(*value)))
            }
            _ => None,
        };
        if let Some(problem) = problem {
            out.push(
                RULE.finding(format!("{}（内容“{}”）{}。", cell.key.label(), cell.raw, problem)).cells([cell.key]).line(cell.span.line),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edited, findings, SYNTHETIC_2021};

    #[test]
    fn fires_on_a_decimal_count() {
        let found = findings(&edited("行政处罚\t45", "行政处罚\t4.5"), "CELL-NUMBER");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells, vec!["active.penalty.decisions"]);
        assert!(found[0].message.contains("是小数"));
    }

    #[test]
    fn fires_on_a_negative_count_and_on_text() {
        let text = edited("2.重复申请\t1\t0", "2.重复申请\t-1\t待定");
        let cells: Vec<_> = findings(&text, "CELL-NUMBER").into_iter().flat_map(|f| f.cells).collect();
        assert_eq!(cells, vec!["applications.ignored_repeat.natural", "applications.ignored_repeat.commercial"]);
    }

    #[test]
    fn silent_on_integers_and_a_decimal_amount() {
        assert!(SYNTHETIC_2021.contains("行政事业性收费\t12.5"));
        assert!(findings(SYNTHETIC_2021, "CELL-NUMBER").is_empty());
    }
}
