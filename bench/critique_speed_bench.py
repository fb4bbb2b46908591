"""A critique's speed on a real model, as the Review panel sees it (issue 31), side by side in
one run: the same essays critiqued one after another with the engine's prefix reuse (the shared
system prompt stays in the KV cache from one item to the next, as in Review all and a batch) and
with the cache emptied before each item.

    python bench/critique_speed_bench.py [--model M.gguf] [--essays 10] [--threads N]

For each critique: seconds to the first visible item (the automatic analysis, shown while the
model writes), to the model's first token, and to the whole critique; prompt tokens evaluated
(the rest came from the cache) and tokens written. The model's answer goes through the gate as
in the app; this measures time, not whether the answer was shown. Essays: every k-th of
peer-fixtures' essays.jsonl when present, else the app's own sample applications. It prints the
figures and the ratios; it never fails.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gate_bench import request_of  # noqa: E402

from desktop.engine.backend import LoadOptions, Progress  # noqa: E402
from desktop.engine.llama_backend import LlamaCppBackend  # noqa: E402
from desktop.engine.tasks.critique import Interim, critique  # noqa: E402
from desktop.engine.tasks.io import TaskIO  # noqa: E402
from desktop.writing.essay import EssayRequest  # noqa: E402

ESSAYS = ROOT.parent / "shared" / "peer-fixtures" / "essays" / "essays.jsonl"
SAMPLES = ROOT / "resources" / "samples"


def essays(count: int) -> list[EssayRequest]:
    """``count`` real essays (a fixed stride through the set), or the sample answers."""
    if ESSAYS.is_file():
        rows = [json.loads(line) for line in ESSAYS.read_text(encoding="utf-8").splitlines()]
        rows = [r for r in rows if r.get("answer") and len(r["answer"]) < 1200]
        step = max(1, len(rows) // count)
        return [request_of(r) for r in rows[::step][:count]]
    out: list[EssayRequest] = []
    data = json.loads((SAMPLES / "applications.json").read_text(encoding="utf-8"))
    for app in data["applications"]:
        for q in app["questions"]:
            if q.get("answer"):
                out.append(
                    EssayRequest(
                        text=q["answer"],
                        question=q["text"],
                        company=app.get("company", ""),
                        role=app.get("role", ""),
                        limit=q.get("limit"),
                        lang=app.get("lang", "ko"),
                    )
                )
    return out[:count]


def one(
    backend: LlamaCppBackend, request: EssayRequest, reuse: bool, max_tokens: int | None = None
) -> dict[str, float]:
    if not reuse:
        backend.runtime.truncate(0)  # what every item paid before the prefix was kept
    started = time.perf_counter()
    marks: dict[str, float] = {}
    attempts: list[int] = []  # tokens written by each attempt (the gate may ask for another)

    def on_event(event: object) -> None:
        if isinstance(event, Interim):
            marks.setdefault("first_visible", time.perf_counter() - started)

    def on_progress(update: Progress) -> None:
        if update.writes:
            marks.setdefault("first_token", time.perf_counter() - started)
            if not attempts or update.done < attempts[-1]:
                attempts.append(0)
            attempts[-1] = update.done

    result = critique(backend, request, TaskIO(on_event=on_event, on_progress=on_progress), seed=0)
    seconds = time.perf_counter() - started
    return {
        "first_visible": marks.get("first_visible", float("nan")),
        "first_token": marks.get("first_token", float("nan")),
        "seconds": seconds,
        "prompt_evaluated": float(backend.last_prompt_evaluated),
        "attempts": float(len(attempts)),
        "written": float(sum(attempts)),
        "tokens_per_s": sum(attempts) / seconds,
        "shown_model": float(result.get("source") == "model+analysis"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path)
    parser.add_argument("--essays", type=int, default=10)
    parser.add_argument("--threads", type=int)
    parser.add_argument(
        "--max-tokens", type=int, help="cap each answer (the schema shrinks to fit): a shorter run"
    )
    args = parser.parse_args()
    model = args.model
    if model is None:
        from desktop.engine.packaged_models import assemble_starter

        folder = ROOT / "build" / "starter"
        folder.mkdir(parents=True, exist_ok=True)
        model = assemble_starter(folder)
    backend = LlamaCppBackend()
    backend.load(LoadOptions(model, n_ctx=4096, n_threads=args.threads))
    requests = essays(args.essays)
    # warm-up: llguidance's tokenizer, the Korean analyzer
    one(backend, requests[0], True, args.max_tokens)
    rows: dict[str, list[dict[str, float]]] = {"reuse": [], "no reuse": []}
    for request in requests:  # interleaved, so a busy spell hits both alike
        for mode in ("reuse", "no reuse"):
            rows[mode].append(one(backend, request, mode == "reuse", args.max_tokens))
    backend.close()
    print(f"model {model.name}, {len(requests)} essays, each critiqued in both modes in turn")
    keys = ("first_visible", "first_token", "seconds", "attempts", "written", "tokens_per_s")
    print(f"{'mode':10}" + "".join(f"{k:>18}" for k in keys) + "  (medians)")
    medians: dict[str, dict[str, float]] = {}
    for mode, results in rows.items():
        medians[mode] = {k: statistics.median(r[k] for r in results) for k in keys}
        print(f"{mode:10}" + "".join(f"{medians[mode][k]:>18.2f}" for k in keys))
    total = {mode: sum(r["seconds"] for r in results) for mode, results in rows.items()}
    sooner = medians["no reuse"]["first_token"] / medians["reuse"]["first_token"]
    print(
        f"{len(requests)} critiques: {total['reuse']:.1f} s with reuse, "
        f"{total['no reuse']:.1f} s without ({total['no reuse'] / total['reuse']:.2f}×); "
        f"first model token {sooner:.2f}× sooner with reuse"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
