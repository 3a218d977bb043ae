"""Duplicate organisations already in the registry: find likely pairs, compare them, merge them.

Finding. Two organisations are a *likely* pair when they share one of these (the reasons the broker sees):

- "zelfde KvK-nummer", "zelfde website" (scheme, ``www.`` and a trailing slash ignored), "zelfde e-mailadres"
  (case ignored), "zelfde telefoonnummer" (the same number however written: 06-12345678, +31 6 1234 5678,
  0031 (0)6 12345678);
- "zelfde naam": the same name apart from case, accents, spaces, punctuation and legal-form words
  (:func:`makelaar.services.csvio.organisation_key`, the rule the import uses to recognise an organisation), so
  "Buurthuis De Kern", "Buurthuis de Kern " and "Stichting Buurthuis De Kern";
- "bijna dezelfde naam": the words of one name are those of the other, allowing a typo per word ("Buurthuis De
  Keern") and words the other lacks ("De Kern", "Buurthuis De Kern"), but not a word put in place of another
  ("Team Groen Oosterpark", "Team Groen Oosterhof"). Each word counts by how rare it is in the registry
  (1 + ln(N / names with that word)), and the share of the weight both names have in common (a soft Dice
  coefficient) must reach :data:`NAME_THRESHOLD`: "Kern" alone is not near "Buurthuis De Kern Zuid".

Comparing all pairs of 20,000 organisations would take minutes, so candidates come from *blocks*: records with the
same KvK number, website, e-mail address, phone number or name key. For near names each distinct name is only
compared with the names that have every one of its words or a one-letter variant of it (a word of four letters or
more is also indexed with each one of its letters left out, which brings "kern" and "keern", "buurthuis" and
"buurthius" together). A value shared by more than :data:`MAX_GROUP` records (the municipality's general phone
number on every team) says nothing about one pair and is left out; a word in more than :data:`MAX_BLOCK` names
("de") narrows nothing down and is skipped in that search. 20,000 generated organisations take about 1.5 s.

"Geen dubbel". A pair the broker dismissed is not shown again. The decision is stored in the ``settings`` table
(business data that belongs to the store, so every laptop sharing it agrees), one row per pair so two laptops
dismissing different pairs never overwrite each other:

    key   = "geen-dubbel:" + sha1("<lowest id> <highest id>")   (52 characters; the key column holds 64)
    value = "<lowest id> <highest id>"

Merging. :func:`merge` folds one organisation (*other*) into another (*keep*): per field the value the broker chose
(by default keep's value, or other's where keep's is empty), the union of offers, themes and areas, every contact
(an identical one, same name and e-mail address, is combined), every koppeling and every timeline entry. Two
koppelingen for the same idea and need become one with the more advanced status; the other's note is added to the
note and its timeline entries point to the surviving koppeling. The other organisation is then deleted through
the ORM (``Session.delete``), never by a bulk DELETE, so whatever listens to ORM deletions (the tombstones of the
exchange between laptops) sees it. A "geen dubbel" decision about the other carries over to the survivor.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations
from typing import Any, Literal

import phonenumbers
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from makelaar.domain.enums import ActivityKind, MatchStatus
from makelaar.domain.errors import KnownError, NotFoundError
from makelaar.domain.records import OrganisationData
from makelaar.domain.vocabulary import normalise
from makelaar.services.csvio import organisation_key
from makelaar.services.organisations import ORGANISATION_FIELDS, organisation_data
from makelaar.storage.base import utcnow
from makelaar.storage.models import Activity, Contact, Match, Organisation, Setting, VocabularyTerm

# Reasons, as the broker reads them.
SAME_KVK = "zelfde KvK-nummer"
SAME_NAME = "zelfde naam"
NEAR_NAME = "bijna dezelfde naam"
SAME_WEBSITE = "zelfde website"
SAME_EMAIL = "zelfde e-mailadres"
SAME_PHONE = "zelfde telefoonnummer"
REASON_ORDER = (SAME_KVK, SAME_NAME, NEAR_NAME, SAME_WEBSITE, SAME_EMAIL, SAME_PHONE)

# How strongly each reason on its own says "the same organisation"; several reasons combine as independent
# evidence (1 - the product of the chances that each is a coincidence). Only used to order the list.
_STRENGTH = {SAME_KVK: 0.9, SAME_NAME: 0.85, SAME_WEBSITE: 0.7, SAME_EMAIL: 0.7, SAME_PHONE: 0.5}

NAME_THRESHOLD = 0.7  # soft Dice of the weighted name words from which two names are "bijna dezelfde naam"
WORD_THRESHOLD = 0.8  # a word this similar to another is that word with a typo; less similar is another word
MAX_GROUP = 12  # a KvK number, website, address, phone number or name shared by more records is not a pair signal
MAX_BLOCK = 200  # a name word in more names than this does not bring names together on its own
_MIN_FUZZY = 4  # shorter words must be equal (numbers, "de"): "Basisschool 12" is not "Basisschool 13"

DISMISSED_PREFIX = "geen-dubbel:"

Side = Literal["keep", "other"]
KEEP: Side = "keep"
OTHER: Side = "other"

# The fields of an organisation a merge chooses between, in the order the comparison shows them.
MERGE_FIELDS = ORGANISATION_FIELDS

# Which koppeling status is further along, for two koppelingen that become one. A refusal (afgewezen) is an
# answer, so it is past benaderd; a commitment is further still.
_STATUS_RANK = {
    MatchStatus.PROPOSED.value: 0,
    MatchStatus.APPROACHED.value: 1,
    MatchStatus.DECLINED.value: 2,
    MatchStatus.COMMITTED.value: 3,
    MatchStatus.DONE.value: 4,
}


@dataclass(frozen=True)
class DuplicatePair:
    """Two organisations that are likely one. ``a`` is the older record (the default survivor)."""

    a_id: str
    a_reference: str
    a_name: str
    a_active: bool
    b_id: str
    b_reference: str
    b_name: str
    b_active: bool
    score: float
    reasons: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.a_id} {self.b_id}"

    def involves(self, organisation_id: str) -> bool:
        return organisation_id in (self.a_id, self.b_id)


@dataclass(frozen=True)
class SideDetail:
    """One organisation of a pair as the comparison shows it."""

    data: OrganisationData
    kind: str
    offers: list[str]
    themes: list[str]
    areas: list[str]
    matches: int
    contacts: int
    activities: int


@dataclass(frozen=True)
class Comparison:
    a: SideDetail
    b: SideDetail

    def differing(self) -> list[str]:
        """The merge fields whose values differ."""
        return [f for f in MERGE_FIELDS if getattr(self.a.data, f) != getattr(self.b.data, f)]


@dataclass(frozen=True)
class MergeChoices:
    """What the broker chose. ``fields`` maps a merge field to the record whose value the survivor takes; a field
    not in it follows :func:`default_side`. The versions are those the broker saw: when either record changed
    since, the merge is refused (None: not checked)."""

    fields: Mapping[str, Side] = field(default_factory=dict)
    keep_version: int | None = None
    other_version: int | None = None


@dataclass(frozen=True)
class MergeResult:
    keep_id: str
    keep_reference: str
    keep_name: str
    removed_id: str
    removed_reference: str
    removed_name: str
    matches_moved: int = 0
    matches_combined: int = 0
    contacts_moved: int = 0
    contacts_combined: int = 0
    activities_moved: int = 0

    def brought(self) -> str:
        """What the survivor took over, in words."""
        return (
            f"Overgenomen: {self.matches_moved + self.matches_combined} koppeling(en), "
            f"{self.contacts_moved + self.contacts_combined} contactperso(o)n(en), "
            f"{self.activities_moved} tijdlijnregel(s)."
        )


# --- normalising the values compared ---------------------------------------------------------------------------------


def kvk_key(value: str | None) -> str | None:
    digits = "".join(ch for ch in value or "" if ch.isdigit())
    return digits or None


def website_key(value: str | None) -> str | None:
    """'https://www.De-Kern.nl/' and 'de-kern.nl' are one website; the path counts (facebook.com/a is not /b)."""
    text = (value or "").strip().casefold()
    if not text:
        return None
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    text = text.split("#", 1)[0].split("?", 1)[0]
    host, _, path = text.partition("/")
    host = host.removeprefix("www.").rstrip(".")
    path = path.strip("/")
    return f"{host}/{path}" if path else host or None


def email_key(value: str | None) -> str | None:
    text = (value or "").strip().casefold()
    return text or None


_PHONE_CACHE: dict[str, str | None] = {}


def phone_key(value: str | None) -> str | None:
    """A phone number as digits in the national form: the same number however it is written.

    Dutch numbers (most of them) are folded by hand, which is ~50 times faster than ``phonenumbers.parse`` and
    gives the same answer; a foreign number goes through phonenumbers to E.164.
    """
    raw = (value or "").strip()
    if not raw:
        return None
    found = _PHONE_CACHE.get(raw)
    if found is not None or raw in _PHONE_CACHE:
        return found
    text = raw.replace("(0)", "")
    digits = "".join(ch for ch in text if ch.isdigit())
    international = text.lstrip().startswith("+") or digits.startswith("00")
    if international:
        digits = digits.removeprefix("00")
        if digits.startswith("31"):
            found = "0" + digits[2:]
        else:
            try:
                number = phonenumbers.parse("+" + digits, None)
                found = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            except phonenumbers.NumberParseException:
                found = "+" + digits
    else:
        found = digits
    found = found if found and len(found) >= 6 else None  # "14 020" alone, a typo: no number to compare
    if len(_PHONE_CACHE) < 200_000:
        _PHONE_CACHE[raw] = found
    return found


# --- near names ------------------------------------------------------------------------------------------------------


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of two neighbours counts one), or limit + 1 when larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        best = current[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def word_similarity(a: str, b: str) -> float:
    """1 for the same word, 1 - edits/length for a typo (one edit in five letters or more, two from fourteen),
    else 0 ("kern" and "kerk" are two words)."""
    if a == b:
        return 1.0
    shortest = min(len(a), len(b))
    if shortest < _MIN_FUZZY:
        return 0.0
    limit = 1 if max(len(a), len(b)) < 14 else 2  # "bloemenbuurt" and "bomenbuurt" are two words
    distance = _edit_distance(a, b, limit)
    if distance > limit:
        return 0.0
    similarity = 1.0 - distance / max(len(a), len(b))
    return similarity if similarity >= WORD_THRESHOLD else 0.0


def _variants(word: str) -> set[str]:
    """The word and, from four letters, the word with each one letter left out (for blocking on typos)."""
    out = {word}
    if len(word) >= _MIN_FUZZY:
        out.update(word[:i] + word[i + 1 :] for i in range(len(word)))
    return out


class _Names:
    """Name words with their weights: a rare word says more about which organisation it is."""

    def __init__(self, keys: list[str]) -> None:
        self.words = [tuple(dict.fromkeys(k.split())) for k in keys]  # a word twice counts once
        df = Counter(w for ws in self.words for w in set(ws))
        total = max(len(keys), 1)
        self.weight = {w: 1.0 + math.log(total / n) for w, n in df.items()}
        self.total = [sum(self.weight[w] for w in ws) for ws in self.words]
        self._similar: dict[tuple[str, str], float] = {}

    def _sim(self, a: str, b: str) -> float:
        pair = (a, b) if a < b else (b, a)
        found = self._similar.get(pair)
        if found is None:
            found = word_similarity(a, b)
            self._similar[pair] = found
        return found

    def _matched(self, mine: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[float, bool]:
        """The weight of ``mine`` found in ``theirs`` (a typo counts partly), and whether a word has no match."""
        got = 0.0
        missing = False
        for w in mine:
            best = 1.0 if w in theirs else max((self._sim(w, t) for t in theirs), default=0.0)
            got += self.weight[w] * best
            missing = missing or best == 0.0
        return got, missing

    def similarity(self, i: int, j: int) -> float:
        """Soft Dice of the weighted words of names i and j (1: the same words).

        0 when each name has a word the other lacks: one word put in place of another makes another organisation
        ("Team Groen Oosterpark", "Team Groen Oosterhof"), where a word more or less does not ("De Kern",
        "Buurthuis De Kern").
        """
        ti, tj = self.total[i], self.total[j]
        if not ti or not tj:
            return 0.0
        # Cheap bound first: names whose weights differ too much can never reach the threshold.
        if 2 * min(ti, tj) / (ti + tj) < NAME_THRESHOLD:
            return 0.0
        got_i, missing_i = self._matched(self.words[i], self.words[j])
        if not missing_i:
            got_j, _ = self._matched(self.words[j], self.words[i])
        else:
            got_j, missing_j = self._matched(self.words[j], self.words[i])
            if missing_j:
                return 0.0
        return (got_i + got_j) / (ti + tj)


# --- finding ---------------------------------------------------------------------------------------------------------


def _groups(values: Iterable[str | None]) -> Iterable[list[int]]:
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(values):
        if v:
            buckets[v].append(i)
    return (members for members in buckets.values() if 2 <= len(members) <= MAX_GROUP)


def _near_names(keys: list[str]) -> Iterable[tuple[int, int, float]]:
    """Pairs of distinct name keys (by index) that are "bijna dezelfde naam", with their similarity.

    A pair only qualifies when every word of one name is in the other (or a typo of it), so the candidates for
    name i are the names that have each of i's words or a one-letter variant of it: the intersection of those
    sets, rarest word first. A word in more than :data:`MAX_BLOCK` names ("de") does not narrow anything down
    and is left out of the intersection; a name of only such words gets no near pairs (an equal name still
    pairs through its key).
    """
    names = _Names(keys)
    blocks: dict[str, set[int]] = defaultdict(set)
    for i, words in enumerate(names.words):
        for w in words:
            for v in _variants(w):
                blocks[v].add(i)
    around: dict[str, set[int]] = {}
    seen: set[tuple[int, int]] = set()
    for i, words in enumerate(names.words):
        spreads: list[set[int]] = []
        for w in set(words):
            near = around.get(w)
            if near is None:
                near = set().union(*(blocks[v] for v in _variants(w)))
                around[w] = near
            if len(near) <= MAX_BLOCK:
                spreads.append(near)
        if not spreads:
            continue
        spreads.sort(key=len)
        candidates = set(spreads[0])
        for more in spreads[1:]:
            candidates &= more
            if len(candidates) <= 1:
                break
        for j in candidates:
            pair = (i, j) if i < j else (j, i)
            if i == j or pair in seen:
                continue
            seen.add(pair)
            sim = names.similarity(*pair)
            if sim >= NAME_THRESHOLD - 1e-9:
                yield pair[0], pair[1], sim


def find_duplicates(s: Session, *, include_dismissed: bool = False) -> list[DuplicatePair]:
    """Likely duplicate pairs among all organisations (active or not), the likeliest first."""
    rows = s.execute(
        select(
            Organisation.id,
            Organisation.reference,
            Organisation.name,
            Organisation.active,
            Organisation.kvk,
            Organisation.website,
            Organisation.email,
            Organisation.phone,
        ).order_by(Organisation.created_at, Organisation.reference)
    ).all()
    # Per pair (indexes into rows, older first) a bit per reason; near names also keep their similarity.
    found: dict[tuple[int, int], int] = defaultdict(int)
    near: dict[tuple[int, int], float] = {}

    for reason, fold_value, column in (
        (SAME_KVK, kvk_key, 4),
        (SAME_WEBSITE, website_key, 5),
        (SAME_EMAIL, email_key, 6),
        (SAME_PHONE, phone_key, 7),
    ):
        bit = _BITS[reason]
        for members in _groups(fold_value(r[column]) for r in rows):
            for pair in combinations(members, 2):
                found[pair] |= bit

    # Names are compared once per distinct name key (many records share one), then expanded to records.
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        key = organisation_key(r.name)
        if key:
            by_key[key].append(i)
    squashed: dict[str, list[int]] = defaultdict(list)  # spaces ignored too: "Buurt huis" is "Buurthuis"
    for key, members in by_key.items():
        squashed[key.replace(" ", "")].extend(members)
    for members in squashed.values():
        if 2 <= len(members) <= MAX_GROUP:
            for pair in combinations(sorted(members), 2):
                found[pair] |= _BITS[SAME_NAME]
    keys = list(by_key)
    for x, y, sim in _near_names(keys):
        if keys[x].replace(" ", "") == keys[y].replace(" ", ""):
            continue
        left, right = by_key[keys[x]], by_key[keys[y]]
        if len(left) + len(right) > MAX_GROUP:
            continue
        for i in left:
            for j in right:
                pair = (i, j) if i < j else (j, i)
                found[pair] |= _BITS[NEAR_NAME]
                near[pair] = sim

    dismissed = set() if include_dismissed else dismissed_pairs(s)
    pairs: list[DuplicatePair] = []
    for (i, j), mask in found.items():
        a, b = rows[i], rows[j]
        if dismissed and _pair_key(a.id, b.id) in dismissed:
            continue
        reasons, chance = _by_mask(mask)
        if mask & _BITS[NEAR_NAME]:
            chance *= 1.0 - (0.4 + 0.4 * near[(i, j)])
        pairs.append(
            DuplicatePair(
                a_id=a.id,
                a_reference=a.reference,
                a_name=a.name,
                a_active=bool(a.active),
                b_id=b.id,
                b_reference=b.reference,
                b_name=b.name,
                b_active=bool(b.active),
                score=round(1.0 - chance, 3),
                reasons=reasons,
            )
        )
    pairs.sort(key=lambda p: (-p.score, p.a_name.casefold(), p.a_reference, p.b_reference))
    return pairs


_BITS = {reason: 1 << n for n, reason in enumerate(REASON_ORDER)}


@cache
def _by_mask(mask: int) -> tuple[tuple[str, ...], float]:
    """The reasons a bit mask stands for, and the chance that all but a near name are a coincidence."""
    reasons = tuple(r for r in REASON_ORDER if mask & _BITS[r])
    return reasons, math.prod(1.0 - _STRENGTH[r] for r in reasons if r in _STRENGTH)


# --- "geen dubbel" ---------------------------------------------------------------------------------------------------


def _pair_key(a_id: str, b_id: str) -> tuple[str, str]:
    return (a_id, b_id) if a_id < b_id else (b_id, a_id)


def _setting_key(a_id: str, b_id: str) -> str:
    lo, hi = _pair_key(a_id, b_id)
    return DISMISSED_PREFIX + hashlib.sha1(f"{lo} {hi}".encode()).hexdigest()


def dismissed_pairs(s: Session) -> set[tuple[str, str]]:
    """Every pair marked "geen dubbel", as (lowest id, highest id)."""
    out: set[tuple[str, str]] = set()
    for value in s.scalars(select(Setting.value).where(Setting.key.startswith(DISMISSED_PREFIX))):
        parts = value.split()
        if len(parts) == 2:
            out.add(_pair_key(parts[0], parts[1]))
    return out


def dismiss(s: Session, a_id: str, b_id: str) -> None:
    """Remember that these two are different organisations: the pair is not suggested again."""
    if a_id == b_id:
        raise KnownError("Kies twee verschillende organisaties om als geen dubbel te markeren.")
    for ident in (a_id, b_id):
        if s.get(Organisation, ident) is None:
            raise NotFoundError("Een van de twee organisaties bestaat niet (meer); zoek de dubbelen opnieuw.")
    key = _setting_key(a_id, b_id)
    if s.get(Setting, key) is None:
        lo, hi = _pair_key(a_id, b_id)
        s.add(Setting(key=key, value=f"{lo} {hi}"))
    s.flush()


def undismiss(s: Session, a_id: str, b_id: str) -> None:
    row = s.get(Setting, _setting_key(a_id, b_id))
    if row is not None:
        s.delete(row)
        s.flush()


def _carry_dismissals(s: Session, keep_id: str, other_id: str) -> None:
    """What the broker said about the other ("not the same as X") holds for the survivor too."""
    for row in list(s.scalars(select(Setting).where(Setting.key.startswith(DISMISSED_PREFIX)))):
        parts = row.value.split()
        if len(parts) != 2 or other_id not in parts:
            continue
        third = parts[1] if parts[0] == other_id else parts[0]
        s.delete(row)
        if third != keep_id:
            key = _setting_key(keep_id, third)
            if s.get(Setting, key) is None:
                lo, hi = _pair_key(keep_id, third)
                s.add(Setting(key=key, value=f"{lo} {hi}"))


# --- comparing -------------------------------------------------------------------------------------------------------


def _load(s: Session, organisation_id: str) -> Organisation:
    row = s.get(
        Organisation,
        organisation_id,
        options=[
            selectinload(Organisation.offers),
            selectinload(Organisation.themes),
            selectinload(Organisation.areas),
            selectinload(Organisation.contacts),
        ],
        populate_existing=True,
    )
    if row is None:
        raise NotFoundError("Een van de twee organisaties bestaat niet meer; misschien is ze al samengevoegd.")
    return row


def _count(s: Session, model: Any, *where: Any) -> int:
    return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _side(s: Session, row: Organisation) -> SideDetail:
    kind = s.get(VocabularyTerm, row.kind_id) if row.kind_id else None
    return SideDetail(
        data=organisation_data(row),
        kind=kind.name if kind is not None else "",
        offers=[t.name for t in row.offers],
        themes=[t.name for t in row.themes],
        areas=[a.name for a in row.areas],
        matches=_count(s, Match, Match.organisation_id == row.id),
        contacts=len(row.contacts),
        activities=_count(s, Activity, Activity.organisation_id == row.id),
    )


def compare(s: Session, a_id: str, b_id: str) -> Comparison:
    """The two records side by side, with what each brings along (koppelingen, contacts, timeline)."""
    return Comparison(a=_side(s, _load(s, a_id)), b=_side(s, _load(s, b_id)))


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def default_side(field_name: str, keep_value: object, other_value: object) -> Side:
    """Keep's value, or other's where keep's is empty."""
    if field_name != "active" and _empty(keep_value) and not _empty(other_value):
        return OTHER
    return KEEP


