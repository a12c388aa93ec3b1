//! The readable text summary of a checked report: metadata, sections, the three tables, findings.

use nianbao_core::schema::{self, TableKey, APPLICATION_COLUMNS, REVIEW_COLUMNS};
use nianbao_core::{Report, Severity};
use std::fmt::Write;

pub fn render(report: &Report) -> String {
    let p = &report.parsed;
    let mut out = String::new();
    let or_unknown = |s: Option<String>| s.unwrap_or_else(|| "（未识别）".to_owned());
    let _ = writeln!(out, "机关：{}", or_unknown(p.organ.clone()));
    let _ = writeln!(out, "年度：{}", or_unknown(p.year.map(|y| y.to_string())));
    let _ = writeln!(out, "格式：{}", p.format.label());
    if let Some(published) = &p.published {
        let place = published.line.map(|l| format!("第{l}行，")).unwrap_or_default();
        let _ = writeln!(out, "发布日期：{}（{}{}）", published.date, place, published.source);
    }
    let sections: Vec<String> = p.sections.iter().map(|s| format!("{}（第{}行）", s.title, s.line)).collect();
    let _ = writeln!(out, "章节：{}", if sections.is_empty() { "（未找到）".to_owned() } else { sections.join("、") });

    for table in TableKey::ALL {
        let _ = writeln!(out, "\n{}", table.title());
        let rows = schema::rows(table).into_iter().map(|r| (r.key, r.label));
        let columns: &[schema::Column] = match table {
            TableKey::Applications => APPLICATION_COLUMNS,
            TableKey::Reviews => REVIEW_COLUMNS,
            TableKey::Active => &[],
        };
        if !columns.is_empty() {
            let header: Vec<&str> = columns.iter().map(|c| c.label).collect();
            let _ = writeln!(out, "  {:<24}{}", "", header.join(" | "));
        }
        let read = p.table(table);
        for (key, label) in rows {
            let cells: Vec<String> = p
                .cells_of(table)
                .filter(|c| c.key.row == key)
                .map(|c| {
                    let raw = if c.raw.is_empty() { "（空白）" } else { c.raw.as_str() };
                    if columns.is_empty() {
                        format!("{}={}", c.key.column_def().label, raw)
                    } else {
                        raw.to_owned()
                    }
                })
                .collect();
            let unreadable = read.unreadable.iter().any(|u| u.row == Some(key));
            let short: String = label.chars().take(22).collect();
            if unreadable {
                let _ = writeln!(out, "  {short:<24}（无法读取）");
            } else if !cells.is_empty() {
                let _ = writeln!(out, "  {short:<24}{}", cells.join(" | "));
            }
        }
        for extra in &read.extra_rows {
            let _ = writeln!(out, "  {:<24}{}（非标准行）", extra.label, extra.cells.join(" | "));
        }
    }

    let _ = writeln!(
        out,
        "\n检查结果：{} 个错误，{} 个警告，{} 个提示{}",
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info),
        unread_note(report)
    );
    for f in &report.findings {
        let line = f.line.map(|l| format!("第{l}行 ")).unwrap_or_default();
        let _ = writeln!(out, "  [{}] {} {}{}", f.severity.label(), f.rule, line, f.message);
    }
    out
}

/// `；另有 N 行未能读取（不算错误）`, or nothing.
fn unread_note(report: &Report) -> String {
    let rows: usize = TableKey::ALL.iter().map(|&t| report.parsed.table(t).unreadable.len()).sum();
    if rows == 0 {
        String::new()
    } else {
        format!("；另有 {rows} 行未能读取（不算错误，相关核对已跳过）")
    }
}
