//! YEAR-CARRY: this year's `applications.carried_in` equals last year's `applications.carried_out`,
//! in each column (when last year's report is given).

use super::{Context, Rule};
use crate::check::finding::{show, Finding, Severity};
use crate::schema::{CellKey, RowKey, TableKey, APPLICATION_COLUMNS};

pub static RULE: Rule = Rule {
    id: "YEAR-CARRY",
    severity: Severity::Warning,
    title: "本年度表三“上年结转”应等于上一年度报告表三“结转下年度继续办理”（逐列）。",
    why: "上一年度结转的申请就是本年度接着办理的申请，两份报告的数字应当衔接。",
    fix: "核对上一年度报告的结转数；如上一年度报告有误，应予说明。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let (p, Some(prev)) = (cx.report, cx.previous) else {
        return;
    };
    if let (Some(year), Some(prev_year)) = (p.year, prev.year) {
        if prev_year != year - 1 {
            out.push(
                RULE.finding(format!("作为“上一年度”提供的报告是 {prev_year} 年度的，不是 {} 年度，不做跨年核对。", year - 1))
                    .severity(Severity::Info),
            );
            return;
        }
    }
    for col in APPLICATION_COLUMNS {
        let this = CellKey::new(TableKey::Applications, RowKey::CarriedIn, col.key);
        let last = this.with_row(RowKey::CarriedOut);
        let (Some(a), Some(b)) = (p.value(this), prev.value(last)) else {
            continue;
        };
        if (a - b).abs() > 1e-6 {
            out.push(
                RULE.finding(format!(
                    "表三“{}”列：本年度“上年结转”为 {}，但上一年度报告“结转下年度继续办理”为 {}。",
                    col.label,
                    show(a),
                    show(b)
                ))
                .cells([this])
                .expected_actual(b, a)
                .line(p.cell(this).map_or(1, |c| c.span.line)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, edited, SYNTHETIC_2021};

    fn pair(current: &str, previous: &str) -> Vec<crate::Finding> {
        let previous = check(previous).parsed;
        let current = check(current).parsed;
        crate::check_with_previous(current, &previous).findings.into_iter().filter(|f| f.rule == "YEAR-CARRY").collect()
    }

    fn last_year(carried_out: &str) -> String {
        edited("四、结转下年度继续办理\t0\t1\t0\t0\t0\t0\t1", &format!("四、结转下年度继续办理\t{carried_out}")).replace("2023年", "2022年")
    }

    #[test]
    fn fires_on_a_column_that_does_not_follow() {
        // This year's 上年结转 is 2 1 0 0 0 0 3.
        let found = pair(SYNTHETIC_2021, &last_year("2\t0\t0\t0\t0\t1\t3"));
        let cells: Vec<_> = found.iter().flat_map(|f| f.cells.clone()).collect();
        assert_eq!(cells, ["applications.carried_in.commercial", "applications.carried_in.other_org"]);
        assert_eq!((found[0].expected, found[0].actual), (Some(0.0), Some(1.0)));
    }

    #[test]
    fn silent_when_it_follows_and_refuses_other_years() {
        assert!(pair(SYNTHETIC_2021, &last_year("2\t1\t0\t0\t0\t0\t3")).is_empty());
        let found = pair(SYNTHETIC_2021, SYNTHETIC_2021);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, crate::Severity::Info);
    }
}
