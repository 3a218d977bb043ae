"""Dutch text for matching: folding, stop words, Snowball stemming and compound splitting.

A text becomes a list of *terms* (stems). Three steps make two texts that mean the same thing share terms:

1. **Folding**: lower case, diacritics removed ("Café", "cafe" and "CAFÉ" are one word), split on everything that
   is not a letter or digit (so "jeu-de-boulesbaan" gives "jeu", "de", "boulesbaan").
2. **Stop words** (Snowball's Dutch list plus a few auxiliaries) are dropped, then each word is stemmed with the
   Snowball Dutch stemmer ("moestuinen" -> "moestuin", "koren" -> "koor").
3. **Compounds.** Dutch writes compounds as one word ("buurtmoestuin", "reparatiebijeenkomst"), so a text about a
   *moestuin* must match one about a *buurtmoestuin*. A long word is split where one side is a word the matcher
   knows (the *lexicon*: every word of the organisations' texts plus the words of the text at hand), allowing the
   linking letters -s-, -e- and -en- ("verkeer-s-veilig"). Each side of such a split becomes an extra term:

   - both sides known ("buurt" + "moestuin"): an ordinary decomposition;
   - only one side known: the other side is still added, because it may be a word that only the *other* text uses
     on its own. An organisation that runs a "buurtmoestuin" in a registry where nobody writes "moestuin" alone still
     gets the term *moestuin* (from the known "buurt"), so an idea about a "moestuin" finds it. An unknown side that
     is not a real word ("verg" from "vergeten") costs a little memory and matches nothing.

   Parts are at least four letters, and stop words are never parts, so short chance strings ("ver", "en") never
   split a word. Why a lexicon and not character n-grams: n-grams of "ouderen" also match "ouderkamer" and
   "kouder", and they give the broker no word to show as the reason; a lexicon split names the shared word
   ("noemt: moestuin") and only splits at places where a real word starts or ends.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

import snowballstemmer


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Snowball's Dutch stop-word list, plus auxiliaries and fillers that carry no topic ("willen", "graag").
STOP_WORDS = word_set(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge
    geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen maar
    me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch
    toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo
    zonder zou willen wilt wij we jullie onze ze hen graag gaan gaat komen komt kunt mogen moeten zullen zouden
    laten elkaar iedereen samen keer per via etc enz zoals wel heel erg echt alle elke ieder waar waarin waarmee af
    toe net weer even
    """
)

# Linking letters between the parts of a compound (verkeer-s-veilig, zonn-e-dak, bij-en-kast).
_LINKS = ("en", "s", "e")
# Inflections of a known word that make a part known too (plural, diminutive).
_ENDINGS = ("en", "s", "e", "jes", "tjes")
# Endings that make a derivation, not a compound: "huur-ders", "veilig-heid", "gemeente-lijk", "tuin-tjes".
NOT_PARTS = word_set(
    """
    tjes etjes pjes kjes heid heden ingen lijk lijke lijken achtig achtige baar bare schap ster sters ders aars ende
    enden isch ische eren elen loos loze
    """
)
_NO_PARTS = STOP_WORDS | NOT_PARTS
MIN_PART = 4  # shorter strings are too often chance substrings ("ver", "aan", "dak" in "dakloos")
MIN_COMPOUND = 2 * MIN_PART  # a word needs room for two parts before it is worth splitting
GENERIC_HEAD_FAMILY = 3  # a head shared by this many different compounds names a format, not a subject

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

_stemmer = snowballstemmer.stemmer("dutch")
_stem_cache: dict[str, str] = {}
# Dutch writes a long vowel double in a closed syllable and single in an open one (dak/daken, koor/koren), and
# the stemmer does not always agree with itself ("zonnedak" -> zonnedak, "zonnedaken" -> zonnedaak): stems are
# compared with doubled vowels made single.
_DOUBLE_VOWEL = re.compile(r"([aeou])\1")


def fold(text: str) -> str:
    """Lower case without diacritics: 'Coöperatie Café' -> 'cooperatie cafe'."""
    lowered = text.casefold()
    if lowered.isascii():  # nothing to decompose (most words, many whole texts)
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[tuple[str, str]]:
    """The words of a text as (folded, shown) pairs: ('cafe', 'café'). Single letters are left out."""
    out: list[tuple[str, str]] = []
    for shown in _WORD.findall(text.casefold()):
        folded = shown if shown.isascii() else fold(shown)
        if len(folded) > 1:
            out.append((folded, shown))
    return out


