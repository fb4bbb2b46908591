# llama-cpp-python loads libllama/libggml from llama_cpp/lib with ctypes: PyInstaller cannot see
# that, so the shared libraries are collected here, keeping their folder.
from PyInstaller.utils.hooks import collect_data_files, collect_dynamic_libs

binaries = collect_dynamic_libs("llama_cpp")
datas = collect_data_files("llama_cpp", includes=["lib/*"])
