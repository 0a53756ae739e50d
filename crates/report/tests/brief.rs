//! The analytic brief: complete, self-contained, cited, escaped — and rendered by a real browser.

use entente_analysis::{default_peers, DepthConfig};
use entente_facts::Input;
use entente_kb::KnowledgeBase;
use entente_model::PartialDate;
use entente_report::brief::{find_chromium, render, BriefRequest};
use std::path::PathBuf;

const HOSTILE: &str = r#"
[[source]]
id = "hostile"
url = "https://example.org/x?a=1&b=<2>"
publisher = "<img src=x onerror=alert(1)>"

[[event]]
id = "hostile-visit"
kind = "visit"
date = "2024-03"
title = "A visit <script>window.__pwned = 1</script>"
actors = ["NATO"]
targets = ["KOR"]
sources = ["hostile"]
"#;

fn kb(extra: bool) -> KnowledgeBase {
    let mut inputs = entente_facts::shipped();
    if extra {
        inputs.push(Input {
            name: "hostile.toml".into(),
            bytes: HOSTILE.as_bytes().to_vec(),
        });
    }
    KnowledgeBase::new(entente_facts::load(inputs).into_result().expect("valid data"))
}

fn brief(kb: &KnowledgeBase) -> String {
    let cfg = DepthConfig::shipped();
    let tables = entente_analysis::DatasetTables::shipped().expect("shipped tables");
    let to = PartialDate::parse("2025-10").unwrap().latest();
    let req = BriefRequest {
        a: "NATO",
        b: "KOR",
        from: PartialDate::parse("2000").unwrap().earliest(),
        to,
        peers: default_peers(kb, "KOR", to),
        config: &cfg,
        lake: None,
        store: None,
        tables: Some(&tables),
    };
    render(kb, &req).expect("brief renders")
}

