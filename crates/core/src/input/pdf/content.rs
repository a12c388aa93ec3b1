//! A page's content streams run: every shown glyph with its position and size, the straight
//! ruling lines drawn (stroked paths, thin filled rectangles), and how much of the page is image.
//! Form XObjects are run in place with their matrix and resources.

use super::file::{File, PageNode};
use super::fonts::Font;
use super::syntax::{Dict, Lexer, Object};
use std::collections::HashMap;
use std::rc::Rc;

/// One shown glyph, in page space with y growing downwards from the page's top edge (points).
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    /// The left end of the baseline.
    pub x: f64,
    pub y: f64,
    /// The advance width.
    pub width: f64,
    /// The font size as drawn.
    pub size: f64,
    pub text: String,
}

/// A horizontal or vertical ruling line: at `at` (y for horizontal, x for vertical), `from`..`to`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    pub horizontal: bool,
    pub at: f64,
    pub from: f64,
    pub to: f64,
}

/// What a page shows.
#[derive(Debug, Default)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    /// The fraction of the page covered by images (summed; scans cover about 1).
    pub image_cover: f64,
    /// Glyphs whose font gives no Unicode text.
    pub unmapped: usize,
    /// A content stream of the page is missing or cannot be decoded (a damaged or cut file).
    pub broken: bool,
}

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a` then `b`.
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// No page runs more operators than this, counting Form XObjects (a hostile file could loop).
const MAX_OPERATORS: usize = 4_000_000;
/// Form XObjects nest at most this deep.
const MAX_FORM_DEPTH: usize = 12;

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    hscale: f64,
    leading: f64,
    rise: f64,
}

/// The glyphs and ruling lines a whole file may draw (a report has tens of thousands): a stream
/// drawn over and over must not fill the memory.
const MAX_MARKS: usize = 1 << 21;

/// A page's interpreter.
struct Run<'f, 'a, 'c> {
    file: &'f File<'a>,
    page: Page,
    /// Page space: flips y and moves the origin to the top-left corner of the crop box.
    to_page: Matrix,
    /// The file's fonts by object number, loaded once for all its pages.
    fonts: &'c mut HashMap<u32, Rc<Font>>,
    operators: usize,
    /// Glyphs and ruling lines the file's earlier pages drew.
    marks_before: usize,
}

/// Runs the content streams of each page. Past [`MAX_MARKS`] glyphs and lines, a page is broken.
pub fn run_pages(file: &File, pages: &[PageNode]) -> Vec<Page> {
    let mut fonts = HashMap::new();
    let mut marks = 0;
    pages
        .iter()
        .map(|p| {
            let page = run_page(file, p, &mut fonts, marks);
            marks += page.glyphs.len() + page.rules.len();
            page
        })
        .collect()
}

/// Runs a page's content streams.
fn run_page(file: &File, page: &PageNode, fonts: &mut HashMap<u32, Rc<Font>>, marks_before: usize) -> Page {
    let boxed = |key: &[u8]| -> Option<[f64; 4]> {
        let a = page.attribute(key)?;
        let v: Vec<f64> = a.as_array()?.iter().filter_map(|o| file.follow(o).as_f64()).collect();
        (v.len() == 4).then(|| [v[0].min(v[2]), v[1].min(v[3]), v[0].max(v[2]), v[1].max(v[3])])
    };
    let [x0, y0, x1, y1] = boxed(b"CropBox").or_else(|| boxed(b"MediaBox")).unwrap_or([0.0, 0.0, 595.0, 842.0]);
    let mut run = Run {
        file,
        page: Page { width: x1 - x0, height: y1 - y0, ..Page::default() },
        to_page: [1.0, 0.0, 0.0, -1.0, -x0, y1],
        fonts,
        operators: 0,
        marks_before,
    };
    let no_resources = Dict::default();
    let resources = page.attribute(b"Resources").and_then(Object::as_dict).unwrap_or(&no_resources);
    let mut data = Vec::new();
    let contents = file.follow_in(page.dict(), b"Contents");
    let streams: Vec<_> = match &*contents {
        Object::Array(parts) => parts.iter().map(|p| file.follow(p)).collect(),
        _ => vec![file.follow_in(page.dict(), b"Contents")],
    };
    for part in streams {
        match &*part {
            Object::Stream(s) => match file.stream_data(s) {
                Ok(d) => {
                    // Content streams split a page at token boundaries; keep them apart.
                    data.extend_from_slice(&d);
                    data.push(b'\n');
                }
                Err(_) => run.page.broken = true,
            },
            // A page without content is blank; a reference to nothing is a damaged file.
            Object::Null if page.dict().get(b"Contents").is_some() => run.page.broken = true,
            _ => {}
        }
    }
    let state = State { ctm: IDENTITY, font: None, size: 0.0, char_spacing: 0.0, word_spacing: 0.0, hscale: 1.0, leading: 0.0, rise: 0.0 };
    run.stream(&data, resources, state, 0);
    run.page
}

impl Run<'_, '_, '_> {
    /// The font `name` of `resources`: one of the file's, or one written into the resources (kept
    /// in `inline` while their stream runs).
    fn font(&mut self, resources: &Dict, name: &[u8], inline: &mut HashMap<Vec<u8>, Rc<Font>>) -> Option<Rc<Font>> {
        let fonts = self.file.follow_in(resources, b"Font");
        let entry = fonts.as_dict()?.get(name)?;
        if let Object::Ref(num) = *entry {
            if let Some(f) = self.fonts.get(&num) {
                return Some(f.clone());
            }
            let font = Rc::new(Font::load(self.file, self.file.follow(entry).as_dict()?));
            self.fonts.insert(num, font.clone());
            return Some(font);
        }
        if let Some(f) = inline.get(name) {
            return Some(f.clone());
        }
        let font = Rc::new(Font::load(self.file, entry.as_dict()?));
        inline.insert(name.to_vec(), font.clone());
        Some(font)
    }

    /// Whether the file's pages have drawn all the glyphs and lines they may (then the page is broken).
    fn full(&mut self) -> bool {
        let full = self.marks_before + self.page.glyphs.len() + self.page.rules.len() >= MAX_MARKS;
        self.page.broken |= full;
        full
    }

    /// Runs one content stream with its resources, starting from `gs`.
    fn stream(&mut self, data: &[u8], resources: &Dict, mut gs: State, depth: usize) {
        let mut inline_fonts = HashMap::new();
        let mut stack: Vec<State> = Vec::new();
        let mut ops: Vec<Object> = Vec::new();
        let (mut tm, mut tlm) = (IDENTITY, IDENTITY);
        // The current path: subpaths of points in page space, and whether each has a curve.
        let mut path: Vec<(Vec<(f64, f64)>, bool)> = Vec::new();
        let mut lx = Lexer::new(data, 0);
        while let Some(obj) = lx.object(false) {
            let Object::Op(op) = obj else {
                if ops.len() < 64 {
                    ops.push(obj);
                }
                continue;
            };
            self.operators += 1;
            if self.operators > MAX_OPERATORS {
                return;
            }
            let num = |i: usize| ops.get(i).and_then(Object::as_f64).unwrap_or(0.0);
            let device = mul(&gs.ctm, &self.to_page);
            match op.as_slice() {
                b"q" if stack.len() < 256 => stack.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                b"cm" if ops.len() >= 6 => gs.ctm = mul(&[num(0), num(1), num(2), num(3), num(4), num(5)], &gs.ctm),
                b"BT" => (tm, tlm) = (IDENTITY, IDENTITY),
                b"Tf" => {
                    gs.font = ops.first().and_then(Object::as_name).and_then(|n| self.font(resources, n, &mut inline_fonts));
                    gs.size = num(1);
                }
                b"Tc" => gs.char_spacing = num(0),
                b"Tw" => gs.word_spacing = num(0),
                b"Tz" => gs.hscale = num(0) / 100.0,
                b"TL" => gs.leading = num(0),
                b"Ts" => gs.rise = num(0),
                b"Td" | b"TD" => {
                    if op == b"TD" {
                        gs.leading = -num(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, num(0), num(1)], &tlm);
                    tm = tlm;
                }
                b"Tm" if ops.len() >= 6 => {
                    tlm = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    tm = tlm;
                }
                b"T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" => {
                    if op != b"Tj" {
                        if op == b"\"" {
                            gs.word_spacing = num(0);
                            gs.char_spacing = num(1);
                        }
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                        tm = tlm;
                    }
                    if let Some(Object::Str(s)) = ops.last() {
                        self.show(s, &gs, &mut tm);
                    }
                }
                b"TJ" => {
                    for item in ops.first().and_then(Object::as_array).unwrap_or(&[]) {
                        match item {
                            Object::Str(s) => self.show(s, &gs, &mut tm),
                            other => {
                                let adjust = other.as_f64().unwrap_or(0.0);
                                tm = mul(&[1.0, 0.0, 0.0, 1.0, -adjust / 1000.0 * gs.size * gs.hscale, 0.0], &tm);
                            }
                        }
                    }
                }
                b"m" => path.push((vec![apply(&device, num(0), num(1))], false)),
                b"l" => {
                    let p = apply(&device, num(0), num(1));
                    match path.last_mut() {
                        Some((points, _)) => points.push(p),
                        None => path.push((vec![p], false)),
                    }
                }
                b"c" | b"v" | b"y" => {
                    let n = ops.len();
                    let p = apply(&device, num(n.saturating_sub(2)), num(n.saturating_sub(1)));
                    match path.last_mut() {
                        Some((points, curved)) => {
                            points.push(p);
                            *curved = true;
                        }
                        None => path.push((vec![p], true)),
                    }
                }
                b"re" => {
                    let (x, y, w, h) = (num(0), num(1), num(2), num(3));
                    let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)];
                    path.push((corners.iter().map(|&(px, py)| apply(&device, px, py)).collect(), false));
                }
                b"h" => {
                    if let Some((points, _)) = path.last_mut() {
                        if let Some(&first) = points.first() {
                            points.push(first);
                        }
                    }
                }
                b"S" | b"s" | b"B" | b"B*" | b"b" | b"b*" => {
                    if op.starts_with(b"s") || op.starts_with(b"b") {
                        for (points, _) in &mut path {
                            if let Some(&first) = points.first() {
                                points.push(first);
                            }
                        }
                    }
                    self.stroke(&path);
                    path.clear();
                }
                b"f" | b"F" | b"f*" => {
                    self.fill(&path);
                    path.clear();
                }
                b"n" => path.clear(),
                b"Do" => {
                    if let Some(name) = ops.first().and_then(Object::as_name) {
                        self.x_object(resources, name, &gs, depth);
                    }
                }
                b"ID" => {
                    lx.skip_inline_image();
                    self.image(&device);
                }
                _ => {}
            }
            ops.clear();
        }
    }

    fn show(&mut self, s: &[u8], gs: &State, tm: &mut Matrix) {
        let Some(font) = gs.font.clone() else { return };
        for (code, len) in font.codes(s) {
            let w0 = font.width(code);
            let text_to_page = mul(&mul(tm, &gs.ctm), &self.to_page);
            let trm = mul(&[gs.size * gs.hscale, 0.0, 0.0, gs.size, 0.0, gs.rise], &text_to_page);
            let (x, y) = (trm[4], trm[5]);
            let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            let x_scale = (text_to_page[0] * text_to_page[0] + text_to_page[1] * text_to_page[1]).sqrt();
            let spacing = gs.char_spacing + if code == 32 && len == 1 { gs.word_spacing } else { 0.0 };
            let advance = (w0 * gs.size + spacing) * gs.hscale;
            let text = font.text(code);
            if text.is_none() {
                self.page.unmapped += 1;
            }
            if x.is_finite() && y.is_finite() && size.is_finite() && !self.full() {
                self.page.glyphs.push(Glyph {
                    x,
                    y,
                    width: w0 * gs.size * gs.hscale * x_scale,
                    size,
                    text: text.unwrap_or_else(|| "\u{fffd}".to_owned()),
                });
            }
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], tm);
        }
    }

    fn x_object(&mut self, resources: &Dict, name: &[u8], gs: &State, depth: usize) {
        let xobjects = self.file.follow_in(resources, b"XObject");
        let Some(entry) = xobjects.as_dict().and_then(|d| d.get(name)) else { return };
        let found = self.file.follow(entry);
        let Object::Stream(stream) = &*found else { return };
        match self.file.follow_in(&stream.dict, b"Subtype").as_name() {
            Some(b"Image") => self.image(&mul(&gs.ctm, &self.to_page)),
            Some(b"Form") if depth < MAX_FORM_DEPTH => {
                let Ok(data) = self.file.stream_data(stream) else { return };
                let matrix: Vec<f64> = match &*self.file.follow_in(&stream.dict, b"Matrix") {
                    Object::Array(m) => m.iter().filter_map(Object::as_f64).collect(),
                    _ => Vec::new(),
                };
                let mut inner = gs.clone();
                if let [a, b, c, d, e, f] = matrix[..] {
                    inner.ctm = mul(&[a, b, c, d, e, f], &gs.ctm);
                }
                let own = self.file.follow_in(&stream.dict, b"Resources");
                self.stream(&data, own.as_dict().unwrap_or(resources), inner, depth + 1);
            }
            _ => {}
        }
    }

    /// An image drawn into the unit square of `device`: its share of the page.
    fn image(&mut self, device: &Matrix) {
        let area = (device[0] * device[3] - device[1] * device[2]).abs();
        let page = (self.page.width * self.page.height).max(1.0);
        if area.is_finite() {
            self.page.image_cover += (area / page).min(1.0);
        }
    }

    fn stroke(&mut self, path: &[(Vec<(f64, f64)>, bool)]) {
        for (points, curved) in path {
            if *curved {
                continue;
            }
            for pair in points.windows(2) {
                self.segment(pair[0], pair[1]);
            }
        }
    }

    /// Filled thin rectangles are the ruling lines of Word's and WPS's tables.
    fn fill(&mut self, path: &[(Vec<(f64, f64)>, bool)]) {
        for (points, curved) in path {
            if *curved || points.len() < 4 {
                continue;
            }
            let (xs, ys): (Vec<f64>, Vec<f64>) = points.iter().copied().unzip();
            let (x0, x1) = (xs.iter().copied().fold(f64::INFINITY, f64::min), xs.iter().copied().fold(f64::NEG_INFINITY, f64::max));
            let (y0, y1) = (ys.iter().copied().fold(f64::INFINITY, f64::min), ys.iter().copied().fold(f64::NEG_INFINITY, f64::max));
            let axis_aligned = points
                .iter()
                .all(|&(x, y)| ((x - x0).abs() < 0.5 || (x - x1).abs() < 0.5) && ((y - y0).abs() < 0.5 || (y - y1).abs() < 0.5));
            if !axis_aligned {
                continue;
            }
            const THIN: f64 = 3.0;
            if y1 - y0 <= THIN && x1 - x0 > THIN {
                self.segment((x0, (y0 + y1) / 2.0), (x1, (y0 + y1) / 2.0));
            } else if x1 - x0 <= THIN && y1 - y0 > THIN {
                self.segment(((x0 + x1) / 2.0, y0), ((x0 + x1) / 2.0, y1));
            }
        }
    }

    fn segment(&mut self, (ax, ay): (f64, f64), (bx, by): (f64, f64)) {
        if ![ax, ay, bx, by].iter().all(|v| v.is_finite()) || self.page.rules.len() > 100_000 || self.full() {
            return;
        }
        if (ay - by).abs() < 0.5 && (ax - bx).abs() > 1.0 {
            self.page.rules.push(Rule { horizontal: true, at: (ay + by) / 2.0, from: ax.min(bx), to: ax.max(bx) });
        } else if (ax - bx).abs() < 0.5 && (ay - by).abs() > 1.0 {
            self.page.rules.push(Rule { horizontal: false, at: (ax + bx) / 2.0, from: ay.min(by), to: ay.max(by) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file whose one page shows `a` with Helvetica `count` times, its content stream used by
    /// `pages` pages.
    fn file_bytes(count: usize, pages: usize) -> String {
        let content = "BT /F1 9 Tf 10 10 Td (a) Tj ET\n".repeat(count);
        let kids = vec!["3 0 R"; pages].join(" ");
        format!(
            "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [{kids}] /Count {pages} >>\nendobj\n\
             3 0 obj\n<< /Type /Page /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n\
             4 0 obj\n<< /Length {} >>\nstream\n{content}\nendstream\nendobj\n\
             5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n",
            content.len()
        )
    }

    #[test]
    fn a_file_draws_a_bounded_number_of_marks() {
        let bytes = file_bytes(3, 2);
        let file = File::parse(bytes.as_bytes()).unwrap();
        let pages = run_pages(&file, &file.pages().unwrap());
        assert_eq!(pages.iter().map(|p| (p.glyphs.len(), p.broken)).collect::<Vec<_>>(), [(3, false), (3, false)]);
        // The same page listed many times, once the file has drawn all it may: broken, not grown.
        let page = &file.pages().unwrap()[0];
        let full = run_page(&file, page, &mut HashMap::new(), MAX_MARKS - 2);
        assert_eq!((full.glyphs.len(), full.broken), (2, true));
    }
}
