//! Proposals from articles: drafts that cite the article and validate, repeats merged, what the
//! data holds linked rather than drafted, contradicted figures as corrections, the ledger's
//! standings, and acceptance with the reviewer's edits. The articles are written for these tests.

use entente_claims::propose::{accept, propose, standing, Action, ArticleInfo, ArticleProposals, Standing};
use entente_claims::{Article, Extractor};
use entente_facts::Input;
use entente_kb::KnowledgeBase;
use entente_model::Day;
use std::collections::BTreeSet;

const TODAY: Day = Day {
    year: 2026,
    month: 12,
    day: 4,
};

fn kb_with(extra: &[(&str, &str)]) -> Result<KnowledgeBase, String> {
    let mut inputs = entente_facts::shipped();
    for (name, text) in extra {
        inputs.push(Input {
            name: (*name).into(),
            bytes: text.as_bytes().to_vec(),
        });
    }
    entente_facts::load(inputs)
        .into_result()
        .map(KnowledgeBase::new)
        .map_err(|errors| errors.iter().map(|d| d.render()).collect::<Vec<_>>().join("\n"))
}

fn kb() -> KnowledgeBase {
    kb_with(&[]).expect("shipped data")
}

fn run(kb: &KnowledgeBase, text: &str) -> ArticleProposals {
    let a = Article::from_bytes("test.txt", text.as_bytes());
    let info = ArticleInfo::read(&a);
    propose(kb, &Extractor::new(kb), None, &a, &info, TODAY).expect("the article has an address")
}

const NEWS: &str = "url: https://www.example.org/news/ph-kor\ntitle: Manila adds light fighters\ndate: 2026-03-14\npublisher: Example News\n\n\
The Philippines signed a contract with South Korea on 12 March 2026 for 12 FA-50 light combat aircraft. \
Canada's defence minister visited Seoul on 13 March 2026. Officials said Poland did not order more tanks. \
On 13 March 2026 the Canadian minister visited Seoul.\n";

#[test]
fn drafts_cite_the_article_and_validate_as_they_stand() {
    let kb = kb();
    let p = run(&kb, NEWS);
    assert!(
        p.source.contains("url = \"https://www.example.org/news/ph-kor\""),
        "{}",
        p.source
    );
    assert!(p.source.contains("publisher = \"Example News\"") && p.source.contains("published = \"2026-03-14\""));
    let transfer = p
        .proposals
        .iter()
        .find(|x| x.kind == "transfer")
        .expect("the order is drafted");
    for want in [
        "supplier = \"KOR\"",
        "recipient = \"PHL\"",
        "system = \"FA-50\"",
        "ordered = 12",
        "order_date = \"2026-03-12\"",
    ] {
        assert!(transfer.record.contains(want), "{want} in {}", transfer.record);
    }
    let visit = p
        .proposals
        .iter()
        .find(|x| x.record.contains("kind = \"visit\""))
        .expect("the visit is drafted");
    assert!(visit.record.contains("actors = [\"CAN\"]") && visit.record.contains("targets = [\"KOR\"]"));
    assert!(visit.record.contains("date = \"2026-03-13\""));
    // The same visit told twice is one draft, with the other place noted.
    assert_eq!(
        p.proposals
            .iter()
            .filter(|x| x.record.contains("kind = \"visit\""))
            .count(),
        1
    );
    assert_eq!(visit.also.len(), 1, "{:?}", visit);
    // A denial is not an event.
    assert!(p.left.iter().any(|l| l.quote.contains("did not order")), "{:?}", p.left);
    for x in &p.proposals {
        assert_eq!(x.action, Action::New);
        assert!(x.record.contains(&format!("article = \"{}\"", p.source_id)));
        assert!(x.record.contains("proposed = \"2026-12-04\""));
        assert_eq!(&NEWS[x.start..x.end], x.quote, "the span is the quote's");
    }
    // The file as written passes the loader beside the shipped data.
    let all: Vec<_> = p.proposals.iter().collect();
    let file = p.file_text(&all);
    let with = kb_with(&[("proposals.toml", &file)]).unwrap_or_else(|e| panic!("{e}\n{file}"));
    let fact = with.all_facts().find(|f| f.id() == visit.id).expect("loaded");
    let review = fact.review().expect("its review");
    assert_eq!(review.article, p.source_id);
    assert!(review.accepted.is_none());
    // Read again, the article gives the same ids: a batch run twice proposes nothing new.
    let again = run(&kb, NEWS);
    let ids = |p: &ArticleProposals| p.proposals.iter().map(|x| x.key.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&p), ids(&again));
}

