//! From parsed files to a checked [`FactSet`]: ids, references, dates, vocabularies, intervals.

use crate::diag::{closest, did_you_mean, Diagnostic, Severity, SourceText};
use crate::raw::*;
use crate::{Dataset, Origin, Report};
use entente_model::*;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use toml::Spanned;

/// Where a record was declared: file index and the byte span of its id.
#[derive(Clone)]
struct Decl {
    file: usize,
    span: Range<usize>,
}

struct Ctx<'a> {
    files: &'a [SourceText],
    diags: Vec<Diagnostic>,
    /// Actor id → declaration.
    actors: HashMap<String, Decl>,
    /// Lower-cased name, alias or code → actor id, for "did you mean" on references.
    actor_names: HashMap<String, String>,
    sources: HashMap<String, Decl>,
    /// Fact id → (declaration, what kind of record).
    facts: HashMap<String, (Decl, &'static str)>,
    event_kinds: HashMap<String, String>,
}

impl<'a> Ctx<'a> {
    fn diag(
        &mut self,
        sev: Severity,
        file: usize,
        span: Range<usize>,
        code: &'static str,
        msg: String,
        hint: Option<String>,
    ) {
        let d = self.files[file].diagnostic(sev, code, span, msg, hint);
        self.diags.push(d);
    }

    fn err(&mut self, file: usize, span: Range<usize>, code: &'static str, msg: String, hint: Option<String>) {
        self.diag(Severity::Error, file, span, code, msg, hint);
    }

    fn warn(&mut self, file: usize, span: Range<usize>, code: &'static str, msg: String, hint: Option<String>) {
        self.diag(Severity::Warning, file, span, code, msg, hint);
    }

    fn where_is(&self, d: &Decl) -> String {
        let (line, col) = self.files[d.file].locate(d.span.start);
        format!("{}:{line}:{col}", self.files[d.file].name)
    }

    fn date(&mut self, file: usize, s: &S) -> Option<PartialDate> {
        match PartialDate::parse(s.get_ref()) {
            Ok(d) => Some(d),
            Err(e) => {
                let hint = match e {
                    DateError::Shape(_) => {
                        "write a year (\"2022\"), a month (\"2022-07\") or a day (\"2022-07-27\")".to_string()
                    }
                    _ => "check the date against the source".to_string(),
                };
                self.err(
                    file,
                    s.span(),
                    "malformed-date",
                    format!("malformed date: {e}"),
                    Some(hint),
                );
                None
            }
        }
    }

    fn opt_date(&mut self, file: usize, s: &Option<S>) -> Result<Option<PartialDate>, ()> {
        match s {
            None => Ok(None),
            Some(s) => self.date(file, s).map(Some).ok_or(()),
        }
    }

    fn vocab<T: Vocabulary>(&mut self, file: usize, s: &S, field: &str) -> Option<T> {
        if let Some(v) = T::parse(s.get_ref()) {
            return Some(v);
        }
        let spellings = T::spellings();
        let hint = did_you_mean(&closest(s.get_ref(), spellings.iter().copied(), 2))
            .unwrap_or_else(|| format!("`{field}` is one of: {}", spellings.join(", ")));
        self.err(
            file,
            s.span(),
            "unknown-value",
            format!("unknown {field} `{}`", s.get_ref()),
            Some(hint),
        );
        None
    }

    fn actor(&mut self, file: usize, s: &S) -> Option<ActorId> {
        let id = s.get_ref();
        if self.actors.contains_key(id.as_str()) {
            return Some(id.clone());
        }
        let hint = if let Some(real) = self.actor_names.get(&id.to_lowercase()) {
            Some(format!(
                "`{id}` is a name or code of actor `{real}`; fact files refer to actors by id: write `{real}`"
            ))
        } else {
            let ids: Vec<&str> = self.actors.keys().map(String::as_str).collect();
            did_you_mean(&closest(id, ids, 3)).or_else(|| {
                Some("declare the actor in an [[actor]] table, or use `entente search` to find its id".into())
            })
        };
        self.err(file, s.span(), "unknown-actor", format!("unknown actor `{id}`"), hint);
        None
    }

    /// Resolves every reference, reporting each bad one; `None` if any was bad.
    fn actor_list(&mut self, file: usize, list: &[S]) -> Option<Vec<ActorId>> {
        let resolved: Vec<Option<ActorId>> = list.iter().map(|s| self.actor(file, s)).collect();
        resolved.into_iter().collect()
    }

