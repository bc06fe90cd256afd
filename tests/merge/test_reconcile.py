"""reconcile_fatalities(): ACLED's lowest credible figure, UCDP's best/low/high, deaths per side."""

import pytest

from sitmap.merge import SideDeaths, reconcile_fatalities
from sitmap.model import Claim, Evidence


def _killed(doc_id: str, value: int, victims: str, claimed_by: str = "", kind: str = "killed") -> Claim:
    return Claim(claimed_by, kind, value, Evidence(doc_id, 0, 0, 0, "fatalities", victims))  # type: ignore[arg-type]


ROWS = [
    # claims, fallback, (fatalities, low, high, best_ucdp)
    pytest.param(
        [_killed("d1", 4, "four civilians"), _killed("d2", 7, "seven civilians")],
        [],
        (4, 4, 7, 4),
        id="two-outlets-lowest-wins",
    ),
    pytest.param(
        [_killed("d1", 4, "civilians"), _killed("d2", 7, "civilians"), _killed("d3", 9, "people")],
        [],
        (4, 4, 9, 7),
        id="ucdp-best-is-the-median",
    ),
    pytest.param(
        [_killed("d1", 2, "Turkish soldiers"), _killed("d1", 114, "regime troops", kind="neutralised")],
        [],
        (2, 2, 2, 2),
        id="neutralised-never-counts",
    ),
    pytest.param(
        [
            _killed("d1", 3, "people"),
            _killed("d1", 17, "people", kind="wounded"),
            _killed("d1", 5, "people", kind="captured"),
        ],
        [],
        (3, 3, 3, 3),
        id="wounded-captured-never-count",
    ),
    pytest.param(
        [_killed("d1", 4, "four civilians"), _killed("d1", 3, "three children")],
        [],
        (4, 4, 4, 4),
        id="including-three-children-is-part-of-four",
    ),
    pytest.param(
        [_killed("d1", 2, "soldiers"), _killed("d2", 4, "civilians")],
        [],
        (6, 6, 6, 6),
        id="one-report-per-side-adds-up",
    ),
    pytest.param(
        [_killed("d1", 8, "soldiers"), _killed("d1", 4, "civilians"), _killed("d2", 5, "people")],
        [],
        (5, 5, 12, 5),
        id="unspecified-total-against-sides",
    ),
    pytest.param(
        [_killed("d1", 5, "civilians", "White Helmets"), _killed("d1", 7, "civilians", "Observatory")],
        [],
        (5, 5, 7, 5),
        id="two-claimants-in-one-article-disagree",
    ),
    pytest.param([], [0, 3, 5], (3, 3, 5, 3), id="no-claims-uses-reports-figures-ignoring-zeros"),
    pytest.param([_killed("d1", 6, "people")], [10], (6, 6, 10, 6), id="claim-and-a-report-without-claims"),
    pytest.param([], [0, 0], (0, 0, 0, 0), id="reports-of-no-deaths"),
    pytest.param([], [], (0, None, None, 0), id="nothing-known"),
]


@pytest.mark.parametrize(("claims", "fallback", "expected"), ROWS)
def test_reconcile_fatalities_follows_acled_and_ucdp(claims, fallback, expected) -> None:
    result = reconcile_fatalities(claims, fallback)
    assert (result.fatalities, result.low, result.high, result.best_ucdp) == expected
    assert result.rule


def test_reconcile_fatalities_gives_deaths_per_side() -> None:
    claims = [
        _killed("d1", 2, "Turkish soldiers"),
        _killed("d1", 4, "civilians"),
        _killed("d2", 6, "civilians"),
        _killed("d2", 11, "militants"),
    ]
    assert reconcile_fatalities(claims).by_side == (
        SideDeaths("civilians", 4, 6),
        SideDeaths("non-state fighters", 11, 11),
        SideDeaths("state forces", 2, 2),
    )


def test_reconcile_fatalities_rule_says_only_killed_counts() -> None:
    assert "neutralised" in reconcile_fatalities([_killed("d1", 1, "people")]).rule
