//! Paragraph and character properties: the formatted-disk-page indexes (`PlcBtePapx`,
//! `PlcBteChpx`, [MS-DOC] 2.8.6 and 2.9.22) and the few property modifiers (sprms) the reader
//! needs — in a table, row end, nesting depth, the row's cells and their merges, deleted and
//! special characters.

use super::{u16_at, u32_at};

/// Bytes of a formatted disk page.
const PAGE: usize = 512;
/// Cells a table row may define (`itcMac` is at most 63).
const MAX_CELLS: usize = 64;
/// Property runs read at most (a report has a few thousand; pages pointed at twice count once).
const MAX_RUNS: usize = 1 << 18;

/// A run of the stream `fc..fc_end` and the property list (`grpprl`) that applies to it.
#[derive(Clone, Copy, Debug)]
struct Run<'a> {
    fc: u32,
    fc_end: u32,
    grpprl: &'a [u8],
}

/// The runs of one property kind, in stream order.
#[derive(Debug, Default)]
pub struct Runs<'a>(Vec<Run<'a>>);

impl<'a> Runs<'a> {
    /// The paragraph runs: `plc` is `PlcBtePapx` from the table stream, `word` the WordDocument stream.
    pub fn paragraphs(word: &'a [u8], plc: &[u8]) -> Runs<'a> {
        Runs::read(word, plc, |page, i, crun| {
            // BxPap: a word offset to PapxInFkp (cb, then istd and the grpprl).
            let at = 2 * usize::from(*page.get(4 * (crun + 1) + 13 * i)?);
            let cb = *page.get(at)?;
            let (start, len) = if cb == 0 { (at + 2, 2 * usize::from(*page.get(at + 1)?)) } else { (at + 1, 2 * usize::from(cb) - 1) };
            let istd_and_grpprl = page.get(start..start + len)?;
            istd_and_grpprl.get(2..)
        })
    }

    /// The character runs: `plc` is `PlcBteChpx`.
    pub fn characters(word: &'a [u8], plc: &[u8]) -> Runs<'a> {
        Runs::read(word, plc, |page, i, crun| {
            let offset = usize::from(*page.get(4 * (crun + 1) + i)?);
            if offset == 0 {
                return Some(&[][..]);
            }
            let at = 2 * offset;
            let cb = usize::from(*page.get(at)?);
            page.get(at + 1..at + 1 + cb)
        })
    }

    /// Reads every page the index points to; `grpprl(page, i, crun)` finds run `i`'s properties.
    /// A page that cannot be read is left out (its runs get no properties).
    fn read(word: &'a [u8], plc: &[u8], grpprl: impl Fn(&'a [u8], usize, usize) -> Option<&'a [u8]>) -> Runs<'a> {
        let mut runs = Vec::new();
        let mut seen = vec![false; word.len() / PAGE];
        let n = plc.len().saturating_sub(4) / 8;
        for k in 0..n {
            if runs.len() >= MAX_RUNS {
                break;
            }
            let Some(pn) = u32_at(plc, 4 * (n + 1) + 4 * k) else { break };
            let pn = (pn & 0x003F_FFFF) as usize;
            match seen.get_mut(pn) {
                Some(seen) if !*seen => *seen = true,
                _ => continue,
            }
            let Some(page) = word.get(pn * PAGE..(pn + 1) * PAGE) else { continue };
            let crun = usize::from(page[PAGE - 1]);
            for i in 0..crun {
                let (Some(fc), Some(fc_end)) = (u32_at(page, 4 * i), u32_at(page, 4 * i + 4)) else { break };
                if let Some(grpprl) = grpprl(page, i, crun) {
                    runs.push(Run { fc, fc_end, grpprl });
                }
            }
        }
        runs.sort_by_key(|r| r.fc);
        Runs(runs)
    }

    /// The property list of the run holding the character stored at `fc`.
    pub fn at(&self, fc: u32) -> &'a [u8] {
        let i = self.0.partition_point(|r| r.fc <= fc);
        match i.checked_sub(1).map(|i| self.0[i]) {
            Some(run) if fc < run.fc_end => run.grpprl,
            _ => &[],
        }
    }
}

/// The property modifiers of a list: (sprm, operand). Stops at a truncated one.
pub fn sprms(grpprl: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = grpprl;
    std::iter::from_fn(move || {
        let sprm = u16_at(rest, 0)?;
        let (skip, len) = operand_len(sprm, &rest[2..])?;
        let operand = rest.get(2 + skip..2 + skip + len)?;
        rest = &rest[2 + skip + len..];
        Some((sprm, operand))
    })
}

/// The property list that `grpprl` keeps in the Data stream (`sprmPHugePapx`: an offset to a
/// 2-byte size and the list), when a paragraph's properties did not fit their page.
pub fn huge<'a>(grpprl: &[u8], data: &'a [u8]) -> Option<&'a [u8]> {
    let (_, op) = sprms(grpprl).find(|&(sprm, _)| sprm == SPRM_P_HUGE_PAPX)?;
    let at = u32_at(op, 0)? as usize;
    let len = usize::from(u16_at(data, at)?);
    data.get(at + 2..at.checked_add(2 + len)?)
}

