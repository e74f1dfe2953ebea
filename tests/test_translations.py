"""The translation sources in resources/translations/: up to date with the code, every message
translated, and each translation true to its source's placeholders and script.

pyside6-lupdate reads the code into fresh .ts files in a temporary folder; the committed ones
must hold exactly the same messages (context, source, comment). Update them with

    .venv/bin/pyside6-lupdate -locations none -no-obsolete $(git ls-files 'nnlab/*.py') \\
        -ts resources/translations/nnlab_zh_CN.ts resources/translations/nnlab_zh_TW.ts

and translate what it marks unfinished (Qt Linguist, or by hand).
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "zh_TW")
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"

#: Characters written only in Simplified script (their Traditional forms in brackets). Taiwan's
#: interface must have none of them.
SIMPLIFIED_ONLY = ("数(數) 据(據) 网(網) 络(絡) 设(設) 导(導) 运(運) 权(權) 习(習) 价(價) "
                   "损(損) 误(誤) 认(認) 级(級) 层(層) 输(輸) 图(圖) 态(態) 这(這) 为(為) "
                   "们(們) 个(個) 时(時) 会(會) 对(對) 说(說) 开(開) 关(關) 发(發) 现(現) "
                   "过(過) 还(還) 进(進) 实(實) 应(應) 该(該) 让(讓) 给(給) 从(從) 样(樣) "
                   "将(將) 动(動) 页(頁) 题(題) 标(標) 头(頭) 签(簽) 变(變) 错(錯) 测(測) "
                   "试(試) 练(練) 统(統) 计(計) 读(讀) 写(寫) 载(載) 显(顯) 视(視) 类(類) "
                   "选(選) 择(擇) 确(確) 经(經) 训(訓) 单(單) 击(擊) "
                   "复(複) 制(製) 点(點) 线(線) 无(無) 么(麼) 与(與) 节(節) 项(項) 续(續)")
SIMPLIFIED = {simplified for simplified, traditional in re.findall(r"(\S)\((\S)\)", SIMPLIFIED_ONLY)
              if simplified != traditional}
SIMPLIFIED -= {"制"}  # also Traditional, as in 控制

_PLACE = re.compile(r"%[1-9]")


def messages(path: Path) -> dict[tuple[str, str, str], ElementTree.Element]:
    """(context, source, comment) → the <message> element."""
    found = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """The messages of the code now, as pyside6-lupdate reads them."""
    folder = tmp_path_factory.mktemp("lupdate")
    files = subprocess.run(["git", "ls-files", "nnlab/*.py"], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.split()
    target = folder / "nnlab_fresh.ts"
    subprocess.run([str(LUPDATE), "-locations", "none", "-no-obsolete", *files,
                    "-ts", str(target)], cwd=ROOT, capture_output=True, check=True)
    return target


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_sources_hold_exactly_the_codes_messages(extracted, language):
    fresh = set(messages(extracted))
    committed = set(messages(SOURCES / f"nnlab_{language}.ts"))
    missing, stale = sorted(fresh - committed), sorted(committed - fresh)
    assert len(fresh) > 300
    assert not missing and not stale, (
        f"nnlab_{language}.ts is out of date: {len(missing)} messages of the code are not in "
        f"it (first: {missing[:3]}), {len(stale)} are no longer in the code "
        f"(first: {stale[:3]}); run pyside6-lupdate as this module's docstring says")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_keeps_its_placeholders(language):
    problems = []
    for (context, source, _), message in messages(SOURCES / f"nnlab_{language}.ts").items():
        translation = message.find("translation")
        text = translation.text or ""
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
            problems.append(f"{context}: {source!r} is not translated")
        elif set(_PLACE.findall(text)) != set(_PLACE.findall(source)):
            problems.append(f"{context}: {source!r} → {text!r}: placeholders differ")
        elif "&" in source.replace("&&", "") and "&" not in text:
            problems.append(f"{context}: {source!r} → {text!r}: the mnemonic (&) is lost")
    assert not problems, f"{len(problems)} problems in nnlab_{language}.ts:\n" + \
        "\n".join(problems[:20])


def test_taiwans_translation_has_no_simplified_only_characters():
    found = []
    for (context, source, _), message in messages(SOURCES / "nnlab_zh_TW.ts").items():
        text = message.findtext("translation") or ""
        simplified = sorted(set(text) & SIMPLIFIED)
        if simplified:
            found.append(f"{context}: {text!r} has {''.join(simplified)}")
    assert not found, "\n".join(found[:20])


def test_the_two_chinese_translations_are_not_the_same_text():
    """zh_TW is a translation of its own (Taiwan's words), not zh_CN's characters."""
    simplified = messages(SOURCES / "nnlab_zh_CN.ts")
    traditional = messages(SOURCES / "nnlab_zh_TW.ts")
    chinese = [key for key, message in simplified.items()
               if re.search(r"[\u4e00-\u9fff]", message.findtext("translation") or "")]
    same = [key for key in chinese
            if simplified[key].findtext("translation") == traditional[key].findtext("translation")]
    assert len(same) < 0.1 * len(chinese), same[:10]
