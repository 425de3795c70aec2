"""In-memory candidate index over every list name, built once per list version.

Keys are the compare forms of name tokens plus the concatenation of adjacent
tokens ("haiguang" for "Hai Guang", "jscargument" for "JSC Argument"). A query
token finds keys by exact text, by romanisation skeleton, by metaphone and by
one-deletion neighbourhoods (SymSpell), so typos, transliteration variants and
sound-alikes are found without scanning.

Candidate selection uses a prefix filter on IDF-weighted tokens: a list name
can only reach the review threshold if it agrees with enough of the query's
weight (:data:`MIN_COVER`), so it must contain at least one of the query's
rarest tokens. Postings of very common tokens ("mohammad", "company") are
therefore read only when the rare tokens cannot decide, and most negative
queries end after a few dictionary look-ups.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any, Iterable, Mapping, Sequence

from screening.heap import paused_collector
from screening.matching.abjad import lookup_keys, readable_as
from screening.matching.annotations import identifier_numbers
from screening.matching.alignment import COGNATE_SIM, NICKNAME_SIM, compound_reads, may_be_compound, unmatched_costs
from screening.matching.strings import token_sim
from screening.matching.forms import JOIN_TRIPLE_SHORT, Form, Piece, forms_of, idf_factor, name_initials
from screening.matching.names import DISTINCTIVE, GENERIC, INITIAL, NUMBER, analyze_name
from screening.matching.names_latin import CANTONESE_NOTE, WADE_GILES_NOTE
from screening.matching.normalize import consonants, phonetic, skeleton
from screening.matching.resources import remember, tables
from screening.matching.russian import cognate, english_keys, russian_keys
from screening.types import Entry

#: Share of the query's weight a list name must agree with to be scored.
#: The review threshold (0.70) needs about 0.67; the margin keeps recall
#: against exhaustive scoring above 99.5%.
MIN_COVER = 0.5
#: Keys shorter than this are only found exactly (or by skeleton).
MIN_FUZZY_KEY = 4
#: Metaphone keys shorter than this are too unspecific to look up.
MIN_PHONETIC_KEY = 3
#: Cap on cached query-token look-ups.
LOOKUP_CACHE_MAX = 500_000
#: Candidate-selection credit of a listed word with the consonants of a query
#: word written in Arabic script: "qsm" (قاسم) finds
#: "qasem". The pair is then scored in full.
ABJAD_KEY_SIM = 0.9
#: ... and of one that only shares the consonants (محمد, "mhmd", and Mahmud).
ABJAD_NEAR_SIM = 0.5
#: Cap on cached Arabic-script look-ups (each holds every listed word a reading may be).
ABJAD_CACHE_MAX = 20_000
#: Cap on cached Arabic-script word windows (each holds the listed words written as the window in one word).
COMPOUND_CACHE_MAX = 20_000
#: Consonant keys shorter than this are not looked up (علي, "ly", has the key "l": Ali).
MIN_ABJAD_KEY = 1


ENTITY_TYPES_PERSON = ("person",)
#: Entry types matched as organisations (the ones that can have branches or subsidiaries).
ENTITY_TYPES_ORG = ("company", "organization")


def _deletes(word: str) -> set[str]:
    """Every string one deletion away from ``word``."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def entry_schema(entry: Entry) -> str | None:
    """The matching schema of an entry: person, company or unknown (vessels)."""
    if entry.type in ENTITY_TYPES_PERSON:
        return "person"
    if entry.type in ENTITY_TYPES_ORG:
        return "company"
    return None


#: Notes of the choices that read a Latin name in another romanisation (names_latin).
SPELLING_SYSTEMS = (WADE_GILES_NOTE, CANTONESE_NOTE)


def _spelling_pieces(form: Form) -> dict[int, list[Piece]]:
    """The one-word pinyin readings of ``form``'s words in another romanisation
    (:data:`SPELLING_SYSTEMS`), by word position."""
    return {c.start: [p for p in c.pieces[1:] if len(p.texts) == 1] for c in form.choices
            if c.size == 1 and any(t.note.startswith(SPELLING_SYSTEMS) for p in c.pieces for t in p.tokens)}


