//! The ATOP readers must never panic, whatever the bytes: every outcome is rows, rejections or
//! a format error.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = entente_datasets::atop::read_alliances("fuzz.csv", data);
    let _ = entente_datasets::atop::read_members("fuzz.csv", data);
    let _ = entente_datasets::atop::read_similarity("fuzz.csv", data);
    // The same bytes behind a valid member-level header exercise the row parser.
    let mut with_header = b"atopid,member,cowsys,yrent,moent,dayent,yrexit,moexit,dayexit,ineffect,bilat,phase,maxphase,defense,offense,neutral,nonagg,consul,conditio\n".to_vec();
    with_header.extend_from_slice(data);
    let _ = entente_datasets::atop::read_members("fuzz.csv", &with_header[..]);
});
