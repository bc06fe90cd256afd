from pathlib import Path

import pytest

from sitmap.geo import locate, toponym_record
from sitmap.geo.names import name_key
from sitmap.model import Document
from sitmap.nlp import split_sentences

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "samples" / "trtworld-2020-02-26-saraqeb.txt"


def _toponyms(text, gazetteer):
    return locate(Document(id="d1", text=text), split_sentences(text), gazetteer)


def _found(text, mention, gazetteer):
    return next(t for t in _toponyms(text, gazetteer) if t.text == mention)


@pytest.mark.parametrize(
    ("text", "mention", "geonameid"),
    [
        # Nairab beside Saraqib in Idlib, not the Nayrab by Aleppo airport (166356)
        ("Rebels entered the village of Nairab in Saraqeb on Tuesday.", "Nairab", 166357),
        ("Fighters pushed into Saraqeb, east of Idlib city, at dawn.", "Saraqeb", 164816),
        ("Shelling hit Maarat al-Numan and Khan Sheikhoun in southern Idlib.", "Khan Sheikhoun", 168325),
        ("Artillery fire was reported around Bakhmut in Donetsk region.", "Bakhmut", 713174),
        ("The convoy drove from Springfield, Illinois, to Chicago.", "Springfield", 4250542),
    ],
)
def test_geo_resolves_a_place_from_the_documents_geography(gazetteer, text, mention, geonameid):
    assert _found(text, mention, gazetteer).place.geonameid == geonameid


def test_geo_prefers_the_nairab_near_saraqeb(gazetteer):
    text = "Opposition forces retook Saraqeb. Later they took the village of Nairab, west of the town."
    nairab = _found(text, "Nairab", gazetteer)
    assert nairab.place.admin1 == "Idlib"


@pytest.mark.parametrize(
    ("text", "mention", "kind", "country_code"),
    [
        ("Two Turkish soldiers were killed near the border.", "Turkish", "demonym", "TR"),
        ("Syrian troops shelled the town overnight.", "Syrian", "demonym", "SY"),
        ("Damascus denied that its aircraft struck the market.", "Damascus", "metonym", "SY"),
        ("Washington said the sanctions would stay in place.", "Washington", "metonym", "US"),
        ("Kyiv has warned against any escalation.", "Kyiv", "metonym", "UA"),
        ("Families fled from Aleppo to the north.", "Aleppo", "place", "SY"),
    ],
)
def test_geo_marks_demonyms_and_metonyms(gazetteer, text, mention, kind, country_code):
    toponym = _found(text, mention, gazetteer)
    assert (toponym.kind, toponym.place.country_code) == (kind, country_code)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Police said the suspect was arrested on Friday.", "Police"),
        ("The Union issued a statement in March.", "Union"),
        ("Mobile phone networks were cut across the city.", "Mobile"),
        ("There is little Hope for a ceasefire, one official said.", "Hope"),
    ],
)
def test_geo_rejects_common_word_names(gazetteer, text, word):
    assert word not in [t.text for t in _toponyms(text, gazetteer)]


def test_geo_accepts_a_common_word_name_in_a_locative_context(gazetteer):
    toponym = _found("A storm hit Mobile, Alabama, on Sunday.", "Mobile", gazetteer)
    assert toponym.place.admin1 == "Alabama"


@pytest.mark.parametrize(
    ("text", "mention", "precision"),
    [
        ("Clashes broke out near Saraqeb on Monday.", "Saraqeb", 2),
        ("Clashes broke out in Saraqeb on Monday.", "Saraqeb", 1),
        ("Airstrikes hit the Saraqeb countryside.", "Saraqeb", 2),
        ("Airstrikes hit several towns in Idlib province.", "Idlib", 3),
    ],
)
def test_geo_precision_follows_the_wording(gazetteer, text, mention, precision):
    assert _found(text, mention, gazetteer).precision == precision


def test_geo_offsets_and_sentences_point_into_the_text(gazetteer):
    text = "Nothing happened here. Shelling hit Binnish near Idlib."
    toponyms = _toponyms(text, gazetteer)
    assert [(text[t.start : t.end], t.sentence) for t in toponyms] == [("Binnish", 1), ("Idlib", 1)]


