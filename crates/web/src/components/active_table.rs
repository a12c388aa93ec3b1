//! 表二 in the official layout: one block per 第二十条 item, with the columns of the report's format.

use super::data_cell::{DataCell, Missing};
use super::table_block::TableBlock;
use crate::model::Checked;
use crate::state::Shared;
use leptos::prelude::*;
use nianbao_core::schema::{CellKey, Era, Format, ACTIVE_GROUPS};
use nianbao_core::TableKey;
use std::sync::Arc;

const T: TableKey = TableKey::Active;

#[component]
pub fn ActiveTable(checked: Arc<Checked>, shared: Shared) -> impl IntoView {
    let p = &checked.report.parsed;
    let read = p.table(T);
    let found = !read.rows.is_empty();
    let blocks = ACTIVE_GROUPS.iter().filter_map(|group| {
        let has_2021_cells = group.rows.iter().any(|r| group.columns_2021.iter().any(|c| p.cell(CellKey::new(T, r.key, c.key)).is_some()));
        let format = match read.format {
            Format::F2019 | Format::F2021 => read.format,
            _ if has_2021_cells || p.format == Format::F2021 => Format::F2021,
            _ => Format::F2019,
        };
        let columns = group.columns(format);
        if columns.is_empty() {
            return None;
        }
        let span_last = 4 - columns.len();
        let header = columns
            .iter()
            .enumerate()
            .map(|(i, c)| view! { <th scope="col" colspan=if i + 1 == columns.len() { span_last } else { 1 }>{c.label}</th> })
            .collect_view();
        let rows = group
            .rows
            .iter()
            .filter(|r| r.era.fits(format) || r.era == Era::Both)
            .map(|row| {
                let missing = if checked.unreadable_row(T, row.key) { Missing::Unreadable } else { Missing::Absent };
                let cells = columns
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let colspan = if i + 1 == columns.len() { span_last } else { 1 };
                        view! { <DataCell checked=checked.clone() shared=shared key=CellKey::new(T, row.key, c.key) missing=missing colspan=colspan /> }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{row.label_in(format)}</th>{cells}</tr> }
            })
            .collect_view();
        Some(view! {
            <tbody>
                <tr class="caption-row"><th colspan="4">{group.caption}</th></tr>
                <tr class="header-row"><th scope="col">"信息内容"</th>{header}</tr>
                {rows}
            </tbody>
        })
    });
    let blocks: Vec<_> = blocks.collect();
    let extra = read.extra_rows.clone();
    view! {
        <TableBlock table=T heading="二、主动公开政府信息情况" found=found>
            <table class="official active">{blocks}</table>
            {(!extra.is_empty()).then(|| view! {
                <ul class="extra-rows">
                    {extra.into_iter().map(|e| view! { <li>{format!("非标准行“{}”：{}（第{}行）", e.label, e.cells.join("、"), e.line)}</li> }).collect_view()}
                </ul>
            })}
        </TableBlock>
    }
}
