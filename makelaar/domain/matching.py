"""Matching: which organisations can help with an idea, in what order, and why.

Pure Python (no Qt, no SQLAlchemy): the services load plain profiles into a :class:`MatchIndex` once, and
:func:`rank` answers one idea in milliseconds from inverted indexes.

How a suggestion is scored (each signal is a number between 0 and 1; the score is their weighted mean, see
:class:`Weights` for the numbers and why):

- **needs vs offers** — the idea's needs the organisation offers, the strongest signal: a broker calls a partner
  for a type of help. A need counts fully when the organisation is *related* to the idea — it shares a theme or
  words, or it is in the idea's wijk and the help is of a kind that is bound to a place (rooms: measured in the
  registry as the share of its providers that are local), or it names that help in its own words — and half
  when it is not (the nature club offering "advies" to a debt-advice evening). Help bound to a place is also worth
  less from further away (a room across town for an evening in Noord), unless the organisation's words show it is
  the place for the idea's very subject (the school garden at the allotment park); the reason then says "let op:
  biedt ruimte in een andere wijk".
- **text** — BM25 of the idea's title and description against the organisation's name and description, with Dutch
  stemming and compound splitting (:mod:`makelaar.domain.dutch`; a compound's first part, the modifier, counts less
  than its head: a "schoolmoestuin" is a moestuin); word frequencies count the store's recent ideas
  too, and words every text in this field uses ("buurt", "bewoners") are left out, as are the names of the store's
  areas ("Noord": where an idea is, which the area signal counts, is no shared subject). It finds the specific partner
  ("koor" -> the music school) where the structured fields only say "advies". The reason names the shared words.
  Related words (:data:`makelaar.domain.dutch.RELATED_GROUPS`: "koken" ~ "keuken", "film" ~ "omroep") join the
  query at a lower weight; the reason then names both ("keuken (bij koken)").
- **themes** — the share of the idea's themes the organisation works on.
- **area** — same wijk (or the idea's buurt lies in the organisation's wijk) > municipality-wide > elsewhere,
  counted as far as what the organisation provides is bound to a place.
- **general support** — a welfare organisation, community workers or a volunteer centre (recognised by the words
  for such organisations, :data:`makelaar.domain.dutch.SUPPORT_WORDS`) that offers support the idea needs (advice,
  contacts, organising, volunteers) gets a small fixed amount and its help counts as related to any subject: it
  fills the lower places of a list when nothing more specific fits.

Then:

- **funds** — an organisation of kind fonds (or offering money with fund criteria) is checked against the idea;
  one that does not fit stays in the list with the reason, at a lower score.
- **earlier koppelingen** — accepted (toegezegd, afgerond) or declined (afgewezen) koppelingen for *similar* ideas
  (needs, themes and words) move the score up or down, with the earlier idea named.
- **coverage** — the list is built greedily (like MMR): a need nobody above covers yet counts double, one already
  covered much less, so an idea needing ruimte, geld and vrijwilligers gets partners for all three rather than
  five for one. Money is the exception: funds give part of a budget, so a second fund keeps its value (see
  ``Weights.cofunding``). Scores fall as needs get covered, so the list is in descending order of its scores.
- inactive organisations are never in the index; a closed idea gets no suggestions.

What is measured to carry over to another municipality rather than fitted to one (``bench/matching_eval.py`` tunes
on one judged set and scores on the other): a fund's criteria read from its own description
(:mod:`makelaar.domain.criteria`), an area fund giving nothing outside its areas, money for an organisation's own
people covering nobody else, a room counted where the description says the building is, help that travels, the
specificity of an organisation's offers, general support as a fallback, compounds whose head is generic, and how
common a word is in Dutch at large. Reasons are data (:mod:`makelaar.domain.reasons`); a suggestion's label ("goed",
"mogelijk") reads its own strength.

``bench/matching_eval.py`` measures the ranking on a judged set, against baselines, with a split-half check.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from makelaar.domain import criteria as fund_criteria
from makelaar.domain import reasons as why
from makelaar.domain.dutch import (
    SUPPORT_TERMS,
    Analyser,
    Lexicon,
    content_terms,
    fold,
    informativeness,
    related_terms,
    stem,
    word_set,
    words,
)
from makelaar.domain.enums import CLOSED_IDEA_STATUSES
from makelaar.domain.formatting import format_date, format_euro
from makelaar.domain.reasons import Reason

if TYPE_CHECKING:
    import numpy as np

ACCEPTED = frozenset({"toegezegd", "afgerond"})
# An idea that is closed (realised, referred, stopped, ...) looks for no partners any more.
CLOSED = frozenset(s.value for s in CLOSED_IDEA_STATUSES)
DECLINED = frozenset({"afgewezen"})

FUND_KIND = "fonds"
# Words that nearly every idea and every organisation in this field uses, in any municipality: as evidence of fit
# they are noise ("noemt: buurt, bewoners"). Document frequency over a large store finds them too; this list keeps a
# small registry from mistaking them for a match. The words of asking ("zoeken", "nodig", "helpt") belong here too:
# every idea asks for something.
GENERIC_WORDS = word_set(
    """
    buurt buurten wijk wijken bewoner bewoners buurtbewoner buurtbewoners buur buren buurtgenoten inwoner inwoners
    mens mensen helpen hulp maken organiseren organiseert activiteit activiteiten initiatief initiatieven idee
    ideeen plan plannen project projecten groep groepen stichting vereniging gemeente gemeentelijk gemeentelijke
    helpt help geholpen nodig zoeken zoekt
    mee een twee drie vier vijf dag dagen week weken maand maanden jaar jaren kennen kent zien ziet weinig eigen
    langs vaste vast
    """
)
MONEY = "geld"
# Types of help that travel: advice, contacts, money, things to borrow, publicity, permits and paperwork reach an idea
# wherever the organisation sits; a room and, mostly, hands-on volunteers do not (see Weights.place_bound).
TRAVELS = word_set("advies netwerk geld materiaal publiciteit vergunning organisatie")
# Types of help nearly every idea can use whatever its subject (advice, contacts, organising, people): what a
# general support organisation offers (see Weights.broad).
SUPPORT_HELP = word_set("advies netwerk organisatie vrijwilligers ondersteuning begeleiding")


@dataclass(frozen=True)
class Weights:
    """How much each signal counts. Few numbers, each set on a principle (not fitted to one municipality):

    - ``need`` 0.40: a broker calls a partner for a type of help, so what it offers is the largest share.
    - ``text`` 0.30: the description is the most specific evidence (a choir and a music school share only "advies"
      in the structured fields), but words also match by chance, so less than the needs.
    - ``theme`` 0.15 and ``area`` 0.15: broad fields many organisations share; they order partners that are
      otherwise alike (the community centre in the idea's wijk before a town-wide one).
    - ``unrelated`` 0.5: an organisation offering the needed help on another subject and somewhere else (a nature
      club for a debt-advice evening) earns half of what a related one earns for the same help. Related means: a
      shared theme, shared words, or, for help that is bound to a place, being in the idea's wijk.
    - ``specialist`` 0.5: naming the type of help in its own words ("Vrijwilligerspunt", "zalen te huur") makes
      an organisation half related for that help; weaker evidence than a shared subject.
    - ``place_bound`` 0.5: how much "how local is this kind of help" (measured in the registry itself: rooms are
      nearly always offered by local organisations, advice by town-wide ones) decides whether being nearby counts.
      At 0 nearby always counts fully; at 1 only as far as the help is local. The same number says how much of a
      place-bound help's value is lost when the organisation works elsewhere: ``place_bound`` x locality x (1 -
      area) x (1 - text). Where four in five rooms are offered locally, a room across town keeps about 60 % of its
      value and a town-wide room about 80 %; advice, mostly offered town-wide, about 80 % and 90 %; and help from an
      organisation whose words match the idea (its text signal is full) all of it.
    - ``new_need`` 1.0 and ``coverage`` 0.7: while the list is built, a need no higher suggestion covers yet counts
      double (the list should cover every need), and one already covered loses 70 % of its value (not all: a
      second partner for the same need is still useful, just less).
    - ``cofunding`` 1.0: money adds up. A fund or budget gives part of what an idea costs, up to its own maximum and
      often only on condition that other money comes in too (co-financing), so brokers name several funds: money
      from one source does not cover the need for money. At 1 a second source of money keeps its full value when
      one above it already offers money (without the bonus for a new need, so it still comes after a partner for a
      need nobody covers yet); at 0 money is covered like any other help. Other help is filled by one partner (one
      room, one permit).
    - ``history`` 0.15: how far an earlier outcome for a very similar idea moves a score (one signal's worth).
    - ``fund_misfit`` 0.5: a fund that does not fit keeps half its score: still in the list, rarely on top.
    - ``wide_area`` 0.5: working in the whole municipality counts half of working in the idea's own wijk.
    - ``title`` 2 and ``name`` 2: a word in the idea's title or the organisation's name counts twice (they name
      what the idea and the organisation are about).
    - ``text_saturation`` 0.25: sharing a quarter of the idea's word weight counts as a full text match (an
      organisation's description never repeats a whole idea).
    - ``related`` 0.5: a related word (:data:`makelaar.domain.dutch.RELATED_GROUPS`: "keuken" for "koken") counts
      half of the word itself: the same subject, but less sure evidence than the idea's own word.
    - ``modifier`` 0.5: a compound's first part (the modifier: "school" in "schoolmoestuin", "volkstuin" in
      "volkstuinpark") counts half of a whole word or a compound's head, in the idea's words and the organisation's
      alike. Dutch compounds are right-headed: a schoolmoestuin is a moestuin, so a school shares less of its subject
      than a garden does.
    - ``broad`` 0.10 and ``broad_related`` 1.0: a general support organisation (welfare work, community
      development, a volunteer centre: :data:`makelaar.domain.dutch.SUPPORT_WORDS` in its name, description or
      kind) that offers a type of help the idea needs from :data:`SUPPORT_HELP` (advice, contacts, organising,
      volunteers) gets a small fixed amount (a tenth of a score) that a covered need does not take away, so it
      fills the lower places of a list when nothing more specific fits; and its help counts as related to any
      subject (``broad_related``: helping residents with any plan *is* its subject, so the half credit for an
      unrelated offer does not apply).
    - ``broad_first`` 0.5: a general support organisation gets half the bonus for a need nobody above covers yet.
      It is a fallback a broker calls after the partner on the subject (the volunteer centre after the sports club
      for a tournament), not the natural owner of the need, however many needs it covers.
    - ``specificity`` 1.0: what one offer of an organisation says falls with the number of kinds of help it claims:
      the information of claiming n of the registry's V kinds, log(1 + V / n), against that of a typical
      organisation (the registry's median n), never above 1, raised to this power. A welfare foundation that claims
      seven of nine kinds "offers" each far less than the allotment association that claims two.
    - ``general`` 1.0: how much a word's weight follows how common it is in Dutch at large
      (:func:`makelaar.domain.dutch.informativeness`): a small registry cannot tell that "dorp", "week" or "werk" say
      little, a general word-frequency list can. At 0 only the registry's own idf counts.
    - ``generic_heads``: in a compound whose head many compounds in the registry share ("cafe" in taalcafe,
      repaircafe, digicafe), the head names a format and the modifier the subject, so their weights swap.
    - ``travels`` and ``travels_locality`` 0.2: advice, contacts, money, materials, publicity, permits and paperwork
      reach an idea wherever the organisation sits; only rooms and hands-on help are bound to a place. For help that
      travels, the share of its value lost from another wijk uses a locality of at most 0.2, whatever the registry's
      providers happen to be.
    """

    need: float = 0.40
    text: float = 0.30
    theme: float = 0.15
    area: float = 0.15
    unrelated: float = 0.5
    specialist: float = 0.5
    place_bound: float = 0.5
    coverage: float = 0.7
    new_need: float = 1.0
    cofunding: float = 1.0
    history: float = 0.15
    fund_misfit: float = 0.5
    wide_area: float = 0.5
    title: float = 2.0
    name: float = 2.0
    text_saturation: float = 0.25
    related: float = 0.5
    modifier: float = 0.5
    broad: float = 0.10
    broad_related: float = 1.0
    specificity: float = 1.0
    general: float = 1.0
    broad_first: float = 0.5
    travels: bool = True
    travels_locality: float = 0.2
    generic_heads: bool = True

    @property
    def total(self) -> float:
        return (self.need + self.text + self.theme + self.area) or 1.0


DEFAULT_WEIGHTS = Weights()

# BM25's usual constants (Robertson & Zaragoza): term-frequency saturation and length normalisation.
BM25_K1 = 1.2
BM25_B = 0.75
# Ranking: only the best candidates by the cheap signals get the expensive ones (funds, history, coverage).
SHORTLIST = 60
SHOWN_WORDS = 4  # words named in "noemt: ..."
HISTORY_MIN_SIMILARITY = 0.3  # below this an earlier idea is not "similar"
FAR_REASON = 0.2  # a need that loses at least this share of its value for being elsewhere is named in the reasons


@dataclass(frozen=True)
class FundCriteria:
    max_amount: Decimal | None = None
    min_initiators: int | None = None
    deadline: date | None = None
    excludes: str | None = None

    @property
    def given(self) -> bool:
        return any(
            v is not None and v != "" for v in (self.max_amount, self.min_initiators, self.deadline, self.excludes)
        )


@dataclass(frozen=True)
class OrganisationProfile:
    """What matching knows of an organisation. Term and area fields hold ids; ``names`` (see MatchIndex) has
    their display names. ``wijken`` holds the wijk of each area (a buurt's parent, a wijk or dorp itself)."""

    id: str
    name: str
    description: str = ""
    kind: str = ""  # the kind's stable key ("fonds"), or its folded name when it has none
    active: bool = True
    offers: frozenset[str] = frozenset()
    themes: frozenset[str] = frozenset()
    areas: frozenset[str] = frozenset()
    wijken: frozenset[str] = frozenset()
    municipality_wide: bool = False
    fund: FundCriteria = FundCriteria()


@dataclass(frozen=True)
class IdeaProfile:
    id: str
    title: str
    description: str = ""
    area_id: str | None = None
    wijk_id: str | None = None  # the wijk of the idea's buurt, or its own wijk
    municipality_wide: bool = False
    needs: tuple[str, ...] = ()
    themes: frozenset[str] = frozenset()
    team_size: int | None = None
    requested_amount: Decimal | None = None
    received_on: date | None = None
    status: str = "nieuw"


@dataclass(frozen=True)
class PastMatch:
    """An earlier koppeling: an idea linked to an organisation, with its status."""

    idea: IdeaProfile
    organisation_id: str
    status: str
    need_id: str | None = None


@dataclass(frozen=True)
class Suggestion:
    """One ranked partner for an idea (or, in the reverse view, one idea for an organisation: then
    ``organisation_id``/``name`` still name the organisation and ``idea_id``/``idea_title`` the idea)."""

    organisation_id: str
    name: str
    score: float
    explanation: list[Reason] = field(default_factory=list)
    covered_needs: list[str] = field(default_factory=list)
    idea_id: str = ""
    idea_title: str = ""
    fits: bool = True  # False for a fund whose criteria the idea does not meet
    # The score this partner would have on its own, as the first suggestion (no need covered by another yet): how
    # well it fits, whatever its place in the list.
    strength: float = 0.0

    @property
    def reasons(self) -> list[str]:
        """The reasons in plain Dutch (the command line, the reports); the UI renders ``explanation`` itself."""
        return why.dutch(self.explanation)

    @property
    def label(self) -> str:
        """How good a suggestion is, as a broker reads it: "goed" or "mogelijk" (never a raw score)."""
        return label(self.strength, self.fits)


@dataclass
class _Candidate:
    index: int
    need_hits: frozenset[str]
    need_value: dict[str, float]  # what each covered need adds to the score
    theme_hits: frozenset[str]
    area: float
    area_reason: Reason | None
    text: float
    base: float
    reasons_after: list[Reason] = field(default_factory=list)
    fits: bool = True


@dataclass
class _Query:
    idea: IdeaProfile
    terms: dict[str, float]  # term -> query weight
    shown: dict[str, str]
    ideal: float  # the BM25 an average document containing every query term once would get
    related: frozenset[str] = frozenset()  # terms added as related words (not the idea's own)
    part_of: Mapping[str, set[str]] = field(default_factory=dict)  # compound part -> its whole words' terms

    @property
    def own_terms(self) -> list[str]:
        """The idea's own terms, without the related words (what makes two ideas alike)."""
        return [t for t in self.terms if t not in self.related]


class MatchIndex:
    """Organisation profiles with inverted indexes for needs/offers, themes, areas and words.

    Built once per store (the services cache it and rebuild it when organisations change); ``rank`` then only
    touches the organisations that share something with the idea. ``background`` are texts of recent ideas (word
    statistics), ``places`` the names of the store's areas (left out of the words, see :func:`place_words`).
    """

    def __init__(
        self,
        organisations: Iterable[OrganisationProfile],
        *,
        names: Mapping[str, str] | None = None,
        history: Iterable[PastMatch] = (),
        background: Iterable[str] = (),
        places: Iterable[str] = (),
        weights: Weights = DEFAULT_WEIGHTS,
    ) -> None:
        self.weights = weights
        self.names: dict[str, str] = dict(names or {})
        self.orgs: list[OrganisationProfile] = [o for o in organisations if o.active]
        self.position: dict[str, int] = {o.id: i for i, o in enumerate(self.orgs)}
        self.by_offer: dict[str, list[int]] = {}
        self.by_theme: dict[str, list[int]] = {}
        self.by_wijk: dict[str, set[int]] = {}
        self.by_area: dict[str, set[int]] = {}
        self.wide: set[int] = set()
        for i, o in enumerate(self.orgs):
            for t in o.offers:
                self.by_offer.setdefault(t, []).append(i)
            for t in o.themes:
                self.by_theme.setdefault(t, []).append(i)
            for a in o.areas:
                self.by_area.setdefault(a, set()).add(i)
            for w in o.wijken:
                self.by_wijk.setdefault(w, set()).add(i)
            if o.municipality_wide:
                self.wide.add(i)
        places = list(places)
        self._build_text(list(background), GENERIC_WORDS | place_words(places))
        # Where an organisation's own building is, as its description says ("een zaal midden in Strijkveen",
        # "servicepunten in Strijkveen en Ekelhorst"): a room is there, whatever area the organisation serves.
        by_place = {n.casefold(): ident for ident, n in self.names.items() if n in set(places)}
        finder = PlaceFinder(by_place)
        self.located: list[frozenset[str]] = [finder(o.description) for o in self.orgs]
        # How place-bound each type of help is: the share of its providers that serve particular wijken rather
        # than the whole municipality (smoothed towards a half). Rooms are nearly always local, advice rarely.
        self.locality: dict[str, float] = {}
        for t, providers in self.by_offer.items():
            local = sum(1 for i in providers if not self.orgs[i].municipality_wide)
            self.locality[t] = (local + 1.0) / (len(providers) + 2.0)
        # How much of a help's value is lost from further away: its locality, except for help that travels, which
        # is not bound to a place however local its providers happen to be here.
        self.bound: dict[str, float] = {
            t: min(v, self.weights.travels_locality)
            if self.weights.travels and fold(self.name(t)).strip() in TRAVELS
            else v
            for t, v in self.locality.items()
        }
        self.history_by_org: dict[int, list[PastMatch]] = {}
        self.history_by_idea: dict[str, list[PastMatch]] = {}
        for m in history:
            self.history_by_idea.setdefault(m.idea.id, []).append(m)
            pos = self.position.get(m.organisation_id)
            if pos is not None and (m.status in ACCEPTED or m.status in DECLINED):
                self.history_by_org.setdefault(pos, []).append(m)
        self._features: dict[str, IdeaFeatures] = {}
        self._queries: dict[str, tuple[tuple[str, str], _Query]] = {}
        self._money: dict[str, bool] = {}
        self.funds = [is_fund(o, self.names) for o in self.orgs]
        # General support organisations (see Weights.broad): a support word among their own terms or in their kind.
        self.broad = [
            bool(
                SUPPORT_TERMS.intersection(self.doc_terms[i])
                or SUPPORT_TERMS.intersection(stem(f) for f, _ in words(o.kind))
            )
            for i, o in enumerate(self.orgs)
        ]
        self._support: dict[str, bool] = {}
        self._term_words: dict[str, frozenset[str]] = {}
        # A fund's criteria as its description (and its own list of exclusions) state them.
        self.criteria: list[tuple[fund_criteria.Criterion, ...]] = [
            tuple(fund_criteria.read(f"{o.description}\n{o.fund.excludes or ''}")) if fund else ()
            for o, fund in zip(self.orgs, self.funds, strict=True)
        ]
        # Money from an organisation that is no fund (a housing corporation's budget for its own tenants) can be
        # bound to its own people too; only that criterion is read for it.
        self.money_for: list[tuple[str, ...]] = [
            next((c.value for c in fund_criteria.read(o.description) if c.kind == fund_criteria.GROUP), ())  # type: ignore[misc]
            if not fund and any(self.is_money(t) for t in o.offers)
            else ()
            for o, fund in zip(self.orgs, self.funds, strict=True)
        ]
        self._idea_texts: dict[str, tuple[tuple[str, str], fund_criteria.IdeaText]] = {}
        # How much one offer of an organisation says (see Weights.specificity): claiming every type of help says
        # less about each than claiming one or two. Measured as the information of the claim, log(1 + V / n) for
        # n of V types, against that of a typical organisation in this registry (the median number of offers).
        kinds = len(self.by_offer) or 1
        counts = sorted(len(o.offers) for o in self.orgs if o.offers)
        typical = counts[(len(counts) - 1) // 2] if counts else 1
        bits = lambda n: math.log(1.0 + kinds / max(1, n))  # noqa: E731
        self._vectors: _Vectors | None = None
        # _place() per type of help, and its mean over each organisation's offers (1 for one that offers nothing).
        self.place: dict[str, float] = {}  # filled just below; _place computes what is not in it yet
        self.place = {t: _place(self, t) for t in self.locality}
        self.offer_place = [
            sum(_place(self, t) for t in o.offers) / len(o.offers) if o.offers else 1.0 for o in self.orgs
        ]
        self._past_rows: dict[int, list[tuple[str, bool, IdeaFeatures, PastMatch]]] = {}
        self.specific = [min(1.0, bits(len(o.offers)) / bits(typical)) ** self.weights.specificity for o in self.orgs]

    def __len__(self) -> int:
        return len(self.orgs)

    def prepare(self) -> None:
        """Make ahead what rankings otherwise make on first use: the vectors with every word's postings, and every
        organisation's decided koppelingen with their ideas' features. The services call it in the background
        after building the index, so the first match-all does not pay for it."""
        vectors = self.vectors
        for term in self.postings:
            vectors.postings(term)
        for i in self.history_by_org:
            self.past_rows(i)

    def past_rows(self, i: int) -> list[tuple[str, bool, IdeaFeatures, PastMatch]]:
        """Organisation ``i``'s decided koppelingen as (earlier idea's id, accepted, its features, the koppeling),
        made once: every ranking that has it as a candidate goes through them."""
        found = self._past_rows.get(i)
        if found is None:
            found = [
                (m.idea.id, m.status in ACCEPTED, self.features(m.idea), m) for m in self.history_by_org.get(i, ())
            ]
            self._past_rows[i] = found
        return found

    @property
    def vectors(self) -> _Vectors:
        """The registry as vectors for rank's first pass, made on first use."""
        found = self._vectors
        if found is None:
            found = self._vectors = _Vectors(self)
        return found

    # --- text ---------------------------------------------------------------------------------------------------

    def _build_text(self, background: list[str], ignore: frozenset[str]) -> None:
        """BM25 postings over name + description; a name word counts ``weights.name`` times (BM25F-style).

        Document frequencies count the ``background`` texts (ideas) too: a word that every idea uses ("buurt",
        "bewoners", "helpen") says little about which organisation fits, however few organisations use it. The
        background words also join the lexicon, so an organisation's "buurtmoestuin" splits when ideas say
        "moestuin".
        """
        texts = [(words(o.name), words(o.description)) for o in self.orgs]
        other = [words(t) for t in background]
        self.lexicon = Lexicon(f for name, desc in texts for f, _ in (*name, *desc))
        self.lexicon.add(f for ws in other for f, _ in ws)
        self.analyser = Analyser(self.lexicon, ignore)
        if self.weights.generic_heads:
            self.analyser.generic_heads(self.lexicon.words)
        name_weight = self.weights.name
        freqs: list[dict[str, float]] = []
        lengths: list[float] = []
        modifier = self.weights.modifier
        surface: dict[str, str] = {}
        for o in self.orgs:
            tf: dict[str, float] = {}
            for weight, text in ((1.0, o.description), (name_weight, o.name)):
                analysed = self.analyser.analyse(text)
                for term, shown in analysed.shown.items():
                    surface.setdefault(term, shown)
                for term, first in zip(analysed.terms, analysed.modifier, strict=True):
                    tf[term] = tf.get(term, 0.0) + weight * (modifier if first else 1.0)
            freqs.append(tf)
            lengths.append(sum(tf.values()))
        n = len(self.orgs) + len(background)
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        df: Counter[str] = Counter()
        for tf in freqs:
            df.update(tf.keys())
        for text in background:
            df.update(self.analyser.term_set(text))
        # A term's weight: how rare it is here (idf) times how telling the word is in Dutch at large (see
        # Weights.general); a term only the ideas use has no surface word here and keeps its idf.
        self.idf = {
            t: math.log(1.0 + (n - d + 0.5) / (d + 0.5)) * (self.telling(surface[t]) if t in surface else 1.0)
            for t, d in df.items()
        }
        self.postings: dict[str, list[tuple[int, float]]] = {}
        self.doc_terms: list[dict[str, float]] = []
        for i, tf in enumerate(freqs):
            norm = BM25_K1 * (1.0 - BM25_B + BM25_B * lengths[i] / (average or 1.0))
            own: dict[str, float] = {}
            for term, f in tf.items():
                part = f * (BM25_K1 + 1.0) / (f + norm)
                own[term] = part
                self.postings.setdefault(term, []).append((i, part))
            self.doc_terms.append(own)
        # A term no text has gets the idf of a term in one document.
        self.max_idf = math.log(1.0 + (n - 0.5) / 1.5) if n else 1.0

    def telling(self, word: str) -> float:
        """How much a word says in Dutch at large (:func:`makelaar.domain.dutch.informativeness`), blended by
        ``Weights.general`` with "fully"."""
        general = self.weights.general
        return 1.0 - general * (1.0 - informativeness(word)) if general else 1.0

    def query(self, idea: IdeaProfile, *, extend: bool = True) -> _Query:
        """The idea's words as weighted BM25 query terms (title words count more). With ``extend`` the idea's own
        words help split its compounds (one idea at a time; the reverse view over many ideas does without)."""
        title = self.analyser.analyse(idea.title, extend=extend)
        body = self.analyser.analyse(f"{idea.title} {idea.description}", extend=extend)
        terms: dict[str, float] = {}
        modifier = self.weights.modifier
        for weight, analysed in ((1.0, body), (self.weights.title, title)):
            for t, first in zip(analysed.terms, analysed.modifier, strict=True):
                # A compound's first part counts less (Weights.modifier); the strongest occurrence decides.
                qw = weight * (modifier if first else 1.0)
                if qw > terms.get(t, 0.0):
                    terms[t] = qw
        # The ideal counts the idea's own words only: a related word adds evidence, it does not raise the bar.
        ideal = sum(w * self.idf.get(t, self.max_idf * self.telling(body.shown.get(t, t))) for t, w in terms.items())
        shown = dict(body.shown)
        extra: dict[str, float] = {}
        if self.weights.related > 0:
            for t, qw in terms.items():
                for r, form in related_terms(t).items():
                    if r not in terms and r in self.idf and qw * self.weights.related > extra.get(r, 0.0):
                        extra[r] = qw * self.weights.related
                        shown[r] = f"{form} (bij {body.shown.get(t, t)})"
        terms.update(extra)
        part_of = {t: title.part_of.get(t, set()) | body.part_of.get(t, set()) for t in (*title.part_of, *body.part_of)}
        part_of = {t: w for t, w in part_of.items() if t not in body.shown or t in body.part_of}
        return _Query(
            idea=idea, terms=terms, shown=shown, ideal=ideal or 1.0, related=frozenset(extra), part_of=part_of
        )

    def speaks_of(self, i: int, term_id: str) -> bool:
        """Whether organisation ``i`` names a type of help in its own words ("Vrijwilligerspunt", "ruimtes")."""
        terms = self._term_words.get(term_id)
        if terms is None:
            terms = self.analyser.term_set(self.name(term_id))
            self._term_words[term_id] = terms
        own = self.doc_terms[i]
        return any(t in own for t in terms)

    def cached_query(self, idea: IdeaProfile) -> _Query:
        """``query(idea, extend=False)``, remembered per idea while its title and description stay the same (the
        reverse view goes through thousands of ideas per call)."""
        found = self._queries.get(idea.id)
        if found is None or found[0] != (idea.title, idea.description):
            q = self.query(idea, extend=False)
            found = ((idea.title, idea.description), q)
            if len(self._queries) < 200_000:
                self._queries[idea.id] = found
        q = found[1]
        return q if q.idea is idea else replace(q, idea=idea)

    def features(self, idea: IdeaProfile, terms: Iterable[str] | None = None) -> IdeaFeatures:
        """An idea's features for similarity; remembered for earlier ideas (they come back for every query)."""
        if terms is not None:
            return IdeaFeatures(_structured(idea), frozenset(terms))
        found = self._features.get(idea.id)
        if found is None:
            found = IdeaFeatures(_structured(idea), self.analyser.term_set(f"{idea.title} {idea.description}"))
            self._features[idea.id] = found
        return found

    def name(self, ident: str) -> str:
        return self.names.get(ident, ident)

    def idea_text(self, idea: IdeaProfile) -> fund_criteria.IdeaText:
        """What an idea's words show for a fund's criteria, remembered while its title and description stay."""
        key = (idea.title, idea.description)
        found = self._idea_texts.get(idea.id)
        if found is None or found[0] != key:
            facts = fund_criteria.IdeaText.of(idea.title, idea.description, (self.name(t) for t in idea.themes))
            found = (key, facts)
            if len(self._idea_texts) < 200_000:
                self._idea_texts[idea.id] = found
        return found[1]

    def is_support(self, term_id: str) -> bool:
        """Whether a type of help is one nearly every idea can use (:data:`SUPPORT_HELP`)."""
        found = self._support.get(term_id)
        if found is None:
            found = self._support[term_id] = fold(self.name(term_id)).strip() in SUPPORT_HELP
        return found

    def is_money(self, term_id: str) -> bool:
        """Whether a type of help is money (see Weights.cofunding)."""
        found = self._money.get(term_id)
        if found is None:
            found = self._money[term_id] = fold(self.name(term_id)).strip() == MONEY
        return found

    def broad_prior(self, i: int, needs: Iterable[str]) -> float:
        """The fixed amount for a general support organisation offering help the idea needs (see Weights.broad)."""
        if not self.broad[i]:
            return 0.0
        offers = self.orgs[i].offers
        if any(n in offers and self.is_support(n) for n in needs):
            return self.weights.broad / self.weights.total
        return 0.0


class _Vectors:
    """The registry as vectors, for the first, optimistic pass of :func:`rank` over every organisation at once.

    An organisation's optimistic score adds, in this order, a share for each of the idea's needs it offers and each
    of its themes it works on, its words' BM25 weight, the fixed amount for general support and the area bonus; the
    organisations touched by none of the needs, themes or words are no candidates. Done per organisation in Python
    that is ~20,000 additions per idea on a large registry; as vector operations it is a few hundred microseconds.
    """

    def __init__(self, index: MatchIndex) -> None:
        import numpy as np  # here, not at the top: only a process that ranks pays for loading it

        self.index = index
        n = len(index.orgs)
        self.size = n
        self.offer = {t: np.asarray(ids, dtype=np.intp) for t, ids in index.by_offer.items()}
        self.theme = {t: np.asarray(ids, dtype=np.intp) for t, ids in index.by_theme.items()}
        self.wijk = {t: np.asarray(sorted(ids), dtype=np.intp) for t, ids in index.by_wijk.items()}
        self.area = {t: np.asarray(sorted(ids), dtype=np.intp) for t, ids in index.by_area.items()}
        self.wide = np.zeros(n, dtype=bool)
        self.wide[list(index.wide)] = True
        broad = np.asarray(index.broad, dtype=bool)
        # Per type of support help: the general support organisations that offer it (Weights.broad).
        self.broad_offer = {t: ids[broad[ids]] for t, ids in self.offer.items() if index.is_support(t) and len(ids)}
        self._terms: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.common = max(50, n // 10)

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        import numpy as np

        found = self._terms.get(term)
        if found is None:
            postings = self.index.postings.get(term)
            if not postings or len(postings) > self.common:
                return None
            ids, parts = zip(*postings, strict=True)
            found = (np.asarray(ids, dtype=np.intp), np.asarray(parts, dtype=np.float64))
            self._terms[term] = found
        return found

    def shortlist(
        self, idea: IdeaProfile, q: _Query, needs: Sequence[str], excluded: Collection[int], size: int
    ) -> list[int]:
        """The organisations with the ``size`` best optimistic scores (all that tie with the last), by position."""
        import numpy as np

        w = self.index.weights
        total = w.total
        acc = np.zeros(self.size, dtype=np.float64)
        touched = np.zeros(self.size, dtype=bool)
        need_value = w.need / total / (len(needs) or 1)
        for t in needs:
            ids = self.offer.get(t)
            if ids is not None:
                acc[ids] += need_value
                touched[ids] = True
        theme_value = w.theme / total / (len(idea.themes) or 1)
        for t in idea.themes:
            ids = self.theme.get(t)
            if ids is not None:
                acc[ids] += theme_value
                touched[ids] = True
        text_scale = w.text / total / (q.ideal * w.text_saturation)
        for term, qw in q.terms.items():
            found = self.postings(term)
            if found is not None:
                ids, parts = found
                acc[ids] += parts * (qw * self.index.idf[term] * text_scale)
                touched[ids] = True
        if excluded:
            touched[list(excluded)] = False
        if not touched.any():
            return []
        if w.broad:
            support = [self.broad_offer[t] for t in needs if t in self.broad_offer]
            if support:
                broad = np.zeros(self.size, dtype=bool)
                for ids in support:
                    broad[ids] = True
                acc[broad & touched] += w.broad / total
        area_value = w.area / total
        if idea.municipality_wide:
            acc[self.wide & touched] += area_value
        else:
            local = np.zeros(self.size, dtype=bool)
            for ids in (self.wijk.get(idea.wijk_id or ""), self.area.get(idea.area_id or "")):
                if ids is not None:
                    local[ids] = True
            acc[local & touched] += area_value
            acc[self.wide & ~local & touched] += area_value * w.wide_area
        candidates = np.flatnonzero(touched)
        if len(candidates) > size:
            values = acc[candidates]
            # The size-th best optimistic score as a threshold; everything that ties with it goes on too.
            threshold = np.partition(values, len(values) - size)[len(values) - size]
            candidates = candidates[values >= threshold]
        return [int(i) for i in candidates]


# --- scoring one pair ----------------------------------------------------------------------------------------------

GOOD = "goed"
POSSIBLE = "mogelijk"
# A suggestion whose own strength reaches this (and that fits) is "goed": on both judged sets of bench/matching_eval.py
# 85-88 % of those are partners a broker judged worth a call, against 36-58 % of the rest.
GOOD_SCORE = 0.45


def label(strength: float, fits: bool = True) -> str:
    """A suggestion's strength as a word a broker reads at a glance: "goed" for a partner that meets the idea's needs
    on its subject (see :data:`GOOD_SCORE`), "mogelijk" for the rest and for any fund whose criteria do not fit."""
    return GOOD if fits and strength >= GOOD_SCORE else POSSIBLE


class PlaceFinder:
    """Finds the places a text says it is in: "in X", "midden in X", "in het centrum van X", "in X en Y"
    (``places``: folded name -> id); one compiled pattern for all the texts of a registry."""

    def __init__(self, places: Mapping[str, str]) -> None:
        # Matched against the text in lower case as written: folding every description costs more than the rest of
        # the search, and a place is written with its own accents.
        self.places = dict(places)
        names = "|".join(re.escape(n) for n in sorted(self.places, key=len, reverse=True))
        self.one = re.compile(rf"(?:{names})\b") if names else None
        self.pattern = (
            re.compile(
                rf"\b(?:in|te)\s+(?:(?:het|de)\s+(?:centrum|dorp|dorpskern|kern|wijk|buurt)\s+(?:van\s+)?)?"
                rf"((?:{names})\b(?:\s*(?:,|\ben\b)\s*(?:{names})\b)*)"
            )
            if names
            else None
        )

    def __call__(self, text: str) -> frozenset[str]:
        if self.pattern is None or self.one is None or not text:
            return frozenset()
        folded = text.casefold()
        if " in " not in folded and " te " not in folded:
            return frozenset()
        found: set[str] = set()
        for m in self.pattern.finditer(re.sub(r"\s+", " ", folded)):
            for name in self.one.findall(m.group(1)):
                found.add(self.places[name])
        return frozenset(found)


def place_words(places: Iterable[str]) -> frozenset[str]:
    """The words of the area names, folded: they say where an idea is, which the area signal counts, not what it is
    about ("Reparatiecafé in Noord" shares no subject with "Wijkagent Noord")."""
    return frozenset(f for name in places for f, _ in words(name))


_WHOLE = Reason(why.WHOLE_MUNICIPALITY)


def _area(index: MatchIndex, idea: IdeaProfile, i: int) -> tuple[float, Reason | None]:
    org = index.orgs[i]
    w = index.weights
    if idea.municipality_wide:
        return (1.0, _WHOLE) if org.municipality_wide else (0.0, None)
    if idea.area_id and idea.area_id in org.areas:
        return 1.0, Reason(why.SAME_AREA, (index.name(idea.area_id),))
    if idea.wijk_id and idea.wijk_id in org.wijken:
        return 1.0, Reason(why.SAME_AREA, (index.name(idea.wijk_id),))
    if org.municipality_wide:
        return w.wide_area, _WHOLE
    return 0.0, None


def _bm25(index: MatchIndex, q: _Query, own: Mapping[str, float]) -> float:
    """BM25 of the idea's terms in one organisation's text. A compound's parts count only where the whole word is
    missing: "nieuwkomers" in both texts is one piece of evidence, not three ("nieuwkomer", "nieuw", "komer")."""
    total = 0.0
    idf = index.idf
    part_of = q.part_of
    for t, qw in q.terms.items():
        if t in own:
            wholes = part_of.get(t)
            if wholes and not wholes.isdisjoint(own):
                continue
            total += qw * idf[t] * own[t]
    return total


def _text_score(bm25: float, q: _Query, w: Weights) -> float:
    """BM25 as a share of what the idea's words could give, saturating at ``text_saturation``."""
    return min(1.0, bm25 / (q.ideal * w.text_saturation))


def _place(index: MatchIndex, offer: str) -> float:
    """How much being nearby counts for this type of help: its locality in the registry, blended by
    ``place_bound`` with "always fully"."""
    found = index.place.get(offer)
    if found is None:
        found = 1.0 - index.weights.place_bound * (1.0 - index.locality.get(offer, 0.5))
    return found


def _shared_words(index: MatchIndex, q: _Query, i: int) -> list[str]:
    """The idea's words the organisation also uses, the most telling first (ties in the idea's order)."""
    own = index.doc_terms[i]
    hits = [(-q.terms[t] * index.idf.get(t, 0.0) * own[t], n, t) for n, t in enumerate(q.terms) if t in own]
    hits.sort()
    found = list(dict.fromkeys(q.shown.get(t, t) for _, _, t in hits))
    # A compound part says nothing new next to the whole word ("moestuin", not also "tuin").
    return [w for w in found if not any(w != other and w in other for other in found)][:SHOWN_WORDS]


def _fund_problems(index: MatchIndex, i: int, idea: IdeaProfile, today: date) -> list[Reason]:
    """Why a fund does not fit the idea; empty when it fits (or nothing can be checked). The fund's fields first,
    then what its description says (:mod:`makelaar.domain.criteria`), then where it gives money."""
    org = index.orgs[i]
    c = org.fund
    problems: list[Reason] = []
    amount_checked = min_checked = False
    if c.max_amount is not None and idea.requested_amount is not None:
        amount_checked = True
        if idea.requested_amount > c.max_amount:
            problems.append(Reason(why.FUND_AMOUNT, (format_euro(idea.requested_amount), format_euro(c.max_amount))))
    if c.min_initiators is not None and idea.team_size is not None:
        min_checked = True
        if idea.team_size < c.min_initiators:
            problems.append(Reason(why.FUND_MIN_PEOPLE, (str(c.min_initiators), str(idea.team_size))))
    if c.deadline is not None and today > c.deadline:
        problems.append(Reason(why.FUND_DEADLINE, (format_date(c.deadline),)))
    if c.excludes:
        idea_terms = content_terms(f"{idea.title} {idea.description}")
        for phrase in _phrases(c.excludes):
            if fund_criteria.read(phrase):
                continue  # a criterion in words ("geen bijdrage aan eten en drinken"): checked below as such
            wanted = content_terms(phrase)
            if wanted and wanted <= idea_terms:
                problems.append(Reason(why.FUND_EXCLUDES, (phrase,)))
    read = index.criteria[i]
    if read:
        facts = index.idea_text(idea)
        # The idea's subject as stems (compounds split: "slotconcert" is about a concert) and their related words.
        terms = index.analyser.term_set(f"{idea.title} {idea.description}")
        related = [*terms, *(r for t in terms for r in related_terms(t).values())]
        for crit in fund_criteria.misfits(
            read, facts, team_size=idea.team_size, requested=idea.requested_amount, related=related
        ):
            if crit.kind == fund_criteria.MAX_AMOUNT and not amount_checked and isinstance(crit.value, Decimal):
                problems.append(
                    Reason(why.FUND_AMOUNT, (format_euro(idea.requested_amount or Decimal(0)), format_euro(crit.value)))
                )
            elif crit.kind == fund_criteria.MIN_PEOPLE and not min_checked:
                problems.append(Reason(why.FUND_MIN_PEOPLE, (str(crit.value), str(idea.team_size))))
            elif crit.kind in _CRITERION_REASONS:
                problems.append(_criterion_reason(crit))
    # A fund that gives money in some areas only does not give it elsewhere (money travels, a budget does not).
    if not org.municipality_wide and org.wijken and not idea.municipality_wide:
        where = idea.wijk_id or idea.area_id
        if where and where not in org.wijken and where not in org.areas:
            shown = sorted((index.name(a) for a in org.wijken), key=str.casefold)
            problems.append(Reason(why.FUND_AREA, tuple(shown)))
    return problems


_CRITERION_REASONS = {
    fund_criteria.LEGAL_FORM: why.FUND_LEGAL_FORM,
    fund_criteria.NO_FOOD: why.FUND_NO_FOOD,
    fund_criteria.NO_SCHOOL_TIME: why.FUND_SCHOOL_TIME,
    fund_criteria.NO_EVENTS: why.FUND_NO_EVENTS,
    fund_criteria.NO_HOMES: why.FUND_NO_HOMES,
    fund_criteria.YOUTH: why.FUND_YOUTH,
    fund_criteria.SUBJECTS: why.FUND_SUBJECTS,
    fund_criteria.GROUP: why.FUND_GROUP,
}


def _criterion_reason(crit: fund_criteria.Criterion) -> Reason:
    kind = _CRITERION_REASONS[crit.kind]
    if isinstance(crit.value, tuple):
        return Reason(kind, crit.value)
    if crit.value is None:
        return Reason(kind)
    return Reason(kind, (str(crit.value),))


def _phrases(text: str) -> list[str]:
    out: list[str] = []
    for line in text.replace(";", ",").replace("\n", ",").split(","):
        phrase = " ".join(line.split())
        if phrase:
            out.append(phrase)
    return out


def is_fund(org: OrganisationProfile, names: Mapping[str, str] | None = None) -> bool:
    """An organisation of kind fonds, or one that offers money and has fund criteria."""
    if fold(org.kind) == FUND_KIND:
        return True
    if not org.fund.given:
        return False
    offer_names = {fold((names or {}).get(t, t)) for t in org.offers}
    return MONEY in offer_names


def _structured(idea: IdeaProfile) -> frozenset[str]:
    return frozenset(f"n:{n}" for n in idea.needs) | frozenset(f"t:{t}" for t in idea.themes)


@dataclass(frozen=True)
class IdeaFeatures:
    """What makes two ideas alike: needs and themes (as one set), and their words."""

    structured: frozenset[str]
    terms: frozenset[str]


def similarity(a: IdeaFeatures, b: IdeaFeatures) -> float:
    """How alike two ideas are (0–1): the Jaccard index of their needs and themes, and of their words, each half.
    (Written out with set sizes: it runs for every earlier koppeling of every candidate.)"""
    shared = len(a.structured & b.structured)
    union = len(a.structured) + len(b.structured) - shared
    sim = 0.5 * shared / union if union else 0.0
    shared = len(a.terms & b.terms)
    union = len(a.terms) + len(b.terms) - shared
    return sim + (0.5 * shared / union if union else 0.0)


def _outside(org: OrganisationProfile, idea: IdeaProfile) -> bool:
    """Whether an idea is placed outside the areas of an organisation that works in particular areas only."""
    if org.municipality_wide or not (org.areas or org.wijken):
        return False
    if idea.municipality_wide:
        return True
    if not (idea.area_id or idea.wijk_id):
        return False
    return idea.area_id not in org.areas and idea.wijk_id not in org.wijken


def _inside(org: OrganisationProfile, idea: IdeaProfile) -> bool:
    """Whether an idea is placed inside the areas of an organisation that works in particular areas only."""
    if org.municipality_wide or idea.municipality_wide:
        return False
    return idea.area_id in org.areas or idea.wijk_id in org.wijken


def _history(
    index: MatchIndex, idea: IdeaProfile, features: IdeaFeatures, i: int, seen: dict[str, float] | None = None
) -> tuple[float, list[Reason]]:
    """The shift from earlier koppelingen of this organisation for similar ideas, with its reasons. ``seen``
    remembers the similarity per earlier idea over one ranking (an earlier idea often has several koppelingen)."""
    rows = index.past_rows(i)
    if not rows:
        return 0.0, []
    if seen is None:
        seen = {}
    idea_id = idea.id
    org = index.orgs[i]
    best_yes: tuple[float, str] = (0.0, "")
    best_no: tuple[float, str] = (0.0, "")
    outside = _outside(org, idea)
    for past_id, accepted, past, m in rows:
        if past_id == idea_id:
            continue
        sim = seen.get(past_id, -1.0)
        if sim < 0.0:
            sim = seen[past_id] = similarity(features, past)
        if sim < HISTORY_MIN_SIMILARITY:
            continue
        if accepted and sim > best_yes[0]:
            if outside and _inside(org, m.idea):
                # A local organisation that helped an idea in its own area has not shown it helps elsewhere.
                continue
            best_yes = (sim, m.idea.title)
        elif not accepted and sim > best_no[0]:
            best_no = (sim, m.idea.title)
    reasons = []
    if best_yes[0]:
        reasons.append(Reason(why.HELPED_BEFORE, (best_yes[1],)))
    if best_no[0]:
        reasons.append(Reason(why.DECLINED_BEFORE, (best_no[1],)))
    return index.weights.history * (best_yes[0] - best_no[0]), reasons


# --- ranking -------------------------------------------------------------------------------------------------------


def _score(
    index: MatchIndex, q: _Query, i: int, today: date, features: IdeaFeatures, seen: dict[str, float] | None = None
) -> _Candidate:
    """Every signal for one organisation and one idea (``seen``: see :func:`_history`)."""
    w = index.weights
    idea = q.idea
    org = index.orgs[i]
    own = index.doc_terms[i]
    total = w.total
    needs = frozenset(idea.needs)
    bm25 = _bm25(index, q, own)
    area, area_reason = _area(index, idea, i)
    text = _text_score(bm25, q, w)
    need_hits = org.offers & needs
    theme_hits = org.themes & idea.themes
    theme = len(theme_hits) / (len(idea.themes) or 1)
    # What an organisation offers counts fully when it is related to the idea (see Weights.unrelated).
    subject = max(theme, text)
    # Help bound to a place is where the organisation's building is, when its description says so.
    located = index.located[i]
    place_area = (1.0 if (idea.area_id in located or idea.wijk_id in located) else 0.0) if located else area
    near = place_area if place_area >= 1.0 else place_area * w.place_bound  # town-wide: see Weights.place_bound
    per_need = w.need / total / (len(needs) or 1) * index.specific[i]
    need_value: dict[str, float] = {}
    money_note: Reason | None = None
    broad = index.broad[i]
    far_needs: list[str] = []
    # Distance only counts where both places are known: an idea in a wijk, an organisation with its areas filled in.
    placed = bool(idea.wijk_id or idea.area_id) and not idea.municipality_wide
    placed = placed and (org.municipality_wide or bool(org.areas or org.wijken))
    for n in need_hits:
        related = max(subject, _place(index, n) * near)
        if related < w.specialist and index.speaks_of(i, n):
            related = w.specialist
        if broad and index.is_support(n):
            related = max(related, w.broad_related)
        value = per_need * (w.unrelated + (1.0 - w.unrelated) * min(1.0, related))
        # Help bound to a place is worth less from further away, unless the words show it is the place for this very
        # subject (the school garden at the allotment park across town). See Weights.place_bound.
        far = w.place_bound * index.bound.get(n, 0.5) * (1.0 - place_area) * (1.0 - text) if placed else 0.0
        need_value[n] = value * (1.0 - far)
        if place_area == 0.0 and far >= FAR_REASON:
            far_needs.append(n)
    if index.money_for[i]:
        money = next((n for n in need_hits if index.is_money(n)), None)
        if money is not None:
            facts = index.idea_text(idea)
            group = fund_criteria.Criterion(fund_criteria.GROUP, index.money_for[i])
            if fund_criteria.misfits([group], facts):
                # Not help for this idea at all: neither worth anything nor covering the need for the rest.
                del need_value[money]
                need_hits = need_hits - {money}
                money_note = Reason(why.MONEY_GROUP, index.money_for[i])
    # "Same wijk" counts as far as what the organisation provides is bound to a place.
    place_weight = sum(_place(index, n) for n in need_hits) / len(need_hits) if need_hits else index.offer_place[i]
    c = _Candidate(
        index=i,
        need_hits=frozenset(need_hits),
        need_value=need_value,
        theme_hits=theme_hits,
        area=area,
        area_reason=area_reason,
        text=text,
        base=sum(need_value.values())
        + (w.text * text + w.theme * theme + w.area * area * place_weight) / total
        + index.broad_prior(i, needs),
    )
    if far_needs:
        shown = sorted((index.name(n) for n in far_needs), key=str.casefold)
        c.reasons_after.append(Reason(why.FAR, tuple(shown)))
    if money_note is not None:
        c.reasons_after.append(money_note)
    if index.funds[i] and not any(index.is_money(n) for n in needs):
        # A fund gives money: for an idea that asks for none, its shared themes and words are no reason to call.
        c.base *= w.fund_misfit
        c.reasons_after.append(Reason(why.FUND_NO_MONEY))
    elif index.funds[i]:
        problems = _fund_problems(index, i, idea, today)
        if problems:
            c.fits = False
            c.base *= w.fund_misfit
            c.reasons_after.extend(problems)
        elif org.fund.given or index.criteria[i]:
            c.reasons_after.append(Reason(why.FUND_FITS))
    shift, history_reasons = _history(index, idea, features, i, seen)
    c.base = min(1.0, max(0.0, c.base + shift))
    c.reasons_after.extend(history_reasons)
    return c


def rank(
    index: MatchIndex,
    idea: IdeaProfile,
    *,
    top: int = 5,
    today: date | None = None,
    linked: Sequence[PastMatch] | None = None,
) -> list[Suggestion]:
    """The ``top`` organisations for ``idea``, best first, each with its score (0–1) and reasons.

    ``linked`` are the idea's own koppelingen (default: those in the index's history). Their organisations are left
    out (the broker has them already), and the needs they cover (unless afgewezen) count as covered for the rest.
    A closed idea gets none.
    """
    if idea.status in CLOSED:
        return []
    w = index.weights
    today = today or date.today()
    q = index.query(idea)
    needs = list(dict.fromkeys(idea.needs))
    own = list(index.history_by_idea.get(idea.id, ())) if linked is None else list(linked)
    excluded = {index.position[m.organisation_id] for m in own if m.organisation_id in index.position}

    # 1. An optimistic score for every organisation at once (vectors over the registry, see _Vectors) from the
    #    idea's needs, themes and words: every offer counted as related, every wijk match as fully local. Words in
    #    more than a tenth of the organisations (low idf, the longest postings) are left out here; step 2 counts
    #    them. The best SHORTLIST go on to the exact score.
    shortlist = index.vectors.shortlist(idea, q, needs, excluded, max(SHORTLIST, top * 4))
    if not shortlist:
        return []

    # 2. The exact score for the shortlist: all words, relatedness, funds, earlier koppelingen.
    features = index.features(idea, q.own_terms)
    seen: dict[str, float] = {}
    pool = [_score(index, q, i, today, features, seen) for i in shortlist]

    # 3. Greedy coverage: a need a higher suggestion (or an existing koppeling) covers is worth less (money less so,
    #    see Weights.cofunding). A score only falls as needs get covered, so the scores come out in descending order.
    covered = {m.need_id for m in own if m.need_id and m.status not in DECLINED}
    discount = {n: w.coverage * (1.0 - w.cofunding if index.is_money(n) else 1.0) for n in needs}
    picked: list[tuple[float, _Candidate]] = []
    # Each candidate's score as the list stands, recounted only for the candidates a newly covered need concerns.
    bonus = [w.new_need * (w.broad_first if index.broad[c.index] else 1.0) for c in pool]

    def current(c: _Candidate, bonus: float) -> float:
        fresh = sum(v for n, v in c.need_value.items() if n not in covered)
        done = sum(discount[n] * v for n, v in c.need_value.items() if n in covered)
        return c.base + bonus * fresh - done

    scores = [current(c, b) for c, b in zip(pool, bonus, strict=True)]
    while pool and len(picked) < top:
        best_at, best_score = 0, -1.0
        for k, score in enumerate(scores):
            if score > best_score + 1e-12:
                best_at, best_score = k, score
        chosen = pool.pop(best_at)
        del scores[best_at], bonus[best_at]
        picked.append((best_score, chosen))
        newly = chosen.need_hits - covered
        covered |= chosen.need_hits
        if newly:
            for k, c in enumerate(pool):
                if not newly.isdisjoint(c.need_value):
                    scores[k] = current(c, bonus[k])
    return [_suggestion(index, q, c, score * _scale(w), needs) for score, c in picked]


def _alone(c: _Candidate, w: Weights) -> float:
    """A candidate's score as the first suggestion would have it: every need it meets still open."""
    return (c.base + w.new_need * sum(c.need_value.values())) * _scale(w)


def _scale(w: Weights) -> float:
    """Brings a score with the bonus for needs not yet covered back to at most 1."""
    return 1.0 / (1.0 + w.new_need * w.need / w.total)


def _suggestion(index: MatchIndex, q: _Query, c: _Candidate, score: float, needs: Sequence[str]) -> Suggestion:
    idea = q.idea
    org = index.orgs[c.index]
    reasons: list[Reason] = []
    covered = [n for n in needs if n in c.need_hits]
    if covered:
        reasons.append(Reason(why.OFFERS, tuple(index.name(n) for n in covered)))
    if c.theme_hits:
        ordered = sorted(c.theme_hits, key=lambda t: index.name(t).casefold())
        reasons.append(Reason(why.THEMES, tuple(index.name(t) for t in ordered)))
    if c.area_reason is not None:
        reasons.append(c.area_reason)
    shared = _shared_words(index, q, c.index) if c.text > 0 else []
    if shared:
        reasons.append(Reason(why.WORDS, tuple(shared)))
    reasons.extend(c.reasons_after)
    return Suggestion(
        organisation_id=org.id,
        name=org.name,
        score=round(min(1.0, max(0.0, score)), 2),
        explanation=reasons,
        covered_needs=[index.name(n) for n in covered],
        idea_id=idea.id,
        idea_title=idea.title,
        fits=c.fits,
        strength=round(min(1.0, max(0.0, _alone(c, index.weights))), 2),
    )


def rank_ideas(
    index: MatchIndex,
    organisation_id: str,
    ideas: Iterable[IdeaProfile],
    *,
    top: int = 10,
    today: date | None = None,
    linked: Collection[str] = (),
    should_stop: Callable[[], bool] | None = None,
) -> list[Suggestion]:
    """The reverse view: the ``top`` ideas this organisation could help with, best first.

    The same pair score as :func:`rank` (needs, themes, area, words, fund fit, earlier koppelingen), without the
    coverage step, which is about one idea's set of partners. Only ideas sharing a need, theme or word count;
    ideas in ``linked`` (already linked to the organisation) are left out. An inactive organisation gets nothing.
    """
    i = index.position.get(organisation_id)
    if i is None:
        return []
    w = index.weights
    today = today or date.today()
    org = index.orgs[i]
    own_terms = index.doc_terms[i]
    # 1. An optimistic score per idea from cached words (as in rank, step 1), 2. the exact one for the best.
    cheap: list[tuple[float, int, IdeaProfile, _Query]] = []
    for k, idea in enumerate(ideas):
        if should_stop is not None and should_stop():
            break
        if idea.id in linked:
            continue
        q = index.cached_query(idea)
        need = len(org.offers.intersection(idea.needs)) / (len(idea.needs) or 1)
        theme = len(org.themes & idea.themes) / (len(idea.themes) or 1)
        bm25 = _bm25(index, q, own_terms)
        if not (need or theme or bm25):
            continue
        area, _ = _area(index, idea, i)
        optimistic = (w.need * need + w.theme * theme + w.area * area + w.text * _text_score(bm25, q, w)) / w.total
        optimistic += index.broad_prior(i, idea.needs)
        cheap.append((optimistic, k, idea, q))
    shortlist = heapq.nlargest(max(SHORTLIST, top * 4), cheap, key=lambda x: (x[0], -x[1]))
    scored: list[tuple[float, str, Suggestion]] = []
    for _, _, idea, q in shortlist:
        c = _score(index, q, i, today, index.features(idea, q.own_terms))
        # Scored as the idea's first suggestion would be (no need covered yet), so both views agree.
        score = _alone(c, w)
        scored.append((score, idea.id, _suggestion(index, q, c, score, list(dict.fromkeys(idea.needs)))))
    best = heapq.nlargest(top, scored, key=lambda x: (x[0], x[1]))
    return [s for _, _, s in best]
