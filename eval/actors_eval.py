#!/usr/bin/env python3
"""actors_eval.py [-v] DYAD [SHARED] - actor recognition on the development gold.

Reads ../shared/eval/cameo-dev.tsv (rows with source_actors) and
plover-gsr-dev.json by path (nothing is copied), codes every sentence with
`DYAD code --jsonl` and separates the two ways an event's actors go wrong:

  recognition   is each gold actor text found as an actor mention with the
                right country? A gold actor "Russian Foreign Minister Ivan
                Petrov=RUS/GOV" counts as recognised when a mention overlapping
                its text carries a code starting with RUS. Prints the share
                recognised, found with another code, and not found at all.
  event actors  the "actor accuracy" of eval/cameo_eval.py (rows whose gold root
                was coded: does an event of that root have the gold source
                country, and target country when given?), with every failure put
                in one class: "recognition" (some gold actor of the row is not
                recognised with the right country, so no event coder could get
                it right) or "attachment" (every gold actor was recognised, but
                the event took other mentions as source or target).

The country of a code is its first three letters ("IGOWSTNAT" -> "IGO"), as in
cameo_eval.py. -v lists every unrecognised actor and every failing event row.
Skips cleanly (exit 0) when the gold is absent."""
import collections, json, os, subprocess, sys

args = [a for a in sys.argv[1:] if a != "-v"]
verbose = "-v" in sys.argv[1:]
dyad = args[0] if args else "build/dyad"
shared = args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared")
cameo = os.path.join(shared, "eval", "cameo-dev.tsv")
plover = os.path.join(shared, "eval", "plover-gsr-dev.json")
if not os.path.exists(cameo):
    print("SKIP eval-actors: %s not found" % cameo)
    sys.exit(0)


def code_all(records):
    # keyed by position: the gold has records sharing an id
    inp = "".join(json.dumps({"id": r["key"], "date": r.get("date") or "2000-01-01", "text": r["text"]}) + "\n"
                  for r in records)
    out = subprocess.run([dyad, "code", "--jsonl"], input=inp.encode(), capture_output=True).stdout
    res = {}
    for line in out.decode().split("\n"):   # not splitlines(): U+2028 may be in a text
        if not line.strip():
            continue
        d = json.loads(line)
        res[d["id"]] = d
    return res


def country(code):
    return (code or "")[:3]


def parse_cameo_actors(s):
    # "Hungarian=HUN/GOV; Romanian=ROU/GOV" -> [("Hungarian", "HUN"), ...]
    out = []
    for part in s.split(";"):
        part = part.strip()
        if "=" in part:
            text, code = part.rsplit("=", 1)
            out.append((text.strip(), code.split("/")[0].strip()))
    return out


def spans_of(text, sent):
    """Byte spans of the gold actor text in the sentence ("U.S. ... negotiators"
    gives two pieces); [] when it is not there."""
    out = []
    pos = 0
    b = sent.encode()
    for piece in text.split("..."):
        piece = " ".join(piece.split())
        if not piece:
            continue
        i = -1
        # the gold writes straight apostrophes where the text may have curly ones
        for form in (piece, piece.replace("'", "\u2019"), piece.replace("\u2019", "'")):
            p = form.encode()
            i = b.find(p, pos)
            if i < 0:
                i = b.lower().find(p.lower(), pos)
            if i >= 0:
                break
        if i < 0:
            return []
        out.append((i, i + len(p)))
        pos = i + len(p)
    return out


# Codes the gold writes in a form the CAMEO/GDELT country table no longer has
# (the CAMEO manual's JAP and ITL); reported apart, never counted as right.
LEGACY = {"JAP": "JPN", "ITL": "ITA"}


def recognise(doc, sent, text, code):
    """'right', 'wrong' or 'none' (and the codes seen), or None when the gold
    text is not in the sentence."""
    sp = spans_of(text, sent)
    if not sp:
        return None, []
    seen = []
    for a in doc.get("actors", []):
        if any(a["start"] < e and s < a["end"] for s, e in sp):
            seen.append(a.get("code") or "")
    if any(country(c) == country(code) for c in seen):
        return "right", seen
    if any(country(c) == LEGACY.get(country(code)) for c in seen):
        return "legacy", seen
    return ("wrong" if any(seen) else "none"), seen


