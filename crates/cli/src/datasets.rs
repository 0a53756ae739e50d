//! The dataset commands: `import`, `datasets`, `align`, `flows`, `dependence`, `sipri-links`.
//! Arguments in, rendering out: storage is `entente-store`'s, the measures `entente-measures'`.

use crate::render::{emit, Format, Table};
use entente_analysis::alignment::dataset_citation;
use entente_analysis::link::link_transfers;
use entente_analysis::views::{self, Basis, FlowQuery, Provenance};
use entente_kb::{Citation, KnowledgeBase};
use entente_report::svg::{Line, LineChart, PALETTE};
use entente_store::{Dataset, ImportEntry, ImportOutcome, Outcome, Progress, Store};
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[derive(clap::Args, Debug, Clone)]
pub struct StoreArgs {
    /// The data directory [default: $ENTENTE_DATA_DIR, else $XDG_DATA_HOME/entente, else
    /// ~/.local/share/entente].
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DatasetArg {
    /// The SIPRI trade register (CSV export).
    Sipri,
    /// ATOP member-level, alliance-level or alliance-year similarity files.
    Atop,
    /// UN General Assembly votes: per-country files (`732.csv`) or the long layout.
    Unvotes,
    /// GDELT 1.0 event files (57 or 58 columns) into the event lake.
    Gdelt1,
    /// GDELT 2.0 event exports (61 columns) into the event lake.
    Gdelt2,
    /// ICEWS coded event data (Dataverse TSV or the database layout) into the event lake.
    Icews,
    /// POLECAT/PLOVER records into the event lake.
    Polecat,
}

/// Where an import goes: the dataset store or the event lake.
enum Destination {
    Store(Dataset),
    Lake(entente_events::SourceKind),
}

impl DatasetArg {
    fn destination(self) -> Destination {
        use entente_events::SourceKind;
        match self {
            DatasetArg::Sipri => Destination::Store(Dataset::Sipri),
            DatasetArg::Atop => Destination::Store(Dataset::Atop),
            DatasetArg::Unvotes => Destination::Store(Dataset::Unvotes),
            DatasetArg::Gdelt1 => Destination::Lake(SourceKind::Gdelt1),
            DatasetArg::Gdelt2 => Destination::Lake(SourceKind::Gdelt2),
            DatasetArg::Icews => Destination::Lake(SourceKind::Icews),
            DatasetArg::Polecat => Destination::Lake(SourceKind::Polecat),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Measure {
    /// ATOP alliance-portfolio similarity S (valued ties, states weighted equally).
    S,
    /// S with states weighted by capabilities (needs capability data, not yet importable).
    SWeighted,
    /// Scott's pi (chance-corrected, Häge 2011).
    Pi,
    /// Cohen's kappa (chance-corrected, Häge 2011).
    Kappa,
    /// UN voting agreement, three categories (yes, abstain, no).
    Un3,
    /// UN voting agreement, two categories (yes, no).
    Un2,
    All,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FlowBy {
    /// Delivered TIV by delivery year (each deal spread evenly over its delivery years).
    Year,
    /// TIV of whole orders by order year.
    OrderYear,
}

impl From<FlowBy> for Basis {
    fn from(b: FlowBy) -> Basis {
        match b {
            FlowBy::Year => Basis::Delivered,
            FlowBy::OrderYear => Basis::Ordered,
        }
    }
}

#[derive(clap::Subcommand)]
pub enum DatasetCommand {
    /// Import SIPRI, ATOP or UN-votes files, or GDELT, ICEWS or POLECAT event files into the event
    /// lake, into the data directory (atomic; importing the same file again changes nothing).
    Import {
        /// Which dataset the files belong to.
        #[arg(value_enum)]
        dataset: DatasetArg,
        /// The files, as published (SIPRI's CSV export; ATOP's CSV files; un-project `<COW>.csv`
        /// files or a long-layout CSV).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
        /// Event files only: ingest them on the Ballista scheduler's executors at URL, one task
        /// per file [default: $ENTENTE_CLUSTER, else the data directory's cluster.toml, else this
        /// machine]; `local` ingests here.
        #[arg(long, value_name = "URL")]
        cluster: Option<String>,
    },
    /// What is imported: datasets, files, when, row counts.
    Datasets {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Alignment of two states by year: ATOP alliance-portfolio similarity (S, pi, kappa) and UN
    /// voting agreement.
    Align {
        /// A state (any id, code, name or alias: KOR, ROK, "South Korea", 732).
        a: String,
        /// The other state.
        b: String,
        /// First year (default: the data's first).
        #[arg(long, value_name = "YEAR")]
        from: Option<i32>,
        /// Last year (default: the data's last).
        #[arg(long, value_name = "YEAR")]
        to: Option<i32>,
        /// The measures to show.
        #[arg(long, value_enum, default_value = "all")]
        measure: Measure,
        /// Also draw the series as an SVG chart into FILE.
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Arms-transfer flows supplier → recipient by year, in SIPRI TIV, with the curated transfers
    /// that describe the same deals (counted once, from SIPRI).
    Flows {
        /// Only this supplier (any id, code, name or alias).
        #[arg(long)]
        supplier: Option<String>,
        /// Only this recipient.
        #[arg(long)]
        recipient: Option<String>,
        /// Only recipients that were members of this organisation that year (on 31 December).
        #[arg(long, value_name = "ORG")]
        recipient_in: Option<String>,
        /// Delivered TIV by delivery year, or the TIV of orders by order year.
        #[arg(long, value_enum, default_value = "year")]
        by: FlowBy,
        /// First year.
        #[arg(long, value_name = "YEAR")]
        from: Option<i32>,
        /// Last year.
        #[arg(long, value_name = "YEAR")]
        to: Option<i32>,
        /// Also draw the series as an SVG chart into FILE.
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// A recipient's dependence on each supplier (shares of its arms imports, SIPRI TIV) and its
    /// supplier concentration (HHI).
    Dependence {
        /// The importing state (any id, code, name or alias).
        recipient: String,
        /// First year (default: its first year of imports).
        #[arg(long, value_name = "YEAR")]
        from: Option<i32>,
        /// Last year (default: its last year of imports).
        #[arg(long, value_name = "YEAR")]
        to: Option<i32>,
        /// Delivered TIV by delivery year, or the TIV of orders by order year.
        #[arg(long, value_enum, default_value = "year")]
        by: FlowBy,
        /// Also draw the yearly shares of the main suppliers as an SVG chart into FILE.
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// The SIPRI deal that describes each curated arms transfer: its register line and TIV.
    SipriLinks {
        /// Only transfers from this supplier.
        #[arg(long)]
        supplier: Option<String>,
        /// Only transfers to this recipient.
        #[arg(long)]
        recipient: Option<String>,
        #[command(flatten)]
        store: StoreArgs,
    },
}

pub fn run(cmd: DatasetCommand, kb: &KnowledgeBase, format: Format) -> Result<(), String> {
    match cmd {
        DatasetCommand::Import {
            dataset,
            files,
            store,
            cluster,
        } => match dataset.destination() {
            Destination::Store(_)
                if cluster
                    .as_deref()
                    .is_some_and(|c| !c.trim().eq_ignore_ascii_case("local")) =>
            {
                Err(
                    "--cluster applies to event files (gdelt1, gdelt2, icews, polecat); SIPRI, ATOP and UN \
                     votes are imported here"
                        .into(),
                )
            }
            Destination::Store(d) => import(d, &files, &store, format),
            Destination::Lake(k) => {
                crate::events::ingest(k, &files, &store, &crate::cluster::ClusterArgs { cluster }, format)
            }
        },
        DatasetCommand::Datasets { store } => datasets(&open(&store)?, format),
        DatasetCommand::Align {
            a,
            b,
            from,
            to,
            measure,
            svg,
            store,
        } => align(
            kb,
            &open(&store)?,
            format,
            (&a, &b),
            (from, to),
            measure,
            svg.as_deref(),
        ),
        DatasetCommand::Flows {
            supplier,
            recipient,
            recipient_in,
            by,
            from,
            to,
            svg,
            store,
        } => {
            entente_model::check_year_range(from, to).map_err(|e| e.message("--from", "--to"))?;
            let q = FlowQuery {
                supplier: supplier.as_deref().map(|s| resolve_id(kb, s)).transpose()?,
                recipient: recipient.as_deref().map(|s| resolve_id(kb, s)).transpose()?,
                from,
                to,
            };
            let org = recipient_in
                .as_deref()
                .map(|o| kb.resolve(o).map(|a| a.id.clone()).map_err(|e| e.to_string()))
                .transpose()?;
            flows(
                kb,
                &open(&store)?,
                format,
                &q,
                org.as_deref(),
                by.into(),
                svg.as_deref(),
            )
        }
        DatasetCommand::Dependence {
            recipient,
            from,
            to,
            by,
            svg,
            store,
        } => {
            let id = resolve_id(kb, &recipient)?;
            dependence(kb, &open(&store)?, format, &id, (from, to), by.into(), svg.as_deref())
        }
        DatasetCommand::SipriLinks {
            supplier,
            recipient,
            store,
        } => {
            let supplier = supplier.as_deref().map(|s| resolve_id(kb, s)).transpose()?;
            let recipient = recipient.as_deref().map(|s| resolve_id(kb, s)).transpose()?;
            sipri_links(kb, &open(&store)?, format, supplier.as_deref(), recipient.as_deref())
        }
    }
}

pub(crate) fn data_dir(args: &StoreArgs) -> Result<PathBuf, String> {
    match &args.data_dir {
        Some(d) => Ok(d.clone()),
        None => entente_store::default_data_dir().map_err(|e| e.to_string()),
    }
}

fn open(args: &StoreArgs) -> Result<Store, String> {
    Store::open(data_dir(args)?).map_err(|e| e.to_string())
}

/// An actor's entente id: the knowledge base's resolution (any id, code, name or alias), else the
/// crosswalk's, for states the knowledge base does not hold.
pub(crate) fn resolve_id(kb: &KnowledgeBase, query: &str) -> Result<String, String> {
    match kb.resolve(query) {
        Ok(a) => Ok(a.id.clone()),
        Err(e) => views::find_state(query)
            .map(|c| c.id.clone())
            .ok_or_else(|| e.to_string()),
    }
}

/// A state's entente id and Correlates of War code (ATOP and the UN votes name states by COW code).
fn resolve_state(kb: &KnowledgeBase, query: &str) -> Result<(String, u16), String> {
    let id = resolve_id(kb, query)?;
    let cow = views::cow_of(&id, None)
        .or_else(|| kb.actor(&id).and_then(|a| a.codes.cow))
        .ok_or_else(|| {
            format!(
                "{} ({id}) has no Correlates of War code: ATOP and the UN votes cover states only",
                name(kb, &id)
            )
        })?;
    Ok((id, cow))
}

/// An actor's display name: the knowledge base's, else the crosswalk's, else the id.
pub(crate) fn name(kb: &KnowledgeBase, id: &str) -> String {
    if let Some(a) = kb.actor(id) {
        return a.display_name().to_string();
    }
    views::find_state(id).map_or_else(|| id.to_string(), |c| c.name.clone())
}

/// Writes text to stdout; a closed pipe is not an error.
fn print(text: &str) -> Result<(), String> {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write output: {e}")),
        Ok(()) => Ok(()),
    }
}

fn write_svg(path: Option<&Path>, svg: impl FnOnce() -> String) -> Result<(), String> {
    if let Some(path) = path {
        std::fs::write(path, svg()).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        eprintln!("chart written to {}", path.display());
    }
    Ok(())
}

fn fmt_opt(v: Option<f64>, digits: usize) -> String {
    v.map(|v| format!("{v:.digits$}")).unwrap_or_default()
}

// ------------------------------------------------------------------------------------------------
// import

/// A progress bar on stderr, drawn only on a terminal and only once an import has taken a moment.
pub(crate) struct Bar {
    label: String,
    tty: bool,
    stage: String,
    total: u64,
    started: Instant,
    last: Option<Instant>,
    drawn: bool,
}

impl Bar {
    pub(crate) fn new(label: String) -> Bar {
        Bar {
            label,
            tty: std::io::stderr().is_terminal(),
            stage: String::new(),
            total: 0,
            started: Instant::now(),
            last: None,
            drawn: false,
        }
    }
}

impl Progress for Bar {
    fn stage(&mut self, name: &str, total: u64) {
        self.stage = name.to_string();
        self.total = total;
        self.advance(0);
    }

    fn advance(&mut self, done: u64) {
        if !self.tty || self.started.elapsed() < Duration::from_millis(300) {
            return;
        }
        if self.last.is_some_and(|l| l.elapsed() < Duration::from_millis(100)) {
            return;
        }
        self.last = Some(Instant::now());
        let line = if self.total > 0 {
            let frac = (done as f64 / self.total as f64).clamp(0.0, 1.0);
            let filled = (frac * 30.0).round() as usize;
            format!(
                "{} {:8} [{}{}] {:3.0}%  {:.1}/{:.1} MB",
                self.label,
                self.stage,
                "#".repeat(filled),
                "-".repeat(30 - filled),
                frac * 100.0,
                done as f64 / 1e6,
                self.total as f64 / 1e6
            )
        } else {
            format!("{} {}…", self.label, self.stage)
        };
        eprint!("\r\x1b[2K{line}");
        let _ = std::io::stderr().flush();
        self.drawn = true;
    }

    fn finish(&mut self) {
        if self.drawn {
            eprint!("\r\x1b[2K");
            let _ = std::io::stderr().flush();
            self.drawn = false;
        }
    }
}

#[derive(Serialize)]
struct ImportFailure {
    path: String,
    error: String,
}

#[derive(Serialize)]
struct ImportSummary {
    data_dir: String,
    imported: Vec<ImportOutcome>,
    failed: Vec<ImportFailure>,
}

fn import(dataset: Dataset, files: &[PathBuf], args: &StoreArgs, format: Format) -> Result<(), String> {
    let dir = data_dir(args)?;
    let mut store = Store::open(&dir).map_err(|e| e.to_string())?;
    let mut summary = ImportSummary {
        data_dir: dir.display().to_string(),
        imported: Vec::new(),
        failed: Vec::new(),
    };
    for f in files {
        let mut bar = Bar::new(f.display().to_string());
        match store.import(dataset, f, &mut bar) {
            Ok(o) => summary.imported.push(o),
            Err(e) => {
                eprintln!("error: {e}");
                summary.failed.push(ImportFailure {
                    path: f.display().to_string(),
                    error: e.to_string(),
                });
            }
        }
    }
    if format == Format::Table {
        print(&import_text(&summary))?;
    } else {
        emit(format, &summary, || {
            let mut t = Table::new(vec![
                "FILE",
                "DATASET",
                "LAYOUT",
                "RESULT",
                "ROWS READ",
                "KEPT",
                "REJECTED",
                "SHA256",
                "SECONDS",
            ]);
            for o in &summary.imported {
                let e = &o.entry;
                t.push(
                    vec![
                        o.path.clone(),
                        e.dataset.to_string(),
                        e.layout.clone(),
                        result_word(&o.outcome).to_string(),
                        e.rows_read.to_string(),
                        e.kept.to_string(),
                        e.rejected.len().to_string(),
                        e.sha256.clone(),
                        format!("{:.3}", o.seconds),
                    ],
                    Vec::new(),
                );
            }
            for f in &summary.failed {
                t.push(
                    vec![
                        f.path.clone(),
                        dataset.to_string(),
                        String::new(),
                        format!("failed: {}", f.error),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                    ],
                    Vec::new(),
                );
            }
            t
        })?;
    }
    if summary.failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} of {} file(s) could not be imported; the data directory is as it was for them",
            summary.failed.len(),
            files.len()
        ))
    }
}

fn result_word(o: &Outcome) -> &'static str {
    match o {
        Outcome::Imported => "imported",
        Outcome::Replaced { .. } => "replaced",
        Outcome::AlreadyImported => "already imported",
    }
}

/// The import summary as text: per file, the result, the row accounting, every rejection.
fn import_text(s: &ImportSummary) -> String {
    let mut out = String::new();
    for o in &s.imported {
        let e = &o.entry;
        let what = match &o.outcome {
            Outcome::Imported => "imported".to_string(),
            Outcome::Replaced { previous_file, .. } => format!("imported, replacing {previous_file}"),
            Outcome::AlreadyImported => format!(
                "already imported (same content, on {} from {}): nothing changed",
                e.imported_at, e.source
            ),
        };
        out += &format!("{} → {} ({}): {what}\n", o.path, e.dataset, e.layout);
        out += &format!(
            "  {} rows read, {} kept, {} rejected; {:.2} s\n",
            e.rows_read,
            e.kept,
            e.rejected.len(),
            o.seconds
        );
        if !e.unresolved.is_empty() {
            let shown: Vec<&str> = e.unresolved.iter().take(12).map(String::as_str).collect();
            let more = e.unresolved.len().saturating_sub(shown.len());
            out += &format!(
                "  not resolved to an entente actor (kept under their own names): {}{}\n",
                shown.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            );
        }
        for r in &e.rejected {
            out += &format!("  line {}: {}\n", r.line, r.reason);
        }
    }
    for f in &s.failed {
        out += &format!("{}: not imported (the error is above)\n", f.path);
    }
    out += &format!("data directory: {}\n", s.data_dir);
    out
}

// ------------------------------------------------------------------------------------------------
// datasets

#[derive(Serialize)]
struct DatasetsOut<'a> {
    data_dir: String,
    entries: &'a [ImportEntry],
    /// The event lake's contents, when it holds events.
    lake: Option<entente_events::LakeStats>,
}

fn datasets(store: &Store, format: Format) -> Result<(), String> {
    let out = DatasetsOut {
        data_dir: store.data_dir().display().to_string(),
        entries: store.entries(),
        lake: crate::events::lake_summary(store.data_dir())?,
    };
    let lake = out.lake.clone();
    emit(format, &out, || {
        let mut t = Table::new(vec![
            "DATASET",
            "SLOT",
            "FILE",
            "IMPORTED",
            "ROWS READ",
            "KEPT",
            "REJECTED",
            "TABLES",
            "SHA256",
        ])
        .titled(format!(
            "{} file(s) imported in {}{}",
            out.entries.len(),
            store.root().display(),
            if out.entries.is_empty() && lake.is_none() {
                "\nimport with `entente import sipri|atop|unvotes|gdelt1|gdelt2|icews|polecat FILE...`"
            } else {
                ""
            }
        ));
        for e in out.entries {
            let tables: Vec<String> = e.tables.iter().map(|t| format!("{} {}", t.name, t.rows)).collect();
            t.push(
                vec![
                    e.dataset.to_string(),
                    e.slot.clone(),
                    e.file.clone(),
                    e.imported_at.clone(),
                    e.rows_read.to_string(),
                    e.kept.to_string(),
                    e.rejected.len().to_string(),
                    tables.join(", "),
                    e.sha256[..12.min(e.sha256.len())].to_string(),
                ],
                Vec::new(),
            );
        }
        for (source, st) in lake.iter().flat_map(|l| &l.sources) {
            t.push(
                vec![
                    format!("{source} (event lake)"),
                    format!("{} to {}", st.first_month, st.last_month),
                    format!("{} part file(s)", st.events_files + st.dyad_files),
                    String::new(),
                    String::new(),
                    st.events.to_string(),
                    String::new(),
                    format!("events {}, dyad_day {}", st.events, st.dyad_rows),
                    String::new(),
                ],
                Vec::new(),
            );
        }
        t
    })
}

// ------------------------------------------------------------------------------------------------
// align

/// `entente align` for a state and an organisation: what `/api/measures` answers, and the brief's
/// table by year.
fn align_group(
    kb: &KnowledgeBase,
    store: &Store,
    format: Format,
    (a, b): (&str, &str),
    (from, to): (Option<i32>, Option<i32>),
    svg: Option<&Path>,
) -> Result<(), String> {
    let from = from.unwrap_or(entente_analysis::FIRST_INDEX_YEAR);
    let to = to.unwrap_or_else(|| crate::analysis::today().year);
    let m = entente_analysis::alignment::measures(kb, store, a, b, from, to)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| {
            format!(
                "alignment measures cover states: {} and {} are not a state and an organisation with member states",
                name(kb, a),
                name(kb, b)
            )
        })?;
    let section = entente_report::alignment::section(kb, store, a, b, from, to).map_err(|e| e.to_string())?;
    if let (Some(path), Some(sec)) = (svg, &section) {
        crate::write_atomically(path, sec.svg.as_bytes())?;
    }
    emit(format, &m, || {
        let Some(sec) = &section else {
            return Table::new(vec!["YEAR"]).titled("no alignment data for these years".to_string());
        };
        let headers = sec.headers.iter().map(|h| h.to_uppercase().into()).collect();
        let mut title = vec![format!("{}: alignment by year", sec.subject)];
        title.extend(sec.notes.iter().map(|n| format!("note: {n}")));
        let mut t = Table::with_headers(headers).titled(title.join("\n"));
        for row in &sec.rows {
            t.push(row.clone(), sec.citations.clone());
        }
        t
    })
}

/// Which columns a measure choice shows.
struct Shown {
    s: bool,
    s_weighted: bool,
    pi: bool,
    kappa: bool,
    un3: bool,
    un2: bool,
}

impl Shown {
    fn of(m: Measure, any_weighted: bool) -> Shown {
        let all = m == Measure::All;
        Shown {
            s: all || m == Measure::S,
            s_weighted: m == Measure::SWeighted || (all && any_weighted),
            pi: all || m == Measure::Pi,
            kappa: all || m == Measure::Kappa,
            un3: all || m == Measure::Un3,
            un2: all || m == Measure::Un2,
        }
    }

