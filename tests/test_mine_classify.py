"""Clause classification: chapter keys by what a clause mainly asks, tags, heading fallback."""

from __future__ import annotations

import pytest

from drafter.mine.classify import classify, classify_heading, load_rules, parse_rules
from drafter.model.errors import DrafterError
from drafter.model.taxonomy import CHAPTER_KEYS, DEFAULT_HEADINGS
from tests.conftest import corpus_file

# (lead, fallback (the heading's key), expected key, body)
CLAUSES = [
    # corpus leads, each with a short piece of its real body
    ("加强基层党组织建设", "党建", "党建",
     "把年度作为教育系统党建质量提升年，推进支部标准化规范化建设。"),
    ("推动全面从严治党向纵深发展", "党建", "党建",
     "召开全市教育系统党风廉政建设工作会议，加强廉政风险防控。"),
    ("落实意识形态工作责任制", "党建", "党建",
     "牢牢掌握意识形态工作领导权，加强舆情监测和处置。"),
    ("实施德育质量提升工程", "五育并举", "五育并举",
     "深化社会主义核心价值观教育，推进思政课一体化建设。"),
    ("大力加强劳动教育", "五育并举", "五育并举",
     "开齐开足劳动教育课程，建设劳动实践基地。"),
    ("减轻中小学生过重负担", "五育并举", "五育并举",
     "落实“双减”，规范校外培训，提升课后服务水平。"),
    ("加强家庭教育的指导和服务", "各级各类教育", "五育并举",
     "办好家长学校，构建家校社协同育人机制。"),
    ("加强师德师风建设", "保障", "教师队伍",  # chapters mix topics
     "开展师德专题教育，严查有偿补课。"),
    ("深化教师管理制度改革", "教师队伍", "教师队伍",
     "推进县管校聘，完善教师职称评聘和交流轮岗。"),
    ("加强教研员队伍建设", "教师队伍", "教师队伍",
     "配齐配强各学科教研员，提升教研员专业能力。"),
    ("促进学前教育普惠安全优质发展", "各级各类教育", "各级各类教育",
     "新建公办幼儿园，扩大普惠性学前教育资源。"),
    ("深化职业教育产教融合", "各级各类教育", "各级各类教育",
     "推进校企合作，建设实训基地。"),
    ("支持和规范民办教育发展", "保障", "各级各类教育",
     "落实民办学校分类管理，规范民办学校办学行为。"),
    ("深入实施高中阶段教育普及攻坚计划", "保障", "各级各类教育",
     "提高高中阶段毛入学率，改善普通高中办学条件。"),
    ("提高教育信息化水平", "教育改革", "教育改革",
     "推进智慧校园建设，实施教育数字化战略行动。"),
    ("稳妥推进考试招生制度改革", "教育改革", "教育改革",
     "完善中考招生录取办法，做好高考组织工作。"),
    ("扎实开展对口支援帮扶", "教育改革", "教育改革",
     "做好东西部协作和对口帮扶，选派骨干教师支教。"),
    ("扩大学校办学自主权", "保障", "教育改革",
     "落实中小学办学自主权，激发学校办学活力。"),
    ("做好预算及执行工作", "保障", "保障",
     "科学编制部门预算，加快经费支出进度。"),
    ("强化教育督导", "教育改革", "保障",
     "完善督导评估机制，落实责任督学挂牌督导。"),
    ("维护校园安全稳定", "保障", "保障",
     "开展校园安全隐患排查，做好防溺水和食品安全工作。"),
    ("打好打赢教育脱贫攻坚战", "保障", "保障",
     "落实学生资助政策，做好控辍保学。"),
    ("加强服务型机关建设", "保障", "保障",
     "深化“最多跑一次”改革，提升政务服务水平。"),
    ("推进教育项目建设", "教育改革", "保障",
     "新建幼儿园、中小学，改扩建职业学校实训楼，学前、义务教育学位增加。"),
    # invented: lead signal beats a long body that keeps mentioning another topic
    ("深化清廉学校建设", "各级各类教育", "党建",
     "幼儿园、中小学、职业学校、高中、特殊教育学校全覆盖，" * 6),
    # invented: no signal at all -> the heading's key
    ("做好其他重点工作", "教育改革", "教育改革",
     "按照上级部署，认真完成各项任务。"),
    ("做好其他重点工作", "保障", "保障",
     "按照上级部署，认真完成各项任务。"),
    # ordinary items never land in 总体要求 from body words
    ("推进学前教育普及普惠", None, "各级各类教育",
     "以习近平新时代中国特色社会主义思想为指导，总体要求是扩大普惠资源。"),
    # a lead that names the guiding ideology does
    ("基本原则", "总体要求", "总体要求", "坚持党的领导，坚持以人民为中心，坚持改革创新。"),
    ("指导思想", None, "总体要求",
     "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针。"),
]


