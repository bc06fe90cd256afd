"""Read one document the way an ACLED coder does: candidate sentences, events, statistics."""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Final, Protocol

from spacy.language import Language
from spacy.tokens import Doc

from sitmap import nlp
from sitmap.extract import context, taxonomy
from sitmap.extract.actors import (
    Mention,
    acled_country,
    find_countries,
    find_mentions,
    is_generic,
    is_named,
    iso3_of,
    named_groups_in,
)
from sitmap.extract.claims import Attribution, find_attribution
from sitmap.extract.dates import POSSESSIVE, DateCue, find_dates, names_with_possessive
from sitmap.extract.events import Candidate, build, choose_trigger, notes, with_doc_id
from sitmap.extract.fatalities import Count, find_counts, is_context_toll
from sitmap.extract.incidents import Reading, fold_incidents, victim_class
from sitmap.extract.lexicon import match_spans
from sitmap.extract.merging import merge_document_events
from sitmap.extract.places import (
    Placing,
    deadliest_listed,
    focus,
    listed_places,
    place_event,
    region_of,
    specificity,
)
from sitmap.extract.roles import trigger_token
from sitmap.extract.snippets import apply_document_prediction
from sitmap.extract.triggers import Trigger, find_triggers
from sitmap.model import Actor, Document, Event, Evidence, Sentence, Source, Statistic, Territory, Toponym
from sitmap.nlp.sentences import is_caption

# "Earlier, the Observatory reported that the strikes killed 31": a report made before, of the
# incident told already, not an earlier incident (its words before the verb name no violence)
_EARLIER_REPORT: Final = (
    r"(?:\W+(?!kill|attack|shell|bomb|strike|struck|fir|clash)[\w'’-]+){0,10}?\W+"
    r"(?:said|reported|noted|told|announced|stated|added)\b"
)
_ANOTHER_INCIDENT: Final = re.compile(
    r"\b(?:^earlier\b(?!"
    + _EARLIER_REPORT
    + r")|^elsewhere|separately|in a separate (?:attack|incident)|(?<!\bto )(?!retaliatory fire)retaliat\w*|"
    r"a day later|the (?:next|following) day|the day before|a second (?:attack|incident|strike|blast)|"
    r"also (?:flared|erupted|broke out|raged))\b"
    # ("prompting the troops to retaliate", "killed in retaliatory fire" are the same exchange of fire)
    # a scene set apart at the head of the sentence: "In the occupied West Bank, troops killed ..."
    r"|(?-i:^In (?:the )?(?:occupied |neighbouring |neighboring |nearby )?(?:(?:[a-z-]+ ){0,2}(?:countryside|outskirts|"
    r"suburbs|province|region|district|governorate|state|area) of (?:the )?)?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*,)"
    # an item of a bulleted summary ("- A missile strike on Kharkiv killed three ..."): one incident each
    r"|^[-•*–]\s",
    re.IGNORECASE,
)
# A sentence that tells another incident than the one before it ("A mosque was also destroyed").
_ASIDE: Final = re.compile(
    r"\b(?:also|meanwhile|elsewhere|separately|in a separate|in another)\b", re.IGNORECASE
)
# A web page's keyword list run into the story ("Tags Syria Ahrar al-Sham Zabadani airstrikes A
# double suicide bombing in northern Syria ..."): its names say what the site files the story under.
_TAGS: Final = re.compile(r"\bTags\s+")
# A place name that only begins another name is not where anything happens: a group's ("the
# Ta'ang National Liberation Army", "Tigray Defence Forces", "Sinaloa Cartel") or a road's ("the
# Namanga road" runs 100 km from Namanga; "Baghdad Street" is in Damascus).
_NAME_CONTINUES: Final = re.compile(
    r"(?:[ -](?:[A-Z][\w'’-]*|of|the|and|for))*?[ -](?:Army|Front|Movement|Party|Forces|Brigades?|"
    r"Battalions?|Militias?|Cartel|Council|Alliance|Organi[sz]ation)\b|\s+(?i:road|street|avenue)\b"
)
# The newspaper a dateline credits, named for its city: "BAHIR DAR (Addis Standard) -"
_CREDITED_PAPER: Final = re.compile(
    r"[^()]{0,30}\s(?:Standard|Times|Post|Tribune|Herald|Chronicle|Observer|Monitor|Gazette|Telegraph|Journal|"
    r"Online|Today|Express|Star|Mirror|Independent|Voice|Insider|Daily)\)"
)
_FUNCTION_WORD: Final = re.compile(
    r"(?i:the|an?|in|on|at|of|to|from|by|with|for|was|were|is|are|has|have|had)", re.ASCII
)
_UNNAMED_PLACE: Final = re.compile(
    r"^\W*(?:of\s+)?(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|district|area|hill|base)\b(?!\s+of)",
    re.IGNORECASE,
)
_SPEAKER: Final = re.compile(
    r"(?:the |a )?\b(?:police|army|military|officials?|activists?|residents|sources|spokes(?:man|woman))\b"
    r"(?= (?:said|says|told|reported|added|claimed)\b)"
    # whoever condemns or welcomes what happened only speaks of it ("UNMISS condemns deadly attack")
    r"|(?-i:\b[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})(?=\)?\s+(?:strongly\s+|firmly\s+)?(?:condemn|denounc|deplor|welcom)\w*)",
    re.IGNORECASE,
)
_CROWD: Final = re.compile(
    r"\b(?:hundreds|thousands|dozens|scores|crowds?|tens of thousands|\d[\d,]* (?:people|residents|supporters))\b",
    re.IGNORECASE,
)
# The words right before a place that say something happens there ("in northern Syria", "near the
# town of Azaz", "Aleppo's countryside" is matched by the place itself).
_LOCATIVE: Final = re.compile(
    r"\b(?:in|at|near|into|inside|outside|across|from|of|around|towards?|outskirts of)\s+"
    r"(?:(?:the|northern|southern|eastern|western|north|south|east|west|central|north-?(?:east|west)\w*|"
    r"south-?(?:east|west)\w*|(?:town|city|village|province|region|area|district)\s+of)\s+){0,3}$",
    re.IGNORECASE,
)
_ACCORDING_TO: Final = re.compile(r"\baccording to\b[^.;:]*", re.IGNORECASE)
# In a long article, at most this many sentences are embedded, each cut to this many words: the
# embedding is the costliest step per article, and two 32-word cuts read FA-KES as well as four
# 48-word ones (type vs cause 0.776 against 0.782, the other fields within one article).
MAX_CLASSIFIED: Final[int] = 2
CLASSIFIED_WORDS: Final[int] = 32
# Documents this short are read whole by the classifier too (news snippets, headlines).
SHORT_DOCUMENT: Final[int] = 900
NONE_LABEL: Final[str] = "NONE"


class SubeventClassifier(Protocol):
    """A learned sub-event classifier: per text, (label, probability) best first; "NONE" = no event."""

    def predict(self, texts: list[str]) -> list[list[tuple[str, float]]]:
        """Readings of short texts, each read whole."""
        ...

    def predict_sentences(self, texts: list[str]) -> list[list[tuple[str, float]]]:
        """Readings of single candidate sentences of long articles (a cheaper model)."""
        ...


@dataclass(frozen=True, slots=True)
class _Dated:
    value: date | None
    precision: int
    cue: DateCue | None


Article = tuple[Document, list[Sentence], list[Toponym]]
"""A document with its sentences and resolved toponyms: what the extraction reads."""
Coded = tuple[list[Event], list[Statistic]]


def find_events(
    document: Document,
    sentences: list[Sentence],
    toponyms: list[Toponym],
    language: Language,
    classifier: SubeventClassifier | None = None,
) -> Coded:
    """The events and statistics an ACLED coder would read from one document."""
    return find_events_in([(document, sentences, toponyms)], language, classifier)[0]


