//! nianbao-xlsx: the batch's .xlsx workbook for the page. The batch worker (`www/batch-worker.js`)
//! passes the rows of the three sheets from its `BatchSession`; the workbook is core's
//! `batch::xlsx`, the same as `nianbao check --format xlsx`. A module of its own, so that neither
//! the page nor the API carries the writer until a workbook is asked for.

use nianbao_core::batch::sheet::{self, Sheet, Value};
use wasm_bindgen::prelude::*;

/// The workbook from `[summary rows, finding rows, cell rows]` (as `BatchSession.sheets()` gives them).
#[wasm_bindgen]
pub fn workbook(rows: JsValue) -> Result<Vec<u8>, JsValue> {
    let [summary, findings, cells]: [Vec<Vec<Value>>; 3] = serde_wasm_bindgen::from_value(rows)?;
    let sheets = [with_rows(sheet::summary(&[]), summary), with_rows(sheet::findings(&[]), findings), with_rows(sheet::cells(&[]), cells)];
    nianbao_core::batch::xlsx::workbook(&sheets).map_err(|e| JsValue::from_str(&format!("无法生成 .xlsx：{e}")))
}

/// A sheet's name and header, as core defines them, with these rows.
fn with_rows(empty: Sheet, rows: Vec<Vec<Value>>) -> Sheet {
    Sheet { rows, ..empty }
}
