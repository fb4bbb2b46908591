# kernels (Hugging Face's hub kernels) is a dependency of transformers, which imports it when any
# model class loads (transformers.activations -> integrations.hub_kernels); its __init__ reads
# _internals/python_depends.json, so without the package's data files every model load of the
# gpu build failed ("Cannot load dependency data, is `kernels` correctly installed?"), found by
# the self-test's transformers step.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("kernels", includes=["**/*.json"])
