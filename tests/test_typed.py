"""What people type is what is saved, or one clear line saying why not."""

import pytest
from click.testing import CliRunner

from tracker.cli import main


@pytest.fixture
def run(plan_file, clock):
    def invoke(*args, lang="en"):
        return CliRunner().invoke(main, ["--plan", str(plan_file), "--user", "anna",
                                         "--lang", lang, *args])

    return invoke


def test_year_0_is_an_error_not_this_year(run):
    result = run("action", "add", "haps", "Step", "--year", "0")
    assert result.exit_code == 1 and "0" in result.output and "2022" in result.output
    assert "0 actions" in run("action", "list").output


@pytest.mark.parametrize("number", [str(2 ** 63), str(2 ** 70)])
@pytest.mark.parametrize("command", [["action", "set", "{n}", "--status", "done"],
                                     ["action", "remove", "{n}"]])
def test_an_action_number_beyond_sqlite_is_no_such_action(run, number, command):
    result = run(*[part.format(n=number) for part in command])
    assert result.exit_code == 1, result.output
    assert f"#{number}" in result.output and "unexpected" not in result.output


@pytest.mark.parametrize("lang, typed, words", [
    ("en", "31.02.2025", "February 2025 has 28 days"),
    ("en", "2025-02-29", "February 2025 has 28 days"),
    ("da", "31.04.2025", "april 2025 har 30 dage"),
    ("en", "1.13.2025", "there is no month 13"),
])
def test_an_impossible_day_says_why(run, lang, typed, words):
    result = run("action", "add", "haps", "Step", "--year", "2024", "--due", typed, lang=lang)
    assert result.exit_code == 1 and words in result.output, result.output


@pytest.mark.parametrize("invisible", ["\u200b", "\u2060\ufeff", " \u200b\u200b "])
def test_text_of_only_invisible_characters_is_empty(run, invisible):
    for args in (["action", "add", "haps", invisible, "--year", "2024"],
                 ["decision", "add", "haps", invisible],
                 ["set", "haps", "--note", invisible]):
        result = run(*args)
        assert result.exit_code == 1 and "empty" in result.output, (args, result.output)
    history = run("history", "haps").output
    assert "note" not in history and "action" not in history and "decision" not in history


@pytest.mark.parametrize("name", ["\u202eanna", "anna\u200b", "\u3164", "anna\u00a0", "a\x1bb"])
def test_a_user_name_that_hides_characters_is_refused(plan_file, clock, name):
    result = CliRunner().invoke(main, ["--plan", str(plan_file), "--user", name, "--lang", "en",
                                       "set", "haps", "--note", "x"])
    assert result.exit_code == 1 and "hide or reorder" in result.output, result.output
    assert "\u202e" not in result.output and "\x1b" not in result.output


@pytest.mark.parametrize("blank", ["\u3164", "\u115f\u3164", "\u2800"])
def test_blank_letters_are_empty_text(run, blank):
    result = run("set", "haps", "--note", blank)
    assert result.exit_code == 1 and "empty" in result.output


def test_a_blank_decided_by_is_no_one(run):
    assert run("decision", "add", "haps", "Approved", "--by", "\u200b").exit_code == 0
    assert "\u200b" not in run("decision", "list").output


@pytest.mark.parametrize("args", [["set", "haps", "--status", "done", "--expect-version",
                                   str(10 ** 20)],
                                  ["set", "haps", "--status", "done", "--expect-version",
                                   str(-10 ** 20)]])
def test_an_expected_version_beyond_sqlite_is_stale_not_a_crash(run, args):
    result = run(*args)
    assert result.exit_code == 1 and "unexpected" not in result.output, result.output


@pytest.mark.parametrize("args", [["show", "a\nb"], ["action", "add", "zz\nq", "x"],
                                  ["action", "list", "--initiative", "a\nb"],
                                  ["set", "haps", "--owner", "a\nb"]])
def test_an_unknown_word_with_a_newline_is_one_line(run, args):
    assert run("sync").exit_code == 0
    result = run(*args)
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1, \
        result.output


def test_one_date_grammar_everywhere(run, plan_file, tmp_path):
    """`2024-W01-1` (an ISO week date Python would take) and `31.02.2025` are refused by
    the plan validator, the commands, an import and the TUI's forms alike."""
    from tracker import lookup, present
    from tracker.tui import plan_year

    assert present.parse_date is lookup.parse_date  # the TUI's forms use it too
    assert plan_year.present.parse_date is lookup.parse_date
    for typed in ("2024-W01-1", "31.02.2025", "2025-02-29"):
        assert run("action", "add", "haps", "x", "--year", "2024", "--due", typed
                   ).exit_code == 1
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace("      - id: haps\n", "      - id: haps\n        actions:\n"
                                      "          2024:\n            - {id: a, text: t, "
                                      "due: 2024-W01-1}\n", 1), encoding="utf-8")
    result = run("validate")
    assert result.exit_code == 1 and "'2024-W01-1' is not a date" in result.output
    plan_file.write_text(text, encoding="utf-8")
    state = tmp_path / "s.yaml"
    state.write_text("format: tracker-state/1\ninitiatives:\n  haps:\n    actions:\n"
                     "      - {year: '2024', text: t, due: 2024-W01-1}\n", encoding="utf-8")
    imported = run("import", str(state))
    assert imported.exit_code == 1 and "2024-W01-1" in imported.output