    fn fact_ref(&mut self, file: usize, s: &S) -> Option<FactId> {
        let id = s.get_ref();
        if self.facts.contains_key(id.as_str()) {
            return Some(id.clone());
        }
        let ids: Vec<&str> = self.facts.keys().map(String::as_str).collect();
        let hint = did_you_mean(&closest(id, ids, 3));
        self.err(file, s.span(), "unknown-fact", format!("unknown fact `{id}`"), hint);
        None
    }

    fn fact_list(&mut self, file: usize, list: &[S]) -> Option<Vec<FactId>> {
        let resolved: Vec<Option<FactId>> = list.iter().map(|s| self.fact_ref(file, s)).collect();
        resolved.into_iter().collect()
    }

    /// A record's `review`: its article must be one of the record's sources.
    fn review(
        &mut self,
        file: usize,
        r: Option<Spanned<RawReview>>,
        sources: Option<&[SourceRef]>,
    ) -> Result<Option<Review>, ()> {
        let Some(r) = r else { return Ok(None) };
        let span = r.span();
        let r = r.into_inner();
        let proposed = self.date(file, &r.proposed);
        let accepted = self.opt_date(file, &r.accepted);
        let confidence = *r.confidence.get_ref();
        let mut ok = proposed.is_some() && accepted.is_ok();
        if !(0.0..=1.0).contains(&confidence) {
            self.err(
                file,
                r.confidence.span(),
                "bad-number",
                format!("confidence {confidence} is not between 0 and 1"),
                None,
            );
            ok = false;
        }
        if let (Some(p), Ok(Some(a))) = (proposed, accepted) {
            if a.latest() < p.earliest() {
                self.err(
                    file,
                    span.clone(),
                    "end-before-start",
                    format!("accepted ({a}) before it was proposed ({p})"),
                    None,
                );
                ok = false;
            }
        }
        if let Some(s) = sources {
            if !s.iter().any(|s| &s.source == r.article.get_ref()) {
                self.err(
                    file,
                    r.article.span(),
                    "review-article-not-cited",
                    format!(
                        "the review's article `{}` is not among the record's sources",
                        r.article.get_ref()
                    ),
                    Some("add the article's source id to `sources`".into()),
                );
                ok = false;
            }
        }
        let span_pair = r.span.map(|s| {
            let [a, b] = s.into_inner();
            (a, b)
        });
        if span_pair.is_some_and(|(a, b)| b < a) {
            self.err(
                file,
                span,
                "bad-number",
                "the review's span ends before it starts".into(),
                None,
            );
            ok = false;
        }
        if !ok {
            return Err(());
        }
        Ok(Some(Review {
            article: r.article.into_inner(),
            quote: r.quote,
            span: span_pair,
            confidence,
            proposed: proposed.ok_or(())?,
            accepted: accepted?,
            edited: r.edited,
        }))
    }

    fn sources(
        &mut self,
        file: usize,
        record: Range<usize>,
        list: &[Spanned<toml::Value>],
        required: bool,
    ) -> Option<Vec<SourceRef>> {
        if list.is_empty() && required {
            self.err(
                file,
                record,
                "missing-source",
                "this fact cites no source".into(),
                Some("add `sources = [\"source-id\"]` naming a [[source]] that supports it".into()),
            );
            return None;
        }
        let mut out = Vec::new();
        let mut ok = true;
        for item in list {
            let (id, locator) = match item.get_ref() {
                toml::Value::String(id) => (id.clone(), None),
                toml::Value::Table(t) => {
                    let id = t.get("source").and_then(|v| v.as_str()).map(str::to_string);
                    let at = t.get("at").and_then(|v| v.as_str()).map(str::to_string);
                    let extra = t.keys().find(|k| *k != "source" && *k != "at");
                    match (id, extra) {
                        (Some(id), None) => (id, at),
                        _ => {
                            self.err(
                                file,
                                item.span(),
                                "bad-source-ref",
                                "a source reference table needs `source` and may have `at`, nothing else".into(),
                                Some("write { source = \"id\", at = \"where in the source\" }".into()),
                            );
                            ok = false;
                            continue;
                        }
                    }
                }
                _ => {
                    self.err(
                        file,
                        item.span(),
                        "bad-source-ref",
                        "a source reference is a string id or a table".into(),
                        None,
                    );
                    ok = false;
                    continue;
                }
            };
            if !self.sources.contains_key(&id) {
                let ids: Vec<&str> = self.sources.keys().map(String::as_str).collect();
                let hint =
                    did_you_mean(&closest(&id, ids, 3)).or_else(|| Some("declare it in a [[source]] table".into()));
                self.err(
                    file,
                    item.span(),
                    "unknown-source",
                    format!("unknown source `{id}`"),
                    hint,
                );
                ok = false;
                continue;
            }
            out.push(SourceRef { source: id, locator });
        }
        ok.then_some(out)
    }

