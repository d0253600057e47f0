#!/usr/bin/env python3
"""cameo_eval.py DYAD [SHARED] - event-coding accuracy on the development gold.

Reads ../shared/eval/cameo-dev.tsv and plover-gsr-dev.json (by path; nothing is
copied), codes every sentence with `DYAD code --jsonl`, and prints per root
class and overall:
  root recall     share of gold codes whose root is among the predicted events
  exact recall    share of gold codes predicted exactly
  root precision  share of predicted events whose root is the gold root
  events/sentence
  actor accuracy  among rows with gold actors where the gold root was found:
                  share whose source (and target, when given) country matches;
                  and per actor: each gold source or target counted apart
and, for the PLOVER file, PLOVER event recall and actor accuracy (the gold's
PLOVER 0.5 category names translated to the 2021 table's, see PLOVER_RENAMED;
withdrawn CAMEO country codes to current ones, see LEGACY).
Skips cleanly (exit 0) when the gold is absent."""
import collections, json, os, subprocess, sys

dyad = sys.argv[1] if len(sys.argv) > 1 else "build/dyad"
shared = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "shared")
cameo = os.path.join(shared, "eval", "cameo-dev.tsv")
plover = os.path.join(shared, "eval", "plover-gsr-dev.json")
if not os.path.exists(cameo):
    print("SKIP eval: %s not found" % cameo)
    sys.exit(0)

def code_all(records):
    # ids are made unique by position: the gold may repeat an id
    inp = "".join(json.dumps({"id": "%d" % i, "date": r.get("date") or "2000-01-01", "text": r["text"]}) + "\n"
                  for i, r in enumerate(records))
    out = subprocess.run([dyad, "code", "--jsonl"], input=inp.encode(), capture_output=True).stdout
    res = {}
    for line in out.decode().split("\n"):
        if line.strip():
            d = json.loads(line)
            res[records[int(d["id"])]["_key"]] = d
    return res

def parse_actors(s):
    # "Hungarian=HUN/GOV; Romanian=ROU/GOV" -> list of country codes
    out = []
    for part in s.split(";"):
        part = part.strip()
        if "=" in part:
            out.append(part.split("=", 1)[1].split("/")[0].strip())
    return out

# The gold carries some withdrawn CAMEO country codes where dyad writes the
# current ones (data/actors/countries.txt says which); both spell one country.
LEGACY = {"JAP": "JPN", "ITL": "ITA", "ROM": "ROU", "MTN": "MNE", "TMP": "TLS", "IMY": "IMN"}

def country(code):
    c = (code or "")[:3]
    return LEGACY.get(c, c)

rows = []
with open(cameo, encoding="utf-8") as f:
    header = f.readline().rstrip("\n").split("\t")
    for line in f:
        c = line.rstrip("\n").split("\t")
        r = dict(zip(header, c + [""] * (len(header) - len(c))))
        rows.append({"_key": len(rows), "id": r["id"], "text": r["sentence"], "code": r["cameo_code"],
                     "src": parse_actors(r.get("source_actors", "")), "tgt": parse_actors(r.get("target_actors", ""))})
res = code_all(rows)

per = collections.defaultdict(lambda: [0, 0, 0, 0, 0])  # n, root hit, exact hit, pred, pred ok
tot_pred = tot_ok = 0
act_n = act_ok = 0
slot_n = slot_ok = 0   # each gold actor slot (source, target) on its own
for r in rows:
    root = r["code"][:2]
    evs = res.get(r["_key"], {}).get("events", [])
    roots = {e["root"] for e in evs}
    codes = {e["code"] for e in evs}
    p = per[root]
    p[0] += 1
    p[1] += root in roots
    p[2] += r["code"] in codes
    p[3] += len(evs)
    p[4] += sum(e["root"] == root for e in evs)
    if r["src"] and root in roots:
        act_n += 1
        good = False
        best = 0
        for e in evs:
            if e["root"] != root:
                continue
            s_ok = country((e.get("source") or {}).get("code")) in [country(x) for x in r["src"]]
            t_ok = (not r["tgt"]) or country((e.get("target") or {}).get("code")) in [country(x) for x in r["tgt"]]
            if s_ok and t_ok:
                good = True
            best = max(best, s_ok + (bool(r["tgt"]) and t_ok))
        act_ok += good
        slot_n += 1 + bool(r["tgt"])
        slot_ok += best

