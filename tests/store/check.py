#!/usr/bin/env python3
"""check.py - the comparisons of tests/store/run.sh. The expected values are
computed here from `dyad code --format events` on the same corpus (the coder's
own output, not the store), so the store is checked against an independent
path whatever the coder finds.

  check.py groups CORPUS EVENTS GOT.csv DIMS     `dyad query --group-by DIMS --format csv`
  check.py count CORPUS EVENTS N [filters]       N = number of events `dyad query` returned
  check.py records CORPUS EVENTS UNIQUE.jsonl    `dyad query --unique` (GDELT records)
  check.py same A.jsonl B.jsonl                  two `dyad query` dumps hold the same events
  check.py plover EVENTS PLOVER.jsonl            PLOVER records of the events
  check.py csv EVENTS FILE.csv                   the CSV view of the events

Each prints nothing and exits 0 on success, or prints what differs and exits 1.
"""
import collections
import csv
import json
import sys


def load_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(l) for l in fh if l.strip()]


def corpus_docs(path):
    return {d["id"]: d for d in load_jsonl(path)}


def code(ev, side):
    a = ev.get(side)
    return (a or {}).get("code") or ""


def day_of(ev, docs):
    d = ev.get("date")
    if d and len(d) == 10 and d[4] == "-" and d[7] == "-":
        return d
    return docs[ev["id"]].get("date") or ""


def key_of(ev, docs, dims):
    k = []
    for dim in dims:
        if dim == "dyad":
            k += [code(ev, "source"), code(ev, "target")]
        elif dim == "source":
            k.append(code(ev, "source"))
        elif dim == "target":
            k.append(code(ev, "target"))
        elif dim == "day":
            k.append(day_of(ev, docs))
        elif dim == "month":
            k.append(day_of(ev, docs)[:7])
        elif dim == "code":
            k.append(ev["code"])
        elif dim == "root":
            k.append(ev["root"])
        elif dim == "country":
            k.append((ev.get("location") or {}).get("country") or "")
        else:
            raise SystemExit(f"check.py: unknown dimension {dim}")
    return tuple(k)


def fail(msgs):
    for m in msgs[:15]:
        print("  " + m)
    sys.exit(1 if msgs else 0)