    fn interval(&mut self, file: usize, start: &Option<S>, end: &Option<S>) -> Option<Interval> {
        let s = self.opt_date(file, start).ok()?;
        let e = self.opt_date(file, end).ok()?;
        let interval = Interval::new(s, e);
        if interval.is_inverted() {
            if let Some(end_span) = end {
                self.err(
                    file,
                    end_span.span(),
                    "end-before-start",
                    format!(
                        "ends ({}) before it starts ({})",
                        e.map(|d| d.to_string()).unwrap_or_default(),
                        s.map(|d| d.to_string()).unwrap_or_default()
                    ),
                    Some("swap the dates, or check them against the source".into()),
                );
            }
            return None;
        }
        Some(interval)
    }

    fn dimension(&mut self, file: usize, s: &Option<S>, default: Dimension) -> Option<Dimension> {
        match s {
            None => Some(default),
            Some(s) => self.vocab(file, s, "dimension"),
        }
    }
}

/// Registers ids, reporting duplicates. Returns false for a duplicate.
fn register(
    map: &mut HashMap<String, Decl>,
    ctx_diags: &mut Vec<Diagnostic>,
    files: &[SourceText],
    file: usize,
    id: &S,
    what: &str,
) -> bool {
    let decl = Decl { file, span: id.span() };
    if id.get_ref().trim().is_empty() {
        ctx_diags.push(files[file].diagnostic(
            Severity::Error,
            "empty-id",
            id.span(),
            format!("empty {what} id"),
            None,
        ));
        return false;
    }
    if let Some(first) = map.get(id.get_ref()) {
        let (line, col) = files[first.file].locate(first.span.start);
        ctx_diags.push(files[file].diagnostic(
            Severity::Error,
            "duplicate-id",
            id.span(),
            format!("duplicate {what} id `{}`", id.get_ref()),
            Some(format!(
                "first declared at {}:{line}:{col}; give one of them another id",
                files[first.file].name
            )),
        ));
        return false;
    }
    map.insert(id.get_ref().clone(), decl);
    true
}

fn check_code(
    ctx: &mut Ctx,
    file: usize,
    code: &Option<S>,
    scheme: &str,
    ok: fn(&str) -> bool,
    shape: &str,
) -> Option<String> {
    let s = code.as_ref()?;
    if ok(s.get_ref()) {
        Some(s.get_ref().clone())
    } else {
        ctx.err(
            file,
            s.span(),
            "malformed-code",
            format!("`{}` is not a valid {scheme} code", s.get_ref()),
            Some(format!("{scheme} codes are {shape}")),
        );
        None
    }
}

fn upper(n: usize) -> impl Fn(&str) -> bool {
    move |s: &str| s.len() == n && s.bytes().all(|b| b.is_ascii_uppercase())
}

