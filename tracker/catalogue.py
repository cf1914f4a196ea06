"""Every string a person reads, in English and Danish, and the language in use.

The words live in `texts/`, one file a surface (tui, cli, validate, core,
report), each key with its (English, Danish) pair side by side, so the two
never drift apart. Code calls `t("key", name=value)`.
"""

from __future__ import annotations

from .texts import cli, committee, core, report, tui, validate

_SURFACES = (tui.TEXTS, cli.TEXTS, validate.TEXTS, core.TEXTS, report.TEXTS,
             committee.TEXTS)
_PAIRS = {key: pair for texts in _SURFACES for key, pair in texts.items()}
assert len(_PAIRS) == sum(map(len, _SURFACES)), "a key is in two surfaces"
EN = {key: pair[0] for key, pair in _PAIRS.items()}
DA = {key: pair[1] for key, pair in _PAIRS.items()}

CATALOGUES = {"en": EN, "da": DA}
LANGUAGES = tuple(CATALOGUES)
_language = "en"


def choose_language(explicit: str | None = None) -> str:
    """--lang, else TRACKER_LANG, else the locale (da_* → Danish), else English."""
    import os

    for value in (explicit, os.environ.get("TRACKER_LANG")):
        if value:
            return value.lower()[:2]
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(name):
            return "da" if os.environ[name].lower().startswith("da") else "en"
    return "en"


def use(language: str) -> None:
    global _language
    if language not in CATALOGUES:  # a bug of ours: the commands offer only these
        raise ValueError(f"unknown language '{language}'; choose one of: "
                         f"{', '.join(LANGUAGES)}")
    _language = language


def language() -> str:
    return _language


def t(key: str, /, **values) -> str:
    text = CATALOGUES[_language].get(key) or EN[key]
    if values:
        return text.format(**values)
    return text.replace("{{", "{").replace("}}", "}") if "{{" in text else text


def day(iso_date: str) -> str:
    """A date as people write it: 17.12.2021 in Danish, 2021-12-17 in English."""
    if _language == "da" and len(iso_date) == 10 and iso_date[4] == "-":
        return f"{iso_date[8:10]}.{iso_date[5:7]}.{iso_date[:4]}"
    return iso_date
