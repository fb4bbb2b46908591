"""Preferences the user can change: UI language, autosave timing and suggestions."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from desktop.secrets import SecretStore
from desktop.settings import Settings
from desktop.ui.models.model_settings import ModelSettings


class SettingsDialog(QDialog):
    def __init__(
        self, settings: Settings, parent: QWidget | None = None, secrets: SecretStore | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        for value, label in (
            ("system", self.tr("Follow the system")),
            ("ko", "한국어"),
            ("en", "English"),
        ):
            self.language.addItem(label, value)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.idle = QSpinBox()
        self.idle.setRange(200, 60_000)
        self.idle.setSingleStep(100)
        self.idle.setSuffix(" ms")
        self.idle.setValue(settings.autosave_idle_ms)
        self.backups = QSpinBox()
        self.backups.setRange(1, 365)
        self.backups.setValue(settings.backup_keep)
        self.suggest_auto = QCheckBox(self.tr("Suggest when I pause typing"))
        self.suggest_auto.setChecked(settings.suggest_auto)
        self.pause = QSpinBox()
        self.pause.setRange(100, 10_000)
        self.pause.setSingleStep(100)
        self.pause.setSuffix(" ms")
        self.pause.setValue(settings.suggest_pause_ms)
        self.candidates = QSpinBox()
        self.candidates.setRange(1, 5)
        self.candidates.setValue(settings.suggest_count)
        form = QFormLayout(self)
        form.addRow(self.tr("Language (after restart)"), self.language)
        form.addRow(self.tr("Autosave after a pause of"), self.idle)
        form.addRow(self.tr("Daily backups to keep"), self.backups)
        form.addRow(self.suggest_auto)
        form.addRow(self.tr("Typing pause before suggesting"), self.pause)
        form.addRow(self.tr("Candidates per suggestion"), self.candidates)
        self.model = ModelSettings(settings, secrets or SecretStore())
        form.addRow(self.model)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def apply_to(self, settings: Settings) -> None:
        settings.language = str(self.language.currentData())
        settings.autosave_idle_ms = self.idle.value()
        settings.backup_keep = self.backups.value()
        settings.suggest_auto = self.suggest_auto.isChecked()
        settings.suggest_pause_ms = self.pause.value()
        settings.suggest_count = self.candidates.value()
        self.model.apply_to(settings)
