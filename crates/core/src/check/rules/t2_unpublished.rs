//! T2-UNPUBLISHED (2019 format): 规范性文件 take effect only when published (国办发〔2018〕37号),
//! so `made > published` is suspicious.

use super::{Context, Rule};
use crate::check::comparisons::{self, Bound};
use crate::check::finding::{show, Finding, Severity};
use crate::schema::{ColumnKey, RowKey};

pub static RULE: Rule = Rule {
    id: "T2-UNPUBLISHED",
    severity: Severity::Warning,
    title: "表二（2019年版）规范性文件：本年新公开数量一般不少于本年新制作数量。",
    why:
        "行政规范性文件必须公开发布，未经公布的不得作为行政管理依据（国办发〔2018〕37号）；新制作多于新公开，说明有文件未公开，或两栏填反。",
    fix: "核对本年新制作、新公开的规范性文件件数；确有未公开的，应说明原因并及时公开。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let columns = (ColumnKey::Published, ColumnKey::Made, Bound::AtLeast);
    comparisons::check(
        &RULE,
        cx.report,
        &[RowKey::Normative],
        columns,
        |row, published, made| {
            format!(
                "表二“{row}”行：“本年新制作数量”为 {}，而“本年新公开数量”只有 {}；规范性文件须公开发布才能生效。",
                show(made),
                show(published)
            )
        },
        out,
    );
}

#[cfg(test)]
mod tests {
    use crate::testing::{findings, ACTIVE_2019, SYNTHETIC_2021};

    #[test]
    fn fires_when_fewer_were_published_than_made() {
        let text = ACTIVE_2019.replace("规范性文件\t2\t2\t9", "规范性文件\t5\t2\t9");
        let found = findings(&text, "T2-UNPUBLISHED");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].cells, ["active.normative.made", "active.normative.published"]);
        assert_eq!((found[0].expected, found[0].actual), (Some(5.0), Some(2.0)));
        assert_eq!(found[0].message, "表二“规范性文件”行：“本年新制作数量”为 5，而“本年新公开数量”只有 2；规范性文件须公开发布才能生效。");
    }

    #[test]
    fn silent_when_all_were_published_and_for_2021_reports() {
        assert!(findings(ACTIVE_2019, "T2-UNPUBLISHED").is_empty());
        let rules_only = ACTIVE_2019.replace("规章\t0\t0\t0", "规章\t3\t1\t4");
        assert!(findings(&rules_only, "T2-UNPUBLISHED").is_empty(), "规章 are not 规范性文件");
        assert!(findings(SYNTHETIC_2021, "T2-UNPUBLISHED").is_empty());
    }
}