    fn alliance(&self) -> bool {
        self.s || self.s_weighted || self.pi || self.kappa
    }

    fn votes(&self) -> bool {
        self.un3 || self.un2
    }
}

fn align(
    kb: &KnowledgeBase,
    store: &Store,
    format: Format,
    (a, b): (&str, &str),
    (from, to): (Option<i32>, Option<i32>),
    measure: Measure,
    svg: Option<&Path>,
) -> Result<(), String> {
    entente_model::check_year_range(from, to).map_err(|e| e.message("--from", "--to"))?;
    // A state with an organisation: the mean over its members each year, as the API and the
    // brief give it (one library call for the three).
    let (ida, idb) = (resolve_id(kb, a)?, resolve_id(kb, b)?);
    let is_state = |id: &str| kb.actor(id).is_none_or(|x| x.kind == entente_model::ActorKind::State);
    if !is_state(&ida) || !is_state(&idb) {
        return align_group(kb, store, format, (&ida, &idb), (from, to), svg);
    }
    let a = resolve_state(kb, a)?;
    let b = resolve_state(kb, b)?;
    let al = views::align(store, (&a.0, a.1), (&b.0, b.1), from, to).map_err(|e| e.to_string())?;
    let any_weighted = al
        .years
        .iter()
        .any(|y| y.alliance.as_ref().is_some_and(|d| d.s_weighted.is_some()));
    let mut shown = Shown::of(measure, any_weighted);
    // Columns without a value in any year are left out (the notes say why); a measure asked for
    // by name is always shown.
    if measure == Measure::All {
        let any_alliance = al.years.iter().any(|y| y.alliance.is_some());
        let any_votes = al.years.iter().any(|y| y.votes.is_some());
        shown.s &= any_alliance;
        shown.pi &= any_alliance;
        shown.kappa &= any_alliance;
        shown.un3 &= any_votes;
        shown.un2 &= any_votes;
    }
    let atop_cite: Vec<Citation> = al.atop.iter().map(dataset_citation).collect();
    let un_cite: Vec<Citation> = al.unvotes.iter().map(dataset_citation).collect();
    let title = {
        let mut lines = vec![format!(
            "{} ({}, COW {}) – {} ({}, COW {}): alignment by year",
            name(kb, &al.a),
            al.a,
            al.a_cow,
            name(kb, &al.b),
            al.b,
            al.b_cow
        )];
        if shown.alliance() {
            lines.push(
                "S, PI, KAPPA: ATOP alliance-portfolio similarity (-1..1); TIE: obligation level each way (3 defence/offence, 2 neutrality or consultation, 1 non-aggression); ALLIANCES: shared ATOP ids"
                    .into(),
            );
        }
        if shown.votes() {
            lines.push("UN3, UN2: UN General Assembly voting agreement (0..1), three and two categories; ROLL CALLS: votes both cast".into());
        }
        lines.extend(al.notes.iter().map(|n| format!("note: {n}")));
        lines.join("\n")
    };
    // The JSON is what `/api/measures` gives as `measures` (and the group case above).
    let answer = entente_analysis::alignment::Measures::Dyad(al.clone());
    emit(format, &answer, || {
        let mut headers = vec!["YEAR"];
        for (on, h) in [
            (shown.s, "S"),
            (shown.s_weighted, "S WEIGHTED"),
            (shown.pi, "PI"),
            (shown.kappa, "KAPPA"),
        ] {
            if on {
                headers.push(h);
            }
        }
        if shown.alliance() {
            headers.extend(["TIE", "ALLIANCES"]);
        }
        for (on, h) in [(shown.un3, "UN3"), (shown.un2, "UN2")] {
            if on {
                headers.push(h);
            }
        }
        if shown.votes() {
            headers.push("ROLL CALLS");
        }
        let mut t = Table::new(headers).titled(title.clone());
        for y in &al.years {
            let d = y.alliance.as_ref();
            let v = y.votes.as_ref();
            let mut row = vec![y.year.to_string()];
            if shown.s {
                row.push(fmt_opt(d.map(|d| d.s_unweighted), 3));
            }
            if shown.s_weighted {
                row.push(fmt_opt(d.and_then(|d| d.s_weighted), 3));
            }
            if shown.pi {
                row.push(fmt_opt(d.and_then(|d| d.pi), 3));
            }
            if shown.kappa {
                row.push(fmt_opt(d.and_then(|d| d.kappa), 3));
            }
            if shown.alliance() {
                row.push(d.map(|d| format!("{}/{}", d.tie_ab, d.tie_ba)).unwrap_or_default());
                row.push(
                    d.map(|d| {
                        d.shared_alliances
                            .iter()
                            .map(u32::to_string)
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .unwrap_or_default(),
                );
            }
            if shown.un3 {
                row.push(fmt_opt(v.and_then(|v| v.three_category), 3));
            }
            if shown.un2 {
                row.push(fmt_opt(v.and_then(|v| v.two_category), 3));
            }
            if shown.votes() {
                row.push(v.map(|v| v.joint.to_string()).unwrap_or_default());
            }
            let mut cites = Vec::new();
            if d.is_some() && shown.alliance() {
                cites.extend(atop_cite.iter().cloned());
            }
            if v.is_some() && shown.votes() {
                cites.extend(un_cite.iter().cloned());
            }
            t.push(row, cites);
        }
        t
    })?;
    write_svg(svg, || {
        let mut chart = LineChart::new(
            format!("{} – {}: alignment", name(kb, &al.a), name(kb, &al.b)),
            "score × 100 (negative values at 0)",
        );
        type Series<'a> = (bool, &'a str, &'a dyn Fn(&views::AlignYear) -> Option<f64>);
        let series: [Series; 6] = [
            (shown.s, "S", &|y| y.alliance.as_ref().map(|d| d.s_unweighted)),
            (shown.s_weighted, "S weighted", &|y| {
                y.alliance.as_ref().and_then(|d| d.s_weighted)
            }),
            (shown.pi, "pi", &|y| y.alliance.as_ref().and_then(|d| d.pi)),
            (shown.kappa, "kappa", &|y| y.alliance.as_ref().and_then(|d| d.kappa)),
            (shown.un3, "UN agreement (3 cat.)", &|y| {
                y.votes.as_ref().and_then(|v| v.three_category)
            }),
            (shown.un2, "UN agreement (2 cat.)", &|y| {
                y.votes.as_ref().and_then(|v| v.two_category)
            }),
        ];
        for (i, (on, label, get)) in series.into_iter().enumerate() {
            let points: Vec<(f64, Option<f64>)> = al
                .years
                .iter()
                .map(|y| (f64::from(y.year), get(y).map(|v| v * 100.0)))
                .collect();
            if on && points.iter().any(|p| p.1.is_some()) {
                chart.lines.push(Line {
                    label: label.to_string(),
                    color: PALETTE[i % PALETTE.len()].to_string(),
                    width: if i == 0 { 2.6 } else { 1.6 },
                    dashed: i >= 4,
                    points,
                });
            }
        }
        chart.render()
    })
}

// ------------------------------------------------------------------------------------------------
// flows

/// The SIPRI register, or an error saying how to import it.
fn basis_words(b: Basis) -> &'static str {
    match b {
        Basis::Delivered => "delivered TIV by delivery year (each deal spread evenly over its delivery years)",
        Basis::Ordered => "TIV of whole orders by order year",
    }
}

fn flows(
    kb: &KnowledgeBase,
    store: &Store,
    format: Format,
    q: &FlowQuery,
    org: Option<&str>,
    basis: Basis,
    svg: Option<&Path>,
) -> Result<(), String> {
    let out = views::flows_answer(kb, store, q, org, basis).map_err(|e| e.to_string())?;
    let (f, prov) = (&out.flows, &out.register);
    let sipri = dataset_citation(prov);
    let side = |id: Option<&str>, all: &str| id.map_or_else(|| all.to_string(), |i| format!("{} ({i})", name(kb, i)));
    let linked_count: usize = f.rows.iter().map(|r| r.linked.len()).sum();
    let mut title = vec![
        format!(
            "{} → {}{}: {}, SIPRI TIV (millions)",
            side(q.supplier.as_deref(), "all suppliers"),
            side(q.recipient.as_deref(), "all recipients"),
            org.map(|o| format!(" that were {} members that year", name(kb, o)))
                .unwrap_or_default(),
            basis_words(basis)
        ),
        format!(
            "{} row(s), total {:.3}; {linked_count} SIPRI deal(s) here are also curated transfers (CURATED: the transfer and its register line): counted once, from SIPRI",
            f.rows.len(),
            f.total_tiv
        ),
    ];
    if !f.curated_without_sipri.is_empty() {
        let ids: Vec<&str> = f.curated_without_sipri.iter().map(|u| u.transfer.as_str()).collect();
        title.push(format!(
            "curated transfers with no SIPRI deal (not counted): {}",
            ids.join(", ")
        ));
    }
    emit(format, &out, || {
        let mut t =
            Table::new(vec!["YEAR", "SUPPLIER", "RECIPIENT", "TIV", "DEALS", "CURATED"]).titled(title.join("\n"));
        for r in &f.rows {
            let mut cites = vec![sipri.clone()];
            // The curated facts' own sources; their SIPRI citation is the register row above.
            for l in &r.linked {
                if let Some(tr) = kb.facts().transfers.iter().find(|t| t.id == l.transfer) {
                    cites.extend(kb.cite(&tr.sources).into_iter().filter(|c| !c.source.contains("sipri")));
                }
            }
            t.push(
                vec![
                    r.year.to_string(),
                    r.supplier.clone(),
                    r.recipient.clone(),
                    format!("{:.3}", r.tiv),
                    r.deals.to_string(),
                    r.linked
                        .iter()
                        .map(|l| format!("{} (line {})", l.transfer, l.line))
                        .collect::<Vec<_>>()
                        .join(", "),
                ],
                cites,
            );
        }
        t
    })?;
    write_svg(svg, || {
        // One line per dyad, the eight largest by total.
        let mut dyads: Vec<((String, String), f64)> = Vec::new();
        for r in &f.rows {
            let key = (r.supplier.clone(), r.recipient.clone());
            match dyads.iter_mut().find(|d| d.0 == key) {
                Some(d) => d.1 += r.tiv,
                None => dyads.push((key, r.tiv)),
            }
        }
        dyads.sort_by(|a, b| b.1.total_cmp(&a.1));
        dyads.truncate(8);
        let mut chart = LineChart::new(
            format!(
                "Arms transfers {} → {}",
                q.supplier.as_deref().unwrap_or("all"),
                q.recipient.as_deref().or(org).unwrap_or("all")
            ),
            "SIPRI TIV (millions)",
        );
        let max = f.rows.iter().map(|r| r.tiv).fold(0.0, f64::max);
        chart.y_max = nice_max(max);
        for (i, ((s, r), _)) in dyads.iter().enumerate() {
            chart.lines.push(Line {
                label: format!("{s} → {r}"),
                color: PALETTE[i % PALETTE.len()].to_string(),
                width: 1.8,
                dashed: false,
                points: f
                    .rows
                    .iter()
                    .filter(|x| &x.supplier == s && &x.recipient == r)
                    .map(|x| (f64::from(x.year), Some(x.tiv)))
                    .collect(),
            });
        }
        chart.render()
    })
}

/// A round number at or above `v` for a chart's scale.
fn nice_max(v: f64) -> f64 {
    if v <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|&m| m >= v)
        .unwrap_or(10.0 * p)
}

// ------------------------------------------------------------------------------------------------
// dependence

fn dependence(
    kb: &KnowledgeBase,
    store: &Store,
    format: Format,
    recipient: &str,
    (from, to): (Option<i32>, Option<i32>),
    basis: Basis,
    svg: Option<&Path>,
) -> Result<(), String> {
    entente_model::check_year_range(from, to).map_err(|e| e.message("--from", "--to"))?;
    let out = views::dependence_answer(store, recipient, (from, to), basis).map_err(|e| e.to_string())?;
    let d = &out.dependence;
    let sipri = dataset_citation(&out.register);
    let mut title = vec![format!(
        "{} ({recipient}): arms imports {}–{} by supplier; {}, SIPRI TIV (millions)",
        name(kb, recipient),
        d.from,
        d.to,
        basis_words(basis)
    )];
    match &d.concentration {
        Some(c) => title.push(format!(
            "total {:.3} from {} supplier(s); supplier concentration HHI {:.4} ({:.0} on the 0–10,000 scale)",
            c.total, c.suppliers, c.hhi, c.hhi_points
        )),
        None => title.push("no imports in these years".into()),
    }
    emit(format, &out, || {
        let mut t = Table::new(vec!["SUPPLIER", "NAME", "TIV", "SHARE", "PERCENT"]).titled(title.join("\n"));
        for s in &d.shares {
            t.push(
                vec![
                    s.supplier.clone(),
                    name(kb, &s.supplier),
                    format!("{:.3}", s.tiv),
                    format!("{:.6}", s.share),
                    format!("{:.1}%", s.share * 100.0),
                ],
                vec![sipri.clone()],
            );
        }
        t
    })?;
    write_svg(svg, || {
        let mut chart = LineChart::new(
            format!("{}: share of arms imports by supplier", name(kb, recipient)),
            "share of the year's imports (%)",
        );
        for (i, s) in d.shares.iter().take(6).enumerate() {
            chart.lines.push(Line {
                label: name(kb, &s.supplier),
                color: PALETTE[i % PALETTE.len()].to_string(),
                width: if i == 0 { 2.6 } else { 1.6 },
                dashed: false,
                points: d
                    .yearly
                    .iter()
                    .map(|y| {
                        let share = y.shares.iter().find(|x| x.0 == s.supplier).map_or(0.0, |x| x.1);
                        (f64::from(y.year), Some(share * 100.0))
                    })
                    .collect(),
            });
        }
        chart.render()
    })
}

// ------------------------------------------------------------------------------------------------
// SIPRI links of curated transfers

/// One curated transfer and the SIPRI deal describing it, where there is one.
#[derive(Serialize)]
struct LinkRow<'a> {
    transfer: &'a str,
    supplier: &'a str,
    recipient: &'a str,
    system: &'a str,
    order_date: Option<String>,
    ordered: Option<u32>,
    sipri: Option<&'a entente_analysis::link::SipriLink>,
}

