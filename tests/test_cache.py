"""Validation stays off the fast path without ever going stale: the bundled dataset ships
validated, a custom one is cached under a key of everything that decides validity, and an
entry that cannot be trusted means "validate again"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mrt_guide.dataset import cache, load

from .conftest import DATA


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often the models run."""
    from mrt_guide.dataset import validate as validate_module

    calls = {"validate": 0}
    real = validate_module.validate

    def counting(*args: Any) -> Any:
        calls["validate"] += 1
        return real(*args)

    monkeypatch.setattr(validate_module, "validate", counting)
    return calls


def fresh_process() -> None:
    load._loaded.clear()


def entries() -> list[Path]:
    folder = cache.folder()
    assert folder is not None
    return sorted(folder.glob("dataset-*.json")) if folder.exists() else []


def test_the_bundled_dataset_runs_no_model_and_writes_no_cache(cli: Any, counted: dict[str, int]) -> None:
    assert cli("guide", "--json").exit_code == 0
    assert counted["validate"] == 0
    assert entries() == []


def test_a_custom_dataset_is_validated_once_then_read_from_the_cache(
    cli: Any, data_copy: Any, counted: dict[str, int]
) -> None:
    directory = data_copy()
    assert cli("--data", str(directory), "guide", "--json").exit_code == 0  # every section's query
    assert counted["validate"] == 1
    [entry] = entries()
    assert entry.stat().st_mode & 0o777 == 0o600
    assert entry.parent.stat().st_mode & 0o777 == 0o700
    fresh_process()
    assert cli("--data", str(directory), "salary", "--json").exit_code == 0
    assert counted["validate"] == 1


def test_an_edited_dataset_is_validated_again(cli: Any, data_copy: Any) -> None:
    directory = data_copy()
    assert cli("--data", str(directory), "salary").exit_code == 0
    pay = directory / "pay.json"
    pay.write_text(pay.read_text("utf-8").replace('"value": 37110', '"value": -1'), "utf-8")
    fresh_process()
    result = cli("--data", str(directory), "salary")
    assert result.exit_code == 65 and "value -1 is outside the range" in result.stderr


def test_new_validating_code_validates_again(
    cli: Any, data_copy: Any, monkeypatch: pytest.MonkeyPatch, counted: dict[str, int]
) -> None:
    """An upgrade that adds a check must not be skipped by what older code cached: here a
    dataset that gives the RHIA the alias RHIT, cached by a release without the clash check."""
    directory = data_copy(
        "certifications.json",
        lambda d: next(c for c in d["certifications"] if c["id"] == "RHIA")["aliases"].append("RHIT"),
    )
    raw, _ = load.read_raw(directory)
    sections, index, faults = load.check_dir(DATA)  # what the older release would have cached
    assert not faults
    rhia = next(c for c in sections["certifications"]["certifications"] if c["id"] == "RHIA")
    rhia["aliases"].append("RHIT")
    monkeypatch.setattr(cache, "code_digest", lambda with_pydantic=True: "an older release")
    cache.put(cache.key(raw), sections, index)
    monkeypatch.undo()
    result = cli("--data", str(directory), "certs", "RHIT", "--json")
    assert result.exit_code == 65 and "Name 'RHIT' is already used" in result.stderr
    assert counted["validate"] == 1


