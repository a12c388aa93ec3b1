//! SEC1-AREAS: 总体情况 should cover 主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障.

use super::{Context, Rule};
use crate::check::finding::{Finding, Severity};
use crate::text::skeleton;

pub static RULE: Rule = Rule {
    id: "SEC1-AREAS",
    severity: Severity::Info,
    title: "“总体情况”一般应分别介绍主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面。",
    why: "2021年版格式的总体情况按这五个方面组织；缺少某一方面，读者无从了解该项工作。",
    fix: "补写缺少的方面（可用“（一）主动公开情况”等小标题）。",
    check,
};

/// Each area and the words that show it is covered.
const AREAS: &[(&str, &[&str])] = &[
    ("主动公开", &["主动公开"]),
    ("依申请公开", &["依申请", "申请公开"]),
    ("政府信息管理", &["信息管理"]),
    ("平台建设", &["平台"]),
    ("监督保障", &["监督", "保障"]),
];

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    let Some((line, body)) = p.section_body(1) else {
        return;
    };
    // A word in the text as written is in its skeleton too: the skeleton is made only when some
    // area is not found as written.
    if AREAS.iter().all(|(_, words)| words.iter().any(|w| body.contains(w))) {
        return;
    }
    let text = skeleton(&body);
    let missing: Vec<&str> = AREAS.iter().filter(|(_, words)| !words.iter().any(|w| text.contains(w))).map(|(area, _)| *area).collect();
    if !missing.is_empty() {
        out.push(RULE.finding(format!("总体情况中没有找到以下方面的介绍：{}。", missing.join("、"))).line(line));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, findings, SYNTHETIC_2021};
    use crate::Severity;

    #[test]
    fn fires_on_missing_areas() {
        let text =
            SYNTHETIC_2021.replacen("扎实做好主动公开、依申请公开、政府信息管理、平台建设和监督保障工作", "扎实做好依申请公开工作", 1);
        let found = findings(&text, "SEC1-AREAS");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
        assert_eq!(found[0].message, "总体情况中没有找到以下方面的介绍：主动公开、政府信息管理、平台建设、监督保障。");
    }

    #[test]
    fn silent_when_all_five_are_there() {
        assert!(check(SYNTHETIC_2021).findings.iter().all(|f| f.rule != "SEC1-AREAS"));
    }
}
