//! Files the page does not read itself (PDF, old Word): the shell passes a JavaScript function that
//! loads the API module (`nianbao.js`) only then and returns its `read` result, so that the page's
//! first load does not carry those readers. This turns that result back into an `Input`.

use nianbao_core::input::document::{Rendered, RenderedRow};
use nianbao_core::{Input, InputKind};
use wasm_bindgen::JsValue;

/// Reads a file with the shell's other reader (the API module); its refusal's message on error.
pub async fn read(reader: &js_sys::Function, bytes: &[u8]) -> Result<Input, String> {
    let field = |v: &JsValue, name: &str| js_sys::Reflect::get(v, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let promise = reader.call1(&JsValue::NULL, &js_sys::Uint8Array::from(bytes)).map(js_sys::Promise::from);
    let read = match promise {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await,
        Err(error) => Err(error),
    };
    let read = read.map_err(|error| field(&error, "message").as_string().unwrap_or_else(|| "读取时发生错误。".to_owned()))?;
    let text = field(&read, "text").as_string().ok_or("读取时发生错误。")?;
    // The page keeps the encoding's name for the JSON export for as long as it runs.
    let encoding: &'static str = Box::leak(field(&read, "encoding").as_string().unwrap_or_default().into_boxed_str());
    let kind = match field(&read, "kind").as_string().as_deref() {
        Some("docx") => InputKind::Docx,
        Some("doc") => InputKind::Doc,
        Some("html") => InputKind::Html,
        Some("pdf") => InputKind::Pdf,
        _ => InputKind::Text,
    };
    let rows = js_sys::Array::from(&field(&read, "rows"));
    let rendered = (!field(&read, "rows").is_null()).then(|| Rendered {
        text: text.clone(),
        rows: rows
            .iter()
            .map(|row| {
                let number = |name| field(&row, name).as_f64().unwrap_or(0.0) as usize;
                let page = field(&row, "page").as_f64().map(|p| p as usize);
                let cells = js_sys::Array::from(&field(&row, "cells"));
                let cells = cells
                    .iter()
                    .map(|c| {
                        let c = js_sys::Array::from(&c);
                        (c.get(0).as_f64().unwrap_or(0.0) as usize, c.get(1).as_f64().unwrap_or(0.0) as usize)
                    })
                    .collect();
                RenderedRow { line: number("line"), table: number("table"), row: number("row"), page, cells }
            })
            .collect(),
    });
    Ok(Input { text, encoding, kind, rendered })
}
