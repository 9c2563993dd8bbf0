"""Layouts at 4K and at 200 % scaling: the same checks as tests/desktop/test_layout.py (no input of the
assessment form cut off when scrolled to, one-line fields no wider than their maximum, no sideways scrolling)
at 3840×2160, and the 1920×1080 checks again in a process of its own with QT_SCALE_FACTOR=2 (Qt reads the
scale factor once per process) — which is 3840×2160 device pixels at 200 %."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication

from tests.desktop import test_layout as layout

UHD = (3840, 2160)
ROOT = Path(__file__).parents[2]


@pytest.mark.parametrize("policy", list(layout.POLICIES))
def test_no_input_of_the_assessment_form_is_cut_off_at_4k(qtbot, launch, data_dir, policy):
    layout.test_no_input_of_the_assessment_form_is_cut_off(qtbot, launch, data_dir, UHD, policy)


def test_subject_fields_keep_their_maximum_width_at_4k(qtbot, launch, data_dir):
    layout.test_subject_fields_keep_a_sensible_width(qtbot, launch, data_dir, UHD)


def test_the_scale_factor_is_the_one_asked_for(qtbot):
    """In the 200 % child below, this proves the checks ran scaled (here, unscaled, it holds at 1)."""
    assert QApplication.primaryScreen().devicePixelRatio() == float(os.environ.get("QT_SCALE_FACTOR", "1"))


def test_the_form_fits_at_200_percent_scaling(tmp_path):
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": "offscreen"}
    nodes = ["tests/desktop/test_layout_4k.py::test_the_scale_factor_is_the_one_asked_for",
             "tests/desktop/test_layout.py::test_no_input_of_the_assessment_form_is_cut_off",
             "tests/desktop/test_layout.py::test_subject_fields_keep_a_sensible_width"]
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
                          "-k", "1920x1080 or scale_factor", *nodes], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "4 passed" in run.stdout, run.stdout[-1000:]  # 2 policies × the form, the subject fields, the scale


def test_no_dropdown_of_the_form_stretches_at_4k(qtbot, launch, data_dir):
    """Dropdowns are one-line fields too: at 4K they stop at the same width as text fields (those in a table's
    cells follow their column)."""
    from PySide6.QtWidgets import QAbstractItemView, QComboBox

    from widgets.common import LINE_MAX_WIDTH

    window = layout.open_first_case(qtbot, launch, data_dir, layout.POLICIES["guidelines"]())
    window.resize(*UHD)
    qtbot.waitUntil(lambda: window.size().width() == UHD[0])
    editor = window.editor
    editor.tabs.setCurrentWidget(editor.assessment)
    form = editor.assessment.form
    qtbot.waitUntil(form.isVisible)
    combos = [c for c in form.findChildren(QComboBox) if c.isVisibleTo(form)
              and not isinstance(c.parentWidget().parentWidget(), QAbstractItemView)]
    assert len(combos) > 10
    wide = [(c.accessibleName(), c.width()) for c in combos if c.width() > LINE_MAX_WIDTH]
    assert wide == []
