"""A model file is tried in a helper process before its first load into the app's own process.

``ModelProbe.check(path)`` runs ``desktop.engine.probe`` on the file in a child process unless
the verdict for this very file is already known. A crash there (llama.cpp aborting on a file the
header checks could not fault) or an error becomes a typed, bilingual refusal, and the editor
lives on. Verdicts are kept in a small JSON file under the app's cache folder, keyed by the
resolved path, size and ``st_mtime_ns`` and tied to the llama-cpp-python version that gave them,
so a model is probed once, again when the file changes, and again after an upgrade of llama.cpp.

What is kept: good verdicts, and crashes (the file is refused until it changes). Errors and
timeouts are not: they may come from the machine (memory, a slow disk) rather than the file.
"""

from __future__ import annotations

import json
import logging
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from desktop.atomic import write_text_atomically
from desktop.engine.child import NO_WINDOW, child_command, child_env
from desktop.engine.errors import ModelFileInvalid, ModelLoadError
from desktop.messages import language, say

log = logging.getLogger(__name__)

FORMAT: Final = 1
# The probe's cost is starting the helper (Python and llama.cpp's libraries: 0.3 s to import
# here, more for a frozen app on a cold disk or behind an antivirus scan) plus reading the
# file once (decoding touches every weight, so the whole file comes off the disk; afterwards
# the app's own load finds it in the page cache). The limit allows a slow start and a slow
# disk, and grows with the slowest start and read rate measured by earlier probes here.
STARTUP_ALLOWANCE_S: Final = 30.0
SLOW_DISK_BYTES_PER_S: Final = 50e6
MARGIN: Final = 3.0
# Below this size the load's fixed costs hide the read rate: such probes measure startup only.
RATE_FROM_BYTES: Final = 256 * 2**20
_DETAILS: Final = 4000


def _runtime_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("llama-cpp-python")
    except PackageNotFoundError:  # a frozen build without metadata: the library's own
        import llama_cpp

        return str(llama_cpp.__version__)


@dataclass(frozen=True)
class Verdict:
    ok: bool
    signal: int | None = None  # the child died of this signal
    exit_code: int | None = None
    details: str = ""

    def error(self, name: str) -> ModelFileInvalid | ModelLoadError:
        if self.signal is not None:
            try:
                what = signal.Signals(self.signal).name if self.signal else f"{self.exit_code:#x}"
            except ValueError:
                what = f"signal {self.signal}"
            return ModelFileInvalid(
                say(
                    f"llama.cpp가 모델 파일을 여는 중에 비정상 종료했습니다({name}, {what}). "
                    "파일이 손상되었거나 이 버전의 llama.cpp와 맞지 않습니다. 편집기를 지키려고 "
                    "이 파일은 열지 않습니다.",
                    f"llama.cpp crashed opening {name} ({what}). The file is damaged or does "
                    "not suit this version of llama.cpp; to keep the editor safe it will not "
                    "be opened.",
                ),
                self.details,
            )
        return ModelLoadError(
            say(
                f"llama.cpp가 모델 파일을 열지 못했습니다({name}, 시험 적재, 종료 코드 "
                f"{self.exit_code}).",
                f"llama.cpp could not load {name} (trial load, exit code {self.exit_code}).",
            ),
            self.details,
        )


def probe_timeout(size: int, measured: dict[str, float]) -> float:
    """Seconds the helper may take for a file of ``size`` bytes."""
    allowance = STARTUP_ALLOWANCE_S + size / SLOW_DISK_BYTES_PER_S
    startup = measured.get("startup_s", 0.0)
    per_byte = measured.get("seconds_per_byte", 0.0)
    return max(allowance, MARGIN * (startup + size * per_byte))


