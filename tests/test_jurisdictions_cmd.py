"""`leavecalc jurisdictions`: every region and city from the layer data, with status and sources."""

import json

from leavecalc.cli import main


def run(capsys, *args):
    try:
        main(list(args))
    except SystemExit as e:
        assert e.code in (0, None)
    return capsys.readouterr().out


def test_jurisdictions_json_lists_cities_of_a_province_with_its_status(capsys):
    rows = {r["id"]: r for r in json.loads(run(capsys, "jurisdictions", "--json"))}
    # Hefei has no layer of its own: Anhui's law, Anhui's status.
    assert rows["hefei"] == {**rows["hefei"], "level": "city", "code": "340100", "parent": "anhui", "own_layer": False}
    assert rows["hefei"]["status"] == rows["anhui"]["status"]
    # Zhengzhou has a layer of its own; Heilongjiang's sources conflict.
    assert rows["zhengzhou"]["own_layer"] is True
    assert rows["heilongjiang"]["status"] == "needs_review"
    assert rows["anhui"]["sources"] and all("项目解读" not in s for s in rows["anhui"]["sources"])


def test_jurisdictions_text_names_each_place_once(capsys):
    out = run(capsys, "jurisdictions")
    assert out.count(" 合肥市 ") == 1 and "340100" in out
