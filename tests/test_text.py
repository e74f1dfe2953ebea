"""fill(): Qt's %1 … %9 placeholders filled in one pass, as QString::arg fills them."""

from nnlab.core.text import fill


def test_places_are_filled_by_number_in_any_order():
    assert fill("%2 of %1", 300, "epoch 12") == "epoch 12 of 300"
    assert fill("η = %1", 0.15) == "η = 0.15"


def test_a_value_that_contains_a_place_is_not_filled_again():
    # chained .replace("%1", …).replace("%2", …) turned "a%2b" into "a<second>b"
    assert fill("%1 and %2", "a%2b", "x") == "a%2b and x"


def test_a_place_without_a_value_stays_and_extra_values_are_ignored():
    assert fill("%1 %3", "a") == "a %3"
    assert fill("%1", "a", "b") == "a"


def test_every_built_in_preset_has_a_title_for_the_examples_menu():
    from nnlab.core.preset_texts import PRESET_DESCRIPTIONS, PRESET_TITLES
    from nnlab.core.presets import preset_names

    assert set(PRESET_TITLES) == set(preset_names()) == set(PRESET_DESCRIPTIONS)
    assert len(set(PRESET_TITLES.values())) == len(PRESET_TITLES)  # each tells itself apart
