# llama-cpp-python loads libllama (and libmtmd) from llama_cpp/lib with ctypes: PyInstaller cannot
# see that, so they are collected here. Each library is installed three times (libx.so,
# libx.so.0, libx.so.0.25.3); only the name ctypes opens and the soname the others link
# against are kept, which saves about 15 MB.
import re
from pathlib import Path

from PyInstaller.utils.hooks import get_package_paths

_, package = get_package_paths("llama_cpp")
binaries = [
    (str(path), "llama_cpp/lib")
    for path in sorted(Path(package, "lib").glob("lib*.so*"))
    if re.fullmatch(r"lib[\w-]+\.so(\.\d+)?", path.name)
]
