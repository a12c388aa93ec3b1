//! The PDF file: cross-reference tables and streams (with `/Prev` and hybrid `/XRefStm`),
//! compressed object streams, indirect objects resolved on demand, and the page tree.

use super::filters;
use super::syntax::{Dict, Lexer, Object, Stream};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ops::Deref;
use std::rc::Rc;

/// Where an object is stored.
#[derive(Clone, Copy, Debug)]
enum Entry {
    Offset(usize),
    /// Index `1` inside object stream `0`.
    Compressed(u32, usize),
}

/// Why a file is not a readable PDF.
#[derive(Debug, PartialEq, Eq)]
pub enum FileError {
    Damaged,
    Encrypted,
}

/// A decoded object stream: each object's number and offset, and the bytes.
type ObjectStream = (Vec<(u32, usize)>, Vec<u8>);

/// A parsed PDF file.
pub struct File<'a> {
    data: &'a [u8],
    xref: HashMap<u32, Entry>,
    pub trailer: Dict,
    cache: RefCell<HashMap<u32, Rc<Object>>>,
    /// Decoded object streams by object number.
    streams: RefCell<HashMap<u32, Rc<ObjectStream>>>,
    /// Bytes unpacked by [`File::stream_data`] so far.
    unpacked: Cell<usize>,
}

/// No chain of `/Prev` sections, page tree or references is followed deeper than this.
const MAX_CHAIN: usize = 64;
/// The streams of a file (content used on many pages counted each time) unpack to at most this in
/// all: the input is at most 16 MB, and a stream used over and over must not make it unbounded.
pub const MAX_UNPACKED_BYTES: usize = 4 * filters::MAX_STREAM_BYTES;

/// An object as found: where it is written, or shared from the file's objects (not copied).
pub enum Found<'o> {
    Here(&'o Object),
    Shared(Rc<Object>),
}

impl Deref for Found<'_> {
    type Target = Object;
    fn deref(&self) -> &Object {
        match self {
            Found::Here(o) => o,
            Found::Shared(o) => o,
        }
    }
}

static NULL: Object = Object::Null;

/// A page of the page tree: its dictionary, and the attributes it has or inherits (`Resources`,
/// `MediaBox`, `CropBox`, `Rotate`), shared with the other pages that inherit them.
pub struct PageNode {
    /// The page's dictionary (shared: a damaged tree may list one page many times).
    object: Rc<Object>,
    attributes: Vec<(&'static [u8], Rc<Object>)>,
}

impl PageNode {
    pub fn dict(&self) -> &Dict {
        self.object.as_dict().expect("a page node is a dictionary")
    }

