"""The model part of Settings: backend, GPU layers, threads, context, server, sampling."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.secrets import REMOTE_API_KEY, SecretStore
from desktop.settings import Settings
from desktop.ui.models.secret_task import SecretTask

# (setting value, GPU layers used) per choice: "llama.cpp with GPU layers" is llama_cpp + layers.
CHOICES = ("llama_cpp", "llama_cpp_gpu", "transformers", "openai")


class _GpuProbe(QObject):
    """Imports torch on a thread, only when the transformers backend is chosen.

    Signals:
        found(str): what the GPU check found, for a label.
    """

    found = Signal(str)

    def start(self) -> None:
        threading.Thread(target=self._run, name="gpu-probe", daemon=True).start()

    def _run(self) -> None:
        try:
            import torch

            if torch.cuda.is_available():
                self.found.emit(f"CUDA: {torch.cuda.get_device_name(0)}")
            elif torch.backends.mps.is_available():
                self.found.emit("Apple GPU (MPS)")
            else:
                self.found.emit("no GPU found; the CPU will be used")
        except ImportError:
            self.found.emit("this build has no GPU support (torch is not installed)")


class ModelSettings(QGroupBox):
    def __init__(self, settings: Settings, secrets: SecretStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Model"))
        self.secrets = secrets
        self.backend = QComboBox()
        for value, label in zip(
            CHOICES,
            (
                self.tr("llama.cpp on the CPU"),
                self.tr("llama.cpp with GPU layers"),
                self.tr("transformers on a GPU"),
                self.tr("A server (OpenAI-compatible)"),
            ),
            strict=True,
        ):
            self.backend.addItem(label, value)
        current = settings.model_backend
        if current == "llama_cpp" and settings.n_gpu_layers:
            current = "llama_cpp_gpu"
        self.backend.setCurrentIndex(max(0, self.backend.findData(current)))
        self.gpu_layers = QSpinBox()
        self.gpu_layers.setRange(0, 999)
        self.gpu_layers.setValue(settings.n_gpu_layers or 999)
        self.threads = QSpinBox()
        self.threads.setRange(0, 256)
        self.threads.setSpecialValueText(self.tr("automatic"))
        self.threads.setValue(settings.n_threads)
        self.context = QComboBox()
        for size in (2048, 4096, 8192, 16384, 32768):
            self.context.addItem(f"{size:,}", size)
        self.context.setCurrentIndex(max(0, self.context.findData(settings.n_ctx)))
        self.url = QLineEdit(settings.remote_url)
        self.url.setPlaceholderText("http://127.0.0.1:8000")
        self.remote_model = QLineEdit(
            settings.model_path if settings.model_backend == "openai" else ""
        )
        self.parallel = QSpinBox()
        self.parallel.setRange(1, 16)
        self.parallel.setValue(settings.remote_parallel)
        self.api_key = QLineEdit()
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setPlaceholderText(self.tr("kept in the system keyring"))
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(0.0, 2.0)
        self.temperature.setSingleStep(0.1)
        self.temperature.setValue(settings.suggest_temperature)
        self.top_p = QDoubleSpinBox()
        self.top_p.setRange(0.05, 1.0)
        self.top_p.setSingleStep(0.05)
        self.top_p.setValue(settings.suggest_top_p)
        self.gpu_state = QLabel()
        available, reason = secrets.status()
        self.keyring_state = QLabel("" if available else reason)
        self.keyring_state.setWordWrap(True)
        self.api_key.setEnabled(available)
        form = QFormLayout(self)
        form.addRow(self.tr("Run models with"), self.backend)
        form.addRow(self.tr("GPU layers"), self.gpu_layers)
        form.addRow("", self.gpu_state)
        form.addRow(self.tr("CPU threads"), self.threads)
        form.addRow(self.tr("Context size (tokens)"), self.context)
        form.addRow(self.tr("Server URL"), self.url)
        form.addRow(self.tr("Model name on the server"), self.remote_model)
        form.addRow(self.tr("API key"), self.api_key)
        form.addRow(self.tr("Batch critiques at once"), self.parallel)
        form.addRow("", self.keyring_state)
        form.addRow(self.tr("Suggestion temperature"), self.temperature)
        form.addRow(self.tr("Suggestion top-p"), self.top_p)
        self._probe: _GpuProbe | None = None
        self.backend.currentIndexChanged.connect(self._on_backend_current_index_changed)
        self._on_backend_current_index_changed()

    def _on_backend_current_index_changed(self, _index: int = 0) -> None:
        choice = self.backend.currentData()
        self.gpu_layers.setEnabled(choice == "llama_cpp_gpu")
        for widget in (self.url, self.remote_model, self.api_key, self.parallel):
            widget.setEnabled(choice == "openai")
        if choice == "transformers" and self._probe is None:
            self.gpu_state.setText(self.tr("Looking for a GPU…"))
            self._probe = _GpuProbe(self)
            self._probe.found.connect(self.gpu_state.setText)
            self._probe.start()

    def apply_to(self, settings: Settings) -> None:
        choice = str(self.backend.currentData())
        was_remote = settings.model_backend == "openai"
        settings.model_backend = "llama_cpp" if choice.startswith("llama_cpp") else choice
        settings.n_gpu_layers = self.gpu_layers.value() if choice == "llama_cpp_gpu" else 0
        settings.n_threads = self.threads.value()
        settings.n_ctx = int(self.context.currentData())
        settings.suggest_temperature = self.temperature.value()
        settings.suggest_top_p = self.top_p.value()
        settings.remote_parallel = self.parallel.value()
        if choice == "openai":
            url = self.url.text().strip()
            settings.remote_url = url if url.startswith(("http://", "https://")) else ""
            settings.model_path = self.remote_model.text().strip()
        elif was_remote:
            settings.model_path = ""  # a server's model name is not a file
        key = self.api_key.text().strip()
        if key and self.api_key.isEnabled():
            task = SecretTask(self.secrets, REMOTE_API_KEY, key, self)
            task.finished.connect(self._on_key_saved)
            task.start()
            self.api_key.clear()

    def _on_key_saved(self, ok: bool, message: str) -> None:
        if not ok:
            self.keyring_state.setText(message)
