//! TEMPLATE-MIXED: rows or columns from both the 2019 and the 2021 format in one report.

use super::{Context, Rule};
use crate::check::finding::{Finding, Severity};
use crate::schema::Format;

pub static RULE: Rule = Rule {
    id: "TEMPLATE-MIXED",
    severity: Severity::Warning,
    title: "同一份报告的统计表应统一使用一种格式，不应混用2019年版和2021年版的行或栏目。",
    why: "新旧格式的栏目含义不同（例如表三“（六）其他处理”在2021年版中分为三项），混用会使数据无法与其他单位比较。",
    fix: "统一改为2021年版格式（2021年度及以后的报告）。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    if p.format != Format::Mixed {
        return;
    }
    let list = |f: Format| {
        p.markers
            .iter()
            .filter(|m| m.format == f)
            .map(|m| format!("{}“{}”", m.table.title().split('（').next().unwrap_or(""), m.text))
            .collect::<Vec<_>>()
            .join("、")
    };
    let line = p.markers.iter().find(|m| m.format == Format::F2019).map(|m| m.line).unwrap_or(1);
    out.push(
        RULE.finding(format!("报告混用了新旧两种格式：2021年版的{}，以及2019年版的{}。", list(Format::F2021), list(Format::F2019)))
            .line(line),
    );
}

#[cfg(test)]
mod tests {
    use crate::testing::{edited, findings, SYNTHETIC_2021};

    #[test]
    fn fires_on_a_2019_single_other_row_in_a_2021_table() {
        let text = edited(
            "（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t1\t0\t1\n2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n3.其他\t0\t0\t0\t0\t0\t0\t0\n",
            "（六）其他处理\t0\t0\t0\t0\t1\t0\t1\n",
        );
        let found = findings(&text, "TEMPLATE-MIXED");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("2019年版的表三“（六）其他处理（单行）”"), "{}", found[0].message);
    }

    #[test]
    fn silent_on_a_2021_table_that_shortens_its_row_to_the_2019_label() {
        let text = edited("行政规范性文件\t", "规范性文件\t");
        assert!(findings(&text, "TEMPLATE-MIXED").is_empty());
        assert_eq!(crate::testing::check(&text).parsed.format, crate::schema::Format::F2021);
    }

    #[test]
    fn silent_on_one_format() {
        assert!(findings(SYNTHETIC_2021, "TEMPLATE-MIXED").is_empty());
    }
}