def test_toponym_record_has_the_output_contract_fields(gazetteer):
    record = toponym_record(_found("Shelling hit Binnish overnight.", "Binnish", gazetteer))
    assert list(record) == [
        "doc_id",
        "start",
        "end",
        "text",
        "name",
        "geonameid",
        "latitude",
        "longitude",
        "country_code",
        "admin1",
        "feature_code",
        "kind",
        "score",
    ]
    assert (record["geonameid"], record["admin1"], record["kind"]) == (171451, "Idlib", "place")
    assert 0.0 <= record["score"] <= 1.0


def test_geo_reads_the_sample_article(gazetteer):
    if not SAMPLE.exists():
        pytest.skip("shared sample article absent")
    body = SAMPLE.read_text(encoding="utf-8").split("\n", 1)[1]
    toponyms = _toponyms(body, gazetteer)
    by_text = {t.text: t for t in toponyms}
    assert by_text["Saraqeb"].place.geonameid == 164816
    assert by_text["Nairab"].place.geonameid == 166357
    assert by_text["Turkish"].kind == "demonym"
    assert by_text["Binnish"].place.admin1 == "Idlib"


def test_geo_resolves_a_us_county_to_its_state(gazetteer):
    county = _found("Deputies in Laurel County, Kentucky, arrested two men.", "Laurel County", gazetteer)
    assert (county.place.feature_code, county.place.admin1) == ("ADM2", "Kentucky")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("A fire broke out on Memphis Street in Alexandria, Louisiana.", "Memphis"),
        ("Darryl Warden, 44, was charged on Sunday. Warden told officers he was at home.", "Warden"),
        ("Bashar al-Assad visited troops in Aleppo.", "Bashar"),
        ("I've never seen the river this high, said a farmer from Ohio.", "I've"),
    ],
)
def test_geo_rejects_streets_people_and_contractions(gazetteer, text, word):
    assert word not in [t.text for t in _toponyms(text, gazetteer)]


def test_geo_keeps_a_place_that_starts_with_a_given_name(gazetteer):
    toponym = _found("Police in Beverly Hills, California, closed the road.", "Beverly Hills", gazetteer)
    assert toponym.place.admin1 == "California"


def test_geo_places_small_towns_in_the_state_most_of_the_names_share(gazetteer):
    text = "Flooding closed roads between Alexandria and Pineville on Tuesday; shelters opened in Monroe."
    states = {t.text: t.place.admin1 for t in _toponyms(text, gazetteer)}
    assert states == {"Alexandria": "Louisiana", "Pineville": "Louisiana", "Monroe": "Louisiana"}


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        # a respelled name with no other Syrian place in the text, vouched for by the words before it
        (
            "Air strikes hit the rebel-held town of Saraqeb on Tuesday; three people died.",
            "Saraqeb",
            "Saraqib",
        ),
        ("Seven died as shells rained on residential neighbourhoods of Idleb.", "Idleb", "Idlib"),
        ("Rockets landed overnight in strikes on Deraa, residents said.", "Deraa", "Dar‘ā"),
        # an alternate name after a verb whose object is a place
        ("Russian troops have fully liberated Avdeyevka, the minister said.", "Avdeyevka", "Avdiyivka"),
        # a small town a camp is named after
        ("Gunmen attacked the Kafr Nabl military camp at dawn.", "Kafr Nabl", "Kafranbel"),
    ],
)
def test_geo_accepts_a_name_the_words_before_or_after_it_mark_as_a_place(gazetteer, text, mention, name):
    assert _found(text, mention, gazetteer).place.name == name


def test_geo_accepts_an_alternate_name_the_text_puts_in_its_region(gazetteer):
    text = "Missiles struck Chuhuiv in the Kharkiv region on Wednesday, the governor said."
    assert _found(text, "Chuhuiv", gazetteer).place.name == "Chuhuyiv"


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        # Al Firdaws lies 550 km away in Hasakah: the neighbourhood is in Aleppo, placed at its town
        ("Barrel bombs hit the Ferdous neighbourhood of Aleppo on Sunday.", "Ferdous", "Aleppo"),
        # a district the gazetteer knows keeps its own point
        ("Shelling hit the Sukkari district of Aleppo on Sunday.", "Sukkari", "Sukkari"),
        # the town outranks the district's name: here the district is Aleppo's, not Aleppo Marjeh's
        ("Jets struck the rebel-held east Aleppo district of Marjeh on Monday.", "Aleppo", "Aleppo"),
    ],
)
def test_geo_places_a_neighbourhood_in_the_town_it_is_part_of(gazetteer, text, mention, name):
    assert _found(text, mention, gazetteer).place.name == name


