//! The dashboard in a real browser (headless Chromium over the DevTools protocol): every view
//! opened, the main interactions clicked and typed as a user would, what is shown checked, and a
//! screenshot of each step in `target/test-output/dashboard/`.
//!
//! Needs Chromium (Debian: `apt-get install chromium`); skips, saying so, where it is absent —
//! except in CI (the `CI` variable set), where its absence is a failure.

mod support;

use entente_server::ServeOptions;
use serde_json::json;
use support::cdp::{find_chromium, Browser};
use support::{output_dir, spawn_server};

const TOKEN: &str = "browser-test-token";

const EDIT: &str = r#"[[event]]
id = "browser-edit-1"
kind = "meeting"
date = "2025-06-20"
title = "Browser-test consultation on defence industry"
actors = ["NATO"]
targets = ["KOR"]
sources = ["browser-source"]

[[source]]
id = "browser-source"
url = "https://example.org/browser-test"
publisher = "Example"
"#;

const HOSTILE: &str = r#"[[event]]
id = "browser-hostile"
kind = "visit"
date = "2025-07"
title = "<b>Bold?</b> <script>window.__pwned = 3</script> visit"
actors = ["NATO"]
targets = ["KOR"]
sources = [{ source = "browser-source", at = "<img src=x onerror=\"window.__pwned = 4\">" }]
note = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"> end of note"
"#;

const REVIEW_ARTICLE: &str =
    "The Philippines signed a contract with South Korea on 12 March 2026 for 12 FA-50 light combat aircraft.\n\n\
A reader wrote <img src=x onerror=\"window.__pwned = 5\"> and <script>window.__pwned = 6</script> here.\n\n\
Canada's defence minister visited Seoul on 13 March 2026.";

fn step(b: &mut Browser, name: &str) {
    let dir = output_dir("dashboard");
    b.screenshot(&dir.join(format!("{name}.png"))).expect("screenshot");
}

fn count(b: &mut Browser, selector: &str) -> u64 {
    b.eval(&format!("document.querySelectorAll({}).length", json!(selector)))
        .expect("count")
        .as_u64()
        .unwrap_or(0)
}

fn text(b: &mut Browser, selector: &str) -> String {
    b.eval(&format!(
        "document.querySelector({})?.textContent ?? ''",
        json!(selector)
    ))
    .expect("text")
    .as_str()
    .unwrap_or("")
    .to_string()
}

/// Puts text into a form field as the page's own input would receive it.
fn fill(b: &mut Browser, selector: &str, value: &str) {
    b.eval(&format!(
        "(() => {{ const e = document.querySelector({}); e.value = {}; e.dispatchEvent(new Event('input', {{bubbles: true}})); \
         e.dispatchEvent(new Event('change', {{bubbles: true}})); return true; }})()",
        json!(selector),
        json!(value)
    ))
    .expect("fill");
}

