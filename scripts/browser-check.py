#!/usr/bin/env python3
"""Real-browser check of a Verbatim report.html.

    scripts/browser-check.py REPORT.html OUTDIR

Opens the report in headless Chromium (Selenium + Debian's chromedriver, a 1280x900 page) the way a
reader would, and fails (exit 1) when the page is not what the report promises to be:

  console   no browser console message of level SEVERE (JS exceptions, failed loads, console.error):
            a report whose script throws has dead sort/filter controls that look fine on a screenshot.
  network   no request other than the file:// page itself and data: URLs (performance log,
            Network.requestWillBeSent): the report is one self-contained file, opened offline, from a
            mail attachment or a shared drive; anything fetched from elsewhere breaks or leaks.
  sections  elements #overview and #flagged exist: they are what a reader (and this check) looks at.
  sort      for every table[data-sortable] with at least 2 body rows, a click on its first th[data-sort]
            sorts that column (ascending or descending; numerically by the cells' data-value when they
            have one, else by text) and a second click reverses it; rows move whole.
  filter    for every input[data-filter] (value = id of its table), typing the first body row's first
            cell keeps that row visible and hides at least one row whose text does not contain it;
            clearing the input shows every row again.

It saves OUTDIR/overview.png and OUTDIR/flagged.png (the window with #overview / #flagged scrolled into
view) for a person to look at, and prints one line per check. Exit codes: 0 all passed, 1 a check
failed, 2 could not run (missing file, Selenium or Chromium: run `bash scripts/setup`).

Needs only Selenium; when it is not importable, the script re-runs itself with out/venv-browser/bin/python
(made by scripts/setup). Chromium's D-Bus messages on stderr are harmless.
"""

import json
import os
import pathlib
import sys
import time
from urllib.parse import unquote

REPO = pathlib.Path(__file__).resolve().parent.parent
VENV_PYTHON = REPO / "out" / "venv-browser" / "bin" / "python"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

try:
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
except ImportError:
    if VENV_PYTHON.exists() and pathlib.Path(sys.executable).resolve() != VENV_PYTHON.resolve():
        os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), __file__, *sys.argv[1:]])
    sys.exit("browser-check: selenium is not installed; run `bash scripts/setup` (makes out/venv-browser)")


class Report:
    """Collects one line per check; any failure makes the run fail."""

    def __init__(self):
        self.failures = 0

    def ok(self, check, detail):
        print(f"PASS  {check:<9} {detail}", flush=True)

    def fail(self, check, detail):
        self.failures += 1
        print(f"FAIL  {check:<9} {detail}", flush=True)


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                     "--hide-scrollbars"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    # --headless=new counts its (invisible) window frame in --window-size, leaving a 1280x757 page:
    # grow the window by the frame so that the page, and so each screenshot, is 1280x900.
    frame_w, frame_h = driver.execute_script(
        "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight];")
    if frame_w or frame_h:
        driver.set_window_size(1280 + frame_w, 900 + frame_h)
    return driver


# ---- console and network ---------------------------------------------------------------------------

def check_console(driver, messages, report):
    """`messages` holds every browser log entry read so far (get_log drains the log)."""
    messages.extend(driver.get_log("browser"))
    severe = [m for m in messages if m.get("level") == "SEVERE"]
    if severe:
        for m in severe:
            print(f"      console: {m.get('message', '').strip()[:300]}")
        report.fail("console", f"{len(severe)} SEVERE console message(s) of {len(messages)}")
    else:
        report.ok("console", f"no errors ({len(messages)} message(s) in all)")


def check_network(driver, page_url, report):
    requested = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            requested.append(message["params"]["request"]["url"])
    page = unquote(page_url)  # Chromium and pathlib may escape a path with spaces or æøå differently
    foreign = [u for u in requested if unquote(u.split("#")[0]) != page and not u.startswith("data:")]
    if foreign:
        for url in sorted(set(foreign)):
            print(f"      request: {url[:300]}")
        report.fail("network", f"{len(foreign)} request(s) beyond the page itself and data: URLs")
    else:
        report.ok("network", f"self-contained ({len(requested)} request(s): the page and data: URLs only)")


# ---- sections and screenshots -------------------------------------------------------------------------

