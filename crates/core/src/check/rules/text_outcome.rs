//! TEXT-OUTCOME: 予以公开 / 部分公开 / 予以公开及部分公开 / 不予公开 / 无法提供 / 不予处理 / 其他处理
//! N 件 in the prose, against the row or the group sum of 表三's 总计 column.

use super::{Context, Rule};
use crate::check::figures::{compare, totals, Target};
use crate::check::finding::{Finding, Severity};
use crate::check::sums::outcome_rows;
use crate::read::prose::{Outcome, Topic};
use crate::read::Parsed;
use crate::schema::{row_def, OutcomeGroup, RowKey, TableKey};

pub static RULE: Rule = Rule {
    id: "TEXT-OUTCOME",
    severity: Severity::Warning,
    title: "正文中各类办理结果的件数（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理）应与表三“总计”列一致。",
    why: "常见错误是正文抄了“自然人”一列，或只抄了某一组中的第一小项。",
    fix: "以表三“总计”列为准，按组合计后修改正文数字。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    for m in &p.prose.mentions {
        let Topic::Outcome(outcome) = m.topic else {
            continue;
        };
        let Some((what, rows)) = target_rows(p, outcome) else {
            continue;
        };
        let targets: Vec<Target> = Target::new(p, format!("表三“总计”列{what}"), totals(&rows)).into_iter().collect();
        out.extend(compare(&RULE, p, m, &targets));
    }
}

/// The 表三 rows an outcome word stands for: a row, or the rows of its group the table uses.
fn target_rows(p: &Parsed, outcome: Outcome) -> Option<(&'static str, Vec<RowKey>)> {
    let group = |g: OutcomeGroup| outcome_rows(p).into_iter().filter(|&r| row_def(TableKey::Applications, r).outcome == Some(g)).collect();
    Some(match outcome {
        Outcome::Granted => ("“予以公开”", vec![RowKey::Granted]),
        Outcome::Partial => ("“部分公开”", vec![RowKey::Partial]),
        Outcome::GrantedPartial => ("“予以公开”与“部分公开”之和", vec![RowKey::Granted, RowKey::Partial]),
        Outcome::Denied => ("“不予公开”各项之和", group(OutcomeGroup::Denied)),
        Outcome::Unable => ("“无法提供”各项之和", group(OutcomeGroup::Unable)),
        Outcome::Ignored => ("“不予处理”各项之和", group(OutcomeGroup::Ignored)),
        Outcome::Other => ("“其他处理”", group(OutcomeGroup::Other)),
    })
}

#[cfg(test)]
mod tests {
    use crate::check::figures::fixture::with_sentence;
    use crate::testing::{findings, SYNTHETIC_2021};

    #[test]
    fn fires_on_the_natural_column_and_on_a_single_sub_item() {
        // 予以公开 10 + 部分公开 4 = 14; the 自然人 column gives 8 + 3 = 11. 无法提供 5 + 1 + 0 = 6.
        let found = findings(&with_sentence("全年受理申请27件，予以公开及部分公开11件，无法提供5件。"), "TEXT-OUTCOME");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].cells, ["applications.granted.total", "applications.partial.total"]);
        assert_eq!((found[0].expected, found[0].actual), (Some(14.0), Some(11.0)));
        assert!(found[0].message.contains("可能误取了自然人一列"), "{}", found[0].message);
        assert_eq!(
            found[1].cells,
            ["applications.unable_not_held.total", "applications.unable_needs_making.total", "applications.unable_unclear.total"]
        );
        assert_eq!((found[1].expected, found[1].actual), (Some(6.0), Some(5.0)));
        assert!(found[1].message.contains("只等于其中“（四）无法提供 1.本机关不掌握相关政府信息”一项"), "{}", found[1].message);
    }

    #[test]
    fn silent_when_the_groups_agree() {
        let text = with_sentence("全年受理申请27件，予以公开10件，部分公开4件，不予公开5件，无法提供6件，不予处理3件，其他处理1件。");
        assert!(findings(&text, "TEXT-OUTCOME").is_empty());
        assert!(findings(SYNTHETIC_2021, "TEXT-OUTCOME").is_empty());
    }
}
