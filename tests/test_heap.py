"""Loading the models settles them out of the garbage collector's sight."""

import gc

from sitmap.geo.names import name_key
from sitmap.pipeline import load_resources


def test_loaded_resources_are_frozen_and_still_work():
    gc.unfreeze()
    resources = load_resources(classifier=False)
    assert gc.get_freeze_count() > 50_000  # spaCy's, the lexicons' and the gazetteer's objects
    assert resources.gazetteer.candidates(name_key("Aleppo"))
    assert [t.text for t in resources.language("Rebels shelled the town.")][0] == "Rebels"
