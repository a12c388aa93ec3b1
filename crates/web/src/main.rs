//! nianbao-web: the browser app. Paste or drop a report and see its three tables in the official
//! layout, every problem marked and explained. Everything runs in the page; nothing is uploaded.

mod app;
mod components;
mod dom;
mod icon;
mod model;
mod panic;
mod samples;
mod state;

/// For the browser tests: a deliberate panic, to show that a bug leaves a message, not a dead page.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn nianbao_test_panic() {
    panic!("nianbao_test_panic");
}

fn main() {
    panic::install();
    app::mount();
}
