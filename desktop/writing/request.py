"""A JSON request of ``jaso check``, ``suggest`` and ``critique``: its fields checked.

What is built from it is ``writing/essay.EssayRequest.from_json``; ``essay.check`` answers
``jaso check``.
"""

from __future__ import annotations

from typing import Any

from desktop.writing.counting import PROFILE_IDS


class RequestError(ValueError):
    """The request is malformed; the message says which field and why."""


_FIELDS: dict[str, tuple[type, ...]] = {
    "text": (str,),
    "question": (str,),
    "limit": (int,),
    "profile": (str,),
    "lang": (str,),
    "company": (str,),
    "role": (str,),
    "other_companies": (list,),
    "blind_hiring": (bool,),
    # [{"name": "다온은행 · 기업금융", "text": "..."}]: answers of the user's other applications
    "other_applications": (list,),
    # false: check without the Korean analyzer (faster; no KO.SPACING, KO.TYPO)
    "analyzer": (bool,),
}


def validate_request(request: Any) -> dict[str, Any]:
    if not isinstance(request, dict):
        raise RequestError("the request must be a JSON object")
    if "text" not in request:
        raise RequestError("missing required field 'text'")
    for name, value in request.items():
        expected = _FIELDS.get(name)
        if expected is None:
            raise RequestError(f"unknown field {name!r}")
        if value is None and name != "text":
            continue
        if not isinstance(value, expected) or (name == "limit" and isinstance(value, bool)):
            raise RequestError(f"field {name!r} must be {expected[0].__name__}")
    if request.get("limit") is not None and request["limit"] <= 0:
        raise RequestError("field 'limit' must be positive")
    profile = request.get("profile")
    if profile is not None and profile not in PROFILE_IDS:
        raise RequestError(f"unknown profile {profile!r}; one of {', '.join(PROFILE_IDS)}")
    if request.get("lang") not in (None, "ko", "en"):
        raise RequestError("field 'lang' must be 'ko' or 'en'")
    others = request.get("other_companies") or []
    if not all(isinstance(name, str) for name in others):
        raise RequestError("field 'other_companies' must be a list of strings")
    for item in request.get("other_applications") or []:
        if not (
            isinstance(item, dict)
            and isinstance(item.get("name"), str)
            and isinstance(item.get("text"), str)
            and set(item) <= {"name", "text"}
        ):
            raise RequestError(
                'field \'other_applications\' must be a list of {"name": str, "text": str}'
            )
    return dict(request)
