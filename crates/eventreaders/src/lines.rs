//! Streaming a tab-separated file in large blocks that end on line boundaries, and the small
//! field parsers the readers share.
//!
//! Blocks (not lines) are the unit of work so that ingest can hand whole blocks to parser threads
//! and keep exact line numbers: each block carries the number of its first line.

use std::io::{self, Read};

/// A line longer than this is an error rather than an unbounded allocation.
pub const MAX_LINE: usize = 64 << 20;

/// Reads blocks of roughly `block_size` bytes, each ending at a newline (or at end of input).
pub struct BlockReader<R> {
    input: R,
    block_size: usize,
    carry: Vec<u8>,
    next_line: u64,
    eof: bool,
    /// Bytes consumed so far.
    pub bytes_read: u64,
}

impl<R: Read> BlockReader<R> {
    pub fn new(input: R, block_size: usize) -> BlockReader<R> {
        BlockReader {
            input,
            block_size: block_size.max(1 << 10),
            carry: Vec::new(),
            next_line: 1,
            eof: false,
            bytes_read: 0,
        }
    }

    fn fill(&mut self, buf: &mut Vec<u8>, want: usize) -> io::Result<()> {
        while buf.len() < want && !self.eof {
            let old = buf.len();
            buf.resize(want, 0);
            match self.input.read(&mut buf[old..]) {
                Ok(0) => {
                    buf.truncate(old);
                    self.eof = true;
                }
                Ok(n) => {
                    buf.truncate(old + n);
                    self.bytes_read += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => buf.truncate(old),
                Err(e) => {
                    buf.truncate(old);
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// The first line (a header), without its line ending and any UTF-8 byte-order mark.
    pub fn header(&mut self) -> io::Result<Option<Vec<u8>>> {
        let mut buf = std::mem::take(&mut self.carry);
        loop {
            if let Some(i) = memchr::memchr(b'\n', &buf) {
                self.carry = buf.split_off(i + 1);
                buf.truncate(i);
                break;
            }
            if self.eof {
                if buf.is_empty() {
                    return Ok(None);
                }
                break;
            }
            if buf.len() > MAX_LINE {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "header line longer than 64 MiB",
                ));
            }
            let want = buf.len() + (64 << 10);
            self.fill(&mut buf, want)?;
        }
        self.next_line += 1;
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        if buf.starts_with(b"\xEF\xBB\xBF") {
            buf.drain(..3);
        }
        Ok(Some(buf))
    }

    /// The next block and the line number of its first line.
    pub fn next_block(&mut self) -> io::Result<Option<(Vec<u8>, u64)>> {
        let mut buf = std::mem::take(&mut self.carry);
        buf.reserve(self.block_size);
        let mut want = self.block_size.max(buf.len());
        loop {
            self.fill(&mut buf, want)?;
            if self.eof {
                break;
            }
            if let Some(i) = memchr::memrchr(b'\n', &buf) {
                self.carry = buf[i + 1..].to_vec();
                buf.truncate(i + 1);
                break;
            }
            if buf.len() > MAX_LINE {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("line {} is longer than 64 MiB", self.next_line),
                ));
            }
            want = buf.len() * 2;
        }
        if buf.is_empty() {
            return Ok(None);
        }
        let first = self.next_line;
        self.next_line += memchr::memchr_iter(b'\n', &buf).count() as u64;
        if buf.last() != Some(&b'\n') {
            self.next_line += 1;
        }
        Ok(Some((buf, first)))
    }
}

/// Cuts an unterminated last line off the final block of a file (`first_line` is the block's
/// first line) and returns its line number. A file cut mid-line (an interrupted download or copy)
/// must keep no partial row: its last line may still split into the right number of columns with
/// a truncated last field. Only the final block can end without a newline.
pub fn cut_unterminated(block: &mut Vec<u8>, first_line: u64) -> Option<u64> {
    if block.is_empty() || block.last() == Some(&b'\n') {
        return None;
    }
    let keep = memchr::memrchr(b'\n', block).map_or(0, |i| i + 1);
    let line = first_line + memchr::memchr_iter(b'\n', &block[..keep]).count() as u64;
    block.truncate(keep);
    Some(line)
}

/// The reason a cut last line is rejected.
pub const CUT_LINE: &str = "the file ends in the middle of this line (no line ending): the partial row is not kept";

/// Calls `f(line_number, line)` for every line of a block (line endings removed, `\r` too).
#[inline]
pub fn for_each_line<'a>(block: &'a [u8], first_line: u64, mut f: impl FnMut(u64, &'a [u8])) {
    let mut start = 0;
    let mut n = first_line;
    for i in memchr::memchr_iter(b'\n', block) {
        let line = &block[start..i];
        f(n, line.strip_suffix(b"\r").unwrap_or(line));
        n += 1;
        start = i + 1;
    }
    if start < block.len() {
        let line = &block[start..];
        f(n, line.strip_suffix(b"\r").unwrap_or(line));
    }
}

/// Splits on tabs into `out`; returns the number of fields (which may exceed `out.len()`).
#[inline]
pub fn split_tabs<'a>(line: &'a [u8], out: &mut [&'a [u8]]) -> usize {
    let mut n = 0;
    let mut start = 0;
    for i in memchr::memchr_iter(b'\t', line) {
        if n < out.len() {
            out[n] = &line[start..i];
        }
        n += 1;
        start = i + 1;
    }
    if n < out.len() {
        out[n] = &line[start..];
    }
    n + 1
}

/// A field that does not hold what its column requires (the caller names the column).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invalid;

/// An optional integer: empty (or `NA`) is `Ok(None)`, anything but an integer is `Err`.
#[inline]
pub fn int(b: &[u8]) -> Result<Option<i64>, Invalid> {
    if b.is_empty() || b == b"NA" {
        return Ok(None);
    }
    let (neg, d) = match b[0] {
        b'-' => (true, &b[1..]),
        b'+' => (false, &b[1..]),
        _ => (false, b),
    };
    if d.is_empty() || d.len() > 18 {
        return Err(Invalid);
    }
    let mut v: i64 = 0;
    for &c in d {
        if !c.is_ascii_digit() {
            return Err(Invalid);
        }
        v = v * 10 + (c - b'0') as i64;
    }
    Ok(Some(if neg { -v } else { v }))
}

/// An optional finite number: empty (or `NA`) is `Ok(None)`.
#[inline]
pub fn float(b: &[u8]) -> Result<Option<f64>, Invalid> {
    if b.is_empty() || b == b"NA" {
        return Ok(None);
    }
    let s = std::str::from_utf8(b).map_err(|_| Invalid)?;
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(Invalid),
    }
}

