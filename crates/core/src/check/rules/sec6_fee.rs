//! SEC6-FEE (2021+): section 六 should say whether 信息处理费 was charged (国办函〔2020〕109号),
//! and should report a fee when applications were dropped for not paying one.

use super::{Context, Rule};
use crate::check::finding::{show, Finding, Severity};
use crate::schema::{CellKey, ColumnKey, Format, RowKey, TableKey};
use crate::text::skeleton;

pub static RULE: Rule = Rule {
    id: "SEC6-FEE",
    severity: Severity::Warning,
    title: "2021年度起，“其他需要报告的事项”应说明是否收取信息处理费（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）。",
    why: "2021年版格式要求报告信息处理费的收取情况；表三中因逾期未缴费而不再处理的申请，也说明曾发出收费通知。",
    fix: "在第六部分写明本年度是否收取信息处理费及金额（未收取的写“未收取”）。",
    check,
};

const KEY: CellKey = CellKey::new(TableKey::Applications, RowKey::OtherNoFee, ColumnKey::Total);

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    let applies = match p.year {
        Some(year) => year >= 2021,
        None => matches!(p.format, Format::F2021 | Format::Mixed),
    };
    let Some((line, body)) = p.section_body(6).filter(|_| applies) else {
        return;
    };
    let text = skeleton(&body);
    let mentions_fee = ["处理费", "收费", "收取费用"].iter().any(|w| text.contains(w));
    let says_none = ["未收取", "没有收取", "不收取", "未收", "收取信息处理费0元", "处理费0元", "零元"].iter().any(|w| text.contains(w));
    if !mentions_fee {
        out.push(RULE.finding("第六部分“其他需要报告的事项”没有说明本年度是否收取信息处理费。").line(line));
    } else if says_none {
        if let Some(dropped) = p.value(KEY).filter(|v| *v > 0.0) {
            out.push(
                RULE.finding(format!(
                    "第六部分说未收取信息处理费，但表三有 {} 件申请因“逾期未按收费通知要求缴纳费用”而不再处理，说明曾发出收费通知，请核对。",
                    show(dropped)
                ))
                .cells([KEY])
                .line(line),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edited, findings, SYNTHETIC_2021};

    #[test]
    fn fires_when_silent_or_contradicted() {
        let found = findings(&edited("本年度未收取信息处理费。\n", "无。\n"), "SEC6-FEE");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("没有说明本年度是否收取信息处理费"));
        let text = edited(
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t2\t0\t0\t0\t0\t0\t2",
        );
        let found = findings(&text, "SEC6-FEE");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells, ["applications.other_no_fee.total"]);
    }

    #[test]
    fn silent_when_the_fee_is_reported_or_before_2021() {
        assert!(findings(SYNTHETIC_2021, "SEC6-FEE").is_empty());
        let old =
            edited("本年度未收取信息处理费。\n", "无。\n").replace("2023年政府信息公开工作年度报告", "2020年政府信息公开工作年度报告");
        assert!(findings(&old, "SEC6-FEE").is_empty());
    }
}
