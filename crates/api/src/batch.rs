//! A batch for the page's Web Worker (`www/batch-worker.js`): files are added one by one (a .zip
//! of reports one report at a time), paired by year (core `Batch`), checked one by one (so the
//! worker can report n / N), and then kept so that a row's last year can be changed and the batch
//! exported (CSV summary, .xlsx workbook).

use crate::to_js;
use nianbao_core::batch::archive::{self, Expansion};
use nianbao_core::batch::{sheet, Batch, Entry};
use nianbao_core::check::finding::Finding;
use nianbao_core::{Parsed, Severity, TableKey};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Largest file a batch reads (as the page: a real report is well under 1 MB).
const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

enum Stage {
    Reading(Vec<(String, Result<Parsed, String>)>),
    Checking(Batch, Vec<Option<Vec<Finding>>>),
    Checked(Vec<Entry>),
    Moved,
}

/// One batch: add every file, `pair`, `check` each index, then `finish`; rows, changes and exports after.
#[wasm_bindgen]
pub struct BatchSession {
    stage: Stage,
    /// The archive whose reports `addNext` adds.
    opened: Option<Expansion>,
    /// Where each file added is inside its archive (for `extractMember`), or None for a file.
    locations: Vec<Option<Vec<u32>>>,
}

/// One row of the batch table (the summary sheet's values, and the indices the page needs).
#[derive(Serialize)]
struct Row<'a> {
    file: &'a str,
    organ: Option<&'a str>,
    year: Option<i32>,
    format: Option<&'static str>,
    errors: usize,
    warnings: usize,
    infos: usize,
    unread_rows: usize,
    /// Why the file could not be read (Chinese), when it could not.
    error: Option<&'a str>,
    previous: Option<usize>,
    /// The rules of its findings, in order (for the tests and the title of the row).
    rules: Vec<&'static str>,
}

#[wasm_bindgen]
impl BatchSession {
    #[wasm_bindgen(constructor)]
    pub fn new() -> BatchSession {
        BatchSession { stage: Stage::Reading(Vec::new()), opened: None, locations: Vec::new() }
    }

    /// Reads one file; one that cannot be read keeps its reason and never stops the batch.
    /// A .zip of reports (core `archive::is_archive`) is opened instead, and the number of
    /// reports in it is returned: `addNext` adds them one by one. An archive that cannot be
    /// opened is added as one unreadable file (undefined is returned, as for a file).
    pub fn add(&mut self, name: String, bytes: Vec<u8>) -> Option<usize> {
        if archive::is_archive(&name, &bytes) {
            match Expansion::open(&name, bytes, crate::decode_gb18030) {
                Ok(opened) => {
                    let count = opened.remaining();
                    self.opened = Some(opened);
                    return Some(count);
                }
                Err(reason) => self.push(name, Err(reason), None),
            }
        } else {
            self.push(name, read(&bytes), None);
        }
        None
    }

    /// Adds the next report of the archive `add` opened; returns how many are left after it (an
    /// archive inside adds its own when it is opened), or undefined when none was left.
    #[wasm_bindgen(js_name = addNext)]
    pub fn add_next(&mut self) -> Option<usize> {
        let member = self.opened.as_mut()?.next();
        let Some(member) = member else {
            self.opened = None;
            return None;
        };
        let location = member.location.iter().map(|&i| i as u32).collect();
        self.push(member.name, member.content.and_then(|bytes| read(&bytes)), Some(location));
        self.opened.as_ref().map(Expansion::remaining)
    }

    /// A file that could not even be opened, with its reason.
    #[wasm_bindgen(js_name = addUnreadable)]
    pub fn add_unreadable(&mut self, name: String, reason: String) {
        self.push(name, Err(reason), None);
    }

    /// Where file `i` is inside the archive it was added from (see `extractMember`), or
    /// undefined for a file added on its own.
    pub fn location(&self, i: usize) -> Option<Vec<u32>> {
        self.locations.get(i).cloned().flatten()
    }

    fn push(&mut self, name: String, read: Result<Parsed, String>, location: Option<Vec<u32>>) {
        if let Stage::Reading(files) = &mut self.stage {
            files.push((name, read));
            self.locations.push(location);
        }
    }

    /// Pairs the same organ's consecutive years; returns each file's last year (index or null).
    pub fn pair(&mut self) -> Result<JsValue, JsValue> {
        if let Stage::Reading(files) = std::mem::replace(&mut self.stage, Stage::Moved) {
            let mut batch = Batch::new(files);
            batch.pair_years();
            let findings = (0..batch.len()).map(|_| None).collect();
            self.stage = Stage::Checking(batch, findings);
        }
        let Stage::Checking(batch, _) = &self.stage else { return Err(JsValue::from_str("pair: not reading")) };
        to_js(&(0..batch.len()).map(|i| batch.previous(i)).collect::<Vec<_>>())
    }

