"""The desktop's own doctor: which system package is missing, whether there is a display, the memo fonts."""

from __future__ import annotations

from desktop.doctor_gui import XCB_LIBRARIES, check_desktop, report_lines


def test_a_missing_xcb_library_names_the_package_to_install():
    checks = check_desktop(platform="linux", environ={"DISPLAY": ":0"},
                           loadable=lambda name: name not in ("libxcb-icccm.so.4", "libxcb-keysyms.so.1"))
    libraries = checks[0]
    assert not libraries.ok and "libxcb-icccm.so.4" in libraries.detail
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in libraries.fix
    assert "sudo dnf install xcb-util-wm xcb-util-keysyms" in libraries.fix
    assert [c.name for c in checks] == ["X11 libraries", "Display", "Memo fonts"]
    assert checks[1].ok and checks[2].ok
    assert report_lines(checks)[0].startswith("x11 libraries: PROBLEM (missing: libxcb-icccm.so.4")


def test_no_display_is_said_with_what_to_do():
    checks = check_desktop(platform="linux", environ={}, loadable=lambda _name: True)
    display = checks[1]
    assert not display.ok and "DISPLAY" in display.detail and "desktop session" in display.fix
    assert checks[0].ok and checks[0].detail == f"all {len(XCB_LIBRARIES)} found"


def test_other_platforms_need_no_x11_libraries():
    checks = check_desktop(platform="darwin", environ={}, loadable=lambda _name: False)
    assert [c.name for c in checks] == ["Memo fonts"] and checks[0].ok
