#!/usr/bin/env python3
"""Data-driven coding tests: every tests/coding/*.test file holds cases

    # comment
    date: 2024-10-03                 (sticky until changed)
    text: Russian troops shelled Ukrainian positions.
    expect: RUSMIL UKRMIL 19*        (SOURCE TARGET CODE; CODE may end in * = root;
                                      '-' for an absent actor, '?' for any)
    reject: ? ? 010                  (no event may match)
    none                             (no event at all)
    actor: Kremlin forces = RUSMIL   (an actor mention with this text and code)

A case starts at each 'text:' line. Prints PASS/FAIL per case."""
import glob, json, os, subprocess, sys

dyad = os.environ.get("DYAD", "build/dyad")
cases = []
for path in sorted(glob.glob(os.path.join(os.path.dirname(__file__), "*.test"))):
    date = None
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, _, val = line.partition(":")
        key = key.strip()
        val = val.strip()
        if line.strip() == "none":
            cases[-1]["checks"].append(("none", None))
        elif key == "date":
            date = val
        elif key == "text":
            cases.append({"id": "%s:%d" % (os.path.basename(path), n), "text": val, "date": date, "checks": []})
        elif key in ("expect", "reject"):
            cases[-1]["checks"].append((key, val.split()))
        elif key == "actor":
            t, _, c = val.rpartition("=")
            cases[-1]["checks"].append(("actor", (t.strip(), c.strip())))
        else:
            print("FAIL %s:%d: cannot read line" % (path, n))
            sys.exit(1)

inp = "".join(json.dumps({"id": c["id"], "date": c["date"], "text": c["text"]}) + "\n" for c in cases)
out = subprocess.run([dyad, "code", "--jsonl"], input=inp.encode(), capture_output=True)
res = {}
for line in out.stdout.decode().splitlines():
    d = json.loads(line)
    res[d["id"]] = d

def match(ev, spec):
    s, t, c = spec
    sc = (ev.get("source") or {}).get("code", "-") if ev.get("source") else "-"
    tc = (ev.get("target") or {}).get("code", "-") if ev.get("target") else "-"
    if s != "?" and s != sc:
        return False
    if t != "?" and t != tc:
        return False
    if c.endswith("*"):
        return ev["code"].startswith(c[:-1])
    return ev["code"] == c

fails = 0
for c in cases:
    d = res.get(c["id"])
    evs = d["events"] if d else []
    bad = []
    for kind, arg in c["checks"]:
        if kind == "expect" and not any(match(e, arg) for e in evs):
            bad.append("missing " + " ".join(arg))
        if kind == "reject" and any(match(e, arg) for e in evs):
            bad.append("unwanted " + " ".join(arg))
        if kind == "none" and evs:
            bad.append("expected no event")
        if kind == "actor" and not any(a["text"] == arg[0] and a["code"] == arg[1] for a in (d or {}).get("actors", [])):
            bad.append("missing actor %s=%s" % arg)
    if bad:
        fails += 1
        got = ", ".join("%s %s %s" % ((e.get("source") or {}).get("code", "-"), (e.get("target") or {}).get("code", "-"), e["code"]) for e in evs)
        print("FAIL coding/%s: %s | text: %s | got: %s" % (c["id"], "; ".join(bad), c["text"], got))
    else:
        print("PASS coding/%s" % c["id"])
sys.exit(1 if fails else 0)
