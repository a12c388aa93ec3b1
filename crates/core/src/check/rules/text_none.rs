//! TEXT-NONE: "无依申请公开", "未收到…申请", "未发生…行政复议" while the table is non-zero.

use super::{Context, Rule};
use crate::check::figures::{totals, Target};
use crate::check::finding::{show, Finding, Severity};
use crate::read::prose::Claim;
use crate::schema::{CellKey, ColumnKey, RowKey, TableKey};

pub static RULE: Rule = Rule {
    id: "TEXT-NONE",
    severity: Severity::Warning,
    title: "正文说“未收到申请”“未发生行政复议/诉讼”时，表三、表四对应的数字应为 0。",
    why: "正文与表格相互矛盾，读者无法判断哪一个是真的。",
    fix: "核对表格数字；若确有申请或案件，请修改正文。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    let review_total = |g| CellKey::new(TableKey::Reviews, g, ColumnKey::Total);
    for &(claim, index) in &p.prose.claims {
        let (what, cells) = match claim {
            Claim::NoApplications => ("表三本年新收与上年结转的申请", totals(&[RowKey::New, RowKey::CarriedIn])),
            Claim::NoReview => ("表四“行政复议”总计", vec![review_total(RowKey::Review)]),
            Claim::NoLawsuit => {
                ("表四行政诉讼两组总计", vec![review_total(RowKey::LawsuitDirect), review_total(RowKey::LawsuitAfterReview)])
            }
            Claim::ReviewAllUpheld | Claim::LawsuitAllUpheld => continue,
        };
        let Some(target) = Target::new(p, what, cells) else {
            continue;
        };
        if target.value > 0.0 {
            let sentence = &p.prose.sentences[index];
            out.push(
                RULE.finding(format!("正文“{}”表示没有此类情况，但{}共 {} 件。", sentence.excerpt(0), what, show(target.value)))
                    .cells(target.cells)
                    .expected_actual(target.value, 0.0)
                    .line(sentence.line),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::figures::fixture::with_sentence;
    use crate::testing::{findings, SYNTHETIC_2021};

    #[test]
    fn fires_when_the_table_is_not_zero() {
        let found = findings(&with_sentence("本年度未收到政府信息公开申请，未发生行政复议。"), "TEXT-NONE");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].cells, ["applications.new.total", "applications.carried_in.total"]);
        assert_eq!((found[0].expected, found[0].actual), (Some(30.0), Some(0.0)));
        assert_eq!(found[1].cells, ["reviews.review.total"]);
    }

    #[test]
    fn silent_when_the_table_is_zero_or_the_sentence_counts() {
        let text = with_sentence("本年度未发生行政复议。").replacen("2\t1\t0\t1\t4\t", "0\t0\t0\t0\t0\t", 1);
        assert!(findings(&text, "TEXT-NONE").is_empty());
        assert!(findings(SYNTHETIC_2021, "TEXT-NONE").is_empty());
    }
}
