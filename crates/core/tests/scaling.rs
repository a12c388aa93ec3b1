//! No reader can be made slow: for each reader (text, .docx, HTML, .doc, PDF) and each shape of input that
//! could make one do more than linear work, an input 10× bigger may cost at most 12× as much.
//! Work is counted without a clock: allocations and bytes allocated on the reading thread.

mod common;

use common::{docx_with, fixture, pdf_of};
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

/// The report's lines, cycled to `count` lines.
fn report_lines(count: usize) -> Vec<String> {
    let report = String::from_utf8(fixture("reports/huaian-city-2024.txt")).unwrap();
    report.lines().cycle().take(count).map(str::to_owned).collect()
}

/// A .doc of paragraphs, each its text with its end mark (`\r` or the cell mark `\x07`) and its
/// paragraph properties (a grpprl). The text is stored as UTF-16 after the FIB; the properties go
/// either on each paragraph's own piece (a `Prc` of the piece table) or, with `pages`, on runs of
/// paragraph-property pages (FKPs, 16 runs a page) over one piece.
fn doc_of(paragraphs: &[(String, Vec<u8>)], pages: bool) -> Vec<u8> {
    use std::io::Write;
    const TEXT_AT: usize = 1024;
    let mut word = vec![0u8; TEXT_AT];
    // The FIB: Word 97, 1Table, csw 14, cslw 22, cbRgFcLcb 93 (as Word writes it).
    word[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
    word[2..4].copy_from_slice(&0x00C1u16.to_le_bytes());
    word[0x0A..0x0C].copy_from_slice(&0x0200u16.to_le_bytes());
    word[32..34].copy_from_slice(&14u16.to_le_bytes());
    word[62..64].copy_from_slice(&22u16.to_le_bytes());
    word[152..154].copy_from_slice(&93u16.to_le_bytes());
    let set_pair = |word: &mut Vec<u8>, index: usize, (fc, lcb): (usize, usize)| {
        let at = 154 + index * 8;
        word[at..at + 4].copy_from_slice(&(fc as u32).to_le_bytes());
        word[at + 4..at + 8].copy_from_slice(&(lcb as u32).to_le_bytes());
    };
    // The text, and each paragraph's byte range in the stream.
    let mut ranges = Vec::new();
    let mut cp = 0usize;
    for (text, _) in paragraphs {
        let start = word.len();
        for unit in text.encode_utf16() {
            word.extend(unit.to_le_bytes());
            cp += 1;
        }
        ranges.push((start, word.len()));
    }
    word[64 + 12..64 + 16].copy_from_slice(&(cp as u32).to_le_bytes());
    // The piece table: one piece per paragraph with its properties as a Prc, or one piece.
    let mut prcs: Vec<&[u8]> = Vec::new();
    let mut pieces = Vec::new(); // (cp, cp_end, fc, prm)
    if pages {
        pieces.push((0, cp, TEXT_AT, 0u16));
    } else {
        let mut at = 0;
        for ((text, grpprl), (start, _)) in paragraphs.iter().zip(&ranges) {
            let len = text.encode_utf16().count();
            let prm = if grpprl.is_empty() {
                0
            } else {
                let index = prcs.iter().position(|p| p == grpprl).unwrap_or_else(|| {
                    prcs.push(grpprl);
                    prcs.len() - 1
                });
                (index as u16) << 1 | 1
            };
            pieces.push((at, at + len, *start, prm));
            at += len;
        }
    }
    let mut table = Vec::new();
    for prc in &prcs {
        table.push(0x01);
        table.extend((prc.len() as u16).to_le_bytes());
        table.extend(*prc);
    }
    table.push(0x02);
    table.extend(((pieces.len() * 12 + 4) as u32).to_le_bytes());
    table.extend(0u32.to_le_bytes());
    for p in &pieces {
        table.extend((p.1 as u32).to_le_bytes());
    }
    for p in &pieces {
        table.extend([0, 0]);
        table.extend((p.2 as u32).to_le_bytes());
        table.extend(p.3.to_le_bytes());
    }
    set_pair(&mut word, 33, (0, table.len()));
    if pages {
        // Paragraph-property pages, 16 runs each; a run's PapxInFkp is stored once per page.
        word.resize(word.len().div_ceil(512) * 512, 0);
        let (mut fcs, mut pns) = (vec![ranges[0].0 as u32], Vec::new());
        for chunk in paragraphs.iter().zip(&ranges).collect::<Vec<_>>().chunks(16) {
            let mut page = vec![0u8; 512];
            let crun = chunk.len();
            let mut end = 511;
            let mut stored: Vec<(&[u8], usize)> = Vec::new();
            for (i, ((_, grpprl), (start, stop))) in chunk.iter().enumerate() {
                page[4 * i..4 * i + 4].copy_from_slice(&(*start as u32).to_le_bytes());
                page[4 * i + 4..4 * i + 8].copy_from_slice(&(*stop as u32).to_le_bytes());
                let offset = match stored.iter().find(|(g, _)| g == grpprl) {
                    Some(&(_, offset)) => offset,
                    None => {
                        // cb, istd 0, the grpprl: an odd length after cb, or cb 0 and a count.
                        let mut papx = if grpprl.len() % 2 == 1 {
                            vec![((grpprl.len() + 3) / 2) as u8]
                        } else {
                            vec![0, (grpprl.len() / 2 + 1) as u8]
                        };
                        papx.extend([0, 0]);
                        papx.extend(grpprl.iter());
                        end = (end - papx.len()) & !1;
                        page[end..end + papx.len()].copy_from_slice(&papx);
                        stored.push((grpprl, end));
                        end
                    }
                };
                page[4 * (crun + 1) + 13 * i] = (offset / 2) as u8;
            }
            page[511] = crun as u8;
            fcs.push(chunk.last().unwrap().1 .1 as u32);
            pns.push((word.len() / 512) as u32);
            word.extend(page);
        }
        let at = table.len();
        for v in fcs.iter().chain(&pns) {
            table.extend(v.to_le_bytes());
        }
        set_pair(&mut word, 13, (at, table.len() - at));
    }
    let mut file = cfb::CompoundFile::create_with_version(cfb::Version::V3, std::io::Cursor::new(Vec::new())).unwrap();
    file.create_stream("/WordDocument").unwrap().write_all(&word).unwrap();
    file.create_stream("/1Table").unwrap().write_all(&table).unwrap();
    file.into_inner().into_inner()
}

/// sprmPFInTable, plus sprmPFTtp and a sprmTDefTable of `cells` cells for a row end.
fn in_table(row_end: Option<usize>) -> Vec<u8> {
    let mut g = vec![0x16, 0x24, 1];
    if let Some(cells) = row_end {
        g.extend([0x17, 0x24, 1]);
        let mut op = vec![cells as u8];
        op.extend(std::iter::repeat_n(0u8, 2 * (cells + 1) + 20 * cells));
        g.extend(0xD608u16.to_le_bytes());
        g.extend(((op.len() + 1) as u16).to_le_bytes());
        g.extend(op);
    }
    g
}

#[test]
fn the_doc_reader_scales_linearly() {
    let paragraph = |text: &str| (format!("{text}\r"), Vec::new());
    let lines = |n: usize| report_lines(n).iter().map(|l| paragraph(l)).collect::<Vec<_>>();
    // Rows of 表三's shape: a label and seven numbers, each cell ending in a cell mark.
    let rows = |n: usize| {
        let mut out = vec![paragraph("三、收到和处理政府信息公开申请情况")];
        for _ in 0..n {
            out.push(("（一）予以公开\x07".to_owned(), in_table(None)));
            for v in ["8", "1", "0", "0", "1", "0", "10"] {
                out.push((format!("{v}\x07"), in_table(None)));
            }
            out.push(("\x07".to_owned(), in_table(Some(8))));
        }
        out.push(paragraph("四、"));
        out
    };
    scales(
        "doc",
        &[
            ("the report's lines as paragraphs", &|n| doc_of(&lines(200 * n), false)),
            ("paragraphs on property pages", &|n| doc_of(&lines(200 * n), true)),
            ("table rows", &|n| doc_of(&rows(40 * n), false)),
            ("table rows on property pages", &|n| doc_of(&rows(40 * n), true)),
            ("one long paragraph", &|n| doc_of(&[paragraph(&"规章\t1\t".repeat(1000 * n))], false)),
            ("fields", &|n| doc_of(&[paragraph(&"\u{13}PAGE\u{14}1\u{15}\u{13}".repeat(300 * n))], false)),
            ("cells without rows", &|n| doc_of(&vec![("1\x07".to_owned(), in_table(None)); 500 * n], false)),
        ],
    );
}

/// A stream object's body.
fn stream(data: &str) -> String {
    format!("<< /Length {} >>\nstream\n{data}\nendstream", data.len())
}

/// A PDF of pages, each its content stream and `resources` (by default `/F1`, objects 3 and 4: a
/// Unicode font, UniGB-UCS2-H, each code the character), with `extra` objects from number 5.
fn pdf_pages(pages: &[String], resources: Option<&str>, extra: &[String]) -> Vec<u8> {
    let first = 5 + extra.len();
    let kids: Vec<String> = (0..pages.len()).map(|i| format!("{} 0 R", first + 2 * i)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), pages.len()),
        "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>".to_owned(),
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /DW 1000 >>".to_owned(),
    ];
    objects.extend(extra.iter().cloned());
    for (i, content) in pages.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {} 0 R /Resources {} >>",
            first + 2 * i + 1,
            resources.unwrap_or("<< /Font << /F1 3 0 R >> >>")
        ));
        objects.push(stream(content));
    }
    pdf_of(&objects)
}

