#!/usr/bin/env python3
"""Open every page of the built book in headless Chromium and check what a reader sees.

Usage:
    mdbook build book -d /tmp/book
    python3 book/check/browser.py /tmp/book [--summary book/src/SUMMARY.md]

The book directory is served on 127.0.0.1 (a Python http.server in a thread) and every
page listed in SUMMARY.md is opened at 1280x900, the width of a small laptop or a
projector. The check fails (exit 1), naming the page and the element, when:

- a page does not load (or is not 200);
- any request leaves 127.0.0.1 (fonts, scripts, images: the book must work offline);
- a code block (`pre`), a table (or its scrolling wrapper), a picture, or the page
  itself scrolls sideways (scrollWidth > clientWidth + 1);
- a picture does not load (naturalWidth == 0);
- the book's search does not find `JoinSet`.

It prints one line per problem and ends with
`browser check: N pages, M pictures, K clipped` (exit 0 only when everything passed).
Every page has a deadline, and so has the whole run.

Needs Debian's `chromium`, `chromium-driver` and `python3-selenium`
(`apt-get install -y chromium chromium-driver python3-selenium`).
"""

import argparse
import base64
import functools
import http.server
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
import urllib.parse

try:
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
except ImportError:
    # A pyenv or venv python3 may come first on PATH; Debian's python3-selenium lives
    # with the system interpreter.
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("browser check: python3-selenium is missing "
             "(apt-get install -y chromium chromium-driver python3-selenium)")

WIDTH, HEIGHT = 1280, 900

CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    f"--window-size={WIDTH},{HEIGHT}",
    # Belt and braces: any host but loopback fails to resolve, so a stray request can
    # never reach the internet; the performance log below still sees it and fails.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]

# Runs in the page: everything that scrolls sideways, and every picture.
MEASURE_JS = r"""
const main = document.querySelector('.content main') || document.body;
const describe = (el) => {
  // The nearest heading before the element, so the report says where to look.
  let heading = null;
  const all = Array.from(main.querySelectorAll('h1, h2, h3, h4'));
  for (const h of all) {
    if (h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) heading = h;
  }
  const where = heading ? ('#' + (heading.id || heading.textContent.trim().slice(0, 40))) : '(top)';
  let what = el.tagName.toLowerCase();
  if (el.classList.length) what += '.' + Array.from(el.classList).join('.');
  let text = (el.getAttribute('src') || el.textContent || '').trim().replace(/\s+/g, ' ');
  return {where, what, text: text.slice(0, 70)};
};
const clipped = [];
const check = (el, kind) => {
  if (el.scrollWidth > el.clientWidth + 1) {
    clipped.push(Object.assign(describe(el), {kind, scroll: el.scrollWidth, client: el.clientWidth}));
  }
};
main.querySelectorAll('pre').forEach((el) => check(el, 'code block'));
main.querySelectorAll('pre > code').forEach((el) => check(el, 'code block'));
main.querySelectorAll('table').forEach((el) => check(el, 'table'));
main.querySelectorAll('.table-wrapper').forEach((el) => check(el, 'table'));
const mainRight = main.getBoundingClientRect().right;
const pictures = [];
main.querySelectorAll('img, svg:not(pre svg):not(button svg)').forEach((el) => {
  const r = el.getBoundingClientRect();
  if (r.right > mainRight + 1) {
    clipped.push(Object.assign(describe(el), {kind: 'picture', scroll: Math.round(r.right), client: Math.round(mainRight)}));
  }
  // mdBook 0.5 repeats each picture inside a hidden .img-wrapper (its click-to-zoom
  // view): count the picture once, but check that every copy loads.
  if (el.tagName === 'IMG' && !el.closest('.img-wrapper')) {
    pictures.push(Object.assign(describe(el), {ok: el.complete && el.naturalWidth > 0,
      src: el.currentSrc || el.src, width: Math.round(r.width)}));
  }
});
main.querySelectorAll('.img-wrapper img').forEach((el) => {
  if (!(el.complete && el.naturalWidth > 0)) {
    pictures.push(Object.assign(describe(el), {ok: false, src: el.currentSrc || el.src, width: 0, copy: true}));
  }
});
// The page itself: reported only when no element above explains it.
if (clipped.length === 0) {
  const content = document.querySelector('.content');
  if (content) check(content, 'page');
  if (clipped.length === 0) check(main, 'page');
  const root = document.scrollingElement || document.documentElement;
  if (clipped.length === 0 && root.scrollWidth > root.clientWidth + 1) {
    clipped.push({kind: 'page', where: '(whole page)', what: 'html', text: '',
                  scroll: root.scrollWidth, client: root.clientWidth});
  }
}
// Code blocks that fit only because they wrap (the theme's pre-wrap): not a failure,
// but their source lines are worth shortening. Measured by switching wrapping off.
const wrapped = [];
main.querySelectorAll('pre > code').forEach((code) => {
  const saved = code.style.whiteSpace;
  code.style.whiteSpace = 'pre';
  const overflows = code.scrollWidth > code.clientWidth + 1;
  code.style.whiteSpace = saved;
  if (overflows) wrapped.push(describe(code));
});
const resources = performance.getEntriesByType('resource').map((e) => e.name);
return {clipped, pictures, wrapped, resources,
        title: document.title, width: window.innerWidth, height: window.innerHeight,
        mainWidth: Math.round(main.getBoundingClientRect().width)};
"""