def find_events_in(
    articles: Sequence[Article], language: Language, classifier: SubeventClassifier | None = None
) -> list[Coded]:
    """``find_events`` of each article, in order, with one parse and one classifier call for all.

    Each article is read on its own; only the spaCy parse of the candidate sentences and the
    embedding of the texts to classify run over the whole batch, which is faster than article by
    article and gives the same results (neither depends on the other texts of a batch).
    """
    # strings and lexemes the parse adds to the vocabulary are freed when the batch is coded, once
    # the first batches' words are kept: else spaCy's string store grows with every new word
    with nlp.batch_zone(language):
        drafts = [_draft(document, sentences, toponyms) for document, sentences, toponyms in articles]
        # only sentences that survived the cheap rules are parsed, and only the unsure ones embedded
        spotted = [item for draft in drafts for item in draft.spotted]
        docs = iter(_parse_once([item.sentence.text for item in spotted], language) if spotted else [])
        for draft in drafts:
            parsed = [replace(item, doc=next(docs)) for item in draft.spotted]
            draft.spotted = [item for item in parsed if not _unrealised(item.doc, item.trigger)]
        asked = [_to_classify(draft) if classifier is not None else [] for draft in drafts]
        # short texts read whole go to the whole-text model, long articles' sentences to the sentence one
        whole_texts = [text for texts in asked for key, text in texts if key == _WHOLE]
        sentence_texts = [text for texts in asked for key, text in texts if key != _WHOLE]
        wholes, parts = (
            iter(_predict(classifier, whole_texts)),
            iter(_predict(classifier, sentence_texts, True)),
        )
        results = []
        for draft, texts in zip(drafts, asked, strict=True):
            predictions = {key: next(wholes if key == _WHOLE else parts) for key, _ in texts}
            whole = predictions.pop(_WHOLE, None) if draft.short else None
            results.append(_finish(draft, predictions, whole))
        return results


def _parse_once(texts: list[str], language: Language) -> list[Doc]:
    """The parses of ``texts`` in order, each distinct text parsed once: wire copy run by several
    outlets repeats whole sentences in a batch, and a text's parse does not depend on the others
    (nor on the batch size). The parses are only read, so repeats share one."""
    distinct = list(dict.fromkeys(texts))
    parsed = dict(zip(distinct, nlp.parse(distinct, language), strict=True))
    return [parsed[text] for text in texts]


_WHOLE: Final[int] = -1  # the key of a short text's whole-text reading among its predictions


@dataclass(slots=True)
class _Draft:
    """One article after the cheap rules: its country, places, dates, claims and candidate sentences."""

    document: Document
    country: str
    toponyms: list[Toponym]
    focus_place: Toponym | None
    short: bool
    said: dict[int, Attribution]
    dates: dict[int, _Dated]
    statistics: list[Statistic]
    spotted: list[_Spotted]
    asides: frozenset[int] = frozenset()
    crime: bool = False  # an ordinary police case: its arrests are no political event
    issuer: Evidence | None = None  # who issued a press release: the claimant of its events
    headings: frozenset[int] = frozenset()  # sentences that are section headings


def _draft(document: Document, sentences: list[Sentence], toponyms: list[Toponym]) -> _Draft:
    country = _document_country(document, toponyms)
    toponyms = _in_country(toponyms, country, document.text)
    tags = _tag_spans(document.text)
    toponyms = [t for t in toponyms if not any(start <= t.start < end for start, end in tags)]
    toponyms = [t for t in toponyms if not _NAME_CONTINUES.match(document.text, t.end)]
    toponyms = [
        t
        for t in toponyms
        if not (document.text[t.start - 1 : t.start] == "(" and _CREDITED_PAPER.match(document.text, t.end))
    ]
    # a picture's caption ("... near destroyed buildings in Hasakeh (AFP photo)") reports no event
    candidates = [
        (sentence, find_triggers(sentence.text)) for sentence in sentences if not is_caption(sentence.text)
    ]
    candidates = [
        (
            sentence,
            triggers
            or _claim_trigger(sentence.text)
            or _identified_trigger(sentence.text)
            or _toll_trigger(sentence.text),
        )
        for sentence, triggers in candidates
    ]
    candidates = [(sentence, triggers) for sentence, triggers in candidates if triggers]

    attributions: list[Attribution] = []
    said: dict[int, Attribution] = {}
    for sentence in sentences:
        attribution = find_attribution(sentence.text, attributions, country)
        if attribution is not None:
            attributions.append(attribution)
            said[sentence.index] = attribution
    dates = _sentence_dates(document, sentences)

    statistics: list[Statistic] = []
    sport = context.sport_document(document.text)
    drill = context.exercise_document(document.text)
    court = context.court_document(document.text)
    disaster = context.disaster_document(document.text) or context.accident_document(document.text)
    spotted: list[_Spotted] = []
    past_told: set[int] = set()  # sentences that tell only a past event named by its year
    for sentence, triggers in candidates:
        if disaster:
            # a storm's, a flood's or an accident's story: only the sure words of political violence count
            triggers = [t for t in triggers if t.strength >= 3]
            if not triggers:
                continue
        if _SUMMARY.match(sentence.text) or _ROLL_UP.search(sentence.text):
            # a monitor's "Summary: ..." or "Daily toll: ..." rolls up the incidents its sections tell
            # one by one, as does a sentence that opens their list ("... across Syrian territory
            # on Tuesday, as follows:")
            continue
        counts = find_counts(sentence.text)
        dated = dates[sentence.index]
        if (
            court
            and not all(t.sub_event_type in _DEMONSTRATIONS for t in triggers)
            and (context.is_court(sentence.text) or dated.cue is None or dated.cue.precision != 1)
        ):
            # a trial's story: its verdict is no event, and the attack it judged was told when it
            # happened; only a sentence with a day of its own and no word of the case may tell one
            # (a rally outside the court is still a rally)
            continue
        if sentence.index - 1 in past_told and dated.cue is None:
            # the sentence after one about a past event, with no day of its own, goes on about it
            # ("The attacker ... was shot dead by police at the scene.")
            past_told.add(sentence.index)
            continue
        past = _past_event_spans(sentence.text, document.published)
        if past and dated.cue is not None and dated.cue.background:
            # a sentence dated only by the past event it names ("the perpetrators of the July 2016
            # attack"): the next one without a day of its own goes on about that event
            past_told.add(sentence.index)
        marked = _spans_of(_ANNIVERSARY, sentence.text) + _since_clauses(sentence.text)
        # ("a day after it was announced that air strikes killed 58" tells when it was reported)
        # ("A day after the raid gunmen killed three more", without a comma, leaves no clause end)
        before = [
            (start, end)
            for start, end in _spans_of(_AFTER, sentence.text)
            if not _REPORTED.search(sentence.text, start, end)
            and not (start < 20 and not sentence.text[end:].strip(" .\"'”"))
        ]
        spans = past + marked + before + _spans_of(_AS_CONTEXT, sentence.text)
        if spans:
            # "sentenced two men for a 2016 truck attack in Nice that killed 86 people": the
            # triggers, tolls and places of a past event named by its year are not today's event,
            # nor those of what an anniversary marks ("to mark 12 years since gunmen stormed the
            # mall, killing 67") or of what came before ("a day after dozens were killed in air
            # strikes on Idlib"): the article tells that one elsewhere if it reports it
            triggers = [t for t in triggers if not any(start <= t.start < end for start, end in spans)]
            counts = [c for c in counts if not any(start <= c.start < end for start, end in spans)]
            if not triggers:
                if past or marked:
                    past_told.add(sentence.index)
                continue
        # a context toll, unless the sentence also tells a toll of its own before a trailing aside
        # ("killed one man on Friday, ... despite a ceasefire in force since November 2024")
        # A sentence without a figure that speaks of a period is background ("Since then, fighting
        # has shifted east") unless it has a day of its own: "marched on Wednesday in one of the
        # largest rallies this year" tells its event.
        dated_itself = dated.cue is not None and dated.cue.precision == 1 and not dated.cue.background
        context_toll = (
            all(count.context for count in counts)
            and is_context_toll(sentence.text)
            and (bool(counts) or not dated_itself)
        )
        if context_toll or (dated.cue is not None and dated.cue.background):
            statistics += _statistics(document, sentence, counts, dated, said.get(sentence.index), country)
            continue
        has_deaths = any(count.kind == "killed" for count in counts)
        if not has_deaths and (sport or context.is_sport(sentence.text)):
            continue
        if not has_deaths and (drill or context.is_exercise(sentence.text)):
            # "troops fired artillery and stormed a beach in a simulated invasion": violence in a
            # drill is no event; the drill itself may still be a strategic development
            triggers = [
                t for t in triggers if taxonomy.event_type_of(t.sub_event_type) == "Strategic developments"
            ]
            if not triggers:
                continue
        # the day of a clause that tells an earlier event ("since troops crossed on May 10") is
        # not the sentence's own
        cue = dated.cue
        own_day = (
            cue is not None
            and cue.precision == 1
            and not any(start <= cue.start < end for start, end in spans)
        )
        if (context.is_habitual(sentence.text) or context.is_aftermath(sentence.text)) and not own_day:
            # "the town has been shelled almost daily": what keeps happening is background; "the
            # district has since been rebuilt" looks back on an incident
            continue
        found = find_mentions(sentence.text, country)
        # "JNIM claimed the attack in a statement": the claimant is no mere speaker
        claimant = _claimant(sentence.text, found)
        mentions = _not_speaker(found, said.get(sentence.index), sentence.text)
        aside = _WHILE_CLAUSE.search(sentence.text)
        if aside is None and not sentence.text.rstrip().endswith((".", '"', "”")):
            # a headline's two items ("KIA seizes base at Shwegu; air strike kills six in Waingmaw")
            aside = _HEADLINE_ITEMS.search(sentence.text)
        if aside is not None and any(t.start < aside.start() for t in triggers):
            # "Security forces shot dead a man in Conakry on Thursday, while marches in Labe and
            # Mamou passed off peacefully or ended in rioting": the lede's event is its main
            # clause's; the other places are told again below
            triggers = [t for t in triggers if t.start < aside.start()]
            counts = [c for c in counts if c.start < aside.start()]
            mentions = [m for m in mentions if m.start < aside.start()]
            has_deaths = any(count.kind == "killed" for count in counts)
            spans = [*spans, (aside.start(), len(sentence.text))]
            attribution = said.get(sentence.index)
            if attribution is not None and attribution.end > aside.start():
                # "RSF shelling kills six in El Obeid; Sudan army says it retook Bara": who
                # speaks in the other item (or a phrase across both) does not tell the main one
                del said[sentence.index]
        # "relatives of those killed", "the detained": people named by what befell them
        triggers = [
            t
            for t in triggers
            if not (
                t.text.lower() in _FATES
                and _NAMED_BY_FATE.search(sentence.text, max(0, t.start - 8), t.start)
            )
        ]
        if not triggers:
            continue
        others = [t for t in triggers if t.sub_event_type not in _DEMONSTRATIONS]
        if others and len(others) < len(triggers):
            # "The protest was called after police arrested three leaders": the protest told before
            # is named again; the sentence's own news is the arrest
            triggers = [
                t
                for t in triggers
                if t.sub_event_type not in _DEMONSTRATIONS or not _TOLD.search(sentence.text, 0, t.start)
            ]
        trigger = choose_trigger(_outside_names(triggers, mentions), sentence.text, has_deaths)
        if trigger is not None:
            dated = _trigger_day(sentence.text, trigger.start, dated, document.published)
            told = len(sentence.text) if aside is None or aside.start() <= trigger.start else aside.start()
            spotted.append(_Spotted(sentence, trigger, mentions, counts, dated, claimant, tuple(spans), told))
    short = len(document.text) <= SHORT_DOCUMENT
    asides = frozenset(sentence.index for sentence in sentences if _ASIDE.search(sentence.text))
    headings = frozenset(sentence.index for sentence in sentences if _is_heading(sentence.text))
    background = frozenset(
        index for index, dated in dates.items() if dated.cue is not None and dated.cue.background
    )
    return _Draft(
        document,
        country,
        toponyms,
        focus(toponyms, document.text, background),
        short,
        said,
        dates,
        statistics,
        spotted,
        asides,
        context.crime_document(document.text),
        _issuer(document, sentences),
        headings,
    )


