//! One data cell of a table: its value as written, marked by the worst finding (colour and icon),
//! its messages on hover and keyboard focus; choosing it lights up its findings.

use crate::dom::{by_id, cell_id, origin, scroll_into_view};
use crate::icon::icon;
use crate::model::Checked;
use crate::state::{Selection, Shared};
use leptos::prelude::*;
use nianbao_core::read::cell::Value;
use nianbao_core::CellKey;
use std::sync::Arc;

/// Why a cell has no value to show.
#[derive(Clone, Copy, PartialEq)]
pub enum Missing {
    /// The row was found but its numbers could not be placed.
    Unreadable,
    /// The row (or the table) was not found.
    Absent,
}

#[component]
pub fn DataCell(
    checked: Arc<Checked>,
    shared: Shared,
    key: CellKey,
    missing: Missing,
    /// Columns the cell spans (表二's single-column items span the block).
    #[prop(default = 1)]
    colspan: usize,
) -> impl IntoView {
    let cell = checked.report.parsed.cell(key).cloned();
    let findings = checked.findings_of(key);
    let severity = checked.severity_of(key);
    let indexes: Vec<usize> = checked.finding_indexes_of(key).to_vec();
    let id = cell_id(key);
    let tip_id = format!("tip-{id}");
    let messages: Vec<String> = findings.iter().map(|f| format!("{} {}：{}", icon(f.severity), f.rule, f.message)).collect();
    let (text, state) = match (&cell, missing) {
        (Some(c), _) if c.value == Value::Blank => ("空白".to_owned(), "blank"),
        (Some(c), _) => (c.raw.to_string(), "value"),
        (None, Missing::Unreadable) => ("未能读取".to_owned(), "unreadable"),
        (None, Missing::Absent) => ("—".to_owned(), "absent"),
    };
    let source = match checked.report.parsed.input {
        nianbao_core::InputKind::Docx | nianbao_core::InputKind::Doc => "Word ",
        nianbao_core::InputKind::Html => "网页",
        nianbao_core::InputKind::Pdf => "PDF ",
        nianbao_core::InputKind::Text => "",
    };
    let title = match state {
        "unreadable" => Some("这一行的数字无法准确对应到各列，未读取（不按 0 计算）".to_owned()),
        "absent" => Some("报告中没有这一行".to_owned()),
        _ => cell.as_ref().and_then(|c| c.origin).map(|o| format!("来源：{source}{}", o.describe())),
    };
    let line = cell.as_ref().map(|c| c.span.line);
    let class = format!("cell {state} {}", severity.map(|s| format!("sev-{}", s.as_str())).unwrap_or_default());
    let is_selected = move || {
        shared.selection.with(|s| match s {
            Selection::Cell(k) => *k == key,
            Selection::Finding(i) => indexes.contains(i),
            Selection::None => false,
        })
    };
    // `ev` is the click or key press on the cell: its finding is looked up in the same tree.
    let choose = move |ev: &web_sys::Event| {
        shared.selection.set(Selection::Cell(key));
        if let Some(line) = line {
            shared.jump_to(line);
        }
        let first = checked.finding_indexes_of(key).first().copied();
        let near = origin::<web_sys::Node>(ev);
        if let Some(el) = first.zip(near).and_then(|(i, near)| by_id(&near, &format!("finding-{i}"))) {
            scroll_into_view(&el);
        }
    };
    let choose_key = choose.clone();
    let has_tip = !messages.is_empty();
    let described_by = has_tip.then(|| tip_id.clone());
    view! {
        <td
            class=class
            class:selected=is_selected
            id=id
            tabindex="0"
            data-line=line.map(|l| l.to_string())
            title=title
            aria-describedby=described_by
            colspan=(colspan > 1).then(|| colspan.to_string())
            on:click=move |ev| choose(&ev)
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    choose_key(&ev);
                    if let Some(el) = origin::<web_sys::HtmlElement>(&ev) {
                        let _ = el.focus();
                    }
                }
            }
        >
            {severity.map(|s| view! { <span class="cell-icon" aria-hidden="true">{icon(s)}</span> })}
            <span class="cell-value">{text}</span>
            {has_tip.then(|| view! {
                <span class="tip" role="tooltip" id=tip_id>
                    {messages.into_iter().map(|m| view! { <span class="tip-line">{m}</span> }).collect_view()}
                </span>
            })}
        </td>
    }
}
