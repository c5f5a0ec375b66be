"""Issue 21 item 10: ``ce status`` sums each rule's credits in SQL (``Log.tally``) instead of
reading every activity into Python. The sums must be exactly what counting the activities one
by one gives (AHIMA's whole hours with a remainder of 45 minutes or more counting as one,
NCRA's hours as they are, certificate credits as given, marks, several credentials of one
issuer counted once), and no activity row may be read."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from mrt_guide.dataset.load import bundled_dir, load
from mrt_guide.queries import ce as q
from mrt_guide.store import ce as store


def _log(cli: Any, count: int, seed: int) -> None:
    for cred, earned in (("RHIT", "2019-01-04"), ("CCS", "2020-06-01"), ("ODS", "2021-06-20")):
        assert cli("ce", "credential", "add", cred, "--earned", earned).exit_code == 0
    rng = random.Random(seed)
    for n in range(count):
        day = dt.date(2019, 1, 4) + dt.timedelta(days=rng.randrange(7 * 365))
        amount = (
            ["--ceus", str(rng.choice([0.5, 1, 1.25, 2, 3]))]
            if n % 3 == 0
            else ["--minutes", str(rng.choice([30, 44, 45, 59, 60, 104, 105, 150, 165, 240]))]
        )
        args = ["ce", "add", "--title", f"A{n}", "--date", day.isoformat(), *amount]
        if n % 4 == 0:
            args += ["--for", "ODS", *(["--tag", "category_a"] if n % 8 == 0 else [])]
            args += ["--tag", "in_person"] if n % 3 == 0 else []
        else:
            args += ["--for", rng.choice(["RHIT", "CCS"])] + (["--for", "RHIT"] if n % 5 == 0 else [])
            args += ["--tag", "ahima_source"] if n % 2 == 0 else []
            args += ["--no-tag", "in_domain"] if n % 7 == 0 else []
        result = cli(*args)
        assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("on", ["2019-06-01", "2021-01-03", "2022-02-01", "2024-12-31", "2025-12-31"])
def test_the_sql_sums_are_what_counting_each_activity_gives(cli: Any, on: str) -> None:
    _log(cli, 160, seed=21)
    ds = load(bundled_dir())
    day = dt.date.fromisoformat(on)
    with store.opened(write=False) as log:
        held, recorded = log.credentials(), log.recorded_cycles()
        summed = q.status(ds, held, recorded, log.tally, day)
        counted = q.status(ds, held, recorded, log.activities(until=on), day)
    assert summed == counted
    assert [c["issuer"] for c in summed["cycles"]] and all(
        c["activities"] > 0 for c in summed["cycles"] if c["start"] < "2024-01-01"
    )
    assert any(k["earned"] > 0 for c in summed["cycles"] for k in c["checks"] if k["tag"] is not None)
    notes = {(c["issuer"], n["code"]) for c in summed["cycles"] for n in c["notes"]}
    assert ("AHIMA", "counting") in notes  # AHIMA's rule
    if on >= "2022-01-01":  # the ODS holder's cycle has begun: its time counts one per hour
        assert ("NCRA", "no-counting") in notes


def test_a_tally_counts_a_remainder_of_45_minutes_and_a_mark_exactly(cli: Any) -> None:
    assert cli("ce", "credential", "add", "RHIT", "--earned", "2024-04-02").exit_code == 0
    for minutes in ("44", "45", "165"):  # 0, 1 and 3 CEUs by AHIMA's rule
        assert cli("ce", "add", "--title", "T", "--date", "2024-05-01", "--minutes", minutes).exit_code == 0
    assert cli("ce", "add", "--title", "C", "--date", "2024-05-02", "--ceus", "1.25", "--tag", "ahima_source")
    with store.opened(write=False) as log:
        cuts = ["2024-04-02", "2024-05-01", "2024-05-02", "2024-05-03", "2024-06-02"]
        # part 2 is 1 May: 0 + 1 + 3 CEUs by AHIMA's rule; part 3 is 2 May: the certificate's 1.25
        assert sorted(log.tally(["RHIT"], (60, 45), cuts)) == [
            (2, "in_domain", 4.0, 3, True),
            (3, "ahima_source in_domain", 1.25, 1, False),
        ]
        hourly = sorted(log.tally(["RHIT"], None, cuts))  # no counting rule: one per hour
        assert [(p[0], p[2], p[3]) for p in hourly] == [(2, pytest.approx(254 / 60), 3), (3, 1.25, 1)]
        assert log.tally(["RHIT"], (60, 45), ["2024-05-02", "2024-05-03"]) == [
            (1, "ahima_source in_domain", 1.25, 1, False)
        ]
        assert log.tally(["RHIT"], (60, 45), ["2024-06-02", "2024-07-01"]) == []
        assert log.tally(["CCS"], (60, 45), cuts) == []
        assert log.tally([], (60, 45), cuts) == []
        assert log.tally(["RHIT"], (60, 45), cuts[:1]) == []


def test_ce_status_reads_no_activity_row(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    _log(cli, 40, seed=3)
    seen: list[tuple[str, int]] = []
    read = store.Log._read

    def spy(self: store.Log, sql: str, args: Any = ()) -> list[Any]:
        rows = read(self, sql, args)
        seen.append((sql, len(rows)))
        return rows

    def refuse(*_: Any, **__: Any) -> Any:
        raise AssertionError("ce status read the activities")

    monkeypatch.setattr(store.Log, "_read", spy)
    monkeypatch.setattr(store.Log, "activities", refuse)
    result = cli("ce", "status", "--on", "2025-06-01", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    on_activities = [(sql, n) for sql, n in seen if "FROM activities" in sql]
    # one pass per issuer (AHIMA, NCRA), each a few rows of sums (a part of a cycle, a set of marks)
    assert len(on_activities) == 2
    assert all("TOTAL(" in sql and "GROUP BY" in sql and 1 <= n <= 12 for sql, n in on_activities)
