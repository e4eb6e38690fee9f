# Shared by deploy/local/up, down, demo and mailbox (bash; sourced, not run).
# Knows the run folder layout, the components and how to tell whether one of OUR processes is alive.

MASH_LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MASH_ROOT="$(cd "$MASH_LOCAL_DIR/../.." && pwd)"
MASH_RUN="${MASH_RUN_DIR:-$MASH_ROOT/.run}"
MASH_PIDS="$MASH_RUN/pids"
MASH_LOGS="$MASH_RUN/logs"
MASH_ISSUER="$MASH_RUN/issuer" # the local development issuer's key pair (deploy/local/token)
MASH_VERSION="0.1.0-SNAPSHOT"

MASH_SERVICES="referral-intake triage-service case-service notification-service"
# The local OAuth2/OIDC provider (deploy/auth-server): staff sign in there; partners may get tokens there too. Its
# issuer is partners.json's "issuer", so its tokens and deploy/local/token's carry the same iss (and the same key).
MASH_AUTH="auth"
MASH_SIGN_IN_ISSUER="http://127.0.0.1:9000"
MASH_MAIL_API_PORT=8025 # GreenMail's REST API (deploy/local/mailbox reads the messages back through it)

# Port of each component (the services read PORT; Kafka, Mongo and mail ports are fixed for the local stack).
# Brokers: 9092, 9094, 9096; each one's KRaft controller listens on the port above (mash_controller_port).
mash_port() {
  case "$1" in
    kafka|kafka-1) echo 9092 ;;
    kafka-2) echo 9094 ;;
    kafka-3) echo 9096 ;;
    mongo) echo 27017 ;;
    mail) echo 3025 ;;
    auth) echo 9000 ;;
    referral-intake) echo 8081 ;;
    triage-service) echo 8082 ;;
    case-service) echo 8083 ;;
    notification-service) echo 8084 ;;
    *) echo "unknown component $1" >&2; return 1 ;;
  esac
}

mash_controller_port() { echo $(( $(mash_port "$1") + 1 )); }

# The brokers of this mode as a bootstrap list (what KAFKA_BOOTSTRAP_SERVERS defaults to).
mash_kafka_bootstrap() {
  local name list=""
  for name in $MASH_KAFKA; do list="$list,127.0.0.1:$(mash_port "$name")"; done
  echo "${list#,}"
}

MASH_T0="$(date +%s)"
# Progress line with the seconds elapsed since the script started.
say() { printf '[%3ss] %s\n' "$(( $(date +%s) - MASH_T0 ))" "$*"; }
warn() { printf '[%3ss] %s\n' "$(( $(date +%s) - MASH_T0 ))" "$*" >&2; }

# The Maven module of a component started from a Boot jar, and the jar (the services' modules are named after them).
module_dir() { case "$1" in auth) echo "deploy/auth-server" ;; *) echo "$1" ;; esac; }
jar_of() {
  local artifact="$1"
  [ "$1" = auth ] && artifact=local-auth-server
  echo "$MASH_ROOT/$(module_dir "$1")/target/$artifact-$MASH_VERSION-exec.jar"
}

