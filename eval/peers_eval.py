#!/usr/bin/env python3
"""peers_eval.py - dyad on the validation suites of earlier event coders, with
their own dictionaries (docs/compat.md).

    python3 eval/peers_eval.py [--dyad build/dyad] [--peers ../shared/eval/peer-suites]
                               [--suite petrarch1|tabari|all] [--failures] [--floor FILE]

Suites (third-party material, read by path, never copied into the project):
  petrarch1  PETR.UnitTest.records.xml: the valid="true" records; text from
             <Text> (the <Parse> is ignored: dyad codes from raw text),
             expected <EventCoding sourcecode= targetcode= eventcode=>,
             noevents="True" or error="storydiscard|sentencediscard" = no event.
  tabari     Validate.text up to the record FINAL-01 (the standard records):
             expected "{ SRC / TGT / CODE }" in the record's comment, "{---}",
             "{###}", "{+++}" = no event; "-{...}" is a disabled expectation.
Each record is one JSONL document {"id","date","text"}, coded by
    dyad code --jsonl --dict-format petrarch --dict-dir DIR
Pass rule: the set of (source, target, code) triples dyad produces equals the
expected set. Codes are compared after normalising the null actor: "---" and ""
are "no actor", "---GOV" (PETRARCH) and "~GOV" (TABARI) are the agent "GOV".
Records that cannot apply to raw text are excluded and counted apart:
PETRARCH's error="bad_input_parse" (malformed <Parse>) and error="dateline"
(a parser-level check); TABARI records that only set an option (also those
whose "{ OPTION: ..." comment is never closed). TABARI records coded under
options other than TABARI's defaults are counted, and shown apart; the
defaults are those of Validate.text itself (COMMA: MIN = 2 MAX = 10 EMIN = 2
EMAX = 10, no initial clause; MINIMUM WORDS = 8), so "COMMA: OFF" is an
option and "SET: MINIMUM WORDS = 8" a return to the defaults.
Failures are sorted by a first cause (see CAUSES). Prints "SKIP ..." and exits 0
when the suites are absent. With --floor FILE ("suite passed" lines), exits 1
when a suite passes fewer records than its floor (tests/peers/run.sh).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

CAUSES = [
    ("option", "TABARI: the record follows an OPTION record that changes how TABARI codes "
               "(DEFAULT actors, CODE BY, FORWARD, COMMA, MINIMUM WORDS, TIME SHIFT ...)"),
    ("actor", "an expected actor code is not among dyad's actor mentions (actor dictionary "
              "matching: phrases, agents, dates, stems)"),
    ("no-event", "the actors are found but no event at all is coded (verb not found as a verb "
                 "group, pattern not matched, modality)"),
    ("code", "an event links the expected actors, with another code (pattern choice)"),
    ("roles", "the expected code is coded with other source/target (parser roles)"),
    ("extra", "every expected event is coded, plus others (over-coding)"),
    ("spurious", "no event is expected and dyad codes one"),
    ("other", "anything else"),
]


def norm_actor(c):
    c = (c or "").strip().upper()
    if c.startswith("~"):
        c = c[1:]
    if c.startswith("---"):
        c = c[3:]
    return c


def norm_code(c):
    return (c or "").strip().upper()


def ymd(d):
    d = d.strip()
    if len(d) == 8:
        return "%s-%s-%s" % (d[:4], d[4:6], d[6:])
    if len(d) == 6:
        y = int(d[:2])
        y += 2000 if y < 50 else 1900
        return "%d-%s-%s" % (y, d[2:4], d[4:])
    return None


def attr(s, k):
    m = re.search(k + r'\s*=\s*"([^"]*)"', s)
    return m.group(1) if m else None


def unescape(t):
    return (t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
             .replace("&apos;", "'").replace("&amp;", "&"))


def petrarch1_records(path):
    """(id, date, text, expected set or None when excluded, note, options)"""
    s = open(path, encoding="utf-8", errors="replace").read()
    s = re.sub(r"<!--.*?-->", "", s, flags=re.S)
    out = []
    for a, body in re.findall(r"<Sentence\s([^>]*)>(.*?)</Sentence>", s, re.S):
        if attr(a, "valid") != "true":
            continue
        rid = attr(a, "id")
        m = re.search(r"<Text>(.*?)</Text>", body, re.S)
        text = unescape(" ".join(m.group(1).split())) if m else ""
        exp, note = set(), ""
        for m in re.finditer(r"<EventCoding([^>]*)>", body):
            ea = m.group(1)
            err = attr(ea, "error")
            if err in ("bad_input_parse", "dateline"):
                note = "excluded: error=%s tests PETRARCH's input/parse handling" % err
            elif err:
                note = "error=%s: no event" % err
            elif attr(ea, "noevents"):
                pass
            elif attr(ea, "eventcode") is not None:
                exp.add((norm_actor(attr(ea, "sourcecode")), norm_actor(attr(ea, "targetcode")),
                         norm_code(attr(ea, "eventcode"))))
        out.append((rid, ymd(attr(a, "date") or ""), text,
                    None if note.startswith("excluded") else exp, note, ()))
    return out


def tabari_option(active, opt):
    """Track the TABARI options in force (those that differ from
    Validate.options) after the OPTION text opt."""
    o = " ".join(opt.upper().split())
    key, _, val = o.partition(":")
    key, val = key.strip(), val.strip()
    if key == "SET":
        k, _, v = val.partition("=")
        k, v = k.strip(), v.strip()
        if k.startswith("CODE"):
            (active.discard if "CLAUSE" in k else active.add)("CODE BY")
        elif k == "YYYY":
            pass   # the date format only
        elif k == "MINIMUM WORDS":
            # 8 is TABARI's default (MINWRD-Cancel: "Resetting ... to the default")
            (active.discard if v.split()[:1] == ["8"] else active.add)(k)
        elif v in ("FALSE", "OFF"):
            active.discard(k)
        else:
            active.add(k)
    elif key in ("DEFAULT", "FORWARD"):
        (active.discard if val.endswith("OFF") else active.add)(key)
    elif key == "COMMA":
        # TABARI's default deletes comma-delimited clauses of 2 to 10 words
        # (COMMA-Cancel: "returning to the state prior to the change");
        # "COMMA: OFF" turns that off, other lengths change it
        v = " ".join(val.replace("=", " = ").split())
        (active.discard if v == "MIN = 2 MAX = 10 EMIN = 2 EMAX = 10 BMIN = 255 BMAX = 0"
         else active.add)(key)
    elif key == "COMPLEX":
        (active.discard if "NOACTPRIOR" in val else active.add)(key)


def tabari_records(path):
    lines = open(path, encoding="latin-1").read().split("\n")
    hdr = re.compile(r"^(\d{6})\s+(\S+)\s*$")
    out = []
    active = set()
    i = 0
    while i < len(lines):
        m = hdr.match(lines[i])
        if not m:
            i += 1
            continue
        date, rid = m.groups()
        i += 1
        text, com = [], []
        while i < len(lines) and "/*" not in lines[i] and not hdr.match(lines[i]):
            text.append(lines[i])
            i += 1
        if i < len(lines) and "/*" in lines[i]:
            a, rest = lines[i].split("/*", 1)
            text.append(a)
            while "*/" not in rest and i + 1 < len(lines):
                com.append(rest)
                i += 1
                rest = lines[i]
            com.append(rest.split("*/")[0])
            i += 1
        comment = " ".join(com)
        exp, note, option = set(), "", False
        opts = tuple(sorted(active))
        found = re.findall(r"(-?)\{([^}]*)\}", comment)
        # an OPTION comment whose brace is never closed ("{ OPTION: SET:
        # MINIMUM WORDS = 4  */") sets its option all the same
        m = re.search(r"\{\s*(OPTION:[^}]*)$", comment)
        if m:
            found.append(("", m.group(1)))
        for neg, e in found:
            e = e.strip()
            if e.upper().startswith("OPTION"):
                option = True
                tabari_option(active, e.split(":", 1)[1])
            elif neg:
                continue
            elif "/" in e:
                parts = [x.strip() for x in e.split("/")]
                if len(parts) >= 3:
                    code = parts[2].split()[0] if parts[2].split() else ""
                    exp.add((norm_actor(parts[0]), norm_actor(parts[1]), norm_code(code)))
        if option and not exp:
            note = "excluded: sets a TABARI option"
        out.append((rid, ymd(date), " ".join(" ".join(text).split()),
                    None if note else exp, note, opts))
        if rid == "FINAL-01":
            break
    return out


def run_dyad(dyad, dict_dir, recs):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for k, (rid, date, text, exp, note, opts) in enumerate(recs):
            d = {"id": "%d" % k, "text": text}
            if date:
                d["date"] = date
            f.write(json.dumps(d) + "\n")
        name = f.name
    try:
        p = subprocess.run([dyad, "code", "--jsonl", "--dict-format", "petrarch", "--dict-dir",
                            dict_dir, name], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True)
    finally:
        os.unlink(name)
    if p.returncode not in (0, 1) or not p.stdout:
        sys.stderr.write(p.stderr)
        raise SystemExit("peers_eval: dyad failed (exit %d)" % p.returncode)
    out = {}
    for line in p.stdout.splitlines():
        d = json.loads(line)
        out[int(d["id"])] = d
    return out


def triples(doc):
    got = set()
    for e in doc.get("events") or []:
        s = e.get("source") or {}
        t = e.get("target") or {}
        got.add((norm_actor(s.get("code")), norm_actor(t.get("code")), norm_code(e.get("code"))))
    return got


def cause(exp, got, doc, opts):
    if opts:
        return "option"
    if not exp:
        return "spurious"
    actors = set()
    for a in doc.get("actors") or []:
        c = norm_actor(a.get("code"))
        actors.add(c)
        for part in c.split("/"):
            actors.add(part)
    for s, t, c in exp:
        for x in (s, t):
            if x and x not in actors:
                return "actor"
    if not got:
        return "no-event"
    if exp <= got:
        return "extra"
    pairs = {(s, t) for s, t, c in got}
    codes = {c for s, t, c in got}
    for s, t, c in exp:
        if (s, t, c) in got:
            continue
        if (s, t) in pairs:
            return "code"
        if c in codes:
            return "roles"
    return "other"


def evaluate(name, dyad, dict_dir, recs, show):
    docs = run_dyad(dyad, dict_dir, recs)
    n = passed = excluded = nopt = popt = 0
    by_cause = {}
    fails = []
    for k, (rid, date, text, exp, note, opts) in enumerate(recs):
        if exp is None:
            excluded += 1
            continue
        n += 1
        nopt += bool(opts)
        doc = docs.get(k, {})
        got = triples(doc)
        if got == exp:
            passed += 1
            popt += bool(opts)
            continue
        c = cause(exp, got, doc, opts)
        by_cause[c] = by_cause.get(c, 0) + 1
        fails.append((c, rid, text, exp, got))
    pct = 100.0 * passed / n if n else 0.0
    print("%-10s %d/%d records pass (%.1f%%), %d excluded" % (name, passed, n, pct, excluded))
    if nopt:
        m = n - nopt
        print("%-10s %d/%d (%.1f%%) of the records coded with TABARI's default options; %d/%d "
              "under other options" % ("", passed - popt, m, 100.0 * (passed - popt) / m, popt, nopt))
    for c, desc in CAUSES:
        if by_cause.get(c):
            print("  %-9s %3d  %s" % (c, by_cause[c], desc))
    if show:
        for c, rid, text, exp, got in sorted(fails):
            fmt = lambda s: " ".join("%s/%s/%s" % x for x in sorted(s)) or "-"
            print("  FAIL %-9s %-18s expected %s | got %s" % (c, rid, fmt(exp), fmt(got)))
            print("       %s" % text[:200])
    return passed, n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dyad", default="build/dyad")
    ap.add_argument("--peers", default=os.environ.get("PEERS", "../shared/eval/peer-suites"))
    ap.add_argument("--suite", default="all", choices=["all", "petrarch1", "tabari"])
    ap.add_argument("--failures", action="store_true", help="list every failing record")
    ap.add_argument("--floor", help="file of 'suite passed' lines: exit 1 below them")
    a = ap.parse_args()
    if not os.path.isdir(a.peers):
        print("SKIP eval-peers: %s not found (the peer suites live outside the project)" % a.peers)
        return 0
    suites = []
    if a.suite in ("all", "petrarch1"):
        d = os.path.join(a.peers, "petrarch1")
        suites.append(("petrarch1", d, petrarch1_records(os.path.join(d, "PETR.UnitTest.records.xml"))))
    if a.suite in ("all", "tabari"):
        d = os.path.join(a.peers, "tabari")
        suites.append(("tabari", d, tabari_records(os.path.join(d, "Validate.text"))))
    floors = {}
    if a.floor:
        for line in open(a.floor):
            f = line.split("#")[0].split()
            if len(f) == 2:
                floors[f[0]] = int(f[1])
    status = 0
    for name, d, recs in suites:
        passed, n = evaluate(name, a.dyad, d, recs, a.failures)
        if name in floors:
            ok = passed >= floors[name]
            print("%s peers/%s-floor (%d passed, floor %d)" % ("PASS" if ok else "FAIL", name,
                                                             passed, floors[name]))
            status |= not ok
    return status


if __name__ == "__main__":
    sys.exit(main())