#[test]
fn what_the_data_holds_is_linked_and_a_contradicted_figure_is_a_correction() {
    let kb = kb();
    let p = run(
        &kb,
        "url: https://www.example.org/news/3\ndate: 2024-01-10\n\n\
South Korea's spy agency joined the NATO cyber defence centre in May 2022. \
Estonia ordered 12 K9 howitzers from South Korea in June 2019.\n",
    );
    let known = p.known.iter().find(|k| k.quote.contains("spy agency")).expect("linked");
    assert!(
        known.records.iter().any(|r| r == "kor-nis-ccdcoe"),
        "{:?}",
        known.records
    );
    assert!(!p.proposals.iter().any(|x| x.quote.contains("spy agency")));
    let fix = p
        .proposals
        .iter()
        .find(|x| x.quote.contains("Estonia"))
        .expect("a correction");
    let Action::Correction { replaces, why } = &fix.action else {
        panic!("{:?}", fix.action)
    };
    assert_eq!(&fix.id, replaces, "a correction keeps the record's id");
    assert!(why.contains("date") && why.contains("2019-06"), "{why}");
    assert!(fix.record.contains("order_date = \"2019-06\""), "{}", fix.record);
    // The record's own sources stay, the article joins them.
    assert!(fix.record.contains("sipri-trade-register") && fix.record.contains(&p.source_id));
    let all: Vec<_> = p.proposals.iter().collect();
    let file = p.file_text(&all);
    assert!(file.contains(&format!("replaces = [\"fact:{replaces}\"]")), "{file}");
    let with = kb_with(&[("proposals.toml", &file)]).unwrap_or_else(|e| panic!("{e}\n{file}"));
    // Once the data holds the correction with the article cited, it counts as accepted.
    assert_eq!(
        standing(&with, fix, &p.source_id, &BTreeSet::new(), false),
        Standing::Accepted
    );
    assert_eq!(
        standing(&kb, fix, &p.source_id, &BTreeSet::new(), false),
        Standing::Fresh
    );
}

#[test]
fn the_ledger_decides_what_comes_back() {
    let kb = kb();
    let p = run(&kb, NEWS);
    let x = &p.proposals[0];
    let none = BTreeSet::new();
    let written: BTreeSet<String> = [x.key.clone()].into();
    assert_eq!(standing(&kb, x, &p.source_id, &none, false), Standing::Fresh);
    assert_eq!(standing(&kb, x, &p.source_id, &written, false), Standing::Pending);
    assert_eq!(standing(&kb, x, &p.source_id, &written, true), Standing::Rejected);
    let all: Vec<_> = p.proposals.iter().collect();
    let with = kb_with(&[("accepted.toml", &p.file_text(&all))]).expect("valid");
    assert_eq!(standing(&with, x, &p.source_id, &none, false), Standing::Accepted);
    // Accepted, the claim is then in the data: proposing the article again links it.
    let again = run(&with, NEWS);
    assert!(again.proposals.is_empty(), "{:?}", again.proposals);
}

