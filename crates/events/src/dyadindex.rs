//! The dyad directory written beside every `dyad_day` part (`part-<hash>.dyx`): the part's actors,
//! and for each directed dyad in it (sorted as the part is) its row range and its totals over the
//! part. A monthly or yearly series, top counterparts and type breakdowns then read a few bytes
//! per part instead of decoding Parquet pages; only partial months (a range or a membership that
//! starts or ends mid-month) and daily series read rows, and then only the dyad's rows.
//!
//! Layout (little-endian): magic `ENTDYX01`, actor count u32, each actor as u16 length + UTF-8
//! bytes (sorted), dyad count u32, each dyad as 5 × u32 (actor1, actor2, first row, row count,
//! offset of its totals), then the totals: varint events, varint bitmask of the non-zero other
//! counters, those counters as varints, the Goldstein sum as f64, the mentions as zigzag varint.

use crate::schema::{Agg, NCOUNTS};

const MAGIC: &[u8; 8] = b"ENTDYX01";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub a1: u32,
    pub a2: u32,
    pub first_row: u32,
    pub rows: u32,
    totals_at: u32,
}

/// The bytes of a directory: mapped from its file (a first query touches only the pages it
/// needs), or owned.
enum Bytes {
    #[cfg(test)]
    Owned(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            #[cfg(test)]
            Bytes::Owned(v) => v,
            Bytes::Mapped(m) => m,
        }
    }
}

/// A decoded directory header over its bytes: the actors are parsed, entries and totals are read
/// in place when asked for.
pub struct DyadIndex {
    pub actors: Vec<String>,
    bytes: Bytes,
    entries_at: usize,
    n: usize,
    totals_at: usize,
}

const ENTRY: usize = 20;

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(b: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let c = *b.get(*pos)?;
        *pos += 1;
        v |= ((c & 0x7f) as u64) << shift;
        if c < 0x80 {
            return Some(v);
        }
    }
    None
}

/// Encodes a directory. `dyads` must be sorted by (actor1, actor2) in string order, with actors as
/// indices into `actors`, itself sorted.
pub fn encode(actors: &[&str], dyads: &[(u32, u32, u32, u32, Agg)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 + actors.len() * 8 + dyads.len() * 40);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(actors.len() as u32).to_le_bytes());
    for a in actors {
        let b = &a.as_bytes()[..a.len().min(u16::MAX as usize)];
        out.extend_from_slice(&(b.len() as u16).to_le_bytes());
        out.extend_from_slice(b);
    }
    let mut totals = Vec::with_capacity(dyads.len() * 16);
    out.extend_from_slice(&(dyads.len() as u32).to_le_bytes());
    for (a1, a2, first, rows, agg) in dyads {
        for v in [*a1, *a2, *first, *rows, totals.len() as u32] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        put_varint(&mut totals, agg.counts[0] as u64);
        let mut mask = 0u64;
        for (i, c) in agg.counts[1..].iter().enumerate() {
            if *c != 0 {
                mask |= 1 << i;
            }
        }
        put_varint(&mut totals, mask);
        for c in agg.counts[1..].iter().filter(|c| **c != 0) {
            put_varint(&mut totals, *c as u64);
        }
        totals.extend_from_slice(&agg.goldstein.to_le_bytes());
        put_varint(&mut totals, ((agg.mentions << 1) ^ (agg.mentions >> 63)) as u64);
    }
    out.extend_from_slice(&totals);
    out
}

impl DyadIndex {
    /// Decodes a directory held in memory.
    #[cfg(test)]
    pub fn decode(b: &[u8]) -> Result<DyadIndex, String> {
        DyadIndex::from_bytes(Bytes::Owned(b.to_vec()))
    }

    /// Maps a directory file. Parts are immutable once committed (written aside, then renamed
    /// into place, never rewritten), which is what makes mapping them sound.
    pub fn open(path: &std::path::Path) -> std::io::Result<Result<DyadIndex, String>> {
        let file = std::fs::File::open(path)?;
        // SAFETY: the file is never modified after the lake commits it (see above); a lake
        // directory changed behind entente's back could show torn data, never undefined memory
        // accesses beyond the mapping, and every read below is bounds-checked.
        let map = unsafe { memmap2::Mmap::map(&file)? };
        Ok(DyadIndex::from_bytes(Bytes::Mapped(map)))
    }

