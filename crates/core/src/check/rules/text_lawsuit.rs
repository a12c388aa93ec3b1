//! TEXT-LAWSUIT: 行政诉讼 N 件 (and its results) in the prose, and "均获维持", against the sum of
//! 表四's two lawsuit groups.

use super::{Context, Rule};
use crate::check::figures::{all_upheld, compare, Target};
use crate::check::finding::{Finding, Severity};
use crate::read::prose::{Claim, Topic};
use crate::schema::{column_def, CellKey, ColumnKey, RowKey, TableKey};

pub static RULE: Rule = Rule {
    id: "TEXT-LAWSUIT",
    severity: Severity::Warning,
    title: "正文中行政诉讼的件数及结果应与表四“未经复议直接起诉”与“复议后起诉”两组之和一致。",
    why: "正文与表格数字不一致会让读者无所适从。",
    fix: "以表四为准修改正文；行政诉讼件数为两组之和。",
    check,
};

const GROUPS: [RowKey; 2] = [RowKey::LawsuitDirect, RowKey::LawsuitAfterReview];

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    for m in &p.prose.mentions {
        let Topic::Lawsuit(column) = m.topic else {
            continue;
        };
        let column = column.unwrap_or(ColumnKey::Total);
        let what = format!("表四两组行政诉讼“{}”之和", column_def(TableKey::Reviews, column).label);
        let cells = GROUPS.iter().map(|&g| CellKey::new(TableKey::Reviews, g, column)).collect();
        out.extend(compare(&RULE, p, m, &Target::new(p, what, cells).into_iter().collect::<Vec<_>>()));
    }
    all_upheld(&RULE, p, Claim::LawsuitAllUpheld, &GROUPS, "行政诉讼", out);
}

#[cfg(test)]
mod tests {
    use crate::check::figures::fixture::with_sentence;
    use crate::testing::{findings, SYNTHETIC_2021};

    #[test]
    fn fires_when_the_prose_disagrees() {
        // 表四: 直接起诉 总计 1, 复议后起诉 总计 1.
        let found = findings(&with_sentence("被提起行政诉讼3件。"), "TEXT-LAWSUIT");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells, ["reviews.lawsuit_direct.total", "reviews.lawsuit_after_review.total"]);
        assert_eq!((found[0].expected, found[0].actual), (Some(2.0), Some(3.0)));
    }

    #[test]
    fn silent_when_it_agrees() {
        assert!(findings(&with_sentence("被提起行政诉讼2件，其中结果维持1件，其他结果1件。"), "TEXT-LAWSUIT").is_empty());
        assert!(findings(SYNTHETIC_2021, "TEXT-LAWSUIT").is_empty());
    }
}
