"""The guard every untrusted zip package (.docx, .odt, a reference .docx) passes before parsing.

A .docx is a zip of XML parts, and both layers can be weapons: a 6 MB zip whose parts inflate
to gigabytes, an XML part with an entity bomb or nesting thousands deep. `check_package` looks
at the zip's directory (entry count, declared sizes, compression ratios, encryption) and then
streams every XML part through a bounded, non-resolving pull parser that refuses a DTD and
counts depth, all before python-docx (or anything else) reads the file. Python's zipfile never
inflates an entry past its declared size, so bounding declared sizes bounds memory.
`read_bounded` reads a file the user named without trusting its size (`/dev/zero`, a FIFO).

Every refusal is a Chinese DrafterError naming the file and saying what to do. This module
only checks and reads; it never writes and never imports python-docx.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from drafter.model.errors import DrafterError

MiB = 1024 * 1024
# An Office document saved by Word/WPS starts with this header when it is password-protected
# (an OLE compound file holding "EncryptedPackage"), and so does a legacy .doc/.wps.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XML_SUFFIXES = (".xml", ".rels")
_DTD_MARKS = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"),
              "<!DOCTYPE".encode("utf-16-be"))
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounds no real plan comes near (a 200-page .docx with photos is ~30 MB inflated)."""

    file_size: int = 200 * MiB  # the file on disk
    entries: int = 5000  # zip entries
    entry_size: int = 128 * MiB  # one entry, inflated (declared)
    total_size: int = 512 * MiB  # all entries, inflated (declared)
    ratio: float = 200.0  # inflated / compressed, for entries above ratio_floor
    ratio_floor: int = 2 * MiB
    xml_depth: int = 200  # element nesting in an XML part (Word's own stay below 20)


DEFAULT_LIMITS = Limits()


def _refuse(file: str, message: str, hint: str) -> DrafterError:
    return DrafterError.one(message, file=file, hint=hint)


_REPAIR = "文件可能已损坏或被篡改；请在 Word/WPS 中打开后重新另存为 .docx 再试"


def read_bounded(path: Path, limit: int, *, what: str = "文件") -> bytes:
    """The bytes of a regular file of at most `limit` bytes; DrafterError otherwise.

    Devices, FIFOs and sockets are refused before opening (reading /dev/zero never ends), and
    the read itself stops at limit + 1 bytes, in case the file grows while it is read."""
    name = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise _refuse(name, "找不到该文件", "请检查文件名和路径") from None
    except PermissionError:
        raise _refuse(name, "没有读取该文件的权限", "请检查文件权限") from None
    except OSError as exc:
        raise _refuse(name, f"无法读取该{what}（{exc.strerror or '系统错误'}）",
                      "请检查文件名和路径") from None
    if stat.S_ISDIR(info.st_mode):
        raise _refuse(name, "这是一个文件夹，不是文件", f"请给出要读取的{what}")
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(name, "这不是普通文件（可能是设备或管道），无法读取",
                      f"请给出保存在磁盘上的{what}")
    if info.st_size > limit:
        raise _refuse(name, f"文件太大（{info.st_size // MiB} MB，上限 {limit // MiB} MB）",
                      "请确认选对了文件；如确需处理，请拆分后再试")
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except PermissionError:
        raise _refuse(name, "没有读取该文件的权限", "请检查文件权限") from None
    except OSError as exc:
        raise _refuse(name, f"无法读取该{what}（{exc.strerror or '系统错误'}）",
                      "请检查文件是否被其他程序占用") from None
    if len(data) > limit:
        raise _refuse(name, f"文件太大（超过 {limit // MiB} MB）", "请确认选对了文件")
    return data


def is_encrypted_office(data: bytes) -> bool:
    """A password-protected Word/WPS/Excel document (OLE container with an EncryptedPackage)."""
    return data.startswith(OLE_MAGIC) and "EncryptedPackage".encode("utf-16-le") in data


