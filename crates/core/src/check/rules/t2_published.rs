//! T2-PUBLISHED (2019 format): for 规章 and 规范性文件, `published ≤ public_total`.

use super::{Context, Rule};
use crate::check::finding::{Finding, Severity};
use crate::check::sums::{fmt, key};
use crate::schema::{row_label, TableKey};

pub static RULE: Rule = Rule {
    id: "T2-PUBLISHED",
    severity: Severity::Warning,
    title: "表二（2019年版）规章、规范性文件：本年新公开数量不应大于对外公开总数量。",
    why: "对外公开总数量包含本年新公开的文件，后者不可能更多。",
    fix: "核对两栏数字，确认“对外公开总数量”是否为累计数。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    let t = TableKey::Active;
    for row in ["rules", "normative"] {
        let (published, total) = (key(t, row, "published"), key(t, row, "public_total"));
        let (Some(a), Some(b)) = (p.cell(&published).and_then(|c| c.number()), p.cell(&total).and_then(|c| c.number())) else {
            continue;
        };
        if a > b {
            out.push(
                RULE.finding(format!("表二“{}”：本年新公开数量 {} 大于对外公开总数量 {}。", row_label(t, row), fmt(a), fmt(b)))
                    .cells([published, total.clone()])
                    .expected_actual(b, a)
                    .line(p.cell(&total).map_or(1, |c| c.span.line)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, findings};

    const REPORT_2019: &str = "示例镇2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t2\t2\t9\n三、收到和处理政府信息公开申请情况\n";

    #[test]
    fn fires_when_more_were_published_than_exist() {
        let text = REPORT_2019.replace("规范性文件\t2\t2\t9", "规范性文件\t2\t12\t9");
        let found = findings(&text, "T2-PUBLISHED");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells, ["active.normative.published", "active.normative.public_total"]);
        assert_eq!((found[0].expected, found[0].actual), (Some(9.0), Some(12.0)));
    }

    #[test]
    fn silent_when_published_is_within_the_total() {
        assert_eq!(check(REPORT_2019).parsed.value("active.normative.public_total"), Some(9.0));
        assert!(findings(REPORT_2019, "T2-PUBLISHED").is_empty());
    }
}
