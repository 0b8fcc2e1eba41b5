"""An installed kg works without the source tree: the wheel carries its resources."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: What a wheel is built from; kg/resources links into the rest.
SOURCES = ["kg", "pyproject.toml", "README.md", "ontology.ttl", "shapes.ttl", "data/lexicons",
           "queries/cq"]  # fmt: skip


def test_an_installed_wheel_builds_and_answers_without_the_source_tree(tmp_path: Path) -> None:
    source = tmp_path / "source"
    for name in SOURCES:
        path, target = ROOT / name, source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            shutil.copytree(
                path, target, symlinks=True, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(path, target)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", str(source), "--no-deps", "--no-build-isolation", "-w", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("kg-*.whl")
    site = tmp_path / "site"
    subprocess.run(
        [*pip, "install", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    shutil.rmtree(source)  # nothing left to read but the installed package
    article = tmp_path / "work" / "zhengzhou-2023-01-16.txt"
    article.parent.mkdir()
    shutil.copy2(ROOT / "data" / "articles" / article.name, article)
    env = {**os.environ, "PYTHONPATH": str(site)}

    def kg(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "kg", *args],
            cwd=article.parent,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    where = subprocess.run(
        [sys.executable, "-c", "import kg.config as c; print(c.__file__)"],
        cwd=article.parent,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.startswith(str(site)), where  # the wheel's kg, not the editable one
    assert "built 1 article(s)" in kg("build", article.name, "--out", "out")
    query = site / "kg" / "resources" / "cq" / "industries.rq"
    rows = kg("query", str(query), "--data", "out", "--bind", "city=郑州", "--format", "csv")
    assert "电子信息,leading" in rows
