#!/usr/bin/env python3
"""api_test.py - tests of the HTTP API of `dyad serve` against a real server on
a loopback port (started by tests/web/run.sh). Compares the API with `dyad
query` on the same store and checks errors, limits and the static files.

Usage: api_test.py BASE_URL DYAD DB CORPUS
Prints "PASS web/api-..." / "FAIL web/api-..." lines; exit 1 on a failure.
"""
import concurrent.futures
import json
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

BASE, DYAD, DB, CORPUS = sys.argv[1:5]
failed = False


def report(name, ok, detail=""):
    global failed
    print(("PASS" if ok else "FAIL") + " web/api-" + name)
    if not ok:
        failed = True
        if detail:
            print("  " + str(detail)[:500])


def call(path, data=None, ctype=None, method=None, headers=None):
    """(status, content-type, body bytes) of one request."""
    h = dict(headers or {})
    if ctype:
        h["Content-Type"] = ctype
    req = urllib.request.Request(BASE + path, data=data, headers=h, method=method)
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def jcall(path, **kw):
    st, ct, body = call(path, **kw)
    try:
        return st, json.loads(body)
    except ValueError:
        return st, {"_raw": body[:200]}


def query(*args):
    out = subprocess.run([DYAD, "query", "--db", DB] + list(args), capture_output=True, check=True)
    return [json.loads(l) for l in out.stdout.decode().splitlines() if l.strip()]


def test(name):
    def wrap(fn):
        try:
            ok, detail = fn()
        except Exception as e:  # a test that crashes is a failure, not the end
            ok, detail = False, repr(e)
        report(name, ok, detail)
        return fn
    return wrap


docs = [json.loads(l) for l in open(CORPUS, encoding="utf-8") if l.strip()]


@test("health")
def _():
    st, j = jcall("/v1/health")
    return st == 200 and j.get("ok") is True, j


@test("stats")
def _():
    st, j = jcall("/v1/stats")
    return st == 200 and j["documents"] == len(docs), j


@test("events-match-query")
def _():
    st, j = jcall("/v1/events?source=RUS&limit=10000")
    want = query("--source", "RUS")
    strip = lambda e: {k: v for k, v in e.items()}
    return (st == 200 and j["count"] == len(want) and [strip(e) for e in j["events"]] == want,
            f"{j.get('count')} vs {len(want)}")


@test("events-default-limit-and-paging")
def _():
    st, a = jcall("/v1/events")
    st2, b = jcall("/v1/events?limit=5&offset=5")
    allev = query()
    ok = st == 200 and a["count"] == min(100, len(allev)) and a["limit"] == 100
    ok = ok and st2 == 200 and b["events"] == allev[5:10]
    return ok, (a.get("count"), len(allev))


@test("events-filters")
def _():
    st, j = jcall("/v1/events?" + urllib.parse.urlencode(
        {"actor": "UKR", "quad": "4", "from": "2024-01-05", "to": "2024-01-20", "limit": 10000}))
    want = query("--actor", "UKR", "--quad", "4", "--from", "2024-01-05", "--to", "2024-01-20")
    return st == 200 and j["events"] == want, (j.get("count"), len(want))


@test("events-csv-gdelt-plover")
def _():
    st1, ct1, csvb = call("/v1/events?format=csv&limit=10000")
    st2, ct2, tsv = call("/v1/events?format=gdelt&limit=10000")
    st3, ct3, pl = call("/v1/events?format=plover&limit=10000")
    rows = tsv.decode().splitlines()
    uniq = query("--unique")
    ok = st1 == st2 == st3 == 200 and "csv" in ct1 and "tab-separated" in ct2
    ok = ok and csvb.decode().splitlines()[0].startswith("doc_id,") and len(csvb.decode().splitlines()) == len(query()) + 1
    ok = ok and len(rows) == len(uniq) and all(len(r.split("\t")) == 61 for r in rows)
    ok = ok and all(json.loads(l)["event"] for l in pl.decode().splitlines())
    return ok, (st1, st2, st3, len(rows), len(uniq))


