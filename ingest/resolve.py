"""Mentions -> canonical entities: gazetteer first, then names already known, then fuzzy
matching, else a new entity keyed by its normalised name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span

from ingest.extraction import Entity
from ingest.gazetteer import Gazetteer, GazetteerEntry, core_name, normalize_name

#: Minimum rapidfuzz ``token_sort_ratio`` for a model span to be taken as a gazetteer name: the highest
#: recall with precision at least 0.975 in benchmarks/fuzzy_threshold.py (P 0.977, R 0.808 at 84).
FUZZY_THRESHOLD = 84
#: Names shorter than this (normalised) are matched exactly only
_FUZZY_MIN_LENGTH = 8
#: A word in this many gazetteer names or more says little about which entity is meant
_COMMON_WORD = 8
_FUZZY_TYPES = {"Company", "AnalystFirm", "StockIndex", "GovernmentBody", "StockExchange"}


def entity_from_entry(entry: GazetteerEntry, surface: str | None = None) -> Entity:
    entity = Entity(
        key=entry.id,
        label=entry.label,
        type=entry.type,
        aliases=set(entry.aliases),
        wikidata=entry.wikidata,
        ticker=entry.ticker,
        country=entry.country,
        exchange=entry.exchange,
        known=True,
    )
    if surface and surface != entry.label:
        entity.aliases.add(surface)
    return entity


def clean_surface(span: Span) -> str:
    """The span's text without a possessive ending."""
    text = span.text
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()


#: A central bank's rate-setting committee, named for the bank
_RATE_COMMITTEES = {"monetary policy committee", "copom", "monetary board", "policy board", "monetary policy board",
                    "monetary policy council", "mpc", "monetary council", "governing council", "bank board",
                    "monetary policy and financial stability committee", "governing board", "monetary committee"}
#: Countries whose rates the European Central Bank sets
_EURO_AREA = {"austria", "belgium", "croatia", "cyprus", "estonia", "finland", "france", "germany", "greece", "ireland",
              "italy", "latvia", "lithuania", "luxembourg", "malta", "netherlands", "portugal", "slovakia", "slovenia",
              "spain"}
#: Territories whose trade and foreign policy another government makes
_SOVEREIGN = {"hong-kong": "china", "macau": "china"}


#: What a city's market holds: "Prague's utilities", "Helsinki's market" name the city, not its government
_MARKET_NOUNS = {"market", "markets", "bourse", "stocks", "shares", "equities", "utilities", "banks", "lenders",
                 "miners", "insurers", "brokers", "traders", "investors", "blue", "index", "benchmark", "gauge",
                 "chips", "exchange"}
#: What a market does, not a government: "Tokyo sold", "Helsinki drifted lower", "could not lift Oslo"
_MARKET_VERBS = {"sell", "end", "close", "finish", "drift", "trade", "open", "buckle", "rally", "slide", "rise", "fall",
                 "gain", "lose", "climb", "slip", "dip", "sag", "edge", "advance", "retreat", "tumble", "firm", "look",
                 "shrug"}
_MARKET_MOVERS = {"lift", "drag", "push", "send", "leave", "keep", "pull", "carry"}