# An application's Boot jar extracted under its module's target/, so a new build replaces it: its libraries as plain
# jars (a third less CPU to start than the nested jars of a Boot jar, and what the JDK's AOT cache covers), the
# project's own code apart (the application's classes, platform's jar), and the main class; started through
# deploy/local/Launch.
app_dir() { echo "$MASH_ROOT/$(module_dir "$1")/target/local-app"; }
# True when the extract is of this build (its main-class file, written last, is newer than the Boot jar).
extracted() { [ -f "$(app_dir "$1")/main-class" ] && [ "$(app_dir "$1")/main-class" -nt "$(jar_of "$1")" ]; }
# Extracts the Boot jar when the build is newer than the extract. A library jar the last extract has with the same
# size, time and CRC (its zip entry's, kept in lib.crc) is linked from it rather than copied, and every jar gets its
# entry's time, so an unchanged library is the same file to the JVM after every build (the AOT cache checks size and
# time); the project's own jars are always copied. Writes the libraries (the class
# path, in the Boot jar's order), the project's own jars and classes (platform's jar: every jar of this version) and
# the main class. Only deploy/local/up calls it, for an application it is about to start (so none runs from the old
# extract). Written under a name of its own and renamed, so an extract stopped half-way is never used.
extract_app() { # name
  extracted "$1" && return 0
  local dir tmp; dir="$(app_dir "$1")"; tmp="$dir.tmp.$BASHPID"
  rm -rf "$tmp"
  python3 - "$(jar_of "$1")" "$dir" "$tmp" "-$MASH_VERSION.jar" <<'PY' || { rm -rf "$tmp"; return 1; }
import calendar, os, shutil, sys, zipfile
boot, final, tmp, own_suffix = sys.argv[1:]
crcs = {}  # of the last extract's library jars, by name
if os.path.isfile(os.path.join(final, "lib.crc")):
    with open(os.path.join(final, "lib.crc")) as f:
        crcs = dict(line.split() for line in f if line.strip())
jar = zipfile.ZipFile(boot)
manifest = jar.read("META-INF/MANIFEST.MF").decode().replace("\r\n", "\n").replace("\n ", "")
start_class = dict(l.split(": ", 1) for l in manifest.splitlines() if ": " in l)["Start-Class"]
order = [l.split('"')[1] for l in jar.read("BOOT-INF/classpath.idx").decode().splitlines() if l.startswith("- ")]
os.makedirs(os.path.join(tmp, "lib"))
for entry in jar.infolist():
    name = entry.filename
    if not name.startswith(("BOOT-INF/classes/", "BOOT-INF/lib/")):
        continue
    target = os.path.join(tmp, name[len("BOOT-INF/"):])
    if entry.is_dir():
        os.makedirs(target, exist_ok=True)
        continue
    os.makedirs(os.path.dirname(target), exist_ok=True)
    when = calendar.timegm(entry.date_time + (0, 0, 0))
    before = os.path.join(final, name[len("BOOT-INF/"):])
    if name.startswith("BOOT-INF/lib/") and not name.endswith(own_suffix) and os.path.isfile(before) \
            and os.path.getsize(before) == entry.file_size and os.path.getmtime(before) == when \
            and crcs.get(name) == str(entry.CRC):
        try:
            os.link(before, target)
            continue
        except OSError:
            pass  # no hard links here: copied below
    with jar.open(entry) as source, open(target, "wb") as out:
        shutil.copyfileobj(source, out, 1 << 20)
    os.utime(target, (when, when))
def write(name, paths):
    with open(os.path.join(tmp, name), "w") as f:
        f.write(":".join(os.path.join(final, p[len("BOOT-INF/"):]) for p in paths) + "\n")
write("libraries", [p for p in order if not p.endswith(own_suffix)])
write("own", ["BOOT-INF/classes/"] + [p for p in order if p.endswith(own_suffix)])
with open(os.path.join(tmp, "lib.crc"), "w") as f:
    f.writelines(f"{e.filename} {e.CRC}\n" for e in jar.infolist() if e.filename.startswith("BOOT-INF/lib/"))
with open(os.path.join(tmp, "main-class"), "w") as f:
    f.write(start_class + "\n")
PY
  if extracted "$1"; then rm -rf "$tmp"; return 0; fi # another up's extract finished first
  rm -rf "$dir"
  mv "$tmp" "$dir"
}
# The JDK AOT cache of an application for one set of JVM options (JEP 483/514; deploy/local/aot-train makes it), beside
# its extract so that it outlives builds (deploy/local/Launch keeps the project's own code off the class path), with
# the stamp of what it was trained with beside it; one per set of options, so the benchmark's MASH_JIT=full and the
# default each keep theirs.
app_cache() { # name jvm-option...
  local name="$1"; shift
  echo "$(app_dir "$name").$(printf '%s ' "$@" | cksum | cut -d' ' -f1).aot"
}
# The jar deploy/local/Launch runs from, compiled by deploy/local/up once per version of its source, outside the run
# folder (the caches, which outlive run folders, have it on their class path).
launcher_jar() { echo "$MASH_LOCAL_DIR/target/launch/launch.jar"; }
# What a cache was trained with, a stricter stand-in for what the JVM checks it against: the JDK (its java and its JVM
# library, by size and time), the JVM options, and every jar on the class path (by size and time, as the JVM does).
aot_stamp() { # name jvm-option...
  local name="$1" java libraries; shift
  java="$(readlink -f "$(command -v java)")"
  IFS=: read -ra libraries < "$(app_dir "$name")/libraries"
  printf '%s\n' "$@"
  stat -c '%n %s %Y' "$java" "$(dirname "$(dirname "$java")")/lib/server/libjvm.so" "$(launcher_jar)" "${libraries[@]}" \
    2>/dev/null || true # a JDK laid out otherwise: its other lines still hold
}
# True when the application's cache was trained with what it would start with now (the same stamp): every build of
# the project's own code keeps it; a change of library, JDK or JVM option needs a new one.
aot_ready() { # name jvm-option...
  local cache; cache="$(app_cache "$@")"
  extracted "$1" && [ -f "$cache" ] && [ -f "$(launcher_jar)" ] \
    && [ "$(cat "$cache.stamp" 2>/dev/null)" = "$(aot_stamp "$@")" ]
}
# What follows `java <jvm options>` to start an application through deploy/local/Launch.
launch_args() { # name
  local dir; dir="$(app_dir "$1")"
  printf '%s\n' -cp "$(launcher_jar):$(cat "$dir/libraries")" Launch "$(cat "$dir/own")" "$(cat "$dir/main-class")"
}
# The local store's _id lookup and write ordering are platform's test-support PinnedIdIndex and WritesInTurn, the tests'
# store's too (one copy): prints their classes' folder, compiling them first if a build has not (test classes are
# compiled even with -DskipTests). For deploy/local/up and bench-store.
store_support() {
  local dir="$MASH_ROOT/platform/target/test-classes"
  [ -f "$dir/org/mashfrontdoor/platform/testsupport/PinnedIdIndex.class" ] \
    && [ -f "$dir/org/mashfrontdoor/platform/testsupport/WritesInTurn.class" ] \
    || (cd "$MASH_ROOT" && ./mvnw -q -pl platform test-compile >&2) || return 1
  echo "$dir"
}
# A JVM's compiler option from a setting (variable, default), for deploy/local/up and bench-store: c1 is C1 only
# (-XX:TieredStopAtLevel=1: quicker to start, smaller on two cores), full the JVM's tiered C2 (peak speed under
# sustained load). MASH_JIT (default c1) sets the services', the provider's, Kafka's and the mail server's;
# MASH_STORE_JIT (default full) the store's: it runs for the whole session and takes more CPU under load than anything
# else. Kafka gained nothing measurable from C2 and was ready 2-3 s later with it (docs/performance.md, "case-service
# commits once per poll, and the store on C2").
jit_option() { # variable default
  local value="${!1:-$2}"
  case "$value" in
    c1) echo "-XX:TieredStopAtLevel=1" ;;
    full) echo "-XX:+TieredCompilation" ;; # the JVM's default; never empty, for bash before 4.4 under set -u
    *) echo "$1 must be c1 or full, not $value" >&2; return 2 ;;
  esac
}
# The AOT training processes deploy/local/up starts in the background (deploy/local/aot-train).
MASH_AOT_TRAINING="$(for name in $MASH_AUTH $MASH_SERVICES; do printf '%s-aot ' "$name"; done)"