/// Where a sprm's operand starts after the sprm, and its length ([MS-DOC] 2.6.1, `spra`).
fn operand_len(sprm: u16, rest: &[u8]) -> Option<(usize, usize)> {
    Some(match sprm >> 13 {
        0 | 1 => (0, 1),
        2 | 4 | 5 => (0, 2),
        3 => (0, 4),
        7 => (0, 3),
        _ => match sprm {
            // sprmTDefTable: a 2-byte size that counts one byte too many.
            SPRM_T_DEF_TABLE => (2, usize::from(u16_at(rest, 0)?).checked_sub(1)?),
            // sprmPChgTabs with the size 255: the size follows from the tab counts.
            0xC615 if *rest.first()? == 255 => {
                let deleted = usize::from(*rest.get(1)?);
                let added = usize::from(*rest.get(2 + 4 * deleted)?);
                (1, 1 + 4 * deleted + 1 + 3 * added)
            }
            _ => (1, usize::from(*rest.first()?)),
        },
    })
}

const SPRM_P_HUGE_PAPX: u16 = 0x6646;
const SPRM_P_F_IN_TABLE: u16 = 0x2416;
const SPRM_P_F_TTP: u16 = 0x2417;
const SPRM_P_ITAP: u16 = 0x6649;
const SPRM_P_DTAP: u16 = 0x664A;
const SPRM_P_F_INNER_TABLE_CELL: u16 = 0x244B;
const SPRM_P_F_INNER_TTP: u16 = 0x244C;
const SPRM_T_DEF_TABLE: u16 = 0xD608;
const SPRM_T_VERT_MERGE: u16 = 0xD62B;
const SPRM_T_MERGE: u16 = 0x5624;
const SPRM_T_SPLIT: u16 = 0x5625;
const SPRM_T_INSERT: u16 = 0x7621;
const SPRM_T_DELETE: u16 = 0x5622;
const SPRM_C_F_R_MARK_DEL: u16 = 0x0800;
const SPRM_C_F_SPEC: u16 = 0x0855;

/// How a cell of a row sits in the table's grid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Merge {
    #[default]
    Own,
    /// Covered by the cell above (a vertical merge continued).
    Below,
    /// Covered by the cell to its left (a horizontal merge, `fMerged` without `fFirstMerged`).
    Right,
}

/// What the reader needs of a paragraph's properties.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paragraph {
    /// Table nesting depth: 0 outside tables, 1 in a table, 2 in a table in a cell, …
    pub depth: u32,
    /// The row-end mark of a depth-1 row (`sprmPFTtp`).
    pub row_end: bool,
    /// The end of a cell of a nested table (`sprmPFInnerTableCell`).
    pub inner_cell: bool,
    /// The row-end mark of a nested row (`sprmPFInnerTtp`).
    pub inner_row_end: bool,
    /// For a row end: the row's cells as its table definition lays them out.
    pub cells: Vec<Merge>,
}

