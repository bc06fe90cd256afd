"""Merge stage: one event per real-world event, reconciled death tolls, territorial control.

Pure functions over model records. ``match`` and ``combine`` serve incremental merging against
stored events; ``merge_events`` merges a batch; ``control_timeline`` reads territory events.
"""

from sitmap.merge.batch import merge_events
from sitmap.merge.combine import combine, death_tags
from sitmap.merge.control import Control, control_timeline
from sitmap.merge.fatalities import Fatalities, SideDeaths, reconcile_fatalities, victim_group
from sitmap.merge.similarity import Match, could_match, match

__all__ = [
    "Control",
    "Fatalities",
    "Match",
    "SideDeaths",
    "combine",
    "could_match",
    "control_timeline",
    "death_tags",
    "match",
    "merge_events",
    "reconcile_fatalities",
    "victim_group",
]
