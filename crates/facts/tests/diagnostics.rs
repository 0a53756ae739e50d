//! One test per kind of diagnostic: each broken file gets the right code, line, column and hint.

use entente_facts::{load, Diagnostic, Input, Severity};

const BASE: &str = r#"
[[source]]
id = "src"
url = "https://example.org/page"
publisher = "Example"

[[actor]]
id = "KOR"
kind = "state"
name = "Republic of Korea"
aliases = ["ROK"]
codes = { iso3 = "KOR" }

[[actor]]
id = "NATO"
kind = "alliance"
name = "North Atlantic Treaty Organization"
"#;

/// `BASE` as base.toml and `body` as test.toml, loaded together.
fn load_with(body: &str) -> entente_facts::Report {
    load(vec![
        Input {
            name: "base.toml".into(),
            bytes: BASE.as_bytes().to_vec(),
        },
        Input {
            name: "test.toml".into(),
            bytes: body.as_bytes().to_vec(),
        },
    ])
}

fn check(body: &str) -> Vec<Diagnostic> {
    load_with(body).diagnostics
}

/// The single error, asserting its code, line and column.
fn only_error(body: &str, code: &str, line: usize, column: usize) -> Diagnostic {
    let diags = check(body);
    let errors: Vec<&Diagnostic> = diags.iter().filter(|d| d.severity == Severity::Error).collect();
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    let d = errors[0].clone();
    assert_eq!(
        (d.code, d.file.as_str(), d.line, d.column),
        (code, "test.toml", line, column),
        "{}",
        d.render()
    );
    d
}

