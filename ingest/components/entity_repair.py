"""``marketgraph_entities``: turns the model's and the ruler's spans into typed entities.

It runs after the statistical NER. Gazetteer matches (labels such as ``StockIndex``,
with the gazetteer id as span id) are kept as they are. The model's spans are

* cleaned: a leading "the", a trailing "and" or possessive;
* completed: "Vacuum Systems" grows to "Kurobe Vacuum Systems" over adjacent proper
  nouns, "Cleveland" to "Cleveland-Cliffs" over a hyphen, "Steel Authority of" takes
  in the "India" that follows it;
* split where the model glued a list together ("Li Auto and Geely");
* dropped when they are technologies, products, currencies or generic words ("AI",
  "iPhone", "Automakers", "Holdings");
* looked up in the gazetteer and mapped to the vocabulary's classes: ``ORG`` ->
  ``Company``, ``PERSON`` -> ``Person`` (or ``Company`` when the name is a company's:
  "Yuanlong Probe Technology"), ``GPE`` -> ``Country`` or ``City``, demonyms -> their
  ``Country``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ingest.dates import MONTHS, WEEKDAYS
from ingest.gazetteer import Gazetteer, load_gazetteer, normalize_name

OUR_TYPES = {"Company", "AnalystFirm", "StockIndex", "Country", "GovernmentBody", "StockExchange", "City", "Person"}
_MODEL_LABELS = {"ORG": "Company", "PERSON": "Person", "GPE": "City", "NORP": "Country", "FAC": None, "LOC": None}
_TRIM_LEFT = {"the", "a", "an", "'s", "’s", "peers", "peer", "rival", "rivals", "shares", "of"}
_TRIM_RIGHT = {"and", "or", "&", ",", ";", "'s", "’s", "'", ".", "-", "--", "shares", "stock", "the", "a", "an"}
_JOINERS = {"of", "&", "and", "de", "du", "la"}
#: Span id of an entity the gazetteer does not know (an empty id would keep the ruler's).
UNKNOWN = "?"
#: Verbs of saying that may follow a quoted speaker's name: '"…," Akosua Boateng said'
_SAYING = {"say", "tell", "write", "add", "note", "warn", "argue", "explain", "predict", "reckon"}
_ANALYST_PLURALS = {"analysts", "strategists", "economists"}
_ANALYST_SINGULARS = {"analyst", "strategist", "economist", "note", "report", "head", "director", "analysts",
                      "manager", "downgrade", "upgrade",
                      "strategists", "economists", "strategy", "research", "equities", "economics"}
#: Words that make a unit or a squad one that enforces the law: "the national economic crime unit"
_ENFORCEMENT_WORDS = {"crime", "fraud", "intelligence", "enforcement", "investigation", "investigative", "financial",
                      "tax", "customs", "anti-corruption", "corruption", "economic"}
#: Words of a title between a firm's name and its analyst: "Davy chief economist", "Evli senior analyst"
_TITLE_WORDS = {"chief", "senior", "lead", "head", "deputy", "principal", "market", "equity", "economic"}
_PERCENT_WORDS = {"%", "percent", "pct", "cent", "points", "point"}
#: Dependents of a move verb that carry its size: "rose 4 percent", "fell by 2%", "ended 1.5% higher"
_MOVE_ARGS = {"dobj", "npadvmod", "advmod", "prep", "attr", "acomp", "oprd", "nummod", "quantmod"}
#: What an apposition calls an index: "the PX, the Prague Stock Exchange's main gauge"
_GAUGE_WORDS = {"gauge", "benchmark", "barometer"}
#: Small words inside a name, between capitalised words: "Aceros del Biobío", "Banco do Nordeste"
_INNER_JOINERS = {"de", "del", "di", "della", "da", "do", "dos", "das", "van", "von", "der", "du", "des"}
#: Lower-case words inside company names: "Solaria Energia y Medio Ambiente", "Banco de Sabadell"
_NAME_JOINERS = {"y", "e", "de", "del", "di", "della", "da", "do", "dos", "van", "von", "der", "den", "la", "le"}
#: An index's name: letters then its number of members ("KMI-30", "KSE-100", "CAC 40")
_INDEX_NAME = re.compile(r"[A-Z][A-Za-z&/ ]*[- ](?:[1-9]\d{1,3})|[A-Z&/]{2,}(?:[1-9]\d{1,3})")  # (not "Koszyk24")
#: An index's code: "EGX70", "KOSPI200", "TA-35"
_INDEX_CODE = re.compile(r"[A-Z]{2,}-?\d{2,3}")
#: "Carmaker Astra International", "Drugmaker Richter Gedeon": a description before the name
_DESCRIPTORS = {"developer", "airline", "carrier", "utility", "brokerage", "broker", "telco", "startup"}
_DESCRIPTOR_ENDINGS = ("maker", "producer", "builder", "operator", "retailer", "lender", "insurer", "miner", "supplier",
                       "manufacturer", "exporter", "refiner", "brewer", "shipper", "conglomerate", "giant", "packer",
                       "installer", "miller", "owner", "grocer", "jeweller", "jeweler", "driller", "trader", "dealer",
                       "distributor", "wholesaler", "contractor", "landlord")
#: Words that end a company's name by saying what form it takes: "… Chemical Industries"
#: What an agency that is a business deals in: "Kowloon Crest Property Agency", "Tsing Yi Maritime Agency"
_BUSINESS_WORDS = {"Property", "Properties", "Realty", "Estate", "Shipping", "Maritime", "Travel", "Insurance",
                   "Advertising", "Recruitment", "Employment", "Marketing", "Trading", "Logistics", "Freight", "Talent",
                   "Media", "News", "Ship", "Cargo", "Tour", "Tours"}
#: Lower-case words inside a name: "Acerias del Pacifico", "Banco do Brasil"
_PARTICLES = {"del", "de", "la", "di", "da", "du", "des", "van", "von", "dos", "das", "do"}
_CORPORATE_FORMS = {"Industries", "Company", "Corporation", "Holdings", "Group", "Co", "Corp", "Partners", "Associates"}


def _ends_as_descriptor(word: str) -> bool:
    """``word`` (singular or plural) ends like a word for what a company does: "carmakers", "landlord"."""
    return word.removesuffix("s").endswith(_DESCRIPTOR_ENDINGS)


def _is_descriptor(token: Token) -> bool:
    """What a company is, said before its name: "Carmaker", "Housebuilders", "Landlord"."""
    return token.lower_.removesuffix("s") in _DESCRIPTORS or _ends_as_descriptor(token.lower_)


#: Measures aimed at a company: "a probe into X", "sanctions on X"
#: What a company has in a town: "its Porvoo refinery", "the Ulsan plant"
_SITES = {"plant", "plants", "refinery", "factory", "factories", "mill", "smelter", "works", "campus", "facility",
          "shipyard", "yard", "site", "complex", "terminal", "port", "mine", "headquarters", "office", "offices"}
#: Company words that also end names of places: "Asia Pacific", "North Atlantic"
_PLACE_ENDINGS = {"Pacific", "Atlantic", "Asia", "Europe", "Africa", "Ocean", "Land"}
_MEASURE_NOUNS = {"probe", "investigation", "inquiry", "enquiry", "sanction", "lawsuit", "case", "raid", "fine",
                  "proceeding", "proceedings", "inspection", "audit"}
#: Capitalised words before a name that describe it: "Rival DoorDash", "Fellow lender X"
_NOT_NAME_ADJECTIVES = {"rival", "fellow", "sister", "parent", "smaller", "larger", "bigger", "local", "state-owned",
                        "listed", "struggling", "embattled", "heavyweight", "index", "blue-chip", "tech", "chip"}
#: Nouns that say what kind of company the name after them is
_DESCRIBING_NOUNS = {"firm", "company", "group", "designer", "developer", "operator", "lender", "insurer", "carrier",
                     "miner", "explorer", "startup", "start-up", "conglomerate", "chain", "platform", "brand"}
#: Nouns that say a name is a government's: "the state development agency CORFO", "competition watchdog X"
_BODY_DESCRIBERS = {"agency", "regulator", "watchdog", "ministry", "authority", "commission", "prosecutor", "prosecutors"}
#: What makes an agency a government's: "the state development agency", "the national trade agency"
_STATE_WORDS = {"state", "government", "federal", "national", "development", "regulatory", "public", "trade",
                "export", "investment", "energy", "environment", "environmental", "customs", "tax", "revenue"}
#: What a company is to another: "its subsidiary, X", "its largest shareholder, Y"
_COMPANY_ROLES = {"subsidiary", "unit", "affiliate", "company", "firm", "partner", "rival", "shareholder", "parent",
                  "supplier", "customer", "competitor", "operator", "owner"}
#: What only a company has: "Varenna's chief executive", "Kelvoria's shares"
_COMPANY_PARTS = {"chief", "ceo", "shares", "stock", "chairman", "board", "unit", "subsidiary", "profit", "revenue",
                  "earnings", "factory", "plant", "stake", "bonds", "dividend", "customers", "executives"}
_RATING_VERBS = {"raise", "cut", "lift", "lower", "trim", "upgrade", "downgrade", "reiterate", "initiate", "keep"}
#: Ratings a broker moves a stock to: "raised Kessler to outperform from neutral"
_RATINGS = {"buy", "hold", "sell", "neutral", "outperform", "underperform", "overweight", "underweight", "accumulate",
            "reduce", "equal-weight", "market-perform", "add", "strong-buy"}


def _rated_to(verb) -> bool:
    """``verb`` moves a stock to a rating: "cut Tasman Building Supplies to underperform"."""
    doc = verb.doc
    return verb.pos_ == "VERB" and any(
        t.lower_ == "to" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in _RATINGS
        for t in doc[verb.i + 1:min(verb.i + 9, verb.sent.end - 1)])


#: Titles of office written before a name: "Governor Thabo Mkhize"
_OFFICE_TITLES = {"Governor", "Minister", "Secretary", "Chairman", "Chairwoman", "President", "Premier", "Commissioner",
                  "Treasurer", "Chancellor", "Mayor", "Senator", "Spokesperson", "Spokesman", "Spokeswoman",
                  "Superintendent", "Prosecutor", "Inspector", "Director", "Ambassador"}
#: What a person is, in apposition to the name: "Narit Chaiwong, secretary-general of …"
_ROLE_NOUNS = {"secretary-general", "governor", "minister", "head", "director", "director-general", "chairman",
               "chairwoman", "chair", "spokesperson", "spokesman", "spokeswoman", "analyst", "economist", "strategist",
               "executive", "president", "founder", "commissioner", "secretary", "deputy", "officer", "lawmaker"}


def _given_name(span: Span) -> Span:
    """"Han Do" + "-yoon": a person's given name in two syllables joined by a hyphen ("Han Do-yoon")."""
    doc, end = span.doc, span.end
    if span.label_ != "Person" or end + 1 >= len(doc) or doc[end].text != "-" or doc[end].whitespace_ or \
            doc[end - 1].whitespace_ or not (doc[end + 1].is_lower and doc[end + 1].is_alpha and len(doc[end + 1]) <= 4 and
                                             doc[end - 1].is_title and len(doc[end - 1]) <= 4 and len(span) >= 2):
        return span
    return Span(doc, span.start, end + 2, label=span.label_, span_id=span.id_)


def _acronym(text: str) -> bool:
    """"FCCPC", "MyCC", "UOKiK": capitals (a few small letters allowed), no spaces."""
    return 2 <= len(text) <= 8 and text[0].isupper() and text.isalpha() and sum(c.isupper() for c in text) >= 2 and \
        sum(c.isupper() for c in text) >= len(text) / 2


def _capitalised(tok) -> bool:
    return tok.text[:1].isupper() and (tok.is_alpha or tok.text[-1:] == "." and tok.text[:-1].isalpha() and
                                       len(tok) <= 5) and tok.lower_ not in ("the", "a", "an") and \
        not tok.ent_type_ in ("Country", "GovernmentBody", "Person", "StockIndex", "City")