# --- merging ---------------------------------------------------------------------------------------------------------


def _stale(row: Organisation) -> KnownError:
    return KnownError(
        f"{row.name} ({row.reference}) is gewijzigd nadat je de twee naast elkaar zag. Er is niets samengevoegd; "
        "bekijk het paar opnieuw en kies dan weer."
    )


def _contact_key(c: Contact) -> tuple[str, str]:
    return (normalise(c.name), (c.email or "").strip().casefold())


def merge(
    s: Session,
    keep_id: str,
    other_id: str,
    choices: MergeChoices | None = None,
    *,
    author: str | None = None,
) -> MergeResult:
    """Fold ``other`` into ``keep`` (see the module's docstring) and delete ``other``; nothing is lost."""
    if keep_id == other_id:
        raise KnownError("Een organisatie kan niet met zichzelf worden samengevoegd.")
    choices = choices or MergeChoices()
    unknown = set(choices.fields) - set(MERGE_FIELDS)
    if unknown:
        raise ValueError(f"not merge fields: {sorted(unknown)}")
    keep = _load(s, keep_id)
    other = _load(s, other_id)
    for row, seen in ((keep, choices.keep_version), (other, choices.other_version)):
        if seen is not None and row.version != seen:
            raise _stale(row)
    removed_id, removed_reference, removed_name = other.id, other.reference, other.name

    for name in MERGE_FIELDS:
        keep_value, other_value = getattr(keep, name), getattr(other, name)
        side = choices.fields.get(name) or default_side(name, keep_value, other_value)
        if side == OTHER and keep_value != other_value:
            setattr(keep, name, other_value)
    for attr in ("offers", "themes", "areas"):
        mine: list[Any] = getattr(keep, attr)
        for item in getattr(other, attr):
            if item not in mine:
                mine.append(item)
    duplicate_contacts, contacts_moved = _move_contacts(s, keep, other)
    other_matches, combined = _move_matches(s, keep, other)

    # Every timeline entry of the other, and every entry on a koppeling that was combined, now belongs to keep.
    about_other = Activity.organisation_id == other.id
    if other_matches:
        about_other = or_(about_other, Activity.match_id.in_([m.id for m in other_matches]))
    activities = list(s.scalars(select(Activity).where(about_other)))
    for a in activities:
        if a.organisation_id == other.id:
            a.organisation_id = keep.id
        if a.match_id in combined:
            a.match_id = combined[a.match_id].id
    for twin in combined.values():
        s.add(
            Activity(
                idea_id=twin.idea_id,
                organisation_id=keep.id,
                match_id=twin.id,
                kind=ActivityKind.NOTE.value,
                text=f"Dubbele koppeling samengevoegd: die met {removed_name} ({removed_reference}) hoort nu bij deze.",
                author=author,
            )
        )
    result = MergeResult(
        keep_id=keep.id,
        keep_reference=keep.reference,
        keep_name=keep.name,
        removed_id=removed_id,
        removed_reference=removed_reference,
        removed_name=removed_name,
        matches_moved=len(other_matches) - len(combined),
        matches_combined=len(combined),
        contacts_moved=contacts_moved,
        contacts_combined=len(duplicate_contacts),
        activities_moved=len(activities),
    )
    s.add(
        Activity(
            organisation_id=keep.id,
            kind=ActivityKind.NOTE.value,
            text=f"Samengevoegd met {removed_name} ({removed_reference}). {result.brought()}",
            author=author,
        )
    )
    _carry_dismissals(s, keep.id, other.id)
    keep.updated_at = utcnow()  # the matching index rebuilds when the registry changed
    try:
        # Everything points at keep before anything is deleted: the database would otherwise cascade the other's
        # koppelingen and timeline away with it.
        s.flush()
        for m in other_matches:
            if m.id in combined:
                s.delete(m)
        for contact in duplicate_contacts:
            s.delete(contact)
        s.flush()
        s.expire(other, ["contacts"])
        s.delete(other)
        s.flush()
    except StaleDataError as exc:
        raise _stale(keep) from exc
    return result


