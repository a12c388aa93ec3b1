//! The panic hook: instead of a dead page, a Chinese error panel that says the pasted text is kept.

use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("nianbao: {info}").into());
        show_panel();
    }));
}

fn show_panel() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id("panic-panel");
    panel.set_attribute("role", "alert").ok();
    panel.set_inner_html(
        "<strong>页面出错了。</strong>很抱歉，检查过程中发生了意外错误。您粘贴或载入的报告仍在文本框中，\
         可以先复制保存；刷新页面后可重新检查。如能把报告发给维护人员，将有助于修复问题。",
    );
    if let Some(first) = body.first_child() {
        body.insert_before(&panel, Some(&first)).ok();
    } else {
        body.append_child(&panel).ok();
    }
    if let Some(textarea) = document.get_element_by_id("source").and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
        textarea.set_read_only(false);
    }
}