def pct(a, b):
    return "%5.3f" % (a / b) if b else "  -  "

print("CAMEO development gold (%s): %d sentences" % (os.path.basename(cameo), len(rows)))
print("root  n    root-recall exact-recall root-precision events/sent")
T = [0, 0, 0, 0, 0]
for root in sorted(per):
    p = per[root]
    T = [a + b for a, b in zip(T, p)]
    print("%-4s %3d    %s        %s         %s          %.2f" % (root, p[0], pct(p[1], p[0]), pct(p[2], p[0]), pct(p[4], p[3]), p[3] / p[0]))
print("all  %3d    %s        %s         %s          %.2f" % (T[0], pct(T[1], T[0]), pct(T[2], T[0]), pct(T[4], T[3]), T[3] / T[0]))
print("actor accuracy (source/target country of the right-root event): %s over %d rows" % (pct(act_ok, act_n), act_n))
print("  per actor (source and target slots counted apart, best event of the root): %s over %d slots"
      % (pct(slot_ok, slot_n), slot_n))

# The PLOVER gold is written with PLOVER 0.5's category names; dyad writes the
# names of the 2021 CAMEO-to-PLOVER table (../shared/reference/cameo2plover.tsv,
# PLOVER manual 0.8, "PLOVER equivalents to CAMEO cue categories"), which renamed
# four of them. The gold's names are translated; the untranslated figure is
# printed too.
PLOVER_RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

if os.path.exists(plover):
    recs = json.load(open(plover, encoding="utf-8"))
    prs = code_all([{"_key": i, "id": r["id"], "text": r["text"], "date": r.get("date")} for i, r in enumerate(recs)])
    n = hit = an = aok = npred = hit_raw = sn = sok = 0
    for i, r in enumerate(recs):
        evs = prs.get(i, {}).get("events", [])
        npred += len(evs)
        pe = {(e.get("plover") or {}).get("event") for e in evs}
        n += 1
        hit_raw += r["event"] in pe
        r = dict(r, event=PLOVER_RENAMED.get(r["event"], r["event"]))
        found = r["event"] in pe
        hit += found
        srcs = [country(a.get("code")) for a in r.get("source", [])]
        tgts = [country(a.get("code")) for a in r.get("target", [])]
        if found and srcs:
            an += 1
            ok = any((e.get("plover") or {}).get("event") == r["event"]
                     and country((e.get("source") or {}).get("code")) in srcs
                     and (not tgts or country((e.get("target") or {}).get("code")) in tgts) for e in evs)
            aok += ok
            sn += 1 + bool(tgts)
            sok += max((country((e.get("source") or {}).get("code")) in srcs)
                       + (bool(tgts) and country((e.get("target") or {}).get("code")) in tgts)
                       for e in evs if (e.get("plover") or {}).get("event") == r["event"])
    print("PLOVER gold (%s): %d records, PLOVER event recall %s, events/record %.2f, actor accuracy %s over %d"
          % (os.path.basename(plover), n, pct(hit, n), npred / n, pct(aok, an), an))
    print("  per actor (source and target slots counted apart): %s over %d slots" % (pct(sok, sn), sn))
    print("actor accuracy, both files (the development data as a whole): %s over %d rows"
          % (pct(act_ok + aok, act_n + an), act_n + an))
    print("  (recall with the gold's PLOVER 0.5 names untranslated: %s)" % pct(hit_raw, n))