    /// Checks report `i` (after `pair`).
    pub fn check(&mut self, i: usize) {
        if let Stage::Checking(batch, findings) = &mut self.stage {
            findings[i] = batch.findings(i);
        }
    }

    /// Ends checking: the rows of the table, in the order the files were added.
    pub fn finish(&mut self) -> Result<JsValue, JsValue> {
        if let Stage::Checking(batch, findings) = std::mem::replace(&mut self.stage, Stage::Moved) {
            self.stage = Stage::Checked(batch.into_entries(findings));
        }
        self.rows()
    }

    /// The rows of the table.
    pub fn rows(&self) -> Result<JsValue, JsValue> {
        let entries = self.entries()?;
        let index = |name: &str| entries.iter().position(|e| e.file == name);
        let rows: Vec<Row> = entries
            .iter()
            .map(|e| {
                let previous = e.previous.as_deref().and_then(index);
                match &e.outcome {
                    Ok(r) => Row {
                        file: &e.file,
                        organ: r.parsed.organ.as_deref(),
                        year: r.parsed.year,
                        format: Some(r.parsed.format.label()),
                        errors: r.count(Severity::Error),
                        warnings: r.count(Severity::Warning),
                        infos: r.count(Severity::Info),
                        unread_rows: TableKey::ALL.iter().map(|&t| r.parsed.table(t).unreadable.len()).sum(),
                        error: None,
                        previous,
                        rules: r.findings.iter().map(|f| f.rule).collect(),
                    },
                    Err(reason) => Row {
                        file: &e.file,
                        organ: None,
                        year: None,
                        format: None,
                        errors: 0,
                        warnings: 0,
                        infos: 0,
                        unread_rows: 0,
                        error: Some(reason),
                        previous: None,
                        rules: Vec::new(),
                    },
                }
            })
            .collect();
        to_js(&rows)
    }

    /// Takes report `previous` as report `i`'s last year (or none: undefined), re-checks report
    /// `i` and returns all rows. A report is never its own last year; an unreadable file never is one.
    #[wasm_bindgen(js_name = setPrevious)]
    pub fn set_previous(&mut self, i: usize, previous: Option<usize>) -> Result<JsValue, JsValue> {
        let Stage::Checked(entries) = &mut self.stage else { return Err(JsValue::from_str("setPrevious: not checked")) };
        let previous = previous.filter(|&p| p != i && p < entries.len() && entries[p].outcome.is_ok());
        if let Ok(report) = &entries[i].outcome {
            let last = previous.and_then(|p| entries[p].outcome.as_ref().ok()).map(|r| &r.parsed);
            let findings = nianbao_core::check::run(&report.parsed, last);
            let name = previous.map(|p| entries[p].file.clone());
            let entry = &mut entries[i];
            entry.previous = name;
            if let Ok(report) = &mut entry.outcome {
                report.findings = findings;
            }
        }
        self.rows()
    }

    /// The summary sheet as CSV that Excel opens safely (core `sheet::csv`).
    pub fn csv(&self) -> Result<String, JsValue> {
        Ok(sheet::csv(&sheet::summary(self.entries()?)))
    }

    /// The rows of the workbook's sheets — the summary, every finding, every cell — for the .xlsx
    /// module (crates/xlsx), which the worker loads only when the user asks for the workbook.
    pub fn sheets(&self) -> Result<JsValue, JsValue> {
        let entries = self.entries()?;
        to_js(&[sheet::summary(entries).rows, sheet::findings(entries).rows, sheet::cells(entries).rows])
    }

    fn entries(&self) -> Result<&[Entry], JsValue> {
        match &self.stage {
            Stage::Checked(entries) => Ok(entries),
            _ => Err(JsValue::from_str("the batch is not checked yet")),
        }
    }
}

/// One report of a .zip unpacked again, by its `location` in the session: for opening it in the
/// page's detail view without keeping every report's bytes.
#[wasm_bindgen(js_name = extractMember)]
pub fn extract_member(bytes: &[u8], location: Vec<u32>) -> Result<Vec<u8>, JsValue> {
    let location: Vec<usize> = location.into_iter().map(|i| i as usize).collect();
    archive::extract(bytes, &location).map_err(|reason| JsValue::from_str(&reason))
}

/// A report's bytes read and parsed, or why not (in Chinese).
fn read(bytes: &[u8]) -> Result<Parsed, String> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(format!(
            "文件有 {} MB，超过 {} MB 的上限，未读取。",
            nianbao_core::decimal::megabytes(bytes.len() as u64),
            MAX_FILE_BYTES / 1048576
        ));
    }
    nianbao_core::read_input_with(bytes, &crate::decode_gb18030).map(nianbao_core::parse_input).map_err(|e| e.to_string())
}

impl Default for BatchSession {
    fn default() -> Self {
        Self::new()
    }
}
