//! TEXT-ACTIVE: 表二 figures stated in the prose (本年制发/废止/现行有效 规章·规范性文件 N 件, 行政许可/
//! 处罚/强制 N 件, 收费 N 万元) against the 表二 cell of that row and column.

use super::{Context, Rule};
use crate::check::figures::{compare, Target};
use crate::check::finding::{Finding, Severity};
use crate::read::prose::Topic;
use crate::schema::{CellKey, TableKey};

pub static RULE: Rule = Rule {
    id: "TEXT-ACTIVE",
    severity: Severity::Warning,
    title: "正文中的规章、规范性文件制发/废止/现行有效件数，行政许可、处罚、强制件数和收费金额应与表二一致。",
    why: "读者会对照正文和表二；同一个数字两处不一致（常见的是“现行有效件数”），会让人怀疑数据的真实性。",
    fix: "以核实后的数字为准，同时修改正文和表二。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    for m in &p.prose.mentions {
        let Topic::Active(row, column) = m.topic else { continue };
        let cell = CellKey::new(TableKey::Active, row, column);
        // Only a cell the report's 表二 has (a 2019 表二 has no 现行有效件数).
        if p.cell(cell).is_none() {
            continue;
        }
        let targets: Vec<Target> = Target::new(p, cell.label(), vec![cell]).into_iter().collect();
        out.extend(compare(&RULE, p, m, &targets));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::figures::fixture::with_sentence;
    use crate::testing::{findings, SYNTHETIC_2021};

    #[test]
    fn fires_when_the_prose_states_another_figure() {
        // 表二 of the synthetic report: 行政规范性文件 8 / 2 / 30, 行政处罚 45, 收费 12.5 万元.
        let found = findings(&with_sentence("本年制发行政规范性文件8件，现行有效规范性文件28件。全年收费12.5万元。"), "TEXT-ACTIVE");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].cells, ["active.normative.in_force"]);
        assert_eq!((found[0].expected, found[0].actual), (Some(30.0), Some(28.0)));
        assert_eq!(
            found[0].message,
            "正文“本年制发行政规范性文件8件，现行有效规范性文件28件。”中为 28件，而表二“行政规范性文件”行“现行有效件数”列为 30。"
        );
        let found = findings(&with_sentence("全年作出行政处罚决定54件。"), "TEXT-ACTIVE");
        assert_eq!(found.iter().map(|f| f.cells[0].to_string()).collect::<Vec<_>>(), ["active.penalty.decisions"]);
    }

    #[test]
    fn silent_when_the_figures_agree_or_are_not_table_figures() {
        for sentence in [
            "本年制发行政规范性文件8件，废止2件，现行有效规范性文件30件。",
            "作出行政处罚决定45件，行政许可120件，收取行政事业性收费12.5万元。",
            "主动公开行政处罚信息300条。",
            "修订内部规章制度5件。",
            "现行有效规范性文件近30件。",
        ] {
            assert!(findings(&with_sentence(sentence), "TEXT-ACTIVE").is_empty(), "{sentence}");
        }
        assert!(findings(SYNTHETIC_2021, "TEXT-ACTIVE").is_empty());
    }
}
