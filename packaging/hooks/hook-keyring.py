# keyring finds its backends through entry points, which need the distributions' metadata.
from PyInstaller.utils.hooks import collect_submodules, copy_metadata

hiddenimports = collect_submodules("keyring.backends")
datas = copy_metadata("keyring")
for name in ("jaraco.classes", "jaraco.functools", "jaraco.context", "SecretStorage"):
    try:
        datas += copy_metadata(name)
    except Exception:  # noqa: BLE001 (optional: not every platform has every backend)
        pass