#[test]
fn the_dashboard_works_in_chromium() {
    let Some(chromium) = find_chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install Chromium (.ci/run does: apt-get install chromium)"
        );
        eprintln!("skipping the browser test: Chromium is not installed (apt-get install chromium)");
        return;
    };
    let user = tempfile::tempdir().expect("temp dir");
    let data_dir = support::imported_data_dir("browser");
    let server = spawn_server(ServeOptions {
        user_dir: Some(user.path().to_path_buf()),
        token: Some(TOKEN.into()),
        data_dir: data_dir.clone(),
        ..ServeOptions::default()
    });
    let base = format!("http://{}/", server.addr);
    let mut b = Browser::launch(&chromium, 1360, 1000).expect("Chromium starts");

    // Home.
    b.goto(&base).expect("open");
    b.ready("").expect("home ready");
    assert!(text(&mut b, "main").contains("facts"));
    step(&mut b, "01-home");

    // Search with the keyboard: "/" focuses the box, type a demonym, the first suggestion is the
    // Republic of Korea, Enter opens it.
    b.press("/").expect("slash");
    b.wait_for("document.activeElement?.id === 'q'", "search focused")
        .expect("focus");
    b.type_text("South Korean").expect("type");
    b.wait_for(
        "document.querySelector('#q-list li[data-id]')?.dataset.id === 'KOR'",
        "KOR suggested first",
    )
    .expect("suggestions");
    assert_eq!(
        b.eval("document.getElementById('q').getAttribute('aria-expanded')")
            .unwrap(),
        json!("true")
    );
    step(&mut b, "02-search");
    b.press("Enter").expect("enter");
    b.ready("#/actor/KOR").expect("actor view");
    assert_eq!(text(&mut b, "dd[data-code=iso3]"), "KOR");
    assert_eq!(text(&mut b, "dd[data-code=cow]"), "732");
    assert!(count(&mut b, "section[data-group=Programmes] tbody tr") >= 4);
    assert!(count(&mut b, "#supplied tbody tr") >= 10, "arms supplied listed");
    // Its partners ranked, states first; the first row links to the dyad view.
    b.wait_for("document.querySelector('#partners tbody tr')", "partners")
        .expect("partners");
    assert!(count(&mut b, "#partners tbody tr[data-group=state]") >= 5);
    assert!(
        count(&mut b, "#partners tbody tr[data-id=USA]") == 1,
        "the US among the ROK's partners"
    );
    step(&mut b, "03-actor");

    // The dyad view, from the actor view.
    b.click("a.button[href='#/dyad/NATO/KOR']").expect("dyad link");
    b.ready("#/dyad/NATO/KOR").expect("dyad view");
    b.wait_for("document.querySelector('#depth-chart svg')", "depth chart")
        .expect("depth chart");
    assert!(count(&mut b, "#depth-chart polyline.series") >= 2, "index lines drawn");
    let changes = count(&mut b, "#depth-chart .change");
    assert!(changes >= 5, "change points marked: {changes}");
    let items = count(&mut b, "#timeline .item");
    let rows = count(&mut b, "#chronology tbody tr");
    assert!(
        items >= 30 && items == rows,
        "timeline {items} items, chronology {rows} rows"
    );
    // A timeline item shows its evidence, with its source link.
    b.click("#timeline .item[data-id='kor-nato-dialogue']")
        .expect("timeline item");
    b.wait_for(
        "document.getElementById('evidence').dataset.fact === 'kor-nato-dialogue'",
        "evidence",
    )
    .expect("evidence");
    let href = b
        .eval("document.querySelector('#evidence a.source-link')?.href")
        .unwrap();
    assert!(
        href.as_str().is_some_and(|h| h.starts_with("http")),
        "source link: {href}"
    );
    assert_eq!(
        b.eval("document.querySelector('#evidence a.source-link').rel").unwrap(),
        json!("noopener noreferrer")
    );
    assert!(count(&mut b, "#chronology tr.selected") == 1);
    // Imported data: NATO's own coded events with the ROK (none in the GDELT sample, said so as a
    // total of 0) and the ROK's alignment with NATO's members, year by year.
    if data_dir.is_some() {
        b.wait_for("document.querySelector('#alignment-table tbody tr')", "alignment table")
            .expect("alignment");
        assert!(count(&mut b, "#alignment-table tbody tr") >= 17, "a row per year");
        b.wait_for("document.querySelector('#events [data-total]')", "event chart")
            .expect("events");
        assert!(text(&mut b, "#events").contains("GDELT 2.0 Event Database"));
    }
    step(&mut b, "04-dyad-evidence");
    // A change point shows its candidate drivers.
    b.click("#depth-chart .change[data-date='2022-06'] rect.hit")
        .expect("change marker");
    b.wait_for(
        "document.getElementById('evidence').dataset.kind === 'change'",
        "change evidence",
    )
    .expect("change evidence");
    assert!(text(&mut b, "#evidence h2").contains("2022-06"));
    assert!(count(&mut b, "#evidence ol.sources li") >= 1, "drivers cite sources");
    step(&mut b, "05-change-point");
    // Keyboard: zoom the focused timeline in with "+", reset with "0"; Escape clears the panel.
    b.eval("document.querySelector('#timeline .timeline').focus(); true")
        .unwrap();
    let span = |b: &mut Browser| {
        b.eval("(() => { const d = document.querySelector('#timeline .timeline').dataset; return d.hi - d.lo; })()")
            .unwrap()
            .as_f64()
            .unwrap_or(0.0)
    };
    let before = span(&mut b);
    b.press("+").expect("zoom in");
    let after = span(&mut b);
    assert!(after < before * 0.8, "zoomed in: {before} → {after}");
    b.press("0").expect("reset");
    assert!((span(&mut b) - before).abs() < 1e-6, "reset");
    b.press("Escape").expect("escape");
    assert_eq!(
        b.eval("document.getElementById('evidence').dataset.kind").unwrap(),
        json!("none")
    );
    // Clicking the chart explains the index on that date.
    b.click("#depth-chart svg").expect("chart click");
    b.wait_for(
        "document.getElementById('evidence').dataset.kind === 'explain'",
        "explanation",
    )
    .expect("explain");

    // The arms-flow map.
    b.open(&base, "#/map?supplier=KOR").expect("map");
    assert!(count(&mut b, "#map .country") > 150, "countries drawn");
    let flows = count(&mut b, "#map .flow");
    assert!(flows >= 5, "arms flows drawn: {flows}");
    // Flows overlap near their ends: select one from the keyboard.
    b.eval("document.querySelector(\"#map .flow[data-recipient='POL']\").focus(); true")
        .unwrap();
    b.press("Enter").expect("flow");
    b.wait_for("document.getElementById('evidence').dataset.kind === 'deals'", "deals")
        .expect("deals");
    assert!(text(&mut b, "#evidence h2").contains("Poland"));
    assert!(count(&mut b, "#evidence a.source-link") >= 3);
    step(&mut b, "06-map");

    // Another pair: the datasets' evidence, marked as derived, and what each dataset said.
    b.open(&base, "#/dyad/USA/KOR").expect("USA–KOR");
    b.wait_for("document.querySelector('#coverage')", "coverage list")
        .expect("coverage");
    assert!(text(&mut b, "#coverage").contains("ATOP v4.01"));
    assert!(
        count(&mut b, "#chronology .chip.derived") >= 1,
        "derived entries marked"
    );
    // (The 1953 treaty is curated too, so it is the curated row citing ATOP; the 2009
    // non-aggression tie of ATOP 3755 is the datasets' alone.)
    b.click("#chronology tr[data-id='atop:3755']")
        .expect("the ATOP alliance row");
    b.wait_for(
        "document.getElementById('evidence').dataset.kind === 'derived'",
        "derived evidence",
    )
    .expect("derived evidence");
    assert!(text(&mut b, "#evidence").contains("atopid 3755"));
    step(&mut b, "06b-dyad-derived");

    // The network as of a date, and after the date changes.
    b.open(&base, "#/network/NATO?date=2023-07-12").expect("network");
    assert_eq!(count(&mut b, "#network .node.member"), 31);
    assert!(text(&mut b, "#net-summary").starts_with("31 member"));
    assert!(
        count(&mut b, "#network .node[data-id=KOR]") == 1,
        "the ROK among the partners"
    );
    step(&mut b, "07-network-2023");
    fill(&mut b, "#net-date", "2024-03-08");
    b.ready("#/network/NATO?date=2024-03-08").expect("network later");
    assert_eq!(count(&mut b, "#network .node.member"), 32, "Sweden joined");
    assert_eq!(count(&mut b, "#network .node.member[data-id=SWE]"), 1);
    b.click("#network .node[data-id=KOR]").expect("node");
    b.wait_for("document.getElementById('evidence').dataset.kind === 'ties'", "ties")
        .expect("ties");
    step(&mut b, "08-network-2024");

    // Editing: an invalid record is refused with its position; a valid one appears in the timeline.
    b.open(&base, "#/edit").expect("edit view");
    fill(&mut b, "#token", TOKEN);
    fill(&mut b, "#record", &EDIT.replace("\"KOR\"", "\"KRO\""));
    b.click("#save").expect("save");
    b.wait_for(
        "document.querySelector('#edit-result [data-outcome]')?.dataset.outcome",
        "outcome",
    )
    .expect("outcome");
    assert_eq!(
        b.eval("document.querySelector('#edit-result [data-outcome]').dataset.outcome")
            .unwrap(),
        json!("invalid_fact")
    );
    assert!(text(&mut b, "#edit-result .diagnostics").contains("request.toml:7"));
    step(&mut b, "09-edit-refused");
    fill(&mut b, "#record", EDIT);
    b.click("#save").expect("save");
    b.wait_for(
        "document.querySelector('#edit-result [data-outcome]')?.dataset.outcome === 'saved'",
        "saved",
    )
    .expect("saved");
    step(&mut b, "10-edit-saved");
    b.open(&base, "#/dyad/NATO/KOR?focus=browser-edit-1")
        .expect("dyad again");
    assert!(text(&mut b, "#chronology").contains("Browser-test consultation on defence industry"));
    assert_eq!(count(&mut b, "#timeline .item[data-id='browser-edit-1']"), 1);
    b.wait_for(
        "document.getElementById('evidence').dataset.fact === 'browser-edit-1'",
        "edit evidence",
    )
    .expect("evidence of the edit");
    assert!(text(&mut b, "#evidence").contains("example.org/browser-test"));

    // Hostile text is shown as text and never runs.
    b.open(&base, "#/edit").expect("edit view");
    fill(&mut b, "#record", HOSTILE);
    b.click("#save").expect("save");
    b.wait_for(
        "document.querySelector('#edit-result [data-outcome]')?.dataset.outcome === 'saved'",
        "hostile saved",
    )
    .expect("hostile saved");
    b.open(&base, "#/dyad/NATO/KOR?focus=browser-hostile").expect("dyad");
    b.wait_for(
        "document.getElementById('evidence').dataset.fact === 'browser-hostile'",
        "hostile evidence",
    )
    .expect("hostile evidence");
    assert!(text(&mut b, "#evidence .note").contains("<script>window.__pwned = 1</script>"));
    assert!(text(&mut b, "#evidence h2").contains("<b>Bold?</b>"));
    assert!(text(&mut b, "#evidence ol.sources").contains("<img src=x"));
    assert_eq!(
        count(
            &mut b,
            "#evidence script, #evidence img, main script, main img, #evidence b"
        ),
        0
    );
    b.eval("new Promise((r) => setTimeout(() => r(true), 300))").unwrap();
    assert_eq!(
        b.eval("typeof window.__pwned").unwrap(),
        json!("undefined"),
        "no injected script ran"
    );
    step(&mut b, "11-hostile-inert");

    // Review: an article's claims beside its text, the quotes highlighted; accept one edited,
    // reject another; the page's own markup in the article stays text.
    b.open(&base, "#/review").expect("review view");
    fill(&mut b, "#article-input", REVIEW_ARTICLE);
    fill(&mut b, "#article-url", "https://www.example.org/news/review-test");
    b.click("#propose").expect("propose");
    b.wait_for(
        "document.querySelectorAll('#proposals li.proposal').length >= 2",
        "proposals",
    )
    .expect("proposals shown");
    assert!(count(&mut b, "#article mark.proposed") >= 2, "quotes highlighted");
    assert!(
        text(&mut b, "#article").contains("<img src=x onerror="),
        "markup shown as text"
    );
    assert_eq!(count(&mut b, "#article img, #article script, #proposals img"), 0);
    assert!(!text(&mut b, "#proposals").contains("null"), "no empty value shown");
    step(&mut b, "12-review");
    let visit = "#proposals li.proposal[data-id^='visit-can-kor']";
    b.click(&format!("{visit} h3 button")).expect("focus the quote");
    b.wait_for(
        "document.querySelector('#article mark.active')?.textContent.includes('Canada')",
        "quote focused",
    )
    .expect("quote focused");
    b.eval(&format!(
        "(() => {{ const t = document.querySelector({}); t.value = t.value.replace('Canada – South Korea: visit', 'Canadian minister in Seoul (reviewed)'); return true; }})()",
        json!(format!("{visit} textarea"))
    ))
    .expect("edit the record");
    b.click(&format!("{visit} button.accept")).expect("accept");
    b.wait_for(
        &format!(
            "document.querySelector({})?.dataset.standing === 'accepted'",
            json!(visit)
        ),
        "accepted",
    )
    .expect("accepted");
    let order = "#proposals li.proposal[data-id^='fa-50']";
    b.click(&format!("{order} button.reject")).expect("reject");
    b.wait_for(
        &format!(
            "document.querySelector({})?.dataset.standing === 'rejected'",
            json!(order)
        ),
        "rejected",
    )
    .expect("rejected");
    step(&mut b, "13-review-decided");
    // The accepted record is in the data at once, with the article cited.
    b.open(&base, "#/dyad/CAN/KOR").expect("dyad of the review");
    assert!(text(&mut b, "#chronology").contains("Canadian minister in Seoul (reviewed)"));
    // The same article again: nothing left to decide.
    b.open(&base, "#/review").expect("review again");
    fill(&mut b, "#article-input", REVIEW_ARTICLE);
    fill(&mut b, "#article-url", "https://www.example.org/news/review-test");
    b.click("#propose").expect("propose again");
    b.wait_for("document.getElementById('review-summary')", "summary")
        .expect("summary");
    assert_eq!(count(&mut b, "#proposals li.proposal[data-standing='fresh']"), 0);
    assert_eq!(count(&mut b, "#proposals li.proposal[data-standing='rejected']"), 1);
    b.eval("new Promise((r) => setTimeout(() => r(true), 300))").unwrap();
    assert_eq!(
        b.eval("typeof window.__pwned").unwrap(),
        json!("undefined"),
        "no injected script ran"
    );

    // Nothing came from elsewhere, and nothing failed.
    let foreign: Vec<&String> = b
        .requests
        .iter()
        .filter(|u| !u.starts_with(&base) && !u.starts_with("about:") && !u.starts_with("data:"))
        .collect();
    assert!(foreign.is_empty(), "requests outside the server: {foreign:?}");
    assert!(b.errors.is_empty(), "errors in the page: {:?}", b.errors);
    eprintln!("screenshots in {}", output_dir("dashboard").display());
}
