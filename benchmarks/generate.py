"""A deterministic generator of synthetic RDF in marketgraph's vocabulary, at any scale.

Articles are named graphs, as ingest writes them: metadata, mentions, index and stock
moves, policies and analyst views, each with provenance and an evidence node. Entities
follow a Zipf law: a few very popular ones (the gazetteer's indices, countries and big
companies) and a long tail of rare synthetic companies, so that "hot", "medium" and
"rare" entities exist at every size.

    python benchmarks/generate.py --triples 1000000 --output /tmp/kg-1m.nq

The same seed gives the same file.
"""

from __future__ import annotations

import argparse
import random
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate synthetic marketgraph RDF (N-Quads).")
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args(argv)
    count = 0
    with args.output.open("w", encoding="utf-8") as handle:
        for line in Generator(args.seed).lines(args.triples):
            handle.write(line + "\n")
            count += 1
    print(f"wrote {count} quads to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
