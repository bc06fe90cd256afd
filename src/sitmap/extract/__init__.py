"""Extraction: from a document's sentences and toponyms to ACLED-style events and statistics.

``find_events`` (one document) and ``find_events_in`` (a batch, parsed and classified together)
run a cheap trigger pre-filter, parse only candidate sentences, and code each
with the ACLED taxonomy, actors, fatalities, claims, territory, dates and evidence; a learned
sub-event classifier, when given, settles the type where the rules are unsure (``combine``).
"""

from sitmap.extract.reader import Article, Coded, SubeventClassifier, combine, find_events, find_events_in

__all__ = ["Article", "Coded", "SubeventClassifier", "combine", "find_events", "find_events_in"]