impl Paragraph {
    /// Applies property lists in order (the page's, then the piece's).
    pub fn from(grpprls: &[&[u8]]) -> Paragraph {
        let mut p = Paragraph::default();
        let (mut in_table, mut itap) = (false, None::<u32>);
        for (sprm, op) in grpprls.iter().flat_map(|g| sprms(g)) {
            let flag = op.first().is_some_and(|&b| b != 0);
            match sprm {
                SPRM_P_F_IN_TABLE => in_table = flag,
                SPRM_P_F_TTP => p.row_end = flag,
                SPRM_P_F_INNER_TABLE_CELL => p.inner_cell = flag,
                SPRM_P_F_INNER_TTP => p.inner_row_end = flag,
                SPRM_P_ITAP => itap = u32_at(op, 0),
                SPRM_P_DTAP => itap = Some(itap.unwrap_or(0).saturating_add_signed(u32_at(op, 0).unwrap_or(0) as i32)),
                SPRM_T_DEF_TABLE => p.cells = define_cells(op),
                SPRM_T_VERT_MERGE => {
                    if let [itc, flags, ..] = *op {
                        if let Some(cell) = p.cells.get_mut(usize::from(itc)) {
                            *cell = if flags == 1 { Merge::Below } else { Merge::Own };
                        }
                    }
                }
                SPRM_T_MERGE | SPRM_T_SPLIT | SPRM_T_DELETE => {
                    let (first, lim) = (usize::from(op[0]), usize::from(*op.get(1).unwrap_or(&0)).min(p.cells.len()));
                    if first < lim {
                        match sprm {
                            SPRM_T_MERGE => p.cells[first + 1..lim].fill(Merge::Right),
                            SPRM_T_SPLIT => p.cells[first..lim].fill(Merge::Own),
                            _ => drop(p.cells.drain(first..lim)),
                        }
                    }
                }
                SPRM_T_INSERT => {
                    let (at, count) = (usize::from(op[0]).min(p.cells.len()), usize::from(op[1]));
                    let count = count.min(MAX_CELLS.saturating_sub(p.cells.len()));
                    p.cells.splice(at..at, std::iter::repeat_n(Merge::Own, count));
                }
                _ => {}
            }
        }
        p.depth = if in_table { itap.unwrap_or(1).clamp(1, 64) } else { 0 };
        p
    }
}

/// The cells of a `sprmTDefTable` operand: `itcMac`, the cell edges, then a `TC80` per cell.
fn define_cells(op: &[u8]) -> Vec<Merge> {
    let Some(&count) = op.first() else { return Vec::new() };
    let count = usize::from(count).min(MAX_CELLS);
    let tcs = 1 + 2 * (count + 1);
    (0..count)
        .map(|i| match u16_at(op, tcs + 20 * i) {
            // fFirstMerged 0x01, fMerged 0x02, fVertMerge 0x20, fVertRestart 0x40.
            Some(flags) if flags & 0x20 != 0 && flags & 0x40 == 0 => Merge::Below,
            Some(flags) if flags & 0x03 == 0x02 => Merge::Right,
            _ => Merge::Own,
        })
        .collect()
}

/// What the reader needs of a character's properties.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Character {
    /// Deleted with revision marks on (`sprmCFRMarkDel`): not part of the document as it reads.
    pub deleted: bool,
    /// A special character (`sprmCFSpec`): a picture, a footnote mark, a symbol — not text.
    pub special: bool,
}

