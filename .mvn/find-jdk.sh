# Sourced by ./mvnw, .ci/run and deploy/local scripts (POSIX sh).
# Picks a JDK >= 21: JAVA_HOME if it qualifies, else `java` on PATH, else the newest under /usr/lib/jvm
# or /opt/java. Exports JAVA_HOME and puts its bin first on PATH; stops with a plain message if none exists.
mash_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
mash_pick_jdk() {
  for candidate in "${JAVA_HOME:-}" \
      "$(command -v java >/dev/null 2>&1 && dirname "$(dirname "$(readlink -f "$(command -v java)")")")" \
      $(ls -d /usr/lib/jvm/* /opt/java/* 2>/dev/null | sort -r); do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(mash_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
if mash_jdk=$(mash_pick_jdk); then
  JAVA_HOME="$mash_jdk"
  PATH="$JAVA_HOME/bin:$PATH"
  export JAVA_HOME PATH
else
  echo "MASH Front Door needs a JDK 21 or newer and found none (looked at JAVA_HOME, java on PATH, /usr/lib/jvm, /opt/java)." >&2
  echo "Install one (for example: apt-get install openjdk-21-jdk-headless, or a Temurin 21+ JDK) or set JAVA_HOME to it." >&2
  exit 1
fi