rows = []
with open(cameo, encoding="utf-8") as f:
    header = f.readline().rstrip("\n").split("\t")
    for line in f:
        c = line.rstrip("\n").split("\t")
        r = dict(zip(header, c + [""] * (len(header) - len(c))))
        src = parse_cameo_actors(r.get("source_actors", ""))
        if not src:
            continue
        rows.append({"set": "cameo", "id": r["id"], "text": r["sentence"], "root": r["cameo_code"][:2],
                     "src": src, "tgt": parse_cameo_actors(r.get("target_actors", ""))})
recs = json.load(open(plover, encoding="utf-8")) if os.path.exists(plover) else []
for r in recs:
    src = [(a.get("actorText", ""), a.get("code", "")) for a in r.get("source", [])]
    if not src:
        continue
    rows.append({"set": "plover", "id": r["id"], "text": r["text"], "date": r.get("date"),
                 # the gold's PLOVER 0.5 names in the 2021 table's (eval/cameo_eval.py)
                 "event": {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                           "FIGHT": "ASSAULT"}.get(r["event"], r["event"]), "src": src,
                 "tgt": [(a.get("actorText", ""), a.get("code", "")) for a in r.get("target", [])]})

for k, r in enumerate(rows):
    r["key"] = "%s-%d" % (r["set"], k)
res = {}
for name in ("cameo", "plover"):
    res.update(code_all([r for r in rows if r["set"] == name]))

for name in ("cameo", "plover"):
    part = [r for r in rows if r["set"] == name]
    cnt = collections.Counter()
    wrong = collections.Counter()
    ev_n = ev_ok = ev_recog = ev_attach = 0
    for r in part:
        doc = res.get(r["key"], {})
        row_ok = True
        for role in ("src", "tgt"):
            for text, code in r[role]:
                k, seen = recognise(doc, r["text"], text, code)
                if k is None:
                    cnt["absent"] += 1
                    continue
                cnt[k] += 1
                if k != "right":
                    row_ok = False
                    wrong[(k, text, code, " ".join(seen))] += 1
                    if verbose:
                        print("  %-5s %-45s gold %-6s got %s" % (k, text[:45], code, ",".join(seen) or "-"))
        # the event-level actor accuracy of cameo_eval.py, split by cause
        evs = doc.get("events", [])
        if name == "cameo":
            hit = [e for e in evs if e["root"] == r["root"]]
        else:
            hit = [e for e in evs if (e.get("plover") or {}).get("event") == r["event"]]
        if not hit:
            continue
        ev_n += 1
        srcs = [country(c) for _, c in r["src"]]
        tgts = [country(c) for _, c in r["tgt"]]
        good = any(country((e.get("source") or {}).get("code")) in srcs and
                   (not tgts or country((e.get("target") or {}).get("code")) in tgts) for e in hit)
        if good:
            ev_ok += 1
        elif row_ok:
            ev_attach += 1
            if verbose:
                print("  attach %s: %s | gold %s -> %s | got %s" % (
                    r["id"], r["text"][:90], srcs, tgts,
                    ["%s->%s" % ((e.get("source") or {}).get("code"), (e.get("target") or {}).get("code"))
                     for e in hit]))
        else:
            ev_recog += 1
    n = cnt["right"] + cnt["wrong"] + cnt["none"] + cnt["legacy"]
    print("%s gold actors: %d (%d more whose text is not in their sentence)" % (name, n, cnt["absent"]))
    print("  recognised with the right country  %5.2f  (%d)" % (cnt["right"] / n if n else 0, cnt["right"]))
    print("  found with another code            %5.2f  (%d)" % (cnt["wrong"] / n if n else 0, cnt["wrong"]))
    print("  not found                          %5.2f  (%d)" % (cnt["none"] / n if n else 0, cnt["none"]))
    print("  right but for the gold's legacy code (JAP, ITL)  %d" % cnt["legacy"])
    if ev_n:
        print("  event actor accuracy %5.2f over %d rows; failures: %d recognition, %d attachment"
              % (ev_ok / ev_n, ev_n, ev_recog, ev_attach))
