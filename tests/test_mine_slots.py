"""Slot extraction: local numbers, placeholders, region and plan-relative years in clause text."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from drafter.mine.slot_rules import load_slot_rules, parse_slot_rules
from drafter.mine.slots import templatize
from drafter.model.clause import SLOT_TYPES, Slot
from drafter.model.errors import DrafterError
from drafter.model.plan import GLOBAL_NAMES
from drafter.model.values import validate_value
from drafter.util.placeholders import placeholder_problems, template_names
from tests.conftest import CORPUS

ENV = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


def body_of(text: str, year: int | None = 2024, region: str | None = "安顺市"
            ) -> tuple[str, list[Slot]]:
    _, body, slots = templatize("", text, year=year, region=region)
    assert placeholder_problems(body) == []
    return body, slots


def render(template: str, slots: list[Slot], year: int | None = 2024,
           region: str | None = "安顺市") -> str:
    values: dict[str, Any] = {s.name: s.default for s in slots}
    values.update({"年份": year, "地区": region, "单位": "教育局"})
    return ENV.from_string(template).render(values)


# --------------------------------------------------------------------------- units


@pytest.mark.parametrize("unit", sorted(load_slot_rules().percent_units | {
    "所", "个", "名", "人", "人次", "万人", "万元", "亿元", "元", "个百分点", "项", "家",
    "套", "间", "平方米", "万平方米", "亩", "班", "学位", "节", "期", "场", "次", "支", "门",
    "本", "台", "公里", "户", "批次", "课时", "小时", "份", "万人次",
}))
def test_each_unit_makes_a_slot(unit: str) -> None:
    body, slots = body_of(f"今年完成任务12{unit}。")
    assert len(slots) == 1, body
    slot = slots[0]
    assert slot.unit == unit
    assert slot.default == 12
    assert slot.type == ("percent" if unit in ("%", "％") else "integer")
    assert body == f"今年完成任务{{{{ {slot.name} }}}}{unit}。"


@pytest.mark.parametrize(("text", "slot_type", "default", "unit"), [
    ("毛入园率达94.5%。", "percent", 94.5, "%"),
    ("投入经费1.2亿元。", "decimal", 1.2, "亿元"),
    ("培训教师1.5万人次。", "decimal", 1.5, "万人次"),
    ("新增学位1500余个。", "integer", 1500, "个"),  # 余 stays in the text
    ("提高2个百分点。", "integer", 2, "个百分点"),
    ("新增１２所学校。", "integer", 12, "所"),  # full-width digits
    ("争取资金3000余万元。", "integer", 3000, "万元"),  # approximation before the magnitude
    ("培训教师1.2万余人。", "decimal", 1.2, "万人"),
    ("总投资3.5亿，", "decimal", 3.5, "亿"),  # a bare magnitude is a unit too
    ("事故发生率控制在0.5‰以下。", "decimal", 0.5, "‰"),
    ("经费增长150%。", "integer", 150, "%"),  # over 100: not a percent slot (0–100)
    ("新增学位1,500个。", "integer", 1500, "个"),  # thousands separators
    ("扩建幼儿园项目1 122个。", "integer", 1122, "个"),  # a space, as printed copies have
    ("新建学校 12 所。", "integer", 12, "所"),
])
def test_types_and_defaults(text: str, slot_type: str, default: float, unit: str) -> None:
    _, slots = body_of(text)
    assert [(s.type, s.default, s.unit) for s in slots] == [(slot_type, default, unit)]
    assert type(slots[0].default) is type(default)


# --------------------------------------------------------------------------- placeholders


@pytest.mark.parametrize(("text", "slot_type", "unit"), [
    ("新改扩建公办幼儿园xx所。", "integer", "所"),
    ("新改扩建公办幼儿园XX所。", "integer", "所"),
    ("新改扩建公办幼儿园××所。", "integer", "所"),
    ("新改扩建公办幼儿园ＸＸ所。", "integer", "所"),
    ("新增学位xxx个。", "integer", "个"),
    ("毛入园率达x.xx%。", "percent", "%"),
    ("毛入园率达xxx%。", "percent", "%"),
    ("投入资金x.xx亿元。", "decimal", "亿元"),
    ("投入资金xx万元。", "decimal", "万元"),
    ("支持xx技师学院创建。", "text", None),
    ("深入学习贯彻***重要讲话。", "text", None),
    ("做好□□工作。", "text", None),
    ("评选第X届名师。", "integer", None),
    ("召开第xx次会议。", "integer", None),  # an ordinal, not a count of 次
    ("于x月底前完成。", "integer", None),
    ("20xx年全面完成。", "year", None),
    ("xxxx年全面完成。", "year", None),
])
def test_placeholders_are_slots_without_default(text: str, slot_type: str,
                                                unit: str | None) -> None:
    body, slots = body_of(text)
    assert len(slots) == 1, body
    assert (slots[0].type, slots[0].unit, slots[0].default) == (slot_type, unit, None)
    assert "x" not in body.replace("{{", "").lower().split("}}")[-1]


def test_placeholder_labels() -> None:
    _, slots = body_of("在持续推进xx县和xx技师学院开展试点的基础上，评选第X届名师。")
    assert [s.label for s in slots] == ["县名称", "技师学院名称", "名师届次"]
    _, slots = body_of("于x月x日前召开第xx次会议。")
    assert [s.name for s in slots] == ["月份", "日期", "会议序号"]
    _, slots = body_of("深入实施《加快推进教育现代化实施方案（20xx—20xx年）》。")
    assert [(s.name, s.type) for s in slots] == [("起始年份", "year"), ("截止年份", "year")]


# --------------------------------------------------------------------------- region


@pytest.mark.parametrize(("text", "region", "expected"), [
    ("出台《安顺市学前教育条例》。", "安顺市", "出台《{{ 地区 }}学前教育条例》。"),
    ("评选XX市名师。", None, "评选{{ 地区 }}名师。"),  # a generic "XX市" is the plan's own city
    ("评选xx市名师。", "安顺市", "评选{{ 地区 }}名师。"),
    ("某市教育工作要点", "某市", "{{ 地区 }}教育工作要点"),
    ("推进XX县义务教育。", "XX县", "推进{{ 地区 }}义务教育。"),
])
def test_region_becomes_global(text: str, region: str | None, expected: str) -> None:
    body, slots = body_of(text, region=region)
    assert body == expected
    assert slots == []


def test_other_places_in_a_city_plan_are_text_slots() -> None:
    body, slots = body_of("推进xx县和xx区试点。", region="安顺市")
    assert "地区" not in template_names(body)
    assert [s.label for s in slots] == ["县名称", "区名称"]


# --------------------------------------------------------------------------- years


@pytest.mark.parametrize(("text", "year", "expected"), [
    ("到2024年底", 2024, "到{{ 年份 }}年底"),
    ("2025年春季", 2024, "{{ 年份 + 1 }}年春季"),
    ("巩固2023年成果", 2024, "巩固{{ 年份 - 1 }}年成果"),
    ("2024年度", 2024, "{{ 年份 }}年度"),
    ("2024届毕业生", 2024, "{{ 年份 }}届毕业生"),
    ("2023—2024学年", 2024, "{{ 年份 - 1 }}—{{ 年份 }}学年"),
    ("2024-2025学年", 2024, "{{ 年份 }}-{{ 年份 + 1 }}学年"),
    ("2024年至2025年", 2024, "{{ 年份 }}年至{{ 年份 + 1 }}年"),
    ("2024－2024年", 2024, "{{ 年份 }}－{{ 年份 }}年"),  # mangled ranges still follow the year
    ("2024—2026年", 2024, "{{ 年份 }}—{{ 年份 + 2 }}年"),  # a three-year range, per end
    ("面向2035年远景目标", 2024, "面向2035年远景目标"),  # far future: a fixed milestone
    ("2019年以来", 2024, "2019年以来"),  # far past: a historic reference
    ("实施2021—2025年规划", 2024, "实施2021—2025年规划"),  # a long range is a named period
    ("《规划（2024—2035年）》", 2024, "《规划（2024—2035年）》"),
    ("《2024年工作方案》", 2024, "《2024年工作方案》"),  # titles stay literal
    ("执行义务教育课程方案（2022年版）", 2024, "执行义务教育课程方案（2022年版）"),  # an edition
    ("到2024年底", None, "到2024年底"),  # no plan year: years stay literal
])
def test_years_relative_to_plan_year(text: str, year: int | None, expected: str) -> None:
    body, slots = body_of(text, year=year)
    assert body == expected
    assert slots == []
    if year is not None:
        assert render(body, slots, year=year) == text
        rolled = render(body, slots, year=year + 1)
        if body == text:  # literal years do not move
            assert rolled == text
        else:  # every year moved forward by one
            assert rolled == re.sub(r"20\d\d", lambda m: str(int(m.group()) + 1), text)


# --------------------------------------------------------------------------- not slots


@pytest.mark.parametrize("text", [
    "编制“十四五”规划，谋划“十五五”发展。",
    "学习贯彻党的二十大和二十届三中全会精神。",
    "坚持五育并举，落实双减。",
    "一是加强管理；二是强化保障。",
    "增强“四个意识”，做到“两个维护”，落实“三个服务”。",
    "第一，加强领导；第二，强化保障。",
    "举办第五届学生才艺展演。",  # Chinese ordinal
    "举办第17届运动会，公布第3批名单，开办第2期培训班。",  # Arabic ordinals
    "依据《办法》第12条，第 3 条，第 1 122条。",
    "出台《关于学前三年毛入园率达到95%的意见》。",  # numbers inside a title
    "实施“5+2”课后服务和“1+X”证书制度，打造“三个100”工程。",
    "推进教育信息化2.0，实施互联网+教育。",
    "1月10日8:30召开会议，12月31日前完成。",
    "庆祝建党100周年、新中国成立70周年。",
    "985/211高校，热线0851-12345678。",
    "1.加强党的建设。",
    "关爱0-3岁婴幼儿，实施12年免费教育。",
    "用好二〇二四年经费。",
])
def test_named_numerals_and_fixed_formulations_stay_literal(text: str) -> None:
    body, slots = body_of(text, year=2024)
    assert slots == []
    assert body == text


# --------------------------------------------------------------------------- labels, names


@pytest.mark.parametrize(("text", "label"), [
    ("新建9所公办幼儿园。", "新建公办幼儿园"),
    ("学前三年毛入园率达94.5%。", "学前三年毛入园率"),
    ("新增学位1500余个。", "新增学位"),
    ("2024年拟举行8项市级学生体育赛事活动。", "举行市级学生体育赛事活动"),
    ("教师交流人数达到应交流教职工总数的10%以上。", "教师交流人数"),
    ("开展讲座、竞赛等10项活动。", "活动"),
    ("为全市3万名中小学生免费体检。", "中小学生免费体检"),  # the noun after the unit
    ("力争到2024年底全市公办园生均公用经费达到600元/生·年。", "公办园生均公用经费"),
    ("一是投入资金300万元。", "投入资金"),
    ("达到95%。", "比例"),  # nothing to take: a generic label
    ("打造100个“一校一品”。", "打造一校一品"),  # a quoted name after the unit
    ("遴选20所学校作为试点。", "遴选学校"),  # the noun stops before the next verb
    ("依托建立的17个名校长工作室。", "依托建立名校长工作室"),  # 的 dropped, the noun still added
    ("对接10所。", "对接"),  # a kept word is not broken by stripping the filler 对
    ("创建不少于3所示范幼儿园。", "创建示范幼儿园"),  # a quantity word keeps the noun after
    ("和谐校园创建率达100%。", "和谐校园创建率"),
    ("生均公用经费小学650元、初中850元。", "生均公用经费小学"),
])
def test_label_from_context(text: str, label: str) -> None:
    _, slots = body_of(text)
    assert slots[0].label == label


def test_both_ends_of_a_range_share_the_label() -> None:
    body, slots = body_of("新建3—5所学校。")
    assert [s.label for s in slots] == ["新建学校（下限）", "新建学校（上限）"]
    assert [s.default for s in slots] == [3, 5]
    assert render(body, slots) == "新建3—5所学校。"


def test_a_number_after_only_link_words_reuses_the_previous_label() -> None:
    body, slots = body_of("生均公用经费由500元提高到700元，初中生由700元提高到900元。")
    assert [s.label for s in slots] == ["生均公用经费", "生均公用经费", "初中生", "初中生"]
    assert len({s.name for s in slots}) == 4
    assert render(body, slots) == "生均公用经费由500元提高到700元，初中生由700元提高到900元。"


def test_names_are_unique_within_the_clause() -> None:
    lead, body, slots = templatize("新增学位100个", "新增学位200个，新增学位300个。",
                                   year=2024, region=None)
    names = [s.name for s in slots]
    assert names == ["新增学位_个", "新增学位_个_2", "新增学位_个_3"]
    assert template_names(lead) | template_names(body) == set(names)


def test_a_label_next_to_the_previous_slot_does_not_reuse_its_unit() -> None:
    _, slots = body_of("关闭无证幼儿园3所及校外培训机构5所。")
    assert [s.label for s in slots] == ["关闭无证幼儿园", "校外培训机构"]


# --------------------------------------------------------------------------- escaping


@pytest.mark.parametrize("text", [
    "投入{资金}3亿元。",
    "示例{{ 变量 }}不应生效，{% if x %}也不行，共5所。",
    "单个{括号和}括号5所。",
    "{5所}",
    "{{年份}}2024年",
])
def test_literal_braces_are_escaped(text: str) -> None:
    body, slots = body_of(text)
    assert render(body, slots) == text


# --------------------------------------------------------------------------- round trip


ROUND_TRIP = [
    "力争到2024年底，公办幼儿园在园幼儿占比达58%，学前三年毛入园率达94.5%，普惠性幼儿园覆盖率达97%。",
    "积极培育创建省级示范园一类园1所，三类园3所；市级示范园10所；县级示范园10所。",
    "新建、改扩建9所公办幼儿园，新增学位1500余个。确保生均公用经费达到500元/生·年。",
    "2023年全市招聘教师1200名，其中，特岗教师招聘500名，累计完成7万人以上的培训任务。",
    "出台《安顺市加快推进县域义务教育优质均衡指导意见(试行)》，安顺市314所与广州市192所学校结对。",
    "投入资金3.2亿元，建设400米跑道2条，面积1.5万平方米，每周3节体育课。",
]


@pytest.mark.parametrize("text", ROUND_TRIP)
def test_rendering_defaults_reproduces_the_text(text: str) -> None:
    body, slots = body_of(text)
    assert slots
    assert all(s.default is not None for s in slots)
    assert render(body, slots) == text


def test_every_corpus_line_gives_valid_templates_and_names() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        for line in path.read_text("utf-8").splitlines():
            lead, body, slots = templatize(line[:20], line[20:], year=2024, region="安顺市")
            assert placeholder_problems(lead) == placeholder_problems(body) == []
            names = [s.name for s in slots]
            assert len(names) == len(set(names))
            assert template_names(lead) | template_names(body) == set(names) | (
                (template_names(lead) | template_names(body)) & set(GLOBAL_NAMES))
            for slot in slots:
                assert slot.name.isidentifier() and slot.name[0] not in "_0123456789"
                assert slot.name not in GLOBAL_NAMES
                assert slot.type in SLOT_TYPES and slot.label
                if slot.default is not None:
                    # the renderer validates defaults like typed values: they must pass
                    assert validate_value(slot.type, slot.default, unit=slot.unit)[1] is None
                    if not any(c in line for c in ",，"):
                        assert str(slot.default) in line.replace("．", ".")


def test_empty_text() -> None:
    assert templatize("", "", year=2024, region="安顺市") == ("", "", [])


# --------------------------------------------------------------------------- rules file


@pytest.mark.parametrize(("text", "message"), [
    ("unitz: [所]\n", "未知设置"),
    ("units: 所\n", "应是文字列表"),
    ("year_window: [1]\n", "year_window"),
    ("label_max: 零\n", "label_max"),
    ("placeholder_runs: ['(']\n", "正则"),
    ("placeholder_runs: ['[xy]+']\n", "固定字符开头"),
    ("label_trim_suffix: [的了]\n", "单个字"),
    ("placeholder_calendar: [月]\n", "placeholder_calendar"),
    ("unit_names: {'%': [百分比]}\n", "unit_names"),  # candidates are found by first character
    ("not_unit_before: [家]\n", "not_unit_before"),
])
def test_bad_rules_file_names_the_line(text: str, message: str) -> None:
    with pytest.raises(DrafterError) as err:
        parse_slot_rules(text, "slots.yaml")
    assert any(message in p.message and p.line == 1 for p in err.value.problems)


def test_units_come_from_the_rules_file() -> None:
    rules = parse_slot_rules("units: [棵]\n", "slots.yaml")
    m = rules.number.search("种树100棵")
    assert m is not None and m.group("unit") == "棵"
    assert rules.number.search("新建3所") is None


def test_any_text_gives_a_valid_template() -> None:
    """Random mixes of digits, units, braces, placeholders and years never break a template."""
    pieces = [*"新建所个名%xX×*{}#（）《》“”年届第0123456789.．-—至市某县区，。、 余万亿元",
              "2024", "2025", "{{", "}}", "{%", "{#", "20xx", "x.xx", "***", "学校", "达到",
              "安顺市"]
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        year = rng.choice([None, 2024])
        region = rng.choice([None, "安顺市", "XX市"])
        lead, body, slots = templatize(text[:5], text[5:], year=year, region=region)
        assert placeholder_problems(lead) == placeholder_problems(body) == [], text
        names = [s.name for s in slots]
        assert len(names) == len(set(names)), text
        assert not set(names) & set(GLOBAL_NAMES), text
        for slot in slots:
            if slot.default is not None:
                assert validate_value(slot.type, slot.default, unit=slot.unit)[1] is None, text
        if all(s.default is not None for s in slots) and year is not None:
            render(lead, slots, year, region)  # raises if the sandbox rejects the template
            render(body, slots, year, region)