/// The SIPRI deals describing the curated transfers, when the register is imported in the data
/// directory: the links and the register as a citation. The default directory may be absent.
/// The citation of the imported register, when one is imported (its deals and their links to the
/// curated transfers are in the evidence tables: `DatasetTables::sipri_links`).
pub fn register_citation(args: &StoreArgs) -> Result<Option<Citation>, String> {
    let Some(store) = crate::analysis::open_store(args)? else {
        return Ok(None);
    };
    let citation = store.entries_of(Dataset::Sipri).next().map(|e| {
        dataset_citation(&Provenance {
            dataset: Dataset::Sipri,
            file: e.file.clone(),
            sha256: e.sha256.clone(),
            imported_at: e.imported_at.clone(),
        })
    });
    Ok(citation)
}

fn sipri_links(
    kb: &KnowledgeBase,
    store: &Store,
    format: Format,
    supplier: Option<&str>,
    recipient: Option<&str>,
) -> Result<(), String> {
    let (deals, prov) = views::register(store).map_err(|e| e.to_string())?;
    let links = link_transfers(&kb.facts().transfers, &deals);
    let rows: Vec<LinkRow> = kb
        .facts()
        .transfers
        .iter()
        .filter(|t| supplier.is_none_or(|s| s == t.supplier) && recipient.is_none_or(|r| r == t.recipient))
        .map(|t| LinkRow {
            transfer: &t.id,
            supplier: &t.supplier,
            recipient: &t.recipient,
            system: &t.system,
            order_date: t.order_date.map(|d| d.to_string()),
            ordered: t.ordered,
            sipri: links.of_transfer(&t.id),
        })
        .collect();
    let linked = rows.iter().filter(|r| r.sipri.is_some()).count();
    let sipri = dataset_citation(&prov);
    emit(format, &rows, || {
        let mut t = Table::new(vec![
            "TRANSFER",
            "SUPPLIER",
            "RECIPIENT",
            "SYSTEM",
            "ORDERED",
            "SIPRI LINE",
            "SIPRI DESIGNATION",
            "SIPRI ORDER",
            "TIV/UNIT",
            "TIV ORDER",
            "TIV DELIVERED",
        ])
        .titled(format!(
            "{} curated transfer(s), {linked} linked to a SIPRI deal of {} (TIV in millions)",
            rows.len(),
            prov.file
        ));
        for r in &rows {
            let s = r.sipri;
            let mut cites = Vec::new();
            if s.is_some() {
                cites.push(sipri.clone());
            }
            if let Some(tr) = kb.facts().transfers.iter().find(|t| t.id == r.transfer) {
                cites.extend(kb.cite(&tr.sources));
            }
            t.push(
                vec![
                    r.transfer.to_string(),
                    r.supplier.to_string(),
                    r.recipient.to_string(),
                    r.system.to_string(),
                    format!(
                        "{} {}",
                        r.order_date.clone().unwrap_or_default(),
                        r.ordered.map(|n| format!("×{n}")).unwrap_or_default()
                    )
                    .trim()
                    .to_string(),
                    s.map(|s| s.line.to_string()).unwrap_or_else(|| "—".into()),
                    s.map(|s| s.designation.clone()).unwrap_or_default(),
                    s.map(|s| {
                        format!(
                            "{}{} {}",
                            s.order_year.map(|y| y.to_string()).unwrap_or_default(),
                            if s.order_year_uncertain { "?" } else { "" },
                            s.ordered.map(|n| format!("×{n}")).unwrap_or_default()
                        )
                        .trim()
                        .to_string()
                    })
                    .unwrap_or_default(),
                    fmt_opt(s.and_then(|s| s.tiv_per_unit), 2),
                    fmt_opt(s.and_then(|s| s.tiv_order), 2),
                    fmt_opt(s.and_then(|s| s.tiv_delivered), 2),
                ],
                cites,
            );
        }
        t
    })
}
