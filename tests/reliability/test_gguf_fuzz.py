"""Mutated GGUF files through the validator and, where it accepts them, through llama.cpp.

Every mutation is either refused by the validator with a message or loaded by llama.cpp in a
child process, which must end with a load or a typed refusal: a child killed by a signal (a
crash in llama.cpp on a file the validator let through), an uncaught error or a hang fails.
"""

from __future__ import annotations

import json
import random
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np

from desktop.engine.errors import ModelFileInvalid
from desktop.engine.gguf_check import read_gguf, validate_in_subprocess
from tests.reliability.conftest import Ledger, count

ROOT = Path(__file__).resolve().parents[2]

# The app's own load path (validator, memory check, llama.cpp) on each file named, in one child;
# one JSON line per file. Exceptions are typed refusals; a crash or a hang leaves no line.
LOADER = """
import json, sys
from pathlib import Path
from desktop.engine.backend import LoadOptions
from desktop.engine.errors import EngineError
from desktop.engine.llama_backend import LlamaCppBackend
for name in sys.argv[1:]:
    backend = LlamaCppBackend()
    try:
        backend.load(LoadOptions(Path(name), n_ctx=64, n_batch=32, n_threads=1))
        backend.tokenize("hello 가")
        verdict = {"outcome": "loaded"}
    except EngineError as exc:
        verdict = {"outcome": "refused", "kind": type(exc).__name__, "message": str(exc)}
    finally:
        backend.close()
    print(json.dumps({"file": name, **verdict}, ensure_ascii=False), flush=True)
"""


