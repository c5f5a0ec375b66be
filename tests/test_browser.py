"""The printed handout and the guide's web page, checked in a real browser.

Headless Chromium (Debian's ``chromium`` package) prints ``handout.html`` to PDF on Letter
and on A4; poppler's ``pdfinfo`` counts the pages and ``pdftotext`` reads them back. A
phone-width window checks that no page scrolls sideways. ``.ci/run`` installs both
packages with apt-get when they are missing; these tests are skipped, with that reason,
only where they cannot be installed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and POPPLER),
    reason="needs headless Chromium and poppler-utils (apt-get install chromium poppler-utils; .ci/run does)",
)

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
]


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """``exports(command, name)``: the file ``mrt-guide COMMAND --export NAME`` writes, made
    once per module by the installed program in a process of its own."""
    folder = tmp_path_factory.mktemp("exports")
    env = {**os.environ, "MRT_GUIDE_CACHE_DIR": str(folder / "cache"), "MRT_GUIDE_HOME": str(folder / "home")}
    made: dict[tuple[str, str], Path] = {}

    def export(command: str, name: str) -> Path:
        if (command, name) not in made:
            path = folder / name
            run = subprocess.run(
                [sys.executable, "-m", "mrt_guide", command, "--export", str(path)],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert run.returncode == 0, run.stderr
            made[command, name] = path
        return made[command, name]

    return export


def chromium(tmp: Path, *args: str, timeout: int = 90) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM
    profile = tmp / "profile"
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )


def with_head(page: Path, target: Path, extra: str) -> Path:
    """A copy of ``page`` with ``extra`` added at the end of its head (a paper size, a probe)."""
    html = page.read_text(encoding="utf-8")
    assert "</head>" in html
    target.write_text(html.replace("</head>", f"{extra}</head>", 1), encoding="utf-8")
    return target


def print_pdf(page: Path, tmp: Path, size: str) -> Path:
    """``page`` printed to PDF by Chromium on paper of ``size`` (``letter`` or ``A4``)."""
    copy = with_head(page, tmp / f"{page.stem}-{size}.html", f"<style>@page {{ size: {size}; }}</style>")
    pdf = tmp / f"{page.stem}-{size}.pdf"
    chromium(tmp, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", copy.as_uri())
    assert pdf.stat().st_size > 1000
    return pdf


def pages(pdf: Path) -> list[str]:
    """The text of each page."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, count + 1)
    ]


def paper_size(pdf: Path) -> str:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return re.search(r"^Page size:\s+(.*)$", info, re.M).group(1)  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def handout_facts() -> dict[str, object]:
    run = subprocess.run(
        [sys.executable, "-m", "mrt_guide", "handout", "--json"], capture_output=True, text=True, check=True
    )
    data: dict[str, object] = json.loads(run.stdout)
    return data


@pytest.mark.parametrize(("size", "points"), [("letter", "(letter)"), ("A4", "(A4)")])
def test_handout_prints_on_two_pages_at_most(
    exports: Callable[..., Path], handout_facts: dict[str, object], tmp_path: Path, size: str, points: str
) -> None:
    pdf = print_pdf(exports("handout", "handout.html"), tmp_path, size)
    assert paper_size(pdf).endswith(points)
    text = pages(pdf)
    assert 1 <= len(text) <= 2, f"{len(text)} pages on {size}"
    whole = re.sub(r"\s+", " ", "\n".join(text))
    median = handout_facts["pay"]["median_annual"]  # type: ignore[index]
    assert f"${median['value']:,}" in whole  # the newest median, BLS's May 2025 file
    assert median["year"] == 2025 and "$51,140" in whole
    for word in ("RHIT", "CAHIIM", "Sources", "Printed 20", "mrt-guide 0."):
        assert word in whole, word
    as_of = re.search(r"Data as of May (\d{4}) \(the newest figure shown\)", whole)
    assert as_of and int(as_of.group(1)) == median["year"]
    for key, source in handout_facts["sources"].items():  # type: ignore[attr-defined]
        assert key in whole, key
        if source["url"]:
            # printed whole (a long address may wrap but never loses a part)
            assert source["url"].replace("-", "")[:40] in whole.replace(" ", "").replace("-", "")
    # no terminal hints on paper
    assert "mrt-guide plan" not in whole and "In the terminal" not in whole


def test_guide_pay_table_stays_on_one_page(exports: Callable[..., Path], tmp_path: Path) -> None:
    pdf = print_pdf(exports("guide", "guide.html"), tmp_path, "letter")
    text = pages(pdf)
    assert len(text) > 5  # the whole guide, not a stub
    holding = [n for n, page in enumerate(text) if "Median annual pay, newest first" in page]
    assert len(holding) == 1, holding
    page = text[holding[0]]
    for value in ("$37,110/yr", "$50,250/yr", "$51,140/yr"):
        assert value in page, value
    assert all("Median annual pay, newest first" not in p for n, p in enumerate(text) if n != holding[0])


PROBE = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe id="page" style="border:0;width:WIDTHpx;height:900px" srcdoc="PAGE"></iframe>
<script>
document.getElementById("page").addEventListener("load", (event) => {
  const doc = event.target.contentDocument;
  const out = document.createElement("output");
  out.id = "probe";
  out.textContent = JSON.stringify({
    scroll: doc.documentElement.scrollWidth, client: doc.documentElement.clientWidth,
    widest: Math.max(...[...doc.querySelectorAll("main *")].filter((e) => !e.closest("thead"))
      .map((e) => e.getBoundingClientRect().right)),
    remote: doc.querySelectorAll("[src],link[href],img,iframe").length,
    fonts: [...doc.fonts].length});
  document.body.append(out);
});
</script></body></html>"""


@pytest.mark.parametrize("command", ["handout", "guide"])
@pytest.mark.parametrize("width", [360, 1280])
def test_no_sideways_scrolling(
    exports: Callable[..., Path], tmp_path: Path, command: str, width: int
) -> None:
    """The page, in a frame as wide as a phone (360 px) or a desktop window, is no wider
    than the frame: nothing scrolls sideways, not even a table inside its box (a phone
    gets each row as lines of "header: value"; the hidden header row aside), and nothing
    is loaded from elsewhere."""
    from html import escape

    html = exports(command, f"{command}.html").read_text(encoding="utf-8")
    probe = tmp_path / "probe.html"
    probe.write_text(PROBE.replace("WIDTH", str(width)).replace("PAGE", escape(html, quote=True)), "utf-8")
    dom = chromium(tmp_path, "--window-size=1400,1000", "--dump-dom", probe.as_uri()).stdout
    found = re.search(r'<output id="probe">(.*?)</output>', dom)
    assert found, dom[-500:]
    measured = json.loads(found.group(1).replace("&quot;", '"'))
    assert measured["client"] == width, measured
    assert measured["scroll"] <= width, measured
    assert measured["widest"] <= width, measured
    assert measured["remote"] == 0 and measured["fonts"] == 0, measured
