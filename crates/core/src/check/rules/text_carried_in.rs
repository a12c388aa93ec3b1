//! TEXT-CARRIED-IN: 上年结转 N 件 in the prose, against 表三 `carried_in.total`.

use super::{Context, Rule};
use crate::check::figures::check_topic;
use crate::check::finding::{Finding, Severity};
use crate::read::prose::Topic;
use crate::schema::RowKey;

pub static RULE: Rule = Rule {
    id: "TEXT-CARRIED-IN",
    severity: Severity::Warning,
    title: "正文中“上年结转 N 件”应与表三“上年结转政府信息公开申请数量”的总计一致。",
    why: "正文与表格数字不一致会让读者无所适从。",
    fix: "以表三为准修改正文数字。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    check_topic(&RULE, cx.report, Topic::CarriedIn, &[("表三“上年结转政府信息公开申请数量”总计", &[RowKey::CarriedIn])], out);
}

#[cfg(test)]
mod tests {
    #[test]
    fn fires_when_the_prose_disagrees_and_stays_silent_when_it_agrees() {
        let (wrong, right) = ("受理申请27件，另有上年结转申请4件。", "受理申请27件，另有上年结转申请3件。");
        crate::check::figures::fixture::assert_fires_and_stays_silent(
            "TEXT-CARRIED-IN",
            wrong,
            &["applications.carried_in.total"],
            (3.0, 4.0),
            right,
        );
    }
}