def check_package(path: Path, data: bytes | None = None, *, what: str = "Word 文件（.docx）",
                  limits: Limits = DEFAULT_LIMITS,
                  xml_parts: Iterable[str] | None = None) -> None:
    """Refuse a zip package that is not a zip, is encrypted, or exceeds `limits`.

    `data` is the file's bytes when the caller already holds them (else the file is read,
    bounded). Every XML part (or only `xml_parts`) is streamed through `check_xml`."""
    name = str(path)
    if data is None:
        data = read_bounded(Path(path), limits.file_size, what=what)
    if is_encrypted_office(data):
        raise _refuse(name, "文件受密码保护，无法读取",
                      "请在 Word/WPS 中打开，取消密码（文件→信息→保护文档）后另存一份再试")
    if data.startswith(OLE_MAGIC):
        raise _refuse(name, f"这是旧版 Word/WPS 格式的文件，不是 {what}",
                      "请把扩展名改为 .doc 或 .wps 后再试，或在 Word/WPS 中另存为 .docx")
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise _refuse(name, f"不是有效的 {what}（无法按压缩包打开）", _REPAIR) from None
    with archive:
        infos = archive.infolist()
        _check_directory(name, infos, limits)
        wanted = set(xml_parts) if xml_parts is not None else None
        for info in infos:
            if wanted is not None and info.filename not in wanted:
                continue
            if wanted is None and not info.filename.lower().endswith(_XML_SUFFIXES):
                continue
            try:
                with archive.open(info) as stream:
                    check_xml(stream, name, info.filename, limits)
            except (zipfile.BadZipFile, EOFError, OSError, RuntimeError,
                    NotImplementedError, ValueError):
                raise _refuse(name, f"文件中的“{info.filename}”部分已损坏，无法读取",
                              _REPAIR) from None


def _check_directory(name: str, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.entries:
        raise _refuse(name, f"压缩包中的条目过多（{len(infos)} 个），不像正常的文档",
                      _REPAIR)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _refuse(name, "文件受密码保护（已加密），无法读取",
                          "请取消密码后另存一份再试")
        size = info.file_size
        total += size
        ratio = size / max(info.compress_size, 1)
        if size > limits.entry_size or total > limits.total_size or (
                size > limits.ratio_floor and ratio > limits.ratio):
            raise _refuse(name, f"文件解压后异常巨大（“{info.filename}”{size // MiB} MB，"
                                f"压缩比 {ratio:.0f} 倍），疑似“压缩炸弹”，已拒绝读取",
                          "请确认文件来源可靠；正常文档请在 Word/WPS 中重新另存后再试")


def check_xml(stream: object, file: str, part: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Stream one XML part: no DTD (so no entity bomb or external entity), bounded depth,
    well-formed. `stream` is a binary file object."""
    parser = etree.XMLPullParser(events=("start", "end"), resolve_entities=False,
                                 no_network=True, load_dtd=False, huge_tree=False)
    depth = 0
    head = b""
    read = stream.read  # type: ignore[attr-defined]
    try:
        while True:
            chunk = read(_CHUNK)
            if not chunk:
                break
            if len(head) < 4096:
                head = (head + chunk)[:8192]
                if any(mark in head for mark in _DTD_MARKS):
                    raise _refuse(file, f"文件中的“{part}”含有 DTD/实体声明（正常文档不会有），"
                                        "疑似恶意文件，已拒绝读取", _REPAIR)
            parser.feed(chunk)
            for event, _ in parser.read_events():
                depth += 1 if event == "start" else -1
                if depth > limits.xml_depth:
                    raise _refuse(file, f"文件中的“{part}”嵌套层级过深（超过 "
                                        f"{limits.xml_depth} 层），疑似恶意文件，已拒绝读取",
                                  _REPAIR)
        parser.close()
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower():  # libxml2's own cap (256) met inside one chunk
            raise _refuse(file, f"文件中的“{part}”嵌套层级过深（超过 {limits.xml_depth} 层），"
                                "疑似恶意文件，已拒绝读取", _REPAIR) from None
        line = f"第 {exc.lineno} 行" if getattr(exc, "lineno", None) else ""
        raise _refuse(file, f"文件中的“{part}”{line}不是完整有效的 XML（文件不完整或已损坏）",
                      _REPAIR) from None
