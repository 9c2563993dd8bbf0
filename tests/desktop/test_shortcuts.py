"""Every action of the window has a shortcut, no two share one, the keys work with the focus in a field, and
Help ▸ Keyboard shortcuts lists exactly what the menus hold."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QWidget

from tests.desktop.conftest import shot
from tests.desktop.test_keyboard import launched, three_cases


def scope_of(obj, window: QWidget) -> str:
    """Where a shortcut is live: the window (its actions, its menu bar's menus), or only inside one pop-up menu
    (a context menu's entry shows the window's key for the same command, and is live only while it is open)."""
    if isinstance(obj, QAction):
        popups = [w for w in obj.associatedObjects() if isinstance(w, QMenu) and w.parent() is not window.menuBar()
                  and not isinstance(w.parent(), QMenuBar)]
        others = [w for w in obj.associatedObjects() if w not in popups]
        if popups and not others:
            return f"pop-up {id(popups[0])}"
    return "window"


def keys_of(window: QWidget) -> dict[tuple[str, str], list[str]]:
    """Every shortcut of the window (its actions and any QShortcut, the workspace's and context menus' too),
    by scope and keys → who uses it."""
    used: dict[tuple[str, str], list[str]] = defaultdict(list)
    seen: set[int] = set()
    for obj in [*window.findChildren(QAction), *window.actions(), *window.findChildren(QShortcut)]:
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        sequences = obj.shortcuts() if isinstance(obj, QAction) else [obj.key()]
        for seq in sequences:
            if not seq.isEmpty():
                name = obj.text() if isinstance(obj, QAction) else obj.objectName() or "a shortcut"
                keys = seq.toString(QKeySequence.SequenceFormat.PortableText)
                used[(scope_of(obj, window), keys)].append(name)
    return used


def clashes(window: QWidget) -> dict[str, list[str]]:
    return {keys: who for (_scope, keys), who in keys_of(window).items() if len(who) > 1}


def test_every_menu_action_has_a_shortcut_and_none_clash(qtbot, launch, data_dir):
    three_cases(data_dir)
    window = launched(qtbot, launch, data_dir)
    window.table.selectRow(0)
    window.workspace._on_table_menu_requested(window.table.visualRect(window.model.index(0, 0)).center())
    window.workspace.table_menu.close()  # its actions (Delete) now exist as children too
    actions = window.all_actions()
    assert len(actions) >= 15
    missing = [a.text() for a in actions if a.shortcut().isEmpty()]
    assert missing == [], f"menu actions without a shortcut: {missing}"
    assert clashes(window) == {}


def test_the_clash_finder_finds_a_clash(qtbot, launch, data_dir):
    """Negative control: a second action on Ctrl+N is reported."""
    three_cases(data_dir)
    window = launched(qtbot, launch, data_dir)
    extra = QAction("Another new thing", window)
    extra.setShortcut(QKeySequence("Ctrl+N"))
    window.addAction(extra)
    assert clashes(window) == {"Ctrl+N": ["&New case", "Another new thing"]}


def test_help_lists_every_menu_action_with_its_keys(qtbot, launch, data_dir):
    three_cases(data_dir)
    window = launched(qtbot, launch, data_dir)
    window.show_shortcuts()
    dlg = window.shortcuts_dialog
    qtbot.waitUntil(dlg.isVisible)
    rows = {dlg.table.item(r, 0).text(): dlg.table.item(r, 1).text() for r in range(dlg.table.rowCount())}
    for a in window.all_actions():
        what = a.text().replace("&", "").rstrip("…").rstrip(".")
        assert rows.get(what) == a.shortcut().toString(QKeySequence.SequenceFormat.NativeText), what
    for what in ("Compare policy versions", "Re-assess under another policy version", "Change passphrase",
                 "About Casefile", "Delete draft case", "Import cases", "Export cases"):
        assert rows[what], what
    # A menu entry added later is listed without touching the dialog.
    added = window.menuBar().actions()[0].menu().addAction("Something new")
    added.setShortcut(QKeySequence("Ctrl+Alt+Shift+F12"))
    window.show_shortcuts()
    dlg = window.shortcuts_dialog
    rows = {dlg.table.item(r, 0).text(): dlg.table.item(r, 1).text() for r in range(dlg.table.rowCount())}
    assert rows["Something new"] == "Ctrl+Alt+Shift+F12"
    shot(dlg, "help-keyboard-shortcuts-all")


def press_in_a_field(qtbot, window, sequence: str) -> None:
    """The keys pressed with the focus in the case's family-name field (a text field must not swallow them)."""
    field = window.editor.subject.family_name
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    seq = QKeySequence(sequence)
    combo = seq[0]
    qtbot.keyClick(QApplication.focusWidget(), combo.key(), combo.keyboardModifiers())


def test_the_new_shortcuts_work_from_inside_a_field(qtbot, launch, data_dir):
    three_cases(data_dir)
    window = launched(qtbot, launch, data_dir)
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.editor.case_id() is not None)
    opened = {
        "Ctrl+Shift+P": "policy_dialog",
        "Ctrl+F1": "about_dialog",
        "Ctrl+Shift+D": None,  # the delete confirmation (the workspace's)
    }
    for sequence, attr in opened.items():
        press_in_a_field(qtbot, window, sequence)
        dlg = getattr(window, attr) if attr else window.workspace.delete_box
        qtbot.waitUntil(dlg.isVisible)
        dlg.reject()
        qtbot.waitUntil(lambda d=dlg: not d.isVisible())
    press_in_a_field(qtbot, window, "Ctrl+Shift+K")
    qtbot.waitUntil(lambda: any(type(w).__name__ == "ChangePassphraseDialog" and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    for w in QApplication.topLevelWidgets():
        if type(w).__name__ == "ChangePassphraseDialog" and w.isVisible():
            w.reject()
