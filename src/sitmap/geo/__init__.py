"""Geoparsing: the gazetteer (shipped default + GeoNames dump import) and toponym resolution."""

from sitmap.geo.gazetteer import Gazetteer, load_gazetteer
from sitmap.geo.records import toponym_record
from sitmap.geo.resolve import locate

__all__ = ["Gazetteer", "load_gazetteer", "locate", "toponym_record"]
