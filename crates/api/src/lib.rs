//! nianbao-api: the checker for JavaScript — `check` gives the SPEC §6 document (the CLI's
//! `--format json`) as a plain object, `rules` the catalogue, `read` a file's text for the page.
//! `www/nianbao.js` wraps these exports (inputs of every kind, Promises, a fresh instance after a
//! bug); this crate has no UI framework, so a page that only checks stays small.

mod batch;
mod error;

use error::ApiError;
use nianbao_core::read::meta::Published;
use nianbao_core::{Parsed, Report};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The Rust side of a panic: its message in the console, and a fresh instance for the next call.
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        wasm_bindgen::handler::schedule_reinit();
    }));
}

/// Checks a report (its file's bytes); with `previous`, also against last year's report; with
/// `published` (YYYY-MM-DD), DATE-DEADLINE uses that date. Errors are `{ code, message }`.
#[wasm_bindgen(js_name = checkBytes)]
pub fn check_bytes(bytes: &[u8], previous: Option<Vec<u8>>, published: Option<String>) -> Result<JsValue, JsValue> {
    let report = check(bytes, previous.as_deref(), published.as_deref()).map_err(ApiError::into_js)?;
    to_js(&report)
}

fn check(bytes: &[u8], previous: Option<&[u8]>, published: Option<&str>) -> Result<Report, ApiError> {
    let previous = previous.map(|b| parse(b).map_err(ApiError::previous)).transpose()?;
    let mut parsed = parse(bytes)?;
    if let Some(date) = published {
        parsed.published = Some(Published { date: published_date(date)?, line: None, source: "用户输入" });
    }
    Ok(match &previous {
        Some(previous) => nianbao_core::check_with_previous(parsed, previous),
        None => nianbao_core::check_parsed(parsed),
    })
}

fn parse(bytes: &[u8]) -> Result<Parsed, ApiError> {
    nianbao_core::read_input_with(bytes, &decode_gb18030).map(nianbao_core::parse_input).map_err(ApiError::read)
}

/// A date as the CLI's `--published` takes it.
fn published_date(date: &str) -> Result<String, ApiError> {
    let b = date.as_bytes();
    let ok = b.len() == 10 && b[4] == b'-' && b[7] == b'-' && date.replace('-', "").bytes().all(|c| c.is_ascii_digit());
    if ok {
        Ok(date.to_owned())
    } else {
        Err(ApiError::option(format!("发布日期的格式应为 YYYY-MM-DD，收到“{date}”。")))
    }
}

/// The rule catalogue: id, severity, title (规则说明), why (为什么重要), fix (如何修改).
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct RuleJson {
        id: &'static str,
        severity: nianbao_core::Severity,
        title: &'static str,
        why: &'static str,
        fix: &'static str,
    }
    let rules: Vec<RuleJson> =
        nianbao_core::RULES.iter().map(|r| RuleJson { id: r.id, severity: r.severity, title: r.title, why: r.why, fix: r.fix }).collect();
    to_js(&rules)
}

/// What the page needs from a file it cannot read itself (it loads this module only then): the
/// text, its encoding and kind, and for a structured document where each table cell was rendered.
#[wasm_bindgen]
pub fn read(bytes: &[u8]) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Row {
        line: usize,
        table: usize,
        row: usize,
        page: Option<usize>,
        cells: Vec<(usize, usize)>,
    }
    #[derive(Serialize)]
    struct Read {
        text: String,
        encoding: &'static str,
        kind: nianbao_core::InputKind,
        rows: Option<Vec<Row>>,
    }
    let input = nianbao_core::read_input_with(bytes, &decode_gb18030).map_err(|e| ApiError::read(e).into_js())?;
    let rows = input
        .rendered
        .map(|r| r.rows.into_iter().map(|r| Row { line: r.line, table: r.table, row: r.row, page: r.page, cells: r.cells }).collect());
    to_js(&Read { text: input.text, encoding: input.encoding, kind: input.kind, rows })
}

/// A plain JavaScript object, shaped exactly as the JSON document (maps as objects, no `Map`).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|e| ApiError::internal(e.to_string()).into_js())
}

/// GB18030/GBK decoded by the browser, as in the page; None when the bytes are not valid GB18030.
fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// Does nothing. After a bug the glue replaces the instance at the start of the next call, but
/// only after copying that call's arguments into the old one; `nianbao.js` calls this first.
#[wasm_bindgen]
pub fn fresh() {}

/// For the browser tests: a deliberate panic, to show that the next call still works.
#[wasm_bindgen(js_name = testPanic)]
pub fn test_panic() {
    panic!("nianbao_test_panic");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_dates_as_the_cli_takes_them() {
        assert_eq!(published_date("2025-02-03").unwrap(), "2025-02-03");
        let error = published_date("2025/02/03").unwrap_err();
        assert_eq!(error.code, "bad-option");
        assert_eq!(error.message, "发布日期的格式应为 YYYY-MM-DD，收到“2025/02/03”。");
    }
}
