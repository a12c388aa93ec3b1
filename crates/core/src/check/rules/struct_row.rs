//! STRUCT-ROW: a standard row of a table is absent, or a non-standard row was added.

use super::{Context, Rule};
use crate::check::finding::{Finding, Severity};
use crate::schema::{self, Era, Format, RowKey, TableKey};

pub static RULE: Rule = Rule {
    id: "STRUCT-ROW",
    severity: Severity::Warning,
    title: "统计表应包含统一格式中的全部行，且不应增加格式以外的行。",
    why: "统一格式的每一行都要填报（没有数据填 0）；缺行会让读者以为漏报，自行增加的行也不在统一格式之内。",
    fix: "按统一格式补齐缺少的行并填写数字（没有的填 0）；格式以外的内容请写在正文中。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    for table in [TableKey::Active, TableKey::Applications] {
        let read = p.table(table);
        if read.rows.is_empty() {
            continue; // STRUCT-TABLE says the table is missing.
        }
        let found = |key: RowKey| read.rows.iter().any(|(k, _)| *k == key);
        let missing: Vec<RowKey> = expected_rows(table, read.format).into_iter().filter(|&k| !found(k)).collect();
        if !missing.is_empty() {
            let labels: Vec<&str> = missing.iter().map(|&k| schema::row_def(table, k).label).collect();
            let f = RULE.finding(format!("{}缺少以下行：{}。", table.title(), labels.join("；"))).table(table);
            out.push(f.line(read.line.unwrap_or(1)));
        }
        for extra in &read.extra_rows {
            out.push(
                RULE.finding(format!("{}中有一行“{}”不是统一格式中的行（数字：{}）。", table.title(), extra.label, extra.cells.join("、")))
                    .table(table)
                    .line(extra.line),
            );
        }
    }
}

/// The standard rows of a table in the table's format. 表三's （六） is either the single 2019 row
/// or the three 2021 sub-rows; whichever form the table uses is complete.
fn expected_rows(table: TableKey, format: Format) -> Vec<RowKey> {
    match table {
        TableKey::Active => schema::ACTIVE_GROUPS
            .iter()
            .flat_map(|g| g.rows.iter())
            .filter(|r| match format {
                Format::F2021 => r.era != Era::Only2019,
                _ => true,
            })
            .map(|r| r.key)
            .collect(),
        TableKey::Applications => {
            let era = if format == Format::F2019 || format == Format::Unknown { Era::Only2021 } else { Era::Only2019 };
            schema::APPLICATION_ROWS.iter().filter(|r| r.era != era).map(|r| r.key).collect()
        }
        TableKey::Reviews => schema::REVIEW_ROWS.iter().map(|r| r.key).collect(),
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edited, findings, SYNTHETIC_2021};

    #[test]
    fn fires_on_a_missing_row() {
        let text = edited("规章\t1\t0\t5\n", "");
        let found = findings(&text, "STRUCT-ROW");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "表二（主动公开政府信息情况）缺少以下行：规章。");
    }

    #[test]
    fn fires_on_an_added_row() {
        let text = edited("行政强制\t3\n", "行政强制\t3\n其他主动公开文件\t16\n");
        let found = findings(&text, "STRUCT-ROW");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("“其他主动公开文件”不是统一格式中的行（数字：16）"), "{}", found[0].message);
    }

    #[test]
    fn silent_when_every_row_is_there() {
        assert!(findings(SYNTHETIC_2021, "STRUCT-ROW").is_empty());
    }
}
