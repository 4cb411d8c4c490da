"""Make data text safe to place in Streamlit markdown.

Streamlit renders markdown (and `$…$` as LaTeX), so a figure like "$44.5 million" or a label with * or [ ]
would be mangled, and a hostile value could inject a link. Every data value that reaches st.markdown,
st.caption or a help text goes through md_escape; URLs go through safe_url.

Text from data is text: Streamlit 1.67's markdown (react-markdown with remark-gfm) turns every bare address in a
text node into a live link — `http(s)://…`, `www.…` and e-mail addresses — *after* parsing, so backslash escapes do
not stop it (its autolink-literal transform runs a regular expression over the parsed text). md_escape therefore
writes every such run of characters as inline code (`…`): shown exactly as written, copyable, never a link, and
with no invisible character added. Only md_link makes a link, and only from a source's own URL column.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|$~^=:&])")
# What GFM's autolink literal would link (a superset): a scheme's "://", "www." before a name, an e-mail address.
_LINKISH = re.compile(r"\S*(?:[a-z][a-z0-9+.-]*://|www\.[-\w]|[-.\w+]+@[-\w]+\.[-\w])\S*", re.IGNORECASE)
_CODE_SPAN = re.compile(r"(?<![\\`])(`+) (.*?) \1(?!`)", re.S)
_CODE_OR_LINK = re.compile(
    r"(?<![\\`])(?P<fence>`+) (?P<code>.*?) (?P=fence)(?!`)"
    r"|(?<!\\)\[(?P<label>(?:\\.|`+ .*? `+|[^\]\\`])*)\]\((?P<url>[^)\s]*)\)",
    re.S,
)


def _code(text: str) -> str:
    """Inline code that shows `text` exactly: fenced by more backticks than it contains, padded by spaces."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}"


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def md_escape(text) -> str:
    """Backslash-escape every markdown/LaTeX-active character; drop control characters; write anything that looks
    like a web or e-mail address as inline code, so it is never auto-linked."""
    if text is None:
        return ""
    clean = "".join(ch for ch in str(text) if ch in "\n\t" or ord(ch) >= 32)
    out, last = [], 0
    for match in _LINKISH.finditer(clean):
        out.append(_escape(clean[last : match.start()]))
        out.append(_code(match.group(0)))
        last = match.end()
    out.append(_escape(clean[last:]))
    return "".join(out)


def md_plain(markdown: str) -> str:
    """Markdown written by this module as plain text (CSV exports): links as 'label <url>', code as its text,
    escapes dropped. Whichever of a code span and a link starts first wins, as in CommonMark."""
    out, last = [], 0
    for match in _CODE_OR_LINK.finditer(markdown):
        out.append(_unmark(markdown[last : match.start()]))
        if match.group("label") is not None:
            out.append(f"{_unmark(match.group('label'))} <{match.group('url')}>")
        else:
            out.append(match.group("code"))
        last = match.end()
    out.append(_unmark(markdown[last:]))
    return "".join(out)


def _unmark(text: str) -> str:
    out, last = [], 0
    for match in _CODE_SPAN.finditer(text):
        out.append(re.sub(r"\\(.)", r"\1", text[last : match.start()]))
        out.append(match.group(2))
        last = match.end()
    out.append(re.sub(r"\\(.)", r"\1", text[last:]))
    return "".join(out)


def safe_url(url) -> str | None:
    """The URL, percent-encoded for a markdown link target, if it is plain http(s); else None."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return quote(url.strip(), safe=":/?#[]@!$&'*+,;=%-._~")


def md_link(text, url) -> str:
    """A deliberate link (a source's own URL column): the label is data text, escaped as above."""
    target = safe_url(url)
    label = md_escape(text)
    if target is None:
        return label
    # parentheses would close the link target early
    target = target.replace("(", "%28").replace(")", "%29")
    return f"[{label}]({target})"