#[test]
fn a_clean_file_has_no_diagnostics() {
    let diags = check(
        r#"
[[relation]]
id = "r"
kind = "programme"
subject = "KOR"
object = "NATO"
title = "t"
start = "2012-09"
end = "2017-11"
sources = ["src"]
"#,
    );
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn unknown_actor_with_did_you_mean() {
    let d = only_error(
        r#"[[event]]
id = "e"
kind = "summit"
date = "2022-06-29"
title = "t"
actors = ["NATO", "KRO"]
sources = ["src"]
"#,
        "unknown-actor",
        6,
        19,
    );
    assert_eq!(d.hint.as_deref(), Some("did you mean `KOR`?"));
    assert!(d.render().contains("^^^^^"), "{}", d.render());
}

#[test]
fn alias_used_as_actor_id_is_explained() {
    let d = only_error(
        "[[relation]]\nid = \"r\"\nkind = \"partnership\"\nsubject = \"ROK\"\nobject = \"NATO\"\ntitle = \"t\"\nstart = \"2008\"\nsources = [\"src\"]\n",
        "unknown-actor",
        4,
        11,
    );
    assert!(d.hint.unwrap().contains("write `KOR`"));
}

#[test]
fn end_before_start() {
    let d = only_error(
        "[[relation]]\nid = \"r\"\nkind = \"programme\"\nsubject = \"KOR\"\nobject = \"NATO\"\ntitle = \"t\"\nstart = \"2019-11-21\"\nend = \"2017-11\"\nsources = [\"src\"]\n",
        "end-before-start",
        8,
        7,
    );
    assert!(
        d.message.contains("2017-11") && d.message.contains("2019-11-21"),
        "{}",
        d.message
    );
}

#[test]
fn overlapping_memberships() {
    let body = r#"
[[relation]]
id = "m1"
kind = "membership"
subject = "KOR"
object = "NATO"
title = "first"
start = "1999"
sources = ["src"]

[[relation]]
id = "m2"
kind = "membership"
subject = "KOR"
object = "NATO"
title = "second"
start = "2004-03-29"
sources = ["src"]
"#;
    let d = only_error(body, "overlapping-membership", 17, 9);
    assert!(d.message.contains("`m2` overlaps `m1`"), "{}", d.message);
    assert!(
        d.hint.unwrap().contains("test.toml:8:"),
        "the hint points at the first membership"
    );
}

#[test]
fn consecutive_memberships_do_not_overlap() {
    let body = r#"
[[relation]]
id = "m1"
kind = "membership"
subject = "KOR"
object = "NATO"
title = "first"
start = "1999"
end = "2003-12-31"
sources = ["src"]

[[relation]]
id = "m2"
kind = "membership"
subject = "KOR"
object = "NATO"
title = "second"
start = "2004-01-01"
sources = ["src"]
"#;
    assert!(check(body).is_empty());
}

#[test]
fn missing_source() {
    let d = only_error(
        "[[event]]\nid = \"e\"\nkind = \"visit\"\ndate = \"2013-04\"\ntitle = \"t\"\nactors = [\"NATO\"]\n",
        "missing-source",
        1,
        1,
    );
    assert!(d.hint.unwrap().contains("sources"));
}

#[test]
fn unknown_source() {
    let d = only_error(
        "[[event]]\nid = \"e\"\nkind = \"visit\"\ndate = \"2013-04\"\ntitle = \"t\"\nactors = [\"NATO\"]\nsources = [\"scr\"]\n",
        "unknown-source",
        7,
        12,
    );
    assert_eq!(d.hint.as_deref(), Some("did you mean `src`?"));
}

#[test]
fn malformed_dates() {
    let cases = [
        ("2022-13", "month 13 is out of range"),
        ("2023-02-29", "day 29 is out of range for 2023-02"),
        ("July 2022", "is not a date of the form"),
        ("2022/07/27", "is not a date of the form"),
    ];
    for (date, message) in cases {
        let body = format!("[[event]]\nid = \"e\"\nkind = \"visit\"\ndate = \"{date}\"\ntitle = \"t\"\nactors = [\"NATO\"]\nsources = [\"src\"]\n");
        let d = only_error(&body, "malformed-date", 4, 8);
        assert!(d.message.contains(message), "{date}: {}", d.message);
    }
}

#[test]
fn duplicate_id_points_at_the_first() {
    let body = r#"[[event]]
id = "e"
kind = "visit"
date = "2013"
title = "t"
actors = ["NATO"]
sources = ["src"]

[[event]]
id = "e"
kind = "visit"
date = "2014"
title = "t"
actors = ["NATO"]
sources = ["src"]
"#;
    let d = only_error(body, "duplicate-id", 10, 6);
    assert!(d.hint.unwrap().contains("test.toml:2:6"));
}

#[test]
fn duplicate_actor_across_files() {
    let d = only_error(
        "[[actor]]\nid = \"KOR\"\nkind = \"state\"\nname = \"Korea again\"\n",
        "duplicate-id",
        2,
        6,
    );
    assert!(d.hint.unwrap().contains("base.toml"));
}

#[test]
fn unknown_vocabulary_word() {
    let d = only_error(
        "[[event]]\nid = \"e\"\nkind = \"summmit\"\ndate = \"2022\"\ntitle = \"t\"\nactors = [\"NATO\"]\nsources = [\"src\"]\n",
        "unknown-value",
        3,
        8,
    );
    assert_eq!(d.hint.as_deref(), Some("did you mean `summit`?"));
}

#[test]
fn syntax_error_has_a_position() {
    let d = only_error("[[event]]\nid = \"e\nkind = \"visit\"\n", "syntax", 2, 8);
    assert!(!d.message.is_empty());
}

#[test]
fn unknown_field_is_a_syntax_error_with_a_hint() {
    let d = only_error(
        "[[event]]\nid = \"e\"\nkind = \"visit\"\ndate = \"2013\"\ntitle = \"t\"\nactors = [\"NATO\"]\nsources = [\"src\"]\nsauces = 1\n",
        "syntax",
        8,
        1,
    );
    assert!(d.message.contains("unknown field `sauces`"), "{}", d.message);
    assert!(d.hint.is_some());
}

#[test]
fn invalid_utf8_is_reported_not_panicked_on() {
    let report = load(vec![Input {
        name: "latin1.toml".into(),
        bytes: b"# caf\xe9\nx = 1\n".to_vec(),
    }]);
    let d = &report.diagnostics[0];
    assert_eq!((d.code, d.line, d.column), ("encoding", 1, 6));
}

#[test]
fn wrong_code_shapes_are_caught() {
    let d = only_error(
        "[[actor]]\nid = \"X\"\nkind = \"state\"\nname = \"X\"\ncodes = { iso3 = \"xx\" }\n",
        "malformed-code",
        5,
        18,
    );
    assert!(d.hint.unwrap().contains("three capital letters"));
}

#[test]
fn a_capital_is_read_and_only_a_state_has_one() {
    let report = load_with(
        "[[actor]]\nid = \"MNG\"\nkind = \"state\"\nname = \"Mongolia\"\ncapital = \"Ulaanbaatar\"\nsources = [\"src\"]\n",
    );
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    let data = report.into_result().expect("clean");
    let mng = data.facts.actors.iter().find(|a| a.id == "MNG").expect("MNG");
    assert_eq!(mng.capital.as_deref(), Some("Ulaanbaatar"));
    let kor = data.facts.actors.iter().find(|a| a.id == "KOR").expect("KOR");
    assert_eq!(kor.capital, None);
    let d = only_error(
        "[[actor]]\nid = \"SCO\"\nkind = \"igo\"\nname = \"Shanghai Cooperation Organisation\"\ncapital = \"Beijing\"\n",
        "bad-capital",
        5,
        11,
    );
    assert!(d.message.contains("not a state"), "{}", d.render());
    only_error(
        "[[actor]]\nid = \"MNG\"\nkind = \"state\"\nname = \"Mongolia\"\ncapital = \" \"\n",
        "bad-capital",
        5,
        11,
    );
    // A seat of government other than the capital is read alike, and checked alike.
    let report = load_with(
        "[[actor]]\nid = \"BOL\"\nkind = \"state\"\nname = \"Bolivia\"\ncapital = \"Sucre\"\nseat = \"La Paz\"\nsources = [\"src\"]\n",
    );
    let data = report.into_result().expect("clean");
    let bol = data.facts.actors.iter().find(|a| a.id == "BOL").expect("BOL");
    assert_eq!(
        (bol.capital.as_deref(), bol.seat.as_deref()),
        (Some("Sucre"), Some("La Paz"))
    );
    let d = only_error(
        "[[actor]]\nid = \"SCO\"\nkind = \"igo\"\nname = \"Shanghai Cooperation Organisation\"\nseat = \"Beijing\"\n",
        "bad-capital",
        5,
        8,
    );
    assert!(d.message.contains("seat of government"), "{}", d.render());
}

#[test]
fn parent_cycles_are_caught() {
    let body = "[[actor]]\nid = \"a\"\nkind = \"body\"\nname = \"A\"\nparent = \"b\"\n\n[[actor]]\nid = \"b\"\nkind = \"body\"\nname = \"B\"\nparent = \"a\"\n";
    let diags = check(body);
    assert!(diags.iter().all(|d| d.code == "parent-cycle"), "{diags:#?}");
    assert_eq!(diags.len(), 2);
}

#[test]
fn signings_must_name_signing_events() {
    let body = r#"[[event]]
id = "visit"
kind = "visit"
date = "2022"
title = "t"
actors = ["KOR"]
sources = ["src"]

[[transfer]]
id = "t"
supplier = "KOR"
recipient = "NATO"
system = "K9"
description = "howitzer"
category = "artillery"
status = "contract"
signings = ["visit"]
sources = ["src"]
"#;
    only_error(body, "not-a-signing", 17, 13);
}

#[test]
fn nothing_panics_on_arbitrary_bytes() {
    for bytes in [
        &b""[..],
        b"\x00\x01",
        b"[[",
        b"[[event]]\n",
        b"id = [",
        b"[[relation]]\nstart = 5\n",
        "é".as_bytes(),
    ] {
        let _ = load(vec![Input {
            name: "x.toml".into(),
            bytes: bytes.to_vec(),
        }]);
    }
}

#[test]
fn replaces_corrects_a_record_of_another_file() {
    // Without `replaces`, the same id twice is an error; with it, this file's record takes the
    // base's place.
    let body =
        "replaces = [\"actor:KOR\"]\n\n[[actor]]\nid = \"KOR\"\nkind = \"state\"\nname = \"Korea (corrected)\"\n";
    let report = load(vec![
        Input {
            name: "base.toml".into(),
            bytes: BASE.as_bytes().to_vec(),
        },
        Input {
            name: "test.toml".into(),
            bytes: body.as_bytes().to_vec(),
        },
    ]);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    let kor = report.dataset.facts.actors.iter().find(|a| a.id == "KOR").unwrap();
    assert_eq!(kor.name, "Korea (corrected)");
    // Removing without replacing: the record is gone (and nothing else is).
    let report = load_with("replaces = [\"actor:NATO\"]\n");
    assert!(report.dataset.facts.actors.iter().all(|a| a.id != "NATO"));
    assert_eq!(report.dataset.facts.actors.len(), 1);
}

#[test]
fn bad_and_idle_replaces_entries_are_reported() {
    let d = only_error("replaces = [\"KOR\"]\n", "bad-replaces", 1, 13);
    assert!(d.hint.unwrap().contains("fact:"));
    let diags = check("replaces = [\"fact:no-such-fact\"]\n");
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        (diags[0].severity, diags[0].code),
        (Severity::Warning, "replaces-nothing")
    );
}

