# pyspellchecker reads its word frequency lists from resources/ inside the package. Only the
# English list (650 KB) ships: EN.SPELL checks English cover letters; the other eleven languages
# (6 MB) are never loaded.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("spellchecker", includes=["resources/en.json.gz"])
