//! The source pane: the paste area with line numbers, the file picker and the sample menu; shows
//! the line a chosen finding or cell came from.

use super::year_inputs::YearInputs;
use crate::dom::{origin, target_text};
use crate::samples::SAMPLES;
use crate::state::{Shared, MAX_TEXT_BYTES};
use leptos::prelude::*;

/// Height of one line of the paste area, in CSS pixels (style.css uses the same).
const LINE_HEIGHT: f64 = 20.0;

#[component]
pub fn SourcePane(shared: Shared) -> impl IntoView {
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    let gutter = NodeRef::<leptos::html::Pre>::new();
    let scroll_top = RwSignal::new(0i32);
    let marked = RwSignal::new(None::<usize>);

    let line_numbers = move || {
        let count = shared.text.with(|t| t.matches('\n').count() + 1);
        let mut out = String::with_capacity(count * 4);
        for n in 1..=count {
            out.push_str(&n.to_string());
            out.push('\n');
        }
        out
    };

    // Show the requested line: scroll to it, select it, mark it in the gutter.
    Effect::new(move |_| {
        let Some((line, _)) = shared.jump.get() else {
            return;
        };
        let Some(area) = textarea.get() else { return };
        let text = shared.text.get_untracked();
        let start: usize = text.split('\n').take(line - 1).map(|l| l.encode_utf16().count() + 1).sum();
        let len = text.split('\n').nth(line - 1).map_or(0, |l| l.encode_utf16().count());
        let top = ((line as f64 - 1.0) * LINE_HEIGHT - area.client_height() as f64 / 3.0).max(0.0);
        area.set_scroll_top(top as i32);
        let _ = area.set_selection_range(start as u32, (start + len) as u32);
        area.set_scroll_top(top as i32);
        scroll_top.set(area.scroll_top());
        if let Some(g) = gutter.get() {
            g.set_scroll_top(area.scroll_top());
        }
        marked.set(Some(line));
        area.set_attribute("data-line", &line.to_string()).ok();
    });

    let on_scroll = move |_| {
        if let (Some(area), Some(g)) = (textarea.get(), gutter.get()) {
            g.set_scroll_top(area.scroll_top());
            scroll_top.set(area.scroll_top());
        }
    };

    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let data = ev.clipboard_data();
        let size = data.as_ref().and_then(|d| d.get_data("text/plain").ok()).map_or(0, |t| t.len());
        // From Word or a web page the clipboard also has HTML, with the real table grid: use it.
        let html = data
            .and_then(|d| d.get_data("text/html").ok())
            .filter(|h| h.len() <= MAX_TEXT_BYTES && h.to_ascii_lowercase().contains("<table"));
        if let Some(html) = html {
            let input = nianbao_core::from_text(html, "UTF-8");
            if input.kind == nianbao_core::InputKind::Html {
                ev.prevent_default();
                shared.load_input(input, Some("从 Word 或网页粘贴（按表格结构读取）".to_owned()));
                return;
            }
        }
        if size > MAX_TEXT_BYTES {
            ev.prevent_default();
            shared.notice.set(Some(format!(
                "粘贴的内容有 {} MB，超过 {} MB 的上限，未粘贴。年度报告的文字通常不超过 1 MB。",
                nianbao_core::decimal::megabytes(size as u64),
                MAX_TEXT_BYTES / 1048576
            )));
        }
    };

    let on_file = move |ev: web_sys::Event| {
        let input = origin::<web_sys::HtmlInputElement>(&ev);
        if let Some(input) = input {
            let files = input.files();
            let batch = files.as_ref().is_some_and(|f| shared.take_batch(f));
            if let Some(file) = files.and_then(|f| f.get(0)).filter(|_| !batch) {
                shared.open_file(file);
            }
            input.set_value("");
        }
    };

    // A folder picker (`webkitdirectory` is not an attribute Leptos knows): its files go to the batch view.
    let folder = NodeRef::<leptos::html::Input>::new();
    folder.on_load(|input| {
        let _ = input.set_attribute("webkitdirectory", "");
    });

    let on_sample = move |ev: web_sys::Event| {
        let select = origin::<web_sys::HtmlSelectElement>(&ev);
        if let Some(select) = select {
            if let Some(sample) = select.value().parse::<usize>().ok().and_then(|i| SAMPLES.get(i)) {
                shared.load(sample.text.to_owned(), Some(sample.name.to_owned()));
            }
            select.set_value("");
        }
    };

    // The page's batch view also takes a .zip of reports; the widget does not.
    let accept = ".txt,.text,.docx,.htm,.html,text/plain,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    let accept = if shared.has_batch() { format!("{accept},.zip,application/zip") } else { accept.to_owned() };

    view! {
        <section class="source" aria-label="报告原文">
            <div class="source-tools">
                <label class="button file-button">
                    "选择文件…"
                    <input id="file-input" type="file" multiple accept=accept on:change=on_file />
                </label>
                {shared.has_batch().then(|| view! {
                    <label class="button file-button">
                        "选择文件夹…"
                        <input id="folder-input" type="file" node_ref=folder on:change=on_file />
                    </label>
                })}
                <select id="sample-menu" class="button" on:change=on_sample aria-label="载入示例">
                    <option value="" selected>"载入示例…"</option>
                    {SAMPLES.iter().enumerate().map(|(i, s)| view! { <option value=i.to_string()>{s.name}</option> }).collect_view()}
                </select>
                <button type="button" class="button" on:click=move |_| shared.load(String::new(), None)>"清空"</button>
                <span class="file-name">{move || shared.file_name.get().unwrap_or_default()}</span>
            </div>
            <YearInputs shared=shared />
            <div class="editor">
                <pre class="gutter" node_ref=gutter aria-hidden="true">{line_numbers}</pre>
                <div class="line-mark" aria-hidden="true"
                    style:display=move || if marked.get().is_some() { "block" } else { "none" }
                    style:top=move || format!("{}px", (marked.get().unwrap_or(1) as i64 - 1) * LINE_HEIGHT as i64 - i64::from(scroll_top.get()) + 8)
                ></div>
                <textarea
                    id="source"
                    node_ref=textarea
                    wrap="off"
                    spellcheck="false"
                    placeholder="在此粘贴年度报告全文（从 Word、网页或 PDF 复制均可），或把文件拖到页面上。"
                    aria-label="年度报告全文"
                    prop:value=move || shared.text.get()
                    on:input=move |ev| {
                        shared.text.set(target_text(&ev));
                        marked.set(None);
                        shared.check_soon();
                    }
                    on:scroll=on_scroll
                    on:paste=on_paste
                ></textarea>
            </div>
        </section>
    }
}
