"""Sentences that report no event: future, hypothetical, negated, denied or threatened actions,
background, and news outside political violence (crime, disasters, diplomacy, sport, economy)."""

from __future__ import annotations

import re
from typing import Final

from spacy.tokens import Token

from sitmap.extract.lexicon import folded, folded_pattern
from sitmap.nlp.words import verb_forms

_MODALS: Final[frozenset[str]] = frozenset("will would could might may shall 'll can should must".split())
_NOT_DONE: Final[frozenset[str]] = verb_forms(
    "threaten vow plan warn deny pledge promise intend seek aim prepare urge call demand want order ask instruct "
    "fear hope expect refuse reject dismiss try attempt accuse blame allege".split()
)
_CONDITIONAL: Final[frozenset[str]] = frozenset({"if", "unless", "whether"})
NON_POLITICAL: Final[re.Pattern[str]] = re.compile(
    r"\b(?:earthquakes?|quake|floods?|flooding|cyclones?|hurricanes?|typhoons?|storms?|landslides?|"
    r"wildfires?|forest fires?|drought|tsunami|eruption|covid|coronavirus|virus|pandemic|epidemic|"
    r"outbreak|infections?|vaccin\w+|(?:plane|car|bus|train|helicopter) crash\w*|crash(?:ed|es)?|"
    r"derail\w*|collision|accident\w*|capsiz\w+|drown\w*|fire broke out|blaze|gas leak|collaps\w+|"
    r"stampede|robb\w+|thie(?:f|ves)|theft|burglar\w*|drugs?|narcotics?|cocaine|heroin|"
    r"smuggl\w+|traffick\w+|fraud|corruption|embezzl\w+|bribe\w*|domestic violence|murder suspect|"
    r"homicide|stock market|shares|inflation|gdp|economy|"
    r"cyber\w*|ransomware|malware|phishing|hack(?:er|ers|ed|ing)|passwords?|data breach\w*|"
    r"summit|talks with|met with|bilateral|ambassadors?|foreign ministers?|sanctions|"
    r"condemn\w*|diplomat\w*|visit(?:ed|s)?|tariffs?|verdicts?|convicted|acquitted|sentenced to)\b",
    re.IGNORECASE,
)
_FUTURE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:will|would|could|might|plans? to|planning to|threaten(?:ed|s)? to|vow(?:ed|s)? to|"
    r"set to|is to|are to|was to|were to|to be held|warn(?:ed|s)? (?:of|that)|if)\b",
    re.IGNORECASE,
)


# "fighters captured on the front lines": a capture verb describing people names who is held,
# not a place taken
_CAPTURE_VERBS: Final[frozenset[str]] = frozenset("captured seized taken held".split())
_PEOPLE: Final[frozenset[str]] = frozenset(
    "fighters soldiers troops men people civilians prisoners members militants rebels detainees "
    "hostages combatants officers recruits".split()
)


def is_unrealised(trigger: Token) -> bool:
    """True when the trigger is future, hypothetical, negated, denied or only threatened, or only
    describes people ("fighters captured on the front lines")."""
    if trigger.lower_ in _CAPTURE_VERBS and trigger.dep_ == "acl" and trigger.head.lower_ in _PEOPLE:
        return True
    if (
        trigger.dep_ == "xcomp"
        and trigger.head.lower_ in {"was", "were", "is", "are"}
        and any(child.dep_ == "aux" and child.lower_ == "to" for child in trigger.children)
    ):
        # "under the truce, Hezbollah was to withdraw": what an agreement provides for
        return True
    root = trigger.sent.root
    if any(
        child.dep_ == "aux" and child.lower_ in {"would", "could", "might", "may", "will"}
        for child in root.children
    ):
        return True
    token = trigger
    for _ in range(8):
        children = list(token.children)
        if any(child.dep_ == "neg" for child in children):
            return True
        # "there had been no fighting", "no arrests were made"
        if token.i == trigger.i and any(child.dep_ == "det" and child.lower_ == "no" for child in children):
            return True
        if any(child.dep_ == "aux" and child.lower_ in _MODALS for child in children):
            return True
        if any(child.dep_ == "mark" and child.lower_ in _CONDITIONAL for child in children):
            return True
        if token.i != trigger.i and token.lower_ in _NOT_DONE and not _passive_call(token):
            return True
        if token.dep_ in {"ROOT"} or token.head.i == token.i:
            break
        if token.dep_ not in {
            "xcomp",
            "ccomp",
            "dobj",
            "pobj",
            "prep",
            "compound",
            "amod",
            "nsubj",
            "nsubjpass",
            "advcl",
            "conj",
            "acomp",
            "relcl",
            "acl",
            "pcomp",
        }:
            break
        if token.dep_ == "relcl":
            break
        token = token.head
    return False


