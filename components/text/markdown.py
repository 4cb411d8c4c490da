"""Make data text safe to place in Streamlit markdown.

Streamlit renders markdown (and `$…$` as LaTeX), so a figure like "$44.5 million" or a label with * or [ ]
would be mangled, and a hostile value could inject a link. Every data value that reaches st.markdown,
st.caption or a help text goes through md_escape; URLs go through safe_url.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|$~^=:&])")


def md_escape(text) -> str:
    """Backslash-escape every markdown/LaTeX-active character; drop control characters."""
    if text is None:
        return ""
    clean = "".join(ch for ch in str(text) if ch in "\n\t" or ord(ch) >= 32)
    return _SPECIAL.sub(r"\\\1", clean)


def safe_url(url) -> str | None:
    """The URL, percent-encoded for a markdown link target, if it is plain http(s); else None."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return quote(url.strip(), safe=":/?#[]@!$&'*+,;=%-._~")


def md_link(text, url) -> str:
    target = safe_url(url)
    label = md_escape(text)
    if target is None:
        return label
    # parentheses would close the link target early
    target = target.replace("(", "%28").replace(")", "%29")
    return f"[{label}]({target})"