/// `text` as a PDF string for the Unicode font: UTF-16BE in hex.
fn hex(text: &str) -> String {
    let units: Vec<String> = text.encode_utf16().map(|u| format!("{u:04X}")).collect();
    format!("<{}>", units.join(""))
}

/// A text line drawn at `y`: its first word at the left, the others in columns, as a table row is.
fn drawn(line: &str, y: f64) -> String {
    let mut out = String::new();
    for (k, word) in line.split_whitespace().enumerate() {
        let x = if k == 0 { 40.0 } else { 240.0 + 40.0 * k as f64 };
        out += &format!("BT /F1 9 Tf {x} {y} Td {} Tj ET\n", hex(word));
    }
    out
}

/// A ruled table of `rows` rows of `cells` cells, 12 points high, from the top of a page.
fn ruled(rows: usize, cells: usize) -> String {
    let mut out = String::from("0.5 w\n");
    let (top, width) = (800.0, 500.0 / cells as f64);
    for r in 0..rows {
        let y = top - 12.0 * (r + 1) as f64;
        for c in 0..cells {
            let x = 40.0 + width * c as f64;
            out += &format!("{x:.1} {y:.1} {width:.1} 12 re S\n");
            let text = if c == 0 { "（一）予以公开".to_owned() } else { (r * c % 97).to_string() };
            out += &format!("BT /F1 8 Tf {:.1} {:.1} Td {} Tj ET\n", x + 2.0, y + 3.0, hex(&text));
        }
    }
    out
}