# Words the stemmer would merge with a word of another meaning: "ouderen" (the elderly) and "ouders" (parents) both
# become "ouder", so an idea of parents would find the senior citizens' council. These keep a stem of their own.
STEM_EXCEPTIONS = {"ouderen": "ouderen", "oudere": "ouderen"}


def stem(word: str) -> str:
    """The Snowball Dutch stem of a folded word (cached: texts repeat their words)."""
    found = _stem_cache.get(word)
    if found is None:
        found = STEM_EXCEPTIONS.get(word) or _DOUBLE_VOWEL.sub(r"\1", _stemmer.stemWord(word))
        if len(_stem_cache) < 500_000:
            _stem_cache[word] = found
    return found


class Lexicon:
    """The words a matcher knows, to decide where a compound may be split (folded surface words)."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        self.words: set[str] = set()
        self.stems: set[str] = set()
        self.add(words)

    def add(self, folded_words: Iterable[str]) -> None:
        for w in folded_words:
            if len(w) >= MIN_PART and w not in STOP_WORDS and not w.isdigit() and w not in self.words:
                self.words.add(w)
                self.stems.add(stem(w))

    def _has(self, form: str) -> bool:
        return form in self.words

    def has(self, word: str) -> bool:
        """Whether exactly this word is known."""
        return self._has(word)

    def _has_stem(self, term: str) -> bool:
        return term in self.stems

    def knows(self, part: str) -> bool:
        """Whether ``part`` is a known word or an inflection of one: 'moestuinen' when 'moestuin' is known, and
        'moestuin' when only 'moestuinen' is. A bare stem that is no word ('buur' from 'buren') does not count."""
        if len(part) < MIN_PART or part in STOP_WORDS:
            return False
        if self._has(part) or self._has(stem(part)):
            return True
        if any(self._has(part + ending) for ending in _ENDINGS):
            return True
        # A known word in another form ("beweeg" in "beweegteam" when "bewegen" is known). Not for short parts:
        # a bare stem like "buur" (from "buren") is no word.
        return len(part) > MIN_PART and self._has_stem(stem(part))


class _Extended(Lexicon):
    """A lexicon plus a few more words (the text at hand), without copying the big one."""

    def __init__(self, base: Lexicon, extra: Iterable[str]) -> None:
        super().__init__(extra)
        self.base = base

    def _has(self, form: str) -> bool:
        return form in self.words or form in self.base.words

    def _has_stem(self, term: str) -> bool:
        return term in self.stems or term in self.base.stems


def _known_modifier(left: str, lexicon: Lexicon) -> str | None:
    """The known word in the left part of a compound, with or without a linking -s-, -e- or -en-."""
    bare = [left[: -len(link)] for link in _LINKS if left.endswith(link) and len(left) - len(link) >= MIN_PART]
    for form in bare:
        if lexicon.has(form):  # "verkeer" for "verkeers" when "verkeer" itself is a known word
            return form
    if lexicon.knows(left):
        return left
    return next((form for form in bare if lexicon.knows(form)), None)


def compound_parts(word: str, lexicon: Lexicon, *, depth: int = 2, strict: bool = False) -> list[str]:
    """The parts of a folded compound word (without the word itself), as described in the module docstring.

    Two splits at most, as a reader would make them: after the longest known word at the start, and before the
    longest known word at the end ("vrijwilligers|punt", not "vrijwillige|rspunt"). The parts found are split
    again, but then only into two known words (``strict``), so a part never falls apart into fragments.

    >>> compound_parts("buurtmoestuin", Lexicon(["buurt", "moestuin"]))
    ['buurt', 'moestuin']
    """
    if len(word) < MIN_COMPOUND or depth <= 0:
        return []
    found: list[str] = []

    def add(part: str) -> None:
        if len(part) >= MIN_PART and part not in _NO_PARTS and part != word and part not in found:
            found.append(part)

    last = len(word) - MIN_PART
    # The longest known word at the end (Dutch compounds are right-headed: the end says what it is).
    for i in range(MIN_PART, last + 1):
        head = word[i:]
        if head in NOT_PARTS or not lexicon.knows(head):
            continue
        modifier = _known_modifier(word[:i], lexicon)
        if modifier is None and strict:
            break
        add(modifier or word[:i])
        add(head)
        break
    # The longest known word at the start.
    for i in range(last, MIN_PART - 1, -1):
        modifier = _known_modifier(word[:i], lexicon)
        if modifier is None:
            continue
        if any(lexicon.knows(word[:j]) for j in range(i + 1, min(len(word), i + 3) + 1)):
            break  # a longer known word leaves too little for a second part ("klussen|dag", not "kluss|endag")
        if word[i:] in NOT_PARTS:
            # A derivation of a known word ("geveltuin-tjes"): split the word it is made from instead.
            for sub in compound_parts(modifier, lexicon, depth=depth - 1, strict=True):
                add(sub)
            break
        if strict and not lexicon.knows(word[i:]):
            break
        add(modifier)
        add(word[i:])
        break
    for part in list(found):
        for sub in compound_parts(part, lexicon, depth=depth - 1, strict=True):
            add(sub)
    return found


_HEAD_ENDINGS = tuple(sorted(NOT_PARTS | frozenset(_ENDINGS), key=len, reverse=True))


def is_head(word: str, part: str) -> bool:
    """Whether ``part`` is the head of the folded compound ``word``: its last part, also before an inflection or a
    derivational ending ("tuintjes" in "geveltuintjes", "tuin" in "geveltuintjes" via "geveltuin-tjes"). Dutch
    compounds are right-headed: a "schoolmoestuin" is a moestuin, a "muziekschool" a school; the other parts only
    modify the head."""
    if word.endswith(part):
        return True
    return any(word.endswith(ending) and word[: -len(ending)].endswith(part) for ending in _HEAD_ENDINGS)


@dataclass(frozen=True)
class Analysed:
    """A text as terms: ``terms`` in order (with repeats, for term frequency); ``shown`` a readable word per term;
    ``modifier`` parallel to ``terms``: True for a term that is only the first part of a compound ("school" in
    "schoolmoestuin"), which says less about the subject than the word or its head ("moestuin")."""

    terms: list[str]
    shown: dict[str, str]
    modifier: list[bool] = field(default_factory=list)
    # For a term found only as a compound part: the terms of the whole words it is a part of ("moestuin" ->
    # {"buurtmoestuin"}). A text that has the whole word gets no extra credit for its parts.
    part_of: dict[str, set[str]] = field(default_factory=dict)


class Analyser:
    """Turns texts into terms with one lexicon; remembers the terms of each word it has seen."""

    def __init__(self, lexicon: Lexicon | None = None, ignore: Iterable[str] = ()) -> None:
        self.lexicon = lexicon if lexicon is not None else Lexicon()
        # Words left out besides the stop words (folded), whole or as a compound part.
        self.ignore = STOP_WORDS | frozenset(fold(w) for w in ignore)
        self._memo: dict[str, tuple[tuple[str, str], ...]] = {}
        self._kept: dict[str, tuple[str, ...]] = {}  # term_set: a word's terms, the ignored ones left out
        # Heads that many compounds share ("cafe" in taalcafe, repaircafe, digicafe): they name a format, not a
        # subject, so in such a compound the modifier carries the subject (see generic_heads()).
        self.generic: frozenset[str] = frozenset()

    def generic_heads(self, words: Iterable[str], *, family: int = GENERIC_HEAD_FAMILY) -> frozenset[str]:
        """The compound heads among ``words`` (folded) that at least ``family`` different compounds end in; they
        become :attr:`generic`."""
        families: dict[str, set[str]] = {}
        for w in set(words):
            # word_terms is remembered per word: the analysis of the texts that follows reuses it.
            for _, part in self.word_terms(w)[1:]:
                if w.endswith(part):
                    families.setdefault(part, set()).add(w)
        self.generic = frozenset(h for h, f in families.items() if len(f) >= family)
        return self.generic

    def word_terms(self, folded: str, lexicon: Lexicon | None = None) -> tuple[tuple[str, str], ...]:
        """(term, part) pairs of a word: its own stem first, then the stems of its compound parts."""
        if lexicon is None:
            memo = self._memo.get(folded)
            if memo is not None:
                return memo
        out = [(stem(folded), folded)]
        seen = {out[0][0]}
        for part in compound_parts(folded, lexicon or self.lexicon):
            term = stem(part)
            # A part whose stem is very short matches too much by chance, unless the part is a real Dutch word and
            # the compound's first part, which is the bare word ("taal" in "taalcafe", stem "tal"); a fragment
            # ("wegge" in "weggeefmarkt") or an inflected head ("weeks") is not.
            short_ok = (
                len(term) == MIN_PART - 1 and not folded.endswith(part) and general_frequency(part) >= REAL_WORD_ZIPF
            )
            # What is left of a compound after a known word is only a part when it is a word itself: known here or
            # in Dutch at large ("komers" left of "nieuwkomers" is no word, "werkplaats" in "fietsenwerkplaats" is).
            fragment = not (lexicon or self.lexicon).knows(part) and general_frequency(part) <= 0.0
            if (len(term) >= MIN_PART or short_ok) and term not in seen and not fragment:
                seen.add(term)
                out.append((term, part))
        result = tuple(out)
        if lexicon is None and len(self._memo) < 500_000:
            self._memo[folded] = result
        return result

    def term_set(self, text: str) -> frozenset[str]:
        """``frozenset(analyse(text).terms)``, without the order, the shown words and the modifier marks (the
        similarity of two ideas needs only which terms occur; this is most of what a suggestion costs)."""
        memo = self._kept
        ignore = self.ignore
        out: set[str] = set()
        for token in _WORD.findall(text.casefold()):  # as words() does, remembered per word as written
            kept = memo.get(token)
            if kept is None:
                folded = token if token.isascii() else fold(token)
                if len(folded) < 2 or folded in ignore or folded.isdigit():
                    kept = ()
                else:
                    kept = tuple(t for n, (t, part) in enumerate(self.word_terms(folded)) if not (n and part in ignore))
                if len(memo) < 500_000:
                    memo[token] = kept
            out.update(kept)
        return frozenset(out)

    def analyse(self, text: str, *, extend: bool = False) -> Analysed:
        """Terms of ``text``. With ``extend`` the text's own words count as known for splitting its compounds
        (a query: "buurtmoestuin" splits if the text also says "moestuin")."""
        ignore = self.ignore
        pairs = [(f, s) for f, s in words(text) if f not in ignore and not f.isdigit()]
        lexicon: Lexicon | None = _Extended(self.lexicon, (f for f, _ in pairs)) if extend else None
        terms: list[str] = []
        modifier: list[bool] = []
        shown: dict[str, str] = {}
        parts: dict[str, str] = {}
        part_of: dict[str, set[str]] = {}
        generic = self.generic
        for folded, original in pairs:
            whole = ""
            found = self.word_terms(folded, lexicon)
            # In a compound with a generic head the head is the lesser part, and the modifier the subject.
            flip = len(found) > 1 and any(folded.endswith(part) and part in generic for _, part in found[1:])
            for n, (term, part) in enumerate(found):
                if n == 0:
                    whole = term
                if n and part in ignore:
                    continue
                terms.append(term)
                if n == 0:
                    modifier.append(False)
                else:
                    head = is_head(folded, part)
                    modifier.append(head if flip and part in generic else not head and not flip)
                if n == 0:
                    shown.setdefault(term, original)  # a word seen whole is shown as written
                else:
                    parts.setdefault(term, part)
                    part_of.setdefault(term, set()).add(whole)
        for term, part in parts.items():
            shown.setdefault(term, part)
        wholes = {t for t, s in shown.items() if t not in parts or s != parts[t]}
        part_of = {t: w for t, w in part_of.items() if t not in wholes}
        return Analysed(terms=terms, shown=shown, modifier=modifier, part_of=part_of)


def content_terms(text: str) -> set[str]:
    """The stems of a short text (a fund's exclusions, a phrase), without compound splitting."""
    return {stem(f) for f, _ in words(text) if f not in STOP_WORDS and not f.isdigit()}


# Related words: small groups of everyday Dutch words for one subject that ideas and organisations write differently
# ("koken" in an idea, "keuken" or "maaltijden" in the community centre's description; "film" and "omroep"). Only
# generic vocabulary any municipality's texts use, never a name. Matching uses them as query expansion at a lower
# weight than the word itself (see matching.Weights.related), so an exact word always counts more.
RELATED_GROUPS: tuple[frozenset[str], ...] = tuple(
    word_set(line)
    for line in """
    koken kookt keuken maaltijd maaltijden eten diner
    film filmen video omroep media radio televisie reportage reportages
    sport sporten bewegen sportactiviteiten beweegprogramma
    tuin tuinen tuinieren moestuin groen groenten planten bloemen kweken
    ouderen oudere senioren
    jongeren jeugd tieners jongerenwerk jongerenwerkers
    kinderen kind leerlingen jeugd
    school scholen onderwijs leerlingen
    leren educatie lessen cursus cursussen
    muziek koor koren zingen band concert
    energie zonnepanelen zonnedak zonnedaken duurzaam duurzaamheid isolatie
    natuur insecten bijen vlinders vogels dieren
    geldzaken geldzorgen schulden schuldhulp budgetadvies rekeningen administratie toeslagen formulieren
    taal taalles taallessen nederlands lezen schrijven laaggeletterd laaggeletterden
    computer computers digitaal digitale internet smartphone tablet digid
    theater toneel musical voorstelling voorstellingen podium
    repareren reparatie reparaties repair kapot
    eenzaamheid eenzaam ontmoeting ontmoeten
    verkeer verkeersveiligheid fietsen fietspad oversteken
    gezondheid gezond huisarts beweging
    """.strip().splitlines()
)


def _related_index(groups: Iterable[frozenset[str]]) -> dict[str, dict[str, str]]:
    """Each stem's related stems, with a readable word for each."""
    out: dict[str, dict[str, str]] = {}
    for group in groups:
        forms: dict[str, str] = {}
        for w in sorted(group):
            forms.setdefault(stem(fold(w)), w)
        for s in forms:
            out.setdefault(s, {}).update((t, f) for t, f in forms.items() if t != s)
    return out


_RELATED = _related_index(RELATED_GROUPS)


def related_terms(term: str) -> dict[str, str]:
    """The terms related to ``term`` (a stem), each with a readable word: ``related_terms(stem("koken"))`` holds
    the stem of "keuken" -> "keuken". Empty for a word in no group."""
    return _RELATED.get(term, {})


# Words that mark a general support organisation: welfare work, community development, a volunteer centre. Such an
# organisation helps residents with any plan (working it out, finding people), so it is a sensible partner for most
# ideas whatever their subject. These are the names of kinds of organisation found in every Dutch municipality, not
# the names of particular organisations.
SUPPORT_WORDS = word_set(
    """
    welzijnswerk welzijnswerker welzijnswerkers welzijnsorganisatie welzijnsstichting welzijnsinstelling opbouwwerk
    opbouwwerker opbouwwerkers buurtwerk buurtwerker buurtwerkers sociaalwerk wijkteam wijkteams
    vrijwilligerscentrale vrijwilligerspunt vrijwilligersvacaturebank vrijwilligersbank vrijwilligerssteunpunt
    initiatievenmakelaar bewonersondersteuning
    """
)
SUPPORT_TERMS = frozenset(stem(w) for w in SUPPORT_WORDS)


# How informative a word is in Dutch at large, beside how rare it is in one registry: a small registry cannot tell
# that "dorp", "week" or "werk" say little about a subject, but a general word-frequency list can. The frequencies
# are wordfreq's Zipf values for Dutch (log10 of occurrences per billion words: "de" 7.5, "huis" 5.7, "moestuin"
# 3.5, a name or a new compound 0). A word as common as :data:`COMMON_ZIPF` counts as good as nothing, one as
# rare as :data:`RARE_ZIPF` or rarer counts fully, linearly in between.
COMMON_ZIPF = 7.0
REAL_WORD_ZIPF = 3.0  # a word at least this common (once in a million words) is a real word, not a fragment
RARE_ZIPF = 5.0
MIN_INFORMATIVE = 0.1
_zipf_cache: dict[str, float] = {}


def general_frequency(word: str) -> float:
    """The Zipf frequency of a (folded) Dutch word in general use; 0 for a word the list does not know."""
    found = _zipf_cache.get(word)
    if found is None:
        # Imported when first needed: the list loads in about half a second (the index is built in the background).
        from wordfreq import zipf_frequency

        found = zipf_frequency(word, "nl")
        if len(_zipf_cache) < 500_000:
            _zipf_cache[word] = found
    return found


def informativeness(word: str) -> float:
    """How much a word says about a subject by how rare it is in Dutch at large, from :data:`MIN_INFORMATIVE`
    (as common as "mee" or "werk") to 1 (as rare as "moestuin", or unknown)."""
    z = general_frequency(fold(word))
    share = (COMMON_ZIPF - z) / (COMMON_ZIPF - RARE_ZIPF)
    return min(1.0, max(MIN_INFORMATIVE, share))
