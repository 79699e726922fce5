; Inno Setup 6 script: per-user installer of Fibre Workbench for Windows.
;
; Build on Windows after packaging/build.py has produced dist\fibre-workbench\:
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\fibre-workbench.iss
; The installer is written to dist\installer\. It needs no administrator rights: it
; installs into %LOCALAPPDATA%\Programs\Fibre Workbench, adds a Start menu entry and an
; uninstaller (Settings > Apps), and associates .fwproj project files with the
; application for the current user only. Sign the executables before compiling this
; script and the installer after it (see packaging/README.md, "Code signing").

#define AppName "Fibre Workbench"
#define AppExeName "fibre-workbench.exe"
#define AppCliName "fibre-workbench-cli.exe"
#define BundleDir "..\..\dist\fibre-workbench"
; The version comes from the executable's version resource (packaging/version_info.txt,
; written from workbench.__version__ by packaging/build.py), so it is never typed twice.
#define AppVersion GetStringFileInfo(BundleDir + "\" + AppExeName, "ProductVersion")

[Setup]
; A fixed AppId keeps upgrades and the uninstaller tied to this application.
AppId={{7C1E3F52-6B2D-4C1A-9E57-2F0B8D4A6C31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Fibre Workbench project
VersionInfoVersion={#AppVersion}
; Per-user install: no UAC prompt, no administrator rights needed.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist\installer
OutputBaseFilename=fibre-workbench-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\fibre-workbench.ico
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "finnish"; MessagesFile: "compiler:Languages\Finnish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: both executables and the _internal folder.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Registry]
; .fwproj -> FibreWorkbench.Project, for the current user (HKCU\Software\Classes through
; HKA, which is HKCU in a per-user install). Removed again by the uninstaller.
Root: HKA; Subkey: "Software\Classes\.fwproj"; ValueType: string; ValueName: ""; ValueData: "FibreWorkbench.Project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.fwproj\OpenWithProgids"; ValueType: string; ValueName: "FibreWorkbench.Project"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\FibreWorkbench.Project"; ValueType: string; ValueName: ""; ValueData: "Fibre Workbench project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\FibreWorkbench.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExeName},0"
Root: HKA; Subkey: "Software\Classes\FibreWorkbench.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}\SupportedTypes"; ValueType: string; ValueName: ".fwproj"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Files written after installation inside the bundle (byte-code caches the built-in
; plugins may leave beside their sources). _internal holds only our files; the user's
; own data (%APPDATA%\FibreWorkbench: plugins, templates, logs) is kept.
Type: filesandordirs; Name: "{app}\_internal"
