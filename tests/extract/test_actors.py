import pytest

from sitmap.extract.actors import actor_name, find_mentions


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Turkish soldiers returned fire.", ["Military Forces of Turkey"]),
        ("Regime forces shelled the village.", ["Military Forces of Syria"]),
        ("The Assad regime denied it.", ["Military Forces of Syria"]),
        ("Opposition forces entered the town.", ["Rebels (Syria)"]),
        ("Russian warplanes struck a market.", ["Military Forces of Russia"]),
        ("HTS fighters clashed with the SDF.", ["Hayat Tahrir al-Sham", "SDF: Syrian Democratic Forces"]),
        ("Unidentified gunmen shot two farmers.", ["Unidentified Armed Group (Syria)", "Civilians (Syria)"]),
        ("Houthi forces fired a drone.", ["Houthis (Ansar Allah)"]),
        ("Protesters marched to the square.", ["Protesters (Syria)"]),
        ("Islamic State fighters ambushed the patrol.", ["Islamic State (Syria)"]),
        # a group's full name is one mention ("Levant" is no place), its "terrorist group" no other actor
        ("The Islamic State in Iraq and the Levant terrorist group said so.", ["Islamic State (Syria)"]),
        ("Twenty members of the Daesh terrorist group were killed.", ["Islamic State (Syria)"]),
        ("Gunmen and rebels attacked the post.", ["Unidentified Armed Group (Syria)", "Rebels (Syria)"]),
        ("Turkish defenders held the hilltop.", ["Military Forces of Turkey"]),
    ],
)
def test_mentions_are_normalised_to_acled_names(sentence, names):
    assert [mention.actor.name for mention in find_mentions(sentence, "Syria")] == names


def test_regime_elements_is_one_mention_not_regime_alone():
    (mention,) = find_mentions("They neutralised 30 regime elements.", "Syria")
    assert mention.text == "regime elements"


def test_x_backed_names_a_backer_not_the_actors_country():
    (mention,) = find_mentions("Turkish-backed rebels advanced.", "Syria")
    assert mention.actor.name == "Rebels (Syria)"
    assert mention.backer is not None and mention.backer.name == "Military Forces of Turkey"


@pytest.mark.parametrize(
    ("template", "country", "name"),
    [
        ("Military Forces of {country}", "United States", "Military Forces of the United States"),
        ("Civilians ({country})", "", "Civilians"),
        ("Hamas", "Palestine", "Hamas"),
    ],
)
def test_actor_name_fills_the_country(template, country, name):
    assert actor_name(template, country) == name


def test_inter_codes_follow_acled_categories():
    inters = {
        m.actor.name: m.actor.inter
        for m in find_mentions(
            "Police and rebels fought as rioters and civilians fled the protesters.", "Kenya"
        )
    }
    assert inters == {
        "Police Forces of Kenya": 1,
        "Rebels (Kenya)": 2,
        "Rioters (Kenya)": 5,
        "Civilians (Kenya)": 7,
        "Protesters (Kenya)": 6,
    }


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Russian drones struck a power plant near Kharkiv.", "Military Forces of Russia"),
        ("Israeli warplanes bombed a house in Khan Younis.", "Military Forces of Israel"),
        ("Turkish jets hit PKK positions in the mountains.", "Military Forces of Turkey"),
        ("Syrian government artillery shelled the village.", "Military Forces of Syria"),
        ("Nigerian air force jets struck a camp in the forest.", "Military Forces of Nigeria"),
        ("Ukrainian missiles hit an airfield in Crimea.", "Military Forces of Ukraine"),
        ("Saudi aircraft carried out raids on the port.", "Military Forces of Saudi Arabia"),
        ("Russian helicopters fired rockets at the trenches.", "Military Forces of Russia"),
        ("Pakistani artillery pounded positions across the border.", "Military Forces of Pakistan"),
        ("Iranian drones were launched toward the base.", "Military Forces of Iran"),
        ("Israeli tanks fired at the outskirts of the camp.", "Military Forces of Israel"),
        ("Ethiopian military drones hit a market in Amhara.", "Military Forces of Ethiopia"),
        ("Sudanese army warplanes bombed the camp.", "Military Forces of Sudan"),
        ("Malian army helicopters struck a wedding.", "Military Forces of Mali"),
        ("Russian air defences shot down drones over Belgorod.", "Military Forces of Russia"),
    ],
)
def test_weapons_with_a_country_word_name_that_country_forces(sentence, actor):
    assert actor in [mention.actor.name for mention in find_mentions(sentence, "")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The drones hit a residential building.",
        "Missiles struck the port overnight.",
        "Rockets hit the market overnight.",
    ],
)
def test_weapons_alone_name_nobody(sentence):
    assert find_mentions(sentence, "Ukraine") == []


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("M23 rebels captured the town of Rubaya.", "M23: March 23 Movement"),
        ("The rebels of the March 23 Movement (M23) took the hill.", "M23: March 23 Movement"),
        ("Shelling by the paramilitary Rapid Support Forces hit Omdurman.", "Rapid Support Forces"),
        ("RSF fighters looted the market in Nyala.", "Rapid Support Forces"),
        ("ISWAP fighters attacked a base near Gubio.", "Islamic State West Africa Province (ISWAP)"),
        (
            "Islamic State West Africa Province claimed the attack.",
            "Islamic State West Africa Province (ISWAP)",
        ),
        (
            "Police arrested a commander of the National Liberation Army (ELN) rebel group.",
            "ELN: National Liberation Army",
        ),
        ("ELN guerrillas blew up a pipeline in Arauca.", "ELN: National Liberation Army"),
        ("Wazalendo fighters clashed with M23 near Sake.", "Wazalendo Militia"),
        (
            "The Civilian Joint Task Force repelled the attack at dawn.",
            "Civilian JTF: Civilian Joint Task Force",
        ),
        ("CJTF members arrested two suspects.", "Civilian JTF: Civilian Joint Task Force"),
        ("JNIM militants attacked the convoy near Djibo.", "JNIM: Group for Support of Islam and Muslims"),
        ("ADF rebels killed villagers near Beni.", "ADF: Allied Democratic Forces"),
        (
            "CODECO militiamen attacked a displacement camp in Djugu.",
            "CODECO: Cooperative for Development of the Congo",
        ),
        ("The People's Defence Force ambushed a junta convoy.", "PDF: People's Defence Force"),
    ],
)
def test_named_groups_get_their_acled_names(sentence, actor):
    names = [mention.actor.name for mention in find_mentions(sentence, "")]
    assert actor in names
    assert not any(name.startswith(("Rebels", "Unidentified")) for name in names)


