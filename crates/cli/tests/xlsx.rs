//! The .xlsx workbook opens in a real spreadsheet: LibreOffice converts each sheet to CSV and every
//! value matches what the command reports (the CSV summary, the NDJSON findings and cells). The
//! only test that runs LibreOffice; it is skipped, saying so, where `soffice` is not installed
//! (`scripts/setup.sh` installs `libreoffice-calc-nogui` for the test run).

mod common;

use common::{fixture, ndjson, nianbao, parse_csv, scratch, stdout};
use serde_json::Value;
use std::process::Command;

fn soffice_installed() -> bool {
    Command::new("soffice").arg("--version").output().is_ok_and(|o| o.status.success())
}

/// Every sheet of the workbook as CSV rows, by sheet name, as LibreOffice reads it.
fn sheets_by_libreoffice(xlsx: &std::path::Path, dir: &std::path::Path) -> Vec<(String, Vec<Vec<String>>)> {
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
    // 44 , · 34 " · 76 UTF-8 · … · -1: every sheet into its own file, <name>-<sheet>.csv.
    let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    let out = dir.join("csv");
    let o = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--convert-to", filter, "--outdir", out.to_str().unwrap(), xlsx.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "soffice failed: {}", String::from_utf8_lossy(&o.stderr));
    ["汇总", "问题", "单元格"]
        .iter()
        .map(|name| {
            let path = out.join(format!("batch-{name}.csv"));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (name.to_string(), parse_csv(&text))
        })
        .collect()
}

fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn severity(v: &Value) -> String {
    match v.as_str().unwrap() {
        "error" => "错误",
        "warning" => "警告",
        "info" => "提示",
        "unread" => "未能读取",
        other => panic!("severity {other}"),
    }
    .to_owned()
}

#[test]
fn the_workbook_opens_in_libreoffice_with_the_same_values() {
    if !soffice_installed() {
        eprintln!(
            "SKIPPED the .xlsx check: LibreOffice (soffice) is not installed. `bash scripts/setup.sh all` installs libreoffice-calc-nogui."
        );
        return;
    }
    let dir = scratch("xlsx");
    let batch = fixture("batch");
    let batch = batch.to_str().unwrap();
    let xlsx = dir.join("batch.xlsx");
    let o = nianbao(&["check", "--pair", "--format", "xlsx", "--output", xlsx.to_str().unwrap(), batch]);
    assert_eq!(o.status.code(), Some(2), "damaged.docx could not be read");
    assert!(o.stdout.is_empty());
    let sheets = sheets_by_libreoffice(&xlsx, &dir);

    let summary = parse_csv(&stdout(&nianbao(&["check", "--pair", "--format", "csv", batch])));
    assert_eq!(sheets[0].1, summary);

    let entries = ndjson(&nianbao(&["check", "--pair", "--format", "ndjson", batch]));
    let reports = || entries.iter().filter(|e| e.get("report").is_some());
    let mut findings = vec![["文件", "规则", "级别", "行号", "单元格", "位置", "应为", "实为", "说明"].map(String::from).to_vec()];
    for e in reports() {
        for f in e["report"]["findings"].as_array().unwrap() {
            let cells: Vec<String> = f["cells"].as_array().unwrap().iter().map(text).collect();
            let field = |k: &str| f.get(k).map(text).unwrap_or_default();
            findings.push(vec![
                text(&e["file"]),
                text(&f["rule"]),
                severity(&f["severity"]),
                field("line"),
                cells.join(" "),
                cells.iter().map(|k| nianbao_core::CellKey::parse(k).unwrap().label()).collect::<Vec<_>>().join("、"),
                field("expected"),
                field("actual"),
                text(&f["message"]),
            ]);
        }
    }
    assert_eq!(findings.len(), 1 + 7, "2022: 2 findings, 2023: 3, 2024: 2");
    assert_eq!(sheets[1].1, findings);

    let mut cells = vec![["文件", "单元格", "表", "行", "列", "原文", "数值", "单位", "行号", "列号"].map(String::from).to_vec()];
    for e in reports() {
        for (key, c) in e["report"]["cells"].as_object().unwrap() {
            let unit = c.get("unit").map(text).unwrap_or_default();
            let cell = nianbao_core::CellKey::parse(key).unwrap();
            let labels = [cell.table.short(), cell.row_label(), cell.column_def().label].map(String::from);
            let mut row = vec![text(&e["file"]), key.clone()];
            row.extend(labels);
            row.extend([text(&c["raw"]), text(&c["value"]), unit, text(&c["line"]), text(&c["col"])]);
            cells.push(row);
        }
    }
    assert!(cells.iter().any(|r| r[5] == "1187.0427\u{a0}万元" && r[6] == "1187.0427" && r[7] == "万元"), "a decimal with its unit");
    let granted = ["表三", "（一）予以公开", "总计"].map(String::from);
    assert!(cells.iter().any(|r| r[1] == "applications.granted.total" && r[2..5] == granted), "the form's labels beside the key");
    // The JSON object of cells is in key order, the sheet in table order: compare as sorted rows.
    let mut sheet_cells = sheets[2].1.clone();
    sheet_cells[1..].sort();
    cells[1..].sort();
    assert_eq!(sheet_cells, cells);
}