@test("dyads-match-query")
def _():
    st, j = jcall("/v1/dyads?group=dyad,day")
    out = subprocess.run([DYAD, "query", "--db", DB, "--group-by", "dyad,day"], capture_output=True, check=True)
    want = [json.loads(l) for l in out.stdout.decode().splitlines()]
    return st == 200 and j["groups"] == want and j["count"] == len(want), (j.get("count"), len(want))


@test("dyads-default-group")
def _():
    st, j = jcall("/v1/dyads")
    return st == 200 and j["group"] == "dyad" and all("source" in g and "period" not in g for g in j["groups"]), j.get("group")


@test("document-by-id")
def _():
    d = docs[3]
    st, j = jcall("/v1/documents/" + urllib.parse.quote(d["id"], safe=""))
    ok = st == 200 and j["text"] == d["text"] and j["record"]["id"] == d["id"]
    ok = ok and j["source"] == d["source"] and j["url"] == d["url"] and j["date"] == d["date"]
    return ok, st


@test("document-list")
def _():
    st, j = jcall("/v1/documents?limit=5&offset=1")
    ids = sorted(d["id"] for d in docs)[1:6]
    return st == 200 and [d["id"] for d in j["documents"]] == ids, j.get("count")


@test("document-404")
def _():
    st, j = jcall("/v1/documents/no-such-doc")
    return st == 404 and j["error"]["status"] == 404 and "no-such-doc" in j["error"]["message"], j


ARTICLE = ("Russian troops attacked Ukrainian positions near Kharkiv on Tuesday. "
           "\u201cWe will respond,\u201d the Ukrainian president said. China criticized Japan.")


@test("code-plain-text")
def _():
    st, ct, body = call("/v1/code?date=2024-03-05", data=ARTICLE.encode(), ctype="text/plain; charset=utf-8")
    j = json.loads(body)
    return st == 200 and "json" in ct and len(j["sentences"]) == 3 and j["date"] == "2024-03-05", (st, body[:200])


@test("code-json-record")
def _():
    body = json.dumps({"id": "t1", "date": "2024-03-05", "text": ARTICLE}).encode()
    st, j = jcall("/v1/code", data=body, ctype="application/json")
    ref = subprocess.run([DYAD, "code", "--date", "2024-03-05"], input=ARTICLE.encode(),
                         capture_output=True, check=True)
    want = json.loads(ref.stdout)
    want["id"] = "t1"
    return st == 200 and j == want, (st, j)


@test("code-jsonl-with-bad-line")
def _():
    lines = [json.dumps({"id": "a", "date": "2024-03-05", "text": ARTICLE}), "{not json",
             json.dumps({"id": "b", "text": "Iran threatened Israel."})]
    st, ct, body = call("/v1/code", data="\n".join(lines).encode(), ctype="application/x-ndjson")
    out = [json.loads(l) for l in body.decode().splitlines()]
    return (st == 200 and "ndjson" in ct and len(out) == 3 and out[0]["id"] == "a" and
            out[1]["line"] == 2 and out[1]["error"] and out[2]["id"] == "b"), body[:300]


@test("code-format-gdelt")
def _():
    st, ct, body = call("/v1/code?format=gdelt&date=2024-03-05&id=g1", data=ARTICLE.encode(), ctype="text/plain")
    rows = body.decode().splitlines()
    return st == 200 and all(len(r.split("\t")) == 61 for r in rows), (st, len(rows))


@test("code-and-store")
def _():
    body = json.dumps({"id": "stored-1", "date": "2024-03-05", "text": ARTICLE, "source": "Test"}).encode()
    st, j = jcall("/v1/code?store=1", data=body, ctype="application/json")
    st2, d = jcall("/v1/documents/stored-1")
    st3, s = jcall("/v1/stats")
    return (st == 200 and st2 == 200 and d["text"] == ARTICLE and d["events"] == len(j["events"])
            and s["documents"] == len(docs) + 1), (st, st2, s)