pub(crate) fn build(files: &[SourceText], parsed: Vec<(usize, RawFile)>, mut diags: Vec<Diagnostic>) -> Report {
    // Pass 1: declarations.
    let mut actors = HashMap::new();
    let mut sources = HashMap::new();
    let mut facts: HashMap<String, (Decl, &'static str)> = HashMap::new();
    let mut event_kinds = HashMap::new();
    let mut actor_names = HashMap::new();
    let mut fact_ids = HashMap::new();
    for (f, raw) in &parsed {
        for s in &raw.source {
            register(&mut sources, &mut diags, files, *f, &s.get_ref().id, "source");
        }
        for a in &raw.actor {
            let a = a.get_ref();
            if register(&mut actors, &mut diags, files, *f, &a.id, "actor") {
                let codes = &a.codes;
                let mut names: Vec<String> = vec![a.name.clone()];
                names.extend(a.short_name.clone());
                names.extend(a.aliases.iter().cloned());
                names.extend(a.demonyms.iter().cloned());
                for c in [&codes.iso3, &codes.iso2, &codes.cameo, &codes.wikidata]
                    .into_iter()
                    .flatten()
                {
                    names.push(c.get_ref().clone());
                }
                for n in names {
                    actor_names
                        .entry(n.to_lowercase())
                        .or_insert_with(|| a.id.get_ref().clone());
                }
            }
        }
        let ids = raw
            .relation
            .iter()
            .map(|r| (&r.get_ref().id, "relation"))
            .chain(raw.event.iter().map(|e| (&e.get_ref().id, "event")))
            .chain(raw.transfer.iter().map(|t| (&t.get_ref().id, "transfer")))
            .chain(raw.driver.iter().map(|d| (&d.get_ref().id, "driver")));
        for (id, what) in ids {
            if register(&mut fact_ids, &mut diags, files, *f, id, "fact") {
                facts.insert(
                    id.get_ref().clone(),
                    (
                        Decl {
                            file: *f,
                            span: id.span(),
                        },
                        what,
                    ),
                );
            }
        }
        for e in &raw.event {
            let e = e.get_ref();
            event_kinds.insert(e.id.get_ref().clone(), e.kind.get_ref().to_lowercase());
        }
    }
    let mut ctx = Ctx {
        files,
        diags,
        actors,
        actor_names,
        sources,
        facts,
        event_kinds,
    };

    // Pass 2: records.
    let mut set = FactSet::default();
    let mut origins = HashMap::new();
    let mut relation_decls = Vec::new();
    for (f, raw) in parsed {
        let origin = |ctx: &Ctx, span: &Range<usize>| {
            let (line, _) = ctx.files[f].locate(span.start);
            Origin {
                file: ctx.files[f].name.clone(),
                line,
            }
        };
        for s in raw.source {
            let span = s.span();
            let s = s.into_inner();
            let Ok(published) = ctx.opt_date(f, &s.published) else {
                continue;
            };
            let url = s.url.get_ref().trim();
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                ctx.err(
                    f,
                    s.url.span(),
                    "malformed-url",
                    format!("`{url}` is not a web address"),
                    Some("give the full address, starting with https://".into()),
                );
                continue;
            }
            origins.insert(s.id.get_ref().clone(), origin(&ctx, &span));
            set.sources.push(Source {
                id: s.id.into_inner(),
                url: url.to_string(),
                publisher: s.publisher,
                title: s.title,
                published,
                note: s.note,
            });
        }
        for a in raw.actor {
            let span = a.span();
            if let Some(actor) = actor(&mut ctx, f, span.clone(), a.into_inner()) {
                origins.insert(actor.id.clone(), origin(&ctx, &span));
                set.actors.push(actor);
            }
        }
        for r in raw.relation {
            let span = r.span();
            let r = r.into_inner();
            let start_span = r.start.as_ref().map(|s| s.span()).unwrap_or(span.clone());
            if let Some(rel) = relation(&mut ctx, f, span.clone(), r) {
                origins.insert(rel.id.clone(), origin(&ctx, &span));
                relation_decls.push(Decl {
                    file: f,
                    span: start_span,
                });
                set.relations.push(rel);
            }
        }
        for e in raw.event {
            let span = e.span();
            if let Some(ev) = event(&mut ctx, f, span.clone(), e.into_inner()) {
                origins.insert(ev.id.clone(), origin(&ctx, &span));
                set.events.push(ev);
            }
        }
        for t in raw.transfer {
            let span = t.span();
            if let Some(tr) = transfer(&mut ctx, f, span.clone(), t.into_inner()) {
                origins.insert(tr.id.clone(), origin(&ctx, &span));
                set.transfers.push(tr);
            }
        }
        for d in raw.driver {
            let span = d.span();
            if let Some(dr) = driver(&mut ctx, f, span.clone(), d.into_inner()) {
                origins.insert(dr.id.clone(), origin(&ctx, &span));
                set.drivers.push(dr);
            }
        }
        for sc in raw.scope {
            let span = sc.span();
            if let Some(sc) = scope(&mut ctx, f, span, sc.into_inner()) {
                set.scopes.push(sc);
            }
        }
    }

    // Pass 3: whole-dataset checks.
    check_overlaps(&mut ctx, &set.relations, &relation_decls);
    check_parents(&mut ctx, &set.actors);
    check_unique_codes(&mut ctx, &set.actors);

    let mut diagnostics = ctx.diags;
    diagnostics.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    Report {
        dataset: Dataset {
            facts: set,
            origins,
            files: files.iter().map(|f| f.name.clone()).collect(),
        },
        diagnostics,
    }
}

