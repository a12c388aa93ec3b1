//! Small DOM helpers shared by components: element ids of cells, focusing, scrolling, downloads.

use wasm_bindgen::JsCast;

/// The element id of a data cell (`applications.new.total` → `cell-applications-new-total`).
pub fn cell_id(key: nianbao_core::CellKey) -> String {
    format!("cell-{}", key.to_string().replace('.', "-"))
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Focuses an element by id and scrolls it into view.
pub fn focus(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
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
