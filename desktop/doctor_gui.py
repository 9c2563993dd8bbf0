"""What the desktop app needs from the system, checked without loading Qt (so it can say why Qt will not load).

On Linux PySide6's xcb platform plugin needs X11 libraries that a plain Debian desktop may lack (a missing
libxcb-icccm4 or libxcb-keysyms1 stops the app before any window with "could not load the Qt platform plugin
xcb"); every platform needs a display (or QT_QPA_PLATFORM=offscreen for tests) and the memo fonts shipped in
resources/fonts. Each check says which package to install. `casefile doctor` is meant to print these beside
its store checks (desktop/cli_store.py: not wired here).
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib.resources import files

XCB_LIBRARIES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libEGL.so.1": ("libegl1", "mesa-libEGL"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
}
"""Shared libraries PySide6's xcb plugin loads, by soname: (Debian/Ubuntu package, Fedora package)."""
MEMO_FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


@dataclass(frozen=True, slots=True)
class DesktopCheck:
    name: str
    ok: bool
    detail: str
    fix: str = ""


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def check_desktop(*, platform: str = sys.platform, environ: Mapping[str, str] = os.environ,
                  loadable: Callable[[str], bool] = _loadable) -> list[DesktopCheck]:
    """Every check, in order: the X11 libraries (Linux), a display, the memo fonts."""
    checks: list[DesktopCheck] = []
    if platform.startswith("linux"):
        missing = [name for name in XCB_LIBRARIES if not loadable(name)]
        if missing:
            debian = " ".join(dict.fromkeys(XCB_LIBRARIES[m][0] for m in missing))
            fedora = " ".join(dict.fromkeys(XCB_LIBRARIES[m][1] for m in missing))
            checks.append(DesktopCheck("X11 libraries", False, f"missing: {', '.join(missing)}",
                                       f"Debian/Ubuntu: sudo apt install {debian}; Fedora: sudo dnf install {fedora}"))
        else:
            checks.append(DesktopCheck("X11 libraries", True, f"all {len(XCB_LIBRARIES)} found"))
        checks.append(_display(environ))
    checks.append(_fonts())
    return checks


def _display(environ: Mapping[str, str]) -> DesktopCheck:
    if platform_name := environ.get("QT_QPA_PLATFORM"):
        return DesktopCheck("Display", True, f"QT_QPA_PLATFORM={platform_name}")
    for variable in ("WAYLAND_DISPLAY", "DISPLAY"):
        if environ.get(variable):
            return DesktopCheck("Display", True, f"{variable}={environ[variable]}")
    return DesktopCheck("Display", False, "no display: neither DISPLAY nor WAYLAND_DISPLAY is set",
                        "Start Casefile from a desktop session (not over plain SSH); over SSH use ssh -X")


def _fonts() -> DesktopCheck:
    folder = files("resources.fonts")
    missing = [name for name in MEMO_FONTS if not folder.joinpath(name).is_file()]
    if missing:
        return DesktopCheck("Memo fonts", False, f"missing from the installation: {', '.join(missing)}",
                            "Reinstall Casefile (the fonts ship inside it)")
    return DesktopCheck("Memo fonts", True, "DejaVu Sans (regular and bold) shipped with Casefile")


def report_lines(checks: list[DesktopCheck]) -> list[str]:
    """One line per check, as `casefile doctor` prints its own: what was found, and the fix when it failed."""
    return [f"{c.name.lower()}: {'ok' if c.ok else 'PROBLEM'} ({c.detail})" + (f" — {c.fix}" if c.fix else "")
            for c in checks]
