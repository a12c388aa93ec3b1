//! Last year's report and the publication date, which the user adds to a single report: they feed
//! the YEAR-* rules and DATE-DEADLINE. The batch view sets last year's report the same way.

use crate::dom::origin;
use crate::state::Shared;
use leptos::prelude::*;

#[component]
pub fn YearInputs(shared: Shared) -> impl IntoView {
    let on_previous = move |ev: web_sys::Event| {
        if let Some(input) = origin::<web_sys::HtmlInputElement>(&ev) {
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                shared.open_previous(file);
            }
            input.set_value("");
        }
    };
    let clear = move |_| {
        shared.previous.set(None);
        shared.check_now();
    };
    let on_date = move |ev: web_sys::Event| {
        let date = origin::<web_sys::HtmlInputElement>(&ev).map(|i| i.value()).unwrap_or_default();
        shared.published.set((!date.is_empty()).then_some(date));
        shared.check_now();
    };
    view! {
        <div class="year-inputs">
            {move || match shared.previous.get() {
                None => view! {
                    <label class="button file-button">
                        "添加上一年度报告…"
                        <input id="previous-input" type="file" on:change=on_previous />
                    </label>
                }.into_any(),
                Some(previous) => view! {
                    <span id="previous-name">{format!("上一年度报告：{}", previous.name)}</span>
                    <button type="button" class="button" id="previous-clear" on:click=clear>"不与上一年度比较"</button>
                }.into_any(),
            }}
            <label for="published-input">"发布日期"</label>
            <input id="published-input" type="date" on:change=on_date />
        </div>
    }
}
