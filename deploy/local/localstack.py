"""What the fault tests on the local stack share (soak.py, broker_loss.py): the stack's addresses, tokens, HTTP
calls, synthetic MARFs sent as a partner system must send them, and the broker's view (dead letters, leaders).

Their bash wrappers (deploy/local/soak, broker-loss) export MASH_LOCAL_DIR, MASH_RUN, MASH_PIDS, JAVA_HOME,
MASH_KAFKA_BOOTSTRAP (every broker of the running mode) and MASH_INFRA (lib.sh's component names).
"""
import datetime
import json
import os
import random
import subprocess
import threading
import time
import urllib.error
import urllib.request
import uuid

LOCAL = os.environ["MASH_LOCAL_DIR"]
RUN = os.environ["MASH_RUN"]
PIDS = os.environ["MASH_PIDS"]
BOOTSTRAP = os.environ.get("MASH_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
INFRA = os.environ.get("MASH_INFRA", "kafka mongo mail").split()
INTAKE, TRIAGE, CASES, ALERTS = (f"http://127.0.0.1:{p}" for p in (8081, 8082, 8083, 8084))
TOPICS = ("mash.referral.events", "mash.triage.events", "mash.case.events")
DLTS = [t + ".DLT" for t in TOPICS]
PARTNERS = ["police", "school", "health"]
REFUSED = (400, 401, 403, 413, 415, 422)  # answers a resend cannot change

started = time.time()
lock = threading.Lock()
children = []  # (nhs, dob, postcode) already sent, for linked MARFs


def log(message):
    print(f"[{int(time.time() - started):4d}s] {message}", flush=True)


def tokens(*names):
    out = subprocess.run([os.path.join(LOCAL, "token"), *names], check=True, capture_output=True, text=True).stdout
    return dict(zip(names, out.split()))


def call(method, url, token, body=None, headers=None, timeout=10):
    """(status, parsed JSON or None); status 0 when the service could not be reached."""
    status, answer, _ = call_with_headers(method, url, token, body, headers, timeout)
    return status, answer


def call_with_headers(method, url, token, body=None, headers=None, timeout=10):
    """(status, parsed JSON or None, response headers); status 0 when the service could not be reached."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Authorization", "Bearer " + token)
    request.add_header("Accept", "application/json")
    if body is not None:
        request.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            return response.status, (json.loads(raw) if raw else None), response.headers
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, (json.loads(raw) if raw else None), e.headers
        except ValueError:
            return e.code, None, e.headers
    except (OSError, urllib.error.URLError):
        return 0, None, {}


def nhs_number():
    while True:
        digits = [9, 9, 9] + [random.randint(0, 9) for _ in range(6)]
        check = 11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11
        check = 0 if check == 11 else check
        if check != 10:
            return "".join(map(str, digits)) + str(check)


def marf(partner, label="Soak"):
    """A MARF from `partner`; now and then about a child already referred (linked), now and then urgent."""
    with lock:
        linked = children and random.random() < 0.15
        child = random.choice(children) if linked else (nhs_number(), (datetime.date(2012, 1, 1)
            + datetime.timedelta(days=random.randint(0, 4000))).isoformat(), random.choice(
            ["HR1 2SY", "HR4 9EP", "HR1 2HQ", "HR2 7JE"]))
        if not linked:
            children.append(child)
    agency = {"police": "POLICE", "school": "SCHOOL", "health": "HEALTH_VISITOR"}[partner]
    body = {
        "referralType": "POLICE_NOTIFICATION" if partner == "police" else "MARF",
        "referrer": {"agency": agency, "organisation": label + " " + partner, "name": label + " Referrer",
                     "role": "Designated safeguarding lead", "email": "soak@example.org"},
        "children": [{"givenName": label, "familyName": "Child", "dateOfBirth": child[1], "nhsNumber": child[0],
                      "address": {"line1": "1 Soak Street", "town": "Hereford", "postcode": child[2]}}],
        "concern": {"categories": ["NEGLECT"], "summary": f"A {label.lower()}-test concern about the child's care at home.",
                    "immediateRisk": random.random() < 0.2},
        "consent": {"parentAware": True, "consentGiven": True},
    }
    if partner == "police":
        body["concern"]["categories"] = ["DOMESTIC_ABUSE"]
        body["domesticAbuse"] = {"dashRiskLevel": random.choice(["STANDARD", "MEDIUM", "HIGH"]),
                                 "childrenPresent": True, "childrenWitnessed": False,
                                 "childrenSeenSafeAndWell": True}
    else:
        body["concern"]["levelOfNeed"] = random.randint(2, 4)
    return body


class Accepted:
    """Distinct referral ids answered 202, by Idempotency-Key; a key answered with two ids is a duplicate."""

    def __init__(self):
        self.by_key = {}
        self.duplicated_keys = set()
        self.resends = 0

    def send_until_accepted(self, partner, token, give_up, label="Soak"):
        """Sends one MARF with a fresh Idempotency-Key, again with the same key until it is answered 202 (a
        killed intake, store or broker only delays it) or give_up() says to stop. Its referral id, or None."""
        key = str(uuid.uuid4())
        body = marf(partner, label)
        while not give_up():
            status, answer = call("POST", INTAKE + "/api/v1/referrals", token, body, {"Idempotency-Key": key})
            if status == 202 and answer and answer.get("referralId"):
                with lock:
                    if key in self.by_key and self.by_key[key] != answer["referralId"]:
                        self.duplicated_keys.add(key)
                    self.by_key[key] = answer["referralId"]
                return answer["referralId"]
            if status in REFUSED:
                log(f"intake refused a {label.lower()} MARF with {status}: {answer}")
                return None
            with lock:
                self.resends += 1
            time.sleep(0.5)  # intake, its store or the broker is away: send again with the same key
        return None

    def referrals(self):
        with lock:
            return sorted(set(self.by_key.values()))


def steady_load(rate, until, send):
    """send(partner) in a thread of its own for a random partner, `rate` times a second until `until`; then waits
    for the senders (each resends until answered)."""
    senders = []
    while time.time() < until:
        t = threading.Thread(target=send, args=(random.choice(PARTNERS),), daemon=True)
        t.start()
        senders.append(t)
        time.sleep(1 / rate)
    for t in senders:
        t.join(timeout=360)


def pid_of(name):
    try:
        with open(os.path.join(PIDS, name + ".pid")) as f:
            return int(f.read().strip())
    except (OSError, ValueError):
        return None


def up():
    """deploy/local/up (no build): restarts whatever is not running. (ok, its output)."""
    env = dict(os.environ, MASH_SKIP_BUILD="1")
    result = subprocess.run([os.path.join(LOCAL, "up")], env=env, capture_output=True, text=True)
    return result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def kafka_tool(program, *args):
    """Runs a single-file Java program of deploy/local on the stack's Kafka client classpath; its stdout."""
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java")
    with open(os.path.join(RUN, "classpath.txt")) as f:
        classpath = f.read().strip()
    return subprocess.run([java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                           "-cp", classpath, os.path.join(LOCAL, program), BOOTSTRAP, *args],
                          check=True, capture_output=True, text=True).stdout


def dead_letters():
    """Records ever written to the dead-letter topics (TopicEnds.java)."""
    return sum(int(line.split()[1]) for line in kafka_tool("TopicEnds.java", *DLTS).splitlines() if line.strip())
