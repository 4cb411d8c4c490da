"""The app's own words, in English and Spanish. Document titles and published labels stay as published; texts
that come from the data (spending categories, policy points, …) have their Spanish beside them in data/ and are
picked by components/text/localized.py.

Every user-facing string goes through `t(key, lang, **values)`. tests/test_i18n.py fails when a key
is missing in either language or the two disagree on their {placeholders}.
"""

from __future__ import annotations

from components.i18n import (
    boardroom,
    community,
    core,
    deployments,
    exports,
    incidents,
    maps,
    spending,
    staff,
    staff_problems,
    years,
)

LANGS = ("en", "es")
DEFAULT_LANG = "en"

# Each page keeps its own words in a fragment module (fewer merge conflicts); they form one catalog here.
CATALOG: dict[str, dict[str, str]] = {}
for _fragment in (
    core,
    spending,
    deployments,
    incidents,
    community,
    boardroom,
    staff,
    staff_problems,
    years,
    maps,
    exports,
):
    _clash = set(_fragment.CATALOG) & set(CATALOG)
    if _clash:
        raise KeyError(f"translation keys defined twice: {sorted(_clash)}")
    CATALOG.update(_fragment.CATALOG)


def t(key: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The text for `key` in `lang` (English when the language is unknown), with {placeholders} filled."""
    entry = CATALOG[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**values) if values else text


def normalize_lang(value) -> str:
    """A language code from a URL or browser header: 'es', 'es-MX', 'ES' -> 'es'; anything else -> 'en'."""
    if not isinstance(value, str):
        return DEFAULT_LANG
    code = value.strip().lower()[:2]
    return code if code in LANGS else DEFAULT_LANG