def _passive_call(token: Token) -> bool:
    """ "The protest was called after police arrested ...": a call made (organised), not a demand."""
    return token.lower_ == "called" and any(child.dep_ == "auxpass" for child in token.children)


SPORT: Final[re.Pattern[str]] = re.compile(
    r"\b(?:football|soccer|premier (?:football )?league|(?:football|rugby|basketball|cricket) (?:league|club|team)|"
    r"league (?:title|table|leaders|match|season|game|win)|title (?:challenge|race|defence)|goalkeepers?|"
    r"goal ?keepers?|strikers?|midfield(?:ers?)?|defenders? (?:and|or) midfield\w*|scored|goals? (?:in|from|after)|"
    r"equali[sz]er|penalt(?:y|ies) (?:kick|shoot-?out|spot|area)|referees?|stadium|half-time|halftime|first "
    r"whistle|final whistle|kick-?off|scoreline|volley|header|touchdown|wickets?|innings|batsm[ae]n|"
    r"grand slam|tennis|rugby|cricket|basketball|boxing|boxer|knockout|olympics?|world cup|tournament|"
    r"championship|derby|fixtures?|home side|away side|the visitors|the hosts|top of the table|"
    r"\d+-\d+ (?:win|victory|defeat|loss|draw)|(?:win|victory|defeat) over|semi-?finals?|quarter-?finals?)\b",
    re.IGNORECASE,
)
# Words of violence used figuratively ("strike a blow against", "killed off the contest").
_FIGURATIVE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:strikes? a blow|struck a blow|striking a blow|strike a deal|struck a deal|striking a deal|"
    r"strike a (?:balance|chord|note|pose)|struck a (?:balance|chord|note)|"
    r"kill(?:ed|s|ing)? off|shot down (?:every|all|any|the|his|her|their|our|those|these) (?:\w+ ){0,2}?"
    r"(?:doubts?|ideas?|proposals?|bills?|claims?|rumou?rs?|hopes?|plans?|suggestions?|critics|motion|"
    r"amendment|reports?)|captur(?:ed|es|e|ing) (?:the|their|his|her) (?:\w+ )?(?:midfield|imagination|"
    r"attention|hearts?|mood|title|crown|market|spotlight|headlines|public|votes?|seat|trophy|cup|"
    r"championship|lead|points)|attack(?:s|ed|ing)? (?:down|on|through) the (?:left|right|flank|wing|middle|"
    r"goal|box)|launched (?:wave after wave of )?attacks down|battl(?:e|ed|ing) (?:for|against) "
    r"(?:relegation|promotion|the title|survival|cancer|illness|addiction|obesity)|(?:price|trade|"
    r"culture|turf|legal|court|custody|ratings|bidding|charm) (?:war|battle|offensive)s?|"
    r"torn apart|bombed (?:at|in) the box office|(?:crowd|fans) (?:stormed|invaded) the pitch)",
    re.IGNORECASE,
)
_HABITUAL: Final[re.Pattern[str]] = re.compile(
    r"\b(?:repeatedly|regularly|routinely|frequently|often|almost daily|nearly daily|daily|every day|"
    r"every night|nightly|constantly|on a regular basis|time and again|"
    r"in the past(?!\s+(?:\d+|few|two|three|several|week|month|day|hours?|year|24|48))|has seen a rise|have increased|"
    r"has increased|have risen|has risen|have intensified|has intensified|have become|is known for|are "
    r"known for|(?:has|have) (?:come|been) under (?:\w+ ){0,2}(?:attacks?|fire|shelling|bombardment) since)\b",
    re.IGNORECASE,
)
# What came after a past event: "the district has since been rebuilt", "a memorial stands on the
# site of the blast" look back on an incident, they report none.
_AFTERMATH: Final[re.Pattern[str]] = re.compile(
    r"\b(?:has|have|had) since\b|\bmemorials? (?:to|for)\b|\bthe site of the (?:\w+ )?"
    r"(?:blast|attack|bombing|massacre|explosion|shooting)\b",
    re.IGNORECASE,
)
_NATIONWIDE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:across the country|nationwide|across (?:the )?(?:whole|entire) country|in several regions|"
    r"in various regions|in (?:several|many|various|multiple|different) (?:provinces|regions|states|districts|areas)|"
    # a night's tally of an air attack on a whole country: "launched 118 drones and two missiles"
    r"launched (?:a total of |at least |more than |over )?\d+ (?:[\w-]+ ){0,2}(?:drones|missiles|rockets))\b",
    re.IGNORECASE,
)


