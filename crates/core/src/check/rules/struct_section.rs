//! STRUCT-SECTION: one of the six sections is missing or out of order.

use super::{Context, Rule};
use crate::check::finding::{Finding, Severity};
use crate::read::sections::TITLES;

pub static RULE: Rule = Rule {
    id: "STRUCT-SECTION",
    severity: Severity::Error,
    title: "报告应依次包含六个部分：总体情况、主动公开、收到和处理申请、行政复议和行政诉讼、存在的主要问题及改进情况、其他需要报告的事项。",
    why: "《政府信息公开条例》第五十条规定了年度报告必须包括的内容，缺少部分或顺序错乱的报告不符合统一格式。",
    fix: "补上缺少的部分，按“一”至“六”的顺序排列，标题使用标准写法（如“三、收到和处理政府信息公开申请情况”）。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    for (i, (title, _)) in TITLES.iter().enumerate() {
        let no = i as u8 + 1;
        if !p.sections.iter().any(|s| s.no == no) {
            out.push(RULE.finding(format!("缺少第{}部分“{}”（未找到该部分的标题）。", numeral(no), title)));
        }
    }
    for pair in p.sections.windows(2) {
        if pair[1].no < pair[0].no {
            out.push(
                RULE.finding(format!(
                    "第{}部分“{}”出现在第{}部分“{}”之后，顺序不对。",
                    numeral(pair[1].no),
                    pair[1].title,
                    numeral(pair[0].no),
                    pair[0].title
                ))
                .line(pair[1].line),
            );
        }
    }
}

fn numeral(no: u8) -> &'static str {
    ["一", "二", "三", "四", "五", "六"][no as usize - 1]
}

#[cfg(test)]
mod tests {
    use crate::testing::{edited, findings, SYNTHETIC_2021};

    #[test]
    fn fires_on_a_missing_section() {
        let text = edited("五、存在的主要问题及改进情况\n", "");
        let found = findings(&text, "STRUCT-SECTION");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("缺少第五部分“存在的主要问题及改进情况”"));
    }

    #[test]
    fn fires_on_sections_out_of_order() {
        let text = edited("六、其他需要报告的事项\n本年度未收取信息处理费。\n", "").replacen(
            "一、总体情况\n",
            "一、总体情况\n六、其他需要报告的事项\n",
            1,
        );
        let found = findings(&text, "STRUCT-SECTION");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("第二部分“主动公开政府信息情况”出现在第六部分"), "{}", found[0].message);
    }

    #[test]
    fn silent_when_all_six_are_in_order() {
        assert!(findings(SYNTHETIC_2021, "STRUCT-SECTION").is_empty());
    }
}