    fn from_bytes(bytes: Bytes) -> Result<DyadIndex, String> {
        let b: &[u8] = &bytes;
        let bad = || "truncated or corrupt dyad directory".to_string();
        if b.get(0..8) != Some(&MAGIC[..]) {
            return Err("not a dyad directory (bad magic)".into());
        }
        let mut p = 8;
        let u32_at = |p: &mut usize| -> Option<u32> {
            let v = u32::from_le_bytes(b.get(*p..*p + 4)?.try_into().ok()?);
            *p += 4;
            Some(v)
        };
        let na = u32_at(&mut p).ok_or_else(bad)? as usize;
        let mut actors = Vec::with_capacity(na.min(1 << 20));
        for _ in 0..na {
            let len = u16::from_le_bytes(b.get(p..p + 2).ok_or_else(bad)?.try_into().map_err(|_| bad())?) as usize;
            p += 2;
            let s = std::str::from_utf8(b.get(p..p + len).ok_or_else(bad)?).map_err(|_| bad())?;
            actors.push(s.to_string());
            p += len;
        }
        let n = u32_at(&mut p).ok_or_else(bad)? as usize;
        let totals_at = n.checked_mul(ENTRY).and_then(|e| e.checked_add(p)).ok_or_else(bad)?;
        if totals_at > b.len() {
            return Err(bad());
        }
        Ok(DyadIndex {
            actors,
            entries_at: p,
            n,
            totals_at,
            bytes,
        })
    }

    /// The `i`th entry, or `None` past the end or where it names an actor the part does not have.
    fn entry(&self, i: usize) -> Option<Entry> {
        if i >= self.n {
            return None;
        }
        let at = self.entries_at + i * ENTRY;
        let raw = self.bytes.get(at..at + ENTRY)?;
        let f = |k: usize| u32::from_le_bytes([raw[4 * k], raw[4 * k + 1], raw[4 * k + 2], raw[4 * k + 3]]);
        let e = Entry {
            a1: f(0),
            a2: f(1),
            first_row: f(2),
            rows: f(3),
            totals_at: f(4),
        };
        ((e.a1 as usize) < self.actors.len() && (e.a2 as usize) < self.actors.len()).then_some(e)
    }

    /// Every (valid) entry, in order.
    pub fn entries(&self) -> impl Iterator<Item = Entry> + '_ {
        (0..self.n).filter_map(|i| self.entry(i))
    }

    /// Index of an actor in this part.
    pub fn actor(&self, id: &str) -> Option<u32> {
        self.actors
            .binary_search_by(|a| a.as_str().cmp(id))
            .ok()
            .map(|i| i as u32)
    }

    /// The entry of a directed dyad (binary search over the sorted entries).
    pub fn find(&self, a1: u32, a2: u32) -> Option<Entry> {
        let (mut lo, mut hi) = (0, self.n);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let e = self.entry(mid)?;
            match (e.a1, e.a2).cmp(&(a1, a2)) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(e),
            }
        }
        None
    }

    /// The totals of an entry (all zeros if the directory is corrupt there).
    pub fn totals(&self, e: &Entry) -> Agg {
        self.try_totals(e).unwrap_or_default()
    }

    fn try_totals(&self, e: &Entry) -> Option<Agg> {
        let b = self.bytes.get(self.totals_at..)?;
        let mut p = e.totals_at as usize;
        let mut agg = Agg::default();
        agg.counts[0] = get_varint(b, &mut p)? as u32;
        let mask = get_varint(b, &mut p)?;
        for i in 0..NCOUNTS - 1 {
            if mask & (1 << i) != 0 {
                agg.counts[i + 1] = get_varint(b, &mut p)? as u32;
            }
        }
        agg.goldstein = f64::from_le_bytes(b.get(p..p + 8)?.try_into().ok()?);
        p += 8;
        let z = get_varint(b, &mut p)?;
        agg.mentions = ((z >> 1) as i64) ^ -((z & 1) as i64);
        Some(agg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut a = Agg::default();
        a.counts[0] = 7;
        a.counts[3] = 2;
        a.counts[40] = 300;
        a.goldstein = -3.5;
        a.mentions = -12;
        let b = encode(
            &["KOR", "NATO"],
            &[(0, 1, 0, 3, a.clone()), (1, 0, 3, 1, Agg::default())],
        );
        let d = DyadIndex::decode(&b).expect("decodes");
        let e = d.find(0, 1).expect("entry");
        assert_eq!(d.find(1, 0).map(|e| e.first_row), Some(3));
        assert_eq!(d.find(1, 1), None);
        assert_eq!(d.entries().count(), 2);
        assert_eq!(d.totals(&e), a);
        assert_eq!(d.actor("NATO"), Some(1));
        assert!(DyadIndex::decode(&b[..b.len() - 30]).is_ok() || DyadIndex::decode(&b[..20]).is_err());
        assert!(DyadIndex::decode(b"garbage").is_err());
    }
}
