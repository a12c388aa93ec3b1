//! The findings list, grouped by table: choosing a finding lights up its cells, focuses the first
//! one and shows its source line; findings of a chosen cell light up here.

use crate::dom::{cell_id, focus, origin};
use crate::icon::icon;
use crate::model::{Checked, Group};
use crate::state::{Selection, Shared};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn FindingsList(checked: Arc<Checked>, shared: Shared) -> impl IntoView {
    let findings = &checked.report.findings;
    let groups = Group::ALL.into_iter().filter_map(|group| {
        let items: Vec<usize> = (0..findings.len()).filter(|&i| Group::of(&findings[i]) == group).collect();
        if items.is_empty() {
            return None;
        }
        let list = items.into_iter().map(|i| finding_item(&checked, i, shared)).collect_view();
        Some(view! {
            <section class="finding-group">
                <h3>{group.title()}</h3>
                <ol>{list}</ol>
            </section>
        })
    });
    let groups: Vec<_> = groups.collect();
    let empty = groups.is_empty();
    view! {
        <section class="findings" id="findings" aria-label="问题清单">
            <h2>"问题清单"</h2>
            {empty.then(|| view! { <p class="none">"没有发现问题。"</p> })}
            {groups}
        </section>
    }
}

fn finding_item(checked: &Arc<Checked>, i: usize, shared: Shared) -> impl IntoView {
    let f = &checked.report.findings[i];
    let first_cell = f.cells.first().copied();
    let line = f.line;
    let cells = f.cells.clone();
    let is_selected = move || shared.selection.with(|s| *s == Selection::Finding(i));
    let is_related = move || shared.selection.with(|s| matches!(s, Selection::Cell(k) if cells.contains(k)));
    let where_ = line.map(|l| format!("第{l}行")).unwrap_or_default();
    view! {
        <li>
            <button
                type="button"
                class=format!("finding sev-{}", f.severity.as_str())
                class:selected=is_selected
                class:related=is_related
                id=format!("finding-{i}")
                data-rule=f.rule
                aria-pressed=move || if is_selected() { "true" } else { "false" }
                on:click=move |ev| {
                    shared.selection.set(Selection::Finding(i));
                    if let Some(line) = line {
                        shared.jump_to(line);
                    }
                    if let (Some(cell), Some(near)) = (first_cell, origin::<web_sys::Node>(&ev)) {
                        focus(&near, &cell_id(cell));
                    }
                }
            >
                <span class="icon" aria-hidden="true">{icon(f.severity)}</span>
                <span class="sr-only">{f.severity.label()}</span>
                <span class="rule">{f.rule}</span>
                <span class="where">{where_}</span>
                <span class="message">{f.message.clone()}</span>
            </button>
        </li>
    }
}
