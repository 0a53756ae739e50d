//! Typed access to the columns of a record batch, by name, with errors that name the table and
//! the column rather than panicking on a foreign or damaged file.

use arrow_array::types::ArrowPrimitiveType;
use arrow_array::{Array, ArrayRef, BooleanArray, ListArray, PrimitiveArray, RecordBatch, StringArray};
use std::sync::Arc;

/// Columns being built for one table, in order.
#[derive(Default)]
pub struct Columns(Vec<(&'static str, ArrayRef)>);

impl Columns {
    pub fn add(&mut self, name: &'static str, array: impl Array + 'static) -> &mut Self {
        self.0.push((name, Arc::new(array)));
        self
    }

    pub fn finish(self) -> Result<RecordBatch, String> {
        RecordBatch::try_from_iter(self.0).map_err(|e| e.to_string())
    }
}

/// A batch with the table's name, for messages.
pub struct Batch<'a> {
    pub batch: &'a RecordBatch,
    pub table: &'a str,
}

impl<'a> Batch<'a> {
    fn column<T: Array + 'static>(&self, name: &str) -> Result<&'a T, String> {
        let c = self
            .batch
            .column_by_name(name)
            .ok_or_else(|| format!("table `{}` has no column `{name}`", self.table))?;
        c.as_any().downcast_ref::<T>().ok_or_else(|| {
            format!(
                "table `{}`: column `{name}` is of type {}, not the expected one",
                self.table,
                c.data_type()
            )
        })
    }

    pub fn prim<T: ArrowPrimitiveType>(&self, name: &str) -> Result<&'a PrimitiveArray<T>, String> {
        self.column::<PrimitiveArray<T>>(name)
    }

    pub fn str(&self, name: &str) -> Result<&'a StringArray, String> {
        self.column::<StringArray>(name)
    }

    pub fn bool(&self, name: &str) -> Result<&'a BooleanArray, String> {
        self.column::<BooleanArray>(name)
    }

    pub fn list(&self, name: &str) -> Result<&'a ListArray, String> {
        self.column::<ListArray>(name)
    }

    pub fn rows(&self) -> usize {
        self.batch.num_rows()
    }
}

/// A nullable primitive value.
pub fn opt<T: ArrowPrimitiveType>(a: &PrimitiveArray<T>, i: usize) -> Option<T::Native> {
    a.is_valid(i).then(|| a.value(i))
}

/// A required primitive value (a null is an error naming the column).
pub fn req<T: ArrowPrimitiveType>(a: &PrimitiveArray<T>, i: usize, name: &str) -> Result<T::Native, String> {
    opt(a, i).ok_or_else(|| format!("column `{name}`: null in row {}", i + 1))
}

pub fn opt_str(a: &StringArray, i: usize) -> Option<&str> {
    a.is_valid(i).then(|| a.value(i))
}

pub fn req_str<'a>(a: &'a StringArray, i: usize, name: &str) -> Result<&'a str, String> {
    opt_str(a, i).ok_or_else(|| format!("column `{name}`: null in row {}", i + 1))
}

pub fn opt_bool(a: &BooleanArray, i: usize) -> Option<bool> {
    a.is_valid(i).then(|| a.value(i))
}

pub fn req_bool(a: &BooleanArray, i: usize, name: &str) -> Result<bool, String> {
    opt_bool(a, i).ok_or_else(|| format!("column `{name}`: null in row {}", i + 1))
}

/// The primitive values of a list cell (nulls inside the list are an error).
pub fn list_values<T: ArrowPrimitiveType>(a: &ListArray, i: usize, name: &str) -> Result<Vec<T::Native>, String> {
    if a.is_null(i) {
        return Ok(Vec::new());
    }
    let values = a.value(i);
    let values = values
        .as_any()
        .downcast_ref::<PrimitiveArray<T>>()
        .ok_or_else(|| format!("column `{name}`: list items of type {}", values.data_type()))?;
    (0..values.len()).map(|k| req(values, k, name)).collect()
}

/// A 64-bit line number as usize.
pub fn line(v: u64) -> usize {
    usize::try_from(v).unwrap_or(usize::MAX)
}