def check_sections_and_screenshots(driver, outdir, report):
    for element_id in ("overview", "flagged"):
        found = driver.find_elements(By.ID, element_id)
        if not found:
            report.fail("sections", f"no element #{element_id}: no {element_id}.png")
            continue
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'});", found[0])
        time.sleep(0.2)  # let layout and paint settle after the scroll
        path = outdir / f"{element_id}.png"
        driver.save_screenshot(str(path))
        report.ok("sections", f"#{element_id} present, screenshot {path}")
    driver.execute_script("window.scrollTo(0, 0);")


# ---- sorting ------------------------------------------------------------------------------------------

# One round trip per look at a table (reports can have hundreds of rows): each body row's text, whether it
# is shown (hidden attribute and display:none leave no layout box), and one column's text and data-value.
ROWS = """
const [table, column] = arguments;
return Array.from(table.tBodies).flatMap(body => Array.from(body.rows)).map(row => {
  const cell = column === null ? undefined : row.cells[column];
  return {text: row.textContent.split(/\\s+/).join(" ").trim(), shown: row.getClientRects().length > 0,
          cell: cell && cell.textContent.split(/\\s+/).join(" ").trim(), value: cell && cell.getAttribute("data-value")};
});
"""

# Text columns count as sorted under any usual collation: code points, case-folded, or the browser's
# Intl.Collator for the page's language or its default locale (with or without numeric ordering). The
# check is that the controls sort, not which collation the report picked.
SORTED_UNDER_A_COLLATOR = """
const [values] = arguments;
for (const lang of [document.documentElement.lang || undefined, undefined]) {
  for (const numeric of [false, true]) {
    const c = new Intl.Collator(lang, {numeric});
    if (values.every((v, i) => i === 0 || c.compare(values[i - 1], v) <= 0)) return true;
  }
}
return false;
"""


def column_keys(driver, table, column):
    """(kind, keys, row texts): numbers from data-value when every cell has one, else the cells' text."""
    rows = driver.execute_script(ROWS, table, column)
    if any(r["cell"] is None for r in rows):
        raise ValueError(f"a body row has no cell {column + 1}")
    texts = sorted(r["text"] for r in rows)
    if all(r["value"] is not None for r in rows):
        return "numeric", [float(r["value"]) for r in rows], texts  # ValueError when not a number
    return "text", [r["cell"] for r in rows], texts


def is_ascending(driver, kind, keys):
    pairs = list(zip(keys, keys[1:]))
    if kind == "numeric":
        return all(a <= b for a, b in pairs)
    return (all(a <= b for a, b in pairs) or all(a.casefold() <= b.casefold() for a, b in pairs)
            or driver.execute_script(SORTED_UNDER_A_COLLATOR, keys))


def direction(driver, kind, keys):
    up, down = is_ascending(driver, kind, keys), is_ascending(driver, kind, keys[::-1])
    return "both" if up and down else "ascending" if up else "descending" if down else None


def check_sorting(driver, report):
    tables = driver.find_elements(By.CSS_SELECTOR, "table[data-sortable]")
    if not tables:
        report.ok("sort", "no table[data-sortable] on the page")
    for table in tables:
        name = "table#" + table.get_attribute("id") if table.get_attribute("id") else "a table[data-sortable]"
        row_count = len(driver.execute_script(ROWS, table, None))
        if row_count < 2:
            report.ok("sort", f"{name}: {row_count} body row(s), nothing to sort")
            continue
        if not table.find_elements(By.CSS_SELECTOR, "th[data-sort]"):
            report.fail("sort", f"{name}: no th[data-sort] header")
            continue
        first_header = lambda: table.find_elements(By.CSS_SELECTOR, "th[data-sort]")[0]
        column = driver.execute_script("return arguments[0].cellIndex;", first_header())
        label = " ".join(first_header().get_attribute("textContent").split()) or f"column {column + 1}"
        try:
            kind, _, before = column_keys(driver, table, column)
            seen = []
            for _click in (1, 2):
                header = first_header()  # found again: a report may re-render its header on sort
                driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", header)
                header.click()
                kind, keys, after = column_keys(driver, table, column)
                seen.append(direction(driver, kind, keys))
        except ValueError as error:
            report.fail("sort", f"{name} '{label}': cannot read the column ({error})")
            continue
        if after != before:
            report.fail("sort", f"{name} '{label}': rows changed content while sorting (cells moved apart)")
        elif None in seen:
            report.fail("sort", f"{name} '{label}' ({kind}): not sorted after click {seen.index(None) + 1}")
        elif "both" in seen:
            report.ok("sort", f"{name} '{label}' ({kind}): sorted, all values equal (direction not testable)")
        elif seen[0] == seen[1]:
            report.fail("sort", f"{name} '{label}' ({kind}): second click did not reverse ({seen[0]} twice)")
        else:
            report.ok("sort", f"{name} '{label}' ({kind}, {row_count} rows): {seen[0]}, then {seen[1]}")


