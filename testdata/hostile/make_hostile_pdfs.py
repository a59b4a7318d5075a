#!/usr/bin/env python3
"""Writes the hostile PDFs of issue 12 (crashes of facturx check, extract and
build --pdf) into a folder: fuzz/seeds/pdf/ keeps them as regression seeds and
tests/facturx/facturx_hostile_test.cpp reads them from there.

usage: make_hostile_pdfs.py OUT_DIR
Each file is a small, otherwise valid PDF (catalog, empty page tree,
cross-reference table) with one hostile construct. Deterministic output."""
import os
import sys
import zlib

DEPTH = 20000  # deep enough to overflow PoDoFo 0.9's recursion under ASan


def pdf(objects, compressed=None):
    """objects: list of (number, body bytes). Object 1 is the catalog.
    compressed: {number: (object stream number, index)} for objects stored in
    an object stream; then the cross-reference is a stream (PDF 1.5)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number, body in objects:
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    if compressed:
        return xref_stream_pdf(out, offsets, compressed)
    size = max(offsets) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        out += b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def xref_stream_pdf(out, offsets, compressed):
    number = max(list(offsets) + list(compressed)) + 1
    offsets[number] = len(out)
    rows = b""
    for n in range(number + 1):
        if n in compressed:
            rows += bytes([2]) + compressed[n][0].to_bytes(4, "big") + compressed[n][1].to_bytes(2, "big")
        elif n in offsets:
            rows += bytes([1]) + offsets[n].to_bytes(4, "big") + b"\0\0"
        else:
            rows += bytes([0]) + b"\0\0\0\0" + (b"\xff\xff" if n == 0 else b"\0\0")
    out += (b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n"
            % (number, number + 1, len(rows)) + rows + b"\nendstream\nendobj\n")
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[number]
    return bytes(out)


PAGES = (2, b"<< /Type /Pages /Kids [] /Count 0 >>")
DEEP_DICT = b"<</A" * DEPTH + b">>" * DEPTH
DEEP_ARRAY = b"[" * DEPTH + b"]" * DEPTH
INVOICE = b"<?xml version='1.0'?><x/>"


def with_attachment(spec_extra=b"", stream_dict=None, number=4, name=b"factur-x.xml"):
    """A catalog whose EmbeddedFiles name tree lists `name` (object 3). The
    stream cases use another name, so that facturx build --pdf (which refuses
    a PDF already carrying factur-x.xml) reads the attachment too."""
    stream_dict = stream_dict or b"<< /Length %d >>" % len(INVOICE)
    return [
        (1, b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names "
            b"[(" + name + b") 3 0 R] >> >> /AF [3 0 R] >>"),
        PAGES,
        (3, b"<< /Type /Filespec /F (" + name + b") /UF (" + name + b")" + spec_extra +
            b" /EF << /F %d 0 R >> >>" % number),
        (number, stream_dict + b"\nstream\n" + INVOICE + b"\nendstream"),
    ]


def object_stream_case():
    # Object 5 (inside object stream 4) is a deep dictionary the catalog names.
    inner = DEEP_DICT
    header = b"5 0 "
    data = header + inner
    packed = zlib.compress(data, 9)
    return [
        (1, b"<< /Type /Catalog /Pages 2 0 R /A 5 0 R >>"),
        PAGES,
        (4, b"<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
            % (len(header), len(packed)) + packed + b"\nendstream"),
    ]


CASES = {
    "hostile-deep-dict-catalog.pdf": [
        (1, b"<< /Type /Catalog /Pages 2 0 R /A " + DEEP_DICT + b" >>"), PAGES],
    "hostile-deep-array-catalog.pdf": [
        (1, b"<< /Type /Catalog /Pages 2 0 R /A " + DEEP_ARRAY + b" >>"), PAGES],
    "hostile-deep-dict-filespec.pdf": with_attachment(spec_extra=b" /A " + DEEP_DICT),
    "hostile-length-1e9.pdf": with_attachment(stream_dict=b"<< /Length 1000000000 >>",
                                              name=b"notes.xml"),
    "hostile-length-self.pdf": with_attachment(stream_dict=b"<< /Length 9 0 R >>", number=9,
                                               name=b"notes.xml"),
    "hostile-deep-decodeparms.pdf": with_attachment(
        stream_dict=b"<< /Length %d /Filter /FlateDecode /DecodeParms " % len(INVOICE) +
        DEEP_ARRAY + b" >>"),
    "hostile-deep-dict-object-stream.pdf": object_stream_case(),
}

if __name__ == "__main__":
    out_dir = sys.argv[1]
    for name, objects in CASES.items():
        compressed = {5: (4, 0)} if "object-stream" in name else None
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(pdf(objects, compressed))