/// A string field: `Err` when not UTF-8. `NA` (ICEWS's missing value) is empty.
#[inline]
pub fn text(b: &[u8]) -> Result<&str, Invalid> {
    if b == b"NA" {
        return Ok("");
    }
    std::str::from_utf8(b).map_err(|_| Invalid)
}

/// Shows a field in a message: at most 40 characters, lossily decoded.
pub fn shown(b: &[u8]) -> String {
    let s = String::from_utf8_lossy(&b[..b.len().min(40)]).into_owned();
    if b.len() > 40 {
        s + "…"
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_line_numbers() {
        let text = b"h\na\nbb\nccc\ndddd\ne";
        let mut r = BlockReader::new(&text[..], 1024);
        assert_eq!(r.header().ok().flatten(), Some(b"h".to_vec()));
        let mut r2 = BlockReader { block_size: 3, ..r };
        let mut seen = Vec::new();
        while let Ok(Some((b, first))) = r2.next_block() {
            for_each_line(&b, first, |n, l| seen.push((n, l.to_vec())));
        }
        let want: Vec<(u64, Vec<u8>)> = vec![
            (2, b"a".to_vec()),
            (3, b"bb".to_vec()),
            (4, b"ccc".to_vec()),
            (5, b"dddd".to_vec()),
            (6, b"e".to_vec()),
        ];
        assert_eq!(seen, want);
    }

    #[test]
    fn cut_last_line_is_split_off() {
        let mut b = b"a\nbb\ncc".to_vec();
        assert_eq!(cut_unterminated(&mut b, 7), Some(9));
        assert_eq!(b, b"a\nbb\n");
        let mut whole = b"a\nbb\n".to_vec();
        assert_eq!(cut_unterminated(&mut whole, 7), None);
        let mut only = b"abc".to_vec();
        assert_eq!(cut_unterminated(&mut only, 1), Some(1));
        assert!(only.is_empty());
    }

    #[test]
    fn fields() {
        let mut out = [&b""[..]; 4];
        assert_eq!(split_tabs(b"a\t\tb", &mut out), 3);
        assert_eq!(out[2], b"b");
        assert_eq!(split_tabs(b"a\tb\tc\td\te\tf", &mut out), 6);
        assert_eq!(int(b"-12"), Ok(Some(-12)));
        assert_eq!(int(b"1.0"), Err(Invalid));
        assert_eq!(float(b"-7.0"), Ok(Some(-7.0)));
        assert_eq!(float(b"NA"), Ok(None));
        assert_eq!(float(b"inf"), Err(Invalid));
    }
}