fn actor(ctx: &mut Ctx, f: usize, span: Range<usize>, a: RawActor) -> Option<Actor> {
    let kind = ctx.vocab::<ActorKind>(f, &a.kind, "actor kind");
    let parent = match &a.parent {
        Some(p) => Some(ctx.actor(f, p)?),
        None => None,
    };
    let c = a.codes;
    let codes = Codes {
        iso3: check_code(
            ctx,
            f,
            &c.iso3,
            "ISO 3166 alpha-3",
            |s| upper(3)(s),
            "three capital letters (KOR)",
        ),
        iso2: check_code(
            ctx,
            f,
            &c.iso2,
            "ISO 3166 alpha-2",
            |s| upper(2)(s),
            "two capital letters (KR)",
        ),
        cow: c.cow,
        gw: c.gw,
        cameo: check_code(
            ctx,
            f,
            &c.cameo,
            "CAMEO",
            |s| s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
            "three capital letters (KOR, NAT)",
        ),
        fips: check_code(
            ctx,
            f,
            &c.fips,
            "FIPS 10-4",
            |s| upper(2)(s),
            "two capital letters (KS)",
        ),
        wikidata: check_code(
            ctx,
            f,
            &c.wikidata,
            "Wikidata",
            |s| s.len() > 1 && s.starts_with('Q') && s[1..].bytes().all(|b| b.is_ascii_digit()),
            "Q followed by digits (Q884)",
        ),
    };
    // A capital and a seat of government: a city's name, and only a state's.
    let mut city = |field: &Option<Spanned<String>>, what: &str| -> Result<Option<String>, ()> {
        match field {
            Some(c) if c.get_ref().trim().is_empty() => {
                ctx.err(
                    f,
                    c.span(),
                    "bad-capital",
                    format!("actor `{}` has an empty {what}", a.id.get_ref()),
                    Some(format!("name the {what} city, or leave the field out")),
                );
                Err(())
            }
            Some(c) if kind.is_some_and(|k| k != ActorKind::State) => {
                ctx.err(
                    f,
                    c.span(),
                    "bad-capital",
                    format!("actor `{}` is not a state: only a state has a {what}", a.id.get_ref()),
                    Some("an organisation's seat belongs in its `note`".into()),
                );
                Err(())
            }
            Some(c) => Ok(Some(c.get_ref().trim().to_string())),
            None => Ok(None),
        }
    };
    let capital = city(&a.capital, "capital").ok()?;
    let seat = city(&a.seat, "seat of government").ok()?;
    let sources = ctx.sources(f, span, &a.sources, false)?;
    if a.name.trim().is_empty() {
        ctx.err(
            f,
            a.id.span(),
            "empty-name",
            format!("actor `{}` has an empty name", a.id.get_ref()),
            None,
        );
        return None;
    }
    Some(Actor {
        id: a.id.into_inner(),
        kind: kind?,
        name: a.name,
        short_name: a.short_name,
        aliases: a.aliases,
        demonyms: a.demonyms,
        capital,
        seat,
        codes,
        parent,
        sources,
        note: a.note,
    })
}

fn relation(ctx: &mut Ctx, f: usize, span: Range<usize>, r: RawRelation) -> Option<Relation> {
    let kind = ctx.vocab::<RelationKind>(f, &r.kind, "relation kind");
    let subject = ctx.actor(f, &r.subject);
    let object = ctx.actor(f, &r.object);
    if r.start.is_none() {
        ctx.err(
            f,
            r.id.span(),
            "missing-start",
            format!("relation `{}` has no start date", r.id.get_ref()),
            Some("add `start = \"YYYY[-MM[-DD]]\"`; a year is enough".into()),
        );
    }
    let interval = ctx.interval(f, &r.start, &r.end);
    let sources = ctx.sources(f, span, &r.sources, true);
    let kind = kind?;
    let dimension = ctx.dimension(f, &r.dimension, kind.default_dimension())?;
    if subject.is_some() && subject == object {
        ctx.err(
            f,
            r.object.span(),
            "self-relation",
            "a relation needs two different actors".into(),
            None,
        );
        return None;
    }
    if let Some(a) = &r.atop {
        if !matches!(kind, RelationKind::Treaty | RelationKind::Alliance) {
            ctx.err(
                f,
                a.span(),
                "atop-on-non-treaty",
                format!("`atop` names the ATOP alliance of a treaty or alliance, not of a {kind}"),
                None,
            );
            return None;
        }
    }
    let review = ctx.review(f, r.review, sources.as_deref());
    r.start.as_ref()?;
    Some(Relation {
        id: r.id.into_inner(),
        kind,
        subject: subject?,
        object: object?,
        title: r.title,
        interval: interval?,
        status: r.status,
        programme: r.programme,
        areas: r.areas,
        obligations: r.obligations,
        atop: r.atop.map(Spanned::into_inner),
        deployment: r.deployment.map(|d| Deployment {
            unit: d.unit,
            size: d.size,
            place: d.place,
        }),
        dimension,
        sources: sources?,
        note: r.note,
        review: review.ok()?,
    })
}

