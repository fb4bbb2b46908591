"""What a form control of a Hangul document holds that a reader should keep.

An edit box keeps the text typed into it, a check box or a radio button its caption and whether
it is ticked (the answer to "수신 여부"), a combo box the value chosen. A push button's caption
("편지 보내기") is a command, not content, and is left out. HWPX writes these as elements
(``hp:edit`` with ``hp:text``, ``hp:checkBtn caption=… value="CHECKED"``); HWP 5 as a
``FORM_OBJECT`` record whose payload is a property string, "Caption:wstring:4:수신동의
Value:int:1", lengths in UTF-16 code units.
"""

from __future__ import annotations

import re
from typing import Final
from xml.etree.ElementTree import Element

from desktop.importing.package import local_name

TICKED: Final = "☑"
UNTICKED: Final = "☐"
HWPX_CONTROLS: Final = frozenset({"edit", "comboBox", "listBox", "checkBtn", "radioBtn", "btn"})
_HWP_KINDS: Final = {b"+edt": "edit", b"+cbt": "check", b"+rbt": "radio", b"+cmb": "combo"}
_PROPERTY: Final = re.compile(r"(?P<key>\w+):(?P<kind>wstring|int|bool):(?P<size>\d+)(?::)?")


def hwpx_text(control: Element) -> str:
    """The text a HWPX form control holds: typed, chosen or ticked ("" for a push button)."""
    name = local_name(control.tag)
    if name == "edit":
        return "".join(
            "".join(child.itertext()) for child in control if local_name(child.tag) == "text"
        )
    if name in ("comboBox", "listBox"):
        return control.get("selectedValue", "")
    if name in ("checkBtn", "radioBtn"):
        caption = control.get("caption", "").strip()
        ticked = control.get("value", "") == "CHECKED"
        return f"{TICKED if ticked else UNTICKED} {caption}".strip()
    return ""


def _properties(text: str) -> dict[str, str]:
    """The values of an HWP 5 property string: a wstring's value is ``size`` characters long."""
    values: dict[str, str] = {}
    at = 0
    while (match := _PROPERTY.search(text, at)) is not None:
        size = int(match.group("size"))
        if match.group("kind") == "wstring":
            values.setdefault(match.group("key"), text[match.end() : match.end() + size])
            at = match.end() + size
        else:
            values.setdefault(match.group("key"), match.group("size"))
            at = match.end()
    return values


def hwp_text(payload: bytes) -> str:
    """The text an HWP 5 ``FORM_OBJECT`` record holds ("" for a push button or unknown)."""
    kind = _HWP_KINDS.get(payload[:4][::-1])
    if kind is None:
        return ""
    values = _properties(payload[12:].decode("utf-16le", "replace"))
    if kind == "edit":
        return values.get("Text", "")
    if kind == "combo":
        return values.get("Text", values.get("SelectedValue", ""))
    caption = values.get("Caption", "").strip()
    return f"{TICKED if values.get('Value') == '1' else UNTICKED} {caption}".strip()
