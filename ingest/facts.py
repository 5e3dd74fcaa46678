"""Sentences -> facts: index and stock moves, policies and analyst views.

The extractors read spaCy tokens (lemmas, dependencies, the typed entity spans) with
spaCy's ``Matcher`` and ``PhraseMatcher``; word lists come from
``ontologies/lexicon.json``. Every fact keeps its sentence as evidence, a confidence
and the name of the rule that produced it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from itertools import chain

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ingest.dates import (BARE_DAY, DAY_OF_MONTH, MONTH_NAMES, ORDINAL_OF_MONTH, PERIOD_END, PERIOD_START, WEEKDAYS,
                          WEEKS_FROM, counted_days, days_ahead, resolve_date)
from ingest.extraction import POLICY_KINDS, Entity, Evidence, Fact
from ingest.nlp import Lexicon

_NUMBER = re.compile(
    r"^(?P<sign>[+\-−])?(?P<cur>[A-Z]{0,3}\$|[$€£¥₹]|Rs\.?|RMB|HK\$)?(?P<num>\d[\d,]*(?:\.\d+)?)(?P<suf>%|pc|pct|bp|bps)?$"
)
MOVER_TYPES = {"Company", "AnalystFirm", "StockIndex"}
ISSUER_TYPES = {"GovernmentBody", "Country"}
TARGET_TYPES = {"Country", "Company", "AnalystFirm"}
_GOODS_STOP = {"effective", "citing", "which", "from", "starting", "as", "in", "amid", "after", "while", "following",
               "beginning", "with", "to", "that", "until", "by", "over", "for", "under", "since", "because", "unless",
               "when", "where", "who", "if", "than", "at"}
#: Nouns that refer back to a company: "the retailer", "the US chip designer", "the telecoms company"
_COMPANY_NOUNS = {"company", "firm", "group", "retailer", "lender", "insurer", "carrier", "operator", "maker",
                  "carmaker", "automaker", "chipmaker", "miner", "designer", "giant", "conglomerate", "developer",
                  "producer", "supplier", "manufacturer", "platform", "bank", "airline", "brewer", "insurer", "telco",
                  "distributor", "trader", "exporter", "importer", "shipper", "refiner", "processor", "provider",
                  "contractor", "wholesaler", "dealer", "smelter", "builder", "brokerage", "startup", "fintech",
                  "utility", "broker", "grocer", "shipbuilder", "consultancy", "agent", "chandler"}
_GOODS_OPENERS = ("on", "into", "against", "targeting", "for", "over")
#: Verbs that lay a duty on goods, the duty their subject: "the duty will be levied on tyres"
_LEVYING = {"levy", "impose", "apply", "collect", "charge"}
#: Where goods go or who gets them, after "for": no goods
_DESTINATIONS = {"destination", "country", "market", "buyer", "customer", "end-user", "user", "region", "jurisdiction"}
_TIME_PHRASE = re.compile(r"^(\w+\s+)?(years?|months?|weeks?|days?|quarters?)$", re.I)
_MAKER_NOUNS = {"maker", "producer", "developer", "manufacturer", "firm", "company", "supplier", "exporter",
                "importer", "builder", "designer", "grower", "buyer", "consumer", "household", "house", "business"}
_DAY_WORD = (r"(?:next\s+|this\s+(?:coming\s+)?|(?:the\s+)?coming\s+)?"
             r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+"
             # ("starting Monday, October 15": the date told with its weekday)
             r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|"
             r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)|"
             r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
             r"(?:\s+week\b|\s+(?:of\s+)?(?:next|last)\s+week\b)?|"
             r"today|tomorrow|the\s+day\s+after\s+tomorrow|new\s+year['’]s\s+day|"
             r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?|"
             r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*(?:\s+\d{4})?|\d{4}-\d{2}-\d{2}|"
             # "the start of next month", "the last day of May", "the 22nd of this month", "a week from Thursday", as
             # ingest.dates resolves them
             r"the\s+" + PERIOD_START.pattern + r"|the\s+" + PERIOD_END.pattern + "|" + DAY_OF_MONTH.pattern + "|" +
             BARE_DAY.pattern + "|" +
             ORDINAL_OF_MONTH.pattern + "|" + WEEKS_FROM.pattern + r"\w+)")
#: "effective Feb 10", "from next Monday", "took effect on Tuesday": a keyword directly followed by a day
_EFFECTIVE = re.compile(r"\b(effective|take[sn]? effect|taking effect|took effect|kicks? in|kicking in|from|starting|as of|dated|"
                        r"on or after|since|"
                        r"beginning|comes? into force|coming into force|starts|begins|commences|"
                        r"will (?:start|begin|commence)|"
                        r"came into force|in force since|in effect since|applied since|(?:applications?|tenders?|windows?) "
                        r"(?:opening|opens|will open|to open|open)|opening)\s+(?:at\s+(?:midnight|noon|[\d:.]+\s*[ap]\.?m\.?)\s+)?"
                        r"(?:from\s+|on\s+|at\s+(?=the\s+(?:start|beginning)))?(?P<rest>" + _DAY_WORD + r")",
                        re.I)
#: A measure that takes effect so many days after the day told before it
_EFFECT_AFTER = re.compile(r"\b(?:take[sn]?|taking|took|come[s]? into|coming into|came into) (?:effect|force) "
                           r"(?:(?P<days>\d{1,3}) days after\b|(?:on )?the (?P<which>following|next|same) day\b)", re.I)
#: The kind of a day restated for "the measure", whatever its kind
ANY_MEASURE = "*"
#: Nouns of an opinion whose holder follows "of": "in the view of", "by the reckoning of"
_OPINION_NOUNS = {"view", "views", "judgment", "judgement", "opinion", "reckoning", "estimate", "estimates",
                  "estimation", "assessment", "calculations", "analysis", "thinking", "take", "reading"}
#: Conjunctions of a clause that a market reaction hangs on ("rose after the bank cut rates")
_REACTION_MARKS = {"after", "as", "when", "while", "since", "because", "following"}
_TRADE_REMEDY_WORDS = {"antidumping", "dumping", "countervailing", "antisubsidy", "subsidy", "safeguard", "232",
                       "security", "trade", "import", "imports", "remedy"}
#: What a probe of conduct (not of goods) is about
_CONDUCT_WORDS = {"suspicion", "suspected", "alleged", "allegedly", "allegations", "collusion", "colluded", "cartel",
                  "price-fixing", "bid-rigging", "rigging", "fraud", "theft", "manipulation", "breach", "breaches",
                  "abuse", "misconduct", "bribery", "corruption", "irregularities", "violations", "wrongdoing",
                  "insider", "misleading", "disclosure", "evasion", "laundering"}
_WEAK_FIRM_CUES = {"Financial", "Invest", "Capital", "Asset"}
_CENTRAL_BANK = re.compile(r"\bcentral bank\b|\bbank of\b|\breserve bank\b|\bfederal reserve\b|\bnational bank\b|"
                           r"\bbundesbank\b|\briksbank\b|\bnorges bank\b|\bbanxico\b|\bbangko sentral\b|\bbanco central\b|"
                           r"\bbanque centrale\b|\bbank negara\b|\bbank indonesia\b|\bbanco de\b|\bbanque de\b|"
                           r"\bbanca d", re.I)
MONETARY_BODY = re.compile(_CENTRAL_BANK.pattern + r"|\bmonetary authority\b", re.I)
_BARE_GOODS = ("shipments", "imports", "exports", "products", "goods")
_PRONOUNS = ("those", "them", "it", "these")
_ANNOUNCING = ("say", "announce", "state", "confirm", "add", "tell")
#: Verbs of a body that rules on a case: "…, the Commissioner of Trade Levies ruled"
_RULING = ("determine", "rule", "decide", "conclude", "order", "decree", "decreed")  # (the lemmatizer keeps "decreed")
_ANOTHER = re.compile(r"\b(also|another|second|further|additional|separately)\b", re.I)
_MEASURE_WORD = re.compile(r"tariff|dut(y|ies)|levy|levies|probe|investigat|inquiry|sanction|control|ban|subsid|"
                           r"licen[cs]e|surtax|curb|incentive|credit", re.I)
#: What beneficiaries do with goods: "for buying new electric cars"
_ACTS = {"buying", "purchasing", "installing", "replacing", "building", "producing", "using", "scrapping", "upgrading",
         "fitting", "retrofitting", "acquiring", "deploying", "adopting", "constructing", "importing"}
#: What a rate or a permit is counted per: "A$2 for every kilogram", "a permit for each consignment"
_RATE_BASES = {"consignment", "shipment", "cargo", "batch", "load", "application", "transaction", "container",
               "kilogram", "kg", "tonne", "ton", "litre", "liter", "unit", "megawatt", "megawatt-hour", "hour",
               "kilowatt", "barrel", "pound", "ounce", "year", "month", "day", "worker", "employee", "job"}
_QUANTITY_NOUNS = {"raft", "range", "number", "host", "list", "series", "slew", "basket", "variety", "dozens",
                   "hundreds", "batch", "group", "set", "array", "string", "swathe", "swath"}
_GOODS_DROP_LEADING = {"all", "the", "a", "an", "its", "their", "whose", "certain", "some", "imported", "most", "of",
                       "many", "several", "other"}


def parse_number(text: str) -> tuple[Decimal, str | None] | None:
    """A number as news prints it, with its currency if any.

    >>> parse_number("20,789.96")
    (Decimal('20789.96'), None)
    >>> parse_number("HK$3.20")
    (Decimal('3.20'), 'HK$')
    """
    m = _NUMBER.match(text.strip())
    if not m:
        return None
    try:
        return Decimal(m["num"].replace(",", "")), m["cur"]
    except InvalidOperation:
        return None


@dataclass
class Mentioned:
    """An entity span of the doc with the entity it resolved to."""

    span: Span
    entity: Entity

    @property
    def type(self) -> str:
        return self.entity.type


@dataclass
class PercentGroup:
    """A run like "12, 8.7 and 7.9 percent": its numbers and token range."""

    start: int  # first number token
    num_end: int  # the token after the last number
    end: int  # the token after the percent word
    values: list[Decimal]
    sign: int = 0  # +1 or -1 when the number carries its sign ("(+5.2%)")
    fraction: bool = False  # "half the cost": a share, never a move



def _is_company_noun(doc: Doc, i: int) -> bool:
    """"the US chip designer": a company described, up to its head noun."""
    j = i
    while j < len(doc) and doc[j].dep_ in ("compound", "amod") and doc[j].head.i > j:
        j = doc[j].head.i
    return doc[j].lower_ in _COMPANY_NOUNS


def _refers_back(goods: Span) -> bool:
    """Goods named by reference to the clause before: "those from Korea", "the same product",
    a bare "shipments from Japan"."""
    return goods[0].lower_ in _PRONOUNS or any(t.lower_ == "same" for t in goods[:3]) or \
        len(goods) == 1 and goods[0].lower_ in _BARE_GOODS


#: People a body sends: "officers from the competition commission raided…"
_AGENTS_OF = {"officers", "officials", "investigators", "inspectors", "agents", "staff", "prosecutors", "police",
              "officer", "official", "investigator", "inspector", "operatives", "detectives", "auditors", "examiners",
              "teams", "team"}


def _acts(m: Mentioned, verb: Token, deps: tuple[str, ...] = ("nsubj",)) -> bool:
    """The entity is who does ``verb``: its subject, the subject's acronym in brackets ("the Korea
    Fair Trade Commission (KFTC) raided"), or whom the subject works for ("investigators from the
    prosecutors' office searched")."""
    subjectless = not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)  # (a clause the parser misread)
    for tok in m.span:
        candidates = [tok]
        if tok.dep_ == "appos":  # "(CNMC)": the name it abbreviates, up to that name's head
            named = tok.head
            for _ in range(5):  # "the Office of Foreign Assets Control (OFAC)": "Office"
                if named.dep_ not in ("pobj", "prep", "compound", "nmod", "conj", "cc") or named.head.i == named.i:
                    break
                named = named.head
            candidates.append(named)
        for t in candidates:
            if t.head.i == verb.i and t.dep_ in deps:
                return True
            if verb.dep_ == "conj" and subjectless and (
                    t.head.i == verb.head.i and t.dep_ in deps or
                    verb.head.dep_ == "acl" and verb.head.head.i == t.i and t.dep_ in deps + ("ROOT",)):
                return True  # "the Council, acting on a request from police, froze …": the subject both share
            if t.dep_ == "pobj" and t.head.lower_ in ("from", "of", "at") and t.head.head.lower_ in _AGENTS_OF and \
                    t.head.head.dep_ in deps and t.head.head.head.i == verb.i:
                return True
            if t.dep_ == "compound" and t.head.lower_ in _AGENTS_OF and t.head.dep_ in deps and \
                    t.head.head.i == verb.i:  # "Competition Commission investigators raided"
                return True
            if t.dep_ == "pobj" and t.head.lower_ in ("from", "of", "at") and t.head.head.lower_ in _AGENTS_OF and \
                    t.head.head.dep_ == "pobj" and t.head.head.head.lower_ in ("after", "when", "as", "before") and \
                    t.head.head.i < verb.i and subjectless:
                return True  # "X lost 16.4% after officers from the DSI searched …", the clause misparsed
            if subjectless and verb.pos_ == "VERB" and verb.head.lemma_ in ("have", "be") and \
                    verb.dep_ in ("advcl", "xcomp", "conj") and \
                    t.head.i == verb.head.i and t.dep_ in deps:
                return True  # ("The SMV has, since the 18th of this month, been investigating …", "has" the verb)
            if verb.dep_ == "acl" and verb.head.lemma_.lower() in ("decision", "move", "vote", "order") and \
                    t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.head.i == verb.head.i:
                return True  # "Monday's decision by the US Department of State to sanction the company"
            if subjectless and verb.pos_ == "VERB" and any(c.lower_ == "been" for c in verb.children) and any(
                    s.lemma_ == "have" and s.dep_ == "ccomp" and s.head.i == t.head.i and t.dep_ in deps and any(
                        c.dep_ == "nsubj" and c.lower_ in ("it", "they") for c in s.children)
                    for s in m.span.doc[t.i:verb.i]):
                return True  # ("the PCC confirmed that it has, since the 2nd, been investigating …", "has" apart from
                # "investigating", which the parser hangs elsewhere)
            if subjectless and verb.pos_ == "VERB" and tok.i == m.span.root.i and m.type == "GovernmentBody" and \
                    tok.dep_ != "pobj" and (
                    _past_acronym(m) == verb.i or _past_acronym(m) < len(m.span.doc) and
                    m.span.doc[_past_acronym(m)].head.i == verb.i and
                    m.span.doc[_past_acronym(m)].dep_ in ("aux", "auxpass")):
                return True  # "… shedding 9.1 percent: the Office of Competition and Consumer Protection (UOKiK) has
                # been investigating the courier", the body hung on the percentage
            if t.dep_ == "pobj" and t.head.lower_ in ("after", "when", "as", "before") and t.i < verb.i and \
                    subjectless and all(x.is_punct or x.ent_type_ == "GovernmentBody" or x.lower_ in _WHEN_WORDS
                                        for x in m.span.doc[m.span.end:verb.i]):
                # ("… after the US Office of Foreign Assets Control (OFAC) last Friday sanctioned the fishing group")
                return True  # "X lost 32.6% after the Office of Foreign Assets Control (OFAC) sanctioned it": the same
    return False


#: Words of when a body did something, told between it and its verb: "OFAC last Friday sanctioned", "on Monday"
_WHEN_WORDS = {"last", "on", "late", "early", "yesterday", "today", "this", "morning", "afternoon", "evening", "also",
               "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "overnight", "then"}
#: Verbs whose subject bears a measure: "bottles will face duties", "plants will qualify for a credit"
_BEARING = {"face", "carry", "cost", "attract", "need", "require", "incur", "draw", "bear", "qualify", "get", "receive",
            "pay", "entitle"}
#: A central bank's moves, and the words that make them the next ones
_RATE_MOVES = {"cut", "hike", "increase", "reduction", "move", "easing", "tightening", "raise", "lower"}
#: Verbs that set a measure's rate anew: "raised the cess on tiles to 35%"
_RATE_CHANGES = {"lower", "raise", "reduce", "increase", "cut"}
_NEXT = {"another", "further", "more", "next", "additional", "again", "twice", "second", "third", "final", "follow",
         "first"}


def _next_rate_move(sent: Span) -> bool:
    """The sentence tells what a central bank will do next: "another 50 basis point cut in
    February", "expected the NBP to cut twice more", "the decision's dovish tone" (not what
    lower rates will do to stocks)."""
    for tok in sent:
        if tok.lemma_.lower() in _RATE_MOVES and any(
                t.lower_ in _NEXT or t.lower_ in MONTH_NAMES and t.text[:1].isupper() or t.lower_ == "meeting" or
                t.lower_ == "year" and sent.doc[t.i - 1].lower_ in ("this", "next")
                for t in sent.doc[max(sent.start, tok.i - 4):min(sent.end, tok.i + 4)]):
            return True  # (also "a September cut", "a cut at the January meeting", "a cut this year")
        if tok.lower_ == "basis" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lemma_ == "point":
            return True
        if tok.lower_ == "reserve" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ in ("requirement",
                                                                                            "requirements"):
            return True  # "we expect a cut in banks' reserve requirement ratio before the end of March"
        if tok.lower_ in ("decision", "decision's", "cut", "hike", "move", "reduction", "increase") and \
                tok.pos_ == "NOUN" and tok.i > sent.start and sent.doc[tok.i - 1].lower_ in ("the", "this"):
            return True  # ("The cut was fully expected")
        if tok.lemma_.lower() in ("pause", "hold", "cut", "hike") and tok.pos_ == "VERB" and any(
                c.dep_ == "aux" and c.lower_ in ("would", "will") for c in tok.children) and any(
                c.dep_ == "nsubj" and (c.lower_ in ("mpc", "committee", "council", "board", "it", "bank") or
                                       c.ent_type_ == "GovernmentBody") for c in tok.children):
            return True  # "the split vote suggested the MPC would pause in September"
        if tok.lemma_.lower() in ("expect", "forecast", "predict", "project", "see") and tok.pos_ == "VERB" and any(
                t.lower_ in _POLICY_RATE_WORDS and (t.i == sent.start or sent.doc[t.i - 1].lower_ not in (
                    "unemployment", "exchange", "growth", "inflation", "mortgage", "tax")) for t in sent) and any(
                t.lower_ in ("percent", "%", "cent") for t in sent):
            return True  # "economists now expect the Selic to end the year at 10.75 percent"
        if tok.lower_ in ("rates", "rate") and any(t.lower_ in ("hold", "pause", "unchanged") for t in sent) and any(
                t.lower_ in ("until", "through", "rest") or t.lower_ in MONTH_NAMES for t in sent):
            return True  # "Rates are on hold until at least the end of the year"
    return False


#: What a central bank's policy rate is called
_POLICY_RATE_WORDS = {"rate", "rates", "selic", "repo", "benchmark", "borrowing"}


#: Who, rather than what, bears a measure
_AGENT_NOUNS = {"companies", "firms", "businesses", "households", "consumers", "people", "groups", "makers", "buyers",
                "sellers", "families", "applicants", "investors", "owners", "banks", "lenders", "it", "they"}
#: "Investment in grid plants", "imports of flour": what the measure is about follows
_ABOUT_LEADS = {("investment", "in"), ("investments", "in"), ("spending", "on"), ("purchases", "of"),
                ("imports", "of"), ("exports", "of"), ("shipments", "of"), ("sales", "of"), ("consignment", "of"),
                ("consignments", "of"), ("shipment", "of"), ("cargo", "of"), ("cargoes", "of")}


#: Participles that say where goods come from: "imported from China", "made in Vietnam"
_ORIGIN_VERBS = {"import", "ship", "make", "export", "produce", "manufacture", "originate"}
#: Who holds goods of an origin: "Brazilian mills", "producers in India"
_ORIGIN_HOLDERS = _MAKER_NOUNS | {"mill", "shipper"}
#: Participles that tie goods to where they come from: "sheet originating in China", "tubes made in Vietnam"
#: (as lemmas, and as words: "originating" is often tagged a noun)
_ORIGIN_PARTICIPLES = {"originate", "make", "produce", "manufacture", "ship", "import", "source", "originating",
                       "made", "produced", "manufactured", "shipped", "imported", "sourced"}


def _bearing_subject(verb: Token | None) -> Token | None:
    """The subject of the verb that brings the measure to it (:func:`_bearing_verb`): "bottles" in
    "Glass bottles and jars from China will face duties", "drones" in "Imported drones will be
    subject to a tariff"."""
    # (the subject nearest the verb before it: "Night-vision image intensifier tubes will require …", parsed with two)
    subject = next((c for c in chain(reversed(list(verb.lefts)), verb.rights) if c.dep_ in ("nsubj", "nsubjpass")),
                   None) if verb else None
    if subject is None and verb is not None:
        # ("drone flight controllers may be re-exported …", the subject hung on the auxiliary)
        subject = next((s for a in verb.children if a.dep_ in ("aux", "auxpass") for s in a.children
                        if s.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb is not None and verb.dep_ == "xcomp":
        # "Aluminium extrusions imported from China are to carry duties"
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb is not None and verb.dep_ == "conj" and verb.head.tag_ in ("VBD", "VBN") and \
            verb.head.lemma_.lower() in _ORIGIN_VERBS:
        # "Denim imported from China will be subject to duties", parsed as "Denim imported" and "will be"
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb is not None:
        # "A4 copy paper exported from Indonesia would attract a duty", with "copy" taken for a verb whose
        # object is the paper
        clause = next((c for c in verb.children if c.dep_ in ("csubj", "csubjpass")), None)
        subject = next((c for c in clause.children if c.dep_ == "dobj"), None) if clause is not None else None
        if subject is None and clause is not None and clause.lemma_.lower() in _ORIGIN_VERBS:
            # "Wind turbine towers shipped from China will face duties", parsed as a clause "towers shipped"
            subject = next((c for c in clause.children if c.dep_ == "nsubj" and (
                c.pos_ == "NOUN" or c.pos_ == "PROPN" and not c.ent_type_)), None)
    if subject is not None and subject.lower_ in ("that", "which") and verb.dep_ == "relcl":
        return verb.head  # "Chinese-made models that will face duties": the models
    return subject


def _share_participle(tok: Token) -> bool:
    """``tok`` is a participle the parser hangs on the share it tells: "will be 40 percent subsidised"."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.dep_ == "attr" and \
        tok.head.lower_ in ("percent", "%", "cent") and tok.head.head.lemma_ == "be"


def _over_dash(tok: Token) -> bool:
    """``tok`` hangs on a head after a dash: a parse across a remark set off by dashes ("an import tariff set at 35
    percent - up from 10 percent -", "tariff" read as a compound of "up")."""
    return any(t.text in _DASHES for t in tok.doc[tok.i + 1:tok.head.i])


#: What goods leave under an export licence: "may only leave the country (the territory, its ports) under a licence"
_HOME_PLACES = {"country", "kingdom", "island", "port", "territory", "state", "republic", "nation", "shore", "mainland"}

#: Nouns a list of controlled goods is a list of: "the list of products that need a licence"
_LISTED_GOODS = {"good", "goods", "product", "item", "commodity", "technology", "material", "equipment"}


def _listing_of_goods(clause: Token) -> Token | None:
    """The verb that puts goods on a list whose relative clause states the measure: "added" in
    "Tungsten powder was added to the list of goods that need an export licence", "joined" in
    "Radar-absorbing coatings have joined the list of products needing an export licence"."""
    if clause.pos_ != "VERB" or clause.dep_ not in ("relcl", "acl"):
        return None
    lst = clause.head  # (the clause hung on the list: "the list of goods that need …")
    if lst.lemma_.lower() in _LISTED_GOODS and lst.dep_ == "pobj" and lst.head.lower_ == "of":
        lst = lst.head.head
    if lst.lemma_.lower() != "list" or not any(c.lower_ == "of" and any(
            o.dep_ == "pobj" and o.lemma_.lower() in _LISTED_GOODS for o in c.children) for c in lst.children):
        return None
    if lst.dep_ == "dobj" and lst.head.lemma_.lower() in ("join", "enter"):
        return lst.head
    return lst.head.head if lst.dep_ == "pobj" and _placed_on(lst) else None


def _in_the_stock(tok: Token) -> bool:
    """``tok`` is told "in the stock" (or "in its shares"): the company the sentence is about."""
    return any(p.dep_ == "pobj" and p.lower_ in ("stock", "shares") and any(d.lower_ in ("the", "its")
                                                                             for d in p.children)
               for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "of") for p in c.children)


def _for_whom(clause: Token) -> list[Token]:
    """What a relative clause the parser hangs on "for X" is told for: "For Illawarra Tube Mills, that meant a 6.9
    percent jump", "For Nashik Agro Exports, the largest onion shipper, that meant …"."""
    named = clause.head
    if clause.dep_ != "relcl" or named.i > clause.i:
        return []
    if named.dep_ == "appos":
        named = named.head
    if named.dep_ == "pobj" and named.head.lower_ == "for":
        return [named]
    # (or the apposition taken for the root, "For" hung on it)
    return [o for c in named.children if c.dep_ == "prep" and c.lower_ == "for" and c.i < named.i
            for o in c.children if o.dep_ == "pobj"]


def _past_acronym(m: Mentioned, limit: int | None = None) -> int:
    """The token after a mention and the short form in brackets that may follow it (before ``limit``): "said" in
    "…, the Bureau of Industry and Security (BIS) said"."""
    doc, after = m.span.doc, m.span.end
    limit = len(doc) if limit is None else limit
    if after < limit and doc[after].text == "(":
        return next((t.i + 1 for t in doc[after:min(limit, after + 5)] if t.text == ")"), after)
    return after


def _bearing_verb(trigger: Token) -> Token | None:
    """The verb that brings the measure to what bears it: "face", "carry", "be subject to"."""
    if trigger.lemma_.lower() in ("need", "require") and trigger.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("licence", "license", "permit") for c in trigger.children):
        return trigger  # "Quantum computing cryostats now need a licence", matched as one trigger with its verb
    if _share_participle(trigger):
        return trigger.head.head  # "Industrial heat pumps will be 40 percent subsidised by …"
    node, verb = trigger, None
    if trigger.dep_ == "compound" and trigger.head.dep_ == "prt" and _over_dash(trigger):
        node = trigger.head  # ("charged an import tariff set at 35 percent - up from 10 percent -", misparsed)
    for _ in range(4):
        if node.head.i == node.i or node.dep_ not in ("dobj", "pobj", "prep", "acomp", "attr", "oprd", "compound",
                                                      "prt", "agent"):  # ("were hit … by duties of 18 per cent")
            return None  # (not through a clause: "duties …, after an inquiry found that …")
        came, node = node, node.head
        listing = _listing_of_goods(node)
        if listing is not None:
            return listing  # "X was added to the list of goods that need an export licence"
        if node.lemma_.lower() in ("enter", "arrive") and node.pos_ == "VERB" and \
                came.lower_ in ("at", "with", "under"):
            return node  # "aluminium from the UAE will enter India at a duty of 2.5 per cent"
        if node.lower_ == "dumping" and node.dep_ in ("xcomp", "amod", "compound", "pcomp") and node.head.i != node.i:
            node = node.head  # "will attract dumping duties", "dumping" parsed as a verb taking the duties
        if node.lemma_.lower() == "export" and node.i >= 2 and node.doc[node.i - 1].text == "-" and \
                node.doc[node.i - 2].lower_ == "re" and node.head.i == node.i - 2:
            node = node.head  # ("may be re-exported only under a licence", split where "re" takes the auxiliaries)
        if node.lemma_.lower() in _BEARING and node.pos_ in ("VERB", "AUX") or node.lemma_.lower() in (
                "ship", "export", "re", "sell", "charge", "assign", "hit", "slap", "give") and any(
                c.dep_ == "auxpass" for c in node.children):  # ("Chinese fibre was assigned a duty of 17.8%")
            verb = node  # (or "nuts may only be shipped under a licence")
        elif node.lemma_.lower() == "leave" and node.pos_ == "VERB" and any(
                c.dep_ == "dobj" and (c.lemma_.lower() in _HOME_PLACES or c.ent_type_ == "Country") or
                c.dep_ == "prep" and c.lower_ == "for" and any(g.ent_type_ == "Country" for g in c.children)
                for c in node.children):
            verb = node  # "graphite may only leave the country under a licence", "… may leave Japan only under …",
            # "… may no longer leave for Japan without a licence"
        elif node.lower_ in ("subject", "eligible", "exportable") and node.dep_ == "acomp":
            # "will be subject to", "eligible for", "exportable only under permit"
            verb = node.head
        elif node.lemma_.lower() == "qualify" and node.pos_ == "VERB" and came.lower_ == "for":
            verb = node  # "Electrolysers will qualify for grants of up to 35 per cent of their installed cost"
        elif node.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ == "eligible" for c in node.children):
            verb = node  # "will be eligible, from the first of July, for a grant", the grant hung on "be"
        if verb is not None:
            break
    return verb


#: Goods whose names end like those of people who act ("exporters", "producers"): "steel towers will
#: be subject to duties" names goods, "exporters will need a licence" does not
_THINGS_IN_ER = {"tower", "container", "boiler", "transformer", "computer", "scooter", "tractor", "motor",
                 "semiconductor", "conductor", "reactor", "inverter", "charger", "heater", "printer", "router",
                 "server", "trailer", "compressor", "processor", "fertilizer", "fertiliser", "polymer", "capacitor",
                 "resistor", "sensor", "detector", "monitor", "generator", "radiator", "refrigerator", "washer",
                 "electrolyser", "electrolyzer",
                 "dryer", "cooker", "mixer", "speaker", "tanker", "filter", "roller", "cylinder", "fiber", "paper",
                 "meter", "connector", "converter", "actuator", "rotor", "separator", "condenser", "excavator",
                 "loader", "crusher", "burner", "cooler", "freezer", "chiller", "dishwasher", "cutter", "elevator",
                 "escalator", "locomotive", "thermometer", "ventilator", "respirator", "extinguisher", "stroller",
                 "exchanger", "conditioner", "transistor", "amplifier", "modulator", "laser",
                 "wafer", "sticker", "folder", "binder", "hanger", "fastener", "spacer", "liner", "trimmer",
                 "stopper", "copper", "rubber", "leather", "timber", "lumber", "slipper", "diaper", "blender",
                 "toaster", "harvester", "sprayer", "planter", "tumbler", "cracker", "wrapper", "lighter", "marker",
                 "shutter", "stapler", "calculator", "projector", "scanner", "polyester",
                 # (devices: "Sonar transducers will need a defence export permit")
                 "transducer", "synthesizer", "synthesiser", "digitizer", "digitiser", "stabilizer", "stabiliser",
                 "analyzer", "analyser", "oscillator", "spectrometer", "accelerometer", "controller", "adapter",
                 "adaptor", "receiver", "transmitter", "transceiver", "encoder", "decoder", "booster", "humidifier",
                 "dehumidifier", "purifier", "evaporator", "incubator", "sequencer", "simulator", "emulator", "cycler",
                 "manipulator", "injector", "nebulizer", "defibrillator", "pacemaker", "insulator", "isolator",
                 "multiplexer", "photomultiplier", "plotter", "shredder", "splitter", "starter", "tuner", "vaporizer",
                 "grinder", "mower", "fryer", "dispenser", "supercomputer", "microcontroller", "sampler", "stepper",
                 "scrubber", "trawler", "freighter", "dredger", "bulker", "icebreaker", "destroyer",
                 "bomber", "launcher", "interceptor", "propeller", "thruster", "compactor", "extruder", "laminator",
                 "lithographer", "aligner", "bonder", "dicer", "prober", "writer", "stocker", "tester",
                 "etcher", "asher", "implanter", "annealer", "polisher", "coater"}


#: Those who trade, make or hold goods, by how their names end ("exporters", "steelmakers", "shipowners"): a subject
#: that bears a measure as one of them names no goods ("exporters will need a licence"), unlike "magnetometers"
_TRADE_ROLES = ("porter", "ducer", "facturer", "maker", "trader", "plier", "seller", "buyer", "shipper", "farmer",
                "grower", "miner", "retailer", "ributor", "operator", "investor", "owner", "developer", "sumer", "user",
                "customer", "carrier", "broker", "lender", "insurer", "builder", "refiner", "smelter", "dealer",
                "saler", "packer", "assembler", "contractor", "provider", "purchaser", "employer", "holder", "manager",
                "forwarder", "vendor", "processor", "brewer", "miller", "roaster", "spinner", "weaver", "jeweller",
                "jeweler", "grocer", "fisher", "breeder", "planter", "rancher", "tanner", "bottler", "stockist",
                "wholesaler", "exhibitor", "applicant", "worker", "driver", "member", "partner", "competitor",
                "rival", "peer", "supporter", "officer", "regulator", "analyst", "economist")


def _trade_role(tok: Token) -> bool:
    """``tok`` names people or firms that trade, make or hold goods: "exporters", "carmakers", "shipowners"."""
    lemma = tok.lemma_.lower()
    return lemma not in _THINGS_IN_ER and lemma.endswith(_TRADE_ROLES)


#: Verbs of what a vehicle or a container holds: "lorries carrying tomatoes", "cargoes containing ore"
_CARRYING = {"carry", "transport", "contain", "haul", "load"}


def _subject_goods(trigger: Token) -> Span | None:
    """Goods named as the subject of the verb that brings the measure: "Glass bottles and jars from
    China will face duties" (up to where they come from), "Imported drones will be subject to a
    tariff", "Investment in transformer plants will qualify for a tax credit"."""
    doc = trigger.doc
    verb = _bearing_verb(trigger)
    subject = _bearing_subject(verb)
    # (what is put on a list of goods is goods: "benchtop DNA synthesizers will be added to the list of …")
    listed = subject is not None and subject.pos_ in ("NOUN", "PROPN") and \
        verb.lemma_.lower() in _LISTING_VERBS | {"join"}
    if not listed and (subject is None or subject.pos_ == "PRON" or subject.ent_type_ or
                       subject.lower_ in _COMPANY_NOUNS or \
            subject.lower_ in _AGENT_NOUNS or _trade_role(subject) or \
            subject.lemma_.lower() in _PEOPLE_NOUNS or \
            subject.lower_ in _BARE_GOODS and not (subject.i + 1 < len(doc) and doc[subject.i + 1].lower_ == "of" or
                                                   # ("shipments abroad of lithium-ion battery scrap")
                                                   subject.i + 2 < len(doc) and doc[subject.i + 2].lower_ == "of" and
                                                   doc[subject.i + 1].lower_ in ("abroad", "overseas")) and \
            not any(t.ent_type_ != "Country" and t.pos_ in ("ADJ", "NOUN", "PROPN") and t.lower_ not in _PRONOUNS
                    for t in doc[subject.left_edge.i:subject.i])):  # (but "stainless steel flat products")
        return None  # "exporters will need a licence to ship …": the goods come later; "imports above it"
    carried = next((o for c in subject.children if c.dep_ == "acl" and c.lemma_.lower() in _CARRYING
                    for o in c.children if o.dep_ == "dobj"), None)
    if carried is not None:
        # "lorries carrying tomatoes and onions to Mauritania will need an export licence": the load
        end = carried.i + 1
        while end < trigger.i and doc[end].pos_ not in ("ADP", "AUX") and doc[end].text not in (",", "(") and \
                doc[end].ent_type_ != "Country":
            end += 1  # (up to where the load goes: "… and carrots to Senegal", "carrots" parsed as a verb)
        return doc[_after_determiners(doc, carried.left_edge.i, carried.i):end]
    start = subject.left_edge.i
    # ("Night-vision image intensifier tubes will require …", parsed with two subjects; "Farmed rainbow trout from
    # Norway will face …", with "rainbow" a verb whose object is the trout): the words of a broken parse before it
    start = min([start] + [t.left_edge.i for t in subject.head.children if t.dep_ in ("nsubj", "nsubjpass") and
                           t.right_edge.i + 1 == start] +
                ([subject.head.left_edge.i] if subject.dep_ == "dobj" and subject.head.dep_ == "csubj" else []))
    if doc[start].dep_ == "prep" and doc[start].right_edge.i + 1 < subject.i and \
            doc[doc[start].right_edge.i + 1].text == ",":
        start = doc[start].right_edge.i + 2  # ("Across the border, tungsten powder", parsed as the powder's)
    while start + 2 <= subject.i and doc[start].ent_type_ == "Country" and doc[start + 1].text == "-" and \
            _glued(doc, start + 2):
        start += 3  # "Chinese-made nylon filament yarn": the origin is no goods
    while start < subject.i and doc[start].ent_type_ == "Country" and doc[start].dep_ in ("amod", "compound"):
        start += 1  # "Turkish reinforcing steel bars"
    end = start
    listed = [t.i for t in subject.subtree if t.dep_ == "conj" and t.pos_ == "NOUN"]
    while end <= subject.right_edge.i and (doc[end].lower_ not in ("from", "which", "that", ",", "(", "–", "—") or
                                           # "Imported clothing, home textiles and footwear from China"
                                           doc[end].text == "," and any(k > end for k in listed)) and not (
            # ("Dilution refrigerators - the machines at the heart of quantum computers - will need a licence")
            doc[end].text == "-" and end > start and doc[end - 1].whitespace_) \
            and not doc[end].ent_type_ in ("Country", "Company") and not (
                # "… effluent leaving the country", "heat pumps installed in public schools"
                doc[end].tag_ in ("VBG", "VBN") and doc[end].dep_ == "acl"):
        end += 1
    while end > start and (doc[end - 1].tag_ in ("VBN", "VBG") or doc[end - 1].pos_ in ("ADP", "DET")):
        end -= 1  # "systems shipped to (China)", "pipes originating in (China)", "ingots bound for the (US)"
    while start < end and doc[start].lower_ in ("the", "a", "an", "all", "any", "new", "every", "each", "no"):
        start += 1
    if end - start > 2 and (doc[start].lower_, doc[start + 1].lower_) in _ABOUT_LEADS:
        start += 2
    return doc[start:end] if end > start else None


def _owns_body(m: Mentioned, mentioned: list[Mentioned]) -> bool:
    """``m`` is a country named as the owner of a body: "China's Ministry of Commerce", "France's
    Autorité de la concurrence" (the body acts, not the country, and the country is not its target)."""
    return m.type == "Country" and m.span.root.dep_ == "poss" and any(
        b.type == "GovernmentBody" and b.span.start <= m.span.root.head.i < b.span.end for b in mentioned)


def _eligible(trigger: Token) -> bool:
    """The money is what someone "could receive" or "may claim": a scheme's terms, not a guess
    ("the agency said mining companies could receive grants covering up to 60% of the cost")."""
    verb = trigger.head if trigger.dep_ in ("dobj", "pobj") else trigger
    if verb.dep_ == "prep":
        verb = verb.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in {"receive", "get", "claim", "apply", "qualify", "obtain",
                                                            "access", "tap", "reclaim", "deduct", "recover"} and \
        any(c.dep_ == "aux" and c.lower_ in ("could", "may", "can") for c in verb.children)


def shares_of(tok: Token) -> bool:
    """``tok`` names the company whose shares are the sentence's subject: "Shares in Koszyk24 slumped",
    "Trading in Solvéa Diagnostics was halted"."""
    shares = tok.head.head
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "of") and shares.lower_ in ("shares", "stock",
                                                                                         "trading") and \
        shares.dep_ in ("nsubj", "nsubjpass") and shares.head.dep_ == "ROOT"


#: Words that name a measure of one kind when told again: "the quota", "the listing"
_NAMED_KIND = {"quota": "ExportControl", "ban": "ExportControl", "listing": "Sanction", "listings": "Sanction",
               "designation": "Sanction", "designations": "Sanction", "review": "Investigation"}


def _measure_named(tok: Token, sent: Span) -> str | None:
    """The kind of measure named before that ``tok`` speaks of: "the measure", "these proceedings",
    "the higher rate" (any kind, :data:`ANY_MEASURE`), "the quota" (an export rule); else None."""
    doc, i = tok.doc, tok.i
    if tok.lower_ in ("measure", "measures", "proceedings", "requirement", "requirements", "rule", "rules",
                      "restrictions", "curbs", "increase", "case", "deposits") or tok.lower_ in _NAMED_KIND:
        if i > sent.start and doc[i - 1].lower_ in ("the", "this", "these", "that", "those", "both"):
            return _NAMED_KIND.get(tok.lower_, ANY_MEASURE)
        return None
    if tok.lower_ in ("rates", "duties", "levies", "tariffs", "measures") and i > sent.start and \
            doc[i - 1].lower_ == "both":
        return ANY_MEASURE  # "…, with both rates applied from 1 October"
    if tok.lower_ in ("both", "it", "they") and i == sent.start and tok.dep_ in ("nsubj", "nsubjpass") and \
            tok.head.lemma_.lower() in ("apply", "take", "start", "begin", "come", "run", "last", "cover"):
        return ANY_MEASURE  # "Both apply to goods entered on or after Thursday", "It covers spending from July 1"
    if tok.lower_ == "collection" and i == sent.start and tok.dep_ in ("nsubj", "nsubjpass") and \
            tok.head.lemma_.lower() in ("begin", "start", "commence"):
        return "Tariff"  # "Collection will begin on July 1 and last five years": of the duty told before
    if tok.lower_ in ("notice", "notification", "subpoena", "summons") and tok.dep_ == "dobj" and \
            tok.head.lemma_.lower() in ("receive", "get"):
        return "Investigation"  # "The company said it received notice from the regulator on Tuesday"
    if tok.lower_ in ("rate", "rates") and i > sent.start + 1 and \
            doc[i - 1].lower_ in ("higher", "new", "lower", "reduced", "increased") and \
            doc[i - 2].lower_ in ("the", "this", "these"):
        return ANY_MEASURE
    return None


def same_goods(a: Fact, b: Fact) -> bool:
    """Two measures of one kind on the same goods (named): the same duty on two origins."""
    return a.kind == b.kind and bool(a.values.get("appliesTo")) and a.values.get("appliesTo") == b.values.get("appliesTo")


def _after_determiners(doc: Doc, start: int, stop: int) -> int:
    """The first token from ``start`` (but not past ``stop``) that is no article or possessive: "the
    cost of their new plants" -> "new plants"."""
    while start < stop and doc[start].lower_ in ("the", "a", "an", "its", "their"):
        start += 1
    return start


def _relative_head_in(clause: Token, m: Mentioned) -> bool:
    """The relative ``clause`` hangs on ``m``, or on a noun in apposition to it ("X, a company that …")."""
    noun = clause.head
    for _ in range(2):
        if m.span.start <= noun.i < m.span.end:
            return True
        if noun.dep_ != "appos":
            break
        noun = noun.head
    return False


#: What a measure is published in: "a notification from the Ministry of Finance"
_NOTICES = {"notification", "notice", "decree", "order", "statement", "ruling", "circular", "gazette", "regulation",
            "announcement", "resolution", "directive"}
#: Words that only refer back to goods named before: "on the product", "for the material"
GOODS_ANAPHORS = {"product", "products", "goods", "material", "materials", "imports", "items", "plastic",
                   "chemical", "chemicals", "metal", "fibre", "fiber", "resin", "shipments", "cargoes", "consignments",
                   "entries"}


def _named_before(doc: Doc, sent: Span, start: int, goods: Span,
                  mentioned: list[Mentioned]) -> tuple[Span, Mentioned | None] | None:
    """For goods told as "the product", the goods the sentence named before the measure, with where
    they come from: "frozen warmwater shrimp from Vietnam had been sold … deposits of 25.76% on the
    product"."""
    words = [t for t in goods if t.lower_ not in ("the", "this", "these", "that")]
    if len(words) != 1 or words[0].lower_ not in GOODS_ANAPHORS or goods[0].lower_ not in ("the", "this", "these"):
        return None
    for m in mentioned:
        if m.type == "Country" and sent.start < m.span.start < start and doc[m.span.start - 1].lower_ == "from":
            head = doc[m.span.start - 1].head  # "shrimp" in "shrimp from Vietnam"
            if head.pos_ == "NOUN" and head.i < m.span.start - 1:
                first = head.left_edge.i
                while first < head.i and doc[first].lower_ in ("the", "a", "an", "that"):
                    first += 1
                return doc[first:head.i + 1], m
    # "Makers of graphite electrodes … surged after the ministry said it would impose duties on the product"
    # (and "Taiwanese producers of corrosion-resistant steel": where they are)
    named = FactExtractor._goods_before(doc, sent, start, _MAKER_NOUNS_PLURAL)
    if named is None:
        return None
    return named, next((m for m in mentioned if m.type == "Country" and m.span.root.head.i == named.start - 2), None)


def _moved_by(verb: Token, move_verbs: set[str]) -> bool:
    """``verb`` is a company's share move: "Kessler Thermotechnik, whose …, rose 7.4%"."""
    return verb.lemma_.lower() in move_verbs and any(
        c.dep_ == "nsubj" and c.ent_type_ in ("Company", "AnalystFirm") for c in verb.children)


def _measure_came_after(probe: Token, matches: list[tuple[str, int, int]]) -> bool:
    """"imposed duties on pipes after a year-long investigation", "The duties, recommended by the DGTR after an
    investigation into …": the probe a measure of another kind came out of, told as its background."""
    if probe.dep_ != "pobj" or probe.head.lower_ not in ("after", "following"):
        return False
    verb = probe.head.head
    measures = {i for kind, s, e in matches if kind != "Investigation" for i in range(s, e)}
    return verb.i in measures or verb.pos_ == "VERB" and (
        verb.dep_ in ("acl", "relcl") and verb.head.i in measures or
        any(c.dep_ in ("dobj", "nsubjpass") and c.i in measures for c in verb.children))


def _fronted_rate(sent: Span, groups: list[PercentGroup]) -> Decimal | None:
    """The rate a sentence opens with and then explains: "A flat 3 percent: that is the new repo rate",
    "Unchanged at 3.5 percent — that was the verdict on the policy rate"."""
    doc = sent.doc
    first = next((g for g in groups if g.start <= sent.start + 3), None)
    if first is None or first.end + 1 >= sent.end or doc[first.end].text not in (":", "—", "–", "-", ",") or \
            doc[first.end + 1].lower_ not in ("that", "this", "such"):
        return None
    return first.values[-1]


def _old_rate(doc: Doc, group: PercentGroup) -> bool:
    """"from 25 percent", "up from a provisional 15.6%": the rate before the change."""
    if group.start >= 2 and doc[group.start - 1].lower_ == "the" and doc[group.start - 2].lower_ in (
            "above", "below", "than", "over", "under"):
        return True  # "far above the 4.58% found in the previous review"
    for k in range(max(0, group.start - 3), group.start):
        if doc[k].lower_ == "from" and (k == group.start - 1 or k > 0 and doc[k - 1].lower_ in (
                "up", "down", "higher", "lower", "raised", "cut", "increased", "reduced", ",")):
            return not any(t.like_num for t in doc[k + 1:group.start])
    return False


#: Policy rates known by a name of their own: "lifted the Selic by 50 basis points", "cut the OCR"
_NAMED_RATES = {"selic", "ocr", "opr"}
#: What a sentence calls a policy rate when it tells where it stands: "Bank Rate", "the benchmark"
_RATE_NAMES = {"rate", "rates", "benchmark"}


#: A level told as a change from the one before: "250 basis points lower than before", "a quarter point below its
#: current level"
_RATE_CHANGED = re.compile(r"\b(?:basis points?|points?)\s+(?:lower|higher|below|above)\b|"
                           r"\b(?:lower|higher) than (?:before|previously)\b|"
                           r"\b(?:below|above) its (?:current|previous) level\b", re.I)


def _standing_rate(doc: Doc, group: PercentGroup) -> bool:
    """"The reference rate will stand at 4.25%", "Bank Rate remains at 3 percent", "The benchmark now
    stands at 12.25 percent", "the new level of 3.5 percent", "The new rate, 4.75%, …": the level a rate is at."""
    at = doc[group.start - 1] if group.start > 0 else None
    if at is not None and at.lower_ in ("now", "currently") and group.start >= 2 and \
            doc[group.start - 2].lemma_ == "be":
        at = doc[group.start - 2]  # "The Central Bank Rate (CBR) is now 8.75 percent"
    if at is not None and at.lower_ == "of" and group.start >= 3 and doc[group.start - 2].lower_ == "level" and \
            doc[group.start - 3].lower_ == "new":
        return True
    if at is not None and at.lower_ == "of" and _policy_rate(at.head) and at.head.dep_ == "nsubj" and \
            at.head.head.lemma_.lower() in ("apply", "take", "start", "begin") and \
            any(c.lower_ in ("will", "shall") for c in at.head.head.children):
        return True  # "A policy rate of 9.5 percent - three-quarters of a point above the current level - will apply
        # from Tuesday"
    if at is not None and at.text == "," and group.start >= 3 and doc[group.start - 2].lower_ in (
            "rate", "rates", "target", "level") and doc[group.start - 3].lower_ in ("new", "lower", "higher"):
        return True  # "The new rate, 4.75%, applies from Friday", "The new target, 1.5%, will be applied from …",
        # "the new level, 6.25 percent, takes effect from tomorrow"
    if at is not None and at.lemma_ == "be" and any(c.dep_ == "nsubj" and (_rate_noun(c) and
                                                                         any(d.lower_ in ("the", "new") or
                                                                             d.dep_ == "poss" for d in c.children) or
                                                                         _rate_told_before(c, at))
                                                    for c in at.children):
        return True  # "The rate will be 8.75% from Monday", "the Bank of Israel's benchmark rate is 3.75 percent",
        # "came off the target reverse repurchase rate of the BSP, which will be 4.75 percent from Monday"
    if at is not None and at.lower_ == "to" and at.head.lemma_.lower() in ("bring", "take") and (
            at.head.dep_ == "relcl" and at.head.head.lower_ in _RATE_NAMES | {"cut", "reduction", "increase", "hike"}
            or at.head.tag_ in ("VBZ", "VBD", "VBP") and
            any(c.dep_ == "dobj" and c.lower_ in _RATE_NAMES | {"rate"} for c in at.head.children)):
        # "A half-point reduction in the refinancing rate, which brings it to 3.5%, …", "A quarter-point reduction
        # brings the current-account rate of Danmarks Nationalbank to 1.85 percent" (not a forecast "taking the
        # policy rate to 0.75 percent by December")
        return True
    told = [t.lower_ for t in doc[group.end:min(group.end + 3, len(doc))] if t.text != ","]
    if at is not None and at.lower_ == "at" and told[:2] in (["is", "where"], ["was", "where"]):
        return True  # "Unchanged at 2.5 percent is where the Bank of Korea left its base rate"
    # (or "It will stand at 5.5% from Thursday", after the decision; "the policy rate, which now stands at 24.5%";
    # "the discount rate of the CBC is set at 2.25 percent", "the repo rate … is to stand at 1.2 percent")
    if at is None or at.lower_ != "at":
        return False
    verb = at.head
    # (a rate that is set is a bank's only when named so: not "the rate for Vietnamese products was set at 21.5%")
    named = _policy_rate if verb.tag_ == "VBN" and verb.lemma_.lower() in ("set", "fix", "peg") and any(
        c.dep_ == "auxpass" for c in verb.children) else _rate_noun if verb.lemma_.lower() in (
        "stand", "sit", "remain", "stay") else None
    # ("The one-week repo rate, the CBRT said in Ankara, now stands at 27 percent": the rate hung on "said")
    told_aside = verb.dep_ == "ccomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return named is not None and any(
        c.dep_ in ("nsubj", "nsubjpass") and (
            named(c) or c.lower_ == "it" and c.i == c.sent.start or _rate_told_before(c, verb))
        for c in chain(verb.children, verb.head.children if verb.dep_ == "xcomp" or told_aside else ()))


def _rate_told_before(subject: Token, verb: Token) -> bool:
    """``subject`` is "which" of a relative clause on a rate: "the policy rate, which now stands at 24.5%" (or on
    the bank, where the parser hangs it: "the base rate of the HKMA, which from tomorrow will stand at 4 percent")."""
    return subject.lower_ == "which" and verb.dep_ == "relcl" and (
        verb.head.lower_ in _RATE_NAMES or
        verb.head.ent_type_ == "GovernmentBody" and verb.head.i >= 3 and any(
            _policy_rate(t) for t in verb.doc[max(verb.sent.start, verb.head.i - 12):verb.head.i]))


def _rate_noun(tok: Token) -> bool:
    """A noun that names a rate: "the rate", "the benchmark", "the cash rate target"."""
    return tok.lower_ in _RATE_NAMES or _policy_rate(tok)


#: Verbs whose object is a move told as a noun: "managed a 0.1 percent gain", "eked out a 0.1% gain"
_MOVE_TAKERS = {"post", "record", "notch", "manage", "log", "book", "register", "suffer", "chalk", "eke", "scrape",
                "squeeze"}
#: Verbs whose subject, a move told as a noun, takes the index along: "A 2.3 per cent surge carried the KSE-100"
#: Which way a move went, told after its amount: "closing 0.7 per cent higher"
_AFTER_AMOUNT = {"higher": 1, "up": 1, "firmer": 1, "stronger": 1, "lower": -1, "down": -1, "weaker": -1}
#: Who speaks for a body: "a Ministry of Finance spokesman said"
_SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "official", "officials", "representative"}
#: Verbs that tell how large a move was: "for HSBC Holdings the slippage came to 0.8 percent"
_AMOUNTING = {"come", "amount", "total", "run"}
_MOVE_CARRIERS = {"carry", "take", "lift", "push", "send", "leave", "drag", "pull", "bring", "propel", "drive"}
#: Words after a move told as a noun that make it a longer span's, no session's: "a 20 percent gain this year"
_SPAN_WORDS = {"this", "since", "so", "year", "week", "month", "ytd", "year-to-date", "past", "last"}
#: Dashes that set off a phrase
_DASHES = ("-", "—", "–")
#: A price told in a currency with a dollar sign: "$0.04", "HK$3.20", "S$0.04"
_PRICE = re.compile(r"[A-Z]{0,3}\$\d")
#: Words after a percentage that tell its sign: "0.7 percent weaker", "1.2 percent higher"
_SET_OFF_SIGNS = {"higher", "lower", "up", "down", "firmer", "stronger", "weaker", "softer", "richer", "poorer"}
#: The span a close verb may name before its level: "finished the week at 4,918.44"
_THE_SESSION = (["the", "week"], ["the", "day"], ["the", "session"])
#: "At 4,216.35 by the close, …": the words after a fronted level that say it was the close
_BY_THE_CLOSE = [["by", "the", w] for w in ("close", "end", "finish", "bell")]


def _by_the_close(words: list[str]) -> int:
    """How many of ``words`` say "by the close" ("by the bell", "by the final bell"), else 0."""
    if words[:3] in _BY_THE_CLOSE:
        return 3
    return 4 if len(words) >= 4 and words[:2] == ["by", "the"] and ["by", "the", words[3]] in _BY_THE_CLOSE else 0
#: The forms of the verbs that tell an index's close: "closed at", "finishing at", "to settle at"
_CLOSE_FORMS = {"finish", "close", "end", "settle", "finished", "closed", "ended", "settled", "finishing", "closing",
                "ending", "settling", "stand", "stood", "standing"}
#: Words that make a rate a central bank's: "the policy rate", "the benchmark base rate", "the deposit facility rate"
_RATE_QUALIFIERS = {"policy", "key", "benchmark", "deposit", "repo", "base", "refinancing", "lending", "overnight",
                    "reference", "discount", "cash", "facility", "bank", "intervention", "account",
                    "repurchase", "target"}
#: … and what makes a sentence about one a guess: "Economists reckon the base rate will stand at 3%"
_GUESSES = {"expect", "forecast", "predict", "reckon", "see", "think", "bet", "price", "estimate", "anticipate",
            "believe"}


_RATE_SETTER = re.compile(r"bank|banco|banque|bangko|reserve|\bfed\b|monetary|central", re.I)


def sets_rates(name: str) -> bool:
    """A body that may set a policy rate, by its name: a central bank, a reserve bank, a monetary council."""
    return _RATE_SETTER.search(name) is not None


def _guessed(sent: Span) -> bool:
    """The sentence tells what someone expects: "We see the bank cutting twice more, taking the rate to 1.75%"
    (but not "… announced that the policy rate would come down", what was decided)."""
    return any(t.lemma_.lower() in _GUESSES or t.lower_ in ("could", "might", "may", "should", "probably")
               for t in sent) or any(t.lower_ == "would" for t in sent) and not any(
        t.lemma_.lower() in ("announce", "decide", "say", "confirm") and t.tag_ == "VBD" for t in sent)


def _policy_rate(tok: Token) -> bool:
    """``tok`` names a central bank's rate: "the reference rate", "Bank Rate", "the Selic"."""
    return tok.lower_ in _NAMED_RATES or tok.lower_ in ("rate", "rates") and any(
        t.lower_ in _RATE_QUALIFIERS for t in tok.lefts) or tok.lemma_.lower() == "target" and any(
        c.dep_ == "compound" and _policy_rate(c) for c in tok.children)  # ("the cash rate target")


def _policy_rate_level(sent: Span, groups: list[PercentGroup]) -> Decimal | None:
    """The level a central bank's rate is told at without a verb of cutting or raising it: "Left unchanged at
    two and a quarter per cent, the benchmark base rate has …", "The reference rate now stands at 3.75 per cent",
    "the policy rate would come down by 150 basis points, to 9.5 per cent", "Seven and a quarter per cent: that is
    where the MNB now has its base rate", "At 2.5 per cent, the deposit facility rate will take effect on …"."""
    doc = sent.doc
    if _guessed(sent):
        return None
    subject = next((t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and _policy_rate(t)), None)
    for g in groups:
        if subject is None or _old_rate(doc, g) or len(g.values) > 1:
            continue
        before = doc[g.start - 1] if g.start > sent.start else None
        if before is not None and before.lower_ == "at" and g.start - sent.start <= 3 or _standing_rate(doc, g):
            return g.values[0]  # "Left unchanged at 2.25 per cent, the benchmark base rate …", "At 2.5 per cent, …"
        mover = before.head if before is not None and before.lower_ == "to" else None
        if mover is not None and mover.lemma_.lower() in ("come", "go", "rise", "fall", "drop", "climb", "decline",
                                                          "move") and (subject.head.i == mover.i or
                                                                       mover.dep_ == "xcomp" and
                                                                       subject.head.i == mover.head.i):
            return g.values[0]  # "the policy rate would come down by 150 basis points, to 9.5 per cent" (or "is to
            # rise to 2.75 percent")
    fronted = _fronted_rate(sent, groups)
    if fronted is not None and any(_policy_rate(t) for t in sent):
        return fronted  # "Seven and a quarter per cent: that is where the MNB now has its base rate"
    return None


def _later_step(doc: Doc, group: PercentGroup) -> bool:
    """"levied at 15% in the first year before tapering to 12% and then 10%": a later step of the
    same duty's schedule, no measure of its own."""
    before = doc[group.start - 1] if group.start > 0 else None
    if before is None:
        return False
    if before.lower_ == "then":
        return True
    verb = before.head
    # (but "Export duties on soybean meal will drop to 18 percent from 24 percent": the new rate itself)
    return before.lower_ == "to" and verb.lemma_.lower() in (
        "taper", "fall", "decline", "ease", "drop", "step", "reduce", "decrease", "phase", "shrink") and (
        verb.tag_ == "VBG" or verb.dep_ in ("conj", "advcl", "pcomp", "xcomp"))


def _joined(first: Span, second: Span) -> bool:
    """``second`` follows ``first`` with only "and" (or "or", "the") between: "from China and Indonesia"."""
    between = [t.lower_ for t in first.doc[first.end:second.start]] if first.end <= second.start else [
        t.lower_ for t in first.doc[second.end:first.start]]
    return bool(between) and between[0] in ("and", "or") and all(w in ("and", "or", "the") for w in between)


def _to_companies(doc: Doc, start: int, stop: int) -> bool:
    """Goods are shipped "to the two companies", "to them", "to the company", or one may "sell them" goods:
    to listed companies, not to a country."""
    for tok in doc[start:stop]:
        if tok.dep_ in ("dative", "dobj") and tok.head.lemma_.lower() in ("sell", "supply", "ship") and (
                tok.lower_ == "them" or tok.lemma_.lower() in _COMPANY_NOUNS and
                any(c.lower_ in ("the", "these", "those", "both") for c in tok.children)) and (
                tok.dep_ == "dative" or tok.head.lemma_.lower() == "supply"):
            # "suppliers will need licences to sell them US technology", "to sell the two companies any item",
            # "to supply the two firms with almost any item"
            return True
        if tok.lower_ != "to" or tok.dep_ not in ("prep", "dative"):
            continue
        k = tok.i + 1
        while k < stop and (doc[k].lower_ in ("the", "these", "those", "both", "listed", "two", "three", "four")):
            k += 1
        if k < stop and (doc[k].lemma_.lower() in _COMPANY_NOUNS | {"entity"} and k > tok.i + 1 and (
                doc[k].tag_ == "NNS" or  # (not "permits will go only to companies that …")
                # "any shipment of US-origin goods to the company will require a licence"
                doc[k - 1].lower_ == "the" and (k + 1 >= len(doc) or doc[k + 1].tag_ != "POS")) or
                         doc[k].lower_ == "them" and k == tok.i + 1):
            return True
    return False


def _describes(tok: Token, named: list[Mentioned]) -> bool:
    """``tok`` is a word of what a named entity is, in the lower-case words just before the name: "payments firm"
    in "and payments firm Fawry 3.0 per cent", "conglomerate" in "and conglomerate JG Summit Holdings 2.0 per cent"."""
    doc = tok.doc
    for m in named:
        words = doc[max(0, m.span.start - 3):m.span.start]
        if words.start <= tok.i < words.end and all(
                t.is_alpha and t.is_lower and t.lower_ not in ("and", "or", "while", "with", "but", "as", "than")
                for t in doc[tok.i:m.span.start]):
            return True
    return False


def _in_apposition(tok: Token, named: list[Mentioned]) -> bool:
    """``tok`` is a word of what a named entity is, set off after the name: "the day's heavyweight leader" in "and
    SoftBank Group, the day's heavyweight leader, 3.2 percent"."""
    return any(c.dep_ == "appos" and c.i >= m.span.end and c.left_edge.i <= tok.i <= c.i
               for m in named for c in m.span.root.children)


def described_company(tok: Token, *, the: bool = True) -> bool:
    """``tok`` (after "the", unless ``the`` is false) describes a company instead of naming it: "the
    company", "the Busan-based shipbroker", "the Athens-based shipowner", "the freight forwarder"."""
    if tok.pos_ != "NOUN" or the and not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    return tok.lemma_.lower() in _COMPANY_NOUNS or any(c.lower_ == "based" for c in tok.children) or \
        tok.lemma_.lower() == "house" and any(c.lower_ in _HOUSE_TRADES for c in tok.children) or \
        tok.lower_.endswith(("er", "or")) and tok.lemma_.lower() not in _THINGS_IN_ER or \
        tok.lower_ == "chain" and any(c.dep_ in ("compound", "amod") and c.lower_ not in _NOT_RETAIL
                                      for c in tok.children)  # ("the pharmacy chain")


#: What makes "the … house" a company: "the trading house", "the fashion house"
_HOUSE_TRADES = {"trading", "fashion", "brokerage", "auction", "publishing", "investment", "design", "software",
                 "commodity", "commodities", "finance", "discount"}
#: What makes "the … chain" no company: "the supply chain", "the cold chain"
_NOT_RETAIL = {"supply", "value", "cold", "food", "production", "distribution", "global", "whole", "entire"}


def _clause_subjects(verb: Token) -> list[Token]:
    """The subjects of the clause a move word stands in: its verb's, or for a participle that hangs on another verb
    ("The operator was routed, plunging 29.4 percent") that verb's."""
    clause = verb if verb.pos_ in ("VERB", "AUX") else verb.head
    own = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not own and clause.tag_ == "VBG" and clause.dep_ in ("advcl", "conj", "xcomp"):
        own = [c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return own


def _in_range(doc: Doc, group: PercentGroup, groups: list[PercentGroup]) -> bool:
    """``group`` is an end of a range: "ranging from 17.8 percent to 32.1 percent", "between 21.9 percent and
    42.7 percent" (no one rate)."""
    low = group.start > 0 and doc[group.start - 1].lower_ in ("to", "and") and any(
        o.end == group.start - 1 and o.start > 0 and doc[o.start - 1].lower_ in ("from", "between") for o in groups)
    high = group.end < len(doc) and doc[group.end].lower_ in ("to", "and") and any(
        o.start == group.end + 1 for o in groups) and group.start > 0 and doc[group.start - 1].lower_ in (
        "from", "between")
    return low or high


def _time_aside(doc: Doc, i: int, limit: int) -> bool:
    """Token ``i`` is in a time set off by commas: ", as of next Monday,", ", from the first of June,"."""
    left = next((k for k in range(i, max(i - 7, -1), -1) if doc[k].text == ","), None)
    right = next((k for k in range(i, min(i + 7, limit)) if doc[k].text == ","), None)
    return left is not None and right is not None and right - left <= 7 and \
        resolve_date(doc[left + 1:right].text, date(2000, 1, 1)) is not None


def _placed_on(lst: Token) -> bool:
    """Someone is put on the list ``lst`` names: "put on an export control list", "added to its list"."""
    verb = lst.head.head if lst.dep_ == "pobj" else lst.head
    return verb.lemma_.lower() in ("put", "place", "add", "include", "name") and (
        lst.dep_ == "pobj" and lst.head.lower_ in ("on", "to") or
        lst.dep_ == "dobj" and any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children))


def _noun_phrase_head(tok: Token) -> Token:
    """The noun a modifier's chain of compounds ends on: "lumber" for "Canadian" in "Canadian softwood lumber"."""
    while tok.dep_ in ("amod", "compound") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _forbidden_shipment(verb: Token) -> bool:
    """Goods that may no longer go abroad: "Raw cashew nuts may no longer be shipped out of Nigeria", "no more
    copper concentrate may be shipped overseas", "bauxite can no longer be exported"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ("ship", "export", "sell", "send") or \
            not any(c.dep_ == "aux" and c.lower_ in ("may", "can", "could", "will", "shall") for c in verb.children):
        return False
    children = list(verb.children)
    subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
    denied = any(c.dep_ == "neg" for c in children) or any(
        c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in children) or (
        subject is not None and any(t.lower_ == "no" for t in subject.subtree))
    abroad = verb.lemma_.lower() == "export" or any(c.lower_ in ("abroad", "overseas") for c in children) or any(
        c.dep_ == "prep" and c.lower_ == "out" for c in children) or any(
        c.dep_ == "prep" and c.lower_ == "to" and any(t.ent_type_ == "Country" for t in c.subtree) for c in children)
    return denied and abroad and subject is not None


def _imposed_on(trigger: Token) -> Span | None:
    """The goods a duty told as the subject "was imposed on": "Countervailing duties of 19.4 percent … were
    imposed on glass fibre rovings and chopped strand mats" (or that it "awaits")."""
    verb = trigger.head
    awaited = next((c for c in verb.children if c.dep_ == "dobj"), None) if trigger.dep_ == "nsubj" and \
        verb.lemma_.lower() in ("await", "greet", "confront") else None
    if awaited is not None and not awaited.ent_type_:
        # "A regulatory duty of 27 per cent awaits enamelled copper winding wire from India": what it awaits
        return trigger.doc[_after_determiners(trigger.doc, awaited.left_edge.i, awaited.i):awaited.i + 1]
    if trigger.dep_ != "nsubjpass" or verb.lemma_.lower() not in ("impose", "levy", "place", "slap", "set"):
        return None
    on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"), None)
    goods = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
    if goods is None or goods.ent_type_:
        return None
    return trigger.doc[_after_determiners(trigger.doc, goods.left_edge.i, goods.i):goods.right_edge.i + 1]


def _only_origin(goods: Span) -> bool:
    """``goods`` names no more than where they come from: "Thai shipments", "Chinese producers"."""
    return any(t.ent_type_ == "Country" for t in goods) and all(
        t.ent_type_ == "Country" or t.lower_ in _BARE_GOODS or t.lower_ in ("the", "ones", "producers", "suppliers",
                                                                          "exporters", "makers", "origin", "supplies",
                                                                          "material", "materials", "product")
        for t in goods)


def _shipped_from(m: Mentioned) -> bool:
    """``m`` is where shipments come from: "on shipments from the United States", "imports from Japan"."""
    source = _from_before(m)
    return source is not None and source.head.lemma_.lower() in (
        "shipment", "import", "cargo", "consignment", "good", "product", "delivery")


#: Companies named by their tie to another: "its shipping affiliate, Gulfstar Maritime"
_RELATED_COMPANIES = {"affiliate", "subsidiary", "unit", "arm", "parent", "sister"}


def _with_origin(span: Span) -> Span:
    """``span`` with the origin told right after it: "those" + "in Vietnam"."""
    doc, end = span.doc, span.end
    if end + 1 < len(doc) and doc[end].lower_ in ("in", "from") and doc[end + 1].ent_type_ == "Country":
        end += 2
        while end < len(doc) and doc[end].ent_type_ == "Country" and doc[end].ent_iob_ == "I":
            end += 1
    return doc[span.start:end]


def _origin_holders(span: Span) -> bool:
    """``span`` names who holds goods of an origin, not goods: "Chinese producers", "those in Vietnam"."""
    words = [t for t in span if t.lower_ not in ("the", "those", "in", "from", "its", "their")]
    # (or what comes from there: "41.6% for Chinese shipments and 22.9% for those from Malaysia")
    holders = _ORIGIN_HOLDERS | {"supplier", "shipment", "import", "export", "product", "supply", "material", "cargo"}
    return any(t.ent_type_ == "Country" for t in span) and bool(words) and all(
        t.ent_type_ == "Country" or t.lemma_.lower() in holders for t in words) and (
        any(t.lemma_.lower() in holders for t in words) or span[0].lower_ == "those")


def _from_before(m: Mentioned) -> Token | None:
    """The "from" ``m`` follows (also as "from the"): "shipments from the Netherlands"."""
    doc, k = m.span.doc, m.span.start - 1
    while k > 0 and doc[k].lower_ == "the":
        k -= 1
    return doc[k] if k >= 0 and doc[k].lower_ == "from" else None


def _after_from(m: Mentioned) -> bool:
    """``m`` follows "from" (or "from the"): "shipments from the Netherlands"."""
    return _from_before(m) is not None


def _told_origin(m: Mentioned) -> bool:
    """``m`` comes after a participle that says where goods come from: "made in China", "shipped from Japan"."""
    doc, k = m.span.doc, m.span.start
    return k >= 2 and doc[k - 1].lower_ in ("from", "in") and doc[k - 2].tag_ == "VBN" and \
        doc[k - 2].lemma_.lower() in _ORIGIN_VERBS


def _made_in(m: Mentioned) -> bool:
    """"Chinese-made", "US-origin": the country where goods come from."""
    doc, end = m.span.doc, m.span.end
    return m.type == "Country" and end + 1 < len(doc) and doc[end].text == "-" and _glued(doc, end + 1) and \
        doc[end + 1].lower_ in ("made", "origin", "built", "produced", "manufactured", "sourced")


def _glued(doc: Doc, i: int) -> bool:
    """``doc[i]`` is the inner part of a hyphenated word: "in" of "bone-in", "to" of "air-to-water"."""
    return i > 1 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_


#: "in breach of sanctions": a measure in force that someone broke
_BREACH_WORDS = {"breach", "breaches", "violation", "violations", "evasion", "circumvention", "defiance", "abuse", "misuse"}
#: Who gets a subsidy or pays a duty, not what it is for: "Every rice farmer will receive …"
_PEOPLE_NOUNS = {"farmer", "worker", "household", "family", "consumer", "buyer", "resident", "student", "owner",
                 "driver", "employer", "applicant", "exporter", "importer", "producer", "maker", "manufacturer",
                 "operator", "retailer", "investor", "taxpayer", "pensioner", "citizen", "homeowner", "motorist"}
#: Nouns before a measure's name that say what kind of measure it is, not what it is on
_MEASURE_MODIFIERS = {"tax", "export", "import", "state", "cash", "government", "investment", "production", "purchase",
                      "consumer", "trade", "price", "capital", "income", "sales", "customs", "border", "retaliatory",
                      "percentage", "point", "rate", "interest", "trial", "pilot", "scheme", "programme", "program"}
#: Money, which is no goods
_CURRENCIES = {"euros", "euro", "dollars", "dollar", "yen", "yuan", "renminbi", "pesos", "rupees", "rupiah", "won",
               "baht", "ringgit", "rand", "reais", "real", "kronor", "krona", "kroner", "krone", "crowns", "francs",
               "pounds", "sterling", "dirhams", "riyals", "shekels", "lira", "liras", "zloty", "zlotys", "forints",
               "dong", "naira", "shillings", "ruble", "rubles", "roubles"}
#: Where a company makes things: "a plant in Caserta making battery cells", "its nickel sulphate refinery"
_PLANT_NOUNS = {"plant", "factory", "refinery", "mill", "smelter", "facility", "foundry", "fab", "line", "works"}
_MAKING_VERBS = {"make", "produce", "build", "manufacture", "assemble", "process", "refine", "turn", "supply"}


def _spending(span: Span) -> bool:
    """``span`` names money spent, not goods: "investment in green industry", "green industry investments"."""
    words = [t for t in span if t.lower_ not in ("the", "a", "an", "their", "its")]
    return bool(words) and (any(t.lemma_.lower() in ("investment", "spending", "expenditure", "outlay")
                                for t in (words[0], words[-1])) or
                            # ("a grant equal to a quarter of their cost": a share of a cost, no goods)
                            words[-1].lower_ in ("cost", "costs", "price") and
                            any(words[0].lower_ == w[-1] for w in _FRACTIONS))


def _plant_goods(doc: Doc, start: int, limit: int, making_only: bool = False) -> Span | None:
    """What the plant a subsidy pays for will make: "to build a plant in Caserta making lithium iron
    phosphate cells", "toward a plant that will use hydrogen to make sponge iron", "grants toward the
    company's nickel sulphate refinery" (not that last, ``making_only``)."""
    for tok in doc[start:limit]:
        if tok.lemma_.lower() not in _PLANT_NOUNS or tok.pos_ != "NOUN":
            continue
        after = doc[tok.right_edge.i + 1:min(limit, tok.right_edge.i + 2)]  # "a plant in Caserta making …"
        for verb in (t for t in chain(tok.subtree, after) if t.i > tok.i and t.pos_ == "VERB" and
                     t.lemma_.lower() in _MAKING_VERBS and t.i < limit):
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is not None:
                first = _after_determiners(doc, obj.left_edge.i, obj.i)
                last = obj.i + 1
                while last <= obj.right_edge.i and doc[last].lower_ not in _GOODS_STOP and \
                        doc[last].text not in (",", ";", "."):
                    last += 1
                if last < limit and doc[last].text == ",":
                    last = _rest_of_list(doc, last, limit)  # ("fuel cells, heat exchangers and air compressors")
                return doc[first:last]
        modifiers = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i and
                     c.pos_ in ("NOUN", "PROPN") and not c.ent_type_]
        if modifiers and not making_only:
            return doc[min(m.left_edge.i for m in modifiers):tok.i]
    return None


#: A share of these paid back is a subsidy: "claim back 30% of the cost", "would fund 45% of the investment"
_COST_NOUNS = {"cost", "costs", "price", "investment", "investments", "value", "spending", "outlay", "bill", "bills",
               "expense", "expenses", "purchase"}
#: Verbs whose subject gets the money back ("companies will be able to deduct 20 percent of …")
_CLAIM_VERBS = {"claim", "reclaim", "deduct", "recoup", "recover", "offset", "write"}
#: Verbs whose subject pays: a subsidy when that is a government ("Berlin would fund up to 45% of the cost")
_FUND_VERBS = {"fund", "pay", "cover", "subsidise", "subsidize", "meet", "bear", "shoulder", "finance", "refund",
               "reimburse", "match", "co-finance", "co-fund", "foot"}
#: … and their participles, when a body pays a share
_FUNDED = {"funded", "paid", "covered", "subsidised", "subsidized", "reimbursed", "met", "financed", "refunded",
           "borne", "co-funded", "co-financed", "picked"}  # ("picked up by the Ministry of Environment")
_STATE_NOUNS = {"government", "state", "treasury", "ministry", "agency", "authority", "city", "province", "department"}
#: Percentages told in words: "Forty per cent of the cost", "two and a half per cent", "twenty-seven percent"
_UNIT_WORDS = {w: i + 1 for i, w in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                                "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                                                "seventeen", "eighteen", "nineteen"))}
_TENS_WORDS = {w: 10 * (i + 2) for i, w in enumerate(("twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                                                      "eighty", "ninety"))}
#: … and the fraction after "and": "and a half", "and a quarter", "and three-quarters"
_AND_FRACTIONS = {("a", "half"): Decimal("0.5"), ("one", "half"): Decimal("0.5"), ("a", "quarter"): Decimal("0.25"),
                  ("one", "quarter"): Decimal("0.25"), ("three", "quarters"): Decimal("0.75"),
                  ("three", "-", "quarters"): Decimal("0.75")}


def _spelled_number(words: list[str]) -> Decimal | None:
    """The value of a number spelled out in full: "twenty - seven", "six and a quarter", "a hundred"; else None."""
    whole, rest = None, words
    if rest[:2] in (["a", "hundred"], ["one", "hundred"]):
        whole, rest = Decimal(100), rest[2:]
    elif rest and rest[0] in _TENS_WORDS:
        whole, rest = Decimal(_TENS_WORDS[rest[0]]), rest[1:]
        if rest[:1] == ["-"] and rest[1:2] and rest[1] in _UNIT_WORDS and _UNIT_WORDS[rest[1]] < 10:
            whole, rest = whole + _UNIT_WORDS[rest[1]], rest[2:]
    elif rest and rest[0] in _UNIT_WORDS:
        whole, rest = Decimal(_UNIT_WORDS[rest[0]]), rest[1:]
    if whole is None:
        return None
    if not rest:
        return whole
    if rest[0] == "and" and tuple(rest[1:]) in _AND_FRACTIONS:
        return whole + _AND_FRACTIONS[tuple(rest[1:])]
    return None


def _spelled_percent(doc: Doc, unit: int) -> tuple[int, Decimal] | None:
    """The first token and value of the number words before a percent word at `unit`: the longest reading."""
    for start in range(max(0, unit - 6), unit):
        if doc[start].lower_ in ("and", "-") or start > 0 and (doc[start - 1].lower_ == "-" or (
                doc[start - 1].lower_ in _TENS_WORDS and doc[start].lower_ == "-")):
            continue
        value = _spelled_number([t.lower_ for t in doc[start:unit]])
        if value is not None:
            return start, value
    return None


#: Shares told as fractions: "half the cost", "a third of the price", "two thirds of the investment"
_FRACTIONS = {("half",): Decimal(50), ("a", "third"): Decimal("33.3"), ("one", "third"): Decimal("33.3"),
              ("a", "quarter"): Decimal(25), ("one", "quarter"): Decimal(25), ("two", "thirds"): Decimal("66.7"),
              ("three", "quarters"): Decimal(75), ("a", "fifth"): Decimal(20), ("one", "fifth"): Decimal(20),
              ("two", "fifths"): Decimal(40), ("three", "fifths"): Decimal(60), ("four", "fifths"): Decimal(80),
              ("a", "tenth"): Decimal(10), ("one", "tenth"): Decimal(10)} | {
    (word, "tenths"): Decimal(10 * n) for n, word in enumerate(("two", "three", "four", "five", "six", "seven", "eight",
                                                              "nine"), start=2)}
_FRACTIONS |= {(words[0], "-", words[1]): value for words, value in _FRACTIONS.items()
               if len(words) == 2 and words[0] != "a"}  # ("three-fifths")
#: A value a duty is charged on ("a fifth of the declared value"), unlike "lost a third of its value"
_DUTIABLE = {"declared", "customs", "invoice", "import", "dutiable", "assessed", "transaction"}


_FRACTION_ENDS = {words[-1] for words in _FRACTIONS}


def _fraction_of_cost(doc: Doc, i: int) -> tuple[int, Decimal] | None:
    """The first token and the percentage of a fraction of a cost that ends at token ``i``: "half the
    cost of …", "up to half of the research costs", "a third of the price" (not "half the shares")."""
    tok = doc[i]
    if tok.lower_ not in _FRACTION_ENDS:
        return None  # (most tokens: this runs on every token of every article)
    for words, value in _FRACTIONS.items():
        start = i - len(words) + 1
        if start < 0 or tuple(t.lower_ for t in doc[start:i + 1]) != words:
            continue
        # (not "lost a third of its value": a fall)
        # ("half their declared value")
        if tok.dep_ == "predet" and (tok.head.lower_ in _COST_NOUNS - {"value"} or tok.head.lower_ == "value" and any(
                a.lower_ in _DUTIABLE for a in tok.head.children)) or any(
                c.dep_ == "prep" and c.lower_ == "of" and any(
                    p.dep_ == "pobj" and (p.lower_ in _COST_NOUNS - {"value"} or p.lower_ == "value" and any(
                        a.lower_ in _DUTIABLE for a in p.children)) for p in c.children) for c in tok.children):
            return start, value
    return None
#: … or a new scheme (not "the subsidy covered 40% of the cost of its plant": one named before)
_SCHEME_NOUNS = {"scheme", "programme", "program", "fund", "grant", "grants", "subsidy", "subsidies", "rebate",
                 "rebates", "incentive", "incentives"}


#: What a body grants that is no money: "which will grant permits only after …"
# what a freeze that is a sanction holds: "froze the trader's assets", "the freezing of its accounts"
_FROZEN = frozenset({"asset", "fund", "account", "property", "holding"})  # (lemmas)
_GRANTED_LEAVE = {"permit", "licence", "license", "approval", "exemption", "waiver", "access", "permission",
                  "extension", "request", "clearance", "authorisation", "authorization", "consent"}


#: Shipping, told as a gerund the parser may take for a noun
_SHIPPING = {"shipping", "exporting", "selling", "sending", "supplying"}
#: … and the nouns for what is shipped somewhere ("a licence for every shipment to China")
_SHIPMENTS = _SHIPPING | {"shipment", "shipments", "consignment", "consignments", "deliveries", "exports", "sales"}


#: Participles that tell what goods are for or where they go, after the goods' name
_PURPOSE_PARTICIPLES = {"used", "bound", "destined", "intended", "meant", "designed", "headed"}


def _rest_of_list(doc: Doc, end: int, limit: int) -> int:
    """Where a list of goods that a comma at ``end`` interrupts ends: ", cryogenic amplifiers and
    quantum control chips" (``end`` itself where no "and"/"or" closes a list of nouns)."""
    k = end
    while k < limit and (doc[k].text in (",", "-") or doc[k].lower_ in ("and", "or") or
                         doc[k].pos_ in ("ADJ", "NOUN", "PROPN") or
                         # a word the tagger took for a verb inside a name: "wafer cleaning equipment",
                         # "high-purity sputtering targets"
                         doc[k].pos_ == "VERB" and k + 1 < limit and doc[k + 1].pos_ in ("NOUN", "ADJ") and (
                             doc[k - 1].text in (",", "-") or doc[k - 1].lower_ in ("and", "or") or
                             doc[k].tag_ == "VBG" and doc[k].dep_ == "amod")) and \
            doc[k].ent_type_ not in ("Country", "Company", "GovernmentBody", "City"):
        k += 1
    while k > end and (doc[k - 1].text == "," or doc[k - 1].lower_ in ("and", "or")):
        k -= 1
    return k if any(t.lower_ in ("and", "or") for t in doc[end:k]) and k > end + 1 else end


#: Verbs a body pays "for" a share with: "will pay for half of", "would reimburse farmers for 40% of"
_PAID_FOR = {"pay", "reimburse", "compensate", "refund"}


def _share_token(doc: Doc, end: int) -> Token:
    """The word that stands for a share ending at token ``end``, in the parse: "40%", the number of
    "Forty per cent", the cost of "half the cost"."""
    share = doc[end - 1]
    if share.lower_ == "cent" and share.dep_ == "pobj" and share.head.lower_ == "per" and share.head.head.like_num:
        return share.head.head
    return share.head if share.dep_ == "predet" else share


def _after_dumping(tok: Token) -> bool:
    """True when the sentence of ``tok``, or the one before it, finds goods dumped or subsidised: the
    deposits it names are duties ("found that rubber from Korea had been dumped … Importers will have to
    lodge deposits of 17.3%")."""
    sent = tok.sent
    before = tok.doc[sent.start - 1].sent if sent.start > 0 else sent
    return any(t.lemma_.lower() in ("dump", "dumping", "subsidise", "subsidize") or t.lower_ == "fair" and
               t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "value" for s in (before, sent) for t in s)


def _holders_only(span: Span) -> bool:
    """``span`` names only who holds the goods, with no origin: "most exporters", "all other producers"."""
    holders = {"exporter", "producer", "manufacturer", "maker", "supplier", "shipper", "importer"}
    return all(t.lower_ in ("most", "all", "other", "remaining", "some", "many") or t.lemma_.lower() in holders
               for t in span) and span[-1].lemma_.lower() in holders


def _in_reason(tok: Token, after: int) -> bool:
    """True when ``tok`` is told in the reason a body gave after the measure: "…, the ministry said,
    saying local producers had been losing ground to leg quarters shipped from Brazil"."""
    return any(a.tag_ == "VBG" and a.lemma_.lower() in ("say", "cite", "argue", "note", "add") and a.i >= after and
               a.dep_ in ("advcl", "xcomp", "conj") and a.head.lemma_.lower() in ("say", "announce", "state")
               for a in tok.ancestors)


def _background(verb: Token) -> bool:
    """"The policy rate, which the BoZ had held at 13.5% since November, was lowered …": what the rate
    was before, told in a relative clause in the past perfect."""
    return verb.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _use_follows(doc: Doc, j: int, limit: int) -> bool:
    """"steel wheels for trucks and trailers", "radial tyres for buses": what the goods are for, part of their
    name (not "for five years", "for Chinese producers", "for most exporters", "for importers")."""
    if doc[j].lower_ != "for" or j + 1 >= limit or doc[j - 1].pos_ != "NOUN":
        return False
    k = j + 1
    while k < limit and doc[k].tag_ == "NNS" or k < limit and doc[k].lower_ in ("and", "or") and k > j + 1:
        k += 1
    return k > j + 1 and doc[k - 1].tag_ == "NNS" and not any(
        t.ent_type_ or t.lemma_.lower() in _MAKER_NOUNS | _ORIGIN_HOLDERS or t.lower_ in (
            "years", "months", "weeks", "days", "consumers", "households", "farmers", "companies", "firms")
        for t in doc[j + 1:k])


def _searched_place(noun: Token, governors: dict[int, int]) -> bool:
    """True when ``noun`` is reached from a verb in ``governors`` through "at the offices of" and names
    only: the place a search or an inspection took place, or whose it was."""
    node, premises = noun, False
    while node.dep_ in ("pobj", "prep", "appos", "conj", "compound") and node.head.i != node.i:
        premises = premises or node.lower_ in _PREMISES
        node = node.head
        if node.i in governors:
            return premises
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


def _cost_share_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb of a subsidy told as a share of a cost paid back: "will be able to claim back up to
    30% of the cost", "the government would pay up to 50 percent of the cost of clinical trials",
    "exporters can reclaim 4 per cent of the value of their shipments"."""
    told = doc[end] if end < len(doc) else None
    if told is not None and told.lower_ in _FUNDED and told.pos_ == "VERB" and any(
            a.dep_ == "agent" and any(p.ent_type_ in ("GovernmentBody", "Country") for p in a.subtree)
            for a in told.children):
        return told  # "cacao fermentation tanks … will be 45% funded by the Ministry of Agriculture"
    share = _share_token(doc, end)
    spent = end + 3 < len(doc) and doc[end + 1].lower_ == "what" and any(
        t.lemma_.lower() in ("spend", "pay", "invest") for t in doc[end + 2:end + 5])  # "40% of what they spend on"
    # ("would cover half the cost of …": the cost itself is what is covered)
    cost_covered = share.i >= end and share.lower_ in _COST_NOUNS
    if not cost_covered and (end >= len(doc) or doc[end].lower_ != "of" or not (spent or any(
            t.lower_ in _COST_NOUNS and (t.head.i == end or t.dep_ == "compound" and t.head.head.i == end)
            for t in doc[end + 1:end + 7]))):  # ("of the cost refunded", misparsed as a compound; "of their
        return None  # research and development spending")
    verb = share.head
    paid_for = share.dep_ == "pobj" and verb.lower_ == "for" and verb.head.lemma_.lower() in _PAID_FOR
    if paid_for and any(c.dep_ == "auxpass" for c in verb.head.children):
        return verb.head  # "Farmers … will be reimbursed for 80% of the cost of drip irrigation kits"
    if paid_for:
        # "It will pay for up to half of the costs", "would reimburse school districts for up to 75% of the cost"
        share, verb = verb, verb.head
    if share.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lemma_.lower() in (
            "credit", "refund", "reimbursement", "contribution") and verb.head.pos_ == "NOUN":
        return verb.head  # "is offering a credit of up to 50% of qualifying capital spending"
    if share.dep_ == "nsubj" and verb.lower_ in _FUNDED and verb.head.lemma_.lower() in ("have", "see", "get") and \
            verb.head.pos_ in ("VERB", "AUX"):
        share, verb = verb, verb.head  # "Households … will have 30% of the cost refunded"
    if share.dep_ == "nsubj" and verb.lemma_ == "be" and (covered := next(
            (c for c in verb.children if c.dep_ == "xcomp" and c.lower_ in _FUNDED), None)) is not None:
        verb = covered  # "35 percent of the cost of industrial robots is to be covered by the Ministry of Industry"
    if share.dep_ in ("nsubjpass", "nsubj") and verb.pos_ == "VERB" and (verb.lemma_.lower() in _FUND_VERBS or
                                                             verb.lower_ in _FUNDED) and any(
            a.dep_ == "agent" and any(p.ent_type_ in ("GovernmentBody", "Country") or
                                      p.dep_ == "pobj" and p.lower_ in _STATE_NOUNS for p in a.subtree)
            for a in verb.children):
        return verb  # "Up to 50% of the cost of installing chillers will be co-funded by the Economic Development Board"
        # (or "Half the cost of industrial robots … will be borne by the state")
    if share.dep_ in ("nsubjpass", "nsubj") and verb.pos_ == "VERB" and (verb.lemma_.lower() in _FUND_VERBS or
                                                             verb.lower_ in _FUNDED) and any(
            c.dep_ == "prep" and c.lower_ == "under" and c.i < share.i and
            any(p.ent_type_ == "GovernmentBody" for p in c.subtree) for c in verb.children):
        return verb  # "Under a programme run by the Ministry of Energy, 35 percent of the cost … will be reimbursed"
    if share.dep_ not in ("dobj", "ccomp") and not paid_for or verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.lemma_.lower() in ("reimburse", "refund", "compensate") and any(c.dep_ == "auxpass" for c in verb.children):
        return verb  # "Operators … will be reimbursed up to 40% of the cost of …"
    subject = _claimant(verb)
    if subject is not None and subject.ent_type_ in ("Company", "AnalystFirm"):
        return None  # "Acme will pay 30% of the cost of the plant": a company's own money
    lemma = verb.lemma_.lower()
    if lemma in _CLAIM_VERBS or lemma in ("get", "receive") and any(
            c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children):
        return verb  # (also "buyers of electric vans will get back two-fifths of the purchase price", "… are to get
        # 18 percent of the purchase price back")
    if lemma in _FUND_VERBS and subject is not None and subject.lower_ in ("it", "they") and \
            verb.dep_ in ("ccomp", "relcl") and (any(
                c.dep_ == "nsubj" and (c.ent_type_ in ("GovernmentBody", "Country") or c.lower_ in _STATE_NOUNS)
                for a in (verb.head, verb.head.head) for c in a.children) or _after_body(verb.head)) or \
            verb.dep_ == "relcl" and verb.head.head.i > 0 and doc[verb.head.head.i - 1].ent_type_ == "GovernmentBody":
        # ("Miners rallied after the Ministry of Mines said it would …": the body parsed as the object of "after")
        # "The Secretariat of Energy said it would refund 25% of the cost of systems", "the agency opened a pool
        # from which it will pay 45% of the cost of electrolysers"
        return verb
    if lemma in _FUND_VERBS and subject is not None and subject.lower_ == "it" and verb.dep_ == "ROOT" and \
            verb.sent.start > 0 and any(c.dep_ == "nsubj" and c.ent_type_ == "GovernmentBody"
                                        for c in doc[verb.sent.start - 1].sent.root.children):
        return verb  # "The Ministry of Economic Affairs unveiled a programme. It will pay for up to half of …"
    if lemma in _FUND_VERBS and subject is not None and subject.lower_ in ("money", "funds", "funding") and any(
            c.dep_ in ("amod", "compound") and c.lower_ in ("public", "state", "government", "federal", "taxpayer")
            for c in subject.children):
        return verb  # "Public money will cover up to 45% of the investment needed to build electrolyser factories"
    if lemma in ("have", "see", "get") and any(
            t.lower_ in _FUNDED and (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "by" or
                                     t.head.i == verb.i or doc[t.i - 1].lower_ in _COST_NOUNS)
            for t in doc[end + 2:min(len(doc) - 1, end + 10)]):
        # ("will have 30% of the cost refunded from February 1")
        return verb  # "can have 40% of the cost co-funded by the Energy Efficiency and Conservation Authority"
    if lemma in _FUND_VERBS and subject is not None and (
            subject.ent_type_ in ("Country", "GovernmentBody", "City") or subject.lower_ in _STATE_NOUNS or
            subject.lower_ in _SCHEME_NOUNS and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                    for c in subject.children)):
        return verb
    return None


#: Participles of where goods are put: "heat pumps installed in schools", "panels fitted to homes"
_PLACED = {"installed", "fitted", "mounted", "placed", "located", "deployed", "used", "built", "sited", "distributed"}
#: … and of goods that someone gets: "industrial robots bought by small manufacturers"
_ACQUIRED = {"bought", "purchased", "acquired", "ordered", "registered", "leased"}
#: Participles of goods handed on to someone, who is then no beneficiary: "LPG cylinders distributed to households"
_HANDED_ON = {"distributed", "sold", "shipped", "delivered", "exported", "supplied", "sent", "leased", "rented"}
#: Verbs of moving over to something: "factories that switch to electric forklifts"
_SWITCH_VERBS = {"switch", "move", "shift", "convert", "change", "turn", "upgrade", "migrate"}


def _purpose_goods(trigger: Token) -> Span | None:
    """What the money is to buy: "were offered incentives to install rooftop solar panels"."""
    doc = trigger.doc
    for clause in trigger.children:
        if clause.dep_ in ("acl", "relcl", "xcomp") and clause.tag_ == "VB" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            obj = next((c for c in clause.children if c.dep_ == "dobj"), None)
            if obj is not None:
                start = _after_determiners(doc, obj.left_edge.i, obj.i)
                return doc[start:obj.i + 1]
    return None


def _subsidised(verb: Token) -> bool:
    """A countervailing finding: "X had been subsidised", "X had benefited from unfair subsidies", "X
    received subsidies"."""
    lemma = verb.lemma_.lower()
    if lemma in ("subsidise", "subsidize"):
        return any(c.dep_ == "auxpass" for c in verb.children)
    held = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" and lemma == "benefit"
            for p in c.children if p.dep_ == "pobj"] + [
        c for c in verb.children if c.dep_ == "dobj" and lemma in ("receive", "get", "enjoy")]
    return any(t.lemma_.lower() in ("subsidy", "subsidies", "support", "aid") for t in held)


def _noun_of(tok: Token) -> Token:
    """The noun ``tok`` is part of: "scheme" for "grant" in "a grant scheme"."""
    while tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _after_body(said: Token) -> bool:
    """``said`` comes right after a government body's name (or its initials in brackets), which the parser
    took for something else: "shares rallied after the Ministry of Mines said …"."""
    doc, i = said.doc, said.i - 1
    if i > 0 and doc[i].text == ")":
        i = next((j - 1 for j in range(i - 1, max(0, i - 6), -1) if doc[j].text == "("), i)
    return said.lemma_.lower() in ("say", "announce") and i >= 0 and doc[i].ent_type_ in ("GovernmentBody", "Country")


def _claimant(verb: Token) -> Token | None:
    """The subject of ``verb``, also through "will be able to" and "can expect to"."""
    node = verb
    for _ in range(3):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if node.dep_ not in ("xcomp", "acomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _claimant_goods(verb: Token) -> Span | None:
    """What those paid back buy, build or export: "Factories that buy robots and other automation
    equipment will be able to claim back …", "Companies building hydrogen plants …", "Exporters of
    farm produce and textiles will be able to reclaim …"."""
    subject = _claimant(verb)
    if subject is None:
        return None
    doc = verb.doc
    if subject.lemma_.lower() in ("producer", "maker", "manufacturer", "grower", "builder", "exporter") and \
            subject.left_edge.i < subject.i and all(t.pos_ in ("NOUN", "ADJ", "PROPN") or t.text == "-"
                                                    for t in doc[subject.left_edge.i:subject.i]) and \
            not all(t.lower_ in ("small", "large", "big", "medium", "mid-sized", "local", "domestic", "foreign",
                                 "major", "leading", "new", "existing", "-")
                    for t in doc[subject.left_edge.i:subject.i]):  # (not "Small manufacturers")
        # "green hydrogen producers will be paid a production credit": what they make
        start = _after_determiners(doc, subject.left_edge.i, subject.i)
        return doc[start:subject.i] if subject.i > start else None
    for child in subject.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.i > subject.i:
            # "Geothermal heat pumps installed in public schools will qualify for … grants": the thing paid for
            start = _after_determiners(doc, subject.left_edge.i, subject.i)
            return doc[start:subject.i + 1]
        if child.dep_ in ("relcl", "acl") and child.pos_ == "VERB":
            obj = next((c for c in child.children if c.dep_ == "dobj"), None) or next(
                (p for c in child.children if c.dep_ == "prep" and (c.lower_ in ("in", "on") or c.lower_ == "to" and
                                                                     child.lemma_.lower() in _SWITCH_VERBS)
                 for p in c.children if p.dep_ == "pobj"), None)  # "companies investing in factories …", "that
            # switch to electric forklifts"
            bought = next((c for k in subject.children if k.dep_ in ("relcl", "acl") for c in k.children
                           if c.dep_ == "conj" and c.pos_ == "VERB" and
                           c.lemma_.lower() in ("buy", "purchase", "install", "acquire")), None)
            if child.lemma_.lower() in ("scrap", "retire", "sell") and bought is not None:
                # "Drivers who scrap a petrol car and buy an electric vehicle": what they buy
                obj = next((c for c in bought.children if c.dep_ == "dobj"), obj)
            if child.lemma_.lower() in ("swap", "exchange", "trade", "replace"):
                # "households that swap oil boilers for wood-pellet stoves": what they get
                obj = next((p for c in chain(child.children, obj.children if obj is not None else ())
                            if c.dep_ == "prep" and c.lower_ in ("for", "with") for p in c.children
                            if p.dep_ == "pobj"), obj)
            making = next((c for c in obj.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and
                           c.lemma_.lower() in _MAKING_VERBS), None) if obj is not None else None
            if making is not None:  # "… factories producing power semiconductors": what they make
                obj = next((c for c in making.children if c.dep_ == "dobj"), obj)
            elif obj is not None and obj.lemma_.lower() in ("factory", "plant", "facility", "line") and \
                    (made := next((p for c in chain(obj.children, child.children) if c.dep_ == "prep" and
                                   c.lower_ == "for" for p in c.children if p.dep_ == "pobj"), None)) is not None:
                # "Companies building factories for high-voltage subsea cables": what the factories make
                tokens = [t for t in made.subtree if not any(a.dep_ == "prep" and a.i > made.i for a in t.ancestors)
                          and not (t.dep_ == "prep" and t.i > made.i)]
                start = _after_determiners(doc, min(t.i for t in tokens), made.i)
                return doc[start:made.i + 1]
        elif child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
        else:
            continue
        if obj is None:
            continue
        tokens = [t for t in obj.subtree if not any(a.dep_ == "prep" for a in t.ancestors if a.i >= obj.i and
                                                       obj in a.ancestors) and t.dep_ != "prep"]
        start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
        while end < len(doc) and any(c.dep_ == "dobj" and c.left_edge.i == end and c.i != obj.i
                                     for c in obj.head.children):
            # "install rooftop solar panels", parsed as two objects "rooftop" and "solar panels"
            end = next(c.right_edge.i for c in obj.head.children if c.dep_ == "dobj" and c.left_edge.i == end) + 1
        start = _after_determiners(doc, start, end)
        return doc[start:end] if end > start else None
    return None


#: What a company has where it can be searched: "raided its offices"
_PREMISES = {"offices", "office", "premises", "headquarters", "plant", "plants", "factory", "factories", "facilities",
             "sites", "site", "warehouses", "branches", "yards", "shipyards", "mills", "works"}


def _describes_company(sent: Span, mentioned: list[Mentioned]) -> bool:
    """The sentence speaks of a company it does not name: "the chip tester's headquarters", "the
    Ipoh-based feed producer's offices", "the company", "searched its premises"."""
    if any(m.type in ("Company", "AnalystFirm") for m in mentioned):
        return False
    doc = sent.doc
    for tok in sent:
        if tok.lower_ in ("its", "their") and tok.head.lower_ in _PREMISES:
            return True
        if tok.pos_ == "NOUN" and (tok.lower_ in _COMPANY_NOUNS or tok.lower_.endswith(("er", "or"))):
            k = tok.i - 1  # back over the words describing it, to "the"
            while k > sent.start and tok.i - k <= 6 and doc[k].lower_ != "the" and (
                    doc[k].pos_ in ("ADJ", "NOUN", "PROPN") or doc[k].text == "-" or doc[k].tag_ in ("VBN", "VBG")):
                k -= 1  # ("the airport ground-handling company's service contracts")
            if doc[k].lower_ == "the" and tok.i - k <= 6:
                return True
    return False


def _day_follows(doc: Doc, i: int) -> bool:
    """"on Thursday", "on Dec. 1": a day, not a policy's object."""
    return doc[i].lower_ == "on" and i + 1 < len(doc) and bool(re.match(_DAY_WORD, doc[i + 1:i + 4].text, re.I))


def _origin(m: Mentioned) -> bool:
    """"chips of US origin", "US-made chips": where goods come from, not whom a measure targets."""
    doc = m.span.doc
    return m.span.end < len(doc) and doc[m.span.end].lower_ in ("origin", "-origin", "-made", "made")


#: Verbs that move what they take by the amount after it: "Banks lifted the GSE Composite Index 0.6 percent"
_CAUSED = {"lift": 1, "boost": 1, "propel": 1, "buoy": 1, "drag": -1, "pull": -1, "knock": -1, "cost": -1}


def _causer(last: Token) -> Token | None:
    """The verb of "Chipmakers lifted the Kospi 0.6 percent" when ``last`` ends the name it moves (or the short form
    in brackets after it: "lifted the GSE Composite Index (GSE-CI) 0.6 percent")."""
    doc = last.doc
    start = last.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    if start >= 2 and doc[start - 1].text == "(" and doc[start - 2].ent_type_:
        return _causer(doc[start - 2])
    before = start - 1
    while before > 0 and doc[before].pos_ in ("DET", "ADJ"):
        before -= 1  # "lifted the broader Kospi"
    verb = doc[before]
    # (also "cost", which the tagger may call a noun: "The ban cost Lai Chau Rare Earths, the only listed miner of
    # the ore, 5.2 percent")
    return verb if (verb.pos_ == "VERB" or verb.lower_ == "cost") and verb.lemma_.lower() in _CAUSED and \
        before < start else None


def _transitive(verb: Token) -> bool:
    """True when a move verb has an object that is no amount: "lowered the forecast to 3.1 percent" (not when it
    has an amount too: "plunging 29.4 percent, under sanctions the US Treasury Department imposed", misparsed; nor
    when the object is a stray article: "The broader Nifty 50 advanced 0.6 percent", "The" read as object)."""
    amounts = [any(t.like_num or t.is_currency or any(ch.isdigit() for ch in t.text) or
                   t.lower_ in ("%", "percent", "pct", "points", "point", "cent", "ground", "steam") for t in c.subtree)
               for c in verb.children if c.dep_ == "dobj" and c.lower_ not in ("the", "a", "an") and
               # (nor a remark set off by a comma: "closing 0.7 per cent higher at 41,208.35, its best level",
               # misparsed)
               not (c.i > verb.i and c.left_edge.i > 0 and verb.doc[c.left_edge.i - 1].text == ",")]
    return bool(amounts) and not any(amounts)


class FactExtractor:
    """Finds facts in a parsed, entity-resolved doc; one instance per pipeline."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.up = lexicon.words("move_up")
        self.down = lexicon.words("move_down")
        self.move_verbs = self.up | self.down
        # the -ing forms of the move verbs ("shedding", "rising", "gaining"), for a tagger that calls a sentence's
        # first word a name ("Shedding 1.4 percent, the NGX All-Share Index ended at …")
        self.move_ing = {form: sign for words, sign in ((self.up, 1), (self.down, -1)) for v in words
                         for form in (v + "ing", v[:-1] + "ing", v + v[-1:] + "ing")}
        # … and their past forms, for a tagger that calls the verb an adjective ("the Nifty 50 advanced 0.6 percent")
        self.move_past = {form: sign for words, sign in ((self.up, 1), (self.down, -1)) for v in words
                          for form in (v + "ed", v + "d", v[:-1] + "ied", v + v[-1:] + "ed")}
        self.rate_verbs = lexicon.words("rate_verbs")
        self.reporting = lexicon.words("reporting_verbs")
        self.hedges = lexicon.words("hedge_verbs")
        self.analyst_nouns = lexicon.words("analyst_nouns")
        self.rating_words = lexicon.words("rating_words")
        # whole words only: "cooperating" holds no rating
        self._rating = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(self.rating_words, key=len, reverse=True)))
                                  + r")\b", re.I) if self.rating_words else None
        self.analyst_cues = lexicon.words("analyst_name_cues")
        self.company_cues = lexicon.words("company_cues")
        self.person_titles = lexicon.words("person_titles")
        self.percent = Matcher(nlp.vocab)
        self.percent.add("PERCENT", [
            [{"LIKE_NUM": True}, {"LOWER": {"IN": ["percent", "%", "pct", "pc"]}}],
            [{"LIKE_NUM": True}, {"LOWER": "per"}, {"LOWER": "cent"}],
        ])
        # the percent word alone, for numbers spelled out in several words
        self.percent_words = Matcher(nlp.vocab)
        self.percent_words.add("PERCENT_WORD", [[{"LOWER": {"IN": ["percent", "pct"]}}],
                                                [{"LOWER": "per"}, {"LOWER": "cent"}]])
        self._cache: tuple | None = None
        self.triggers = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.trigger_words: set[str] = set()
        for kind, words in lexicon.policy_triggers().items():
            if kind == "InterestRateDecision":
                continue
            forms = set()
            for w in words:
                forms.add(w)
                forms.add(w[:-1] + "ies" if w.endswith("y") and not w.endswith("ey") else w + "s")
            self.triggers.add(kind, [nlp.make_doc(f) for f in sorted(forms)])
            # (a word that names a measure only after "dumping" is none alone: "sensitive to interest margins",
            # "Kowloon Charge Networks jumped 6.2%")
            self.trigger_words |= {f.split()[-1] for f in forms} - {"margin", "margins", "charge", "charges", "rate",
                                                                    "rates"}
        # "the commission is investigating imports of steel", "Washington sanctioned two refiners"
        self.verb_triggers = Matcher(nlp.vocab)
        self.trigger_verbs: set[str] = set()
        for kind, verbs in lexicon.data.get("policy_verb_triggers", {}).items():
            self.verb_triggers.add(kind, [[{"LEMMA": {"IN": verbs}, "POS": "VERB"}]])
            self.trigger_verbs |= set(verbs)
        # "will cover 40% of the cost of X": a share of a cost paid back, told by a verb that is no trigger
        self.cost_share_verbs = (_CLAIM_VERBS | _FUND_VERBS) - self.trigger_verbs

    # -- helpers ---------------------------------------------------------------------

    def _matches(self, doc: Doc) -> tuple[list[tuple[int, int]], list[tuple[str, int, int]]]:
        """Percent and policy-trigger matches of the whole doc, computed once per doc."""
        cached = self._cache
        if cached is not None and cached[0] is doc:
            return cached[1], cached[2]
        # ("two and a half per cent": from the first of the words, not "half")
        spelled = [(found[0], e) for _, s, e in self.percent_words(doc) if (found := _spelled_percent(doc, s))]
        matched = [(s, e) for _, s, e in self.percent(doc) if not any(s2 <= s < e2 for s2, e2 in spelled)] + spelled
        percents = sorted(set(matched) | {(share[0], t.i + 1) for t in doc if (share := _fraction_of_cost(doc, t.i))})
        found = [(doc.vocab.strings[k], s, e) for k, s, e in self.triggers(doc)]
        covered = {i for _, s, e in found for i in range(s, e)}
        # (not a verb that only describes a noun: "wafer-probing equipment", "banned substances")
        found += [(doc.vocab.strings[k], s, e) for k, s, e in self.verb_triggers(doc) if s not in covered and
                  doc[s].dep_ not in ("amod", "compound", "nmod") and not (
                      # ("chocolate entering the US": goods that enter, no officers entering premises)
                      doc[s].dep_ == "acl" and doc[s].tag_ == "VBG" and doc[s].head.lower_ not in _AGENTS_OF and
                      # (but "the CMF has been investigating …", the finite verb hung on the body)
                      not any(c.dep_ == "aux" for c in doc[s].children))]
        # "put on an export control list", "added to China's export control list": a listing of companies
        found = [("Sanction" if k == "ExportControl" and doc[e - 1].lemma_.lower() == "list" and _placed_on(doc[e - 1])
                  else k, s, e) for k, s, e in found]
        # ("which will grant permits": to grant is not to pay)
        found = [(k, s, e) for k, s, e in found if not (
            k == "Subsidy" and e - s == 1 and doc[s].pos_ == "VERB" and doc[s].lemma_.lower() == "grant" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in _GRANTED_LEAVE for c in doc[s].children))]
        for s, e in percents:
            verb = _cost_share_verb(doc, s, e)
            if verb is not None and verb.i not in covered:
                found.append(("Subsidy", verb.i, verb.i + 1))
        covered = {i for _, s, e in found for i in range(s, e)}
        for tok in doc:
            # "will need a strategic goods permit", "must obtain an individual export licence": a permit
            # needed for what is shipped, however it is qualified
            # (also "must obtain prior approval from the Secretariat … for every shipment")
            if (tok.lemma_.lower() in ("permit", "licence", "license") or tok.lemma_.lower() in (
                    "approval", "authorisation", "authorization", "clearance") and any(
                        t.lower_ in _SHIPPING or t.lower_ in ("exporters", "exports", "export")
                        for t in tok.sent)) and tok.i not in covered and (
                    tok.dep_ in ("dobj", "nsubjpass") and
                    tok.head.lemma_.lower() in ("need", "require", "obtain", "get", "hold", "seek") or
                    # "may only be shipped to Armenia under an individual licence"
                    # "exporters would need to apply for individual licences before shipping …"
                    tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() == "apply" and
                    any(t.lemma_.lower() in ("ship", "export", "sell", "send") or t.lower_ in _SHIPPING
                        for t in doc[tok.i:tok.sent.end]) or
                    # "may be shipped to Russia only once the ministry has granted a licence"
                    tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("grant", "issue") and
                    tok.head.dep_ == "advcl" and tok.head.head.lemma_.lower() in ("ship", "export", "send", "sell") or
                    # ("may be exported to Armenia only with a licence")
                    tok.dep_ == "pobj" and tok.head.lower_ in ("under", "without", "with") and (
                        tok.head.head.lemma_.lower() in ("ship", "export", "send", "deliver", "transfer") or
                        # "could no longer be sold to Kazakhstan without a licence": sold abroad
                        tok.head.head.lemma_.lower() in ("sell", "supply") and any(
                            c.dep_ in ("prep", "dative") and c.lower_ == "to" and
                            any(p.ent_type_ == "Country" for p in c.subtree) for c in tok.head.head.children))):
                found.append(("ExportControl", tok.i, tok.i + 1))
            if tok.lower_ in ("deposits", "deposit") and tok.pos_ == "NOUN" and tok.i not in covered and \
                    tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("of", "equal", "worth", "equivalent") and \
                    _after_dumping(tok):
                # "found that … had been dumped. … lodge deposits of 41.5%" ("a deposit equal to a fifth of the
                # declared value …, the ministry ruled in a preliminary anti-dumping finding")
                found.append(("Tariff", tok.i, tok.i + 1))
            if tok.i not in covered and _forbidden_shipment(tok):
                found.append(("ExportControl", tok.i, tok.i + 1))
            # "a charge equal to a fifth of the declared value would be levied on …", "imposed a fee of 12% on"
            # ("Truck tyres from Brazil will carry a charge equal to a fifth of their declared value")
            if tok.lemma_.lower() in ("charge", "fee") and tok.pos_ == "NOUN" and tok.i not in covered and \
                    tok.dep_ in ("nsubjpass", "dobj") and (tok.head.lemma_.lower() in ("levy", "impose") or
                                                           tok.dep_ == "dobj" and tok.head.lemma_.lower() in (
                                                               "carry", "face", "attract", "bear", "incur") and
                                                           any(s <= tok.i + 6 and e > tok.i for s, e in percents)):
                found.append(("Tariff", tok.i, tok.i + 1))
            # "ordered the freezing of the company's assets", "a freeze on its accounts"
            if tok.lower_ in ("freezing", "freeze") and tok.pos_ == "NOUN" and tok.i not in covered and any(
                    c.dep_ == "prep" and c.lower_ in ("of", "on") and any(
                        p.lemma_.lower() in _FROZEN for p in c.children if p.dep_ == "pobj") for c in tok.children):
                found.append(("Sanction", tok.i, tok.i + 1))
            # "A ceiling of 11 million tonnes a year will apply to chrome ore exports from January 1"
            if tok.lemma_.lower() in ("ceiling", "cap", "limit") and tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and \
                    tok.i not in covered and tok.head.lemma_.lower() == "apply" and tok.head.i + 1 < len(doc) and \
                    doc[tok.head.i + 1].lower_ == "to" and any(
                        t.lower_ in ("exports", "shipments") for t in doc[tok.head.i + 2:tok.head.i + 7]):
                found.append(("ExportControl", tok.i, tok.i + 1))
            # "Inspectors from the CNMC turned up unannounced at the offices of several dairy processors"
            if tok.lemma_.lower() in ("turn", "show", "arrive", "descend") and tok.pos_ == "VERB" and \
                    tok.i not in covered and any(c.dep_ == "nsubj" and c.lower_ in _AGENTS_OF for c in tok.children) \
                    and any(p.lower_ in _PREMISES for c in tok.children if c.dep_ == "prep" and c.lower_ in ("at", "on")
                            for p in c.children if p.dep_ == "pobj"):
                found.append(("Investigation", tok.i, tok.i + 1))
            # "the Norwegian Competition Authority said it had launched a review of the company's agreements"
            # (or "notified the miner that it had begun an audit of ore sales")
            if tok.lemma_.lower() in ("review", "audit") and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and \
                    tok.head.lemma_.lower() in ("launch", "open", "start", "begin", "announce", "initiate") and \
                    tok.i not in covered:
                found.append(("Investigation", tok.i, tok.i + 1))
        # (words of a name are no measure: "the Federal Office for Economic Affairs and Export Control")
        triggers = sorted((m for m in found if not all(doc[i].ent_type_ in ("GovernmentBody", "Company", "AnalystFirm")
                                                       for i in range(m[1], m[2]))), key=lambda m: (m[1], -m[2]))
        self._cache = (doc, percents, triggers)
        return percents, triggers

    def _percent_groups(self, sent: Span) -> list[PercentGroup]:
        doc = sent.doc
        groups: list[PercentGroup] = []
        for start, end in self._matches(doc)[0]:
            if start < sent.start or end > sent.end:
                continue
            first = doc[start]
            fraction = _fraction_of_cost(doc, end - 1)
            unit = end - (2 if doc[end - 1].lower_ == "cent" else 1)  # the percent word ("per cent": its "per")
            spelled = None if fraction or first.like_num and parse_number(first.text) else _spelled_percent(doc, unit)
            parsed = (fraction[1], None) if fraction else (spelled[1], None) if spelled and spelled[0] == start \
                else parse_number(first.text)
            values = [parsed[0]] if parsed else []
            num_end = end if fraction else unit if spelled else start + 1
            if not values:
                continue
            # extend to the left over "12, 8.7 and" (a list of numbers sharing the unit)
            i = start - 1
            while i - 1 >= sent.start and doc[i].lower_ in (",", "and") and doc[i - 1].like_num:
                value = parse_number(doc[i - 1].text)
                if value is None or value[0] >= 100:
                    break  # (a level, no share: "ended at 8,415.70, 0.9 percent above Thursday's level")
                values.insert(0, value[0])
                start = i - 1
                i = start - 1
            # "more than 5 percent", "over 12 percent": the number is a floor; keep it
            sign = {"+": 1, "-": -1, "−": -1}.get(first.text[:1], 0)
            groups.append(PercentGroup(start, num_end, end, values, sign, fraction is not None))
        groups.sort(key=lambda g: g.start)
        merged: list[PercentGroup] = []
        for g in groups:
            if merged and g.start < merged[-1].end:
                continue
            prev = merged[-1] if merged else None
            if prev is not None and not g.sign and not prev.sign and \
                    [t.lower_ for t in doc[prev.end:g.start]] in (["and"], [","], [",", "and"]) and \
                    (prev.end - prev.num_end) == (g.end - g.num_end):
                # "up 1.9% and 2.4%": one list of values, as "up 1.9 and 2.4 percent"
                merged[-1] = PercentGroup(prev.start, g.num_end, g.end, prev.values + g.values, 0)
                continue
            merged.append(g)
        return merged

    def _direction(self, doc: Doc, lo: int, group: PercentGroup) -> tuple[int, Token | None]:
        """+1 or -1 and the movement word: the nearest before the numbers, or "higher"/"lower" after."""
        for tok in reversed(doc[lo:group.start]):
            if tok.lower_ in ("points", "point") or tok.like_num or tok.lower_ in (",", "or", "by", "more", "than",
                                                                                  "over", "nearly", "almost",
                                                                                  "about", "around", "some", "roughly"):
                continue
            lemma = tok.lemma_.lower()
            if tok.lower_ == "up" and tok.i + 1 < group.start and doc[tok.i + 1].lower_ == "to":
                continue  # "a fine of up to 10 percent of turnover": a ceiling, no move
            if tok.dep_ == "prt" and tok.head.lemma_.lower() in self.move_verbs:
                tok, lemma = tok.head, tok.head.lemma_.lower()  # "gave up 3%": the verb, not its particle
            if tok.lower_ == "on" and tok.head.lemma_.lower() == "put" and tok.head.i == tok.i - 1:
                return 1, tok.head  # "put on 0.6%"
            if (tok.lemma_.lower() == "manage" and tok.i == group.start - 1 or tok.lemma_.lower() == "eke" and
                    tok.i == group.start - 2 and doc[tok.i + 1].lower_ == "out") and not (
                    group.end < len(doc) and self._sign(doc[group.end])):
                return 1, tok  # "the Topix managed 0.9 percent" (not "managed 0.9 percent losses")
            if tok.lower_ in ("minus", "plus") and tok.i == group.start - 1:
                return (1 if tok.lower_ == "plus" else -1), tok  # "Farmacias del Pacifico: minus 6.9 percent"
            if tok.lower_ in ("loss", "losses") and tok.i + 1 < group.start and doc[tok.i + 1].lower_ == "of":
                return -1, tok  # "ended at 98,410.27, a loss of 0.4%"
            if lemma == "pare":
                # "pared gains to 0.3%" is still up; "pared losses to 0.2%" still down
                obj = next((c.lower_ for c in tok.children if c.dep_ == "dobj"), "")
                return (1 if obj in ("gains", "gain") else -1), tok
            if lemma in self.up or tok.lower_ in self.up:
                return 1, tok
            if lemma in self.down or tok.lower_ in self.down or tok.lower_ == "off" and (
                    tok.head.lemma_ == "be" or tok.i > 0 and doc[tok.i - 1].text in (",", *_DASHES)):
                return -1, tok  # "was off 1.1%", "the Oslo Bors Benchmark Index, off 0.3 percent, closed at …"
            if tok.pos_ == "ADJ" and tok.lower_ in self.move_past and (tok.dep_ in ("ROOT", "conj") or any(
                    c.dep_ == "nsubj" for c in tok.children)):
                return self.move_past[tok.lower_], tok  # "The broader Nifty 50 advanced 0.6 percent"
            if tok.pos_ in ("VERB", "AUX", "ADV", "ADP", "PART", "SYM") or _PRICE.match(tok.text) or \
                    parse_number(tok.text):  # ("down S$0.04, or 1.2 percent")
                continue
            if tok.ent_type_ == "Country" and tok.i + 1 < group.start and doc[tok.i + 1].lower_ in _CURRENCIES:
                continue  # "lost 25 New Taiwan dollars, or 2.2 percent": a currency, not a name
            if tok.ent_type_:
                if group.start - 1 > tok.i and doc[group.start - 1].lower_ == "by":
                    # the verb the clause leaves out: "Broader measures rose too - the WIG by 0.5 percent, …, and
                    # the mid-cap mWIG40 by 0.9 percent"
                    gapped = next((t for t in reversed(doc[tok.sent.start:tok.i]) if t.pos_ == "VERB" and (
                        t.lemma_.lower() in self.up or t.lemma_.lower() in self.down)), None)
                    if gapped is not None:
                        return (1 if gapped.lemma_.lower() in self.up else -1), gapped
                caused = _causer(tok)
                if caused is not None and not (group.end < len(doc) and doc[group.end].lower_ == "of") and not any(
                        c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may", "will")
                        for c in caused.children):
                    # (not "said it would cost Nvidia at most 3% of next year's revenue")
                    return _CAUSED[caused.lemma_.lower()], caused  # "Banks lifted the GSE Composite Index 0.6 percent"
                break
        for tok in doc[group.end:min(group.end + 2, len(doc))]:
            if tok.lower_ in ("higher", "up", "firmer", "stronger", "richer") or tok.lower_ == "ahead" and not (
                    tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of"):  # ("finished 1.2 percent ahead")
                return 1, tok
            if tok.lower_ in ("lower", "down", "weaker", "softer", "poorer"):  # ("ended Wednesday 1.2 percent poorer")
                return -1, tok
            if tok.lower_ in ("above", "below") and (any(t.lower_ in WEEKDAYS or t.lower_ in ("yesterday", "previous",
                                                                                           "prior")
                                                          for t in doc[tok.i + 1:tok.i + 4]) or
                                                      # ("0.5 percent below where it finished on Friday")
                                                      doc[tok.i + 1:tok.i + 2].text.lower() == "where"):
                return (1 if tok.lower_ == "above" else -1), tok  # "stood 0.6 percent above Tuesday's level"
            if tok.lower_ == "in" and doc[tok.i + 1:tok.i + 3].text.lower() in (
                    "the red", "the black"):
                return (1 if doc[tok.i + 2].lower_ == "black" else -1), tok  # "closed 0.5 percent in the red"
            if tok.lower_ in ("less", "more") and group.start > 0 and doc[group.start - 1].lower_ == "worth":
                return (1 if tok.lower_ == "more" else -1), tok  # "ended the day worth 27.0 percent less"
            if tok.lower_ == "to" and doc[tok.i + 1:tok.i + 3].text.lower() in ("the good", "the bad"):
                return (1 if doc[tok.i + 2].lower_ == "good" else -1), tok  # "The BSE Sensex, 1.1 percent to the good,"
        unit = doc[group.end - 1]
        if unit.dep_ == "dobj" and unit.head.lemma_.lower() in ("manage", "eke", "scrape", "squeeze"):
            return 1, unit.head  # "managed only 0.2 percent, ending at 108,330.91": a gain, however small
        after = doc[group.end] if group.end < len(doc) else None
        told = [t.lower_ for t in doc[max(0, group.start - 2):group.start]]
        closing = after.head.head if after is not None else None
        if closing is not None and closing.like_num and closing.head.lower_ == "at":
            closing = closing.head.head  # ("ended Friday at 8,905.12 after a 1.4 percent rise", "after" on the close)
        if after is not None and (after.pos_ == "NOUN" or told[-1:] in (["a"], ["an"]) and after.pos_ == "ADJ") and (
                after.dep_ == "pobj" and after.head.lower_ == "with" or told in (["with", "a"], ["with", "an"]) or
                after.dep_ == "pobj" and after.head.lower_ == "after" and closing.lower_ in _CLOSE_FORMS or
                len(told) == 2 and told[0] in (",", *_DASHES) and told[1] in ("a", "an") and (
                    after.head.lower_ in _CLOSE_FORMS or after.dep_ == "appos" and after.head.like_num and
                    after.head.head.lower_ == "at" or
                    # ("closed at 13,905.62 - a 0.7 percent retreat", the move parsed as a second place of closing)
                    after.dep_ == "pobj" and after.head.lower_ == "at" and after.head.head.lower_ in _CLOSE_FORMS or
                    # ("did better still - a 0.7 percent advance, to 6,388.12": the move told after a dash)
                    told[0] in _DASHES and after.head.pos_ == "VERB" and after.head.lemma_.lower() in ("do", "fare")) or
                after.dep_ == "dobj" and (after.head.lemma_.lower() in _MOVE_TAKERS or
                                          after.head.lower_ == "scraped")) \
                and not (
                after.i + 1 < len(doc) and doc[after.i + 1].lower_ in ("in", "of", "for", "this", "since", "so")):
            # "bucked the trend with a 0.4 per cent gain", "managed a 0.1 percent gain", "scraped out a 0.1 percent
            # gain" (lemmatized "scrap"), "finished the day at 9,884.16 after a 0.6 percent gain", "closed at
            # 7,655.01, a 0.4 percent decline" (not "a 12 percent rise in profit", "even after a 20 percent gain this
            # year")
            sign = self._sign(after)
            if sign:
                # (the verb of "closing at 3,215.50 after a 1.9 percent climb" is the close's)
                return sign, closing if after.head.lower_ == "after" else after
        return 0, None

    def _is_policy_rate(self, doc: Doc, group: PercentGroup) -> bool:
        # (words of a name are no measure: "Godavari Agro Exports slumped 9.8%")
        sent = doc[group.start].sent  # (words of the next sentence tell nothing: "… sank 8.9 percent. Exports of …")
        after = [t.lower_ for t in doc[group.end:min(group.end + 3, sent.end)] if not t.ent_type_]
        before = [t.lower_ for t in doc[max(sent.start, group.start - 3):group.start] if not t.ent_type_]
        mover = next((t.head for t in doc[group.start:group.end] if t.head.pos_ == "VERB"), doc[group.end - 1])
        if after[:1] in ([","], [":"], [";"], ["—"]) and mover.lemma_.lower() in self.move_verbs:
            after = []  # "plunging 29.4 percent, under sanctions …": what follows the comma tells why
        told = doc[group.start - 1] if group.start > sent.start else None
        if told is not None and told.pos_ == "VERB" and told.lemma_.lower() in self.move_verbs:
            # (nor what ends an aside before the verb: "Talaat Moustafa Group - the developer most exposed to
            # mortgage demand - surged 5.4 percent")
            cut = max((k + 1 for k, w in enumerate(before) if w in (",", ":", ";", *_DASHES)), default=0)
            before = before[cut:]
        words = set(after) | set(before)
        return bool(words & self.trigger_words) or "of" in before[-1:] and bool(set(before) & self.trigger_words) \
            or any(w in ("rate", "rates", "stake", "share", "inflation", "growth", "yield", "yields", "unemployment",
                         "margin", "margins") for w in after[:2])

    def _close_level(self, doc: Doc, group: PercentGroup, limit: int) -> Decimal | None:
        i = group.end
        # (past a move set off by dashes: "the Shanghai Composite Index - 0.7 percent weaker by the bell - settled at")
        if i < limit and doc[i].lower_ in _SET_OFF_SIGNS:
            j = i + 1 + _by_the_close([t.lower_ for t in doc[i + 1:i + 5]])
            if j < limit and doc[j].text in _DASHES:
                i = j + 1
        if doc[i:min(i + 3, limit)].text.lower() in ("to the good", "to the bad", "in the red", "in the black"):
            i += 3  # ("The BSE Sensex, 1.1 percent to the good, closed Friday at 88,316.42")
        # ("lost 1.1 percent - a decline that left the benchmark at 2,187.36")
        if i + 4 < limit and doc[i].text in _DASHES and doc[i + 1].lower_ in ("a", "an") and \
                self._sign(doc[i + 2]) and doc[i + 3].lower_ in ("that", "which") and \
                doc[i + 4].lemma_.lower() in _MOVE_CARRIERS:
            i += 5
        window = doc[i:min(i + 10, limit)]  # (as far as "to an all-time closing high of 4,402.17")
        told = [t.lower_ for t in window[:4]]
        if told[:3] in ([";", "its", "close"], [",", "its", "close"]) and len(window) > 4 and \
                told[3] in (",", ":", "was") and window[4].like_num:
            value = parse_number(window[4].text)  # "gave up 0.8 percent; its close, 18,604.55"
            return value[0] if value else None
        seen_to = False
        for tok in window:
            if tok.lower_ in ("while", "whereas", "but", ";") or tok.ent_type_ in ("StockIndex", "Company"):
                return None  # another clause's: "fell 0.8 percent, while at 65,880.40 the Dow …" (or another index's)
            if tok.lower_ in ("to", "at") or tok.lower_ in ("of", "on") and tok.i > 0 and doc[tok.i - 1].lower_ in (
                    "close", "ending", "closing", "finishing"):
                seen_to = True  # (also "managed a 0.7 percent gain and a close of 4,215.38", "ending on 902.44")
                continue
            if seen_to and any(doc[k - 1].lower_ in _CLOSE_FORMS and [t.lower_ for t in doc[k:k + 2]] in _THE_SESSION
                               for k in (tok.i, tok.i - 1) if k > 0) or \
                    seen_to and tok.lower_ in WEEKDAYS and doc[tok.i - 1].lower_ in _CLOSE_FORMS:
                continue  # "slumped 1.6 percent to end the week at 27,340.85", "to close Thursday at 48,920.37"
            if tok.lower_ in _CLOSE_FORMS or tok.lower_ in (",", "a", "an", "record", "new", "fresh", "all-time", "all",
                                                        "-", "time", "closing", "high", "low", "level", "of", "reach",
                                                        "reaching", "peak"):
                continue
            if seen_to and tok.like_num:
                value = parse_number(tok.text)
                nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
                if value and not (nxt is not None and nxt.lower_ in ("percent", "%", "per")):
                    return value[0]
            if seen_to:
                return None
        return None

    @staticmethod
    def _close_before(doc: Doc, lo: int, group: PercentGroup) -> Decimal | None:
        """"The KOSDAQ closed at 803.57, up 2.4 percent": the level stated before the move; also fronted, "At
        27,412.66, the Hang Seng Index finished 1.4 per cent higher"."""
        window = list(doc[lo:group.start])
        if len(window) > 2 and window[0].i == window[0].sent.start and window[0].like_num and window[1].text == ":":
            value = parse_number(window[0].text)  # "48,902.61: that is where the Nikkei 225 came to rest on Friday"
            return value[0] if value else None
        for k, tok in enumerate(window[:-3]):
            if tok.like_num and ("," in tok.text or "." in tok.text) and \
                    [t.lower_ for t in window[k + 1:k + 3]] in (["was", "where"], ["is", "where"]):
                value = parse_number(tok.text)  # "1,244.90 was where the broader OMX Stockholm All-Share settled"
                return value[0] if value else None
        for k, tok in enumerate(window[1:-1], start=1):
            # "The Dow Jones Industrial Average, at 61,204.18, was the laggard", "The CSI 300 — 5,214.80, up 0.2
            # percent —": a level set off right after the index
            # (also "The IBEX 35, at 16,842.3 by the close, had gained", "ended with the Taiwan Capitalization Weighted
            # Stock Index (Taiex) at 30,155.09 - a retreat of 1.3 percent")
            prev = window[k - 1]
            # ("The Shanghai Composite Index - 4,512.36 at the close - managed …", "The BET index: 19,845.30 at the
            # close, up 1.0 percent", "The Taiwan Capitalization Weighted Stock Index (Taiex), at 37,120.55, closed")
            # (or "The S&P/BVL Peru General Index, 31,208.64 at the close, registered a 0.4 percent decline")
            before = window[k - 3] if prev.lower_ == "at" and k >= 3 and window[k - 2].text in (",", *_DASHES) else \
                window[k - 2] if k >= 2 and (prev.text in _DASHES or prev.text == ":" or prev.lower_ == "at" or
                                             prev.text == "," and window[k + 1].lower_ in ("at", "by")) else None
            if before is not None and before.text == ")" and before.i > lo:
                before = doc[before.i - 1]  # the short form in brackets (or the name before them)
                if before.ent_type_ != "StockIndex" and before.i - 2 >= lo and doc[before.i - 1].text == "(":
                    before = doc[before.i - 2]
            if tok.like_num and ("," in tok.text or "." in tok.text) and before is not None and \
                    before.ent_type_ == "StockIndex" and \
                    window[k + 1].lower_ in (",", "—", "–", "-", "by", "at", "when"):
                value = parse_number(tok.text)
                return value[0] if value else None
        for k, tok in reversed(list(enumerate(window[:-1]))):  # the nearest close form before the move
            # ("At 4,216.35 by the close, the Shanghai Composite Index was 0.6 percent lower")
            # (also after a colon or "while": "Only in Shenzhen was there anything to cheer: at 13,905.44, the …",
            # "while at 66,902.31 the Dow Jones Industrial Average … was 0.5 percent higher")
            opener = doc[tok.i - 1].lower_ if tok.i > tok.sent.start else ""
            after_level = [t.lower_ for t in window[k + 2:k + 7]]
            # ("At 27,305.18 by the final bell, the Hang Seng Index had …", "At 4,886.32 when the bell rang, …")
            told = _by_the_close(after_level) or (after_level.index(",") if after_level[:1] == ["when"] and
                                                  "," in after_level else 0)
            if told:
                # ("At 13,208.77 by the close of trade on Wednesday, the S&P/NZX 50 Index was down 1.1 percent")
                after_level = [t.lower_ for t in window[k + 2:k + 12]]
                if after_level[told:told + 2] in (["of", "trade"], ["of", "trading"], ["of", "business"]):
                    told += 2
                if after_level[told:told + 1] == ["on"] and after_level[told + 1:told + 2] and \
                        after_level[told + 1] in WEEKDAYS:
                    told += 2
            fronted = (k == 0 and not opener or opener in (":", ";", "while")) and (
                after_level[:1] == [","] or told and after_level[told:told + 1] == [","] or
                opener == "while" and after_level[:1] == ["the"])
            # ("finished the week at 4,918.44", "ended Wednesday at 1,702.58")
            skip = 2 if [t.lower_ for t in window[k + 1:k + 3]] in _THE_SESSION else \
                1 if k + 1 < len(window) and window[k + 1].lower_ in WEEKDAYS else 0
            if (tok.lower_ in _CLOSE_FORMS or tok.lemma_ in ("close", "end", "finish", "settle", "stand")) and \
                    k + skip + 2 < len(window) and window[k + skip + 1].lower_ == "at" and \
                    window[k + skip + 2].like_num or fronted and tok.lower_ == "at" and window[k + 1].like_num:
                value = parse_number(window[k + (1 if tok.lower_ == "at" else skip + 2)].text)
                return value[0] if value else None
        # "the SET Index drifted to 1,412.08, down 0.4 percent": the level a verb took it to, right before the move
        # (or "carried the NGX All-Share Index (NGX ASI) to 212,405.66 - a gain of 0.8 percent")
        if len(window) >= 6 and window[-1].lower_ == "of" and window[-3].lower_ in ("a", "an"):
            window = window[:-2]
        if len(window) >= 8 and window[-3].lower_ in WEEKDAYS and window[-4].lower_ == "on":
            window = window[:-4] + window[-2:]  # ("carried the MSCI COLCAP to 2,274.91 on Thursday - a rise of")
        tail = [t.lower_ for t in window[-4:]]
        if len(window) >= 4 and tail[0] in ("to", "at") and window[-4].head.pos_ == "VERB" and \
                window[-3].like_num and ("," in tail[1] or "." in tail[1]) and tail[2] in (",",) + _DASHES and \
                tail[3] in ("up", "down", "a", "an"):
            value = parse_number(window[-3].text)
            return value[0] if value else None
        return None

    def _price_change(self, doc: Doc, lo: int, group: PercentGroup) -> tuple[Decimal, str] | None:
        # "gained HK$3.20, or 4.5 percent"
        for tok in doc[lo:group.start]:
            parsed = parse_number(tok.text)
            if parsed and parsed[1]:
                return parsed[0], parsed[1]
        return None

    # -- moves -------------------------------------------------------------------------

    def _group_date(self, sent: Span, lo: int, g: PercentGroup, hi: int, session: date | None,
                    verb: Token | None) -> date | None:
        """The session a move happened on: "shedding 1.7 percent on Monday", else the article's session."""
        if session is None:
            return None
        doc = sent.doc
        # (the verb's governor when the verb has no subject of its own or the governor's moves too, "the S&P 500
        # tumbled 2.8 percent on Wednesday, while the Nasdaq Composite slid 3.4%"; not "On Tuesday it opened an
        # investigation into X; the stock slid 8.4 percent")
        verbs = {verb.i} | ({verb.head.i} if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or any(
            c.dep_ == "nsubj" and c.ent_type_ in MOVER_TYPES for c in verb.head.children) else set()) \
            if verb is not None else set()
        for window in (doc[g.end:hi], doc[lo:g.start]):
            for tok in window:
                if tok.lower_ in _REACTION_MARKS and tok.i >= g.end:
                    break  # "slumped 12.7% after the watchdog said it had opened a case on Tuesday": its day
                if tok.lower_ == "on" and tok.i + 1 < sent.end and tok.head.i in verbs:
                    found = resolve_date(doc[tok.i:min(tok.i + 4, sent.end)].text, session)
                    if found:
                        return found
        return session

    def _fronted_move(self, sent: Span, g: PercentGroup, mentioned: list[Mentioned], hi: int, evidence: Evidence,
                      session: date | None) -> Fact | None:
        """A move the sentence opens with, its index or company the subject after the comma: "Down 1.2%, the Nikkei
        Stock Average settled at 48,906.33", "Up 0.5% on the session, the STOXX Europe 600 closed at 612.48",
        "Shedding 0.7 per cent, the FTSE/JSE Top 40 index closed at 112,480.65"."""
        doc = sent.doc
        # (the sentence's first word, or the first after a semicolon: "…; with a gain of 0.5 percent, the OMX …")
        start = max([sent.start] + [t.i + 1 for t in doc[sent.start:g.start] if t.text == ";"])
        first = doc[start]
        sign = {"up": 1, "down": -1}.get(first.lower_, 0) or first.tag_ == "VBG" and self._sign(first) or \
            self.move_ing.get(first.lower_, 0)
        if g.start == start + 2 and first.lower_ == "having" and doc[start + 1].tag_ == "VBN":
            sign = self._sign(doc[start + 1])  # "Having climbed 0.9 percent on Tuesday, the NGX All-Share Index ended"
        elif g.start == start + 2 and first.lower_ == "with" and doc[start + 1].lower_ in ("a", "an") and g.end < hi:
            sign = self._sign(doc[g.end])  # "With a 1.8 percent advance, the WIG20 ended at 2,964.12"
        elif g.start == start + 4 and first.lower_ == "with" and doc[start + 1].lower_ in ("a", "an") and \
                doc[start + 3].lower_ == "of":
            sign = self._sign(doc[start + 2])  # "With a gain of 0.5 percent, the OMX Helsinki All-Share index closed"
        elif g.start != start + 1:
            sign = 0
        if len(g.values) != 1 or not sign:
            return None
        comma = next((t.i for t in doc[g.end:min(hi, g.end + 6)] if t.text == ","), None)
        # (the name may stop short of its head noun: "the OMX Helsinki All-Share index")
        subject = next((m for m in mentioned if comma is not None and comma < m.span.start <= comma + 6 and
                        m.type in MOVER_TYPES and (m.span.root.dep_ in ("nsubj", "nsubjpass") or
                                                   m.span.root.dep_ == "compound" and
                                                   m.span.root.head.dep_ in ("nsubj", "nsubjpass"))), None)
        if subject is None:
            return None
        values: dict = {"percentChange": g.values[0] * sign}
        # (the close before the comma, "Down 0.8% at 61,442.30, the Nikkei 225 finished …", or after the subject)
        # (past a short form in brackets and a day, and "a record": "the Taiwan Capitalization Weighted Stock Index
        # (Taiex) finished Wednesday at a record 36,012.84")
        after = _past_acronym(subject, hi)
        if after < hi and doc[after].lower_ in _CLOSE_FORMS and after + 1 < hi and doc[after + 1].lower_ in WEEKDAYS:
            after += 2
        at = next((t for t in chain(doc[g.end:comma], doc[after:min(hi, after + 4)])
                   if t.lower_ in ("at", "to", "reached")), None)  # (also "the GSE Composite Index reached 6,904.12")
        verb = subject.span.root.head if subject.span.root.dep_ != "compound" else subject.span.root.head.head
        for t in doc[after:hi] if at is None else ():
            # ("Up 1.3 percent, the VN30 - a basket of the largest companies - did even better, finishing the day
            # at 1,803.55": a close form the subject's verb governs)
            if t.lower_ in _CLOSE_FORMS and (t.i == verb.i or t.head.i == verb.i):
                k = t.i + 1 + (2 if [x.lower_ for x in doc[t.i + 1:t.i + 3]] in _THE_SESSION else
                               1 if t.i + 1 < hi and doc[t.i + 1].lower_ in WEEKDAYS else 0)
                at = doc[k] if k < hi and doc[k].lower_ == "at" else None
                break
        level = at.i + 1 + (2 if at is not None and [t.lower_ for t in doc[at.i + 1:at.i + 3]] == ["a", "record"]
                            else 0) if at is not None else hi
        close = parse_number(doc[level].text) if level < hi and doc[level].like_num else None
        kind, role = ("IndexMovement", "index") if subject.type == "StockIndex" else ("StockMovement", "company")
        if close is not None and kind == "IndexMovement":
            values["closeLevel"] = close[0]
        if session is not None:
            values["date"] = session
        return Fact(kind, {role: (subject.entity.key,)}, values, evidence, 0.8, "move:fronted")

    def _sign(self, word: Token) -> int:
        """+1 or -1 for a word of moving up or down ("gaining", "advance", "loss", "gainer"), else 0."""
        lemma = word.lemma_.lower()
        return 1 if lemma in self.up or lemma in ("gainer", "improvement") else \
            -1 if lemma in self.down or word.lower_ in ("loss", "losses") or lemma == "loser" else 0

    def _told_after(self, doc: Doc, g: PercentGroup, sent: Span) -> Token | None:
        """The move noun of a clause that says how it compared before telling it after a colon or a dash: "Losses on
        the KOSDAQ were steeper: 1.9 percent", "for the broad WIG the damage was milder - 0.7 percent", "Sharpest of
        all was the rally in the rate-sensitive Nifty Bank: 1.9 percent"."""
        unit = doc[g.end - 1]
        if unit.dep_ == "appos" and unit.head.dep_ == "attr":
            unit = unit.head  # ("was a milder 0.4 percent", "milder" taken for the noun)
        if unit.dep_ == "pobj" and unit.head.lower_ == "to" and unit.head.head.lemma_.lower() in _AMOUNTING:
            # ("for HSBC Holdings the slippage came to 0.8 percent")
            loss = next((c for c in unit.head.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and
                         self._sign(c)), None)
            if loss is not None:
                return loss
        if unit.dep_ == "attr" and unit.head.lemma_ == "be":
            # ("Nestle's loss was a milder 0.4 percent": the move the share is)
            loss = next((c for c in unit.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and self._sign(c)),
                        None)
            if loss is not None:
                return loss
        if g.start - 2 < sent.start or doc[g.start - 1].text not in (":", *_DASHES):
            return None
        node = doc[g.start - 2]
        for _ in range(4):
            if node.lemma_ == "be" or node.head.i == node.i:
                break
            node = node.head
        if node.lemma_ != "be" or node.i >= g.start:
            return None
        return next((c for c in node.children if c.dep_ in ("nsubj", "attr") and c.pos_ == "NOUN" and (
            self._sign(c) or c.lemma_.lower() == "damage")), None)

    def _noun_move(self, sent: Span, g: PercentGroup, mentioned: list[Mentioned], lo: int, hi: int,
                   evidence: Evidence, session: date | None, topic: Mentioned | None = None) -> Fact | None:
        """A move told as a noun that names what moved: "A 1.3 per cent fall in the DSEX, to 5,812.44, was …", "The
        BIST 100's 2.8 percent jump, to 14,620.37, …", "A 2.3 per cent surge carried the KSE-100 to 148,306.41" (not
        "Tencent's 10 percent rise in revenue", "a 20 percent gain in the Nikkei this year")."""
        doc = sent.doc
        noun = doc[g.end] if g.end < sent.end else None
        # (or one the parser joins to the clause before: "…, and the BIST 30's fall of 2.3 percent left the gauge at")
        carried = g.end < sent.end and doc[g.end].pos_ == "VERB" and doc[g.end].lemma_.lower() in _MOVE_CARRIERS
        if g.start - 2 >= sent.start and doc[g.start - 1].lower_ == "of" and self._sign(doc[g.start - 2]) and (
                doc[g.start - 2].dep_ == "nsubj" or carried and doc[g.start - 2].dep_ == "conj"):
            noun = doc[g.start - 2]  # "Gains of 1.2 percent took the NGX All-Share Index to 142,618.35"
        unit = doc[g.end - 1]
        listed = unit.dep_ == "conj" and unit.head.pos_ == "NOUN" and self._sign(unit.head) != 0 and \
            unit.head.dep_ == "nsubj" and any(c.dep_ == "prep" and c.lower_ == "of" for c in unit.head.children)
        if listed:
            noun = unit.head  # "losses of 1.5 percent at Infosys and 1.2 percent at Reliance Industries followed"
        dashed = g.start - 2 >= sent.start and g.end + 1 < sent.end and doc[g.start - 1].text in _DASHES and \
            doc[g.end].text in _DASHES and self._sign(doc[g.start - 2]) != 0
        if dashed:
            noun = doc[g.start - 2]  # "A sharper fall - 1.1 percent - hit the S&P Sri Lanka 20"
        told = self._told_after(doc, g, sent)
        if told is not None:
            noun = told  # "Losses on the KOSDAQ were steeper: 1.9 percent"
        # (also a noun the tagger calls a verb: "meant a 0.6 percent rise for the S&P/BMV IPC")
        if noun is None or not (noun.pos_ == "NOUN" or noun.pos_ == "VERB" and noun.dep_ in ("dobj", "nsubj")) or \
                len(g.values) != 1:
            return None
        sign = self._sign(noun) or (-1 if told is not None else 0)  # ("the damage was milder - 0.7 percent")
        if not sign or self._hypothetical(noun) or noun.head.lemma_.lower() in _GUESSES:
            return None
        # (also "A 2.4 percent drop at Tokyo Electron dragged on the chip cohort")
        preps = [c for c in noun.children if c.dep_ == "prep" and c.i != g.start - 1 and (
            c.lower_ in ("in", "of", "for", "at") or told is not None and c.lower_ == "on")]
        if listed or noun.i == g.start - 2:
            # (the share the move of a list is told of: "losses of 1.5 percent at Infosys and 1.2 percent at …")
            preps = [c for c in unit.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "for")] or preps
        # ("A 6.4 percent drop followed in Sino Ceria Materials")
        preps += [c for a in noun.children if a.dep_ == "acl" and a.lemma_.lower() in ("follow", "come", "ensue")
                  for c in a.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "for")]
        holders = [o for c in preps for o in c.children if c.lower_ != "of" and o.dep_ == "pobj"] or \
            [c for c in noun.children if c.dep_ == "poss" and not preps]
        # (or "the decree was worth a 4.0 percent rise")
        clause = noun.head.head if noun.dep_ == "npadvmod" and noun.head.lower_ == "worth" else noun.head
        if (noun.dep_ in ("dobj", "nsubj", "attr") or clause is not noun.head) and not holders:
            # "For the Hang Seng China Enterprises Index the session meant a 0.9 percent slide" (or "the result was
            # a 0.2 percent dip"), "for the broader NSE All Share Index (NASI), a 1.0 percent rise meant a finish at
            # 168.92"; "The Euro Stoxx 50 fared a little worse: a 0.6 percent decline, to 6,101.45"
            # (also "For Illawarra Tube Mills, that meant a 6.9 percent jump", "A 7.7 percent climb followed for
            # Waikato Mesh Products", "Smaland Plywood's answer was a 10.4 percent surge")
            holders = [o for c in clause.children if c.dep_ == "prep" and c.lower_ == "for" and c.i < noun.i
                       for o in c.children if o.dep_ == "pobj"] or \
                _for_whom(clause) or \
                [o for c in clause.children if c.dep_ == "prep" and c.lower_ == "for" and noun.dep_ == "nsubj" and
                 clause.lemma_.lower() in ("follow", "come", "result", "ensue") for o in c.children
                 if o.dep_ == "pobj"] or \
                [p for c in clause.children if c.dep_ == "nsubj" and noun.dep_ == "attr" and clause.lemma_ == "be"
                 for p in c.children if p.dep_ == "poss"] or \
                [c for c in noun.head.children if c.dep_ == "nsubj" and noun.dep_ == "dobj" and
                 any(t.text == ":" for t in doc[noun.head.i + 1:noun.i])]
        held = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "to" else None
        if held is not None and held.lower_ == "on":
            held = held.head
        if not holders and held is not None and held.lemma_.lower() == "hold":
            holders = [c for c in held.children if c.dep_ == "nsubj"]  # "Walmex held on to a 0.3 percent gain"
        elif not holders and held is not None and held.lemma_.lower() in _MOVE_CARRIERS | {"help"}:
            # "… helped the OMX Copenhagen 25 Index (OMXC25) to a 0.6 percent advance and a close of 2,488.31"
            holders = [c for c in held.children if c.dep_ == "dobj"]
        # "the Hang Seng Index stood at 38,612.47 - the product of a 1.2 percent climb -": the level's, whose
        # subject moved
        outcome = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
        reached = outcome.head if outcome is not None and outcome.lemma_.lower() in _OUTCOMES and \
            outcome.dep_ == "appos" and outcome.head.like_num else None
        if not holders and reached is not None:
            stood = reached.head.head if reached.dep_ == "pobj" else reached.head
            holders = [c for c in stood.children if c.dep_ == "nsubj"]
        holders += [c for h in holders if h.lower_ in ("shares", "stock") for c in h.children
                    if c.dep_ in ("compound", "poss")]  # "a 5 per cent rise in Tencent shares"
        # "Friday's close for the S&P/NZX 50 Index - 13,902.55 - amounted to a 0.4 percent loss": the close told
        # as the subject, with its level set off after the index
        told_by = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
        closing = next((c for c in told_by.children if c.dep_ == "nsubj" and c.lemma_.lower() in ("close", "finish")),
                       None) if not holders and noun.dep_ in ("dobj", "pobj") else None
        if closing is not None:
            holders = [o for c in closing.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children
                       if o.dep_ == "pobj"]
            holders += [c for h in holders if h.like_num for c in h.children if c.dep_ in ("compound", "nmod")]
        # "carried the KSE-100 to …", "a 0.6 percent decline leaving it at 3,305.12"
        # (or the participle right after it, whatever the parser hung it on: "a 1.4 percent advance lifting it to")
        carriers = [v for v in chain([noun.head] if noun.dep_ == "nsubj" else [],
                                     (c for c in noun.children if c.dep_ == "acl"),
                                     (c for c in noun.head.children if noun.dep_ == "dobj" and c.dep_ == "advcl" and
                                      c.i > noun.i and c.tag_ == "VBG"),  # "meant a 0.9 percent slide, leaving it"
                                     doc[noun.i + 1:noun.i + 2] if doc[noun.i + 1:noun.i + 2].text.endswith("ing")
                                     else [])
                    if v.lemma_.lower() in _MOVE_CARRIERS] + \
            [v for v in doc[g.end + 1:g.end + 2] if dashed and v.pos_ == "VERB"] + \
            ([doc[g.end]] if carried and noun.dep_ == "conj" else [])  # ("- hit the S&P Sri Lanka 20", "… left")
        if noun.dep_ == "appos":
            holders.append(noun.head)  # "The STOXX Europe 600, a 0.3 percent gainer on the day, settled at 612.48"
            if noun.head.dep_ == "attr":
                # "Hammerfest Reefer Shipping was the day's biggest casualty, a 22.9 percent collapse"
                holders += [c for c in noun.head.head.children if c.dep_ == "nsubj"]
        holders += [c for v in carriers for c in v.children if c.dep_ == "dobj"]
        moved = next((m for m in mentioned if m.type in MOVER_TYPES and (m.span.root in holders or not preps and
                      m.span.end + 1 == g.start and doc[m.span.end].lower_ in ("'s", "’s"))), None)
        if moved is None and any(h.lower_ in _GAUGE_NOUNS and h.pos_ == "NOUN" and
                                 any(d.lower_ in ("that", "the") for d in h.children) for h in holders):
            # "… did better still: a 2.1 percent advance carried that gauge to 8,904.33": the index named before
            moved = next((m for m in reversed(mentioned) if m.span.end <= g.start and m.span.start >= sent.start and
                          m.type == "StockIndex"), None)
        if moved is None and not preps and any(h.lower_ in ("its", "it") for h in holders):
            # "Germany's DAX fared worse: its 1.1 percent decline left it at 27,314.92", "the Nasdaq Composite led
            # the way, a 1.2 percent advance carrying it to 28,770.13"
            moved = next((m for m in reversed(mentioned) if m.span.end <= g.start and m.span.start >= sent.start and
                          m.type in MOVER_TYPES), None)
            if moved is None and noun.dep_ == "nsubj" and topic is not None and \
                    topic.type in ("Company", "AnalystFirm"):
                moved = topic  # "Basel Chemtrade lost a quarter of its value. Its 27.4% plunge came as …"
        after = max(noun.i + 1, g.end)
        tail = doc[after:min(hi, after + 9)]
        if moved is None or any(t.lower_ in _SPAN_WORDS for t in tail):
            return None
        values: dict = {"percentChange": g.values[0] * sign}
        if session is not None:
            values["date"] = session
        if moved.type != "StockIndex":
            return Fact("StockMovement", {"company": (moved.entity.key,)}, values, evidence, 0.75, "move:noun")
        # (or the level the carrier took it to, past a remark: "A gain of 0.2 percent - hardly worth a headline -
        # took the Straits Times Index (STI) to 4,312.55")
        # (also "carried the Jakarta Composite Index (JCI) down to 7,315.64")
        at = next((t for t in chain(tail, (c for v in carriers for c in v.children if c.dep_ == "prep"),
                                    (c for v in carriers for a in v.children if a.lower_ in ("down", "up")
                                     for c in a.children if c.dep_ == "prep"))
                   if (t.lower_ in ("to", "at") or t.lower_ == "of" and doc[t.i - 1].lower_ == "close") and
                   t.i + 1 < hi and doc[t.i + 1].like_num), None)  # (or "a 0.3 percent gain and a close of 1,062.18")
        close = parse_number(doc[at.i + 1].text) if at is not None else parse_number(reached.text) \
            if reached is not None else None
        set_off = next((parse_number(t.text) for t in doc[moved.span.end:g.start] if closing is not None and
                        t.like_num and doc[t.i - 1].text in _DASHES), None)  # ("… Index - 13,902.55 - amounted")
        if close is not None and (at is None or not (at.i + 2 < len(doc) and
                                                     doc[at.i + 2].lower_ in ("percent", "%", "per"))):
            values["closeLevel"] = close[0]
        elif set_off:
            values["closeLevel"] = set_off[0]
        else:
            # "closed at 7,702.55, a 0.6 percent decline"; "a 0.5 percent gain for the TASI, which closed at 12,804.66"
            level = self._close_before(doc, lo, g) if noun.dep_ == "appos" or noun.head.dep_ == "appos" else \
                _relative_close(moved, hi)
            if level is not None:
                values["closeLevel"] = level
        return Fact("IndexMovement", {"index": (moved.entity.key,)}, values, evidence, 0.8, "move:noun")

    def titled(self, m: Mentioned) -> bool:
        """"Deputy Governor Barnabas Virag": a person with a title is no company that moves."""
        return m.type == "Person" and m.span.start > 0 and m.span.doc[m.span.start - 1].text in self.person_titles

    def moves(self, sent: Span, mentioned: list[Mentioned], session: date | None, evidence: Evidence,
              topic: Mentioned | None = None, just_named: bool = False) -> list[Fact]:
        """Index and stock moves. ``topic`` is the company the sentences before were about: "The Herzliya-based
        card processor plunged 16.5%" moves it; when ``just_named`` (named in this sentence or the one before), so
        does "the stock" ("Worst of the day was Jadeway Freight. … sent the stock down 31.5 percent")."""
        doc = sent.doc
        # ("the Herzliya-based card processor": where a company is based does not move)
        mentioned = [m for m in mentioned if not (m.span.end + 1 < len(doc) and doc[m.span.end].text == "-" and
                                                  doc[m.span.end + 1].lower_ == "based")]
        groups = [g for g in self._percent_groups(sent) if not g.fraction]
        facts: list[Fact] = []
        respectively = any(t.lower_ == "respectively" for t in sent)
        queue: list[Mentioned] = []
        lo = sent.start
        last_direction = 0
        last_subject: Mentioned | None = None
        for n, g in enumerate(groups):
            hi = groups[n + 1].start if n + 1 < len(groups) else sent.end
            window_ents = [m for m in mentioned if lo <= m.span.start and m.span.end <= g.start]
            # ("The curb knocked 8.9 percent off Sundarban Rice Exports", "A third of X's value - 33.1 percent -
            # evaporated": a move, though a measure did it)
            taken = _taken_off(sent, g, mentioned, hi, evidence, session) or \
                _value_lost(sent, g, mentioned, evidence, session)
            if taken is None and self._is_policy_rate(doc, g):
                lo = g.end
                continue
            fronted = taken or self._fronted_move(sent, g, mentioned, hi, evidence, session) or \
                self._noun_move(sent, g, mentioned, lo, hi, evidence, session, topic)
            if fronted is not None:
                # "Down 1.2%, the Nikkei Stock Average settled at 48,906.33", "A 1.3 per cent fall in the DSEX"
                facts.append(fronted)
                # (what moved, named after the move, is no subject of the next: "With a 1.3 percent rise, the GSE
                # Composite Index (GSE-CI) reached 6,904.12; … the GSE Financial Stocks Index …")
                moved = next(iter(fronted.roles.values()))[0]
                lo = max([g.end] + [m.span.end for m in mentioned if m.entity.key == moved and g.end <= m.span.start
                                    and m.span.end <= hi])
                continue
            direction, verb = self._direction(doc, lo, g)
            if g.sign:
                direction, verb = g.sign, verb  # "Zions Bancorporation (+5.2%)"
            between = [t for t in doc[lo:g.start] if not any(m.span.start <= t.i < m.span.end for m in window_ents)
                       and t.lower_ not in ("'s", "’s")]
            if len(between) >= 2 and between[0].lower_ in ("to", "at") and between[1].like_num:
                between = between[2:]  # "… had gained 1.5% to 4,612.08 and the Shenzhen Component Index 1.7%"
            if direction == 0 and last_direction and all(
                    t.lower_ in (",", "and", "or", "respectively", "and/or", "while", "with") or
                    _describes(t, window_ents) or _in_apposition(t, window_ents) for t in between) and \
                    len(window_ents) <= 1:
                direction = last_direction  # "gained 8.7 percent and 7.9 percent", "…and Frankfurt's DAX 0.9%"
            if direction == 0 and last_direction and g.start > sent.start and doc[g.start - 1].lower_ == "with" and \
                    doc[g.start - 1].head.lemma_.lower() == "follow":
                direction, verb = last_direction, doc[g.start - 1].head  # "; BDO Unibank followed with 1.2 percent"
            if verb is not None and _transitive(verb) and g.end < sent.end and doc[g.end].lower_ in _AFTER_AMOUNT:
                # "extended its winning streak on Friday, closing 0.7 per cent higher": the move told after the amount
                direction, verb = _AFTER_AMOUNT[doc[g.end].lower_], doc[g.end].head
            if direction == 0 or (verb is not None and (self._hypothetical(verb, moving=True) or
                                                        _transitive(verb) and not (
                    verb.lemma_.lower() in _CAUSED and any(m.span.root.head.i == verb.i for m in window_ents)))):
                lo = g.end  # no movement word, a forecast ("could lift prices by 15 percent") or
                continue    # something else lowered ("Malhotra lowered the inflation forecast to 3.1 percent")
            last_direction = direction
            # (a short form in brackets after an index is the index's: "the GSE Financial Stocks Index (GSE-FSI)")
            subjects = [m for m in window_ents if (m.type in MOVER_TYPES or not m.entity.known
                        and m.type in ("Person", "City", "Company") and not self.titled(m)) and not (
                m.span.start >= 2 and doc[m.span.start - 1].text == "(" and
                any(o.type == "StockIndex" and o.span.end == m.span.start - 1 for o in window_ents))]
            if n + 1 < len(groups) and [t.lower_ for t in doc[max(sent.start, g.start - 3):g.start]] == \
                    ["as", "much", "as"]:
                # "HLB rose as much as 7 percent before giving up its gains to close down 1.1%":
                # the day's extreme, not the move; the close that follows is
                last_subject = subjects[-1] if len(subjects) == 1 else last_subject
                lo = g.end
                continue
            if not subjects and queue:
                subjects = queue[: len(g.values)]
                queue = queue[len(g.values):]
            elif not subjects and topic is not None and verb is not None and any(
                    c.i < g.start and (described_company(c) or just_named and c.lower_ in ("stock", "shares") and any(
                        d.dep_ in ("det", "poss") and d.lower_ in ("the", "its") or
                        # "The supermarket operator's shares fell 7.9 percent"
                        d.dep_ == "poss" and described_company(d) for d in c.children))
                    for c in _clause_subjects(verb) + [o for o in (verb if verb.pos_ == "VERB" else verb.head).children
                                                       if o.dep_ == "dobj"]):
                # "Less happy was Negev Payments. The Herzliya-based card processor plunged 16.5%", "… was routed,
                # plunging 29.4 percent"
                subjects = [topic]
            elif not subjects and last_subject is not None and verb is not None and \
                    (verb if verb.pos_ == "VERB" else verb.head).tag_ in ("VBG", "VB") and \
                    not any(c.dep_ in ("nsubj", "nsubjpass") for c in (verb if verb.pos_ == "VERB" else verb.head).children):
                subjects = [last_subject]  # "fell 1.85 percent, after shedding 1.7 percent on Monday"
            elif len(subjects) > len(g.values):
                if respectively:
                    queue = subjects[len(g.values):]
                    subjects = subjects[: len(g.values)]
                else:
                    subjects = [self._pick_subject(subjects, verb)]
            if len(subjects) != len(g.values):
                if len(subjects) == 1 and g.values:
                    pairs = [(subjects[0], g.values[-1])]
                else:
                    lo = g.end
                    continue
            else:
                pairs = list(zip(subjects, g.values))
            close = self._close_level(doc, g, sent.end) if len(pairs) == 1 else None
            if close is None and len(pairs) == 1:
                close = self._close_before(doc, lo, g)
            price = self._price_change(doc, lo, g) if len(pairs) == 1 else None
            when = self._group_date(sent, lo, g, hi, session, verb)
            for subject, value in pairs:
                values = {"percentChange": value * direction}
                if when:
                    values["date"] = when
                if subject.type == "StockIndex":
                    kind, role = "IndexMovement", "index"
                    if close is not None:
                        values["closeLevel"] = close
                else:
                    kind, role = "StockMovement", "company"
                    if subject.type not in ("Company", "AnalystFirm"):
                        subject.entity.type = "Company"
                    if price is not None:
                        values["priceChange"] = price[0] * direction
                        values["currency"] = price[1]
                rule = "move:respectively" if len(pairs) > 1 or respectively else "move:subject-verb-percent"
                facts.append(Fact(kind, {role: (subject.entity.key,)}, values, evidence,
                                  0.9 if subject.entity.known else 0.75, rule))
            last_subject = pairs[-1][0] if len(pairs) == 1 else None
            lo = g.end
        return facts

    @staticmethod
    def _pick_subject(subjects: list[Mentioned], verb: Token | None) -> Mentioned:
        """The subject of the movement verb ("the CAC 40 in Paris slumped", "Stellantis, which has a
        partnership with Leapmotor, edged up"); else one that is some clause's subject; else the nearest."""
        node = verb
        for _ in range(4):  # the verb's own subject first, then its governors'
            if node is None:
                break
            for m in subjects:
                if any(t.head.i == node.i and t.dep_ in ("nsubj", "nsubjpass") for t in m.span):
                    return m
            if node.head.i == node.i:
                break
            node = node.head
        for m in subjects:
            if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i > t.i for t in m.span) and \
                    not any(t.dep_ in ("pobj", "dobj", "poss") for t in m.span):
                return m
        return subjects[-1]

    # -- policies ---------------------------------------------------------------------

    def _hypothetical(self, tok: Token, moving: bool = False) -> bool:
        """True when a trigger (or, ``moving``, a move word) stands under "could", "threatened to", "is
        considering"…"""
        node, seen, path = tok, 0, [tok]
        while seen < 6:
            # (a verb joined to a hedge is none: "The Dow, weighed down by banks, lost 0.1%", "weighed" the root)
            # ("Germany's DAX, weighed down by software names, suffered a steeper decline", "weighed" read as active)
            coordinate = seen > 0 and path[-2].dep_ == "conj" and any(
                c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by" for c in node.children)
            # (what does the weighing is no hedge: "Vingroup's 2.3 percent fall weighed most")
            # ("the DAX - weighed down by industrials - closed at …", the dashed remark parsed as the root)
            weighed_down = moving and any(c.dep_ == "prt" and c.lower_ == "down" for c in node.children)
            hedged = node.lemma_.lower() in self.hedges and not coordinate and not weighed_down and not (
                seen > 0 and path[-2].dep_ == "nsubj") and not (
                # (nor what "as everyone had predicted" says came true: "No change, as nearly everyone had predicted:
                # the Bank of Korea kept its base rate at 2.75 percent")
                any(c.dep_ == "mark" and c.lower_ == "as" for c in node.children) and
                any(c.dep_ == "punct" and c.text == ":" for c in node.children))
            if hedged or any(
                    c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for c in node.children) and not any(
                    c.lower_ in ("only", "longer") for p in path for c in p.children) and not any(
                    _forbidden_shipment(p) for p in path):  # ("may only be shipped under a licence", "may be
                # exported only with a licence", "could no longer be sold without one", "no more ore may be
                # shipped overseas": a rule)
                return True
            if node.head.i == node.i or node.dep_ == "relcl" and node.head.ent_type_ in MOVER_TYPES and (
                    node.lemma_.lower() in self.move_verbs or node.lower_ in self.move_verbs):
                return False  # (a company's move told in a relative clause is told: "weighed on Optronik, which shed
                # 6.2 percent")
            node, seen = node.head, seen + 1
            path.append(node)
        return False

    def policies(self, sent: Span, mentioned: list[Mentioned], reference: date | None,
                 evidence: Evidence, session: date | None = None, topic: Mentioned | None = None) -> list[Fact]:
        """The measures the sentence states. ``topic`` is the company the sentence before was about:
        a probe of "the chip tester's headquarters" or of "its offices" here aims at it."""
        doc = sent.doc
        facts: list[Fact] = []
        matches = [m for m in self._matches(doc)[1] if sent.start <= m[1] and m[2] <= sent.end and not (
            # "automated inspection systems": a word that only names other goods, no measure (and no end
            # to the goods of the measure before it)
            doc[m[2] - 1].dep_ == "compound" and doc[m[2] - 1].head.lower_ not in self.trigger_words and
            doc[m[2] - 1].head.pos_ == "NOUN" and m[0] == "Investigation") and not any(
            # "the Federal Office for Economic Affairs and Export Control": a body's name, no measure
            b.type == "GovernmentBody" and b.span.start <= m[1] and m[2] <= b.span.end for b in mentioned) and not (
            # "officers visited its office" is a search; "the minister visited Beijing", "duties of 17.4 percent
            # when it enters China" are not (nor do they take the rate before them)
            doc[m[1]].pos_ == "VERB" and doc[m[1]].lemma_.lower() in ("visit", "enter") and not any(
                c.dep_ == "dobj" and c.lower_ in _PREMISES for c in doc[m[1]].children))]
        used_end = -1
        groups = self._percent_groups(sent)
        for n, (kind, start, end) in enumerate(matches):
            if start < used_end:
                continue
            next_start = next((m[1] for m in matches[n + 1:] if m[1] >= end), sent.end)
            head = doc[end - 1]
            if kind == "ExportControl" and head.lower_ == "approval" and not any(
                    t.lower_ in ("abroad", "overseas") or t.lower_.startswith("export") or
                    t.lemma_.lower() in ("ship", "shipment") for t in sent):
                continue  # "shipments of beef abroad will require prior approval", not "any transaction will"
            # "the US tariff deadline": a trigger that only modifies another noun is no policy;
            # "a countervailing duty investigation" is the investigation, not a duty
            if head.dep_ == "compound" and (head.head.lower_ not in self.trigger_words or any(
                    m[1] <= head.head.i < m[2] and m[0] != kind for m in matches)) and not (
                    # "will receive tax credit certificates equal to 15% of their capital spending"
                    kind == "Subsidy" and head.head.lower_ in ("certificates", "certificate", "vouchers", "payments") or
                    # "set a countervailing duty rate of 4.6 percent": the duty's rate
                    kind == "Tariff" and head.head.lower_ in ("rate", "rates") or
                    # ("need permits to ship scrap copper", "ship" misparsed as a noun)
                    end - start >= 3 and doc[end - 2].lower_ == "to" or
                    # ("an import tariff set at 35 percent - up from 10 percent -", misparsed over the dash)
                    _over_dash(head) or
                    # ("will be subject to a tariff set at 12.5 percent", "face a duty amounting to 18 percent", the
                    # participle parsed as its noun)
                    head.head.tag_ == "VBN" and head.head.lemma_.lower() in ("set", "fix", "levy", "impose", "peg") or
                    head.head.lower_ in ("amounting", "equal", "equivalent", "totalling", "totaling") or
                    # ("added the company to the Russia sanctions register": the list it is put on)
                    kind == "Sanction" and head.head.lower_ in _LISTS and _placed_on(head.head)):
                continue
            payer = head.head.head if head.dep_ == "conj" else head.head
            if payer.lemma_.lower() == "pay" and payer.head.lemma_.lower() == "use":
                continue  # "certificates, which can be used to pay income tax and export duties": no new duty
            if start > sent.start and doc[start - 1].lower_ in ("earlier", "existing", "previous", "prior", "former") \
                    and not (kind == "ExportControl" and doc[start - 1].lower_ == "prior"):  # ("a prior export permit")
                continue  # "to get around earlier levies on Chinese plywood": a measure already in place
            # "anti-subsidy duties", "countervailing": the subsidy is what the measure answers
            if kind == "Subsidy" and ("anti" in {t.lower_ for t in doc[max(0, start - 2):start]} or
                                      doc[start].lower_.startswith("anti")):
                continue
            if self._hypothetical(head) and not (kind == "Subsidy" and _eligible(head)):
                continue
            if head.dep_ == "pobj" and head.head.lower_ in ("through", "via", "under") and any(
                    m[0] == kind and m[1] <= head.head.head.i < m[2] for m in matches):
                continue  # "will be able to recover up to 45% of the cost through grants": how, not a second grant
            if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in _BREACH_WORDS or \
                    head.dep_ == "dobj" and head.head.lemma_.lower() in ("evade", "circumvent", "breach", "violate"):
                continue  # "in breach of European sanctions", "evading US export controls": rules in force
            if head.dep_ == "pobj" and head.head.lower_ in ("for", "to") and \
                    head.head.head.lemma_.lower() in ("retaliation", "response", "reply", "answer"):
                continue  # "in retaliation for surtaxes that Ottawa imposed …": the measure answered, told before
            if head.dep_ == "pobj" and head.head.lower_ in ("over", "about") and \
                    head.head.head.lemma_.lower() in ("dispute", "row", "spat", "quarrel", "war", "tension", "fight"):
                continue  # "a probe that began during a dispute over European tariffs on Chinese cars": background
            if kind == "Subsidy" and (head.dep_ == "pobj" and head.head.lower_ == "to" and
                                      head.head.head.lemma_.lower() == "amount" or
                                      head.dep_ in ("dobj", "attr") and
                                      head.head.lemma_.lower() in ("constitute", "represent", "amount")):
                continue  # "cheap power amounted to a subsidy for the mills": a finding of a duty case, no grant
            if kind == "Investigation" and head.dep_ == "dobj" and \
                    head.head.lemma_.lower() in ("conclude", "complete", "end", "close", "wrap"):
                continue  # "…, concluding a probe that began last year": the probe behind the measure, not a new one
            if kind == "Investigation" and _measure_came_after(head, matches):
                continue  # "The duties, recommended by the DGTR after a year-long investigation into …": its cause
            if kind == "Sanction" and head.dep_ == "pobj" and head.head.lower_ == "under" and \
                    head.head.head.pos_ in ("NOUN", "PROPN", "PRON"):
                continue  # "channelled funds to a network already under sanctions": what it is, no new measure
            if kind != "Investigation" and any(
                    m[0] == "Investigation" and m[2] <= start and m[2] + 1 < sent.end and doc[m[2]].lower_ == "into"
                    and (doc[m[2]].left_edge.i <= start <= doc[m[2]].right_edge.i or
                         doc[m[2] + 1].lower_ in ("whether", "how", "why")) for m in matches):
                continue  # "an investigation into whether subsidies from China gave X an advantage": what is probed
            if kind == "ExportControl" and _to_companies(doc, matches[n - 1][2] if n else sent.start, next_start):
                continue  # "suppliers will need a licence … to ship any items to the two companies", "any shipment
                # to the company will require a licence": a listing's effect
            if kind == "ExportControl" and any(m[0] == "Sanction" for m in matches) and \
                    any(w in doc[start:end].text.lower() for w in ("licen", "permit")):
                continue  # "…on its entity list, a move that requires suppliers to obtain licences": the listing
            if head.pos_ == "VERB" and any(c.dep_ == "dobj" and any(
                    # (but "has been investigating the pharmacy chain's supplier rebates": what the probe is into)
                    c.left_edge.i <= m[1] <= c.right_edge.i and (
                        m[0] == kind or m[1] <= c.i < m[2] and kind != "Investigation") and not (
                        # (not "will cover 30% of the cost … under a grant scheme": how it is paid)
                        _noun_of(doc[m[2] - 1]).dep_ == "pobj" and
                        _noun_of(doc[m[2] - 1]).head.lower_ in ("under", "through", "via")) and not (
                        # (not "designated the ship manager under the Russia sanctions regime")
                        doc[m[2] - 1].dep_ == "compound" and doc[m[2] - 1].head.lower_ not in self.trigger_words) and \
                    not any(r.dep_ == "relcl" and r.left_edge.i <= m[1] <= r.right_edge.i for r in c.subtree)
                    # (nor "… funded by the Israel Innovation Authority, which said the grants would help")
                    for m in matches) for c in head.children):
                continue  # "levy duties of 21.4 percent", "grant tax credits": the measure is named after the verb
            if kind != "Investigation" and any(m[0] == "Investigation" and end <= m[1] <= end + 1 for m in matches):
                continue  # "a countervailing duty investigation", "an anti-dumping duty probe"
            k = start - 1
            while k > sent.start and start - k <= 3 and doc[k].dep_ in ("amod", "compound") and \
                    doc[k].pos_ in ("ADJ", "PROPN", "NOUN") and doc[k].lower_ not in ("such", "same", "other"):
                k -= 1  # "the French levy", "these new export curbs"
            determiner = doc[k].lower_ if k >= 0 else ""
            if determiner in ("the", "these", "those", "such") and not any(
                    g.end <= start and start - g.end <= 2 for g in groups) and not (
                    k < start - 1 and any(end <= g.start < next_start for g in groups)) and not (
                    (head.head.lemma_.lower() in ("extend", "renew", "expand", "widen", "double", "lift", "scrap") or
                     head.head.lemma_.lower() in _RATE_CHANGES and
                     any(end <= g.start and doc[g.start - 1].lower_ == "to" for g in groups)) and
                    head.dep_ == "dobj" or
                    # ("raised the cess levied on tiles to 35%", parsed as "the cess levied" in a clause of its own)
                    head.dep_ == "nsubj" and head.head.dep_ == "ccomp" and head.head.tag_ == "VBN" and
                    head.head.head.lemma_.lower() in _RATE_CHANGES and
                    any(end <= g.start and doc[g.start - 1].lower_ == "to" for g in groups)) and not (
                    # "approved an increase in the import tax on modules to 25 percent"
                    head.dep_ == "pobj" and head.head.lower_ == "in" and head.head.head.lemma_.lower() in (
                        "increase", "rise", "hike", "cut", "reduction") and
                    any(end <= g.start < next_start for g in groups)) and not (
                    # "The tariff on imported rice will go back up to 35% from 15%": a new rate
                    head.dep_ == "nsubj" and head.head.lemma_.lower() in ("go", "rise", "climb", "increase", "fall",
                                                                         "drop", "return", "revert", "jump") and
                    any(g.start > head.head.i and doc[g.start - 1].lower_ == "to" for g in groups)) and (
                    kind != "Sanction" or end >= sent.end or doc[end].lower_ not in ("on", "against", "targeting")) \
                    and not any((t.lower_ in _LISTS or t.i + 1 < len(doc) and doc[t.i + 1].lower_ in _LISTS) and
                                t.dep_ == "pobj" and t.head.head.lemma_.lower() in ("add", "put", "place", "include")
                                for t in (head, doc[start], head.head)) and not (  # (or "the list of blocked persons")
                    # "ordered the freezing of the company's accounts": the freeze told with what it holds
                    kind == "Sanction" and head.lower_ in ("freezing", "freeze") and head.pos_ == "NOUN"):
                # ("put its largest shareholder on the national sanctions list": a new listing)
                continue  # "the duties", "these tariffs": a measure the article has already named
            # "pipes from China will be subject to a duty of 17.6 percent, and those shipped from Thailand
            # to a duty of 9.4 percent": the goods of the measure before, from another origin
            gap = doc[max(used_end, sent.start):start]
            # ("… ceramic tiles from China would face a duty of 31.0% and tiles from India a duty of 14.5%": the
            # goods named again by their head noun)
            heads = {g.lower().split()[-1] for g in facts[-1].values.get("appliesTo", ()) if g} if facts else set()
            gapped_origin = next((m for m in mentioned if facts and facts[-1].kind == kind and
                                  gap.start <= m.span.start < start and m.type == "Country" and
                                  doc[m.span.start - 1].lower_ in ("from", "in") and (
                                      any(t.lower_ in ("those", "that") for t in gap) or
                                      any(t.lower_ == "and" for t in gap) and any(t.lower_ in heads for t in gap))),
                                 None)
            used_before, used_end = used_end, end
            issuer = self._issuer(doc, mentioned, start, end, kind)
            if issuer is not None and issuer.type == "Country":
                # "a licence from the US Commerce Department's Bureau of Industry and Security": the body the
                # country's words belong to
                issuer = next((m for m in mentioned if m.type == "GovernmentBody" and
                               m.entity.country == issuer.entity.key and
                               issuer.span.end <= m.span.start <= issuer.span.end + 6 and
                               m.span.root.i in {a.i for a in issuer.span.root.ancestors}), issuer)
            elif issuer is not None and issuer.type == "GovernmentBody" and issuer.span.end + 1 < len(doc) and \
                    doc[issuer.span.end].lower_ in ("'s", "’s"):
                # "the Commerce Department's Bureau of Industry and Security": the bureau
                issuer = next((m for m in mentioned if m.type == "GovernmentBody" and
                               m.span.start == issuer.span.end + 1), issuer)
            by_verb = head.pos_ == "VERB" and end - start == 1 and head.lemma_.lower() in self.trigger_verbs
            # (also "had any assets it holds in China frozen by the ministry", a participle with its agent)
            # (also "X - sanctioned on Tuesday by OFAC for … - lost 24.1 percent", whatever the parser hung it on)
            passive = by_verb and (any(c.dep_ in ("auxpass", "nsubjpass") or c.dep_ == "agent" and (
                head.dep_ == "acl" or head.tag_ == "VBN") for c in head.children) or
                # ("Rainwater retention tanks will be 60 percent subsidised from October 1, the ministry announced")
                kind == "Subsidy" and _share_participle(head))
            if by_verb and head.lemma_.lower() == "freeze" and not any(
                    t.lemma_.lower() in _FROZEN for t in chain(
                        *(c.subtree for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")),
                        *(c.subtree for c in head.head.children if c.dep_ in ("nsubj", "dobj")),
                        [head.head] if head.dep_ == "acl" else [])):
                continue  # "was frozen at its 20% lower circuit": a stock, not a sanction
            if by_verb and kind == "ExportControl" and not any(
                    t.lower_ in ("exports", "export", "shipments", "sales") for c in chain(
                        head.children, head.head.children if head.dep_ == "xcomp" else ())
                    if c.dep_ in ("dobj", "nsubjpass") or c.dep_ == "nsubj" and c.head.i != head.i
                    for t in c.subtree) and not any(  # (or "barred from export", "prohibited from being exported")
                    c.dep_ == "prep" and c.lower_ == "from" and any(t.lemma_.lower() == "export" for t in c.subtree)
                    for c in head.children):
                continue  # "banned" is an export control only for exports: "exports of magnets were banned" (or "are
                # to be banned")
            if by_verb and not passive and issuer is not None and not _acts(issuer, head):
                # "officers from the CAD, the white-collar crime unit of the Singapore Police Force, had
                # visited its office": the body whose officers did it
                issuer = next((m for m in mentioned if m.type == "GovernmentBody" and _acts(m, head)), issuer)
            relative = by_verb and head.dep_ == "relcl" and issuer is not None and \
                issuer.span.start <= head.head.i < issuer.span.end  # "the Treasury, which sanctioned X"
            doer = head.head if head.dep_ == "xcomp" else head  # ("said it had started investigating")
            if by_verb and not passive and not relative and (issuer is None or not _acts(issuer, doer) and not any(
                    c.dep_ == "nsubj" and (c.lower_ in ("it", "they") or c.ent_type_ == "Country" or
                                           c.lower_ in _AGENTS_OF and (any(
                        p.dep_ == "poss" and p.lower_ in ("its", "their") for p in c.children) or
                        # "the FNE said investigators had searched …": the body that tells of its agents
                        issuer is not None and doer.dep_ == "ccomp" and
                        doer.head.lemma_.lower() in ("say", "announce", "confirm") and
                        (_acts(issuer, doer.head) or _after_body(doer.head))))
                    for c in doer.children)):  # "… confirmed that its officers had searched …"
                continue  # a verb is a policy only when a government does it: "the commission is investigating"
            if passive and issuer is None and not (kind == "ExportControl" and any(
                    t.lower_ in ("exports", "shipments") for c in head.children if c.dep_ == "nsubjpass"
                    for t in c.subtree)):
                continue  # (but "Exports of unprocessed seaweed will be capped …": the body may be told next)
            # ("a 10% tariff"; "the 30% clean technology investment tax credit": the words between name it)
            rate_groups = [g for g in groups if g.end <= start and (start - g.end <= 2 or start - g.end <= 5 and all(
                t.pos_ in ("NOUN", "ADJ", "PROPN") or t.text == "-" for t in doc[g.end:start]) and
                doc[g.start].i > sent.start and doc[g.start - 1].lower_ in ("the", "a", "its", "their") or
                # "Up to 40% of the cost of … will be co-funded by": the share the verb pays (or "Half the
                # price of … will be paid by")
                (share := _share_token(doc, g.end)).dep_ == "nsubjpass" and share.head.i == head.i or
                # ("35 percent of the cost of … is to be covered by")
                share.dep_ == "nsubj" and head.dep_ == "xcomp" and share.head.i == head.head.i)] + \
                          [g for g in groups if end <= g.start < next_start and not (
                              0 <= next_start - g.end <= 2 and next_start < sent.end) and not _in_range(doc, g, groups) and
                           not _old_rate(doc, g) and not _later_step(doc, g)  # "up from 25 percent": the old rate
                           and not _moved_by(doc[g.end - 1].head, self.move_verbs)  # "Kessler …, rose 7.4%"
                           # ("Smederevo Wire Works, whose wire will face a duty of 16.9% …, tumbled 8.2%")
                           and not (doc[g.start - 1].pos_ == "VERB" and doc[g.start - 1].lemma_.lower() in
                                    self.move_verbs - self.cost_share_verbs)  # (not "recover 40% of the cost")
                           and not any(t.dep_ == "nsubj" and t.head.pos_ in ("VERB", "AUX") and end <= t.head.i
                                       <= g.start and t.lower_ not in ("those", "ones") and not (
                                           # "a definitive duty, which the European Commission set at 32.6%"
                                           t.head.dep_ == "relcl" and t.head.head.i == head.i)
                                       for t in doc[end:g.start])]  # "…, while the Riksbank left…" (but "while
            # those shipped from Brazil will pay 24.5%": the same goods from elsewhere)
            # ("a rate of 48.2% for most exporters": whom it is charged to, no goods)
            # (nor "…, the ministry's spokeswoman Tang Wenli said": who tells of it)
            clauses = [(rate, None if goods is not None and (_holders_only(goods) or any(
                t.dep_ == "nsubj" and t.head.lemma_.lower() in self.reporting for t in goods)) else goods)
                       for rate, goods in self._rate_clauses(doc, sent, start, end, rate_groups)]
            origins: list[Span | None] = []
            holders = [_with_origin(g) if g is not None else None for _, g in clauses]
            if kind == "Tariff" and clauses and all(g is not None and _origin_holders(g) for g in holders) and \
                    (own := self._goods_span(doc, end, next_start)) is not None and own.end <= clauses[0][1].start:
                # "duties on galvanized steel sheet were set at 59.3% for Chinese producers and 22.7% for those in
                # Vietnam": whose goods each rate is for, the goods named once
                origins = holders
                clauses = [(rate, own) for rate, _ in clauses]
            if kind == "Subsidy":
                # "will cover 40% of the cost of X for the site": X
                shares_cost = head.pos_ == "VERB" and (head.lemma_.lower() in self.cost_share_verbs or
                                                       head.lemma_.lower() == "have" or head.lower_ in _FUNDED)
                # ("Grants from the Department of Energy will cover three-fifths of the cost of …": the verb the
                # grants are the subject of)
                sharer = head if shares_cost else head.head if head.dep_ == "nsubj" and \
                    head.head.lemma_.lower() in self.cost_share_verbs else None
                # "claim back as much as 50% of the cost of …": the cost after the share
                # (or before it: "Up to 50% of the cost of installing chillers will be co-funded by …")
                # (or "35 percent of the cost of … is to be covered by …", the share the subject of "is")
                # ("Half the cost of industrial robots … will be borne by …": from the cost itself)
                share = next((c.i + (c.dep_ != "nsubjpass" or c.lower_ not in _COST_NOUNS)
                              for c in chain(sharer.children, sharer.head.children if sharer.dep_ == "xcomp" else ())
                              if c.dep_ in ("dobj", "nsubjpass") or
                              c.dep_ == "nsubj" and sharer.dep_ == "xcomp" and c.i < sharer.i), end) \
                    if sharer is not None else end
                bearer = _bearing_verb(head)
                beneficiaries = next((span for span in (
                    lambda: self._cost_of(doc, share, next_start if share > sharer.i else sharer.i)
                    if sharer is not None else None,
                    lambda: self._beneficiaries(doc, end, next_start),
                    lambda: _plant_goods(doc, start, next_start, making_only=True),
                    lambda: self._cost_of(doc, end, next_start),
                    lambda: _claimant_goods(head) if head.pos_ == "VERB" else None,
                    lambda: _claimant_goods(bearer) if bearer is not None else None,
                    # "Industrial heat pumps will be eligible … for a grant worth 45 percent of their installed cost"
                    lambda: _subject_goods(head) if bearer is not None else None,
                    # "Companies building factories for subsea cables will be able to claim grants"
                    lambda: _claimant_goods(head.head) if head.dep_ == "dobj" and head.head.lemma_.lower() in
                    _CLAIM_VERBS | {"receive", "get", "obtain", "win", "apply"} else None,
                    lambda: _plant_goods(doc, start, next_start),
                    lambda: _purpose_goods(head)) for span in [span()]
                    if span is not None and self._goods(span) and not _spending(span)), None)
                # (the first that names goods: not "a tax credit for investment in green industry … for factories
                # making heat pumps and batteries", whose money pays for what the factories make)
                if beneficiaries is not None and all(t.lower_ in _CAPITAL_GOODS for t in beneficiaries) and (
                        made := self._goods_before(doc, sent, sent.end, _MAKER_NOUNS_PLURAL | {
                            "manufacturing", "production"})) is not None and self._goods(made):
                    # "Manufacturers of large power transformers will be able to recover up to 30% of the cost of new
                    # production lines": what the lines will make
                    beneficiaries = made
                if beneficiaries is not None or all(goods is None for _, goods in clauses):
                    clauses = [(clauses[0][0], beneficiaries)]
            # (not "a licence for export to China": the shipping, not what is shipped)
            clauses = [(rate, goods if goods is not None and (self._goods_of(goods, mentioned) or _refers_back(goods))
                        and not all(t.lower_ in _SHIPMENTS | {"export", "shipment", "sale"} or t.pos_ == "DET"
                                    for t in goods) else None)
                       for rate, goods in clauses]
            if kind == "ExportControl" and all(goods is None for _, goods in clauses) and head.dep_ == "pobj" and \
                    head.head.lower_ in ("under", "without") and \
                    any(c.dep_ == "auxpass" for c in head.head.head.children) and \
                    (shipped := self._object_span(head.head.head)) is not None:
                clauses = [(rate, shipped) for rate, _ in clauses]  # "X could no longer be sold … without a licence"
            if kind == "Tariff" and all(goods is None for _, goods in clauses) and \
                    head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in _LEVYING and \
                    (levied := self._goods_span(doc, head.head.i, sent.end)) is not None and self._goods(levied):
                # "An additional customs duty, amounting to a fifth of the declared value, will be levied on
                # passenger car tyres": what the verb the duty is the subject of lays it on
                clauses = [(rate, levied) for rate, _ in clauses]
            if all(goods is None or _refers_back(goods) for _, goods in clauses) and \
                    kind in ("Tariff", "ExportControl", "Subsidy"):
                # "importers of French brandy would have to pay deposits of 35.8 percent"; "glass bottles
                # and jars will face duties", "investment in grid plants will qualify for a tax credit";
                # "… 112.6% on goods from Vietnam and 54.3% on those from Thailand"
                before = self._goods_before(doc, sent, start) if kind != "Subsidy" else None
                if before is not None:
                    origins = [goods for _, goods in clauses]  # ("on goods from Vietnam": where they come from)
                    clauses = [(rate, before) for rate, _ in clauses]
            obj = self._object_span(head) if head.pos_ == "VERB" else None
            if obj is None and kind == "ExportControl":
                # "would need a licence, with immediate effect, to export memory chips to China"
                # (also past the body that issues it: "need a permit from the International Trade
                # Administration (ITA) to ship …")
                verb = next((t for t in doc[end:min(next_start, end + 18)] if t.pos_ == "VERB" and
                             t.lemma_.lower() in ("export", "ship", "sell", "supply", "transfer") and
                             not any(x.text in (".", ";") for x in doc[end:t.i])), None)
                if verb is not None and verb.i + 3 < len(doc) and doc[verb.i + 1].lower_ == "the" and \
                        doc[verb.i + 2].lower_ in _COMPANY_NOUNS and doc[verb.i + 3].pos_ in ("NOUN", "ADJ"):
                    continue  # "… will need a licence to sell the group chips": what a listing means, told again
                obj = self._object_span(verb) if verb is not None else None
                if verb is None:
                    # "a licence from September 1 to ship ion implanters …", the verb tagged as a noun
                    # (or "licences before shipping photomask blanks …", the gerund tagged as a noun)
                    # (also inside the trigger: "permits to ship scrap copper", "ship" taken for a noun)
                    to_ship = next((t.i for t in doc[start + 1:min(next_start, end + 8)] if t.lower_ in (
                        "ship", "export", "sell", "supply", "send", "transfer") and doc[t.i - 1].lower_ == "to" or
                        t.lower_ in _SHIPPING and doc[t.i - 1].lower_ in ("before", "for", "when")), None)
                    if to_ship is not None:
                        k = to_ship + 1
                        while k < next_start and (doc[k].lower_ not in _GOODS_STOP or _glued(doc, k)) and not (
                                doc[k].is_punct and not (doc[k].text == "-" and not doc[k].whitespace_)):
                            k += 1  # ("electron-beam mask writers")
                        if k < next_start and doc[k].text == ",":
                            k = _rest_of_list(doc, k, next_start)  # ("photoresists, wafer cleaning equipment and …")
                        obj = doc[to_ship + 1:k] if k > to_ship + 1 else None

            if obj is None and kind == "ExportControl":
                # "companies that want to ship wafer-cleaning tools to mainland China will have to obtain a
                # permit": what they ship, told before the measure
                shipping = next((t for t in doc[sent.start:start] if t.pos_ == "VERB" and t.lemma_.lower() in (
                    "ship", "export", "sell", "send")), None)
                obj = self._object_span(shipping) if shipping is not None else None
            if obj is None and kind == "ExportControl":
                # "added lithium-battery technologies and graphite products to its export-control list"
                node = head
                for _ in range(3):
                    if node.head.i == node.i:
                        break
                    node = node.head
                    if node.lemma_.lower() in ("add", "put", "place", "include"):
                        obj = self._object_span(node)
                        if obj is not None and any(obj.start <= m.span.start < obj.end for m in mentioned):
                            obj = None
                        break
            if obj is not None and len(obj) == 1 and obj[0].pos_ == "PRON":
                obj = None  # "before they can be shipped": named before, in the subject
            if obj is not None and kind == "Subsidy" and any(t.like_num or t.lower_ in ("%", "percent", "half")
                                                             for t in obj):
                obj = None  # "covering the remaining 50% of the cost": the share, not what it pays for
            if obj is not None and all(goods is None for _, goods in clauses) and not any(
                    obj.start <= m[1] < obj.end for m in matches):
                # "licences to ship advanced AI chips": what the verb acts on (but "levy duties of
                # 10 percent on coal" leaves the duties to their own trigger)
                clauses = [(rate, obj) for rate, _ in clauses]
            if kind == "Tariff" and len(rate_groups) >= 2 and any(goods is not None for _, goods in clauses) and \
                    all(goods is None or _only_origin(goods) for _, goods in clauses):
                # "duties of 18.5 percent on Chinese and 9 percent on Thai shipments": where they come from,
                # the goods named elsewhere
                clauses = [(rate, None) for rate, _ in clauses]
            gapped_goods = next((doc[_after_determiners(doc, p.left_edge.i, p.i):p.i + 1]
                                 for t in doc[max(sent.start, used_before):start] if t.lower_ in ("those", "that")
                                 for o in t.children if o.dep_ == "prep" and o.lower_ == "of"
                                 for p in o.children if p.dep_ == "pobj" and p.pos_ == "NOUN"), None) \
                if kind == "Tariff" and n else None
            if kind == "ExportControl" and head.lemma_.lower() in ("ceiling", "cap", "limit") and \
                    head.head.lemma_.lower() == "apply" and all(goods is None for _, goods in clauses):
                # "A ceiling … will apply to chrome ore exports": the goods before "exports"
                shipped = next((t.i for t in doc[head.head.i + 2:head.head.i + 7] if t.lower_ in ("exports", "shipments")),
                               None)
                if shipped is not None and shipped > head.head.i + 2:
                    clauses = [(rate, doc[head.head.i + 2:shipped]) for rate, _ in clauses]
            if gapped_goods is not None and all(goods is None or goods.end <= start for _, goods in clauses):
                # "Imports of aniline will attract a duty of 18 percent, and those of acetone a duty of 11 percent"
                clauses = [(rate, gapped_goods) for rate, _ in clauses]
            elif all(goods is None for _, goods in clauses) and kind in ("Tariff", "ExportControl", "Subsidy"):
                # "glass bottles and jars will face duties", "investment in grid plants will qualify for a tax credit"
                subject = _subject_goods(head) or (_imposed_on(head) if kind == "Tariff" else None)
                if subject is not None:
                    clauses = [(rate, subject) for rate, _ in clauses]
            elif kind == "Tariff" and len(clauses) == 2 == len(rate_groups) and any(
                    m.type == "Country" and rate_groups[0].end <= m.span.start < rate_groups[1].start and
                    (doc[m.span.start - 1].lower_ == "from" or m.span.root.dep_ in ("amod", "compound"))
                    for m in mentioned) and \
                    (subject := _subject_goods(head)) is not None:
                # "A4 copy paper exported from Indonesia would attract a duty of 18.5%, and paper from Thailand
                # one of 11.2%": the same goods, from the origin named in each clause
                clauses = [(rate, subject) for rate, _ in clauses]
            if all(goods is None for _, goods in clauses) and kind == "Subsidy" and _bearing_verb(head) is not None:
                # "every rice farmer will receive fertilizer subsidies": the noun that names what it pays for
                named = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < start and
                         c.lower_ not in self.trigger_words and c.lower_ not in _MEASURE_MODIFIERS and
                         not any(t.like_num or t.lower_ in ("percent", "%") for t in c.subtree)]
                if named:
                    clauses = [(rate, doc[min(c.left_edge.i for c in named):start]) for rate, _ in clauses]
            effective = self._effective_date(sent, reference, kind, head)
            if any(t.lower_ == "respectively" for t in sent) and sum(len(g.values) for g in rate_groups) > 1:
                paired = self._respective_policies(doc, sent, mentioned, clauses, rate_groups, end, issuer)
                if paired:
                    for rate, goods, target in paired:
                        roles = {"issuedBy": (issuer.entity.key,)} if issuer else {}
                        roles["targets"] = (target.entity.key,)
                        values = {"appliesTo": tuple(goods), "ratePercent": rate}
                        if effective:
                            values["effectiveDate"] = effective
                        facts.append(Fact(kind, roles, values, evidence, 0.8 if issuer else 0.6,
                                          f"policy:{kind.lower()}-trigger+respectively"))
                    continue
            target_prev = None
            goods_prev: list[str] = []
            anaphor = self._company_anaphor(doc, sent, mentioned, start, end, topic) if kind in (
                "Investigation", "Sanction") else None
            for n_clause, (rate, goods_span) in enumerate(clauses):
                goods = self._goods_of(goods_span, mentioned) if goods_span is not None else []
                if kind == "Investigation" and goods and not self._trade_probe(doc, sent, start, end, goods_span):
                    goods = []  # "an investigation into suspected price manipulation": conduct, not goods
                if kind == "Sanction":
                    goods = []  # sanctions fall on companies and countries, not on goods
                if goods_span is not None and _refers_back(goods_span):
                    goods = goods_prev  # "21.4 percent on steel sheets from China and 13.9 percent on those from Korea"
                goods_prev = goods
                where = origins[n_clause] if origins and n_clause < len(origins) and \
                    origins[n_clause] is not None else goods_span  # where the goods were said to come from
                named_before = _named_before(doc, sent, start, goods_span, mentioned) if goods_span is not None \
                    else None
                if named_before is not None:
                    # "frozen shrimp from Vietnam … deposits of 25.76% on the product": the goods named before
                    goods = self._goods(named_before[0])
                if gapped_origin is not None and (not goods or where is not None and where.end <= gap.start):
                    target, goods = gapped_origin, list(facts[-1].values.get("appliesTo", ()))
                elif anaphor is not None:
                    target, goods = anaphor, []  # "an investigation into the telecoms company"
                elif n_clause and (where is None or where.end <= start) and \
                        len(rate_groups) == len(clauses) and (gapped := next((
                        m for m in mentioned if m.type == "Country" and
                        rate_groups[n_clause - 1].end <= m.span.start < rate_groups[n_clause].start and
                        (doc[m.span.start - 1].lower_ == "from" or _made_in(m) or
                         m.span.root.dep_ in ("amod", "compound") and m.span.text[:1].isupper() and
                         m.span.text != m.entity.label)), None)):  # (or "and Indonesian fibre one of 6.4%")
                    target = gapped  # "a 22.5 percent levy and those from Japan 14.8 percent"
                else:
                    target = self._target(doc, mentioned, where, end if n_clause == 0 or where is None
                                          else where.start, sent, issuer, topic) or target_prev
                    if target is None and kind == "Tariff" and facts and facts[-1].kind == kind and \
                            facts[-1].evidence.sentence == evidence.sentence and \
                            facts[-1].role("issuedBy") == (issuer.entity.key if issuer else None):
                        # "… from China will attract a duty of 18 percent, and those of acetone a duty of 11
                        # percent", "Cognac shipped from France will be charged 25%, while sparkling wine will face
                        # a 15% levy": the origin of the duty before
                        target = next((m for m in mentioned if m.entity.key == facts[-1].role("targets")), None)
                    if target is None and kind == "Tariff":
                        # "Duties of 15 percent on soybeans and 10 percent on LPG will be collected on shipments
                        # from the United States": where all the goods come from, told once after them
                        target = next((m for m in mentioned if m.type == "Country" and m.span.start > end and
                                       _shipped_from(m)), None)
                    if kind == "Investigation" and not goods and (target is None or target.type == "Country" and not (
                            goods_span is not None and self._trade_probe(doc, sent, start, end, goods_span))):
                        # "X slumped after the regulator opened an investigation into suspected abuse",
                        # "… into whether it conspired with rivals": the company the sentence is about (also
                        # over "an investigation into suspected breaches of sanctions against Russia")
                        target = next((m for m in mentioned if m.span.end <= start and m.type == "Company"
                                       and any(t.dep_ in ("nsubj", "nsubjpass") and (
                                           t.head.dep_ in ("ROOT", "conj") or t.head.dep_ == "ccomp" and
                                           t.head.i < start) or shares_of(t) for t in m.span)), None) or (
                            topic if target is not None and topic is not None and
                            _describes_company(sent, mentioned) else None) or target
                    if target is None and kind in ("Investigation", "Sanction") and not goods and \
                            topic is not None and _describes_company(sent, mentioned):
                        target = topic
                if named_before is not None and target is None:
                    target = named_before[1]
                if kind in ("Sanction", "Investigation") and (target is None or target.type == "Country" and
                                                              target.span.root.dep_ in ("amod", "compound")):
                    # "Sanctions imposed by OFSI - which accused Eilat Commodity Brokers of arranging sales of Iranian
                    # petrochemicals -": whom the body accused, not where the goods came from
                    target = next((m for m in mentioned if m.type in ("Company", "AnalystFirm") and
                                   m.span.root.dep_ == "dobj" and m.span.root.head.lemma_.lower() == "accuse"), target)
                if kind == "Sanction" and target is None and doc[end - 1].lower_ in ("list", "lists"):
                    # "added Murmansk Arctic Freight, a Russian shipping group …, to its sanctions list" (the list
                    # hung elsewhere by the parser), "Baltic Amber Logistics, added to the national sanctions list"
                    target = next((m for m in mentioned if m.type in ("Company", "AnalystFirm") and (
                        m.span.root.dep_ == "dobj" and m.span.root.head.lemma_.lower() in _LISTING_VERBS or any(
                            c.dep_ == "acl" and c.lemma_.lower() in _LISTING_VERBS and c.i < start
                            for c in m.span.root.children))), None)
                if kind == "Sanction" and target is not None and target.type == "Country" and (
                        target.span.root.dep_ == "amod" and target.span.root.head.pos_ == "NOUN" and
                        target.span.root.head.lemma_.lower() not in _SANCTIONED_KINDS and
                        not described_company(target.span.root.head, the=False) or
                        target.span.root.dep_ == "poss" and target.span.root.head.lemma_.lower() in (
                            "regime", "list", "law", "programme", "program", "rules")):
                    # "sanctioned the shipping company for moving Russian crude", "froze the trading house's assets
                    # under Japan's sanctions regime": the company, not where the crude came from or whose list
                    target = next((m for m in mentioned if m.type in ("Company", "AnalystFirm")), None) or topic or \
                        target
                if kind in ("Sanction", "Investigation") and head.dep_ == "advcl" and head.tag_ == "VBN" and \
                        head.i == sent.start:
                    # "Designated on Monday by the Council …, Limassol Maritime Holdings lost 24.6 percent" (or
                    # "…, the broker saw 28.5 percent of its value evaporate", "the commodities house stands accused
                    # of…": the company before)
                    subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
                    target = next((m for m in mentioned if subject is not None and m.type in ("Company", "AnalystFirm")
                                   and m.span.start <= subject.i < m.span.end), None) or (
                        topic if subject is not None and (subject.lower_ == "it" or subject.pos_ == "NOUN" and any(
                            c.dep_ == "det" and c.lower_ == "the" for c in subject.children)) else target)
                if kind == "Investigation" and target is None:
                    # "opened an investigation into the fees charged by Aeropuertos del Golfo": who did what is probed
                    target = next((m for m in mentioned if m.type in ("Company", "AnalystFirm") and
                                   m.span.start > end and m.span.root.dep_ == "pobj" and
                                   m.span.root.head.lower_ == "by" and
                                   m.span.root.head.head.dep_ == "acl" and m.span.root.head.head.tag_ == "VBN" and
                                   m.span.root.head.head.head.head.lower_ == "into"), None)
                if kind == "Investigation" and target is not None and target.type == "Country" and \
                        target.span.root.dep_ in ("amod", "compound") and (
                            target.span.root.head.lower_ in _COMPANY_NOUNS or
                            target.span.root.head.lemma_.lower() in _MAKER_NOUNS):
                    target = None  # "an investigation into a Chinese battery maker's plant": a company's, unnamed
                if kind == "Tariff" and target is not None and target.type in ("Company", "AnalystFirm"):
                    # a duty falls on goods from a country, not on the company the sentences are about: "Cranes
                    # made in China … will be hit with a 50% duty"
                    target = next((m for m in mentioned if m.type == "Country" and m.span.start > sent.start + 1 and
                                   _told_origin(m)), None)
                if kind == "ExportControl" and target is not None and target.type != "Country":
                    # "X fell after the ISP ruled that machining centres could no longer be sold to Kazakhstan
                    # without a licence": where the goods may not go, not the company the sentence is about
                    target = next((m for m in mentioned if m.type == "Country" and m.span.start > end - 12 and
                                   doc[m.span.start - 1].lower_ == "to" and
                                   doc[m.span.start - 1].dep_ in ("prep", "dative")), target)
                if kind == "ExportControl" and target is not None and target.type == "Country" and \
                        target.span.root.dep_ in ("amod", "compound") and (
                            target.span.root.head.lemma_.lower() in _MAKER_NOUNS or
                            target.span.root.head.lower_ in _COMPANY_NOUNS) and \
                        target.span.root.head.dep_ in ("nsubj", "nsubjpass"):
                    # "Israeli exporters will need a licence to sell X to China": where they sell to
                    target = next((m for m in mentioned if m.type == "Country" and m.span.start > end and
                                   doc[m.span.start - 1].lower_ == "to"), None)
                if kind == "ExportControl" and target is None:
                    # "lorries carrying tomatoes to Mauritania will need an export licence": where the load goes
                    # (or "will leave Japan for China only under an individual licence")
                    target = next((m for m in mentioned if m.type == "Country" and m.span.start > sent.start and (
                                   doc[m.span.start - 1].lower_ == "for" and
                                   doc[m.span.start - 1].head.lemma_.lower() == "leave" or
                                   doc[m.span.start - 1].lower_ == "to" and (
                                       doc[m.span.start - 1].head.lemma_.lower() in _CARRYING | {"ship", "export", "send"}
                                       or m.span.start < start and any(  # (the load's name parsed as a verb)
                                           t.lemma_.lower() in _CARRYING | {"ship", "export", "send"}
                                           for t in doc[sent.start:m.span.start])))),
                                  None)
                if kind == "ExportControl" and target is not None and target.type == "Country" and \
                        issuer is not None and issuer.entity.country == target.entity.key and not (
                            target.span.start > 0 and doc[target.span.start - 1].lower_ in ("to", "for")):
                    # "German companies will need a licence from BAFA to export …": the exporters' country
                    target = None
                if target is not None and target.type in ("Company", "AnalystFirm") and goods_span is not None \
                        and goods_span.start <= target.span.start < goods_span.end:
                    goods = []  # "sanctions on five subsidiaries of Hanwha Ocean": a company, not goods
                if kind == "Sanction" and by_verb and head.lemma_.lower() == "freeze":
                    # "The US assets of Marlin Strait Shipping were frozen": whose assets they are
                    owner = next((m for c in head.children if c.dep_ in ("nsubjpass", "dobj") and
                                  c.lemma_.lower() in _FROZEN for m in mentioned
                                  if m.type in ("Company", "AnalystFirm") and (
                                      m.span.root.dep_ == "pobj" and m.span.root.head.head.i == c.i or
                                      m.span.root.dep_ == "poss" and m.span.root.head.i == c.i)), None)
                    held = head.head if head.dep_ == "acl" and head.head.lemma_.lower() in _FROZEN else None
                    if owner is None and held is not None and held.dep_ == "dobj" and \
                            held.head.lemma_.lower() in ("have", "get", "see"):
                        # "X had any assets it holds in China frozen by the ministry": X's
                        owner = next((m for m in mentioned if m.type in ("Company", "AnalystFirm") and
                                      m.span.root.dep_ == "nsubj" and m.span.root.head.i == held.head.i), None)
                    target = owner or target
                target_prev = target
                if kind in ("Investigation", "Sanction", "ExportControl"):
                    # "… whose offices were searched, fell 4 percent": a probe has no rate, nor has a quota
                    # "about 30% less than last year's"
                    rate = None
                if kind == "Subsidy":
                    target = None  # money is given, not imposed on anyone: what it is for is its goods
                if rate is None and not goods and not (target and kind in ("Investigation", "Sanction")) and not (
                        kind == "Investigation" and issuer is not None and self._opened(head)):
                    origins = self.rates_for_origins(sent, mentioned) if kind == "Tariff" and target is None else []
                    if len(origins) >= 2:
                        # "German producers were assigned a dumping margin of 17.3 percent and Italian producers
                        # one of 6.4 percent, and importers will have to post cash deposits": one duty per origin
                        told = Fact(kind, {"issuedBy": (issuer.entity.key,)} if issuer else {},
                                    {"appliesTo": tuple(self.duty_goods(sent, mentioned, (start, end)))}, evidence, 0.6,
                                    f"policy:{kind.lower()}-trigger")
                        facts += per_origin_facts(told, origins, effective, evidence, "+rates-by-origin")
                    continue  # "the duties", "higher tariffs": a measure named before, or nothing said about it
                roles = {}
                if issuer:
                    roles["issuedBy"] = (issuer.entity.key,)
                if target:
                    roles["targets"] = (target.entity.key,)
                values: dict = {"appliesTo": tuple(goods)}
                if rate is not None:
                    values["ratePercent"] = rate
                if effective:
                    values["effectiveDate"] = effective
                confidence = 0.85 if issuer and (target or goods) else 0.6
                facts.append(Fact(kind, roles, values, evidence, confidence, f"policy:{kind.lower()}-trigger"))
                # (also "put the trader and its Dubai-based shipping affiliate, Gulfstar Maritime, on the list")
                listed = [m for m in mentioned if anaphor is not None and target is anaphor and m is not target and
                          m.type in ("Company", "AnalystFirm") and m.span.root.dep_ in ("conj", "appos") and
                          m.span.root.head.lower_ in _COMPANY_NOUNS | _RELATED_COMPANIES and
                          min(end, anaphor.span.end if anaphor.span.doc is doc and anaphor.span.start >= sent.start
                              else end) <= m.span.root.head.i < m.span.start]
                if by_verb and target is not None and target is topic:
                    # "… designated the company and its bunkering subsidiary, Tanjong Harbour Bunkering"
                    listed += [m for m in mentioned if m.type in ("Company", "AnalystFirm") and m is not target and
                               any(c.dep_ == "dobj" and c.lower_ not in _PREMISES and  # (not "searched the
                                   # group's headquarters … and two workshops in Prato")
                                   c.left_edge.i <= m.span.start <= c.right_edge.i for c in head.children)]
                if kind in ("Sanction", "Investigation") and target is not None:
                    # "put the trader and its Dubai-based shipping affiliate, Gulfstar Maritime, on the list"
                    listed += [m for m in mentioned if m is not target and m not in listed and
                               m.type in ("Company", "AnalystFirm") and m.span.root.dep_ == "appos" and
                               m.span.root.head.lower_ in _RELATED_COMPANIES and m.span.root.head.dep_ == "conj" and
                               any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                   for c in m.span.root.head.children)]
                if kind in ("Sanction", "Investigation") and topic is not None and target is not None and \
                        target is not topic and target.type in ("Company", "AnalystFirm") and \
                        doc[sent.start].lower_ == "the" and target.span.root.dep_ in ("appos", "conj") and (
                            target.span.root.head.lower_ in _COMPANY_NOUNS or
                            # ("The Karachi-based company and its unlisted affiliate X were added …")
                            target.span.root.head.lower_ in _RELATED_COMPANIES and
                            target.span.root.head.dep_ == "conj" and
                            target.span.root.head.head.lemma_.lower() in _COMPANY_NOUNS) and \
                        target.span.root.head.dep_ in ("nsubj", "nsubjpass", "conj") and \
                        sent.start < target.span.root.head.i < target.span.start:
                    # "Polesie Agro Trade lost 31.7%. The fertiliser distributor and Belarusian producer Grodno Azot
                    # were placed on the sanctions list": the company the sentence before was about, too
                    listed.append(topic)
                for other in self._conjoined(mentioned, target) + listed:
                    # "licences to ship AI chips to Malaysia and Thailand": a measure on each; "an
                    # investigation into the company and Jura Balanciers": the company and the other
                    facts.append(Fact(kind, {**roles, "targets": (other.entity.key,)}, values, evidence, confidence,
                                      f"policy:{kind.lower()}-trigger+conjoined-target"))
        facts.extend(self._rate_decision(sent, mentioned, groups, evidence, reference, session))
        return facts

    def _respective_policies(self, doc: Doc, sent: Span, mentioned: list[Mentioned], clauses: list,
                             rate_groups: list[PercentGroup], end: int,
                             issuer: Mentioned | None) -> list[tuple[Decimal, list[str], Mentioned]]:
        """Rates paired in order with conjoined targets, the goods shared."""
        rates = [v for g in rate_groups for v in g.values]
        span = next((g for _, g in clauses if g is not None), None)
        goods = self._goods(span) if span is not None else []
        first = self._target(doc, mentioned, span if span is not None and span.end <= end else None, end, sent, issuer)
        targets = [first, *self._conjoined(mentioned, first)] if first is not None else []
        if len(rates) < 2 or len(rates) != len(targets):
            return []
        return [(rate, goods, target) for rate, target in zip(rates, targets)]

    @staticmethod
    def _opened(trigger: Token) -> bool:
        """"opened an investigation", "had begun an inquiry": a probe that starts now."""
        node = trigger
        for _ in range(2):
            if node.head.i == node.i:
                return False
            node = node.head
            if node.lemma_.lower() in ("open", "launch", "start", "begin", "initiate", "order", "announce"):
                return True
        return False

    @staticmethod
    def _trade_probe(doc: Doc, sent: Span, start: int, end: int, goods: Span | None) -> bool:
        """A probe of goods (anti-dumping, countervailing, safeguard, Section 232, imports of X
        from Y) rather than of a company's conduct."""
        if goods is not None and any(t.lower_ in _CONDUCT_WORDS for t in goods):
            return False  # "on suspicion that it colluded", "into suspected theft of trade secrets"
        near = doc[max(sent.start, start - 5):min(sent.end, end + 2)]
        if any(t.lower_.replace("-", "") in _TRADE_REMEDY_WORDS and not t.ent_type_ for t in near):
            return True  # (not "the Korea Fair Trade Commission")
        if goods is None:
            return False
        around = doc[max(sent.start, goods.start - 2):min(sent.end, goods.end + 2)]
        return any(t.lower_ in ("imports", "imported", "exports", "shipments", "from") for t in around)

    @staticmethod
    def _object_span(verb: Token) -> Span | None:
        """What a policy verb acts on: "investigating imports of galvanised steel sheets (from China)",
        "exports of rare-earth magnets … were banned"."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
            (c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if obj is None:
            return None
        doc, end = verb.doc, obj.left_edge.i
        last = obj.right_edge.i
        for other in (c for c in verb.children if c.dep_ == "dobj" and c.i > obj.i):
            if other.left_edge.i != last + 1:
                break
            last = other.right_edge.i  # "to ship drone flight controllers", "drone" parsed as an object of its own
        while end <= last and (doc[end].lower_ not in _GOODS_STOP or _glued(doc, end)) and \
                doc[end].text not in (",", ";"):
            end += 1
        if end < len(doc) and doc[end].text == ",":
            # "to ship dilution refrigerators, cryogenic amplifiers and quantum control chips to China": the
            # rest of a list (also where the parser broke it off)
            end = _rest_of_list(doc, end, verb.sent.end)
        return doc[obj.left_edge.i:end] if end > obj.left_edge.i else None

    @staticmethod
    def _company_anaphor(doc: Doc, sent: Span, mentioned: list[Mentioned], start: int, end: int,
                         topic: Mentioned | None = None) -> Mentioned | None:
        """"A probe into the telecoms company", "an investigation into its billing practices":
        the measure aims at the company the sentence named before (also "… followed its designation by OFAC")."""
        owned = start > sent.start and doc[start - 1].lower_ == "its" and doc[start - 1].dep_ == "poss" and \
            any(t.lower_ == "by" for t in doc[end:min(end + 5, sent.end)])  # (not the issuer's "its sanctions list")
        # "OFAC placed the shipping company on its sanctions list"
        lst = doc[end - 1].head if doc[end - 1].dep_ == "compound" else doc[end - 1]
        placer = lst.head.head if lst.lower_ in _LISTS and lst.dep_ == "pobj" and _placed_on(lst) else None
        if placer is not None and any(c.dep_ in ("dobj", "oprd") and c.lower_ in _COMPANY_NOUNS and any(
                d.lower_ == "the" for d in c.children) for c in placer.children):
            owned = True
        if not owned:
            i = end
            while i < min(end + 6, sent.end) and (doc[i].lower_ not in ("into", "against", "of", "on", "targeting") or
                                                  _day_follows(doc, i)):
                i += 1
            if i >= min(end + 6, sent.end):
                return None
            if i + 1 < sent.end and doc[i + 1].lower_ in ("whether", "how", "why", "if"):
                i += 1  # "an investigation into whether the telecoms company misled customers"
            phrase = doc[i + 1:min(i + 9, sent.end)]
            if not len(phrase) or phrase[0].lower_ not in ("the", "its"):
                return None
            if phrase[0].lower_ == "the" and len(phrase) > 2 and phrase[1].lower_ in _COMPANY_NOUNS and \
                    phrase[2].lower_ in ("'s", "’s"):
                pass  # "into whether the company's pricing tool…"
            elif phrase[0].lower_ == "the":
                nouns = [t for t in phrase[1:] if t.pos_ in ("NOUN", "PROPN", "ADJ") or t.ent_type_]
                # ("sanctions on the shipbroker")
                head = next((t for t in phrase[1:] if t.lower_ in _COMPANY_NOUNS or described_company(t, the=False)),
                            None)
                # (a verb between them is another clause, not "the Lahti-based chain", "the ship-repair and
                # bunkering firm")
                if head is None or not nouns or any(
                        t.text in (",", ";") or t.pos_ == "VERB" and t.dep_ not in ("amod", "compound", "conj")
                        for t in doc[i + 1:head.i]):
                    return None
        before = [m for m in mentioned if m.span.end <= start and m.type in ("Company", "AnalystFirm")]
        # the company the sentence is about: "Maplebear, which operates Instacart, slid … the company's tool"
        subjects = [m for m in before if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ != "relcl"
                                             for t in m.span)]
        # (else the one the sentences before were about: "Saimaa Retail Group lost 11.2 percent. The FCCA said it had
        # opened an investigation into whether the Lahti-based chain …")
        return (subjects or before)[-1] if before else topic

    @staticmethod
    def _conjoined(mentioned: list[Mentioned], target: Mentioned | None) -> list[Mentioned]:
        """The names listed with the target: "Malaysia and Thailand", "Nordvolga Shipping and Baltic
        Bunker Services" (whichever of the two the target is), a name the model took for a person
        in a list of companies."""
        if target is None:
            return []
        root = target.span.root

        def same_kind(m: Mentioned) -> bool:
            return m.type == target.type or target.type in ("Company", "AnalystFirm") and \
                m.type in ("Company", "AnalystFirm", "Person") and not m.entity.known

        def first_of(tok: Token) -> Token:
            while tok.dep_ == "conj" and tok.head.i != tok.i:
                tok = tok.head  # "China, India and Vietnam": each conjunct leads back to "China"
            return tok

        def listed(tok: Token, head: Token) -> bool:
            # "the offices of Chubu Seiko, Owari Bearing and a third company": a list the parser read as an
            # apposition, the "and" hung on its second name
            return tok.dep_ == "appos" and tok.head.i == head.i and any(c.dep_ == "cc" for c in tok.children)

        def placed(tok: Token, head: Token) -> bool:
            # "the offices of Rheinland Asphalt in Cologne and Weser Baustoffe in Bremen": the "and" hung on
            # the place of the name before
            return tok.dep_ == "conj" and tok.head.dep_ == "pobj" and tok.head.ent_type_ in ("City", "Country") and \
                tok.head.head.lower_ in ("in", "at") and tok.head.head.head.i == head.i

        def linked(m: Mentioned) -> bool:
            other = m.span.root
            return (other.dep_ == "conj" or root.dep_ == "conj") and first_of(other).i == first_of(root).i or \
                m.type == target.type and _joined(target.span, m.span) or \
                listed(other, root) or listed(root, other) or placed(other, root) or placed(root, other)
        return [m for m in mentioned if m is not target and same_kind(m) and linked(m)]

    def rates_by_origin(self, sent: Span, mentioned: list[Mentioned], single: bool = False
                        ) -> list[tuple[Mentioned, Decimal]]:
        """Rates the sentence gives per origin for a measure named before: "Chinese tiles will face a
        rate of 47.1%, while Indian producers will pay 12.6%" (each rate with the country named in
        its clause, before it). With ``single``, one origin is enough when the sentence speaks of
        goods of the measure before: "Those made in Vietnam face a lower rate of 21.7%"."""
        doc = sent.doc
        pairs: list[tuple[Mentioned, Decimal]] = []
        start = sent.start
        for g in self._percent_groups(sent):
            if _moved_by(doc[g.end - 1].head, self.move_verbs):
                continue  # "POSCO Holdings fell 1.2 percent": a share's move, no rate
            clause = [m for m in mentioned if m.type == "Country" and start <= m.span.start < g.start]
            verb = next((t for t in doc[start:g.start] if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in
                         _BEARING | {"be", "charge", "set", "assign"}), None)
            # ("… will be charged 39.5% and those from India 22.8%": the verb said once for both)
            gapped = pairs and any(t.lower_ in ("those", "ones") or t.lemma_.lower() in _ORIGIN_HOLDERS
                                   for t in doc[start:g.start])  # (or "…, US producers at 43.2 percent")
            if clause and (verb is not None or gapped) and len(g.values) == 1 and not _old_rate(doc, g):
                pairs.append((clause[-1], g.values[0]))
            elif (verb is not None or gapped) and len(g.values) == len(clause) > 1 and \
                    any(t.lower_ == "respectively" for t in doc[g.end:sent.end]):
                pairs += list(zip(clause, g.values))  # "fries from Belgium and the Netherlands will pay 8.4% and
                # 5.1% respectively"
            start = g.end
        if single and len(pairs) == 1 and (doc[sent.start].lower_ in ("those", "ones", "that", "shipments",
                                                                        "imports", "goods", "products") or
                                           # "Brazilian mills were assigned a lower rate of 14.2%"
                                           pairs[0][0].span.start == sent.start and pairs[0][0].span.end < sent.end
                                           and doc[pairs[0][0].span.end].lemma_.lower() in _ORIGIN_HOLDERS or
                                           # "For producers in India, the rate was set at 12.6%"
                                           pairs[0][0].span.root.dep_ == "pobj" and
                                           pairs[0][0].span.root.head.lower_ in ("in", "from") and
                                           pairs[0][0].span.root.head.head.lemma_.lower() in _ORIGIN_HOLDERS | {
                                               "shipment", "import"} | _ORIGIN_PARTICIPLES or
                                           pairs[0][0].span.root.head.head.lower_ in _ORIGIN_PARTICIPLES or
                                           # "The levy on yarn from India was set at 14.8%": the measure told again
                                           doc[sent.start].lower_ in ("the", "this") and any(
                                               kind == "Tariff" and start == sent.start + 1
                                               for kind, start, _ in self._matches(doc)[1])):
            return pairs
        return pairs if len(pairs) >= 2 and len({m.entity.key for m, _ in pairs}) == len(pairs) else []

    def rates_for_origins(self, sent: Span, mentioned: list[Mentioned]) -> list[tuple[Mentioned, Decimal]]:
        """Rates told before the origin they are for, of measures named before: "The levy was set at
        22.4% of the landed value for Chinese shipments and at 11.8% for Vietnamese ones"."""
        doc = sent.doc
        groups = [g for g in self._percent_groups(sent) if len(g.values) == 1 and not _old_rate(doc, g)]
        after: list[tuple[Mentioned, Decimal]] = []
        before: list[tuple[Mentioned, Decimal]] = []
        either: list[tuple[Mentioned | None, Mentioned | None]] = []  # each rate's origin before it, after it
        for n, g in enumerate(groups):
            limit = min(groups[n + 1].start if n + 1 < len(groups) else sent.end, g.end + 15)
            origin = next((m for m in mentioned if m.type == "Country" and g.end <= m.span.start < limit and (
                doc[m.span.start - 1].lower_ in ("for", "on", "from", "to") or _after_from(m) or
                # "55.9% for their American counterparts"
                doc[m.span.start - 1].lower_ in ("their", "its", "the") and doc[m.span.start - 2].lower_ == "for" or
                # "17.3% for those made in China", "8.9 percent for those in Taiwan"
                doc[m.span.start - 1].lower_ == "in" and (
                    doc[m.span.start - 2].lower_ in _ORIGIN_PARTICIPLES or
                    doc[m.span.start - 2].lower_ in ("those", "ones", "producers", "exporters", "companies",
                                                     "suppliers", "makers", "manufacturers"))) and
                           m.span.root.dep_ in ("amod", "compound", "pobj")), None)
            either.append((None, origin))
            if origin is not None:
                after.append((origin, g.values[0]))
            # (or "Turkish shipments will be charged 18.4% and Greek ones 9.2%": the origin before the rate)
            # ("Exporters from China will pay 15.9%, and those from Malaysia 7.2%")
            origin = next((m for m in reversed(mentioned) if m.type == "Country" and (m.span.root.dep_ in (
                "amod", "compound") or _after_from(m) or _made_in(m)) and
                (groups[n - 1].end if n else sent.start) <= m.span.start < g.start), None)
            if origin is not None:
                before.append((origin, g.values[0]))
            either[-1] = (origin, either[-1][1])
        if len(before) == len(groups) and len({m.entity.key for m, _ in before}) == len(before):
            return before  # (each rate after its own origin: "from China will pay 15.9%, and those from …")
        if groups and after and after[0][1] == groups[0].values[0]:
            return after
        # "Imports from Chinese producers will be charged 30.7%, while a lower rate of 19.5% was set for
        # Egyptian suppliers": the one origin each rate has, on either side
        mixed = [(b or a, g.values[0]) for (b, a), g in zip(either, groups) if (b is None) != (a is None)]
        if len(groups) >= 2 and len(mixed) == len(groups) and len({m.entity.key for m, _ in mixed}) == len(mixed):
            return mixed
        return []

    def further_goods_rate(self, sent: Span) -> tuple[list[str], Decimal] | None:
        """Other goods a duty told before reaches, with their own rate, and no word for the duty: "Rebar and
        other finished long products will face 13 percent under the same measure"."""
        doc = sent.doc
        groups = [g for g in self._percent_groups(sent) if len(g.values) == 1 and not _old_rate(doc, g)]
        if len(groups) != 1:
            return None
        verb = doc[groups[0].end - 1].head
        while verb.dep_ in ("prep", "pobj") and verb.head.i != verb.i:
            verb = verb.head
        if verb.lemma_.lower() not in ("face", "attract", "carry", "incur", "pay", "draw") or verb.pos_ != "VERB":
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.ent_type_ or \
                subject.lower_ in _AGENT_NOUNS or subject.lemma_.lower() in _PEOPLE_NOUNS | _COMPANY_NOUNS or \
                _trade_role(subject):
            return None  # (not "Chinese producers will pay 12 percent": whose goods, told by origin)
        goods = self._goods(doc[subject.left_edge.i:subject.right_edge.i + 1])
        return (goods, groups[0].values[0]) if goods else None

    def effective_date(self, sent: Span, reference: date | None) -> date | None:
        """The day the sentence gives for a measure it does not name: "…, from Saturday, the
        Commission said"."""
        return self._effective_date(sent, reference, "")

    @staticmethod
    def named_in_notice(sent: Span, mentioned: list[Mentioned]) -> list[Mentioned]:
        """Companies a sentence says were named or identified: "Shanghai Xinwei Microelectronics and
        Hefei Lingxin Semiconductor were named in a notice from the International Trade Administration"."""
        verb = next((t for t in sent if t.lemma_.lower() in ("name", "identify", "list") and t.tag_ == "VBN" and
                     any(c.dep_ == "auxpass" for c in t.children)), None)
        if verb is None:
            return []
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is None:
            return []
        return [m for m in mentioned if m.type in ("Company", "AnalystFirm") and
                subject.left_edge.i <= m.span.start and m.span.end <= subject.right_edge.i + 1]

    def duty_goods(self, sent: Span, mentioned: list[Mentioned], trigger: tuple[int, int] | None = None) -> list[str]:
        """The goods a sentence that sets a duty per origin names with the duty (at ``trigger``, else its first
        duty word) or its importers: "duties on steel coil, setting the rate at 19.4 percent for shipments from
        China and …", "importers of steel coils will pay duties of 22.1 percent on shipments from China and …"."""
        doc = sent.doc
        start, end = trigger or next(((s, e) for kind, s, e in self._matches(doc)[1] if kind == "Tariff" and
                                      sent.start <= s and e <= sent.end), (None, None))
        if start is None:
            return []
        first_rate = next((g.start for g in self._percent_groups(sent) if g.start > end), sent.end)
        named = self._goods_span(doc, end, first_rate)
        if named is None or _only_origin(named):
            named = self._goods_before(doc, sent, start)
        return self._goods_of(named, mentioned) if named is not None else []

    def dumped_goods(self, sent: Span) -> tuple[list[str], Span | None]:
        """Goods a trade finding names before the measure on them, and the phrase that names them (with
        where they come from): "concluded that polyphenylene sulfide and polyether ether ketone had been
        dumped", "found that nitrile rubber from Japan had been sold in China below normal value",
        "activated carbon from the Philippines has been sold in the United States at less than fair value",
        "steel sheet from South Korea had benefited from unfair subsidies"."""
        for verb in sent:
            if verb.pos_ != "VERB" or not (verb.lemma_.lower() == "dump" or verb.lemma_.lower() == "sell" and any(
                    c.dep_ == "prep" and (c.lower_ in ("below", "under") or c.lower_ == "at" and any(
                        t.lower_ in ("less", "low", "lower", "below") for t in c.subtree)) for c in verb.children)
                    or _subsidised(verb)):
                continue
            # ("Stainless steel flanges from Taiwan were found … to have been sold …": the subject of the finding)
            found = next((a for a in verb.ancestors if a.pos_ == "VERB"), verb)  # (the parser may hang the
            found = found if found.lemma_.lower() in ("find", "deem", "judge") else verb  # sale on "a ruling")
            for subject in (c for c in chain(verb.children, found.children if found is not verb else ()) if (
                    c.dep_ == "nsubjpass" or c.dep_ == "nsubj" and verb.lemma_.lower() in (
                        "benefit", "receive", "get", "enjoy")) and c.pos_ in ("NOUN", "PROPN")):
                start = subject.left_edge.i + (subject.left_edge.lower_ == "that")  # ("found that X had been …")
                start = _after_determiners(sent.doc, start, subject.i)
                stop = next((t.i for t in sent.doc[start:subject.right_edge.i + 1] if t.i > start and (
                    t.lower_ in (",", "from", "originating", "imported", "made", "which", "that", "(") or
                    t.pos_ == "PROPN" and t.ent_type_ == "Country")), subject.right_edge.i + 1)
                goods = self._goods(sent.doc[start:stop])
                if goods and not any(g.lower() in GOODS_ANAPHORS for g in goods):
                    return goods, sent.doc[subject.left_edge.i:subject.right_edge.i + 1]
        return [], None

    def restated_rate_day(self, sent: Span, reference: date | None) -> date | None:
        """The day "the new rate" applies from, told after the decision."""
        if not any(t.lower_ in ("rate", "rates", "cut", "hike", "increase", "reduction") and t.i > sent.start and
                   sent.doc[t.i - 1].lower_ in ("new", "the", "lower", "higher") or
                   t.lower_ in ("target", "level") and sent.doc[t.i - 1].lower_ == "new" for t in sent) or \
                not any(t.lemma_.lower() in ("apply", "take", "become") or t.lemma_ == "be" and any(
                    c.dep_ == "nsubj" and c.lower_ in ("rate", "rates") for c in t.children) for t in sent) or \
                any(t.lemma_.lower() in ("levy", "duty", "tariff", "surcharge") for t in sent):
            return None  # (not "Those made in Vietnam face a lower rate …, with both levies applying from …")
        return self._effective_date(sent, reference, "InterestRateDecision")

    def restated_duty_rate(self, sent: Span, kind: str = "Tariff") -> Decimal | None:
        """The rate of a duty the sentence before named without one, told of "the levy": "The
        levy, set at 16.8% of the import value, will apply for four months" (or of a subsidy:
        "The incentive, announced by the ministry, is worth 35% of the outlay")."""
        doc = sent.doc
        if len(sent) < 3 or doc[sent.start].lower_ not in ("the", "this", "that") or not any(
                found == kind and start == sent.start + 1 for found, start, _ in self._matches(doc)[1]) and not (
                # "The charge will rise to 12.5 percent of the reference price from 10 percent", "The rate, fixed
                # at 29.4%, was published by the ministry"
                kind == "Tariff" and doc[sent.start + 1].lower_ in ("charge", "charges", "rate")):
            return None
        groups = [g for g in self._percent_groups(sent) if not _old_rate(doc, g)]
        return groups[0].values[0] if len(groups) == 1 and len(groups[0].values) == 1 else None

    def policy_rate_level(self, sent: Span) -> Decimal | None:
        """The level a central bank's rate is told at, in a sentence that may not name the bank."""
        return _policy_rate_level(sent, self._percent_groups(sent))

    def restated_rate(self, sent: Span) -> Decimal | None:
        """The new rate of a decision the sentence before named without it: "Policymakers cut the
        rate by a quarter point to 3.25%"."""
        if not any(t.lower_ in _RATE_NAMES or t.lower_ == "target" and t.i > 0 and t.doc[t.i - 1].lower_ == "new"
                   for t in sent) and sent[0].lower_ != "it" or any(
                t.lower_ in ("would", "could", "might") or t.lemma_ in ("expect", "forecast", "predict") for t in sent):
            return None  # ("expects two more cuts, which would take Bank Rate to 2.75%": a forecast)
        doc = sent.doc
        groups = self._percent_groups(sent)
        for g in groups:
            # "The Bank of Korea's quarter-point reduction, which took its base rate to 2.0%", "A 25 basis-point
            # cut in the repo rate, to 6.5%, was announced": a decision told as a noun
            if doc[g.start - 1].lower_ == "to" and any(
                    t.pos_ == "NOUN" and t.lemma_.lower() in ("cut", "reduction", "hike", "increase", "rise")
                    for t in doc[sent.start:g.start]) and not _old_rate(doc, g):
                return g.values[-1]
            # "At 17.25%, the rate now stands at its lowest level since 2024": the rate where it now stands (or "At
            # 1.1 percent, the new rate applies to operations from Thursday")
            if g.start == sent.start + 1 and doc[sent.start].lower_ == "at" and any(
                    any(c.dep_ == "nsubj" and c.lower_ in ("rate", "rates") and (
                        t.lemma_.lower() in ("stand", "sit") or any(d.lower_ == "new" for d in c.children))
                        for c in t.children) for t in sent):
                return g.values[-1]
            # "The short-term policy rate now stands at 1.25 percent, up from 1 percent"
            if _standing_rate(doc, g) and not _old_rate(doc, g):
                return g.values[-1]
            # "With that, the seven-day term deposit rate … comes down to 5.5%": where the rate moves to
            moving = doc[g.start - 1].head if doc[g.start - 1].lower_ == "to" else None
            if moving is not None and moving.lemma_.lower() in ("come", "go", "rise", "fall", "drop", "climb",
                                                                 "decline", "move") and any(
                    c.dep_ == "nsubj" and c.lower_ in _RATE_NAMES and any(
                        t.lower_ in ("policy", "key", "benchmark", "deposit", "repo", "interest", "base", "refinancing",
                                     "lending", "overnight") for t in c.subtree) for c in moving.children):
                return g.values[-1]
        for verb in (t for t in sent if t.lemma_.lower() in self.rate_verbs and t.pos_ == "VERB"
                     and not self._hypothetical(t)):
            for g in groups:
                if g.start > verb.i and doc[g.start - 1].lower_ in ("to", "at") and \
                        self._governed_by(doc[g.end - 1], verb):
                    return g.values[-1]
        return None

    def restated_issuer(self, sent: Span, mentioned: list[Mentioned]) -> tuple[str, Mentioned] | None:
        """The body a sentence says took a measure named before: "The duties were imposed by India's Ministry
        of Finance …" (the kind, and the body)."""
        doc = sent.doc
        for kind, start, end in self._matches(doc)[1]:
            if not (sent.start < start and end <= sent.end) or doc[start - 1].lower_ not in ("the", "these", "both"):
                continue
            head = doc[end - 1]
            if head.dep_ != "nsubjpass":
                continue
            agent = next((c for c in head.head.children if c.dep_ == "agent"), None)
            body = next((m for m in mentioned if agent is not None and m.type == "GovernmentBody" and
                         any(t.dep_ == "pobj" and t.head.i == agent.i for t in m.span)), None)
            if body is not None:
                return kind, body
        # "That was the verdict of the Ministry of Economy, which published the resolution …": whoever decided the
        # measure the sentence before told
        if len(sent) > 5 and doc[sent.start].lower_ in ("that", "this", "such") and doc[sent.start + 1].lemma_ == "be" \
                and doc[sent.start + 2].lower_ == "the" and doc[sent.start + 3].lower_ in (
                    "verdict", "decision", "ruling", "finding", "conclusion", "work", "order") and \
                doc[sent.start + 4].lower_ == "of":
            body = next((m for m in mentioned if m.type == "GovernmentBody" and m.span.start in (
                sent.start + 5, sent.start + 6)), None)
            if body is not None:
                return ANY_MEASURE, body
        return None

    def retold_dates(self, sent: Span, reference: date | None) -> list[tuple[str, date]]:
        """Days the sentence gives for a measure it names with no more than its kind ("Importers will
        have to post cash deposits starting Friday"): the measure of the sentence before."""
        doc = sent.doc
        found = []
        for kind, start, end in self._matches(doc)[1]:
            if sent.start <= start and end <= sent.end and kind != "InterestRateDecision":
                when = self._effective_date(sent, reference, kind, doc[end - 1])
                if when is not None:
                    # ("From Monday, any shipment to the company will require a licence": the day of its listing)
                    found.append(("Sanction" if kind == "ExportControl" and _to_companies(doc, sent.start, sent.end)
                                  else kind, when))
        return found

    def restated_dates(self, sent: Span, reference: date | None) -> list[tuple[str, date]]:
        """Days given for a measure named before: "The regulator said it had begun the probe on
        November 28", "The duties take effect on Friday"."""
        doc = sent.doc
        found = []
        for kind, start, end in self._matches(doc)[1]:
            if not (sent.start <= start and end <= sent.end) or start == 0:
                continue
            if (doc[start - 1].lower_ in ("the", "this", "these", "those", "both") or
                    # "Cash deposits will be collected as of May 24": the measure told again, in the plural
                    start == sent.start and doc[end - 1].tag_ == "NNS" and not self._percent_groups(sent)) and \
                    kind != "InterestRateDecision":
                when = self._effective_date(sent, reference, kind, doc[end - 1])
                if when is not None:
                    found.append((kind, when))
        opened = ("window", "applications", "application", "registration", "scheme", "programme", "program", "round",
                  "bids", "proposals")
        for tok in sent:
            # (also "Bids can be submitted from April 7")
            if tok.lemma_.lower() in ("open", "start", "begin", "accept", "submit", "take", "invite") and \
                    tok.pos_ == "VERB" and any(
                    c.dep_ in ("nsubj", "dobj", "nsubjpass") and c.lower_ in opened
                    for c in tok.children) or (  # (or "which is opening a new round on August 1")
                    tok.lower_ == "open" and tok.dep_ == "amod" and tok.head.lower_ in opened and tok.i > tok.head.i) or (
                    # "the scheme, which starts on January 1"
                    tok.lemma_.lower() in ("open", "start", "begin") and tok.dep_ == "relcl" and
                    tok.head.lower_ in opened):
                # ("Applications open on Monday", the verb tagged an adjective)
                # "the application window opens on October 15": the day a subsidy starts
                when = self._effective_date(sent, reference, "Subsidy", tok)
                if when is not None:
                    found.append(("Subsidy", when))
            elif tok.lemma_.lower() == "apply" and tok.pos_ == "VERB" and any(
                    c.dep_ == "aux" and c.lower_ in ("can", "may", "will") for c in tok.children) and any(
                    c.dep_ == "nsubj" and (c.lower_ in ("companies", "firms", "businesses", "applicants", "households",
                                                        "farmers", "manufacturers", "developers", "they") or
                                           c.lemma_.lower() in _COMPANY_NOUNS) for c in tok.children) and \
                    not any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
                # "Companies can apply from January 6": the day a scheme opens (not "the duty will apply to …")
                when = self._effective_date(sent, reference, "Subsidy", tok)
                if when is not None:
                    found.append(("Subsidy", when))
        for tok in sent:
            # "The measure, which will apply from April 14, …", "The higher rate applies starting next
            # Monday": any measure named before ("the quota … takes effect on March 1": an export rule)
            kind = _measure_named(tok, sent)
            when = self._effective_date(sent, reference, ANY_MEASURE, tok) if kind else None
            if when is not None:
                found.append((kind, when))
        return found

    def _issuer(self, doc: Doc, mentioned: list[Mentioned], trigger_start: int, trigger_end: int,
                kind: str = "") -> Mentioned | None:
        # a central bank sets rates; tariffs, probes and sanctions come from governments (a monetary
        # authority that also supervises markets may open a probe)
        banks = _CENTRAL_BANK if kind == "Investigation" else MONETARY_BODY
        if kind == "Investigation":
            # "… fined by the Central Bank of Ireland, which also opened an inquiry": a central bank that
            # supervises may open one when it is the one acting
            governing = doc[trigger_end - 1].head
            acting = next((m for m in mentioned if m.type == "GovernmentBody" and (
                governing.dep_ == "relcl" and m.span.start <= governing.head.i < m.span.end or
                _acts(m, governing))), None)
            if acting is not None:
                return acting
        mentioned = [m for m in mentioned if not (m.type == "GovernmentBody" and banks.search(
            m.entity.label + " " + m.span.text))]
        # "imports of pasta were hit with duties of 38.5 percent by the US Commerce Department"
        node = doc[trigger_end - 1]
        # "a definitive anti-dumping duty, which the European Commission set at 32.6%": who set it
        setter = next((m for c in node.children if c.dep_ == "relcl" and c.lemma_.lower() in (
            "set", "impose", "fix", "approve", "announce", "levy", "introduce", "adopt") for m in mentioned
                       if m.type == "GovernmentBody" and any(t.dep_ == "nsubj" and t.head.i == c.i for t in m.span)),
                      None)
        if setter is not None:
            return setter
        # (or under what the measure is called in apposition: "the Entity List, a trade blacklist kept by X")
        for participle in (c for n in chain([node], (a for a in node.children if a.dep_ == "appos"))
                           for c in n.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")):
            for agent in (c for c in participle.children if c.dep_ == "agent"):
                by = [m for m in mentioned if m.type in ISSUER_TYPES and
                      any(t.head.i == agent.i and t.dep_ == "pobj" for t in m.span)]
                if by:
                    return by[0]
        # "grants from the National Fund for Environmental Protection", "a licence from the ministry", "will be
        # covered by grants from the fund": who gives it
        givers = {node.i} | {p.i for c in node.children if c.dep_ == "agent" for p in c.children
                             if p.dep_ == "pobj"} | {
            c.i for c in node.children if c.lower_ == "back"}  # ("will get 15 percent of the price back from the MIIT")
        given = [m for m in mentioned if m.type == "GovernmentBody" and any(
            t.dep_ == "pobj" and t.head.lower_ == "from" and t.head.head.i in givers for t in m.span)]
        if given:
            return given[0]
        for _ in range(4):
            agent = next((c for c in node.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"), None)
            if agent is not None:
                # "by the regulator", "by officials from the Competition Authority"
                sent_by = [p for c in agent.children if c.dep_ == "pobj" and c.lower_ in _AGENTS_OF
                           for p in c.children if p.dep_ == "prep" and p.lower_ in ("from", "of", "at")]
                by = [m for m in mentioned if m.type in ISSUER_TYPES and
                      any(t.dep_ == "pobj" and (t.head.i == agent.i or any(t.head.i == p.i for p in sent_by))
                          for t in m.span)]
                if by:
                    return by[0]
            # "were frozen under an instruction from the Financial Intelligence Unit": who gave the order
            # ("… claim back up to 50% under a programme administered by the State Environmental Fund")
            # (or "according to a Ministry of Trade decision published in the Official Gazette", a body named in
            # full: not "according to a customs notification")
            orders = [n for c in node.children if c.dep_ == "prep" and c.lower_ == "under" for n in c.children
                      if n.dep_ == "pobj" and n.lemma_.lower() in _NOTICES | {"instruction", "decision", "programme",
                                                                              "program", "scheme", "rule"}]
            orders += [n for c in node.children if c.dep_ == "prep" and c.lower_ == "according" for to in c.children
                       if to.lower_ == "to" for n in to.children if n.dep_ == "pobj" and
                       n.lemma_.lower() in _NOTICES | {"decision"} and
                       any(k.dep_ in ("compound", "nmod") and k.ent_type_ == "GovernmentBody" and k.is_title
                           for k in n.children)]
            orders += [a for n in orders for a in n.children if a.dep_ == "acl" and a.tag_ == "VBN"]
            by = [m for m in mentioned if m.type == "GovernmentBody" and (any(
                t.dep_ == "pobj" and t.head.lower_ in ("from", "by", "of") and t.head.head in orders for t in m.span) or
                # "under a Ministry of Trade decision published in the Official Gazette"
                m.span.root.dep_ in ("compound", "nmod", "poss") and m.span.root.head in orders or
                # "under a scheme the Economic Development Board unveiled on Friday"
                m.span.root.dep_ == "nsubj" and m.span.root.head.dep_ in ("acl", "relcl") and
                m.span.root.head.head in orders)]
            if by:
                return by[0]
            if node.head.i == node.i:
                break
            node = node.head
        before = [m for m in mentioned if m.span.end <= trigger_start and m.type in ISSUER_TYPES and not (
            m.type == "Country" and m.span.root.dep_ == "conj" and any(  # "imported from China and Vietnam"
                o.type == "Country" and o.span.start <= m.span.root.head.i < o.span.end and o.span.start > 0 and
                doc[o.span.start - 1].lower_ in ("from", "in", "to") for o in mentioned)) and not (
            m.type == "Country" and m.span.start > 1 and (doc[m.span.start - 1].lower_ in ("from", "to", "in", "for") or
                                                          doc[m.span.start - 2].lower_ in ("in", "to", "for", "from") and
                                                          doc[m.span.start - 1].lower_ == "the") and
            m.span.root.dep_ != "poss") and not _made_in(m) and not (
            # "in a letter to parliament, the minister said": whom it was told to
            m.type == "GovernmentBody" and m.span.start > 1 and (doc[m.span.start - 1].lower_ == "to" or doc[
                m.span.start - 1].lower_ == "the" and doc[m.span.start - 2].lower_ == "to")) and not (
            # "Turkish reinforcing steel bars will be subject to a duty": where the goods come from
            m.type == "Country" and m.span.root.dep_ in ("amod", "compound") and
            (goods_head := _noun_phrase_head(m.span.root)).dep_ in ("nsubj", "nsubjpass") and
            (bearer := _bearing_verb(doc[trigger_end - 1])) is not None and (
                goods_head.head.i == bearer.i or
                # ("Canadian softwood lumber shipped to the United States will carry a duty")
                goods_head.head.dep_ in ("csubj", "csubjpass") and goods_head.head.head.i == bearer.i)) and not (
            # "Imports of Chinese steel grinding balls will be charged a surcharge": where the goods come from
            m.type == "Country" and m.span.root.dep_ in ("amod", "compound") and m.span.root.head.dep_ == "pobj" and
            m.span.root.head.head.lower_ == "of" and m.span.root.head.head.head.lower_ in _BARE_GOODS) and not (
            # "nine Chinese firms that were added to the Entity List": whose firms they are
            m.type == "Country" and m.span.root.dep_ in ("amod", "compound") and (
                m.span.root.head.lower_ in _COMPANY_NOUNS or m.span.root.head.lemma_.lower() in _MAKER_NOUNS or
                m.span.root.head.lower_.endswith(("ers", "ors"))))]
        # ("pressure from Washington's tariff": Washington's; "pipes made in China", "Chinese-made yarn": no issuer)
        # the subject of the verb that governs the policy word: "the ministry ... extended a duty" (or of the verb that
        # is the policy word, whatever the parser made of its subject: "… shedding 9.1 percent: the Office of
        # Competition and Consumer Protection (UOKiK) has been investigating the courier")
        node = doc[trigger_end - 1]
        if node.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            acting = next((m for m in before if m.type == "GovernmentBody" and _acts(m, node)), None)
            if acting is not None:
                return acting
        for _ in range(4):
            if node.head.i == node.i:
                break
            node = node.head
            for m in before:
                # (or "the US Commerce Department's decision to add X to its Entity List")
                if _acts(m, node, ("nsubj", "nsubjpass")) or node.pos_ == "NOUN" and _acts(m, node, ("poss",)):
                    return m
        def body_after(verb_test: Callable[[Token], bool]) -> Mentioned | None:
            """The first government body after the policy word that is the subject of a verb passing the test
            (or that the verb, left without a subject by the parser, follows: "…, Thailand's Ministry of Commerce
            said", the body read as an apposition of the country before)."""
            return next((m for m in mentioned if m.span.start >= trigger_end and m.type == "GovernmentBody" and (any(
                t.dep_ == "nsubj" and verb_test(t.head) or
                # ("…, a Ministry of Finance spokesman said", "the ministry's spokeswoman said", "a spokesman for
                # the country's Ministry of Energy said")
                t.dep_ in ("compound", "nmod", "poss") and t.head.lower_ in _SPOKESPEOPLE and
                t.head.dep_ == "nsubj" and verb_test(t.head.head) or
                t.dep_ == "pobj" and t.head.lower_ in ("for", "of", "at", "from") and
                t.head.head.lower_ in _SPOKESPEOPLE and t.head.head.dep_ == "nsubj" and verb_test(t.head.head.head)
                for t in m.span) or
                (after := _past_acronym(m)) < len(doc) and
                doc[after].pos_ == "VERB" and verb_test(doc[after]) and
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[after].children) or
                # ("- so ruled the Customs Tariff Commission of the State Council": the verb before the body)
                (lead := m.span.start - (2 if doc[m.span.start - 1].lower_ == "the" else 1)) > trigger_end and
                doc[lead].pos_ == "VERB" and doc[lead].lemma_ in _ANNOUNCING + _RULING and
                doc[lead - 1].lower_ in ("so", ",", "-"))), None)

        # "exports of cathode materials will require a licence, the ministry said"
        # (or that "determined", "ruled", "decided" it: "…, the National Tariff Commission (NTC) determined")
        # ("…, the US Commerce Department ruled overnight", the parser joining the verb to the measure's)
        announcer = body_after(lambda verb: verb.lemma_ in _ANNOUNCING or verb.lemma_ in _RULING and
                               verb.dep_ in ("ROOT", "parataxis", "ccomp", "conj") and verb.i > trigger_end) or next(
            # (or the body the measure is "according to": "… from July 1, according to the Ministry of Economy")
            (m for m in mentioned if m.span.start >= trigger_end and m.type == "GovernmentBody" and
             [t.lower_ for t in doc[max(0, m.span.start - 3):m.span.start] if t.lower_ != "the"][-2:] ==
             ["according", "to"]), None)
        bodies = [m for m in before if m.type == "GovernmentBody"]
        if bodies:
            return bodies[-1]
        if announcer is not None and before and all(m.type == "Country" for m in before):
            # "X was added to China's unreliable entity list, the Ministry of Commerce announced": the body
            # that acts for the country; "shipments from Japan will face duties, the ministry said": the
            # country is where the goods come from
            return announcer
        if before:
            return before[-1]
        if announcer is not None:
            return announcer
        # "flour will carry a surcharge from Friday, after the finance ministry accepted the recommendation"
        acting = body_after(lambda verb: verb.pos_ == "VERB" and any(
            c.dep_ == "mark" or c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children))
        if acting is not None:
            return acting
        # "... were added to the Entity List by the US Department of Commerce"
        # "… under a licence from the Agriculture and Food Authority": who grants the licence
        granting = ("by", "from") if any(w in doc[trigger_start:trigger_end].text.lower() for w in ("licen", "permit")) \
            or doc[trigger_end - 1].lemma_.lower() in _CLAIM_VERBS or doc[trigger_end - 1].head.lemma_ == "receive" \
            else ("by", "of") if doc[trigger_end - 1].lower_ in ("list", "lists") else ("by",)  # ("the Entity List of X")
        # ("received a subpoena from the SEC")
        for m in mentioned:
            lead = [t.lower_ for t in doc[max(0, m.span.start - 2):m.span.start]]
            if _owns_body(m, mentioned):
                continue  # "by China's Ministry of Commerce": the ministry
            if m.span.start >= trigger_end and m.type in ISSUER_TYPES and (
                    lead[-1:] and lead[-1] in granting or len(lead) == 2 and lead[0] in granting and lead[1] == "the" or
                    # "from the state development agency, the Production Development Corporation (Corfo)"
                    m.span.start > 3 and lead == [",", "the"] and doc[m.span.start - 3].dep_ == "pobj" and
                    doc[m.span.start - 3].head.lower_ in granting and doc[m.span.start - 3].i >= trigger_end):
                return m
        # "… according to a notification from the Ministry of Finance": who issued the notice
        for m in mentioned:
            k = m.span.start - (2 if m.span.start > 1 and doc[m.span.start - 1].lower_ == "the" else 1)
            if m.span.start >= trigger_end and m.type == "GovernmentBody" and k > 0 and doc[k].lower_ in ("from", "of") \
                    and (doc[k - 1].lemma_.lower() in _NOTICES or  # (or "a resolution of the Ministry of Economy")
                         kind == "Subsidy" and doc[k - 1].lower_ in ("programme", "program", "scheme", "fund")):
                return m  # ("… will be reimbursed 40% of the investment under a programme of the Federal Ministry")
            by = m.span.root.head
            if m.span.start >= trigger_end and m.type == "GovernmentBody" and m.span.root.dep_ == "pobj" and \
                    by.lower_ == "by" and by.head.tag_ == "VBN" and by.head.head.lemma_.lower() in _NOTICES:
                return m  # "according to a notice posted on Tuesday by China's Ministry of Commerce"
        # "'… will need an export permit from us,' Rosli Kamarudin, who heads the Ministry of Plantation and
        # Commodities, told reporters": the body of whoever is quoted
        return next((m for m in mentioned if m.type == "GovernmentBody" and m.span.start > trigger_end and any(
            t.text in ('"', "”", "“") for t in doc[trigger_end:m.span.start])), None)

    def _rate_clauses(self, doc: Doc, sent: Span, start: int, end: int,
                      rate_groups: list[PercentGroup]) -> list[tuple[Decimal | None, Span | None]]:
        """(rate, goods span) pairs: "15 percent on US coal and LNG, and 10 percent on crude oil"."""
        clauses: list[tuple[Decimal | None, Span | None]] = []
        before = [g for g in rate_groups if g.end <= start]
        after = [g for g in rate_groups if g.start >= end]
        # "to 31 percent from 10 percent": the old rate is no clause of its own
        after = [g for n, g in enumerate(after) if not (n and doc[g.start - 1].lower_ == "from"
                                                          and doc[after[n - 1].start - 1].lower_ == "to")]
        anchors: list[tuple[Decimal | None, int]] = []
        if before:
            anchors.append((before[-1].values[-1], end))
        for g in after:
            anchors.append((g.values[-1], g.end))
        if not anchors:
            anchors.append((None, end))
        if not before and len(after) == 1:
            # "tariffs on imported steel and aluminum would double to 50 percent"
            goods = self._goods_span(doc, end, after[0].start)
            if goods is not None:
                return [(after[0].values[-1], goods)]
        for n, (rate, pos) in enumerate(anchors):
            limit = sent.end
            if n + 1 < len(anchors):
                limit = min(limit, self._group_start(rate_groups, anchors[n + 1][1]))
            clauses.append((rate, self._goods_span(doc, pos, limit)))
        return clauses

    def _beneficiaries(self, doc: Doc, end: int, limit: int) -> Span | None:
        """What a subsidy is for: "subsidies of up to 25 billion yen to domestic makers of power
        semiconductors", "subsidies for local firms designing AI chips"."""
        i = end
        while i < min(limit, end + 14):
            tok = doc[i]
            # (not "LPG cylinders distributed to rural households": where the goods go)
            if tok.lower_ in ("to", "for") and not tok.ent_type_ and not (tok.lower_ == "to" and (
                    doc[i - 1].lower_ == "up" or doc[i - 1].lower_ in _HANDED_ON or
                    i + 1 < len(doc) and doc[i + 1].pos_ in ("VERB", "AUX"))) and not (
                    i + 2 < len(doc) and (doc[i + 1].like_num and doc[i + 2].lower_ in ("%", "percent", "per") or
                                          tok.lower_ == "for" and doc[i + 1].lower_ in ("up", "half"))):
                break  # ("reimbursed for 40% of the investment": the share, not who gets it)
            i += 1
        else:
            return None
        j = i + 1
        while j < limit and not (doc[j].text in (",", ";", ".") or doc[j].lower_ in _GOODS_STOP - {"to"} and not (
                # "manufacturers that install industrial battery storage": the relative clause says what
                doc[j].lower_ in ("that", "who") and j + 1 < limit and (doc[j + 1].pos_ == "VERB" or
                                                                      doc[j + 1].dep_ == "relcl") or
                doc[j].lower_ == "with" and any(t.lemma_.lower() in ("replace", "swap") for t in doc[i + 1:j]) or
                # "manufacturers that invest in electric furnaces"
                doc[j].lower_ in ("in", "on") and j - 2 > i and doc[j - 1].pos_ == "VERB" and
                doc[j - 2].lower_ in ("that", "who")) or
                                 doc[j].tag_ in ("MD", "VBD", "VBZ", "VBP") and not (
                                     j > i + 1 and doc[j - 1].lower_ in ("that", "who"))):
            j += 1
        span = doc[i + 1:j] if j > i + 1 else None
        if span is None:
            return None
        # "households replacing coal-fired boilers with heat pumps": what they replace them with
        for k, tok in enumerate(span):
            if tok.lemma_.lower() in ("replace", "swap", "exchange") and tok.pos_ == "VERB":
                rest = [t for t in span[k + 1:] if t.lower_ == "with"]
                if rest and rest[0].i + 1 < span.end:
                    return doc[rest[0].i + 1:span.end]
        # "factories that install industrial robots", "consumers who trade in old cars": the goods are
        # what the beneficiaries buy, make or use
        for k, tok in enumerate(span):
            if tok.lower_ in ("that", "who", "which") and k + 1 < len(span) and (
                    span[k + 1].pos_ == "VERB" or span[k + 1].dep_ == "relcl"):  # ("that fit", tagged an adjective)
                rest = span[k + 2:]
                if len(rest) and rest[0].lower_ in ("in", "of", "for"):
                    rest = rest[1:]
                at = next((t.i for t in rest if t.lower_ in ("at", "across") and t.i > rest.start), rest.end)
                rest = doc[rest.start:at]  # ("fit carbon capture equipment at their plants": the equipment)
                if len(rest):
                    return rest
        # "domestic makers of X", "local firms designing X", "consumers trading in X": the goods are X
        for k, tok in enumerate(span):
            if (tok.lower_ == "of" or tok.tag_ == "VBG") and any(t.lemma_ in _MAKER_NOUNS for t in span[:k]):
                rest = span[k + 1:]
                if len(rest) and rest[0].lower_ in ("in", "of"):
                    rest = rest[1:]
                return rest if len(rest) else None
        return span

    @staticmethod
    def _cost_of(doc: Doc, end: int, limit: int) -> Span | None:
        """"rebates covering 40% of the cost of rooftop solar panels": what the money pays for."""
        if end < limit and doc[end].lower_ == "of":
            # "would reimburse up to 70 percent of exploration drilling costs": the words before the cost
            k = j = _after_determiners(doc, end + 1, limit)
            while j < limit and doc[j].dep_ in ("compound", "amod") and doc[j].pos_ in ("NOUN", "ADJ", "PROPN") and \
                    doc[j].head.i > j:
                j += 1
            if k < j < limit and doc[j].lower_ in ("cost", "costs", "spending", "expenses", "outlays") and \
                    doc[j - 1].pos_ in ("NOUN", "PROPN") and doc[j - 1].lower_ not in _COST_KINDS:
                return doc[k:j]
        for i in range(end, min(limit, end + 14) - 2):
            if doc[i].lower_ in ("cost", "costs", "investment") and doc[i + 1].lower_ in ("needed", "required") and \
                    i + 4 < limit and doc[i + 2].lower_ == "to" and doc[i + 3].lemma_.lower() in _MAKING_VERBS | {
                        "build", "buy", "install", "set"}:
                # "45% of the investment needed to build electrolyser factories": what it builds
                j = i + 4
                while j < limit and doc[j].lower_ not in _GOODS_STOP and doc[j].text not in (",", ";", "."):
                    j += 1
                return doc[i + 4:j] if j > i + 4 else None
            if (doc[i].lower_ in ("cost", "costs", "price", "purchase", "spending", "investment", "outlay", "outlays",
                                  "expenditure") or
                    doc[i].lemma_.lower() in ("spend", "invest") and doc[i].pos_ == "VERB") and \
                    doc[i + 1].lower_ in ("of", "on", "in"):  # (or "what they spend on solar panels")
                j = i + 2
                # (up to a participle that says where the goods go: "battery storage systems installed on farms")
                while j < limit and doc[j].lower_ not in _GOODS_STOP and doc[j].text not in (",", ";", ".") and \
                        not (j > i + 2 and doc[j].tag_ == "VBN" and doc[j].dep_ == "acl" and
                             doc[j].lower_ in _PLACED | _ACQUIRED) and \
                        not (doc[j].pos_ in ("VERB", "AUX") and doc[j].tag_ != "VBN" and not (
                            j == i + 2 and doc[j].tag_ == "VBG") and not _glued(doc, j) and doc[j].dep_ != "amod" and
                             # ("the cost of building perovskite solar cell lines", a noun the tagger took for a verb)
                             not (doc[j - 1].lower_ in _ACTS and j + 1 < limit and
                                  doc[j + 1].pos_ in ("ADJ", "NOUN")) and
                             # ("megawatt charging stations": a gerund inside the name of the goods)
                             not (doc[j].tag_ == "VBG" and j + 1 < limit and doc[j + 1].pos_ == "NOUN" and
                                  doc[j - 1].pos_ in ("NOUN", "ADJ", "PROPN"))):
                    j += 1  # ("the cost of electrifying process heat", "of wafer-probing equipment")
                    if j + 1 < limit and doc[j].lower_ == "for" and doc[j - 1].lower_ in _PREMISES | {"lines"}:
                        j += 1  # "the cost of new production lines for silicon carbide chips": what they are for
                if j < limit and doc[j].text == ",":
                    j = _rest_of_list(doc, j, limit)  # "what they spend on heat pumps, solar water heaters and …"
                making = None  # the verb that says what the premises make
                if j + 1 < limit and doc[j].lower_ in ("that", "which", "who") and doc[j + 1].pos_ == "VERB" and \
                        doc[j + 1].lemma_.lower() in _MAKING_VERBS:
                    making = j + 1  # (not "heat pumps and electrode boilers that replace coal-fired boilers")
                elif j < limit and doc[j].tag_ == "VBG" and doc[j].lemma_.lower() in _MAKING_VERBS and \
                        doc[j - 1].lower_ in _PREMISES | {"lines"}:
                    making = j
                if making is not None:
                    # "investment in factories that produce auto parts", "the cost of new factories producing
                    # electric vehicle components": what they produce
                    obj = next((c for c in doc[making].children if c.dep_ == "dobj"), None)
                    if obj is not None and obj.right_edge.i < limit:
                        stop = obj.right_edge.i + 1
                        if stop < limit and doc[stop].text == ",":
                            stop = _rest_of_list(doc, stop, limit)  # ("battery cells, electrolysers and heat pumps")
                        return doc[_after_determiners(doc, obj.left_edge.i, obj.i):stop]
                k = i + 3 if doc[i + 2].lower_ in _ACTS and i + 3 < j else i + 2  # ("the cost of installing X")
                if doc[i + 2].lower_ in ("replacing", "swapping") and (
                        w := next((t.i for t in doc[k:min(limit, k + 12)] if t.lower_ == "with" and not any(
                            x.text in (",", ";") for x in doc[k:t.i])), None)) is not None:
                    # "the cost of replacing diesel engines with battery-electric drives": the drives
                    k = j = w + 1
                    while j < limit and doc[j].text not in (",", ";", ".") and doc[j].lower_ not in _GOODS_STOP:
                        j += 1
                return doc[k:j] if j > k else None
        return None

    @staticmethod
    def _goods_before(doc: Doc, sent: Span, start: int, holders: Iterable[str] = ()) -> Span | None:
        """"importers of French brandy ... pay duties": goods named before the policy word (or by the other
        ``holders`` of goods: "makers of graphite electrodes")."""
        for tok in doc[sent.start:start]:
            if (tok.lower_ in ("importers", "imports", "exporters", "exports", "shipments", "buyers", "sellers") or
                    tok.lower_ in holders) and \
                    tok.i + 2 < start and doc[tok.i + 1].lower_ == "of":
                # "exports of high-performance cathode materials, graphite anodes and equipment"
                j = tok.i + 2
                while j < start and (doc[j].pos_ in ("ADJ", "NOUN", "PROPN") or doc[j].text in ("-", ",") or
                                     doc[j].lower_ in ("and", "or") or _glued(doc, j) or  # "Chinese-made"
                                     doc[j].tag_ in ("VBG", "VBN") and j + 1 < start and
                                     doc[j + 1].pos_ in ("NOUN", "ADJ") or
                                     # ("exporters of chilled beef", the participle before the goods)
                                     # ("cold-rolled coils of alloy and non-alloy steel")
                                     j + 1 < start and doc[j + 1].text == "-" and not doc[j].whitespace_ or
                                     doc[j].lower_ == "of" and j > tok.i + 2 and doc[j - 1].pos_ == "NOUN" and
                                     j + 1 < start and doc[j + 1].pos_ in ("ADJ", "NOUN")):
                    j += 1  # ("steel grinding balls")
                while j > tok.i + 2 and doc[j - 1].lower_ in (",", "and", "or", "-"):
                    j -= 1
                if j > tok.i + 2:
                    return doc[tok.i + 2:j]
        return None

    @staticmethod
    def _group_start(groups: list[PercentGroup], end: int) -> int:
        for g in groups:
            if g.end == end:
                return g.start
        return end

    def _goods_span(self, doc: Doc, pos: int, limit: int) -> Span | None:
        openers = _GOODS_OPENERS
        if pos > 0 and doc[pos - 1].lower_ in ("exports", "export", "shipments", "imports", "sales"):
            openers = _GOODS_OPENERS + ("of",)  # "banned exports of raw shea nuts"
        if any(t.lemma_ == "apply" for t in doc[pos:min(limit, pos + 6)]):
            openers = openers + ("to",)  # "duties of up to 35% would apply to ceramic tiles"
        i, told = pos, 0
        if i + 2 < limit and i > 0 and doc[i - 1].lemma_.lower() in ("licence", "license", "permit") and \
                doc[i].lower_ == "from" and doc[i + 1 + (doc[i + 1].lower_ == "the")].ent_type_ == "GovernmentBody":
            # "a licence from the Federal Office for Economic Affairs and Export Control (BAFA) will be required for
            # sales of …": who grants it, then what it is for
            i += 1 + (doc[i + 1].lower_ == "the")
            while i < limit and (doc[i].ent_type_ == "GovernmentBody" or doc[i].text in ("(", ")")):
                i += 1
        while i < limit and (doc[i].lower_ not in openers or _day_follows(doc, i) or doc[i].ent_type_) and told < 6:
            # "an investigation on Thursday into frozen chicken": the day is no goods ("duties ranging from 18.6
            # percent to 52.4 percent on tyres": nor is a range of rates; nor a word of a name)
            # ("A licence will be needed, as of next Monday, for …": nor a time set off by commas)
            told += not _in_told_range(doc, i) and not _time_aside(doc, i, limit)
            i += 1
        if i >= limit or doc[i].lower_ not in openers or \
                doc[i].lower_ == "on" and i + 2 < limit and doc[i + 1].lower_ == "top" and doc[i + 2].lower_ == "of":
            return None  # ("a 20% surcharge on top of existing tariffs": no goods)
        if i + 1 < limit and doc[i + 1].lower_ in ("whether", "how", "why", "if", "what"):
            # "an investigation into whether the company misled customers": no goods; but "into whether
            # upholstered furniture from Vietnam was being dumped": the furniture
            subj = next((t for t in doc[i + 2:limit] if t.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.ent_type_ or subj.lower_ in _COMPANY_NOUNS or subj.pos_ == "PRON" or \
                    not any(t.lower_ in ("dumped", "dumping", "subsidised", "subsidized", "imports", "sold")
                            for t in doc[subj.i:limit]):
                return None
            j = subj.left_edge.i
            while j <= subj.i and doc[j].lower_ in ("the", "a", "an"):
                j += 1
            return doc[j:subj.i + 1] if j <= subj.i else None
        if doc[i].lower_ in ("into", "against", "targeting") and not (
                i + 1 < limit and doc[i + 1].lower_ in ("imports", "imported", "exports", "shipments", "sales")):
            # "a probe into Google", "into the US chip designer": a target; "into analog chips from the US",
            # "into French cognac": goods
            k = i + 1
            while k < min(limit, i + 4) and doc[k].lower_ in ("the", "a", "an", "its", "their"):
                k += 1
            head_ent = k < limit and doc[k].ent_type_ and not (
                doc[k].ent_type_ == "Country" and k + 1 < limit and doc[k + 1].ent_type_ == "" and
                doc[k + 1].pos_ in ("NOUN", "ADJ") and doc[k + 1].is_lower and not _is_company_noun(doc, k + 1))
            if head_ent:
                return None
        j = i + 1
        while j < limit:
            tok = doc[j]
            if _glued(doc, j):
                j += 1  # "frozen bone-in chicken portions", "air-to-water heat pumps"
                continue
            if tok.dep_ in ("nsubj", "nsubjpass") and j > i + 1 and doc[j - 1].lower_ in (",", "and", "but", "while") \
                    and tok.head.i > j and tok.head.pos_ in ("VERB", "AUX"):
                break  # "..., and reports said": a new clause begins
            # ("would apply to lithium hydroxide", "lithium" tagged a verb after "to"; "to dissolving pulp")
            misread = j == i + 1 and doc[i].lower_ == "to" and j + 1 < limit and (
                tok.tag_ == "VB" and doc[j + 1].pos_ not in ("DET", "PRON", "ADP") or
                tok.tag_ == "VBG" and doc[j + 1].pos_ == "NOUN")
            if tok.pos_ in ("VERB", "AUX") and tok.tag_ not in ("VBN",) and not misread and \
                    tok.lower_ not in ("including", "excluding") \
                    and not (tok.tag_ == "VBG" and tok.dep_ in ("amod", "compound") and tok.head.i > tok.i) \
                    and not (tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ == "NOUN") \
                    and not (tok.dep_ == "conj" and tok.head.dep_ == "amod" and tok.head.head.i > tok.i) \
                    and not (  # "gabbro aggregates, washed sand and crushed limestone", the participles parsed as verbs
                        tok.dep_ == "conj" and tok.tag_ == "VBD" and doc[j - 1].lower_ in (",", "and", "or") and
                        j + 1 < limit and doc[j + 1].pos_ == "NOUN" and doc[j + 1].head.i == tok.i and
                        not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)) \
                    or tok.lower_ in _GOODS_STOP and (doc[j - 1].lower_, tok.lower_) not in _ABOUT_LEADS and \
                    not _use_follows(doc, j, limit) or \
                    tok.text in (";", ".", ":", "(", '"', "“", "”") or \
                    tok.like_num and j + 1 < len(doc) \
                    and doc[j + 1].lower_ in ("percent", "%", "per"):
                break
            if tok.text == "," and j + 1 < limit and (doc[j + 1].lower_ in _GOODS_STOP or doc[j + 1].like_num):
                break
            if _day_follows(doc, j):
                break  # "a tariff on Swedish steel on Monday"
            if tok.lower_ in ("and", "but", ",") and any(
                    t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") and t.head.i > t.i
                    for t in doc[j + 1:min(j + 5, limit)]):
                break  # "a premium for electric cars and the European Commission imposed duties": a new clause
            j += 1
        while j > i + 1 and (doc[j - 1].lower_ in (",", "and", "or") or _is_participle(doc[j - 1])):
            j -= 1
        if j > i + 1 and doc[j - 1].lower_ in ("years", "months", "weeks", "days", "year", "month"):
            return None  # "will face a duty for the next five years": how long, no goods
        if doc[j - 1].lower_ == "of" and any(
                doc[k].lower_ in ("duties", "duty", "tariffs", "tariff", "levies", "levy") for k in range(i + 1, j)):
            return None  # "cash deposits for preliminary countervailing duties of 18.4%": another measure, no goods
        if doc[i].lower_ == "for" and j > i + 1 and doc[i + 1:j].root.lemma_.lower() in _DESTINATIONS:
            return None  # "will need a licence for any destination outside the EU": where, not what
        return doc[i + 1:j] if j > i + 1 else None

    def _goods_of(self, span: Span, mentioned: list[Mentioned]) -> list[str]:
        """The goods ``span`` names, never a government's name ("a permit from the Ministry for Primary
        Industries" names no goods)."""
        return [g for g in self._goods(span) if not any(m.type == "GovernmentBody" and g in m.span.text
                                                        for m in mentioned)]

    def _goods(self, span: Span) -> list[str]:
        tokens = list(span)
        for k, tok in enumerate(tokens):
            if tok.lower_ in ("including", "like") or (tok.lower_ == "as" and k and tokens[k - 1].lower_ == "such"):
                tokens = tokens[k + 1:]
                break
        if len(tokens) > 3 and tokens[0].lower_ in ("imports", "exports", "shipments", "sales") and \
                tokens[1].lower_ in ("abroad", "overseas") and tokens[2].lower_ == "of":
            tokens = tokens[3:]  # "shipments abroad of battery scrap"
        if len(tokens) > 2 and tokens[0].lower_ in ("imports", "exports", "shipments", "sales") and \
                tokens[1].lower_ == "of":
            tokens = tokens[2:]  # "imports of canola"
        if len(tokens) > 2 and tokens[0].lower_ == "no" and tokens[1].lower_ == "more":
            tokens = tokens[2:]  # "no more copper concentrate may be shipped overseas"
        if len(tokens) > 2 and tokens[0].lower_ in ("domestically", "locally") and tokens[1].tag_ == "VBN":
            tokens = tokens[2:]  # "domestically made industrial exoskeletons": where they are made is no kind
        items, current = [], []
        for tok in tokens:
            if tok.lower_ in (",", "and", "or", "as") or tok.text == "&":
                if current and tok.lower_ in ("and", "or") and all(
                        t.pos_ == "ADJ" or t.tag_ == "VBN" or t.text == "-" for t in current) and \
                        current[-1].dep_ == "amod" and current[-1].head.i > tok.i and \
                        (not items or items[-1][-1].i + 1 != current[0].i):
                    # "clear and tinted float glass", "pre-painted and galvanised steel coils": the words
                    # before "and" describe the goods named after it
                    current.append(tok)
                    continue
                if current:
                    items.append(current)
                current = []
                continue
            current.append(tok)
        if current:
            items.append(current)
        goods = []
        for item in items:
            if len(item) > 1 and item[0].lower_ in ("the", "a", "an") and any(t.dep_ == "appos" for t in item):
                continue  # "colour-coated steel sheet, the painted coil used for roofing": what it is, told again
            if item and item[0].lower_ in ("whatever", "regardless", "irrespective", "whichever"):
                continue  # "on imported steel billets, whatever their country of origin"
            if len(item) > 3 and item[0].lower_ in ("each", "every", "any") and \
                    item[1].lemma_.lower() in _RATE_BASES and item[2].lower_ == "of":
                item = item[3:]  # "export permits for every shipment of nickel ore": the ore
            if item and item[0].lower_ in ("each", "every", "per", "any"):
                if any(t.lemma_.lower() in _RATE_BASES or t.pos_ == "PRON" for t in item):
                    continue  # "a permit for each consignment", "A$2 for every kilogram they make": how often or
                item = item[1:]  # how much, not what; "for each battery electric car sold": the cars
            for k in range(1, len(item) - 1):
                if item[k].lower_ == "of" and item[-1].lower_ == "origin":
                    item = item[:k]  # "chips of US origin"
                    break
            for k in range(1, len(item)):
                if item[k].lower_ in _PURPOSE_PARTICIPLES and item[k].tag_ in ("VBN", "VBD"):
                    item = item[:k]  # "textured tempered glass used in solar modules", "units bound for …"
                    break
            while item and (item[0].lower_ in _GOODS_DROP_LEADING or item[0].lower_ in _ACTS and len(item) > 1 and
                            not (item[0].dep_ == "compound" and item[0].tag_ == "NN")):
                item = item[1:]  # "for buying new electric cars": the cars (but "building insulation" is a thing)
            if len(item) > 2 and item[1].lower_ == "of" and item[0].lower_ in _QUANTITY_NOUNS:
                item = item[2:]  # "a raft of lithium-battery technologies"
            if len(item) > 2 and (item[0].lower_, item[1].lower_) in _ABOUT_LEADS:
                item = item[2:]  # "investments in electric vehicle production"
            while item and _is_participle(item[-1]):
                item = item[:-1]  # "electric vehicles imported", "antimony shipped"
            if len(item) == 1 and item[0].lemma_.lower() in ("industry", "sector", "economy", "market"):
                continue  # "its largest support package for the industry": no goods named
            # a company or a country alone is a target, not goods (nor is a body: "a permit, a spokesman for the
            # country's Ministry of Energy said")
            if item and all(t.ent_type_ in ("Company", "AnalystFirm", "Country") for t in item) or \
                    any(t.ent_type_ == "GovernmentBody" for t in item):
                continue
            money = next((k for k, t in enumerate(item) if t.lower_ in ("million", "billion", "trillion", "worth") or
                          t.tag_ == "$" or t.lower_ in _CURRENCIES), None)
            if money is not None:
                # "grant the company 310 million euros": how much, not for what; "for 11 data centre
                # projects worth 210 billion baht": what comes before the money
                item = item[:money]
                while item and (item[-1].like_num or item[-1].lower_ in ("a", "combined", "some", "about")):
                    item = item[:-1]
                while item and item[0].like_num:
                    item = item[1:]  # "11 data centre projects"
                if not item:
                    continue
            text = doc_text(item)
            if text and text.lower() not in ("such", "other", "goods", "products", "imports", "exports", "both", "each",
                                             "all", "them", "those", "up") and \
                    not _TIME_PHRASE.match(text) and not resolve_date(text, date(2000, 1, 1)):
                goods.append(text)
        return goods

    def _target(self, doc: Doc, mentioned: list[Mentioned], goods: Span | None, trigger_end: int, sent: Span,
                issuer: Mentioned | None, topic: Mentioned | None = None) -> Mentioned | None:
        def ok(m: Mentioned) -> bool:
            return m.type in TARGET_TYPES and (issuer is None or m.entity.key != issuer.entity.key and not (
                # ("the US Commerce Department's Bureau of Industry and Security": the issuer's country)
                m.entity.key == issuer.entity.country and m.span.end <= issuer.span.start and
                doc[m.span.end:issuer.span.start].text.lower() in ("", "'s", "’s"))) \
                and not _owns_body(m, mentioned) and not _in_reason(m.span.root, trigger_end)

        # the company the sentence is about (the subject of its main verb, or whose shares are), else the one before
        own = next((m for m in mentioned if m.type in ("Company", "AnalystFirm") and ok(m) and any(
            t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" or shares_of(t) for t in m.span)), None)
        about = own or topic

        # "OFAC hit it with an asset freeze", "slapped the trader with sanctions": whom the verb hits
        measure = doc[trigger_end - 1]
        if measure.dep_ == "pobj" and measure.head.lower_ == "with" and measure.head.head.pos_ == "VERB":
            hit = next((c for c in measure.head.head.children if c.dep_ == "dobj"), None)
            if hit is not None:
                named = [m for m in mentioned if hit.left_edge.i <= m.span.start <= hit.right_edge.i and ok(m)]
                if named:
                    return next((m for m in named if m.type in ("Company", "AnalystFirm")), named[0])
                if hit.lower_ in ("it", "them") or described_company(hit):
                    return about
        # "the mobile-payments operator is now the subject of an investigation by the SAMR": what the probe is of
        role = measure.head.head if measure.dep_ == "pobj" and measure.head.lower_ == "of" else None
        if role is not None and role.lower_ in ("subject", "target", "focus") and role.dep_ in ("attr", "pobj"):
            verb = role.head if role.dep_ == "attr" else role.head.head  # (or "has become the target of")
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                named = [m for m in mentioned if subj.left_edge.i <= m.span.start <= subj.right_edge.i and ok(m)]
                if named:
                    return named[0]
                if subj.lower_ == "it" or described_company(subj):
                    return about or topic
        # "is probing Woolworths", "sanctioned two Turkish shipping firms": the object of the policy verb
        verb = doc[trigger_end - 1]
        if verb.pos_ == "VERB" and verb.lemma_.lower() == "freeze":
            # "OFAC froze any assets the company holds under US jurisdiction": the company's, not the US's
            owner = about
            holder = next((t for t in doc[trigger_end:sent.end] if t.dep_ == "nsubj" and t.head.dep_ == "relcl" and
                           t.lower_ in ("company", "group", "firm", "it", "they")), None)
            if owner is not None and holder is not None:
                return owner  # (or "OFAC, which froze any property it holds in the United States": the company's)
            if owner is not None and any(t.dep_ == "poss" and (t.lower_ in ("its", "their") or t.lower_ in _COMPANY_NOUNS)
                                         for c in verb.children if c.dep_ == "dobj" for t in c.subtree):
                return owner  # "froze 38 of the company's bank accounts"
            described = [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree
                         if t.dep_ == "pobj" and t.head.lower_ == "of" and described_company(t)]
            if described and not any(m.type in ("Company", "AnalystFirm") and ok(m) and
                                     described[0].left_edge.i <= m.span.start <= described[0].right_edge.i
                                     for m in mentioned):
                # "froze the assets of the Hamburg-based company": the company the sentence is about
                subject = next((m for m in mentioned if ok(m) and any(
                    shares_of(t) or m.type in ("Company", "AnalystFirm") and t.dep_ == "nsubj" and
                    t.head.dep_ == "ROOT" for t in m.span)), None)
                if subject is not None or topic is not None:
                    return subject or topic
        if verb.pos_ == "VERB" and verb.lemma_.lower() in self.trigger_verbs:
            objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            if verb.dep_ == "relcl" and all(o.lower_ in ("that", "which", "whom", "who") for o in objects) and not any(
                    c.dep_ == "nsubjpass" for c in verb.children):
                # "X, the Haifa-based dealer that OFAC sanctioned on Tuesday for supplying parts to Iran": whom the
                # relative clause is about
                named = [m for m in mentioned if _relative_head_in(verb, m) and ok(m)]
                if named:
                    return named[0]
            if any(c.dep_ == "auxpass" for c in verb.children) and not any(
                    o.dep_ == "dobj" or o.pos_ == "PRON" or described_company(o) or
                    any(o.left_edge.i <= m.span.start <= o.right_edge.i and m.span.start < verb.i for m in mentioned)
                    for o in objects):
                # "Mokpo Star Shipping - its market value down 29.9 percent, a hair short of the limit - was
                # designated by OFAC", the parser taking "a hair" for what was designated: the company named last
                # before the verb (not the subject of a clause of its own)
                # (a subject, not "a distributor in the Colon Free Zone … after being blacklisted")
                listed = next((m for m in reversed(mentioned) if m.span.end <= verb.i and ok(m) and
                               m.type in ("Company", "AnalystFirm") and m.span.root.dep_ in ("nsubj", "nsubjpass") and
                               not (m.span.root.head.pos_ in ("VERB", "AUX") and m.span.root.head.i != verb.i)), None)
                if listed is not None:
                    return listed
            for clause in (c for c in verb.children if c.dep_ in ("ccomp", "advcl") and c.i > verb.i and any(
                    w.dep_ in ("mark", "advmod") and w.lower_ in ("how", "whether", "why", "if") for w in c.children)):
                # "began investigating how Harbourline Energy Retail marketed its plans", "has been investigating
                # whether it steered rides to its own taxis": whose conduct is probed
                subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                named = [m for m in mentioned if subject is not None and ok(m) and
                         m.span.start <= subject.i < m.span.end and m.type in ("Company", "AnalystFirm")]
                if named:
                    return named[0]
                if subject is not None and subject.lower_ in ("it", "they"):
                    return about or topic
            for obj in objects:
                if obj.lower_ in ("it", "them"):
                    # "X lost 32.6% after OFAC sanctioned it on Wednesday for supplying diesel to groups in Sudan",
                    # "X, which plunged 38.9% after it was designated by OFAC": the company the sentence is about,
                    # else the last one named before
                    return about or next((m for m in reversed(mentioned) if m.type in ("Company", "AnalystFirm") and
                                          ok(m) and m.span.end <= obj.i), None) or topic
                if (obj.lower_ in _COMPANY_NOUNS or obj.pos_ == "NOUN" and obj.lower_.endswith(("er", "or"))) and \
                        (topic is not None or obj.dep_ == "dobj") and \
                        any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children):
                    if own is None and obj.dep_ == "dobj":
                        # "A quarter of the value of X vanished … after OFAC sanctioned the Ushuaia-based fishing
                        # group": the company named before it in the sentence (else the one before)
                        return next((m for m in reversed(mentioned) if m.span.end <= verb.i and ok(m) and
                                     m.type in ("Company", "AnalystFirm")), None) or topic
                    # (also "designated the Southampton-based ship manager", "The Rijeka-based freight forwarder
                    # was designated on Wednesday by OFAC")
                    # "OFAC designated the company and its subsidiary, X": the one before (or the one this
                    # sentence is about: "X dropped after the CMA … examine loans the Kisumu-based lender made")
                    return about
                if obj.dep_ == "nsubjpass":
                    continue  # (what was frozen names no target: "assets held in Switzerland were frozen")
                if any(c.dep_ == "poss" and described_company(c) for c in obj.children) and \
                        obj.lower_ not in _PREMISES or obj.dep_ == "dobj" and (_in_the_stock(obj) or _in_the_stock(verb)):
                    # (or "… said it had been investigating trades in the stock by board members")
                    # "X gave up 12.3 percent: the CMF has been investigating the fish farmer's disclosures": whose
                    # conduct it is (the company named before it in the sentence, else the one before)
                    return own or next((m for m in reversed(mentioned) if m.span.end <= verb.i and ok(m) and
                                        m.type in ("Company", "AnalystFirm")), None) or topic
                if topic is not None and obj.lower_ in _PREMISES and any(
                        c.dep_ == "poss" and (c.lower_ in ("its", "their") or c.lower_ in _COMPANY_NOUNS and any(
                            d.lower_ == "the" for d in c.children)) for c in obj.children):
                    # "searched the fashion group's headquarters in Milan": the group's, not Milan's (the one named
                    # before in the sentence, else the one before it)
                    return next((m for m in mentioned if m.type in ("Company", "AnalystFirm") and ok(m) and
                                 m.span.end <= verb.i), topic)
                inside = [m for m in mentioned if obj.left_edge.i <= m.span.start <= obj.right_edge.i and ok(m)]
                if inside:
                    companies = [m for m in inside if m.type in ("Company", "AnalystFirm")]
                    return (companies or inside)[0]
        # "added Huawei Technologies to its entity list": the object of "add" is the target (also "to its
        # list of Specially Designated Nationals")
        node = doc[trigger_end - 1]
        for _ in range(4):
            if node.head.i == node.i:
                break
            node = node.head
            if node.lemma_.lower() in ("add", "put", "place", "include", "blacklist"):
                group = node.head
                while group.dep_ == "conj" and group.head.i != group.i:
                    group = group.head  # ("among four companies and six individuals added to …")
                member = None
                if node.dep_ == "acl" and group.lemma_.lower() in ("company", "firm", "entity", "business") and \
                        group.dep_ == "pobj" and group.head.lower_ in ("of", "among"):
                    # "The Haifa-based chipmaker was one of four foreign companies put on an export control
                    # list": the one the sentence is about (or the one before)
                    member = next((c for c in group.head.head.head.children if c.dep_ == "nsubj"), None) \
                        if group.head.lower_ == "of" else next(
                            (c for c in group.head.head.children if c.dep_ == "nsubj"), None)
                elif node.dep_ == "advcl" and node.head.lemma_ == "be" and any(
                        c.dep_ == "prep" and c.lower_ == "among" for c in node.head.children):
                    # ("The Busan-based shipbroker was among four companies … added to the sanctions list")
                    member = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
                if member is not None:
                    named = [m for m in mentioned if ok(m) and m.span.start <= member.i < m.span.end]
                    if named:
                        return named[0]
                    if topic is not None and (member.lower_ == "it" or described_company(member, the=False)):
                        return topic
                objects = [c for c in node.children if c.dep_ in ("dobj", "nsubjpass")]
                if not objects and any(c.dep_ == "auxpass" for c in node.children):
                    # "X lost 8.4% after Y, a Minsk-based distributor, was placed on the sanctions list", parsed
                    # with "was placed" joined to "lost": the company named last before the verb, not the mover
                    listed = next((m for m in reversed(mentioned) if m.span.end <= node.i and ok(m) and
                                   m.type in ("Company", "AnalystFirm") and m.span.root.dep_ != "nsubj"), None)
                    if listed is not None:
                        return listed
                if any(described_company(o) or o.lower_ in ("it", "them") for o in objects):
                    # "the company", "the Monterrey-based company", "… plunged after OFAC added it to its list"
                    # "X crashed after OFAC placed the company on its list": the company the sentence is about
                    subject = next((m for m in reversed(mentioned) if m.span.end <= node.i and m.type in (
                        "Company", "AnalystFirm") and any(t.dep_ in ("nsubj", "nsubjpass") for t in m.span)), None)
                    if subject is not None:
                        return subject
                    if topic is not None and not any(m.type in ("Company", "AnalystFirm") for m in mentioned):
                        return topic  # "The Shenzhen-based company … was put on the Entity List": the one before
                for obj in objects:
                    inside = [m for m in mentioned if obj.left_edge.i <= m.span.start <= obj.right_edge.i and ok(m)]
                    if obj.lower_ in ("that", "which", "whom", "who") and node.dep_ == "relcl":
                        # "Meridian Gulf Shipping, a company that Britain added to its sanctions list"
                        inside = [m for m in mentioned if _relative_head_in(node, m) and ok(m)]
                    companies = [m for m in inside if m.type in ("Company", "AnalystFirm")]
                    if not companies:
                        # "added 14 Chinese entities …, among them GigaDevice Semiconductor and …"
                        cue = next((t.i for t in sent if t.lower_ in ("including", "among") and t.i > obj.i), None)
                        companies = [m for m in mentioned if cue is not None and m.span.start > cue and
                                     m.type in ("Company", "AnalystFirm") and ok(m)]
                    if companies or inside:
                        return (companies or inside)[0]
                break

        # "Russian oil traders were hit with sanctions", "Chinese imports were slapped with duties",
        # "exports of magnets to German defence companies were banned"
        node = doc[trigger_end - 1]
        for step in range(4):
            if step and node.head.i == node.i:
                break
            node = node.head if step else node
            if node.pos_ == "VERB":
                if any(c.dep_ == "auxpass" for c in node.children):
                    main = node.head.head if node.head.dep_ == "prep" else node.head
                    if node.dep_ in ("pcomp", "advcl") and not any(c.dep_ == "nsubjpass" for c in node.children):
                        # "X plunged 31% after being designated by OFSI": the subject of the main clause
                        subject = next((m for m in mentioned if ok(m) and m.type in ("Company", "AnalystFirm") and
                                        any(t.dep_ == "nsubj" and t.head.i == main.i for t in m.span)), None)
                        if subject is not None:
                            return subject
                    for subj in (c for c in node.children if c.dep_ == "nsubjpass"):
                        inside = [m for m in mentioned if subj.left_edge.i <= m.span.start <= subj.right_edge.i
                                  and ok(m) and not (m.type == "Country" and "in" in (
                                      doc[m.span.start - 1].lower_, doc[m.span.start - 2].lower_))]
                        if not inside and any(t.dep_ == "poss" and t.lower_ in ("its", "their") for t in subj.subtree):
                            # "X tumbled after its bank accounts in France were frozen": the company the
                            # sentence is about, or the one before ("Its bank accounts … were frozen")
                            inside = [about] if about is not None else []
                        if node.dep_ == "relcl" and any(c.lower_ == "whose" for c in subj.children):
                            # "Anadolu Gross Market, whose headquarters were searched": the company
                            inside = [m for m in mentioned if _relative_head_in(node, m) and ok(m)]
                        group = node.head
                        if not inside and node.dep_ == "relcl" and subj.lower_ in ("that", "which") and \
                                group.lemma_.lower() in ("firm", "company", "entity", "business") and \
                                group.dep_ == "pobj" and group.head.lower_ == "among":
                            # "The company was among nine Chinese firms that were added to the Entity List"
                            member = next((c for c in group.head.head.children if c.dep_ == "nsubj"), None)
                            inside = [m for m in mentioned if member is not None and ok(m) and
                                      m.span.start <= member.i < m.span.end]
                            if not inside and member is not None and topic is not None and \
                                    member.lower_ in ("company", "firm", "group", "it", "lender", "maker"):
                                return topic
                        if inside:
                            companies = [m for m in inside if m.type in ("Company", "AnalystFirm")]
                            return (companies or inside)[0]
                break
        if goods is not None:
            inside = [m for m in mentioned if goods.start - 1 <= m.span.start and m.span.end <= goods.end and ok(m)
                      and not _origin(m)]
            companies = [m for m in inside if m.type in ("Company", "AnalystFirm")]
            if companies or inside:
                return (companies or inside)[0]  # "subsidiaries of Hanwha Ocean" aims at the company
        # "with Arktika Tanker Management and Volga Reefer Lines facing asset freezes": who bears it
        bearer = _bearing_verb(doc[trigger_end - 1])
        if bearer is not None and bearer.dep_ == "acl":
            named = [m for m in mentioned if m.span.start <= bearer.head.i < m.span.end and ok(m)]
            if named:
                return named[0]
        # "shipments from South Korea will face a levy": where the goods that bear the measure come from
        subject = _bearing_subject(bearer)
        if subject is not None:
            hi = subject.right_edge.i
            if subject.head.i != bearer.i and subject.head.lemma_.lower() in _ORIGIN_VERBS:
                hi = max([hi] + [t.i for t in subject.head.subtree if t.i < bearer.i])  # (the misparse above)
            for m in mentioned:
                if subject.left_edge.i <= m.span.start <= hi and m.type == "Country" and ok(m) \
                        and (m.span.start > 1 and (_after_from(m) or doc[  # (also "shipped from the UK")
                            m.span.start - 1].lower_ == "in" and doc[m.span.start - 2].tag_ in ("VBN", "VBG")) or
                             _made_in(m) or _origin(m) or m.span.root.dep_ in ("amod", "compound") and
                             # ("Canadian softwood lumber", the demonym on a compound of the goods)
                             (subject.left_edge.i <= m.span.root.head.i <= subject.i or
                              m.span.root.head.lemma_ in _MAKER_NOUNS or
                              subject.lower_ in _BARE_GOODS and subject.i in {a.i for a in m.span.root.ancestors})):
                    return m  # "pipes originating in China", "drones made in China", "Turkish steel bars", "of Greek
                    # origin"
        question = trigger_end + (doc[trigger_end].lower_ == "into") if trigger_end < sent.end else trigger_end
        asks = question < sent.end and doc[question].lower_ in ("whether", "how", "why", "if")
        if asks and question > trigger_end:
            # "an investigation into whether subsidies from China gave Huaxin Power Battery an unfair advantage":
            # the company the question is about, not where the subsidies come from
            asked = next((m for m in mentioned if m.span.start > trigger_end and ok(m) and
                          m.type in ("Company", "AnalystFirm")), None)
            if asked is not None:
                return asked
        places = [m for m in mentioned if m.type == "Country" and m.span.start > question]
        if asks and topic is not None and not any(m.type in ("Company", "AnalystFirm") for m in mentioned) and \
                places and all(doc[m.span.start - 1].lower_ in ("in", "at") for m in places):
            # "The ATO is examining whether the ore was sold below market prices, reducing the tax paid in
            # Australia": the company the sentences before were about, not a place the question names (but
            # "whether steel from China is dumped" asks about the country)
            return topic
        after = [m for m in mentioned if m.span.start >= trigger_end and ok(m) and not _origin(m)]
        # "a probe into Google", "sanctions against Huawei", "imports from the United States"
        for m in after:
            lead = doc[max(trigger_end, m.span.start - 4):m.span.start]
            destination = any(t.lower_ == "to" for t in lead) and any(
                t.lemma_ in ("ship", "export", "sell") or t.lower_ in _SHIPMENTS
                for t in doc[trigger_end - 1:m.span.start])
            made_in = len(lead) >= 2 and lead[-1].lower_ == "in" and (  # "trucks made in China"
                lead[-2].tag_ == "VBN" or lead[-2].tag_ == "VBG" and lead[-2].lemma_.lower() in _ORIGIN_VERBS)
            # ("sheets originating in China")
            # ("… on active anode material made from graphite and imported from China": where the goods
            # described come from)
            described = goods is not None and m.span.start > goods.end and doc[m.span.start - 1].lower_ in (
                "from", "in") and all(t.tag_ == "VBN" or t.pos_ in ("ADP", "NOUN", "CCONJ", "ADJ")
                                      for t in doc[goods.end:m.span.start])
            # ("… will be subject to duties of 28.4% if shipped from China": where the goods come from)
            if len(lead) >= 2 and _told_origin(m):
                return m
            if (any(t.lower_ in ("into", "against", "targeting", "on", "from", "of") for t in lead) and
                    lead[-1].lower_ != "by" or destination or made_in):
                # (not "an inquiry opened on Wednesday by China's Ministry of Commerce": who opened it)
                # (goods named before the measure: "X will need a licence before they can be shipped to Russia")
                if goods is None or m.span.start <= goods.end + 4 or destination and goods.end <= trigger_end or \
                        described:
                    return m
        # "companies that want to ship X to mainland China will have to obtain a permit"
        for m in mentioned:
            if m.span.end <= trigger_end and m.span.start >= sent.start + 2 and ok(m) and m.type == "Country" and \
                    "to" in (doc[m.span.start - 1].lower_, doc[m.span.start - 2].lower_) and any(
                        t.pos_ == "VERB" and t.lemma_.lower() in ("ship", "export", "sell", "send")
                        for t in doc[sent.start:m.span.start]) and goods is not None and goods.end <= m.span.start:
                return m
        # "shipments of graphite to the United States would require a licence": the destination before
        for m in mentioned:
            if m.span.end <= trigger_end and m.span.start >= sent.start + 2 and ok(m) and m.type == "Country" and \
                    doc[m.span.start - 1].lower_ in ("to", "the") and "to" in (doc[m.span.start - 1].lower_,
                                                                            doc[m.span.start - 2].lower_) and \
                    any(t.lower_ in _SHIPMENTS for t in doc[sent.start:m.span.start]) and \
                    goods is not None and m.span.start <= goods.end + 3:
                return m
        # "indium ingots bound for the United States now require a licence": where the goods go
        for m in mentioned:
            lead = [t.lower_ for t in doc[max(sent.start, m.span.start - 3):m.span.start] if t.lower_ != "the"]
            if m.type == "Country" and ok(m) and lead[-2:] in (["bound", "for"], ["destined", "for"], ["headed", "for"]):
                return m
        # "imports of pasta from Italy were hit with duties": the origin named before the measure
        for m in mentioned:
            if m.span.end <= trigger_end and m.span.start >= sent.start and ok(m) and m.type == "Country" and \
                    m.span.start > 0 and doc[m.span.start - 1].lower_ == "from" and goods is not None and \
                    goods.end <= m.span.start <= goods.end + 2:
                return m
        return None

    def _effective_date(self, sent: Span, reference: date | None, kind: str,
                        trigger: Token | None = None) -> date | None:
        found = self._day_told(sent, reference, kind, trigger)
        # "signed a decision on Tuesday …, with the levies to take effect 15 days after the signing date", "published
        # … on Thursday that takes effect the following day": so many days after the day the sentence names first
        later = _EFFECT_AFTER.search(sent.text) if reference is not None else None
        if later:
            found = found or resolve_date(sent.text[:later.start()], reference)
            shift = later["days"] or {"following": "1", "next": "1", "same": "0"}[later["which"].lower()]
            return found + timedelta(days=int(shift)) if found else None
        return found

    def _day_told(self, sent: Span, reference: date | None, kind: str, trigger: Token | None) -> date | None:
        if reference is None:
            return None
        text = sent.text
        now = re.search(r"\beffective immediately\b|\bwith immediate effect\b|"
                        r"\b(?:tak(?:e|es|ing)|took) effect immediately\b", text, re.I)
        # (not the day of what it followed: "…, effective immediately, hours after the Fed cut on Wednesday", nor
        # the Fed's own day)
        after = text.find(" after ", now.end()) if now else -1
        if now and not (trigger is not None and after >= 0 and trigger.idx - sent.start_char > after):
            day = re.search(r"\bon\s+" + _DAY_WORD, text[:after] if after >= 0 else text, re.I)
            return resolve_date(day.group(0), reference) if day else reference
        perfect = trigger is not None and trigger.pos_ == "VERB" and any(
            c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in trigger.children)
        # "Ten days from now, tiles from Iran will carry a duty", "takes effect in 30 days", "will be banned in
        # exactly two weeks": a day counted ahead (not "from today" in "a week from today")
        counted = counted_days(text, future=any(t.lower_ in ("will", "shall") and t.dep_ == "aux" for t in sent))
        if counted:
            return reference + timedelta(days=days_ahead(counted[0]))
        for m in _EFFECTIVE.finditer(text):
            # "assets have been frozen as of Tuesday": a day already past
            # (but "has reduced its rate …, effective Sunday": the day it takes effect, ahead)
            past = perfect and m.group(1).lower() != "effective" or m.group(1).lower() in (
                "took effect", "came into force", "in force since", "in effect since", "applied since", "dated",
                "since")
            found = resolve_date(m["rest"], reference, future=not past)
            if found:
                return found
        # "announced on Friday", "opened a probe on Tuesday": the day the measure was taken,
        # when "on <day>" hangs off the verb that governs the policy word
        governors: dict[int, int] = {}  # verb index -> distance from the policy word
        node, depth = trigger, 0
        while node is not None:
            if node.pos_ in ("VERB", "AUX"):
                governors.setdefault(node.i, depth)
                depth += 1
            if node.head.i == node.i or node.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in _REACTION_MARKS for c in node.children) and not any(
                    c.lower_ in ("hours", "minutes", "shortly", "moments") for c in node.children):
                break  # "shares were hit on Tuesday after Washington announced a duty": the day of the reaction
                # (but "lowered its rate late on Wednesday, hours after the Fed cut": the same day)
            node = node.head
        if trigger is not None:
            governors.setdefault(trigger.i, 0)  # "opened an investigation on Thursday into…"
            if kind == "Tariff":
                # "duties of 14.8% on steel plate from South Korea, which importers must start paying next Tuesday":
                # the day they are paid from, told in a clause the parser may hang on the origin
                for paying in (t for t in sent if t.dep_ == "relcl" and t.pos_ == "VERB" and t.i > trigger.i):
                    for verb in chain([paying], (c for c in paying.children if c.dep_ == "xcomp")):
                        if verb.lemma_.lower() in ("pay", "collect", "lodge", "apply"):
                            governors.setdefault(verb.i, 0)
            if kind == "Investigation":
                # "said it had opened an investigation …, and that officers had searched its offices on Wednesday"
                for searched in (t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in ("search", "raid")):
                    governors.setdefault(searched.i, 1)
                # "searched the supplier's offices and seized records on Monday": what the searchers did next
                for done in (c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"):
                    governors.setdefault(done.i, 1)
            # (the clauses of the trigger, and of the verb that governs it: "were placed on the list …,
            # under a decision published on Monday")
            placing = next((sent.doc[i] for i, d in governors.items() if d == 0 and i != trigger.i), None) \
                if trigger.dep_ == "pobj" else None
            for clause in chain(trigger.children, (c for c in (placing.children if placing is not None else ())
                                                   if c.dep_ == "prep" and c.lower_ in ("under", "in"))):
                if clause.dep_ in ("relcl", "acl") and clause.pos_ == "VERB":
                    governors.setdefault(clause.i, 0)
                if kind == "Investigation" and clause.dep_ == "dobj":
                    # "searched 11 premises linked to the lender on Monday": a search names no goods, so
                    # the day may hang on what was searched
                    for described in (c for c in clause.children if c.dep_ == "acl" and c.pos_ == "VERB"):
                        governors.setdefault(described.i, 1)
                # "cut its rate to 4.50% in a decision announced on Tuesday evening", "were designated …,
                # according to a statement released on Thursday"
                # (or "placed on the sanctions list … under a decision published on Monday")
                for noun in (c for prep in chain([clause], (t for t in clause.children if clause.lower_ == "according"))
                             for c in prep.children if prep.dep_ == "prep" and c.dep_ == "pobj" and
                             c.lemma_.lower() in _NOTICES | {"decision", "move", "vote"}):
                    for announced in (c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"):
                        governors.setdefault(announced.i, 0)
        for verb, depth in list(governors.items()):
            # "Nine days ago, the company disclosed, the DCCA opened an investigation": the day the parser hangs on
            # the remark set off before the verb
            for remark in sent.doc[verb].children:
                if remark.dep_ == "parataxis" and remark.i < verb and remark.lemma_.lower() in (
                        "say", "disclose", "announce", "confirm", "report", "tell", "reveal"):
                    governors.setdefault(remark.i, depth)
        # ("The listings take effect upon publication … on Friday": a rule that takes effect, on a day to come)
        ahead = any(t.lemma_.lower() == "take" and t.tag_ in ("VBZ", "VBP") and any(
            c.lower_ == "effect" for c in t.children) for t in sent)
        # "opened an investigation that day": the day the sentence named
        found_at: list[tuple[int, date]] = [
            (governors[tok.head.i], found) for tok in sent if tok.lower_ == "day" and tok.head.i in governors and any(
                c.lower_ in ("that", "same") for c in tok.children) for found in [resolve_date(sent.text, reference)]
            if found]
        for tok in sent:
            # "late on Wednesday", "turned up unannounced on Wednesday"
            head = tok.head if tok.head.pos_ != "ADV" and tok.head.dep_ not in ("acomp", "advmod", "oprd") else \
                tok.head.head
            if head.pos_ == "ADP" and head.lower_ in ("from", "to", "at", "by") and head.head.i in governors or \
                    head.dep_ in ("aux", "auxpass") or \
                    tok.lower_ == "on" and head.dep_ == "nsubj" and head.head.i in governors and tok.i < head.head.i:
                # "would rise to 25 percent from 15 percent on August 1": the day of the rise; "had on Tuesday
                # searched": the day of the search ("OFAC on Monday imposed sanctions", hung on the subject)
                head = head.head
            # ("had been sanctioned the day before by OFAC", "adopted the previous day")
            # (what "the day before the vote" names, resolve_date leaves unread)
            day_before = tok.lower_ == "day" and (any(c.lower_ in ("previous", "prior") for c in tok.children) or
                                                  tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "before" and
                                                  sent.doc[tok.i + 2:tok.i + 3].text.lower() != "yesterday")
            # ("This morning the Commission opened an investigation", "detained late last night")
            part_of_day = tok.lower_ in ("morning", "afternoon", "evening", "night") and any(
                c.lower_ in ("this", "last") and c.i == tok.i - 1 for c in tok.children) or tok.lower_ == "tonight"
            if tok.lower_ in ("yesterday", "today", "tomorrow", "ago") or day_before or part_of_day:
                # "was searched yesterday by prosecutors", "searched its offices the day before yesterday", "opened an
                # investigation a week ago"
                top = tok
                while top.dep_ == "pobj" and top.head.lower_ in ("before", "after") and top.head.head.lower_ == "day":
                    top = top.head.head
                if top.dep_ == "pobj" and top.head.lower_ == "since":
                    top = top.head  # "has been under investigation by the regulator since yesterday"
                governor = top.head
                if governor.i not in governors and governor.dep_ == "advcl" and governor.head.i in governors and \
                        tok.lower_ == "ago" and trigger is not None and governor.i > trigger.i:
                    # ("opened an investigation into the company's anti-money-laundering controls a fortnight ago",
                    # "controls" taken for a verb)
                    governor = governor.head
                if governor.i in governors and top.dep_ in ("npadvmod", "advmod", "nmod", "dobj", "prep"):
                    told = tok.i + (2 if day_before and sent.doc[tok.i + 1].lower_ == "before" else 1)
                    found = resolve_date(sent.doc[top.left_edge.i:told].text, reference)
                    if found:
                        found_at.append((governors[governor.i], found))
                continue
            if tok.lower_ in ("last", "next") and tok.i + 1 < sent.end and tok.head.i == tok.i + 1 and \
                    tok.head.head.i in governors:  # (or "would begin a review … next Monday")
                # "said it had opened an inquiry last Thursday"
                found = resolve_date(sent.doc[tok.i:tok.i + 2].text, reference)
                if found:
                    found_at.append((governors.get(tok.head.head.i, 0), found))
                continue
            if tok.lower_ != "on" or (trigger is not None and head.i not in governors and not (
                    head.pos_ in ("NOUN", "PROPN", "PRON") and trigger.i <= head.i and
                    any(a.i == trigger.i for a in head.ancestors)) and not (
                    # "added X to its list of blocked persons on Wednesday": the day hangs on the list
                    head.lower_ in ("list", "lists") and 0 < trigger.i - head.i <= 5) and not (
                    # "added X to its entity list, it said in a notice on Wednesday"
                    head.lemma_.lower() in _NOTICES and head.dep_ == "pobj" and head.head.head.i in governors) and not (
                    # "carried out inspections at the offices of A, B and a third company in Nagoya on Tuesday":
                    # the day hung on the last of the places searched
                    kind == "Investigation" and trigger.i < head.i and head.pos_ in ("NOUN", "PROPN") and
                    _searched_place(head, governors))):
                continue  # "imposed sanctions on four refineries on Thursday": the day may hang on the object
            if kind in ("Tariff", "ExportControl") and head.lemma_.lower() in _ANNOUNCING and \
                    head.i != (trigger.i if trigger is not None else -1):
                continue  # "duties … were announced late on Wednesday": the day told, not the day they apply
            # ("Collection of the deposits will start on Friday": a day to come; so is the day of "The new rate
            # takes effect when the results are published … on Friday")
            coming = ahead or head.pos_ in ("VERB", "AUX") and (any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll")
                                                                     for c in head.children) or
                                                                 # ("collection begins on Friday")
                                                                 head.tag_ in ("VBZ", "VBP") and head.lemma_.lower() in (
                                                                     "begin", "start", "apply", "commence", "kick", "open"))
            # ("On the sixth of this month the FNE opened …")
            found = resolve_date(sent.doc[tok.i:min(tok.i + 6, sent.end)].text, reference, future=coming)
            if found:
                found_at.append((governors.get(head.i, 0), found))
        if not found_at and trigger is not None:
            # "Under a rule published on Thursday by the BIS, companies must now obtain a licence": the day
            # the notice that brings the measure was published
            for tok in sent:
                head = tok.head
                if tok.lower_ == "on" and head.tag_ == "VBN" and head.dep_ == "acl" and \
                        head.head.lemma_.lower() in _NOTICES | {"rule"} and head.head.head.lower_ == "under":
                    found = resolve_date(sent.doc[tok.i:min(tok.i + 5, sent.end)].text, reference)
                    if found:
                        return found
        if not found_at and kind == "InterestRateDecision":
            # "at a meeting that ended late on Wednesday", "after its Monetary Policy Committee met on Tuesday",
            # "In Monday evening's announcement", "In a decision released after Thursday's close": the day of the
            # meeting or of the announcement that brought the decision
            for tok in sent:
                if tok.lemma_.lower() in ("meeting", "decision", "announcement", "statement", "meet"):
                    found = resolve_date(sent.doc[tok.left_edge.i:tok.right_edge.i + 1].text, reference)
                    if found:
                        return found
        if not found_at and trigger is not None and kind in ("Sanction", "ExportControl", "Investigation"):
            # "Friday's decision by the US Bureau of Industry and Security to place X on its Entity List": the day of
            # the decision the measure is told in
            decision = next((a for a in trigger.ancestors if a.lemma_.lower() in ("decision", "move", "ruling")), None)
            day = next((c for c in decision.children if c.dep_ == "poss" and c.lower_ in WEEKDAYS), None) \
                if decision is not None else None
            if day is not None:
                return resolve_date(day.text, reference)
        # the day attached to the nearest verb wins: "rose on Thursday after the bank cut rates on Wednesday"
        return min(found_at, key=lambda f: f[0])[1] if found_at else None

    def _governed_by(self, tok: Token, verb: Token) -> bool:
        """True when the first verb above ``tok`` is a rate verb: "cut the rate to 24 percent",
        "held the five-year rate at 3.6 percent", but not "inflation, which eased to 13.5 percent"."""
        node = tok
        for _ in range(8):
            if node.head.i == node.i:
                return False
            node = node.head
            if node.i == verb.i:
                return True
            if node.pos_ in ("VERB", "AUX"):
                if node.lemma_.lower() in ("take", "bring") and node.tag_ == "VBG" and (node.head.i == verb.i or any(
                        c.dep_ == "dobj" and (c.lower_ in _RATE_NAMES or _policy_rate(c)) for c in node.children) and
                        not _guessed(node.sent)):
                    return True  # "lowered its rate by 25 basis points, taking it to 4.75 percent" ("…, taking the
                    # benchmark to 12.75 per cent", the parser hanging it on the committee)
                if node.lemma_.lower() == "set" and node.tag_ == "VBN" and (
                        node.dep_ == "acl" and (node.head.lower_ == "level" or _policy_rate(node.head)) or
                        node.i == node.sent.start or node.i > 0 and node.doc[node.i - 1].text == ";"):
                    continue  # "brought its deposit rate down to a level set at 18.5 percent", "leaves the short-term
                    # policy rate set at 1.75 percent", "lowered its rate by a quarter point; set at 5.25 percent, …"
                return node.lemma_.lower() in self.rate_verbs and not _background(node)
        return False

    def _rate_decision(self, sent: Span, mentioned: list[Mentioned], groups: list[PercentGroup],
                       evidence: Evidence, reference: date | None, session: date | None) -> list[Fact]:
        banks = [m for m in mentioned if m.type == "GovernmentBody" and sets_rates(m.entity.label + " " + m.span.text)]
        if not banks:
            return []
        # (also "voted to lower Bank Rate …", "lower" tagged an adjective)
        verbs = [t for t in sent if (t.lemma_.lower() in self.rate_verbs and t.pos_ == "VERB" or
                                     t.lower_ in self.rate_verbs and t.dep_ == "xcomp" and t.i > sent.start and
                                     sent.doc[t.i - 1].lower_ == "to" or
                                     # "the Federal Reserve delivered a widely expected quarter-point rate cut"
                                     t.lemma_.lower() in ("deliver", "announce", "make", "approve") and
                                     # ("A quarter-point reduction, taking the base rate to 2 percent, was delivered
                                     # by the Bank of Korea")
                                     t.pos_ == "VERB" and t.tag_ in ("VBD", "VBN") and any(
                                         c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in (
                                         "cut", "hike", "reduction", "increase") and (any(
                                             k.lower_ in ("rate", "interest") for k in (
                                                 c.children if c.dep_ == "dobj" else c.subtree)) or
                                             # ("announced a 25-basis-point increase in its base rate")
                                             c.dep_ == "dobj" and any(
                                                 p.dep_ == "prep" and p.lower_ in ("in", "to", "of") and any(
                                                     k.dep_ == "pobj" and k.lower_ in ("rate", "rates")
                                                     for k in p.children) for p in c.children) or
                                             # ("delivered a 150-basis-point cut, taking its policy rate to 9
                                             # percent")
                                             any(a.dep_ == "advcl" and a.lemma_.lower() in ("take", "bring") and any(
                                                 o.dep_ == "dobj" and (o.lower_ in ("rate", "rates") or
                                                                       _policy_rate(o)) for o in a.children)
                                                 for a in t.children)) for c in t.children) or
                                     # "Set at 10.25 percent, …, the Selic now stands at its lowest"
                                     t.lemma_.lower() == "set" and t.pos_ == "VERB" and any(
                                         c.dep_ == "prep" and c.lower_ == "at" and any(
                                             c.left_edge.i <= g.start <= c.right_edge.i for g in groups)
                                         for c in t.children) or
                                     # "that is the new policy rate set by the Bank of Thailand"
                                     t.lemma_.lower() == "set" and t.tag_ == "VBN" and t.dep_ == "acl" and
                                     t.head.lower_ in ("rate", "rates") and
                                     any(c.dep_ == "agent" for c in t.children) or
                                     # "Three-quarters of a percentage point was added to the Selic", "shaved a
                                     # quarter point off its key rate"
                                     # (or "A quarter of a point comes off the base rate of the HKMA")
                                     t.lemma_.lower() in ("add", "shave", "knock", "slice", "lop", "take", "come") and
                                     t.pos_ == "VERB" and any(
                                         c.dep_ == "prep" and c.lower_ in ("to", "off", "from") and any(
                                             p.dep_ == "pobj" and _policy_rate(p) for p in c.children)
                                         for c in t.children) or
                                     # "brought the target reverse repurchase rate down by 25 basis points to 5.0%"
                                     t.lemma_.lower() in ("bring", "take") and t.pos_ == "VERB" and (any(
                                         c.dep_ == "prt" and c.lower_ in ("down", "up") for c in t.children) or any(
                                         # ("brought the rate down to 24 percent", "down" read as the number's;
                                         # not a forecast, "will bring the rate down to 24 percent")
                                         t.tag_ in ("VBD", "VBN", "VBZ") and
                                         c.dep_ == "dobj" and (c.lower_ in ("rate", "rates") or _policy_rate(c)) and
                                         c.right_edge.i + 1 < len(sent.doc) and
                                         sent.doc[c.right_edge.i + 1].lower_ in ("down", "up") for c in t.children))
                                     or
                                     # "Effective tomorrow, the HKMA will apply a base rate of 4.75 per cent"
                                     t.lemma_.lower() in ("apply", "adopt", "fix") and t.pos_ == "VERB" and any(
                                         c.dep_ == "dobj" and _policy_rate(c) and any(
                                             p.lower_ == "of" for p in c.children) for c in t.children) or
                                     # "Tuesday's decision by the CBN takes the monetary policy rate to 24.75 percent"
                                     t.lemma_.lower() in ("bring", "take", "push", "lift") and t.pos_ == "VERB" and
                                     any(c.dep_ == "nsubj" and c.lemma_.lower() in ("decision", "move", "cut", "hike")
                                         for c in t.children) and
                                     any(c.dep_ == "dobj" and _policy_rate(c) for c in t.children) or
                                     # "announced that its refinancing rate would drop by half a point to 4.0 percent"
                                     t.lemma_.lower() in ("drop", "fall", "rise", "go", "climb", "decline") and
                                     t.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lower_ == "rate" and any(
                                         p.dep_ == "poss" and p.lower_ == "its" for p in c.children)
                                                              for c in t.children))
                 and not self._hypothetical(t) and not _background(t)]
        level = _policy_rate_level(sent, groups)
        if not verbs and level is not None:
            # "At 2.5 per cent, the deposit facility rate will take effect on April 17, the ECB's Governing Council
            # decided": the level the bank of the sentence set
            verbs = [sent.root]
        if not verbs and _RATE_CHANGED.search(sent.text) and any(_standing_rate(sent.doc, g) for g in groups):
            # "the one-week repo rate of the CBRT stands at 27.5 percent, 250 basis points lower than before",
            # "the discount rate of the CBK will be 3.75%, a quarter point below its current level": a new level
            verbs = [sent.root]
        if not verbs or not any(t.lower_ in ("rate", "rates") or t.lower_ in _NAMED_RATES or t.lower_ == "costs" and t.i > 0 and
                                sent.doc[t.i - 1].lower_ == "borrowing" or t.lower_ == "range" and t.i > 0 and
                                sent.doc[t.i - 1].lower_ in ("target", "policy") and t.dep_ in ("dobj", "nsubjpass")
                                for t in sent):
            return []  # "cut its key rate", "lowered borrowing costs by a quarter point", "cut its target range"
        facts = []
        # one decision per bank that is the subject of a rate verb ("the Riksbank cut its rate to
        # 2.5 percent and Norges Bank held"), else the first bank of the sentence for the first verb
        decisions: list[tuple[Mentioned, Token]] = []
        for verb in verbs:
            bank = next((b for b in banks if _subject_of(b.span) is not None and _subject_of(b.span).i == verb.i),
                        None)
            if bank is None and verb.dep_ == "relcl":
                # "the US Federal Reserve, which cut its benchmark rate"
                bank = next((b for b in banks if b.span.start <= verb.head.i < b.span.end), None)
            if bank is not None and all(bank.entity.key != d[0].entity.key for d in decisions):
                decisions.append((bank, verb))
        if not decisions:
            decisions = [(banks[0], verbs[0])]
        # "The Monetary Policy Committee of the Central Bank of Egypt voted to reduce …": the bank
        decisions = [(next((b for b in banks if b.span.start in (bank.span.end + 1, bank.span.end + 2) and
                            sent.doc[bank.span.end].lower_ == "of"), bank), verb) for bank, verb in decisions]
        for n, (bank, verb) in enumerate(decisions):
            limit = decisions[n + 1][1].i if n + 1 < len(decisions) else sent.end
            start = verb.i if len(decisions) > 1 else sent.start
            rates = []
            for g in groups:
                lead = g.start  # ("to an even 2 percent")
                while lead - 1 > sent.start and sent.doc[lead - 1].lower_ in ("an", "even", "a", "exactly", "flat"):
                    lead -= 1
                before = sent.doc[max(sent.start, lead - 2):lead]
                # "3 to 6 percent", "in a range of 3.25% to 3.50%": a range, no one rate
                is_range = before[-1:].text == "to" and (len(before) == 2 and before[0].like_num or
                                                         any(o.end == g.start - 1 for o in groups)) or \
                    g.end < sent.end and sent.doc[g.end].lower_ == "to" and any(o.start == g.end + 1 for o in groups)
                # ("will apply a base rate of 4.75 per cent")
                rate_of = before[-1:].text == "of" and _policy_rate(sent.doc[before[-1].i - 1])
                if start <= g.start < limit and (any(t.lower_ in ("to", "at") for t in before) or rate_of) and \
                        not is_range and (rate_of or self._governed_by(sent.doc[g.end - 1], verb)):
                    # "kept the one-year rate at 3.1 percent and the five-year at 3.6"; "to minus 0.25%"
                    if len(g.values) > 1 and any(t.lower_ == "respectively" for t in sent):
                        rates += list(g.values)  # "the one-year and five-year rates … to 2.9 and 3.4 percent respectively"
                    else:
                        rates.append(-g.values[-1] if before[-1:].text.lower() in ("minus", "negative") else g.values[-1])
            if not rates and any(t.lower_ == "zero" and t.head.lower_ in ("to", "at") and t.head.head.i == verb.i
                                 for t in sent):
                rates.append(Decimal(0))  # "cut its policy rate to zero"
            if not rates:
                # "The reference rate will stand at 4.25% from Thursday, after the council voted to cut"
                rates = [g.values[-1] for g in groups if start <= g.start < limit and g.start > sent.start and
                         _standing_rate(sent.doc, g)][:1]
            if not rates and (fronted := _fronted_rate(sent, groups)) is not None:
                rates = [fronted]  # "A flat 3 percent: that is the new repo rate, lowered by a quarter point"
            if not rates and level is not None and len(decisions) == 1:
                rates = [level]  # "brought its overnight deposit rate down to a level set at 18.5 percent"
            when = self._effective_date(sent, reference, "InterestRateDecision", verb)
            told = when is not None  # the sentence gives the day ("with effect from Friday")
            if when is None and session is not None:
                # "a day after the central bank lowered its rate": the decision came the day before
                lead = sent.doc[sent.start:bank.span.start].text.lower()
                day_before = re.search(r"\b((a|one) day (after|earlier)|the (previous|prior) day|the day before|"
                                       r"yesterday)\b", lead + " " + sent.text.lower())
                when = session - timedelta(days=1) if day_before else session
            for rate in rates or [None]:
                values: dict = {"appliesTo": ()}
                if rate is not None:
                    values["ratePercent"] = rate
                if when:
                    values["effectiveDate"] = when
                facts.append(Fact("InterestRateDecision", {"issuedBy": (bank.entity.key,)}, values, evidence, 0.8,
                                  "policy:rate-decision" + ("+day-told" if told else "")))
        return facts

    # -- headquarters -------------------------------------------------------------------

    def headquarters(self, sent: Span, mentioned: list[Mentioned], country_of: dict[str, str]) -> list[tuple[str, str]]:
        """(company key, country key) the sentence states: "Hangzhou-based DeepSeek", "Chinese
        electric vehicle maker XPeng", "Nucor, based in North Carolina" (a place the gazetteer places)."""
        doc = sent.doc
        found = []
        places = [m for m in mentioned if m.type in ("Country", "City")]
        for company in (m for m in mentioned if m.type in ("Company", "AnalystFirm")):
            for place in places:
                gap = doc[place.span.end:company.span.start]
                if place.span.end > company.span.start or len(gap) > 7:
                    continue
                words = [t.lower_ for t in gap]
                based = words[:2] == ["-", "based"] or words[:1] == ["based"]
                cue = place.type == "Country" and any(w in self.company_cues for w in words) and \
                    not any(t.ent_type_ or t.is_punct for t in gap)
                if based or cue:
                    country = place.entity.key if place.type == "Country" else country_of.get(place.entity.key)
                    if country:
                        found.append((company.entity.key, country))
            after = doc[company.span.end:min(company.span.end + 5, sent.end)]
            if [t.lower_ for t in after[:3]] in ([",", "based", "in"], [",", "headquartered", "in"]):
                for place in places:
                    if company.span.end < place.span.start <= company.span.end + 5:
                        country = place.entity.key if place.type == "Country" else country_of.get(place.entity.key)
                        if country:
                            found.append((company.entity.key, country))
                        break
        return found

    # -- analyst views ------------------------------------------------------------------

    def analyst_views(self, sent: Span, mentioned: list[Mentioned], evidence: Evidence,
                      rate_setter: str | None = None, silent: Collection[str] = ()) -> list[Fact]:
        """Views of analyst firms. ``rate_setter`` is the central bank whose rate decision the article
        reported last: a view of "another cut in February" that names no one is about it. ``silent``
        are the companies that give no view in this sentence: its movers, those under a probe or sanctions."""
        doc = sent.doc
        text_lower = sent.text.lower()
        according = "according to" in text_lower
        # (a rating in quotes too: 'moved ASML Holding to "buy"')
        rating = bool(self._rating and self._rating.search(re.sub(r"[\"“”]", "", sent.text)))
        reporting = any(t.lemma_.lower() in self.reporting and t.pos_ in ("VERB", "AUX") for t in sent)
        views_words = any(t.lower_ in self.analyst_nouns or t.lemma_ in ("expect", "forecast", "estimate", "predict")
                          or t.dep_ == "aux" and t.lower_ in ("could", "would", "may", "might", "should", "will")
                          for t in sent)
        firms: list[tuple[int, Mentioned]] = []
        for m in mentioned:
            if m.type not in ("Company", "AnalystFirm") and (m.entity.known or m.type not in ("Person", "City")) or \
                    m.entity.key in silent:
                continue
            nxt = doc[m.span.end] if m.span.end < len(doc) else None
            lead = doc[max(sent.start, m.span.start - 6):m.span.start]
            lead_words = [t.lower_ for t in lead]
            # "SSI Securities analysts wrote", "a strategist at Vietcap Securities",
            # "according to a note from Bualuang Securities", "CGS International raised its price target"
            after = doc[m.span.end:m.span.end + 3]
            # "SSI Securities analysts", "Bankinter's analysts", "Al Ramz Capital's head of research"
            cue_after = nxt is not None and (nxt.lower_ in self.analyst_nouns or nxt.lower_ in ("'s", "’s", "'", "’") and
                                             any(t.lower_ in self.analyst_nouns | {"head", "research"}
                                                 for t in after[1:]) or
                                             # "Investec chief economist Annabel Bishop said"
                                             nxt.lower_ in ("chief", "senior", "lead", "equity", "head", "market")
                                             and any(t.lower_ in self.analyst_nouns for t in after[1:]))
            # "a strategist at Vietcap", "head of Middle East equity strategy at Kamco Invest",
            # "said Giulia Conti of Equita", "In the judgment of Bradesco BBI, …", "by the reckoning of XP"
            cue_before = len(lead_words) >= 2 and (
                lead_words[-1] in ("at", "with", "from", "by") and lead_words[-2] in self.analyst_nouns | {
                    "note", "report", "strategy", "research", "equities", "economics", "downgrade", "upgrade"} or
                lead_words[-1] == "of" and (lead[-2].ent_type_ == "Person" or lead_words[-2] in _OPINION_NOUNS))
            in_a_note = bool(re.search(r"\bin an? (?:[\w-]+ )?(?:note|report)\b|\bnote to clients\b|\btold clients\b",
                                       text_lower))  # (also "said in a strategy note")
            # "For Alantra Equities, the IBEX 35 remains the cheapest benchmark": the firm's view
            for_firm = m.span.start == sent.start + 1 and doc[sent.start].lower_ == "for" and nxt is not None and \
                nxt.text == "," and (m.type == "AnalystFirm" or m.entity.label.split()[-1] in self.analyst_cues) or \
                m.span.start > sent.start and doc[m.span.start - 1].lower_ == "in" and nxt is not None and \
                nxt.lower_ in ("'s", "’s", "'", "’") and m.span.end + 1 < sent.end and \
                doc[m.span.end + 1].lower_ in _OPINION_NOUNS  # "In Ubhar Capital's reading, the central bank …"
            # (also "The duty, in Hana Securities' estimation, lets …")
            quoted = sum(t.text in ('"', "“", "”") for t in doc[sent.start:m.span.start]) % 2 == 1
            if quoted and any(t.text in ('"', "“", "”") for t in doc[m.span.end:sent.end]):
                continue  # "'X remains our top pick,' Standard Investment Bank said": X is what the firm speaks of
            after_according = according and "according" in lead_words
            governing = _subject_of(m.span)
            if governing is None and nxt is not None and nxt.lower_ in _TRAILING_SAYS and nxt.i + 1 < len(doc) and \
                    doc[nxt.i + 1].is_punct and nxt.i > sent.start + 3:
                governing = nxt  # ("…, SMBC Nikko Securities estimates.", the verb tagged a noun)
            if governing is not None and any(t.dep_ == "nsubjpass" and t.head.i == governing.i for t in m.span):
                governing = None  # "X was downgraded to reduce by HDFC Securities": what was rated, not who rated
            # "was downgraded to reduce by HDFC Securities": the firm that rated
            rated_by = lead_words[-1:] == ["by"] and any(
                v.lemma_.lower() in ("upgrade", "downgrade", "rate") for v in (lead[-1].head, lead[-1].head.head))
            cue_before = cue_before or rated_by
            head = governing if governing is not None else m.span.root.head
            subject_of_rating = governing is not None and head.lemma_.lower() in self.reporting | \
                {"raise", "cut", "lift", "lower", "trim", "upgrade", "downgrade", "reiterate", "keep", "initiate",
                 "start", "begin", "resume", "assume", "suspend", "place", "put", "withdraw", "describe", "move"} and rating
            # (also "started coverage of X with a buy rating", "suspended its rating on X", "placed its
            # recommendation on X under review")
            words = m.entity.label.split()
            # "COL Financial", "Kamco Invest"; but "Sumitomo Mitsui Financial Group" is a bank
            cue_name = any(w in words and (w not in _WEAK_FIRM_CUES or words[-1] == w) for w in self.analyst_cues)
            is_subject = governing is not None and head.lemma_.lower() in self.reporting and not (
                head.lemma_ == "be" and any(c.lower_ in ("up", "down", "higher", "lower", "flat", "unchanged")
                                            for c in head.children))  # "BNP Paribas was down 0.4%": a move
            if m.type in ("Person", "City"):
                # a person-typed name is a firm only with a firm's cue: "Monex analysts", "Monex cut its target"
                its = any(t.lower_ == "its" for t in doc[head.i:sent.end])
                if not (cue_after or rated_by or subject_of_rating and len(m.span) <= 3 and (
                        its or head.lemma_.lower() in ("upgrade", "downgrade"))):
                    continue
            others = any(o.type in ("Company", "AnalystFirm", "StockIndex") and o.entity.key != m.entity.key
                         for o in mentioned)
            # "Oddo BHF said the duties would restore Daimler Truck's pricing power": a firm judging what
            # will happen to another (not "Acme said it would cut jobs")
            judges = is_subject and m.type == "Company" and not m.entity.known and any(
                c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in ("would", "could", "may", "might", "should")
                                          for a in c.children) and
                not any(a.dep_ in ("nsubj", "nsubjpass") and a.lower_ in ("it", "they", "we", "its")
                        for a in c.children) and
                any(o.span.start >= c.left_edge.i and o.span.end <= c.right_edge.i + 1 and
                    o.entity.key != m.entity.key and o.type in ("Company", "AnalystFirm", "StockIndex")
                    for o in mentioned)
                for c in head.children) or is_subject and m.type == "Company" and not m.entity.known and any(
                # "Corficolombiana said the COLCAP remained one of the cheapest markets": a view of the market
                c.dep_ == "ccomp" and any(a.dep_ == "nsubj" and any(
                    o.type == "StockIndex" and o.span.start <= a.i < o.span.end for o in mentioned) for a in c.children)
                for c in head.children) or is_subject and m.type == "Company" and not m.entity.known and \
                rate_setter is not None and head.lemma_.lower() in ("expect", "forecast", "predict", "anticipate") and \
                any(t.lower_ in _POLICY_MOVE_WORDS for t in head.subtree if t.i >= head.i)
            # ("Patria Finance expects the board to cut once more in February": a firm's call on the central bank)
            strength = 3 if cue_after or cue_before or after_according or for_firm else \
                2 if subject_of_rating or is_subject and in_a_note else \
                1 if is_subject and (cue_name or m.type == "AnalystFirm" and (rating or views_words or others)) or \
                judges else 0
            # ("according to Tencent" is no view; "according to a note from mBank" is)
            if strength and (not after_according or cue_name or cue_before or not m.entity.known or
                             m.type == "AnalystFirm"):
                firms.append((strength, m))
        firms = [m for _, m in sorted(firms, key=lambda pair: -pair[0])]
        facts = []
        for firm in firms[:1]:
            firm.entity.type = "AnalystFirm"
            about = tuple(dict.fromkeys(
                m.entity.key for m in mentioned
                if m is not firm and m.entity.key != firm.entity.key and (
                    m.type not in ("Country", "City", "Person") or
                    # "Singapore's appeal as a hub", "refiners in Korea and the United States" (not
                    # "Colombian equities": a country named, not described)
                    m.type == "Country" and m.span.root.pos_ == "PROPN" and
                    m.span.root.dep_ not in ("amod", "compound"))
            ))
            verb = _subject_of(firm.span)
            if not about and verb is not None:
                # "Fitch Ratings upgraded Argentina to CCC+": a sovereign rating is about the country
                about = tuple(m.entity.key for m in mentioned if m.type == "Country" and any(
                    t.dep_ == "dobj" and t.head.i == verb.i for t in m.span))
            # ("the bank", "the central bank", "The board is clearly waiting", "the governor signalled", "the
            # committee is serious about inflation": the rate setter by what it is)
            bank_named = any(t.lower_ in ("bank", "board", "governor", "committee", "council") and t.i > sent.start and
                             doc[t.i - 1].lower_ in ("the", "central") and not t.ent_type_ for t in sent) or any(
                t.lower_ in ("policymakers", "rate-setters") for t in sent)
            if not about and rate_setter and (_next_rate_move(sent) or bank_named):
                # "economists expect another 50 basis point cut in February", "we think the bank will pause"
                about = (rate_setter,)
            facts.append(Fact("AnalystView", {"analyst": (firm.entity.key,), "about": about},
                              {"statement": evidence.text}, evidence,
                              0.85 if firm.entity.known else 0.7, "view:analyst-reporting"))
        return facts


#: Verbs that put a company on a list
_LISTING_VERBS = {"add", "put", "place", "include"}
#: What a sanction on a country's … names: "Russian entities", "Iranian banks" (not "Russian crude")
_SANCTIONED_KINDS = {"entity", "individual", "person", "official", "bank", "company", "firm", "oligarch", "lender",
                     "shipper", "vessel", "tanker", "government", "military", "regime", "national", "citizen"}

#: Verbs of taking an amount off what moved: "The curb knocked 8.9 percent off Sundarban Rice Exports"
_TAKING_OFF = {"wipe", "knock", "shave", "take", "strip", "lop", "chop", "slice"}


def _taken_off(sent: Span, g: PercentGroup, mentioned: list[Mentioned], hi: int, evidence: Evidence,
               session: date | None) -> Fact | None:
    """"The suspension wiped 6.6 percent off Nile Delta Agro Exports": a fall told by what took it, with what fell
    named after "off"."""
    doc = sent.doc
    if len(g.values) != 1:
        return None
    off = g.end
    taker = doc[g.end] if g.end + 1 < sent.end else None
    if taker is not None and taker.lemma_.lower() in _TAKING_OFF and doc[g.end + 1].lower_ == "off" and \
            taker.head.lemma_.lower() in ("see", "have"):
        # "Konkan Oilcake Exports, which ships the meal to Vietnam, saw 8.9 percent wiped off its value"
        moved = next((m for m in mentioned if m.type in MOVER_TYPES and m.span.root.dep_ == "nsubj" and
                      m.span.root.head.i == taker.head.i), None)
    else:
        if g.end + 3 < sent.end and doc[g.end].lower_ in ("was", "were") and \
                doc[g.end + 1].lemma_.lower() in _TAKING_OFF:
            off = g.end + 2  # ("Seventeen and a half percent was wiped off Lantau Jade Holdings")
        elif g.start - 1 < sent.start or doc[g.start - 1].lemma_.lower() not in _TAKING_OFF:
            return None
        if off + 1 >= sent.end or doc[off].lower_ != "off":
            return None
        start = off + 2 if doc[off + 1].lower_ == "the" else off + 1
        moved = next((m for m in mentioned if m.span.start == start and m.type in MOVER_TYPES), None)
    if moved is None:
        return None
    values: dict = {"percentChange": -g.values[0]}
    if session is not None:
        values["date"] = session
    if moved.type != "StockIndex":
        return Fact("StockMovement", {"company": (moved.entity.key,)}, values, evidence, 0.75, "move:taken-off")
    level = _relative_close(moved, hi)
    if level is not None:
        values["closeLevel"] = level
    return Fact("IndexMovement", {"index": (moved.entity.key,)}, values, evidence, 0.75, "move:taken-off")


#: Verbs of saying that close a sentence after the firm, which the tagger may take for plural nouns: "…, SMBC
#: Nikko Securities estimates."
_TRAILING_SAYS = {"says", "estimates", "reckons", "notes", "believes", "predicts", "forecasts", "expects", "thinks",
                  "argues", "warns", "writes", "suggests", "cautions"}
#: What a body puts names on: "added the company to the Russia sanctions register" ("register" taken for a verb)
_LISTS = {"list", "lists", "blacklist", "register", "registry"}
#: Nouns of what a move brought about: "stood at 38,612.47 - the product of a 1.2 percent climb"
_OUTCOMES = {"product", "result", "outcome", "fruit", "upshot", "sum"}
#: Nouns that stand for an index named before: "a 2.1 percent advance carried that gauge to 8,904.33"
_GAUGE_NOUNS = {"gauge", "index", "benchmark", "barometer", "measure", "indicator"}
#: Verbs of a company's value vanishing: "A third of X's value - 33.1 percent - evaporated"
_VANISHING = {"evaporate", "vanish", "disappear", "wipe", "erase", "melt"}


def _value_lost(sent: Span, g: PercentGroup, mentioned: list[Mentioned], evidence: Evidence,
                session: date | None) -> Fact | None:
    """A fall told as the share of a company's value that vanished, the share set off by dashes: "A third of Andean
    Bullion Trading's value - 33.1 percent - evaporated", "More than a third of the value of Lugano Metals Trading -
    35.2 percent - was wiped out"."""
    doc = sent.doc
    if g.start - 2 < sent.start or g.end + 1 >= sent.end or doc[g.start - 1].text not in _DASHES or \
            doc[g.end].text not in _DASHES:
        return None
    verb = next((t for t in doc[g.end + 1:min(sent.end, g.end + 4)] if t.pos_ == "VERB"), None)
    value = next((t for t in doc[sent.start:g.start] if t.lemma_.lower() in ("value", "capitalisation",
                                                                            "capitalization")), None)
    if verb is None or verb.lemma_.lower() not in _VANISHING or value is None:
        return None
    # (the company whose value it is: "X's value", "the market value of X")
    moved = next((m for m in mentioned if m.type in ("Company", "AnalystFirm") and (
        value.i - 3 <= m.span.end <= value.i or doc[value.i + 1].lower_ == "of" and
        value.i + 2 <= m.span.start <= value.i + 3 and m.span.end <= g.start)), None)
    if moved is None:
        return None
    values: dict = {"percentChange": -g.values[0]}
    if session is not None:
        values["date"] = session
    return Fact("StockMovement", {"company": (moved.entity.key,)}, values, evidence, 0.75, "move:value-lost")


def _relative_close(moved: Mentioned, hi: int) -> Decimal | None:
    """"… for the Tadawul All Share Index (TASI), which closed at 12,804.66": the close told of the index in a
    relative clause right after its name (and any short form in brackets)."""
    doc = moved.span.doc
    i = _past_acronym(moved, hi)
    words = list(doc[i:min(hi, i + 7)])
    if len(words) > 5 and [t.lower_ for t in words[3:5]] in _THE_SESSION:
        del words[3:5]  # ("which ended the week at 61,207.44")
    if [t.lower_ for t in words[:2]] != [",", "which"] or len(words) < 5 or words[2].lower_ not in _CLOSE_FORMS or \
            words[3].lower_ != "at" or not words[4].like_num:
        return None
    value = parse_number(words[4].text)
    return value[0] if value else None


def _subject_of(span: Span) -> Token | None:
    """The verb a span is the subject of ("CITIC Securities said": said), or None."""
    for tok in span:
        if tok.dep_ in ("nsubj", "nsubjpass") and not (span.start <= tok.head.i < span.end):
            return tok.head
    return None


def _is_participle(tok: Token) -> bool:
    """"imported", "made", "shipped" after a noun (the tagger also calls "tungsten" a participle)."""
    return tok.tag_ in ("VBN", "VBD") and (tok.lower_.endswith("ed") or tok.lower_ in _IRREGULAR_PARTICIPLES)


_IRREGULAR_PARTICIPLES = {"made", "sold", "built", "grown", "bought", "sent", "brought", "held", "kept", "set"}


def doc_text(tokens: list[Token]) -> str:
    """The text of consecutive tokens, with their original spacing."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i:tokens[-1].i + 1].text


def _another(text: str) -> bool:
    """"It also opened an anti-discrimination probe": a cue, before the measure, that it is another one."""
    first = _MEASURE_WORD.search(text)
    return bool(_ANOTHER.search(text[:first.start()] if first else text))


def _detail(f: Fact) -> int:
    return 2 * (f.values.get("ratePercent") is not None) + bool(f.values.get("appliesTo")) + \
        bool(f.roles.get("targets")) + bool(f.values.get("effectiveDate"))


def _same_issuer(f: Fact, g: Fact, country_of: Mapping[str, str | None]) -> bool:
    a, b = f.role("issuedBy"), g.role("issuedBy")
    if not a or not b:
        return False
    return a == b or country_of.get(a) == b or country_of.get(b) == a


#: The words of a range of rates: "ranging from 18.6 percent to 52.4 percent", "of between 5% and 9%"
_RANGE_WORDS = {"ranging", "from", "to", "between", "and", "up"}


def _in_told_range(doc: Doc, i: int) -> bool:
    """``doc[i]`` is a word of a range of rates: a number, its unit, or a word that joins two of them."""
    tok = doc[i]
    if tok.lower_ in ("percent", "%", "cent") or \
            tok.lower_ == "per" and i + 1 < len(doc) and doc[i + 1].lower_ == "cent":
        return True
    return (tok.like_num or tok.lower_ in _RANGE_WORDS) and any(
        t.lower_ in ("percent", "%", "per") for t in doc[i + 1:i + 4])
#: Who make goods: "makers of graphite electrodes"
_MAKER_NOUNS_PLURAL = {"makers", "producers", "manufacturers", "suppliers"}
#: What any maker buys, whatever it makes: "new production lines", "new machinery"
_CAPITAL_GOODS = {"new", "production", "lines", "line", "machinery", "equipment", "plants", "factories", "facilities",
                  "eligible", "investment", "capacity", "through"}
#: What a central bank does next, in a firm's call: "expects the board to cut once more"
_POLICY_MOVE_WORDS = {"cut", "cuts", "hike", "hikes", "easing", "tightening", "reduction", "reductions", "increase",
                      "increases", "hold", "pause"}
#: What kind of cost ("capital costs"), not what it is spent on
_COST_KINDS = {"capital", "operating", "eligible", "total", "upfront", "initial", "qualifying", "running", "project",
               "investment", "development", "labour", "labor", "training", "financing", "borrowing", "input",
               "equipment", "installation", "construction", "purchase", "acquisition", "maintenance", "compliance",
               "research", "r&d", "energy", "fuel", "wage", "payroll"}

#: Words that name goods only in general: "the cost of systems connected to the grid"
_GENERIC_GOODS = {"systems", "system", "projects", "project", "installations", "installation", "units",
                  "containers", "shipments", "ones"}


def _merge_restatements(facts: list[Fact], country_of: Mapping[str, str | None] | None = None) -> list[Fact]:
    """A measure told twice is one measure: a headline-style mention without a rate ("the
    Netherlands widened its export controls on chip equipment") and the sentence with its
    details ("… would need licences to ship immersion lithography machines to China from
    Sept 15") by the same issuer, of the same kind, aimed at the same target (or at none
    said) keep the detailed one, which takes the target it lacked."""
    policies = [f for f in facts if f.kind in POLICY_KINDS and f.kind != "InterestRateDecision"]
    dropped: set[int] = set()
    for f in policies:
        if f.values.get("ratePercent") is not None or id(f) in dropped or _another(f.evidence.text):
            continue  # "it also opened a probe into…": another measure, not the same one again
        for g in policies:
            # (the article's opening sentence sums up what later sentences tell in detail, whoever it names)
            lead = f.evidence.sentence == 0 and g.evidence.sentence > 0 and not f.values.get("effectiveDate")
            # (… or the next sentence tells who gives what a sentence named with no one giving it)
            told_next = not f.role("issuedBy") and g.evidence.sentence == f.evidence.sentence + 1
            # (… or the rates per origin of the duty told before, on its goods: "… imposed anti-dumping duties on
            # PVC resin starting Monday. Imports from China will attract a duty of 17.5 percent and those from South
            # Korea 9.4 percent, in line with recommendations by the DGTR")
            rated = "+goods-from-before" in g.extracted_by and 0 < g.evidence.sentence - f.evidence.sentence <= 2 and \
                g.values.get("appliesTo") == f.values.get("appliesTo") and not f.roles.get("targets")
            if g is f or id(g) in dropped or g.kind != f.kind or not (_same_issuer(f, g, country_of or {}) or lead or
                                                                      told_next or rated):
                continue
            ft, gt = f.roles.get("targets"), g.roles.get("targets")
            if ft and gt and ft != gt:
                continue
            if _detail(g) < _detail(f) or _detail(g) == _detail(f) and g.evidence.start < f.evidence.start:
                continue  # of two as detailed, the later sentence has the details
            if ft and not gt:
                g.roles["targets"] = ft
            if f.values.get("effectiveDate") and not g.values.get("effectiveDate"):
                g.values = {**g.values, "effectiveDate": f.values["effectiveDate"]}  # (the day the first told)
            g_words = {w.lower() for x in g.values.get("appliesTo", ()) for w in x.split()}
            if f.values.get("appliesTo") and g_words and g_words < {w.lower() for x in f.values["appliesTo"]
                                                                    for w in x.split()}:
                g.values = {**g.values, "appliesTo": f.values["appliesTo"]}  # "fibre": "polyester staple fibre"
            if f.values.get("appliesTo") and len(g.values.get("appliesTo", ())) <= 1 and all(
                    w.split()[-1].lower() in _GENERIC_GOODS for w in g.values.get("appliesTo", ()) or ("systems",)):
                # "incentives to install rooftop solar panels … would refund 25% of the cost of systems": the
                # goods the shorter mention names
                g.values = {**g.values, "appliesTo": f.values["appliesTo"]}
            fi, gi = f.role("issuedBy"), g.role("issuedBy")
            if fi and gi and fi != gi and (country_of or {}).get(fi) == gi:
                g.roles["issuedBy"] = f.roles["issuedBy"]  # "Washington …" told again as "the USTR said …"
            for h in ([h for h in policies if h.kind == g.kind and h.evidence.sentence == g.evidence.sentence and
                       h.values.get("appliesTo") == g.values.get("appliesTo") and
                       "+goods-from-before" in h.extracted_by] if rated else ()):
                # the duty's body and day, for each origin's rate
                if fi:
                    h.roles["issuedBy"] = f.roles["issuedBy"]
                if f.values.get("effectiveDate") and not h.values.get("effectiveDate"):
                    h.values = {**h.values, "effectiveDate": f.values["effectiveDate"]}
            dropped.add(id(f))
            break
    for f in policies:
        # "… can claim three-tenths of the installed cost from the Department of Agriculture. 'A 30% grant roughly
        # halves the payback period on a digester,' …": the same measure at the same rate, said again
        stems = {w.lower().rstrip("s") for x in f.values.get("appliesTo", ()) for w in x.split()}
        for g in policies:
            if g is not f and id(g) not in dropped and id(f) not in dropped and g.kind == f.kind and \
                    f.values.get("ratePercent") is not None and g.values.get("ratePercent") == f.values["ratePercent"] \
                    and 0 < g.evidence.sentence - f.evidence.sentence <= 2 and not g.values.get("effectiveDate") and \
                    _same_issuer(f, g, country_of or {}) and g.roles.get("targets") in (None, f.roles.get("targets")) \
                    and stems >= {w.lower().rstrip("s") for x in g.values.get("appliesTo", ()) for w in x.split()}:
                dropped.add(id(g))
    return [f for f in facts if id(f) not in dropped]


def per_origin_facts(tariff: Fact, origins: list[tuple[Mentioned, Decimal]], when: date | None,
                     evidence: Evidence, how: str) -> list[Fact]:
    """``tariff`` once per origin, with that origin's rate: "Chinese tiles will face 47.1%, Indian ones 12.6%"."""
    out = []
    for origin, rate in origins:
        values = {**tariff.values, "ratePercent": rate}
        if when is not None:
            values["effectiveDate"] = when
        out.append(Fact(tariff.kind, {**tariff.roles, "targets": (origin.entity.key,)}, values, evidence,
                        tariff.confidence, tariff.extracted_by + how))
    return out


def finalize_policies(facts: list[Fact], country_of: Mapping[str, str | None] | None = None) -> list[Fact]:
    """Article-level clean-up of policies, in article order.

    A policy whose sentence names no issuer takes the issuer of the policy before it
    (news keeps talking about the same measure); a rate decision mentioned again is
    kept once, with its rate where some sentence gives it; identical policies are kept once.
    """
    out: list[Fact] = []
    last_issuer: tuple[str, ...] | None = None
    last_kind: str | None = None
    seen: dict[tuple, Fact] = {}
    rate_decisions: dict[str, list[Fact]] = {}
    for fact in facts:
        if fact.kind not in POLICY_KINDS:
            out.append(fact)
            continue
        if "issuedBy" in fact.roles:
            if fact.kind != "InterestRateDecision":  # a central bank's issuer carries over to no tariff
                last_issuer, last_kind = fact.roles["issuedBy"], fact.kind
        elif last_issuer and fact.kind == last_kind:  # (a grant scheme is not the sanctioning agency's)
            fact.roles["issuedBy"] = last_issuer
            fact.confidence = min(fact.confidence, 0.6)
            fact.extracted_by += "+issuer-from-context"
        if fact.kind == "InterestRateDecision":
            rate_decisions.setdefault(fact.role("issuedBy") or "", []).append(fact)
            continue
        key = (fact.kind, fact.roles.get("issuedBy"), fact.roles.get("targets"), fact.values.get("ratePercent"),
               fact.values.get("appliesTo"))
        if key in seen:
            if "effectiveDate" not in seen[key].values and "effectiveDate" in fact.values:
                # "… announced an investigation into X. The regulator said the proceedings were opened on
                # Tuesday, when its officials searched the premises": the day the measure told again gives
                seen[key].values["effectiveDate"] = fact.values["effectiveDate"]
                seen[key].extracted_by += "+date-told-again"
            continue
        seen[key] = fact
        out.append(fact)
    out = _merge_restatements(out, country_of)
    last_date = None
    for fact in out:
        # "a 25 percent duty on heavy trucks, both effective the same day"
        if fact.kind in POLICY_KINDS and fact.kind != "InterestRateDecision":
            if "effectiveDate" not in fact.values and last_date and re.search(r"\bthe same (day|date)\b",
                                                                              fact.evidence.text, re.I):
                fact.values["effectiveDate"] = last_date
            last_date = fact.values.get("effectiveDate", last_date)
    for fact in out:
        # "… duties from May 28. … For producers in India, the rate was set at 12.6%": the day of the same
        # duty on the origin told first
        if "+another-origin" in fact.extracted_by and "effectiveDate" not in fact.values:
            twin = next((f for f in out if f is not fact and f.kind == fact.kind and "effectiveDate" in f.values and
                         f.values.get("appliesTo") == fact.values.get("appliesTo") and
                         f.roles.get("issuedBy") == fact.roles.get("issuedBy")), None)
            if twin is not None:
                fact.values = {**fact.values, "effectiveDate": twin.values["effectiveDate"]}
                fact.extracted_by += "+date-of-first-origin"
    banks = [key for key in rate_decisions if key]
    if "" in rate_decisions and len(banks) == 1:
        # "Magyar Nemzeti Bank kept its rate on hold … The Monetary Council left the base rate at
        # 5.75%": one decision told twice, its rate in the sentence that does not name the bank
        for fact in rate_decisions.pop(""):
            fact.roles["issuedBy"] = (banks[0],)
            fact.extracted_by += "+issuer-from-context"
            rate_decisions[banks[0]].append(fact)
    for decisions in rate_decisions.values():
        rated = {}
        for fact in decisions:
            rate = fact.values.get("ratePercent")
            if rate is not None and (rate not in rated or "+day-told" in fact.extracted_by and
                                     "+day-told" not in rated[rate].extracted_by):
                rated[rate] = fact  # (the mention that tells the day it applies from wins)
        out.extend(rated.values() if rated else decisions[:1])
    return out
