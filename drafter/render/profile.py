"""Style profiles: every GB/T 9704 number the Word writers use, as data.

A profile is a YAML file (templates/profiles/gbt9704.yaml is the standard). A user profile
lists only what it changes; everything else comes from gbt9704. Unknown keys and values of
the wrong type are rejected with a Chinese error naming file:line. Font overrides from a
plan (role → font name) are applied with `Profile.with_fonts`.

This module only reads profiles: it knows nothing about python-docx or blocks.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Union

from drafter.model.errors import DrafterError, Problem
from drafter.util.paths import templates_dir, user_data_dir
from drafter.util.yamlio import LineMap, read_yaml_file

DEFAULT_PROFILE = "gbt9704"
TASK_COLUMNS = ("序号", "重点任务", "具体内容", "责任单位", "完成时限")
Align = Literal["left", "center", "right", "both"]
FontPairs = tuple[tuple[str, str], ...]  # a YAML mapping, kept hashable


@dataclass(frozen=True)
class PageSetup:
    """Paper and margins, in twips."""

    width: int
    height: int
    margin_top: int
    margin_bottom: int
    margin_left: int
    margin_right: int
    header: int
    footer: int

    @property
    def text_width(self) -> int:
        return self.width - self.margin_left - self.margin_right


@dataclass(frozen=True)
class Grid:
    line_pitch: int  # exact line height, twips
    lines_per_page: int
    chars_per_line: int
    char_unit: int  # one body character, twips


@dataclass(frozen=True)
class RoleStyle:
    """How one kind of paragraph looks. `latin` None means the profile's latin font."""

    font: str
    size: int  # half-points
    align: Align = "both"
    first_line: int = 0  # twips
    char_spacing: int = 0  # twentieths of a point (w:spacing w:val)
    bold: bool = False
    latin: str | None = None


@dataclass(frozen=True)
class Roles:
    title: RoleStyle
    caption: RoleStyle
    body: RoleStyle
    chapter: RoleStyle
    section: RoleStyle
    signature: RoleStyle
    page_number: RoleStyle


@dataclass(frozen=True)
class TitleRules:
    max_chars: int
    blank_lines_after: int
    break_after: tuple[str, ...]
    break_before: tuple[str, ...]
    keep_words: tuple[str, ...] = ()  # words a line break must never split


@dataclass(frozen=True)
class PageNumber:
    format: str  # "— {n} —"
    inset: int  # twips from the text edge: odd pages right, even pages left


@dataclass(frozen=True)
class Signature:
    organ_right_chars: int
    date_shift_chars: int
    blank_lines_before: int


@dataclass(frozen=True)
class TaskTable:
    page: PageSetup
    title_suffix: str
    title_max_chars: int
    line: int  # exact line height inside the table, twips
    header: RoleStyle
    cell: RoleStyle
    group: RoleStyle
    widths: tuple[int, ...]  # five column widths, twips


@dataclass(frozen=True)
class Profile:
    name: str
    page: PageSetup
    grid: Grid
    latin_font: str
    roles: Roles
    title: TitleRules
    page_number: PageNumber
    signature: Signature
    tasks: TaskTable
    font_alternates: FontPairs = ()  # font → the one Word/WPS use when it is missing

    def latin(self, style: RoleStyle) -> str:
        return style.latin or self.latin_font

    def with_fonts(self, fonts: dict[str, str] | None) -> Profile:
        """A copy with role fonts replaced (plan `options.fonts`); unknown roles rejected."""
        if not fonts:
            return self
        profile = self
        for key, font in fonts.items():
            role = FONT_ROLES.get(str(key).strip())
            if role is None or not str(font).strip():
                known = "、".join(k for k in FONT_ROLES if not k.isascii())
                raise DrafterError.one(
                    f"字体设置“{key}: {font}”无效", where="meta.options.fonts",
                    hint=f"可设置的角色：{known}（或英文名 {', '.join(_ROLE_NAMES)}），"
                         "值为字体名称")
            profile = profile._with_font(role, str(font).strip())
        return profile

    def _with_font(self, role: str, font: str) -> Profile:
        if role == "latin":
            return dataclasses.replace(self, latin_font=font)
        if role.startswith("table_"):
            part = role.removeprefix("table_")
            old = getattr(self.tasks, part)
            tasks = dataclasses.replace(self.tasks, **{part: dataclasses.replace(old, font=font)})
            return dataclasses.replace(self, tasks=tasks)
        old = getattr(self.roles, role)
        roles = dataclasses.replace(self.roles, **{role: dataclasses.replace(old, font=font)})
        return dataclasses.replace(self, roles=roles)