def _move_contacts(s: Session, keep: Organisation, other: Organisation) -> tuple[list[Contact], int]:
    """Move the other's contact persons to keep. One keep already has (same name and e-mail address) is combined
    with it: keep's gets what it lacked (role, phone) and koppelingen naming the duplicate name keep's. Returns the
    duplicates (to delete) and how many moved."""
    moved = 0
    at_keep = {_contact_key(c): c for c in keep.contacts}
    same: dict[str, Contact] = {}  # duplicate's id -> keep's contact
    duplicates: list[Contact] = []
    for contact in list(other.contacts):
        kept = at_keep.get(_contact_key(contact))
        if kept is None:
            keep.contacts.append(contact)  # the back-reference takes it out of other.contacts
            at_keep[_contact_key(contact)] = contact
            moved += 1
            continue
        for attr in ("role", "phone", "email"):
            if _empty(getattr(kept, attr)) and not _empty(getattr(contact, attr)):
                setattr(kept, attr, getattr(contact, attr))
        same[contact.id] = kept
        duplicates.append(contact)
    if same:
        for m in s.scalars(select(Match).where(Match.contact_id.in_(list(same)))):
            m.contact_id = same[m.contact_id or ""].id
    return duplicates, moved


def _move_matches(s: Session, keep: Organisation, other: Organisation) -> tuple[list[Match], dict[str, Match]]:
    """Move the other's koppelingen to keep; one for an idea and need keep already has is combined with keep's.
    Returns all the other's koppelingen and, per combined one, keep's koppeling it went into."""
    by_idea_need = {(m.idea_id, m.need_id): m for m in s.scalars(select(Match).where(Match.organisation_id == keep.id))}
    others = list(s.scalars(select(Match).where(Match.organisation_id == other.id)))
    combined: dict[str, Match] = {}
    for m in others:
        twin = by_idea_need.get((m.idea_id, m.need_id))
        if twin is None:
            m.organisation = keep
            by_idea_need[(m.idea_id, m.need_id)] = m
        else:
            _combine(twin, m)
            combined[m.id] = twin
    return others, combined


