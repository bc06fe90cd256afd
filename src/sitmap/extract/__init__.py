"""Extraction: from a document's sentences and toponyms to ACLED-style events and statistics.

``find_events`` runs a cheap trigger pre-filter, parses only candidate sentences, and codes each
with the ACLED taxonomy, actors, fatalities, claims, territory, dates and evidence; a learned
sub-event classifier, when given, settles the type where the rules are unsure (``combine``).
"""

from sitmap.extract.reader import SubeventClassifier, combine, find_events

__all__ = ["SubeventClassifier", "combine", "find_events"]
