"""An OpenAI-compatible server (vLLM, llama.cpp's server, llama-cpp-python's server).

Chat messages travel as messages: the server applies its model's own chat template, so
``render_chat`` returns an envelope that ``stream`` opens again. Text appended after the
envelope (the answer so far, for continuations) is handed to the model in the user turn.
Structured output is sent as a GBNF ``grammar`` (llama.cpp's servers) or as ``guided_json``
(vLLM). The API key comes from the keyring. Cancelling closes the stream.
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
import urllib.parse
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar, Final

from desktop.engine.backend import (
    Capabilities,
    Chunk,
    LoadOptions,
    Message,
    Progress,
    ProgressCallback,
    SamplingParams,
)
from desktop.engine.errors import (
    EngineError,
    GenerationCancelled,
    ModelLoadError,
    NotLoaded,
)
from desktop.engine.grammar import schema_to_gbnf
from desktop.messages import say

_OPEN: Final = "\x00jaso-chat\x00"
_CLOSE: Final = "\x00/jaso-chat\x00"


class RemoteError(EngineError):
    """The server could not be reached or answered with an error."""


def _http_message(status: int, body: str) -> str:
    if status in (401, 403):
        return (
            "The server refused the API key. Set it in Settings ▸ Model (it is kept in the "
            "keyring)."
        )
    if status == 404:
        return "The server does not know this model or endpoint. Check the model name and URL."
    if status == 400:
        return f"The server rejected the request: {body[:200]}"
    return f"The server answered with an error (HTTP {status})."


class OpenAIBackend:
    name: ClassVar[str] = "openai"
    capabilities: ClassVar[Capabilities] = Capabilities(
        streaming=True,
        json_schema=True,
        token_ids=False,
        prefix_cache=False,
        gpu=False,
        concurrent=True,  # one HTTP connection per call
    )

    def __init__(self, api_key: str | None = None) -> None:
        self._options: LoadOptions | None = None
        self._api_key = api_key
        self.structured = "grammar"  # or "guided_json" for vLLM

    # Connection ------------------------------------------------------------------------

    def load(self, options: LoadOptions) -> None:
        if not options.base_url:
            raise ModelLoadError(
                say(
                    "원격 백엔드의 서버 주소가 설정되어 있지 않습니다.",
                    "No server URL is set for the remote backend.",
                )
            )
        if self._api_key is None:
            self._api_key = _key_from_keyring()
        self._options = options
        status, body = self._request("GET", "/v1/models")
        if status != 200:
            self._options = None
            raise RemoteError(_http_message(status, body), body[:2000])

    @property
    def options(self) -> LoadOptions:
        if self._options is None:
            raise NotLoaded(say("연결된 서버가 없습니다.", "No server is connected."))
        return self._options

    def _connection(self) -> http.client.HTTPConnection:
        url = urllib.parse.urlsplit(self.options.base_url)
        kind = http.client.HTTPSConnection if url.scheme == "https" else http.client.HTTPConnection
        port = url.port or (443 if url.scheme == "https" else 80)
        return kind(url.hostname or "127.0.0.1", port, timeout=self.options.timeout_s)

    def _path(self, path: str) -> str:
        prefix = urllib.parse.urlsplit(self.options.base_url).path.rstrip("/")
        if prefix.endswith("/v1"):
            prefix = prefix[:-3]
        return prefix + path

    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "Accept": "text/event-stream"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        return headers

    def _request(self, method: str, path: str, body: Any = None) -> tuple[int, str]:
        connection = self._connection()
        try:
            data = json.dumps(body).encode("utf-8") if body is not None else None
            connection.request(method, self._path(path), body=data, headers=self._headers())
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as exc:
            raise _network_error(self.options, exc) from exc
        finally:
            connection.close()

    # Tokens and prompts ----------------------------------------------------------------

    @property
    def n_ctx(self) -> int:
        return self.options.n_ctx

    @property
    def has_chat_template(self) -> bool:
        return True  # the server applies the model's template to chat messages

    def tokenize(self, text: str) -> list[int]:
        """No tokenizer over the wire: one id per character, an upper bound for budgeting."""
        return [ord(char) for char in text]

    def count_tokens(self, text: str) -> int:
        return len(text)

    def render_chat(self, messages: Sequence[Message], add_generation_prompt: bool = True) -> str:
        return _OPEN + json.dumps(list(messages), ensure_ascii=False) + _CLOSE

    # Generation ------------------------------------------------------------------------

    def _body(self, prompt: str, params: SamplingParams) -> tuple[str, dict[str, Any]]:
        body: dict[str, Any] = {
            "model": str(self.options.model_path),
            "stream": True,
            "max_tokens": params.max_tokens,
            "temperature": params.temperature,
            "top_p": params.top_p,
            "top_k": params.top_k,
            "repeat_penalty": params.repeat_penalty,
        }
        if params.seed is not None:
            body["seed"] = params.seed
        if params.stop:
            body["stop"] = list(params.stop)
        if params.json_schema is not None:
            if self.structured == "guided_json":
                body["guided_json"] = params.json_schema
            else:
                body["grammar"] = schema_to_gbnf(params.json_schema)
        if not prompt.startswith(_OPEN):
            body["prompt"] = prompt
            return "/v1/completions", body
        envelope, _, tail = prompt[len(_OPEN) :].partition(_CLOSE)
        messages: list[Message] = json.loads(envelope)
        if tail:
            messages = _with_answer_so_far(messages, tail)
        body["messages"] = messages
        return "/v1/chat/completions", body

    def stream(
        self,
        prompt: str | Sequence[int],
        params: SamplingParams,
        cancel: threading.Event,
        on_progress: ProgressCallback | None = None,
    ) -> Iterator[Chunk]:
        text = prompt if isinstance(prompt, str) else "".join(map(chr, prompt))
        path, body = self._body(text, params)
        if cancel.is_set():
            raise GenerationCancelled(say("취소했습니다.", "Cancelled."))
        connection = self._connection()
        try:
            connection.request(
                "POST", self._path(path), body=json.dumps(body).encode(), headers=self._headers()
            )
            response = connection.getresponse()
            if response.status != 200:
                detail = response.read().decode("utf-8", "replace")
                raise RemoteError(_http_message(response.status, detail), detail[:2000])
            if on_progress:
                on_progress(Progress("prompt", 1, 1))
            produced = 0
            for piece in _events(response):
                if cancel.is_set():
                    raise GenerationCancelled(say("취소했습니다.", "Cancelled."))
                produced += 1
                yield Chunk(piece)
                if on_progress:
                    on_progress(Progress("tokens", produced, params.max_tokens))
        except (OSError, http.client.HTTPException) as exc:
            raise _network_error(self.options, exc) from exc
        finally:
            connection.close()  # on cancel this closes the stream: the server stops generating

    def close(self) -> None:
        self._options = None


INTERRUPTED = (
    "The server stopped this answer before it was finished, to take another request. "
    "llama-cpp-python's server does this unless it is started with --interrupt_requests False; "
    "or set 'Batch critiques at once' to 1."
)


def _events(response: http.client.HTTPResponse) -> Iterator[str]:
    """The text deltas of a server-sent event stream, until ``[DONE]``.

    Every OpenAI-compatible server ends a whole answer with a ``finish_reason`` (stop, length);
    a ``[DONE]`` without one is an answer the server cut off (llama-cpp-python's server does
    that to a running stream when another request arrives), which must not pass for complete.
    """
    finished = False
    for raw in response:
        line = raw.decode("utf-8", "replace").strip()
        if not line.startswith("data:"):
            continue
        payload = line[len("data:") :].strip()
        if payload == "[DONE]":
            if not finished:
                raise RemoteError(INTERRUPTED, "[DONE] without a finish_reason")
            return
        event = json.loads(payload)
        if "error" in event:
            raise RemoteError(
                say("서버가 답변을 쓰는 중에 오류가 났습니다.", "The server failed while writing."),
                json.dumps(event)[:2000],
            )
        for choice in event.get("choices", []):
            finished = finished or bool(choice.get("finish_reason"))
            delta = (choice.get("delta") or {}).get("content") or choice.get("text") or ""
            if delta:
                yield delta
    if not finished:  # the connection closed mid-answer
        raise RemoteError(
            say(
                "답변이 끝나기 전에 서버가 연결을 닫았습니다.",
                "The server closed the connection before the answer was finished.",
            )
        )


def _with_answer_so_far(messages: list[Message], answer: str) -> list[Message]:
    """Chat APIs cannot continue an assistant turn portably: give the answer in the user turn."""
    korean = any("가" <= char <= "힣" for char in answer)
    ask = (
        "\n\n지금까지 쓴 답변:\n<<<\n{0}\n>>>\n이 답변에 바로 이어질 한 문장만 쓰세요."
        if korean
        else "\n\nThe answer so far:\n<<<\n{0}\n>>>\nWrite only the one sentence that comes next."
    )
    result = [dict(m) for m in messages]
    last_user = max((i for i, m in enumerate(result) if m["role"] == "user"), default=None)
    if last_user is None:
        result.append({"role": "user", "content": ask.format(answer).strip()})
    else:
        result[last_user]["content"] += ask.format(answer)
    return result


def _network_error(options: LoadOptions, exc: BaseException) -> RemoteError:
    if isinstance(exc, socket.timeout | TimeoutError):
        return RemoteError(
            f"The server at {options.base_url} did not answer within {options.timeout_s:g} s.",
            repr(exc),
        )
    return RemoteError(f"Cannot reach the server at {options.base_url}. Is it running?", repr(exc))


def _key_from_keyring() -> str | None:
    from desktop.secrets import REMOTE_API_KEY, SecretStore, SecretsUnavailable

    try:
        return SecretStore().get(REMOTE_API_KEY)
    except SecretsUnavailable:
        return None
