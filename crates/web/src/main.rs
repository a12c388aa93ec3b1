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

/// Mounts the checker on the whole page; `read_other` reads files the page cannot (see `other_reader`).
#[wasm_bindgen]
pub fn mount_page(read_other: Option<js_sys::Function>) {
    app::mount(read_other);
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