class Resolver:
    """Resolves entity spans of one pipeline run to :class:`Entity` records.

    ``known`` maps normalised names of entities already in the store to
    ``(key, type)``, so that an unknown company first seen in one article is the same
    node when the next article names it.
    """

    def __init__(self, gazetteer: Gazetteer, known: Mapping[str, tuple[str, str]] | None = None,
                 capitals: Mapping[str, str] | None = None) -> None:
        self.gazetteer = gazetteer
        self.capitals = dict(capitals or {})
        self.known = dict(known or {})
        self._fuzzy_names = {
            normalize_name(name): entry.id
            for entry in gazetteer.entries.values()
            if entry.type in _FUZZY_TYPES
            for name in (entry.label, *entry.aliases)
            if len(name) > 5
        }
        self._word_counts: Counter[str] = Counter(w for name in self._fuzzy_names for w in set(name.split()))

    def _distinct_words_agree(self, a: str, b: str) -> bool:
        """"Kowhai Securities" is not "Kotak Securities": past the words many names share
        ("securities", "bank", "group"), what is left must still match."""
        da = " ".join(w for w in a.split() if self._word_counts[w] < _COMMON_WORD)
        db = " ".join(w for w in b.split() if self._word_counts[w] < _COMMON_WORD)
        # ("M&V Investments" is not "SM Investments": the words only one name has must be alike too)
        only_a = " ".join(w for w in a.split() if w not in b.split())
        only_b = " ".join(w for w in b.split() if w not in a.split())
        return (not da or not db or fuzz.token_sort_ratio(da, db) >= FUZZY_THRESHOLD) and (
            not only_a or not only_b or fuzz.ratio(only_a, only_b) >= FUZZY_THRESHOLD)

    def dominant_country(self, doc: Doc) -> str | None:
        """The country an article is about: the one it names most, where the markets it
        reports on (its indices and exchanges) and its opening sentence count double
        ("Indian shares rallied…" outweighs three mentions of Vietnamese imports)."""
        counts: Counter[str] = Counter()
        first = next(iter(doc.sents), None)
        for e in doc.ents:
            if not e.id_ or e.id_ not in self.gazetteer.entries:
                continue
            weight = 2 if first is not None and e.start < first.end else 1
            if e.label_ == "Country":
                counts[e.id_] += weight
            elif e.label_ in ("StockIndex", "StockExchange") and self.gazetteer.entries[e.id_].country:
                counts[self.gazetteer.entries[e.id_].country] += 2 * weight
        if not counts:
            return None
        best = max(counts.values())
        return next(c for c in counts if counts[c] == best)  # ties: the first named

    def _own_country(self, span: Span) -> str | None:
        """The country a name begins with as a demonym: "Finnish Customs" -> finland."""
        entry = self.gazetteer.country_of_demonym(span[0].text) if len(span) > 1 else None
        return entry.id if entry is not None else None

    def _central_bank(self, country: str | None) -> GazetteerEntry | None:
        """The bank that sets a country's rates: its own central bank, or the ECB in the euro area
        ("the central bank is likely to pause" in a German report)."""
        if country in _EURO_AREA:
            return self.gazetteer.entries.get("european-central-bank")
        return self.gazetteer.in_context("central bank", country)

    def _named_country_body(self, span: Span, generic: str) -> GazetteerEntry | None:
        """The body called ``generic`` of the country the article named last before ``span`` (as a country,
        or as the country of a body it named) that has one."""
        doc = span.doc
        for ent in reversed([e for e in doc.ents if e.end <= span.start and e.id_ in self.gazetteer.entries]):
            if ent.label_ == "Country" and ent.sent == span.sent and ent.start > 0 and \
                    doc[ent.start - 1].lower_ in ("to", "from", "into", "against"):
                continue  # ("every shipment to China …, the International Trade Administration said": where to)
            country = ent.id_ if ent.label_ == "Country" else self.gazetteer.entries[ent.id_].country
            entry = self.gazetteer.in_context(generic, country) if country else None
            if entry is not None:
                return entry
        return None

    def _named_in_brackets(self, span: Span) -> GazetteerEntry | None:
        """The known body whose short name follows ``span`` in brackets: "(MOFCOM)"."""
        doc = span.doc
        if span.end + 2 >= len(doc) or doc[span.end].text != "(":
            return None
        short = next((e for e in doc.ents if e.start == span.end + 1 and doc[e.end].text == ")"), None)
        return self.gazetteer.entries.get(short.id_) if short is not None else None

    def _context_country(self, span: Span, default: str | None) -> str | None:
        # "China's finance ministry", "the Chinese commerce ministry", "India's central bank"
        doc = span.doc
        own = self._own_country(span)
        if own is not None:
            return own  # "Finnish Customs": the country its own name says
        for ent in doc.ents:
            if ent.label_ == "Country" and ent.id_ and 0 <= span.start - ent.end <= 2:
                return ent.id_
        for ent in reversed([e for e in span.sent.ents if e.end <= span.start]):
            first = ent.root
            while first.dep_ == "conj" and first.head.i < first.i:
                first = first.head  # (the first of a list: "from the United States, Japan and Malaysia")
            first_start = first.left_edge.i if first.i != ent.root.i else ent.start
            lead = first_start - 1 if first_start > 0 and doc[first_start - 1].lower_ != "the" else first_start - 2
            if ent.label_ == "Country" and ent.id_ and not (
                    lead >= 0 and doc[lead].lower_ in ("from", "to", "into", "against", "on", "with")) and not (
                    ent.root.dep_ in ("amod", "compound") and ent.root.head.ent_type_ != "GovernmentBody"):
                # (nor what they are: "Turkish steel bars … a decree issued by the ministry")
                return ent.id_  # (not where goods come from or go to: "flour from Argentina … the finance ministry")
        return default

    def _capital_as_government(self, span: Span, surface: str) -> Entity | None:
        """"Ottawa said…", "Tokyo's response", "talks with Seoul": a capital standing for its government."""
        country = self.capitals.get(surface)
        if country is None or country not in self.gazetteer.entries:
            return None
        root = span.root
        prev = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        if root.dep_ == "poss" and (root.head.ent_type_ in ("StockIndex", "StockExchange", "Company") or
                                    root.head.lower_ in _MARKET_NOUNS):
            return None  # "Tokyo's Nikkei 225", "Prague's utilities", "Helsinki's market": the market's city
        governing = root.head.head.lower_ if root.head.lower_ == "in" else ""
        if root.dep_ in ("nsubj", "nsubjpass", "poss", "dobj") or prev in ("with", "between", "and") and \
                root.head.lower_ in ("with", "between", "talks") or \
                governing in ("government", "officials", "authorities", "regulators", "lawmakers", "ministers"):
            # "Ottawa said", "talks with Seoul", "the government in Berlin"
            return entity_from_entry(self.gazetteer.entries[country], surface)
        return None

    def _capital_as_market(self, span: Span, surface: str) -> Entity | None:
        """"Tokyo sold", "Stockholm ended Thursday modestly higher", "Warsaw's blue chips", "could not lift Oslo":
        a capital standing for its market is the city."""
        root = span.root
        if surface not in self.capitals or not (
                # (not "Beijing opened two investigations": a market moves, it does nothing to anything)
                root.dep_ == "nsubj" and root.head.lemma_.lower() in _MARKET_VERBS and
                not any(c.dep_ == "dobj" for c in root.head.children) or
                root.dep_ == "dobj" and root.head.lemma_.lower() in _MARKET_MOVERS or
                root.dep_ == "poss" and (root.head.lower_ in _MARKET_NOUNS or root.head.ent_type_ == "StockIndex")):
            return None
        return self._city(surface)

    def _city(self, surface: str) -> Entity:
        for name in (surface, f"{surface} city", f"{surface} Municipality"):
            entry = self.gazetteer.lookup(name)
            if entry is not None and entry.type == "City":
                return entity_from_entry(entry, surface)
        return Entity(key=normalize_name(surface), label=surface, type="City", aliases={surface},
                      country=self.capitals.get(surface))

    def _capital_as_place(self, span: Span, surface: str) -> Entity | None:
        """"in Beijing", "Beijing-based": the city, though the gazetteer names the government so."""
        doc = span.doc
        prev = doc[span.start - 1].lower_ if span.start > 0 else ""
        based = span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ == "based"
        if prev not in ("in", "at", "near", "outside") and not based:
            return None
        if prev == "in" and span.start >= 2 and doc[span.start - 2].ent_type_ == "GovernmentBody":
            return None  # "the Ministry of Commerce in Beijing": the government's seat, standing for it
        return self._city(surface)

    def resolve(self, span: Span, article_country: str | None) -> Entity | None:
        entity = self._resolve(span, article_country)
        if entity is not None and entity.type == "GovernmentBody" and entity.country:
            # "the US Commerce Department" is also known as "the Commerce Department"
            words = clean_surface(span).split()
            if len(words) >= 3:
                first = self.gazetteer.country_of_demonym(words[0]) or self.gazetteer.lookup(words[0])
                if first is not None and first.id == entity.country:
                    entity.aliases.add(" ".join(words[1:]))
        return entity

    def _resolve(self, span: Span, article_country: str | None) -> Entity | None:
        surface = clean_surface(span)
        if span.label_ in ("City", "Country") and (market := self._capital_as_market(span, surface)) is not None:
            return market
        if span.label_ == "City" and self.capitals:
            government = self._capital_as_government(span, surface)
            if government is not None:
                return government
        if span.label_ == "Country" and surface in self.capitals:
            place = self._capital_as_place(span, surface)
            if place is not None:
                return place
        label, ident = span.label_, span.id_
        committee, _, owner_name = surface.lower().removeprefix("the ").partition(" of ")
        if label == "GovernmentBody" and committee in _RATE_COMMITTEES and owner_name:
            # "the Governing Board of Banco de México": the bank whose committee it is
            owner_entry = self.gazetteer.lookup(surface.split(" of ", 1)[1])
            if owner_entry is not None and owner_entry.type == "GovernmentBody":
                return entity_from_entry(owner_entry, surface)
        if label == "GovernmentBody" and surface.lower().removeprefix("the ") in _RATE_COMMITTEES:
            # "the Monetary Policy Committee", "Copom": the central bank's own committee
            where = self._context_country(span, article_country)
            # "the ECB's Governing Council": the bank whose committee it is
            # (or "the Monetary Policy Committee of the Bank of Thailand")
            doc = span.doc
            owner = next((e for e in doc.ents if e.label_ == "GovernmentBody" and e.id_ in self.gazetteer.entries and (
                e.end == span.start - 1 and doc[e.end].lower_ in ("'s", "’s") or
                span.end < len(doc) and doc[span.end].lower_ == "of" and
                e.start in (span.end + 1, span.end + 2) and doc[span.end + 1:e.start].text.lower() in ("", "the"))),
                None)
            entry = self.gazetteer.entries[owner.id_] if owner is not None else self._central_bank(where)
            if entry is not None:
                return entity_from_entry(entry, surface)
        if ident == "?":
            ident = ""  # marked unknown by the entity repair component
        if ident.startswith("ctx:"):
            named = self._named_in_brackets(span)
            if named is not None and self.gazetteer.in_context(ident[4:], named.country) is named:
                return entity_from_entry(named, surface)  # "the Ministry of Commerce (MOFCOM)": Beijing's
            country = self._context_country(span, article_country)
            entry = self._central_bank(country) if normalize_name(ident[4:]) == "central bank" else \
                self.gazetteer.in_context(ident[4:], country)
            if entry is None and country in _SOVEREIGN:
                # "the Ministry of Commerce" in a Hong Kong market report is Beijing's
                entry = self.gazetteer.in_context(ident[4:], _SOVEREIGN[country])
            if entry is None and sum(t.is_title for t in span) >= 2:
                # "The International Trade Administration, the Commerce unit …" in a Philippine report, after
                # "the U.S. Commerce Department": the body of a country the article named before (by its
                # proper name: "the cabinet", "parliament" are the article's own country's)
                entry = self._named_country_body(span, ident[4:])
            if entry is not None:
                return entity_from_entry(entry, surface)
            if country is None:
                if surface[:1].isupper() and not surface.lower().startswith(("the ", "central", "finance", "trade")):
                    # "the Commerce Commission" with no country in sight: a body by its own name
                    return Entity(key=normalize_name(surface), label=surface, type=label, aliases={surface})
                return None
            country_label = self.gazetteer.entries[country].label if country in self.gazetteer.entries else country
            # ("Finnish Customs" says its country already)
            name = surface if self._own_country(span) == country else \
                f"{surface[0].upper()}{surface[1:]} ({country_label})"
            return Entity(key=f"{core_name(surface)} {country}", label=name, type=label,
                          aliases={surface}, country=country)
        if ident and ident in self.gazetteer.entries:
            entry = self.gazetteer.entries[ident]
            # ("the PX, the Prague Stock Exchange's main gauge": an index named without its "Index")
            by_name = self.gazetteer.lookup(surface) or (
                self.gazetteer.lookup(f"{surface} Index") if entry.type == "StockIndex" else None)
            demonym = self.gazetteer.country_of_demonym(surface)
            if (by_name is not None and by_name.id == ident) or (demonym is not None and demonym.id == ident):
                return entity_from_entry(entry, surface)
            # a span grown past the name the ruler matched ("Hangzhou Silan Microelectronics")
            ident = ""
        entry = self.gazetteer.lookup(surface)
        if entry is not None and (label != "Person" or entry.type == "Person"):
            return entity_from_entry(entry, surface)
        norm, core = normalize_name(surface), core_name(surface)
        # a short name one letter off is another company ("Neste" is not "Nestle"): fuzzy matching is for
        # longer names written another way
        if label in ("Company",) and self._fuzzy_names and len(norm) >= _FUZZY_MIN_LENGTH:
            match = process.extractOne(norm, self._fuzzy_names.keys(), scorer=fuzz.token_sort_ratio,
                                       score_cutoff=FUZZY_THRESHOLD)
            # (one word that extends another is another name: "Schwaben" is not "Schwab")
            if match is not None and self._distinct_words_agree(norm, match[0]) and not (
                    " " not in norm and " " not in match[0] and
                    (norm.startswith(match[0]) or match[0].startswith(norm))):
                return entity_from_entry(self.gazetteer.entries[self._fuzzy_names[match[0]]], surface)
        for name in (norm, core):
            if name in self.known:
                key, known_type = self.known[name]
                return Entity(key=key, label=surface, type=known_type, aliases={surface})
        key = core if label in ("Company", "AnalystFirm") else norm
        if not key:
            return None
        if label == "GovernmentBody":
            # "the Ministry of Trade, Industry and Energy" in a Korean story: Seoul's, by its generic name
            country = self._context_country(span, article_country)
            entry = self.gazetteer.in_context(surface, country) or self.gazetteer.in_context(
                re.sub(r"^the\s+", "", surface, flags=re.I), country)
            if entry is not None:
                return entity_from_entry(entry, surface)
            return Entity(key=key, label=surface, type=label, aliases={surface}, country=country)
        if label == "StockIndex" and surface.endswith(" index"):
            # "the UCI index" names the UCI: one node whichever way the next article writes it
            name = surface.removesuffix(" index")
            return Entity(key=normalize_name(name), label=name, type=label, aliases={surface, name})
        return Entity(key=key, label=surface, type=label, aliases={surface})
