"""The tag stage's optional mypyc build (ingest/tag/native.py): loaded only for the exact sources it was built
from, never when plain Python is asked for, and tagging exactly as the plain modules do."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.tag import native

PASSAGES = Path(__file__).parent / "data" / "tagging" / "passages.jsonl"


@pytest.fixture
def builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty place for builds, and a sys.path that activate() may change."""
    monkeypatch.setenv(native.ROOT_ENV, str(tmp_path))
    monkeypatch.delenv(native.PURE_ENV, raising=False)
    monkeypatch.setattr(sys, "path", list(sys.path))
    return tmp_path


def _fake_build(root: Path, key: str, finished: bool = True) -> Path:
    folder = root / key
    (folder / "ingest" / "tag").mkdir(parents=True)
    if finished:
        (folder / "BUILD.json").write_text("{}")
    return folder


def test_the_key_follows_the_compiled_modules_sources_only(tmp_path: Path) -> None:
    copy = tmp_path / "tag"
    shutil.copytree(native.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.so", "data"))
    assert native.source_key(copy) == native.source_key()
    (copy / "resources.py").write_text((copy / "resources.py").read_text() + "\n# plain Python, not compiled\n")
    assert native.source_key(copy) == native.source_key()
    (copy / "counts.py").write_text((copy / "counts.py").read_text() + "\n# an edit\n")
    assert native.source_key(copy) != native.source_key()


def test_without_a_build_plain_python_runs(builds: Path) -> None:
    path: list[str] = ["src/ingest/tag"]
    assert native.activate(path) is None
    assert path == ["src/ingest/tag"]
    assert "plain Python" in native.status()


def test_a_build_of_other_sources_or_an_unfinished_one_is_never_loaded(builds: Path) -> None:
    _fake_build(builds, "0" * 20)
    _fake_build(builds, native.source_key(), finished=False)
    path: list[str] = []
    assert native.activate(path) is None
    assert path == []


def test_the_build_of_these_sources_goes_first_unless_plain_python_is_asked_for(
    builds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _fake_build(builds, native.source_key())
    path: list[str] = ["src/ingest/tag"]
    assert native.activate(path) == folder
    assert path == [str(folder / "ingest" / "tag"), "src/ingest/tag"]
    assert str(folder) in sys.path
    assert native.status() == f"compiled by mypyc: {folder}"
    monkeypatch.setenv(native.PURE_ENV, "1")
    again: list[str] = []
    assert native.activate(again) is None and again == []
    assert "INGEST_TAG_PURE" in native.status()


def test_a_finished_build_of_these_sources_is_not_made_again(
    builds: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _fake_build(builds, native.source_key())
    monkeypatch.setitem(sys.modules, "mypy", None)  # (not needed: nothing is compiled)
    monkeypatch.setitem(sys.modules, "mypy.version", None)
    assert native.build() == folder
    assert native.main(["build"]) == 0
    assert str(folder) in capsys.readouterr().out
    with pytest.raises(native.BuildError, match="mypy"):
        native.build(force=True)


def test_a_build_without_mypy_fails_clearly(
    builds: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "mypy", None)  # import mypy.version now raises ImportError
    monkeypatch.setitem(sys.modules, "mypy.version", None)
    with pytest.raises(native.BuildError, match="mypy"):
        native.build()
    assert native.main(["build"]) == 1
    assert "stays plain Python" in capsys.readouterr().err
    assert native.main(["nonsense"]) == 2
    assert list(builds.iterdir()) == []


_DUMP = """
import dataclasses, datetime, json, sys
from ingest.tag import native, tag_article
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
day = datetime.date(2024, 3, 12)
events = [[dataclasses.astuple(e) for e in tag_article(t, published=day).events] for t in texts]
print(json.dumps({"compiled": native.compiled(), "events": events}, default=str))
"""


def _dump(pure: bool) -> dict:
    env = {**os.environ, native.PURE_ENV: "1" if pure else ""}
    done = subprocess.run([sys.executable, "-c", _DUMP, str(PASSAGES)], capture_output=True, text=True, env=env,
                          check=True, timeout=300)  # fmt: skip
    return json.loads(done.stdout)


@pytest.mark.skipif(
    native.pure_requested() or native.build_for_sources() is None,
    reason="no compiled build of these sources (make builds one; `python -m ingest.tag build`): plain Python runs",
)
def test_the_compiled_build_tags_every_passage_as_plain_python_does() -> None:
    compiled, plain = _dump(pure=False), _dump(pure=True)
    assert compiled["compiled"] and not plain["compiled"]
    assert sum(map(len, plain["events"])) > 1000
    assert compiled["events"] == plain["events"]


def _can_compile() -> bool:
    """mypyc and a C toolchain are here (the dev extra installs mypy; CI machines have gcc and the Python headers)."""
    import importlib.util
    import sysconfig

    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    compiler = shutil.which("cc") or shutil.which("gcc")
    return importlib.util.find_spec("mypyc") is not None and headers.exists() and compiler is not None


@pytest.mark.skipif(not os.environ.get("CI"), reason="CI only: `make` builds the tag stage before the tests run there")
@pytest.mark.skipif(not _can_compile(), reason="no mypyc or no C toolchain here: plain Python is the tag stage")
def test_ci_runs_the_compiled_build_of_these_sources() -> None:
    """Where mypyc can build, a source it rejects (a type error at compile time) must fail CI, not quietly leave the
    tag stage running as plain Python at a sixth less speed."""
    assert not native.pure_requested()
    built = native.build_for_sources()
    assert built is not None, "mypyc could not build the tag stage: see `python -m ingest.tag build`"