def _combine(twin: Match, m: Match) -> None:
    """Make ``twin`` (keep's koppeling) hold what ``m`` (the other's, for the same idea and need) knew: the more
    advanced status with its follow-up date, both notes, a contact person."""
    if _STATUS_RANK.get(m.status, -1) > _STATUS_RANK.get(twin.status, -1):
        twin.status = m.status
        twin.follow_up_on = m.follow_up_on or twin.follow_up_on
    elif twin.follow_up_on is None:
        twin.follow_up_on = m.follow_up_on
    notes = [n.strip() for n in (twin.note, m.note) if n and n.strip()]
    if len(notes) == 2 and notes[0] != notes[1]:
        twin.note = f"{notes[0]}\n\n{notes[1]}"
    elif notes:
        twin.note = notes[0]
    if twin.contact_id is None and m.contact_id is not None:
        twin.contact_id = m.contact_id
    twin.updated_at = utcnow()


def merge_choices_for(comparison: Comparison, keep_is_a: bool, picked: Mapping[str, Literal["a", "b"]]) -> MergeChoices:
    """The choices for :func:`merge` from what the broker picked per field in the side-by-side view ("a"/"b")."""
    keep, other = (comparison.a, comparison.b) if keep_is_a else (comparison.b, comparison.a)
    fields: dict[str, Side] = {}
    for name, letter in picked.items():
        fields[name] = KEEP if (letter == "a") == keep_is_a else OTHER
    return MergeChoices(fields=fields, keep_version=keep.data.version, other_version=other.data.version)
