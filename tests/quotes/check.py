#!/usr/bin/env python3
"""check.py DYAD CASES - runs the quotation cases of CASES (format in its
header) through `DYAD code --jsonl` and prints PASS/FAIL per case.
Exit status 1 when a case fails, 2 when the program gives no output."""
import json, re, subprocess, sys

dyad, path = sys.argv[1], sys.argv[2]
cases, cur, part = [], None, None
for line in open(path, encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("=== "):
        cur = {"name": line[4:].strip(), "text": [], "exp": []}
        cases.append(cur)
        part = "text"
    elif cur is None or (part == "exp" and (not line.strip() or line.startswith("#"))):
        continue
    elif line == "---":
        part = "exp"
    else:
        cur[part].append(line)

inp = "".join(json.dumps({"id": c["name"], "date": "2024-01-15", "text": "\n".join(c["text"]) + "\n"}) + "\n"
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
    print("FAIL quotes/run: no output from %s: %s" % (dyad, proc.stderr.decode()[:300]))
    sys.exit(2)

def speaker_ok(q, want):
    s = q.get("speaker")
    if want == "-":
        return s is None
    return s is not None and (want in s.get("text", "") or want in (s.get("ref") or ""))

def show(q):
    s = q.get("speaker") or {}
    return "%s %r <- %s%s" % ("direct" if q["direct"] else "indirect", q["text"], s.get("text"),
                              " (%s)" % s["ref"] if s.get("ref") else "")

failed = 0
for c in cases:
    d = out.get(c["name"])
    errs = []
    if d is None:
        errs.append("no record")
    else:
        qs = d.get("quotes", [])
        for e in c["exp"]:
            m = re.match(r'^(direct|indirect|nodirect) "(.*)"\s*(\S*)$', e)
            if m:
                kind, text, who = m.groups()
                direct = kind != "indirect"
                hits = [q for q in qs if q["direct"] == direct and q["text"] == text]
                if kind == "nodirect":
                    if hits:
                        errs.append("unexpected direct %r" % text)
                elif not hits:
                    errs.append("missing %s %r" % (kind, text))
                elif not any(speaker_ok(q, who) for q in hits):
                    errs.append("speaker of %r is not %s" % (text, who))
                continue
            m = re.match(r"^(count|direct-count) (\d+)$", e)
            if m:
                n = len(qs) if m.group(1) == "count" else sum(1 for q in qs if q["direct"])
                if n != int(m.group(2)):
                    errs.append("%s %d, want %s" % (m.group(1), n, m.group(2)))
                continue
            errs.append("bad expectation line: %s" % e)
    if errs:
        failed += 1
        print("FAIL quotes/%s: %s" % (c["name"], "; ".join(errs)))
        for q in (d or {}).get("quotes", []):
            print("     got " + show(q))
    else:
        print("PASS quotes/%s" % c["name"])
sys.exit(1 if failed else 0)