@pytest.mark.parametrize(("lead", "fallback", "expected", "body"), CLAUSES,
                         ids=[f"{c[0][:10]}-{c[1]}" for c in CLAUSES])
def test_classify_by_what_the_clause_asks(lead: str, fallback: str | None, expected: str,
                                          body: str) -> None:
    key, tags = classify(lead, body, fallback)
    assert key == expected
    assert all(isinstance(t, str) for t in tags)


# Leads as other bureaus write them (not in the corpus), classified with no heading to lean on.
LEADS = [
    ("深入学习贯彻习近平新时代中国特色社会主义思想", "党建"),
    ("扎实开展党纪学习教育", "党建"),
    ("持续深化模范机关创建", "党建"),
    ("落实全面从严治党主体责任", "党建"),
    ("加强和改进新时代学校德育工作", "五育并举"),
    ("深入实施青少年体育活动促进计划", "五育并举"),
    ("全面实施学校美育浸润行动", "五育并举"),
    ("推进“双减”工作走深走实", "五育并举"),
    ("加强少先队和共青团工作", "五育并举"),
    ("深入推进儿童青少年近视防控", "五育并举"),
    ("推动县域普通高中振兴", "各级各类教育"),
    ("推进职普融通", "各级各类教育"),
    ("发展老年教育", "各级各类教育"),
    ("推动高校内涵式发展", "各级各类教育"),
    ("深化“县管校聘”管理改革", "教师队伍"),  # a reform, but of teacher staffing
    ("保障教师工资待遇", "教师队伍"),
    ("推进校长职级制改革", "教师队伍"),
    ("深化新时代教育评价改革", "教育改革"),
    ("推进中考改革", "教育改革"),
    ("推进教育数字化转型", "教育改革"),
    ("深化教育对外开放", "教育改革"),
    ("深化“放管服”改革", "保障"),  # service-oriented agency building
    ("加大教育经费投入", "保障"),
    ("做好控辍保学工作", "保障"),
    ("加强校园食品安全管理", "保障"),
    ("做好教育系统信访维稳", "保障"),
    ("加强校园周边环境治理", "保障"),
    ("加强教育装备建设", "保障"),
    ("减轻中小学教师负担", "教师队伍"),  # not 双减: the longer word wins
    ("实施银龄讲学计划", "教师队伍"),
    ("做好随迁子女入学工作", "各级各类教育"),
    ("推进体教融合", "五育并举"),
    ("加强预算绩效管理", "保障"),
    ("助力乡村振兴", "保障"),
    ("开展巡察工作", "党建"),
    ("深化中高职贯通培养", "各级各类教育"),
    # leads from another city's published plan
    ("健全教育发展保障体系", "保障"),
    ("坚持科学教育质量观", "教育改革"),  # not 科学教育
    ("加强教育质量监测与发展研究", "教育改革"),
    ("优质普惠发展学前教育和特殊教育", "各级各类教育"),
    ("引导民办教育健康发展", "各级各类教育"),
    ("强化审美素养教育", "五育并举"),
    ("推进中小学幼儿园项目建设", "保障"),  # building for schools is 保障, not the stage
    ("推进中小学技术装备标准化建设", "保障"),
    ("提升师德师风师能", "教师队伍"),
    ("加强师资队伍保障", "教师队伍"),
    ("提升师生信息技术应用水平", "教育改革"),
    ("提升学校安全防范能力", "保障"),
]


@pytest.mark.parametrize(("lead", "expected"), LEADS)
def test_leads_from_other_plans(lead: str, expected: str) -> None:
    assert classify(lead, "", None)[0] == expected


