"""House rules that keep the code easy to change: small modules and packages whose __init__ is a face."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "extractor"
MODULES = sorted(PACKAGE.rglob("*.py"))
LIMIT = 500


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_over_the_limit(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= LIMIT, f"{path.relative_to(PACKAGE)} has {lines} lines: split it along its jobs"


@pytest.mark.parametrize("path", [p for p in MODULES if p.name == "__init__.py"], ids=lambda p: str(p.parent.name))
def test_package_init_is_a_face(path):
    """A package's __init__ holds its docstring, imports and ``__all__``: no logic."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        is_docstring = isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        is_all = isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] in (["__all__"], ["__version__"])
        assert is_docstring or is_all or isinstance(node, ast.Import | ast.ImportFrom), (
            f"{path.relative_to(PACKAGE)} line {node.lineno}: move this into a module of the package"
        )
