"""The ``jaso eval`` report: Markdown and a self-contained HTML page, with a chart (matplotlib)."""

from __future__ import annotations

import base64
import html
import json
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from desktop.engine.evaluation.runner import ModelResult

RATES: Final = (
    "validity", "grounding", "agreement", "planted_recall", "checks_recall", "gate_pass",
)  # fmt: skip
LABELS: Final = {
    "en": {
        "title": "Model evaluation",
        "model": "Model",
        "validity": "Valid JSON",
        "grounding": "Quotes found",
        "agreement": "Agrees with checks",
        "planted_recall": "Planted defects (model)",
        "checks_recall": "Planted defects (checks)",
        "chrf": "chrF",
        "tokens_per_s": "Tokens/s",
        "latency_s": "Seconds/item",
        "first_token_s": "First token (s)",
        "best": "Best overall: {model} (mean of the rates {score}). Fastest: {fast}.",
        "items": "Items",
        "details": "Per item",
        "set": "Set",
        "defs": "What the figures mean",
        "chart": "chart",
        "contradictions": "Against the checks",
        "seconds": "Seconds",
        "gate_pass": "Passed the gate",
        "rejected": "Rejected by the output gate (attempts, by reason)",
        "gate": "Gate",
    },
    "ko": {
        "title": "모델 평가",
        "model": "모델",
        "validity": "형식 유효",
        "grounding": "인용 일치",
        "agreement": "자동 점검과 일치",
        "planted_recall": "심어 둔 결함(모델)",
        "checks_recall": "심어 둔 결함(자동 점검)",
        "chrf": "chrF",
        "tokens_per_s": "토큰/초",
        "latency_s": "항목당 초",
        "first_token_s": "첫 토큰(초)",
        "best": "종합 1위: {model} (비율 평균 {score}). 가장 빠른 모델: {fast}.",
        "items": "항목",
        "details": "항목별 결과",
        "set": "평가 세트",
        "defs": "지표 설명",
        "chart": "차트",
        "contradictions": "자동 점검과 어긋난 점",
        "seconds": "초",
        "gate_pass": "점검 통과",
        "rejected": "출력 점검에서 걸러진 답(시도 수, 이유별)",
        "gate": "점검",
    },
}
DEFINITIONS: Final = {
    "en": [
        "Valid JSON: critiques that parsed and matched the schema.",
        "Quotes found: non-empty quotes found verbatim in the answer.",
        "Agrees with checks: valid critiques with no suggestion repeating a flagged error, no "
        "praise of a flagged passage and no high mechanics score despite a critical finding.",
        "Planted defects: known defects (tests/data) named or quoted by an improvement; the "
        "checks column is what the offline checks alone catch.",
        "chrF: character n-gram F-score against the reference critique (sacrebleu), 0-100.",
        "Passed the gate: items whose critique from the model passed the output gate "
        "(engine/gate.py) and was shown on top of the automatic analysis; the others show the "
        "analysis alone. The figures above are measured on what was shown.",
    ],
    "ko": [
        "형식 유효: 스키마에 맞는 JSON으로 나온 첨삭의 비율.",
        "인용 일치: 비어 있지 않은 인용 중 답변에 글자 그대로 있는 비율.",
        "자동 점검과 일치: 지적된 오류를 제안에서 되풀이하지 않고, 지적된 구절을 칭찬하지 "
        "않으며, 치명적 지적이 있는데 표기 점수를 4–5점 주지 않은 첨삭의 비율.",
        "심어 둔 결함: 알려진 결함을 아쉬운점이 인용하거나 언급한 비율. 자동 점검 열은 모델 "
        "없이 자동 점검만으로 찾은 비율.",
        "chrF: 참고 첨삭과의 문자 n-gram F 점수(sacrebleu), 0–100.",
        "점검 통과: 모델의 첨삭이 출력 점검(engine/gate.py)을 통과해 자동 분석 위에 보인 항목의 "
        "비율. 나머지는 자동 분석만 보입니다. 위 지표는 보인 첨삭으로 잽니다.",
    ],
}


def _fmt(key: str, value: Any) -> str:
    if value is None:
        return "–"
    if key in RATES:
        return f"{100 * value:.0f} %"
    if key == "chrf":
        return f"{value:.1f}"
    return f"{value:.2f}" if key != "tokens_per_s" else f"{value:.1f}"


def _gate_cell(item: Any) -> str:
    if item.gate_passed:
        return "✓"
    return ", ".join(f"{k} {v}" for k, v in sorted(item.rejected.items())) or "–"


def _columns() -> list[str]:
    return [*RATES, "chrf", "tokens_per_s", "latency_s", "first_token_s"]


def best_model(summaries: list[dict[str, Any]]) -> tuple[str, float, str]:
    def mean(s: dict[str, Any]) -> float:
        rates = [s[k] for k in (*RATES[:4], "gate_pass") if s.get(k) is not None]
        return sum(rates) / len(rates) if rates else 0.0

    best = max(summaries, key=mean)
    timed = [s for s in summaries if s["latency_s"] is not None]
    fast = min(timed, key=lambda s: s["latency_s"])["model"] if timed else "–"
    return str(best["model"]), mean(best), str(fast)


