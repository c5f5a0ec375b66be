"""``mrt-guide handout`` and the pages it and the guide export: HTML, Markdown and SVG.

The browser checks (pages printed, phone width) are in test_browser.py; these read the
files themselves: the structure of the HTML, what is and is not on paper, Markdown as a
CommonMark parser reads it, and the SVG's theme.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt


class Page(HTMLParser):
    """The parts of an HTML page the tests look at."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, list[str]] = {}
        self._open: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br", "link", "img", "input"):
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self._open and self._open.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        for tag in set(self._open):
            self.text.setdefault(tag, []).append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    def words(self, tag: str) -> str:
        return " ".join(self.text.get(tag, []))


@pytest.fixture
def export(cli: Any, tmp_path: Path) -> Any:
    def run(command: str, name: str) -> str:
        path = tmp_path / name
        result = cli(command, "--export", str(path))
        assert result.exit_code == 0, result.stderr
        assert result.stdout == "" and result.stderr.startswith(f"Wrote {path} ")
        return path.read_text("utf-8")

    return run


def test_handout_records_are_the_newest_answers(cli_json: Any) -> None:
    data = cli_json("handout")
    assert data["schema_version"] == 1
    assert data["title"] == "Medical Records Technician"
    median = data["pay"]["median_annual"]
    # BLS's May 2025 OEWS file, the same figure every command leads with
    assert (median["value"], median["year"], median["measure"]) == (51140, 2025, "median")
    assert (median["source"], median["flag"]) == ("oews-2025", "official")
    assert data["pay"]["median_hourly"]["value"] == 24.59
    # the newest spread, with its own year's median (the one above)
    spread = data["pay"]["spread"]
    assert {f["year"] for f in spread["figures"]} == {2025}
    assert [f["measure"] for f in spread["figures"]] == ["p10", "p25", "median", "p75", "p90"]
    assert [f["value"] for f in spread["figures"]] == [37000, 43490, 51140, 64820, 81150]
    assert median in spread["figures"]
    projection = data["facts"]["projection"]
    assert (projection["growth"]["value"], projection["all_occupations"]["value"]) == (7.1, 3.1)
    assert (projection["openings"]["value"], projection["source"]) == (14200, "ep-2024-34")
    assert [s["number"] for s in data["steps"]] == [1, 2, 3, 4, 5]
    educate = next(s for s in data["steps"] if s["id"] == "educate")
    assert {f["id"] for f in educate["duration"]["figures"]} >= {"duration-as-hit", "duration-aas-hit"}
    rule = data["choice_rule"]
    assert (rule["if_bachelor_later"], rule["if_no_bachelor_later"]) == ("AS", "AAS")
    assert data["accreditation"]["body"] == "CAHIIM"
    ids = [c["id"] for c in data["certifications"]]
    assert ids[0] == "RHIT" and {"RHIA", "CCS", "ODS", "CPC"} <= set(ids)
    assert [i["id"] for i in data["issuers"]] == ["AHIMA", "AAPC", "NCRA"]
    shares = [e["share"] for e in data["employers"]]
    assert len({(s["year"], s["source"]) for s in shares}) == 1  # one table, one year
    assert [s["value"] for s in shares] == sorted((s["value"] for s in shares), reverse=True)
    assert data["facts"]["projection"]["growth"]["value"] == 7.1
    # every source the records cite is listed, and nothing else
    cited = {v for k, v in _walk(data) if k == "source"}
    assert set(data["sources"]) == cited


def _walk(obj: Any) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key == "sources":
                continue
            found.append((key, value))
            found += _walk(value)
    elif isinstance(obj, list):
        for item in obj:
            found += _walk(item)
    return found


def test_handout_in_the_terminal(cli: Any) -> None:
    result = cli("handout", env={"COLUMNS": "100"})
    assert result.exit_code == 0 and result.stderr == ""
    out = result.stdout
    order = [
        "The answer now",
        "The steps",
        "Which degree",
        "Credentials",
        "Pay, outlook and workplaces",
        "Sources",
    ]
    headings = [line.rstrip(" \u2500") for line in out.splitlines() if line.rstrip(" \u2500") in order]
    assert headings == order
    assert "$51,140/yr" in out and "AS or AAS?" in out and "CAHIIM" in out
    assert "AAPC" in out and "36 CEUs every 2 years" in out  # a table per issuer
    assert re.search(r"Hospitals \(state, local and\s+private\) 34%", out)
    assert "mrt-guide plan" in out  # the terminal keeps its pointer to the next command


