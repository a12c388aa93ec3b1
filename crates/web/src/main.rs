//! nianbao-web: the browser app. Paste or drop a report and see its three tables in the official
//! layout, every problem marked and explained. Everything runs in the page; nothing is uploaded.

mod active_table;
mod app;
mod applications_table;
mod data_cell;
mod dom;
mod export;
mod findings_list;
mod model;
mod panic;
mod reviews_table;
mod samples;
mod source_pane;
mod summary_bar;

/// For the browser tests: a deliberate panic, to show that a bug leaves a message, not a dead page.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn nianbao_test_panic() {
    panic!("nianbao_test_panic");
}

fn main() {
    panic::install();
    leptos::mount::mount_to_body(app::App);
}