def _spelling_joins(form: Form, pieces: dict[int, list[Piece]]) -> list[tuple[int, str]]:
    """Adjacent words of ``form`` written as one, in their readings (``pieces``) too:
    ``(position of the first, joined)`` ("CHIANG, Ching-kuo": "jingguo")."""
    out = []
    for i in range(len(form.texts) - 1):
        if i in pieces or i + 1 in pieces:
            for a in [form.texts[i]] + [p.texts[0] for p in pieces.get(i, [])]:
                for b in [form.texts[i + 1]] + [p.texts[0] for p in pieces.get(i + 1, [])]:
                    out.append((i, a + b))
    return out


def _choice_joins(form: Form) -> frozenset[str]:
    """Adjacent words of a listed name written as one, in their pinyin readings too
    (:data:`SPELLING_SYSTEMS`): "CHIANG, Ching-kuo" is found by "jingguo" (蔣經國 read
    as JIANG Jingguo)."""
    pieces = _spelling_pieces(form)
    return frozenset(joined for _, joined in _spelling_joins(form, pieces)) if pieces else frozenset()


class Idf:
    """Rarity factor of a token in this index's corpus (memoised for listed words only:
    a long-running server meets unlisted query words without end)."""

    def __init__(self, df: Mapping[str, int], n_docs: int) -> None:
        self.df = df
        self.n_docs = n_docs
        self._cache: dict[str, float] = {}
        self._unlisted = idf_factor(0, n_docs)

    def __call__(self, token: str) -> float:
        value = self._cache.get(token)
        if value is None:
            df = self.df.get(token, 0)
            if not df:
                return self._unlisted
            value = idf_factor(df, self.n_docs)
            self._cache[token] = value
        return value


#: Prefix of the index keys that hold a listed name's initials (forms.name_initials):
#: apart from the word keys, so that only a one-word query looks them up.
ACRONYM_KEY = "^"
#: NameIndex attributes a snapshot stores besides the entries and forms.
LOOKUP_STATE = ("keysets", "postings", "df", "skel_map", "phon_map", "del_map", "cog_map")
#: Listed English words a romanised Russian cognate may name (russian.cognate): those
#: with an ending the cognate rules read (navigation, communal, physical, technologies).
_COGNATE_ENDINGS = ("tion", "sion", "al", "ic", "ical", "ics", "ies", "ive", "ary")


#: Shortest pair of query words, joined, looked up as a listed word a letter apart.
NEAR_JOIN_MIN_LEN = 8
#: English endings a cognate key is looked up with (component, components, composite).
_COGNATE_SPELLED_ENDINGS = ("", "s", "e", "es")


class _Built:
    """What building an index makes, in build order: its forms and their keys, then the
    look-up maps over the keys (:func:`_build_neighbourhoods`)."""

    def __init__(self) -> None:
        self.forms: list[Form] = []
        self.keysets: list[frozenset[str]] = []
        self.keyed: dict[str, list[int]] = defaultdict(list)  # postings while forms are added
        self.postings: dict[str, tuple[int, ...]] = {}
        self.df: dict[str, int] = {}
        self.skel_map: dict[str, tuple[str, ...]] = {}
        self.phon_map: dict[str, tuple[str, ...]] = {}
        self.del_map: dict[str, tuple[str, ...]] = {}
        self.cog_map: dict[str, tuple[str, ...]] = {}

    def add_form(self, form: Form) -> None:
        """Register a compiled form under all of its keys."""
        fid = len(self.forms)
        self.forms.append(form)
        keys = frozenset(form.texts) | frozenset(form.joins) | frozenset(ACRONYM_KEY + a for a in name_initials(form))
        keys |= form.ids  # "imo:9116412": a query giving the number finds the hull under any name
        if form.choices:  # other readings find the form too (工业 -> polytechnical | industry)
            keys = keys | frozenset(t for c in form.choices for p in c.pieces for t in p.texts) | _choice_joins(form)
        self.keysets.append(keys)
        for key in keys:
            self.keyed[key].append(fid)

    def state(self) -> dict[str, Any]:
        """The look-up state, as :meth:`NameIndex.lookup_state` gives it."""
        return {name: getattr(self, name) for name in LOOKUP_STATE}


