//! From article to evidence.
//!
//! entente reads commentary and news, pulls out every concrete claim — who did what with whom,
//! when, how many — and checks each against its knowledge base:
//!
//! - [`text`]: plain text or HTML in, sentences with byte offsets into the input out;
//! - [`lexicon`]: dictionaries built from the knowledge base's own names, weapon designations and
//!   an event-trigger table (kind, PLOVER type, CAMEO code), in the TABARI/PETRARCH tradition;
//! - [`dates`]: absolute, partial, range and relative date expressions, resolved;
//! - [`extract`]: clauses → claims with actors, recipients, type, date, modality, quantities;
//! - [`petrarch`]: the PETRARCH2 CAMEO verb dictionary, read, and CAMEO → PLOVER;
//! - [`phoenix`]: the Phoenix actor and agent dictionaries (officeholders with their dates,
//!   organisations, armed groups, generic agents), read;
//! - [`verify`](mod@verify): each claim supported, contradicted (with what differs) or unverifiable;
//! - [`propose`]: drafts of fact records for what an article says and the data lacks;
//! - [`eval`]: precision, recall and F1 against gold annotations.
//!
//! Everything runs offline; nothing is downloaded.

pub mod dates;
pub mod eval;
pub mod extract;
pub mod lexicon;
pub mod petrarch;
pub mod phoenix;
pub mod propose;
pub mod text;
pub mod verify;

pub use extract::{ArticleClaim, Claim, ClaimActor, Extractor, Modality};
pub use lexicon::ClaimKind;
pub use text::Article;
pub use verify::{verify, Verdict, Verification};

/// Hash maps and sets keyed by words, looked up on every clause: a fast hasher (the keys are
/// the crate's own dictionary words and the text's, and no map grows beyond an article's or the
/// dictionaries' size, so flooding is no concern here).
pub(crate) type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub(crate) type Set<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
