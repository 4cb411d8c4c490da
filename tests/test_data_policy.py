"""The pepper-spray (OC) policy points say what the April 9 2024 slide says, word for word in meaning.

Each summary in policy_points.csv is compared with its list item on the slide "Revision to LASPD Policy: Use of
Oleoresin Capsicum (OC) Spray" in the primary document: every content word of the summary must be a word of
the slide's item (after a light normalisation), and the words that carry a policy's force ("only", "not",
"may", "will", "reasonably", "objectively", "currently", ...) must be in both or in neither.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import SHARED, read_csv

SLIDE = SHARED / "documents" / "002_94dd27a37a6f2334.txt"
STOP = {
    "a",
    "an",
    "the",
    "to",
    "of",
    "or",
    "and",
    "in",
    "on",
    "for",
    "from",
    "as",
    "be",
    "is",
    "are",
    "by",
    "at",
    "who",
    "that",
    "this",
    "when",
    "with",
    "any",
    "it",
    "its",
}
FORCE = {
    "only",
    "not",
    "may",
    "will",
    "must",
    "reasonably",
    "objectively",
    "currently",
    "feasibility",
    "imminent",
    "actual",
    "rare",
    "likely",
    "serious",
    "bodily",
}


def _slide_items() -> dict[tuple[str, int], str]:
    text = SLIDE.read_text(encoding="utf-8")
    block = text[text.index("Current Guidance for LASPD Officers") : text.index("# LASPD Professional Development")]
    current = block[: block.index("Revised Guidance")]
    revised = block[block.index("Revised Guidance") :]
    bullets = lambda part: [ln[2:].strip() for ln in part.splitlines() if ln.startswith("- ")]  # noqa: E731
    cur, rev = bullets(current), bullets(revised)
    footnote = next(ln for ln in revised.splitlines() if "exception clause" in ln)
    assert len(cur) == 3 and len(rev) == 2
    return {
        ("current", 1): cur[0],
        ("current", 2): cur[1],
        ("current", 3): cur[2],
        ("revised", 1): rev[0],
        ("revised", 2): footnote,
        ("revised", 3): rev[1],
    }


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> list[str]:
    text = re.sub(r"[*\\\"“”]", " ", text.lower()).replace("/", " ").replace("defence", "defense")
    return re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text)


def _content(text: str) -> set[str]:
    return {_stem(w) for w in _words(text) if w not in STOP}


POINTS = {(r["version"], int(r["sort_order"])): r for r in read_csv("policy_points") if r["policy_id"] == "oc-spray"}


def test_every_slide_item_has_one_point_and_back():
    assert set(POINTS) == set(_slide_items())


@pytest.mark.parametrize("key", sorted(_slide_items()))
def test_summary_uses_only_the_slides_words(key):
    slide, summary = _slide_items()[key], POINTS[key]["summary"]
    extra = _content(summary) - _content(slide)
    assert not extra, f"{key}: words not on the slide: {sorted(extra)}\n  slide: {slide}\n  ours:  {summary}"


@pytest.mark.parametrize("key", sorted(_slide_items()))
def test_words_that_carry_force_match_the_slide(key):
    slide, summary = set(_words(_slide_items()[key])), set(_words(POINTS[key]["summary"]))
    assert (slide & FORCE) == (summary & FORCE), (
        f"{key}: slide has {sorted(slide & FORCE)}, summary has {sorted(summary & FORCE)}"
    )


def test_current_guidance_does_not_say_only():
    slide = _slide_items()[("current", 1)]
    assert "only" not in _words(POINTS[("current", 1)]["summary"]) or "only" in _words(slide)


def test_the_timeline_keeps_reasonably_appear():
    event = next(r for r in read_csv("timeline") if r["event_id"] == "oc-spray-revision")
    assert "reasonably appear" in event["event"]