def _seed_file(path: Path) -> bytes:
    """A small llama GGUF that llama.cpp really loads: metadata of every kind, a BPE vocabulary,
    and every tensor of one block, so the fuzzed header and tensor table stay within 1 KB."""
    import gguf

    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_name("fuzz seed")
    writer.add_context_length(256)
    writer.add_embedding_length(32)
    writer.add_block_count(1)
    writer.add_feed_forward_length(64)
    writer.add_head_count(2)
    writer.add_head_count_kv(1)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("default")
    tokens = ["<s>", "</s>", "a", "b", "가", "나", "hello", "Ġ"]
    writer.add_token_list(tokens)
    writer.add_token_types([3, 3] + [1] * (len(tokens) - 2))
    writer.add_token_merges(["h e"])
    writer.add_bos_token_id(0)
    writer.add_eos_token_id(1)
    writer.add_chat_template("{% for m in messages %}{{ m.content }}{% endfor %}")
    vocab, embd, ff, kv = len(tokens), 32, 64, 16
    shapes = {
        "token_embd.weight": (vocab, embd),
        "output_norm.weight": (embd,),
        "output.weight": (vocab, embd),
        "blk.0.attn_norm.weight": (embd,),
        "blk.0.attn_q.weight": (embd, embd),
        "blk.0.attn_k.weight": (kv, embd),
        "blk.0.attn_v.weight": (kv, embd),
        "blk.0.attn_output.weight": (embd, embd),
        "blk.0.ffn_norm.weight": (embd,),
        "blk.0.ffn_gate.weight": (ff, embd),
        "blk.0.ffn_up.weight": (ff, embd),
        "blk.0.ffn_down.weight": (embd, ff),
    }
    rng = np.random.default_rng(0)
    for name, shape in shapes.items():
        writer.add_tensor(name, rng.standard_normal(shape).astype(np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path.read_bytes()


def _load_in_children(paths: list[Path], timeout: float = 60.0) -> dict[Path, dict[str, str]]:
    """What llama.cpp made of each file: loaded, refused, or why neither (crashed, hung, failed).

    One child loads the files in turn (its start-up costs more than a load); when it dies, the
    file it was on is blamed and a new child goes on with the rest.
    """
    verdicts: dict[Path, dict[str, str]] = {}
    todo = list(paths)
    while todo:
        try:
            done = subprocess.run(
                [sys.executable, "-c", LOADER, *map(str, todo)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                errors="replace",
                timeout=timeout + len(todo),
            )
            stdout, ended = done.stdout, done.returncode
        except subprocess.TimeoutExpired as exc:
            stdout = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
            ended, done = None, None
        for line in stdout.splitlines():
            verdict = json.loads(line)
            verdicts[Path(verdict.pop("file"))] = verdict
        todo = [path for path in todo if path not in verdicts]
        if todo:  # the child ended before answering for the first of these
            if ended is None:
                verdicts[todo[0]] = {"outcome": "hung"}
            elif ended < 0:
                verdicts[todo[0]] = {"outcome": "crashed", "signal": str(-ended)}
            else:
                stderr = done.stderr[-1000:] if done else ""
                verdicts[todo[0]] = {"outcome": "failed", "code": str(ended), "stderr": stderr}
            todo = todo[1:]
    return verdicts


def _mutate(data: bytes, rng: random.Random) -> bytes:
    """One of: flip bytes, write a huge or zero 64-bit field, truncate, or splice garbage."""
    buf = bytearray(data)
    header_end = min(len(buf), 1024)
    kind = rng.randrange(6)
    if kind == 0:  # random byte flips in the header and metadata
        for _ in range(rng.randint(1, 8)):
            buf[rng.randrange(header_end)] ^= 1 << rng.randrange(8)
    elif kind == 1:  # a 64-bit count/length field set to something absurd
        at = rng.randrange(4, header_end - 8)
        value = rng.choice([0, 1, 2**31, 2**32 + 7, 2**63 - 1, 2**64 - 1])
        buf[at : at + 8] = struct.pack("<Q", value)
    elif kind == 2:  # tensor and KV counts in the fixed header
        field = rng.choice([8, 16])
        buf[field : field + 8] = struct.pack("<Q", rng.choice([0, 3, 10**6, 2**40, 2**64 - 1]))
    elif kind == 3:  # truncation anywhere
        del buf[rng.randrange(len(buf)) :]
    elif kind == 4:  # a 32-bit type or version field
        at = rng.choice([4, rng.randrange(24, header_end - 4)])
        buf[at : at + 4] = struct.pack("<I", rng.choice([0, 3, 13, 255, 2**31, 2**32 - 1]))
    else:  # garbage spliced into the metadata
        at = rng.randrange(24, header_end)
        buf[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    return bytes(buf)


def test_mutated_gguf_files_are_refused_or_load(tmp_path: Path, ledger: Ledger) -> None:
    seed = _seed_file(tmp_path / "seed.gguf")
    assert read_gguf(tmp_path / "seed.gguf").architecture == "llama"
    # The harness can tell a load from a refusal: the intact seed loads.
    assert _load_in_children([tmp_path / "seed.gguf"]) == {
        tmp_path / "seed.gguf": {"outcome": "loaded"}
    }
    rng = random.Random(20261120)
    runs = count(120, 600)
    rejected = accepted = 0
    unexpected: list[str] = []
    accepted_files: list[Path] = []
    rejected_samples: list[Path] = []
    for index in range(runs):
        path = tmp_path / f"m{index}.gguf"
        path.write_bytes(_mutate(seed, rng))
        try:
            read_gguf(path)
        except ModelFileInvalid as exc:
            assert str(exc).strip(), "a rejection must say why"
            rejected += 1
            if index % (runs // 10) == 0:
                rejected_samples.append(path)
            else:
                path.unlink()
        except Exception as exc:  # noqa: BLE001 (anything else is a validator bug)
            unexpected.append(f"{path.name}: {type(exc).__name__}: {exc}")
        else:
            accepted += 1  # a mutation that left a valid file (a flipped bit in a string)
            accepted_files.append(path)

    # The subprocess path the app uses. What the validator refused in-process it refuses there
    # too, with a message; what it accepts there is loaded by llama.cpp, which must not crash.
    for path in rejected_samples:
        try:
            validate_in_subprocess(path, timeout=30)
        except ModelFileInvalid as exc:
            assert str(exc).strip()
        else:
            unexpected.append(f"{path.name}: refused in-process, accepted in the subprocess")
    outcomes = {"refused by the validator": 0, "loaded": 0, "refused by llama.cpp": 0}
    to_load: list[Path] = []
    for path in accepted_files:
        try:
            validate_in_subprocess(path, timeout=30)
        except ModelFileInvalid as exc:
            assert str(exc).strip(), "a rejection must say why"
            outcomes["refused by the validator"] += 1
        else:
            to_load.append(path)
    for path, verdict in _load_in_children(to_load).items():
        if verdict["outcome"] == "loaded":
            outcomes["loaded"] += 1
        elif verdict["outcome"] == "refused" and verdict["message"].strip():
            outcomes["refused by llama.cpp"] += 1
        else:
            unexpected.append(f"{path.name}: accepted by the validator, then {verdict}")
    ledger.record(
        "hostile files",
        "mutated GGUF headers (flips, huge counts, truncation, splices) through the validator "
        "and llama.cpp",
        runs,
        runs - len(unexpected),
        "none (the app process never loads a file the validator refused)",
        f"{rejected} refused by the validator with a message, {accepted} still valid; "
        f"{len(rejected_samples)} refusals repeated by the subprocess check; the valid ones in a "
        "llama.cpp child: "
        + ", ".join(f"{n} {what}" for what, n in outcomes.items())
        + " (none crashed or hung)",
    )
    assert unexpected == [], unexpected
    assert rejected + accepted == runs and rejected > runs // 2
    assert accepted_files, "no mutation left a valid file: the load check proved nothing"
