//! CELL-BLANK: data cells left empty — one finding per table listing them. Blank is not 0.

use super::{Context, Rule};
use crate::check::finding::{Finding, Severity};
use crate::read::cell::Value;
use crate::schema::TableKey;

pub static RULE: Rule = Rule {
    id: "CELL-BLANK",
    severity: Severity::Warning,
    title: "统计表的单元格不应空着；没有数据时应填写 0。",
    why: "空白单元格让读者无法判断是“没有”还是“漏填”；核对勾稽关系时本工具把空白按 0 计算，并在此提示。",
    fix: "在空白单元格中填写实际数字，没有的填 0。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    for table in TableKey::ALL {
        let blank: Vec<_> = p.cells_of(table).filter(|c| c.value == Value::Blank).collect();
        let Some(first) = blank.first() else { continue };
        out.push(
            RULE.finding(format!(
                "{}有 {} 个单元格是空白（空白不等于 0，核对时按 0 计算）：{}。",
                table.title(),
                blank.len(),
                blank.iter().map(|c| c.key.as_str()).collect::<Vec<_>>().join("、")
            ))
            .cells(blank.iter().map(|c| c.key.clone()))
            .line(first.span.line),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, edited, findings, SYNTHETIC_2021};

    #[test]
    fn fires_once_per_table_listing_the_cells() {
        let text = edited("规章\t1\t0\t5", "规章\t1\t\t5").replacen("行政强制\t3", "行政强制\t", 1);
        let found = findings(&text, "CELL-BLANK");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells, vec!["active.rules.repealed", "active.coercion.decisions"]);
        let report = check(&text);
        let blank = report.parsed.cell("active.rules.repealed").unwrap();
        assert_eq!((blank.raw.as_str(), blank.number()), ("", None));
        assert_eq!(report.parsed.cell("active.rules.in_force").unwrap().number(), Some(5.0), "blank does not shift");
    }

    #[test]
    fn silent_when_every_cell_is_filled() {
        assert!(findings(SYNTHETIC_2021, "CELL-BLANK").is_empty());
    }
}