#[test]
fn the_brief_has_every_section_and_its_citations_resolve() {
    let html = brief(&kb(false));
    for id in [
        "coverage",
        "summary",
        "depth",
        "changes",
        "chronology",
        "transfers",
        "peers",
        "alignment",
        "outlook",
        "method",
        "sources",
    ] {
        assert!(
            html.contains(&format!(r#"<section id="{id}">"#)),
            "missing section {id}"
        );
    }
    assert_eq!(html.matches("<svg").count(), 2, "depth and peers charts");
    assert!(
        html.matches(r#"class="change""#).count() >= 5,
        "change points marked on the chart"
    );
    // Every citation link has its source entry, and every source is cited.
    let cited: std::collections::BTreeSet<usize> = html
        .match_indices("href=\"#src-")
        .filter_map(|(i, _)| html[i + 11..].split('"').next()?.parse().ok())
        .collect();
    let listed: std::collections::BTreeSet<usize> = html
        .match_indices("id=\"src-")
        .filter_map(|(i, _)| html[i + 8..].split('"').next()?.parse().ok())
        .collect();
    assert!(!cited.is_empty());
    assert_eq!(cited, listed);
    assert!(html.contains("Poland") && html.contains("K2 Black Panther"));
    assert!(html.contains("NATO – Japan") && html.contains("NATO – New Zealand"));
}

#[test]
fn the_brief_fetches_nothing() {
    let html = brief(&kb(false));
    for needle in ["<script", "<link", "src=\"http", "url(http", "@import"] {
        assert!(
            !html.contains(needle),
            "the brief must be self-contained: found {needle}"
        );
    }
}

#[test]
fn source_text_is_escaped() {
    let html = brief(&kb(true));
    assert!(!html.contains("<script>window.__pwned"));
    assert!(html.contains("A visit &lt;script&gt;window.__pwned = 1&lt;"));
    assert!(!html.contains("<img src=x"));
}

fn output_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/test-output");
    std::fs::create_dir_all(&dir).expect("test output directory");
    dir
}

#[test]
fn chromium_renders_the_brief_with_charts_and_citations() {
    let Some(chromium) = find_chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install Chromium (.ci/run does)"
        );
        eprintln!("skipping: Chromium is not installed");
        return;
    };
    let dir = output_dir();
    let page = dir.join("brief.html");
    std::fs::write(&page, brief(&kb(true))).unwrap();
    let profile = dir.join("chromium-profile");
    let run = |extra: &[String]| {
        std::process::Command::new(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .args(extra)
            .arg(format!("file://{}", page.canonicalize().unwrap().display()))
            .output()
            .expect("run chromium")
    };
    let dom = run(&["--dump-dom".into()]);
    assert!(dom.status.success(), "{}", String::from_utf8_lossy(&dom.stderr));
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert_eq!(dom.matches("<svg").count(), 2);
    assert!(dom.matches("<polyline").count() >= 5);
    assert!(dom.contains(r#"<sup class="cite">"#));
    assert!(dom.contains(r#"<li id="src-1">"#));
    // The hostile title was rendered as text: no script ran and no element was created.
    assert!(!dom.contains("<script>window.__pwned"));
    assert!(dom.contains("A visit &lt;script&gt;"));
    let shot = dir.join("brief.png");
    let out = run(&[
        "--window-size=1000,2400".into(),
        format!("--screenshot={}", shot.display()),
    ]);
    assert!(out.status.success() && shot.exists(), "screenshot");
    let pdf = dir.join("brief.pdf");
    let out = run(&[
        "--no-pdf-header-footer".into(),
        format!("--print-to-pdf={}", pdf.display()),
    ]);
    assert!(out.status.success());
    let bytes = std::fs::read(&pdf).expect("PDF written");
    assert!(bytes.starts_with(b"%PDF"));
    eprintln!("brief, screenshot and PDF in {}", dir.display());
}

fn fixture(rel: &str) -> Option<PathBuf> {
    entente_testkit::shared(rel)
}

#[test]
fn the_brief_shows_alignment_and_event_data_when_imported() {
    let (Some(atop), Some(votes), Some(gdelt)) = (
        fixture("atop/atop-member-level.csv"),
        fixture("unvotes/732.csv"),
        fixture("gdelt/v2/20191024143000.export.CSV"),
    ) else {
        eprintln!("skipped: ../shared/fixtures (atop, unvotes, gdelt) is absent");
        return;
    };
    let dir = std::env::temp_dir().join(format!("entente-brief-data-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut store = entente_store::Store::open(&dir).unwrap();
    let mut quiet = ();
    store.import(entente_store::Dataset::Atop, &atop, &mut quiet).unwrap();
    store
        .import(entente_store::Dataset::Unvotes, &votes, &mut quiet)
        .unwrap();
    let mut lake = entente_events::Lake::open(&dir).unwrap();
    lake.ingest(
        &gdelt,
        entente_events::SourceKind::Gdelt2,
        &entente_events::IngestOptions::default(),
        &mut |_| {},
    )
    .unwrap();
    // The fixture has no event coded with NATO itself, so let members count for event data.
    let cfg =
        DepthConfig::parse_over_defaults("[index]\nmembers_count_for = [\"defence_industrial\", \"event_data\"]\n")
            .unwrap();
    let kb = kb(false);
    let tables = entente_analysis::DatasetTables::load(&kb, Some(&store)).expect("imported tables");
    let to = PartialDate::parse("2019-12").unwrap().latest();
    let req = BriefRequest {
        a: "NATO",
        b: "KOR",
        from: PartialDate::parse("2000").unwrap().earliest(),
        to,
        peers: default_peers(&kb, "KOR", to),
        config: &cfg,
        lake: Some(&lake),
        store: Some(&store),
        tables: Some(&tables),
    };
    let html = render(&kb, &req).expect("brief renders");
    let section = html
        .split(r#"<section id="alignment">"#)
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .expect("alignment section");
    assert!(section.contains("South Korea with the members of NATO"));
    assert!(section.contains("<svg"), "alignment chart");
    // One row per year 2000–2016 at least (ATOP ends in 2016; the votes go on).
    assert!(section.matches("<tr>").count() >= 17, "{section}");
    assert!(section.contains("<td>2005</td>"));
    // Its sources are the imported files, listed with the others.
    assert!(html.contains("atop-member-level.csv, sha256"));
    assert!(html.contains("732.csv, sha256"));
    // Event data: the dimension appears in the depth table, explained and cited to GDELT.
    assert!(html.contains("<th class=\"num\">Event data</th>"));
    assert!(html.contains(r#"id="event-data""#));
    assert!(html.contains("GDELT 2.0 Event Database"));
    assert_eq!(html.matches("<svg").count(), 3, "depth, peers and alignment charts");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_brief_for_any_pair_opens_with_its_coverage_and_holds_a_chronology() {
    let kb = kb(false);
    let cfg = DepthConfig::shipped();
    let tables = entente_analysis::DatasetTables::shipped().expect("shipped tables");
    let to = PartialDate::parse("2024-12").unwrap().latest();
    for (a, b, least) in [
        ("USA", "KOR", 5),
        ("CHN", "RUS", 5),
        ("NATO", "JPN", 5),
        ("EU", "KOR", 5),
        ("POL", "KOR", 5),
    ] {
        let req = BriefRequest {
            a,
            b,
            from: PartialDate::parse("2000").unwrap().earliest(),
            to,
            peers: default_peers(&kb, b, to),
            config: &cfg,
            lake: None,
            store: None,
            tables: Some(&tables),
        };
        let html = render(&kb, &req).expect("brief renders");
        // Coverage comes first, and names a source or says "no data" for every dimension.
        let coverage = html.find(r#"<section id="coverage">"#).expect("coverage section");
        assert!(
            coverage < html.find(r#"<section id="summary">"#).unwrap(),
            "{a}–{b}: coverage first"
        );
        let section = html[coverage..].split("</section>").next().unwrap();
        for d in ["Institutional", "Political", "Defence-industrial"] {
            assert!(section.contains(&format!("<li>{d}: ")), "{a}–{b}: {d} in {section}");
        }
        assert!(
            section.contains("ATOP v4.01") && section.contains("SIPRI register"),
            "{section}"
        );
        // No dimension shows 0 where nothing covers it: an uncovered one reads "no data".
        let chronology = html
            .split(r#"<section id="chronology">"#)
            .nth(1)
            .and_then(|s| s.split("</section>").next())
            .unwrap();
        let rows = chronology.matches("<tr>").count();
        assert!(rows > least, "{a}–{b}: {rows} chronology rows");
    }
}