fn event(ctx: &mut Ctx, f: usize, span: Range<usize>, e: RawEvent) -> Option<Event> {
    let kind = ctx.vocab::<EventKind>(f, &e.kind, "event kind");
    let date = ctx.date(f, &e.date);
    let end = ctx.opt_date(f, &e.end).ok();
    if let (Some(d), Some(Some(end_date)), Some(end_span)) = (date, end, &e.end) {
        if end_date.latest() < d.earliest() {
            ctx.err(
                f,
                end_span.span(),
                "end-before-start",
                format!("ends ({end_date}) before it starts ({d})"),
                Some("swap the dates, or check them against the source".into()),
            );
            return None;
        }
    }
    if e.actors.is_empty() {
        ctx.err(
            f,
            e.id.span(),
            "missing-actor",
            format!("event `{}` names no actor", e.id.get_ref()),
            Some("add `actors = [\"ID\"]`: who acted, hosted or signed".into()),
        );
    }
    let actors = ctx.actor_list(f, &e.actors);
    let targets = ctx.actor_list(f, &e.targets);
    let attendees = ctx.actor_list(f, &e.attendees);
    let related = ctx.fact_list(f, &e.related);
    let plover = match (&e.plover, kind) {
        (Some(p), _) => ctx.vocab::<Plover>(f, p, "PLOVER type"),
        (None, Some(k)) => {
            let p = k.default_plover();
            if p.is_none() {
                ctx.err(
                    f,
                    e.kind.span(),
                    "missing-plover",
                    format!("a `{k}` event needs a PLOVER type"),
                    Some(format!(
                        "add `plover = \"…\"`, one of {}",
                        Plover::spellings().join(", ")
                    )),
                );
            }
            p
        }
        (None, None) => None,
    };
    let cameo = match &e.cameo {
        Some(c) if (2..=4).contains(&c.get_ref().len()) && c.get_ref().bytes().all(|b| b.is_ascii_digit()) => {
            Some(c.get_ref().clone())
        }
        Some(c) => {
            ctx.err(
                f,
                c.span(),
                "malformed-code",
                format!("`{}` is not a CAMEO event code", c.get_ref()),
                Some("CAMEO event codes are 2 to 4 digits (\"057\")".into()),
            );
            return None;
        }
        None => None,
    };
    let instrument = match &e.instrument {
        Some(i) => Some(ctx.vocab::<Instrument>(f, i, "instrument")?),
        None => None,
    };
    if kind == Some(EventKind::Signing) && instrument.is_none() {
        ctx.warn(f, e.kind.span(), "missing-instrument", "a signing without `instrument`".into(), Some("say what was signed: framework_agreement, executive_contract, agreement, memorandum, programme, treaty or declaration".into()));
    }
    let sources = ctx.sources(f, span, &e.sources, true);
    let kind = kind?;
    let dimension = ctx.dimension(f, &e.dimension, kind.default_dimension())?;
    let review = ctx.review(f, e.review, sources.as_deref());
    if e.actors.is_empty() {
        return None;
    }
    Some(Event {
        id: e.id.into_inner(),
        kind,
        date: date?,
        end: end?,
        title: e.title,
        actors: actors?,
        targets: targets?,
        attendees: attendees?,
        place: e.place,
        plover: plover?,
        cameo,
        instrument,
        related: related?,
        dimension,
        sources: sources?,
        note: e.note,
        review: review.ok()?,
    })
}