#[test]
fn acceptance_stamps_the_review_and_names_the_edited_fields() {
    let kb = kb();
    let p = run(&kb, NEWS);
    let visit = p
        .proposals
        .iter()
        .find(|x| x.record.contains("kind = \"visit\""))
        .unwrap();
    let same = accept(&visit.record, &visit.record, TODAY).expect("accepted");
    assert!(
        same.contains("accepted = \"2026-12-04\"") && !same.contains("edited"),
        "{same}"
    );
    let edited = visit
        .record
        .replace("date = \"2026-03-13\"", "date = \"2026-03-12\"")
        .replace("Canada – South Korea: visit", "Canadian defence minister in Seoul");
    let out = accept(&visit.record, &edited, TODAY).expect("accepted");
    assert!(out.contains("edited = [\"date\", \"title\"]"), "{out}");
    // The review cannot be edited away or forged.
    let forged = edited.replace("confidence = 0.95", "confidence = 1.0");
    let out = accept(&visit.record, &forged, TODAY).unwrap();
    assert!(!out.contains("confidence = 1.0"), "{out}");
    // Not one record of the same kind: refused, saying why.
    let as_relation = edited
        .replace("[[event]]", "[[relation]]")
        .replace("[event.review]", "[relation.review]");
    assert!(accept(&visit.record, &as_relation, TODAY)
        .unwrap_err()
        .0
        .contains("cannot be accepted as"));
    let two = format!("{edited}\n{edited}");
    assert!(accept(&visit.record, &two, TODAY).is_err());
    assert!(accept(&visit.record, "not = [toml", TODAY)
        .unwrap_err()
        .0
        .contains("not TOML"));
}

#[test]
fn an_article_needs_an_address_and_pages_give_theirs() {
    let kb = kb();
    let a = Article::from_bytes("x.txt", b"Canada's defence minister visited Seoul on 13 March 2026.");
    let err = propose(&kb, &Extractor::new(&kb), None, &a, &ArticleInfo::read(&a), TODAY).unwrap_err();
    assert!(
        err.to_string().contains("x.txt") && err.to_string().contains("--source-url"),
        "{err}"
    );
    let html = r#"<!doctype html><html><head><title>Fallback &amp; title</title>
<link rel="canonical" href="https://news.example.com/a/1?x=1&amp;y=2">
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2026-03-14T09:00:00Z">
</head><body><p>Canada's defence minister visited Seoul on 13 March 2026.</p></body></html>"#;
    let a = Article::from_bytes("page.html", html.as_bytes());
    let info = ArticleInfo::read(&a);
    assert_eq!(info.url.as_deref(), Some("https://news.example.com/a/1?x=1&y=2"));
    assert_eq!(info.publisher.as_deref(), Some("Example Daily"));
    assert_eq!(info.title.as_deref(), Some("Fallback & title"));
    assert_eq!(info.published.map(|d| d.to_string()).as_deref(), Some("2026-03-14"));
    let p = propose(&kb, &Extractor::new(&kb), None, &a, &info, TODAY).unwrap();
    let visit = &p.proposals[0];
    // Offsets are into the page as given, so the review view can highlight the quote.
    assert_eq!(&html[visit.start..visit.end], visit.quote);
    let bad = ArticleInfo {
        url: Some("javascript:alert(1)".into()),
        ..ArticleInfo::default()
    };
    assert!(propose(
        &kb,
        &Extractor::new(&kb),
        None,
        &a,
        &info.clone().overridden(&bad),
        TODAY
    )
    .is_err());
}

#[test]
fn a_review_is_validated_like_the_rest() {
    let record = |review: &str| {
        format!(
            "[[source]]\nid = \"art\"\nurl = \"https://example.org/a\"\npublisher = \"Example\"\n\n\
[[event]]\nid = \"ev\"\nkind = \"visit\"\ndate = \"2026-03-13\"\ntitle = \"A visit\"\nactors = [\"CAN\"]\ntargets = [\"KOR\"]\nsources = [\"art\"]\n\n\
[event.review]\n{review}\n"
        )
    };
    let ok = "article = \"art\"\nquote = \"q\"\nconfidence = 0.5\nproposed = \"2026-12-01\"\naccepted = \"2026-12-02\"\nedited = [\"date\"]";
    let kb = kb_with(&[("r.toml", &record(ok))]).expect("valid");
    let r = kb
        .all_facts()
        .find(|f| f.id() == "ev")
        .unwrap()
        .review()
        .unwrap()
        .clone();
    assert_eq!(r.edited, vec!["date".to_string()]);
    for (bad, code) in [
        (ok.replace("0.5", "1.5"), "bad-number"),
        (
            ok.replace("article = \"art\"", "article = \"other\""),
            "review-article-not-cited",
        ),
        (ok.replace("2026-12-02", "2026-11-30"), "end-before-start"),
        (ok.replace("2026-12-01", "2026-13-01"), "malformed-date"),
        (format!("{ok}\nreviewer = \"me\""), "unknown field"),
    ] {
        let e = kb_with(&[("r.toml", &record(&bad))]).err().unwrap_or_default();
        assert!(e.contains(code) && e.contains("r.toml"), "{code}: {e}");
    }
}

