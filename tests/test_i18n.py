"""The app's own words: every message exists in English and Spanish with the same {placeholders}, every message
the code asks for exists, and no message sits unused. Each test lists every problem it finds at once."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from components.i18n import CATALOG, LANGS

ROOT = Path(__file__).resolve().parents[1]
CODE = [
    ROOT / "app.py",
    *sorted((ROOT / "pages").glob("*.py")),
    *sorted(p for p in (ROOT / "components").rglob("*.py") if "i18n" not in p.parts or p.name == "__init__.py"),
]  # the catalogs themselves are not use
KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_message_exists_in_every_language_with_the_same_placeholders():
    problems = []
    for key, entry in sorted(CATALOG.items()):
        missing = [lang for lang in LANGS if not (entry.get(lang) or "").strip()]
        if missing:
            problems.append(f"{key}: no text in {', '.join(missing)}")
        elif len({frozenset(_fields(entry[lang])) for lang in LANGS}) > 1:
            problems.append(
                f"{key}: placeholders differ " + " / ".join(f"{lang} {sorted(_fields(entry[lang]))}" for lang in LANGS)
            )
        extra = set(entry) - set(LANGS)
        if extra:
            problems.append(f"{key}: unknown language(s) {sorted(extra)}")
    assert not problems, "\n".join(problems)


def _used() -> tuple[set[str], set[str]]:
    """Message keys the code names literally, and the prefixes of keys it builds (t(f"kind.{kind}"))."""
    literal, prefixes = set(), set()
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.fullmatch(node.value):
                literal.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                head = str(node.values[0].value)
                if re.fullmatch(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.", head):
                    prefixes.add(head)
    return literal, prefixes


def test_every_message_the_code_names_exists():
    literal, _ = _used()
    prefixes = {k.rsplit(".", 1)[0] for k in CATALOG}
    # a dotted literal whose first part is a catalog namespace (ov., sp., ...) must be a message
    namespaces = {k.split(".")[0] for k in CATALOG}
    missing = sorted(k for k in literal if k.split(".")[0] in namespaces and k not in CATALOG and k not in prefixes)
    assert not missing, "messages the code asks for but the catalog lacks:\n" + "\n".join(missing)


def test_no_message_is_unused():
    literal, built = _used()
    unused = sorted(k for k in CATALOG if k not in literal and not any(k.startswith(p) for p in built))
    assert not unused, "messages nothing uses (delete them or use them):\n" + "\n".join(unused)


def test_every_table_of_the_data_has_a_name_in_both_languages():
    """The Sources page's data browser names each table: a table added to data/ needs its name here too."""
    from data.layout import MANIFEST

    missing = sorted(table for table, _ in MANIFEST if f"data.table.{table}" not in CATALOG)
    assert not missing, "tables without a name for the data browser (components/i18n/core.py):\n" + "\n".join(missing)
