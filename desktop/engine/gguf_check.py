"""Is this a model file Jaso can use? A bounded, pure-Python check of a GGUF file.

``gguf_header`` reads the header and tensor table by llama.cpp's own rules; this module adds the
app's (an architecture it runs, some weights) and describes the file. ``validate_in_subprocess``
runs it in a child process so that even a bug here cannot take the editor down. Run as
``python -m desktop.engine.gguf_check FILE [LANG]``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Final

from desktop.engine.child import NO_WINDOW, child_command, child_env
from desktop.engine.errors import ModelFileInvalid, ModelFileMissing, UnsupportedArchitecture
from desktop.engine.gguf_header import bad, read_header
from desktop.messages import language, say, set_language

# Architectures llama.cpp runs that a writing assistant may meet (decoder-only text models).
SUPPORTED_ARCHITECTURES: Final = frozenset(
    {
        "llama",
        "qwen2",
        "qwen3",
        "qwen2moe",
        "qwen3moe",
        "gemma",
        "gemma2",
        "gemma3",
        "phi2",
        "phi3",
        "exaone",
        "exaone4",
        "mistral",
        "mistral3",
        "granite",
        "olmo",
        "olmo2",
        "stablelm",
        "internlm2",
        "deepseek",
        "deepseek2",
        "command-r",
        "cohere2",
        "starcoder2",
        "smollm3",
        "hunyuan-dense",
        "falcon",
        "falcon-h1",
        "glm4",
        "seed_oss",
        "gpt-oss",
    }
)


@dataclass
class GgufInfo:
    path: str
    version: int
    architecture: str
    name: str
    tensor_count: int
    file_size: int
    context_length: int | None = None
    parameters: int = 0
    file_type: int | None = None
    has_chat_template: bool = False
    metadata: dict[str, Any] = field(default_factory=dict)


def read_gguf(path: Path) -> GgufInfo:
    """Validate ``path`` and describe it; raises ``ModelFileInvalid`` (or a subclass)."""
    if not path.is_file():
        raise ModelFileMissing(
            say(f"모델 파일이 없습니다: {path}", f"The model file {path} does not exist.")
        )
    size = path.stat().st_size
    header = read_header(path, size)
    metadata = header.metadata
    architecture = metadata.get("general.architecture")
    if not isinstance(architecture, str):
        raise bad(
            "파일에 아키텍처 정보가 없습니다.", "The file does not say which architecture it is."
        )
    if not header.tensors:
        raise bad(
            "파일에 가중치가 없습니다(어휘만 든 파일인가요?).",
            "The file holds no weights (a vocabulary-only file?).",
        )
    if architecture not in SUPPORTED_ARCHITECTURES:
        raise UnsupportedArchitecture(
            say(
                f"아키텍처 {architecture!r}는 지원하지 않습니다.",
                f"The architecture {architecture!r} is not supported.",
            )
        )
    context = metadata.get(f"{architecture}.context_length")
    small = {
        k: v
        for k, v in metadata.items()
        if isinstance(v, (int, float, bool)) or (isinstance(v, str) and len(v) < 200)
    }
    return GgufInfo(
        path=str(path),
        version=header.version,
        architecture=architecture,
        name=str(metadata.get("general.name", path.stem)),
        tensor_count=len(header.tensors),
        file_size=size,
        context_length=context if isinstance(context, int) else None,
        parameters=sum(t.elements for t in header.tensors),
        file_type=metadata.get("general.file_type"),
        has_chat_template=isinstance(metadata.get("tokenizer.chat_template"), str),
        metadata=small,
    )


def validate_in_subprocess(path: Path, timeout: float = 60.0) -> GgufInfo:
    """Validate in a child process; any crash or hang there becomes ``ModelFileInvalid``."""
    if not path.is_file():
        raise ModelFileMissing(
            say(f"모델 파일이 없습니다: {path}", f"The model file {path} does not exist.")
        )
    try:
        result = subprocess.run(
            child_command("gguf-check", str(path), language()),
            env=child_env(),
            creationflags=NO_WINDOW,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        raise ModelFileInvalid(
            say("모델 파일 검사가 너무 오래 걸렸습니다.", "Checking the model file took too long."),
            str(exc),
        ) from exc
    try:
        payload = json.loads(result.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError) as exc:
        raise ModelFileInvalid(
            say(
                "모델 파일을 검사하지 못했습니다(검사 프로세스가 실패했습니다).",
                "The model file could not be checked (the checker failed).",
            ),
            result.stderr[-2000:],
        ) from exc
    if not payload.get("ok"):
        error = UnsupportedArchitecture if payload.get("unsupported") else ModelFileInvalid
        raise error(payload.get("reason", "invalid model file"))
    info = payload["info"]
    return GgufInfo(**info)


def main(argv: list[str]) -> int:
    """``FILE [LANG]``: one JSON line, the file's description or why it is refused."""
    if len(argv) > 1:
        set_language(argv[1])
    try:
        info = read_gguf(Path(argv[0]))
    except UnsupportedArchitecture as exc:
        line = {"ok": False, "reason": str(exc), "unsupported": True}
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        return 3
    except (ModelFileInvalid, ModelFileMissing) as exc:
        sys.stdout.write(json.dumps({"ok": False, "reason": str(exc)}, ensure_ascii=False) + "\n")
        return 3
    sys.stdout.write(json.dumps({"ok": True, "info": asdict(info)}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
