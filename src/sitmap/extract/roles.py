"""Agent and target of an event from the dependency parse of its sentence.

The role is read from the arc that joins a mention to the trigger: the subject of an active verb
and the object of "by" are agents; objects, passive subjects, and "against"/"on"/"with" phrases are
targets; a modifier of a trigger noun ("a regime attack", "Russian air strikes") is its agent.
A mention attached to another verb ("a town captured by regime forces") has no role here.
"""

from __future__ import annotations

from typing import Final, Literal

from spacy.tokens import Doc, Token

from sitmap.nlp.words import verb_forms

Role = Literal["agent", "target", "other"]

# Verbs whose subject suffers the event ("two soldiers died").
_SUFFERING: Final[frozenset[str]] = verb_forms("die perish suffer lose fall".split())
# Penn Treebank tags of nouns and proper nouns (the tagger's own labels; no attribute ruler needed).
_NOUN_TAGS: Final[frozenset[str]] = frozenset({"NN", "NNS", "NNP", "NNPS"})
_AGENT_PREPS: Final[frozenset[str]] = frozenset({"by"})
_TARGET_PREPS: Final[frozenset[str]] = frozenset(
    {"against", "on", "at", "with", "into", "targeting", "upon", "toward", "towards", "of", "from"}
)


def trigger_token(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of a trigger span (character offsets into the sentence)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def role_of(doc: Doc, start: int, end: int, trigger: Token | None) -> Role:
    """The role of the mention at ``start:end`` in the event whose trigger is ``trigger``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or trigger is None:
        return "other"
    token = span.root
    path: list[Token] = []
    while token.i != trigger.i and token.head.i != token.i and len(path) < 8:
        path.append(token)
        token = token.head
    if token.i != trigger.i:
        return _role_near_trigger(span.root, trigger)
    if not path:
        return "other"
    arc = path[-1]
    return _arc_role(arc, trigger)


def _arc_role(arc: Token, head: Token) -> Role:
    dep = arc.dep_
    if dep in {"nsubj", "csubj"}:
        return "target" if head.lower_ in _SUFFERING else "agent"
    if dep in {"nsubjpass", "dobj", "attr", "oprd", "dative"}:
        return "target"
    if dep == "agent":
        return "agent"
    if dep == "prep":
        word = arc.lower_
        if word in _AGENT_PREPS:
            return "agent"
        if word in _TARGET_PREPS:
            return "target"
        return "other"
    if dep in {"compound", "amod", "poss", "nmod", "npadvmod"}:
        return "agent" if head.tag_ in _NOUN_TAGS else "other"
    if dep in {"conj", "appos"}:
        return _arc_role(arc.head, head) if arc.head.i != head.i else "other"
    return "other"


def _role_near_trigger(mention: Token, trigger: Token) -> Role:
    # the trigger hangs off the mention's verb ("the regime launched air strikes"): share the verb
    verb = trigger
    while verb.dep_ in {"dobj", "pobj", "prep", "compound", "amod", "nsubjpass"} and verb.head.i != verb.i:
        verb = verb.head
    if mention.head.i == verb.i and verb.i != trigger.i:
        if mention.dep_ in {"nsubj"} and verb.lower_ not in _SUFFERING:
            return "agent"
        if mention.dep_ in {"nsubjpass", "dobj"}:
            return "target"
    return "other"
