"""The annotated view in a real browser: headless Chromium, three launches in all.

These tests fail, never skip, without Chromium (``.ci/run`` installs it).
One harness page frames the views of the seeds, a PDF, an HTML page and a
hostile text, and in each reads the source pane's text, the highlighted
outcomes, and what clicking every fact does; a second launch dumps a hostile
view's own DOM; a third takes the screenshot that the how-to shows.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import attrs
import matplotlib.image
import pytest

import scrutinykit as sk

from . import browser
from .conftest import FIXTURES, SEEDS, seed_path
from .pdfgen import PAGE_BREAK, minutes_pdf

HOSTILE = FIXTURES / "show" / "hostile-minutes-fernleigh.txt"

#: Runs in the harness once every framed view has loaded: for each frame, what
#: a reader would get, as JSON in <pre id="out">.
_HARNESS_JS = r"""
window.addEventListener("load", function () {
  var results = {};
  Array.prototype.forEach.call(document.querySelectorAll("iframe"), function (frame) {
    var win = frame.contentWindow, doc = frame.contentDocument, source = doc.getElementById("source");
    var r = {title: doc.title, pwned: doc.documentElement.getAttribute("data-pwned"),
             text: source.textContent, scripts: doc.querySelectorAll("script").length,
             injected: source.querySelectorAll("img, iframe, svg, script, b, div, pre, main").length,
             pagebreaks: Array.prototype.map.call(source.querySelectorAll(".pagebreak"),
                                                  function (e) { return e.getAttribute("data-page"); }),
             outcomes: [], facts: []};
    Array.prototype.forEach.call(source.querySelectorAll(".outcome[id]"), function (el) {
      var text = el.textContent;
      Array.prototype.forEach.call(source.querySelectorAll('[data-of="' + el.id + '"]'),
                                   function (p) { text += p.textContent; });
      r.outcomes.push({id: el.id, cls: el.className, text: text, title: el.title});
    });
    Array.prototype.forEach.call(doc.querySelectorAll("#facts a.fact"), function (a) {
      var id = a.getAttribute("href").slice(1), target = doc.getElementById(id), fact = {href: id};
      fact.exists = !!target && source.contains(target);
      fact.tabbable = a.tabIndex >= 0 && a.hasAttribute("href");
      if (target) {
        target.classList.remove("flash");
        a.click();
        var box = target.getBoundingClientRect();
        fact.flashed = target.classList.contains("flash");
        fact.inView = box.bottom > 0 && box.top < win.innerHeight;
        fact.focused = doc.activeElement === target;
      }
      r.facts.push(fact);
    });
    results[frame.getAttribute("data-name")] = r;
  });
  document.getElementById("out").textContent = JSON.stringify(results);
});
"""


@pytest.fixture(scope="module")
def chromium() -> str:
    try:
        return browser.chromium()
    except browser.ChromiumMissing as exc:
        pytest.fail(str(exc))


def _pdf_doc(tmp: Path) -> sk.Document:
    body: list[Any] = [
        "WILLOWMERE TOWN COUNCIL",
        "MEETING OF THE",
        "ENVIRONMENT SCRUTINY COMMITTEE",
        "Minutes of the meeting held on Monday 3 March 2025 at 7.00pm",
        "Present: Councillor Hester Quayle (Chair), Councillor Rufus Penberthy",
        "W1/25 Apologies for absence (agenda item 1)",
        "There were none.",
        PAGE_BREAK,
        "W2/25 Flood defences (agenda item 2)",
        "The Engineer said that the works would cost £1.2 million.",
        "RESOLVED that:",
        ["1. The Committee note the report;", "2. The Engineer to report back in six months."],
        "The meeting ended at 8.30pm",
    ]
    path = tmp / "willowmere.pdf"
    path.write_bytes(minutes_pdf(body, running_header="Willowmere Town Council"))
    return sk.parse_file(path)


def _hostile_everywhere(doc: sk.Document) -> sk.Document:
    """The hostile fixture with script in the committee (the page title) and a name (a fact, a tooltip)."""
    evil = "</title><script>document.title='PWNED'</script>"
    person = doc.attendance.present[0]
    attendance = attrs.evolve(doc.attendance, present=(attrs.evolve(person, name=f"Orla {evil}"),))
    meeting = attrs.evolve(doc.meeting, committee=f"Housing {evil}")
    return attrs.evolve(doc, meeting=meeting, attendance=attendance)


@pytest.fixture(scope="module")
def framed(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every view opened in one Chromium: name -> what the harness read."""
    tmp = tmp_path_factory.mktemp("views")
    docs: dict[str, sk.Document] = {p.name[:3]: sk.parse_file(p) for p in SEEDS}
    docs["pdf"] = _pdf_doc(tmp)
    docs["html"] = sk.parse_file(FIXTURES / "html" / "meeting-ashcombe.html")
    docs["hostile"] = sk.parse_file(HOSTILE)
    docs["hostile-everywhere"] = _hostile_everywhere(docs["hostile"])
    frames = []
    for name, doc in docs.items():
        doc.show().save(tmp / f"{name}.html")
        frames.append(f'<iframe data-name="{name}" src="{name}.html" width="1200" height="800"></iframe>')
    harness = tmp / "harness.html"
    harness.write_text(
        f"<!DOCTYPE html><html><body>{''.join(frames)}<pre id='out'></pre><script>{_HARNESS_JS}</script>"
        "</body></html>",
        encoding="utf-8",
    )
    dom = browser.dump_dom(harness, budget_ms=15000, file_access=True)
    found = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
    assert found, f"the harness wrote nothing: {dom[-1000:]}"
    results: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return {"docs": docs, "results": results}


