"""The model manager: installed models, import and remove, the catalog with downloads."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.catalog import CatalogEntry, load_catalog
from desktop.engine.downloads import Download, hub_url
from desktop.engine.errors import EngineError
from desktop.engine.memory import available_memory, fit_hint, total_memory
from desktop.engine.models import InstalledModel, import_model, list_installed, remove_model
from desktop.engine.packaged_models import STARTER_FILE
from desktop.engine.qualification import CRITIQUE_EN, CRITIQUE_KO, QualificationCache
from desktop.secrets import HUB_TOKEN, SecretStore, SecretsUnavailable
from desktop.settings import Settings
from desktop.ui.models.download_thread import DownloadThread
from desktop.ui.models.secret_task import SecretTask

_GB = 1 << 30


def _size(size: float) -> str:
    return f"{size / _GB:.2f} GB" if size >= _GB / 4 else f"{size / (1 << 20):.0f} MB"


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    return table


class ModelManagerDialog(QDialog):
    """``changed`` is True when the default models changed (the caller reloads)."""

    def __init__(
        self,
        settings: Settings,
        models_dir: Path,
        secrets: SecretStore | None = None,
        parent: QWidget | None = None,
        qualifications: QualificationCache | None = None,
    ) -> None:
        super().__init__(parent)
        self.qualifications = qualifications
        self.setWindowTitle(self.tr("Models"))
        self.resize(980, 680)
        self.settings = settings
        self.models_dir = models_dir
        self.secrets = secrets or SecretStore()
        self.changed = False
        self.installed: list[InstalledModel] = []
        self.catalog = load_catalog()
        self.download_thread: DownloadThread | None = None
        self.downloading: CatalogEntry | None = None

        self.hardware = QLabel()
        self.installed_table = _table(
            [
                self.tr("Model"),
                self.tr("Architecture"),
                self.tr("Parameters"),
                self.tr("Quantization"),
                self.tr("Context"),
                self.tr("Size"),
                self.tr("Licence"),
                self.tr("Used for"),
                self.tr("Measured ability"),
            ]
        )
        self.import_button = QPushButton(self.tr("Import GGUF…"))
        self.copy_box = QCheckBox(self.tr("Copy into the models folder"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.suggest_button = QPushButton(self.tr("Use for suggestions"))
        self.critique_button = QPushButton(self.tr("Use for critiques"))
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.suggest_button.clicked.connect(self._on_suggest_button_clicked)
        self.critique_button.clicked.connect(self._on_critique_button_clicked)
        installed_buttons = QHBoxLayout()
        for widget in (self.import_button, self.copy_box):
            installed_buttons.addWidget(widget)
        installed_buttons.addStretch(1)
        for widget in (self.suggest_button, self.critique_button, self.remove_button):
            installed_buttons.addWidget(widget)

        self.catalog_table = _table(
            [
                self.tr("Model"),
                self.tr("Size"),
                self.tr("Licence"),
                self.tr("Commercial use"),
                self.tr("Fits this computer"),
                self.tr("Good for"),
            ]
        )
        self.download_button = QPushButton(self.tr("Download"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.cancel_button = QPushButton(self.tr("Cancel download"))
        self.download_button.clicked.connect(self._on_download_button_clicked)
        self.pause_button.clicked.connect(self._on_pause_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.progress = QProgressBar()
        self.progress_text = QLabel()
        catalog_buttons = QHBoxLayout()
        for widget in (self.download_button, self.pause_button, self.cancel_button):
            catalog_buttons.addWidget(widget)
        catalog_buttons.addWidget(self.progress, 1)
        catalog_buttons.addWidget(self.progress_text)

        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("Hub token (only for gated models)"))
        self.token_button = QPushButton(self.tr("Save token"))
        self.token_button.clicked.connect(self._on_token_button_clicked)
        self.keyring_state = QLabel()
        token_row = QHBoxLayout()
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.token_button)
        token_row.addWidget(self.keyring_state)

        layout = QVBoxLayout(self)
        layout.addWidget(self.hardware)
        layout.addWidget(QLabel("<b>" + self.tr("Installed") + "</b>"))
        layout.addWidget(self.installed_table, 1)
        self.starter_note = QLabel(
            self.tr(
                "Gemma 3 270M is the small starter model that came with Jaso: it gives rough "
                "suggestions and weak critiques. A model of 1.5–3 B parameters from the catalog "
                "below writes far better Korean and critiques."
            )
        )
        self.starter_note.setWordWrap(True)
        layout.addWidget(self.starter_note)
        layout.addLayout(installed_buttons)
        layout.addWidget(QLabel("<b>" + self.tr("Catalog") + "</b>"))
        layout.addWidget(self.catalog_table, 1)
        layout.addLayout(catalog_buttons)
        layout.addLayout(token_row)
        self._show_hardware()
        self._show_keyring()
        self.refresh()
        self._set_downloading(False)

    # Listing -----------------------------------------------------------------------------

    def _show_hardware(self) -> None:
        free = available_memory()
        threads = os.cpu_count() or 1
        text = self.tr(
            "Memory: %1 free of %2 · CPU threads: %3 · GPU: checked when a GPU backend is chosen"
        )
        self.hardware.setText(
            text.replace("%1", _size(free) if free else "?")
            .replace("%2", _size(total_memory()))
            .replace("%3", str(threads))
        )

    def _show_keyring(self) -> None:
        available, reason = self.secrets.status()
        self.keyring_state.setText(self.tr("Keyring ready") if available else reason)
        self.keyring_state.setStyleSheet("" if available else "color: #c62828")
        self.token_button.setEnabled(available)

    def _uses(self, path: Path) -> str:
        """The roles the settings give ``path``; a critique role the model did not qualify for
        says that the critique is the automatic analysis."""
        verdict = self.qualifications.get(path) if self.qualifications else None
        critiques = self.tr("critiques")
        if verdict is not None and not (verdict.can(CRITIQUE_KO) or verdict.can(CRITIQUE_EN)):
            critiques = self.tr("critiques (automatic analysis: the model did not qualify)")
        uses = []
        if self.settings.model_path and Path(self.settings.model_path) == path:
            uses.append(self.tr("suggestions"))
            if not self.settings.critique_model_path:
                uses.append(critiques)
        if self.settings.critique_model_path and Path(self.settings.critique_model_path) == path:
            uses.append(critiques)
        return ", ".join(uses)

    def _measured(self, path: Path) -> tuple[str, str]:
        """What the qualification set measured the model able to do, and the figures behind it
        (a tooltip); "not measured yet" until its first review, draft or interview feedback."""
        verdict = self.qualifications.get(path) if self.qualifications else None
        if verdict is None:
            return self.tr("not measured yet (measured at the first review)"), ""
        lines = [
            f"{task}: {'ok' if result.passed else result.why}"
            + "".join(f"; {k} {v}" for k, v in result.figures.items() if k != "gate")
            for task, result in verdict.tasks.items()
        ]
        return verdict.summary(), "\n".join(lines)

    def refresh(self) -> None:
        self.installed = list_installed(self.models_dir)
        table = self.installed_table
        table.setRowCount(len(self.installed))
        for row, model in enumerate(self.installed):
            info = model.info
            cells = [
                model.name,
                info.architecture
                if info
                else self.tr("invalid: %1").replace("%1", model.error or ""),
                f"{info.parameters / 1e9:.2f} B" if info and info.parameters else "",
                model.quantization,
                f"{info.context_length:,}" if info and info.context_length else "",
                _size(model.path.stat().st_size) if model.path.exists() else "",
                model.license,
                self._uses(model.path),
            ]
            measured, figures = self._measured(model.path)
            cells.append(measured)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(
                    figures if column == len(cells) - 1 and figures else str(model.path)
                )
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        self.starter_note.setVisible(
            any(model.path.name == STARTER_FILE for model in self.installed)
        )
        free = available_memory()
        hints = {
            "fits": self.tr("yes"),
            "tight": self.tr("tight"),
            "too_big": self.tr("no"),
            "unknown": "?",
        }
        self.catalog_table.setRowCount(len(self.catalog))
        for row, entry in enumerate(self.catalog):
            partial = (self.models_dir / (entry.file + ".part.json")).exists()
            name = entry.name + (" " + self.tr("(paused)") if partial else "")
            cells = [
                name,
                _size(entry.size_mb * (1 << 20)),
                entry.license,
                self.tr("yes") if entry.commercial_use else self.tr("no (non-commercial)"),
                hints[fit_hint(entry.size_mb * (1 << 20), available=free)],
                ", ".join(
                    self.tr("suggestions") if use == "suggestions" else self.tr("critiques")
                    for use in entry.recommended_for
                ),
            ]
            for column, text in enumerate(cells):
                self.catalog_table.setItem(row, column, QTableWidgetItem(text))
        self.catalog_table.resizeColumnsToContents()

    def _selected_installed(self) -> InstalledModel | None:
        row = self.installed_table.currentRow()
        return self.installed[row] if 0 <= row < len(self.installed) else None

    # Installed ---------------------------------------------------------------------------

    def _on_import_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a model"), str(Path.home()), self.tr("GGUF models (*.gguf)")
        )
        if name:
            self.import_file(Path(name), copy=self.copy_box.isChecked())

    def import_file(self, path: Path, *, copy: bool) -> bool:
        try:
            import_model(path, self.models_dir, copy=copy)
        except EngineError as exc:
            QMessageBox.warning(self, self.tr("Not a usable model"), str(exc))
            return False
        self.refresh()
        return True

    def _on_remove_button_clicked(self) -> None:
        model = self._selected_installed()
        if model is None:
            return
        question = (
            self.tr("Delete %1 from the models folder?")
            if model.in_models_dir
            else self.tr("Forget %1? The file itself stays where it is.")
        )
        answer = QMessageBox.question(
            self, self.tr("Remove model"), question.replace("%1", model.path.name)
        )
        if answer == QMessageBox.StandardButton.Yes:
            remove_model(model.path, self.models_dir)
            for field in ("model_path", "critique_model_path"):
                if (
                    getattr(self.settings, field)
                    and Path(getattr(self.settings, field)) == model.path
                ):
                    setattr(self.settings, field, "")
                    self.changed = True
            self.refresh()

    def _use(self, field: str) -> None:
        model = self._selected_installed()
        if model is None or model.error is not None:
            return
        setattr(self.settings, field, str(model.path))
        self.settings.model_backend = "llama_cpp"
        self.changed = True
        self.refresh()

    def _on_suggest_button_clicked(self) -> None:
        self._use("model_path")

    def _on_critique_button_clicked(self) -> None:
        self._use("critique_model_path")

    # Downloads ---------------------------------------------------------------------------

    def _set_downloading(self, active: bool) -> None:
        self.download_button.setEnabled(not active)
        self.pause_button.setEnabled(active)
        self.cancel_button.setEnabled(active)
        self.progress.setVisible(active or self.progress.value() > 0)

    def _on_download_button_clicked(self) -> None:
        row = self.catalog_table.currentRow()
        if 0 <= row < len(self.catalog):
            self.start_download(self.catalog[row])

    def start_download(self, entry: CatalogEntry) -> None:
        try:
            token = self.secrets.get(HUB_TOKEN)
        except SecretsUnavailable:
            token = None
        target = self.models_dir / entry.file
        download = Download(
            hub_url(entry.repo, entry.file), target, sha256=entry.sha256, token=token
        )
        self.downloading = entry
        self.download_thread = DownloadThread(download)
        self.download_thread.progressed.connect(self._on_thread_progressed)
        self.download_thread.completed.connect(self._on_thread_completed)
        self.download_thread.failed.connect(self._on_thread_failed)
        self.download_thread.stopped.connect(self._on_thread_stopped)
        self.progress_text.setText(self.tr("Starting %1…").replace("%1", entry.name))
        self._set_downloading(True)
        self.download_thread.start()

    def _on_thread_progressed(self, done: float, total: float, speed: float, eta: float) -> None:
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(done / total * 1000))
        text = f"{_size(done)}"
        if total > 0:
            text += f" / {_size(total)}"
        text += f" · {speed / (1 << 20):.1f} MB/s"
        if eta >= 0:
            minutes, seconds = divmod(int(eta), 60)
            text += " · " + self.tr("%1 left").replace("%1", f"{minutes}:{seconds:02d}")
        self.progress_text.setText(text)

    def _on_thread_completed(self, path: str) -> None:
        self.progress_text.setText(
            self.tr("Downloaded and checked: %1").replace("%1", Path(path).name)
        )
        self._finish()

    def _on_thread_failed(self, message: str, _details: str) -> None:
        self.progress_text.setText(message)
        self.progress_text.setToolTip(_details)
        self._finish()

    def _on_thread_stopped(self, message: str) -> None:
        self.progress_text.setText(
            self.tr("Paused; Download resumes it, also after a restart.")
            if "paused" in message
            else self.tr("Cancelled.")
        )
        self._finish()

    def _finish(self) -> None:
        if self.download_thread is not None:
            self.download_thread.wait()
            self.download_thread = None
        self.downloading = None
        self._set_downloading(False)
        self.refresh()

    def _on_pause_button_clicked(self) -> None:
        if self.download_thread is not None:
            self.download_thread.download.pause()

    def _on_cancel_button_clicked(self) -> None:
        if self.download_thread is not None:
            self.download_thread.download.cancel()

    def _on_token_button_clicked(self) -> None:
        task = SecretTask(self.secrets, HUB_TOKEN, self.token.text().strip(), self)
        task.finished.connect(self._on_token_saved)
        self.token_button.setEnabled(False)
        task.start()

    def _on_token_saved(self, ok: bool, message: str) -> None:
        self.token.clear()
        self.token_button.setEnabled(True)
        self.keyring_state.setText(self.tr("Token saved in the keyring") if ok else message)

    def reject(self) -> None:
        if self.download_thread is not None:
            self.download_thread.download.pause()  # keep the partial file: it resumes next time
            self.download_thread.wait()
        super().reject()
