//! 表四 in the official layout: 行政复议 and 行政诉讼 (未经复议直接起诉 / 复议后起诉), one row of 15.

use super::data_cell::{DataCell, Missing};
use super::table_block::TableBlock;
use crate::model::Checked;
use crate::state::Shared;
use leptos::prelude::*;
use nianbao_core::schema::{CellKey, REVIEW_COLUMNS, REVIEW_ROWS};
use nianbao_core::TableKey;
use std::sync::Arc;

const T: TableKey = TableKey::Reviews;

#[component]
pub fn ReviewsTable(checked: Arc<Checked>, shared: Shared) -> impl IntoView {
    let read = checked.report.parsed.table(T);
    let missing = if read.unreadable.is_empty() { Missing::Absent } else { Missing::Unreadable };
    let found = !read.rows.is_empty();
    let labels = || REVIEW_COLUMNS.iter().map(|c| view! { <th>{c.label}</th> }).collect_view();
    let cells = REVIEW_ROWS
        .iter()
        .flat_map(|r| REVIEW_COLUMNS.iter().map(move |c| CellKey::new(T, r.key, c.key)))
        .map(|key| view! { <DataCell checked=checked.clone() shared=shared key=key missing=missing /> })
        .collect_view();
    view! {
        <TableBlock table=T heading="四、政府信息公开行政复议、行政诉讼情况" found=found>
            <div class="scroll">
                <table class="official reviews">
                    <thead>
                        <tr><th colspan="5" rowspan="2">"行政复议"</th><th colspan="10">"行政诉讼"</th></tr>
                        <tr><th colspan="5">"未经复议直接起诉"</th><th colspan="5">"复议后起诉"</th></tr>
                        <tr>{labels()}{labels()}{labels()}</tr>
                    </thead>
                    <tbody><tr>{cells}</tr></tbody>
                </table>
            </div>
        </TableBlock>
    }
}
