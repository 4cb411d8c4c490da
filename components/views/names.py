"""Names of places from the data in the reader's language, for every view that labels a region."""

from __future__ import annotations

import queries
from components.perf.memo import cached
from components.text.localized import localized


@cached(data=True)
def region_names(lang: str) -> dict[str, str]:
    """Region key (its published name: North, ...) -> the name a reader sees: the published name in English, the
    name data/regions.csv gives in Spanish (Norte, ...). Keys stay the published names in links and filters."""
    frame = queries.run("regions").frame
    return dict(zip(frame["region"], localized(frame, "region", lang)))