#[test]
fn addresses_are_checked_and_pages_read_carefully() {
    use entente_claims::propose::web_address;
    assert_eq!(
        web_address("HTTPS://Example.org/a").unwrap(),
        ("https://Example.org/a".to_string(), "Example.org")
    );
    assert_eq!(web_address("https://[2001:db8::1]:8443/x").unwrap().1, "[2001:db8::1]");
    assert_eq!(web_address("http://example.org:8080").unwrap().1, "example.org");
    for bad in [
        "https://a b c/",
        "https://example.org/a\nb",
        "https://user:pw@example.org/",
        "ftp://example.org/",
        "javascript:alert(1)",
        "https:///path",
        "https://[::1/x",
    ] {
        assert!(web_address(bad).is_err(), "{bad:?}");
    }
    // A canonical link that is not a web address gives way to og:url; quoting styles vary; an
    // entity is decoded once.
    let page = |head: &str| {
        let html = format!("<!doctype html><html><head>{head}</head><body><p>Text.</p></body></html>");
        ArticleInfo::read(&Article::from_bytes("p.html", html.as_bytes())).url
    };
    assert_eq!(
        page(r#"<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://ok.example.com/a">"#)
            .as_deref(),
        Some("https://ok.example.com/a")
    );
    assert_eq!(
        page("<link rel='canonical' href='https://q.example.com/b'>").as_deref(),
        Some("https://q.example.com/b")
    );
    assert_eq!(
        page("<link rel=canonical href=https://u.example.com/c>").as_deref(),
        Some("https://u.example.com/c")
    );
    assert_eq!(
        page(r#"<link rel="canonical" href="https://e.example.com/?q=&amp;lt;b&amp;gt;">"#).as_deref(),
        Some("https://e.example.com/?q=&lt;b&gt;")
    );
}

#[test]
fn a_decision_may_not_smuggle_records_or_retract_others() {
    use entente_claims::propose::{decide, Decision};
    let kb = kb();
    let p = run(&kb, NEWS);
    let visit = p
        .proposals
        .iter()
        .find(|x| x.record.contains("kind = \"visit\""))
        .unwrap();
    let ok = Decision {
        proposed: &visit.record,
        edited: &visit.record,
        source: &p.source,
        source_id: &p.source_id,
        replaces: None,
    };
    assert!(decide(&ok, TODAY).is_ok());
    let smuggled = format!("{}\n[[event]]\nid = \"smuggled\"\nkind = \"visit\"\n", p.source);
    let other_source = p.source.replace(&p.source_id, "another-source");
    for (d, why) in [
        (
            Decision {
                source: &smuggled,
                ..ok.clone()
            },
            "exactly one [[source]]",
        ),
        (
            Decision {
                source: "",
                ..ok.clone()
            },
            "exactly one [[source]]",
        ),
        (
            Decision {
                source: &other_source,
                ..ok.clone()
            },
            "exactly one [[source]]",
        ),
        (
            Decision {
                source: &other_source,
                source_id: "another-source",
                ..ok.clone()
            },
            "does not come from",
        ),
        (
            Decision {
                replaces: Some("kor-afghan-withdrawal-2007"),
                ..ok.clone()
            },
            "replaces the record it corrects",
        ),
    ] {
        let e = decide(&d, TODAY).unwrap_err().0;
        assert!(e.contains(why), "{why}: {e}");
    }
}

#[test]
fn a_claim_naming_an_actor_the_data_lacks_is_left_out_with_its_reason() {
    let kb = kb();
    let p = run(
        &kb,
        "url: https://www.example.org/news/nbo\ndate: 2026-03-14\n\nKenyan police arrested dozens of protesters in Nairobi on 13 March 2026.\n",
    );
    assert!(p.proposals.is_empty(), "{:?}", p.proposals);
    assert!(
        p.left.iter().any(|l| l.reason.contains("does not hold (protesters)")),
        "{:?}",
        p.left
    );
}
