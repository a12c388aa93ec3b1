//! A message about the input (a file that could not be read, a text too large), until dismissed.

use crate::state::Shared;
use leptos::prelude::*;

#[component]
pub fn Notice(shared: Shared) -> impl IntoView {
    move || {
        shared.notice.get().map(|message| {
            view! {
                <div class="notice" role="alert">
                    <span class="notice-icon" aria-hidden="true">"⚠"</span>
                    <span class="notice-text">{message}</span>
                    <button type="button" class="notice-close" on:click=move |_| shared.notice.set(None)>"知道了"</button>
                </div>
            }
        })
    }
}
