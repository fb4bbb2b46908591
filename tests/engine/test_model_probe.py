"""The trial load in a helper process (issue 20): a file that makes llama.cpp abort is refused and
the app's process lives on; verdicts are kept per file and dropped when the file changes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.engine import load_probe
from desktop.engine.backend import LoadOptions, create_backend
from desktop.engine.child import CHILD_FLAG, child_command
from desktop.engine.errors import ModelFileInvalid, ModelLoadError
from desktop.engine.gguf_check import read_gguf, validate_in_subprocess
from desktop.engine.load_probe import ModelProbe, probe_timeout
from desktop.engine.testmodel import TestModel
from desktop.messages import set_language


def _duplicate_token(source: Path, target: Path) -> Path:
    """The tiny model with its second vocabulary entry ('"') made a copy of its first ('!'):
    llama.cpp's ``llama_vocab::impl::load`` then fails
    ``GGML_ASSERT(id_to_token.size() == token_to_id.size())`` and aborts the process. The
    header is still well formed, so ``read_gguf`` (and gguf.cpp) accept the file."""
    data = bytearray(source.read_bytes())
    first_two = struct.pack("<Q", 1) + b"!" + struct.pack("<Q", 1) + b'"'
    at = data.index(first_two)
    data[at + 17] = ord("!")
    target.write_bytes(bytes(data))
    return target


@pytest.fixture
def crashing(tiny_model: TestModel, tmp_path: Path) -> Path:
    return _duplicate_token(tiny_model.gguf("q8_0"), tmp_path / "duplicate-token.gguf")


def test_a_file_llama_cpp_aborts_on_is_refused_and_the_app_lives(
    crashing: Path, tmp_path: Path
) -> None:
    assert read_gguf(crashing).architecture == "llama"  # no header check can see this fault
    probe = ModelProbe(tmp_path / "probes.json")
    backend = create_backend("llama_cpp", probe=probe)
    with pytest.raises(ModelFileInvalid, match="crashed") as refused:
        backend.load(LoadOptions(crashing, n_ctx=256))
    assert "SIGABRT" in str(refused.value) and "GGML_ASSERT" in refused.value.details
    assert probe.spawned == 1
    # the refusal is kept: asking again costs no helper and says the same, in Korean too
    set_language("ko")
    try:
        with pytest.raises(ModelFileInvalid, match="비정상 종료"):
            probe.check(crashing)
    finally:
        set_language("en")
    assert probe.spawned == 1
    entry = json.loads((tmp_path / "probes.json").read_text())["files"][str(crashing.resolve())]
    assert (entry["ok"], entry["signal"]) == (False, signal.SIGABRT)


def test_a_good_verdict_is_kept_until_the_file_changes(
    tiny_model: TestModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = tmp_path / "model.gguf"
    shutil.copyfile(tiny_model.gguf("q8_0"), model)
    # started the way the frozen app starts it: the program itself with the hidden flag
    monkeypatch.setattr(
        load_probe,
        "child_command",
        lambda name, *args: [sys.executable, "-m", "desktop", CHILD_FLAG, name, *args],
    )
    cache = tmp_path / "cache" / "probes.json"
    probe = ModelProbe(cache)
    probe.check(model)
    probe.check(model)
    assert probe.spawned == 1
    again = ModelProbe(cache)
    again.check(model)  # a new app run: the verdict is on disk
    assert again.spawned == 0
    stat = model.stat()
    os.utime(model, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    again.check(model)  # the file changed: tried again
    assert again.spawned == 1
    measured = json.loads(cache.read_text())["measured"]
    assert 0 < measured["startup_s"] < 60


def test_an_error_or_a_hang_is_not_kept(
    tmp_path: Path, tiny_model: TestModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = tiny_model.gguf("q8_0")
    probe = ModelProbe(tmp_path / "probes.json")
    fail = "import json; print(json.dumps({'ok': False, 'reason': 'no', 'details': 'oom'}))"
    monkeypatch.setattr(load_probe, "child_command", lambda *a: [sys.executable, "-c", fail])
    with pytest.raises(ModelLoadError, match="could not load"):
        probe.check(model)
    monkeypatch.setattr(load_probe, "probe_timeout", lambda size, measured: 0.5)
    sleep = "import time; time.sleep(30)"
    monkeypatch.setattr(load_probe, "child_command", lambda *a: [sys.executable, "-c", sleep])
    with pytest.raises(ModelLoadError, match="did not finish"):
        probe.check(model)
    assert probe.spawned == 2
    assert not (tmp_path / "probes.json").exists()  # nothing learned about the file


def test_the_time_limit_follows_the_file_size_and_what_was_measured() -> None:
    small, large = probe_timeout(10 << 20, {}), probe_timeout(8 << 30, {})
    assert 30 < small < 31 and large > small + 150  # a 50 MB/s disk reads 8 GiB in ~170 s
    slow = {"startup_s": 20.0, "seconds_per_byte": 1e-7}  # a machine slower than assumed
    assert probe_timeout(8 << 30, slow) == pytest.approx(3 * (20 + (8 << 30) * 1e-7))


def test_helpers_start_frozen_as_the_app_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert child_command("probe", "m.gguf") == [sys.executable, CHILD_FLAG, "probe", "m.gguf"]
    monkeypatch.delattr(sys, "frozen")
    # and the app's entry hands the hidden flag to the helper (here gguf-check, in Korean)
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"PK\x03\x04" * 10)
    result = subprocess.run(
        [sys.executable, "-m", "desktop", CHILD_FLAG, "gguf-check", str(bad), "ko"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert json.loads(result.stdout)["reason"] == "GGUF 모델 파일이 아닙니다: bad.gguf"
    set_language("ko")
    try:
        with pytest.raises(ModelFileInvalid, match="GGUF 모델 파일이 아닙니다"):
            validate_in_subprocess(bad)
    finally:
        set_language("en")
