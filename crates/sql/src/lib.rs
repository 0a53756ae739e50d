//! entente-sql: SQL over the entente event lake with Apache DataFusion.
//!
//! The lake (`entente-events`) is plain Hive-partitioned Parquet, so any engine can read it; this
//! crate registers its two tables in a DataFusion session and runs a query:
//!
//! - `events`: one row per event, partition columns `source` and `month`;
//! - `dyad_day`: one row per (day, actor1, actor2) with counts by quad class, PLOVER type and CAMEO
//!   root, the Goldstein sum and mentions, partition columns `source` and `month`.
//!
//! ```sql
//! SELECT month, SUM(events) AS events, SUM(quad4) AS material_conflict
//! FROM dyad_day WHERE actor1 = 'NATO' AND actor2 = 'KOR' GROUP BY month ORDER BY month
//! ```
//!
//! It lives apart from `entente-events` because DataFusion takes a quarter of an hour to build:
//! the rest of the workspace, ingest and the fast dyadic series included, builds without it.
//! DataFusion's logical and physical plans are the same ones Ballista distributes, so the queries
//! written here can later run on a cluster.

use datafusion::arrow::array::RecordBatch;
use datafusion::arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use datafusion::arrow::util::display::{ArrayFormatter, FormatOptions};
use datafusion::datasource::file_format::parquet::ParquetFormat;
use datafusion::datasource::listing::ListingOptions;
use datafusion::datasource::MemTable;
use datafusion::prelude::{SessionConfig, SessionContext};
use std::fmt;
use std::path::Path;
use std::sync::Arc;

/// What went wrong: the lake could not be opened, or DataFusion rejected or failed the query.
#[derive(Debug)]
pub enum Error {
    Lake(entente_events::Error),
    /// Parsing, planning or execution error, as DataFusion words it.
    Query(String),
    Output(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Lake(e) => write!(f, "{e}"),
            Error::Query(m) => write!(f, "sql: {m}"),
            Error::Output(m) => write!(f, "output: {m}"),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

fn q(e: impl fmt::Display) -> Error {
    Error::Query(e.to_string())
}

/// A query's result: its schema and record batches.
#[derive(Debug, Clone)]
pub struct QueryResult {
    pub schema: SchemaRef,
    pub batches: Vec<RecordBatch>,
}

/// The partition columns of both tables.
fn partition_cols() -> Vec<(String, DataType)> {
    vec![
        ("source".to_string(), DataType::Utf8),
        ("month".to_string(), DataType::Utf8),
    ]
}

fn with_partitions(schema: &Schema) -> SchemaRef {
    let mut f: Vec<Field> = schema.fields().iter().map(|f| f.as_ref().clone()).collect();
    f.extend(partition_cols().into_iter().map(|(n, t)| Field::new(n, t, false)));
    Arc::new(Schema::new(f))
}

/// A DataFusion session with the lake's `events` and `dyad_day` tables registered (an empty lake
/// gives empty tables). Use it to run several queries or to build DataFrames.
pub async fn session(data_dir: &Path) -> Result<SessionContext> {
    // Opening the lake checks the manifest; listing then reads the Hive directories.
    let lake = entente_events::Lake::open(data_dir).map_err(Error::Lake)?;
    let config = SessionConfig::new().with_information_schema(true);
    let ctx = SessionContext::new_with_config(config);
    for (table, schema) in [
        ("events", entente_events::schema::events_schema()),
        ("dyad_day", entente_events::schema::dyad_schema()),
    ] {
        let dir = lake.root().join(table);
        if dir.is_dir() {
            let options = ListingOptions::new(Arc::new(ParquetFormat::default()))
                .with_file_extension(".parquet")
                .with_table_partition_cols(partition_cols());
            let url = format!("{}/", dir.display());
            ctx.register_listing_table(table, &url, options, Some(schema.clone()), None)
                .await
                .map_err(q)?;
        } else {
            let empty = MemTable::try_new(with_partitions(&schema), vec![vec![]]).map_err(q)?;
            ctx.register_table(table, Arc::new(empty)).map_err(q)?;
        }
    }
    Ok(ctx)
}

/// Runs one SQL query over the lake under `data_dir` (`<data_dir>/lake`). Only queries: a
/// statement that would define tables, write files (`COPY … TO`, `CREATE EXTERNAL TABLE`, `INSERT`)
/// or change the session is refused, so the lake and the machine's files are only ever read.
pub fn sql(data_dir: &Path, query: &str) -> Result<QueryResult> {
    sql_limited(data_dir, query, None)
}

/// Like [`sql`], returning at most `max_rows` rows (the query's own `LIMIT` applies first).
pub fn sql_limited(data_dir: &Path, query: &str, max_rows: Option<usize>) -> Result<QueryResult> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| Error::Query(e.to_string()))?;
    rt.block_on(async {
        let ctx = session(data_dir).await?;
        let mut df = ctx.sql_with_options(query, read_only()).await.map_err(q)?;
        if let Some(n) = max_rows {
            df = df.limit(0, Some(n)).map_err(q)?;
        }
        let schema: SchemaRef = Arc::new(df.schema().as_arrow().clone());
        let batches = df.collect().await.map_err(q)?;
        Ok(QueryResult { schema, batches })
    })
}