@test("errors-are-json-with-status")
def _():
    cases = [
        ("/v1/nothing", None, None, None, 404),
        ("/v1/events?bogus=1", None, None, None, 400),
        ("/v1/events?from=2024-1-1", None, None, None, 400),
        ("/v1/events?quad=9", None, None, None, 400),
        ("/v1/events?limit=100001", None, None, None, 400),
        ("/v1/events?format=xml", None, None, None, 400),
        ("/v1/dyads?group=weekday", None, None, None, 400),
        ("/v1/code", None, None, "GET", 405),
        ("/v1/events", b"x", "text/plain", "POST", 405),
        ("/v1/code", b"<a/>", "application/xml", None, 415),
        ("/v1/code", b"{\"text\": 3}", "application/json", None, 400),
        ("/v1/code", b"{oops", "application/json", None, 400),
        ("/v1/code?date=yesterday", b"Hello.", "text/plain", None, 400),
        ("/v1/code", b"", "text/plain", None, 400),
    ]
    bad = []
    for path, data, ct, method, want in cases:
        st, ctype, body = call(path, data=data, ctype=ct, method=method)
        try:
            j = json.loads(body)
            ok = st == want and j["error"]["status"] == want and j["error"]["message"]
        except (ValueError, KeyError, TypeError):
            ok = False
        if not ok or "json" not in ctype:
            bad.append(f"{method or ('POST' if data is not None else 'GET')} {path}: {st} {body[:100]!r}")
    return not bad, bad


@test("body-limit-413")
def _():
    big = b"a" * (1024 * 1024 + 10)
    st, ct, body = call("/v1/code", data=big, ctype="text/plain")
    return st == 413 and json.loads(body)["error"]["status"] == 413, st


@test("no-sql-injection")
def _():
    st, j = jcall("/v1/events?" + urllib.parse.urlencode({"source": "RUS' OR '1'='1", "limit": 10}))
    st2, j2 = jcall("/v1/events?" + urllib.parse.urlencode({"doc": "x\" OR 1=1; DROP TABLE events; --"}))
    st3, s = jcall("/v1/stats")
    return st == 200 and j["count"] == 0 and st2 == 200 and j2["count"] == 0 and s["events"] > 0, (j.get("count"), s)


@test("static-files")
def _():
    st, ct, body = call("/")
    st2, ct2, js = call("/app.js")
    st3, ct3, world = call("/vendor/countries-110m.json")
    return (st == 200 and "html" in ct and b"dyad" in body and st2 == 200 and b"renderDoc" in js
            and st3 == 200 and json.loads(world)["type"] == "Topology"), (st, st2, st3)


@test("concurrent-requests")
def _():
    paths = ["/v1/events?limit=20", "/v1/dyads?group=code", "/v1/stats"] * 10

    def one(p):
        return call(p)[0]

    with concurrent.futures.ThreadPoolExecutor(8) as ex:
        codes = list(ex.map(one, paths))
    return all(c == 200 for c in codes), codes


@test("slow-client-timeout")
def _():
    # a client that sends half a request and stalls does not hold the server:
    # other requests are served meanwhile, and it gets a 408 after the
    # request timeout (run.sh starts the server with --timeout 2000)
    u = urllib.parse.urlparse(BASE)
    s = socket.create_connection((u.hostname, u.port), timeout=15)
    s.sendall(b"POST /v1/code HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
              b"Content-Length: 100\r\n\r\nabc")
    st, _ = jcall("/v1/health")
    try:
        answer = s.recv(200)
    except OSError as e:
        answer = repr(e).encode()
    s.close()
    return st == 200 and answer.startswith(b"HTTP/1.1 408"), (st, answer[:80])


sys.exit(1 if failed else 0)