@pytest.mark.parametrize(
    ("text", "mention", "feature_code", "name"),
    [
        ("Protesters gathered in the Idlib governorate capital on Friday.", "Idlib", "PPLA", "Idlib"),
        ("Missiles hit the Kharkiv oblast capital overnight.", "Kharkiv", "PPLA", "Kharkiv"),
        ("Fighting raged across Idlib province on Friday.", "Idlib", "ADM1", "Idlib"),
    ],
)
def test_geo_reads_the_region_capital_as_the_regions_seat(gazetteer, text, mention, feature_code, name):
    place = _found(text, mention, gazetteer).place
    assert (place.feature_code, place.name) == (feature_code, name)


def test_a_respelled_name_abroad_yields_to_the_country_the_article_keeps_naming(gazetteer):
    from sitmap.geo import locate
    from sitmap.model import Document
    from sitmap.nlp import split_sentences

    text = (
        "Syrian activists said a rocket hit a crowded street overnight. A Syrian medic said the "
        "attack on the town of Marea killed nine. Syrian rescuers were still digging on Monday."
    )
    found = locate(Document(id="d1", text=text), split_sentences(text), gazetteer)
    marea = next(t for t in found if t.text == "Marea")
    assert marea.place is not None and marea.place.country_code == "SY"


def test_a_vouched_respelled_pick_abroad_moves_to_the_named_country_and_region():
    from sitmap.geo import resolve
    from sitmap.geo.gazetteer import Candidate
    from sitmap.geo.recognise import Mention
    from sitmap.model import Place

    maria = Place("María", 37.6, -2.2, 1, "ES", "ESP", "Spain", "", "", "PPL", 1500)
    mari = Place("Mari'", 36.4, 37.0, 2, "SY", "SYR", "Syria", "Aleppo", "", "PPL", 0)
    malah = Place("Malah", 32.6, 36.8, 3, "SY", "SYR", "Syria", "As-Suwayda", "", "PPL", 0)
    syria = Place("Syria", 35.0, 38.0, 4, "SY", "SYR", "Syria", "", "", "PCLI", 17_000_000)
    aleppo = Place("Aleppo", 36.2, 37.16, 5, "SY", "SYR", "Syria", "Aleppo", "", "PPLA", 1_600_000)
    town = [Candidate(1, maria, True), Candidate(2, mari, False), Candidate(3, malah, False)]
    mention = Mention(0, 5, "Marea", tuple(town), locative=True)
    hint = resolve._Hint()
    syrian = Mention(10, 16, "Syrian", (Candidate(4, syria, True),), demonym="Syria")
    picks = [(town[0], 0.6), (Candidate(4, syria, True), 0.9)]
    members = [[(mention, hint)], [(syrian, hint)] * 3]
    moved = resolve._named_countries_first(
        picks, [town, [picks[1][0]]], [[2.0, 1.0, 1.5], [1.0]], [False, True], ["marea", "syrian"], members
    )
    # the article names Syria (three demonyms) and no region of it: the best Syrian candidate
    assert moved[0][0].place is malah
    # once it names Aleppo, only a candidate in Aleppo will do
    picks.append((Candidate(5, aleppo, True), 0.9))
    members.append([(Mention(20, 26, "Aleppo", (picks[2][0],)), hint)])
    moved = resolve._named_countries_first(
        picks,
        [town, [picks[1][0]], [picks[2][0]]],
        [[2.0, 1.0, 1.5], [1.0], [1.0]],
        [False, True, False],
        ["marea", "syrian", "aleppo"],
        members,
    )
    assert moved[0][0].place is mari