class EntityRepair:
    """The component behind the ``marketgraph_entities`` factory."""

    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer, not_entities: list[str],
                 generic_words: list[str], company_words: list[str], person_titles: list[str],
                 name_suffixes: list[str], government_words: list[str], not_place_words: list[str],
                 move_verbs: list[str] = (), regions: list[str] = ()) -> None:
        self.name = name
        self.regions = set(regions)
        self.move_verbs = set(move_verbs)
        self.gazetteer = gazetteer
        self.not_entities = {normalize_name(w) for w in not_entities} | set(not_entities)
        self.generic_words = {w.lower() for w in generic_words}
        self.company_words = set(company_words)
        self.person_titles = set(person_titles)
        self.name_suffixes = set(name_suffixes)
        self.government_words = set(government_words)
        self.not_place_words = {w.lower() for w in not_place_words}
        # the English words the pipeline's lemmatizer knows
        tables = nlp.get_pipe("lemmatizer").lookups if "lemmatizer" in nlp.pipe_names else None
        index = tables.get_table("lemma_index") if tables is not None and tables.has_table("lemma_index") else {}
        self.known_words = {w for words in index.values() for w in words}

    # -- span surgery -------------------------------------------------------------------

    def _trim(self, span: Span) -> Span | None:
        start, end = span.start, span.end
        doc = span.doc
        while start < end and (doc[start].lower_ in _TRIM_LEFT or doc[start].is_punct or
                               _is_descriptor(doc[start])
                               and end - start > 1):
            start += 1  # "Carmaker Astra International" -> "Astra International"
        for k in range(start, end):
            # "Enforcement Directorate (ED": an acronym in brackets the span cut in two; "parliament,
            # Minister for Foreign Trade": a title after a comma starts someone else
            if doc[k].text == "(" and not any(t.text == ")" for t in doc[k:end]) or \
                    doc[k].text == "," and k + 1 < end and doc[k + 1].text in _OFFICE_TITLES:
                end = k
                break
        while end > start and (doc[end - 1].lower_ in _TRIM_RIGHT or doc[end - 1].is_punct and doc[end - 1].text not in ".&"
                               or end - start > 1 and (doc[end - 1].like_num or
                                                       doc[end - 1].lower_ in ("million", "billion", "trillion"))):
            end -= 1  # "Brovanti Pharma 120 million (euros)": the amount is no part of the name
        if start >= end:
            return None
        return Span(doc, start, end, label=span.label_, span_id=span.id_)

    def _trim_titles(self, span: Span) -> Span | None:
        """"Industry Minister Ken Saito" -> "Ken Saito"."""
        start = span.start
        while start < span.end - 1 and (span.doc[start].text in self.person_titles or span.doc[start].is_lower):
            start += 1
        if start == span.start:
            return span
        return Span(span.doc, start, span.end, label=span.label_, span_id=span.id_)

    def _extend_body(self, span: Span, taken: set[int]) -> Span:
        """"Ministry of Health" + "and Welfare": a longer official name than the one matched."""
        doc = span.doc
        end = span.end
        def name_part(tok: Token) -> bool:  # (also "SMEs" in "Ministry of Industrial Development, SMEs and …")
            # (and "Cooperatives", "Forests" in "Ministry of Environment, Waters and Forests", the model's "nation";
            # not "Agriculture Secretary Dale Whitfield" after "the Department of Agriculture,")
            if tok.text in _OFFICE_TITLES or tok.ent_type_ == "PERSON":
                return False
            return self._is_name_token(tok) or tok.is_alpha and (tok.ent_type_ in ("", "ORG") or tok.ent_type_ == "NORP"
                                                                 and self.gazetteer.lookup(tok.text) is None) and (
                tok.text[:2].isupper() or tok.is_title and tok.tag_ in ("NNS", "NNPS") or
                # "… and Renewable Energy"
                tok.is_title and tok.pos_ == "ADJ" and tok.i + 1 < len(doc) and doc[tok.i + 1].is_title)

        # "and Welfare", "& Energy", ", Industry and Energy": joined words of the same name
        while end + 1 < len(doc) and doc[end].lower_ in ("and", "&", ",") and end + 1 not in taken \
                and name_part(doc[end + 1]):
            end += 2
            while end < len(doc) and end not in taken and name_part(doc[end]):
                end += 1
        if end > span.end and doc[end - 1].text == ",":
            end -= 1
        if end > span.end and end < len(doc) and (doc[end].text in _OFFICE_TITLES or doc[end].ent_type_ == "PERSON"):
            # "…, Agriculture Secretary Dale Whitfield": the words before a title are the official's, not the body's
            while end > span.end and doc[end - 1].text not in (",", "and", "&"):
                end -= 1
            end = max(span.end, end - 1)
        if end + 1 < len(doc) and doc[end - 1].text.endswith("s") and doc[end].text in ("'", "’") and \
                doc[end + 1].text in ("Office", "Service", "Bureau") and end + 1 not in taken:
            end += 2  # "Seoul Southern District Prosecutors' Office"
        # "State Secretariat" + "for Maritime Fisheries", "Department" + "for Business and Trade"
        if end == span.end and doc[end - 1].text in self.government_words and end + 1 < len(doc) and \
                doc[end].lower_ in ("for", "of") and end + 1 not in taken and self._is_name_token(doc[end + 1]):
            end += 1
            while end < len(doc) and end not in taken and (self._is_name_token(doc[end]) or doc[end].lower_ in (
                    "and", "&") and end + 1 < len(doc) and self._is_name_token(doc[end + 1])):
                end += 1
        start = span.start
        if start > 0 and start - 1 not in taken and doc[start - 1].text in ("Federal", "National", "State", "Royal"):
            start -= 1  # "Federal Ministry of Industry, Trade and Investment"
        elif start > 0 and doc[start - 1].ent_type_ in ("City", "Country") and \
                doc[start].lower_ not in ("ministry", "department") and \
                (doc[start - 1].ent_type_ == "City" or span.id_.startswith("ctx:")):
            kind = doc[start - 1].ent_type_
            while start > 0 and doc[start - 1].ent_type_ == kind:
                start -= 1  # a city's own body: "Taipei District Prosecutors Office"; a country's
                # body by its generic name: "Malaysia Competition Commission"
        if start == span.start:
            # "Finnish Competition and Consumer Authority": more of the name back to the country's name
            k = start
            while k - 1 > span.sent.start and k - 1 not in taken and doc[k - 1].ent_type_ != "Country" and (
                    self._is_name_token(doc[k - 1]) or doc[k - 1].lower_ in ("and", "&") and
                    self._is_name_token(doc[k - 2])):
                k -= 1
            if k < start and doc[k - 1].ent_type_ == "Country" and doc[k].lower_ not in ("and", "&"):
                while k > span.sent.start and doc[k - 1].ent_type_ == "Country":
                    k -= 1
                start = k
        if (start, end) == (span.start, span.end):
            return span
        entry = self.gazetteer.lookup(doc[start:end].text)
        keep = span.id_ if span.id_.startswith("ctx:") and doc[span.start - 1].ent_type_ == "Country" else UNKNOWN
        return Span(doc, start, end, label="GovernmentBody", span_id=entry.id if entry else keep)

    def _extend_known(self, span: Span, taken: set[int]) -> Span:
        """A known name followed by more of a name is another company.

        "Samsung Heavy Industries" is not Samsung Electronics and "Hangzhou Silan
        Microelectronics" is no city; "Toyota Motor" is still Toyota.
        """
        doc = span.doc
        start, end = span.start, span.end
        while end < len(doc) and end not in taken and (self._is_name_token(doc[end]) or doc[end].text == "&"
                                                       and end + 1 < len(doc) and self._is_name_token(doc[end + 1])
                                                       or end > span.end and doc[end].is_title and
                                                       doc[end].text in self.company_words
                                                       or self._and_company_word(doc, end, span.end)):
            end += 1  # ("Kempen Gem Trading", "Trading" tagged a noun; "Takoradi Savings and Loans")
        if end == span.end and end + 1 < len(doc) and doc[end].text in ("-", "–") and not doc[end - 1].whitespace_ \
                and (doc[end + 1].is_title or span.label_ == "StockIndex" and doc[end + 1].is_upper) and \
                end + 1 not in taken:
            # "Cleveland-Cliffs" is a company, not the city; "BET-TR" is an index of its own
            whole = Span(doc, start, end + 2, label="ORG")
            entry = self.gazetteer.lookup(whole.text)
            if entry is not None:
                return Span(doc, start, end + 2, label=entry.type, span_id=entry.id)
            return Span(doc, start, end + 2, label="StockIndex" if span.label_ == "StockIndex" else "ORG",
                        span_id=UNKNOWN)
        if span.label_ == "StockIndex":
            # "Nifty Midcap 100", "S&P MidCap 400 index", "KOSDAQ 150": a sub-index with its number
            if end < len(doc) and end not in taken and re.fullmatch(r"\d{2,4}", doc[end].text) and not (
                    end + 1 < len(doc) and doc[end + 1].lower_ in ("percent", "%", "per", "points", "pts")):
                end += 1
            if end < len(doc) and end not in taken and doc[end].text == "Index" and end > span.end:
                end += 1
            while start > span.sent.start and start - 1 not in taken and self._is_name_token(doc[start - 1]):
                start -= 1  # "KBW Nasdaq Bank Index"
            if start < span.start:
                whole = Span(doc, start, end, label="StockIndex")
                entry = self.gazetteer.lookup(whole.text)
                return Span(doc, start, end, label="StockIndex", span_id=entry.id if entry else UNKNOWN)
        if end == span.end:
            return span
        extra = [t.text for t in doc[span.end:end] if t.text != "&"]
        if span.label_ == "StockIndex":
            # "Nifty IT", "Hang Seng Mainland Properties Index": a sub-index, not the benchmark
            if all(word.lower() in ("index", "composite") for word in extra) and \
                    not (start < span.start):
                return span
            whole = Span(doc, span.start, end, label="StockIndex")
            entry = self.gazetteer.lookup(whole.text)
            return Span(doc, span.start, end, label="StockIndex", span_id=entry.id if entry else UNKNOWN)
        if span.label_ in ("Company", "AnalystFirm") and any(word in self.company_words for word in extra):
            while start > span.sent.start and start - 1 not in taken and self._is_name_token(doc[start - 1]) and \
                    not doc[start - 1].is_stop:
                start -= 1  # "CT CLSA Securities": a local house whose name holds a known one
        if all(word in self.name_suffixes for word in extra) and span.label_ != "Country" and start == span.start:
            return span
        if not any(word in self.company_words for word in extra) and span.label_ not in ("Company", "AnalystFirm",
                                                                                           "City"):
            return span  # "Singapore Airlines", "Bangkok Bank", "Turkish Airlines" are companies; so is
            # "Ostrava Investicni": a town's name with more of a name after it
        whole = Span(doc, start, end, label="ORG", span_id=UNKNOWN)
        entry = self.gazetteer.lookup(whole.text)
        if entry is not None:
            return Span(doc, start, end, label=entry.type, span_id=entry.id)
        return whole

    def _and_company_word(self, doc: Doc, i: int, start: int) -> bool:
        """"and" at ``i`` joins two company words of one name: "Savings and Loans", "Oil and Gas"."""
        return start < i < len(doc) - 1 and doc[i].lower_ in ("and", "&") and \
            doc[i - 1].text in self.company_words and doc[i + 1].text in self.company_words and doc[i + 1].is_title

    @staticmethod
    def _is_name_token(tok) -> bool:
        return (tok.pos_ == "PROPN" or tok.is_upper and len(tok) > 1) and tok.ent_type_ in ("", "ORG", "PERSON") \
            and tok.is_alpha and (tok.is_title or tok.is_upper or any(c.isupper() for c in tok.text[1:]))

    def _grow(self, span: Span, taken: set[int]) -> Span:
        """Extend a model span over adjacent proper nouns and hyphenated parts of the name."""
        doc = span.doc
        start, end = span.start, span.end
        while span.label_ in ("ORG", "PERSON") and start > span.sent.start and start - 1 not in taken and \
                (self._is_name_token(doc[start - 1]) or self._unknown_first_word(span, doc[start - 1])) and \
                not (start - 1 == span.sent.start and doc[start - 1].is_stop) \
                and not (span.label_ == "PERSON" and (doc[start - 1].text in self.person_titles or
                                                      doc[start - 1].text in self.company_words or
                                                      start - 1 == span.sent.start and
                                                      doc[start - 1].lower_.endswith(("er", "or")))):
            start -= 1  # "Chapel Hill Denham", not "Hill Denham" (a title before a person's name stays out)
        while end + 1 < len(doc) and doc[end].text in ("-", "–") and not doc[end].whitespace_ \
                and doc[end + 1].is_title and end + 1 not in taken:
            end += 2
        while end < len(doc) and end not in taken and (self._is_name_token(doc[end]) or (
                doc[end].lower_ in _INNER_JOINERS and end + 1 < len(doc) and end + 1 not in taken and
                self._is_name_token(doc[end + 1]))):
            end += 1  # ("Aceros del Biobío")
        if (start, end) == (span.start, span.end):
            return span
        return Span(doc, start, end, label=span.label_, span_id=span.id_ or UNKNOWN)

    def _split(self, span: Span) -> list[Span]:
        """Split "A, B and C" glued into one span by the model, when each part is capitalised."""
        doc = span.doc
        cuts = [t.i for t in span if t.lower_ in ("and", ",") and t.i not in (span.start, span.end - 1)]
        if not cuts or any(t.lower_ == "&" for t in span) or span[-1].text in self.government_words:
            return [span]  # "Federal Competition and Consumer Protection Commission" is one body
        parts, start = [], span.start
        for cut in cuts + [span.end]:
            if start < cut:
                parts.append(Span(doc, start, cut, label=span.label_))
            start = cut + 1
        if all(p[0].is_title or p[0].is_upper or self.gazetteer.lookup(p.text) for p in parts) and \
                not self.gazetteer.lookup(span.text) and \
                not (len(parts[-1]) == 1 and parts[-1][0].text in self.company_words):
            # ("Yangtze Optical Fibre and Cable" is one name: "Cable" alone names nothing)
            return parts
        return [span]

    # -- typing -------------------------------------------------------------------------

    def _type(self, span: Span) -> Span | None:
        text = span.text
        if text in self.not_entities or normalize_name(text) in self.not_entities:
            return None
        if span.label_ in OUR_TYPES:
            return span
        if not any(t.is_alpha for t in span) or all(t.is_lower for t in span if t.is_alpha):
            return None
        if span.label_ == "NORP":
            country = self.gazetteer.country_of_demonym(text)
            return Span(span.doc, span.start, span.end, label="Country", span_id=country.id) if country else None
        label = _MODEL_LABELS.get(span.label_)
        if label is None:
            return None
        if span.label_ in ("GPE", "LOC") and (span[-1].lower_ in self.not_place_words or text in self.regions):
            return None  # "Jiangsu province", "Arizona", "Aragon": regions, neither cities nor countries
        if span.label_ in ("GPE", "LOC") and text.isupper() and len(text) <= 3 and not self.gazetteer.lookup(text):
            return None  # "CCC": a rating, not a place
        entry = self.gazetteer.lookup(text)
        if entry is not None and (span.label_ != "PERSON" or entry.type == "Person" or len(span) > 1):
            return Span(span.doc, span.start, span.end, label=entry.type, span_id=entry.id)
        if len(span) == 1:
            tok = span[0]
            if tok.lower_ in self.generic_words or tok.tag_ in ("NNS",) or \
                    (tok.tag_ == "NNPS" and tok.lower_.endswith("s") and tok.i == span.sent.start):
                return None  # "Automakers", "Holdings", "Bank": words, not names
            if span.label_ == "ORG" and tok.is_upper and len(text) <= 3 and not self._described_company(span):
                return None  # unknown acronyms are mostly sectors and products (AI, EV, LNG)
        if span[-1].lower_ in ("index", "average") and len(span) > 1:
            return Span(span.doc, span.start, span.end, label="StockIndex", span_id=UNKNOWN)  # "KBW Nasdaq Bank Index"
        if span.label_ == "ORG" and all(t.text in self.person_titles or t.is_punct for t in span):
            return None  # "Commerce Minister": a title, not an organisation
        titles = 0
        while titles < len(span) and (span[titles].text in self.person_titles or
                                      span[titles].text in ("Trade", "Finance", "Foreign", "Economy", "Industry",
                                                            "Commerce", "Energy") and titles + 1 < len(span)
                                      and span[titles + 1].text in self.person_titles):
            titles += 1
        last_title = max((k for k, t in enumerate(span) if t.text in self.person_titles), default=-1)
        if span.label_ == "ORG" and titles == 0 and 0 < last_title < len(span) - 2 and \
                span[last_title].text in ("Minister", "Secretary", "Governor", "Commissioner", "Treasurer"):
            titles = last_title + 1  # "Energy and Mineral Resources Minister Bahlil Lahadalia"
        if span.label_ == "ORG" and 0 < titles and len(span) - titles >= 2 and \
                all(t.is_title for t in span[titles:]) and not any(t.text in self.company_words for t in span[titles:]) \
                and not any(t.text in self.government_words for t in span[titles:]):  # ("Defense Export Controls Agency")
            # "Finance Minister Andrzej Domanski", "Governor Eli Remolona": a person with a title
            return Span(span.doc, span.start + titles, span.end, label="Person", span_id=UNKNOWN)
        if span.label_ == "ORG" and len(span) > 1 and (
                any(t.text in self.government_words for t in span) or
                # "State Environmental Fund", "National Wealth Fund"
                span[0].text in ("State", "National", "Federal") and span[-1].text == "Fund" or
                span[0].text == "Public" and span[1].text == "Service" or  # "Public Service of Wallonia"
                span[0].text in ("State", "Central", "National", "Reserve", "Bank") and
                any(t.lower_ == "bank" for t in span) and self.gazetteer.country_of_demonym(span[-1].text) is None
                and self.gazetteer.lookup(span[-1].text) is not None and span[-2].lower_ == "of"):
            return Span(span.doc, span.start, span.end, label="GovernmentBody", span_id=UNKNOWN)
        if label in ("Person", "City") and any(t.text in self.company_words for t in span):
            label = "Company"  # "Yuanlong Probe Technology", "Kalinga Stainless Tubes"
        return Span(span.doc, span.start, span.end, label=label)

    # -- the component --------------------------------------------------------------------

    def _merge_joined(self, spans: list[Span]) -> list[Span]:
        """"Steel Authority of" + "India" -> one company; "Hyundai Engineering &" + "Construction";
        "Bank Rakyat" + "Indonesia"; "Malaysian" + "Pacific Industries"."""
        out: list[Span] = []
        for span in spans:
            if out:
                prev = out[-1]
                doc = span.doc
                if prev.end == span.start and prev.label_ == "Country" and span.label_ in ("PERSON", "Person") and \
                        prev.start > 0 and doc[prev.start - 1].text in self.person_titles:
                    out[-1] = Span(doc, prev.start, span.end, label="PERSON")  # "Minister German Avila"
                    continue
                if prev.end + 1 == span.start and prev.label_ == "ORG" and span.label_ == "ORG" and \
                        doc[prev.end].lower_ in ("and", "&") and any(t.text in self.government_words for t in prev):
                    out[-1] = Span(doc, prev.start, span.end, label="ORG")  # "Ministry of Health" and "Welfare"
                    continue
                if prev.end == span.start and prev.label_ == "ORG" and span.label_ == "ORG" and \
                        doc[prev.end - 1].whitespace_:
                    out[-1] = Span(doc, prev.start, span.end, label="ORG")  # "Cyrela" "Brazil Realty"
                    continue
                if prev.end == span.start and prev.label_ == "ORG" and span.label_ == "Country" and \
                        not doc[prev.end - 1].whitespace_ == "" and span[-1].is_title:
                    out[-1] = Span(doc, prev.start, span.end, label="ORG")
                    continue
                if prev.end == span.start and prev.label_ in ("City", "GPE") and span.label_ == "ORG" and \
                        any(t.text in self.company_words for t in span):
                    # "Hangzhou" "Silan Microelectronics"; "Shonan" (a place to the model) "Solar Roofing"
                    out[-1] = Span(doc, prev.start, span.end, label="ORG")
                    continue
                if prev.end == span.start and prev.label_ == "Country" and span.label_ == "ORG" and \
                        prev[0].is_title and prev.text.endswith(("n", "ese", "ish", "i")) and \
                        not self.gazetteer.lookup(span.text) and len(span) > 1:
                    out[-1] = Span(doc, prev.start, span.end, label="ORG")
                    continue
                if prev.end == span.start and prev.label_ in ("Company", "AnalystFirm") and span.label_ == "Country" \
                        and len(span) == 1 and (span.end == len(doc) or doc[span.end].lower_ not in ("'s", "’s")):
                    # "Mirae Asset Securities Vietnam", "Scotiabank Chile": the firm's unit in the country
                    out[-1] = Span(doc, prev.start, span.end, label=prev.label_, span_id=UNKNOWN)
                    continue
                if prev.end == span.start and prev.label_ in ("ORG",) and (prev[-1].lower_ in _JOINERS or len(prev) > 2 and (
                        prev[-2].lower_, prev[-1].lower_) == ("of", "the")):
                    out[-1] = Span(doc, prev.start, span.end, label="ORG")  # "the Directorate General of the" "Treasury"
                    continue
                if prev.end + 1 == span.start and doc[prev.end].lower_ in _NAME_JOINERS and \
                        prev.label_ in ("ORG", "PERSON") and span.label_ in ("ORG", "PERSON") and \
                        doc[prev.end].is_lower:
                    out[-1] = Span(doc, prev.start, span.end, label="ORG")  # "Solaria Energia" y "Medio Ambiente"
                    continue
                if prev.end + 1 == span.start and doc[prev.end].lower_ in ("of", "&") and \
                        prev.label_ == "ORG" and span.label_ in ("Country", "City", "GPE", "ORG"):
                    out[-1] = Span(doc, prev.start, span.end, label="ORG")
                    continue
            out.append(span)
        return out

    def __call__(self, doc: Doc) -> Doc:
        ents = [e for e in doc.ents if e.label_ in OUR_TYPES or e.label_ in _MODEL_LABELS]
        ents = self._merge_joined(ents)
        taken = {i for e in ents if e.label_ in OUR_TYPES for i in range(e.start, e.end)}
        spans: list[Span] = []
        for ent in ents:
            if ent.label_ in ("Company", "AnalystFirm", "City", "StockIndex", "Country") and ent.id_:
                ent = self._extend_known(ent, taken)
            elif ent.label_ == "Person" and ent.id_ and ent.start > ent.sent.start and \
                    self._is_name_token(doc[ent.start - 1]) and doc[ent.start - 1].text not in self.person_titles:
                ent = Span(doc, ent.start - 1, ent.end, label="PERSON")  # "Rana Haddad" is not Fernando Haddad
            elif ent.label_ == "Person" and ent.id_ and ent.end < len(doc) and ent.end not in taken and \
                    self._is_name_token(doc[ent.end]) and doc[ent.end].pos_ == "PROPN":
                end = ent.end
                while end < len(doc) and end not in taken and self._is_name_token(doc[end]) and doc[end].pos_ == "PROPN":
                    end += 1
                ent = Span(doc, ent.start, end, label="PERSON")  # "Pichai Naripthaphan" is not Sundar Pichai
            elif ent.label_ == "GovernmentBody":
                ent = self._extend_body(ent, taken)
            if ent.label_ in ("Company", "AnalystFirm") and len(ent) == 1 and ent.start >= 2 and \
                    ent.start - 1 not in taken and self._is_name_token(doc[ent.start - 1]) and \
                    doc[ent.start - 2].text in self.person_titles:
                ent = Span(doc, ent.start - 1, ent.end, label="PERSON")  # "Economy Minister Ryo Takeda" is no Takeda
            trimmed = self._trim(ent) if ent.label_ not in OUR_TYPES else ent
            if trimmed is None:
                continue
            pieces = [trimmed] if trimmed.label_ in OUR_TYPES else self._split(trimmed)
            for piece in pieces:
                if piece.label_ in ("ORG", "PERSON"):
                    piece = self._grow(piece, taken)
                piece = self._trim(piece) if piece.label_ not in OUR_TYPES else piece
                if piece is not None and piece.label_ == "PERSON":
                    piece = self._trim_titles(piece)
                typed = self._type(piece) if piece is not None else None
                if typed is not None and typed.label_ == "GovernmentBody" and piece.label_ not in OUR_TYPES:
                    typed = self._extend_body(typed, taken)  # "Federal Ministry of Industry, Trade and Investment"
                if typed is not None:
                    spans.append(typed)
        spans = [s for s in sorted(spans, key=lambda s: s.start) if not (
            s.label_ == "GovernmentBody" and s.id_.startswith("ctx:") and self._describes_body_before(s))]
        # "the Federal Competition and Consumer Protection Commission (FCCPC)": the acronym is its alias
        named = [s for s in spans if s.label_ in ("GovernmentBody", "Company", "AnalystFirm", "StockExchange")]
        # (also a short name that is no acronym: "the Production Development Corporation (Corfo)")
        spans = [s for s in spans if not (
            len(s) == 1 and (_acronym(s.text) or s.text.istitle() and s.text.isalpha() and len(s.text) <= 7 and
                             s.label_ == "Person") and
            not s.id_.strip("?") and s.start >= 2 and s.end < len(doc) and
            doc[s.start - 1].text == "(" and doc[s.end].text == ")" and
            any(n.end == s.start - 1 for n in named))]
        # "Glass bottles and jars …" where the article also writes "glass": a word, not a name
        spans = [s for s in spans if not (len(s) == 1 and not s.id_.strip("?") and s.start == s.sent.start and
                                          s.label_ in ("Person", "Company", "City") and self._common_word(
                                              s[0], unknown_is_name=s[0].head.i == s[0].i or not s[0].head.is_lower))]
        # "Portland cement": a product named after a place
        spans = [s for s in spans if not (s.end < len(doc) and normalize_name(f"{s.text} {doc[s.end].text}") in
                                         self.not_entities)]
        spans = self._surnames(self._firm_names(doc, filter_spans(spans)))
        for step in (self._joined_names, self._moving_indices, self._gauge_names, self._movers, self._described_names,
                     self._apposed, self._national_arms, self._based_places,
                     self._rated_or_sanctioned, self._company_cues, self._places,
                     self._body_names, self._parent_bodies, self._business_agencies, self._company_word_names,
                     self._persons_by_role, self._particle_names):
            spans = step(doc, spans)
        # "Farmed rainbow trout …", "Dearer money …": one unknown word opening a sentence, that no step took for a
        # company, a firm or a place, is no person unless the article names that person in full ("Kuroda said" after
        # "Haruhiko Kuroda")
        surnames = {p[-1].text for p in spans if p.label_ in ("Person", "PERSON") and len(p) > 1}
        spans = [s for s in spans if not (len(s) == 1 and not s.id_.strip("?") and s.start == s.sent.start and
                                          s.label_ == "Person" and s.text not in surnames)]
        # "Scotch whisky", "Iberian ham": a name ends with a name, not with a common noun in lower case (and
        # "The CBRT on Thursday lowered its rate": a day is no name)
        spans = [s for s in spans if not (s.label_ in ("Company", "AnalystFirm") and len(s) >= 2 and
                                          not s.id_.strip("?") and s[-1].is_lower and s[-1].pos_ in ("NOUN", "PROPN")
                                          or len(s) == 1 and not s.id_.strip("?") and s[0].lower_ in WEEKDAYS)]
        doc.ents = filter_spans([s for s in (self._whole_word(_given_name(self._undescribed(s)))
                                             for s in self._repeat_names(doc, spans)) if s is not None])
        return doc

    def _joined_names(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """One company name with "and" in it, which the model cut in two: "Abu Qir Fertilizers and Chemical
        Industries" (what follows names no company of its own), "Oil and Gas Development Company" (what comes
        before is no name alone)."""
        out: list[Span] = []
        for span in spans:
            before = out[-1] if out else None
            if before is not None and before.end + 1 == span.start and doc[before.end].lower_ == "and" and \
                    {before.label_, span.label_} <= {"Company", "Person", "City", "AnalystFirm"} and \
                    not before.id_.strip("?") and not span.id_.strip("?") and (
                        all(t.text in self.company_words or t.text in _CORPORATE_FORMS for t in span) and
                        span[-1].text in _CORPORATE_FORMS or len(before) == 1 and before.text in self.company_words):
                # (also "Shaw and Partners", a broker)
                label = "AnalystFirm" if "AnalystFirm" in (before.label_, span.label_) else "Company"
                out[-1] = Span(doc, before.start, span.end, label=label, span_id=UNKNOWN)
                continue
            if span.label_ == "Company" and not span.id_.strip("?") and span.start >= 2 and \
                    doc[span.start - 1].lower_ == "and" and doc[span.start - 2].text in self.company_words and \
                    (before is None or before.end <= span.start - 2) and \
                    (span.start - 2 == span.sent.start or not doc[span.start - 3].text[:1].isupper()):
                span = Span(doc, span.start - 2, span.end, label="Company", span_id=UNKNOWN)  # ("Oil and Gas …")
            if span.label_ in ("Company", "AnalystFirm", "City", "Person") and not span.id_.strip("?") and \
                    span[0].lower_ in _PARTICLES \
                    and span[0].is_lower and span.start > span.sent.start and doc[span.start - 1].is_title and \
                    doc[span.start - 1].is_alpha and not doc[span.start - 1].ent_type_ and \
                    (before is None or before.end < span.start - 1):
                # "Acerias del Pacifico", the model's name begun at the particle
                span = Span(doc, span.start - 1, span.end, label=span.label_, span_id=UNKNOWN)
            end = span.end
            if span.label_ in ("Company", "AnalystFirm", "Person") and not span.id_.strip("?") and \
                    end + 1 < len(doc) and doc[end].lower_ in ("and", "&") and \
                    doc[end + 1].text in ("Partners", "Associates", "Co", "Company", "Sons") and \
                    not any(o.start <= end + 1 < o.end for o in spans):
                # "Kerrigan and Partners", "Hollis & Co": the name goes on past the words the model left out
                label = "Company" if span.label_ == "Person" else span.label_
                span = Span(doc, span.start, end + 2, label=label, span_id=UNKNOWN)
            out.append(span)
        return out

    def _particle_names(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """"Textiles de Puebla", "Aços Vale do Paraíba": a company named after a place (or with a known name in it),
        which the gazetteer cut at the place."""
        out: list[Span] = []

        def name_word(i: int, *, limit: int) -> bool:
            """Token ``i`` may open such a name: a capitalised word, no stop word nor a body's word, and no part of a
            span other than a one-word company or person ("Vale" in "Aços Vale do Paraíba")."""
            tok = doc[i]
            return i >= limit and tok.is_alpha and tok.text[:1].isupper() and not tok.is_stop and \
                tok.text not in self.government_words and not any(
                    o.start <= i < o.end and o.label_ not in ("Company", "Person") for o in out)

        for span in spans:
            k = span.start - 1
            if span.label_ in ("City", "Company", "Person") and k > span.sent.start and doc[k].lower_ in _PARTICLES \
                    and doc[k].is_lower:
                start = k
                while k - start < 3 and name_word(start - 1, limit=span.sent.start):
                    start -= 1
                inner = [o for o in out if start <= o.start and o.end <= k]
                if start < k and any(not any(o.start <= i < o.end for o in inner) for i in range(start, k)) and \
                        not any(o.start < start < o.end for o in out):
                    out = [o for o in out if o not in inner]
                    span = Span(doc, start, span.end, label="Company", span_id=UNKNOWN)
            elif span.label_ == "Company" and not span.id_.strip("?") and any(
                    t.lower_ in _PARTICLES and t.is_lower for t in span[1:-1]):
                # ("Papel" + "Vale do Itajai", the known "Vale" begun anew by the model)
                start = span.start
                while span.start - start < 2 and name_word(start - 1, limit=span.sent.start + 1) and \
                        doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and \
                        not doc[start - 1].ent_type_ and not any(o.end > start - 1 for o in out):
                    start -= 1
                span = Span(doc, start, span.end, label="Company", span_id=UNKNOWN) if start < span.start else span
            out.append(span)
        return out

    @staticmethod
    def _whole_word(span: Span) -> Span | None:
        """"chip index" inside "blue-chip index": a generic name begins at the start of the hyphenated word."""
        doc, start = span.doc, span.start
        if not span.id_.startswith("ctx:") or start < 2 or doc[start - 1].text != "-" or doc[start - 1].whitespace_ \
                or doc[start - 2].whitespace_:
            return span
        return Span(doc, start - 2, span.end, label=span.label_, span_id="ctx:" + doc[start - 2:span.end].text.lower())

    def _undescribed(self, span: Span) -> Span:
        """"Utility ČEZ", "Brokerage Kvarken": the description that opens the sentence is no part of the name."""
        first = span[0]
        if len(span) < 2 or first.i != first.sent.start or span.label_ not in ("Company", "AnalystFirm", "Person") or \
                span.id_.strip("?") or not _is_descriptor(first):
            return span
        entry = self.gazetteer.lookup(span[1:].text)
        if entry is not None:
            return Span(span.doc, span.start + 1, span.end, label=entry.type, span_id=entry.id)
        return Span(span.doc, span.start + 1, span.end, label=span.label_, span_id=span.id_)

    def _mover_subjects(self, doc: Doc) -> list[Token]:
        """Heads of the subjects of move verbs used intransitively with a percentage: "Cable
        maker Prysmian fell 1.2 percent", "Mercari and Sansan rose 3 and 2 percent", "shares of
        HLB slid 1.1%" (not "Malhotra lowered the forecast to 3.1 percent")."""
        subjects = []
        for head in self._move_subject_heads(doc):
            if head.lower_ in ("shares", "stock"):
                # "Fawry shares", "shares of Fawry", "Fawry's shares"
                owner = [c for c in head.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"] + \
                        [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                         for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
                subjects.extend(owner[:1])
            elif head.pos_ == "PROPN" or head.pos_ in ("NOUN", "X") and _capitalised(head):
                subjects.append(head)
        return subjects

    def _move_subject_heads(self, doc: Doc) -> Iterator[Token]:
        """The head words of what moves by a percentage, names or not ("the index", "shares")."""
        for verb in doc:
            be_moved = verb.lemma_ == "be" and any(c.lower_ in ("up", "down", "higher", "lower") and
                                                   c.dep_ in ("advmod", "prt", "acomp") for c in verb.children)
            # "managed a 0.1% gain", "put on 0.6%"
            noun_moved = any(c.dep_ == "dobj" and c.lemma_.lower() in self.move_verbs and not any(
                g.dep_ == "prep" and g.lower_ in ("in", "of", "for") for g in c.children) for c in verb.children)
            put_on = verb.lemma_ == "put" and any(c.lower_ == "on" and c.dep_ in ("prt", "prep") for c in verb.children)
            # "the KSE-30 Index - the thirty most liquid names - advanced 2.4 percent": the verb tagged an adjective
            # that hangs on its percentage
            past = verb.pos_ == "ADJ" and verb.dep_ == "amod" and verb.head.lower_ in _PERCENT_WORDS and any(
                verb.lower_ in (v + "ed", v + "d") for v in self.move_verbs)
            # "the ASE 20 Index closed at 1,387.02, up 0.6 percent": a close told with its move
            closed = verb.lemma_.lower() in ("close", "end", "finish", "settle") and verb.pos_ == "VERB"
            if (verb.lemma_.lower() not in self.move_verbs or verb.pos_ != "VERB") and not (
                    be_moved or noun_moved or put_on or past or closed):
                continue
            args = [c for c in verb.children if c.dep_ in _MOVE_ARGS or put_on and c.dep_ == "prt" or
                    closed and c.dep_ in ("advmod", "npadvmod", "advcl", "prep")] + ([verb.head] if past else [])
            if not any(t.lower_ in _PERCENT_WORDS for child in args for t in child.subtree) or any(
                    c.dep_ == "dobj" and not any(t.lower_ in _PERCENT_WORDS or t.like_num for t in c.subtree)
                    for c in args):
                continue
            own = [c for c in verb.children if c.dep_ == "nsubj"]
            if not own and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp"):
                # "Payments group Adyen bucked the trend, rising 2.5%": the subject of the clause it hangs on
                own = [c for c in verb.head.children if c.dep_ == "nsubj"]
            for subj in own:
                if subj.dep_ != "nsubj":
                    continue
                if subj.lower_ in ("which", "that") and verb.dep_ == "relcl":
                    subj = verb.head  # "A hard landing came for Perak Precision Aero, which plunged 33.5 percent"
                heads = [subj] + [c for c in subj.children if c.dep_ == "conj"]
                # "Telecoms operator Swisscom fell 2.2 percent": the name in apposition
                heads += [c for h in heads if h.pos_ == "NOUN" for c in h.children
                          if c.dep_ == "appos" and c.pos_ == "PROPN"]
                yield from heads
        for tok in doc[1:-3]:
            # "Kcell (down 0.7 per cent) and Air Astana (down 1.4 per cent) finished on the losing side": a name
            # with its move in brackets
            if tok.text == "(" and doc[tok.i + 1].lower_ in ("up", "down", "off") and doc[tok.i + 2].like_num and \
                    doc[tok.i + 3].lower_ in _PERCENT_WORDS | {"per"} and \
                    (doc[tok.i - 1].pos_ == "PROPN" or _capitalised(doc[tok.i - 1])):
                yield doc[tok.i - 1]
        for noun in doc:
            # "For Ezz Steel, which rolls rebar, the decree was worth a 4.0 percent rise": what a move told as a
            # noun was "for"
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.move_verbs or \
                    not any(c.lower_ in _PERCENT_WORDS for c in noun.children):
                continue
            clause = noun.head if noun.head.pos_ in ("VERB", "AUX") else noun.head.head
            yield from (o for c in clause.children if c.dep_ == "prep" and c.lower_ == "for" and c.i < noun.i
                        for o in c.children if o.dep_ == "pobj")
            # ("A 31.0 percent collapse in Transportes Pacifico Norte followed its designation": a name of more than
            # one word, not "a 3 percent fall in Brent")
            yield from (o for c in noun.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children
                        if o.dep_ == "pobj" and o.pos_ == "PROPN" and any(
                            k.dep_ == "compound" and k.pos_ == "PROPN" for k in o.children))

    def _moving_indices(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """An index the gazetteer may not hold, named by the move it makes: "The OMX Tallinn index
        lost 0.3%", "the JSE Main Index advanced 0.9%", "the broader BGBX40 gained 0.3%", "the BRVM 30
        rose 1.0%" (but "the Japanese index" or "the Hong Kong index" names no index of its own)."""
        out = list(spans)
        by_token = {i: s for s in out for i in range(s.start, s.end)}
        for head in self._move_subject_heads(doc):
            known = by_token.get(head.i)
            if known is not None and known.label_ == "StockIndex":
                continue
            start, end = head.i, head.i + 1
            if head.lower_ == "index":
                while start > head.sent.start and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].is_upper or
                                                   _INDEX_CODE.fullmatch(doc[start - 1].text) or
                                                   doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha and
                                                   doc[start - 1].i > head.sent.start or
                                                   # "CSI 300 Index", "FTSE/Athex Large Cap index"
                                                   (doc[start - 1].like_num or doc[start - 1].text in ("/", "&", "-"))
                                                   and start - 2 >= 0 and doc[start - 2].text[:1].isupper()):
                    start -= 1
                market = by_token.get(start)
                if start == head.i or market is not None and (market.start, market.end) == (start, head.i) and \
                        market.label_ in ("Country", "City", "GovernmentBody", "StockExchange"):
                    continue  # "the index", "the benchmark index"; "the Hong Kong index", "the Saudi Index": the
                    # market's, not a name
            elif head.pos_ in ("PROPN", "NOUN") and head.i + 1 < len(doc) and \
                    re.fullmatch(r"\d{2,3}", doc[head.i + 1].text) and doc[head.i + 1].head.i == head.i and \
                    (known is None or not known.id_.strip("?")):
                start, end = self._name_run(head).start, head.i + 2  # "the BRVM 30"
            elif not (_INDEX_CODE.fullmatch(head.text) or head.text == "Benchmark" or any(
                    c.dep_ == "amod" and c.lower_ in ("broader", "benchmark", "blue-chip", "wider", "narrower")
                    for c in head.children) and (head.pos_ == "PROPN" or head.is_upper) or
                    # ("the BUX ended at 88,604.12; the mid-cap BUMIX lost 0.3 percent": a code beside an index)
                    head.is_upper and any(c.dep_ == "amod" and c.lower_ == "cap" for c in head.children) and any(
                        s.label_ == "StockIndex" and s.sent.start == head.sent.start for s in out)) or \
                    known is not None and known.id_.strip("?"):
                continue  # (a name the gazetteer knows, or none of "the broader BELEXline", a code "BGBX40",
                # "OMX Baltic Benchmark")
            else:
                start = self._name_run(head).start
            if end <= start or not any(c.isalpha() for c in doc[start:end].text):
                continue
            inside = {id(s): s for i in range(start, end) if (s := by_token.get(i)) is not None}
            if any(s.start < start or s.end > end for s in inside.values()):
                continue
            entry = self.gazetteer.lookup(doc[start:end].text) or (
                self.gazetteer.lookup(doc[start:end - 1].text) if head.lower_ == "index" else None)
            if entry is not None and entry.type != "StockIndex":
                continue
            for s in inside.values():
                out.remove(s)
            index = Span(doc, start, end, label="StockIndex", span_id=entry.id if entry else UNKNOWN)
            out.append(index)
            by_token.update({i: index for i in range(start, end)})
        return sorted(out, key=lambda s: s.start)

    def _gauge_names(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A short name that an apposition calls a gauge: "the PX, the Prague Stock Exchange's main gauge, …", "the
        MADEX, Casablanca's narrower benchmark," (whatever the parser made of the clause)."""
        out = list(spans)
        by_token = {i: s for s in out for i in range(s.start, s.end)}
        for comma in (t for t in doc if t.text == ","):
            start = comma.i
            while start > comma.sent.start and (doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper()
                                                 or doc[start - 1].text == "-" and start - 1 > comma.sent.start and
                                                 doc[start - 2].text.isupper()):  # ("the BET-NG, which tracks …")
                start -= 1
            closing = next((t for t in doc[comma.i + 1:min(comma.sent.end, comma.i + 9)] if t.text in (",", ";")),
                           None)
            # (also "the AMX, the index of mid-sized companies,", "the BET-NG, which tracks energy and utilities,")
            said = closing is not None and (any(t.lower_ in _GAUGE_WORDS | {"index"}
                                                for t in doc[comma.i + 1:min(comma.i + 4, closing.i)]) or
                                            doc[comma.i + 1].lower_ == "which" and
                                            doc[comma.i + 2].lemma_.lower() in ("track", "measure"))
            told = said or closing is not None and doc[closing.i - 1].lower_ in _GAUGE_WORDS
            if start == comma.i or not told or start == comma.sent.start or doc[start - 1].lower_ != "the" or \
                    comma.i - start > 3:
                continue
            inside = {id(s): s for i in range(start, comma.i) if (s := by_token.get(i)) is not None}
            if any(s.start < start or s.end > comma.i or s.id_.strip("?") for s in inside.values()):
                continue  # (part of a longer name, or one the gazetteer knows)
            name = doc[start:comma.i].text
            entry = self.gazetteer.lookup(name) or self.gazetteer.lookup(f"{name} Index")
            if entry is not None and entry.type != "StockIndex":
                if not said:
                    continue
                entry = None  # ("AMX" is also a ticker, but "the index of mid-sized companies" says which)
            for s in inside.values():
                out.remove(s)
            index = Span(doc, start, comma.i, label="StockIndex", span_id=entry.id if entry else UNKNOWN)
            out.append(index)
            by_token.update({i: index for i in range(start, comma.i)})
        return sorted(out, key=lambda s: s.start)

    def _company_span(self, doc: Doc, start: int, end: int) -> Span | None:
        """The company named by ``doc[start:end]``: the gazetteer's when it knows it, else an unknown
        one; None for a listed non-entity or a known name of another type."""
        text = doc[start:end].text
        if text in self.not_entities:
            return None
        entry = self.gazetteer.lookup(text)
        if entry is None:
            return Span(doc, start, end, label="Company", span_id=UNKNOWN)
        if entry.type not in ("Company", "AnalystFirm"):
            return None
        return Span(doc, start, end, label=entry.type, span_id=entry.id)

    @staticmethod
    def _described_company(span: Span, head_only: bool = False) -> bool:
        """"NIS, Serbia's main oil company": a name with a company's description after it (with
        ``head_only``, the description's own noun: "a trader of alloys", not "an economist at a bank")."""
        doc = span.doc
        if span.end >= len(doc) or doc[span.end].text != ",":
            return False
        if head_only and (span.end + 1 >= len(doc) or doc[span.end + 1].pos_ not in ("DET", "ADJ", "NOUN", "PROPN")):
            return False  # "Khalid Nasser, said the central bank…": no description
        for tok in doc[span.end + 1:min(span.end + 8, len(doc))]:
            if tok.text in (",", ".", ";") or head_only and tok.pos_ in ("ADP", "VERB", "AUX") and not (
                    tok.text in ("based", "owned", "listed", "backed", "controlled") and doc[tok.i - 1].text == "-"):
                return False  # (but "a Vienna-based trader of alloys" is described)
            if tok.lower_ in ("company", "group", "firm", "lender", "maker", "producer", "refiner", "operator",
                              "carrier", "retailer", "conglomerate", "bank", "insurer", "miner", "utility", "trader",
                              "dealer", "distributor", "supplier", "manufacturer", "developer", "builder", "shipper",
                              "rival", "competitor", "subsidiary", "affiliate", "exporter", "importer", "processor",
                              "chipmaker", "automaker", "carmaker", "brewer", "airline", "shipowner", "startup"):
                return True
        return False

    @staticmethod
    def _name_run(head: Token) -> Span:
        """The proper nouns compounded into ``head``: "Aurelia Energia y Medio Ambiente"."""
        doc, start = head.doc, head.i
        while start > head.sent.start and doc[start - 1].dep_ in ("compound", "flat") and \
                head.i >= doc[start - 1].head.i >= start - 1 and (
                doc[start - 1].pos_ == "PROPN" and not doc[start - 1].is_lower or
                doc[start - 1].lower_ in _NAME_JOINERS and start - 2 >= head.sent.start and doc[start - 2].pos_ == "PROPN"):
            start -= 1
        return doc[start:head.i + 1]

    def _unknown_first_word(self, span: Span, tok: Token) -> bool:
        """``tok``, before a company's name, is more of it though the tagger took it for no name: "Tsing" of "Tsing
        Yi Harbour Fuels" (tagged a verb, the rest called a person)."""
        return not tok.ent_type_ and self._name_word(tok) and (
            span.label_ == "ORG" or any(t.text in self.company_words for t in span))

    def _name_word(self, tok: Token) -> bool:
        """A proper noun, or a capitalised word past a sentence's start that is no English word the lemmatizer
        knows ("Tsing", tagged a verb)."""
        return tok.pos_ == "PROPN" or tok.is_title and tok.i != tok.sent.start and not tok.is_stop and \
            bool(self.known_words) and tok.lower_ not in self.known_words and tok.lemma_.lower() not in self.known_words

    def _common_word(self, tok: Token, unknown_is_name: bool = True) -> bool:
        """A capitalised word that is a plain word here: "Builders", "Imports", "Agribusiness"
        at the start of a sentence, or written in lower case elsewhere in the article."""
        if tok.tag_ in ("NNS",) or tok.lower_ in self.generic_words:
            return True
        if not tok.is_title or any(c.isdigit() for c in tok.text):
            return False
        # (unless ``unknown_is_name`` is false, a first word the lemmatizer does not know is none: "Equinor,
        # tracking a softer oil price, fell 1.1 percent", but "Polyphenylene sulphide" is a word)
        return any(t.text == tok.lower_ for t in tok.doc) or tok.i == tok.sent.start and tok.tag_ != "NNP" and (
            not unknown_is_name or not self.known_words or tok.lower_ in self.known_words or
            tok.lemma_.lower() in self.known_words or tok.lower_.rstrip("s") in self.known_words)

    def _movers(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """What moves by a percentage is a company or an index, whatever the model called it:
        names the model missed become companies ("Cable maker Prysmian fell 1.2 percent"), an
        unknown "person" or "place" that rose 4 percent is a company ("Frontken", "Mercari"),
        and a name that continues a known one joins it ("Shenzhen" + "Dynanonic")."""
        if not self.move_verbs:
            return spans
        out = list(spans)
        by_token = {i: s for s in out for i in range(s.start, s.end)}
        for head in self._mover_subjects(doc):
            if head.i > 0 and doc[head.i - 1].tag_ == "IN" and doc[head.i - 1].dep_ == "mark" and \
                    head.i + 1 < len(doc) and doc[head.i + 1].tag_ in ("HYPH", ":"):
                continue  # "HKEX - a proxy for turnover, thinning since Christmas - gave up 2.7%": a misread dash
            span = by_token.get(head.i)
            if span is not None and span.label_ == "Company" and span.end + 1 < len(doc) and \
                    doc[span.end].lower_ == "and" and doc[span.end + 1].text in self.name_suffixes and \
                    span.end + 1 not in by_token:
                # "Poly Developments and Holdings was down 2.3%": one name
                out.remove(span)
                span = Span(doc, span.start, span.end + 2, label="Company", span_id=UNKNOWN)
                out.append(span)
                by_token.update({i: span for i in range(span.start, span.end)})
                continue
            run = self._name_run(head)
            parts = {id(s): s for i in range(run.start, run.end) if (s := by_token.get(i)) is not None}
            if len(run) > 1 and parts and all(
                    s.start >= run.start and s.end <= run.end and (
                        (not s.id_.strip("?") or s.label_ == "City") and s.label_ in ("Company", "City", "Person") or
                        # "Ternium Argentina fell 0.8%": a company named after its country
                        s.label_ == "Country" and s.end == run.end > s.start > run.start)
                    for s in parts.values()) and \
                    not (span is not None and (span.start, span.end) == (run.start, run.end)):
                # the model cut one name into pieces: "Aurelia" (a place?) + "Energia y Medio Ambiente"
                for s in parts.values():
                    out.remove(s)
                span = Span(doc, run.start, run.end, label="Company", span_id=UNKNOWN)
                out.append(span)
                by_token.update({i: span for i in range(span.start, span.end)})
                continue
            if span is not None:
                if span.label_ == "GovernmentBody" and not span.id_.strip("?") and \
                        any(t.text in self.company_words for t in span):
                    # "Haeun Shipping Agency plunged 23.7%": a listed company, whatever its name ends with (and
                    # "National Bank of Greece, Piraeus Bank and Eurobank lost …": three of them)
                    out.remove(span)
                    for piece in self._split(Span(doc, span.start, span.end, label="ORG")):
                        company = Span(doc, piece.start, piece.end, label="Company", span_id=UNKNOWN)
                        out.append(company)
                        by_token.update({i: company for i in range(company.start, company.end)})
                    continue
                if span.label_ in ("Person", "City") and not span.id_.strip("?") and not (
                        span.start > 0 and doc[span.start - 1].text in self.person_titles) and not any(
                        p.label_ == "Person" and len(p) > len(span) and p.text.endswith(" " + span.text) for p in out):
                    out[out.index(span)] = Span(doc, span.start, span.end, label="Company", span_id=UNKNOWN)
                continue
            start = head.i
            while start > head.sent.start and start - 1 not in by_token and (
                    self._is_name_token(doc[start - 1]) or _INDEX_CODE.fullmatch(doc[start - 1].text) or
                    # "Poly Developments" with "Poly" parsed as an adjective
                    doc[start - 1].is_title and doc[start - 1].dep_ in ("amod", "compound") and
                    doc[start - 1].head.i >= start and not doc[start - 1].is_stop and
                    doc[start - 1].lower_ not in self.generic_words | _TRIM_LEFT | _NOT_NAME_ADJECTIVES and
                    not _is_descriptor(doc[start - 1]) or
                    doc[start - 1].lower_ in _NAME_JOINERS and start - 2 >= head.sent.start and
                    self._is_name_token(doc[start - 2])):
                start -= 1
            if run.start < start and not any(i in by_token for i in range(run.start, start)) and \
                    all(t.text[:1].isupper() or t.lower_ in _NAME_JOINERS for t in doc[run.start:start]):
                start = run.start  # the compounds the parser hung on the name: "Poly Developments"
            while start < head.i and doc[start].lower_ in _NAME_JOINERS:
                start += 1
            end = head.i + 1
            if end + 1 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].text in self.name_suffixes:
                end += 2  # "Poly Developments and Holdings"
            words = doc[start:end]
            if len(words) == 1 and self._common_word(head) or not any(c.isalpha() for c in words.text) or \
                    words.text in self.not_entities or normalize_name(words.text) in self.not_entities:
                continue
            if not (head.is_title or head.is_upper or any(c.isupper() or c.isdigit() for c in head.text)):
                continue
            # the name goes on from an entity just before it: "Shenzhen Dynanonic", "EGX70 EWI",
            # "Cleveland-Cliffs"; a company-name ending only ("Solomon Systech" + "International") adds nothing
            before = by_token.get(start - 1)
            if before is None and start >= 2 and (doc[start - 1].text in ("-", "–") and not doc[start - 2].whitespace_
                                                  and not doc[start - 1].whitespace_ or
                                                  doc[start - 1].lower_ in _NAME_JOINERS and doc[start - 1].is_lower):
                before = by_token.get(start - 2)
            if before is not None and before.label_ in ("Company", "AnalystFirm", "City", "StockIndex"):
                if all(t.text in self.name_suffixes or t.text in self.company_words for t in words) or \
                        before.label_ == "StockIndex" and before.id_.strip("?") and \
                        all(t.lower_ in ("index", "composite", "average") for t in words):
                    continue  # "Solomon Systech" + "International", "(tech-heavy) Nasdaq" + "Composite"
                out.remove(before)
                label = "StockIndex" if before.label_ == "StockIndex" else "Company"
                whole = Span(doc, before.start, head.i + 1, label=label, span_id=UNKNOWN)
                entry = self.gazetteer.lookup(whole.text)
                if entry is not None:
                    whole = Span(doc, whole.start, whole.end, label=entry.type, span_id=entry.id)
            elif before is not None:
                continue
            else:
                whole = self._type(Span(doc, start, end, label="ORG", span_id=UNKNOWN))
                if whole is None or whole.label_ in ("Person", "City"):
                    whole = Span(doc, start, end, label="Company", span_id=UNKNOWN)
                if whole.label_ == "Company" and (_INDEX_NAME.fullmatch(whole.text) or
                                                  any(_INDEX_CODE.fullmatch(t.text) for t in whole)):
                    whole = Span(doc, whole.start, whole.end, label="StockIndex", span_id=UNKNOWN)  # "KMI-30"
            out.append(whole)
            by_token.update({i: whole for i in range(whole.start, whole.end)})
        return sorted(out, key=lambda s: s.start)

    @staticmethod
    def _based_places(doc: Doc, spans: list[Span]) -> list[Span]:
        """"The Herzliya-based card processor": what a company is based in is a place, whatever the model took it
        for (also a town a listed company is named after: "the Piraeus-based company")."""
        return [Span(doc, s.start, s.end, label="City", span_id=UNKNOWN) if (
            s.label_ in ("Company", "Person") and (not s.id_.strip("?") or s.label_ == "Company") and
            s.end + 1 < len(doc) and
            doc[s.end].text == "-" and doc[s.end + 1].lower_ == "based" and not doc[s.end - 1].whitespace_) else s
            for s in spans]

    @staticmethod
    def _national_arms(doc: Doc, spans: list[Span]) -> list[Span]:
        """"MTN Ghana's 0.8 percent gain", "Unilever Indonesia rose": a company named for its parent and the country
        it is listed in is one name, not a company and a country (not when the country goes on into a noun, "Tencent
        China sales")."""
        out: list[Span] = []
        for span in spans:
            last = out[-1] if out else None
            if last is not None and last.label_ == "Company" and span.label_ == "Country" and \
                    span.start == last.end and span.end - span.start <= 2 and span.text.istitle() and \
                    not (span.end < len(doc) and doc[span.end].pos_ in ("NOUN", "PROPN")):
                out[-1] = Span(doc, last.start, span.end, label="Company", span_id=UNKNOWN)
                continue
            out.append(span)
        return out

    def _parent_bodies(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """"the US Treasury's Office of Foreign Assets Control": a body told only as the owner of the body that acts,
        by its country and one word, stands for its country ("US"), not for a body of its own."""
        out: list[Span] = []
        for n, span in enumerate(spans):
            owned = spans[n + 1] if n + 1 < len(spans) else None
            country = self.gazetteer.lookup(span[0].text) if len(span) == 2 else None
            if span.label_ == "GovernmentBody" and owned is not None and owned.label_ == "GovernmentBody" and \
                    owned.start == span.end + 1 and doc[span.end].lower_ == "'s" and \
                    country is not None and country.type == "Country":
                span = Span(doc, span.start, span.start + 1, label="Country", span_id=country.id)
            out.append(span)
        return out

    @staticmethod
    def _apposed(doc: Doc, spans: list[Span]) -> list[Span]:
        """"Belmash Trade, a Minsk-based distributor": a name the model took for a place or a person, which the
        apposition after it says is a company."""
        out = []
        for span in spans:
            k = span.end
            if span.label_ in ("City", "Person") and not span.id_.strip("?") and k + 2 < len(doc) and \
                    doc[k].text == "," and doc[k + 1].lower_ in ("a", "an"):
                kind = next((t for t in doc[k + 2:min(len(doc), k + 7)] if t.dep_ == "appos" and
                             span.start <= t.head.i < span.end), None)
                if kind is not None and kind.is_lower and (
                        kind.lower_ in _DESCRIBING_NOUNS or _ends_as_descriptor(kind.lower_)):
                    span = Span(doc, span.start, span.end, label="Company", span_id=UNKNOWN)
            out.append(span)
        return out

    def _described_names(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A name right after the noun that says what kind of company it is: "shipping firm
        Bosphorus Marine Logistics", "test equipment maker Hangzhou Changchuan Technology"."""
        out = list(spans)
        by_token = {i: s for s in out for i in range(s.start, s.end)}
        for tok in doc:
            named_span = by_token.get(tok.i + 1)
            stately = tok.i > 0 and doc[tok.i - 1].lower_ in _STATE_WORDS
            if named_span is None and tok.i + 3 < len(doc) and doc[tok.i + 1].text == "," and \
                    doc[tok.i + 2].lower_ == "the" and stately:
                # "the state development agency, the Production Development Corporation (Corfo)"
                named_span = by_token.get(tok.i + 3)
                named_span = named_span if named_span is not None and named_span.start == tok.i + 3 else None
            if tok.lower_ in _BODY_DESCRIBERS and named_span is not None and named_span.start in (tok.i + 1, tok.i + 3) \
                    and named_span.label_ in ("Company", "Person") and not named_span.id_.strip("?") and \
                    (stately or not any(t.text in self.company_words for t in named_span)) and (
                    tok.lower_ != "agency" or stately):
                # "the state development agency CORFO": a government body
                body = Span(doc, named_span.start, named_span.end, label="GovernmentBody", span_id=UNKNOWN)
                out = [s_ for s_ in out if s_ is not named_span] + [body]
                by_token.update({i: body for i in range(body.start, body.end)})
                continue
            if not (tok.is_lower and (tok.lower_ in _DESCRIBING_NOUNS or _ends_as_descriptor(tok.lower_))
                    and tok.i + 1 < len(doc)):
                continue
            end = tok.i + 1
            while end < len(doc) and (self._is_name_token(doc[end]) or doc[end].text[:1].isupper() and
                                      doc[end].is_alpha and doc[end].ent_type_ in ("", "City", "ORG", "PERSON",
                                                                                   "GPE", "Company", "Person") or
                                      doc[end].text == "&" or doc[end].lower_ in _NAME_JOINERS and end + 1 < len(doc)
                                      and doc[end + 1].text[:1].isupper()):
                end += 1
            while end > tok.i + 1 and (doc[end - 1].lower_ in _NAME_JOINERS or doc[end - 1].text == "&"):
                end -= 1
            if end == tok.i + 1:
                continue
            parts = {id(s): s for i in range(tok.i + 1, end) if (s := by_token.get(i)) is not None}
            if any(s.start < tok.i + 1 or s.end > end or s.label_ not in ("Company", "City", "Person") or
                   s.id_.strip("?") and s.label_ != "City" for s in parts.values()):
                continue
            if len(parts) == 1 and next(iter(parts.values())).label_ == "Company" and \
                    (next(iter(parts.values())).start, next(iter(parts.values())).end) == (tok.i + 1, end):
                continue
            if all(t.text in self.name_suffixes for t in doc[tok.i + 1:end]):
                continue
            named = self._company_span(doc, tok.i + 1, end)
            if named is None:
                continue
            out = [s_ for s_ in out if s_ not in parts.values()]
            out.append(named)
            by_token.update({i: named for i in range(named.start, named.end)})
        return sorted(out, key=lambda s: s.start)

    def _rated_or_sanctioned(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """What a rating, a sanction or a probe names is a company: "upgraded JFE Holdings to outperform",
        "cut its price target on Kelvoria", "sanctioned Baltic Meridian Freight and Caspian Rig Services", "an
        investigation into Viña Cordillera"."""
        out = list(spans)
        by_token = {i: s for s in out for i in range(s.start, s.end)}
        for tok in doc:
            listed = tok.lemma_.lower() in ("add", "put", "place") and any(
                c.dep_ == "prep" and c.lower_ in ("to", "on") and any(t.lower_ in ("list", "blacklist")
                                                                   for t in c.subtree) for c in tok.children)
            if (tok.lemma_.lower() in ("upgrade", "downgrade", "sanction", "blacklist", "designate") or listed or
                    tok.lemma_.lower() in _RATING_VERBS and _rated_to(tok)) and tok.pos_ == "VERB":
                obj = next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
                if obj is not None:
                    # "sanctioned Baltic Meridian Freight and Caspian Rig Services": each object
                    for other in (c for c in obj.children if c.dep_ == "conj" and c.pos_ == "PROPN"):
                        run = self._name_run(other)
                        if not any(i in by_token for i in range(run.start, run.end)) and \
                                run.text not in self.not_entities:
                            named = Span(doc, run.start, run.end, label="Company", span_id=UNKNOWN)
                            out.append(named)
                            by_token.update({i: named for i in range(named.start, named.end)})
            elif tok.lower_ in ("target", "rating", "coverage") and tok.i + 2 < len(doc) and \
                    doc[tok.i + 1].lower_ in ("on", "of", "for") or \
                    tok.lemma_.lower() in ("investigation", "probe", "inquiry") and tok.i + 2 < len(doc) and \
                    doc[tok.i + 1].lower_ == "into":  # "opened an investigation into Viña Cordillera"
                obj = doc[tok.i + 2] if doc[tok.i + 2].pos_ == "PROPN" else None
                while obj is not None and obj.i + 1 < len(doc) and obj.head.i > obj.i and obj.dep_ == "compound":
                    obj = obj.head
                if obj is not None and (obj.pos_ != "PROPN" or obj.dep_ != "pobj") and \
                        tok.lower_ not in ("target", "rating", "coverage"):
                    obj = None  # "an investigation into PET resin": goods
            else:
                continue
            if obj is not None and obj.i in by_token and by_token[obj.i].label_ == "Person" and \
                    not by_token[obj.i].id_.strip("?") and (_rated_to(tok) or tok.lemma_.lower() in (
                        "add", "put", "place", "sanction", "blacklist", "designate")):
                # "Oddo BHF raised Poêles Vosgiens to outperform": a stock, not a person
                person = by_token[obj.i]
                named = Span(doc, person.start, person.end, label="Company", span_id=UNKNOWN)
                out = [s for s in out if s is not person] + [named]
                by_token.update({i: named for i in range(named.start, named.end)})
                continue
            if obj is None or obj.i in by_token or self._common_word(obj) and obj.i == obj.sent.start:
                continue
            run = self._name_run(obj)
            named = self._company_span(doc, run.start, run.end)
            if named is None or any(i in by_token for i in range(run.start, run.end)):
                continue
            out.append(named)
            by_token.update({i: named for i in range(named.start, named.end)})
        return sorted(out, key=lambda s: s.start)

    def _company_cues(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Names the model took for a person or a place that the sentence shows to be companies."""
        out = list(spans)
        # "an investigation into Telefonica", "sanctions against Brovanti": an unknown "person" or
        # "place" a measure aims at is a company
        for n, span in enumerate(out):
            if span.label_ in ("Person", "City") and not span.id_.strip("?") and span.start >= 2 and \
                    doc[span.start - 1].lower_ in ("into", "against", "on") and \
                    any(t.lemma_.lower() in _MEASURE_NOUNS for t in doc[max(0, span.start - 5):span.start - 1]):
                out[n] = Span(doc, span.start, span.end, label="Company", span_id=UNKNOWN)
        # "Kelvoria said it would cut jobs", "Varenna's chief executive": a company, not a person
        for n, span in enumerate(out):
            root = span.root.head if span.root.dep_ == "conj" else span.root
            if span.label_ == "Person" and not span.id_.strip("?") and root.dep_ == "appos" and \
                    root.head.lemma_.lower() in _COMPANY_ROLES:
                # "its bunkering subsidiary, Tanjong Harbour Bunkering", "two suppliers, X and Y": named as companies
                out[n] = Span(doc, span.start, span.end, label="Company", span_id=UNKNOWN)
                continue
            if span.label_ not in ("Person", "City") or span.id_.strip("?") or len(span) > 2 or \
                    (span.start > 0 and doc[span.start - 1].text in self.person_titles):
                continue
            after = doc[span.end:span.end + 3]
            owner = len(after) >= 2 and after[0].lower_ in ("'s", "’s") and after[1].lower_ in _COMPANY_PARTS or (
                # "Shares of Alsterblick Shipmanagement collapsed": whose shares they are
                span.start >= 2 and doc[span.start - 1].lower_ in ("of", "in") and
                doc[span.start - 2].lower_ in ("shares", "stock"))
            root = span.root
            says_it = root.dep_ == "nsubj" and root.head.lemma_ in ("say", "announce", "report", "expect") and any(
                c.dep_ in ("ccomp", "xcomp") and any(g.dep_ == "nsubj" and g.lower_ == "it" for g in c.children)
                for c in root.head.children)
            # "X, a Vienna-based trader of alloys" (but not "Y, an economist at Emirates NBD bank")
            described = span.label_ == "Person" and self._described_company(span, head_only=True)
            # "Oddo BHF": a name with a word in capitals is a firm's
            capitals = span.label_ == "Person" and len(span) >= 2 and any(
                t.is_upper and t.is_alpha and len(t) >= 2 for t in span)
            if owner or described or capitals or says_it and span.label_ == "Person":  # "Ottawa said it would…"
                out[n] = Span(doc, span.start, span.end, label="Company", span_id=UNKNOWN)
        # "developers such as Dar Al Arkan" after "Dar Al Arkan Real Estate advanced 3.1 percent":
        # the company's short name, not a person
        companies = [tuple(t.text for t in c) for c in out if c.label_ == "Company"]
        for n, span in enumerate(out):
            words = tuple(t.text for t in span)
            if span.label_ == "Person" and not span.id_.strip("?") and any(
                    len(c) > len(words) and c[:len(words)] == words for c in companies):
                out[n] = Span(doc, span.start, span.end, label="Company", span_id=UNKNOWN)
        return sorted(out, key=lambda s: s.start)

    def _company_word_names(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A name the model missed that ends in a company word: "Nordvolga Shipping and Baltic
        Bunker Services", "Kestrel Robotics" (two words at least, none of them a place)."""
        taken = {i for s in spans for i in range(s.start, s.end)}
        out = list(spans)
        for tok in doc:
            if tok.i in taken or tok.text not in self.company_words or tok.text in _PLACE_ENDINGS or \
                    not tok.is_title or tok.i == tok.sent.start:
                continue
            start = tok.i
            while start - 1 >= tok.sent.start and start - 1 not in taken and self._name_word(doc[start - 1]) and \
                    doc[start - 1].is_title and not self._common_word(doc[start - 1]) and \
                    doc[start - 1].text not in self.person_titles:
                start -= 1  # ("Tsing Yi Marine Fuels", "Tsing" tagged a verb)
            if start == tok.i or doc[start:tok.i + 1].text in self.not_entities or start - 1 in taken or \
                    start - 1 >= tok.sent.start and doc[start - 1].is_title and (
                        doc[start - 1].pos_ == "PROPN" or start - 1 == tok.sent.start) or \
                    start > 0 and doc[start - 1].lower_ in ("and", "of", "&", "for", "'s", "’s") and not (
                        # ("the US assets of Marlin Strait Shipping": "of" after a plain word)
                        doc[start - 1].lower_ in ("of", "for") and start > 1 and doc[start - 2].is_lower) or \
                    tok.i + 1 < len(doc) and doc[tok.i + 1].is_title:
                continue  # a part of a longer name: "Armitage Vitreous Holdings", "Energy and Mineral Resources Minister"
            span = self._company_span(doc, start, tok.i + 1)
            if span is not None:
                out.append(span)
                taken.update(range(start, tok.i + 1))
        return sorted(out, key=lambda s: s.start)

    @staticmethod
    def _business_agencies(doc: Doc, spans: list[Span]) -> list[Span]:
        """"Kowloon Crest Property Agency", "Tsing Yi Maritime Agency": an agency named for a business is a
        company, not a government body (not "the Maritime Safety Agency"; one the gazetteer knows keeps its type)."""
        return [Span(doc, s.start, s.end, label="Company", span_id=UNKNOWN)
                if s.label_ == "GovernmentBody" and not s.id_.strip("?") and len(s) >= 3 and
                s[-1].text in ("Agency", "Agencies") and s[-2].text in _BUSINESS_WORDS and s[-3].pos_ == "PROPN" and
                s[0].text not in ("National", "Federal", "State") else s for s in spans]

    def _body_names(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A body's name the model missed, after "the" and ending in a government word, its
        country's name in it: "the Israel Innovation Authority"."""
        taken = {i for s in spans for i in range(s.start, s.end)}
        out = list(spans)
        for tok in doc:
            if tok.i in taken or tok.text not in self.government_words or \
                    tok.text in ("Office", "Board", "Chamber", "Court") or not tok.is_title or tok.i == tok.sent.start:
                continue
            start = tok.i
            while start - 1 >= tok.sent.start and start - 1 not in taken and (
                    doc[start - 1].is_title and doc[start - 1].pos_ in ("PROPN", "ADJ", "NOUN") and
                    doc[start - 1].text not in self.person_titles or
                    doc[start - 1].text == "-" and start - 2 >= tok.sent.start and doc[start - 2].is_title):
                start -= 1  # (also "the Anti-Money Laundering Council")
            country = next((sp for sp in out if sp.end == start and sp.label_ == "Country"), None)
            if country is not None and (start < tok.i or country.text[:1].isupper() and not country.text.endswith(
                    ("n", "ese", "ish", "i"))):
                out.remove(country)  # "Israel" in "the Israel Innovation Authority", "the Singapore Police Force"
                start = country.start
            if start < tok.i and start > 0 and doc[start - 1].lower_ == "the":
                end = tok.i + 1
                while end < tok.sent.end and end not in taken and doc[end].text in ("Force", "Service"):
                    end += 1  # "the Singapore Police Force"
                out.append(Span(doc, start, end, label="GovernmentBody", span_id=UNKNOWN))
                taken.update(range(start, end))
        # "the Secretariat of Energy", "the Ministry of Mines": a government word, "of", capitalised words
        for tok in doc:
            # (also "the Public Service of Wallonia")
            public = tok.text == "Service" and tok.i > 1 and doc[tok.i - 1].text == "Public" and tok.i - 1 not in taken
            first = tok.i - 1 if public else tok.i
            if tok.i in taken or (tok.text not in self.government_words and not public) or not tok.is_title or \
                    first == 0 or doc[first - 1].lower_ != "the" or tok.i + 2 >= len(doc) or \
                    doc[tok.i + 1].lower_ != "of":
                continue
            end = tok.i + 2
            while end < tok.sent.end and end not in taken and (doc[end].is_title and doc[end].is_alpha or (
                    doc[end].lower_ in ("and", "of", "for") and end + 1 < tok.sent.end and doc[end + 1].is_title) or (
                    # "the Secretariat of Agriculture, Livestock and Fisheries"
                    doc[end].text == "," and end + 2 < tok.sent.end and doc[end + 1].is_title and
                    doc[end + 2].lower_ in ("and", ","))):
                end += 1
            while end > tok.i + 2 and doc[end - 1].lower_ in ("and", "of", "for"):
                end -= 1
            if end > tok.i + 2:
                out.append(Span(doc, first, end, label="GovernmentBody", span_id=UNKNOWN))
                taken.update(range(first, end))
        # "Gecex, the executive management committee of the Chamber of Foreign Trade,": a name the
        # apposition describes as a body
        generic = {w.lower() for w in self.government_words} | {"watchdog", "supervisor", "regulator", "body"}
        for tok in doc:
            if tok.lower_ != "the" or tok.i < 2 or doc[tok.i - 1].text != ",":
                continue
            name_end = tok.i - 1
            if name_end >= 4 and doc[name_end - 1].text == ")" and doc[name_end - 3].text == "(":
                name_end -= 3  # "Fiscalia Nacional Economica (FNE), the country's competition watchdog,"
            if doc[name_end - 1].pos_ != "PROPN":
                continue
            noun = next((t for t in doc[tok.i + 1:min(tok.i + 6, tok.sent.end)] if t.is_lower and (
                t.lower_ in generic or
                # "Økokrim, the national economic crime unit,"
                t.lower_ in ("unit", "police", "squad") and
                any(w.lower_ in _ENFORCEMENT_WORDS for w in doc[tok.i + 1:t.i + 1]))), None)
            if noun is None or any(t.text in (",", ".") or t.ent_type_ not in ("", "GovernmentBody")
                                   for t in doc[tok.i + 1:noun.i]):
                continue
            end, start = name_end, name_end - 1
            while start - 1 >= tok.sent.start and (doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title or
                                                   doc[start - 1].lower_ in _NAME_JOINERS and start - 2 >= 0 and
                                                   doc[start - 2].is_title):
                start -= 1
            if start == tok.sent.start and end - start == 1 and self._common_word(doc[start]) or any(
                    t.lower_ in WEEKDAYS or t.lower_ in MONTHS for t in doc[start:end]):
                continue  # "on Sunday, the finance ministry said"
            previous = [sp for sp in out if sp.start < end and start < sp.end]
            if all(sp.id_.strip("?") == "" and sp.start >= start and sp.end <= end for sp in previous):
                # (not a name the gazetteer knows, nor part of a longer one)
                # … and the description is no other body: "Harrowgate, the financial watchdog,"
                out = [sp for sp in out if sp not in previous and not (
                    sp.id_.startswith("ctx:") and tok.i < sp.start <= noun.i)]
                out.append(Span(doc, start, end, label="GovernmentBody", span_id=UNKNOWN))
                taken.update(range(start, end))
        # "Officers of the Guardia di Finanza searched …": whose officers search is a body
        for tok in doc:
            if tok.lower_ not in ("officers", "investigators", "inspectors", "agents") or tok.i + 2 >= len(doc) or \
                    doc[tok.i + 1].lower_ not in ("of", "from") or tok.dep_ != "nsubj" or \
                    tok.head.lemma_.lower() not in ("search", "raid", "inspect", "visit", "seize", "arrest", "detain"):
                continue
            first = tok.i + 2 + (doc[tok.i + 2].lower_ == "the")
            named = next((sp for sp in out if sp.start == first and sp.label_ in ("Company", "Person", "City") and
                          not sp.id_.strip("?")), None)
            if named is not None:
                out = [sp for sp in out if sp is not named] + [
                    Span(doc, named.start, named.end, label="GovernmentBody", span_id=UNKNOWN)]
            elif first < len(doc) and doc[first].is_title and not any(sp.start <= first < sp.end for sp in out):
                end = first  # a name the model missed: "Officers of the Guardia Costiera searched"
                while end < tok.head.i and (doc[end].is_title or doc[end].lower_ in _NAME_JOINERS and end + 1 <
                                            tok.head.i and doc[end + 1].is_title):
                    end += 1
                if end > first:
                    out.append(Span(doc, first, end, label="GovernmentBody", span_id=UNKNOWN))
        return sorted(out, key=lambda s: s.start)

    def _persons_by_role(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """People told by their office: "Governor Thabo Mkhize told reporters" (a name the model
        missed after a title), "Narit Chaiwong, secretary-general of the Board of Investment," (a
        name it took for a company)."""
        out = list(spans)
        taken = {i for s in out for i in range(s.start, s.end)}
        for tok in doc:
            if tok.text not in _OFFICE_TITLES or tok.i + 2 >= len(doc):
                continue
            end = tok.i + 1
            while end < min(len(doc), tok.i + 4) and end not in taken and doc[end].pos_ == "PROPN" and \
                    doc[end].is_title and doc[end].is_alpha and doc[end].text not in self.person_titles:
                end += 1
            if end - tok.i - 1 >= 2 and not self.gazetteer.lookup(doc[tok.i + 1:end].text) and \
                    (end == len(doc) or doc[end].lower_ not in ("of", "'s", "’s")):
                out.append(Span(doc, tok.i + 1, end, label="Person", span_id=UNKNOWN))
                taken.update(range(tok.i + 1, end))
        for n, span in enumerate(out):
            if span.label_ not in ("Company", "City") or span.id_.strip("?") or len(span) > 3 or \
                    span.end + 2 >= len(doc) or doc[span.end].text != ",":
                continue
            k = span.end + 1
            while k < min(len(doc), span.end + 4) and (doc[k].lower_ in ("a", "an", "the", "its", "senior", "chief",
                                                                             "deputy", "acting", "lead") or
                                                       doc[k].pos_ == "ADJ"):
                k += 1
            if k < len(doc) and doc[k].lower_ in _ROLE_NOUNS and doc[k].is_lower:
                out[n] = Span(doc, span.start, span.end, label="Person", span_id=UNKNOWN)
        for tok in doc:
            # '"…," Kenta Ishida of Nomura Securities told clients', '"…," Akosua Boateng of IC Securities said': the
            # speaker named right after a quote, before the firm or the verb of saying
            if tok.text not in ('"', "”") or tok.i < 2 or doc[tok.i - 1].text != "," or tok.i + 3 >= len(doc):
                continue
            first = tok.i + 1
            while first < tok.i + 4 and (doc[first].text in _OFFICE_TITLES or doc[first].text in self.person_titles):
                first += 1  # ('"…," Superintendent Catalina Rojas said', '"…," Deputy Governor Ana Ruiz said')
            end = first
            while end < min(len(doc), first + 3) and end not in taken and doc[end].is_title and doc[end].is_alpha and \
                    doc[end].pos_ in ("PROPN", "NOUN") and doc[end].text not in self.person_titles:
                end += 1
            if end - first >= 2 and end < len(doc) and (doc[end].lower_ in ("of", "at", ",") or
                                                            doc[end].lemma_.lower() in _SAYING) and \
                    not self.gazetteer.lookup(doc[first:end].text) and \
                    not any(t.text in self.company_words for t in doc[first:end]):
                out = [s for s in out if not (first <= s.start < end)]
                out.append(Span(doc, first, end, label="Person", span_id=UNKNOWN))
                taken.update(range(first, end))
        for n, span in enumerate(out):
            # "Investec chief economist Lerato Dlamini said": the person who holds the role
            if span.label_ == "Company" and not span.id_.strip("?") and 2 <= len(span) <= 3 and span.start > 0 and \
                    doc[span.start - 1].lower_ in ("economist", "analyst", "strategist") and \
                    not any(t.text in self.company_words for t in span):
                out[n] = Span(doc, span.start, span.end, label="Person", span_id=UNKNOWN)
        return sorted(out, key=lambda s: s.start)

    @staticmethod
    def _describes_body_before(span: Span) -> bool:
        """"Finansinspektionen, the financial supervisor,", "the AGCM (AGCM), Italy's competition
        authority,": a generic name in apposition to the body just named, not another body."""
        doc, k = span.doc, span.start
        if k > 0 and doc[k - 1].lower_ == "the":
            k -= 1
        elif k > 1 and doc[k - 1].lower_ in ("'s", "’s") and doc[k - 2].ent_type_ == "Country":
            k -= 2
            while k > 0 and doc[k - 1].ent_type_ == "Country":
                k -= 1
        if k < 3 or doc[k - 1].text != ",":
            return False
        if doc[k - 2].ent_type_ == "GovernmentBody":
            return True
        return doc[k - 2].text == ")" and any(t.ent_type_ == "GovernmentBody" for t in doc[max(0, k - 6):k - 2])

    def _places(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Names the sentence shows to be towns: "an Oulu-based road builder", "its Porvoo refinery",
        "the Ulsan plant". An unknown name there (or one the model took for a company or a person)
        is a city; the gazetteer's names keep their type."""
        by_token = {i: n for n, s in enumerate(spans) for i in range(s.start, s.end)}
        out = list(spans)
        for tok in doc:
            nxt = doc[tok.i + 1:tok.i + 3]
            based = len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ == "based"
            if not (tok.is_title or tok.is_upper) or self._common_word(tok) or tok.pos_ != "PROPN" and not (
                    based and tok.i in by_token):  # (the tagger may call "Zug" in "Zug-based" a noun)
                continue
            site = len(nxt) >= 1 and nxt[0].lower_ in _SITES and tok.i > tok.sent.start and \
                doc[tok.i - 1].lower_ in ("its", "their", "the", "a", "an") and nxt[0].dep_ != "compound"
            # "an insurer based in Cork", "whose head office is in Cork", "a plant in Harjavalta", "Ravi
            # Spinning Mills of Lahore": a one-word name after where something is
            here = tok.i >= 2 and (doc[tok.i - 1].lower_ == "in" and (
                doc[tok.i - 2].lower_ in ("based", "is", "are", "headquartered", "located") or
                doc[tok.i - 2].lower_ in _SITES) or doc[tok.i - 1].lower_ == "of" and doc[tok.i - 2].text in
                self.company_words) and (tok.i + 1 >= len(doc) or not doc[tok.i + 1].is_title)
            if not (based or site or here):
                continue
            start = tok.i
            while based and start > tok.sent.start and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN":
                start -= 1
            n = by_token.get(tok.i)
            if n is None:
                if any(i in by_token for i in range(start, tok.i)) or doc[start:tok.i + 1].text in self.not_entities:
                    continue
                out.append(Span(doc, start, tok.i + 1, label="City", span_id=UNKNOWN))
            elif out[n].label_ in ("Company", "Person") and not out[n].id_.strip("?") and out[n].end == tok.i + 1:
                out[n] = Span(doc, out[n].start, out[n].end, label="City", span_id=UNKNOWN)
        return sorted(out, key=lambda s: s.start)

    @staticmethod
    def _surnames(spans: list[Span]) -> list[Span]:
        """"Malhotra", "Le Maire" after "Sanjay Malhotra", "Bruno Le Maire": the person again."""
        people = [s for s in spans if s.label_ == "Person" and len(s) > 1]
        out = []
        for span in spans:
            words = [t.text for t in span]
            if span.label_ in ("Company", "City") and not span.id_.strip("?") and any(
                    [t.text for t in p[len(p) - len(words):]] == words for p in people if len(p) > len(words)):
                span = Span(span.doc, span.start, span.end, label="Person", span_id=UNKNOWN)
            out.append(span)
        return out

    def _firm_names(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Names the model missed where a cue says a firm stands: "BTG Pactual analysts wrote",
        "Genial Investimentos cut its price target", "a strategist at Vietcap Securities".
        A longer name found this way replaces the shorter match inside it ("RMB Morgan Stanley")."""
        found: list[Span] = []
        people = {i for s in spans if s.label_ in ("Person", "PERSON") for i in range(s.start, s.end)}
        for tok in doc:
            if tok.lower_ in _ANALYST_PLURALS:
                end, start = tok.i, tok.i
            elif tok.lemma_ in _RATING_VERBS | {"suspend", "drop", "withdraw"} and tok.i + 1 < len(doc) and (
                    doc[tok.i + 1].lower_ == "its" and (tok.lemma_ in _RATING_VERBS or doc[tok.i + 2:tok.i + 3].text in (
                        "coverage", "rating", "recommendation")) or (
                    _rated_to(tok) and not any(t.lower_ in _ANALYST_SINGULARS for t in doc[tok.sent.start:tok.i]))):
                end, start = tok.i, tok.i  # (or "Oddo BHF raised Kessler to outperform", not "… analyst X raised")
            elif tok.lower_ in ("analyst", "strategist", "economist") and tok.i + 1 in people and \
                    tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "B":
                end = start = tok.i  # "Wilsons Advisory analyst Grace Lim"
                while start > tok.sent.start + 1 and doc[start - 1].lower_ in _TITLE_WORDS:
                    end = start = start - 1  # "Davy chief economist Aoife Brennan"
            elif tok.lower_ == "coverage" and tok.i > 0 and doc[tok.i - 1].lemma_ in (
                    "initiate", "start", "begin", "launch", "resume", "assume"):
                end, start = tok.i - 1, tok.i - 1  # "Intermonte initiated coverage of Iveco", "started coverage"
            elif tok.lower_ in ("at", "from", "of", "by") and tok.i > 0 and (
                    doc[tok.i - 1].lower_ in _ANALYST_SINGULARS and tok.lower_ != "of" or
                    tok.lower_ == "of" and tok.i - 1 in people and
                    tok.i > 1 and doc[tok.i - 2].lower_ != ","):
                start = end = tok.i + 1
                while end < len(doc) and end - start < 5 and (_capitalised(doc[end]) or (
                        end == start and doc[end].ent_type_ == "Country" and end + 1 < len(doc) and
                        doc[end + 1].text in self.company_words)):
                    end += 1  # (or "at China Banking Corp": a country's name in the firm's)
                if end > start:
                    found.append(Span(doc, start, end, label="ORG", span_id=UNKNOWN))
                continue
            else:
                continue
            while start > tok.sent.start and end - start < 5 and (_capitalised(doc[start - 1]) or (
                    (doc[start - 1].like_num or doc[start - 1].lower_ in _INNER_JOINERS) and
                    start - 2 >= tok.sent.start and _capitalised(doc[start - 2]) and end - start >= 1)) and \
                    not (start - 1 == tok.sent.start and doc[start - 1].is_stop):
                start -= 1  # ("Renta 4 Banco analyst", "Vector Casa de Bolsa upgraded")
            if start < end:
                found.append(Span(doc, start, end, label="ORG", span_id=UNKNOWN))
        out = list(spans)
        for span in found:
            inside = [s for s in out if s.start >= span.start and s.end <= span.end]
            overlapping = [s for s in out if s.start < span.end and span.start < s.end and s not in inside]
            # a person does not have "its" rating nor "economists": "Forsyth Barr reiterated its rating"
            unknown_person = len(inside) == 1 and inside[0].label_ in ("Person", "City") and \
                not inside[0].id_.strip("?") and inside[0].end == span.end  # (or "Vector" + "Casa de Bolsa")
            if overlapping or any(s.label_ in ("Person", "Country", "GovernmentBody", "StockIndex", "City") and not (
                    s.label_ == "Country" and s.start == span.start and s.end < span.end and
                    doc[s.end].text in self.company_words) for s in inside) and not unknown_person:
                continue
            if len(inside) == 1 and (inside[0].start, inside[0].end) == (span.start, span.end) and not unknown_person:
                if inside[0].label_ == "Company" and not inside[0].id_.strip("?"):
                    # "Van Lanschot Kempen raised its target for X": a firm that rates stocks
                    out = [s for s in out if s is not inside[0]] + [
                        Span(doc, span.start, span.end, label="AnalystFirm", span_id=UNKNOWN)]
                continue
            typed = self._type(span) if not unknown_person else None
            if typed is None and (unknown_person or span.text.isupper() and span.text.isalpha() or
                                  # "Inderes lowered its target price": a name, though tagged a plural noun
                                  len(span) == 1 and span[0].is_title and span[0].tag_ == "NNS" and
                                  span[0].lower_ not in self.generic_words and span.end < len(doc) and
                                  doc[span.end].lemma_ in _RATING_VERBS | {"suspend"} and
                                  doc[span.end + 1:span.end + 2].text == "its"):
                typed = Span(doc, span.start, span.end, label="Company", span_id=UNKNOWN)  # "ASB economists"
            if typed is None:
                continue
            entry = self.gazetteer.lookup(span.text)
            if entry is not None:
                typed = Span(doc, span.start, span.end, label=entry.type, span_id=entry.id)
            elif typed.label_ == "Company":  # a firm whose analysts speak or that rates stocks
                typed = Span(doc, span.start, span.end, label="AnalystFirm", span_id=typed.id_ or UNKNOWN)
            out = [s for s in out if s not in inside] + [typed]
        return sorted(out, key=lambda s: s.start)

    def _repeat_names(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """One name, one entity per article: where the model found "Hanwha Ocean" once, its
        other occurrences are the same entity even where the model missed them; so are its
        short forms ("Zions" for "Zions Bancorporation", "Western Alliance" for "Western
        Alliance Bancorp")."""
        covered = {i for s in spans for i in range(s.start, s.end)}
        names = {tuple(t.text for t in s): s for s in spans
                 if s.label_ in ("Company", "AnalystFirm", "Person", "StockIndex") and len(s) >= 1 and
                 (len(s) > 1 or len(s.text) > 3)}
        for s in spans:
            # "Public Power Corporation (PPC)": later "PPC" is the same company
            if s.label_ in ("Company", "AnalystFirm") and s.end + 2 < len(doc) and doc[s.end].text == "(" and \
                    doc[s.end + 2].text == ")" and _acronym(doc[s.end + 1].text) and \
                    (doc[s.end + 1].text,) not in names:
                names[(doc[s.end + 1].text,)] = s
        leading: set[tuple[str, ...]] = set()
        texts = {t.text for t in doc}  # (a word the article also writes in lower case is a plain word)
        for s in list(names.values()):
            if s.label_ != "Company" or len(s) < 2:
                continue
            words = [t.text for t in s]
            while len(words) > 1 and (words[-1] in self.name_suffixes or words[-1] in self.company_words or
                                      words[-1].startswith("Banc")):
                words.pop()
            shorts = [tuple(words)]
            if len(words) > 1 and s.id_.strip("?") == "":
                # "Schwaben's revenue" after "Schwaben Werkzeugmaschinen", "Ege Zeytinyagi" for "Ege
                # Zeytinyagi Sanayi": the leading words of an unknown name (where no other name goes on)
                shorts += [tuple(words[:k]) for k in range(len(words) - 1, 0, -1)]
                leading.update(shorts[1:])
            for short in shorts:
                if short != tuple(t.text for t in s) and (len(short) > 1 or len(short[0]) > 4) and \
                        not self.gazetteer.lookup(" ".join(short)) and short not in names and \
                        short[0].lower() not in self.generic_words and not (
                            len(short) == 1 and short[0].lower() in texts):
                    names[short] = s
        # A guess of the model's inside a name the article has already given is a piece of that
        # name: "Suryakiran" taken for a city after "Suryakiran Glass Works", "Yi Marine Engineering"
        # in "Tsing Yi Marine Engineering", "Lanna E" in "Lanna E-Moto"
        weak = {i: s for s in spans if not s.id_.strip("?") and s.label_ in ("Company", "City", "Person")
                for i in range(s.start, s.end)}
        by_length = sorted(names.items(), key=lambda item: -len(item[0]))
        extra, replaced = [], set()
        for i, tok in enumerate(doc):
            if i in covered and (i not in weak or weak[i].start != i):
                continue
            for words, model in by_length:
                n = len(words)
                if tok.text != words[0] or tuple(t.text for t in doc[i:i + n]) != words or \
                        (words in leading and i + n < len(doc) and doc[i + n].is_title and doc[i + n].pos_ == "PROPN"):
                    continue  # (not the start of another name: "Semen Indonesia" is not "Semen Gresik")
                inside = {weak[j].start for j in range(i, i + n) if j in weak}
                if covered.intersection(range(i, i + n)) and not (
                        model.label_ in ("Company", "AnalystFirm") and
                        all(j in weak and weak[j].start >= i and weak[j].end <= i + n for j in covered.intersection(range(i, i + n))) and
                        any(weak[j].label_ != model.label_ or len(weak[j]) < n for j in inside)):
                    continue
                replaced.update(inside)
                extra.append(Span(doc, i, i + n, label=model.label_, span_id=model.id_ or UNKNOWN))
                covered.update(range(i, i + n))
                break
        return [s for s in spans if not (s.start in replaced and s.start in weak and weak[s.start] is s)] + extra


@Language.factory(
    "marketgraph_entities",
    default_config={"gazetteer_dir": "", "not_entities": [], "generic_words": [], "company_words": [],
                    "person_titles": [], "name_suffixes": [], "government_words": [], "not_place_words": [],
                    "move_verbs": [], "regions": []},
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def make_entity_repair(nlp: Language, name: str, gazetteer_dir: str, not_entities: list[str],
                       generic_words: list[str], company_words: list[str], person_titles: list[str],
                       name_suffixes: list[str], government_words: list[str],
                       not_place_words: list[str], move_verbs: list[str], regions: list[str]) -> EntityRepair:
    """Create the component, reading the gazetteer from ``gazetteer_dir``."""
    return EntityRepair(nlp, name, load_gazetteer(Path(gazetteer_dir)), not_entities, generic_words, company_words,
                        person_titles, name_suffixes, government_words, not_place_words, move_verbs, regions)
