"""The loader and validator: every rule, with its line and column."""

import textwrap

import pytest

from tracker.plan import PlanInvalid, load_plan

from .conftest import BUNDLED_PLAN, write

HEADER = """\
plan:
  title: Test
  period: 2022-2025
parties:
  - id: region
    name: Region
objectives:
"""


def problems(tmp_path, body: str, header: str = HEADER) -> list[str]:
    path = write(tmp_path / "p.yaml", header + textwrap.dedent(body))
    with pytest.raises(PlanInvalid) as info:
        load_plan(path)
    return [line.split("p.yaml:", 1)[1] for line in info.value.lines()]


def one(tmp_path, body, header=HEADER) -> str:
    found = problems(tmp_path, body, header)
    assert len(found) == 1, found
    return found[0]


def test_bundled_plan_has_ten_objectives_and_the_ten_initiatives_of_the_seed():
    plan = load_plan(BUNDLED_PLAN)
    assert [o.id for o in plan.objectives] == [f"m{n}" for n in range(1, 11)]
    where = {i.id: i.objective_id for i in plan.initiatives()}
    assert where == {
        "informationsindsats-yngre-laeger": "m5", "opslag-aktivering-kapaciteter": "m5",
        "etablerede-laeger-praksisoverdragelse": "m5", "72-timers-behandlingsansvar": "m8",
        "haps": "m9", "aabne-praksis": "m2", "kapacitetsmodeller": "m3",
        "praksisdrift-praksispersonale": "m4", "kontaktlaege": "m4",
        "parakliniske-undersoegelser": "m4",
    }
    assert [p.id for p in plan.parties] == ["region", "kommunerne", "plo"]
    assert plan.years == [2022, 2023, 2024, 2025] and plan.adopted == "2021-12-17"


def test_bundled_plan_keeps_the_seed_text_exactly():
    plan = load_plan(BUNDLED_PLAN)
    by_id = {i.id: i for i in plan.initiatives()}
    assert by_id["parakliniske-undersoegelser"].title == \
        "Afklaring af ansvarsfordeling og håndtering ifm. parakliniske undersøgelse"
    assert by_id["kontaktlaege"].title == "Lokal implementering af appen KontaktLæge"
    assert by_id["haps"].kind == "projekt" and "8 temaer" in by_id["haps"].description
    objectives = {o.id: o for o in plan.objectives}
    assert objectives["m6"].initiatives == () and objectives["m10"].initiatives == ()
    assert objectives["m2"].title.endswith("lægevalgsmuligheder er begrænsede.")
    # No tracking values are invented in the bundled plan.
    assert all(i.status is None and i.owners is None and i.priorities is None
               for i in plan.initiatives())


def test_yaml_1_1_surprises_stay_text(tmp_path):
    path = write(tmp_path / "p.yaml", HEADER + textwrap.dedent("""\
      - id: m1
        number: 010
        title: no
        short: 2024-01-15
        initiatives: []
    """))
    plan = load_plan(path)
    assert plan.objectives[0].title == "no"
    assert plan.objectives[0].short == "2024-01-15"
    assert plan.objectives[0].number == 10  # our own conversion, not octal 8


def test_duplicate_key_names_both_lines(tmp_path):
    msg = one(tmp_path, """\
      - id: m1
        number: 1
        title: a
        title: b
    """)
    assert msg.startswith("11:3: duplicate key 'title' (first at line 10)")


def test_tab_is_one_clear_line(tmp_path):
    msg = one(tmp_path, "  - id: m1\n\tnumber: 1\n")
    assert msg.startswith("9:1: a tab character") and "spaces" in msg


def test_bad_indentation(tmp_path):
    msg = one(tmp_path, """\
      - id: m1
        number: 1
       title: x
    """)
    assert msg.startswith("10:") and "indentation" in msg or "':'" in msg


def test_empty_file(tmp_path):
    assert one(tmp_path, "", header="") .startswith("1:1: the plan file is empty")


def test_only_comments(tmp_path):
    assert "empty" in one(tmp_path, "# nothing\n", header="")


