//! The claim-check report as a self-contained HTML page: each claim of an article with its
//! verdict, what differs, and the evidence with its sources.

use entente_claims::Verification;

const TEMPLATE: &str = include_str!("../templates/verify.html");

/// Renders the report (auto-escaped: article text and source text are shown inert).
pub fn render(title: &str, verifications: &[Verification]) -> Result<String, crate::Error> {
    let mut env = minijinja::Environment::new();
    env.add_template("verify.html", TEMPLATE)
        .map_err(|e| crate::Error::Template(format!("report template: {e}")))?;
    let tmpl = env
        .get_template("verify.html")
        .map_err(|e| crate::Error::Template(format!("report template: {e}")))?;
    let count = |v: &str| verifications.iter().filter(|x| x.verdict.as_str() == v).count();
    tmpl.render(minijinja::context! {
        title => title,
        items => verifications,
        supported => count("supported"),
        partly_supported => count("partly_supported"),
        imprecise => count("imprecise"),
        contradicted => count("contradicted"),
        unverifiable => count("unverifiable"),
        version => env!("CARGO_PKG_VERSION"),
    })
    .map_err(|e| crate::Error::Template(e.to_string()))
}