def _join_only_keys(forms: Sequence[Form]) -> set[str]:
    """Keys that occur only as adjacent-token concatenations, never as a token."""
    tokens: set[str] = set()
    joins: set[str] = set()
    for form in forms:
        tokens.update(form.texts)
        joins.update(form.joins)
    return joins - tokens


def _build_neighbourhoods(built: _Built) -> None:
    """Skeleton, metaphone and one-deletion maps over the key vocabulary."""
    skel: dict[str, list[str]] = defaultdict(list)
    phon: dict[str, list[str]] = defaultdict(list)
    dels: dict[str, list[str]] = defaultdict(list)
    join_only = _join_only_keys(built.forms)
    for key in built.keyed:
        if key.isdigit() or key.startswith(ACRONYM_KEY):
            continue  # numbers and initials are met exactly
        if key in join_only:
            continue  # joined keys are met exactly (or by the query's own joins)
        s = skeleton(key)
        skel[s].append(key)
        if len(key) >= MIN_FUZZY_KEY:
            p = phonetic(key)
            if len(p) >= MIN_PHONETIC_KEY:
                phon[p].append(key)
            dels[key].append(key)
            for d in _deletes(key):
                dels[d].append(key)
    # tuples, not lists: a list keeps room to grow, and the maps hold 680,000 names (14 MB less)
    built.skel_map = {k: tuple(v) for k, v in skel.items()}
    built.phon_map = {k: tuple(v) for k, v in phon.items()}
    built.del_map = {k: tuple(v) for k, v in dels.items()}
    built.cog_map = _cognate_map(built.keyed, join_only)
    built.postings = {k: tuple(v) for k, v in built.keyed.items()}
    built.keyed = defaultdict(list)


def _cognate_map(postings: Mapping[str, Sequence[int]], join_only: set[str]) -> dict[str, tuple[str, ...]]:
    """Cognate key -> listed English words with it, so that a query's romanised
    Russian word (NAVIGATSIONNYKH) finds a name that only translates it."""
    cog: dict[str, list[str]] = defaultdict(list)
    for key in postings:
        if key.endswith(_COGNATE_ENDINGS) and key not in join_only and not russian_keys(key):
            for ck in english_keys(key):
                cog[ck].append(key)
    return {k: tuple(v) for k, v in cog.items()}


