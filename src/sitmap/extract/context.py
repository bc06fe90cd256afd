"""Sentences that report no event: future, hypothetical, negated, denied or threatened actions,
background, and news outside political violence (crime, disasters, diplomacy, sport, economy)."""

from __future__ import annotations

import re
from typing import Final

from spacy.tokens import Token

_MODALS: Final[frozenset[str]] = frozenset("will would could might may shall 'll can should must".split())
_NOT_DONE: Final[frozenset[str]] = frozenset(
    "threaten vow plan warn deny pledge promise intend seek aim prepare urge call demand want "
    "fear hope expect refuse reject dismiss try attempt".split()
)
_CONDITIONAL: Final[frozenset[str]] = frozenset({"if", "unless", "whether"})
NON_POLITICAL: Final[re.Pattern[str]] = re.compile(
    r"\b(?:earthquakes?|quake|floods?|flooding|cyclones?|hurricanes?|typhoons?|storms?|landslides?|"
    r"wildfires?|forest fires?|drought|tsunami|eruption|covid|coronavirus|virus|pandemic|epidemic|"
    r"outbreak|infections?|vaccin\w+|(?:plane|car|bus|train|helicopter) crash\w*|crash(?:ed|es)?|"
    r"derail\w*|collision|accident\w*|capsiz\w+|drown\w*|fire broke out|blaze|gas leak|collaps\w+|"
    r"stampede|robb\w+|thie(?:f|ves)|theft|burglar\w*|drugs?|narcotics?|cocaine|heroin|"
    r"smuggl\w+|traffick\w+|fraud|corruption|embezzl\w+|bribe\w*|domestic violence|murder suspect|"
    r"homicide|stock market|shares|inflation|gdp|economy|football|tournament|olympics?|world cup|"
    r"summit|talks with|met with|bilateral|ambassadors?|foreign ministers?|sanctions|"
    r"condemn\w*|diplomat\w*|visit(?:ed|s)?|tariffs?)\b",
    re.IGNORECASE,
)
_FUTURE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:will|would|could|might|plans? to|planning to|threaten(?:ed|s)? to|vow(?:ed|s)? to|"
    r"set to|is to|are to|to be held|warn(?:ed|s)? (?:of|that)|if)\b",
    re.IGNORECASE,
)


def is_unrealised(trigger: Token) -> bool:
    """True when the trigger is future, hypothetical, negated, denied or only threatened."""
    root = trigger.sent.root
    if any(
        child.dep_ == "aux" and child.lower_ in {"would", "could", "might", "may", "will"}
        for child in root.children
    ):
        return True
    token = trigger
    for _ in range(4):
        children = list(token.children)
        if any(child.dep_ == "neg" for child in children):
            return True
        if any(child.dep_ == "aux" and child.lower_ in _MODALS for child in children):
            return True
        if any(child.dep_ == "mark" and child.lower_ in _CONDITIONAL for child in children):
            return True
        if token.i != trigger.i and token.lemma_ in _NOT_DONE:
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
        }:
            break
        if token.dep_ == "relcl":
            break
        token = token.head
    return False


def is_non_political(text: str) -> bool:
    """True when a sentence talks about crime, disasters, diplomacy, sport or the economy."""
    return NON_POLITICAL.search(text) is not None


def looks_unrealised(text: str) -> bool:
    """A cheap textual hint of future or hypothetical wording, for sentences left unparsed."""
    return _FUTURE.search(text) is not None
