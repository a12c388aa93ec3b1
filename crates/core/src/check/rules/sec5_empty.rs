//! SEC5-EMPTY: section 五 is empty, `无`, or has no improvement measures.

use super::{Context, Rule};
use crate::check::finding::{Finding, Severity};
use crate::text::skeleton;

pub static RULE: Rule = Rule {
    id: "SEC5-EMPTY",
    severity: Severity::Warning,
    title: "“存在的主要问题及改进情况”应写明存在的问题和改进措施，不能空着或只写“无”。",
    why: "《政府信息公开条例》第五十条要求年度报告包括存在的主要问题及改进情况。",
    fix: "如实写出本年度工作中的不足，以及下一步的改进措施。",
    check,
};

/// Words that show improvement measures are stated.
const MEASURES: &[&str] =
    &["下一步", "改进", "将", "加强", "措施", "进一步", "持续", "推进", "完善", "提升", "提高", "整改", "优化", "健全"];

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    let Some((line, body)) = p.section_body(5) else {
        return;
    };
    // A measure in the text as written is in its skeleton too, which then is neither empty nor 无.
    if MEASURES.iter().any(|w| body.contains(w)) {
        return;
    }
    let text = skeleton(&body);
    let problem = if text.is_empty() {
        "内容为空"
    } else if matches!(text.as_str(), "无" | "暂无" | "没有") {
        "只写了“无”"
    } else if !MEASURES.iter().any(|w| text.contains(w)) {
        "没有写改进措施"
    } else {
        return;
    };
    out.push(RULE.finding(format!("第五部分“存在的主要问题及改进情况”{problem}。")).line(line));
}

#[cfg(test)]
mod tests {
    use crate::testing::{edited, findings, SYNTHETIC_2021};

    const BODY: &str = "一是政策解读形式较为单一；二是依申请公开答复规范性有待提高。下一步，我区将丰富解读形式，加强答复文书审核。\n";

    #[test]
    fn fires_on_nothing_or_no_measures() {
        for (body, problem) in [("无。\n", "只写了“无”"), ("", "内容为空"), ("政策解读形式较为单一。\n", "没有写改进措施")]
        {
            let found = findings(&edited(BODY, body), "SEC5-EMPTY");
            assert_eq!(found.len(), 1, "{body}");
            assert_eq!(found[0].message, format!("第五部分“存在的主要问题及改进情况”{problem}。"));
        }
    }

    #[test]
    fn silent_with_measures() {
        assert!(findings(SYNTHETIC_2021, "SEC5-EMPTY").is_empty());
    }
}