    /// An attribute of the page, its own or inherited, references followed.
    pub fn attribute(&self, key: &[u8]) -> Option<&Object> {
        self.attributes.iter().find(|(k, _)| *k == key).map(|(_, v)| &**v)
    }
}

impl<'a> File<'a> {
    pub fn parse(data: &'a [u8]) -> Result<File<'a>, FileError> {
        let mut file = File {
            data,
            xref: HashMap::new(),
            trailer: Dict::default(),
            cache: RefCell::default(),
            streams: RefCell::default(),
            unpacked: Cell::new(0),
        };
        if !file.read_xref_chain() || file.trailer.get(b"Root").is_none() {
            file.xref.clear();
            file.trailer = Dict::default();
            file.rebuild();
        }
        if file.trailer.get(b"Encrypt").is_some_and(|e| !matches!(e, Object::Null)) {
            return Err(FileError::Encrypted);
        }
        if file.catalog().is_none() {
            return Err(FileError::Damaged);
        }
        Ok(file)
    }

    /// Reads the cross-reference sections from `startxref` back through `/Prev`; false when the
    /// chain is broken (then the file is scanned for its objects instead).
    fn read_xref_chain(&mut self) -> bool {
        let tail = &self.data[self.data.len().saturating_sub(2048)..];
        let Some(at) = tail.windows(9).rposition(|w| w == b"startxref") else { return false };
        let mut lx = Lexer::new(tail, at + 9);
        let Some(mut offset) = lx.uint().map(|o| o as usize) else { return false };
        let mut seen = Vec::new();
        while seen.len() < MAX_CHAIN && !seen.contains(&offset) {
            seen.push(offset);
            let Some(trailer) = self.read_section(offset) else { return false };
            if let Some(stm) = trailer.get(b"XRefStm").and_then(Object::as_int) {
                self.read_section(stm as usize);
            }
            if self.trailer.0.is_empty() {
                self.trailer = trailer.clone();
            }
            match trailer.get(b"Prev").and_then(Object::as_int) {
                Some(prev) if prev >= 0 => offset = prev as usize,
                _ => return true,
            }
        }
        true
    }

    /// One cross-reference section (a table or a stream) at `offset`: its entries (older ones do not
    /// replace newer ones) and its trailer dictionary.
    fn read_section(&mut self, offset: usize) -> Option<Dict> {
        let mut lx = Lexer::new(self.data, offset);
        if lx.keyword(b"xref") {
            while let Some(first) = lx.uint() {
                let count = lx.uint()?;
                for i in 0..count {
                    let pos = lx.uint()?;
                    let _generation = lx.uint()?;
                    lx.skip_space();
                    let kind = *self.data.get(lx.pos)?;
                    lx.pos += 1;
                    let num = u32::try_from(first + i).ok()?;
                    if kind == b'n' && pos > 0 {
                        self.xref.entry(num).or_insert(Entry::Offset(pos as usize));
                    }
                }
            }
            if !lx.keyword(b"trailer") {
                return None;
            }
            return match lx.object(true)? {
                Object::Dict(d) => Some(d),
                _ => None,
            };
        }
        let (_, object) = self.object_at(offset)?;
        let Object::Stream(stream) = object else { return None };
        if stream.dict.get(b"Type").and_then(Object::as_name) != Some(b"XRef") {
            return None;
        }
        let data = filters::decode(&stream.dict, &stream.raw, &|o| o.clone()).ok()?;
        let widths: Vec<usize> = stream.dict.get(b"W")?.as_array()?.iter().map(|w| w.as_int().unwrap_or(0).clamp(0, 8) as usize).collect();
        if widths.len() != 3 {
            return None;
        }
        let size = stream.dict.get(b"Size").and_then(Object::as_int).unwrap_or(0);
        let index: Vec<i64> = match stream.dict.get(b"Index").and_then(Object::as_array) {
            Some(a) => a.iter().filter_map(Object::as_int).collect(),
            None => vec![0, size],
        };
        let row = widths.iter().sum::<usize>();
        let mut rows = data.chunks_exact(row.max(1));
        for pair in index.chunks_exact(2) {
            for num in pair[0]..pair[0].saturating_add(pair[1].clamp(0, 1 << 24)) {
                let Some(r) = rows.next() else { break };
                let field = |i: usize, default: u64| {
                    let start: usize = widths[..i].iter().sum();
                    if widths[i] == 0 {
                        default
                    } else {
                        r[start..start + widths[i]].iter().fold(0u64, |acc, &b| acc << 8 | u64::from(b))
                    }
                };
                let Ok(num) = u32::try_from(num) else { continue };
                let entry = match field(0, 1) {
                    1 => Entry::Offset(field(1, 0) as usize),
                    2 => Entry::Compressed(u32::try_from(field(1, 0)).ok()?, field(2, 0) as usize),
                    _ => continue,
                };
                self.xref.entry(num).or_insert(entry);
            }
        }
        Some(stream.dict)
    }

    /// Scans the whole file for `N G obj` when the cross-reference data cannot be used.
    fn rebuild(&mut self) {
        let data = self.data;
        let mut at = 0;
        while let Some(n) = data[at..].windows(3).position(|w| w == b"obj") {
            let end = at + n;
            at = end + 3;
            // Walk back over `N G `.
            let mut lx_start = end;
            let mut fields = 0;
            while fields < 2 {
                while lx_start > 0 && super::syntax::is_space(data[lx_start - 1]) {
                    lx_start -= 1;
                }
                let word_end = lx_start;
                while lx_start > 0 && data[lx_start - 1].is_ascii_digit() {
                    lx_start -= 1;
                }
                if word_end == lx_start {
                    break;
                }
                fields += 1;
            }
            if fields != 2 {
                continue;
            }
            let mut lx = Lexer::new(data, lx_start);
            if let Some(num) = lx.uint().and_then(|n| u32::try_from(n).ok()) {
                self.xref.insert(num, Entry::Offset(lx_start));
            }
        }
        // The trailer: the last `trailer` dictionary, or the catalog found among the objects.
        if let Some(t) = data.windows(7).rposition(|w| w == b"trailer") {
            if let Some(Object::Dict(d)) = Lexer::new(data, t + 7).object(true) {
                self.trailer = d;
            }
        }
        if self.trailer.get(b"Root").is_none() {
            let mut nums: Vec<u32> = self.xref.keys().copied().collect();
            nums.sort_unstable();
            for num in nums {
                let Some(obj) = self.get(num) else { continue };
                let Some(dict) = obj.as_dict() else { continue };
                match dict.get(b"Type").and_then(Object::as_name) {
                    // A cross-reference stream's dictionary is the trailer.
                    Some(b"XRef") if dict.get(b"Root").is_some() => {
                        self.trailer = dict.clone();
                        break;
                    }
                    Some(b"Catalog") => self.trailer.0.push((b"Root".to_vec(), Object::Ref(num))),
                    _ => {}
                }
            }
        }
    }

    /// The indirect object at a byte offset: `N G obj … endobj`.
    fn object_at(&self, offset: usize) -> Option<(u32, Object)> {
        let mut lx = Lexer::new(self.data, offset);
        let num = u32::try_from(lx.uint()?).ok()?;
        lx.uint()?;
        if !lx.keyword(b"obj") {
            return None;
        }
        let object = lx.object(true)?;
        let Object::Dict(dict) = object else { return Some((num, object)) };
        if !lx.keyword(b"stream") {
            return Some((num, Object::Dict(dict)));
        }
        // The data starts after the end of line that follows `stream`.
        let mut start = lx.pos;
        if self.data.get(start) == Some(&b'\r') {
            start += 1;
        }
        if self.data.get(start) == Some(&b'\n') {
            start += 1;
        }
        let declared = match dict.get(b"Length") {
            Some(Object::Ref(r)) if *r != num => self.get(*r).and_then(|o| o.as_int()),
            Some(o) => o.as_int(),
            None => None,
        };
        let fits = |len: i64| {
            let end = start.checked_add(usize::try_from(len).ok()?)?;
            let mut after = Lexer::new(self.data, end);
            (end <= self.data.len() && after.keyword(b"endstream")).then_some(end)
        };
        let end = match declared.and_then(fits) {
            Some(end) => end,
            None => {
                let n = self.data[start..].windows(9).position(|w| w == b"endstream")?;
                let mut end = start + n;
                while end > start && matches!(self.data[end - 1], b'\r' | b'\n') {
                    end -= 1;
                }
                end
            }
        };
        Some((num, Object::Stream(Stream { dict, raw: self.data[start..end].to_vec() })))
    }

    /// Object `num`, read once and kept.
    pub fn get(&self, num: u32) -> Option<Rc<Object>> {
        if let Some(o) = self.cache.borrow().get(&num) {
            return Some(o.clone());
        }
        let object = match *self.xref.get(&num)? {
            Entry::Offset(at) => self.object_at(at).filter(|(n, _)| *n == num)?.1,
            Entry::Compressed(stream, index) => self.compressed(stream, index)?,
        };
        let object = Rc::new(object);
        self.cache.borrow_mut().insert(num, object.clone());
        Some(object)
    }

    fn compressed(&self, stream_num: u32, index: usize) -> Option<Object> {
        let cached = self.streams.borrow().get(&stream_num).cloned();
        let stream = match cached {
            Some(s) => s,
            None => {
                let Entry::Offset(at) = *self.xref.get(&stream_num)? else { return None };
                let (_, Object::Stream(s)) = self.object_at(at)? else { return None };
                let data = filters::decode(&s.dict, &s.raw, &|o| self.resolve(o)).ok()?;
                let n = s.dict.get(b"N").and_then(Object::as_int)?.clamp(0, 1 << 20) as usize;
                let first = usize::try_from(s.dict.get(b"First").and_then(Object::as_int)?).ok()?;
                let mut lx = Lexer::new(&data, 0);
                let mut offsets = Vec::new();
                for _ in 0..n {
                    let (Some(num), Some(off)) = (lx.uint(), lx.uint()) else { break };
                    offsets.push((u32::try_from(num).ok()?, first.saturating_add(off as usize)));
                }
                let s = Rc::new((offsets, data));
                self.streams.borrow_mut().insert(stream_num, s.clone());
                s
            }
        };
        let &(_, at) = stream.0.get(index)?;
        Lexer::new(&stream.1, at).object(true)
    }

    /// An object with references followed (a chain of references to references, up to a limit).
    pub fn resolve(&self, object: &Object) -> Object {
        let mut current = object.clone();
        for _ in 0..MAX_CHAIN {
            match current {
                Object::Ref(num) => current = self.get(num).map_or(Object::Null, |o| (*o).clone()),
                other => return other,
            }
        }
        Object::Null
    }

    /// An object with references followed, without copying it.
    pub fn follow<'o>(&self, object: &'o Object) -> Found<'o> {
        let Object::Ref(mut num) = *object else { return Found::Here(object) };
        for _ in 0..MAX_CHAIN {
            let Some(found) = self.get(num) else { break };
            match *found {
                Object::Ref(next) => num = next,
                _ => return Found::Shared(found),
            }
        }
        Found::Here(&NULL)
    }

