#!/usr/bin/env python3
"""Build the marketgraph gazetteer of known entities.

The gazetteer is maintained as DATA in ``ontologies/gazetteer/sources/*.csv``
(one file per family: countries, indices, exchanges, government bodies,
analyst firms, companies, cities, persons).  This script reads every CSV in
that folder (in sorted file order), validates the rows and writes
``ontologies/gazetteer/gazetteer.ttl``.  Never edit the Turtle file by hand:
edit the CSVs and re-run this script.

Usage::

    python ontologies/build_gazetteer.py           # validate, then regenerate gazetteer.ttl
    python ontologies/build_gazetteer.py --check   # validate only; also fails if gazetteer.ttl
                                                   # is missing or out of date; writes nothing

Exit status is 0 when everything is valid, 1 when problems were found (each
problem is printed on stderr), 2 on usage errors.

CSV format (UTF-8, standard csv quoting, header row exactly)::

    id,type,label,aliases,context_aliases,demonyms,wikidata,ticker,country,exchange

* ``id``: unique slug across ALL files (lowercase ascii letters, digits, hyphens),
  derived from the canonical label.  It becomes the subject ``ent:{id}``.
* ``type``: Company, AnalystFirm, StockIndex, Country, GovernmentBody,
  StockExchange, City or Person.
* ``label``: canonical name (plain literal, ``rdfs:label``).
* ``aliases``: ``|``-separated surface forms that unambiguously name the entity
  anywhere (``skos:altLabel``).  Written as they appear in news (case matters);
  no leading article ("the").
* ``context_aliases``: ``|``-separated generic forms ("central bank", "finance
  ministry") that name the entity only when its country is in context
  (``mg:contextLabel``).  The same generic form may appear on many entities.
* ``demonyms``: Country rows only, ``|``-separated (``mg:demonym``).
* ``wikidata``: a Wikidata Q-id (``owl:sameAs wd:Q…``); left empty unless verified.
* ``ticker``: Yahoo-style symbol(s), ``|``-separated when the entity has several
  listings, the primary listing first (``mg:ticker``).
* ``country``: id of a Country row: headquarters (Company, AnalystFirm,
  StockExchange -> ``mg:headquarteredIn``), jurisdiction (GovernmentBody ->
  ``mg:jurisdiction``), market/location/nationality (StockIndex, City, Person ->
  ``mg:country``).  Empty for Country rows and supranational bodies.
* ``exchange``: id of the primary StockExchange row where the entity is listed
  (``mg:listedOn``); Company and AnalystFirm rows only.

Validation (any failure makes the script exit non-zero and write nothing):
unique ids, valid types, non-empty labels, well-formed list fields, country and
exchange references that exist and have the right type, Q-ids matching
``^Q[0-9]+$`` and used once, tickers used once, and no name collisions: an alias
or context alias of one entity must not equal (case-insensitively) another
entity's label or context-free alias, and two entities must not share a label.
Each collision is printed with both ids.

An AnalystFirm is also typed ``mg:Company`` (banks and brokers are companies
too, so they are listed once, in analyst_firms.csv only).

The Turtle output is written by a small deterministic writer (entities grouped
by type, then sorted by id; predicates in a fixed order; objects sorted), and
is re-parsed with rdflib to check that it round-trips to exactly the graph
built from the CSVs.  Re-running on unchanged CSVs gives a byte-identical file.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

HERE = Path(__file__).resolve().parent
SOURCES_DIR = HERE / "gazetteer" / "sources"
OUTPUT_PATH = HERE / "gazetteer" / "gazetteer.ttl"

MG = Namespace("https://w3id.org/marketgraph/ontology#")
WD = Namespace("http://www.wikidata.org/entity/")
ENT = Namespace("https://w3id.org/marketgraph/id/entity/")

# Prefixes in the order they are written to the Turtle file.
PREFIXES = [
    ("ent", str(ENT)),
    ("mg", str(MG)),
    ("owl", str(OWL)),
    ("rdf", str(RDF)),
    ("rdfs", str(RDFS)),
    ("skos", str(SKOS)),
    ("wd", str(WD)),
]

COLUMNS = [
    "id",
    "type",
    "label",
    "aliases",
    "context_aliases",
    "demonyms",
    "wikidata",
    "ticker",
    "country",
    "exchange",
]

# Entity types, in the order their sections appear in the Turtle file.
TYPES = [
    "Country",
    "GovernmentBody",
    "StockExchange",
    "StockIndex",
    "AnalystFirm",
    "Company",
    "City",
    "Person",
]

# Which predicate links an entity to its country, by type.
COUNTRY_PREDICATE = {
    "Company": MG.headquarteredIn,
    "AnalystFirm": MG.headquarteredIn,
    "StockExchange": MG.headquarteredIn,
    "GovernmentBody": MG.jurisdiction,
    "StockIndex": MG.country,
    "City": MG.country,
    "Person": MG.country,
}

LISTABLE_TYPES = {"Company", "AnalystFirm"}

# Fixed predicate order for the writer.
PREDICATE_ORDER = [
    RDF.type,
    RDFS.label,
    SKOS.altLabel,
    MG.contextLabel,
    MG.demonym,
    MG.ticker,
    MG.headquarteredIn,
    MG.jurisdiction,
    MG.country,
    MG.listedOn,
    OWL.sameAs,
]

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[0-9]+$")
TICKER_RE = re.compile(r"^\^?[A-Z0-9][A-Z0-9.&=-]*$")
LEADING_ARTICLE_RE = re.compile(r"^the\s", re.IGNORECASE)


@dataclass
class Entity:
    id: str
    type: str
    label: str
    aliases: list[str] = field(default_factory=list)
    context_aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    wikidata: str = ""
    tickers: list[str] = field(default_factory=list)
    country: str = ""
    exchange: str = ""
    source: str = ""  # "file.csv:line", for messages


def norm(name: str) -> str:
    """Key used for collision detection: NFKC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def split_list(value: str, where: str, column: str, problems: list[str]) -> list[str]:
    """Split a '|'-separated cell, reporting empty or badly spaced items."""
    if value == "":
        return []
    items = value.split("|")
    out: list[str] = []
    for item in items:
        if item == "":
            problems.append(f"{where}: empty item in {column} {value!r}")
            continue
        if item != item.strip() or "  " in item:
            problems.append(f"{where}: stray whitespace in {column} item {item!r}")
            item = " ".join(item.split())
        if item in out:
            problems.append(f"{where}: duplicate item {item!r} in {column}")
            continue
        out.append(item)
    return out


