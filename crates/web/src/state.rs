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

/// The report the user took as last year's (YEAR-* rules compare with it).
#[derive(Clone)]
pub struct Previous {
    pub name: String,
    pub parsed: Arc<nianbao_core::Parsed>,
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
    /// Last year's report, added by the user or by the batch view.
    pub previous: RwSignal<Option<Previous>>,
    /// The publication date the user entered (YYYY-MM-DD), for DATE-DEADLINE.
    pub published: RwSignal<Option<String>>,
    /// How many checks have run (shown on the summary so a test can wait for a fresh result).
    pub checks: RwSignal<u32>,
    /// The text rendered from the last .docx or HTML loaded, with where its table cells came from.
    structured: StoredValue<Option<Arc<Structured>>>,
    pending: StoredValue<Option<TimeoutHandle>>,
    /// The shell's reader for files the page does not read itself (PDF, .doc): see `other_reader`.
    other_reader: StoredValue<Option<js_sys::Function>, LocalStorage>,
    /// The page shell's batch view: takes many files or a folder (see `www/boot.js`); None elsewhere.
    take_batch: StoredValue<Option<js_sys::Function>, LocalStorage>,
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
            previous: RwSignal::new(None),
            published: RwSignal::new(None),
            checks: RwSignal::new(0),
            structured: StoredValue::new(None),
            pending: StoredValue::new(None),
            other_reader: StoredValue::new_local(None),
            take_batch: StoredValue::new_local(None),
        }
    }

    /// Shared state that passes the files the page cannot read to the shell's other reader.
    pub fn with_other_reader(other_reader: Option<js_sys::Function>) -> Self {
        let shared = Self::new();
        shared.other_reader.set_value(other_reader);
        shared
    }

    pub fn set_take_batch(&self, take_batch: Option<js_sys::Function>) {
        self.take_batch.set_value(take_batch);
    }

    /// Whether the shell has a batch view (the page does; the widget does not).
    pub fn has_batch(&self) -> bool {
        self.take_batch.with_value(Option::is_some)
    }

    /// Gives a drop (DataTransfer) or chosen files (FileList) to the batch view; false when it is
    /// one file (or there is no batch view), which the page then opens itself.
    pub fn take_batch(&self, source: &wasm_bindgen::JsValue) -> bool {
        let taken = self.take_batch.get_value().map(|f| f.call1(&wasm_bindgen::JsValue::NULL, source));
        taken.is_some_and(|t| t.is_ok_and(|t| t.is_truthy()))
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
            if let Some(date) = self.published.get_untracked() {
                parsed.published = Some(nianbao_core::read::meta::Published { date, line: None, source: "用户输入" });
            }
            let report = match self.previous.get_untracked() {
                Some(previous) => nianbao_core::check_with_previous(parsed, &previous.parsed),
                None => nianbao_core::check_parsed(parsed),
            };
            Arc::new(Checked::new(report))
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
        leptos::task::spawn_local(async move { this.open(file.name(), file).await });
    }

    /// Reads the first of the files dropped on a shell without a batch view (the widget, the offline
    /// file) and, when there were several, says that only the first was read.
    pub fn open_first_file(&self, files: web_sys::FileList) {
        let Some(file) = files.get(0) else { return };
        let count = files.length();
        let this = *self;
        leptos::task::spawn_local(async move {
            let name = file.name();
            this.open(name.clone(), file).await;
            if count > 1 && this.notice.get_untracked().is_none() {
                this.notice.set(Some(format!(
                    "拖入了 {count} 个文件，这里一次检查一份报告：已载入第一个文件“{name}”。要一次检查多份报告，请使用带批量检查的页面或命令行（nianbao check）。"
                )));
            }
        });
    }

    async fn open(&self, name: String, file: web_sys::File) {
        match self.read_file(&name, &file).await {
            Ok(input) => self.load_input(input, Some(name)),
            Err(error) => self.notice.set(Some(format!("{error} 文本框中原有的内容保持不变。"))),
        }
    }

    /// Opens a report of the batch view with the report taken as its last year (or none).
    pub fn open_with_previous(&self, name: String, file: web_sys::File, previous: Option<(String, web_sys::File)>) {
        let this = *self;
        leptos::task::spawn_local(async move {
            this.previous.set(None);
            if let Some((previous_name, previous)) = previous {
                this.set_previous(previous_name, previous).await;
            }
            this.open(name, file).await;
        });
    }

    /// Reads last year's report and re-checks the text against it.
    pub fn open_previous(&self, file: web_sys::File) {
        let this = *self;
        leptos::task::spawn_local(async move {
            this.set_previous(file.name(), file).await;
            this.check_now();
        });
    }

    async fn set_previous(&self, name: String, file: web_sys::File) {
        match self.read_file(&name, &file).await {
            Ok(input) => self.previous.set(Some(Previous { name, parsed: Arc::new(nianbao_core::parse_input(input)) })),
            Err(error) => self.notice.set(Some(format!("上一年度报告：{error}"))),
        }
    }

    /// What a file holds, or why it is not loaded (in Chinese, naming the file).
    async fn read_file(&self, name: &str, file: &web_sys::File) -> Result<nianbao_core::Input, String> {
        if file.size() > MAX_TEXT_BYTES as f64 {
            return Err(format!(
                "文件“{name}”有 {} MB，超过 {} MB 的上限，未载入。年度报告通常不超过 1 MB，请确认选择的文件是否正确。",
                nianbao_core::decimal::megabytes(file.size() as u64),
                MAX_TEXT_BYTES / 1048576
            ));
        }
        let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
            Err(_) => return Err(format!("无法读取文件“{name}”。")),
        };
        let read = match nianbao_core::read_input_with(&bytes, &crate::dom::decode_gb18030) {
            Err(error @ (ReadError::Pdf | ReadError::OldWord)) => match self.other_reader.get_value() {
                Some(reader) => crate::other_reader::read(&reader, &bytes).await,
                None => Err(error.to_string()),
            },
            other => other.map_err(|e| e.to_string()),
        };
        read.map_err(|error| format!("文件“{name}”未载入：{error}"))
    }
}

impl Default for Shared {
    fn default() -> Self {
        Self::new()
    }
}
