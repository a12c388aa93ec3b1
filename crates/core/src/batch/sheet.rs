//! A checked batch as sheets — the summary (one row a file), every finding, every cell — for the
//! batch table and its exports, and the summary as CSV that Excel opens safely.

use super::Entry;
use crate::check::finding::show;
use crate::{Severity, TableKey};

/// One value of a sheet (serialized for the page's .xlsx module, which gets the rows from its worker).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Value {
    Text(String),
    Number(f64),
    Empty,
}

/// A sheet: a name, a header row and the rows under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: &'static str,
    pub header: &'static [&'static str],
    pub rows: Vec<Vec<Value>>,
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

fn number(n: Option<impl Into<f64>>) -> Value {
    n.map_or(Value::Empty, |n| Value::Number(n.into()))
}

fn count(n: usize) -> Value {
    Value::Number(n as f64)
}

/// One row a file: 文件, 机关, 年度, 格式, 错误, 警告, 提示, 未能读取的行 (rows found but not read, as
/// the page counts them), 无法读取文件 (why, for a file that could not be read), 上一年度报告 (the file
/// taken as last year).
pub fn summary(entries: &[Entry]) -> Sheet {
    let rows = entries
        .iter()
        .map(|e| {
            let previous = e.previous.clone().map_or(Value::Empty, Value::Text);
            match &e.outcome {
                Ok(report) => {
                    let p = &report.parsed;
                    let counts = [Severity::Error, Severity::Warning, Severity::Info].map(|s| count(report.count(s)));
                    let unread_rows = TableKey::ALL.iter().map(|&t| p.table(t).unreadable.len()).sum();
                    let organ = p.organ.clone().map_or(Value::Empty, Value::Text);
                    let mut row = vec![text(&e.file), organ, number(p.year), text(p.format.label())];
                    row.extend(counts);
                    row.extend([count(unread_rows), Value::Empty, previous]);
                    row
                }
                Err(reason) => {
                    let mut row = vec![text(&e.file)];
                    row.extend(std::iter::repeat_n(Value::Empty, 7));
                    row.extend([text(reason), previous]);
                    row
                }
            }
        })
        .collect();
    let header = &["文件", "机关", "年度", "格式", "错误", "警告", "提示", "未能读取的行", "无法读取文件", "上一年度报告"];
    Sheet { name: "汇总", header, rows }
}

/// Every finding of every report: 文件, 规则, 级别, 行号, 单元格 (keys), 位置 (the cells as the form
/// names them: 表三“2.重复申请”行“总计”列), 应为, 实为, 说明.
pub fn findings(entries: &[Entry]) -> Sheet {
    let rows = entries
        .iter()
        .filter_map(|e| Some((e, e.outcome.as_ref().ok()?)))
        .flat_map(|(e, report)| {
            report.findings.iter().map(|f| {
                let cells: Vec<String> = f.cells.iter().map(|c| c.to_string()).collect();
                let places: Vec<String> = f.cells.iter().map(|c| c.label()).collect();
                vec![
                    text(&e.file),
                    text(f.rule),
                    text(f.severity.label()),
                    number(f.line.map(|l| l as f64)),
                    text(cells.join(" ")),
                    text(places.join("、")),
                    number(f.expected),
                    number(f.actual),
                    text(&f.message),
                ]
            })
        })
        .collect();
    Sheet { name: "问题", header: &["文件", "规则", "级别", "行号", "单元格", "位置", "应为", "实为", "说明"], rows }
}

/// Every cell read from every report: 文件, 单元格 (its key), 表, 行 (表四: the group), 列 (the
/// form's labels: 表三, “（一）予以公开”, “总计”), 原文 (as it stood), 数值, 单位, 行号, 列号.
pub fn cells(entries: &[Entry]) -> Sheet {
    let rows = entries
        .iter()
        .filter_map(|e| Some((e, e.outcome.as_ref().ok()?)))
        .flat_map(|(e, report)| {
            report.parsed.cells.iter().map(|c| {
                vec![
                    text(&e.file),
                    text(c.key.to_string()),
                    text(c.key.table.short()),
                    text(c.key.row_label()),
                    text(c.key.column_def().label),
                    text(c.raw.as_str()),
                    number(c.number()),
                    c.value.unit().map_or(Value::Empty, text),
                    number(Some(c.span.line as f64)),
                    number(Some(c.span.col as f64)),
                ]
            })
        })
        .collect();
    Sheet {
        name: "单元格", header: &["文件", "单元格", "表", "行", "列", "原文", "数值", "单位", "行号", "列号"], rows
    }
}