def read_sources(sources_dir: Path, problems: list[str]) -> list[Entity]:
    files = sorted(sources_dir.glob("*.csv"))
    if not files:
        problems.append(f"no CSV files found in {sources_dir}")
    entities: list[Entity] = []
    for path in files:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, strict=True)
            try:
                header = next(reader)
            except StopIteration:
                problems.append(f"{path.name}: empty file (header row missing)")
                continue
            except csv.Error as exc:
                problems.append(f"{path.name}: CSV error in header: {exc}")
                continue
            if header != COLUMNS:
                problems.append(
                    f"{path.name}: header must be exactly {','.join(COLUMNS)} (got {','.join(header)})"
                )
                continue
            try:
                for row in reader:
                    where = f"{path.name}:{reader.line_num}"
                    if not row or all(cell.strip() == "" for cell in row):
                        continue  # blank line
                    if len(row) != len(COLUMNS):
                        problems.append(f"{where}: expected {len(COLUMNS)} fields, got {len(row)}")
                        continue
                    entities.append(parse_row(dict(zip(COLUMNS, row)), where, problems))
            except csv.Error as exc:
                problems.append(f"{path.name}:{reader.line_num}: CSV error: {exc}")
    return entities


def parse_row(row: dict[str, str], where: str, problems: list[str]) -> Entity:
    for column in ("id", "type", "label", "wikidata", "country", "exchange"):
        value = row[column]
        if value != value.strip():
            problems.append(f"{where}: stray whitespace in {column} {value!r}")
            row[column] = value.strip()
    if "  " in row["label"]:
        problems.append(f"{where}: double space in label {row['label']!r}")
    ent = Entity(
        id=row["id"],
        type=row["type"],
        label=row["label"],
        aliases=split_list(row["aliases"], where, "aliases", problems),
        context_aliases=split_list(row["context_aliases"], where, "context_aliases", problems),
        demonyms=split_list(row["demonyms"], where, "demonyms", problems),
        wikidata=row["wikidata"],
        tickers=split_list(row["ticker"], where, "ticker", problems),
        country=row["country"],
        exchange=row["exchange"],
        source=where,
    )
    return ent


