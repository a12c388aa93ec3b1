//! T2-FEE-UNIT (2021 format): 行政事业性收费 is in 万元; warn when the cell or the prose gives it
//! in 元.

use super::{Context, Rule};
use crate::check::finding::{Finding, Severity};
use crate::schema::{CellKey, ColumnKey, RowKey, TableKey};

pub static RULE: Rule = Rule {
    id: "T2-FEE-UNIT",
    severity: Severity::Warning,
    title: "表二（2021年版）“行政事业性收费”的本年收费金额以万元为单位。",
    why: "按元填写会把金额放大一万倍，与其他单位的数据无法比较。",
    fix: "把金额换算成万元（元 ÷ 10000）后填写，不要带单位“元”。",
    check,
};

const KEY: CellKey = CellKey::new(TableKey::Active, RowKey::Fees, ColumnKey::AmountWan);

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    let Some(cell) = p.cell(KEY) else { return };
    if cell.value.unit() == Some("元") {
        out.push(
            RULE.finding(format!("表二“行政事业性收费”的本年收费金额应以万元为单位，但单元格写的是“{}”（元）。", cell.raw))
                .cells([KEY])
                .line(cell.span.line),
        );
    }
    // An amount in 元 first: a look at a few amounts spares most sentences the search for the words.
    for sentence in &p.prose.sentences {
        let Some(amount) = sentence.amounts.iter().find(|a| a.unit == "元") else { continue };
        if sentence.contains("行政事业性收费") {
            out.push(
                RULE.finding(format!(
                    "正文“{}”中行政事业性收费以“元”为单位；表二要求以万元填写，请确认表中数字的单位。",
                    sentence.excerpt(amount.at)
                ))
                .cells([KEY])
                .line(p.source.span(amount.start_byte, amount.end_byte).line),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::figures::fixture::with_sentence;
    use crate::testing::{edited, findings, SYNTHETIC_2021};

    #[test]
    fn fires_on_yuan_in_the_cell_or_the_prose() {
        let found = findings(&edited("行政事业性收费\t12.5", "行政事业性收费\t125000元"), "T2-FEE-UNIT");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells, ["active.fees.amount_wan"]);
        let found = findings(&with_sentence("全年行政事业性收费125000元。"), "T2-FEE-UNIT");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, Some(5));
    }

    #[test]
    fn silent_on_wan_and_on_the_information_fee() {
        assert!(findings(&with_sentence("全年收取政府信息公开信息处理费3940元。"), "T2-FEE-UNIT").is_empty());
        assert!(findings(SYNTHETIC_2021, "T2-FEE-UNIT").is_empty());
    }
}
