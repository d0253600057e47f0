#!/usr/bin/env python3
"""check.py DYAD CASES - runs the actor cases of CASES through `DYAD code
--jsonl` and prints PASS/FAIL per case. Exit status 1 when a case fails, 2
when the program gives no output.

CASES format: a case starts with "== NAME", then
  date YYYY-MM-DD          the document date (default 2024-06-01)
  text TEXT                a line of the document (repeat for more lines)
  expect TEXT = CODE       an actor mention whose text is exactly TEXT has CODE
  expect TEXT = CODE <- R  ... and refers to a mention whose text is R
  expect TEXT = CODE <- -  ... and refers to nothing
  absent TEXT              no actor mention has exactly the text TEXT
TEXT#N selects the N-th mention with that text (1-based; default the first).
Lines starting with '#' and blank lines are ignored."""
import json, re, subprocess, sys

dyad, path = sys.argv[1], sys.argv[2]
cases, cur = [], None
for n, line in enumerate(open(path, encoding="utf-8"), 1):
    line = line.rstrip("\n")
    if not line.strip() or line.startswith("#"):
        continue
    if line.startswith("== "):
        cur = {"name": line[3:].strip(), "date": "2024-06-01", "text": [], "checks": [], "line": n}
        cases.append(cur)
        continue
    key, _, rest = line.partition(" ")
    if cur is None or key not in ("date", "text", "expect", "absent"):
        print("FAIL actors/%s:%d: cannot read %r" % (path, n, line))
        sys.exit(2)
    if key == "date":
        cur["date"] = rest.strip()
    elif key == "text":
        cur["text"].append(rest)
    else:
        cur["checks"].append((key, rest.strip(), n))

inp = "".join(json.dumps({"id": c["name"], "date": c["date"], "text": "\n".join(c["text"]) + "\n"}) + "\n"
              for c in cases)
proc = subprocess.run([dyad, "code", "--jsonl"], input=inp.encode(), capture_output=True)
out = {}
for line in proc.stdout.decode().splitlines():
    try:
        d = json.loads(line)
        out[d.get("id")] = d
    except ValueError:
        pass
if not out:
    print("FAIL actors/run: no output from %s: %s" % (dyad, proc.stderr.decode()[:300]))
    sys.exit(2)


def pick(actors, spec):
    m = re.match(r"^(.*?)(?:#(\d+))?$", spec)
    text, nth = m.group(1).strip(), int(m.group(2) or 1)
    hits = [a for a in actors if a["text"] == text]
    return hits[nth - 1] if len(hits) >= nth else None


def show(actors):
    return "; ".join("%s=%s%s" % (a["text"], a["code"] or "-", " <- %s" % a["ref"] if a.get("ref") else "")
                     for a in actors)


failed = 0
for c in cases:
    d = out.get(c["name"])
    errs = []
    if d is None:
        errs.append("no record")
    else:
        actors = d.get("actors", [])
        for kind, spec, n in c["checks"]:
            if kind == "absent":
                if pick(actors, spec):
                    errs.append("line %d: %r should not be an actor" % (n, spec))
                continue
            m = re.match(r"^(.*?)\s*=\s*(\S*)\s*(?:<-\s*(.*))?$", spec)
            if not m:
                errs.append("line %d: cannot read %r" % (n, spec))
                continue
            who, code, ref = m.group(1), m.group(2), m.group(3)
            a = pick(actors, who)
            if a is None:
                errs.append("line %d: no actor %r" % (n, who))
            elif a["code"] != code:
                errs.append("line %d: %r is %s, want %s" % (n, who, a["code"] or "-", code))
            elif ref is not None and (a.get("ref") or "-") != ref.strip():
                errs.append("line %d: %r refers to %r, want %r" % (n, who, a.get("ref") or "-", ref.strip()))
    if errs:
        failed += 1
        print("FAIL actors/%s: %s" % (c["name"], "; ".join(errs)))
        if d is not None:
            print("     got: %s" % show(d.get("actors", [])))
    else:
        print("PASS actors/%s" % c["name"])
sys.exit(1 if failed else 0)
