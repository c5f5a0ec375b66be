"""``ce status`` and ``ce report`` return codes and numbers (schema 2, issue 21 item 9); the
views in ``mrt_guide/views/ce`` word them. ``phrased`` adds each coded field's wording beside
it (keys ending ``_words``), so a test can check the codes and the sentences a holder reads."""

from __future__ import annotations

from typing import Any

from mrt_guide.views.ce import check_detail, needed_text, note_text, warning_text


def phrased(data: dict[str, Any]) -> dict[str, Any]:
    words = data["tag_words"]
    on = data.get("on") or data.get("generated") or ""
    for c in data["cycles"]:
        c["needed_words"] = needed_text(c["needed"], words)
        c["note_words"] = [note_text(n, c["unit"]) for n in c["notes"]]
        c["warning_words"] = [warning_text(w) for w in c["warnings"]]
        for k in c["checks"]:
            k["detail_words"] = check_detail(k, c["unit"], words)
    data["note_words"] = [note_text(n, on=on) for n in data["notes"]]
    return data
