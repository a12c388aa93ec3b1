//! 表三 in the official layout: the merged header (申请人情况 / 法人或其他组织) and the group labels
//! (三、本年度办理结果, （三）不予公开 …) spanning their rows.

use super::data_cell::{DataCell, Missing};
use super::table_block::TableBlock;
use crate::model::Checked;
use crate::state::Shared;
use leptos::prelude::*;
use nianbao_core::schema::{CellKey, Era, Format, RowKey, APPLICATION_COLUMNS, APPLICATION_ROWS};
use nianbao_core::TableKey;
use std::sync::Arc;

const T: TableKey = TableKey::Applications;

/// The sub-groups of 三、本年度办理结果 that have numbered items.
#[component]
pub fn ApplicationsTable(checked: Arc<Checked>, shared: Shared) -> impl IntoView {
    let p = &checked.report.parsed;
    let read = p.table(T);
    let is_2021_other = |row: RowKey| matches!(row, RowKey::OtherNoCorrection | RowKey::OtherNoFee | RowKey::OtherMisc);
    let uses_2021_other = p.cells_of(T).any(|c| is_2021_other(c.key.row))
        || (!p.cells_of(T).any(|c| c.key.row == RowKey::Other) && p.format == Format::F2021);
    let rows: Vec<_> = APPLICATION_ROWS
        .iter()
        .filter(|r| match r.era {
            Era::Only2019 => !uses_2021_other,
            Era::Only2021 => uses_2021_other,
            Era::Both => true,
        })
        .collect();
    let outcome_count = rows.iter().filter(|r| r.outcome.is_some() || r.key == RowKey::Processed).count();
    let body = rows
        .iter()
        .map(|row| {
            let missing = if checked.unreadable_row(T, row.key) { Missing::Unreadable } else { Missing::Absent };
            let cells = APPLICATION_COLUMNS
                .iter()
                .map(|c| view! { <DataCell checked=checked.clone() shared=shared key=CellKey::new(T, row.key, c.key) missing=missing /> })
                .collect_view();
            let item = row.label.rsplit(' ').next().unwrap_or(row.label);
            let labels = if row.outcome.is_none() && row.key != RowKey::Processed {
                view! { <th scope="row" colspan="3">{row.label}</th> }.into_any()
            } else {
                let vertical = (row.key == RowKey::Granted)
                    .then(|| view! { <th scope="rowgroup" class="vertical" rowspan=outcome_count>"三、本年度办理结果"</th> });
                // （三）to（六）print their group label once, spanning the group's rows.
                let group = row.outcome.filter(|g| rows.iter().filter(|r| r.outcome == Some(*g)).count() > 1);
                let label = match group {
                    Some(g) => {
                        let members: Vec<_> = rows.iter().filter(|r| r.outcome == Some(g)).collect();
                        let first_of_group = members[0].key == row.key;
                        view! {
                            {first_of_group.then(|| view! { <th scope="rowgroup" rowspan=members.len()>{g.label()}</th> })}
                            <th scope="row">{item}</th>
                        }
                        .into_any()
                    }
                    None => view! { <th scope="row" colspan="2">{row.label}</th> }.into_any(),
                };
                view! { {vertical}{label} }.into_any()
            };
            view! { <tr data-row=row.key.as_str()>{labels}{cells}</tr> }
        })
        .collect_view();
    let found = !read.rows.is_empty();
    view! {
        <TableBlock table=T heading="三、收到和处理政府信息公开申请情况" found=found>
            <div class="scroll">
                <table class="official applications">
                    <thead>
                        <tr>
                            <th rowspan="3" colspan="3" class="note">"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"</th>
                            <th colspan="7">"申请人情况"</th>
                        </tr>
                        <tr>
                            <th rowspan="2">"自然人"</th>
                            <th colspan="5">"法人或其他组织"</th>
                            <th rowspan="2">"总计"</th>
                        </tr>
                        <tr>
                            {APPLICATION_COLUMNS[1..6].iter().map(|c| view! { <th>{c.label}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </TableBlock>
    }
}
