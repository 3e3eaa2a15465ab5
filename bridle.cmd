@echo off
rem Runs bridle on Windows, building its jar first when it is missing or older than the sources.
rem Usage: bridle.cmd [command] [options]   (bridle.cmd --help lists the commands)
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%bridle-cli\target\bridle.jar"
set "BUILD="
if not exist "%JAR%" set "BUILD=1"
if not defined BUILD (
  for /f "delims=" %%F in ('powershell -NoProfile -Command "$j=(Get-Item -LiteralPath $env:JAR).LastWriteTime; Get-ChildItem -LiteralPath $env:HERE -Recurse -File -Include pom.xml,*.java,*.properties,*.stix2,*.txt | Where-Object { $_.FullName -notmatch '\\target\\' -and $_.LastWriteTime -gt $j } | Select-Object -First 1 -ExpandProperty FullName"') do set "BUILD=1"
)
if defined BUILD (
  echo bridle: building ^(first run, or sources changed^)... 1>&2
  pushd "%HERE%"
  call mvnw.cmd -q -B -DskipTests -pl bridle-cli -am package 1>&2
  if errorlevel 1 (
    popd
    echo bridle: the build failed; run "mvnw.cmd -pl bridle-cli -am package" to see why. 1>&2
    exit /b 1
  )
  popd
)
rem The class data archive the build wrote beside the jar, when it is there (docs\PERFORMANCE.md, "Class data
rem archive"); a JVM that cannot use it, being of another version, ignores it without a word.
set "ARCHIVE=%HERE%bridle-cli\target\bridle.jsa"
set "CDS="
if exist "%ARCHIVE%" set CDS="-XX:SharedArchiveFile=%ARCHIVE%" -Xlog:cds=off -Xlog:cds+dynamic=off
rem JVM options, unless BRIDLE_JAVA_OPTS is set: the line of jvm.options (why: docs\PERFORMANCE.md, "End to end")
if not defined BRIDLE_JAVA_OPTS set /p BRIDLE_JAVA_OPTS=<"%HERE%jvm.options"
java %BRIDLE_JAVA_OPTS% %CDS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
