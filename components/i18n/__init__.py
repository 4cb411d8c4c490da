"""The app's own words, in English and Spanish, in gettext catalogs managed with Babel:
components/i18n/locale/<lang>/LC_MESSAGES/messages.po. The message id is a key ("ov.title"); each language's
msgstr is its text, with str.format {placeholders}. Document titles and published labels stay as published; texts
that come from the data (spending categories, policy points, …) have their Spanish beside them in data/ and are
picked by components/text/localized.py.

Every user-facing string goes through `t(key, lang, **values)`, or `tn(key, n, lang, **values)` for a text that
depends on a count ("1 source" / "2 sources"; ngettext with the catalog's Plural-Forms; {n} is filled with n
unless given). tests/test_i18n.py lists every message missing in a language or in the catalogs, every unused
message and every placeholder mismatch.

The .po files are read and compiled to gettext's binary form in memory when this module is first imported
(babel.messages.mofile.write_mo into gettext.GNUTranslations): there is no compiled .mo to forget to rebuild or to
merge, and nothing is written to disk (the app also runs from a read-only folder). Reading both catalogs takes a
few tens of milliseconds, once per process.
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path
from types import MappingProxyType

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LANGS = ("en", "es")
DEFAULT_LANG = "en"
DOMAIN = "messages"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _load(lang: str):
    """(GNUTranslations, {key: text}, {key: (one, other)}) of one language's catalog."""
    with po_path(lang).open("rb") as fh:
        catalog = read_po(fh, locale=lang, domain=DOMAIN)
    singular, plural = {}, {}
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            plural[message.id[0]] = tuple(message.string)
        elif message.string:
            singular[message.id] = message.string
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return gettext.GNUTranslations(buf), singular, plural


_LOADED = {lang: _load(lang) for lang in LANGS}
TRANSLATIONS = {lang: loaded[0] for lang, loaded in _LOADED.items()}
# Read-only views, by language: the singular messages and the plural ones (one, other).
MESSAGES = MappingProxyType({lang: MappingProxyType(loaded[1]) for lang, loaded in _LOADED.items()})
PLURALS = MappingProxyType({lang: MappingProxyType(loaded[2]) for lang, loaded in _LOADED.items()})
# The singular messages as {key: {"en": text, "es": text}} (what tests and `key in CATALOG` checks read).
CATALOG = MappingProxyType(
    {
        key: MappingProxyType({lang: MESSAGES[lang][key] for lang in LANGS if key in MESSAGES[lang]})
        for key in sorted(set().union(*(MESSAGES[lang] for lang in LANGS)))
    }
)


def _lang(lang: str) -> str:
    return lang if lang in TRANSLATIONS else DEFAULT_LANG


def has(key: str) -> bool:
    """Whether `key` is a message (singular or plural) of the catalogs."""
    return key in CATALOG or key in PLURALS[DEFAULT_LANG]


def t(key: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The text for `key` in `lang` (English when the language or the message in it is unknown), with
    {placeholders} filled. KeyError for a key no catalog has."""
    lang = _lang(lang)
    if key not in MESSAGES[lang]:
        if key not in MESSAGES[DEFAULT_LANG]:
            raise KeyError(key)
        lang = DEFAULT_LANG
    text = TRANSLATIONS[lang].gettext(key)
    return text.format(**values) if values else text


def tn(key: str, n: int, lang: str = DEFAULT_LANG, **values) -> str:
    """The text for `key` in the plural form `n` asks for in `lang` ("1 fuente" / "2 fuentes"), with {n} and the
    other {placeholders} filled. KeyError for a key that is not a plural message."""
    lang = _lang(lang)
    if key not in PLURALS[lang]:
        if key not in PLURALS[DEFAULT_LANG]:
            raise KeyError(key)
        lang = DEFAULT_LANG
    text = TRANSLATIONS[lang].ngettext(key, key, n)
    values.setdefault("n", n)
    return text.format(**values)


def normalize_lang(value) -> str:
    """A language code from a URL or browser header: 'es', 'es-MX', 'ES' -> 'es'; anything else -> 'en'."""
    if not isinstance(value, str):
        return DEFAULT_LANG
    code = value.strip().lower()[:2]
    return code if code in LANGS else DEFAULT_LANG
