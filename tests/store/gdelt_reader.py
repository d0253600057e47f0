#!/usr/bin/env python3
"""gdelt_reader.py - a small GDELT 2.0 event-table reader, as the tools that
load GDELT files read them: tab-separated, no header, 61 columns in the order
of the GDELT 2.0 event codebook, each with its type.

Usage:
  gdelt_reader.py FILE.tsv EVENTS.jsonl [NAME [CORPUS.jsonl]]
      checks every row of FILE.tsv (61 columns, types), then compares it with
      the event of EVENTS.jsonl that has the same id (a `dyad query
      --format jsonl` or a `dyad code --format events` stream; with the
      latter, rows are matched in order, and CORPUS gives each document's url
      and date). NAME prefixes the check names. Prints one "PASS name" / "FAIL
      name" line per check and exits 1 on a failure.
"""
import json
import sys

# (name, type): int, float, str. The GDELT 2.0 event table, in file order.
COLUMNS = [
    ("GLOBALEVENTID", int), ("SQLDATE", int), ("MonthYear", int), ("Year", int),
    ("FractionDate", float),
] + [(f"Actor{n}{f}", str) for n in (1, 2) for f in (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code")] + [
    ("IsRootEvent", int), ("EventCode", str), ("EventBaseCode", str), ("EventRootCode", str),
    ("QuadClass", int), ("GoldsteinScale", float), ("NumMentions", int), ("NumSources", int),
    ("NumArticles", int), ("AvgTone", float),
] + [(f"{who}Geo_{f}", t) for who in ("Actor1", "Actor2", "Action") for f, t in (
    ("Type", int), ("FullName", str), ("CountryCode", str), ("ADM1Code", str),
    ("ADM2Code", str), ("Lat", float), ("Long", float), ("FeatureID", str))] + [
    ("DATEADDED", int), ("SOURCEURL", str),
]
assert len(COLUMNS) == 61


def parse_row(line):
    """A dict of the typed values of one row; raises ValueError if malformed."""
    cells = line.rstrip("\n").split("\t")
    if len(cells) != 61:
        raise ValueError(f"{len(cells)} columns, not 61")
    row = {}
    for (name, typ), v in zip(COLUMNS, cells):
        if typ is str or v == "":
            row[name] = v if typ is str else None
        else:
            row[name] = typ(v)   # ValueError when not a number of that type
    return row


def expect(failures, what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


def check_row(row, ev, doc):
    """doc: the input record of ev's document ({"url", "date"}) or {}."""
    f = []
    day = ev.get("day")
    if day is None:
        day = ev.get("date") if ev.get("date") and len(ev["date"]) == 10 else doc.get("date")
    if day and len(day) == 10:
        y, m, d = (int(x) for x in day.split("-"))
        expect(f, "SQLDATE", row["SQLDATE"], y * 10000 + m * 100 + d)
        expect(f, "MonthYear", row["MonthYear"], y * 100 + m)
        expect(f, "Year", row["Year"], y)
        expect(f, "FractionDate", round(row["FractionDate"], 4), round(y + (m * 30 + d) / 365.0, 4))
    src = (ev.get("source") or {}).get("code") or ""
    tgt = (ev.get("target") or {}).get("code") or ""
    expect(f, "Actor1Code", row["Actor1Code"], src)
    expect(f, "Actor2Code", row["Actor2Code"], tgt)
    for n, code in (("1", src), ("2", tgt)):
        if code:
            # the parts GDELT splits out must be 3-letter pieces of the code
            for part in ("CountryCode", "KnownGroupCode", "Type1Code", "Type2Code", "Type3Code",
                         "Religion1Code", "Religion2Code"):
                v = row[f"Actor{n}{part}"]
                if v and (len(v) != 3 or v not in [code[i:i + 3] for i in range(0, len(code), 3)]):
                    f.append(f"Actor{n}{part} {v!r} is not a part of {code!r}")
            name = (ev.get("source" if n == "1" else "target") or {}).get("text") or ""
            expect(f, f"Actor{n}Name", row[f"Actor{n}Name"], name.upper().replace("\t", " "))
    expect(f, "EventCode", row["EventCode"], ev["code"])
    expect(f, "EventBaseCode", row["EventBaseCode"], ev["code"][:3])
    expect(f, "EventRootCode", row["EventRootCode"], ev["root"])
    expect(f, "QuadClass", row["QuadClass"], ev["quad_class"])
    expect(f, "GoldsteinScale", row["GoldsteinScale"], float(ev["goldstein"]))
    expect(f, "IsRootEvent", row["IsRootEvent"], 1 if ev["sentence"] == 0 else 0)
    for k, name in (("mentions", "NumMentions"), ("sources", "NumSources"), ("articles", "NumArticles")):
        expect(f, name, row[name], ev.get(k, 1))
    if not (row["NumSources"] <= row["NumArticles"] <= row["NumMentions"]):
        f.append("NumSources <= NumArticles <= NumMentions does not hold")
    loc = ev.get("location")
    if loc:
        expect(f, "ActionGeo_FullName", row["ActionGeo_FullName"], loc["name"])
        if row["ActionGeo_Type"] not in (1, 2, 3, 4, 5):
            f.append(f"ActionGeo_Type {row['ActionGeo_Type']}")
        if loc.get("lat") is not None:
            expect(f, "ActionGeo_Lat", round(row["ActionGeo_Lat"], 3), round(loc["lat"], 3))
            expect(f, "ActionGeo_Long", round(row["ActionGeo_Long"], 3), round(loc["lon"], 3))
        cc = row["ActionGeo_CountryCode"]
        if cc and len(cc) != 2:
            f.append(f"ActionGeo_CountryCode {cc!r} is not FIPS 10-4")
    else:
        expect(f, "ActionGeo_Type", row["ActionGeo_Type"], 0)
    if len(str(row["DATEADDED"])) != 14:
        f.append(f"DATEADDED {row['DATEADDED']} is not YYYYMMDDHHMMSS")
    expect(f, "SOURCEURL", row["SOURCEURL"], ev.get("url") or doc.get("url") or ev["id"])
    return f


def main():
    tsv, evfile = sys.argv[1], sys.argv[2]
    rows, bad = [], []
    with open(tsv, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            try:
                rows.append(parse_row(line))
            except ValueError as e:
                bad.append(f"line {i}: {e}")
    events = [json.loads(l) for l in open(evfile, encoding="utf-8") if l.strip()]
    ok = True

    def report(name, failures):
        nonlocal ok
        if failures:
            ok = False
            print(f"FAIL {name}")
            for x in failures[:10]:
                print(f"  {x}")
        else:
            print(f"PASS {name}")

    prefix = sys.argv[3] if len(sys.argv) > 3 else "gdelt"
    docs = {}
    if len(sys.argv) > 4:   # the input corpus: urls and dates of the documents
        for l in open(sys.argv[4], encoding="utf-8"):
            if l.strip():
                d = json.loads(l)
                docs[d.get("id")] = d
    report(f"{prefix}/61-typed-columns ({len(rows)} rows)", bad)
    if "event_id" in (events[0] if events else {}):
        by_id = {e["event_id"]: e for e in events}
        fails = []
        if len(by_id) != len(rows):
            fails.append(f"{len(rows)} rows for {len(by_id)} events")
        for r in rows:
            ev = by_id.get(r["GLOBALEVENTID"])
            if ev is None:
                fails.append(f"GLOBALEVENTID {r['GLOBALEVENTID']} unknown")
                continue
            fails += [f"{r['GLOBALEVENTID']}: {x}" for x in check_row(r, ev, {})]
        report(f"{prefix}/values-round-trip", fails)
    else:
        fails = []
        if len(events) != len(rows):
            fails.append(f"{len(rows)} rows for {len(events)} events")
        ids = set()
        for r, ev in zip(rows, events):
            ids.add(r["GLOBALEVENTID"])
            fails += [f"{ev['id']}: {x}" for x in check_row(r, ev, docs.get(ev["id"], {}))]
        if len(ids) != len(rows):
            fails.append("GLOBALEVENTID not unique")
        report(f"{prefix}/values-round-trip", fails)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
