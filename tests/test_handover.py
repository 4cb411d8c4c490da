"""components/ui/handover.py relies on how Streamlit (1.6x) treats a `pages/` folder beside app.py. These fail
loudly if an upgrade changes that, before a visitor meets it (tests/test_browser.py also opens a deep link as a
fresh server's first request)."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from streamlit.commands import navigation
from streamlit.runtime import pages_manager
from streamlit.runtime.scriptrunner import script_runner

from components.ui import handover

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def folder_flag():
    """Save and restore the class attribute the tests below change."""
    saved = pages_manager.PagesManager.uses_pages_directory
    yield
    pages_manager.PagesManager.uses_pages_directory = saved


def test_a_pages_folder_beside_app_py_switches_on_the_folder_mode(folder_flag):
    assert hasattr(pages_manager.PagesManager, "uses_pages_directory"), "Streamlit renamed the folder-mode flag"
    pages_manager.PagesManager.uses_pages_directory = None
    pages_manager.PagesManager(str(ROOT / "app.py"))
    assert pages_manager.PagesManager.uses_pages_directory is True


def test_the_script_runner_and_st_navigation_still_use_that_flag():
    runner = inspect.getsource(script_runner)
    assert "if PagesManager.uses_pages_directory:" in runner and "_mpa_v1(" in runner
    assert "PagesManager.uses_pages_directory = False" in inspect.getsource(navigation)


def test_leaving_the_folder_mode_switches_the_flag_off_once(folder_flag):
    pages_manager.PagesManager.uses_pages_directory = True
    assert handover.leave_folder_mode() is True
    assert pages_manager.PagesManager.uses_pages_directory is False
    assert handover.leave_folder_mode() is False  # nothing to leave: a page must not rerun in a loop


def test_a_page_gets_the_context_app_py_published_and_only_for_that_run():
    context = handover.Context(lang="es", slug="sources", presenting=False)
    with handover.publish(context):
        assert handover.page_context() is context
    assert getattr(handover._local, "context", None) is None