def test_source_pane_text_is_the_whole_source(framed: dict[str, Any]) -> None:
    """Nothing of the source is missing or added: the pane's text content equals it, for every view."""
    docs, results = framed["docs"], framed["results"]
    assert set(results) == set(docs)
    for name, doc in docs.items():
        assert results[name]["text"] == doc.source, name


def test_every_outcome_of_seed_002_is_highlighted_and_its_fact_links_to_it(framed: dict[str, Any]) -> None:
    doc: sk.Document = framed["docs"]["002"]
    r = framed["results"]["002"]
    outcomes = doc.outcomes()
    assert outcomes
    assert len(r["outcomes"]) == len(outcomes)
    facts = {f["href"]: f for f in r["facts"]}
    for outcome, shown in zip(outcomes, r["outcomes"]):
        kind = type(outcome).__name__
        assert shown["text"] == doc.text_of(outcome)
        assert kind.lower() in shown["cls"].split()
        assert shown["title"].startswith(kind)
        fact = facts[shown["id"]]
        assert fact["exists"]
        assert fact["tabbable"]
        assert fact["flashed"], fact
        assert fact["inView"], fact
        assert fact["focused"], fact


def test_every_fact_of_every_view_scrolls_to_its_span_and_flashes(framed: dict[str, Any]) -> None:
    for name, r in framed["results"].items():
        assert r["facts"], name
        for fact in r["facts"]:
            assert fact["exists"], (name, fact)
            assert fact["tabbable"], (name, fact)
            assert fact["flashed"], (name, fact)
            assert fact["inView"], (name, fact)
            assert fact["focused"], (name, fact)


def test_outcomes_of_pdf_and_html_views_are_highlighted(framed: dict[str, Any]) -> None:
    for name in ("pdf", "html", "hostile"):
        doc: sk.Document = framed["docs"][name]
        shown = framed["results"][name]["outcomes"]
        assert [o["text"] for o in shown] == [doc.text_of(o) for o in doc.outcomes()], name
        assert shown, name


def test_pdf_page_breaks_are_marked(framed: dict[str, Any]) -> None:
    doc: sk.Document = framed["docs"]["pdf"]
    assert len(doc.pages) == 2
    assert framed["results"]["pdf"]["pagebreaks"] == ["2"]


def test_hostile_text_is_shown_not_run(framed: dict[str, Any]) -> None:
    for name in ("hostile", "hostile-everywhere"):
        r = framed["results"][name]
        assert r["pwned"] is None, name
        assert "PWNED" not in r["title"] or "</title>" in r["title"], name
        assert r["scripts"] == 1, name  # the view's own
        assert r["injected"] == 0, name
        assert "<script>document.title='PWNED'" in r["text"]
        assert "</div></pre></main>" in r["text"]
    title = framed["results"]["hostile-everywhere"]["title"]
    assert title.startswith("Housing </title><script>document.title='PWNED'</script>")


def test_hostile_view_dumped_directly(chromium: str, tmp_path: Path) -> None:
    """The hostile view on its own: its DOM after scripts ran holds the text, escaped, no trace of it run."""
    page = sk.parse_file(HOSTILE).show().save(tmp_path / "hostile.html")
    dom = browser.dump_dom(page)
    assert "data-pwned" not in dom.split("<body", 1)[0]
    assert "data-pwned=" not in dom.replace("setAttribute('data-pwned'", "")
    assert "<title>PWNED" not in dom
    assert "&lt;script&gt;document.title='PWNED'" in dom
    assert "<img" not in dom
    assert "<iframe" not in dom
    assert "<svg" not in dom
    assert dom.count("<script>") == 1


def test_screenshot_of_a_view(chromium: str, tmp_path: Path) -> None:
    """The how-to's screenshot command works: a full-size PNG of the view, not a blank page."""
    png = browser.docs_screenshot(tmp_path / "show.png")
    assert browser.png_size(png) == browser.SCREEN
    image = matplotlib.image.imread(png)
    assert float(image.std()) > 0.05  # text and highlights, not a blank page
    assert seed_path("002") == browser.DOCS_SEED
    assert browser.png_size(browser.DOCS_SCREENSHOT) == browser.SCREEN