/// A sheet as CSV that Excel opens correctly and safely: UTF-8 with a BOM, CRLF line ends, every
/// field quoted, and text that Excel would take as a formula (starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return) prefixed with `'`.
pub fn csv(sheet: &Sheet) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, sheet.header.iter().map(|h| h.to_string()));
    for row in &sheet.rows {
        push_row(
            &mut out,
            row.iter().map(|v| match v {
                Value::Text(t) if t.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{t}"),
                Value::Text(t) => t.clone(),
                Value::Number(n) => show(*n),
                Value::Empty => String::new(),
            }),
        );
    }
    out
}

/// One CSV row for Excel: every field quoted (quotes doubled), CRLF at the end.
pub fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    let fields: Vec<String> = fields.map(|f| format!("\"{}\"", f.replace('"', "\"\""))).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::Batch;

    fn entries() -> Vec<Entry> {
        let text = crate::testing::edited("四、结转下年度继续办理\t0\t1\t0\t0\t0\t0\t1", "四、结转下年度继续办理\t0\t1\t0\t0\t0\t0\t2");
        let parsed = crate::parse_bytes(text.as_bytes()).map_err(|e| e.to_string());
        Batch::new(vec![("=cmd|' /C calc'!A0.txt".into(), parsed), ("坏文件.txt".into(), Err("这是 PDF 文件".into()))]).check()
    }

    #[test]
    fn one_summary_row_a_file() {
        let sheet = summary(&entries());
        let row = &sheet.rows[0];
        assert_eq!(
            row[..4],
            [
                text("=cmd|' /C calc'!A0.txt"),
                text("示例市人民政府"),
                Value::Number(2023.0),
                text("2021年版格式（国办公开办函〔2021〕30号）")
            ]
        );
        assert!(matches!(row[4], Value::Number(n) if n > 0.0), "errors: {row:?}");
        assert_eq!(row[7..], [Value::Number(0.0), Value::Empty, Value::Empty]);
        let unreadable = &sheet.rows[1];
        assert_eq!(unreadable[0], text("坏文件.txt"));
        assert!(unreadable[1..8].iter().all(|v| *v == Value::Empty), "{unreadable:?}");
        assert_eq!(unreadable[8], text("这是 PDF 文件"));
    }

    #[test]
    fn findings_and_cells_of_each_readable_report() {
        let entries = entries();
        let findings = findings(&entries);
        let report = entries[0].outcome.as_ref().unwrap();
        assert_eq!(findings.rows.len(), report.findings.len());
        let t3 = findings.rows.iter().find(|r| r[1] == text("T3-ROW-TOTAL")).expect("the broken row total");
        assert!(
            matches!(&t3[4], Value::Text(cells) if cells.ends_with("applications.carried_out.other_org applications.carried_out.total")),
            "{t3:?}"
        );
        assert!(matches!(&t3[5], Value::Text(places) if places.ends_with("、表三“四、结转下年度继续办理”行“总计”列")), "{t3:?}");
        assert_eq!((&t3[6], &t3[7]), (&Value::Number(1.0), &Value::Number(2.0)));
        let cells = cells(&entries);
        assert_eq!(cells.rows.len(), report.parsed.cells.len());
        let total = cells.rows.iter().find(|r| r[1] == text("applications.carried_out.total")).unwrap();
        assert_eq!(total[2..7], [text("表三"), text("四、结转下年度继续办理"), text("总计"), text("2"), Value::Number(2.0)]);
        let upheld = cells.rows.iter().find(|r| r[1] == text("reviews.review.upheld")).unwrap();
        assert_eq!(upheld[2..5], [text("表四"), text("行政复议"), text("结果维持")]);
    }

    #[test]
    fn csv_is_excel_safe() {
        let sheet = Sheet {
            name: "t",
            header: &["a", "b", "c", "d"],
            rows: vec![
                vec![text("=1+1"), text("-2"), Value::Number(-2.0), text("say \"hi\"")],
                vec![text("@SUM(A1)"), text("+x"), Value::Empty, text("普通")],
            ],
        };
        assert_eq!(
            csv(&sheet),
            "\u{feff}\"a\",\"b\",\"c\",\"d\"\r\n\"'=1+1\",\"'-2\",\"-2\",\"say \"\"hi\"\"\"\r\n\"'@SUM(A1)\",\"'+x\",\"\",\"普通\"\r\n"
        );
    }
}
