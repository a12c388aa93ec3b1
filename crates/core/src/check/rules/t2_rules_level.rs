//! T2-RULES-LEVEL: only State Council departments and the governments of provinces, 设区的市 and
//! 自治州 make 规章 (《立法法》第九十一、九十三条). A township, a street office, a county-level
//! government or a county's department reporting 规章 has usually counted internal 规章制度.

use super::{Context, Rule};
use crate::check::finding::{show, Finding, Severity};
use crate::read::level;
use crate::schema::{CellKey, ColumnKey, RowKey, TableKey};

pub static RULE: Rule = Rule {
    id: "T2-RULES-LEVEL",
    severity: Severity::Warning,
    title: "乡镇、街道、县级人民政府及其部门没有制定规章的权限，表二“规章”一行应为 0。",
    why: "根据《立法法》第九十一、九十三条，只有国务院部门和省、自治区、直辖市、设区的市、自治州的人民政府可以制定规章；基层单位填报的“规章”多半是把内部“规章制度”算了进去。",
    fix: "核对“规章”一行：内部规章制度不属于规章，应填 0；本单位制发的文件如属行政规范性文件，应计入“行政规范性文件”一行。",
    check,
};

/// The 规章 cells that count documents made or in force: 2021 制发/现行有效, 2019 新制作/对外公开.
const COUNTED: [ColumnKey; 4] = [ColumnKey::Issued, ColumnKey::InForce, ColumnKey::Made, ColumnKey::PublicTotal];

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    let Some((organ, level)) = p.organ.as_deref().and_then(|o| Some((o, level::of(o)?))) else {
        return; // the level is unclear: say nothing
    };
    let cells: Vec<(CellKey, f64)> = COUNTED
        .iter()
        .map(|&c| CellKey::new(TableKey::Active, RowKey::Rules, c))
        .filter_map(|k| Some((k, p.cell(k)?.number()?)))
        .filter(|(_, v)| *v > 0.0)
        .collect();
    let Some(&(first, _)) = cells.first() else { return };
    let listed: Vec<String> = cells.iter().map(|(k, v)| format!("{}为 {}", k.label(), show(*v))).collect();
    out.push(
        RULE.finding(format!(
            "“{organ}”是{}，没有制定规章的权限，但{}。可能把内部“规章制度”计入了“规章”；如确无规章，应填 0。",
            level.describe(),
            listed.join("，")
        ))
        .cells(cells.iter().map(|(k, _)| *k))
        .line(p.cell(first).map_or(1, |c| c.span.line)),
    );
}

#[cfg(test)]
mod tests {
    use crate::testing::{edited, findings, SYNTHETIC_2021};

    fn with_organ(text: &str, organ: &str) -> String {
        text.replacen("示例市人民政府", organ, 1)
    }

    #[test]
    fn fires_for_a_township_with_rules() {
        let found = findings(&with_organ(SYNTHETIC_2021, "示例镇人民政府"), "T2-RULES-LEVEL");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].cells, ["active.rules.issued", "active.rules.in_force"]);
        assert_eq!(
            found[0].message,
            "“示例镇人民政府”是乡镇，没有制定规章的权限，但表二“规章”行“本年制发件数”列为 1，表二“规章”行“现行有效件数”列为 5。可能把内部“规章制度”计入了“规章”；如确无规章，应填 0。"
        );
    }

    #[test]
    fn silent_when_the_level_may_make_rules_is_unclear_or_the_row_is_zero() {
        assert!(findings(&with_organ(SYNTHETIC_2021, "示例市人民政府"), "T2-RULES-LEVEL").is_empty(), "a city may be 设区的市");
        let zero = with_organ(&edited("规章\t1\t0\t5", "规章\t0\t0\t0"), "示例镇人民政府");
        assert!(findings(&zero, "T2-RULES-LEVEL").is_empty());
    }
}