# Military exercises: artillery fired and beaches stormed in a drill are no attack.
EXERCISE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:(?:military|naval|joint|air|army|annual|large-scale|live-fire) (?:exercises?|drills?|manoeuvres|maneuvers)|"
    r"exercises|drills|war ?games|simulated|simulation|mock (?:attack|invasion|assault|battle)|rehearsals?|"
    r"training (?:ground|range|exercise)|firing range|live-fire|manoeuvres|maneuvers)\b",
    re.IGNORECASE,
)

# A natural disaster: an article with two or more of these words tells a storm, a flood or a quake,
# and "fought through the night to get people to safety" is no battle.
DISASTER: Final[re.Pattern[str]] = re.compile(
    r"\b(?:earthquakes?|quake|aftershocks?|floods?|flooding|flash floods?|cyclones?|hurricanes?|typhoons?|"
    r"tropical storms?|storm surges?|landslides?|mudslides?|wildfires?|bushfires?|drought|tsunami|eruption|"
    r"monsoon|heavy rains?|torrential rains?|landfall)\b",
    re.IGNORECASE,
)

# An accident: a headline or lede that blames an explosion or a fire on fireworks, gas or a
# boiler tells an accident, and "the blast destroyed the house" in it is no bombing.
ACCIDENT: Final[re.Pattern[str]] = re.compile(
    r"\b(?:fireworks?|pyrotechnics?|gas (?:leaks?|cylinders?|tanks?)|boilers?|short circuit|"
    r"electrical fault|(?:chemical|fertili[sz]er|industrial) (?:plant|factory|warehouse)|mine (?:collapse|explosion))\b",
    re.IGNORECASE,
)
# What an accident does, which its lede tells too ("an explosion ripped through a fireworks
# workshop"): a lede that only names a gas tank or a factory ("the port and its oil and gas
# facilities") tells no accident.
MISHAP: Final[re.Pattern[str]] = re.compile(
    r"\b(?:explosions?|blasts?|explod\w*|fires?|blazes?|caught fire|burst|collapsed?|leak(?:s|ed|ing)?|"
    r"ignit\w*)\b",
    re.IGNORECASE,
)
# How far into an article its headline and lede run, for ``accident_document``.
LEDE_CHARS: Final = 400

# Ordinary crime: an article with three or more of these words tells a police case, and the
# arrests in it are no political event (ACLED codes arrests of political significance only).
CRIME: Final[re.Pattern[str]] = re.compile(
    r"\b(?:theft|thefts|steal\w*|stole|stolen|robber(?:y|ies)|robbed|burglar\w*|fraud\w*|scam\w*|"
    r"(?:money )?launder\w*|embezzl\w*|counterfeit\w*|drug (?:traffick\w*|dealers?|ring|cartel)|narcotics|"
    r"cocaine|heroin|methamphetamine|criminal (?:association|gangs?|networks?|rings?|organi[sz]ations?|"
    r"structures?|groups?)|organi[sz]ed crime|car thieves|vehicle thefts?|pickpocket\w*|shoplift\w*|"
    r"loan sharks?|illegal gambling|contraband|smuggling rings?)\b",
    re.IGNORECASE,
)