impl Character {
    pub fn from(grpprl: &[u8]) -> Character {
        let mut c = Character::default();
        for (sprm, op) in sprms(grpprl) {
            let flag = op.first().is_some_and(|&b| b & 1 != 0);
            match sprm {
                SPRM_C_F_R_MARK_DEL => c.deleted = flag,
                SPRM_C_F_SPEC => c.special = flag,
                _ => {}
            }
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sprm_operand_sizes() {
        // sprmPFInTable 1, sprmPItap 1, sprmTVertMerge (cb 2: itc 1, merged), a 1-byte sprm cut short.
        let grpprl = [0x16, 0x24, 1, 0x49, 0x66, 1, 0, 0, 0, 0x2B, 0xD6, 2, 1, 1, 0x17];
        let list: Vec<_> = sprms(&grpprl).collect();
        assert_eq!(list, vec![(0x2416, &[1u8][..]), (0x6649, &[1, 0, 0, 0][..]), (0xD62B, &[1, 1][..])]);
    }

    fn def_table(tcgrfs: &[u16]) -> Vec<u8> {
        let mut op = vec![tcgrfs.len() as u8];
        op.extend(std::iter::repeat_n(0u8, 2 * (tcgrfs.len() + 1)));
        for &f in tcgrfs {
            op.extend(f.to_le_bytes());
            op.extend([0u8; 18]);
        }
        let mut g = SPRM_T_DEF_TABLE.to_le_bytes().to_vec();
        g.extend(((op.len() + 1) as u16).to_le_bytes());
        g.extend(op);
        g
    }

    #[test]
    fn a_row_end_with_its_merges() {
        // Cells: own, vertically continued, first of a horizontal merge, merged into it.
        let mut g = vec![0x16, 0x24, 1, 0x17, 0x24, 1];
        g.extend(def_table(&[0x0040 | 0x0020, 0x0020, 0x0001, 0x0002]));
        let p = Paragraph::from(&[g.as_slice()]);
        assert_eq!((p.depth, p.row_end), (1, true));
        assert_eq!(p.cells, [Merge::Own, Merge::Below, Merge::Own, Merge::Right]);
        // sprmTVertMerge restarts cell 1 afterwards; sprmTDelete drops the last cell.
        g.extend([0x2B, 0xD6, 2, 1, 3, 0x22, 0x56, 3, 4]);
        assert_eq!(Paragraph::from(&[g.as_slice()]).cells, [Merge::Own, Merge::Own, Merge::Own]);
        // A nested cell end, depth 2.
        let nested = Paragraph::from(&[&[0x16, 0x24, 1, 0x49, 0x66, 2, 0, 0, 0, 0x4B, 0x24, 1][..]]);
        assert_eq!((nested.depth, nested.inner_cell, nested.row_end), (2, true, false));
        assert_eq!(Paragraph::from(&[&[0x49, 0x66, 2, 0, 0, 0][..]]).depth, 0, "not in a table without sprmPFInTable");
    }

    #[test]
    fn properties_kept_in_the_data_stream() {
        let data = [9, 9, 3, 0, 0x17, 0x24, 1];
        assert_eq!(huge(&[0x46, 0x66, 2, 0, 0, 0], &data), Some(&[0x17, 0x24, 1][..]));
        assert_eq!(huge(&[0x46, 0x66, 5, 0, 0, 0], &data), None, "past the stream");
        assert_eq!(huge(&[0x16, 0x24, 1], &data), None);
    }

    #[test]
    fn deleted_and_special_characters() {
        assert_eq!(Character::from(&[0x00, 0x08, 1, 0x55, 0x08, 0]), Character { deleted: true, special: false });
        assert_eq!(Character::from(&[0x55, 0x08, 1]), Character { deleted: false, special: true });
    }

    #[test]
    fn runs_from_a_page() {
        // One paragraph page, page 2 of the stream: runs 1024..1030 and 1030..1040.
        let mut word = vec![0u8; 1024];
        let mut page = vec![0u8; PAGE];
        for (i, fc) in [1024u32, 1030, 1040].iter().enumerate() {
            page[4 * i..4 * i + 4].copy_from_slice(&fc.to_le_bytes());
        }
        page[12] = 100; // run 0: PapxInFkp at byte 200
        page[200..206].copy_from_slice(&[3, 0, 0, 0x16, 0x24, 1]); // cb 3: istd, sprmPFInTable 1
        page[PAGE - 1] = 2;
        word.extend(page);
        let plc: Vec<u8> = [1024u32, 1040, 2].iter().flat_map(|v| v.to_le_bytes()).collect();
        let runs = Runs::paragraphs(&word, &plc);
        assert_eq!(runs.at(1029), &[0x16, 0x24, 1]);
        assert_eq!(runs.at(1040), &[] as &[u8]);
        assert_eq!(runs.at(5), &[] as &[u8]);
        assert_eq!(Runs::paragraphs(&word, &[1, 2, 3]).at(1029), &[] as &[u8], "a short index reads nothing");
    }
}