fn transfer(ctx: &mut Ctx, f: usize, span: Range<usize>, t: RawTransfer) -> Option<Transfer> {
    let supplier = ctx.actor(f, &t.supplier);
    let recipient = ctx.actor(f, &t.recipient);
    let category = ctx.vocab::<WeaponCategory>(f, &t.category, "weapon category");
    let status = ctx.vocab::<TransferStatus>(f, &t.status, "transfer status");
    let order_date = ctx.opt_date(f, &t.order_date).ok();
    let companies = ctx.actor_list(f, &t.companies);
    let signings = ctx.fact_list(f, &t.signings);
    if let Some(signings) = &signings {
        for (id, s) in signings.iter().zip(&t.signings) {
            if ctx.event_kinds.get(id).map(String::as_str) != Some("signing") {
                ctx.err(
                    f,
                    s.span(),
                    "not-a-signing",
                    format!("`{id}` is not a signing event"),
                    Some("`signings` lists events of kind \"signing\"".into()),
                );
            }
        }
    }
    if let (Some(o), Some(d)) = (&t.ordered, &t.delivered) {
        if d.get_ref() > o.get_ref() {
            ctx.warn(
                f,
                d.span(),
                "delivered-exceeds-ordered",
                format!("{} delivered but only {} ordered", d.get_ref(), o.get_ref()),
                Some("check both numbers against the source".into()),
            );
        }
    }
    let mut delivery_years = Vec::new();
    for y in &t.delivery_years {
        let year = *y.get_ref();
        if !(1900..=2100).contains(&year) {
            ctx.err(
                f,
                y.span(),
                "malformed-date",
                format!("delivery year {year} is out of range 1900–2100"),
                None,
            );
            return None;
        }
        if let Some(Some(o)) = order_date {
            if year < o.year() {
                ctx.warn(
                    f,
                    y.span(),
                    "delivery-before-order",
                    format!("delivery in {year}, before the order ({o})"),
                    Some("licensed production or an earlier order? check the source".into()),
                );
            }
        }
        delivery_years.push(year);
    }
    delivery_years.sort_unstable();
    delivery_years.dedup();
    let value = t.value.as_ref().map(|v| v.get_ref());
    if let Some(v) = value {
        if !(v.amount.is_finite() && v.amount > 0.0) {
            ctx.err(
                f,
                t.value.as_ref().map(|v| v.span()).unwrap_or(span.clone()),
                "bad-number",
                "value must be a positive amount".into(),
                None,
            );
            return None;
        }
    }
    let sources = ctx.sources(f, span, &t.sources, true);
    let review = ctx.review(f, t.review, sources.as_deref());
    Some(Transfer {
        id: t.id.into_inner(),
        supplier: supplier?,
        recipient: recipient?,
        system: t.system,
        description: t.description,
        category: category?,
        weapon: t.weapon.unwrap_or(true),
        licensed: t.licensed.unwrap_or(false),
        second_hand: t.second_hand.unwrap_or(false),
        ordered: t.ordered.map(Spanned::into_inner),
        delivered: t.delivered.map(Spanned::into_inner),
        order_date: order_date?,
        delivery_years,
        value: value.map(|v| Money {
            amount: v.amount,
            currency: v.currency.clone(),
        }),
        status: status?,
        companies: companies?,
        signings: signings?,
        sources: sources?,
        note: t.note,
        review: review.ok()?,
    })
}

fn driver(ctx: &mut Ctx, f: usize, span: Range<usize>, d: RawDriver) -> Option<Driver> {
    let kind = ctx.vocab::<DriverKind>(f, &d.kind, "driver kind");
    let direction = ctx.vocab::<Direction>(f, &d.direction, "direction");
    let date = ctx.opt_date(f, &d.date).ok();
    if d.actors.is_empty() || d.affects.is_empty() {
        ctx.err(
            f,
            d.id.span(),
            "missing-actor",
            format!("driver `{}` needs `actors` and `affects`", d.id.get_ref()),
            Some("`actors`: whose action it is; `affects`: the partnership sides it bears on".into()),
        );
        return None;
    }
    let actors = ctx.actor_list(f, &d.actors);
    let affects = ctx.actor_list(f, &d.affects);
    let events = ctx.fact_list(f, &d.events);
    let mut indicators = Vec::new();
    for i in d.indicators {
        let evidence = ctx.fact_list(f, &i.evidence)?;
        indicators.push(Indicator {
            title: i.title,
            signal: i.signal,
            evidence,
        });
    }
    let sources = ctx.sources(f, span, &d.sources, true);
    Some(Driver {
        id: d.id.into_inner(),
        kind: kind?,
        title: d.title,
        date: date?,
        actors: actors?,
        affects: affects?,
        direction: direction?,
        events: events?,
        indicators,
        sources: sources?,
        note: d.note,
    })
}

