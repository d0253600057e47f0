#!/usr/bin/env python3
"""gen-corpus.py - write a synthetic year of news as JSONL for the store tests.

Usage: gen-corpus.py [--days N] [--start YYYY-MM-DD] [--seed S] > corpus.jsonl

Every line is {"id", "date", "title", "url", "source", "text"}: short wire
stories about pairs of countries (attacks, talks, accusations, sanctions,
agreements, quotations, dates), written from templates by this script with a
fixed seed, so the corpus is the same on every machine. Some stories are
reported by several outlets on the same day (the store groups those into one
record), a few carry non-ASCII text (accents, curly quotes, an em dash) so
byte offsets are exercised. The tests do not assume what the coder finds:
they compare the store with `dyad code` on the same corpus.
"""
import argparse
import datetime
import json
import random

COUNTRIES = [
    # name, adjective, capital
    ("Russia", "Russian", "Moscow"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("China", "Chinese", "Beijing"),
    ("Japan", "Japanese", "Tokyo"),
    ("Israel", "Israeli", "Jerusalem"),
    ("Iran", "Iranian", "Tehran"),
    ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"),
    ("India", "Indian", "New Delhi"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Turkey", "Turkish", "Ankara"),
    ("Syria", "Syrian", "Damascus"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Brazil", "Brazilian", "Brasilia"),
]

OUTLETS = ["Daily Ledger", "Global Wire", "Evening Courier", "North Star Times", "Harbour Post"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

# {A}/{B}: country names, {Aa}/{Ba}: adjectives, {Ac}/{Bc}: capitals.
LEADS = [
    "{Aa} troops attacked {Ba} positions near the border on {wd}.",
    "{A} accused {B} of violating the ceasefire.",
    "{A} imposed new sanctions on {B} on {wd}.",
    "The {Aa} foreign minister met his {Ba} counterpart in {Ac}.",
    "{A} and {B} signed a trade agreement in {Bc} on {wd}.",
    "{A} condemned {B} over the arrest of journalists.",
    "{Aa} forces shelled {Ba} villages overnight, officials said.",
    "{A} threatened {B} with military action.",
    "{A} praised {B} for its help after the earthquake.",
    "{A} expelled {Ba} diplomats on {md}.",
    "{Aa} officials said {A} would not attack {B}.",
    "{A} called on {B} to release the prisoners.",
    "{A} rejected {Ba} demands for talks.",
    "The {Aa} president visited {B} last week.",
]

FOLLOWS = [
    "\u201cWe will not accept this,\u201d the {Aa} president said.",
    "\"This is a dangerous escalation,\" a spokesman for {B} told reporters.",
    "{B} denied the accusations.",
    "The United Nations urged both sides to show restraint.",
    "Talks between {A} and {B} are expected to resume in {mon}.",
    "Analysts in {Bc} said the move was symbolic.",
    "The incident came two days after a meeting in {Ac}.",
    "{Ba} media called the decision \u201cunacceptable\u201d \u2014 a familiar word.",
    "Officials in {Ac} declined to comment.",
    "{A} also offered humanitarian aid to {B}.",
]

TAILS = [
    "The caf\u00e9 near the ministry in {Ac} was closed on {wd}.",
    "Markets in {Bc} were calm.",
    "",
]


def fill(t, a, b, day, rnd):
    d = {
        "A": a[0], "Aa": a[1], "Ac": a[2], "B": b[0], "Ba": b[1], "Bc": b[2],
        "wd": WEEKDAYS[(day.weekday() - rnd.randint(1, 3)) % 7],
        "md": "%s %d" % (MONTHS[day.month - 1], max(1, day.day - rnd.randint(0, 3))),
        "mon": MONTHS[(day.month + rnd.randint(0, 2)) % 12],
    }
    return t.format(**d)


def story(rnd, day):
    a, b = rnd.sample(COUNTRIES, 2)
    sents = [fill(rnd.choice(LEADS), a, b, day, rnd)]
    for t in rnd.sample(FOLLOWS, rnd.randint(1, 3)):
        sents.append(fill(t, a, b, day, rnd))
    tail = fill(rnd.choice(TAILS), a, b, day, rnd)
    if tail:
        sents.append(tail)
    title = sents[0].rstrip(".")[:80]
    return title, " ".join(sents)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=366)
    ap.add_argument("--start", default="2024-01-01")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    start = datetime.date.fromisoformat(args.start)
    n = 0
    for k in range(args.days):
        day = start + datetime.timedelta(days=k)
        for _ in range(rnd.randint(1, 3)):
            title, text = story(rnd, day)
            # the same story from 1 to 3 outlets (GDELT's NumArticles / NumSources)
            for outlet in rnd.sample(OUTLETS, rnd.choice([1, 1, 1, 2, 3])):
                n += 1
                rec = {
                    "id": "n%05d" % n,
                    "date": day.isoformat(),
                    "title": title,
                    "url": "https://news.example/%s/%05d" % (outlet.lower().replace(" ", "-"), n),
                    "source": outlet,
                    "text": text,
                }
                print(json.dumps(rec, ensure_ascii=False))


if __name__ == "__main__":
    main()