class ModelProbe:
    """Guards the first in-process load of each model file (see the module's docstring)."""

    def __init__(self, cache_file: Path) -> None:
        self.cache_file = cache_file
        self.spawned = 0  # helpers started by this object (the tests count them)

    # The cache ---------------------------------------------------------------------------

    def _read(self) -> dict[str, Any]:
        empty: dict[str, Any] = {"format": FORMAT, "runtime": _runtime_version(), "files": {}}
        try:
            raw = json.loads(self.cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return empty
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            return empty
        if raw.get("runtime") != empty["runtime"] or not isinstance(raw.get("files"), dict):
            empty["measured"] = raw.get("measured", {})  # the machine's speed still holds
            return empty
        return raw

    def _write(self, cache: dict[str, Any]) -> None:
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomically(self.cache_file, json.dumps(cache, ensure_ascii=False, indent=1))
        except OSError as exc:  # a read-only cache: probe again next time, but load now
            log.warning("cannot keep the model probe's verdict: %s", exc)

    # Checking ----------------------------------------------------------------------------

    def check(self, path: Path) -> None:
        """Return if llama.cpp can load ``path`` in a process of its own; else raise
        ``ModelFileInvalid`` (it crashed) or ``ModelLoadError`` (it failed or took too long).
        """
        resolved = path.resolve()
        stat = resolved.stat()
        key = str(resolved)
        cache = self._read()
        entry = cache["files"].get(key)
        if (
            isinstance(entry, dict)
            and entry.get("size") == stat.st_size
            and entry.get("mtime_ns") == stat.st_mtime_ns
            and isinstance(entry.get("details"), str)
        ):
            if entry.get("ok"):
                return
            crash = Verdict(False, entry.get("signal"), entry.get("exit_code"), entry["details"])
            raise crash.error(resolved.name)
        measured = cache.get("measured") or {}
        verdict, timings = self._run(resolved, probe_timeout(stat.st_size, measured))
        if timings:
            cache["measured"] = _slowest(measured, timings, stat.st_size)
        if verdict.signal != signal.SIGKILL:  # killed: most likely for memory, not the file
            cache["files"][key] = {
                "size": stat.st_size,
                "mtime_ns": stat.st_mtime_ns,
                "ok": verdict.ok,
                "signal": verdict.signal,
                "exit_code": verdict.exit_code,
                "details": verdict.details,
            }
        cache["files"] = {k: v for k, v in cache["files"].items() if Path(k).exists()}
        self._write(cache)
        if not verdict.ok:
            raise verdict.error(resolved.name)

    def _run(self, path: Path, timeout: float) -> tuple[Verdict, dict[str, float]]:
        """A good verdict with its timings, or a crash; raises for an error or a timeout."""
        command = child_command("probe", str(path), language())
        env = child_env(GGML_NO_BACKTRACE="1")  # no gdb attached to print a backtrace
        self.spawned += 1
        started = time.perf_counter()
        try:
            result = subprocess.run(
                command,
                capture_output=True,
                text=True,
                errors="replace",
                timeout=timeout,
                env=env,
                creationflags=NO_WINDOW,
            )
        except subprocess.TimeoutExpired as exc:
            raise ModelLoadError(
                say(
                    f"{path.name}의 시험 적재가 {timeout:.0f}초 안에 끝나지 않았습니다.",
                    f"The trial load of {path.name} did not finish in {timeout:.0f} s.",
                ),
                str(exc),
            ) from exc
        except OSError as exc:
            raise ModelLoadError(
                say("시험 적재 프로세스를 시작하지 못했습니다.", "Could not start the trial load."),
                str(exc),
            ) from exc
        wall = time.perf_counter() - started
        details = result.stderr[-_DETAILS:]
        payload = _last_json(result.stdout)
        code = result.returncode
        if code == 0 and payload.get("ok"):
            read = float(payload.get("load_s", 0.0)) + float(payload.get("decode_s", 0.0))
            return Verdict(True), {"startup_s": max(0.0, wall - read), "read_s": read}
        if code < 0:  # POSIX: the signal that ended it (SIGABRT from GGML_ASSERT, SIGSEGV ...)
            return Verdict(False, signal=-code, details=details), {}
        if payload or code == 1:  # llama.cpp said no, or Python failed (a traceback): not
            reason = str(payload.get("details") or payload.get("reason") or "")  # the file's
            raise Verdict(False, exit_code=code, details=f"{reason}\n{details}").error(path.name)
        # no verdict and no traceback: Windows reports abort() as 3 and a fault as 0xC0000005
        return Verdict(False, signal=0, exit_code=code, details=details), {}


def _last_json(stdout: str) -> dict[str, Any]:
    for line in reversed(stdout.strip().splitlines()):
        try:
            value = json.loads(line)
        except ValueError:
            continue
        return value if isinstance(value, dict) else {}
    return {}


def _slowest(measured: dict[str, float], timings: dict[str, float], size: int) -> dict[str, float]:
    per_byte = measured.get("seconds_per_byte", 0.0)
    if size >= RATE_FROM_BYTES:
        per_byte = max(per_byte, timings["read_s"] / size)
    return {
        "startup_s": round(max(measured.get("startup_s", 0.0), timings["startup_s"]), 3),
        "seconds_per_byte": per_byte,
    }
