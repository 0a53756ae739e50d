//! The claim extractor and verifier must never panic, whatever the bytes (binary data, broken
//! HTML, huge lines, odd encodings).
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn kb() -> &'static entente_kb::KnowledgeBase {
    static KB: OnceLock<entente_kb::KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| {
        let data = entente_facts::load(entente_facts::shipped()).into_result().unwrap_or_default();
        entente_kb::KnowledgeBase::new(data)
    })
}

fuzz_target!(|data: &[u8]| {
    let kb = kb();
    let article = entente_claims::Article::from_bytes("fuzz", data);
    let claims = entente_claims::Extractor::new(kb).extract(&article);
    let _ = entente_claims::verify(kb, &claims);
});
