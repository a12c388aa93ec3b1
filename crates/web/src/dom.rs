//! Small DOM helpers shared by components: element ids of cells, the element an event came from,
//! finding, focusing and scrolling elements (in the page or in a widget's shadow root), downloads.

use wasm_bindgen::JsCast;

/// The element id of a data cell (`applications.new.total` → `cell-applications-new-total`).
pub fn cell_id(key: nianbao_core::CellKey) -> String {
    format!("cell-{}", key.to_string().replace('.', "-"))
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The element an event started at. Inside a shadow root the browser retargets `event.target` to
/// the host element; the first node of the composed path is the real one.
pub fn origin<T: JsCast>(ev: &web_sys::Event) -> Option<T> {
    let first = ev.composed_path().get(0);
    let node = if first.is_undefined() { ev.target()?.into() } else { first };
    node.dyn_into::<T>().ok()
}

/// The text of an input event's text area.
pub fn target_text(ev: &web_sys::Event) -> String {
    origin::<web_sys::HtmlTextAreaElement>(ev).map(|t| t.value()).unwrap_or_default()
}

/// The element with this id in the same tree as `near`: the page, or the widget's shadow root.
pub fn by_id(near: &web_sys::Node, id: &str) -> Option<web_sys::Element> {
    let root = near.get_root_node();
    match root.dyn_into::<web_sys::Document>() {
        Ok(document) => document.get_element_by_id(id),
        Err(root) => root.dyn_into::<web_sys::DocumentFragment>().ok()?.get_element_by_id(id),
    }
}

/// Focuses the element with this id in the same tree as `near` and scrolls it into view.
pub fn focus(near: &web_sys::Node, id: &str) {
    if let Some(el) = by_id(near, id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
        scroll_into_view(&el);
    }
}

pub fn scroll_into_view(el: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Offers `text` as a file download (a blob: URL in this page; nothing leaves the computer).
pub fn download(filename: &str, mime: &str, text: &str) {
    let Some(document) = document() else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document.create_element("a").and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().map_err(Into::into)) {
        a.set_href(&url);
        a.set_download(filename);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// GB18030/GBK text decoded by the browser (so the page needs no decoding tables of its own);
/// None when the bytes are not valid GB18030.
pub fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}