#[test]
fn the_pdf_reader_scales_linearly() {
    // Pages of 40 of the report's lines.
    let pages = |count: usize| -> Vec<String> {
        report_lines(40 * count)
            .chunks(40)
            .map(|lines| lines.iter().enumerate().map(|(i, l)| drawn(l, 800.0 - 18.0 * i as f64)).collect())
            .collect()
    };
    // Resources as object 5: `n` names for the Unicode font.
    let fonts = |n: usize| vec![format!("<< /Font << {} >> >>", (0..n).map(|i| format!("/G{i} 3 0 R")).collect::<Vec<_>>().join(" "))];
    scales(
        "pdf",
        &[
            ("pages of the report's lines", &|n| pdf_pages(&pages(2 * n), None, &[])),
            ("lines on one page", &|n| pdf_pages(&[pages(2 * n).concat()], None, &[])),
            ("ruled table rows", &|n| pdf_pages(&[ruled(10 * n, 8)], None, &[])),
            ("ruled tables on pages", &|n| pdf_pages(&vec![ruled(40, 8); n], None, &[])),
            ("glyphs in one string", &|n| {
                pdf_pages(&[format!("BT /F1 9 Tf 40 800 Td {} Tj ET", hex(&"规章1".repeat(100 * n)))], None, &[])
            }),
            ("one glyph per operator", &|n| {
                pdf_pages(
                    &[(0..300 * n)
                        .map(|i| format!("BT /F1 9 Tf {} {} Td <89C4> Tj ET\n", i % 50 * 10, 800 - (i / 50 * 12) as i64))
                        .collect()],
                    None,
                    &[],
                )
            }),
            ("fonts used in turn", &|n| {
                let content: String =
                    (0..40 * n).map(|i| format!("BT /G{i} 9 Tf 40 {} Td <89C4> Tj ET\n", 800 - (i % 60 * 12) as i64)).collect();
                pdf_pages(&[content], Some("5 0 R"), &fonts(40 * n))
            }),
            ("pages sharing many fonts", &|n| {
                pdf_pages(&vec!["BT /G0 9 Tf 40 800 Td <89C4> Tj ET".to_owned(); 4 * n], Some("5 0 R"), &fonts(4 * n))
            }),
            ("rules apart", &|n| {
                pdf_pages(
                    &[(0..200 * n).map(|i| format!("{} {} m {} {} l S\n", i % 40 * 14, i / 40 * 7, i % 40 * 14 + 5, i / 40 * 7)).collect()],
                    None,
                    &[],
                )
            }),
            ("content in parts", &|n| {
                let parts: Vec<String> = (0..50 * n).map(|i| stream(&drawn("规章 1 2", 800.0 - (i % 60) as f64 * 12.0))).collect();
                let refs: String = (0..parts.len()).map(|i| format!("{} 0 R ", 5 + i)).collect();
                let mut bytes = pdf_pages(&["".to_owned()], None, &parts);
                let page = format!("/Contents {} 0 R", 5 + parts.len() + 1);
                let at = bytes.windows(page.len()).position(|w| w == page.as_bytes()).unwrap();
                let mut patched = bytes[..at].to_vec();
                patched.extend(format!("/Contents [{refs}]").as_bytes());
                patched.extend(&bytes.split_off(at + page.len()));
                patched // offsets after the page are stale: the cross-reference is rebuilt by scanning
            }),
            ("objects found by scanning", &|n| {
                let mut bytes = pdf_pages(&pages(2 * n), None, &[]);
                let at = bytes.windows(9).rposition(|w| w == b"startxref").unwrap();
                bytes.truncate(at);
                bytes
            }),
        ],
    );
}

/// Nor is reading a property list (which allocates nothing): 200 000 paragraphs in one piece whose
/// property list (its Prc) is 60 KB would read 12 GB of sprms if each paragraph read it again.
#[test]
fn doc_property_lists_are_read_once() {
    let prc: Vec<u8> = [0x16, 0x24, 0].repeat(20_000); // sprmPFInTable 0, 20 000 times
    let doc = doc_of(&[("规章\r".repeat(200_000), prc)], false);
    let blocks = nianbao_core::input::doc::read(&doc).unwrap();
    assert_eq!(blocks.len(), 200_000);
}