def test_list_at_top(tmp_path):
    assert "top of the file must be a mapping" in one(tmp_path, "- a\n- b\n", header="")


def test_missing_file(tmp_path):
    with pytest.raises(PlanInvalid) as info:
        load_plan(tmp_path / "nope.yaml")
    assert info.value.lines() == [f"{tmp_path / 'nope.yaml'}: no such file (give the plan "
                                  "with --plan or TRACKER_PLAN, or run from the folder "
                                  "holding plans/)"]


def test_binary_file(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(PlanInvalid) as info:
        load_plan(path)
    assert "binary file" in info.value.lines()[0]


def test_invalid_utf8_names_the_line(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_bytes(HEADER.encode() + b"  - id: m1\n    title: caf\xe9\n")
    with pytest.raises(PlanInvalid) as info:
        load_plan(path)
    assert ":9:15: the file is not valid UTF-8" in info.value.lines()[0]


def test_python_tags_are_refused_not_run(tmp_path):
    msg = one(tmp_path, """\
      - id: m1
        number: 1
        title: !!python/object/apply:os.system ["touch pwned"]
    """)
    assert msg.startswith("10:10:") and "refused" in msg
    assert not (tmp_path / "pwned").exists()


def test_alias_bomb_is_refused(tmp_path):
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n"
    assert "aliases" in one(tmp_path, bomb, header="")


def test_required_keys_and_unknown_keys(tmp_path):
    found = problems(tmp_path, """\
      - id: m1
        titel: x
        initiatives:
          - id: a
            title: t
    """)
    assert "8:3: an objective has no 'number' (add 'number: …')" in found
    assert "9:3: unknown key 'titel' in an objective (did you mean 'title'?)" in found
    assert "11:7: an initiative has no 'kind' (add 'kind: …')" in found


def test_wrong_types(tmp_path):
    found = problems(tmp_path, """\
      - id: m1
        number: one
        title: x
        initiatives:
          - id: a
            title: t
            kind: projekt
            owners: region
            priorities: 2024
    """)
    assert "9:11: 'number' of objective 'm1' must be a whole number, not 'one'" in found
    assert any(f.startswith("15:15: 'owners' of initiative 'a' must be a list") for f in found)
    assert any(f.startswith("16:19: 'priorities' of initiative 'a' must map years")
               for f in found)


def test_unique_ids_across_objectives_and_initiatives(tmp_path):
    found = problems(tmp_path, """\
      - id: m1
        number: 1
        title: x
        initiatives:
          - id: m1
            title: t
            kind: projekt
    """)
    assert found == ["12:11: the id 'm1' is used twice (first at line 8) (every objective "
                     "and initiative needs its own id)"]


def test_invalid_id(tmp_path):
    msg = one(tmp_path, "  - id: Mål 1\n    number: 1\n    title: x\n")
    assert msg.startswith("8:7: the id 'Mål 1' of an objective is not a valid id")


def test_references_owner_status_level_year_also_supports(tmp_path):
    found = problems(tmp_path, """\
      - id: m1
        number: 1
        title: x
        initiatives:
          - id: a
            title: t
            kind: aftalt indsats
            owners: [region, nobody]
            status: weird
            also_supports: [m7]
            priorities:
              2030: high
              2024: mega
    """)
    assert any(f.startswith("15:24: unknown owner 'nobody'") for f in found)
    assert any(f.startswith("16:15: unknown status 'weird'") and "in progress" in f
               for f in found)
    assert any(f.startswith("17:23: 'also_supports' of initiative 'a' names 'm7'") for f in found)
    assert any(f.startswith("19:9: the year '2030'") and "2022 to 2025" in f for f in found)
    assert any(f.startswith("20:15: unknown priority level 'mega'") for f in found)
    assert len(found) == 5


def test_status_and_level_accept_labels_in_any_case(tmp_path):
    path = write(tmp_path / "p.yaml", HEADER + textwrap.dedent("""\
      - id: m1
        number: 1
        title: x
        initiatives:
          - id: a
            title: t
            kind: Projekt
            status: In Progress
            priorities: {2024: HØJ, 2025: lav}
    """))
    initiative = next(load_plan(path).initiatives())
    assert initiative.status == "in_progress"
    assert initiative.priorities == {2024: "high", 2025: "low"}
    assert initiative.kind == "projekt"


def test_plan_may_declare_its_own_vocabulary_and_people(tmp_path):
    header = HEADER.replace("objectives:\n", textwrap.dedent("""\
        people:
          - id: anna
            name: Anna Jensen
            party: region
        statuses:
          - {key: red, da: rød, en: red}
          - {key: green, da: grøn, en: green, done: yes}
        objectives:
    """))
    path = write(tmp_path / "p.yaml", header + textwrap.dedent("""\
      - id: t1
        number: 1
        title: Tema 1
        initiatives:
          - {id: a, title: t, kind: projekt, status: grøn, owners: [anna]}
    """))
    plan = load_plan(path)
    assert [t.key for t in plan.statuses] == ["red", "green"] and plan.statuses[1].done
    assert next(plan.initiatives()).owners == ("anna",)


def test_person_with_unknown_party(tmp_path):
    header = HEADER.replace("objectives:\n", "people:\n  - {id: bo, name: Bo, party: kl}\n"
                            "objectives:\n")
    found = problems(tmp_path, "  - {id: m1, number: 1, title: x}\n", header)
    assert found == ["8:31: unknown party 'kl' for bo (parties: region)"]


def test_all_problems_reported_sorted_by_line(tmp_path):
    found = problems(tmp_path, """\
      - id: m1
        number: 1
        title: x
      - id: m1
        number: 1
        title:
    """)
    lines = [int(f.split(":")[0]) for f in found]
    assert lines == sorted(lines) and len(found) == 3


def test_period_must_be_two_years(tmp_path):
    found = problems(tmp_path, "  - {id: m1, number: 1, title: x}\n",
                     HEADER.replace("2022-2025", "2025-2022"))
    assert found[0].startswith("3:11: 'period' must be two years like 2022-2025")


def test_previous_id_still_in_use(tmp_path):
    found = problems(tmp_path, """\
      - id: m1
        number: 1
        title: x
        initiatives:
          - {id: a, title: t, kind: projekt, previous_ids: [m1]}
    """)
    assert found[0].startswith("12:55: previous id 'm1' of initiative 'a' is still in use")


def test_the_bundled_plan_says_what_is_inferred():
    from .conftest import BUNDLED_PLAN

    head = BUNDLED_PLAN.read_text(encoding="utf-8").split("\nplan:")[0]
    words = " ".join(head.replace("#", "").split())
    assert "working group's own assignment, to be confirmed by the group" in words
    # ... and the plan says so of each initiative, and where its adoption is stated.
    plan = load_plan(BUNDLED_PLAN)
    assert all(i.provisional for i in plan.initiatives())
    assert plan.adopted == "2021-12-17" and "17. december 2021" in plan.adopted_source


def test_a_name_may_be_a_folded_block_but_not_two_lines(tmp_path):
    """A long målsætning wrapped with `>` is one line (its final line break is no
    part of the name); a line break inside a name, or in a body's name, is refused."""
    path = write(tmp_path / "p.yaml", HEADER + textwrap.dedent("""\
      - id: m1
        number: 1
        title: >
          At det er let og hurtigt at komme i kontakt
          med sin praktiserende læge
    """))
    assert load_plan(path).objectives[0].title == ("At det er let og hurtigt at komme i "
                                                   "kontakt med sin praktiserende læge")
    msg = one(tmp_path, "  - id: m1\n    number: 1\n    title: A\n",
              HEADER.replace("objectives:\n", 'bodies:\n  - {id: ppu, name: "Praksisplan\\tudvalget"}\n'
                                              "objectives:\n"))
    assert "must be one line; remove the \\t" in msg
    msg = one(tmp_path, '  - id: m1\n    number: 1\n    title: A\n    short: "A\\rB"\n')
    assert "U+000D" in msg and "write the line break as \\n" in msg
