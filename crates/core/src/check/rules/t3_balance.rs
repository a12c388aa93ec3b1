//! T3-BALANCE: the identity printed in 表三's header, for each of the 7 columns:
//! `new + carried_in = processed + carried_out`.

use super::{Context, Rule};
use crate::check::finding::{show, Finding, Severity};
use crate::check::identities::{self, Failure, Identity};
use crate::read::Parsed;
use crate::schema::{column_def, CellKey, RowKey, TableKey, APPLICATION_COLUMNS};
use std::sync::OnceLock;

pub static RULE: Rule = Rule {
    id: "T3-BALANCE",
    severity: Severity::Error,
    title: "表三每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理。",
    why: "这是表三表头写明的勾稽关系（第一项加第二项之和，等于第三项加第四项之和），收到的申请要么办结、要么结转，不可能对不上。",
    fix: "逐列核对四个数字：通常是漏统计了某项办理结果，或结转下年度的件数填错。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    identities::check(&RULE, cx.report, identities(cx.report), |f| message(cx.report, f), out);
}

/// `new + carried_in = processed + carried_out` in each column.
pub fn identities(_: &Parsed) -> &'static [Identity] {
    static COLUMNS: OnceLock<Vec<Identity>> = OnceLock::new();
    COLUMNS.get_or_init(|| {
        APPLICATION_COLUMNS
            .iter()
            .map(|col| {
                let k = |row| CellKey::new(TableKey::Applications, row, col.key);
                Identity {
                    left: vec![k(RowKey::New), k(RowKey::CarriedIn)],
                    right: vec![k(RowKey::Processed), k(RowKey::CarriedOut)],
                    anchor: k(RowKey::New),
                    right_first: false,
                }
            })
            .collect()
    })
}

fn message(p: &Parsed, f: &Failure) -> String {
    let column = f.identity.anchor.column;
    let v = |row| show(p.value(CellKey::new(TableKey::Applications, row, column)).unwrap_or(0.0));
    format!(
        "表三“{}”列不平衡：本年新收 {} + 上年结转 {} = {}，而办理结果总计 {} + 结转下年度 {} = {}；两者应相等（第一项加第二项之和，等于第三项加第四项之和）。",
        column_def(TableKey::Applications, column).label,
        v(RowKey::New),
        v(RowKey::CarriedIn),
        show(f.left.value),
        v(RowKey::Processed),
        v(RowKey::CarriedOut),
        show(f.right.value),
    )
}

#[cfg(test)]
mod tests {
    use crate::testing::{edited, findings, SYNTHETIC_2021};

    #[test]
    fn fires_on_the_column_that_does_not_balance() {
        // 结转下年度: 自然人 0 → 2 and 总计 1 → 3 (row total stays right).
        let text = edited("四、结转下年度继续办理\t0\t1\t0\t0\t0\t0\t1", "四、结转下年度继续办理\t2\t1\t0\t0\t0\t0\t3");
        let found = findings(&text, "T3-BALANCE");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].cells,
            [
                "applications.new.natural",
                "applications.carried_in.natural",
                "applications.processed.natural",
                "applications.carried_out.natural"
            ]
        );
        assert_eq!((found[0].expected, found[0].actual), (Some(22.0), Some(24.0)));
        assert!(found[0].message.starts_with("表三“自然人”列不平衡：本年新收 20 + 上年结转 2 = 22，而办理结果总计 22 + 结转下年度 2 = 24"));
        assert_eq!(found[1].cells[0], "applications.new.total");
    }

    #[test]
    fn says_when_a_blank_is_involved() {
        let text = edited("四、结转下年度继续办理\t0\t1\t0\t0\t0\t0\t1", "四、结转下年度继续办理\t0\t\t0\t0\t0\t0\t1");
        let found = findings(&text, "T3-BALANCE");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("（其中表三“四、结转下年度继续办理”行“商业企业”列为空白，核对时按 0 计算；"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn silent_when_every_column_balances() {
        assert!(findings(SYNTHETIC_2021, "T3-BALANCE").is_empty());
    }
}
