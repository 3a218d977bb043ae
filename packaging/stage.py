"""Write what a build says about itself into a staging folder, for packaging/makelaar.spec to take along.

    python packaging/stage.py FOLDER [COMMIT]

Run by the build venv's Python (Makelaar installed there). Writes ``build-info.json`` (version, commit, date,
platform) and, for Windows, ``version-info.txt`` (the version resource of the .exe files that Explorer shows).
"""

from __future__ import annotations

import json
import platform
import re
import sys
from datetime import date
from importlib.metadata import version
from pathlib import Path

VERSION_INFO = """VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1,
                    subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('041304B0', [
      StringStruct('CompanyName', 'Makelaar'),
      StringStruct('FileDescription', 'Makelaar: ideeën van bewoners registreren, organisaties vinden en koppelen'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'Makelaar'),
      StringStruct('LegalCopyright', 'EUPL-1.2'),
      StringStruct('OriginalFilename', 'Makelaar.exe'),
      StringStruct('ProductName', 'Makelaar'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [0x0413, 1200])])
  ]
)
"""


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    own = version("makelaar")
    info = {
        "version": own,
        "commit": argv[1] if len(argv) > 1 and argv[1] else None,
        "date": date.today().strftime("%d-%m-%Y"),
        "platform": f"{platform.system().lower()}-{platform.machine()}",
    }
    (folder / "build-info.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    numbers = tuple(([int(n) for n in re.findall(r"\d+", own)] + [0, 0, 0, 0])[:4])
    (folder / "version-info.txt").write_text(VERSION_INFO.format(numbers=numbers, version=own), encoding="utf-8")
    print(own)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