@pytest.mark.parametrize(
    ("sentence", "country", "names"),
    [
        ("Arakan Army fighters seized a border post.", "Myanmar", ["AA: Arakan Army"]),
        ("Fano militiamen ambushed a convoy.", "Ethiopia", ["Fano Militia"]),
        ("The Pakistani Taliban attacked a checkpoint.", "Pakistan", ["TTP: Tehreek-i-Taliban Pakistan"]),
        (
            "Islamic State Khorasan claimed the blast.",
            "Afghanistan",
            ["Islamic State Khorasan Province (ISKP)"],
        ),
        # "al Qaeda-linked" says whom the group is tied to, not a second actor
        (
            "The al Qaeda-linked group JNIM raided a post.",
            "Mali",
            ["JNIM: Group for Support of Islam and Muslims"],
        ),
    ],
)
def test_more_named_groups_and_modifiers(sentence, country, names):
    assert [mention.actor.name for mention in find_mentions(sentence, country)] == names


def test_a_country_word_before_a_strike_names_its_forces():
    names = [m.actor.name for m in find_mentions("An Israeli air strike hit a house.", "Lebanon")]
    assert names == ["Military Forces of Israel"]


def test_gazetteer_country_names_take_acled_spelling():
    assert actor_name("Civilians ({country})", "Palestinian Territory") == "Civilians (Palestine)"
    assert actor_name("Military Forces of {country}", "Democratic Republic of the Congo") == (
        "Military Forces of the Democratic Republic of Congo"
    )


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Russia's defence ministry said its forces had taken the town.", "Military Forces of Russia"),
        ("Turkish officials said their soldiers returned fire.", "Military Forces of Turkey"),
        # no country before the pronoun: the article's country
        ("Its forces shelled the town.", "Military Forces of Ukraine"),
    ],
)
def test_its_forces_belong_to_the_country_named_before(sentence, name):
    assert [mention.actor.name for mention in find_mentions(sentence, "Ukraine")] == [name]


@pytest.mark.parametrize(
    ("sentence", "country", "names"),
    [
        (
            "Maoists ambushed a convoy in Bijapur.",
            "India",
            ["CPI (Maoist): Communist Party of India (Maoist)"],
        ),
        ("NPA guerrillas raided a farm.", "Philippines", ["NPA: New People's Army"]),
        ("The White Army attacked a garrison.", "South Sudan", ["White Army (Nuer Ethnic Militia)"]),
        ("Gang members torched houses in Mirebalais.", "Haiti", ["Unidentified Gang (Haiti)"]),
    ],
)
def test_insurgents_militias_and_gangs_get_acled_names(sentence, country, names):
    assert [mention.actor.name for mention in find_mentions(sentence, country)] == names
