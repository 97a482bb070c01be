"""The tag stage compiled to C by mypyc, used only when a build of exactly these sources is installed.

The tagger is plain, typed Python. Compiled by mypyc (the compiler mypy itself ships built with), the same
source tags about 1.2x faster and gives the same events. ``python -m ingest.tag build`` (run by ``make``)
compiles the modules in :data:`COMPILED` into ``<sys.prefix>/ingest-native/<key>/``, where the key hashes
their source and the interpreter. ``ingest/tag/__init__.py`` puts that folder first on the package's path only
when the key of the sources as they are now has a build: an edited module runs as plain Python at once, never
as a stale build. Without a build (no C compiler, no mypy) the plain modules run, with the same results;
``INGEST_TAG_PURE=1`` turns a build off.

Usage: python -m ingest.tag build [--force] | status
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

# The modules that run per sentence; the data loading (resources) and the result classes (model, pickled between
# the pipeline's processes) stay plain Python.
COMPILED = ("prefilter", "text", "rules", "counts", "clauses", "places", "actors", "dates", "relevance", "tagger")
PACKAGE = Path(__file__).resolve().parent
PURE_ENV = "INGEST_TAG_PURE"  # set (to anything but "" or "0"): never load a build
ROOT_ENV = "INGEST_NATIVE_DIR"  # where builds live, instead of <sys.prefix>/ingest-native
_MARKER = "BUILD.json"  # written last: a folder without it is a build that did not finish


class BuildError(RuntimeError):
    """The compiled build could not be made; the plain Python modules keep running."""


def builds_root() -> Path:
    return Path(os.environ.get(ROOT_ENV) or Path(sys.prefix) / "ingest-native")


def source_key(package: Path = PACKAGE) -> str:
    """What a build is valid for: the compiled modules' source, this interpreter and this platform."""
    digest = hashlib.sha256(f"{sys.implementation.cache_tag} {sysconfig.get_platform()}".encode())
    for name in COMPILED:
        digest.update(f"\0{name}\0".encode())
        digest.update((package / f"{name}.py").read_bytes())
    return digest.hexdigest()[:20]


def pure_requested() -> bool:
    return os.environ.get(PURE_ENV, "") not in ("", "0")


def build_for_sources(package: Path = PACKAGE) -> Path | None:
    """The finished build of these sources, if there is one."""
    folder = builds_root() / source_key(package)
    return folder if (folder / _MARKER).is_file() else None


def activate(package_path: list[str]) -> Path | None:
    """Put the build of the current sources first on the tag package's `package_path` (its ``__path__``); its
    shared runtime library goes on ``sys.path``. Returns the build's folder, or None when plain Python runs."""
    if pure_requested():
        return None
    folder = build_for_sources()
    if folder is None:
        return None
    modules = str(folder / "ingest" / "tag")
    if modules not in package_path:
        package_path.insert(0, modules)
    if str(folder) not in sys.path:
        sys.path.append(str(folder))  # mypyc's runtime for the modules is one top-level extension module
    return folder


def compiled() -> bool:
    """Is the tagger that this process imported the compiled one?"""
    from ingest.tag import tagger

    return str(tagger.__file__).endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def build(package: Path = PACKAGE, force: bool = False) -> Path:
    """Compile the modules of `package` and install the build under :func:`builds_root` (older builds are
    removed), unless a finished build of these sources is there already (`force`: build anyway). The build is
    checked in a fresh process before it counts: it must import and tag the probe."""
    key = source_key(package)
    root = builds_root()
    if not force and (root / key / _MARKER).is_file():
        return root / key
    try:
        import mypy.version
    except ImportError as exc:
        raise BuildError("mypy (which brings mypyc) is not installed: pip install -e '.[dev]'") from exc
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"cannot create {root}: {exc}") from exc
    with tempfile.TemporaryDirectory(prefix="ingest-native-") as tmp:
        work = Path(tmp)
        (work / "ingest" / "tag").mkdir(parents=True)
        (work / "ingest" / "__init__.py").write_text("")
        for source in package.glob("*.py"):  # the plain modules too: mypy reads them for their types
            shutil.copy2(source, work / "ingest" / "tag" / source.name)
        command = [sys.executable, "-m", "mypyc", "--ignore-missing-imports",
                   *(f"ingest/tag/{name}.py" for name in COMPILED)]  # fmt: skip
        done = subprocess.run(command, cwd=work, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
            raise BuildError(f"mypyc failed (exit {done.returncode}):\n{tail}")
        stage_root = root / f".staging-{os.getpid()}"  # the build is checked there before it is installed
        staging = stage_root / key
        shutil.rmtree(stage_root, ignore_errors=True)
        (staging / "ingest" / "tag").mkdir(parents=True)
        suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
        for name in COMPILED:
            (made,) = [p for p in (work / "ingest" / "tag").glob(f"{name}.*") if p.name.endswith(suffixes)]
            shutil.move(made, staging / "ingest" / "tag" / made.name)
        for runtime in work.glob("*__mypyc*"):  # the modules' shared runtime library
            shutil.move(runtime, staging / runtime.name)
    info = {"key": key, "modules": list(COMPILED), "mypy": mypy.version.__version__, "python": sys.version,
            "built": time.strftime("%Y-%m-%dT%H:%M:%S%z")}  # fmt: skip
    (staging / _MARKER).write_text(json.dumps(info, indent=1) + "\n")
    folder = root / key
    try:
        _check(stage_root)
        if not (folder / _MARKER).is_file():  # (another build of the same sources may have finished first)
            shutil.rmtree(folder, ignore_errors=True)
            os.replace(staging, folder)
    finally:
        shutil.rmtree(stage_root, ignore_errors=True)
    for old in root.iterdir():  # builds of other sources are never loaded again
        if old.is_dir() and old.name != key and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)
    return folder


def _check(stage_root: Path) -> None:
    """Load the staged build in a fresh process and let the tagger tag its probe sentence (its own load check):
    a build that fails here is never installed."""
    probe = (
        "from ingest.tag import native\n"
        "from ingest.tag.tagger import _resources_ready\n"
        "_resources_ready()\n"
        "assert native.compiled(), 'the build did not load'\n"
    )
    env = {**os.environ, ROOT_ENV: str(stage_root), PURE_ENV: ""}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-8:])
        raise BuildError(f"the compiled build does not load or tag:\n{tail}")


def status() -> str:
    folder = build_for_sources()
    if pure_requested():
        return f"plain Python ({PURE_ENV} is set)"
    if folder is None:
        return f"plain Python (no build of these sources in {builds_root()}: python -m ingest.tag build)"
    return f"compiled by mypyc: {folder}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["status"]:
        print(f"tag stage: {status()}")
        return 0
    if args not in (["build"], ["build", "--force"]):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    started = time.monotonic()
    try:
        folder = build(force="--force" in args)
    except BuildError as exc:
        print(f"tag stage stays plain Python (same results, slower): {exc}", file=sys.stderr)
        return 1
    print(f"tag stage compiled by mypyc in {time.monotonic() - started:.0f} s: {folder}")
    return 0
