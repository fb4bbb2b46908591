; Inno Setup script for the Windows build (not verified on this Linux build machine).
; Build the one-folder bundle first on Windows:  python packaging\build.py --variant lite
; then compile this script:  iscc packaging\windows\jaso.iss /DVersion=0.1.0
#ifndef Version
  #define Version "0.0.0"
#endif
#ifndef Variant
  #define Variant "lite"
#endif

[Setup]
AppId={{6F1F6C8E-5A55-4B8B-9D7E-4A4A6A0F1C11}
AppName=Jaso
AppVersion={#Version}
DefaultDirName={autopf}\Jaso
DefaultGroupName=Jaso
OutputDir=..\..\dist
OutputBaseFilename=jaso-{#Version}-windows-x86_64-{#Variant}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=lowest

[Files]
; The whole PyInstaller folder. llama.cpp built with MSVC needs the OpenMP runtime
; (vcomp140.dll): PyInstaller collects it when it sits next to llama.dll; the build script
; copies it from the Visual C++ redistributable folder when it does not.
Source: "..\..\build\pyi-dist-{#Variant}\jaso\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Jaso"; Filename: "{app}\jaso.exe"
Name: "{autodesktop}\Jaso"; Filename: "{app}\jaso.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\jaso.exe"; Parameters: "--self-test"; Flags: runhidden waituntilterminated; StatusMsg: "Checking the installation..."
