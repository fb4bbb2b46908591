# pdfminer.six reads Adobe's CMaps from data files inside the package when a PDF's font is not
# embedded. Only the Korean ones ship (1.9 of the 7.9 MB): Korean PDFs use them; Japanese and
# Chinese ones with non-embedded fonts are not what this app imports.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files(
    "pdfminer",
    includes=["cmap/*KSC*", "cmap/UniKS-*", "cmap/*Korea1*", "cmap/README.txt"],
)
