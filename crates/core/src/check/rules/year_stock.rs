//! YEAR-STOCK (2021 → 2021): `in_force(Y) = in_force(Y−1) + issued(Y) − repealed(Y)` for 规章 and
//! 行政规范性文件. Across the 2020 → 2021 format change 表二 is not compared, and this says why.

use super::{Context, Rule};
use crate::check::finding::{show, Finding, Severity};
use crate::schema::{CellKey, ColumnKey, RowKey, TableKey};
use ColumnKey::{InForce, Issued, Repealed};

pub static RULE: Rule = Rule {
    id: "YEAR-STOCK",
    severity: Severity::Warning,
    title: "（2021年版）本年度现行有效件数 = 上一年度现行有效件数 + 本年制发件数 − 本年废止件数（规章、行政规范性文件）。",
    why: "现行有效件数是存量，应与上一年度的存量和本年的增减衔接。",
    fix: "核对现行有效件数，或核对本年制发、废止件数。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let (p, Some(prev)) = (cx.report, cx.previous) else {
        return;
    };
    if prev.year.zip(p.year).is_some_and(|(a, b)| a != b - 1) {
        return; // YEAR-CARRY says the years do not follow.
    }
    let has = |r: &crate::Parsed, col: ColumnKey| r.cells_of(TableKey::Active).any(|c| c.key.column == col);
    if has(p, ColumnKey::InForce) && has(prev, ColumnKey::PublicTotal) {
        out.push(
            RULE.finding("上一年度报告使用2019年版格式、本年度使用2021年版格式，表二的栏目含义已经改变（“对外公开总数量”不同于“现行有效件数”），不做跨年比较。")
                .severity(Severity::Info),
        );
        return;
    }
    for row in [RowKey::Rules, RowKey::Normative] {
        let key = |col| CellKey::new(TableKey::Active, row, col);
        let (Some(before), Some(issued), Some(repealed), Some(now)) =
            (prev.value(key(InForce)), p.value(key(Issued)), p.value(key(Repealed)), p.value(key(InForce)))
        else {
            continue;
        };
        let expected = before + issued - repealed;
        if (expected - now).abs() > 1e-6 {
            out.push(
                RULE.finding(format!(
                    "表二“{}”：上一年度现行有效 {} + 本年制发 {} − 本年废止 {} = {}，但本年度现行有效件数为 {}。",
                    key(InForce).row_label(),
                    show(before),
                    show(issued),
                    show(repealed),
                    show(expected),
                    show(now)
                ))
                .cells([key(Issued), key(Repealed), key(InForce)])
                .expected_actual(expected, now)
                .line(p.cell(key(InForce)).map_or(1, |c| c.span.line)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, edited, SYNTHETIC_2021};

    fn pair(current: &str, previous: &str) -> Vec<crate::Finding> {
        let previous = check(previous).parsed;
        crate::check_with_previous(check(current).parsed, &previous).findings.into_iter().filter(|f| f.rule == "YEAR-STOCK").collect()
    }

    fn last_year(normative: &str) -> String {
        edited("行政规范性文件\t8\t2\t30", &format!("行政规范性文件\t{normative}"))
            .replace("规章\t1\t0\t5", "规章\t0\t0\t4")
            .replace("2023年", "2022年")
    }

    #[test]
    fn fires_when_the_stock_does_not_follow() {
        // This year: issued 8, repealed 2, in force 30; last year in force 20 → expected 26.
        let found = pair(SYNTHETIC_2021, &last_year("5\t0\t20"));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells, ["active.normative.issued", "active.normative.repealed", "active.normative.in_force"]);
        assert_eq!((found[0].expected, found[0].actual), (Some(26.0), Some(30.0)));
    }

    #[test]
    fn silent_when_it_follows_and_refuses_across_the_format_change() {
        assert!(pair(SYNTHETIC_2021, &last_year("5\t0\t24")).is_empty());
        let old = "示例市人民政府\n2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t4\n规范性文件\t2\t2\t24\n三、收到和处理政府信息公开申请情况\n";
        let found = pair(SYNTHETIC_2021, old);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, crate::Severity::Info);
        assert!(found[0].message.contains("不做跨年比较"));
    }
}
