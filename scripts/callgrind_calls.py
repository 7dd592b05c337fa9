#!/usr/bin/env python3
"""Instructions per call of the functions whose (mangled) names contain each of the given
substrings, read from a callgrind output file: calls and inclusive cost summed over every call
site. Where several symbols match one substring (a generic entry point and its specialisation),
the one with the largest total cost is taken: the outermost.

Usage: callgrind_calls.py CALLGRIND_OUT NAME_PART [NAME_PART ...]
Prints one line per substring: symbol, calls, total instructions, instructions per call."""
import collections
import re
import sys

path, parts = sys.argv[1], sys.argv[2:]
names = {}
calls = collections.Counter()
inclusive = collections.Counter()
pending_callee = None
pending_calls = None
name_pattern = re.compile(r"^\((\d+)\)(?: (.*))?$")


def resolve(field):
    """Callgrind compresses a repeated name to "(id)"; its first use is "(id) name"."""
    match = name_pattern.match(field)
    if not match:
        return field
    number, name = match.groups()
    if name is not None:
        names[number] = name
    return names.get(number, field)


with open(path, encoding="utf-8", errors="replace") as handle:
    for line in handle:
        line = line.rstrip("\n")
        if line.startswith("fn="):
            resolve(line[3:])
        elif line.startswith("cfn="):
            pending_callee = resolve(line[4:])
        elif line.startswith("calls="):
            pending_calls = int(line[6:].split()[0])
        elif pending_calls is not None and line and (line[0].isdigit() or line[0] in "+-*"):
            fields = line.split()
            if len(fields) >= 2:
                calls[pending_callee] += pending_calls
                inclusive[pending_callee] += int(fields[1])
            pending_calls = None

for part in parts:
    matching = [name for name in inclusive if part in name]
    if not matching:
        sys.exit(f"no called function's name contains {part!r}")
    symbol = max(matching, key=lambda name: inclusive[name])
    count = calls[symbol]
    print(f"{part}\t{count}\t{inclusive[symbol]}\t{inclusive[symbol] / count:.0f}\t{symbol}")