def draw_chart(summaries: list[dict[str, Any]], path: Path, lang: str) -> Path | None:
    """Grouped bars of the rates per model; None when matplotlib is not installed."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib import font_manager
        from matplotlib import pyplot as plt
    except ImportError:
        return None
    names = {f.name for f in font_manager.fontManager.ttflist}
    cjk = next((n for n in ("Noto Sans CJK KR", "Noto Sans CJK JP") if n in names), None)
    labels = LABELS[lang if lang == "en" or cjk else "en"]
    if cjk and lang == "ko":
        plt.rcParams["font.family"] = [cjk, "DejaVu Sans"]
    keys = [*RATES, "chrf"]
    fig, ax = plt.subplots(figsize=(9, 4.2), dpi=110)
    width = 0.8 / max(1, len(summaries))
    for index, summary in enumerate(summaries):
        values = [100 * (summary[k] or 0) if k in RATES else (summary[k] or 0) for k in keys]
        xs = [i + index * width for i in range(len(keys))]
        bars = ax.bar(xs, values, width, label=summary["model"])
        ax.bar_label(bars, fmt="%.0f", fontsize=7)
    ax.set_xticks([i + width * (len(summaries) - 1) / 2 for i in range(len(keys))])
    ax.set_xticklabels([labels[k] for k in keys], fontsize=8)
    ax.set_ylim(0, 110)
    ax.set_ylabel("%  (chrF 0-100)")
    ax.set_title(labels["title"])
    ax.legend(fontsize=8, loc="upper right")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


def write_report(
    results: list[ModelResult], out_dir: Path, *, set_path: Path, lang: str = "ko"
) -> dict[str, Path]:
    """report.md, report.html, chart.png and results.json in ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    labels = LABELS[lang]
    summaries = [r.summary() for r in results]
    chart = draw_chart(summaries, out_dir / "chart.png", lang)
    best, score, fast = best_model(summaries)
    verdict = labels["best"].format(model=best, score=f"{100 * score:.0f} %", fast=fast)
    head = [labels["model"], *(labels[k] for k in _columns())]
    rows = [[s["model"], *(_fmt(k, s[k]) for k in _columns())] for s in summaries]
    details = [
        (r.model, [[i.id, "✓" if i.valid else f"✗ {i.error[:60]}", f"{i.quotes_found}/{i.quotes}",
                    "; ".join(i.contradictions)[:120] or "–",
                    f"{sum(i.planted_model)}/{len(i.planted_model)}", _gate_cell(i),
                    f"{i.seconds:.1f}"]
                   for i in r.items])
        for r in results
    ]  # fmt: skip
    detail_head = ["id", labels["validity"], labels["grounding"], labels["contradictions"],
                   labels["planted_recall"], labels["gate"], labels["seconds"]]  # fmt: skip
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
    meta = (
        f"{labels['set']}: {set_path.name} · {labels['items']}: {summaries[0]['items']} · {stamp}"
    )

    rejected = "; ".join(
        f"{s['model']}: " + (", ".join(f"{k} {v}" for k, v in s["rejected"].items()) or "–")
        for s in summaries
    )
    rejected_line = f"{labels['rejected']}: {rejected}"
    md = [f"# {labels['title']}", "", meta, "", verdict, "", _md_table(head, rows), "",
          rejected_line, ""]  # fmt: skip
    if chart:
        md += [f"![{labels['chart']}]({chart.name})", ""]
    else:
        md += ["_matplotlib is not installed: no chart._", ""]
    for model, table in details:
        md += [f"## {labels['details']}: {model}", "", _md_table(detail_head, table), ""]
    md += [f"## {labels['defs']}", "", *(f"- {d}" for d in DEFINITIONS[lang]), ""]
    (out_dir / "report.md").write_text("\n".join(md), encoding="utf-8")

    img = ""
    if chart:
        data = base64.b64encode(chart.read_bytes()).decode("ascii")
        img = f'<img alt="{labels["chart"]}" src="data:image/png;base64,{data}">'
    body = [
        f"<h1>{html.escape(labels['title'])}</h1>",
        f"<p>{html.escape(meta)}</p>",
        f"<p><strong>{html.escape(verdict)}</strong></p>",
        _html_table(head, rows),
        f"<p>{html.escape(rejected_line)}</p>",
        img,
    ]
    for model, table in details:
        body += [
            f"<h2>{html.escape(labels['details'])}: {html.escape(model)}</h2>",
            _html_table(detail_head, table),
        ]
    body += [
        f"<h2>{html.escape(labels['defs'])}</h2><ul>"
        + "".join(f"<li>{html.escape(d)}</li>" for d in DEFINITIONS[lang])
        + "</ul>"
    ]
    page = (
        f'<!doctype html><html lang="{lang}"><meta charset="utf-8"><title>'
        f"{html.escape(labels['title'])}</title><style>body{{font-family:sans-serif;margin:2em}}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:4px 8px;"
        "text-align:right}td:first-child,th:first-child{text-align:left}img{max-width:100%}"
        "</style>" + "\n".join(body) + "</html>\n"
    )  # fmt: skip
    (out_dir / "report.html").write_text(page, encoding="utf-8")
    raw = [
        {"summary": s, "items": [asdict(i) for i in r.items]}
        for s, r in zip(summaries, results, strict=True)
    ]
    (out_dir / "results.json").write_text(json.dumps(raw, ensure_ascii=False, indent=1), "utf-8")
    written = {"md": out_dir / "report.md", "html": out_dir / "report.html",
               "json": out_dir / "results.json"}  # fmt: skip
    if chart:
        written["chart"] = chart
    return written


def _md_table(head: list[str], rows: list[list[str]]) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(head), "|" + "---|" * len(head), *(line(r) for r in rows)])


def _html_table(head: list[str], rows: list[list[str]]) -> str:
    cells = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><tr>{cells}</tr>{body}</table>"
