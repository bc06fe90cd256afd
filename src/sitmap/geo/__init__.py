"""Geoparsing: the gazetteer (shipped default + GeoNames dump import) and toponym resolution."""

from sitmap.geo.gazetteer import Gazetteer, load_gazetteer

__all__ = ["Gazetteer", "load_gazetteer"]