/// Queries only: no DDL (tables, views), no DML (`INSERT`, `COPY … TO`), no session statements.
pub fn read_only() -> datafusion::execution::context::SQLOptions {
    datafusion::execution::context::SQLOptions::new()
        .with_allow_ddl(false)
        .with_allow_dml(false)
        .with_allow_statements(false)
}

impl QueryResult {
    pub fn num_rows(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }

    /// Cells as display strings (nulls empty), row by row.
    pub fn rows(&self) -> Result<Vec<Vec<String>>> {
        let opts = FormatOptions::default().with_null("");
        let mut out = Vec::with_capacity(self.num_rows());
        for b in &self.batches {
            let f: Vec<ArrayFormatter> = b
                .columns()
                .iter()
                .map(|c| ArrayFormatter::try_new(c.as_ref(), &opts))
                .collect::<std::result::Result<_, _>>()
                .map_err(q)?;
            for r in 0..b.num_rows() {
                out.push(f.iter().map(|f| f.value(r).to_string()).collect());
            }
        }
        Ok(out)
    }

    /// An aligned text table with a row count.
    pub fn to_table(&self) -> Result<String> {
        let header: Vec<String> = self.schema.fields().iter().map(|f| f.name().clone()).collect();
        let rows = self.rows()?;
        let mut out = entente_events::render::text_table(&header, &rows, |_| entente_events::render::Align::Left, true);
        out.push_str(&format!(
            "({} row{})\n",
            rows.len(),
            if rows.len() == 1 { "" } else { "s" }
        ));
        Ok(out)
    }

    /// CSV with a header row.
    pub fn to_csv(&self) -> Result<Vec<u8>> {
        let mut buf = Vec::new();
        {
            let mut w = datafusion::arrow::csv::WriterBuilder::new()
                .with_header(true)
                .build(&mut buf);
            for b in &self.batches {
                w.write(b).map_err(|e| Error::Output(e.to_string()))?;
            }
        }
        if self.batches.is_empty() {
            let header: Vec<&str> = self.schema.fields().iter().map(|f| f.name().as_str()).collect();
            buf.extend_from_slice(header.join(",").as_bytes());
            buf.push(b'\n');
        }
        Ok(buf)
    }

    /// A JSON array of objects.
    pub fn to_json(&self) -> Result<Vec<u8>> {
        let mut w = datafusion::arrow::json::ArrayWriter::new(Vec::new());
        let refs: Vec<&RecordBatch> = self.batches.iter().collect();
        w.write_batches(&refs).map_err(|e| Error::Output(e.to_string()))?;
        w.finish().map_err(|e| Error::Output(e.to_string()))?;
        let mut out = w.into_inner();
        if out.is_empty() {
            out.extend_from_slice(b"[]");
        }
        out.push(b'\n');
        Ok(out)
    }

    /// JSON lines: one object per row.
    pub fn to_jsonl(&self) -> Result<Vec<u8>> {
        let mut w = datafusion::arrow::json::LineDelimitedWriter::new(Vec::new());
        let refs: Vec<&RecordBatch> = self.batches.iter().collect();
        w.write_batches(&refs).map_err(|e| Error::Output(e.to_string()))?;
        w.finish().map_err(|e| Error::Output(e.to_string()))?;
        Ok(w.into_inner())
    }

    /// A Parquet file.
    pub fn to_parquet(&self) -> Result<Vec<u8>> {
        let mut buf = Vec::new();
        let mut w = datafusion::parquet::arrow::ArrowWriter::try_new(&mut buf, self.schema.clone(), None)
            .map_err(|e| Error::Output(e.to_string()))?;
        for b in &self.batches {
            w.write(b).map_err(|e| Error::Output(e.to_string()))?;
        }
        w.close().map_err(|e| Error::Output(e.to_string()))?;
        Ok(buf)
    }
}
