//! TEXT-NEW: 收到/受理/新收 … 申请 N 件 in the prose, against 表三 `new.total` (or, as the words
//! allow, `new + carried_in`).

use super::{Context, Rule};
use crate::check::figures::check_topic;
use crate::check::finding::{Finding, Severity};
use crate::read::prose::Topic;
use crate::schema::RowKey;

pub static RULE: Rule = Rule {
    id: "TEXT-NEW",
    severity: Severity::Warning,
    title: "正文中“收到/受理/新收申请 N 件”应与表三“本年新收”（或“本年新收 + 上年结转”）的总计一致。",
    why: "读者会同时看正文和表格，两处数字不一致会让人怀疑数据的真实性。",
    fix: "以表三为准修改正文数字；如正文说的是另一口径（如某一部门），请写明。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    check_topic(
        &RULE,
        cx.report,
        Topic::New,
        &[("表三“本年新收政府信息公开申请数量”总计", &[RowKey::New]), ("本年新收与上年结转之和", &[RowKey::New, RowKey::CarriedIn])],
        out,
    );
}

#[cfg(test)]
mod tests {
    use crate::check::figures::fixture::with_sentence;
    use crate::testing::{findings, SYNTHETIC_2021};

    #[test]
    fn fires_when_the_prose_disagrees() {
        let found = findings(&with_sentence("本年度共受理政府信息公开申请28件。"), "TEXT-NEW");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].cells, ["applications.new.total", "applications.carried_in.total"]);
        assert_eq!((found[0].expected, found[0].actual, found[0].line), (Some(27.0), Some(28.0), Some(5)));
        assert!(found[0].message.starts_with("正文“本年度共受理政府信息公开申请28件。”中为 28件，而表三“本年新收政府信息公开申请数量”总计为 27，本年新收与上年结转之和为 30。"), "{}", found[0].message);
    }

    #[test]
    fn accepts_new_or_new_plus_carried_in_and_skips_approximations() {
        for sentence in ["收到政府信息公开申请27件。", "共受理申请30件（含上年结转）。", "收到申请近50件。", "受理申请二十七件。"]
        {
            assert!(findings(&with_sentence(sentence), "TEXT-NEW").is_empty(), "{sentence}");
        }
        assert!(findings(SYNTHETIC_2021, "TEXT-NEW").is_empty());
    }
}
