"""Time and peak memory of hostile inputs, each run as ``qualspec extract`` in a child process.

    python benchmarks/bench_hostile.py

Builds in a temporary folder: a .docx ZIP bomb (word/document.xml inflating to 400 MB), a
.docx of many small elements, 11 MB of "Unit Title" rows, one line of 5 million tabs,
20,000 one-row units, and the bundled specification repeated 40 times; prints the exit
status, wall time, peak RSS and the error line of each. Every one should end with exit 2
in seconds and well under 600 MB.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.pipeline import BUNDLED_SPEC  # noqa: E402

DOCX = ROOT / "fixtures" / "source_specs" / f"{BUNDLED_SPEC.stem}.docx"
OPEN = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'


def bomb(path: Path, chunk: bytes, times: int, head: bytes = b"", tail: bytes = b"") -> Path:
    with zipfile.ZipFile(DOCX) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info.filename, source.read(info))
        with out.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(OPEN + head)
            for _ in range(times):
                member.write(chunk)
            member.write(tail + b"</w:body></w:document>")
    return path


def cases(folder: Path) -> dict[str, Path]:
    text = BUNDLED_SPEC.read_text(encoding="utf-8")
    row = "Unit Title\tL5B1 Analyse Financial Performance\t\n"
    files = {
        "rows.txt": row * (11_000_000 // len(row)),
        "tabs.txt": "x" + "\t" * 5_000_000 + "\n",
        "units.txt": (row + "A note\n") * 20_000,
        "repeated.txt": text * 40,
    }
    made = {name: folder / name for name in files}
    for name, content in files.items():
        made[name].write_text(content, encoding="utf-8")
    made["bomb.docx"] = bomb(folder / "bomb.docx", b" " * (1 << 20), 400, b"<w:p><w:r><w:t>", b"</w:t></w:r></w:p>")
    made["elements.docx"] = bomb(folder / "elements.docx", b"<w:p/>" * (1 << 16), 400)
    return made


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'input':15} {'bytes':>10} {'exit':>4} {'seconds':>8} {'peak MB':>8}  message")
        for name, path in cases(folder).items():
            start = time.perf_counter()
            child = subprocess.run(
                [sys.executable, "-m", "extractor", "extract", str(path), "-o", str(folder / "out")],
                capture_output=True, cwd=ROOT, text=True,
            )
            seconds = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest child so far
            message = (child.stderr.strip() or child.stdout.strip()).splitlines()[-1][:90]
            print(f"{name:15} {path.stat().st_size:>10} {child.returncode:>4} {seconds:>8.1f} {peak:>8.0f}  {message}")


if __name__ == "__main__":
    main()