# Vague leads ("夯实发展基础"): the body decides, against a misleading heading.
VAGUE = [
    ("夯实发展基础", "保障", "各级各类教育",
     "新建改扩建幼儿园10所，新增普惠性学位3000个，推进学前教育普及普惠，提高公办园在园幼儿占比。"),
    ("筑牢安全防线", "教育改革", "保障",
     "落实校园安全主体责任，开展安全隐患排查整治，加强防溺水、交通安全、消防安全教育。"),
    ("激发队伍活力", "教育改革", "教师队伍",
     "深化中小学教师职称制度改革，推进县管校聘和教师交流轮岗，落实教师工资待遇。"),
    ("强化政治引领", "保障", "党建",
     "深入学习贯彻党的二十大精神，加强基层党组织建设，落实意识形态工作责任制。"),
    ("赋能教育发展", "保障", "教育改革",
     "推进教育数字化转型，建设智慧校园，用好国家智慧教育平台，提升师生信息素养。"),
    ("提升办学水平", "教育改革", "各级各类教育",
     "推进县域普通高中振兴，深化职普融通，办好特殊教育，规范民办教育发展。"),
    ("完善治理体系", "教育改革", "保障",
     "推进依法治教、依法治校，完善学校章程，开展普法教育，落实法律顾问制度。"),
    ("减轻学生负担", "教育改革", "五育并举",
     "落实“双减”政策，加强作业管理，提升课后服务质量，规范校外培训机构。"),
    ("锻造过硬机关", "保障", "党建", "加强机关党建，推进模范机关创建，持续纠治“四风”。"),
    ("协同育人", "各级各类教育", "五育并举",
     "健全学校家庭社会协同育人机制，办好家长学校，开展家庭教育指导服务。"),
]


@pytest.mark.parametrize(("lead", "fallback", "expected", "body"), VAGUE)
def test_vague_lead_body_decides(lead: str, fallback: str, expected: str, body: str) -> None:
    assert classify(lead, body, fallback)[0] == expected


@pytest.mark.parametrize(("fallback", "expected"), [
    ("五育并举", "五育并举"),  # a tie between 党建 and 五育并举 goes to the heading's key
    ("党建", "党建"),
    (None, "五育并举"),  # no heading: the key named later in the lead (test_classify_general)
    ("不是分类", "五育并举"),  # an unknown fallback is ignored
])
def test_tie_falls_back_to_heading(fallback: str | None, expected: str) -> None:
    assert classify("加强党建和德育工作", "", fallback)[0] == expected


def test_no_signal_and_no_heading_uses_default_key() -> None:
    assert classify("做好其他工作", "按时完成。", None)[0] == load_rules().default_key


def test_empty_clause() -> None:
    key, tags = classify("", "", "教师队伍")
    assert (key, tags) == ("教师队伍", [])


@pytest.mark.parametrize(("lead", "body", "tag"), [
    ("减轻中小学生过重负担", "落实双减，规范校外培训，做好课后服务。", "双减"),
    ("加强师德师风建设", "开展师德师风专题教育。", "师德师风"),
    ("强化教育督导", "落实责任督学挂牌督导。", "督导"),
    ("维护校园安全稳定", "做好防溺水工作。", "安全"),
    ("做好学生资助工作", "落实国家助学金政策。", "资助"),
    ("促进学前教育普惠发展", "新建幼儿园。", "学前"),
    ("深化职业教育产教融合", "", "职业教育"),
    ("加快推进教育信息化", "建设智慧校园。", "信息化"),
    ("深入推进清廉学校建设", "", "清廉"),
    ("落实意识形态工作责任制", "", "意识形态"),
    ("深化新时代学校思政课改革创新", "", "思政"),
    ("提升家庭教育品质", "", "家庭教育"),
    ("加强心理健康教育", "", "心理健康"),
    ("推进依法治教", "", "依法治教"),
    ("做好预算及执行工作", "加强经费管理。", "经费"),
    ("深化教育评价改革", "", "评价改革"),
    ("强化教育招生考试", "", "招生考试"),
    ("规范民办教育发展", "", "民办"),
    ("促进特殊教育融合发展", "", "特殊教育"),
    ("推进义务教育优质均衡", "", "义务教育"),
    ("加强体育工作", "", "体育"),
    ("加强美育工作", "", "美育"),
    ("大力加强劳动教育", "", "劳动教育"),
    ("加快推进重点项目建设", "", "项目建设"),
])
def test_tags(lead: str, body: str, tag: str) -> None:
    assert tag in classify(lead, body, None)[1]


def test_a_passing_mention_is_not_a_tag() -> None:
    # one weak word in a long body is below the tag threshold
    tags = classify("加强基层党组织建设", "支部书记参加培训，其中有幼儿", "党建")[1]  # 幼儿: 2
    assert "学前" not in tags


def test_tags_are_capped_and_ordered_by_score() -> None:
    body = "幼儿园 义务教育 普通高中 职业教育 特殊教育 民办学校 终身教育 高等教育 " * 3
    tags = classify("推动各级各类教育发展", body, None)[1]
    assert len(tags) == int(load_rules().settings["max_tags"])


