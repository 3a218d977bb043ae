"""Is something drawn on Xvfb's screen? Reads the screen that ``Xvfb -fbdir DIR`` keeps as an XWD file.

    python3 packaging/screen.py DIR/Xvfb_screen0 [OUT.png]

Exits 0 when the screen shows a drawn window (many colours, a good part of the screen not background), 1 when it is
blank or nearly so, 2 when the file cannot be read. With OUT.png it also writes the screen as a PNG, so a person can
look at it. Standard library only: it runs on the machine's own Python, not the program's.
"""

from __future__ import annotations

import struct
import sys
import zlib
from collections import Counter
from pathlib import Path

MIN_COLOURS = 8
MIN_DRAWN = 0.05  # share of the screen that differs from the most common colour


def read_xwd(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and the rows as RGB bytes of a 24/32-bit TrueColor XWD file."""
    data = path.read_bytes()
    fields = struct.unpack(">25I", data[:100])
    header_size, width, height = fields[0], fields[4], fields[5]
    byte_order, bits_per_pixel, bytes_per_line, ncolors = fields[7], fields[11], fields[12], fields[19]
    if bits_per_pixel != 32:
        raise ValueError(f"{bits_per_pixel} bits per pixel; alleen 32 wordt gelezen (start Xvfb met -screen 0 WxHx24)")
    start = header_size + 12 * ncolors
    rows = []
    for y in range(height):
        line = data[start + y * bytes_per_line : start + y * bytes_per_line + width * 4]
        if len(line) < width * 4:
            raise ValueError("het bestand is korter dan het scherm")
        # LSBFirst: B, G, R, unused per pixel; MSBFirst: unused, R, G, B.
        if byte_order == 0:
            rgb = bytes(b for i in range(0, len(line), 4) for b in (line[i + 2], line[i + 1], line[i]))
        else:
            rgb = bytes(b for i in range(0, len(line), 4) for b in (line[i + 1], line[i + 2], line[i + 3]))
        rows.append(rgb)
    return width, height, rows


def write_png(path: Path, width: int, height: int, rows: list[bytes]) -> None:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + row for row in rows)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )


def drawn(width: int, height: int, rows: list[bytes]) -> tuple[bool, int, float]:
    """Whether the screen shows something, the number of colours and the share that is not background (sampled
    every fourth pixel of every fourth row)."""
    counts: Counter[bytes] = Counter()
    for row in rows[::4]:
        for x in range(0, width * 3, 12):
            counts[row[x : x + 3]] += 1
    total = sum(counts.values()) or 1
    share = 1 - counts.most_common(1)[0][1] / total if counts else 0.0
    return len(counts) >= MIN_COLOURS and share >= MIN_DRAWN, len(counts), share


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        width, height, rows = read_xwd(Path(argv[0]))
    except (OSError, ValueError, struct.error) as exc:
        print(f"scherm: {argv[0]} is niet te lezen: {exc}", file=sys.stderr)
        return 2
    if len(argv) > 1:
        write_png(Path(argv[1]), width, height, rows)
    ok, colours, share = drawn(width, height, rows)
    print(f"scherm {width}x{height}: {colours} kleuren, {share:.0%} niet achtergrond")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
