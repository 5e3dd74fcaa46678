"""Deterministic generators of synthetic data at any scale: RDF in marketgraph's vocabulary,
and article texts for ingest.

RDF (``--triples``):

Articles are named graphs, as ingest writes them: metadata, mentions, index and stock
moves, policies and analyst views, each with provenance and an evidence node. Entities
follow a Zipf law: a few very popular ones (the gazetteer's indices, countries and big
companies) and a long tail of rare synthetic companies, so that "hot", "medium" and
"rare" entities exist at every size.

    python benchmarks/generate.py --triples 1000000 --output /tmp/kg-1m.nq

Articles (``--articles``, JSON Lines as ``marketgraph ingest`` reads them): market reports
written from templates over the gazetteer's real index, company, country, government-body and
analyst-firm names, in the phrasings the extractors handle (index and stock moves, tariffs,
export controls, probes, rate decisions, analyst views), mixed with plain market colour.

    python benchmarks/generate.py --articles 1000 --output /tmp/articles.jsonl

The same seed gives the same file.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.gazetteer import load_gazetteer  # noqa: E402

MG = "https://w3id.org/marketgraph/ontology#"
ID = "https://w3id.org/marketgraph/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#wasDerivedFrom"
XSD = "http://www.w3.org/2001/XMLSchema#"
ENTITIES = f"<{ID}graph/entities>"


def _lit(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _typed(value, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


class Generator:
    def __init__(self, seed: int = 7, tail: int = 50_000) -> None:
        self.rng = random.Random(seed)
        gazetteer = load_gazetteer(ROOT / "ontologies" / "gazetteer")
        known = sorted(gazetteer.entries.values(), key=lambda e: e.id)
        self.indices = [e for e in known if e.type == "StockIndex"]
        self.countries = [e for e in known if e.type == "Country"]
        self.firms = [e for e in known if e.type == "AnalystFirm"]
        self.bodies = [e for e in known if e.type == "GovernmentBody"]
        companies = [(e.id, e.label, "Company") for e in known if e.type == "Company"]
        companies += [(f"synthetic-company-{n}", f"Synthetic Company {n}", "Company") for n in range(tail)]
        self.companies = companies
        self.declared: set[str] = set()

    def _zipf(self, items: list, s: float = 1.1):
        # rank r is drawn with probability ~ 1/r^s: item 0 is hot, the tail is rare
        n = len(items)
        r = int(min(n - 1, (self.rng.paretovariate(s) - 1) * 3))
        return items[r]

    def _entity(self, out: list[str], key: str, label: str, etype: str) -> str:
        iri = f"<{ID}entity/{key}>"
        if key not in self.declared:
            self.declared.add(key)
            out.append(f"{iri} <{RDF_TYPE}> <{MG}{etype}> {ENTITIES} .")
            out.append(f"{iri} <{RDFS_LABEL}> {_lit(label)} {ENTITIES} .")
        return iri

    def article(self, n: int) -> list[str]:
        rng = self.rng
        out: list[str] = []
        key = f"synthetic-{n:08d}"
        a = f"<{ID}article/{key}>"
        g = a
        day = f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}"
        out += [f"{a} <{RDF_TYPE}> <{MG}Article> {g} .",
                f"{a} <{DCT}title> {_lit(f'Markets report {n}')} {g} .",
                f"{a} <{DCT}issued> {_typed(day + 'T09:00:00', 'dateTime')} {g} .",
                f"{a} <{MG}contentHash> {_lit(format(n, 'x'))} {g} ."]
        mentioned = []
        index = self._zipf(self.indices)
        country = self._zipf(self.countries)
        mentioned.append(self._entity(out, index.id, index.label, "StockIndex"))
        mentioned.append(self._entity(out, country.id, country.label, "Country"))
        companies = [self._zipf(self.companies, 0.6) for _ in range(rng.randint(3, 8))]
        for cid, label, ctype in companies:
            mentioned.append(self._entity(out, cid, label, ctype))
        firm = self._zipf(self.firms)
        mentioned.append(self._entity(out, firm.id, firm.label, "AnalystFirm"))
        for e in dict.fromkeys(mentioned):
            out.append(f"{a} <{MG}mentions> {e} {g} .")
        facts = 0

        def fact(kind: str, props: list[tuple[str, str]]) -> None:
            nonlocal facts
            f = f"<{ID}fact/{key}-{facts}>"
            ev = f"<{ID}evidence/{key}-s{facts}>"
            facts += 1
            out.append(f"{f} <{RDF_TYPE}> <{MG}{kind}> {g} .")
            for p, o in props:
                out.append(f"{f} <{MG}{p}> {o} {g} .")
            out.extend([f"{f} <{PROV}> {a} {g} .", f"{f} <{MG}evidence> {ev} {g} .",
                    f"{f} <{MG}confidence> {_typed('0.9', 'decimal')} {g} .",
                    f"{ev} <{MG}text> {_lit(f'Sentence {facts} of article {n}.')} {g} .",
                    f"{ev} <{MG}start> {_typed(facts * 100, 'integer')} {g} .",
                    f"{ev} <{MG}end> {_typed(facts * 100 + 90, 'integer')} {g} ."])

        fact("IndexMovement", [("index", mentioned[0]), ("percentChange", _typed(round(rng.uniform(-3, 3), 2), "decimal")),
                               ("date", _typed(day, "date"))])
        for company in mentioned[2:-1]:
            fact("StockMovement", [("company", company),
                                   ("percentChange", _typed(round(rng.uniform(-9, 9), 2), "decimal")),
                                   ("date", _typed(day, "date"))])
        if rng.random() < 0.4:
            body = self._zipf(self.bodies)
            issuer = self._entity(out, body.id, body.label, "GovernmentBody")
            target = self._zipf(self.countries)
            fact(rng.choice(["Tariff", "ExportControl", "Investigation", "Sanction"]),
                 [("issuedBy", issuer), ("targets", self._entity(out, target.id, target.label, "Country")),
                  ("ratePercent", _typed(rng.choice([10, 15, 25, 34]), "decimal")), ("appliesTo", _lit("steel"))])
        fact("AnalystView", [("analyst", mentioned[-1]), ("about", mentioned[2]),
                             ("statement", _lit(f"A view on article {n}."))])
        return out

    def lines(self, triples: int):
        n = 0
        written = 0
        while written < triples:
            chunk = self.article(n)
            written += len(chunk)
            n += 1
            yield from chunk


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_UP = ("rose", "gained", "climbed", "advanced", "jumped")
_DOWN = ("fell", "slipped", "dropped", "declined", "slid")
_GOODS = ("steel", "aluminium", "electric vehicles", "solar panels", "semiconductors", "soybeans", "lithium batteries")
_COLOUR = (
    "Trading volumes were thin ahead of a long weekend, and most investors stayed on the sidelines.",
    "Turnover was below the daily average so far this year as traders waited for fresh economic data.",
    "Bond yields were little changed and the currency traded in a narrow range against the dollar.",
    "Oil prices edged higher after a report showed inventories fell more than expected last week.",
    "Brokers said sentiment remained fragile after a volatile quarter for regional equities.",
)


class ArticleGenerator:
    """Market reports over real names, in the phrasings the extractors read."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        gazetteer = load_gazetteer(ROOT / "ontologies" / "gazetteer")
        known = sorted(gazetteer.entries.values(), key=lambda e: e.id)
        self.indices = [e.label for e in known if e.type == "StockIndex"]
        self.companies = [e.label for e in known if e.type == "Company"]
        self.countries = [e.label for e in known if e.type == "Country"]
        self.firms = [e.label for e in known if e.type == "AnalystFirm"]
        self.bodies = [e.label for e in known if e.type == "GovernmentBody"]
        self.start = date(2025, 1, 6)

    def _move(self) -> tuple[str, float]:
        pct = round(self.rng.uniform(0.1, 4.5), 2)
        return (self.rng.choice(_UP), pct) if self.rng.random() < 0.5 else (self.rng.choice(_DOWN), pct)

    def article(self, n: int) -> dict:
        rng = self.rng
        day = self.start + timedelta(days=n % 365)
        weekday = _WEEKDAYS[rng.randrange(5)]
        index, other = rng.sample(self.indices, 2)
        verb, pct = self._move()
        level = f"{rng.uniform(1000, 40000):,.2f}"
        paragraphs = [f"The {index} {verb} {pct} percent to {level} on {weekday}, while the {other} "
                      f"{self._move()[0]} {self._move()[1]} percent."]
        movers = []
        for company in rng.sample(self.companies, rng.randint(2, 5)):
            verb, pct = self._move()
            movers.append(f"Shares of {company} {verb} {pct} percent" if rng.random() < 0.5
                          else f"{company} {verb} {pct}%")
        paragraphs.append(" ".join(m + "." for m in movers))
        if rng.random() < 0.5:
            body, target = rng.choice(self.bodies), rng.choice(self.countries)
            goods = rng.choice(_GOODS)
            paragraphs.append(rng.choice((
                f"The {body} said it would impose a {rng.choice((10, 15, 25, 34))} percent tariff on imports of "
                f"{goods} from {target}, effective next month.",
                f"The {body} announced export controls on {goods} shipped to {target}.",
                f"The {body} opened an anti-dumping investigation into {goods} from {target}.",
            )))
        if rng.random() < 0.3:
            paragraphs.append(f"The {rng.choice(self.bodies)} cut its benchmark interest rate by 25 basis points "
                              f"to {rng.choice((3.5, 4.25, 5.0, 6.5))} percent on {weekday}.")
        if rng.random() < 0.7:
            firm, company = rng.choice(self.firms), rng.choice(self.companies)
            paragraphs.append(rng.choice((
                f"Analysts at {firm} upgraded {company} to buy, citing stronger demand for its products.",
                f"{firm} analysts said they expect {company} to report higher earnings this year.",
                f"{firm} cut its price target on {company}, citing weaker margins.",
            )))
        paragraphs += rng.sample(_COLOUR, 2)
        return {"id": f"synthetic-{n:07d}", "title": f"{index} {verb} as investors weigh earnings ({n})",
                "published": f"{day.isoformat()}T09:00:00+00:00", "text": "\n\n".join(paragraphs),
                "url": f"https://example-news.test/synthetic/{n}"}

    def lines(self, count: int):
        for n in range(count):
            yield json.dumps(self.article(n), ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate synthetic marketgraph RDF (N-Quads) or article texts.")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--triples", type=int, help="quads of RDF (default: 100000)")
    what.add_argument("--articles", type=int, help="articles as JSON Lines instead")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args(argv)
    count = 0
    lines = ArticleGenerator(args.seed).lines(args.articles) if args.articles \
        else Generator(args.seed).lines(args.triples or 100_000)
    with args.output.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line + "\n")
            count += 1
    print(f"wrote {count} {'articles' if args.articles else 'quads'} to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