# Mid-run: all pictures finished loading (or failed)?
IMAGES_DONE_JS = "return Array.from(document.images).every((img) => img.complete);"


def pages_of(summary_path):
    """The .md files linked from SUMMARY.md, in order, each once (drafts skipped)."""
    pages = []
    with open(summary_path, encoding="utf-8") as f:
        for line in f:
            for target in re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", line):
                if target not in pages:
                    pages.append(target)
    return pages


def html_of(md):
    return re.sub(r"\.md$", ".html", md)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory):
    handler = functools.partial(QuietHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


def start_browser(profile, chromium, chromedriver):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS + [f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "SEVERE"})
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    # Exactly 1280x900 CSS pixels, whatever the window decorations.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})
    return driver


def network_events(driver):
    """Requests sent and document responses seen since the last call."""
    requests, documents = [], []
    for entry in driver.get_log("performance"):
        try:
            message = json.loads(entry["message"])["message"]
        except (KeyError, ValueError):
            continue
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent":
            requests.append(params.get("request", {}).get("url", ""))
        elif method == "Network.responseReceived" and params.get("type") == "Document":
            response = params.get("response", {})
            documents.append((response.get("url", ""), response.get("status", 0)))
    return requests, documents


def leaves_loopback(url):
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme in ("data", "blob", "about", "chrome", "chrome-extension", "javascript", ""):
        return False
    return parsed.hostname not in ("127.0.0.1",)


def wait_until(driver, script, deadline):
    while time.monotonic() < deadline:
        try:
            if driver.execute_script(script):
                return True
        except WebDriverException:
            pass
        time.sleep(0.05)
    return False


SEARCH_HITS_JS = """
const ul = document.querySelector('#mdbook-searchresults, #searchresults');
return ul ? Array.from(ul.querySelectorAll('li')).map((li) => li.textContent) : [];
"""


