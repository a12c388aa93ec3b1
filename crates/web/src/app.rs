//! The page shell: the checker mounted on the whole page.

use crate::components::Checker;
use crate::state::Shared;
use leptos::prelude::*;

pub fn mount(read_other: Option<js_sys::Function>) {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        crate::panic::show_in(body.into());
    }
    let shared = Shared::with_other_reader(read_other);
    leptos::mount::mount_to_body(move || view! { <Checker shared=shared /> });
}