def cmd_groups(corpus, events, got_csv, dims):
    docs = corpus_docs(corpus)
    dims = dims.split(",")
    want = collections.defaultdict(lambda: [0, 0.0])
    for ev in load_jsonl(events):
        w = want[key_of(ev, docs, dims)]
        w[0] += 1
        w[1] += float(ev["goldstein"])
    got = {}
    with open(got_csv, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    head, rows = rows[0], rows[1:]
    nkey = head.index("count")
    for r in rows:
        got[tuple(r[:nkey])] = (int(r[nkey]), float(r[nkey + 2]))
    msgs = []
    # the store writes the dyad dimension as two columns, day as "period"
    for k, (n, g) in sorted(want.items()):
        if k not in got:
            msgs.append(f"group {k}: missing (want {n})")
        elif got[k][0] != n or abs(got[k][1] - g) > 1e-6:
            msgs.append(f"group {k}: got {got[k]}, want {(n, g)}")
    for k in got:
        if k not in want:
            msgs.append(f"group {k}: not expected ({got[k]})")
    fail(msgs)


def cmd_count(corpus, events, n, *filters):
    docs = corpus_docs(corpus)
    f = dict(zip(filters[0::2], filters[1::2]))
    c = 0
    for ev in load_jsonl(events):
        day = day_of(ev, docs)
        s, t = code(ev, "source"), code(ev, "target")
        if "--source" in f and not s.startswith(f["--source"]):
            continue
        if "--target" in f and not t.startswith(f["--target"]):
            continue
        if "--actor" in f and not (s.startswith(f["--actor"]) or t.startswith(f["--actor"])):
            continue
        if "--code" in f and not ev["code"].startswith(f["--code"]):
            continue
        if "--quad" in f and ev["quad_class"] != int(f["--quad"]):
            continue
        if "--from" in f and day < f["--from"]:
            continue
        if "--to" in f and day > f["--to"]:
            continue
        if "--negated" in f and ev["negated"] != (f["--negated"] == "yes"):
            continue
        c += 1
    fail([] if c == int(n) else [f"{n} events, want {c}"])


def cmd_records(corpus, events, unique):
    docs = corpus_docs(corpus)
    recs = collections.defaultdict(list)
    for ev in load_jsonl(events):
        k = (code(ev, "source"), code(ev, "target"), ev["code"], day_of(ev, docs), bool(ev["negated"]))
        recs[k].append(ev)
    msgs = []
    got = load_jsonl(unique)
    if len(got) != len(recs):
        msgs.append(f"{len(got)} records, want {len(recs)}")
    for r in got:
        k = (code(r, "source"), code(r, "target"), r["code"], r["day"], bool(r["negated"]))
        evs = recs.get(k)
        if evs is None:
            msgs.append(f"record {k} not expected")
            continue
        want = (len(evs), len({e["id"] for e in evs}),
                len({docs[e["id"]].get("source") or "" for e in evs}))
        if (r["mentions"], r["articles"], r["sources"]) != want:
            msgs.append(f"record {k}: mentions/articles/sources "
                        f"{(r['mentions'], r['articles'], r['sources'])}, want {want}")
    if not any(len({e["id"] for e in v}) > 1 for v in recs.values()) and recs:
        msgs.append("no record is reported by two documents: the corpus should have some")
    fail(msgs)


def strip(ev):
    ev = dict(ev)
    ev.pop("event_id", None)
    return json.dumps(ev, sort_keys=True)


def cmd_same(a, b):
    x = sorted(strip(e) for e in load_jsonl(a))
    y = sorted(strip(e) for e in load_jsonl(b))
    msgs = []
    if len(x) != len(y):
        msgs.append(f"{len(x)} events vs {len(y)}")
    cx, cy = collections.Counter(x), collections.Counter(y)
    for e in list((cx - cy).elements())[:5]:
        msgs.append("only in first: " + e[:200])
    for e in list((cy - cx).elements())[:5]:
        msgs.append("only in second: " + e[:200])
    fail(msgs)


def cmd_plover(events, plover):
    evs = [e for e in load_jsonl(events) if (e.get("plover") or {}).get("event")]
    recs = load_jsonl(plover)
    msgs = []
    if len(recs) != len(evs):
        msgs.append(f"{len(recs)} PLOVER records for {len(evs)} events with a PLOVER category")
    for r, e in zip(recs, evs):
        for k in ("id", "date", "actor", "recipient", "event", "mode", "context", "event_text"):
            if k not in r:
                msgs.append(f"{r.get('id')}: no {k}")
        if r.get("event") != [e["plover"]["event"]]:
            msgs.append(f"{r.get('id')}: event {r.get('event')} != {e['plover']['event']}")
        src = code(e, "source")
        if src and (not r["actor"] or r["actor"][0]["cameo"] != src or r["actor"][0]["code"] != src[:3]):
            msgs.append(f"{r.get('id')}: actor {r['actor']} for {src}")
    fail(msgs)


def cmd_csv(events, path):
    evs = load_jsonl(events)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    msgs = []
    if len(rows) != len(evs):
        msgs.append(f"{len(rows)} CSV rows for {len(evs)} events")
    for r, e in zip(rows, evs):
        if (r["doc_id"], r["code"], r["source_code"], r["target_code"], r["trigger"]) != (
                e["id"], e["code"], code(e, "source"), code(e, "target"), e["trigger"]["text"]):
            msgs.append(f"row {r['doc_id']}/{r['index']} differs from its event")
    fail(msgs)


if __name__ == "__main__":
    cmds = {"groups": cmd_groups, "count": cmd_count, "records": cmd_records, "same": cmd_same,
            "plover": cmd_plover, "csv": cmd_csv}
    cmds[sys.argv[1]](*sys.argv[2:])
