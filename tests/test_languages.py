"""Danish and English: every string in both, chosen by --lang, TRACKER_LANG or the locale."""

import string

import pytest
from click.testing import CliRunner

from tracker import catalogue, report
from tracker.cli import main
from tracker.store import Change


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_string_has_a_danish_translation_with_the_same_placeholders():
    assert set(catalogue.DA) == set(catalogue.EN), (
        f"missing in Danish: {sorted(set(catalogue.EN) - set(catalogue.DA))}; "
        f"only in Danish: {sorted(set(catalogue.DA) - set(catalogue.EN))}")
    for key, text in catalogue.EN.items():
        assert placeholders(catalogue.DA[key]) == placeholders(text), key


@pytest.mark.parametrize("env, explicit, expected", [
    ({}, "da", "da"),
    ({"TRACKER_LANG": "da"}, None, "da"),
    ({"TRACKER_LANG": "en", "LANG": "da_DK.UTF-8"}, None, "en"),
    ({"LANG": "da_DK.UTF-8"}, None, "da"),
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "da_DK.UTF-8"}, None, "en"),
    ({"LANG": "de_DE.UTF-8"}, None, "en"),
    ({}, None, "en"),
])
def test_language_choice(monkeypatch, env, explicit, expected):
    for name in ("TRACKER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert catalogue.choose_language(explicit) == expected


def test_danish_report_headings_and_dates(store):
    store.edit("haps", Change(status="igangsat", note="Kick-off"), "anna", "cli")
    catalogue.use("da")
    text = report.markdown(report.build(store, "2024-03-15", since="2024-01-01"))
    assert text.startswith("# Status pr. 15.03.2024\n")
    assert "planperiode 2022-2025 · vedtaget 17.12.2021¹ · status pr. 15.03.2024" in text
    assert "¹ Vedtagelsesdatoen: Region Hovedstadens side" in text
    assert "## Overblik" in text and "## Ændringer siden 01.01.2024" in text
    assert "| Indsats | Tovholder | Status | Prioritet 2024 | Leverance 2024 |" in text
    assert "- **HAPS**: " in text and "note: Kick-off" in text and "(01.03.2024)" in text


def test_cli_lang_option_and_env(plan_file, clock):
    runner = CliRunner()
    base = ["--plan", str(plan_file)]
    runner.invoke(main, base + ["set", "haps", "--status", "igangsat"])
    danish = runner.invoke(main, base + ["--lang", "da", "history", "haps"])
    assert "status: ikke påbegyndt → igangsat" in danish.output
    assert "tilføjet til planen under 9. Sparring og rådgivning" in danish.output
    env = runner.invoke(main, base + ["export", "--date", "2024-03-15"],
                        env={"TRACKER_LANG": "da"})
    assert "status pr. 15.03.2024" in env.output


def test_danish_validator_sync_and_errors(plan_file, tmp_path, clock):
    runner = CliRunner()
    bad = tmp_path / "bad.yaml"
    bad.write_text("plan:\n  title: x\n  period: 2022-2025\nobjectives:\n"
                   "  - {id: m1, number: en, title: y}\n", encoding="utf-8")
    result = runner.invoke(main, ["--lang", "da", "validate", str(bad)])
    assert "'number' i målsætning 'm1' skal være et helt tal, ikke 'en'" in result.output
    assert "1 problem i" in result.output and "intet er ændret" in result.output
    synced = runner.invoke(main, ["--lang", "da", "--plan", str(plan_file), "sync"])
    assert "+ haps  HAPS (målsætning 9. Sparring og rådgivning)" in synced.output
    assert "20 tilføjet, 0 ændret, 0 arkiveret." in synced.output
    wrong = runner.invoke(main, ["--lang", "da", "--plan", str(plan_file), "set", "haps",
                                 "--status", "halvvejs"])
    assert wrong.output.startswith("fejl: ukendt status 'halvvejs'; vælg en af:")


def test_one_language_at_a_time_in_the_cli(plan_file, clock):
    runner = CliRunner()
    base = ["--plan", str(plan_file)]
    runner.invoke(main, base + ["set", "haps", "--status", "forsinket", "--priority",
                                "2024=høj", "--owner", "plo"])
    english = runner.invoke(main, base + ["--lang", "en", "list"]).output
    assert "Initiative" in english and "delayed" in english and "high" in english
    assert not any(word in english for word in ("forsinket", "høj", "ikke påbegyndt",
                                                "Indsats"))
    danish = runner.invoke(main, base + ["--lang", "da", "list"]).output
    assert "Indsats" in danish and "Ansvarlige" in danish and "forsinket" in danish
    assert not any(word in danish for word in ("Initiative", "Owners", "delayed", "not started"))
    history = runner.invoke(main, base + ["--lang", "da", "history", "haps"]).output
    assert "ansvarlige: – → PLO-Hovedstaden" in history  # names, not ids
    wrong = runner.invoke(main, base + ["--lang", "en", "set", "haps", "--status", "x"]).output
    assert "in progress" in wrong and "in_progress" not in wrong and "igangsat" not in wrong
    danish = runner.invoke(main, base + ["--lang", "da", "set", "haps", "--status", "x"]).output
    assert "igangsat, forsinket" in danish and "in_progress" not in danish  # words only


def test_danish_dates_are_accepted_wherever_a_date_is_typed(plan_file, clock):
    runner = CliRunner()
    base = ["--plan", str(plan_file)]
    runner.invoke(main, base + ["set", "haps", "--status", "igangsat"])
    for date in ("1.3.2024", "01.03.2024", "2024-03-01"):
        for lang in ("da", "en"):
            result = runner.invoke(main, base + ["--lang", lang, "history", "--since", date])
            assert result.exit_code == 0 and "haps" in result.output, (date, lang)
    bad = runner.invoke(main, base + ["--lang", "da", "export", "--since", "31.02.2024"])
    assert bad.exit_code == 1 and "februar 2024 har 29 dage" in bad.output
    assert "--since" in bad.output


def test_danish_as_a_dane_writes_it():
    """The native reader's corrections stay made."""
    danish = " ".join(catalogue.DA.values())
    for wrong in ("Gentag din seneste fortrydelse", "Serverer", "servering", "rapport af",
                  "tager en dato", "ramte en uventet fejl", "ind i {db}", "allerede sådan",
                  "i stilhed", "dig: {user}", "List også",
                  # a civil servant's plain words, not the tool's inner ones:
                  "trackeren", "trackerens", "afgjort", "tager ÅR", "markerede",
                  "Annullér fortryd", "fortrudt på", "gentaget på", "escape: fortryd",
                  "efter frist", "berosat"):
        assert wrong not in danish, wrong
    assert catalogue.DA["key.sync"] == "Synkronisér"
    assert (catalogue.DA["key.top"], catalogue.DA["key.bottom"]) == ("Øverst", "Nederst")
    assert catalogue.DA["field.priority"] == "prioritet {year}"


def test_a_note_with_a_stale_expected_version_is_still_added(plan_file, clock):
    runner = CliRunner()
    base = ["--plan", str(plan_file)]
    runner.invoke(main, base + ["set", "haps", "--status", "igangsat"])  # now version 2
    result = runner.invoke(main, base + ["set", "haps", "--note", "Fra mødet",
                                         "--expect-version", "1"])
    assert result.exit_code == 0 and "saved" in result.output
    stale = runner.invoke(main, base + ["set", "haps", "--status", "done",
                                        "--expect-version", "1"])
    assert stale.exit_code == 1 and "changed meanwhile" in stale.output
