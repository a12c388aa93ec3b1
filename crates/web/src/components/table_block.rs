//! The frame each official table stands in: its section heading and, when the table was not
//! found, the message saying so.

use leptos::prelude::*;
use nianbao_core::TableKey;

#[component]
pub fn TableBlock(table: TableKey, heading: &'static str, found: bool, children: Children) -> impl IntoView {
    let name = table.title().split('（').next().unwrap_or_default();
    view! {
        <section class="table-block" id=format!("table-{}", table.as_str())>
            <h2>{heading}</h2>
            {(!found).then(|| view! { <p class="table-missing">{format!("未找到{name}，或其中的数字无法读取。")}</p> })}
            {children()}
        </section>
    }
}
