"""The app's own words (gettext catalogs, components/i18n/locale/<lang>/LC_MESSAGES/messages.po): one test lists, in
one failure message, every message missing from a catalog (the code asks for it, or one language lacks it), every
unused message, every placeholder mismatch and every t()/tn() call that asks for the wrong kind of message.

How the code's use of keys is found (tests/test_i18n.py _used): every string constant in app.py, pages/ and
components/ that looks like a key ("ov.title"), and the literal head of every f-string key (t(f"kind.{kind}")
uses every "kind.*" message); calls t("...") / tn("...") are checked for existence whatever their namespace.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from babel.messages.pofile import read_po

from components.i18n import CATALOG, LANGS, MESSAGES, PLURALS, po_path, t, tn

ROOT = Path(__file__).resolve().parents[1]
CODE = [
    ROOT / "app.py",
    *sorted((ROOT / "pages").glob("*.py")),
    *sorted(p for p in (ROOT / "components").rglob("*.py") if "i18n" not in p.parts or p.name == "__init__.py"),
]  # the dictionary modules (components/i18n/<page>.py, until they are removed) are not use
KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
PREFIX = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.")


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def _all_keys() -> set[str]:
    return {k for lang in LANGS for k in (*MESSAGES[lang], *PLURALS[lang])}


def _used() -> tuple[set[str], set[str], list[tuple[str, str, str]]]:
    """(key-like string constants, f-string key prefixes, [(where, call t/tn, key)] for literal t()/tn() calls)."""
    literal, prefixes, calls = set(), set(), []
    for path in CODE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.fullmatch(node.value):
                literal.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                head = str(node.values[0].value)
                if PREFIX.fullmatch(head):
                    prefixes.add(head)
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("t", "tn")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                calls.append((where, node.func.id, node.args[0].value))
    return literal, prefixes, calls


def catalog_problems() -> list[str]:
    problems = []
    keys = _all_keys()
    # 1. every message in every language, the same kind (plural or not) and the same placeholders
    for key in sorted(keys):
        texts = {}
        for lang in LANGS:
            if key in MESSAGES[lang]:
                texts[lang] = [MESSAGES[lang][key]]
            elif key in PLURALS[lang]:
                texts[lang] = list(PLURALS[lang][key])
        missing = [lang for lang in LANGS if not texts.get(lang) or not all(x.strip() for x in texts[lang])]
        if missing:
            problems.append(f"missing: {key} has no text in {', '.join(missing)}")
            continue
        if len({key in PLURALS[lang] for lang in LANGS}) > 1:
            problems.append(f"kind: {key} is a plural message in one language only")
            continue
        fields = {(lang, i): frozenset(_fields(x)) for lang in LANGS for i, x in enumerate(texts[lang])}
        if len(set(fields.values())) > 1:
            problems.append(
                f"placeholders: {key} " + " / ".join(f"{lang}[{i}] {sorted(f)}" for (lang, i), f in fields.items())
            )
    # 2. what the code asks for exists, as the kind of message the call needs
    literal, built, calls = _used()
    namespaces = {k.split(".")[0] for k in keys}
    groups = {k.rsplit(".", 1)[0] for k in keys}
    for key in sorted(literal):
        if key.split(".")[0] in namespaces and key not in keys and key not in groups:
            problems.append(f"missing: {key} is named in the code but no catalog has it")
    for where, call, key in sorted(calls):
        if key not in keys:
            problems.append(f"missing: {where} {call}({key!r}) but no catalog has it")
        elif call == "t" and key in PLURALS["en"]:
            problems.append(f"kind: {where} t({key!r}) on a plural message: use tn(key, n, lang)")
        elif call == "tn" and key not in PLURALS["en"]:
            problems.append(f"kind: {where} tn({key!r}) on a message without plural forms")
    for prefix in sorted(built):
        if prefix.split(".")[0] in namespaces and not any(k.startswith(prefix) for k in keys):
            problems.append(f"missing: the code builds keys {prefix}* but no catalog has one")
    # 3. nothing unused
    for key in sorted(keys):
        if key not in literal and not any(key.startswith(p) for p in built):
            problems.append(f"unused: {key} (delete it or use it)")
    return problems


def test_the_catalogs_have_every_message_the_code_uses_and_nothing_else():
    problems = catalog_problems()
    assert not problems, f"{len(problems)} problems in the message catalogs:\n" + "\n".join(problems)


def test_the_checker_finds_a_missing_an_unused_and_a_mismatched_message(monkeypatch):
    """Planted faults in copies of the real catalogs: each is listed (the test above can fail)."""
    import tests.test_i18n as me

    en, es = dict(MESSAGES["en"]), dict(MESSAGES["es"])
    del es["ov.title"]  # present in one language only
    en["zz.unused"], es["zz.unused"] = "Nobody asks for me.", "Nadie me pide."
    es["nav.sources"] = "Fuentes {n}"  # a placeholder English does not have
    monkeypatch.setattr(me, "MESSAGES", {"en": en, "es": es})
    found = "\n".join(me.catalog_problems())
    assert "missing: ov.title has no text in es" in found
    assert "unused: zz.unused" in found
    assert "placeholders: nav.sources" in found


def test_plural_messages_use_the_catalogs_plural_forms():
    for lang in LANGS:
        with po_path(lang).open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        assert catalog.plural_forms == "nplurals=2; plural=(n != 1);", lang
    assert PLURALS["en"], "no plural message"
    assert tn("src.count", 1, "es") == "1 fuente" and tn("src.count", 2, "es") == "2 fuentes"
    assert tn("src.count", 1, "en") == "1 source" and tn("src.count", 0, "en") == "0 sources"
    assert tn("filter.ignored_other", 1, "es") == "1 parámetro más que esta página no usa"
    # no "(s)"-style plural left in any catalog
    pseudo = re.compile(r"\w\((s|es|as|os)\)")
    left = sorted(
        f"{lang} {k}"
        for lang in LANGS
        for k, v in [*MESSAGES[lang].items(), *((k, " ".join(v)) for k, v in PLURALS[lang].items())]
        if pseudo.search(v)
    )
    assert not left, "texts with a '(s)' plural (use a plural message and tn()):\n" + "\n".join(left)


def test_t_and_tn_fill_placeholders_and_fall_back_to_english():
    assert t("nav.sources", "es") == "Fuentes" and t("nav.sources", "fr") == "Sources"
    assert t("cite.line", "es", citations="X") == "Fuente: X"
    assert tn("cite.summary", 1, "es", kinds="noticia").startswith("Fuente: 1 documento (noticia)")
    assert tn("cite.summary", 2, "en", kinds="news report").startswith("Sources: 2 documents (news report)")


def test_the_catalogs_are_what_the_migration_script_writes():
    """While a dictionary module is still in components/i18n (a merge brought one back), the .po files must be
    regenerated from it; without any, this checks the .po files are in the script's canonical form."""
    from scripts.i18n_to_po import main

    assert main(["--check"]) == 0, "run: .venv/bin/python scripts/i18n_to_po.py"


def test_problem_messages_match_the_data_layers_english():
    """problem.<code>: the English is data/messages.py's (the CLI's words); the catalogs must not drift from it."""
    from data.messages import MESSAGES as PROBLEMS

    problems = [f"problem.{code}: not in the catalogs" for code in PROBLEMS if f"problem.{code}" not in CATALOG]
    problems += [
        f"problem.{code}: English differs from data/messages.py"
        for code, english in PROBLEMS.items()
        if f"problem.{code}" in CATALOG and CATALOG[f"problem.{code}"]["en"] != english
    ]
    problems += [
        f"{k}: no such code in data/messages.py" for k in CATALOG if k.startswith("problem.") and k[8:] not in PROBLEMS
    ]
    assert not problems, "\n".join(problems)


def test_every_table_of_the_data_has_a_name_in_both_languages():
    """The Sources page's data browser names each table: a table added to data/ needs its name here too."""
    from data.layout import MANIFEST

    missing = sorted(table for table, _ in MANIFEST if f"data.table.{table}" not in CATALOG)
    assert not missing, "tables without a name for the data browser (the message catalogs):\n" + "\n".join(missing)