    /// `dict[key]` with references followed, without copying it.
    pub fn follow_in<'o>(&self, dict: &'o Dict, key: &[u8]) -> Found<'o> {
        dict.get(key).map_or(Found::Here(&NULL), |o| self.follow(o))
    }

    /// `dict[key]` resolved.
    pub fn get_in(&self, dict: &Dict, key: &[u8]) -> Object {
        dict.get(key).map_or(Object::Null, |o| self.resolve(o))
    }

    /// The decoded bytes of a stream; refused once the file's streams have unpacked to more than
    /// [`MAX_UNPACKED_BYTES`].
    pub fn stream_data(&self, stream: &Stream) -> Result<Vec<u8>, filters::FilterError> {
        if self.unpacked.get() > MAX_UNPACKED_BYTES {
            return Err(filters::FilterError::TooLarge);
        }
        let data = filters::decode(&stream.dict, &stream.raw, &|o| self.resolve(o))?;
        self.unpacked.set(self.unpacked.get() + data.len());
        Ok(data)
    }

    fn catalog(&self) -> Option<Dict> {
        self.get_in(&self.trailer, b"Root").as_dict().cloned()
    }

    /// The pages in order, each with its inherited attributes; None when the page tree is broken
    /// (a page missing: a damaged or truncated file).
    pub fn pages(&self) -> Option<Vec<PageNode>> {
        let root = self.catalog()?;
        let tree = self.follow_in(&root, b"Pages");
        let mut out = Vec::new();
        self.collect_pages(tree, &[], &mut out, 0)?;
        Some(out)
    }

    fn collect_pages(&self, found: Found, inherited: &[(&'static [u8], Rc<Object>)], out: &mut Vec<PageNode>, depth: usize) -> Option<()> {
        if depth > MAX_CHAIN || out.len() > 10_000 {
            return None;
        }
        let node = found.as_dict()?;
        let mut attributes = inherited.to_vec();
        for key in [&b"Resources"[..], b"MediaBox", b"CropBox", b"Rotate"] {
            if let Some(v) = node.get(key) {
                let value = match self.follow(v) {
                    Found::Shared(shared) => shared,
                    Found::Here(here) => Rc::new(here.clone()),
                };
                attributes.retain(|(k, _)| *k != key);
                attributes.push((key, value));
            }
        }
        match &*self.follow_in(node, b"Kids") {
            Object::Array(kids) => {
                for kid in kids {
                    self.collect_pages(self.follow(kid), &attributes, out, depth + 1)?;
                }
            }
            _ if node.get(b"Type").and_then(Object::as_name) != Some(b"Pages") => {
                let object = match &found {
                    Found::Shared(shared) => shared.clone(),
                    Found::Here(here) => Rc::new((*here).clone()),
                };
                out.push(PageNode { object, attributes });
            }
            _ => return None,
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_classic_table_and_a_rebuilt_one_read_the_same() {
        let body = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 100 100] >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n";
        let offsets: Vec<usize> = ["1 0 obj", "2 0 obj", "3 0 obj"].iter().map(|s| body.find(s).unwrap()).collect();
        let mut pdf = body.to_owned();
        let xref = pdf.len();
        pdf += "xref\n0 4\n0000000000 65535 f \n";
        for o in &offsets {
            pdf += &format!("{o:010} 00000 n \n");
        }
        pdf += &format!("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        let file = File::parse(pdf.as_bytes()).unwrap();
        let pages = file.pages().unwrap();
        assert_eq!(pages.len(), 1);
        assert!(pages[0].attribute(b"MediaBox").is_some(), "inherited");
        // A wrong startxref: the objects are found by scanning.
        let broken = pdf.replace(&format!("startxref\n{xref}"), "startxref\n7");
        assert_eq!(File::parse(broken.as_bytes()).unwrap().pages().unwrap().len(), 1);
    }

    #[test]
    fn the_streams_of_a_file_unpack_to_a_bounded_total() {
        let file = File::parse(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n").unwrap();
        let stream = Stream { dict: Dict::default(), raw: b"BT ET".to_vec() };
        assert_eq!(file.stream_data(&stream).unwrap(), b"BT ET");
        assert_eq!(file.unpacked.get(), 5);
        // A stream used over and over (on every page, in every part of the content) stops here.
        file.unpacked.set(MAX_UNPACKED_BYTES);
        assert!(file.stream_data(&stream).is_ok());
        assert_eq!(file.stream_data(&stream), Err(filters::FilterError::TooLarge));
    }
}
