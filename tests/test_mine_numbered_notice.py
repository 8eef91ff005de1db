"""A document-sharing site's numbered notice ("1、本文档共5页……") is furniture, not an item.

Such sites number their own notices, and some pages render them as a list, so a second
number comes before the site's own ("1. 1、本文档共5页……"). The line rule for these notices
starts with the number it expects; a line that starts like an item was never tried against
it, so the notice became the plan's first item. Texts are made here, not copied from a page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.mine.junk import is_junk_line
from drafter.mine.pipeline import mine_file

PLAN = """某县教育局2024年工作要点
一、加强党的建设
1.深化理论武装。认真学习贯彻党的二十大精神。
2.加强基层党组织建设。推进党建与业务深度融合。
二、推进教育改革
3.深化课程改革。推进义务教育课程方案落地。
"""


@pytest.mark.parametrize("notice", [
    "1、本文档共5页，可在线阅读，更多相关内容请下载。",
    "1. 1、本文档共5页，可在线阅读，更多相关内容请下载。",
    "2.本站所有资源如无特殊说明，都需要本地电脑安装阅读器。",
    "3、该文档为用户上传，如文档侵犯您的权益请联系我们。",
])
def test_a_numbered_notice_of_a_sharing_site_is_junk(notice: str) -> None:
    assert is_junk_line(notice)


@pytest.mark.parametrize("item", [
    "1.本年度重点任务由各科室分头落实。",  # items that start with 本 stay items
    "1、本地课程资源建设。完成县教育资源公共服务平台升级。",
    "2.加强本地教师培训。",
    "（一）本文档管理制度建设。",
])
def test_an_item_is_still_not_junk(item: str) -> None:
    assert not is_junk_line(item)


NOTICES = ("1. 1、本文档共5页，可在线阅读，更多相关内容请下载。\n"
           "2. 2、本站所有资源如无特殊说明，都需要本地电脑安装阅读器。\n")


@pytest.mark.parametrize("where", ["before", "between chapters", "after"])
def test_notices_do_not_become_items(tmp_path: Path, where: str) -> None:
    text = {"before": NOTICES + PLAN,
            "between chapters": PLAN.replace("二、", NOTICES + "二、"),
            "after": PLAN + NOTICES}[where]
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    doc = mine_file(path)
    assert [i.lead for i in doc.items()] == ["深化理论武装", "加强基层党组织建设", "深化课程改革"]
