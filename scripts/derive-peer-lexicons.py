#!/usr/bin/env python3
"""Regenerates Verbatim's lexicon files derived from third-party word lists.

- lexicons/en/sentiment-vader.tsv  from vaderSentiment's vader_lexicon.txt (MIT; mean valence and the
  standard deviation of its ten raters, kept as evidence)
- lexicons/en/sentiment-afinn.tsv  from AFINN-en-165 (Open Database License 1.0)
- lexicons/da/sentiment-afinn.tsv  from AFINN-da-32 (Open Database License 1.0)
AFINN's scale -5..+5 is mapped linearly to Verbatim's -4..+4 (x 0.8).

Usage: pip download --no-deps -d DIR vaderSentiment==3.3.2 afinn==0.1, unpack both, then
       python3 scripts/derive-peer-lexicons.py VADER_LEXICON_TXT AFINN_DATA_DIR
"""
import sys
from pathlib import Path

ODBL = """# Derived from AFINN by Finn Årup Nielsen ({name}), as shipped in the `afinn` 0.1 package.
# Licence: Open Database License (ODbL) 1.0 — https://opendatacommons.org/licenses/odbl/1-0/
# This file is a derived database: it keeps AFINN's attribution and is shared under the same licence.
# It lives apart from Verbatim's own entries so the licence stays with exactly these rows.
# Change made: valences scaled from AFINN's -5..+5 to Verbatim's -4..+4 (x 0.8).
# Format: term<TAB>valence
"""

VADER = """# Derived from VADER's lexicon (vaderSentiment 3.3.2, vader_lexicon.txt), C.J. Hutto, MIT licence:
# Copyright (c) 2016 C.J. Hutto. Permission is hereby granted, free of charge, to any person obtaining a copy of this
# data, to deal in it without restriction, provided this notice is kept. THE DATA IS PROVIDED "AS IS", WITHOUT WARRANTY.
# Format: term<TAB>valence<TAB>spread — valence is the mean of ten raters on -4..+4, spread their standard deviation.
# The idioms and special cases of VADER's code (SPECIAL_CASES, SENTIMENT_LADEN_IDIOMS) follow the word list.
# Change made: where VADER lists a term twice, the first listing is kept ({dropped}).
"""


def write(path, header, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(header)
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"{path}: {len(rows)} entries")


def number(value):
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def main(vader_file, afinn_dir):
    root = Path(__file__).resolve().parent.parent / "lexicons"
    rows, seen, dropped = [], set(), []
    for line in Path(vader_file).read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 3 and fields[0].strip():
            term = fields[0].strip()
            if term in seen:
                dropped.append(f"second '{term}' {fields[1]}")
                continue
            seen.add(term)
            rows.append((term, number(float(fields[1])), number(float(fields[2]))))
    # VADER's idioms and special cases live in its code (vaderSentiment.py, same MIT licence).
    idioms = {"the shit": 3, "the bomb": 3, "bad ass": 1.5, "badass": 1.5, "yeah right": -2, "kiss of death": -1.5,
              "to die for": 3, "beating heart": 3.1, "broken heart": -2.9, "cut the mustard": 2, "hand to mouth": -2,
              "back handed": -2, "blow smoke": -2, "blowing smoke": -2, "upper hand": 1, "break a leg": 2,
              "cooking with gas": 2, "in the black": 2, "in the red": -2, "on the ball": 2, "under the weather": -2}
    rows += [(term, number(valence), "") for term, valence in idioms.items() if term not in seen]
    rows = [tuple(field for field in row if field != "") for row in rows]
    write(root / "en" / "sentiment-vader.tsv", VADER.format(dropped="; ".join(dropped) or "none"), rows)
    for name, target in (("AFINN-en-165.txt", root / "en" / "sentiment-afinn.tsv"),
                         ("AFINN-da-32.txt", root / "da" / "sentiment-afinn.tsv")):
        rows = []
        for line in (Path(afinn_dir) / name).read_text(encoding="utf-8").splitlines():
            term, _, value = line.rpartition("\t")
            if term.strip():
                rows.append((term.strip(), number(float(value) * 0.8)))
        write(target, ODBL.format(name=name), rows)


if __name__ == "__main__":
    main(*sys.argv[1:3])
