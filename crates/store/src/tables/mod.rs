//! The Parquet tables: one module per dataset, each turning the reader's records into a record
//! batch and back. Schemas are documented in `docs/datasets.md`; every table keeps the source
//! line of each row (`line`) so that an answer can point at the row it came from.

pub mod atop;
pub mod sipri;
pub mod unvotes;

use crate::{io_err, Error, Result};
use arrow_array::RecordBatch;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};

/// Schema version of every table, recorded in each file's key-value metadata.
pub const SCHEMA_VERSION: &str = "1";

/// A table ready to be written: its name, its rows and extra key-value metadata.
pub struct Table {
    pub name: &'static str,
    pub batch: RecordBatch,
    pub metadata: Vec<(String, String)>,
}

/// A table read back: its batches and key-value metadata.
pub struct Loaded {
    pub path: PathBuf,
    pub batches: Vec<RecordBatch>,
    pub metadata: HashMap<String, String>,
}

impl Loaded {
    /// A message about this file as a `Corrupt` error.
    pub fn corrupt(&self, message: String) -> Error {
        Error::Corrupt {
            path: self.path.clone(),
            message,
        }
    }
}

/// Writes a table to `path` and fsyncs it; returns its size in bytes. The content depends only on
/// the rows (no clock, no host name), so the same import writes the same bytes.
pub fn write(path: &Path, table: &Table) -> Result<u64> {
    let file = File::create(path).map_err(io_err(path))?;
    let mut kv = vec![
        KeyValue::new("entente.table".to_string(), table.name.to_string()),
        KeyValue::new("entente.schema_version".to_string(), SCHEMA_VERSION.to_string()),
    ];
    kv.extend(table.metadata.iter().map(|(k, v)| KeyValue::new(k.clone(), v.clone())));
    let zstd = ZstdLevel::try_new(3).map_err(|e| parquet_err(path, &e))?;
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(zstd))
        .set_created_by("entente-store".to_string())
        .set_key_value_metadata(Some(kv))
        .build();
    let mut writer =
        ArrowWriter::try_new(&file, table.batch.schema(), Some(props)).map_err(|e| parquet_err(path, &e))?;
    writer.write(&table.batch).map_err(|e| parquet_err(path, &e))?;
    writer.close().map_err(|e| parquet_err(path, &e))?;
    file.sync_all().map_err(io_err(path))?;
    Ok(file.metadata().map_err(io_err(path))?.len())
}

/// Reads a table file whole.
pub fn load(path: &Path) -> Result<Loaded> {
    let file = File::open(path).map_err(io_err(path))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| corrupt(path, &e))?;
    let metadata: HashMap<String, String> = builder
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .into_iter()
        .flatten()
        .filter_map(|kv| kv.value.clone().map(|v| (kv.key.clone(), v)))
        .collect();
    if let Some(v) = metadata.get("entente.schema_version") {
        if v != SCHEMA_VERSION {
            return Err(Error::Corrupt {
                path: path.to_path_buf(),
                message: format!("table schema version {v}; this entente reads {SCHEMA_VERSION}"),
            });
        }
    }
    let reader = builder
        .with_batch_size(1 << 16)
        .build()
        .map_err(|e| corrupt(path, &e))?;
    let batches = reader.collect::<Result<Vec<_>, _>>().map_err(|e| corrupt(path, &e))?;
    Ok(Loaded {
        path: path.to_path_buf(),
        batches,
        metadata,
    })
}

fn parquet_err(path: &Path, e: &dyn std::fmt::Display) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    }
}

fn corrupt(path: &Path, e: &dyn std::fmt::Display) -> Error {
    Error::Corrupt {
        path: path.to_path_buf(),
        message: format!("unreadable Parquet table: {e}"),
    }
}
