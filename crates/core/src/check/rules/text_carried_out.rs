//! TEXT-CARRIED-OUT: 结转下年度/顺延 N 件 in the prose, against 表三 `carried_out.total`.

use super::{Context, Rule};
use crate::check::figures::check_topic;
use crate::check::finding::{Finding, Severity};
use crate::read::prose::Topic;
use crate::schema::RowKey;

pub static RULE: Rule = Rule {
    id: "TEXT-CARRIED-OUT",
    severity: Severity::Warning,
    title: "正文中“结转下年度/顺延 N 件”应与表三“结转下年度继续办理”的总计一致。",
    why: "正文与表格数字不一致会让读者无所适从。",
    fix: "以表三为准修改正文数字。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    check_topic(&RULE, cx.report, Topic::CarriedOut, &[("表三“结转下年度继续办理”总计", &[RowKey::CarriedOut])], out);
}

#[cfg(test)]
mod tests {
    #[test]
    fn fires_when_the_prose_disagrees_and_stays_silent_when_it_agrees() {
        let (wrong, right) = ("受理申请27件，另有2件顺延到下年度办理。", "受理申请27件，另有1件结转下年度继续办理。");
        crate::check::figures::fixture::assert_fires_and_stays_silent(
            "TEXT-CARRIED-OUT",
            wrong,
            &["applications.carried_out.total"],
            (1.0, 2.0),
            right,
        );
    }
}