@pytest.mark.parametrize(("heading", "expected"), [
    ("推进党的建设，加强党对教育工作的全面领导", "党建"),
    ("发展素质教育，促进学生德智体美劳全面发展", "五育并举"),
    ("创新管理机制，加强新时代教师队伍建设", "教师队伍"),
    ("统筹资源供给，推动各级各类教育协调发展", "各级各类教育"),
    ("落实创新驱动，提高教育教学质量", "教育改革"),
    ("加大投入力度，强化教育发展保障", "保障"),
    ("加强党对教育工作的领导，纵深推进立德树人根本任务", "党建"),  # the first phrase leads
    ("以教育家精神为引领，强化高素质教师队伍建设", "教师队伍"),
    ("全面融入长三角教育一体化，进一步扩大教育开放合作", "教育改革"),
    ("坚持依法治教依法治校，进一步提高教育现代治理能力", "保障"),
    ("服务和满足人民教育需求，进一步办好民生实事工程", "保障"),
    ("总体要求", "总体要求"),
    ("工作思路", "总体要求"),
    ("主要目标", "总体要求"),
    ("保障措施", "保障"),
    ("加强组织领导", "保障"),
    ("主要做法及成效", None),  # no signal: the pipeline votes by items
    ("存在问题及下步工作打算", None),
    ("", None),
])
def test_classify_heading(heading: str, expected: str | None) -> None:
    assert classify_heading(heading) == expected


@pytest.mark.parametrize("key", CHAPTER_KEYS)
def test_default_headings_point_to_their_key(key: str) -> None:
    assert classify_heading(DEFAULT_HEADINGS[key]) == key


def test_longer_keyword_wins() -> None:
    rules = load_rules()
    assert rules.pattern.findall("加强师德师风建设") == ["师德师风"]
    assert rules.pattern.findall("加强师德建设") == ["师德"]


def test_every_key_and_tag_is_reachable() -> None:
    rules = load_rules()
    keys_with_words = {CHAPTER_KEYS[k] for hits in rules.table.values() for k, _t, _w in hits}
    assert keys_with_words == set(CHAPTER_KEYS)
    assert len(rules.tags) >= 20


def test_corpus_000_items_classified_as_a_reader_would() -> None:
    from drafter.mine.pipeline import mine_file

    doc = mine_file(corpus_file("000"))
    got = [item.category for ch in doc.chapters for item in ch.items]
    expected = (["党建"] * 3 + ["五育并举", "教育改革"] + ["五育并举"] * 5
                + ["党建"]  # 精神文明建设: 党建 or 五育并举 are both defensible
                + ["教师队伍"] * 4 + ["各级各类教育"] * 6 + ["五育并举"]
                + ["教育改革"] * 4 + ["保障"] * 2 + ["各级各类教育", "保障", "教育改革"]
                + ["保障"] * 3)
    assert len(got) == len(expected) == 34
    wrong = [(i + 1, g, e) for i, (g, e) in enumerate(zip(got, expected, strict=True)) if g != e]
    assert not wrong


@pytest.mark.parametrize(("text", "message"), [
    ("keys:\n  不存在:\n    words: {党建: 3}\n", "未知章节分类"),
    ("keys:\n  党建:\n    words: {党建: 零}\n", "权重应是正数"),
    ("keys:\n  党建:\n    words: {党建: -1}\n", "权重应是正数"),
    ("tags:\n  清廉:\n    key: 廉政\n    words: {清廉: 3}\n", "不是章节分类"),
    ("settings:\n  threshold: 高\n", "应是数字"),
    ("settings:\n  thresold: 3\n", "未知设置"),
    ("keys:\n  党建:\n    lead_only: true\n", "缺少 words"),
    ("- 列表\n", "应是一个映射"),
])
def test_bad_rules_file_names_the_line(text: str, message: str) -> None:
    with pytest.raises(DrafterError) as err:
        parse_rules(text, "taxonomy.yaml")
    problems = err.value.problems
    assert any(message in p.message for p in problems)
    assert all(p.file == "taxonomy.yaml" for p in problems)
    if not text.startswith("-"):
        assert all(p.line is not None for p in problems)


def test_rules_from_text_work_without_the_bundled_file() -> None:
    rules = parse_rules("keys:\n  党建:\n    words: {支部: 3}\n", "mini.yaml")
    assert rules.pattern.findall("支部建设") == ["支部"]
