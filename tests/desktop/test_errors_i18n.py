"""The store's and casework's messages in the window's language: an error box, the unlock dialog's message."""

from __future__ import annotations

import pytest

from PySide6.QtWidgets import QMessageBox

from desktop import i18n
from desktop.errors import error_text, show_error
from storage import error_map
from storage.errors import StoreBusy, WrongPassphrase


@pytest.fixture
def spanish(qapp):
    i18n.install("es", qapp)
    yield
    i18n.install("en", qapp)


def test_a_store_error_box_in_spanish(qtbot, spanish):
    box = show_error(None, WrongPassphrase(wait_s=4.2))
    assert isinstance(box, QMessageBox)
    qtbot.addWidget(box)
    assert box.windowTitle() == "Frase de contraseña incorrecta"
    assert box.text() == ("La frase de contraseña no es correcta. Compruebe las mayúsculas (Bloq Mayús) y la "
                          "distribución del teclado, e inténtelo de nuevo. Tras varios intentos fallidos, el siguiente "
                          "será posible dentro de 5 segundos.")


def test_nested_messages_are_translated_part_by_part(spanish, tmp_path):
    exc = error_map.disk_full(tmp_path, error_map.OPEN_STORE)
    assert error_text(exc) == (f"El disco que contiene {tmp_path} está lleno, por lo que Casefile no puede abrir el "
                               "almacén de casos. No se ha cambiado nada; libere espacio e inténtelo de nuevo.")
    assert str(exc).startswith(f"The disk holding {tmp_path} is full")  # the English stays what is logged


def test_english_is_the_english_text(qapp):
    i18n.install("en", qapp)
    assert error_text(StoreBusy()) == "Casefile is already open on this profile in another window or process."
    assert error_text(ValueError("plain")) == "plain"
