"""Propose directory rows for the schools our data names, for a person to review (it decides nothing).

    python scripts/propose_school_matches.py            # every name, with its best candidates
    python scripts/propose_school_matches.py --changed  # only names whose reviewed match is not the top candidate

For each school named in data/schools.csv (name and other_names) and data/town_halls.csv (school_name), it
searches data/school_directory_2018.csv (active LAUSD schools, June 2018) by normalized name — lower case,
"&" as "and", abbreviations spelled out (HS, MS, ES, LC, St., Ave., Prep), ordinal numbers spelled out
("32nd" = "thirty-second") — and prints the candidates sharing the most distinctive words, with their address,
city, level and charter flag, beside what our data says (address, note) and the reviewed row of
data/school_directory_matches.csv. The reviewed file is written by hand, after comparing addresses, cities and
levels; a name with no convincing candidate is recorded as no_match, never guessed.

Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"

ABBREVIATIONS = {
    "hs": "high school",
    "ms": "middle school",
    "es": "elementary school",
    "lc": "learning center",
    "st": "street",
    "ave": "avenue",
    "blvd": "boulevard",
    "prep": "preparatory",
    "sr": "senior",
    "&": "and",
}
ORDINALS = {
    "1st": "first",
    "2nd": "second",
    "3rd": "third",
    "4th": "fourth",
    "5th": "fifth",
    "6th": "sixth",
    "7th": "seventh",
    "8th": "eighth",
    "9th": "ninth",
    "10th": "tenth",
    "20th": "twentieth",
}
TENS = {
    "2": "twenty",
    "3": "thirty",
    "4": "forty",
    "5": "fifty",
    "6": "sixty",
    "7": "seventy",
    "8": "eighty",
    "9": "ninety",
}
# words that say what kind of school it is, not which one
GENERIC = {
    "school",
    "schools",
    "high",
    "senior",
    "elementary",
    "middle",
    "primary",
    "center",
    "academy",
    "the",
    "of",
    "and",
    "at",
    "for",
    "charter",
    "magnet",
    "street",
    "avenue",
    "learning",
    "preparatory",
    "college",
    "span",
    "community",
    "los",
    "angeles",
    "la",
    "k",
    "12",
    "arts",
    "sciences",
    "science",
}


def _ordinal(token: str) -> str:
    if token in ORDINALS:
        return ORDINALS[token]
    m = re.fullmatch(r"([2-9])([1-9])(st|nd|rd|th)", token)
    if m:
        return TENS[m.group(1)] + "-" + ORDINALS[m.group(2) + {"1": "st", "2": "nd", "3": "rd"}.get(m.group(2), "th")]
    m = re.fullmatch(r"([2-9])0th", token)
    if m:
        return TENS[m.group(1)][:-1] + "ieth"
    return token


def words(name: str) -> list[str]:
    text = name.lower().replace("&", " & ").replace("/", " ")
    out = []
    for raw in re.findall(r"[a-z0-9&'.-]+", text):
        word = raw.strip(".'")
        word = ABBREVIATIONS.get(word, word)
        out.extend(re.split(r"[\s-]+", _ordinal(word)))
    return [w for w in out if w]


def distinctive(name: str) -> set[str]:
    return {w for w in words(name) if w not in GENERIC}


def read(name: str) -> list[dict]:
    with open(DATA / f"{name}.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def named_schools() -> list[dict]:
    """Every (table, row key, name as written) in our data, with what our data says about the place."""
    out = []
    for r in read("schools"):
        out.append(
            {
                "in_table": "schools",
                "row_key": r["school_id"],
                "name": r["name"],
                "aliases": [a.split(" (")[0] for a in r["other_names"].split(";") if a.strip()],
                "context": "; ".join(x for x in (r["address"], r["note"]) if x),
            }
        )
    for r in read("town_halls"):
        out.append(
            {
                "in_table": "town_halls",
                "row_key": r["event_date"],
                "name": r["school_name"],
                "aliases": [],
                "context": f"town hall, {r['region']} region; school_id {r['school_id']}",
            }
        )
    return out


def candidates(entry: dict, directory: list[dict], limit: int = 5) -> list[tuple[int, dict]]:
    """Rows sharing a distinctive word; ranked by distinctive words shared, then all words shared, then fewest
    words the row has beyond ours."""
    names = [entry["name"], *entry["aliases"]]
    wanted = set().union(*(distinctive(n) for n in names))
    every = set().union(*(set(words(n)) for n in names))
    scored = []
    for row in directory:
        theirs = set(words(row["name"]))
        shared = len(wanted & distinctive(row["name"]))
        if shared:
            scored.append(
                ((-shared, -len(every & theirs), len(theirs - every), row["name"], row["cds_code"]), shared, row)
            )
    scored.sort(key=lambda s: s[0])
    return [(shared, row) for _, shared, row in scored[:limit]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--changed", action="store_true", help="only names whose reviewed match differs from the top candidate"
    )
    args = parser.parse_args(argv)
    directory = read("school_directory_2018")
    path = DATA / "school_directory_matches.csv"
    reviewed = {(r["in_table"], r["row_key"]): r for r in read("school_directory_matches")} if path.exists() else {}
    for entry in named_schools():
        found = candidates(entry, directory)
        done = reviewed.get((entry["in_table"], entry["row_key"]))
        top = found[0][1]["cds_code"] if found else ""
        if args.changed and done and done["cds_code"] == top:
            continue
        print(
            f"{entry['in_table']}/{entry['row_key']}: {entry['name']!r}"
            + (f" (also {', '.join(entry['aliases'])})" if entry["aliases"] else "")
        )
        if entry["context"]:
            print(f"    our data: {entry['context']}")
        for shared, row in found:
            print(
                f"    {shared} word(s)  {row['cds_code']}  {row['name']}  |  {row['street']}, {row['city']} "
                f"{row['zip']}  |  {row['level']}, {row['grades_offered']}, charter={row['charter']}, "
                f"opened {row['open_date'] or '?'}"
            )
        if not found:
            print("    no candidate shares a distinctive word")
        if done:
            print(f"    reviewed: {done['match']} {done['cds_code'] or '-'}: {done['why']}")
        else:
            print("    reviewed: (not yet)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
