//! The fact-file loader must never panic, whatever the bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = entente_facts::load(vec![entente_facts::Input { name: "fuzz.toml".into(), bytes: data.to_vec() }]);
});