def test_handout_at_40_columns_has_no_line_wider(cli: Any) -> None:
    """Nothing is wider than 40 columns but a source's address, which is printed whole on a
    line of its own (the terminal wraps it; a break inside it would make it unusable)."""
    result = cli("handout", env={"COLUMNS": "40"})
    assert result.exit_code == 0
    wide = [line for line in result.stdout.splitlines() if len(line) > 40]
    assert all(re.fullmatch(r"  https?://\S+", line) for line in wide), wide
    assert "$51,140/yr" in result.stdout


@pytest.mark.parametrize("command", ["handout", "guide"])
def test_html_is_a_semantic_standalone_page(export: Any, command: str) -> None:
    html = export(command, f"{command}.html")
    page = Page(html)
    title = page.words("title")
    assert page.words("h1") == title and title.startswith("Medical Records Technician")
    assert len(page.all("h2")) >= 6
    assert page.all("table") and all(th.get("scope") in ("col", "row") for th in page.all("th"))
    assert not page.all("pre") and "<br><br>" not in html
    # nothing loaded from the network: no scripts, images, frames, stylesheets or fonts
    for tag in ("script", "img", "iframe", "link", "object", "embed"):
        assert not page.all(tag), tag
    assert not re.search(r"@import|@font-face|url\(", html)
    assert len(page.all("style")) == 1
    css = page.words("style")
    assert "@page" in css and "@media print" in css and "break-inside: avoid" in css
    assert "max-width: 600px" in css  # a phone gets its own layout
    meta = page.words("p")
    assert re.search(
        r"Data as of May 2025 \(the newest figure shown\) · Printed \d{4}-\d\d-\d\d · "
        r"mrt-guide \d+\.\d+\.\d+",
        meta,
    )
    links = [a["href"] for a in page.all("a")]
    assert links and all(str(h).startswith(("https://", "http://")) for h in links)
    assert (
        "https://www.bls.gov/ooh/Healthcare/Medical-records-and-health-information-technicians.htm" in links
    )


def test_html_keeps_terminal_hints_off_paper(export: Any) -> None:
    html = export("handout", "handout.html")
    body, _, box = html.partition('<aside class="terminal">')
    assert "mrt-guide plan" not in body and "mrt-guide guide" not in body
    assert "mrt-guide plan" in box  # one short box at the end, for a browser only
    assert re.search(r"@media print \{[^@]*\.terminal \{ display: none; \}", html)
    guide = export("guide", "guide.html")
    body = guide.partition('<aside class="terminal">')[0]
    assert "More: mrt-guide" not in body and "Next: mrt-guide" not in body


def test_html_colours_meet_wcag_aa_on_white() -> None:
    """Every text colour the stylesheet sets has a contrast of at least 4.5:1 on white (and
    on the table header's tint)."""
    from mrt_guide.render.to_html import STYLE

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    def contrast(a: str, b: str) -> float:
        la, lb = sorted((luminance(a), luminance(b)), reverse=True)
        return (la + 0.05) / (lb + 0.05)

    colours = re.findall(r"(?<![-\w])color: (#[0-9a-f]{6})", STYLE)
    assert len(colours) >= 6
    for colour in colours:
        for background in ("#ffffff", "#eef1f5", "#f1f3f5"):
            assert contrast(colour, background) >= 4.5, (colour, background)


def test_markdown_reads_as_commonmark(export: Any) -> None:
    text = export("handout", "handout.md")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    kinds = {t.type for t in tokens}
    assert {"heading_open", "table_open", "ordered_list_open", "bullet_list_open"} <= kinds
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[:3] == [
        "Medical Records Technician: the career at a glance",
        "The answer now",
        "The steps",
    ]
    assert "<br" not in text  # hard breaks are CommonMark's own, never HTML inside a list item
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "$51,140/yr" in html and "<th>Credential</th>" in html


def test_svg_export_is_light_and_loads_no_fonts(export: Any) -> None:
    svg = export("handout", "handout.svg")
    assert svg.lstrip().startswith("<svg")
    assert "googleapis" not in svg and "@font-face" not in svg and not re.search(r"url\((?!#)", svg)
    fills = re.findall(r'fill="(#[0-9a-f]{6})"', svg)
    background = fills[0] if fills else ""
    assert background.lower() in ("#ffffff", "#fafafa", "#f8f8f8"), background[:20]
