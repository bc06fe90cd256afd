"""Building the store: places the source left without a first-level region get their neighbour's."""

from sitmap.geo.store import PlaceRow, fill_admin1


def _row(name, latitude, longitude, admin1="", source="wof", feature_code="PPL"):
    return PlaceRow(
        name, latitude, longitude, None, "SY", admin1=admin1, feature_code=feature_code, source=source
    )


def test_fill_admin1_takes_the_nearest_named_neighbour_within_reach():
    town = _row("Tall Rif`at", 36.47, 37.10, "Aleppo")
    other = _row("Saraqib", 35.86, 36.80, "Idlib")
    village = _row("Kafr Naya", 36.42, 37.05)
    far = _row("Nowhere", 34.0, 40.9)
    filled = fill_admin1([town, other, village, far])
    assert (filled, village.admin1, far.admin1) == (1, "Aleppo", "")


def test_fill_admin1_leaves_countries_and_regions_alone():
    town = _row("Douma", 33.57, 36.40, "Rif Dimashq")
    region = _row("Ghouta", 33.55, 36.45, feature_code="RGN")
    assert fill_admin1([town, region]) == 0 and region.admin1 == ""
