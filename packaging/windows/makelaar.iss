; Inno Setup 6 script: Makelaar for one user, without administrator rights.
;
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\build\packaging\dist\Makelaar /DOutputDir=..\..\build\packaging\installer makelaar.iss
;
; (packaging/windows/build.ps1 does this after PyInstaller.) The program goes to %LOCALAPPDATA%\Programs\Makelaar
; with a start-menu entry. The store is not the program's: Makelaar keeps it in %LOCALAPPDATA%\Makelaar (platformdirs'
; user data folder), with its backups beside it, and the window settings in HKCU\Software\Makelaar. The installer
; does not install anything there and the uninstaller removes only what the installer put in {app}, so uninstalling
; (or installing a newer version over this one) keeps the broker's data.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\packaging\dist\Makelaar"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\build\packaging\installer"
#endif

[Setup]
; The AppId ties versions together: a new version replaces the old one in place. Never change it.
AppId={{6C1F3E0A-8E47-4B4B-9D0B-5A2C7F1D9E31}
AppName=Makelaar
AppVersion={#AppVersion}
AppVerName=Makelaar {#AppVersion}
AppPublisher=Makelaar
AppComments=Ideeën van bewoners registreren, organisaties vinden en koppelen
; Per user, no administrator rights: {autopf} is then %LOCALAPPDATA%\Programs. An IT department that wants one
; installation for all users can still choose that in the dialog, or with /ALLUSERS in a silent install.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\Makelaar
DefaultGroupName=Makelaar
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
OutputDir={#OutputDir}
OutputBaseFilename=Makelaar-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern
UninstallDisplayName=Makelaar
UninstallDisplayIcon={app}\Makelaar.exe
; A running Makelaar is asked to close first (Restart Manager), so no file is in use during an update.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A previous version's libraries go before the new ones arrive (a stale DLL next to new ones is a crash).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Makelaar"; Filename: "{app}\Makelaar.exe"; Comment: "Ideeën van bewoners registreren, organisaties vinden en koppelen"
Name: "{autodesktop}\Makelaar"; Filename: "{app}\Makelaar.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Makelaar.exe"; Description: "{cm:LaunchProgram,Makelaar}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entries: the uninstaller leaves %LOCALAPPDATA%\Makelaar (the store and its backups) alone.
