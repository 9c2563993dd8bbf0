"""Help ▸ About Casefile: the versions an office's IT asks for (Casefile, Python, Qt and PySide6, SQLCipher and
its crypto provider) and the licence of the fonts shipped for memos.

The SQLCipher line is read from the open store on the store thread; while Casefile is locked it says so
rather than opening anything.
"""

from __future__ import annotations

import platform
from importlib import metadata
from importlib.resources import files
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.dialogs.base import AppDialog
from widgets.translated import tr_message

if TYPE_CHECKING:
    from desktop.tasks import TaskManager
    from storage.database import CryptoModule

def font_licence_name() -> str:
    return QCoreApplication.translate("AboutDialog", "The Bitstream Vera fonts licence (permissive, free), with the "
                                                     "DejaVu changes in the public domain")


def casefile_version() -> str:
    try:
        return metadata.version("casefile")
    except metadata.PackageNotFoundError:
        return QCoreApplication.translate("AboutDialog", "unknown (not installed)")


def version_lines(crypto: CryptoModule | None) -> list[str]:
    """The versions, and the crypto module worded as `casefile doctor` words it (storage.database)."""
    lines = [f"Casefile {casefile_version()}",
             f"Python {platform.python_version()} ({platform.python_implementation()})",
             f"Qt {qVersion()}, PySide6 {PySide6.__version__}"]
    if crypto is None:
        lines.append(QCoreApplication.translate("AboutDialog", "SQLCipher: unlock Casefile to see its version and "
                                                "crypto provider"))
    else:
        lines += [tr_message(crypto.summary()), tr_message(crypto.fips_statement())]
    return lines


def font_licence() -> str:
    return files("resources.fonts").joinpath("DejaVu-LICENSE.txt").read_text(encoding="utf-8")


class AboutDialog(AppDialog):
    def __init__(self, parent: QWidget | None, tasks: TaskManager | None) -> None:
        super().__init__(parent, self.tr("About Casefile"))
        lines = version_lines(None)
        self.versions = QLabel("\n".join(lines if tasks is None else [*lines[:3], self.tr("SQLCipher: reading…")]))
        self.versions.setTextFormat(Qt.TextFormat.PlainText)
        self.versions.setWordWrap(True)
        self.versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.versions.setAccessibleName(self.tr("Versions"))
        self.versions.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        intro = QLabel(self.tr("Casefile keeps prosecutorial-discretion case files for immigration officers, "
                               "encrypted on this laptop. The memo fonts are DejaVu Sans, shipped under this licence:"))
        intro.setWordWrap(True)
        self.licence = QPlainTextEdit(font_licence())
        self.licence.setReadOnly(True)
        self.licence.setTabChangesFocus(True)
        self.licence.setAccessibleName(self.tr("Font licence"))
        self.licence.setAccessibleDescription(font_licence_name())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.versions)
        layout.addWidget(intro)
        layout.addWidget(self.licence, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)
        if tasks is not None:
            from desktop.operations import profile as profile_ops

            profile_ops.crypto_versions(tasks=tasks, parent=self).success(self._show_crypto)

    def _show_crypto(self, crypto: CryptoModule) -> None:
        self.versions.setText("\n".join(version_lines(crypto)))
