//! TEXT-PROCESSED: 办结/答复 N 件 in the prose, against 表三 `processed.total`.

use super::{Context, Rule};
use crate::check::figures::check_topic;
use crate::check::finding::{Finding, Severity};
use crate::read::prose::Topic;
use crate::schema::RowKey;

pub static RULE: Rule = Rule {
    id: "TEXT-PROCESSED",
    severity: Severity::Warning,
    title: "正文中“办结/答复申请 N 件”应与表三“（七）总计”的总计一致。",
    why: "正文与表格数字不一致会让读者无所适从。",
    fix: "以表三为准修改正文数字。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    check_topic(&RULE, cx.report, Topic::Processed, &[("表三“（七）总计”的总计", &[RowKey::Processed])], out);
}

#[cfg(test)]
mod tests {
    use crate::check::figures::fixture::with_sentence;
    use crate::testing::{findings, SYNTHETIC_2021};

    #[test]
    fn fires_when_the_prose_disagrees() {
        let found = findings(&with_sentence("全年共受理申请27件，办结申请30件。"), "TEXT-PROCESSED");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells, ["applications.processed.total"]);
        assert_eq!((found[0].expected, found[0].actual), (Some(29.0), Some(30.0)));
    }

    #[test]
    fn silent_when_it_agrees() {
        assert!(findings(&with_sentence("全年共受理申请27件，办结申请29件。"), "TEXT-PROCESSED").is_empty());
        assert!(findings(SYNTHETIC_2021, "TEXT-PROCESSED").is_empty());
    }
}