# A section heading of a monitor's report or a live page ("Mocimboa da Praia district",
# "10:20 - Zaporizhzhia: drones hit homes"): a short line without a sentence's full stop.
HEADING_WORDS: Final[int] = 8


def _opens_paragraph(text: str, start: int) -> bool:
    """Whether the sentence at ``start`` begins a paragraph (a blank line before it)."""
    return text[max(0, start - 4) : start].replace(" ", "").endswith("\n\n")


# A headline: the document's first line, without a closing full stop, of at most this many words.
HEADLINE_WORDS: Final[int] = 24


def _headline_into_body(document: Document, events: list[Event]) -> list[Event]:
    """An event told only by the headline, or by a bullet of a highlights block ("HIGHLIGHTS -
    At least 14 people killed in a gang attack on Kenscoff commune on 12 September"), is the
    body's event of its kind and place (or of its kind, day and toll) when the body tells one
    ("...; teacher shot dead in Kumbo" above "In Kumbo, ... separatist fighters shot dead a
    teacher"): the summary is no incident of its own. Its evidence joins that event's."""
    summary = _summary_spans(document.text)
    if not summary:
        return events

    def in_summary(start: int) -> bool:
        return any(begin <= start < end for begin, end in summary)

    def in_body(event: Event) -> bool:
        return any(not in_summary(item.start) for item in event.evidence if item.field == "event")

    def same(one: Event, other: Event) -> bool:
        return one.sub_event_type == other.sub_event_type and (
            one.location == other.location
            or (one.event_date == other.event_date and one.fatalities == other.fatalities > 0)
        )

    summaries = [
        event
        for event in events
        if not in_body(event) and any(in_body(other) and same(other, event) for other in events)
    ]
    return [
        replace(
            event,
            evidence=(
                *event.evidence,
                *(item for s in summaries if same(s, event) and in_body(event) for item in s.evidence),
            ),
        )
        for event in events
        if not any(event is s for s in summaries)
    ]


