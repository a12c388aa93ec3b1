//! nianbao-web: the browser app. Paste or drop a report and see its three tables in the official
//! layout, every problem marked and explained. Everything runs in the page; nothing is uploaded.
//! One component tree, mounted by a shell: the page (`www/boot.js`, also the offline file) or the
//! `<nianbao-checker>` widget (`www/embed.js`).

mod app;
mod components;
mod dom;
mod icon;
mod model;
mod other_reader;
mod panic;
mod samples;
mod state;
mod widget;

use wasm_bindgen::prelude::wasm_bindgen;

/// Mounts the checker on the whole page; `read_other` reads files the page cannot (see
/// `other_reader`); `take_batch` takes many files or a folder for the batch view (`www/batch.js`).
#[wasm_bindgen]
pub fn mount_page(read_other: Option<js_sys::Function>, take_batch: Option<js_sys::Function>) {
    app::mount(read_other, take_batch);
}

/// The batch view opens one of its reports here: `name` (its path in the batch), and the report
/// taken as its last year, if any.
#[wasm_bindgen]
pub fn show_report(name: String, file: web_sys::File, previous_name: Option<String>, previous: Option<web_sys::File>) {
    app::show_report(name, file, previous_name.zip(previous));
}

/// Mounts the checker in a `<nianbao-checker>` element's shadow root.
#[wasm_bindgen]
pub fn mount_widget(root: web_sys::ShadowRoot, host: web_sys::HtmlElement, read_other: Option<js_sys::Function>) {
    widget::mount(root, host, read_other);
}

/// For the browser tests: a deliberate panic, to show that a bug leaves a message, not a dead page.
#[wasm_bindgen]
pub fn nianbao_test_panic() {
    panic!("nianbao_test_panic");
}

fn main() {
    panic::install();
}
