"""The house rules of ../shared/ARCHITECTURE.md, checked on the code itself (read with `ast`, nothing imported):

- layers only point downward: pages/app → components.ui → components.views/export → charts/tables → text/perf →
  domain/i18n/registry → queries → data; no import circle anywhere, not even through an import inside a function;
- only the Streamlit runtime layer (components/ui, pages, app.py) imports streamlit, only view models (and the
  cache keyed on the data's identity) ask queries/, and only components/ui/handover.py touches a private
  Streamlit name;
- a page only lays out: under 120 lines, no SQL or database, no arithmetic, no link writes, no styling;
- one registry: every page file is in components/registry.py and every registry entry has its file.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from components import registry

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("app", "pages", "components", "queries", "data")

# Lower number = lower layer. A module may import modules of its own layer or below, never above.
LAYERS = [
    ("data", 0),
    ("queries", 1),
    ("components.domain", 2),
    ("components.i18n", 2),
    ("components.registry", 2),
    ("components.text", 3),
    ("components.perf", 3),
    ("components.charts", 4),
    ("components.tables", 4),
    ("components.views", 5),
    ("components.export", 5),  # stamped images and the packet: from view models' charts and slides
    ("components.ui", 6),
    ("pages", 7),
    ("app", 7),
]


def layer(module: str) -> int:
    best = None
    for prefix, rank in LAYERS:
        inside = module == prefix or module.startswith(prefix + ".")
        if inside and (best is None or len(prefix) > len(best[0])):
            best = (prefix, rank)
    assert best is not None, f"{module} is in no layer: add it to LAYERS"
    return best[1]


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def project_files() -> list[Path]:
    files = [ROOT / "app.py"]
    for pkg in PACKAGES[1:]:
        files += sorted((ROOT / pkg).rglob("*.py"))
    return [f for f in files if "__pycache__" not in f.parts]


MODULES = {module_name(f): f for f in project_files()}


def resolve(name: str) -> str | None:
    """The project module an imported name refers to (a module, or a package whose attribute is imported)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(path: Path) -> list[tuple[str, int]]:
    """(project module, line) for every import in the file, at module level or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{a.name}" for a in node.names] or [node.module]
        else:
            continue
        for name in names:
            target = resolve(name)
            if target is not None:
                found.append((target, node.lineno))
    return found


GRAPH = {name: {t for t, _ in imports_of(path) if t != name} for name, path in MODULES.items()}


def test_every_import_points_downward():
    upward = [
        f"{path.relative_to(ROOT)}:{line} imports {t} (layer {layer(t)} above {layer(m)})"
        for m, path in MODULES.items()
        for t, line in imports_of(path)
        if layer(t) > layer(m)
    ]
    assert not upward, "\n".join(upward)


def test_there_is_no_import_circle():
    cycles, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(GRAPH[node]):
            if state.get(nxt) == "open":
                cycles.append(" -> ".join(stack[stack.index(nxt) :] + [nxt]))
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = "done"

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    # A package imports its own submodules (components.i18n merges its catalogs): that is not a circle.
    cycles = [c for c in cycles if not all(part.startswith(c.split(" -> ")[0]) for part in c.split(" -> "))]
    assert not cycles, "\n".join(cycles)


def _third_party(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module.split(".")[0])
    return out


def test_only_the_runtime_layer_imports_streamlit_and_only_view_models_ask_queries():
    streamlit_users = sorted(m for m, p in MODULES.items() if "streamlit" in _third_party(p))
    assert all(layer(m) >= layer("components.ui") for m in streamlit_users), streamlit_users
    database = sorted(m for m, p in MODULES.items() if "duckdb" in _third_party(p))
    assert all(layer(m) <= layer("queries") for m in database), database
    askers = sorted(
        m for m in MODULES if m.startswith("components.") and "queries" in {t.split(".")[0] for t in GRAPH[m]}
    )
    # the cache keys a view on the data's identity (perf.memo); everything else that asks is a view model
    assert all(m.startswith("components.views.") or m == "components.perf.memo" for m in askers), askers


PRIVATE = re.compile(
    r"streamlit\.(runtime|proto|elements|commands|web|source_util|navigation\.page)\b"
    r"|\bPagesManager\b|_mpa_v1|\bst\._[a-z]"
)


def test_only_the_handover_module_touches_a_private_streamlit_name():
    users = sorted(str(p.relative_to(ROOT)) for p in MODULES.values() if PRIVATE.search(p.read_text(encoding="utf-8")))
    assert users == ["components/ui/handover.py"], users


# ------------------------------------------------------------------------------------------- pages

PAGE_FILES = sorted((ROOT / "pages").glob("*.py"))
ARITHMETIC = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow, ast.MatMult)


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.name)
def test_a_page_only_lays_out(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) < 120, f"{path.name}: {len(text.splitlines())} lines"
    tree = ast.parse(text)
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.BinOp, ast.AugAssign)) and isinstance(node.op, ARITHMETIC):
            problems.append(f"line {node.lineno}: arithmetic")
        if isinstance(node, ast.Attribute) and node.attr == "query_params":
            problems.append(f"line {node.lineno}: reads or writes the link directly (components/ui/url_state)")
        if isinstance(node, ast.keyword) and node.arg == "unsafe_allow_html":
            problems.append(f"line {node.lineno}: HTML or styling")
    for module in _third_party(path) | {t.split(".")[0] for t in GRAPH[module_name(path)]}:
        if module in ("queries", "data", "duckdb", "pandas", "plotly", "pydeck"):
            problems.append(f"imports {module}: pages get everything from a view model")
    if re.search(r"\b(SELECT|FROM|WHERE)\b.*\b(FROM|WHERE|JOIN)\b", text):
        problems.append("SQL")
    if "<style" in text or re.search(r"#[0-9a-fA-F]{6}\b", text):
        problems.append("styling")
    assert not problems, f"{path.name}: " + "; ".join(problems)


def test_the_registry_and_the_pages_folder_agree():
    assert {p.stem for p in PAGE_FILES} == {p.slug for p in registry.PAGES}
    assert sum(p.default for p in registry.PAGES) == 1
    for page in registry.PAGES:
        assert (ROOT / page.file).is_file()
        assert set(page.params) <= set(registry.PARAMS), page
    # the link of a view names only the parameters the registry declares
    assert set(registry.all_params()) == set(registry.PARAMS)
