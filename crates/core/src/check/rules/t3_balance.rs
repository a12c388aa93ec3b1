//! T3-BALANCE: the stated 勾稽关系 of 表三, for each of the seven columns:
//! `new + carried_in = processed + carried_out`.

use super::{Context, Rule};
use crate::check::finding::{Finding, Severity};
use crate::check::sums::{blank_note, equal, fmt, key, sum};
use crate::schema::{column_label, TableKey, APPLICATION_COLUMNS};

pub static RULE: Rule = Rule {
    id: "T3-BALANCE",
    severity: Severity::Error,
    title: "表三每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理。",
    why: "这是表三表头写明的勾稽关系（第一项加第二项之和，等于第三项加第四项之和），收到的申请要么办结、要么结转，不可能对不上。",
    fix: "逐列核对四个数字：通常是漏统计了某项办理结果，或结转下年度的件数填错。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    let t = TableKey::Applications;
    for col in APPLICATION_COLUMNS {
        let k = |row: &str| key(t, row, col.key);
        let (Some(received), Some(handled)) = (sum(p, &[k("new"), k("carried_in")]), sum(p, &[k("processed"), k("carried_out")])) else {
            continue;
        };
        if equal(received.value, handled.value) {
            continue;
        }
        let v = |row: &str| fmt(p.value(&k(row)).unwrap_or(0.0));
        let message = format!(
            "表三“{}”列不平衡：本年新收 {} + 上年结转 {} = {}，而办理结果总计 {} + 结转下年度 {} = {}；两者应相等（第一项加第二项之和，等于第三项加第四项之和）。{}",
            column_label(t, col.key),
            v("new"),
            v("carried_in"),
            fmt(received.value),
            v("processed"),
            v("carried_out"),
            fmt(handled.value),
            blank_note(&[&received, &handled])
        );
        let line = p.cell(&k("new")).map_or(1, |c| c.span.line);
        out.push(
            RULE.finding(message)
                .cells(["new", "carried_in", "processed", "carried_out"].map(k))
                .expected_actual(received.value, handled.value)
                .line(line),
        );
    }
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
        assert!(found[0].message.contains("其中 applications.carried_out.commercial 为空白，按 0 计算"), "{}", found[0].message);
    }

    #[test]
    fn silent_when_every_column_balances() {
        assert!(findings(SYNTHETIC_2021, "T3-BALANCE").is_empty());
    }
}