_ROLE_NAMES = ("title", "caption", "body", "chapter", "section", "signature", "page_number",
               "latin", "table_header", "table_cell", "table_group")
FONT_ROLES: dict[str, str] = {
    **{name: name for name in _ROLE_NAMES},
    "标题": "title", "题注": "caption", "正文": "body", "一级标题": "chapter",
    "二级标题": "section", "落款": "signature", "页码": "page_number", "西文": "latin",
    "表头": "table_header", "表格": "table_cell", "表格分组": "table_group",
}


def load_profile(name: str = DEFAULT_PROFILE, overrides: dict[str, str] | None = None
                 ) -> Profile:
    """The named (or path-given) profile, merged over gbt9704, with font overrides applied."""
    path = find_profile(name)
    return _load_path(path.resolve(), _mtime(path)).with_fonts(overrides)


def find_profile(name: str) -> Path:
    """A profile by name (templates/profiles, then the user's profiles folder) or by path."""
    text = (name or DEFAULT_PROFILE).strip()
    if text.endswith((".yaml", ".yml")) or "/" in text or "\\" in text:
        path = Path(text).expanduser()
        if path.is_file():
            return path
        raise DrafterError.one(f"找不到样式配置文件：{text}",
                               hint="请检查 meta.options.profile 的路径")
    folders = (templates_dir() / "profiles", user_data_dir() / "profiles")
    for folder in folders:
        for suffix in (".yaml", ".yml"):
            if (folder / f"{text}{suffix}").is_file():
                return folder / f"{text}{suffix}"
    known = sorted({p.stem for f in folders if f.is_dir() for p in f.glob("*.y*ml")})
    raise DrafterError.one(f"找不到样式配置“{text}”",
                           hint=f"可用的样式配置：{'、'.join(known) or '无'}；也可以写文件路径")


def _mtime(path: Path) -> float:
    return path.stat().st_mtime


@lru_cache(maxsize=32)
def _load_path(path: Path, mtime: float) -> Profile:
    """Read and validate one profile file (cached per path and modification time)."""
    base_path = templates_dir() / "profiles" / f"{DEFAULT_PROFILE}.yaml"
    data, lines = _read(path)
    if path != base_path.resolve():
        data = _merge(_read(base_path)[0], data)
    file = str(path)
    problems: list[Problem] = []
    profile = _build(Profile, data, (), lines, file, problems)
    if not problems:
        problems = _sanity_problems(typing.cast(Profile, profile), lines, file)
    if problems:
        raise DrafterError(problems)
    return typing.cast(Profile, profile)


def _sanity_problems(profile: Profile, lines: LineMap, file: str) -> list[Problem]:
    """Numbers that parse but cannot work: a table needs five columns, sizes are positive."""
    problems: list[Problem] = []

    def bad(message: str, *path: str) -> None:
        problems.append(Problem(message, file=file, line=lines.line(*path),
                                where=".".join(path)))

    widths = profile.tasks.widths
    if len(widths) != len(TASK_COLUMNS) or any(w <= 0 for w in widths):
        bad(f"tasks.widths 应是 {len(TASK_COLUMNS)} 个正整数（{'、'.join(TASK_COLUMNS)}的列宽）",
            "tasks", "widths")
    for name in ("grid", "title"):
        part = getattr(profile, name)
        for field in dataclasses.fields(part):
            value = getattr(part, field.name)
            if isinstance(value, int) and value <= 0 and field.name != "blank_lines_after":
                bad(f"“{field.name}”应大于 0", name, field.name)
    roles = [(f"roles.{f.name}", getattr(profile.roles, f.name))
             for f in dataclasses.fields(profile.roles)]
    roles += [(f"tasks.{n}", getattr(profile.tasks, n)) for n in ("header", "cell", "group")]
    for where, style in roles:
        if style.size <= 0:
            bad("字号 size 应大于 0（单位：半磅，32 = 三号）", *where.split("."), "size")
    if "{n}" not in profile.page_number.format:
        bad("页码格式应含 {n}，如“— {n} —”", "page_number", "format")
    return problems