def validate(entities: list[Entity], problems: list[str]) -> None:
    by_id: dict[str, Entity] = {}
    for ent in entities:
        where = f"{ent.source} ({ent.id or '<no id>'})"
        if not ID_RE.match(ent.id):
            problems.append(f"{where}: invalid id {ent.id!r} (lowercase ascii, digits and hyphens)")
        if ent.id in by_id:
            problems.append(f"{where}: duplicate id {ent.id!r} (first at {by_id[ent.id].source})")
        else:
            by_id[ent.id] = ent
        if ent.type not in TYPES:
            problems.append(f"{where}: invalid type {ent.type!r} (one of {', '.join(TYPES)})")
        if not ent.label:
            problems.append(f"{where}: empty label")
        for column, names in (("aliases", ent.aliases), ("context_aliases", ent.context_aliases)):
            for name in names:
                if LEADING_ARTICLE_RE.match(name):
                    problems.append(f"{where}: {column} item {name!r} starts with an article")
        if ent.demonyms and ent.type != "Country":
            problems.append(f"{where}: demonyms are for Country rows only")
        if ent.wikidata and not QID_RE.match(ent.wikidata):
            problems.append(f"{where}: invalid Wikidata id {ent.wikidata!r} (expected ^Q[0-9]+$)")
        for ticker in ent.tickers:
            if not TICKER_RE.match(ticker):
                problems.append(f"{where}: invalid ticker {ticker!r}")
        if ent.exchange and ent.type not in LISTABLE_TYPES:
            problems.append(f"{where}: exchange is only allowed on Company/AnalystFirm rows")
        if ent.type == "Country" and ent.country:
            problems.append(f"{where}: Country rows must leave country empty")

    # References.
    for ent in entities:
        where = f"{ent.source} ({ent.id})"
        if ent.country:
            target = by_id.get(ent.country)
            if target is None:
                problems.append(f"{where}: unknown country {ent.country!r}")
            elif target.type != "Country":
                problems.append(f"{where}: country {ent.country!r} is a {target.type}, not a Country")
        if ent.exchange:
            target = by_id.get(ent.exchange)
            if target is None:
                problems.append(f"{where}: unknown exchange {ent.exchange!r}")
            elif target.type != "StockExchange":
                problems.append(f"{where}: exchange {ent.exchange!r} is a {target.type}, not a StockExchange")

    # Identifiers that must be unique across entities.
    for what, values in (
        ("Wikidata id", lambda e: [e.wikidata] if e.wikidata else []),
        ("ticker", lambda e: e.tickers),
    ):
        owners: dict[str, list[str]] = defaultdict(list)
        for ent in entities:
            for value in values(ent):
                owners[value].append(ent.id)
        for value, ids in sorted(owners.items()):
            if len(ids) > 1:
                problems.append(f"{what} {value} is used by several entities: {', '.join(ids)}")

    # Name collisions.  Global names = label + context-free aliases.
    global_names: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for ent in entities:
        global_names[norm(ent.label)].append((ent.id, "label", ent.label))
        for alias in ent.aliases:
            global_names[norm(alias)].append((ent.id, "alias", alias))
    reported: set[tuple] = set()
    for ent in entities:
        candidates = [("label", ent.label)] + [("alias", a) for a in ent.aliases]
        candidates += [("context alias", a) for a in ent.context_aliases]
        for kind, name in candidates:
            for other_id, other_kind, other_name in global_names.get(norm(name), []):
                if other_id == ent.id:
                    continue
                if kind == "label" and other_kind == "alias":
                    continue  # reported from the alias side
                key = tuple(sorted([(ent.id, kind, name), (other_id, other_kind, other_name)]))
                if key in reported:
                    continue
                reported.add(key)
                problems.append(
                    f"name collision: {kind} {name!r} of {ent.id} "
                    f"= {other_kind} {other_name!r} of {other_id}"
                )

    # A demonym ("Haitian") is a surface form of its country too: no other
    # entity may use it as a label or alias.  (Two countries may share one,
    # e.g. "Congolese".)
    demonym_owners: dict[str, list[str]] = defaultdict(list)
    for ent in entities:
        for demonym in ent.demonyms:
            demonym_owners[norm(demonym)].append(ent.id)
    for ent in entities:
        if ent.type == "Country":
            continue
        for kind, name in [("label", ent.label)] + [("alias", a) for a in ent.aliases + ent.context_aliases]:
            for owner in demonym_owners.get(norm(name), []):
                problems.append(f"name collision: {kind} {name!r} of {ent.id} = demonym of {owner}")

    # A generic context alias must identify one entity once its country is
    # known: it may repeat across countries, not within one.
    context_owners: dict[tuple[str, str], list[str]] = defaultdict(list)
    for ent in entities:
        for alias in ent.context_aliases:
            owners = context_owners[(ent.country, norm(alias))]
            if ent.id not in owners:
                owners.append(ent.id)
    for (country, alias), ids in sorted(context_owners.items()):
        if len(ids) > 1:
            problems.append(
                f"context alias {alias!r} is shared by {', '.join(ids)} "
                f"in the same country ({country or 'none'})"
            )