# ---- filtering ----------------------------------------------------------------------------------------

def type_text(driver, field, text):
    """Selects all and types, like a person. ChromeDriver can't type characters outside the BMP (emoji):
    then the value is set from JS with an input event, as a paste would."""
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.BACKSPACE)
    if all(ord(ch) <= 0xFFFF for ch in text):
        field.send_keys(text)
    else:
        driver.execute_script("arguments[0].value = arguments[1];"
                              "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field, text)


def check_filtering(driver, report):
    fields = driver.find_elements(By.CSS_SELECTOR, "input[data-filter]")
    if not fields:
        report.ok("filter", "no input[data-filter] on the page")
    for field in fields:
        table_id = field.get_attribute("data-filter")
        tables = driver.find_elements(By.ID, table_id)
        if not tables:
            report.fail("filter", f"input[data-filter='{table_id}']: no element #{table_id}")
            continue
        table = tables[0]
        rows = driver.execute_script(ROWS, table, 0)
        if not rows or rows[0]["cell"] is None:
            report.ok("filter", f"#{table_id}: no body rows with cells, nothing to filter")
            continue
        query, first = rows[0]["cell"], rows[0]["text"]
        # a substring filter must hide at least one of the rows whose text does not contain the query
        must_hide = [r for r in rows if query.casefold() not in r["text"].casefold()]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", field)
        type_text(driver, field, query)
        filtered = driver.execute_script(ROWS, table, None)
        shown = [r["text"] for r in filtered if r["shown"]]
        problems = []
        if first not in shown:
            problems.append(f"typing '{query}' hid the row it came from")
        if must_hide and len(shown) == len(filtered):
            problems.append(f"typing '{query}' hid none of the {len(must_hide)} row(s) without it")
        type_text(driver, field, "")
        still_hidden = sum(1 for r in driver.execute_script(ROWS, table, None) if not r["shown"])
        if still_hidden:
            problems.append(f"clearing the input left {still_hidden} row(s) hidden")
        if problems:
            report.fail("filter", f"#{table_id}: " + "; ".join(problems))
        else:
            report.ok("filter", f"#{table_id}: '{query}' showed {len(shown)} of {len(filtered)} rows, "
                                f"clearing showed all")


# ---- main ---------------------------------------------------------------------------------------------

def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    page = pathlib.Path(argv[1]).resolve()
    outdir = pathlib.Path(argv[2])
    if not page.is_file():
        print(f"browser-check: no such file: {page}", file=sys.stderr)
        return 2
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not os.access(tool, os.X_OK):
            print(f"browser-check: {tool} missing; run `bash scripts/setup`", file=sys.stderr)
            return 2
    outdir.mkdir(parents=True, exist_ok=True)
    for name in ("overview.png", "flagged.png"):  # a stale screenshot must not pass for a new one
        (outdir / name).unlink(missing_ok=True)

    started = time.monotonic()
    report = Report()
    try:
        driver = start_browser()
    except WebDriverException as error:
        print(f"browser-check: could not start Chromium: {error.msg}", file=sys.stderr)
        return 2
    try:
        page_url = page.as_uri()
        driver.get(page_url)  # returns after the load event
        messages = driver.get_log("browser")  # read early: load errors are the likeliest
        checks = {"sections": lambda: check_sections_and_screenshots(driver, outdir, report),
                  "sort": lambda: check_sorting(driver, report),
                  "filter": lambda: check_filtering(driver, report)}
        for name, check in checks.items():
            try:
                check()
            except WebDriverException as error:  # e.g. a header covered by another element
                report.fail(name, f"browser error: {error.msg}")
        time.sleep(0.3)  # late requests or errors from timers
        check_console(driver, messages, report)
        check_network(driver, page_url, report)
    finally:
        driver.quit()

    elapsed = time.monotonic() - started
    if report.failures:
        print(f"browser-check: FAILED, {report.failures} check(s) failed for {page} ({elapsed:.1f} s)")
        return 1
    print(f"browser-check: passed for {page} ({elapsed:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
