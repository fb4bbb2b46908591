"""Hostile model folders and chat templates: pickle weights, remote code and sandbox escapes are
refused, and no payload ever runs (each one would create a marker file)."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from desktop.engine.backend import LoadOptions
from desktop.engine.chat import render_chat
from desktop.engine.errors import ModelFileInvalid, TemplateError
from desktop.engine.testmodel import build_test_model
from tests.reliability.conftest import Ledger

MESSAGES = [{"role": "user", "content": "자기소개서를 봐 주세요."}]


class _Payload:
    """Unpickling this runs ``touch MARKER``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        import os

        return (os.system, (f"touch {self.marker}",))


def _templates(marker: Path) -> list[str]:
    run = f"touch {marker}"
    imp = "['__builtins__']['__import__']('os')"
    return [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ ''.__class__.__base__.__subclasses__()[0].__init__.__globals__ }}",
        f"{{{{ cycler.__init__.__globals__.os.popen('{run}').read() }}}}",
        f"{{{{ joiner.__init__.__globals__.os.system('{run}') }}}}",
        f"{{{{ lipsum.__globals__['os'].popen('{run}') }}}}",
        f"{{{{ namespace.__init__.__globals__{imp}.system('{run}') }}}}",
        f"{{{{ raise_exception.__globals__{imp}.system('{run}') }}}}",
        f"{{{{ strftime_now.__globals__{imp}.system('{run}') }}}}",
        "{{ self._TemplateReference__context }}",
        "{{ self.__init__.__globals__ }}",
        "{{ messages.__class__.__init__.__globals__ }}",
        "{{ messages.append({'role': 'system', 'content': 'x'}) }}",
        "{% set _ = messages.pop() %}{{ messages }}",
        "{{ messages[0].update({'content': 'x'}) }}",
        "{{ ''.format.__self__.__class__ }}",
        "{{ ('%s' % messages).__class__.__mro__ }}",
        "{{ 'x' * 10000000000 }}",
        "{{ [0] * 10000000000 }}",
        "{{ 2 ** 100000000 }}",
        "{{ range(10000000000) | list }}",
        "{% for i in range(100000) %}{{ 'x' * 100000 }}{% endfor %}",
        "{{ func_globals }}{{ ''.__class__.__dict__ }}",
        "{{ messages|map(attribute='__class__')|list }}",
        "{{ (messages|attr('__class__')).__mro__ }}",
        "{% include '/etc/passwd' %}",
        "{% import 'os' as os %}",
        "{% extends '/etc/passwd' %}",
    ]


@pytest.mark.slow
def test_chat_templates_that_leave_the_sandbox_are_refused(tmp_path: Path, ledger: Ledger) -> None:
    marker = tmp_path / "template-ran-code"
    templates = _templates(marker)
    refused = 0
    harmless: list[str] = []
    for template in templates:
        try:
            out = render_chat(template, MESSAGES)
        except TemplateError:
            refused += 1
        else:
            # rendered without escaping: it may only have printed something inert
            assert "root:" not in out and len(out) < 1_000_000, template
            harmless.append(template)
    ran = marker.exists()
    ledger.record(
        "hostile files",
        "chat templates that try to leave the Jinja sandbox (attribute escapes, globals, "
        "mutating messages, huge repeats and powers, includes)",
        len(templates),
        len(templates) if not ran else 0,
        "none",
        f"{refused} refused with a message, {len(harmless)} rendered only inert text; "
        "no payload ran",
    )
    assert not ran, "a template ran code"
    assert refused >= len(templates) - 3, harmless


@pytest.mark.slow
def test_transformers_folders_with_pickle_or_remote_code_never_run_it(
    tmp_path: Path, ledger: Ledger
) -> None:
    pytest.importorskip("torch")
    from desktop.engine.hf_backend import TransformersBackend

    tiny_model = build_test_model("tiny")
    marker = tmp_path / "model-ran-code"
    tried = 0

    pickled = tmp_path / "pickled"
    shutil.copytree(tiny_model.hf_dir, pickled)
    (pickled / "model.safetensors").unlink()
    for name in ("pytorch_model.bin", "model.pt", "weights.ckpt"):
        (pickled / name).write_bytes(pickle.dumps(_Payload(marker)))
    tried += 1
    with pytest.raises(ModelFileInvalid, match="pickle"):
        TransformersBackend().load(LoadOptions(pickled))

    both = tmp_path / "both"
    shutil.copytree(tiny_model.hf_dir, both)
    (both / "pytorch_model.bin").write_bytes(pickle.dumps(_Payload(marker)))
    tried += 1
    backend = TransformersBackend()
    backend.load(LoadOptions(both, device="cpu"))  # the safetensors weights, never the pickle
    backend.close()

    remote = tmp_path / "remote"
    shutil.copytree(tiny_model.hf_dir, remote)
    config = (remote / "config.json").read_text(encoding="utf-8")
    (remote / "config.json").write_text(
        config.replace("{", '{"auto_map": {"AutoModelForCausalLM": "evil.Model"},', 1),
        encoding="utf-8",
    )
    (remote / "evil.py").write_text(f"import os\nos.system('touch {marker}')\n")
    tried += 1
    with pytest.raises(ModelFileInvalid, match="remote code"):
        TransformersBackend().load(LoadOptions(remote))

    ran = marker.exists()
    ledger.record(
        "hostile files",
        "transformers folders: pickle weights only, pickle next to safetensors, remote code",
        tried,
        tried if not ran else 0,
        "none",
        "pickle-only and remote-code folders refused with a message; with both, the "
        "safetensors weights loaded and the pickle was never read",
    )
    assert not ran, "a model folder ran code"
