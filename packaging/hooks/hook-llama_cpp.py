# llama-cpp-python loads libllama (and libmtmd) from llama_cpp/lib with ctypes: PyInstaller cannot
# see that, so they are collected here. Each library is installed three times (libx.so,
# libx.so.0, libx.so.0.25.3); only the name ctypes opens and the soname the others link
# against are kept, which saves about 15 MB. libmtmd (multimodal projectors, 1.7 MB) is left
# out: llama_cpp opens it only for image chat handlers, which the app does not use. The CPU
# variant libraries (libggml-cpu-<level>.so, desktop/engine/cpu_variants.py) come along.
import re
from pathlib import Path

from PyInstaller.utils.hooks import get_package_paths

_, package = get_package_paths("llama_cpp")
binaries = [
    (str(path), "llama_cpp/lib")
    for path in sorted(Path(package, "lib").glob("lib*.so*"))
    if re.fullmatch(r"lib[\w-]+\.so(\.\d+)?", path.name) and not path.name.startswith("libmtmd")
]
