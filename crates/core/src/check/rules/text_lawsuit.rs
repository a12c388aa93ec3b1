//! TEXT-LAWSUIT: 行政诉讼 N 件 (and its results) in the prose, against the sum of 表四's two lawsuit
//! groups (未经复议直接起诉 + 复议后起诉).

use super::{Context, Rule};
use crate::check::figures::{compare, Target};
use crate::check::finding::{Finding, Severity};
use crate::check::sums::fmt;
use crate::read::prose::{Claim, Topic};
use crate::schema::column_label;
use crate::TableKey;

pub static RULE: Rule = Rule {
    id: "TEXT-LAWSUIT",
    severity: Severity::Warning,
    title: "正文中行政诉讼的件数及结果应与表四“未经复议直接起诉”与“复议后起诉”两组之和一致。",
    why: "正文与表格数字不一致会让读者无所适从。",
    fix: "以表四为准修改正文；行政诉讼件数为两组之和。",
    check,
};

fn cells(column: &str) -> Vec<String> {
    vec![format!("reviews.lawsuit_direct.{column}"), format!("reviews.lawsuit_after_review.{column}")]
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    for m in &p.prose.mentions {
        let Topic::Lawsuit(column) = m.topic else {
            continue;
        };
        let column = column.unwrap_or("total");
        let what = format!("表四两组行政诉讼“{}”之和", column_label(TableKey::Reviews, column));
        let targets: Vec<Target> = Target::new(p, what, cells(column)).into_iter().collect();
        out.extend(compare(&RULE, p, m, &targets));
    }
    for &(claim, index) in &p.prose.claims {
        if claim != Claim::LawsuitAllUpheld {
            continue;
        }
        let (Some(upheld), Some(total)) = (Target::new(p, "", cells("upheld")), Target::new(p, "", cells("total"))) else {
            continue;
        };
        if upheld.value < total.value {
            let sentence = &p.prose.sentences[index];
            out.push(
                RULE.finding(format!(
                    "正文“{}”称行政诉讼结果均为维持，但表四行政诉讼共 {} 件，其中结果维持只有 {} 件。",
                    sentence.excerpt(0),
                    fmt(total.value),
                    fmt(upheld.value)
                ))
                .cells(upheld.cells.into_iter().chain(total.cells))
                .expected_actual(total.value, upheld.value)
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