def _read(path: Path) -> tuple[dict[str, Any], LineMap]:
    data, lines = read_yaml_file(path, "样式配置")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DrafterError.one("样式配置应是“键: 值”的映射", file=str(path), line=1)
    return data, lines


def _merge(base: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in user.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _build(cls: type, data: Any, path: tuple[str, ...], lines: LineMap, file: str,
           problems: list[Problem]) -> Any:
    """Construct dataclass `cls` from `data`, appending every problem found."""
    where = ".".join(path) or "（顶层）"
    if not isinstance(data, dict):
        problems.append(Problem("应是“键: 值”的映射", file=file, line=lines.line(*path),
                                where=where))
        return None
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    for key in data:
        if key not in fields:
            problems.append(Problem(f"未知的设置项“{key}”", file=file,
                                    line=lines.line(*path, key), where=where,
                                    hint=f"可用的设置项：{'、'.join(fields)}"))
    values: dict[str, Any] = {}
    for name, field in fields.items():
        if name not in data:
            has_default = field.default is not dataclasses.MISSING
            if not has_default:
                problems.append(Problem(f"缺少设置项“{name}”", file=file,
                                        line=lines.line(*path), where=where))
            continue
        values[name] = _value(hints[name], data[name], (*path, name), lines, file, problems)
    if problems or any(v is _BAD for v in values.values()):
        return None
    return cls(**values)


_BAD = object()


def _value(hint: Any, raw: Any, path: tuple[str, ...], lines: LineMap, file: str,
           problems: list[Problem]) -> Any:
    origin = typing.get_origin(hint)
    if hint == FontPairs:
        ok = isinstance(raw, dict) and all(isinstance(v, str) for v in raw.values())
        if not ok:
            return _bad("应是“字体: 替代字体”的映射", path, lines, file, problems)
        return tuple((str(k), v) for k, v in raw.items())
    if dataclasses.is_dataclass(hint):
        return _build(typing.cast(type, hint), raw, path, lines, file, problems)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return None if raw is None else _value(args[0], raw, path, lines, file, problems)
    if origin is tuple:
        if not isinstance(raw, list):
            return _bad("应是列表，如 [年, 局]", path, lines, file, problems)
        item = typing.get_args(hint)[0]
        return tuple(_value(item, r, (*path, i), lines, file, problems)  # type: ignore[misc,arg-type]
                     for i, r in enumerate(raw))
    if origin is Literal:
        allowed = typing.get_args(hint)
        if raw not in allowed:
            return _bad(f"应是 {'、'.join(allowed)} 之一", path, lines, file, problems)
        return raw
    if hint is bool:
        return raw if isinstance(raw, bool) else _bad("应是 true 或 false", path, lines, file,
                                                       problems)
    if hint is int:
        ok = isinstance(raw, int) and not isinstance(raw, bool)
        return raw if ok else _bad("应是整数", path, lines, file, problems)
    if hint is str:
        ok = isinstance(raw, (str, int, float)) and not isinstance(raw, bool) and bool(str(raw))
        return str(raw) if ok else _bad("应是文字", path, lines, file, problems)
    return raw


def _bad(message: str, path: tuple[str, ...], lines: LineMap, file: str,
         problems: list[Problem]) -> object:
    problems.append(Problem(f"“{path[-1]}”{message}", file=file, line=lines.line(*path),
                            where=".".join(str(p) for p in path)))
    return _BAD
