"""The interface's language: Simplified Chinese, Traditional Chinese or English, chosen at
start and switched while nnlab runs.

At the first start the system's preferred languages decide (zh-Hans, zh-CN, zh-SG → zh_CN;
zh-Hant, zh-TW, zh-HK, zh-MO → zh_TW; anything else → English). A choice made in
View › Language is remembered; ``nnlab --language`` overrides both for one launch.

Installing a language puts two translators on the application: Qt's own (``qtbase_*.qm``,
for standard buttons and dialogs) and nnlab's (``nnlab_*.qm``, compiled from
``resources/translations/*.ts`` when nnlab is built). Qt then sends every widget a
``LanguageChange`` event; the course window sets its texts again and rebuilds the lessons'
pages around their running sessions.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

#: Compiled translations of nnlab's own strings: ``nnlab_<language>.qm``.
TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"

ENGLISH = "en"
_translations = None  # the application's Translations, see translations_of
#: The languages of the interface, each named in itself (the menu shows them so, in any
#: language: a reader finds their own).
LANGUAGES = {"zh_CN": "中文(简体)", "zh_TW": "中文(繁體)", ENGLISH: "English"}
#: QSettings key: the language chosen in View › Language
LANGUAGE_SETTING = "language"

#: Latin fonts for formulas and numbers, first found first: a CJK font's Latin and Greek
#: letters are wide, and "∂C/∂w = x·∂C/∂b" wrapped onto four lines in one
LATIN_FAMILIES = ("DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica Neue",
                  "Helvetica", "Segoe UI")
#: Chinese fonts by language, first found first (Debian: fonts-noto-cjk)
CJK_FAMILIES = {
    "zh_CN": ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
              "WenQuanYi Micro Hei"),
    "zh_TW": ("Noto Sans CJK TC", "Source Han Sans TC", "Microsoft JhengHei", "PingFang TC",
              "Noto Sans CJK HK"),
}

_SIMPLIFIED = ("zh-hans", "zh-cn", "zh-sg")
_TRADITIONAL = ("zh-hant", "zh-tw", "zh-hk", "zh-mo")


def system_language(ui_languages: list[str] | None = None) -> str:
    """The interface language for the system's preferred languages (``QLocale().uiLanguages()``
    when None): the first of them that nnlab speaks."""
    preferred = QLocale().uiLanguages() if ui_languages is None else ui_languages
    for name in preferred:
        tag = name.replace("_", "-").lower()
        if tag.startswith(_SIMPLIFIED):
            return "zh_CN"
        if tag.startswith(_TRADITIONAL):
            return "zh_TW"
        if tag == "zh":  # Chinese without a script or region: the mainland's
            return "zh_CN"
        if tag == "en" or tag.startswith("en-"):
            return ENGLISH
    return ENGLISH


def saved_language() -> str | None:
    value = QSettings().value(LANGUAGE_SETTING, "", type=str)
    return value if value in LANGUAGES else None


def chosen_language(override: str | None = None) -> str:
    """``override`` (``--language``), else the remembered choice, else the system's."""
    if override in LANGUAGES:
        return override
    return saved_language() or system_language()


def cjk_family(language: str) -> str | None:
    """The Chinese font ``language`` is shown in, or None: English, or no such font here."""
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES.get(language, ()):
        if family in installed:
            return family
    return None


def interface_font(font: QFont, language: str) -> QFont:
    """``font`` for an interface in ``language``: in Chinese, a Latin font first (formulas
    and numbers keep the look they have in English) and the Chinese font for what the Latin
    one lacks. In English, ``font`` as it is."""
    chinese = cjk_family(language)
    if chinese is None:
        return QFont(font)
    installed = set(QFontDatabase.families())
    latin = next((family for family in LATIN_FAMILIES if family in installed), font.family())
    result = QFont(font)
    result.setFamilies([latin, chinese])
    return result


def current_language() -> str:
    """The language the interface is in now (English before any was installed)."""
    return ENGLISH if _translations is None else _translations.language


class Translations:
    """The translators installed on the application for one language at a time."""

    def __init__(self, app: QApplication, directory: Path | None = None):
        self.app = app
        self.directory = TRANSLATIONS_DIR if directory is None else directory
        self.language = ENGLISH
        self._installed: list[QTranslator] = []

    def install(self, language: str) -> bool:
        """Use ``language`` from now on; every widget gets a ``LanguageChange`` event. False
        (and English) when nnlab's translations of it are missing."""
        for translator in self._installed:
            self.app.removeTranslator(translator)
            translator.deleteLater()
        self._installed = []
        self.language = ENGLISH
        if language == ENGLISH or language not in LANGUAGES:
            QLocale.setDefault(QLocale(QLocale.Language.English))
            return language == ENGLISH
        locale = QLocale(language)
        sources = (("nnlab", str(self.directory)),
                   ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
        for name, folder in sources:
            # parented to the app, so that it lives as long as the app does
            translator = QTranslator(self.app)
            if translator.load(locale, name, "_", folder) and \
                    self.app.installTranslator(translator):
                self._installed.append(translator)
            else:
                translator.deleteLater()
                if name == "nnlab":  # without nnlab's texts, stay in English
                    return False
        QLocale.setDefault(locale)
        self.language = language
        return True


def translations_of(app: QApplication) -> Translations:
    """The application's one :class:`Translations` (made on first use)."""
    global _translations
    if _translations is None or _translations.app is not app:
        _translations = Translations(app)
    return _translations
