//! YEAR-ITEMS (2019 → 2019): `prev_items(Y) = prev_items(Y−1) + change(Y−1)` for 行政许可 …
//! 行政事业性收费.

use super::{Context, Rule};
use crate::check::finding::{show, Finding, Severity};
use crate::schema::{CellKey, ColumnKey, RowKey, TableKey};

pub static RULE: Rule = Rule {
    id: "YEAR-ITEMS",
    severity: Severity::Warning,
    title: "（2019年版）本年度“上一年项目数量”= 上一年度报告的“上一年项目数量”+“本年增/减”。",
    why: "项目数量是存量，两年的报告应当衔接。",
    fix: "核对本年度的“上一年项目数量”或上一年度的“本年增/减”。",
    check,
};

const ROWS: [RowKey; 5] = [RowKey::Licensing, RowKey::OtherServices, RowKey::Penalty, RowKey::Coercion, RowKey::Fees];

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let (p, Some(prev)) = (cx.report, cx.previous) else {
        return;
    };
    if prev.year.zip(p.year).is_some_and(|(a, b)| a != b - 1) {
        return; // YEAR-CARRY says the years do not follow.
    }
    for row in ROWS {
        let key = |col| CellKey::new(TableKey::Active, row, col);
        let (Some(before), Some(change), Some(now)) =
            (prev.value(key(ColumnKey::PrevItems)), prev.value(key(ColumnKey::Change)), p.value(key(ColumnKey::PrevItems)))
        else {
            continue;
        };
        let expected = before + change;
        if (expected - now).abs() > 1e-6 {
            out.push(
                RULE.finding(format!(
                    "表二“{}”：上一年度报告中上一年项目数量 {} + 本年增/减 {} = {}，但本年度“上一年项目数量”为 {}。",
                    key(ColumnKey::PrevItems).row_label(),
                    show(before),
                    show(change),
                    show(expected),
                    show(now)
                ))
                .cells([key(ColumnKey::PrevItems)])
                .expected_actual(expected, now)
                .line(p.cell(key(ColumnKey::PrevItems)).map_or(1, |c| c.span.line)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::check;

    fn report(year: i32, licensing: &str) -> String {
        format!("示例镇{year}年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t{licensing}\n三、收到和处理政府信息公开申请情况\n")
    }

    fn pair(current: &str, previous: &str) -> Vec<crate::Finding> {
        let previous = check(previous).parsed;
        crate::check_with_previous(check(current).parsed, &previous).findings.into_iter().filter(|f| f.rule == "YEAR-ITEMS").collect()
    }

    #[test]
    fn fires_when_items_do_not_follow() {
        let found = pair(&report(2020, "12\t0\t40"), &report(2019, "10\t+3\t35"));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells, ["active.licensing.prev_items"]);
        assert_eq!((found[0].expected, found[0].actual), (Some(13.0), Some(12.0)));
    }

    #[test]
    fn silent_when_they_follow() {
        assert!(pair(&report(2020, "13\t0\t40"), &report(2019, "10\t+3\t35")).is_empty());
    }
}
