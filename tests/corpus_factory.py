"""Build real-world and poisoned input files for the robustness tests and the benchmark.

Everything is generated (nothing binary is committed): minimal PDFs written by hand,
.docx files through python-docx, a zip bomb through zipfile.
"""
from __future__ import annotations

import io
import random
import zipfile

FIRST = ["Jane", "Omar", "Li", "Priya", "Carlos", "Anna", "Kwame", "Sofia", "Ivan", "Mei", "Lucas", "Aisha"]
LAST = ["Roe", "Haddad", "Wei", "Raman", "Mendez", "Novak", "Mensah", "Rossi", "Petrov", "Tanaka", "Berg", "Okafor"]
SCHOOLS = ["Stanford University", "Carnegie Mellon University", "University of Toronto", "ETH Zurich",
           "University of Michigan", "Princeton University"]
ADVISORS = ["Alan Smithee", "Grace Hopper", "Barbara Liskov", "Donald Knuth", "Leslie Lamport", "Frances Allen"]
TOPICS = ["robotics", "reinforcement learning", "computer vision", "natural language processing",
          "distributed systems", "computational biology"]


def statement(i: int) -> tuple[str, str, str]:
    """``(text, applicant name, school applied to)`` of the i-th synthetic statement."""
    rng = random.Random(i)
    name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"
    school = rng.choice(SCHOOLS)
    text = (f"STATEMENT OF PURPOSE\n\n{name}\n\n"
            f"I am applying to the PhD program in Computer Science at {school} because I want to study "
            f"{rng.choice(TOPICS)} with Prof. {rng.choice(ADVISORS)}.\n\n"
            f"During my undergraduate studies I worked on {rng.choice(TOPICS)} and {rng.choice(TOPICS)}.\n")
    return text, name, school


def pdf_bytes(lines: list[str], *, loop: bool = False) -> bytes:
    """A minimal one-page PDF showing ``lines``; ``loop`` makes the page tree its own child."""
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 11 Tf 72 740 Td 14 TL " + " ".join(f"({esc(l)}) Tj T*" for l in lines) + " ET"
    kids = "[2 0 R 3 0 R]" if loop else "[3 0 R]"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids {kids} /Count 1 /Parent 2 0 R >>" if loop else f"<< /Type /Pages /Kids {kids} /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{n} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def docx_bytes(paragraphs: list[str]) -> bytes:
    """A real .docx (python-docx) with one paragraph per item."""
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bomb_bytes(inflated: int = 200_000_000) -> bytes:
    """A .docx-shaped zip whose document.xml declares ``inflated`` bytes (zeros compress ~1000:1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as entry:
            block = b"\0" * 1_000_000
            for _ in range(inflated // len(block)):
                entry.write(block)
    return out.getvalue()


def html_page(text: str) -> str:
    """``text`` as a web page, with a script, a style and a head that must not leak into it."""
    paragraphs = "".join(f"<p>{line}</p>\n" for line in text.split("\n\n"))
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>My statement</title>"
            "<style>p { color: red }</style><script>var x = 'Harvard University';</script></head>"
            f"<body><nav>Home | About</nav>\n{paragraphs}</body></html>")
