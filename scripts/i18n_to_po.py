"""Turn the translation dictionaries (components/i18n/<page>.py, CATALOG = {key: {"en": ..., "es": ...}}) into the
gettext catalogs components/i18n/locale/{en,es}/LC_MESSAGES/messages.po. Re-runnable: run it again after a merge
brings back a dictionary module with new or changed keys, then delete the module.

    .venv/bin/python scripts/i18n_to_po.py           # write the catalogs
    .venv/bin/python scripts/i18n_to_po.py --check   # exit 1 (and say what) when the catalogs are not up to date
    .venv/bin/python scripts/i18n_to_po.py --merge-from OTHER_BRANCH   # bring another branch's dictionary edits

--merge-from: for a branch that still edits the dictionary modules this branch has deleted. For each module the
other branch holds and HEAD does not, the module is rebuilt as git would merge it — this branch's last version
of it (the parent of the commit that deleted it) merged three-way with the other branch's version over their
merge base (`git merge-file`) — and the catalogs are updated from that. Nothing else is touched: then
`git merge OTHER_BRANCH`, answer its modify/delete conflicts with `git rm components/i18n/<module>.py`, and check
with `--check` and tests/test_i18n.py. Run it before the merge or during it (HEAD is this branch's side).

The message id is the key ("ov.title"); each language's msgstr is its text. A plural message is written in a
dictionary module as a pair (one, other) per language: {"en": ("{n} line", "{n} lines"), "es": (...)}; it becomes
msgid/msgid_plural with msgstr[0]/msgstr[1] (Plural-Forms: nplurals=2; plural=(n != 1) in both languages).

What a run does with a catalog that already exists:
- a key of a dictionary module present here is written as that module has it (added or updated);
- a message that came from a module present here (its "#:" reference names the module) but that the module no
  longer has is removed (the key was deleted on the branch the module comes from);
- every other message is kept as it is: messages of modules already deleted, and messages added to the .po files
  by hand after the migration.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

I18N = ROOT / "components" / "i18n"
LOCALE = I18N / "locale"
LANGS = ("en", "es")
DOMAIN = "messages"
# Fixed header dates: a re-run that changes no message changes no byte.
CREATED = datetime(2026, 11, 30, tzinfo=UTC)


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _load_catalog(path: Path, name: str) -> dict | None:
    """A dictionary module's CATALOG, loaded from its file without importing the components.i18n package (which
    reads the catalogs)."""
    spec = importlib.util.spec_from_file_location(f"_i18n_dict_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    catalog = getattr(module, "CATALOG", None)
    return catalog if isinstance(catalog, dict) else None


def dictionary_modules() -> dict[str, dict]:
    """{module file (relative to ROOT): its CATALOG} for every dictionary module still in components/i18n."""
    found = {}
    for path in sorted(I18N.glob("*.py")):
        if path.name == "__init__.py":
            continue
        catalog = _load_catalog(path, path.stem)
        if catalog is not None:
            found[path.relative_to(ROOT).as_posix()] = catalog
    return found


def _git(*args: str, check: bool = True) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        raise SystemExit(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout if done.returncode == 0 else ""


def merged_modules(other: str) -> dict[str, dict]:
    """{module: CATALOG} of every dictionary module `other` holds and HEAD does not: this branch's last version of
    it merged three-way with `other`'s (see the module's docstring). Stops on a conflict inside a module."""
    base = _git("merge-base", "HEAD", other).strip()
    here = set(_git("ls-tree", "--name-only", "HEAD", "components/i18n/").split())
    # only the modules `other` changed: an unchanged one says nothing, and its deleted version here may be older
    # than this branch's catalog (edits merged in from a third branch after the deletion)
    changed = set(_git("diff", "--name-only", base, other, "--", "components/i18n/").split())
    found = {}
    for rel in sorted(_git("ls-tree", "--name-only", other, "components/i18n/").split()):
        if not rel.endswith(".py") or rel.endswith("__init__.py") or rel in here or rel not in changed:
            continue
        theirs = _git("show", f"{other}:{rel}")
        deleted_by = _git("log", "-1", "--format=%H", "--diff-filter=D", "HEAD", "--", rel).strip()
        mine = _git("show", f"{deleted_by}^:{rel}") if deleted_by else theirs
        ancestor = _git("show", f"{base}:{rel}", check=False)
        with tempfile.TemporaryDirectory() as tmp:
            files = {}
            for name, text in (("mine", mine), ("base", ancestor), ("theirs", theirs)):
                files[name] = Path(tmp) / f"{name}.py"
                files[name].write_text(text, encoding="utf-8")
            done = subprocess.run(
                ["git", "merge-file", "-p", *(str(files[n]) for n in ("mine", "base", "theirs"))],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                raise SystemExit(
                    f"{rel}: this branch's and {other}'s edits conflict; merge the module by hand:\n{done.stdout}"
                )
            merged = Path(tmp) / "merged.py"
            merged.write_text(done.stdout, encoding="utf-8")
            catalog = _load_catalog(merged, Path(rel).stem)
        if catalog is not None:
            found[rel] = catalog
            print(f"{rel}: this branch's last version merged with {other}'s ({len(catalog)} keys)")
    return found


def _empty(lang: str) -> Catalog:
    return Catalog(
        locale=lang,
        domain=DOMAIN,
        project="LAUSD school-safety dashboard",
        version="1",
        copyright_holder="LAUSD school-safety dashboard",
        msgid_bugs_address="",
        creation_date=CREATED,
        revision_date=CREATED,
        last_translator="The dashboard's engineers",
        language_team=f"{lang} <none>",
        fuzzy=False,
    )


def read_catalog(lang: str) -> Catalog | None:
    path = po_path(lang)
    if not path.exists():
        return None
    with path.open("rb") as fh:
        return read_po(fh, locale=lang, domain=DOMAIN)


def _key(message) -> str:
    return message.id[0] if isinstance(message.id, tuple) else message.id


def _text(entry: dict, lang: str, key: str, where: str):
    text = entry.get(lang)
    if isinstance(text, list):
        text = tuple(text)
    if isinstance(text, tuple):
        if len(text) != 2 or not all(isinstance(x, str) for x in text):
            raise ValueError(f"{where}: {key}: a plural is a pair (one, other) in {lang}")
        return text
    if not isinstance(text, str):
        raise ValueError(f"{where}: {key}: no {lang} text")
    return text


def build(modules: dict[str, dict]) -> dict[str, Catalog]:
    """The new catalogs: the existing .po files updated with the dictionary modules (rules in the docstring)."""
    messages: dict[str, dict[str, tuple]] = {lang: {} for lang in LANGS}  # key -> (text, locations)
    present = set(modules)
    for lang in LANGS:
        old = read_catalog(lang)
        for message in old or ():
            if not message.id:
                continue
            origins = {loc for loc, _ in message.locations}
            if origins & present:
                continue  # its module is here: the module decides below
            text = message.string if not isinstance(message.id, tuple) else tuple(message.string)
            messages[lang][_key(message)] = (text, tuple(message.locations))
    owner: dict[str, str] = {}
    for where, catalog in modules.items():
        for key, entry in catalog.items():
            if key in owner:
                raise KeyError(f"{key} is defined in {owner[key]} and in {where}")
            owner[key] = where
            kinds = set()
            for lang in LANGS:
                text = _text(entry, lang, key, where)
                kinds.add(isinstance(text, tuple))
                messages[lang][key] = (text, ((where, None),))
            if len(kinds) > 1:
                raise ValueError(f"{where}: {key}: plural in one language and not in the other")
    out = {}
    for lang in LANGS:
        catalog = _empty(lang)
        for key in sorted(messages[lang]):
            text, locations = messages[lang][key]
            if isinstance(text, tuple):
                catalog.add((key, key), string=text, locations=locations)
            else:
                catalog.add(key, string=text, locations=locations)
        out[lang] = catalog
    return out


def render(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, catalog, width=116, include_lineno=False)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if the catalogs are stale")
    parser.add_argument("--merge-from", metavar="REF", help="take the dictionary edits of another branch (see above)")
    args = parser.parse_args(argv)
    modules = dictionary_modules()
    if args.merge_from:
        modules = {**modules, **merged_modules(args.merge_from)}
    catalogs = build(modules)
    stale = []
    for lang, catalog in catalogs.items():
        path = po_path(lang)
        data = render(catalog)
        if path.exists() and path.read_bytes() == data:
            continue
        stale.append(path.relative_to(ROOT).as_posix())
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    counts = ", ".join(f"{lang} {sum(1 for m in c if m.id)}" for lang, c in catalogs.items())
    if args.check:
        if stale:
            print(f"out of date (run scripts/i18n_to_po.py): {', '.join(stale)}", file=sys.stderr)
            return 1
        print(f"catalogs up to date ({counts} messages; {len(modules)} dictionary modules)")
        return 0
    print(
        f"wrote {', '.join(stale) or 'nothing (already up to date)'} ({counts} messages; from {len(modules)} modules)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
