"""Cleaning: website junk, whitespace, traditional characters, punctuation, wrapped lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.mine import junk
from drafter.mine.clean import clean_lines, normalise_space, to_simplified
from drafter.mine.punct import to_full_width
from drafter.model.errors import DrafterError, display_path


def texts(lines: list[str]) -> list[str]:
    return [p.text for p in clean_lines(lines).paras]


@pytest.mark.parametrize(
    "line",
    [
        "分享到:",  # share button
        "时间:2022-04-28 10:15:04 工作要点 来源:网友投稿",  # time/source line
        "下面是小编为大家整理的2022年度教育局工作要点(市级),供大家参考。",  # site blurb
        "推荐访问:市级 教育局 工作要点",  # related links
        "网站首页 > 范文大全 正文",  # breadcrumb
        "w227 2025-03-05 14:53:53 范文大全 28 ℃",  # author, timestamp, view counter
        "广告位 后台主题配置管理",  # ad slot
        "价格:2.99元",  # payment prompt
        "扫一扫,支付¥2.99",
        "付费复制 免费复制 付费复制",
        "微信扫码领取福利",
        "好文档 - 专业文书写作范文服务资料分享网站",  # site slogan
        "联系我们",
        "最近发表",
        "221381",  # bare counter
        "- 3 -",  # page number from a PDF
        "当前位置：首页 > 政务公开 > 计划总结",  # government portal breadcrumb
        "【字体：大 中 小】",  # font-size switch
        "索引号：11410300005218543M/2024-00012",  # portal metadata
        "扫一扫在手机打开当前页",
        "本文由用户上传，如有侵权请联系删除",  # upload notice
    ],
)
def test_junk_lines_are_dropped(line: str) -> None:
    cleaned = clean_lines(["一、加强党的建设", line, "1.深化理论武装。开展专题学习。"])
    assert [p.text for p in cleaned.paras] == ["一、加强党的建设", "1.深化理论武装。开展专题学习。"]
    assert len(cleaned.dropped) == 1


@pytest.mark.parametrize(
    "line",
    [
        # Real plan text that mentions words the junk rules look for.
        "3.加强宣传阵地建设。用好微信公众号、视频号等新媒体，扫码关注率达90%以上，"
        "做好二维码校园安全提示，编制案例集供各校参考。",
        "（三）用好微信公众号平台",  # a heading that starts like an item
        "2024年3月1日起施行新的学籍管理办法，全面规范招生入学工作，确保公平公正。",
    ],
)
def test_plan_text_is_not_junk(line: str) -> None:
    assert texts([line]) == [to_full_width(line)]


def test_junk_inside_a_paragraph_is_cut() -> None:
    cleaned = clean_lines(["4.加强队伍建设。推广互补制度 当前隐藏内容免费查看,鼓励教师参与研训。"])
    assert [p.text for p in cleaned.paras] == ["4.加强队伍建设。推广互补制度，鼓励教师参与研训。"]
    assert cleaned.dropped == ["当前隐藏内容免费查看"]


def test_search_excerpt_before_the_title_is_dropped() -> None:
    lines = [
        " XX市教育局2024年工作要点2024年全市教育工作的总体要求是：以习近平新时代中国特色"
        "社会主义思想为指导，...",
        "XX市教育局2024年工作要点",
        "2024年全市教育工作的总体要求是：以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针。",
    ]
    cleaned = clean_lines(lines)
    assert [p.text for p in cleaned.paras] == lines[1:]
    assert cleaned.dropped == [lines[0].strip()]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u3000\u3000一、加强党建", "一、加强党建"),  # full-width indentation
        ("加强\u00a0党建  工作", "加强党建工作"),  # NBSP and spaces inside Chinese text
        ("达到 xxx 人", "达到xxx人"),
        ("Windows  10 系统", "Windows 10系统"),  # words keep one space
        ("\t\t", ""),
    ],
)
def test_normalise_space(raw: str, expected: str) -> None:
    assert normalise_space(raw) == expected


def test_traditional_to_simplified() -> None:
    assert to_simplified("加強師德師風建設，推進義務教育優質均衡發展") == (
        "加强师德师风建设，推进义务教育优质均衡发展")
    assert texts(["1.深化課程改革。開展教學研究。"]) == ["1.深化课程改革。开展教学研究。"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2020年,全市教育工作总体要求是:以", "2020年，全市教育工作总体要求是：以"),
        ("(一)科学谋划教育布局", "（一）科学谋划教育布局"),  # half-width section brackets
        ("7个县(市、区)已成功创建", "7个县（市、区）已成功创建"),
        ("一是健全制度;二是加强监督", "一是健全制度；二是加强监督"),
        ("怎么办?必须改革!", "怎么办？必须改革！"),
        ("投入3.5亿元,增长5%", "投入3.5亿元，增长5%"),  # decimals stay
        ("时间为8:30-11:30", "时间为8:30-11:30"),  # times and ranges stay
        ("共1,000人参加", "共1,000人参加"),  # thousands separators stay
        ("行动计划(2019-2021)", "行动计划（2019-2021）"),  # number range inside Chinese brackets
        ("见https://www.moe.gov.cn/a,b:c页", "见https://www.moe.gov.cn/a,b:c页"),  # URLs stay
        ("1.深化改革", "1.深化改革"),  # item markers stay
        ("Hello, world: (test)", "Hello, world: (test)"),  # English stays
    ],
)
def test_half_width_punctuation(raw: str, expected: str) -> None:
    assert to_full_width(raw) == expected


WRAPPED = [
    "一、加强党的建设",
    "1.推进党支部标准化建设。年内建成标准化党支",
    "部12个，组织党员培训2次，覆盖全体党员，切实",
    "提高党建工作质量。",
    "2.深化清廉学校建设。健全制度，加强监督，开展",
    "警示教育，营造风清气正的育人环境和良好氛围",
    "。",
    "3.落实意识形态工作责任制。定期研判形势，加强",
    "阵地管理。",
]


def test_hard_wrapped_lines_are_joined() -> None:
    cleaned = clean_lines(WRAPPED)
    assert [p.text for p in cleaned.paras] == [
        "一、加强党的建设",
        "1.推进党支部标准化建设。年内建成标准化党支部12个，组织党员培训2次，覆盖全体党员，切实提高党建工作质量。",
        "2.深化清廉学校建设。健全制度，加强监督，开展警示教育，营造风清气正的育人环境和良好氛围。",
        "3.落实意识形态工作责任制。定期研判形势，加强阵地管理。",
    ]
    assert [p.line for p in cleaned.paras] == [1, 2, 5, 8]  # source lines are kept


def test_unwrapped_short_lines_stay_apart() -> None:
    lines = ["XX市教育局2024年工作要点",
             "2024年全市教育工作的总体要求是：以习近平新时代中国特色社会主义思想为指导。"]
    assert texts(lines) == lines


def test_lost_line_breaks_are_restored() -> None:
    one_line = (
        "2024年全市教育工作的总体要求是：坚持立德树人，办好人民满意的教育。"
        "一、加强党的建设1.推进党支部标准化建设。年内建成标准化党支部12个，组织党员培训2次，切实提高党建质量。"
        "2.深化清廉学校建设。一是健全制度；二是加强监督。开展警示教育，营造风清气正的育人环境。"
        "二、发展素质教育（一）提升德育实效3.深化思政课改革。配齐思政课教师，建设示范课30节，"
        "推进大中小学思政课一体化建设。（二）加强体育美育4.保障体育活动时间。确保学生每天校园体育活动不少于2小时。"
        "12.这不是条目编号，只是一句话里的数字。"
    )
    assert texts([one_line]) == [
        "2024年全市教育工作的总体要求是：坚持立德树人，办好人民满意的教育。",
        "一、加强党的建设",
        "1.推进党支部标准化建设。年内建成标准化党支部12个，组织党员培训2次，切实提高党建质量。",
        "2.深化清廉学校建设。一是健全制度；二是加强监督。开展警示教育，营造风清气正的育人环境。",
        "二、发展素质教育",
        "（一）提升德育实效",
        "3.深化思政课改革。配齐思政课教师，建设示范课30节，推进大中小学思政课一体化建设。",
        "（二）加强体育美育",
        "4.保障体育活动时间。确保学生每天校园体育活动不少于2小时。12.这不是条目编号，只是一句话里的数字。",
    ]


def test_inline_lists_inside_an_item_are_not_split() -> None:
    item = ("5.加强校园安全管理。重点做好以下工作：1.健全制度；2.排查隐患；3.开展演练。" * 8)
    assert texts([item]) == [item]


def test_junk_rule_file_errors_name_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "junk.yaml"
    bad.write_text("lines:\n  - '^ok$'\n  - '(unclosed'\nwhatever: []\n", encoding="utf-8")
    with pytest.raises(DrafterError) as info:
        junk.load_rules(bad)
    messages = [str(p) for p in info.value.problems]
    assert any(f"{display_path(bad)}:3" in m and "正则表达式有误" in m for m in messages)
    assert any(f"{display_path(bad)}:4" in m and "whatever" in m for m in messages)


def test_bundled_junk_rules_load() -> None:
    rules = junk.load_rules()
    assert rules.lines is not None and rules.short_lines is not None
    assert rules.fragments is not None


def test_headings_of_equal_length_are_not_a_wrap() -> None:
    lines = [
        "一、统筹规划布局，均衡配置全市教育资源",
        "（一）科学谋划全市教育布局蓝图和规划和工作机制",
        "依据经济社会发展态势和人口变化趋势，科学合理规划教育资源布局，加大对新兴城区的投入。",
        "（二）持续加大全市教育资源供给力度和工作机制",
        "持续加大教育经费投入，严格规范教育经费使用管理，强化预算执行的监督与绩效目标的考核。",
        "（三）加快推进全市数字教育资源建设和工作机制",
        "加快推进教育数字化转型，加强校园网络基础设施建设，建设一批智慧校园和数字化示范校。",
    ]
    assert texts(lines) == lines
