//! Export: the findings as JSON (SPEC §6) and CSV (UTF-8 with BOM, for Excel), and printing.

use crate::dom::download;
use crate::model::Checked;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Export(checked: Arc<Checked>) -> impl IntoView {
    let name = checked.report.parsed.organ.clone().unwrap_or_else(|| "年度报告".to_owned());
    let year = checked.report.parsed.year.map(|y| y.to_string()).unwrap_or_default();
    let base = format!("{name}{year}-检查结果");
    let (json_checked, csv_checked) = (checked.clone(), checked);
    let (json_name, csv_name) = (format!("{base}.json"), format!("{base}.csv"));
    view! {
        <div class="export no-print">
            <button type="button" class="button" id="export-json"
                on:click=move |_| download(&json_name, "application/json", &json_checked.report.to_json_pretty())>"下载 JSON"</button>
            <button type="button" class="button" id="export-csv"
                on:click=move |_| download(&csv_name, "text/csv;charset=utf-8", &csv_checked.csv())>"下载 CSV（Excel）"</button>
            <button type="button" class="button" id="print"
                on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"打印检查记录"</button>
        </div>
    }
}