def check_search(driver, base, page, problems, deadline):
    """Open mdbook's search on `page`, type JoinSet, and expect results that mention it."""
    driver.get(base + html_of(page))
    toggle = driver.find_elements(By.CSS_SELECTOR, "#mdbook-search-toggle, #search-toggle")
    if toggle:
        toggle[0].click()
    bars = driver.find_elements(By.CSS_SELECTOR, "#mdbook-searchbar, #searchbar")
    if not bars:
        problems.append(f"search: no search bar (#mdbook-searchbar or #searchbar) on {page}")
        return 0
    # The index loads when search opens; mdbook searches again once it has arrived.
    bars[0].send_keys("JoinSet")
    if not wait_until(driver, f"return (function() {{ {SEARCH_HITS_JS} }})().length > 0;", deadline):
        problems.append(f"search: typing JoinSet into the search bar on {page} found nothing")
        return 0
    hits = driver.execute_script(SEARCH_HITS_JS)
    if not any("joinset" in hit.lower() for hit in hits):
        problems.append(f"search: {len(hits)} results for JoinSet, none of them mentions it")
    return len(hits)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("book", help="a built book (mdbook build book -d DIR)")
    parser.add_argument("--summary", default=None,
                        help="SUMMARY.md (default: book/src/SUMMARY.md next to this script)")
    parser.add_argument("--page-timeout", type=float, default=20.0, help="seconds per page")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds for the whole check")
    parser.add_argument("--screenshots", default=None,
                        help="also save a full-page PNG of every page in this directory")
    parser.add_argument("--verbose", action="store_true", help="also list code blocks that wrap")
    parser.add_argument("--only", default=None,
                        help="check only these pages (comma-separated .md names), for a quick look")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--chromedriver", default=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    args = parser.parse_args()

    here = os.path.dirname(os.path.abspath(__file__))
    summary = args.summary or os.path.join(here, "..", "src", "SUMMARY.md")
    if not os.path.isfile(os.path.join(args.book, "index.html")):
        sys.exit(f"browser check: {args.book} is not a built book (no index.html): "
                 "run mdbook build book -d DIR first")
    for tool in (args.chromium, args.chromedriver):
        if not os.path.exists(tool):
            sys.exit(f"browser check: {tool} not found "
                     "(apt-get install -y chromium chromium-driver python3-selenium)")
    pages = pages_of(summary)
    if args.only:
        wanted = args.only.split(",")
        pages = [page for page in pages if page in wanted]
    if not pages:
        sys.exit(f"browser check: no pages found in {summary}")

    started = time.monotonic()
    overall_deadline = started + args.timeout

    # The last resort: a hung browser must not hang CI.
    def give_up():
        print(f"browser check: FAILED, gave up after {args.timeout:.0f} s (a page or the "
              "browser hung)", flush=True)
        os._exit(1)
    watchdog = threading.Timer(args.timeout + 30, give_up)
    watchdog.daemon = True
    watchdog.start()

    server = serve(args.book)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    profile = tempfile.mkdtemp(prefix="book-browser-check-")
    problems, wrapped_total, pictures_total, clipped_total, pages_done = [], 0, 0, 0, 0
    search_hits = 0
    driver = None
    try:
        driver = start_browser(profile, args.chromium, args.chromedriver)
        driver.set_page_load_timeout(args.page_timeout)
        driver.set_script_timeout(args.page_timeout)
        if args.screenshots:
            os.makedirs(args.screenshots, exist_ok=True)
        for page in pages:
            if time.monotonic() > overall_deadline:
                problems.append(f"gave up after {args.timeout:.0f} s, before {page}")
                break
            page_deadline = min(time.monotonic() + args.page_timeout, overall_deadline)
            url = base + html_of(page)
            network_events(driver)  # forget the previous page's traffic
            try:
                driver.get(url)
            except TimeoutException:
                problems.append(f"{page}: did not load within {args.page_timeout:.0f} s")
                continue
            except WebDriverException as error:
                problems.append(f"{page}: failed to load ({error.msg})")
                continue
            if not wait_until(driver, IMAGES_DONE_JS, page_deadline):
                problems.append(f"{page}: pictures still loading after {args.page_timeout:.0f} s")
            # Let layout settle (fonts, the sidebar's scroll position).
            wait_until(driver, "return document.readyState === 'complete'", page_deadline)
            time.sleep(0.1)
            result = driver.execute_script(MEASURE_JS)
            requests, documents = network_events(driver)
            pages_done += 1

            for doc_url, status in documents:
                if doc_url.split("#")[0] == url and status != 200:
                    problems.append(f"{page}: HTTP {status}")
            if "404" in result["title"] and "404" not in page:
                problems.append(f"{page}: the browser shows the 404 page ({result['title']!r})")
            if result["width"] != WIDTH:
                problems.append(f"{page}: viewport is {result['width']} px wide, not {WIDTH}")
            for outside in sorted({u for u in requests + result["resources"] if leaves_loopback(u)}):
                problems.append(f"{page}: a request leaves 127.0.0.1: {outside}")
            for c in result["clipped"]:
                clipped_total += 1
                problems.append(
                    f"{page}: {c['kind']} scrolls sideways under {c['where']}: <{c['what']}> "
                    f"{c['scroll']} px wide in {c['client']} px: {c['text']!r}")
            for p in result["pictures"]:
                pictures_total += 0 if p.get("copy") else 1
                if args.verbose:
                    print(f"  picture: {page}: {p['src'].replace(base, '')} ({p['width']} px wide)")
                if not p["ok"]:
                    problems.append(f"{page}: picture did not load under {p['where']}: {p['src']}")
            wrapped_total += len(result["wrapped"])
            if args.verbose:
                for w in result["wrapped"]:
                    print(f"  note: {page}: code block under {w['where']} fits by wrapping: "
                          f"{w['text'][:60]!r}")
            if args.screenshots:
                save_screenshots(driver, os.path.join(args.screenshots, page[:-3]))

        if time.monotonic() < overall_deadline:
            search_deadline = min(time.monotonic() + args.page_timeout, overall_deadline)
            try:
                search_hits = check_search(driver, base, pages[0], problems, search_deadline)
            except WebDriverException as error:
                problems.append(f"search: the browser failed while searching ({error.msg})")
    except WebDriverException as error:
        problems.append(f"the browser failed: {error.msg}")
    finally:
        if driver is not None:
            try:
                driver.quit()
            except WebDriverException:
                pass
        server.shutdown()
        shutil.rmtree(profile, ignore_errors=True)
        watchdog.cancel()

    for problem in dict.fromkeys(problems):  # each once, in order
        print(f"FAIL {problem}")
    if pages_done < len(pages):
        problems.append(f"only {pages_done} of {len(pages)} pages checked")
    note = ""
    if wrapped_total:
        blocks = "code block fits" if wrapped_total == 1 else "code blocks fit"
        note = f" ({wrapped_total} {blocks} by wrapping; --verbose lists them)"
    print(f"search finds JoinSet: {search_hits} results")
    print(f"browser check: {pages_done} pages, {pictures_total} pictures, {clipped_total} clipped"
          f"{note}, {time.monotonic() - started:.1f} s")
    return 1 if problems else 0


def save_screenshots(driver, stem, tile=1600):
    """PNGs of the whole page at 1280 px, `tile` pixels tall each, for a human to look at."""
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    height = int(metrics.get("cssContentSize", metrics.get("contentSize"))["height"])
    for i, top in enumerate(range(0, min(height, 40000), tile)):
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": top, "width": WIDTH, "height": min(tile, height - top), "scale": 1},
        })
        with open(f"{stem}-{i}.png", "wb") as f:
            f.write(base64.b64decode(shot["data"]))


if __name__ == "__main__":
    sys.exit(main())