@pytest.mark.parametrize(
    ("text", "mention", "feature_code"),
    [
        # a region's name alone names its chief city, as ACLED codes it ...
        ("Russian missiles struck Zaporizhzhia overnight, killing two.", "Zaporizhzhia", "PPL"),
        ("Shelling hit Raqqa on Monday.", "Raqqa", "PPLA"),
        # ... unless the text says it is the region
        ("Three died in the Zaporizhzhia region.", "Zaporizhzhia", "ADM1"),
        ("Fighting spread across Raqqa province.", "Raqqa", "ADM1"),
        ("ISIS executed three people in Raqqa and Deir Ezzor provinces.", "Raqqa", "ADM1"),
        ("ISIS executed three people in Raqqa and Deir Ezzor provinces.", "Deir Ezzor", "ADM1"),
        ("Rockets fell in the province of Raqqa.", "Raqqa", "ADM1"),
        # a district's name alone is the town it is named after, whatever seat code the town has
        ("Troops entered Ariha on Monday.", "Ariha", "PPLA2"),
        ("Fighting spread across Ariha district.", "Ariha", "ADM2"),
    ],
)
def test_a_region_name_alone_is_its_namesake_city(gazetteer, text, mention, feature_code):
    found = _found(text, mention, gazetteer).place
    assert found.feature_code == feature_code
    assert found.admin1 in ("Zaporizhzhia", "Raqqa", "Deir ez-Zor", "Idlib")


def test_a_far_namesake_city_does_not_replace_its_region(gazetteer):
    from sitmap.geo.recognise import find_mentions
    from sitmap.geo.resolve import NAMESAKE_CITY_KM, _km, _namesake_city

    def namesake(text, name):
        mention = next(m for m in find_mentions(text, gazetteer) if m.text == name)
        region = next(c.place for c in mention.candidates if c.place.feature_code == "ADM1")
        return region, _namesake_city(text, mention, region)

    state, kept = namesake("Snow closed schools across New York on Monday.", "New York")
    city = max((c.place for c in gazetteer.candidates(name_key("New York")) if c.place.feature_code.startswith("PPL")),
               key=lambda p: p.population)  # fmt: skip
    assert (
        _km(state, city) > NAMESAKE_CITY_KM and kept == state
    )  # New York City is 250 km from the state's point
    oblast, chosen = namesake("Missiles struck Kherson at dawn.", "Kherson")
    assert chosen.feature_code == "PPLA" and chosen.admin1 == oblast.name


def test_an_outlet_named_after_a_place_is_no_toponym(gazetteer):
    text = "The Aleppo news agency said shelling hit Idlib, and a Kharkiv TV channel showed the damage."
    assert {t.text for t in _toponyms(text, gazetteer)} == {"Idlib"}


def test_a_small_place_said_to_lie_in_a_region_of_another_country_is_dropped(gazetteer):
    # the only Kokomo is in Indiana: "Kokomo in Idlib province" cannot be it
    names = {
        t.text: t.place
        for t in _toponyms("Gunmen raided the village of Kokomo in Idlib province.", gazetteer)
    }
    assert "Kokomo" not in names and names["Idlib"].feature_code == "ADM1"


def test_congo_alone_is_the_democratic_republic(gazetteer):
    assert (
        _found("Fighting in eastern Congo displaced thousands.", "Congo", gazetteer).place.country_code
        == "CD"
    )
    brazzaville = _found("Voters in Congo-Brazzaville went to the polls.", "Congo-Brazzaville", gazetteer)
    assert brazzaville.place.country_code == "CG"


def test_a_small_place_said_to_lie_near_a_far_city_is_dropped(gazetteer):
    text = "Strikes hit the village of Kokomo near the northwestern city of Idlib."
    names = {t.text: t.place for t in _toponyms(text, gazetteer)}
    assert "Kokomo" not in names and names["Idlib"].country_code == "SY"


def test_a_respelling_in_brackets_is_the_same_mention_and_takes_its_precision(gazetteer):
    text = "Shelling hit farms in the western countryside of Daraa (Dara'a) on Monday."
    found = locate(Document(id="d1", text=text), split_sentences(text), gazetteer)
    daraa = [t for t in found if t.text in {"Daraa", "Dara'a"}]
    assert len(daraa) == 2 and daraa[0].place == daraa[1].place
    assert [t.precision for t in daraa] == [2, 2]
