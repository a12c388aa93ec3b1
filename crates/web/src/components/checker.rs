//! The root of the component tree: the heading, the notice, the paste area and the results, and
//! files dropped anywhere on it. Shells (the page, the widget) mount it with their `Shared`.

use super::active_table::ActiveTable;
use super::applications_table::ApplicationsTable;
use super::export::Export;
use super::findings_list::FindingsList;
use super::notice::Notice;
use super::reviews_table::ReviewsTable;
use super::source_pane::SourcePane;
use super::summary_bar::SummaryBar;
use super::welcome::Welcome;
use crate::state::Shared;
use leptos::prelude::*;

#[component]
pub fn Checker(shared: Shared) -> impl IntoView {
    let dragging = RwSignal::new(false);

    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let transfer = ev.data_transfer();
        // Many files or a folder go to the batch view, if the shell has one.
        if transfer.as_ref().is_some_and(|dt| shared.take_batch(dt)) {
            return;
        }
        match transfer.and_then(|dt| dt.files()).filter(|files| files.length() > 0) {
            Some(files) => shared.open_first_file(files),
            None => shared.notice.set(Some("拖入的内容不是文件。请拖入报告文件（.docx、.html 或 .txt），或直接粘贴文字。".to_owned())),
        }
    };

    view! {
        <div
            class="app"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |ev: web_sys::DragEvent| {
                let left_page = ev.related_target().is_none();
                if left_page {
                    dragging.set(false);
                }
            }
            on:drop=on_drop
        >
            <header class="masthead">
                <h1>"政府信息公开工作年度报告检查"</h1>
                <p class="privacy">"报告只在本机检查，不会上传到任何地方。"</p>
            </header>
            <Notice shared=shared />
            <main class="workspace">
                <SourcePane shared=shared />
                <section class="results" aria-label="检查结果">
                    {move || match shared.checked.get() {
                        None => view! { <Welcome /> }.into_any(),
                        Some(checked) => view! {
                            <SummaryBar checked=checked.clone() checks=shared.checks.get_untracked() />
                            <Export checked=checked.clone() />
                            <FindingsList checked=checked.clone() shared=shared />
                            <ActiveTable checked=checked.clone() shared=shared />
                            <ApplicationsTable checked=checked.clone() shared=shared />
                            <ReviewsTable checked=checked shared=shared />
                        }.into_any(),
                    }}
                </section>
            </main>
            <div class="drop-hint" aria-hidden="true">"松开鼠标即可载入报告文件"</div>
        </div>
    }
}
