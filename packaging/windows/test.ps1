# Test the Windows build as a user without Python meets it: the installer run per user without administrator rights
# (silently), the installed program used from a profile folder with spaces and non-ASCII letters, and the uninstaller
# leaving the store in place. Run after build.ps1, on a Windows machine or runner:
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\test.ps1
#
# Exits non-zero on the first failure, saying what failed.
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

function Fail([string]$What) {
    Write-Error "pakkettest: MISLUKT: $What"
    exit 1
}

$repo = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
$setup = Get-ChildItem (Join-Path $repo "build\packaging\installer\Makelaar-*-setup.exe") | Select-Object -First 1
if (-not $setup) { Fail "geen installatieprogramma in build\packaging\installer (build.ps1)" }

$root = Join-Path ([System.IO.Path]::GetTempPath()) ("makelaar test " + [guid]::NewGuid().ToString("N").Substring(0, 8))
# Written with character codes, so Windows PowerShell 5.1 (which reads a script without BOM as ANSI) gets them too.
$e = [char]0x00EB  # e with diaeresis
$ij = [char]0x0132  # the Dutch IJ ligature
$home_ = Join-Path $root "x y\Zo$e ${ij}sselmeer"
$app = Join-Path $home_ "Programma's\Make laar"
New-Item -ItemType Directory -Force -Path $home_ | Out-Null

# Per user, silent, into a folder with spaces and non-ASCII letters; no administrator rights asked.
Write-Host "[pakkettest] installeren in $app"
$p = Start-Process -FilePath $setup.FullName -Wait -PassThru -ArgumentList @(
    "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/CURRENTUSER", "/DIR=`"$app`"", "/LOG=`"$root\setup.log`"")
if ($p.ExitCode -ne 0) { Fail "installeren stopte met code $($p.ExitCode)" }
$cli = Join-Path $app "makelaar-cli.exe"
foreach ($f in @($cli, (Join-Path $app "Makelaar.exe"))) { if (-not (Test-Path $f)) { Fail "$f ontbreekt" } }
$shortcut = Join-Path ([Environment]::GetFolderPath("Programs")) "Makelaar.lnk"
if (-not (Test-Path $shortcut)) { Fail "geen snelkoppeling in het startmenu ($shortcut)" }

# The program, with no Python on PATH and the store in a folder like a user's with a non-ASCII name.
$env:PATH = "$env:SystemRoot\system32;$env:SystemRoot"
Remove-Item Env:PYTHONPATH, Env:PYTHONHOME, Env:VIRTUAL_ENV -ErrorAction SilentlyContinue
$env:MAKELAAR_HOME = Join-Path $home_ "AppData\Local\Makelaar"
function Run([string]$Name, [string[]]$Arguments) {
    Write-Host "[pakkettest] ${Name}: makelaar-cli $($Arguments -join ' ')"
    $ErrorActionPreference = "Continue"  # a line on stderr is output to show, not a reason to stop
    $output = & $cli @Arguments 2>&1
    $output | ForEach-Object { Write-Host "  $_" }
    if ($LASTEXITCODE -ne 0) { Fail "${Name}: makelaar-cli $($Arguments -join ' ') stopte met code $LASTEXITCODE" }
    return ($output -join "`n")
}
$out = Run "versie" @("--version")
if ($out -notmatch "EUPL-1.2") { Fail "--version noemt de licentie niet" }
Run "nieuwe database" @("db", "upgrade") | Out-Null
$store = Join-Path $env:MAKELAAR_HOME "makelaar.sqlite"
if (-not (Test-Path $store)) { Fail "db upgrade maakte geen database in $store" }
Run "voorbeeldgegevens" @("demo") | Out-Null
$pdf = Join-Path $home_ "Rapporten van Zo$e\overzicht 2026.pdf"
New-Item -ItemType Directory -Force -Path (Split-Path $pdf) | Out-Null
Run "rapport" @("report", "overview", "--from", "01-01-2026", "--to", "31-12-2026", "-o", $pdf) | Out-Null
$head = [System.Text.Encoding]::ASCII.GetString([System.IO.File]::ReadAllBytes($pdf)[0..4])
if ($head -ne "%PDF-") { Fail "$pdf is geen PDF" }
Run "back-up" @("db", "backup") | Out-Null
if (-not (Get-ChildItem (Join-Path $env:MAKELAAR_HOME "backups\*.sqlite"))) { Fail "geen back-up in de map backups" }

# The window: started, still running after a few seconds (offscreen needs no desktop session on the runner).
$env:QT_QPA_PLATFORM = "offscreen"
$gui = Start-Process -FilePath (Join-Path $app "Makelaar.exe") -PassThru
Start-Sleep -Seconds 8
if ($gui.HasExited) { Fail "Makelaar.exe stopte meteen (code $($gui.ExitCode))" }
Stop-Process -Id $gui.Id -Force
Remove-Item Env:QT_QPA_PLATFORM

# Uninstall: the program goes, the store and its backups stay.
$uninstaller = Join-Path $app "unins000.exe"
$p = Start-Process -FilePath $uninstaller -Wait -PassThru -ArgumentList @("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART")
if ($p.ExitCode -ne 0) { Fail "verwijderen stopte met code $($p.ExitCode)" }
Start-Sleep -Seconds 2  # the uninstaller removes its own copy just after it ends
if (Test-Path $cli) { Fail "na verwijderen staat het programma er nog" }
if (-not (Test-Path $store)) { Fail "verwijderen heeft de database weggehaald" }
if (-not (Get-ChildItem (Join-Path $env:MAKELAAR_HOME "backups\*.sqlite"))) { Fail "verwijderen heeft de back-ups weggehaald" }
Write-Host "[pakkettest] geslaagd"
