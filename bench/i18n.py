"""Issue 12's language-switch cost: launch → unlock dialog with the window in Spanish vs in English.

The same child process as the foundation launch figure (bench.launch_child: the console script finding its
store in the platform data folder), the profile's `ui/language` set to `en` or `es`, runs interleaved so that load
on the machine hits both alike. Also the
in-process cost of installing the catalogues (desktop.i18n.install), which is what the language adds.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import OFFICER, PASSPHRASE, Report, median, timed

RUNS = int(os.environ.get("CASEFILE_BENCH_LAUNCH_RUNS", "15"))


def _store() -> Path:
    from storage.keyslot import KdfParams
    from storage.store import CaseStore

    folder = Path(tempfile.mkdtemp(prefix="casefile-bench-i18n-"))
    with CaseStore.create(folder, PASSPHRASE, OFFICER, kdf=KdfParams(time_cost=1, memory_kib=8192)):
        pass  # launch stops at the unlock dialog: the cases and the KDF do not count
    return folder


def _set_language(folder: Path, language: str) -> None:
    from desktop import settings as S
    from desktop.settings import open_settings
    from storage.paths import StorePaths

    settings = open_settings(StorePaths(folder).settings)
    S.UI_LANGUAGE.set(settings, language)
    settings.sync()


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from bench.foundation import installed_bytecode, launch_sample
    from desktop import i18n

    folder = _store()
    home = Path(tempfile.mkdtemp(prefix="casefile-bench-home-"))
    (home / "Casefile").symlink_to(folder)
    env = {"XDG_DATA_HOME": str(home)}
    os.environ.pop("CASEFILE_DATA_DIR", None)
    report = Report("Language (issue 12): launch → unlock dialog, Spanish vs English")
    samples: dict[str, list[float]] = {"en": [], "es": []}
    installed_bytecode()
    for language in ("en", "es"):  # warm the file cache (and build a missing .qm once)
        _set_language(folder, language)
        launch_sample(["casefile"], env)
    cpu: dict[str, list[float]] = {"en": [], "es": []}
    for _ in range(RUNS):
        for language in ("en", "es"):
            _set_language(folder, language)
            wall, used = launch_sample(["casefile"], env)
            samples[language].append(wall)
            cpu[language].append(used)
    en, es = median(samples["en"]), median(samples["es"])
    paired = median([s / e for e, s in zip(samples["en"], samples["es"], strict=True)])
    paired_cpu = median([s / e for e, s in zip(cpu["en"], cpu["es"], strict=True)])
    report.add("launch in English (median)", en, en, note=f"{RUNS} runs, interleaved")
    report.add("launch in Spanish (median)", es, en * 1.05, note=f"{(es / en - 1) * 100:+.1f} % vs English")
    report.add("Spanish / English, run by run (median)", paired * 100, 105, unit="%")
    report.add("Spanish / English CPU, run by run (median)", paired_cpu * 100, 105, unit="%",
               note=f"English {median(cpu['en']):.0f} ms, Spanish {median(cpu['es']):.0f} ms")

    QApplication.instance() or QApplication([])
    installs = []
    for _ in range(20):
        installs += timed(lambda: i18n.install("es"))
        i18n.install("en")
    report.add("installing the Spanish catalogues in-process (median)", median(installs), 0.05 * en)
    report.print()


if __name__ == "__main__":
    main()
