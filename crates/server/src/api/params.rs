//! Query parameters, parsed by hand so that every problem gets a precise error: which parameter,
//! what was wrong, what is accepted. Unknown parameters are errors (a typo such as `form=2020`
//! must not silently return everything).

use super::error::ApiError;
use entente_kb::KnowledgeBase;
use entente_model::PartialDate;

/// Default and maximum page sizes of list endpoints.
pub const DEFAULT_LIMIT: usize = 100;
pub const MAX_LIMIT: usize = 1000;

pub struct Params {
    pairs: Vec<(String, String)>,
    allowed: &'static [&'static str],
}

/// A page of a list: which slice, and how many items there are in all.
#[derive(Clone, Copy, Debug)]
pub struct Page {
    pub limit: usize,
    pub offset: usize,
}

impl Page {
    /// The slice of `items` this page covers.
    pub fn slice<T: Clone>(&self, items: &[T]) -> Vec<T> {
        items.iter().skip(self.offset).take(self.limit).cloned().collect()
    }
}

impl Params {
    /// Parses a raw query string, accepting only the `allowed` names (plus `limit`/`offset` when
    /// `allowed` lists them).
    pub fn parse(raw: Option<&str>, allowed: &'static [&'static str]) -> Result<Params, ApiError> {
        let pairs: Vec<(String, String)> = match raw {
            None | Some("") => Vec::new(),
            Some(q) => serde_urlencoded::from_str(q)
                .map_err(|e| ApiError::bad_request("bad_parameter", format!("cannot read the query string: {e}")))?,
        };
        for (k, _) in &pairs {
            if !allowed.contains(&k.as_str()) {
                return Err(
                    ApiError::bad_request("unknown_parameter", format!("unknown parameter `{k}`"))
                        .hint(format!("this endpoint takes: {}", allowed.join(", "))),
                );
            }
        }
        let mut seen: Vec<&str> = Vec::new();
        for (k, _) in &pairs {
            if seen.contains(&k.as_str()) {
                return Err(
                    ApiError::bad_request("bad_parameter", format!("parameter `{k}` given twice"))
                        .hint("list several values in one parameter, separated by commas"),
                );
            }
            seen.push(k);
        }
        Ok(Params { pairs, allowed })
    }

    /// A parameter's value; an empty value counts as absent.
    pub fn opt(&self, name: &str) -> Option<&str> {
        debug_assert!(self.allowed.contains(&name), "{name} not declared");
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    pub fn required(&self, name: &str) -> Result<&str, ApiError> {
        self.opt(name)
            .ok_or_else(|| ApiError::bad_request("missing_parameter", format!("parameter `{name}` is required")))
    }

    /// A comma-separated list.
    pub fn list(&self, name: &str) -> Vec<String> {
        self.opt(name)
            .map(|v| {
                v.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn date(&self, name: &str) -> Result<Option<PartialDate>, ApiError> {
        self.opt(name).map(|v| parse_date(name, v)).transpose()
    }

    /// `from` and `to` as dates, either open; a reversed range is an error (the rule is
    /// [`entente_model::check_range`], the CLI's too).
    pub fn date_range(&self) -> Result<(Option<PartialDate>, Option<PartialDate>), ApiError> {
        let (from, to) = (self.date("from")?, self.date("to")?);
        entente_model::check_range(from, to).map_err(reversed)?;
        Ok((from, to))
    }

    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.opt(name) {
            None => Ok(false),
            Some("true" | "1" | "yes") => Ok(true),
            Some("false" | "0" | "no") => Ok(false),
            Some(v) => Err(ApiError::bad_request(
                "bad_parameter",
                format!("parameter `{name}` must be true or false, not `{v}`"),
            )),
        }
    }

    pub fn number(&self, name: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        let Some(v) = self.opt(name) else {
            return Ok(default);
        };
        match v.parse::<usize>() {
            Ok(n) if n <= max => Ok(n),
            Ok(_) => Err(ApiError::bad_request(
                "bad_parameter",
                format!("parameter `{name}` is at most {max}"),
            )),
            Err(_) => Err(ApiError::bad_request(
                "bad_parameter",
                format!("parameter `{name}` must be a whole number, not `{v}`"),
            )),
        }
    }

    pub fn page(&self) -> Result<Page, ApiError> {
        Ok(Page {
            limit: self.number("limit", DEFAULT_LIMIT, MAX_LIMIT)?,
            offset: self.number("offset", 0, usize::MAX)?,
        })
    }

    /// An actor parameter: any id, code, name, alias or demonym, resolved to an id.
    pub fn actor(&self, kb: &KnowledgeBase, name: &str) -> Result<String, ApiError> {
        resolve(kb, name, self.required(name)?)
    }

    pub fn opt_actor(&self, kb: &KnowledgeBase, name: &str) -> Result<Option<String>, ApiError> {
        self.opt(name).map(|v| resolve(kb, name, v)).transpose()
    }
}

pub fn resolve(kb: &KnowledgeBase, param: &str, value: &str) -> Result<String, ApiError> {
    kb.resolve(value)
        .map(|a| a.id.clone())
        .map_err(|e| ApiError::from((param, e)))
}

pub fn parse_date(name: &str, v: &str) -> Result<PartialDate, ApiError> {
    PartialDate::parse(v).map_err(|e| {
        ApiError::bad_request("bad_date", format!("parameter `{name}`: bad date `{v}`: {e}"))
            .hint("dates are YYYY, YYYY-MM or YYYY-MM-DD")
    })
}

/// The error for a reversed `from`/`to` range.
pub fn reversed(e: entente_model::ReversedRange) -> ApiError {
    ApiError::bad_request("bad_parameter", e.message("`from`", "`to`"))
}