class NameIndex:
    """Forms of every list name, with the look-up structures over their tokens."""

    def __init__(self, entries: Iterable[Entry],
                 restored: tuple[Sequence[Form], Mapping[str, Any]] | None = None) -> None:
        """Build the index of ``entries``, or take a snapshot's (``restored``: its forms
        and :meth:`lookup_state`). A snapshot's parts may be read lazily: they are typed
        as read-only sequences and mappings."""
        # a build keeps its own list (the caller's may change); a snapshot's may be read lazily
        self.entries: Sequence[Entry] = list(entries) if restored is None or not isinstance(entries, Sequence) \
            else entries
        self._lookup_cache: dict[tuple[str, str], tuple[tuple[str, float], ...]] = {}
        self._abjad_cache: dict[tuple[str, str], tuple[tuple[str, float], ...]] = {}
        self._compound_cache: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._arabic_idf: dict[str, float] = {}
        self._consonant_map: dict[str, tuple[str, ...]] | None = None
        forms: Sequence[Form]
        state: Mapping[str, Any]
        if restored is None:
            built = _Built()
            self._build(built)
            forms, state = built.forms, built.state()
        else:
            forms, state = restored
        self.forms: Sequence[Form] = forms
        self.keysets: Sequence[frozenset[str]] = state["keysets"]
        self.postings: Mapping[str, Sequence[int]] = state["postings"]
        self.df: Mapping[str, int] = state["df"]
        self.skel_map: Mapping[str, Sequence[str]] = state["skel_map"]
        self.phon_map: Mapping[str, Sequence[str]] = state["phon_map"]
        self.del_map: Mapping[str, Sequence[str]] = state["del_map"]
        self.cog_map: Mapping[str, tuple[str, ...]] = state["cog_map"]
        self.idf = Idf(self.df, len(self.entries))

    @classmethod
    def restore(cls, entries: Sequence[Entry], forms: Sequence[Form], state: Mapping[str, Any]) -> "NameIndex":
        """An index from a snapshot: its entries and forms plus :meth:`lookup_state`."""
        return cls(entries, (forms, state))

    def lookup_state(self) -> dict[str, Any]:
        """What :meth:`restore` needs besides the entries and forms."""
        return {name: getattr(self, name) for name in LOOKUP_STATE}

    # ---------------------------------------------------------------- build
    def _names_of(self, entry: Entry) -> list[tuple[str, str]]:
        """(name, kind) pairs of an entry, with parenthesised acronyms as aliases."""
        out: list[tuple[str, str]] = []
        seen: set[str] = set()
        for name in entry.names:
            if name.value and name.value not in seen:
                seen.add(name.value)
                out.append((name.value, name.kind))
        return out

    def _build(self, built: "_Built") -> None:
        """Analyse every name, count document frequencies, compile forms, index keys."""
        analysed: list[tuple[int, str, list]] = []
        df: dict[str, int] = defaultdict(int)
        for idx, entry in enumerate(self.entries):
            schema = entry_schema(entry)
            seen_tokens: set[str] = set()
            items = []
            for value, kind in self._names_of(entry):
                # a listed name keeps its own spelling: read as pinyin, "WONG, Kam Kong" met three
                # dozen Chinese names of the 100,000 synthetic negatives; a query's Cantonese is read
                an = analyze_name(value, schema).without_readings(CANTONESE_NOTE)
                items.append((an, kind))
                for acronym in an.other_names:
                    items.append((analyze_name(acronym, schema), "acronym"))
                for tok in an.tokens:
                    if tok.tag in (DISTINCTIVE, GENERIC):
                        seen_tokens.add(tok.text)
                for variant in an.variants:
                    for tok in variant:
                        if tok.tag in (DISTINCTIVE, GENERIC):
                            seen_tokens.add(tok.text)
                for choice in an.choices:
                    for reading in choice.readings:
                        for tok in reading:
                            if tok.tag in (DISTINCTIVE, GENERIC):
                                seen_tokens.add(tok.text)
            for text in seen_tokens:
                df[text] += 1
            analysed.append((idx, schema or "", items))
        built.df = dict(df)
        idf = Idf(built.df, len(self.entries))
        for idx, schema, items in analysed:
            seen_forms: set[tuple[str, ...]] = set()
            ids = identifier_numbers(self.entries[idx].identifiers)
            vessel = self.entries[idx].type == "vessel"
            for an, kind in items:
                for form in forms_of(an, idf=idf, kind=kind, entry=idx, schema=schema or None):
                    sig = form.texts + form.joins
                    if sig in seen_forms:
                        continue
                    seen_forms.add(sig)
                    if ids or vessel:
                        form = replace(form, ids=(form.ids | ids) if ids else form.ids, vessel=vessel)
                    built.add_form(form)
        _build_neighbourhoods(built)

    def _near_join_keys(self, joined: str) -> list[str]:
        """Listed words one letter longer or shorter than two query words joined
        ("ahmadiman" -> "ahmadian"); never listed joins, which the query's exact join
        meets. Not remembered: joins rarely recur, and in a bulk run the look-up cache
        grew by tens of megabytes per worker when they were."""
        dels = self.del_map  # a listed word is among its own entries; a join never is
        near = {d for d in _deletes(joined) if d in dels.get(d, ())}
        near.update(dels.get(joined, ()))
        near.discard(joined)
        return list(near)

    def _cognate_spellings(self, word: str, cognate_key: str) -> list[str]:
        """Listed words of plain English spelling a romanised Russian ``word`` names
        (KOMPONENTOV / components, KOMPOZITNYE / composite, LAZERNOI / laser): found by
        the skeleton of its cognate key, bare or with an English ending, as
        :func:`russian.cognate` then confirms. No table is kept for them: most listed
        words could be one."""
        out = []
        for ending in _COGNATE_SPELLED_ENDINGS:
            for key in self.skel_map.get(skeleton(cognate_key + ending), ()):
                if cognate(word, key, a_governed=True):  # a candidate: the score reads the context
                    out.append(key)
        # two listed words the Russian word writes as one (RADIOELEKTRONNYE / "Radio
        # Electronic"): their join is a key, met as spelled with c for k
        joined = cognate_key.replace("k", "c")
        if joined != cognate_key and joined in self.postings and joined not in self.skel_map.get(skeleton(joined), ()):
            out.append(joined)
        return out

    # --------------------------------------------------------------- lookup
    def lookup(self, text: str, skel: str, tag: str) -> tuple[tuple[str, float], ...]:
        """Keys similar to one query token, with their similarity (cached)."""
        ck = (text, skel)
        hit = self._lookup_cache.get(ck)
        if hit is not None:
            return hit

        found: dict[str, float] = {}
        if text in self.postings:
            found[text] = 1.0
        if tag not in (NUMBER, INITIAL):
            near: set[str] = set(self.skel_map.get(skel, ()))
            if len(text) >= MIN_FUZZY_KEY:
                near.update(self.del_map.get(text, ()))
                for d in _deletes(text):
                    if d in self.postings:
                        near.add(d)
                    near.update(self.del_map.get(d, ()))
                p = phonetic(text)
                if len(p) >= MIN_PHONETIC_KEY:
                    near.update(self.phon_map.get(p, ()))
            for key in near:
                if key in found:
                    continue
                s = token_sim(text, key, skel, skeleton(key))
                if s > 0:
                    found[key] = s
            for key in self._nickname_keys(text, skel):
                found.setdefault(key, NICKNAME_SIM)
            for cognate_key in russian_keys(text):
                for key in self.cog_map.get(cognate_key, ()):
                    found.setdefault(key, COGNATE_SIM)
                for key in self._cognate_spellings(text, cognate_key):
                    found.setdefault(key, COGNATE_SIM)
        elif tag == INITIAL:
            pass
        return remember(self._lookup_cache, ck, tuple(found.items()), LOOKUP_CACHE_MAX)

    def lookup_abjad(self, text: str, skel: str, tag: str) -> tuple[tuple[str, float], ...]:
        """:meth:`lookup` for a token read from Arabic script, which writes few
        vowels ("mhmd" for محمد), so listed words with the same consonants
        (:func:`~screening.matching.normalize.consonants` of their skeletons) are found too."""
        ck = (text, skel)
        hit = self._abjad_cache.get(ck)
        if hit is not None:
            return hit
        found: dict[str, float] = {}
        if tag not in (NUMBER, INITIAL):
            near = {listed for key in lookup_keys(text) for listed in self._listed_with_consonants(key)}
            # the words the letters can be read as; only when there are none, those that
            # share the consonants and the Latin look-up of the reading ("ly" is not LY)
            found = dict.fromkeys(readable_as(text, near), ABJAD_KEY_SIM)
            if not found:
                found = dict.fromkeys(near, ABJAD_NEAR_SIM)
                found.update(self.lookup(text, skel, tag))
        if text in self.postings:
            found[text] = 1.0
        return remember(self._abjad_cache, ck, tuple(found.items()), ABJAD_CACHE_MAX)

    def arabic_idf(self, token: str) -> float:
        """Rarity of a word read from Arabic script: that of the most common listed
        word its letters can be read as ("ly", علي: Ali), not of the unknown reading."""
        value = self._arabic_idf.get(token)
        if value is None:
            readings = [k for k, s in self.lookup_abjad(token, skeleton(token), DISTINCTIVE) if s >= ABJAD_KEY_SIM]
            value = remember(self._arabic_idf, token, min((self.idf(k) for k in readings), default=self.idf(token)),
                              ABJAD_CACHE_MAX)
        return value

    def compound_words(self, window: tuple[str, ...]) -> tuple[str, ...]:
        """Listed words that write the Arabic-script words ``window`` as one
        (نصر الله, "Nasrallah"; :func:`~screening.matching.alignment.compound_reads`), cached:
        the words of a name are windows of every search for it."""
        hit = self._compound_cache.get(window)
        if hit is not None:
            return hit
        result = tuple(listed for key in lookup_keys("".join(window))
                       for listed in self._listed_with_consonants(key) if compound_reads(window, listed))
        return remember(self._compound_cache, window, result, COMPOUND_CACHE_MAX)

    def _listed_with_consonants(self, key: str) -> list[str]:
        """Listed words whose skeleton has the consonant ``key`` (see :meth:`lookup_abjad`)."""
        if len(key) < MIN_ABJAD_KEY:
            return []
        return [listed for s in self.consonant_map().get(key, ()) for listed in self.skel_map[s]]

    def consonant_map(self) -> dict[str, tuple[str, ...]]:
        """Consonant key -> the listed skeletons with it; built on the first query in
        Arabic script (most screening never needs it: about 5 MB)."""
        if self._consonant_map is None:
            with paused_collector():  # its 14,000 lists, short-lived, would age into the oldest generation
                out: dict[str, list[str]] = defaultdict(list)
                for s in self.skel_map:
                    if s.isalpha():
                        out[consonants(s)].append(s)
                self._consonant_map = {k: tuple(v) for k, v in out.items()}
        return self._consonant_map

    def _nickname_keys(self, text: str, skel: str) -> list[str]:
        """Listed words in a nickname or spelling group with ``text`` (mike -> michael, kashi -> kashgar)."""
        t = tables()
        out: list[str] = []
        groups = t.nicknames.get(text, frozenset()) | t.nicknames.get(skel, frozenset())
        out.extend(n for g in groups for n in t.nickname_groups[g] if n != text and n in self.postings)
        for g in t.equivalents.get(text, ()):
            out.extend(n for n in t.equivalent_groups[g] if n != text and n in self.postings)
        return out

    def _choice_keys(self, form: Form, matches: list[tuple[tuple[str, float], ...]],
                     extra: list[tuple[tuple[int, ...], str]]) -> None:
        """Add the listed words a query word's pinyin readings find ("Chiang Ching-kuo":
        Wade-Giles ching is pinyin jing; "Ho Kwok Leung": Cantonese kwok is guo), and
        their pairs written as one word ("jingguo", "guoliang"), to ``matches`` and
        ``extra``: the alignment takes whichever reading the listed name uses. Only
        readings of :data:`SPELLING_SYSTEMS`: a name in Han or Hangul is looked up by
        its own readings already."""
        pieces = _spelling_pieces(form)
        for i, readings in pieces.items():
            found = dict(matches[i])
            for piece in readings:
                for key, sim in self.lookup(piece.texts[0], piece.skels[0], piece.tags[0]):
                    found[key] = max(sim, found.get(key, 0.0))
            matches[i] = tuple(found.items())
        extra.extend(((i, i + 1), joined) for i, joined in _spelling_joins(form, pieces) if joined in self.postings)

    def candidates(self, form: Form, limit: int, min_cover: float = MIN_COVER) -> list[int]:
        """Form ids that may score at review strength against the query ``form``.

        Returns at most ``limit`` ids, best upper bound first.
        """
        return [fid for _, fid in self.candidates_scored(form, limit, min_cover)]

    def candidates_scored(self, form: Form, limit: int, min_cover: float = MIN_COVER) -> list[tuple[float, int]]:
        """:meth:`candidates` with each id's covered query weight (its upper bound)."""
        n = len(form.texts)
        if n == 0:
            return []
        weights = form.weights
        # A list name must cover min_cover of what the query's words cost when missing.
        total = sum(unmatched_costs(form))
        if total <= 0:
            return []
        matches: list[tuple[tuple[str, float], ...]] = []
        lookup = self.lookup_abjad if form.script == "Arab" else self.lookup
        for i in range(n):
            matches.append(lookup(form.texts[i], form.skels[i], form.tags[i]))
        # query-side joins ("hai guang" typed for "haiguang")
        extra: list[tuple[tuple[int, ...], str]] = []
        if form.choices:
            self._choice_keys(form, matches, extra)
        for size in (2, 3):
            for i in range(n - size + 1):
                window = form.texts[i : i + size]
                joined = "".join(window)
                if size == 2 and form.script == "Latn" and len(joined) >= NEAR_JOIN_MIN_LEN:
                    # two words a listed word writes as one, a letter apart ("Ahmad Iman" /
                    # AHMADIAN): what scoring every listed name finds (bench/match_recall.py)
                    span = tuple(range(i, i + size))
                    extra.extend((span, key) for key in self._near_join_keys(joined))
                if joined in self.postings:  # "ural vagon zavod" typed for "uralvagonzavod"
                    extra.append((tuple(range(i, i + size)), joined))
                elif size == 3 and min(len(w) for w in window) > JOIN_TRIPLE_SHORT:
                    continue
                elif form.script == "Arab" and may_be_compound(window):  # نصر الله for "Nasrallah"
                    span = tuple(range(i, i + size))
                    extra.extend((span, listed) for listed in self.compound_words(window))
        # a one-word query in capitals that spells a listed name's initials ("POGC")
        if n == 1:
            key = ACRONYM_KEY + form.texts[0]
            if key in self.postings:
                extra.append(((0,), key))
        # a listed word that swallowed the query's legal form ("alphaag" for "Alpha AG")
        for legal in {x.replace(" ", "").lower() for x in form.legal}:
            for i, text in enumerate(form.texts):
                for joined in (text + legal, legal + text):
                    if joined in self.postings:
                        extra.append(((i,), joined))
        order = sorted(range(n), key=lambda i: -weights[i])
        need = min_cover * total
        # prefix: the smallest set of heaviest tokens whose complement cannot reach `need`
        prefix: list[int] = []
        rest = sum(weights)
        for i in order:
            if rest < need:
                break
            prefix.append(i)
            rest -= weights[i]
        postings = self.postings
        acc: set[int] = set()
        for i in prefix:
            for key, _ in matches[i]:
                acc.update(postings[key])
        for _, joined in extra:
            acc.update(postings[joined])
        if not acc:
            return []
        keysets = self.keysets
        # Best similarity of each query token per candidate, walking for each key
        # whichever is shorter: its postings, or the candidates.
        n_acc = len(acc)
        bests: list[dict[int, float]] = []
        for i in range(n):
            best: dict[int, float] = {}
            for key, sim in matches[i]:
                plist = postings[key]
                if len(plist) <= n_acc:
                    hits: Iterable[int] = acc.intersection(plist)  # in C: most postings miss
                else:
                    hits = [fid for fid in acc if key in keysets[fid]]
                if sim >= 1.0:
                    best.update(dict.fromkeys(hits, sim))  # nothing beats an exact key
                    continue
                for fid in hits:
                    if sim > best.get(fid, 0.0):
                        best[fid] = sim
            bests.append(best)
        got: dict[int, float] = dict.fromkeys(acc, 0.0)
        for i in range(n):
            w = weights[i]
            for fid, sim in bests[i].items():
                got[fid] += w * sim
        if extra:  # a joined key ("haiguang") covers both of its query tokens in full
            joined_tokens: dict[int, set[int]] = {}
            for span, joined in extra:
                for fid in postings[joined]:
                    if fid in acc:
                        joined_tokens.setdefault(fid, set()).update(span)
            for fid, toks in joined_tokens.items():
                got[fid] += sum(weights[t] * (1.0 - bests[t].get(fid, 0.0)) for t in toks)
        scored: list[tuple[float, int]] = [(g, fid) for fid, g in got.items() if g >= need]
        scored.sort(reverse=True)
        return scored[:limit]
