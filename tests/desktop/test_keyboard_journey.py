"""The whole journey with the keyboard alone (QTest key clicks, no clicks, no setText): first run, a new case,
the assessment, submit, and the memo preview."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QPlainTextEdit, QPushButton

from casework.model import CaseStatus
from tests.conftest import PASSPHRASE
from tests.desktop.conftest import shot, wait_unlocked

COMBO_STEPS = {"finding": 2, "Current threat to public safety": 2, "Determination": 2}
"""How many steps Down from "not answered": does not apply / absent / not a current threat / decline."""


def keys(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def key(qtbot, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), k, modifier)


def active(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_first_run_to_memo_by_keyboard_alone(qtbot, launch, data_dir):
    window = launch(data_dir)
    qtbot.waitUntil(lambda: getattr(window, "setup_dialog", None) is not None and window.setup_dialog.isVisible())
    dlg = window.setup_dialog
    active(qtbot, dlg)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.officer_name)
    for text in ("Dana Ortiz", "DO-1138", "Field Office Example"):
        keys(qtbot, text)
        key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)  # the role stays "field officer"
    keys(qtbot, PASSPHRASE)
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, PASSPHRASE)
    key(qtbot, Qt.Key.Key_Return)
    wait_unlocked(qtbot, window)

    active(qtbot, window)
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.workspace.is_blank)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.subject.family_name)
    keys(qtbot, "Okafor")
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "Ada")
    key(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # History
    qtbot.waitUntil(lambda: window.editor.tabs.currentWidget().widget() is window.editor.history)
    key(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # Date of last entry
    keys(qtbot, "2015-06-01")

    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Assessment
    panel = window.editor.assessment
    qtbot.waitUntil(lambda: window.editor.tabs.currentWidget() is panel)
    key(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # no policy was in force on today's date: choose
    assert QApplication.focusWidget() is panel.policy_choice
    key(qtbot, Qt.Key.Key_Down)
    assert panel.chosen_policy() is not None
    key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # Start the assess&ment
    qtbot.waitUntil(lambda: panel.form is not None and panel.form.isVisible())
    form = panel.form

    for _ in range(400):
        w = QApplication.focusWidget()
        name = w.accessibleName()
        if isinstance(w, QCheckBox) and name in ("Reviewed: Full criminal record",
                                                 "Reviewed: Administrative immigration file (A-file)", "Attestation"):
            qtbot.keyClick(w, Qt.Key.Key_Space)
        elif isinstance(w, QComboBox) and w.parentWidget() is not None and form.isAncestorOf(w):
            for _step in range(next((n for k, n in COMBO_STEPS.items() if name.endswith(k)), 0)):
                qtbot.keyClick(w, Qt.Key.Key_Down)
        elif isinstance(w, QPlainTextEdit) and name == "Rationale":
            qtbot.keyClicks(w, "No priority category applies on the totality of the facts.")
        elif isinstance(w, QPushButton) and w is panel.submit_button:
            break
        qtbot.keyClick(w, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.submit_button, [str(i) for i in window.editor.items()]
    shot(window, "journey-before-submit")
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.editor.base().status is CaseStatus.SUBMITTED, timeout=5000)

    key(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "memo_dialog", None) is not None and window.memo_dialog.isVisible(),
                    timeout=10000)
    memo = window.memo_dialog
    assert memo.page_count() >= 1
    shot(memo, "journey-memo")
    active(qtbot, memo)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not memo.isVisible())