pid_file() { echo "$MASH_PIDS/$1.pid"; }
log_file() { echo "$MASH_LOGS/$1.log"; }

# Every process up starts carries -Dmash.local.component=<name> (a non-Java one, such as Prometheus: its folder
# .run/<name>/ in its arguments), so a recycled PID is never mistaken for ours.
is_ours() { # pid name
  local args
  args="$(ps -p "$1" -o args= 2>/dev/null)" || return 1
  # The space after the name: kafka's PID file must not accept a kafka-1 process.
  case "$args" in *"-Dmash.local.component=$2 "*|*"$MASH_RUN/$2/"*) return 0 ;; *) return 1 ;; esac
}

# Prints the PID of a live component started by up; removes a stale PID file.
live_pid() { # name
  local f pid
  f="$(pid_file "$1")"
  [ -s "$f" ] || return 1
  pid="$(cat "$f")"
  if is_ours "$pid" "$1"; then
    echo "$pid"
    return 0
  fi
  rm -f "$f"
  return 1
}

# Kafka: one node (component kafka) by default, as always; KAFKA_BROKERS=3 runs a three-node KRaft cluster instead
# (components kafka-1..kafka-3, each broker and controller), so losing a broker can be tried here (broker-loss).
# KAFKA_BROKERS unset: whichever mode runs now (so down, soak, dlt and up itself follow a running cluster).
MASH_KAFKA_BROKERS="${KAFKA_BROKERS:-}"
if [ -z "$MASH_KAFKA_BROKERS" ]; then
  MASH_KAFKA_BROKERS=1
  for name in kafka-1 kafka-2 kafka-3; do live_pid "$name" >/dev/null && MASH_KAFKA_BROKERS=3; done
