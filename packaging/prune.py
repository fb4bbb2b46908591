"""Leave a Qt plugin out of a bundle together with the libraries only it needs.

PyInstaller collects every Qt plugin of a module it bundles, and with each plugin the shared
libraries it links against. The GTK 3 platform theme (``platformthemes/libqgtk3.so``) brings
cairo, pango, gdk-pixbuf, atk and a dozen more from the build machine while its own libgtk-3
is not bundled at all: on a user's machine it would mix the build machine's cairo with the
user's GTK, and without GTK it does not load. Qt falls back to its own theme and, where the
desktop offers it, the XDG portal's native dialogs (``libqxdgdesktopportal.so`` stays).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any

LEFT_OUT_PLUGINS = ("platformthemes/libqgtk3.so",)


def needed(path: str) -> list[str]:
    """The sonames ``path`` links against (``DT_NEEDED``); none if it is not an ELF file."""
    result = subprocess.run(["readelf", "-d", "-W", path], capture_output=True, text=True)
    names = []
    for line in result.stdout.splitlines():
        if "(NEEDED)" in line and "[" in line:
            names.append(line.rsplit("[", 1)[1].rstrip("]"))
    return names


def closure(names: Iterable[str], sources: dict[str, str]) -> set[str]:
    """``names`` and every bundled library they need, transitively (by file name)."""
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        if name in sources:
            todo.extend(needed(sources[name]))
    return seen


def without_plugins(
    binaries: list[Any], plugins: tuple[str, ...] = LEFT_OUT_PLUGINS
) -> tuple[list[Any], list[str]]:
    """PyInstaller's binaries (``(dest, source, typecode)``) less ``plugins`` and the libraries
    that nothing else needs; and the names dropped."""
    sources = {Path(dest).name: source for dest, source, _ in binaries}
    gone = [entry for entry in binaries if entry[0].replace("\\", "/").endswith(plugins)]
    kept = [entry for entry in binaries if entry not in gone]
    # Libraries the plugins pull in; one stays when anything else needs it, directly or not.
    theirs = closure((Path(dest).name for dest, _, _ in gone), sources)
    roots = (Path(dest).name for dest, _, _ in kept if Path(dest).name not in theirs)
    only_theirs = theirs - closure(roots, sources)
    pruned = [entry for entry in kept if Path(entry[0]).name not in only_theirs]
    dropped = sorted({Path(entry[0]).name for entry in gone} | (only_theirs & set(sources)))
    return pruned, dropped