def test_the_key_covers_the_code_pydantic_and_the_version(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = {"pay": b"{}"}
    base = cache.key(raw)
    assert cache.key({"pay": b"{} "}) != base
    assert cache.key({"pay": None}) != cache.key({"pay": b""})
    monkeypatch.setattr(cache, "__version__", "9.9.9")
    assert cache.key(raw) != base
    monkeypatch.undo()
    monkeypatch.setattr(cache, "_pydantic_version", lambda: b"VERSION = '3.0.0'")
    assert cache.key(raw) != base
    assert cache.key(raw, cache.code_digest(with_pydantic=False)) == cache.key(
        raw, cache.code_digest(with_pydantic=False)
    )


def test_the_key_covers_every_module_that_validates() -> None:
    """Every mrt_guide module the validator imports is part of the code digest."""
    code = (
        "import sys; import mrt_guide.dataset.validate, mrt_guide.dataset.load; "
        "print('\\n'.join(sorted(m for m in sys.modules if m.startswith('mrt_guide'))))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    files = {p.name for p in cache._code_files()}
    for module in loaded.stdout.split():
        if module in ("mrt_guide", "mrt_guide.status"):
            continue  # the version is keyed itself; status holds exit codes only
        name = "__init__" if module == "mrt_guide.dataset" else module.rsplit(".", 1)[-1]
        assert f"{name}.py" in files, module


@pytest.mark.parametrize("damage", ["garbage", "other-key", "fifo", "symlink", "world-writable", "huge"])
def test_an_entry_not_to_trust_means_validate_again(
    cli: Any, data_copy: Any, counted: dict[str, int], damage: str
) -> None:
    directory = data_copy()
    assert cli("--data", str(directory), "salary", "--json").exit_code == 0
    [entry] = entries()
    text = entry.read_text("utf-8")
    entry.unlink()
    if damage == "garbage":
        entry.write_text(text[: len(text) // 2], "utf-8")
    elif damage == "other-key":
        forged = json.loads(text)
        forged["key"] = "0" * 64
        entry.write_text(json.dumps(forged), "utf-8")
    elif damage == "fifo":
        os.mkfifo(entry)
    elif damage == "symlink":
        target = entry.with_name("elsewhere.json")
        target.write_text(text, "utf-8")
        entry.symlink_to(target)
    elif damage == "world-writable":
        entry.write_text(text, "utf-8")
        entry.chmod(0o666)
    elif damage == "huge":
        with open(entry, "wb") as fh:
            fh.truncate(100 * 1024 * 1024)
    fresh_process()
    result = cli("--data", str(directory), "salary", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    assert counted["validate"] == 2


def test_no_temporary_name_to_plant_a_symlink_on(cli: Any, data_copy: Any, tmp_path: Path) -> None:
    """The entry is written through mkstemp's unpredictable name: a planted link is never followed."""
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", "utf-8")
    folder = cache.folder()
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    for pid in range(os.getpid() - 5, os.getpid() + 5):
        (folder / f"validated.{pid}.tmp").symlink_to(victim)
    assert cli("--data", str(data_copy()), "salary").exit_code == 0
    assert victim.read_text("utf-8") == "precious\n"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"MRT_GUIDE_CACHE_DIR": "relative/cache"}, None),
        ({"XDG_CACHE_HOME": "cache", "HOME": "{home}"}, "{home}/.cache/mrt-guide"),
        ({"XDG_CACHE_HOME": "{home}/xdg", "HOME": "{home}"}, "{home}/xdg/mrt-guide"),
        ({"HOME": "{home}/does-not-exist"}, None),
        ({"HOME": "/"}, None),
    ],
    ids=["relative-own", "relative-xdg", "absolute-xdg", "missing-home", "root-home"],
)
def test_the_cache_folder_follows_xdg_and_never_lands_in_odd_places(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, env: dict[str, str], expected: str | None
) -> None:
    for var in ("MRT_GUIDE_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(var, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value.format(home=tmp_path))
    folder = cache.folder()
    assert (None if folder is None else str(folder)) == (expected and expected.format(home=tmp_path))


def test_no_cache_folder_still_works(cli: Any, data_copy: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MRT_GUIDE_CACHE_DIR", "not/absolute")
    directory = data_copy()
    assert cli("--data", str(directory), "salary", "--json").exit_code == 0
    assert not Path("not").exists()


def test_the_shipped_normalised_dataset_is_ignored_once_data_changes(
    cli: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, counted: dict[str, int]
) -> None:
    """Edit data/ in a checkout and forget to rebuild bundled.json: the edit still shows."""
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    pay = copy / "pay.json"
    pay.write_text(pay.read_text("utf-8").replace('"value": 50250', '"value": 50251'), "utf-8")
    monkeypatch.setattr(load, "bundled_dir", lambda: copy)
    result = cli("salary", "--json")
    assert result.exit_code == 0 and "50251" in result.stdout
    assert counted["validate"] == 1
