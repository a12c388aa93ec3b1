//! The state every shell shares: the text, the checked report, the selection, the notice; checking
//! as the user types (debounced) and loading text, files and rich pastes.

use crate::model::Checked;
use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;
use nianbao_core::ReadError;
use std::sync::Arc;
use std::time::Duration;

/// Largest text the page takes (a real report is well under 1 MB).
pub const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;

/// What is chosen: a finding (its cells light up) or a cell (its findings light up).
#[derive(Clone, PartialEq, Debug)]
pub enum Selection {
    None,
    Finding(usize),
    Cell(nianbao_core::CellKey),
}

/// A .docx or HTML input as shown in the paste area, and the table cell of each rendered cell.
struct Structured {
    text: String,
    kind: nianbao_core::InputKind,
    rendered: nianbao_core::input::document::Rendered,
}

/// State shared by the components; created by a shell, passed down.
#[derive(Clone, Copy)]
pub struct Shared {
    pub text: RwSignal<String>,
    pub checked: RwSignal<Option<Arc<Checked>>>,
    pub selection: RwSignal<Selection>,
    /// A request to show a line of the source: (line, a counter so the same line can be asked again).
    pub jump: RwSignal<Option<(usize, u32)>>,
    pub notice: RwSignal<Option<String>>,
    pub file_name: RwSignal<Option<String>>,
    /// How many checks have run (shown on the summary so a test can wait for a fresh result).
    pub checks: RwSignal<u32>,
    /// The text rendered from the last .docx or HTML loaded, with where its table cells came from.
    structured: StoredValue<Option<Arc<Structured>>>,
    pending: StoredValue<Option<TimeoutHandle>>,
    /// The shell's reader for files the page does not read itself (PDF, .doc): see `other_reader`.
    other_reader: StoredValue<Option<js_sys::Function>, LocalStorage>,
}

impl Shared {
    pub fn new() -> Self {
        Shared {
            text: RwSignal::new(String::new()),
            checked: RwSignal::new(None),
            selection: RwSignal::new(Selection::None),
            jump: RwSignal::new(None),
            notice: RwSignal::new(None),
            file_name: RwSignal::new(None),
            checks: RwSignal::new(0),
            structured: StoredValue::new(None),
            pending: StoredValue::new(None),
            other_reader: StoredValue::new_local(None),
        }
    }

    /// Shared state that passes the files the page cannot read to the shell's other reader.
    pub fn with_other_reader(other_reader: Option<js_sys::Function>) -> Self {
        let shared = Self::new();
        shared.other_reader.set_value(other_reader);
        shared
    }

    /// Checks the current text now.
    pub fn check_now(&self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
        }
        let text = self.text.get_untracked();
        let checked = (!text.trim().is_empty()).then(|| {
            let mut parsed = nianbao_core::parse_input(nianbao_core::from_text(text.clone(), "UTF-8"));
            // Text still as rendered from a .docx or web page: its cells keep their table cells.
            if let Some(s) = self.structured.get_value().filter(|s| s.text == text) {
                parsed.attach_origins(&s.rendered);
                parsed.input = s.kind;
            }
            Arc::new(Checked::new(nianbao_core::check_parsed(parsed)))
        });
        self.checks.update(|n| *n += 1);
        self.selection.set(Selection::None);
        self.checked.set(checked);
    }

    /// Checks the text a moment after the user stops typing.
    pub fn check_soon(&self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
        }
        let this = *self;
        let handle = set_timeout_with_handle(move || this.check_now(), Duration::from_millis(350)).ok();
        self.pending.set_value(handle);
    }

    /// Replaces the text (a sample, a file) and checks it at once.
    pub fn load(&self, text: String, name: Option<String>) {
        self.notice.set(None);
        self.text.set(text);
        self.file_name.set(name);
        self.check_now();
    }

    /// Loads what was read from a file or a rich paste; .docx and HTML keep their table structure.
    pub fn load_input(&self, input: nianbao_core::Input, name: Option<String>) {
        let structured = input.rendered.map(|rendered| Arc::new(Structured { text: input.text.clone(), kind: input.kind, rendered }));
        self.structured.set_value(structured);
        self.load(input.text, name);
    }

    pub fn jump_to(&self, line: usize) {
        let count = self.jump.get_untracked().map_or(0, |(_, n)| n.wrapping_add(1));
        self.jump.set(Some((line, count)));
    }

    /// Reads a dropped or chosen file; a file that is not a readable report leaves the text as it is.
    pub fn open_file(&self, file: web_sys::File) {
        let this = *self;
        let name = file.name();
        if file.size() > MAX_TEXT_BYTES as f64 {
            this.notice.set(Some(format!(
                "文件“{name}”有 {:.1} MB，超过 {} MB 的上限，未载入。年度报告通常不超过 1 MB，请确认选择的文件是否正确。",
                file.size() / 1048576.0,
                MAX_TEXT_BYTES / 1048576
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => {
                    this.notice.set(Some(format!("无法读取文件“{name}”。")));
                    return;
                }
            };
            let read = match nianbao_core::read_input_with(&bytes, &crate::dom::decode_gb18030) {
                Err(error @ (ReadError::Pdf | ReadError::OldWord)) => match this.other_reader.get_value() {
                    Some(reader) => crate::other_reader::read(&reader, &bytes).await,
                    None => Err(error.to_string()),
                },
                other => other.map_err(|e| e.to_string()),
            };
            match read {
                Ok(input) => this.load_input(input, Some(name)),
                Err(error) => this.notice.set(Some(format!("文件“{name}”未载入：{error} 文本框中原有的内容保持不变。"))),
            }
        });
    }
}

impl Default for Shared {
    fn default() -> Self {
        Self::new()
    }
}
