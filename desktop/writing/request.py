"""The ``jaso check`` request: validate a JSON request and compute counts, limit and flags."""

from __future__ import annotations

from typing import Any

from desktop.writing import korean
from desktop.writing.checks import run_checks
from desktop.writing.counting import DEFAULT_PROFILE, PROFILE_IDS, LimitStatus, count_all
from desktop.writing.flags import CheckContext
from desktop.writing.limits import parse_limit


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


def check(request: Any) -> dict[str, Any]:
    """Counts under every profile, the limit status, and the offline flags."""
    req = validate_request(request)
    text: str = req["text"]
    parsed = parse_limit(req.get("question") or "")
    limit = req.get("limit") or (parsed.value if parsed else None)
    profile = req.get("profile") or (parsed.profile if parsed else DEFAULT_PROFILE)
    counts = count_all(text)
    limit_json: dict[str, Any] | None = None
    if limit is not None:
        status = LimitStatus(value=limit, profile=profile, used=counts[profile])
        limit_json = {
            "value": status.value,
            "profile": status.profile,
            "used": status.used,
            "remaining": status.remaining,
            "status": status.status,
        }
    lang = req.get("lang") or "ko"
    if lang == "ko" and req.get("analyzer", True):
        korean.load()  # seconds the first time; without kiwipiepy the checks run without it
    context = CheckContext(
        lang=lang,
        ui_lang=lang,
        company=req.get("company") or "",
        other_companies=tuple(req.get("other_companies") or ()),
        limit=limit,
        profile=profile,
        blind_hiring=bool(req.get("blind_hiring")),
        question=req.get("question") or "",
        other_applications=tuple(
            (item["name"], item["text"]) for item in req.get("other_applications") or ()
        ),
    )
    flags = [flag.to_json() for flag in run_checks(text, context)]
    return {"counts": counts, "limit": limit_json, "flags": flags}
