"""The example city plan issued as a notice, for the notice tests (static and rendered)."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from drafter.model.blocks import Block
from drafter.model.notice import PlanNotice
from drafter.model.plan import Plan
from drafter.render.notice import notice_text
from drafter.render.notice_docx import notice_docx_bytes
from drafter.render.profile import load_profile
from tests.conftest import ROOT

PROFILE = load_profile()


@lru_cache(maxsize=1)
def example() -> tuple[Plan, list[Block]]:
    from drafter.catalog.load import load_catalogue
    from drafter.plans.io import load_plan
    from drafter.render.blocks import render_blocks
    from drafter.util.paths import bundled_catalog_dir

    plan = load_plan(ROOT / "examples" / "city_plan.yaml")
    return plan, render_blocks(plan, load_catalogue(bundled_catalog_dir()))


def notice_bytes(*, blank_page: bool = False, **changes: object) -> bytes:
    """The example's notice, with `meta.notice` fields changed."""
    plan, blocks = example()
    notice = dataclasses.replace(plan.meta.notice, **changes)  # type: ignore[arg-type]
    meta = dataclasses.replace(plan.meta, notice=notice)
    plan = dataclasses.replace(plan, meta=meta)
    return notice_docx_bytes(notice_text(plan, blocks), blocks, profile=PROFILE, meta=meta,
                             blank_page=blank_page)


def plan_notice() -> PlanNotice:
    return example()[0].meta.notice
