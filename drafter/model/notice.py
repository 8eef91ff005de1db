"""The fields a 印发通知 needs beyond the plan itself (GB/T 9704: 版头, 主送, 落款, 版记).

A plan issued as the attachment of a notice (`drafter build --notice`) reads these from
`meta.notice` in the plan file. Plain data only; the texts are laid out by drafter.render.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PlanNotice:
    doc_number: str = ""  # 发文字号, e.g. "安市教发〔2025〕3号"
    signer: str | None = None  # 签发人 (上行文 only); set → 发文字号 left, 签发人 right
    copy_number: str | None = None  # 份号, e.g. "000001"
    secrecy: str | None = None  # 密级和保密期限, e.g. "秘密★1年"
    urgency: str | None = None  # 紧急程度: "特急" or "加急"
    organs: list[str] = field(default_factory=list)  # 发文机关 (joint: lead organ first)
    mark: str | None = None  # 发文机关标志 text; default "<organ>文件"
    to: str = ""  # 主送机关, e.g. "各县（区）教育局，市直各学校"
    body: str | None = None  # the notice text; default from the notice template
    sealed: bool = True  # 加盖印章: organ centred over the date, date 4 characters in
    date: str | None = None  # 成文日期 "2025-02-20"; default meta.date
    note: str | None = None  # 附注, e.g. "此件公开发布"
    cc: str = ""  # 抄送机关, e.g. "市人民政府办公室，省教育厅"
    printer: str = ""  # 印发机关, e.g. "安顺市教育局办公室"
    print_date: str | None = None  # 印发日期 "2025-02-21"; default the 成文日期
    tasks: bool = True  # 附件2: the 重点任务分解表
    plan_signature: bool = False  # the plan (附件1) keeps its own 落款
