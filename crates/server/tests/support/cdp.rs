//! A headless Chromium driven over the Chrome DevTools Protocol (a websocket), with just what
//! the browser tests need: open a page, evaluate JavaScript, wait for a condition, type and press
//! keys as a user would, take screenshots, and collect console errors and exceptions.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tungstenite::{Message, WebSocket};

/// Debian's Chromium, or another on the PATH.
pub fn find_chromium() -> Option<PathBuf> {
    let names = ["chromium", "chromium-browser", "google-chrome", "chrome"];
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| names.iter().map(move |n| d.join(n)))
        .find(|p| p.is_file())
}

pub struct Browser {
    child: Child,
    ws: WebSocket<TcpStream>,
    session: String,
    next: u64,
    profile: PathBuf,
    /// Console errors and uncaught exceptions seen so far.
    pub errors: Vec<String>,
    /// Every address the page requested.
    pub requests: Vec<String>,
    /// The browser context of the current page, when made by `fresh_page`.
    context: Option<String>,
}

impl Browser {
    pub fn launch(chromium: &Path, width: u32, height: u32) -> Result<Browser, String> {
        let profile = std::env::temp_dir().join(format!(
            "entente-cdp-{}-{}",
            std::process::id(),
            Instant::now().elapsed().as_nanos()
        ));
        let _ = std::fs::remove_dir_all(&profile);
        let mut child = Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--remote-debugging-port=0",
                "--remote-debugging-address=127.0.0.1",
            ])
            .arg(format!("--window-size={width},{height}"))
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start Chromium: {e}"))?;
        let stderr = child.stderr.take().ok_or("no stderr")?;
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(url) = line.split("DevTools listening on ").nth(1) {
                    let _ = tx.send(url.trim().to_string());
                }
            }
        });
        let url = rx
            .recv_timeout(Duration::from_secs(30))
            .map_err(|_| "Chromium did not open its debugging port".to_string())?;
        let hostport = url
            .trim_start_matches("ws://")
            .split('/')
            .next()
            .ok_or("bad DevTools address")?
            .to_string();
        let stream = TcpStream::connect(&hostport).map_err(|e| format!("connect {hostport}: {e}"))?;
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .map_err(|e| e.to_string())?;
        let (ws, _) = tungstenite::client(url.as_str(), stream).map_err(|e| format!("websocket: {e}"))?;
        let mut b = Browser {
            child,
            ws,
            session: String::new(),
            next: 0,
            profile,
            errors: Vec::new(),
            requests: Vec::new(),
            context: None,
        };
        let target = b.call_browser("Target.createTarget", json!({"url": "about:blank"}))?;
        let target_id = target["targetId"].as_str().ok_or("no target id")?.to_string();
        let attached = b.call_browser("Target.attachToTarget", json!({"targetId": target_id, "flatten": true}))?;
        b.session = attached["sessionId"].as_str().ok_or("no session id")?.to_string();
        b.call("Page.enable", json!({}))?;
        b.call("Runtime.enable", json!({}))?;
        b.call("Network.enable", json!({}))?;
        b.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}),
        )?;
        Ok(b)
    }

    /// Switches to a new page in a new browser context: no cache, no cookies, no storage (a
    /// first visit).
    pub fn fresh_page(&mut self) -> Result<(), String> {
        if let Some(old) = self.context.take() {
            self.call_browser("Target.disposeBrowserContext", json!({"browserContextId": old}))?;
        }
        let ctx = self.call_browser("Target.createBrowserContext", json!({}))?;
        let ctx = ctx["browserContextId"].as_str().ok_or("no context id")?.to_string();
        self.context = Some(ctx.clone());
        let target = self.call_browser(
            "Target.createTarget",
            json!({"url": "about:blank", "browserContextId": ctx}),
        )?;
        let target_id = target["targetId"].as_str().ok_or("no target id")?.to_string();
        let attached = self.call_browser("Target.attachToTarget", json!({"targetId": target_id, "flatten": true}))?;
        self.session = attached["sessionId"].as_str().ok_or("no session id")?.to_string();
        self.call("Page.enable", json!({}))?;
        self.call("Runtime.enable", json!({}))?;
        Ok(())
    }

    fn send(&mut self, method: &str, params: Value, session: bool) -> Result<Value, String> {
        self.next += 1;
        let id = self.next;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if session {
            msg["sessionId"] = json!(self.session);
        }
        self.ws
            .send(Message::text(msg.to_string()))
            .map_err(|e| format!("{method}: {e}"))?;
        loop {
            let m = self.ws.read().map_err(|e| format!("{method}: {e}"))?;
            let Message::Text(text) = m else { continue };
            let v: Value = serde_json::from_str(text.as_str()).map_err(|e| e.to_string())?;
            if v["id"].as_u64() == Some(id) {
                if let Some(err) = v.get("error") {
                    return Err(format!("{method}: {err}"));
                }
                return Ok(v["result"].clone());
            }
            self.event(&v);
        }
    }

    fn event(&mut self, v: &Value) {
        match v["method"].as_str() {
            Some("Runtime.exceptionThrown") => {
                let d = &v["params"]["exceptionDetails"];
                self.errors.push(format!(
                    "exception: {} {}",
                    d["text"].as_str().unwrap_or(""),
                    d["exception"]["description"].as_str().unwrap_or("")
                ));
            }
            Some("Network.requestWillBeSent") => {
                if let Some(u) = v["params"]["request"]["url"].as_str() {
                    self.requests.push(u.to_string());
                }
            }
            Some("Runtime.consoleAPICalled") if v["params"]["type"] == "error" => {
                let args: Vec<String> = v["params"]["args"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|a| {
                        a["value"]
                            .as_str()
                            .map_or_else(|| a["description"].to_string(), str::to_string)
                    })
                    .collect();
                self.errors.push(format!("console.error: {}", args.join(" ")));
            }
            _ => {}
        }
    }

    fn call_browser(&mut self, method: &str, params: Value) -> Result<Value, String> {
        self.send(method, params, false)
    }

    pub fn call(&mut self, method: &str, params: Value) -> Result<Value, String> {
        self.send(method, params, true)
    }

    pub fn goto(&mut self, url: &str) -> Result<(), String> {
        self.call("Page.navigate", json!({"url": url}))?;
        Ok(())
    }

    /// Evaluates an expression (awaiting a promise) and returns its value.
    pub fn eval(&mut self, expr: &str) -> Result<Value, String> {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": expr, "returnByValue": true, "awaitPromise": true}),
        )?;
        if let Some(ex) = r.get("exceptionDetails") {
            return Err(format!(
                "`{expr}` threw: {}",
                ex["exception"]["description"].as_str().unwrap_or("?")
            ));
        }
        Ok(r["result"]["value"].clone())
    }

    /// Waits until `expr` is truthy; returns its value.
    pub fn wait_for(&mut self, expr: &str, what: &str) -> Result<Value, String> {
        let start = Instant::now();
        loop {
            let v = self.eval(&format!(
                "(() => {{ try {{ return ({expr}); }} catch (e) {{ return null; }} }})()"
            ))?;
            let truthy = match &v {
                Value::Null => false,
                Value::Bool(b) => *b,
                Value::Number(n) => n.as_f64() != Some(0.0),
                Value::String(s) => !s.is_empty(),
                _ => true,
            };
            if truthy {
                return Ok(v);
            }
            if start.elapsed() > Duration::from_secs(30) {
                let state = self
                    .eval("document.querySelector('main')?.dataset.state + ' ' + location.hash + ' ' + document.querySelector('main')?.innerText.slice(0, 300)")
                    .unwrap_or_default();
                return Err(format!("timed out waiting for {what} ({expr}); page: {state}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Navigates within the dashboard and waits for the view to be ready.
    pub fn open(&mut self, base: &str, hash: &str) -> Result<(), String> {
        self.eval(&format!(
            "document.querySelector('main').dataset.state = 'loading'; location.href = {}; true",
            json!(format!("{base}{hash}"))
        ))?;
        self.ready(hash)
    }

    pub fn ready(&mut self, hash: &str) -> Result<(), String> {
        self.wait_for(
            &format!(
                "location.hash === {h} && document.querySelector('main').dataset.state === 'ready' \
                 && document.querySelector('main').dataset.route === {h}",
                h = json!(hash)
            ),
            &format!("view {hash}"),
        )?;
        Ok(())
    }

    /// Clicks the element's centre with the mouse, as a user would.
    pub fn click(&mut self, selector: &str) -> Result<(), String> {
        let sel = json!(selector);
        let rect = self.wait_for(
            &format!(
                "(() => {{ const e = document.querySelector({sel}); if (!e) return null; e.scrollIntoView({{block: 'center'}}); \
                 const r = e.getBoundingClientRect(); return r.width > 0 ? [r.x + r.width / 2, r.y + r.height / 2] : null; }})()"
            ),
            &format!("element {selector}"),
        )?;
        let (x, y) = (rect[0].as_f64().unwrap_or(0.0), rect[1].as_f64().unwrap_or(0.0));
        for kind in ["mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}),
            )?;
        }
        Ok(())
    }

    /// Types text into the focused element.
    pub fn type_text(&mut self, text: &str) -> Result<(), String> {
        for c in text.chars() {
            self.call("Input.insertText", json!({"text": c.to_string()}))?;
        }
        Ok(())
    }

    /// Presses a key (Enter, Escape, ArrowDown, …) on the focused element.
    pub fn press(&mut self, key: &str) -> Result<(), String> {
        let (code, vk) = match key {
            "Enter" => ("Enter", 13),
            "Escape" => ("Escape", 27),
            "ArrowDown" => ("ArrowDown", 40),
            "ArrowUp" => ("ArrowUp", 38),
            "ArrowLeft" => ("ArrowLeft", 37),
            "ArrowRight" => ("ArrowRight", 39),
            "Tab" => ("Tab", 9),
            "+" => ("Equal", 187),
            "-" => ("Minus", 189),
            "0" => ("Digit0", 48),
            "/" => ("Slash", 191),
            _ => (key, 0),
        };
        let text = if key.chars().count() == 1 { key } else { "" };
        let mut down = json!({"type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": vk});
        if !text.is_empty() {
            down["text"] = json!(text);
        }
        if key == "Enter" {
            down["text"] = json!("\r");
        }
        self.call("Input.dispatchKeyEvent", down)?;
        self.call(
            "Input.dispatchKeyEvent",
            json!({"type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": vk}),
        )?;
        Ok(())
    }

    pub fn screenshot(&mut self, path: &Path) -> Result<(), String> {
        let r = self.call(
            "Page.captureScreenshot",
            json!({"format": "png", "captureBeyondViewport": true}),
        )?;
        let data = r["data"].as_str().ok_or("no screenshot data")?;
        std::fs::write(path, base64(data)?).map_err(|e| e.to_string())
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

fn base64(s: &str) -> Result<Vec<u8>, String> {
    let val = |c: u8| -> Result<u32, String> {
        Ok(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return Err(format!("bad base64 byte {c}")),
        } as u32)
    };
    let bytes: Vec<u8> = s.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let pad = chunk.iter().filter(|&&b| b == b'=').count();
        let mut n = 0u32;
        for (i, &b) in chunk.iter().enumerate() {
            n |= if b == b'=' { 0 } else { val(b)? } << (18 - 6 * i);
        }
        let got = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&got[..3 - pad]);
    }
    Ok(out)
}
