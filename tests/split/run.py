#!/usr/bin/env python3
"""Data-driven sentence-splitting tests: tests/split/*.test hold cases

    === name
    the input text, any number of lines
    ---
    first expected sentence
    second expected sentence
    (sentences one per line; a sentence that spans lines in the input is
     written with its line breaks as ' / ')
Prints PASS/FAIL per case."""
import glob, json, os, subprocess, sys

dyad = os.environ.get("DYAD", "build/dyad")
fails = 0
for path in sorted(glob.glob(os.path.join(os.path.dirname(__file__), "*.test"))):
    blocks = open(path, encoding="utf-8").read().split("=== ")[1:]
    for b in blocks:
        name, _, rest = b.partition("\n")
        inp, _, exp = rest.partition("\n---\n")
        want = [l for l in exp.strip("\n").split("\n") if l.strip()]
        out = subprocess.run([dyad, "code"], input=inp.encode(), capture_output=True)
        d = json.loads(out.stdout.decode().splitlines()[0]) if out.stdout else {"sentences": []}
        raw = inp.encode()
        got = [raw[s["start"]:s["end"]].decode().replace("\n", " / ") for s in d["sentences"]]
        if got == want:
            print("PASS split/%s" % name.strip())
        else:
            fails += 1
            print("FAIL split/%s:\n  want %r\n  got  %r" % (name.strip(), want, got))
sys.exit(1 if fails else 0)
