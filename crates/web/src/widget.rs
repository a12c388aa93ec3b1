//! The widget shell: the checker mounted in a `<nianbao-checker>` element's shadow root; after each
//! check the element dispatches `nianbao-checked` (bubbling, composed) with the SPEC §6 document.

use crate::components::Checker;
use crate::state::Shared;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub fn mount(root: web_sys::ShadowRoot, host: web_sys::HtmlElement, read_other: Option<js_sys::Function>) {
    crate::panic::show_in(root.clone().into());
    let Some(container) = root.owner_document().and_then(|d| d.create_element("div").ok()) else {
        return;
    };
    container.set_class_name("nianbao-root");
    if root.append_child(&container).is_err() {
        return;
    }
    let shared = Shared::with_other_reader(read_other);
    let handle = leptos::mount::mount_to(container.unchecked_into(), move || {
        Effect::new(move |_| {
            if let Some(checked) = shared.checked.get() {
                announce(&host, &checked.report);
            }
        });
        view! { <Checker shared=shared /> }
    });
    handle.forget();
}

/// Dispatches `nianbao-checked` from the host element. The detail is the document exactly as the
/// JSON export and the CLI give it (parsed from that JSON: the page carries no second serializer).
fn announce(host: &web_sys::HtmlElement, report: &nianbao_core::Report) {
    let Ok(detail) = js_sys::JSON::parse(&report.to_json()) else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("nianbao-checked", &init) {
        let _ = host.dispatch_event(&event);
    }
}