fi
case "$MASH_KAFKA_BROKERS" in
  1) MASH_KAFKA="kafka" ;;
  3) MASH_KAFKA="kafka-1 kafka-2 kafka-3" ;;
  *) echo "KAFKA_BROKERS must be 1 or 3 (is '$MASH_KAFKA_BROKERS')" >&2; exit 64 ;;
esac
MASH_KAFKA_ALL="kafka kafka-1 kafka-2 kafka-3" # every broker name of either mode: down stops them all
# The store: MONGODB_URI set means a MongoDB someone else runs, so up starts none (component mongo: the embedded
# stand-in, or a real mongod when one is on the PATH).
MASH_STORE="mongo"
[ -z "${MONGODB_URI:-}" ] || MASH_STORE=""
MASH_INFRA="$MASH_KAFKA $MASH_STORE mail"

port_open() { # port
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# ---- JSON on stdin: jq when installed, else python3 (always there) ----------------------------------------
# MASH_NO_JQ=1 forces the python3 path (to try it where jq is installed).
have_jq() { [ "${MASH_NO_JQ:-0}" != 1 ] && command -v jq >/dev/null 2>&1; }

json_pretty() {
  if have_jq; then jq .; else python3 -m json.tool; fi
}

# The top-level field $1 of an object, raw (strings unquoted, booleans true/false); empty when absent or null.
json_field() {
  if have_jq; then
    jq -r --arg f "$1" 'if type == "object" and has($f) and .[$f] != null then .[$f] else empty end'
  else
    python3 -c '
import json, sys
d = json.load(sys.stdin)
v = d.get(sys.argv[1]) if isinstance(d, dict) else None
if v is not None:
    print(json.dumps(v) if isinstance(v, (dict, list)) else (str(v).lower() if isinstance(v, bool) else v))
' "$1"
  fi
}

# Succeeds when stdin is an array with an element whose field $1 equals $2.
json_array_has() {
  if have_jq; then
    jq -e --arg k "$1" --arg v "$2" 'type == "array" and any(.[]; (.[$k] | tostring) == $v)' >/dev/null
  else
    python3 -c '
import json, sys
d = json.load(sys.stdin)
sys.exit(0 if isinstance(d, list) and any(isinstance(e, dict) and str(e.get(sys.argv[1])) == sys.argv[2] for e in d) else 1)
' "$1" "$2"
  fi
}

# Number of elements of the array on stdin (0 when it is not an array).
json_length() {
  if have_jq; then jq 'if type == "array" then length else 0 end'
  else python3 -c 'import json, sys; d = json.load(sys.stdin); print(len(d) if isinstance(d, list) else 0)'
  fi
}

# One tab-separated row per element of the array on stdin, with the fields named in the arguments.
json_rows() {
  if have_jq; then
    jq -r --args '.[] as $e | [$ARGS.positional[] | (if $e[.] == null then "" else ($e[.] | tostring) end)] | @tsv' "$@"
  else
    python3 -c '
import json, sys
for e in json.load(sys.stdin):
    row = []
    for k in sys.argv[1:]:
        v = e.get(k)
        row.append("" if v is None else (str(v).lower() if isinstance(v, bool) else str(v)))
    print("\t".join(row))
' "$@"
  fi
}

http_health_up() { # port: the overall status (not a component's) is UP
  local body
  body="$(curl -fsS --max-time 2 "http://127.0.0.1:$1/actuator/health" 2>/dev/null)" || return 1
  [ "$(printf '%s' "$body" | json_field status 2>/dev/null)" = UP ]
}
