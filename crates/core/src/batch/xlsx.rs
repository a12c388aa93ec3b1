//! The batch as an .xlsx workbook (rust_xlsxwriter): one worksheet a sheet, header row bold,
//! frozen and filterable; numbers as numbers, text as text (never a formula).

use super::sheet::{Sheet, Value};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet.name)?;
        for (col, title) in sheet.header.iter().enumerate() {
            let width = match *title {
                _ if col == 0 => 48.0,
                "说明" => 48.0,
                "单元格" | "行" => 30.0,
                "位置" => 40.0,
                _ => 14.0,
            };
            ws.set_column_width(col as u16, width)?;
            ws.write_string_with_format(0, col as u16, *title, &bold)?;
        }
        for (row, values) in sheet.rows.iter().enumerate() {
            let row = row as u32 + 1;
            for (col, value) in values.iter().enumerate() {
                match value {
                    Value::Text(t) => ws.write_string(row, col as u16, t)?,
                    Value::Number(n) => ws.write_number(row, col as u16, *n)?,
                    Value::Empty => ws,
                };
            }
        }
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, sheet.rows.len() as u32, sheet.header.len() as u16 - 1)?;
    }
    book.save_to_buffer()
}
