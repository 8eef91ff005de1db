"""Style profiles: every GB/T 9704 number the Word writers use, as data.

A profile is a YAML file (templates/profiles/gbt9704.yaml is the standard). A user profile
lists only what it changes; everything else comes from gbt9704. The file's format is these
dataclasses (`profile_model`: a pydantic model generated from them, `drafter.util.
dataclass_models`): unknown keys and values of the wrong type are rejected with a Chinese
error naming file:line, every problem at once. Font overrides from a
plan (role → font name) are applied with `Profile.with_fonts`.

This module only reads profiles: it knows nothing about python-docx or blocks.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from drafter.model.errors import DrafterError
from drafter.util.datacache import DataCache
from drafter.util.paths import templates_dir, user_data_dir
from drafter.util.yamlio import LineMap, load_yaml, read_text_bounded

if TYPE_CHECKING:
    from pydantic import BaseModel

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


# Profiles validated before (by content, of the file and of gbt9704 under it, and by the code
# that reads them): a build with an unchanged profile neither validates nor imports pydantic.
PROFILE_CACHE = DataCache("profile", ("render", "model", "util"), 1)


@lru_cache(maxsize=32)
def _load_path(path: Path, mtime: float) -> Profile:
    """Read and validate one profile file (cached per path and modification time, in this
    process; and across processes by content, `PROFILE_CACHE`)."""
    from drafter.util.dataclass_data import build, to_data

    base_path = templates_dir() / "profiles" / f"{DEFAULT_PROFILE}.yaml"
    text = read_text_bounded(path, "样式配置")
    base_text = "" if path == base_path.resolve() else read_text_bounded(base_path, "样式配置")
    key_text = f"{text}\0{base_text}"  # gbt9704 lies under every other profile
    return PROFILE_CACHE.get(path, key_text,
                             lambda: _validated(path, text, base_path if base_text else None,
                                                base_text),
                             to_data, lambda data: build(Profile, data))


def _validated(path: Path, text: str, base_path: Path | None, base_text: str) -> Profile:
    from drafter.util.dataclass_data import build
    from drafter.util.validation import validate

    data, lines = _read(text, path)
    if base_path is not None:
        data = _merge(_read(base_text, base_path)[0], data)
    model = validate(profile_model(), data, lines, str(path))
    return build(Profile, model.model_dump())


@lru_cache(maxsize=1)
def profile_model() -> type[BaseModel]:
    """The profile file's format: the `Profile` dataclasses themselves (their fields, types
    and defaults), plus what a type cannot say (sizes positive, five column widths, {n})."""
    from pydantic import AfterValidator, Field

    from drafter.util.dataclass_models import model_for
    from drafter.util.validation import Strict

    positive = Annotated[int, Field(gt=0)]
    rules: dict[type, dict[str, Any]] = {
        Grid: dict.fromkeys(("line_pitch", "lines_per_page", "chars_per_line", "char_unit"),
                            positive),
        TitleRules: {"max_chars": positive, "blank_lines_after": Annotated[int, Field(ge=0)]},
        RoleStyle: {"size": Annotated[int, AfterValidator(_size)]},
        TaskTable: {"widths": Annotated[list[int], AfterValidator(_widths)]},
        PageNumber: {"format": Annotated[str, AfterValidator(_page_format)]},
        Profile: {"font_alternates": dict[str, str]},  # 字体: 替代字体
    }
    return model_for(Profile, Strict, rules, title="设置项")


def _size(value: int) -> int:
    if value <= 0:
        raise ValueError("字号 size 应大于 0（单位：半磅，32 = 三号）")
    return value


def _widths(value: list[int]) -> list[int]:
    if len(value) != len(TASK_COLUMNS) or any(w <= 0 for w in value):
        raise ValueError(f"tasks.widths 应是 {len(TASK_COLUMNS)} 个正整数"
                         f"（{'、'.join(TASK_COLUMNS)}的列宽）")
    return value


def _page_format(value: str) -> str:
    if "{n}" not in value:
        raise ValueError("页码格式应含 {n}，如“— {n} —”")
    return value


def _read(text: str, path: Path) -> tuple[dict[str, Any], LineMap]:
    data, lines = load_yaml(text, str(path))
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
