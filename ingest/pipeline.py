"""Article -> Extraction: the pure core of ingest (no store, no HTTP).

>>> from ingest.article import Article
>>> from ingest.nlp import get_pipeline
>>> ex = Extractor(get_pipeline())
>>> result = ex.extract(Article(body="The Nikkei 225 fell 1.2 percent to 38,120.5 on Friday.", title="t"))
>>> [(f.kind, str(f.values["percentChange"])) for f in result.facts]
[('IndexMovement', '-1.2')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from itertools import chain

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.article import Article
from ingest.dates import resolve_date
from ingest.extraction import POLICY_KINDS, Entity, Evidence, Extraction, Fact, Mention
from ingest.facts import (ANY_MEASURE, GOODS_ANAPHORS, MONETARY_BODY, FactExtractor, Mentioned, described_company,
                          finalize_policies, per_origin_facts, same_goods, sets_rates, shares_of)
from ingest.gazetteer import load_gazetteer
from ingest.nlp import DEFAULT_GAZETTEER, DEFAULT_LEXICON, load_lexicon
from ingest.resolve import Resolver, entity_from_entry

#: Head nouns of definite descriptions ("the ministry") and the label words they refer to.
_BODY_NOUNS = {
    "ministry": {"ministry"},
    "regulator": {"commission", "authority", "administration", "regulation", "regulatory", "board"},
    "commission": {"commission"},
    "department": {"department"},
    "administration": {"administration"},
    "directorate": {"directorate"},
    "bureau": {"bureau"},
    "agency": {"agency", "bureau", "administration", "office"},
    "office": {"office"},
    "watchdog": {"commission", "authority", "regulator", "regulatory", "board", "watchdog"},
    "authority": {"authority"},
}

#: ("on Wednesday of next week", "on Monday week": a day to come, no session)
_SESSION = re.compile(r"\b(on|last)\s+(monday|tuesday|wednesday|thursday|friday|sunday)\b"
                      r"(?!\s+(?:of\s+next\s+week|week)\b)", re.I)
_LEDE_PARAGRAPHS = 2
#: What makes a day in the lede one still to come: "the new rate will take hold on Monday", "a change which
#: takes effect on Monday", "with the cut taking effect on Monday"
_FUTURE = re.compile(r"\b(?:will|shall|is to|are to|tak(?:e|es|ing) effect|effective|com(?:es?|ing) into force)\b",
                     re.I)
_NAMED_SESSION = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|sunday)['’]s\s+(?:session|trading|trade)\b",
                            re.I)


def session_date(doc: Doc, reference: date | None) -> date | None:
    """The trading day an article reports: "<weekday>'s session", else the first "on <weekday>" of its
    first paragraphs (a later one is the day of other news: a sanction, a raid), else its publication date.
    Sunday counts only in a report published on a Sunday ("Kuwaiti stocks retreated on Sunday": the
    Gulf and Bangladesh trade from Sunday to Thursday), never for one that tells of a weekend event."""
    if reference is None:
        return None
    named = _NAMED_SESSION.search(doc.text)  # "Thursday's session in Kuwait had a little of everything"
    if named:
        return resolve_date(named.group(1), reference)
    lede = "\n\n".join([p for p in doc.text.split("\n\n") if p.strip()][:_LEDE_PARAGRAPHS])
    m = next((m for m in _SESSION.finditer(lede) if (m.group(2).lower() != "sunday" or reference.weekday() == 6) and
              # (not a day still to come: "the new rate will take hold on Monday")
              not _FUTURE.search(lede[lede.rfind(".", 0, m.start()) + 1:m.start()])), None)
    return resolve_date(m.group(0), reference) if m else reference


def sentence_evidence(sent: Span, n: int) -> Evidence:
    """The evidence record of a sentence: its text without surrounding white space, and offsets."""
    text = sent.text
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    start = sent.start_char + lead
    return Evidence(n, stripped, start, start + len(stripped))


#: Verbs that quote someone: a name in their sentence is a speaker's
_QUOTING = {"say", "tell", "add", "note", "write", "argue", "warn", "comment", "explain", "announce", "state",
            "confirm"}
#: Titles of people who speak for a government
_GOVERNMENT_TITLES = {"Minister", "Secretary", "President", "Premier", "Chancellor", "Treasurer"}


def _anaphoric(goods: tuple[str, ...]) -> bool:
    """Goods told only as "the product", "the Chinese resin": named before (not "suspension-grade PVC resin")."""
    return len(goods) == 1 and goods[0].lower().split()[-1] in GOODS_ANAPHORS and len(goods[0].split()) <= 2


def _issued_by(facts: Iterable[Fact], speaker: Entity | None, *, for_country: bool) -> None:
    """``speaker``, the body acting in the sentence after ``facts``, issued those of them that name no body
    (and, ``for_country``, those that name only its country)."""
    for fact in facts if speaker is not None else ():
        if "issuedBy" not in fact.roles or for_country and speaker.country and \
                fact.role("issuedBy") == speaker.country:
            fact.roles["issuedBy"] = (speaker.key,)
            fact.extracted_by += "+issuer-next-sentence"


def _named_last(result: Extraction, n: int, nearest: int, farthest: int,
                accept: Callable[[Entity], bool]) -> Entity | None:
    """The entity named last, ``nearest`` to ``farthest`` sentences before sentence ``n``, that ``accept`` takes."""
    return next((e for m in reversed(result.mentions) if nearest <= n - m.evidence.sentence <= farthest
                 for e in [result.entities[m.entity]] if accept(e)), None)


def _date_undated(facts: Iterable[Fact], when: date, how: str) -> None:
    """Give ``when`` as the effective date to each of ``facts`` that has none, noting ``how``."""
    for fact in facts:
        if "effectiveDate" not in fact.values:
            fact.values["effectiveDate"] = when
            fact.extracted_by += how


class Extractor:
    """Runs the pipeline over articles and assembles their :class:`Extraction`.

    ``known`` maps normalised names of entities already in the store to ``(key, type)``.
    """

    def __init__(
        self,
        nlp: Language,
        *,
        gazetteer_dir=DEFAULT_GAZETTEER,
        lexicon_path=DEFAULT_LEXICON,
        known: Mapping[str, tuple[str, str]] | None = None,
    ) -> None:
        self.nlp = nlp
        self.gazetteer = load_gazetteer(gazetteer_dir)
        lexicon = load_lexicon(lexicon_path)
        self.resolver = Resolver(self.gazetteer, known, lexicon.data.get("capitals"))
        self.facts = FactExtractor(nlp, lexicon)
        self._country_of = {k: e.country for k, e in self.gazetteer.entries.items() if e.country}

    def know(self, known: Mapping[str, tuple[str, str]]) -> None:
        """Replace the entities already in the store (normalised name -> ``(key, type)``)."""
        self.resolver.known = dict(known)

    def extract(self, article: Article) -> Extraction:
        """Extract one article."""
        return self.assemble(article, self.nlp(article.body))

    def extract_many(self, articles: Iterable[Article], *, batch_size: int = 16, n_process: int = 1) -> Iterator[Extraction]:
        """Extract many articles, batching them through ``nlp.pipe``."""
        pairs = ((a.body, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
            yield self.assemble(article, doc)

    def assemble(self, article: Article, doc: Doc) -> Extraction:
        """Resolve the doc's entities and find its facts."""
        result = Extraction(article)
        country = self.resolver.dominant_country(doc)
        reference = article.reference_date
        session = session_date(doc, reference)
        bodies: list[Entity] = []  # government bodies in the order the article names them
        acronyms: dict[str, Entity] = {}  # "(FCCPC)" after a name: the name's entity
        topic: Mentioned | None = None  # the company the sentences before were about
        topic_at = 0
        setter: str | None = None
        previous: list[Fact] = []  # the measures of the sentence before
        speaker: Entity | None = None  # the government body acting in the sentence before
        # the goods a trade finding named last, where (sentence), and the one country they come from
        dumped: tuple[int, tuple[str, ...], str | None] | None = None
        mentioned: list[Mentioned] = []
        for n, sent in enumerate(doc.sents):
            evidence = sentence_evidence(sent, n)
            before, mentioned = mentioned, []  # (the sentence before's mentions)
            earlier = list(bodies)  # (the bodies named before this sentence; its own join them as they are named)
            for span in sent.ents:
                entity = acronyms.get(span.text) or self.resolver.resolve(span, country)
                if entity is None:
                    continue
                entity = self._merge(result, entity)
                short = doc[span.end + 1].text if span.end + 2 < len(doc) else ""
                if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")" and (
                        short.isupper() and len(short) > 1 or entity.type == "GovernmentBody" and short.istitle() and
                        short.isalpha() and len(short) <= 7):
                    # "the Federal Competition and Consumer Protection Commission (FCCPC)": later "FCCPC" is it
                    # (also "the Production Development Corporation (Corfo)")
                    acronyms[doc[span.end + 1].text] = entity
                    entity.aliases.add(doc[span.end + 1].text)
                initials = "".join(t.text[0] for t in span if t.text[:1].isupper())
                if entity.type == "GovernmentBody" and len(initials) >= 3 and len(span) >= 3:
                    acronyms.setdefault(initials, entity)  # "the Australian Taxation Office", later "the ATO"
                mentioned.append(Mentioned(span, entity))
                if entity.type == "GovernmentBody":
                    bodies.append(entity)
                result.mentions.append(
                    Mention(entity.key, span.text, span.start_char, span.end_char, evidence,
                            0.95 if entity.known else 0.7,
                            "gazetteer" if entity.known else "model:" + self.nlp.meta.get("name", "ner"))
                )
            here = [m for m in mentioned if m.type == "GovernmentBody"]
            for span, entity in self._body_anaphora(sent, earlier, here):
                mentioned.append(Mentioned(span, entity))
                result.mentions.append(Mention(entity.key, span.text, span.start_char, span.end_char, evidence, 0.6,
                                               "coreference:definite-description"))
            mentioned.sort(key=lambda m: m.span.start)
            named = self._described_before(sent, before) if topic is None or topic_at < n - 1 else None
            if named is not None and sum(x.entity == named.entity.key for x in result.mentions) == 1:
                # "For Kaveri Microfinance, a 10.6 percent drop. SEBI began investigating the lender …": the name
                # the model took for a person is the company the description refers to (when named only there:
                # "Industry Minister Adolfo Urso said … Urso also announced …" stays a person)
                named.entity.type = "Company"
                topic, topic_at = named, n - 1
                for fact in previous:
                    # "… opened an investigation into how Azteca Pagos had reported customer balances": the
                    # probe the sentence before told is into that company, not one named earlier
                    if fact.kind in ("Investigation", "Sanction") and fact.role("targets") not in {
                            m.entity.key for m in before}:
                        fact.roles["targets"] = (named.entity.key,)
            for company, home in self.facts.headquarters(sent, mentioned, self._country_of):
                entity = result.entities[company]
                if not entity.known and entity.country is None:
                    entity.country = home
            moves = self.facts.moves(sent, mentioned, session, evidence, topic if n - topic_at <= 2 else None,
                                     just_named=n - topic_at <= 1)
            result.facts += moves
            policies = self.facts.policies(sent, mentioned, reference, evidence, session, topic)
            policies = self._one_per_origin(sent, mentioned, policies, evidence)
            topic_before = topic
            # (kept over sentences that name no company: "Trading in X was halted. When it resumed, the stock
            # fell 15.4%. The AMF said it had opened an investigation into … the Lyon-based maker …")
            if any(m.type in ("Company", "AnalystFirm") for m in mentioned) or n - topic_at >= 2:
                # (the last clause's: "LVMH lost 1.1%, and Biolys plunged 15.3%. The company said …")
                topic_at, topic = n, next((m for m in reversed(mentioned) if m.type in ("Company", "AnalystFirm") and any(
                    t.dep_ in ("nsubj", "nsubjpass") and (t.head.dep_ == "ROOT" or t.head.dep_ == "conj" and
                                                          t.head.head.dep_ == "ROOT") or shares_of(t) or
                    # "What sank the tech board was Huaxin Payment Technology", "Hardest hit was X"
                    t.dep_ == "attr" and t.head.lemma_ == "be" and "ROOT" in (t.head.dep_, t.head.head.dep_)
                    for t in m.span)), None) or next((  # (or the one company whose shares moved)
                    m for m in mentioned if len(moves) == 1 and moves[0].kind == "StockMovement" and
                    m.entity.key == moves[0].role("company")), None) or next((
                    # (or the one company the sentence names: "A separate blow landed on Lion Rock Securities")
                    m for m in mentioned if not moves and m.type == "Company" and
                    {c.entity.key for c in mentioned if c.type in ("Company", "AnalystFirm")} == {m.entity.key}),
                    None)
            if country and country in self.gazetteer.entries and (any(
                    m.type == "Person" and (m.span[0].text in _GOVERNMENT_TITLES or m.span.start > 0 and
                                            doc[m.span.start - 1].text in _GOVERNMENT_TITLES)
                    for m in mentioned) or any(
                    t.lower_ in ("government", "cabinet") and t.dep_ in ("nsubj", "nsubjpass") and
                    any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) for t in sent)):
                # "'We will impose a 30 percent duty…,' Trade Minister Omer Bolat said", "the government
                # unveiled grants": the article's government
                for fact in policies:
                    if "issuedBy" not in fact.roles and fact.role("targets") != country:
                        state = self._merge(result, entity_from_entry(self.gazetteer.entries[country]))
                        fact.roles["issuedBy"] = (state.key,)
                        fact.extracted_by += "+issuer-minister"
            if speaker is not None and not any(m.type == "GovernmentBody" for m in mentioned):
                for fact in policies:
                    # "The ministry said on Tuesday it had finished its review. Duties of 18 percent will
                    # be imposed …": the body of the sentence before
                    if "issuedBy" not in fact.roles and fact.kind != "InterestRateDecision" and not any(
                            f.role("issuedBy") == speaker.key and f.kind == "Investigation" != fact.kind
                            for f in result.facts):
                        # (not a body busy with another kind of measure: "The FNE … is examining whether
                        # salmon producers shared prices. Imports of steel balls will be charged a surcharge")
                        fact.roles["issuedBy"] = (speaker.key,)
                        fact.extracted_by += "+issuer-previous-sentence"
            speaker = self._acting_body(sent, mentioned)
            found_dumped, finding = self.facts.dumped_goods(sent)
            if found_dumped:
                # (and the one country they come from: "salmon fillets from Chile are being sold below value")
                origins = {m.entity.key for m in mentioned if m.type == "Country" and finding is not None and
                           finding.start <= m.span.start < finding.end}
                dumped = (n, tuple(found_dumped), next(iter(origins)) if len(origins) == 1 else None)
            for fact in policies:
                goods = fact.values.get("appliesTo", ())
                if fact.kind in ("Tariff", "ExportControl") and (not goods or _anaphoric(goods)):
                    # "… a probe into polyoxymethylene copolymer from Japan. Importers will have to lodge
                    # deposits of 24.6% on the plastic": the goods named in the sentences before
                    # (of a measure of its kind or of the probe behind it, not "… may leave the country only with a
                    # permit. PET resin from China will carry duties of 16.8 percent": another story)
                    before = next((f for f in reversed(result.facts) if f.kind in (fact.kind, "Investigation") and
                                   n - f.evidence.sentence <= 3 and
                                   f.values.get("appliesTo") and not _anaphoric(f.values["appliesTo"])), None)
                    if before is not None and (goods or fact.values.get("ratePercent") is not None):
                        fact.values["appliesTo"] = before.values["appliesTo"]
                        fact.extracted_by += "+goods-from-before"
                    elif dumped and n - dumped[0] <= 2 and (goods or fact.values.get("ratePercent") is not None):
                        # "… found that nitrile rubber had been dumped. Importers will lodge deposits of 38.5%
                        # on Japanese material": the goods of the finding
                        fact.values["appliesTo"] = dumped[1]
                        fact.extracted_by += "+goods-from-finding"
                        if "targets" not in fact.roles and dumped[2] is not None:
                            fact.roles["targets"] = (dumped[2],)
            restated = self.facts.restated_dates(sent, reference)
            for kind, when in restated if policies else ():
                # "… is being investigated, the regulator said, adding that the probe had begun on Thursday"
                _date_undated((f for f in policies if kind in (f.kind, ANY_MEASURE)), when, "+date-restated")
                # ("Shipments from India will attract a 7.9% duty, with both rates applied from 1 October": the
                # same duty on the origin told before, too)
                _date_undated((f for f in result.facts if n - f.evidence.sentence <= 3 and any(
                    kind in (p.kind, ANY_MEASURE) and same_goods(p, f) for p in policies)), when, "+date-restated")
            for bank in (m.entity for m in mentioned if m.type == "GovernmentBody" and m.entity.known and
                         sets_rates(m.entity.label)):
                # "… once the monetary authority delivered a deeper cut … The cut, announced by the Central Bank of
                # the Argentine Republic (BCRA), applies from Wednesday": the bank the generic name stood for
                for fact in (f for f in result.facts if f.kind == "InterestRateDecision" and
                             n - f.evidence.sentence <= 3):
                    told = result.entities.get(fact.role("issuedBy") or "")
                    if told is not None and not told.known and told.country == bank.country:
                        fact.roles["issuedBy"] = (bank.key,)
                        fact.extracted_by += "+bank-named-after"
                        setter = bank.key if setter == told.key else setter
            result.facts += policies
            setter = next((f.role("issuedBy") for f in reversed(policies) if f.kind == "InterestRateDecision"),
                          setter)  # the central bank whose decision the article reported last
            if not policies and (named := self.facts.named_in_notice(sent, mentioned)):
                # "Two companies in China have been added to Taiwan's entity list. X and Y were named in a notice
                # from the ITA": the companies, not the country they are in
                listing = next((f for f in reversed(result.facts) if f.kind == "Sanction" and
                                n - f.evidence.sentence == 1 and "+companies-named" not in f.extracted_by and
                                result.entities.get(f.role("targets") or "") is not None and
                                result.entities[f.role("targets")].type == "Country"), None)
                if listing is not None:
                    result.facts.remove(listing)
                    when = listing.values.get("effectiveDate") or self.facts.effective_date(sent, reference)
                    body = next((m.entity for m in mentioned if m.type == "GovernmentBody"), None)
                    issuer = result.entities.get(listing.role("issuedBy") or "")
                    if body is not None and (issuer is None or issuer.type == "Country"):
                        listing.roles["issuedBy"] = (body.key,)  # "… in a notice from the International Trade
                        # Administration": the body that acted for Taiwan
                    for company in named:
                        values = {**listing.values}
                        if when is not None:
                            values["effectiveDate"] = when
                        result.facts.append(Fact("Sanction", {**listing.roles, "targets": (company.entity.key,)},
                                                 values, listing.evidence, listing.confidence,
                                                 listing.extracted_by + "+companies-named"))
            if not policies:
                # what this sentence adds to the measures told before it
                decision = next((f for f in reversed(result.facts) if f.kind == "InterestRateDecision"), None)
                if decision is not None and "ratePercent" not in decision.values and \
                        (rate := self.facts.restated_rate(sent)) is not None:
                    # "The Bank of Israel cut rates again. Policymakers cut the rate by a quarter point to 3.25%."
                    decision.values["ratePercent"] = rate
                    decision.extracted_by += "+rate-from-next-sentence"
                if decision is None and (level := self.facts.policy_rate_level(sent)) is not None:
                    # "… Thursday's statement from the Bank of Korea … Left unchanged at 2.25 per cent, the
                    # benchmark base rate has now been on hold": a decision told of the bank named just before
                    bank = _named_last(result, n, 0, 2, lambda e: e.type == "GovernmentBody" and sets_rates(e.label))
                    if bank is not None:
                        when = self.facts.effective_date(sent, reference) or session
                        result.facts.append(Fact("InterestRateDecision", {"issuedBy": (bank.key,)}, {
                            "appliesTo": (), "ratePercent": level, **({"effectiveDate": when} if when else {})},
                            evidence, 0.7, "policy:rate-level+bank-before"))
                        decision = result.facts[-1]
                latest = next((f for f in reversed(result.facts) if f.kind in POLICY_KINDS), None)
                if decision is not None and ("+day-told" not in decision.extracted_by or
                                             n - decision.evidence.sentence <= 2) and \
                        (latest is decision or latest is None) and \
                        (when := self.facts.restated_rate_day(sent, reference)) is not None:
                    # "The new rate applies from next Wednesday, the bank said." (the day it applies, over the day
                    # the decision was announced: "… announced on Thursday that it would reduce the policy rate. The
                    # rate will be 8.75% from Monday")
                    decision.values["effectiveDate"] = when
                    decision.extracted_by += "+day-told"
                elif latest is not None and latest.kind == "Tariff" and n - latest.evidence.sentence == 1 and \
                        "effectiveDate" not in latest.values and \
                        (when := self.facts.restated_rate_day(sent, reference)) is not None:
                    # "… raised the countervailing duty to 11.8 percent. The new rate takes effect … on Friday."
                    latest.values = {**latest.values, "effectiveDate": when}
                    latest.extracted_by += "+date-from-next-sentence"
                tariff = next((f for f in reversed(result.facts) if f.kind == "Tariff"), None)
                if tariff is not None and "ratePercent" not in tariff.values and "targets" not in tariff.roles and \
                        (origins := self.facts.rates_by_origin(sent, mentioned, single=n - tariff.evidence.sentence <= 2) or (
                            # ("The rate is 18.2% on shipments from China and 9.6% on those from Vietnam")
                            n - tariff.evidence.sentence <= 2 and
                            len(found := self.facts.rates_for_origins(sent, mentioned)) >= 2 and found)):
                    # "… set duties on tiles from two Asian suppliers. Chinese tiles will face a rate of 47.1%,
                    # while Indian producers will pay 12.6%": one duty per origin
                    result.facts.remove(tariff)
                    when = tariff.values.get("effectiveDate") or self.facts.effective_date(sent, reference)
                    result.facts += per_origin_facts(tariff, origins, when, tariff.evidence, "+rates-by-origin")
                if tariff is not None and n - tariff.evidence.sentence == 1 and "ratePercent" in tariff.values and \
                        (further := self.facts.further_goods_rate(sent)) is not None:
                    # "A safeguard duty of 16 percent will be charged on imported steel billets. Rebar and other
                    # long products will face 13 percent under the same measure": the duty on other goods
                    goods, rate = further
                    when = self.facts.effective_date(sent, reference) or tariff.values.get("effectiveDate")
                    values = {**tariff.values, "appliesTo": tuple(goods), "ratePercent": rate}
                    if when is not None:
                        values["effectiveDate"] = when
                    result.facts.append(Fact("Tariff", dict(tariff.roles), values, evidence, tariff.confidence,
                                             tariff.extracted_by + "+further-goods"))
                if (acted := self.facts.restated_issuer(sent, mentioned)) is not None:
                    # "Australian-origin cargoes face a duty of 18.6 percent. … The duties were imposed by
                    # India's Ministry of Finance": who took the measures told before without a body
                    kind, body = acted
                    for fact in (f for f in result.facts if (f.kind == kind and n - f.evidence.sentence <= 3 or
                                                             kind == ANY_MEASURE and n - f.evidence.sentence == 1 and
                                                             f.kind != "InterestRateDecision") and (
                            "issuedBy" not in f.roles or f.role("issuedBy") == body.entity.country)):
                        fact.roles["issuedBy"] = (body.entity.key,)
                        fact.extracted_by += "+issuer-told-after"
                for kind in ("Tariff", "Subsidy"):
                    told = [f for f in result.facts if f.kind == kind and "ratePercent" not in f.values and
                            f.evidence.sentence == n - 1]
                    if told and len({f.values.get("appliesTo") for f in told}) == 1 and \
                            (rate := self.facts.restated_duty_rate(sent, kind)) is not None:
                        # "… imposed a provisional duty on polyester staple fibre from China. The levy, set at
                        # 16.8% of the import value, will apply for four months": its rate
                        for fact in told:
                            fact.values = {**fact.values, "ratePercent": rate}
                            fact.extracted_by += "+rate-from-next-sentence"
                unrated = [f for f in result.facts if f.kind == "Tariff" and "ratePercent" not in f.values and
                           "targets" in f.roles and n - f.evidence.sentence <= 2]
                # "… yarn imported from China and Vietnam will attract duties. The levy was set at 22.4% for
                # Chinese shipments and at 11.8% for Vietnamese ones": each origin's rate (and the day, where
                # this sentence gives it: "…, with collection starting next Monday")
                per_origin = self.facts.rates_for_origins(sent, mentioned) if unrated else []
                when = self.facts.effective_date(sent, reference) if per_origin else None
                for origin, rate in per_origin:
                    for fact in unrated:
                        if fact.role("targets") == origin.entity.key:
                            fact.values = {**fact.values, "ratePercent": rate}  # (conjoined targets share values)
                            if when is not None and "effectiveDate" not in fact.values:
                                fact.values["effectiveDate"] = when
                            fact.extracted_by += "+rate-from-next-sentence"
                told = {f.role("targets") for f in unrated}
                if len(unrated) == 1 and len(per_origin) >= 2 and any(o.entity.key in told for o, _ in per_origin):
                    # "Pork from Spain will be subject to deposits. Spanish suppliers face a rate of 19.8 percent,
                    # and shipments from the Netherlands 27.5 percent": the same duty on another origin
                    others = [(o, r) for o, r in per_origin if o.entity.key not in told]
                    result.facts += per_origin_facts(unrated[0], others, unrated[0].values.get("effectiveDate"),
                                                     evidence, "+another-origin")
                if tariff is not None and "ratePercent" in tariff.values and "targets" in tariff.roles and \
                        n - tariff.evidence.sentence <= 3 and (origins := self.facts.rates_by_origin(
                            sent, mentioned, single=True)) and all(
                            o.entity.key != tariff.role("targets") for o, _ in origins):
                    # "Towers shipped from China will be subject to duties of 36.4%. Those made in Vietnam face
                    # a lower rate of 21.7%": the same duty on another origin
                    when = tariff.values.get("effectiveDate") or self.facts.effective_date(sent, reference)
                    if when is not None:
                        tariff.values["effectiveDate"] = when
                    others = per_origin_facts(tariff, origins, when, evidence, "+another-origin")
                    result.facts += others
                    previous = previous + others
                # "Grants … will be available from 1 November. Enterprise Singapore, which will administer the
                # scheme, said …": the body of the next sentence issued it (or the body of the country named as
                # issuer: "Britain added X to its sanctions list. The Foreign Office said …")
                _issued_by(previous, speaker, for_country=True)
                for kind, when in self.facts.retold_dates(sent, reference) if not restated else ():
                    # "… levied duties of 93.5% on anode material. Importers will have to post cash deposits
                    # starting Friday": the day of the measure of the sentence before
                    _date_undated((f for f in result.facts if f.kind == kind and f.evidence.sentence == n - 1), when,
                                  "+date-from-next-sentence")
                for kind, when in restated:
                    # the day of a measure the article named before
                    before = next((f for f in reversed(result.facts) if f.kind == kind or kind == ANY_MEASURE and
                                   f.kind in POLICY_KINDS and f.kind != "InterestRateDecision"), None)
                    # (each measure of that sentence: "duties on yarn from China and Vietnam")
                    # (… and the same duty on another origin told in a sentence of its own: "Those shipped
                    # from Mexico will pay 9.8%. … the surcharges will be applied from October 12")
                    _date_undated((f for f in result.facts if before is not None and (
                        f.kind == before.kind and f.evidence.sentence == before.evidence.sentence or
                        n - f.evidence.sentence <= 3 and same_goods(f, before))), when, "+date-from-next-sentence")
                    # "Washington announced a duty …" then "The USTR said the tariffs would take effect
                    # from …": the body that speaks for the country issued it
                    body = next((m.entity for m in mentioned if m.type == "GovernmentBody" and any(
                        t.dep_ == "nsubj" and t.head.lemma_ in ("say", "announce", "confirm") for t in m.span)), None)
                    if before is not None and body is not None and body.country and \
                            before.role("issuedBy") == body.country:
                        before.roles["issuedBy"] = (body.key,)
                        before.extracted_by += "+issuer-from-next-sentence"
            if policies:
                # (also where this sentence tells a measure of its own: "Electric bicycles … will be charged a levy
                # of 24.8 percent. The measure was published by the European Commission, which opened its inquiry
                # last spring")
                _issued_by(previous, speaker, for_country=False)
            previous = [f for f in policies if f.kind != "InterestRateDecision"]
            # "Westpac fell 1.2% and CBA rose 0.8%": a bank among the day's movers gives no view here
            silent = {f.role("company") for f in moves} if len(moves) >= 2 else set()
            # (nor does a company under a probe or sanctions speak as an analyst: "…, Brightledger Financial said,
            # adding that it was cooperating")
            silent |= {f.role("targets") for f in result.facts if f.kind in ("Investigation", "Sanction")}
            views = self.facts.analyst_views(sent, mentioned, evidence, setter, silent)
            for view in views:
                if not view.roles["about"] and topic_before is not None and \
                        topic_before.entity.key != view.role("analyst") and any(
                            t.lower_ in ("stock", "shares") and t.i > sent.start and
                            doc[t.i - 1].lower_ in ("the", "its") for t in sent):
                    # "… said an analyst at China Galaxy, who cut his rating on the stock": the company the
                    # sentences before were about
                    view.roles["about"] = (topic_before.entity.key,)
                    view.extracted_by += "+about-the-stock"
                elif not view.roles["about"] and topic_before is not None and n - topic_at <= 1 and \
                        topic_before.type == "Company" and topic_before.entity.key != view.role("analyst") and \
                        any(t.lower_ in ('"', "“", "”") for t in sent):
                    # '"Europe was Phu My's fastest-growing market," an analyst at Mirae Asset said': a quote
                    # that names no entity it knows speaks of the company the sentence before was about
                    view.roles["about"] = (topic_before.entity.key,)
                    view.extracted_by += "+about-the-company-before"
                elif not view.roles["about"] and any(
                        t.lower_ in ("company", "company's", "group", "group's") and t.i > sent.start and
                        doc[t.i - 1].lower_ == "the" for t in sent):
                    # '"Banks are likely to cut the company's credit lines," said an analyst at Maybank': the
                    # company named last in the sentences just before
                    named = _named_last(result, n, 1, 3,
                                        lambda e: e.type == "Company" and e.key != view.role("analyst"))
                    if named is not None:
                        view.roles["about"] = (named.key,)
                        view.extracted_by += "+about-the-company-before"
            if views and any(t.lower_ in ('"', "“", "”") for t in sent):
                # "'A 30% rebate won't bring back mass manufacturing,' said an analyst at CLSA": a measure an
                # analyst speaks of, which the sentence does not say anyone took
                untaken = {id(p) for p in policies if "issuedBy" not in p.roles}
                result.facts = [f for f in result.facts if id(f) not in untaken]
            result.facts += views
        result.facts = finalize_policies(result.facts, {k: e.country for k, e in result.entities.items()})
        return result

    def _one_per_origin(self, sent: Span, mentioned: list[Mentioned], policies: list[Fact],
                        evidence: Evidence) -> list[Fact]:
        """A duty the sentence sets at one rate per origin: "duties of 18.5 percent on Chinese and 9 percent
        on Thai shipments", "… will take effect on Tuesday, at 29.6 percent for Swedish producers and 18.4
        percent for those from Japan": one per origin, with its rate and the goods the sentence names."""
        tariffs = [f for f in policies if f.kind == "Tariff"]
        if not tariffs or len({f.role("issuedBy") for f in tariffs}) != 1 or \
                all(f.extracted_by.endswith("+rates-by-origin") for f in tariffs):
            return policies
        rates = {f.values["ratePercent"] for f in tariffs if "ratePercent" in f.values}
        if all("targets" in f.roles and "ratePercent" in f.values and f.values.get("appliesTo") for f in tariffs) \
                and len(rates) == len(tariffs) and (len({f.role("targets") for f in tariffs}) == len(tariffs) or
                                                    len({f.values["appliesTo"] for f in tariffs}) == len(tariffs)):
            return policies  # each rate has its own target or goods ("15 percent on US soybeans and 10 percent …")
        origins = self.facts.rates_for_origins(sent, mentioned)
        keys = {m.entity.key for m, _ in origins}
        if len(origins) < 2 or not rates <= {rate for _, rate in origins} or len(keys) != len(origins) or \
                not {f.role("targets") for f in tariffs} <= keys | {None}:
            return policies
        origin_words = {t.lower_ for m in mentioned if m.type == "Country" for t in m.span}
        named = [f for f in tariffs if f.values.get("appliesTo") and not any(
            w.lower() in origin_words for g in f.values["appliesTo"] for w in g.split())]
        # (goods that only say where they come from, "Indian producers", are no goods)
        base = named[0] if named else Fact(tariffs[0].kind, tariffs[0].roles, {
            **tariffs[0].values, "appliesTo": tuple(self.facts.duty_goods(sent, mentioned))},
            evidence, tariffs[0].confidence, tariffs[0].extracted_by)
        when = next((f.values["effectiveDate"] for f in tariffs if "effectiveDate" in f.values), None)
        return [f for f in policies if f.kind != "Tariff"] + per_origin_facts(base, origins, when, evidence,
                                                                               "+rates-by-origin")

    @staticmethod
    def _acting_body(sent: Span, mentioned: list[Mentioned]) -> Entity | None:
        """The government body (not a central bank) that is the subject or the passive agent of a
        verb of the sentence: "The ministry, which drafted the measure, said…", "… was unveiled by
        the ministry"."""
        doc = sent.doc
        for m in mentioned:
            root = m.span.root
            after = m.span.end
            if after + 2 < sent.end and doc[after].text == "(" and doc[after + 2].text == ")":
                after += 3  # "the Ministry of Industry and Trade (MOIT) published"
            if m.type == "GovernmentBody" and not MONETARY_BODY.search(m.entity.label) and (
                    root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX") or  # ("The CMF has been busy")
                    root.dep_ == "pobj" and root.head.dep_ == "agent" or
                    # "rallied after the ministry published its ruling", parsed as "after the ministry"
                    root.dep_ == "pobj" and root.head.lower_ in ("after", "as", "when", "following") and
                    after < sent.end and doc[after].tag_ in ("VBD", "VBZ") or
                    # "The change was made in an interim final rule from the Commerce Department's BIS"
                    root.dep_ == "pobj" and root.head.lower_ in ("from", "by") and
                    root.head.head.lemma_.lower() in ("rule", "notice", "regulation", "decree", "order", "notification",
                                                      "ruling", "circular") or
                    # "It was the European Commission that set the rate"
                    root.dep_ == "attr" and root.head.lemma_ == "be" and any(
                        c.dep_ == "relcl" for c in chain(root.children, root.head.children)) or
                    # "The designation came from the Office of Foreign Assets Control"
                    root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.lemma_.lower() == "come"):
                return m.entity
        return None

    def _described_before(self, sent: Span, before: list[Mentioned]) -> Mentioned | None:
        """The one name of the sentence before, unknown and typed a person, when this sentence
        describes a company ("the lender", "the Bangkok-based tanker operator") and that one quotes no one."""
        if not before or not any(described_company(t) for t in sent):
            return None
        told = before[0].span.sent
        lone = [m for m in before if not m.entity.known and m.type == "Person"]
        # (a sentence that quotes the name, or has it or a person say something, is about a person; not "…
        # into how Azteca Pagos had reported customer balances, the regulator said")
        if len(lone) != 1 or any(m.type in ("Company", "AnalystFirm") for m in before) or \
                self.facts.titled(lone[0]) or any(t.text in ('"', "“", "”") or t.lemma_ in _QUOTING and any(
                    c.dep_ == "nsubj" and (c.left_edge.i <= lone[0].span.start < c.right_edge.i + 1 or
                                           c.lower_ in ("he", "she")) for c in t.children) for t in told):
            return None
        # (not someone named by a role, "Board member Jang Hye-won", or as who does something, "chaired by")
        root = lone[0].span.root
        if lone[0].span.start > told.start and sent.doc[lone[0].span.start - 1].pos_ == "NOUN" or \
                root.dep_ == "pobj" and root.head.lower_ == "by":
            return None
        return lone[0]

    @staticmethod
    def _body_anaphora(sent: Span, earlier: list[Entity], here: list[Mentioned]) -> list[tuple[Span, Entity]]:
        """"The ministry said…": a definite description of a government body named before, in the sentences
        before (``earlier``) or in this one before it (``here``: "… from the Department of Agriculture, under a
        program the department said …")."""
        found = []
        doc = sent.doc
        for tok in sent:
            bodies = earlier + [m.entity for m in here if m.span.end <= tok.i]
            if not bodies:
                continue
            if tok.lower_ == "bank" and tok.i > 0 and doc[tok.i - 1].lower_ == "the" and not tok.ent_type_ and \
                    tok.dep_ in ("nsubj", "nsubjpass") and any(t.lemma_ in ("cut", "hike", "raise", "hold", "ease")
                                                               or t.lower_ in ("rate", "rates") for t in sent):
                # "The bank is likely to start cutting in November": the central bank named before
                bank = next((e for e in reversed(bodies) if "bank" in e.label.lower()
                             or "reserve" in e.label.lower()), None)
                if bank is not None:
                    found.append((doc[tok.i - 1:tok.i + 1], bank))
                continue
            if tok.lower_ == "bank" and tok.i > 1 and doc[tok.i - 1].lower_ == "central" and \
                    doc[tok.i - 2].lower_ == "the" and not tok.ent_type_:
                # "the central bank": the last central bank the article named
                bank = next((e for e in reversed(bodies) if "bank" in e.label.lower()
                             or "reserve" in e.label.lower()), None)
                if bank is not None:
                    found.append((doc[tok.i - 2:tok.i + 1], bank))
                continue
            # (also "The same ministry also froze …")
            first = tok.i - 2 if tok.i > 1 and doc[tok.i - 1].lower_ == "same" else tok.i - 1
            if tok.ent_type_ or tok.lower_ not in _BODY_NOUNS or tok.i == 0 or doc[first].lower_ != "the":
                continue
            if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":
                continue  # "the Ministry of …" is a name the ruler did not know, not a reference
            for entity in reversed(bodies):
                if _BODY_NOUNS[tok.lower_] & set(entity.label.lower().replace(",", " ").split()):
                    found.append((doc[first:tok.i + 1], entity))
                    break
        return found

    @staticmethod
    def _merge(result: Extraction, entity: Entity) -> Entity:
        existing = result.entities.get(entity.key)
        if existing is None and not entity.known and entity.type == "Person" and " " not in entity.label:
            # "Malhotra" after "Governor Sanjay Malhotra": the same person by surname
            existing = next((e for e in result.entities.values() if e.type == "Person" and any(
                name.endswith(" " + entity.label) for name in (e.label, *e.aliases))), None)
        if existing is None and not entity.known and (entity.type in ("Company", "AnalystFirm") or
                                                       entity.type == "Person" and " " in entity.label) and \
                len(entity.label) > 3:
            # "Dar Al Arkan" after "Dar Al Arkan Real Estate": the company's short name in this article
            # (and "Jinshan Polymer" after "Chongqing Jinshan Polymer": the name without its city)
            existing = next((e for e in result.entities.values() if e.type in ("Company", "AnalystFirm") and any(
                name.startswith(entity.label + " ") or " " in entity.label and name.endswith(" " + entity.label)
                for name in (e.label, *e.aliases))), None)
        if existing is None:
            result.entities[entity.key] = entity
            return entity
        existing.aliases |= entity.aliases
        if not existing.known and existing.type in ("Person", "City") and entity.type in ("Company", "AnalystFirm"):
            existing.type = entity.type  # the model's guess in one sentence, a company's cue in another
        if not existing.known and len(entity.label) > len(existing.label):
            existing.aliases.add(existing.label)
            existing.label = entity.label
        return existing
