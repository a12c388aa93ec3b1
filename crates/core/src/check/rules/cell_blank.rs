//! CELL-BLANK: data cells with no value; one finding per table listing them.

use super::{Context, Rule};
use crate::check::cell_lists;
use crate::check::finding::{Finding, Severity};
use crate::read::cell::Value;

pub static RULE: Rule = Rule {
    id: "CELL-BLANK",
    severity: Severity::Warning,
    title: "统计表的单元格不应空着；没有数据时应填写 0。",
    why: "空白单元格让读者无法判断是“没有”还是“漏填”；核对勾稽关系时本工具把空白按 0 计算，并在此提示。",
    fix: "在空白单元格中填写实际数字，没有的填 0。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    cell_lists::check(
        &RULE,
        cx.report,
        |c| c.value == Value::Blank,
        |table, count, listed| format!("{}有 {count} 个单元格为空白（空白不等于 0，核对时按 0 计算）：{listed}。", table.title()),
        out,
    );
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, edited, findings, key, SYNTHETIC_2021};

    #[test]
    fn fires_once_per_table_listing_the_cells() {
        let text = edited("规章\t1\t0\t5", "规章\t1\t\t5").replacen("行政强制\t3", "行政强制\t", 1);
        let found = findings(&text, "CELL-BLANK");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cells, vec!["active.rules.repealed", "active.coercion.decisions"]);
        assert_eq!(
            found[0].message,
            "表二（主动公开政府信息情况）有 2 个单元格为空白（空白不等于 0，核对时按 0 计算）：“规章”行“本年废止件数”列、“行政强制”行“本年处理决定数量”列。"
        );
        let report = check(&text);
        let blank = report.parsed.cell(key("active.rules.repealed")).unwrap();
        assert_eq!((blank.raw.as_str(), blank.number()), ("", None));
        assert_eq!(report.parsed.cell(key("active.rules.in_force")).unwrap().number(), Some(5.0), "blank does not shift");
    }

    #[test]
    fn a_whole_blank_column_is_named_once() {
        let mut text = crate::testing::SYNTHETIC_2021.to_owned();
        let is_row = |l: &&str| {
            let fields: Vec<&str> = l.split('\t').collect();
            fields.len() >= 8 && fields[0].parse::<f64>().is_err() && fields[fields.len() - 7..].iter().all(|f| f.parse::<f64>().is_ok())
        };
        for line in crate::testing::SYNTHETIC_2021.lines().filter(is_row) {
            let cut = line.rfind('\t').unwrap();
            text = text.replacen(line, &line[..=cut], 1);
        }
        let found = findings(&text, "CELL-BLANK");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("：“总计”列全部 25 格。"), "{}", found[0].message);
        assert_eq!(found[0].cells.len(), 25);
    }

    #[test]
    fn silent_when_every_cell_is_filled() {
        assert!(findings(SYNTHETIC_2021, "CELL-BLANK").is_empty());
    }
}
