//! No reader can be made slow: for each reader (text, .docx, HTML) and each shape of input that
//! could make one do more than linear work, an input 10× bigger may cost at most 12× as much.
//! Work is counted without a clock: allocations and bytes allocated on the reading thread.

mod common;

use common::{docx_with, fixture};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The system allocator, counting on each thread the allocations (new and grown) and their bytes.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
    static BYTES: Cell<u64> = const { Cell::new(0) };
}

fn count(bytes: usize) {
    // `try_with`: a thread being torn down has no counters left, and is not measured.
    let _ = ALLOCATIONS.try_with(|a| a.set(a.get() + 1));
    let _ = BYTES.try_with(|b| b.set(b.get() + bytes as u64));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// (allocations, bytes allocated) while checking `bytes` on this thread.
fn work(bytes: &[u8]) -> (u64, u64) {
    let before = (ALLOCATIONS.with(Cell::get), BYTES.with(Cell::get));
    let report = nianbao_core::check_bytes(bytes);
    let json = report.map(|r| r.to_json());
    let after = (ALLOCATIONS.with(Cell::get), BYTES.with(Cell::get));
    drop(json);
    (after.0 - before.0, after.1 - before.1)
}

/// A shape of input: its name, and the input with `m` units of it.
type Shape<'a> = (&'a str, &'a dyn Fn(usize) -> Vec<u8>);

/// Sizes whose work is summed: four sizes spanning a factor of two, so that buffers growing by
/// doubling are as often just past a power of two as just below it in both sums.
const SMALL: [usize; 4] = [4, 5, 6, 7];

/// Checks each shape: `make(m)` summed over `m` in [`SMALL`] against `make(10 m)`, at most 12× the
/// allocations and the bytes allocated.
fn scales(reader: &str, shapes: &[Shape]) {
    let mut failures = Vec::new();
    for (shape, make) in shapes {
        let (mut small, mut large, mut sizes) = ((0, 0), (0, 0), (0, 0));
        for m in SMALL {
            let (s, l) = (make(m), make(10 * m));
            sizes = (sizes.0 + s.len(), sizes.1 + l.len());
            let (ws, wl) = (work(&s), work(&l));
            small = (small.0 + ws.0, small.1 + ws.1);
            large = (large.0 + wl.0, large.1 + wl.1);
        }
        assert!(sizes.1 >= 9 * sizes.0, "{reader}/{shape}: the large inputs are not about 10× the small ones");
        let ratios = (large.0 as f64 / small.0.max(1) as f64, large.1 as f64 / small.1.max(1) as f64);
        if ratios.0 > 12.0 || ratios.1 > 12.0 {
            failures.push(format!(
                "{reader}/{shape}: {:.1}× the input cost {:.1}× the allocations and {:.1}× the bytes",
                sizes.1 as f64 / sizes.0 as f64,
                ratios.0,
                ratios.1
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn repeat(head: &str, unit: &str, n: usize, tail: &str) -> Vec<u8> {
    format!("{head}{}{tail}", unit.repeat(n)).into_bytes()
}

#[test]
fn the_text_reader_scales_linearly() {
    let report = String::from_utf8(fixture("reports/huaian-city-2024.txt")).unwrap();
    let head = "某某县2024年政府信息公开工作年度报告\n一、总体情况\n";
    scales(
        "text",
        &[
            ("reports one after another", &|n| report.repeat(n).into_bytes()),
            ("one long line of cells", &|n| repeat(head, "1\t0\t", 100 * n, "\n")),
            ("table rows", &|n| repeat(head, "（一）予以公开\t8\t1\t0\t0\t1\t0\t10\n", 10 * n, "")),
            ("section headings", &|n| repeat(head, "三、收到和处理政府信息公开申请情况\n", 10 * n, "")),
            ("one cell per line", &|n| repeat(head, "规章\n0\n", 40 * n, "")),
            ("prose numbers", &|n| repeat(head, "本年度共收到申请一千二百零三件，办结95件，", 10 * n, "\n")),
            ("whitespace", &|n| repeat(head, " \u{3000}\t", 200 * n, "x\n")),
        ],
    );
}

#[test]
fn the_html_reader_scales_linearly() {
    let page = String::from_utf8(fixture("structured/huaian-city-2024.word-clipboard.html")).unwrap();
    let body = &page[page.find("<body").unwrap()..page.rfind("</body>").unwrap()];
    let head = "<html><body><p>一、总体情况</p>";
    scales(
        "html",
        &[
            ("the report's body repeated", &|n| format!("<html>{}</html>", body.repeat(n)).into_bytes()),
            ("nested elements", &|n| repeat(head, "<div><span>", 40 * n, "收到和处理政府信息公开申请情况")),
            ("unclosed cells", &|n| repeat("<table><tr>", "<td>1", 20 * n, "</table><p>总体情况")),
            ("unclosed rows", &|n| repeat("<table>", "<tr><td>规章<td>1", 40 * n, "</table><p>总体情况")),
            ("spans", &|n| repeat("<table>", "<tr><td rowspan=200 colspan=200>1</td><td>2", 20 * n, "</table><p>总体情况")),
            ("unterminated quotes", &|n| repeat(head, "<a \"", 200 * n, "")),
            ("tags without an end", &|n| repeat(head, "<a b='<' ", 20 * n, "")),
            ("ampersands", &|n| repeat(head, "&&&&&&&&", 20 * n, "")),
            ("comments and scripts", &|n| repeat(head, "<!-- x --><script>a<b</script>", 40 * n, "")),
            ("unclosed script", &|n| repeat(head, "<script><script>", 20 * n, "")),
        ],
    );
}

#[test]
fn the_docx_reader_scales_linearly() {
    let xml = String::from_utf8(nianbao_core::input::zip::read(&fixture("structured/huaian-city-2024.docx"), "word/document.xml").unwrap())
        .unwrap();
    let (open, close) = (xml.find("<w:body>").unwrap() + "<w:body>".len(), xml.rfind("</w:body>").unwrap());
    let (head, body, tail) = (&xml[..open], &xml[open..close], &xml[close..]);
    let doc = |inner: String| docx_with(format!("<w:document><w:body>{inner}</w:body></w:document>").as_bytes(), 0);
    let p = "<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>";
    scales(
        "docx",
        &[
            ("the report's body repeated", &|n| docx_with(format!("{head}{}{tail}", body.repeat(n)).as_bytes(), 0)),
            ("paragraphs", &|n| doc(p.repeat(20 * n))),
            ("cells in one row", &|n| {
                doc(format!("<w:tbl><w:tr>{}</w:tr></w:tbl>{p}", "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>".repeat(40 * n)))
            }),
            ("nested tables", &|n| doc(format!("{}{p}", "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p>".repeat(40 * n)))),
            ("runs in one paragraph", &|n| doc(format!("<w:p>{}</w:p>", "<w:r><w:t>1</w:t><w:tab/></w:r>".repeat(60 * n)))),
            ("merged cells", &|n| {
                doc(format!(
                    "<w:tbl>{}</w:tbl>{p}",
                    "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"64\"/><w:vMerge/></w:tcPr></w:tc></w:tr>".repeat(40 * n)
                ))
            }),
        ],
    );
}

/// Scans that allocate nothing are not counted above: these inputs, a few MB of what once made the
/// tokenizer rescan the rest of the text at every `<` or `&`, would take hours if it did again.
#[test]
fn markup_scans_once() {
    for unit in ["<a \"", "<a b='<' x", "&&&&&&&&", "&#x4e2d&amp"] {
        let text = format!("<p>一、总体情况</p>{}", unit.repeat((2 << 20) / unit.len()));
        let blocks = nianbao_core::input::html::read(&text);
        assert!(!blocks.is_empty(), "{unit}");
    }
}
