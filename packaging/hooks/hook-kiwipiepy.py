# kiwipiepy's extension module (_kiwipiepy, top-level) and its pure-Python submodules; the model
# is imported by name when a Kiwi is built, which PyInstaller cannot see.
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = ["_kiwipiepy", "kiwipiepy_model", *collect_submodules("kiwipiepy")]
