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
    #[test]
    fn fires_when_the_prose_disagrees_and_stays_silent_when_it_agrees() {
        let (wrong, right) = ("全年共受理申请27件，办结申请30件。", "全年共受理申请27件，办结申请29件。");
        crate::check::figures::fixture::assert_fires_and_stays_silent(
            "TEXT-PROCESSED",
            wrong,
            &["applications.processed.total"],
            (29.0, 30.0),
            right,
        );
    }
}
