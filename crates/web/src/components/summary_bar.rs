//! The summary bar: format, year, organ, and the count of errors and warnings (rows that could not
//! be read counted apart) — or a clear "all checks passed" saying what was checked.

use crate::model::Checked;
use leptos::prelude::*;
use nianbao_core::{Severity, TableKey, RULES};
use std::sync::Arc;

#[component]
pub fn SummaryBar(checked: Arc<Checked>, checks: u32) -> impl IntoView {
    let r = &checked.report;
    let p = &r.parsed;
    let (errors, warnings, infos) = (r.count(Severity::Error), r.count(Severity::Warning), r.count(Severity::Info));
    // Rows the tool could not read are its limit, not the report's errors: counted apart.
    let unread_rows: usize = TableKey::ALL.iter().map(|&t| p.table(t).unreadable.len()).sum();
    let unread = (unread_rows > 0).then(|| {
        view! { <span class="count sev-unread" id="unread">{format!("… 未能读取 {unread_rows} 行（相关核对已跳过）")}</span> }
    });
    let verdict = if errors + warnings == 0 && unread_rows == 0 {
        view! {
            <p class="verdict ok" id="verdict">
                <span aria-hidden="true">"✔ "</span>
                {format!("全部检查通过：读取了 {} 个单元格，按 {} 条规则核对了勾稽关系、填报要求和正文。", p.cells.len(), RULES.len())}
            </p>
        }
        .into_any()
    } else if errors + warnings == 0 {
        view! {
            <p class="verdict partial" id="verdict">
                <span>{format!("读取到的 {} 个单元格未发现错误。", p.cells.len())}</span>
                {unread}
            </p>
        }
        .into_any()
    } else {
        view! {
            <p class="verdict bad" id="verdict">
                <span class="count sev-error">{format!("✖ {errors} 个错误")}</span>
                <span class="count sev-warning">{format!("⚠ {warnings} 个警告")}</span>
                <span class="count sev-info">{format!("ℹ {infos} 个提示")}</span>
                {unread}
            </p>
        }
        .into_any()
    };
    view! {
        <div class="summary" id="summary" data-checks=checks.to_string()>
            <dl>
                <div><dt>"机关"</dt><dd id="organ">{p.organ.clone().unwrap_or_else(|| "（未识别）".to_owned())}</dd></div>
                <div><dt>"年度"</dt><dd id="year">{p.year.map_or("（未识别）".to_owned(), |y| y.to_string())}</dd></div>
                <div><dt>"格式"</dt><dd id="format" data-format=p.format.as_str()>{p.format.label()}</dd></div>
                {p.published.as_ref().map(|d| view! { <div><dt>"发布日期"</dt><dd>{d.date.clone()}</dd></div> })}
            </dl>
            {verdict}
        </div>
    }
}
