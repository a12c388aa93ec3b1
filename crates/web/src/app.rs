//! The page shell: the checker mounted on the whole page, and the report the batch view opens.

use crate::components::Checker;
use crate::state::Shared;
use leptos::prelude::*;
use std::cell::Cell;

thread_local! {
    /// The page's state, for the batch view's `show_report`.
    static PAGE: Cell<Option<Shared>> = const { Cell::new(None) };
}

pub fn mount(read_other: Option<js_sys::Function>, take_batch: Option<js_sys::Function>) {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        crate::panic::show_in(body.into());
    }
    let shared = Shared::with_other_reader(read_other);
    shared.set_take_batch(take_batch);
    PAGE.set(Some(shared));
    leptos::mount::mount_to_body(move || view! { <Checker shared=shared /> });
}

pub fn show_report(name: String, file: web_sys::File, previous: Option<(String, web_sys::File)>) {
    if let Some(shared) = PAGE.get() {
        shared.open_with_previous(name, file, previous);
    }
}