# A block of bullets that sums a report up, under its own heading
_HIGHLIGHTS: Final = re.compile(
    r"^[ \t]*(?:highlights|key (?:points|developments|messages|figures)|at a glance)[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_BULLET_LINE: Final = re.compile(r"[ \t]*(?:[-•*▪–][ \t]+\S.*)?(?:\n|$)")


def _summary_spans(text: str) -> list[tuple[int, int]]:
    """Where a text sums itself up: its headline (the first line, without a closing full stop, of
    at most HEADLINE_WORDS words) and the bullets under a "HIGHLIGHTS" heading."""
    spans = []
    line_end = text.find("\n")
    headline = text[:line_end].strip() if line_end > 0 else ""
    if headline and headline[-1] not in '.!?"”' and len(headline.split()) <= HEADLINE_WORDS:
        spans.append((0, line_end))
    for heading in _HIGHLIGHTS.finditer(text):
        end = position = heading.end() + 1
        while position < len(text):
            line = _BULLET_LINE.match(text, position)
            if line is None or line.end() == position:
                break
            if text[position : line.end()].strip():
                end = line.end()
            position = line.end()
        if end > heading.end() + 1:
            spans.append((heading.end(), end))
    return spans


def _is_heading(text: str) -> bool:
    line = text.strip()
    return (
        bool(line)
        and "\n" not in line
        and len(line.split()) <= HEADING_WORDS
        and line[-1] not in ".!?\"”'"
        and not _BYLINE.match(line)
    )


# "By our correspondent", "By Jane Doe, Reuters": who wrote it, no section of the story
_BYLINE: Final = re.compile(
    r"(?:by|from)\s|.*\b(?:correspondents?|reporters?|staff writers?|editors?)\b", re.IGNORECASE
)


_NAMED_BY_FATE: Final = re.compile(r"\b(?:those|the)\s+$", re.IGNORECASE)
_FATES: Final = frozenset(
    "killed dead wounded injured detained arrested abducted kidnapped displaced".split()
)
DAY_BEFORE: Final = timedelta(days=1)
_SUMMARY: Final = re.compile(
    r"\s*(?:summary|in brief|key (?:points|developments)|highlights|overview|at a glance)\s*[:–—-]",
    re.IGNORECASE,
)
_ROLL_UP: Final = re.compile(
    r"^\s*(?:daily|weekly|monthly|today['’]s|the day['’]s) (?:death )?tolls?\s*[:–—-]|"
    r"\b(?:as follows|the following)\s*:\s*$",
    re.IGNORECASE,
)
# A clause that tells what came before or after ("after parliament adopted the law last week")
_SUBORDINATE: Final = re.compile(
    r"\b(?:after|since|before|following|when|until)\b(?:[^,.;]*,){0,2}[^,.;]*$", re.IGNORECASE
)
_DEMONSTRATIONS: Final = frozenset({"Peaceful protest", "Protest with intervention", "Violent demonstration"})
# "The protest ...", "The rally ..." opening a sentence: the demonstration the story told already
_TOLD: Final = re.compile(r"^\s*the\s+$", re.IGNORECASE)
# A clause set beside the main one ("..., while in Bogura crowds set fire to an office")
# or an absolute clause of what others did meanwhile ("..., with police firing tear gas at
# demonstrators in Nairobi and a police post set ablaze in Kitengela")
_WHILE_CLAUSE: Final = re.compile(
    r",\s*(?:while|whereas\b|with\s+(?:the\s+)?(?:police|security forces|troops|soldiers|officers|protesters|"
    r"demonstrators|crowds?|rioters|mobs?)\s+\w+ing)\b",
    re.IGNORECASE,
)
# (or a second clause after "as": "Drone strike on a market kills 17 as army says it retook Bara")
_HEADLINE_ITEMS: Final = re.compile(
    r";\s|\s+as\s+(?=(?:[\w'’-]+\s+){1,4}?(?:says?|claims?|vows?|warns?|denies|accuses|retakes?|seizes?|captures?|"
    r"withdraws?)\b)"
)


# What witnesses heard ("heard heavy artillery fire", "the sound of explosions") tells of fighting
# the article reports, not an incident of its own; the verb stands this near before the trigger.
_HEARD: Final = re.compile(r"\b(?:heard|hear|hearing|sounds? of|noise of)\b", re.IGNORECASE)
HEARD_REACH: Final = 40


# "MINUSCA PRESS RELEASE", "Ministry of Defence statement" heading a text: who issued it
_PRESS_RELEASE: Final = re.compile(
    r"^\s*(?P<org>[A-Z][\w.&'’()-]*(?: [\w.&'’()-]+){0,7}?)\s+(?:PRESS RELEASE|Press Release|press release|"
    r"NEWS RELEASE|News Release|STATEMENT|PRESS STATEMENT)\s*$",
    re.MULTILINE,
)
# How far into a text its heading may stand.
_HEADING_CHARS: Final = 200


def _issuer(document: Document, sentences: list[Sentence]) -> Evidence | None:
    """The organisation a press release names in its heading, as claimed_by evidence."""
    match = _PRESS_RELEASE.search(document.text, 0, _HEADING_CHARS)
    if match is None:
        return None
    start, end = match.span("org")
    index = next((s.index for s in sentences if s.start <= start < s.end), 0)
    return Evidence(document.id, index, start, end, "claimed_by", match.group("org"))


def _to_classify(draft: _Draft) -> list[tuple[int, str]]:
    """The texts of one article the classifier reads, keyed by spotted position (or _WHOLE).

    A short text is classified whole (snippets.py) and its sentences keep the rules' reading; in
    a long article, the few sentences where the rules are least sure (weak triggers first, then
    ordinary ones; strong triggers keep the rules' reading), each cut to its first words: the
    type shows early.
    """
    if draft.short:
        return [(_WHOLE, draft.document.text)]
    spotted = draft.spotted
    unsure = sorted(
        (index for index, item in enumerate(spotted) if item.trigger.strength < 3),
        key=lambda index: (spotted[index].trigger.strength, index),
    )[:MAX_CLASSIFIED]
    return [
        (index, " ".join(spotted[index].sentence.text[: spotted[index].told].split()[:CLASSIFIED_WORDS]))
        for index in unsure
    ]


def _finish(
    draft: _Draft, predictions: dict[int, list[tuple[str, float]]], whole: list[tuple[str, float]] | None
) -> Coded:
    """The article's events from its parsed candidate sentences and the classifier's readings."""
    document, country, toponyms, focus_place = (
        draft.document,
        draft.country,
        draft.toponyms,
        draft.focus_place,
    )
    named = named_groups_in(document.text, country)
    events: list[Event] = []
    readings: list[Reading] = []
    distinct: dict[str, bool] = {}
    built: list[tuple[Candidate, _Spotted]] = []
    follow_up: list[bool] = []
    for index, item in enumerate(draft.spotted):
        sentence, trigger, mentions, counts, dated = (
            item.sentence,
            item.trigger,
            item.mentions,
            item.counts,
            item.dated,
        )
        label, probability = _top(predictions.get(index, []))
        follow_only = trigger.strength == TOLL_ONLY or bool(
            _HEARD.search(sentence.text, max(0, trigger.start - HEARD_REACH), trigger.start)
            and not any(c.kind == "killed" for c in counts)
        )  # "residents heard artillery fire all night": the sound of fighting told already
        if (
            trigger.strength < 2
            and not any(c.kind in {"killed", "neutralised", "wounded"} for c in counts)
            and label in ("", NONE_LABEL)
            and not item.claimant
        ):
            # "a Russian-backed offensive" in passing is background, not an event; "JNIM claimed the
            # attack" names who did the incident told before it. "The gunmen stormed Kaya village
            # on Monday night" gives the day of the incident before it, and no event of its own.
            if not (
                events and dated.cue is not None and dated.cue.precision == 1 and not dated.cue.background
            ):
                continue
            follow_only = True
        if (
            context.is_non_political(sentence.text)
            and trigger.strength < 3
            and not (item.claimant and trigger.strength < 2)
            and not follow_only
            and label in ("", NONE_LABEL)
            and not (dated.cue and names_with_possessive(dated.cue.text, dated.cue.end, trigger.start))
            and not (
                dated.cue is not None and dated.cue.precision == 1 and any(c.kind == "killed" for c in counts)
            )
        ):
            # "ministers condemned the attacks" is diplomacy; "condemned Saturday's killing of
            # villagers" still reports the killing it dates, as does "condemns the attack on 18
            # January, in which at least 23 people were killed"
            continue
        if (
            label == NONE_LABEL
            and probability >= 0.6
            and (trigger.strength < 3 or probability >= 0.9)
            and not (item.claimant and trigger.strength < 2)
            and not follow_only
        ):
            if not (events and trigger.strength < 2 and any(c.kind == "killed" for c in counts)):
                continue
            # "A 22-year-old man died from a gunshot wound": no incident of its own, but a death
            # for the incident told before
            follow_only = True
        attribution = draft.said.get(sentence.index)
        candidate = build(sentence, item.doc, trigger, mentions, counts, attribution, document.id, country)
        candidate.not_places += list(item.not_places)
        _apply_classifier(candidate, label, probability)
        if draft.crime and candidate.sub_event_type == "Arrests":
            continue
        _name_generic(candidate, named)
        events.append(_event(document, candidate, dated, toponyms, focus_place, draft.asides))
        built.append((candidate, item))
        follow_up.append(follow_only)
    events = _place_summaries(document, events, built, toponyms, focus_place)
    last, places = -1, set()
    for event, (_, item), follow_only in zip(events, built, follow_up, strict=True):
        # a section heading between the last incident's sentence and this one opens a new scene,
        # unless it goes back to a place told before ("09:55 - Kharkiv: more details")
        headed = (
            last >= 0
            and any(last < index < item.sentence.index for index in draft.headings)
            and event.location not in places
        )
        last = item.sentence.index
        places.add(event.location)
        separate = headed or bool(_ANOTHER_INCIDENT.search(item.sentence.text))
        distinct[event.event_id] = separate
        readings.append(
            _reading(
                event,
                item.sentence,
                item.mentions,
                item.counts,
                item.dated,
                separate,
                item.trigger.strength >= 2,
                item.claimant,
                follow_only,
            )
        )
    # the events whose sentence opens a paragraph of the document (wire copy; FA-KES's crawled
    # texts run as one paragraph)
    paragraphs = frozenset(
        event.event_id
        for event, (_, item) in zip(events, built, strict=True)
        if _opens_paragraph(document.text, item.sentence.start)
    )
    events = fold_incidents(events, readings)
    events = merge_document_events(events, distinct, paragraphs)
    events = _headline_into_body(document, events)
    if draft.issuer is not None:
        # a press release's events are its issuer's claims, unless a sentence cites someone else
        issuer = draft.issuer
        events = [
            event
            if event.claimed_by
            else replace(
                event,
                claimed_by=issuer.text,
                evidence=(*event.evidence, issuer),
                notes=notes(
                    event.event_date,
                    event.sub_event_type,
                    event.actor1,
                    event.actor2,
                    event.location,
                    event.admin1,
                    event.fatalities,
                    issuer.text,
                    event.territory is not None,
                ),
            )
            for event in events
        ]
    events = _apply_document_prediction(document, events, whole, country, focus_place, draft.dates)
    return events, draft.statistics


@dataclass(frozen=True, slots=True)
class _Spotted:
    """A sentence that passed the cheap rules: its trigger, mentions, counts, date, later its parse."""

    sentence: Sentence
    trigger: Trigger
    mentions: list[Mention]
    counts: list[Count]
    dated: _Dated
    claimant: str = ""  # the named group that claims the incident told before
    not_places: tuple[tuple[int, int], ...] = ()  # spans of the sentence whose places are not its event's
    # where the sentence's own event ends being told: a headline's or lede's other item after it
    # ("...; protesters teargassed outside the courthouse") is no part of what the classifier reads
    told: int | None = None
    doc: Doc | None = None


def _reading(
    event: Event,
    sentence: Sentence,
    mentions: list[Mention],
    counts: list[Count],
    dated: _Dated,
    separate: bool,
    tactic: bool,
    claimant: str = "",
    follow_only: bool = False,
) -> Reading:
    """What a sentence brings to its event: new-incident signals and whether it can stand alone."""
    own_place = any(item.field == "location" and item.sentence == sentence.index for item in event.evidence)
    casualties = any(not count.context and not count.subset for count in counts)
    supported = bool(mentions) or casualties or own_place
    if event.event_type == "Protests" and (dated.cue is not None or _CROWD.search(sentence.text)):
        # "hundreds protested on Monday": the crowd is the actor
        supported = True
    if context.is_nationwide(sentence.text) and not own_place:
        # "shot down 16 of 22 drones across the country": a national tally, not an incident
        supported = False
    # the noun after the figure, or the group it names ("killed 12 Maoists")
    victims = frozenset(
        victim_class(count.noun or _word_after(sentence.text, count.end))
        for count in counts
        if count.kind == "killed" and not count.subset and not count.context
    )
    return Reading(
        claimant=claimant,
        follow_only=follow_only or (bool(claimant) and not tactic and not casualties),
        separate=separate,
        own_date=dated.cue is not None,
        own_place=own_place,
        supported=supported,
        named=any(mention.actor.inter != 7 for mention in mentions),
        victims=victims,
        tactic=tactic,
        refers_back=bool(_REFERS_BACK.match(sentence.text)),
    )


# a sentence that opens on the incident told before: "The attack on the Raghwan front was repelled"
# or on its attackers ("According to the district police officer, the attackers opened fire on ...")
_REFERS_BACK: Final = re.compile(
    r"\s*(?:According to [^,]{3,80},\s*)?(?:The|This|That|the)\s+(?:(?:[\w-]+\s+){0,2}?(?:attack|assault|ambush|"
    r"raid|fighting|clash(?:es)?|battle|blast|explosion|bombing|strike|shelling|offensive)\b"
    r"(?!\s+(?:was|were)\s+(?:the|one)\b)|(?:attackers|assailants|gunmen|raiders)\b)"
)
# "claimed responsibility", "claimed the attack", "claimed Tuesday's bombing"
_CLAIM_OF_ATTACK: Final = (
    r"claim(?:ed|s|ing)\s+(?:(?:the\s+)?responsibility|(?:the|its|this|that|\w+['’]s)\s+(?:\w+\s+)?"
    r"(?:attack|bombing|blast|assault|ambush|killings?|raid|operation|explosion|strike|abduction|kidnapping))"
)
_CLAIMED: Final = re.compile(
    r"[\s,)]*(?:\w+\s+){0,3}?(?:has\s+|had\s+|have\s+)?" + _CLAIM_OF_ATTACK, re.IGNORECASE
)


_CLAIM_VERB: Final = re.compile(r"\b" + _CLAIM_OF_ATTACK + r"|\bblamed\b", re.IGNORECASE)
# "Local people blamed La Familia Michoacana", "the attack was blamed on the ADF"
# ("the army blamed the paramilitary Rapid Support Forces": a word or two may describe them)
_BLAMED_ON: Final = re.compile(r"\bblamed\s+(?:on\s+)?(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$", re.IGNORECASE)


_NAMED_YEAR: Final = re.compile(
    r"(?:a|an|the|its|their|this|that)\s+(?:[a-z]+\.?\s+)?(?:19|20)\d\d", re.IGNORECASE
)
_CLAUSE_END: Final = re.compile(r"[,;:]|\s[-–—]\s|$")


def _past_event_spans(text: str, published: date | None) -> list[tuple[int, int]]:
    """The spans of past events named by their year ("a 2016 truck attack in Nice that killed 86
    people", "the 2015 attacks"), each to the end of its clause."""
    if published is None:
        return []
    spans = []
    for cue in find_dates(text, published):
        if cue.background and _NAMED_YEAR.fullmatch(cue.text):
            spans.append((cue.start, _clause_end(text, cue.end)))
        elif cue.background and cue.precision == 3 and _IN_PAST_YEAR.match(cue.text):
            # "convicted four men over the twin suicide bombings that killed seven people in
            # Kampala in November 2021": the clause that the old date ends tells that past event
            opening = max(
                (
                    match.end()
                    for match in _PAST_CLAUSE_OPENS.finditer(text, max(0, cue.start - 160), cue.start)
                ),
                default=None,
            )
            if opening is not None:
                spans.append((opening, cue.end))
    return spans


# "in November 2021", "in 2016", "in late 2019": an old date that ends a clause about the past
_IN_PAST_YEAR: Final = re.compile(r"in\s", re.IGNORECASE)
# Where a clause about a past event opens ("over the bombings that ...", "for the attack which")
_PAST_CLAUSE_OPENS: Final = re.compile(r"\b(?:over|for|of)\s+(?=(?:the|a|an|its|their)\s)", re.IGNORECASE)


# "to mark 12 years since gunmen stormed the centre", "on the anniversary of the massacre"
_ANNIVERSARY: Final = re.compile(
    r"\b(?:(?:to|in order to)\s+(?:mark|commemorate|remember|honou?r)|marking\s+(?=the\b|\w+\s+(?:years?|months?))"
    r"|commemorating|in\s+(?:memory|remembrance|commemoration)\s+of|(?:on\s+)?the\s+(?:\w+\s+)?anniversary\s+of"
    r"|(?:\w+\s+)(?:years?|months?|decades?)\s+since)\b",
    re.IGNORECASE,
)
# "just a day after dozens were killed", "hours after", "a week after", "two days after"
_AFTER: Final = re.compile(
    r"\b(?:(?:just|only|barely|less than|more than|some)\s+)?(?:(?:a|an|one|two|three|four|five|six|several|a few|"
    r"\d+)\s+(?:days?|hours?|weeks?|months?|years?)|hours|days|weeks|the day)\s+after\b",
    re.IGNORECASE,
)
_REPORTED: Final = re.compile(
    r"\b(?:said|says|announced|reported|confirmed|claimed|according to|stated)\b", re.IGNORECASE
)
# a participle or a relative clause that goes on telling the same past event: "..., killing 67
# people", "the 2001 kidnapping of tourists, during which two hostages were beheaded"
_PARTICIPLE_GOES_ON: Final = re.compile(
    r",\s*(?:killing|leaving|wounding|injuring|claiming|(?:during|in|after) which|which (?:killed|left))\b",
    re.IGNORECASE,
)


# "has come under intensified attack since Russian troops launched a ground offensive": the event
# that opened the period a perfect tense looks back over. The clause after "since" tells what
# someone did (a past verb within a few words), unlike "since December" or "since then".
_SINCE_CLAUSE: Final = re.compile(
    r"\bsince\s+(?!(?:then|last|early|late|mid|at|in|on|about|around)\b)[\w'’-]+\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:[a-z]+ed|began|broke|took|fell|struck|came|went|overran|seized)\b"
)
_PERFECT: Final = re.compile(
    r"\b(?:has|have|had)\s+(?:not\s+|also\s+|long\s+)?(?:been|come|seen|faced|\w+ed)\b"
)


# "..., killing at least nine people, as fighting between troops and militias intensified in the
# zone": the clause sets the scene of the sentence's event; the fighting is no event of its own
_AS_CONTEXT: Final = re.compile(
    r",?\s\bas\s+(?:[\w'’-]+\s+){1,10}?(?:intensified|intensifies|continued|continues|raged|rages|"
    r"escalated|escalates|spread|spreads|mounted|mounts|persisted|persists|flared|flares)\b",
    re.IGNORECASE,
)


def _since_clauses(text: str) -> list[tuple[int, int]]:
    """The "since ..." clauses of ``text`` that tell the event a perfect tense before them counts
    from, each to the end of its clause."""
    return [(start, end) for start, end in _spans_of(_SINCE_CLAUSE, text) if _PERFECT.search(text, 0, start)]


def _spans_of(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The spans that tell an earlier event than the sentence's own (what an anniversary marks,
    what came "a day after"), each from its cue to the end of its clause, with a participle that
    goes on telling it (", killing 67 people")."""
    return [(start, _clause_end(text, end)) for start, end in match_spans(pattern, text)]


def _clause_end(text: str, start: int) -> int:
    while True:
        found = _CLAUSE_END.search(text, start)
        if found is None:
            return len(text)
        if _PARTICIPLE_GOES_ON.match(text, found.start()):
            start = found.end()
            continue
        return found.start()


def _claim_trigger(text: str) -> list[Trigger]:
    """A weak trigger on a claim of responsibility that names no tactic ("The TTP claimed
    responsibility in a message"), so the claimant can reach the incident told before it."""
    return _follow_up_trigger(_CLAIM_VERB, text)


def _follow_up_trigger(pattern: re.Pattern[str], text: str, strength: int = 1) -> list[Trigger]:
    """A trigger on what ``pattern`` finds in a sentence with no tactic of its own, so that what it
    tells (a claimant, who the attackers were, a toll) can reach the incident told before it."""
    match = pattern.search(text)
    if match is None:
        return []
    return [Trigger("Attack", strength, match.start(), match.end(), match.group(0))]


# "Both men died.", "One man died at the scene": deaths told with no tactic of their own
_DIED: Final = re.compile(r"\b(?:died|succumbed|were killed|was killed|were dead|was dead)\b", re.IGNORECASE)
TOLL_ONLY: Final[int] = 0  # the strength of a toll-only trigger: it adds to the incident before


def _identified_trigger(text: str) -> list[Trigger]:
    """A weak trigger on a sentence that says who the attackers were ("the attackers, identified
    by survivors as fighters of the M23, ..."), so the group reaches the incident told before."""
    if "identified" not in text and "believed" not in text and "described" not in text:
        return []
    return _follow_up_trigger(_IDENTIFIED, text)


_IDENTIFIED: Final = re.compile(
    r"\b(?:attackers|assailants|gunmen|militants|fighters|perpetrators|armed men)\b,?\s+(?:who\s+(?:were|was)\s+)?"
    r"(?:identified|believed|described)",
    re.IGNORECASE,
)


def _toll_trigger(text: str) -> list[Trigger]:
    """A trigger that only carries a toll to the incident told before it ("Both men died")."""
    return _follow_up_trigger(_DIED, text, TOLL_ONLY)


def _claimant(text: str, mentions: list[Mention]) -> str:
    """The named group that claims the incident ("JNIM claimed the attack in a statement",
    "Al Shabaab claimed responsibility"), right before the claim verb, or ""."""
    for mention in mentions:
        if mention.actor.inter in {2, 3, 4} and not is_generic(mention.actor.name):
            if (
                _CLAIMED.match(text, mention.end)
                or mention.identified
                or _BLAMED_ON.search(text, max(0, mention.start - 40), mention.start)
            ):
                # (or who the attackers were: "the attackers, identified by survivors as M23",
                # "residents blamed La Familia Michoacana")
                return mention.actor.name
    return ""


def _outside_names(triggers: list[Trigger], mentions: list[Mention]) -> list[Trigger]:
    """Triggers that are not words inside a group's name ("Liberation" in "National Liberation Army")."""
    names = [(m.start, m.end) for m in mentions if is_named(m.actor) and " " in m.text]
    return [
        trigger
        for trigger in triggers
        if not any(start <= trigger.start and trigger.end <= end for start, end in names)
    ]


def _name_generic(candidate: Candidate, named: list[Actor]) -> None:
    """A generic armed group becomes the one group the article names ("the rebels" -> M23)."""
    rebels = [actor for actor in named if actor.inter == 2]
    for slot in ("actor1", "actor2"):
        actor = getattr(candidate, slot)
        if actor is None or not is_generic(actor.name):
            continue
        pool = rebels if actor.name.startswith("Rebels") else named
        if len(pool) != 1:
            continue
        group = pool[0]
        other = candidate.actor2 if slot == "actor1" else candidate.actor1
        if other is not None and other.name == group.name:
            continue
        setattr(candidate, slot, Actor(group.name, group.inter, "", actor.mention))
        if candidate.territory is not None and candidate.territory.to_actor == actor.name:
            candidate.territory = Territory("", candidate.territory.from_actor, group.name)


def _not_speaker(mentions: list[Mention], attribution: Attribution | None, text: str) -> list[Mention]:
    """Actor mentions without the one who only reports the event ("police said", "the army said")."""
    spoken = [(attribution.start, attribution.end)] if attribution is not None else []
    spoken += [(match.start(), match.end()) for match in _SPEAKER.finditer(text)]
    # "..., according to a member of the Civilian Joint Task Force": whoever is cited only reports
    spoken += [(match.start(), match.end()) for match in _ACCORDING_TO.finditer(text)]
    return [
        mention
        for mention in mentions
        if not any(mention.start < end and start < mention.end for start, end in spoken)
    ]


def _word_after(text: str, end: int) -> str:
    """The word right after offset ``end`` of ``text`` ("" at its end)."""
    words = text[end:].split(maxsplit=1)
    return words[0].strip(".,;:!?\"'()") if words else ""


def _predict(
    classifier: SubeventClassifier | None, texts: list[str], sentences: bool = False
) -> list[list[tuple[str, float]]]:
    if classifier is None or not texts:
        return [[] for _ in texts]
    return classifier.predict_sentences(texts) if sentences else classifier.predict(texts)


def _top(prediction: list[tuple[str, float]]) -> tuple[str, float]:
    return prediction[0] if prediction else ("", 0.0)


def _unrealised(doc: Doc | None, trigger: Trigger) -> bool:
    if doc is None:
        return False
    token = trigger_token(doc, trigger.start, trigger.end)
    return token is not None and context.is_unrealised(token)


# Sub-event types the classifier may give a sentence only when it holds one of the type's own
# trigger words: chemical weapons are rare and named as such ("chlorine", "sarin"), and the
# embedding reads shells "landing" in a district as gas.
_NAMED_ONLY: Final = frozenset({"Chemical weapon"})


def combine(
    rule_type: str,
    strength: int,
    label: str,
    probability: float,
    casualties: bool = False,
    text: str = "",
) -> tuple[str, float]:
    """The sub-event type and confidence from the rules' reading and the classifier's top label.

    The classifier overrules a weak or ordinary trigger when fairly sure (p >= 0.45) and a strong
    trigger only when very sure (p >= 0.8); who took a place (government or not) stays with the
    rules, which read the actors; a type that must be named (``_NAMED_ONLY``) needs one of its
    trigger words in ``text``, the sentence read. Without a classifier label the trigger
    strength sets confidence.
    """
    if label in _NAMED_ONLY and not any(t.sub_event_type == label for t in find_triggers(text)):
        label = ""
    if not label or label == NONE_LABEL or label not in taxonomy.SUB_EVENT_TYPES:
        return rule_type, round(min(0.95, 0.45 + 0.1 * strength), 3)
    chosen = rule_type
    # people killed or "neutralised" make a violent reading; a calm label needs to be very sure
    calm = taxonomy.event_type_of(label) in {"Strategic developments", "Protests"}
    threshold = 0.8 if casualties and calm and _is_violent(rule_type) else 0.45
    if label != rule_type and (probability >= 0.8 or (probability >= threshold and strength <= 2)):
        territorial = {"Government regains territory", "Non-state actor overtakes territory"}
        if not (label in territorial and rule_type in territorial):
            chosen = label
    agree = chosen == label
    confidence = min(0.98, 0.35 + 0.5 * probability * (1.0 if agree else 0.5) + 0.05 * strength)
    return chosen, round(confidence, 3)


def _is_violent(sub_event_type: str) -> bool:
    return taxonomy.disorder_type_of(sub_event_type) == "Political violence"


def _apply_classifier(candidate: Candidate, label: str, probability: float) -> None:
    casualties = any(claim.kind in {"killed", "neutralised", "wounded"} for claim in candidate.claims)
    rule_type = candidate.sub_event_type
    candidate.sub_event_type, candidate.confidence = combine(
        rule_type, candidate.strength, label, probability, casualties, candidate.sentence.text
    )
    if (
        candidate.sub_event_type == "Armed clash"
        and candidate.actor2 is not None
        and candidate.actor2.inter == 7
    ):
        # a clash is between two armed sides: armed men who attack a village and kill civilians
        # commit an attack, whatever the wording reminds the classifier of
        candidate.sub_event_type = rule_type


def _document_country(document: Document, toponyms: list[Toponym]) -> str:
    """The country an article is about: where its places are, more than whose actors it names.

    A place after "in", "near", "from"... ("killed in northern Syria", "shelled villages near
    Azaz") says where things happen and counts three times a place named otherwise ("Turkey
    retaliated"); a town or province counts half as much again as a country (country names are
    often actors); demonyms and other country words ("Turkish forces", "Erdogan") count half.
    """
    text = document.text
    countries: dict[str, float] = defaultdict(float)
    for toponym in toponyms:
        if not (toponym.place and toponym.place.country):
            continue
        weight = 0.5
        if toponym.kind == "place":
            weight = 3.0 if _LOCATIVE.search(text, max(0, toponym.start - 60), toponym.start) else 1.0
            weight *= 1.5 if toponym.place.admin1 else 1.0
        countries[toponym.place.country] += weight
    named = [(toponym.start, toponym.end) for toponym in toponyms]
    for country, _, start, end in find_countries(text):
        if not any(start < other_end and other_start < end for other_start, other_end in named):
            countries[country] += 0.5
    return max(countries, key=countries.__getitem__) if countries else ""


def _tag_spans(text: str) -> list[tuple[int, int]]:
    """The keyword lists ("Tags X Y Z") run into the text: each from "Tags" to where the story
    starts, a capitalised function word ("A", "The", "At") or else the last capitalised word before
    the first lower-case one ("... Assad war Government air raids in a town")."""
    spans = []
    for match in _TAGS.finditer(text):
        words = list(re.finditer(r"\S+", text[match.end() : match.end() + 600]))
        end = None
        for index, word in enumerate(words):
            token = word.group().strip(".,;:\"'()")
            if not _FUNCTION_WORD.fullmatch(token):
                continue
            if token[0].isupper():
                end = word.start()
            else:
                capitals = [w for w in words[:index] if w.group()[0].isupper()]
                end = capitals[-1].start() if capitals else word.start()
            break
        if end is not None:
            spans.append((match.start(), match.end() + end))
    return spans


# Between a place and the country that holds it: "... district of", "... in", "..., inside"
_HELD_BY: Final = re.compile(r"\b(?:of|in|inside)\s+(?:neighbou?ring\s+)?$", re.IGNORECASE)


def _in_country(toponyms: list[Toponym], country: str, document_text: str) -> list[Toponym]:
    """Places inside the article's country, when it has any: a "Date" in Japan or an "Uman" in
    Ukraine found in a Syrian war report is a misreading, not the scene of an event. A place of
    another country that its sentence names stays ("aircraft bombed houses in the Barmal district
    of Afghanistan's Paktika province" in a Pakistani story)."""
    inside = [t for t in toponyms if t.place is not None and t.place.country == country]
    if not country or not inside:
        return toponyms
    named = [
        t
        for t in toponyms
        if t.kind == "place"
        and t.place is not None
        and t.place.feature_code == "PCLI"
        and t.place.country != country
    ]

    def placed_by_its_country(toponym: Toponym) -> bool:
        # the country named right after the place as what holds it ("the Barmal district of
        # Afghanistan's Paktika province", "in Barmal in Afghanistan"); not a capital (a
        # government's seat), not "Dohuk, Iraq" (where a speaker is) nor "the Turkish town"
        place = toponym.place
        return (
            place is not None
            and place.feature_code not in {"PPLC", "PCLI"}
            and any(
                other.place is not None
                and other.place.country == place.country
                and 0 < other.start - toponym.end <= 40
                and _HELD_BY.search(document_text, toponym.end, other.start) is not None
                for other in named
            )
        )

    return [
        t
        for t in toponyms
        if t.kind != "place"
        or (t.place is not None and (t.place.country == country or placed_by_its_country(t)))
    ]


def _sentence_dates(document: Document, sentences: list[Sentence]) -> dict[int, _Dated]:
    """Each sentence's date: its own cue, else the nearest cue before it, else publication."""
    published = document.published
    result: dict[int, _Dated] = {}
    previous = _Dated(published, 2 if published else 3, None)
    for sentence in sentences:
        if published is None:
            result[sentence.index] = previous
            continue
        found = [cue for cue in find_dates(sentence.text, published) if not _in_dateline(sentence.text, cue)]
        cues = [cue for cue in found if not _dates_report(sentence.text, cue)]
        # the most exact of the sentence's own cues: "protests, which began last week, spread on
        # Tuesday to Mombasa" happened on Tuesday
        own = min((cue for cue in cues if not cue.background), key=lambda cue: cue.precision, default=None)
        if own is None and not cues and found and previous.cue is None:
            # a lede dated only by its report ("the Arakan Army said on Monday it had seized the
            # town"): the event was that day or before, which says more than the publication date
            result[sentence.index] = _Dated(found[0].value, 2, None)
            continue
        if own is None and cues:
            result[sentence.index] = _Dated(cues[0].value, cues[0].precision, cues[0])
            continue
        if own is None:
            result[sentence.index] = _Dated(previous.value, max(previous.precision, 2), None)
            continue
        reported = [cue for cue in found if cue not in cues and cue.precision == 1 and cue.start < own.start]
        if own.relative_to_previous and reported:
            # "the RDF said on 28 November that its troops had clashed with insurgents the
            # previous day": the day before the report the sentence dates
            back = DAY_BEFORE if own.precision == 1 and own.value < published else timedelta(0)
            dated = _Dated(reported[-1].value - back, own.precision, own)
        elif own.relative_to_previous and previous.cue is not None:
            dated = _Dated(previous.value, max(previous.precision, 2), own)
        else:
            dated = _Dated(own.value, own.precision, own)
        if (
            own.precision > 1
            and previous.cue is not None
            and previous.precision == 1
            and _SUBORDINATE.search(sentence.text, 0, own.start)
        ):
            # "... had called for protests after parliament adopted the law last week": a vaguer
            # cue inside a clause of what came before dates that, not the story's day
            result[sentence.index] = dated
            continue
        # the dateline of wire copy ("on February 26, 2020 (AFP)") in a caption is not a new cue
        result[sentence.index] = dated
        if not _dates_plan(sentence.text, own):
            # "43 people would be arraigned today": the sentences after it go on with the story's day
            previous = dated
    return result


# "KYIV, May 24 (Reuters) -", and a press release's "Nairobi, 1 July 2026 -"
# "KYIV, May 24 (Reuters) -", "BAMAKO, Mali, May 24 (AFP) -", or the date alone: "Feb 3 (Reuters) -"
_DATELINE: Final = re.compile(
    r"^(?:[A-Z][\w.'’/-]*(?:\s+[A-Z][\w.'’/-]*){0,3}(?:,\s*[A-Z][\w .'’-]*)?,\s*)?$"
)
_AFTER_DATELINE: Final = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?[-–—]")


def _in_dateline(text: str, cue: DateCue) -> bool:
    """True for the date of a wire dateline ("KYIV, May 24 (Reuters) -"): when it was filed."""
    return bool(_DATELINE.match(text[: cue.start]) and _AFTER_DATELINE.match(text, cue.end))


_REPORTED_ON: Final = re.compile(
    r"\b(?:said|says|told|reported|announced|stated|added|confirmed|claimed|statement|tweeted|wrote)"
    r"(?:\s+[\w'’]+){0,4}\s+(?:on|late on|early on|in a statement on)?\s*$",
    re.IGNORECASE,
)


# "In a statement read on state television late on Wednesday, the government said ..."
_STATEMENT_ON: Final = re.compile(
    r"\b(?:statement|communiqu[eé]|press conference|briefing|broadcast)(?:\s+[\w'’]+){0,6}\s+(?:late |early )?on\s*$",
    re.IGNORECASE,
)


# Where one clause of a sentence ends and another begins ("..., while in Bogura ...").
_CLAUSE_BREAK: Final = re.compile(r"[;:]|,\s*(?:while|whereas|and|but)\b|\s[-–—]\s", re.IGNORECASE)


def _trigger_day(text: str, trigger_start: int, dated: _Dated, published: date | None) -> _Dated:
    """The day of the trigger's own clause when a sentence names two days ("rallied in the
    capital on Saturday, while in Bogura crowds set fire to an office on Sunday"); else ``dated``."""
    if published is None or dated.cue is None or dated.cue.precision != 1:
        return dated
    days = [
        cue
        for cue in find_dates(text, published)
        if cue.precision == 1
        and not cue.background
        and not cue.relative_to_previous
        and not _in_dateline(text, cue)
        and not _dates_report(text, cue)
    ]
    if len({cue.value for cue in days}) < 2:
        return dated

    def apart(cue: DateCue) -> tuple[bool, int]:
        low, high = sorted((cue.start, trigger_start))
        return bool(_CLAUSE_BREAK.search(text, low, high)), abs(cue.start - trigger_start)

    nearest = min(days, key=apart)
    return dated if nearest.value == dated.value else _Dated(nearest.value, 1, nearest)


# What is yet to happen: "would be arraigned today", "are due to meet on Friday"
_PLANNED: Final = re.compile(
    r"\b(?:will|would|shall|is to|are to|due to|scheduled to|expected to)\s+(?:\w+\s+){0,5}$", re.IGNORECASE
)


def _dates_plan(text: str, cue: DateCue) -> bool:
    """True when a date cue tells when something is yet to happen ("43 people would be
    arraigned today"): the sentences after it do not take its day."""
    return _PLANNED.search(text, max(0, cue.start - 40), cue.start) is not None


def _dates_report(text: str, cue: DateCue) -> bool:
    """True when a date cue dates the report, not the event ("an army spokesman said on Monday").

    A possessive day names the event, whatever verb comes before it ("JNIM claimed Friday's assault").
    """
    if cue.precision != 1 or cue.text.endswith(POSSESSIVE) or text.startswith(POSSESSIVE, cue.end):
        return False
    before = text[: cue.start]
    if _STATEMENT_ON.search(before):
        return True
    return bool(_REPORTED_ON.search(before)) and not re.search(r"\bthat\b[^,]*$", before)


def _statistics(
    document: Document,
    sentence: Sentence,
    counts: list[Count],
    dated: _Dated,
    attribution: Attribution | None,
    country: str,
) -> list[Statistic]:
    stats = []
    for count in counts:
        if count.subset:
            continue
        evidence = Evidence(
            document.id,
            sentence.index,
            sentence.start + count.start,
            sentence.start + count.end,
            "value",
            sentence.text[count.start : count.end],
        )
        start = dated.cue.value if dated.cue is not None and dated.cue.background else None
        stats.append(
            Statistic(
                country,
                count.kind,
                count.value,
                start,
                document.published,
                attribution.speaker if attribution else "",
                evidence,
            )
        )
    return stats


def _place_summaries(
    document: Document,
    events: list[Event],
    built: list[tuple[Candidate, _Spotted]],
    toponyms: list[Toponym],
    focus_place: Toponym | None,
) -> list[Event]:
    """A summary placed in a list of places of several regions ("six killed in Damascus, Aleppo
    and Idleb") moves to the listed place of the region where the article's other sentences, each
    naming its own place, report the most deaths ("... rose to 5 killed in Aleppo city")."""
    deaths: Counter[str] = Counter()
    summaries: dict[int, list[Toponym]] = {}
    for index, event in enumerate(events):
        own = next((item for item in event.evidence if item.field == "location"), None)
        toponym = next((t for t in toponyms if own is not None and t.start == own.start), None)
        listed = listed_places(toponym, toponyms, document.text) if toponym is not None else []
        if listed:
            summaries[index] = listed
        elif own is not None and event.fatalities:
            deaths[event.admin1] += event.fatalities
    result = list(events)
    for index, listed in summaries.items():
        best = deadliest_listed(listed, deaths)
        if best is None or region_of(best) == events[index].admin1:
            continue
        candidate, item = built[index]
        placing = Placing(best, max(best.precision, 3 if specificity(best) >= 3 else 1))
        result[index] = _event(document, candidate, item.dated, toponyms, focus_place, placing=placing)
    return result


def _event(
    document: Document,
    candidate: Candidate,
    dated: _Dated,
    toponyms: list[Toponym],
    focus_place: Toponym | None,
    asides: frozenset[int] = frozenset(),
    placing: Placing | None = None,
) -> Event:
    sentence = candidate.sentence
    excluded = [(sentence.start + start, sentence.start + end) for start, end in candidate.not_places]
    object_start = None
    if candidate.territory is not None:
        object_start = sentence.start + candidate.trigger.end
        if _UNNAMED_PLACE.match(sentence.text[candidate.trigger.end :]):
            object_start = -1
    # "Daraa: An explosive device ...": a monitor's section label names the region, not the spot
    labels = frozenset(
        t.start
        for t in toponyms
        if t.sentence == sentence.index
        and not document.text[sentence.start : t.start].strip()
        and document.text[t.end : t.end + 1] == ":"
    )
    placing = placing or place_event(
        sentence.index,
        sentence.start + candidate.trigger.start,
        toponyms,
        focus_place,
        excluded,
        object_start,
        asides,
        labels,
        sentence.start + candidate.trigger.end,
    )
    evidence = list(candidate.evidence)
    if dated.cue is not None:
        evidence.append(
            Evidence(
                document.id,
                sentence.index,
                sentence.start + dated.cue.start,
                sentence.start + dated.cue.end,
                "event_date",
                dated.cue.text,
            )
        )
    location_fields = _location(placing)
    if placing is not None and placing.toponym.sentence == sentence.index:
        toponym = placing.toponym
        evidence.append(
            Evidence(document.id, sentence.index, toponym.start, toponym.end, "location", toponym.text)
        )
    territory = candidate.territory
    if territory is not None:
        territory = Territory(
            str(location_fields["location"] or ""), territory.from_actor, territory.to_actor
        )
    actor1 = candidate.actor1.name if candidate.actor1 else ""
    actor2 = candidate.actor2.name if candidate.actor2 else ""
    inter1 = candidate.actor1.inter if candidate.actor1 else None
    inter2 = candidate.actor2.inter if candidate.actor2 else None
    sub = candidate.sub_event_type
    confidence = candidate.confidence - (0.1 if placing is None else 0.0)
    return Event(
        event_id=_event_id(document.id, sentence.index, sub, str(location_fields["location"])),
        event_date=dated.value,
        time_precision=dated.precision,
        disorder_type=taxonomy.disorder_type_of(sub),
        event_type=taxonomy.event_type_of(sub),
        sub_event_type=sub,
        actor1=actor1,
        assoc_actor_1=candidate.assoc1.name if candidate.assoc1 and candidate.assoc1.name != actor1 else "",
        inter1=inter1,
        actor2=actor2,
        inter2=inter2,
        interaction=taxonomy.interaction(inter1, inter2),
        civilian_targeting="Civilian targeting" if "civilian_targeting" in candidate.tags else "",
        fatalities=candidate.fatalities,
        fatalities_low=candidate.fatalities_low,
        fatalities_high=candidate.fatalities_high,
        claimed_by=candidate.claimed_by,
        claims=tuple(candidate.claims),
        territory=territory,
        sources=(Source(document.id, document.source, document.url, document.published),),
        evidence=with_doc_id(evidence, document.id),
        notes=notes(
            dated.value,
            sub,
            actor1,
            actor2,
            str(location_fields["location"]),
            str(location_fields["admin1"]),
            candidate.fatalities,
            candidate.claimed_by,
            territory is not None,
        ),
        confidence=round(max(0.05, confidence), 3),
        tags=tuple(tag for tag in candidate.tags if tag != "civilian_targeting"),
        **location_fields,  # type: ignore[arg-type]
    )


def _location(placing: Placing | None) -> dict[str, object]:
    if placing is None or placing.toponym.place is None:
        return {
            "country": "",
            "iso3": "",
            "admin1": "",
            "admin2": "",
            "location": "",
            "latitude": None,
            "longitude": None,
            "geo_precision": None,
            "geonameid": None,
        }
    place = placing.toponym.place
    return {
        "country": acled_country(place.country),
        "iso3": place.iso3 or iso3_of(acled_country(place.country)),
        "admin1": place.admin1,
        "admin2": place.admin2,
        "location": place.name,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "geo_precision": placing.precision,
        "geonameid": place.geonameid,
    }


def _event_id(doc_id: str, sentence: int, sub_event_type: str, location: str) -> str:
    key = f"{doc_id}|{sentence}|{sub_event_type}|{location}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _apply_document_prediction(
    document: Document,
    events: list[Event],
    whole: list[tuple[str, float]] | None,
    country: str,
    focus_place: Toponym | None,
    dates: dict[int, _Dated],
) -> list[Event]:
    """For a short text, the classifier's reading of the whole text decides the main event's type."""
    return apply_document_prediction(document, events, whole, country, focus_place, dates)
