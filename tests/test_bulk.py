"""The cycle collector is paused only while large values are built, and always
runs again after (also after an error), whoever paused it first."""

import gc

import pytest

from tracker.bulk import collector_paused
from tracker.errors import TrackerError
from tracker import report


@pytest.fixture(autouse=True)
def collecting():
    was = gc.isenabled()
    gc.enable()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_paused_inside_and_running_after_even_after_an_error():
    with pytest.raises(ValueError):
        with collector_paused():
            assert not gc.isenabled()
            raise ValueError
    assert gc.isenabled()


def test_nested_the_outer_one_turns_it_on():
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()  # the inner one found it off: leaves it off
    assert gc.isenabled()


def test_left_off_if_it_was_off():
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_a_report_that_fails_leaves_the_collector_running(tmp_path):
    class Broken:
        @property
        def info(self):
            raise TrackerError("no plan")

    with pytest.raises(TrackerError):
        report.build(Broken(), "2024-01-01")
    assert gc.isenabled()