def build_graph(entities: list[Entity]) -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES:
        graph.bind(prefix, namespace, override=True, replace=True)
    for ent in entities:
        subject = ENT[ent.id]
        graph.add((subject, RDF.type, MG[ent.type]))
        if ent.type == "AnalystFirm":
            graph.add((subject, RDF.type, MG.Company))
        graph.add((subject, RDFS.label, Literal(ent.label)))
        for alias in ent.aliases:
            graph.add((subject, SKOS.altLabel, Literal(alias)))
        for alias in ent.context_aliases:
            graph.add((subject, MG.contextLabel, Literal(alias)))
        for demonym in ent.demonyms:
            graph.add((subject, MG.demonym, Literal(demonym)))
        if ent.wikidata:
            graph.add((subject, OWL.sameAs, WD[ent.wikidata]))
        for ticker in ent.tickers:
            graph.add((subject, MG.ticker, Literal(ticker)))
        if ent.country:
            graph.add((subject, COUNTRY_PREDICATE[ent.type], ENT[ent.country]))
        if ent.exchange:
            graph.add((subject, MG.listedOn, ENT[ent.exchange]))
    return graph


def qname(node: URIRef) -> str:
    text = str(node)
    for prefix, namespace in PREFIXES:
        if text.startswith(namespace):
            local = text[len(namespace):]
            if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", local):
                return f"{prefix}:{local}"
    return node.n3()


def term_n3(node) -> str:
    if isinstance(node, URIRef):
        return "a" if node == RDF.type else qname(node)
    return node.n3()


def object_sort_key(node) -> tuple:
    return (0 if isinstance(node, URIRef) else 1, str(node))


def serialize(graph: Graph, entities: list[Entity], sources: list[str]) -> str:
    """Deterministic Turtle: sections by type, subjects by id, fixed predicate order."""
    lines = [
        "# marketgraph gazetteer of known entities.",
        "# GENERATED FILE - do not edit by hand.  Edit ontologies/gazetteer/sources/*.csv",
        "# and run: python ontologies/build_gazetteer.py",
        f"# Sources: {', '.join(sources)}",
        "",
    ]
    for prefix, namespace in PREFIXES:
        lines.append(f"@prefix {prefix}: <{namespace}> .")
    by_type: dict[str, list[Entity]] = defaultdict(list)
    for ent in entities:
        by_type[ent.type].append(ent)
    for type_name in TYPES:
        members = sorted(by_type.get(type_name, []), key=lambda e: e.id)
        if not members:
            continue
        lines += ["", f"# ---- {type_name} ({len(members)}) ----"]
        for ent in members:
            subject = ENT[ent.id]
            lines.append("")
            lines.append(qname(subject))
            predicates = sorted(
                set(graph.predicates(subject, None)),
                key=lambda p: (PREDICATE_ORDER.index(p) if p in PREDICATE_ORDER else len(PREDICATE_ORDER), str(p)),
            )
            for index, predicate in enumerate(predicates):
                objects = sorted(graph.objects(subject, predicate), key=object_sort_key)
                rendered = ", ".join(term_n3(o) for o in objects)
                end = " ." if index == len(predicates) - 1 else " ;"
                lines.append(f"    {term_n3(predicate)} {rendered}{end}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="validate only (and check that gazetteer.ttl is up to date); write nothing",
    )
    args = parser.parse_args(argv)

    problems: list[str] = []
    entities = read_sources(SOURCES_DIR, problems)
    validate(entities, problems)
    if problems:
        for problem in problems:
            print(f"ERROR: {problem}", file=sys.stderr)
        print(f"{len(problems)} problem(s) found; gazetteer not written.", file=sys.stderr)
        return 1

    graph = build_graph(entities)
    sources = [p.name for p in sorted(SOURCES_DIR.glob("*.csv"))]
    text = serialize(graph, entities, sources)

    # Round-trip check: the written Turtle must parse back to exactly the same graph.
    reparsed = Graph()
    reparsed.parse(data=text, format="turtle")
    if set(reparsed) != set(graph):
        print("ERROR: serialized Turtle does not round-trip to the built graph", file=sys.stderr)
        return 1

    if args.check:
        current = OUTPUT_PATH.read_text(encoding="utf-8") if OUTPUT_PATH.exists() else None
        if current != text:
            state = "missing" if current is None else "out of date"
            print(
                f"ERROR: {OUTPUT_PATH.relative_to(HERE.parent)} is {state}; "
                "run python ontologies/build_gazetteer.py",
                file=sys.stderr,
            )
            return 1
    else:
        OUTPUT_PATH.parent.mkdir(parents=True, exist_ok=True)
        with OUTPUT_PATH.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)

    counts = Counter(ent.type for ent in entities)
    n_alias = sum(len(e.aliases) for e in entities)
    n_context = sum(len(e.context_aliases) for e in entities)
    n_qid = sum(1 for e in entities if e.wikidata)
    verb = "checked" if args.check else f"wrote {OUTPUT_PATH.relative_to(HERE.parent)}"
    print(f"gazetteer OK: {verb}: {len(entities)} entities, {len(graph)} triples")
    for type_name in TYPES:
        print(f"  {type_name:<15} {counts.get(type_name, 0):>4}")
    print(f"  aliases {n_alias}, context aliases {n_context}, Wikidata links {n_qid}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
