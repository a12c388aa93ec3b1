//! TEXT-REVIEW: 行政复议 N 件 (and 维持/纠正/… N 件) in the prose, and "均获维持", against 表四
//! `reviews.review.*`.

use super::{Context, Rule};
use crate::check::figures::{all_upheld, compare, Target};
use crate::check::finding::{Finding, Severity};
use crate::read::prose::{Claim, Topic};
use crate::schema::{CellKey, ColumnKey, RowKey, TableKey};

pub static RULE: Rule = Rule {
    id: "TEXT-REVIEW",
    severity: Severity::Warning,
    title: "正文中行政复议的件数及结果应与表四“行政复议”一致。",
    why: "正文与表格数字不一致会让读者无所适从；“均获维持”等概括性表述也要与表四相符。",
    fix: "以表四为准修改正文。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    for m in &p.prose.mentions {
        let Topic::Review(column) = m.topic else {
            continue;
        };
        let cell = CellKey::new(TableKey::Reviews, RowKey::Review, column.unwrap_or(ColumnKey::Total));
        let what = format!("表四“行政复议”{}", cell.column_def().label);
        out.extend(compare(&RULE, p, m, &Target::new(p, what, vec![cell]).into_iter().collect::<Vec<_>>()));
    }
    all_upheld(&RULE, p, Claim::ReviewAllUpheld, &[RowKey::Review], "行政复议", out);
}

#[cfg(test)]
mod tests {
    use crate::check::figures::fixture::with_sentence;
    use crate::testing::{findings, SYNTHETIC_2021};

    #[test]
    fn fires_on_a_wrong_count_and_on_all_upheld() {
        // 表四 行政复议: 维持 2, 纠正 1, 其他 0, 尚未审结 1, 总计 4.
        let found = findings(&with_sentence("被申请行政复议5件，其中结果维持2件。"), "TEXT-REVIEW");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells, ["reviews.review.total"]);
        assert_eq!((found[0].expected, found[0].actual), (Some(4.0), Some(5.0)));

        let found = findings(&with_sentence("行政复议案件均获维持。"), "TEXT-REVIEW");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].expected, found[0].actual), (Some(4.0), Some(2.0)));
        assert!(found[0].message.contains("称行政复议结果均为维持"));
    }

    #[test]
    fn silent_when_it_agrees() {
        let text = with_sentence("被申请行政复议4件，其中结果维持2件，结果纠正1件，尚未审结1件。");
        assert!(findings(&text, "TEXT-REVIEW").is_empty());
        assert!(findings(SYNTHETIC_2021, "TEXT-REVIEW").is_empty());
    }
}
