//! The panic hook: instead of a dead checker, a Chinese error panel that says the pasted text is
//! kept, in every place a shell mounted the checker.

use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    /// Where the checker is mounted: the page's body, or a widget's shadow root.
    static ROOTS: RefCell<Vec<web_sys::Node>> = const { RefCell::new(Vec::new()) };
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("nianbao: {info}").into());
        let roots = ROOTS.with(|roots| roots.try_borrow().map(|r| r.clone()).unwrap_or_default());
        for root in &roots {
            show_panel(root);
        }
    }));
}

/// Shows the panel at the top of `root` when a panic happens.
pub fn show_in(root: web_sys::Node) {
    ROOTS.with(|roots| roots.borrow_mut().push(root));
}

fn show_panel(root: &web_sys::Node) {
    let Some(document) = root.owner_document().or_else(|| root.clone().dyn_into::<web_sys::Document>().ok()) else {
        return;
    };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id("panic-panel");
    panel.set_attribute("role", "alert").ok();
    panel.set_inner_html(
        "<strong>页面出错了。</strong>很抱歉，检查过程中发生了意外错误。您粘贴或载入的报告仍在文本框中，\
         可以先复制保存；刷新页面后可重新检查。如能把报告发给维护人员，将有助于修复问题。",
    );
    if let Some(first) = root.first_child() {
        root.insert_before(&panel, Some(&first)).ok();
    } else {
        root.append_child(&panel).ok();
    }
    if let Some(textarea) = crate::dom::by_id(root, "source").and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
        textarea.set_read_only(false);
    }
}
