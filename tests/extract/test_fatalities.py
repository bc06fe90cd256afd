import pytest

from sitmap.extract.fatalities import fatalities, find_counts, is_context_toll


@pytest.mark.parametrize(
    ("sentence", "deaths"),
    [
        ("Mortar fire killed at least four villagers, including three children, in Kafr Zita.", 4),
        ("Between 10 and 15 herders were killed when the camp was raided.", 10),
        ("Twenty-one recruits died in the ambush.", 21),
        ("One hundred and five prisoners were executed, the report said.", 105),
        ("Three traders were killed and five others wounded at the market.", 3),
        ("The blast wounded 23 people but killed no one.", 0),
        ("The ministry said it had neutralised 37 militants.", 0),
        ("The army said its troops had killed or captured 60 insurgents.", 0),
        ("Dozens of people were killed in the raid.", 12),
        ("Several soldiers were killed when the outpost was overrun.", 3),
        ("Hundreds of people were killed in the massacre.", 100),
        ("Five soldiers and three militants died in the fighting.", 8),
        ("Gunmen killed six soldiers and two civilians at a checkpoint.", 8),
        ("Seven children were among at least 25 people killed in the strike.", 25),
        ("A soldier was killed when rebels shelled the base.", 1),
        ("A suicide bomber killed 12 guests at the wedding.", 12),
        ("The strike killed 1,200 fighters, the group claimed.", 1200),
        ("Car bomb kills 9 in Afrin A car bomb killed at least nine people in a market on Sunday.", 9),
        ("The attack left two policemen dead.", 2),
        ("A drone hit a car carrying two commanders near the town, killing both.", 2),
        ("Shelling on 16 March killed two farmers.", 2),
        ("The convoy was hit 20 km from the border, killing three drivers.", 3),
    ],
)
def test_fatalities_read_as_acled_codes_them(sentence, deaths):
    assert fatalities(find_counts(sentence))[0] == deaths


def test_fatalities_reads_at_least_four_as_four():
    assert fatalities(find_counts("The raid killed at least four people."))[0] == 4


def test_fatalities_range_keeps_both_ends():
    assert fatalities(find_counts("Between 10 and 15 herders were killed."))[1:] == (10, 15)


@pytest.mark.parametrize(
    ("sentence", "kind", "value"),
    [
        ("Two soldiers were killed and two others wounded.", "wounded", 2),
        ("The ministry said it neutralised 114 fighters.", "neutralised", 114),
        ("Police arrested 25 protesters at the rally.", "arrested", 25),
        ("The fighting has displaced 4,000 families.", "displaced", 4000),
    ],
)
def test_non_deaths_are_kept_as_claims_of_their_kind(sentence, kind, value):
    assert any(count.kind == kind and count.value == value for count in find_counts(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "More than 380,000 people have been killed since the war began in 2011.",
        "The death toll this month rose to 60.",
        "The conflict has killed more than 10,000 civilians.",
        "Nearly one million people have been displaced since December.",
        "A rights group says more than 5,000 civilians have been killed by troops since the coup.",
    ],
)
def test_context_tolls_are_not_event_fatalities(sentence):
    counts = find_counts(sentence)
    assert is_context_toll(sentence) or all(count.context for count in counts)
    assert all(count.context for count in counts if count.kind == "killed")


def test_a_plain_event_sentence_is_not_a_context_toll():
    assert not is_context_toll("Air strikes killed seven civilians in the town on Monday.")


def test_shooting_dead_counts_its_victims():
    assert [
        (c.kind, c.value) for c in find_counts("Raiders entered the camp, shooting dead at least 12 herders.")
    ] == [("killed", 12)]


def test_violence_that_has_killed_thousands_is_a_context_toll():
    assert is_context_toll("Violence linked to armed groups has killed thousands of people in the region.")


@pytest.mark.parametrize(
    ("sentence", "deaths"),
    [
        # a figure that counts things (attacks, lorries, car bombs) is no casualty count
        ("Those killed in the four strikes on the market were mostly traders.", 0),
        ("Two car bombs killed 8 people near the bridge.", 8),
        ("Thirty school pupils were killed when the roof collapsed in the strike.", 30),
        # a figure with a verb of its own does not share the next figure's verb
        ("Of the 40 trucks in the convoy, 25 were burned and six drivers were killed.", 6),
        # dead and wounded told together are casualties, not deaths
        ("Twenty-three people were killed and injured when the shell hit the square.", 0),
        ("Gunmen stormed the village, killing and wounding dozens of residents.", 0),
        ("The raid left scores of fighters dead and wounded.", 0),
        # other ways of telling deaths
        ("The blast claimed the lives of nine workers at the factory.", 9),
        ("Nine martyrs were buried in the village on Friday.", 9),
        ("Five marines were killed when the boat sank.", 5),
        ("Separately over 12 farmers were killed in the raid.", 12),
        (
            "The death toll from the rocket attacks launched by the militants on the crowded "
            "neighbourhoods of the old city over the last two days has reached 31 people, officials said.",
            31,
        ),
        (
            "The number of fighters killed in the battles for the hill near the dam has risen to 31, "
            "the monitor said.",
            31,
        ),
        (
            "Shells killed four people in the square, bringing the number killed in the old city "
            "since dawn to 17.",
            17,
        ),
        # figures that share a verb add up, whatever joins them
        ("The army killed a rebel commander as well as five of his guards near the border.", 6),
        # who the dead were, not what happened to them
        ("A car bomb killed at least 14 displaced people at a camp outside the town.", 14),
        # the list after "including" is a subset of the dead
        ("Shelling killed 12 people, including a teacher and three pupils, in the town.", 12),
    ],
)
def test_figures_are_read_for_what_they_count(sentence, deaths):
    assert fatalities(find_counts(sentence))[0] == deaths


def test_the_toll_of_a_weeks_old_battle_is_a_context_toll():
    assert is_context_toll("The three-week-old offensive on the city has cost the lives of 300 fighters.")