fn scope(ctx: &mut Ctx, f: usize, span: Range<usize>, s: RawScope) -> Option<Scope> {
    let mut pairs = Vec::new();
    let mut ok = true;
    if s.pairs.is_empty() {
        ctx.err(
            f,
            span.clone(),
            "bad-scope",
            "a scope names no pair".into(),
            Some("give `pairs = [[\"NATO\", \"KOR\"]]`".into()),
        );
        return None;
    }
    for p in &s.pairs {
        match p.as_slice() {
            [a, b] => match (ctx.actor(f, a), ctx.actor(f, b)) {
                (Some(a), Some(b)) if a != b => pairs.push((a, b)),
                (Some(_), Some(_)) => {
                    ctx.err(f, b.span(), "bad-scope", "a pair of one actor with itself".into(), None);
                    ok = false;
                }
                _ => ok = false,
            },
            _ => {
                let at = p.first().map_or(span.clone(), |x| x.span());
                ctx.err(
                    f,
                    at,
                    "bad-scope",
                    format!("a pair has two actors, not {}", p.len()),
                    Some("write each pair as [\"A\", \"B\"]".into()),
                );
                ok = false;
            }
        }
    }
    let mut dimensions = Vec::new();
    for d in &s.dimensions {
        match ctx.vocab::<Dimension>(f, d, "dimension") {
            Some(Dimension::Context) => {
                ctx.err(
                    f,
                    d.span(),
                    "bad-scope",
                    "`context` facts are not ties: a scope cannot declare them complete".into(),
                    None,
                );
                ok = false;
            }
            Some(x) => dimensions.push(x),
            None => ok = false,
        }
    }
    if s.dimensions.is_empty() {
        dimensions = Dimension::ALL
            .iter()
            .copied()
            .filter(|d| *d != Dimension::Context)
            .collect();
    }
    let interval = ctx.interval(f, &s.from, &s.to)?;
    ok.then_some(Scope {
        pairs,
        dimensions,
        interval,
        note: s.note,
    })
}

fn check_overlaps(ctx: &mut Ctx, relations: &[Relation], decls: &[Decl]) {
    let mut groups: HashMap<(RelationKind, &str, &str), Vec<usize>> = HashMap::new();
    for (i, r) in relations.iter().enumerate() {
        if matches!(r.kind, RelationKind::Membership | RelationKind::Participation) {
            groups.entry((r.kind, &r.subject, &r.object)).or_default().push(i);
        }
    }
    let mut keys: Vec<_> = groups.keys().copied().collect();
    keys.sort();
    for key in keys {
        let mut idx = groups[&key].clone();
        idx.sort_by_key(|&i| relations[i].interval.start);
        for w in idx.windows(2) {
            let (a, b) = (&relations[w[0]], &relations[w[1]]);
            if a.interval.overlaps(&b.interval) {
                let first = ctx.where_is(&decls[w[0]]);
                let d = decls[w[1]].clone();
                ctx.err(
                    d.file,
                    d.span,
                    "overlapping-membership",
                    format!(
                        "`{}` overlaps `{}`: {} {} of {} twice at once ({} and {})",
                        b.id, a.id, b.subject, key.0, b.object, b.interval, a.interval
                    ),
                    Some(format!(
                        "`{}` is at {first}; end it before this one starts, or merge the two",
                        a.id
                    )),
                );
            }
        }
    }
}

fn check_parents(ctx: &mut Ctx, actors: &[Actor]) {
    let parent: HashMap<&str, &str> = actors
        .iter()
        .filter_map(|a| Some((a.id.as_str(), a.parent.as_deref()?)))
        .collect();
    let mut reported = HashSet::new();
    for a in actors {
        let mut seen = vec![a.id.as_str()];
        let mut cur = a.id.as_str();
        while let Some(&p) = parent.get(cur) {
            if seen.contains(&p) {
                if reported.insert(a.id.clone()) {
                    if let Some(d) = ctx.actors.get(&a.id).cloned() {
                        ctx.err(
                            d.file,
                            d.span,
                            "parent-cycle",
                            format!("actor `{}` is its own ancestor ({} → {p})", a.id, seen.join(" → ")),
                            Some("an actor's parent chain must end at an actor with no parent".into()),
                        );
                    }
                }
                break;
            }
            seen.push(p);
            cur = p;
        }
    }
}

fn check_unique_codes(ctx: &mut Ctx, actors: &[Actor]) {
    let mut seen: HashMap<(&str, String), &str> = HashMap::new();
    for a in actors {
        for (scheme, value) in a.codes.pairs() {
            if !matches!(scheme, "iso3" | "iso2" | "wikidata") {
                continue; // COW, GW, CAMEO and FIPS codes legitimately recur across eras.
            }
            if let Some(first) = seen.insert((scheme, value.clone()), &a.id) {
                if let Some(d) = ctx.actors.get(&a.id).cloned() {
                    ctx.err(
                        d.file,
                        d.span,
                        "duplicate-code",
                        format!("{scheme} code `{value}` is already used by actor `{first}`"),
                        Some("one code, one actor: merge the two actors or correct the code".into()),
                    );
                }
            }
        }
    }
}