#[test]
fn a_scope_is_read_and_its_mistakes_located() {
    let r = load_with(
        r#"
[[scope]]
pairs = [["NATO", "KOR"]]
dimensions = ["institutional", "cyber"]
to = "2025-10"
"#,
    );
    assert!(r.diagnostics.is_empty(), "{:#?}", r.diagnostics);
    let s = &r.dataset.facts.scopes[0];
    assert_eq!(s.pairs, vec![("NATO".to_string(), "KOR".to_string())]);
    assert!(s.covers("KOR", "NATO", entente_model::Dimension::Cyber));
    assert!(!s.covers("KOR", "NATO", entente_model::Dimension::Political));
    // Without dimensions: every dimension of ties, not context.
    let r = load_with("[[scope]]\npairs = [[\"NATO\", \"KOR\"]]\n");
    assert_eq!(r.dataset.facts.scopes[0].dimensions.len(), 5);
    // An unknown actor, a pair of three, context declared complete, a reversed interval.
    only_error("[[scope]]\npairs = [[\"NATO\", \"KRO\"]]\n", "unknown-actor", 2, 19);
    only_error(
        "[[scope]]\npairs = [[\"NATO\", \"KOR\", \"NATO\"]]\n",
        "bad-scope",
        2,
        11,
    );
    only_error(
        "[[scope]]\npairs = [[\"NATO\", \"KOR\"]]\ndimensions = [\"context\"]\n",
        "bad-scope",
        3,
        15,
    );
    only_error(
        "[[scope]]\npairs = [[\"NATO\", \"KOR\"]]\nfrom = \"2020\"\nto = \"2010\"\n",
        "end-before-start",
        4,
        6,
    );
    only_error("[[scope]]\npairs = []\n", "bad-scope", 1, 1);
}

#[test]
fn atop_names_the_alliance_of_a_treaty_only() {
    let body = |kind: &str| {
        format!(
            "[[relation]]\nid = \"r\"\nkind = \"{kind}\"\nsubject = \"KOR\"\nobject = \"NATO\"\ntitle = \"t\"\nstart = \"2019\"\natop = 3240\nsources = [\"src\"]\n"
        )
    };
    let d = only_error(&body("programme"), "atop-on-non-treaty", 8, 8);
    assert!(d.message.contains("not of a programme"), "{}", d.message);
    let r = load_with(&body("treaty"));
    assert!(
        r.diagnostics.iter().all(|d| d.severity != Severity::Error),
        "{:#?}",
        r.diagnostics
    );
    let set = r.into_result().expect("valid");
    assert_eq!(
        set.facts.relations.iter().find(|x| x.id == "r").unwrap().atop,
        Some(3240)
    );
}
