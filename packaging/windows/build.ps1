# Build Makelaar for Windows: the program folder (PyInstaller, packaging/makelaar.spec) and the installer (Inno
# Setup, packaging/windows/makelaar.iss). Run from any folder, in PowerShell 5.1 or 7:
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-Python py] [-NoInstaller]
#
# Needs Python 3.11 (64-bit, from python.org or the runner's setup-python) and, for the installer, Inno Setup 6
# (ISCC.exe on PATH or in its default folder; "choco install innosetup" or "winget install JRSoftware.InnoSetup").
# Result: build\packaging\dist\Makelaar\Makelaar.exe (window), makelaar-cli.exe (command line), and
# build\packaging\installer\Makelaar-VERSION-setup.exe.
param(
    [string]$Python = "python",
    [switch]$NoInstaller
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

function Fail([string]$What) {
    Write-Error "build: MISLUKT: $What"
    exit 1
}
function Check([string]$What) {
    if ($LASTEXITCODE -ne 0) { Fail $What }
}

$started = Get-Date
$repo = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
$out = Join-Path $repo "build\packaging"
$venv = Join-Path $out "venv"
$stage = Join-Path $out "stage"
$dist = Join-Path $out "dist\Makelaar"
New-Item -ItemType Directory -Force -Path $out | Out-Null

# --- the build venv: Makelaar (a real install, not editable) and PyInstaller ------------------------------------------
if (-not (Test-Path (Join-Path $venv "Scripts\python.exe"))) {
    Write-Host "[build] build-venv maken"
    & $Python -m venv $venv; Check "python -m venv"
}
$py = Join-Path $venv "Scripts\python.exe"
Write-Host "[build] Makelaar en PyInstaller installeren (pip install .[packaging])"
& $py -m pip install --disable-pip-version-check -q --upgrade "$repo[packaging]"; Check "pip install .[packaging]"
& $py -m pip install --disable-pip-version-check -q --no-deps --force-reinstall $repo; Check "pip install ."

# --- generated files: build-info.json, version-info.txt, THIRD-PARTY-LICENSES.txt ------------------------------------
if (Test-Path $stage) { Remove-Item -Recurse -Force $stage }
$commit = ""
try { $commit = (git -C $repo rev-parse --short HEAD 2>$null) } catch { $commit = "" }
$version = (& $py (Join-Path $repo "packaging\stage.py") $stage "$commit"); Check "build-info.json"
Push-Location $stage
try {
    & $py -m makelaar.buildinfo third-party (Join-Path $stage "THIRD-PARTY-LICENSES.txt"); Check "THIRD-PARTY-LICENSES.txt"
} finally { Pop-Location }

# --- PyInstaller -------------------------------------------------------------------------------------------------------
Write-Host "[build] PyInstaller (packaging/makelaar.spec)"
if (Test-Path $dist) { Remove-Item -Recurse -Force $dist }
$env:MAKELAAR_STAGE = $stage
Push-Location $out
try {
    & (Join-Path $venv "Scripts\pyinstaller.exe") --noconfirm --clean --log-level WARN `
        --distpath (Join-Path $out "dist") --workpath (Join-Path $out "work") (Join-Path $repo "packaging\makelaar.spec")
    Check "PyInstaller"
} finally { Pop-Location }
foreach ($f in @("Makelaar.exe", "makelaar-cli.exe", "_internal\makelaar\_migrations\env.py",
                 "_internal\makelaar\_resources\fonts\DejaVuSans.ttf",
                 "_internal\makelaar\_resources\THIRD-PARTY-LICENSES.txt",
                 "_internal\PySide6\plugins\platforms\qwindows.dll")) {
    if (-not (Test-Path (Join-Path $dist $f))) { Fail "$f ontbreekt in de build" }
}
# Nothing of Qt that Makelaar does not use.
$unwanted = Get-ChildItem -Recurse -File $dist | Where-Object {
    $_.Name -match '^(Qt6WebEngine|Qt63D|Qt6Multimedia|Qt6Qml|Qt6Quick|Qt6VirtualKeyboard|Qt6Charts)'
}
if ($unwanted) { Fail ("Qt-onderdelen die Makelaar niet gebruikt zitten in de build: " + ($unwanted.Name -join ", ")) }

$bytes = (Get-ChildItem -Recurse -File $dist | Measure-Object -Sum Length).Sum
Write-Host ("[build] programma: {0} ({1:N0} MB)" -f $dist, ($bytes / 1MB))

# --- the installer -----------------------------------------------------------------------------------------------------
if (-not $NoInstaller) {
    $iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
    if (-not $iscc) {
        foreach ($candidate in @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
                                 "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe")) {
            if (Test-Path $candidate) { $iscc = $candidate; break }
        }
    }
    if (-not $iscc) { Fail "Inno Setup 6 (ISCC.exe) niet gevonden; installeer het of gebruik -NoInstaller" }
    Write-Host "[build] installatieprogramma (Inno Setup)"
    & $iscc /Q "/DAppVersion=$version" "/DSourceDir=$dist" "/DOutputDir=$(Join-Path $out 'installer')" `
        (Join-Path $PSScriptRoot "makelaar.iss")
    Check "Inno Setup"
    Get-ChildItem (Join-Path $out "installer") | ForEach-Object { Write-Host "[build] $($_.FullName)" }
}
Write-Host ("[build] klaar in {0:N0} s" -f ((Get-Date) - $started).TotalSeconds)