# A trial: an article with three or more of these words tells a court case, and the attack it
# names was told when it happened; the verdict is no event.
COURT: Final[re.Pattern[str]] = re.compile(
    r"\b(?:court|courts|judge|judges|verdicts?|convicted|convictions?|acquitted|acquittal|sentenced|sentences|"
    r"defendants?|prosecution|prosecutors?|trial|trials|judgment|judgement|appeal|tribunal|pleaded|testified|"
    r"hearing|jury)\b",
    re.IGNORECASE,
)

# The same patterns, read on lexicon.folded text (the same matches, several times faster).
_SPORT: Final = folded_pattern(SPORT)
_EXERCISE: Final = folded_pattern(EXERCISE)
_NON_POLITICAL: Final = folded_pattern(NON_POLITICAL)
_CRIME: Final = folded_pattern(CRIME)
_COURT: Final = folded_pattern(COURT)
_DISASTER: Final = folded_pattern(DISASTER)
_ACCIDENT: Final = folded_pattern(ACCIDENT)
_MISHAP: Final = folded_pattern(MISHAP)


def _distinct(pattern: re.Pattern[str], text: str) -> set[str]:
    """The distinct words (lower case) a folded pattern matches in ``text``."""
    return {text[match.start() : match.end()].lower() for match in pattern.finditer(folded(text))}


def is_exercise(text: str) -> bool:
    """True when a sentence tells a military exercise ("fired artillery in a simulated invasion")."""
    return _EXERCISE.search(folded(text)) is not None


def accident_document(text: str) -> bool:
    """True when an article's headline or lede blames what happened on an accident ("an
    explosion ripped through a fireworks workshop")."""
    lede = folded(text[:LEDE_CHARS])
    return _ACCIDENT.search(lede) is not None and _MISHAP.search(lede) is not None


def exercise_document(text: str) -> bool:
    """True when a whole article is about military exercises (three or more distinct drill words)."""
    return len(_distinct(_EXERCISE, text)) >= 3


def is_sport(text: str) -> bool:
    """True when a sentence talks about a game: "clash", "attack" and "strike" are not violence there."""
    return _SPORT.search(folded(text)) is not None


def sport_document(text: str) -> bool:
    """True when a whole article is a sports report (three or more distinct sport words)."""
    return len(_distinct(_SPORT, text)) >= 3


def crime_document(text: str) -> bool:
    """True when a whole article tells an ordinary police case (three or more distinct crime words:
    "theft", "money laundering", "criminal gang"): its arrests are no political event."""
    return len(_distinct(_CRIME, text)) >= 3


def disaster_document(text: str) -> bool:
    """True when a whole article tells a natural disaster (two or more distinct disaster words)."""
    return len(_distinct(_DISASTER, text)) >= 2


def court_document(text: str) -> bool:
    """True when a whole article tells a court case (three or more distinct court words)."""
    return len(_distinct(_COURT, text)) >= 3


def is_court(text: str) -> bool:
    """True when a sentence talks about a court case ("convicted", "the judge said")."""
    return _COURT.search(folded(text)) is not None


def is_figurative(text: str, start: int) -> bool:
    """True when the trigger at ``start`` is part of an idiom ("struck a blow", "custody battle")."""
    window = max(0, start - 20)
    return any(
        match.start() <= start < match.end() for match in _FIGURATIVE.finditer(text, window, start + 120)
    )


def is_habitual(text: str) -> bool:
    """True when a sentence tells what happens again and again ("shelled almost daily"): background.
    A capitalised word inside the sentence is a name ("JOS (Daily Trust) -"), not a habit."""
    return any(match.start() == 0 or not match.group()[0].isupper() for match in _HABITUAL.finditer(text))


def is_aftermath(text: str) -> bool:
    """True when a sentence looks back on a past incident ("has since been rebuilt")."""
    return _AFTERMATH.search(text) is not None


def is_nationwide(text: str) -> bool:
    """True when a sentence sums up a whole country ("shot down 16 drones across the country")."""
    return _NATIONWIDE.search(text) is not None


def is_non_political(text: str) -> bool:
    """True when a sentence talks about crime, disasters, diplomacy, sport or the economy."""
    return _NON_POLITICAL.search(folded(text)) is not None


def looks_unrealised(text: str) -> bool:
    """A cheap textual hint of future or hypothetical wording, for sentences left unparsed."""
    return _FUTURE.search(text) is not None
