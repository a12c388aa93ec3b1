//! The checked batch written out: the text summary, the JSON document or array, NDJSON, the CSV
//! summary (for Excel) or an .xlsx workbook.

use crate::args::Format;
use nianbao_core::batch::{sheet, Entry};
use rayon::prelude::*;

/// The bytes to write for the entries. `single` is one file given on its own (not a folder): its
/// JSON is the SPEC §6 document itself and its text has no batch summary. Each entry's JSON is
/// written in parallel (on the current rayon pool).
pub fn render(entries: &[Entry], format: Format, single: bool) -> Result<Vec<u8>, String> {
    let text = match format {
        Format::Text if single => entries.iter().filter_map(|e| e.outcome.as_ref().ok()).map(crate::summary::render).collect(),
        Format::Text => batch_text(entries),
        Format::Json if single => entries.iter().filter_map(|e| e.outcome.as_ref().ok()).map(|r| r.to_json() + "\n").collect(),
        // serde_json's compact array of the entries, its elements written in parallel.
        Format::Json => format!("[{}]\n", entries.par_iter().map(Entry::to_json).collect::<Vec<_>>().join(",")),
        Format::Ndjson => entries.par_iter().map(|e| e.to_json() + "\n").collect::<Vec<_>>().concat(),
        Format::Csv => sheet::csv(&sheet::summary(entries)),
        Format::Xlsx => {
            let sheets = [sheet::summary(entries), sheet::findings(entries), sheet::cells(entries)];
            return nianbao_core::batch::xlsx::workbook(&sheets).map_err(|e| format!("无法生成 .xlsx：{e}"));
        }
    };
    Ok(text.into_bytes())
}

/// Each report's summary under its file name, then the batch summary table.
fn batch_text(entries: &[Entry]) -> String {
    let mut out = String::new();
    for e in entries {
        out += &format!("=== {} ===\n", e.file);
        if let Some(previous) = &e.previous {
            out += &format!("上一年度报告：{previous}\n");
        }
        match &e.outcome {
            Ok(report) => out += &crate::summary::render(report),
            Err(reason) => out += &format!("无法读取：{reason}\n"),
        }
        out.push('\n');
    }
    let summary = sheet::summary(entries);
    out += &format!("=== {}（{} 个文件）===\n", summary.name, entries.len());
    out += &summary.header.join(" | ");
    out.push('\n');
    for row in &summary.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|v| match v {
                sheet::Value::Text(t) => t.clone(),
                sheet::Value::Number(n) => nianbao_core::check::finding::show(*n),
                sheet::Value::Empty => "-".to_owned(),
            })
            .collect();
        out += &cells.join(" | ");
        out.push('\n');
    }
    out
}
