"""The chaos soak's driver (deploy/local/soak runs it): load, decisions, SIGKILLs, then the invariants.

Clients behave as partner systems must: a MARF is sent with an Idempotency-Key and sent again with the same key
until it is answered 202 (a killed intake, store or broker only delays it). Accepted = distinct referral ids
answered 202. Then, once the stack is whole again and quiet:
  lost          an accepted referral no MASH contact holds; a decision with no case (when it opens one) or no
                DECISION_RECORDED alert
                a contact left open (about one in five is never decided) whose decision deadline passed with no
                DEADLINE_BREACHED alert (checked when the stack runs on a short clock, as deploy/local/start's does)
  duplicated    one Idempotency-Key answered with two referral ids; more than one case for a decided contact;
                more than one DECISION_RECORDED / URGENT_CONTACT / DEADLINE_BREACHED alert for one contact
  dead-lettered records added to any dead-letter topic during the soak
A breach alert for a contact decided in time is a false alarm: reported, and the soak fails.
"""
import datetime
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

LOCAL = os.environ["MASH_LOCAL_DIR"]
RUN = os.environ["MASH_RUN"]
PIDS = os.environ["MASH_PIDS"]
INTAKE, TRIAGE, CASES, ALERTS = (f"http://127.0.0.1:{p}" for p in (8081, 8082, 8083, 8084))
VICTIMS = ["referral-intake", "triage-service", "case-service", "notification-service", "kafka", "mongo"]
DLTS = [t + ".DLT" for t in ("mash.referral.events", "mash.triage.events", "mash.case.events")]
OPENS_A_CASE = {"EARLY_HELP", "SINGLE_ASSESSMENT", "STRATEGY_DISCUSSION"}
LEAVE_OPEN = 0.2
GRACE = 60  # seconds after a deadline for its alarm to fire and its alert to be stored, faults included
OUTCOMES = ["NO_FURTHER_ACTION", "INFORMATION_AND_ADVICE", "EARLY_HELP", "SINGLE_ASSESSMENT", "STRATEGY_DISCUSSION"]

minutes = float(sys.argv[1])
rate = float(os.environ.get("MASH_SOAK_RATE", "1"))
started = time.time()
deadline = started + minutes * 60
stop = threading.Event()
lock = threading.Lock()
accepted = {}        # idempotency key -> referral id
duplicated_keys = set()
children = []        # (nhs, dob, postcode) already sent, for linked MARFs
decided = {}         # contact id -> outcome
left_open = set()    # contacts the MASH never decides: their deadlines must pass and fire, once each
kills = []


def log(message):
    print(f"[{int(time.time() - started):4d}s] {message}", flush=True)


def tokens(*names):
    out = subprocess.run([os.path.join(LOCAL, "token"), *names], check=True, capture_output=True, text=True).stdout
    return dict(zip(names, out.split()))


TOKENS = tokens("police", "school", "health", "mash-social-worker", "mash-manager", "team-manager")


def call(method, url, token, body=None, headers=None, timeout=10):
    """(status, parsed JSON or None); status 0 when the service could not be reached."""
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
            return response.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw) if raw else None
        except ValueError:
            return e.code, None
    except (OSError, urllib.error.URLError):
        return 0, None


def nhs_number():
    while True:
        digits = [9, 9, 9] + [random.randint(0, 9) for _ in range(6)]
        check = 11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11
        check = 0 if check == 11 else check
        if check != 10:
            return "".join(map(str, digits)) + str(check)


def marf(partner):
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
        "referrer": {"agency": agency, "organisation": "Soak " + partner, "name": "Soak Referrer",
                     "role": "Designated safeguarding lead", "email": "soak@example.org"},
        "children": [{"givenName": "Soak", "familyName": "Child", "dateOfBirth": child[1], "nhsNumber": child[0],
                      "address": {"line1": "1 Soak Street", "town": "Hereford", "postcode": child[2]}}],
        "concern": {"categories": ["NEGLECT"], "summary": "A soak-test concern about the child's care at home.",
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


def send_until_accepted(partner):
    key = str(uuid.uuid4())
    body = marf(partner)
    while not (stop.is_set() and time.time() > deadline + 300):
        status, answer = call("POST", INTAKE + "/api/v1/referrals", TOKENS[partner], body,
                              {"Idempotency-Key": key})
        if status == 202 and answer and answer.get("referralId"):
            with lock:
                if key in accepted and accepted[key] != answer["referralId"]:
                    duplicated_keys.add(key)
                accepted[key] = answer["referralId"]
            return
        if status in (400, 401, 403, 413, 415, 422):
            log(f"intake refused a soak MARF with {status}: {answer}")
            return
        time.sleep(0.5)  # intake, its store or the broker is away: send again with the same key


def load():
    senders = []
    while time.time() < deadline:
        t = threading.Thread(target=send_until_accepted, args=(random.choice(["police", "school", "health"]),),
                             daemon=True)
        t.start()
        senders.append(t)
        time.sleep(1 / rate)
    for t in senders:
        t.join(timeout=360)


def decide():
    """The MASH works the queue as it comes: a social worker recommends, a manager signs off."""
    while not stop.is_set():
        status, queue = call("GET", TRIAGE + "/api/v1/triage/queue", TOKENS["mash-social-worker"])
        if status != 200:
            time.sleep(1)
            continue
        for item in queue or []:
            contact = item["referralId"]
            with lock:
                if contact in decided or contact in left_open:
                    continue
                if random.random() < LEAVE_OPEN:
                    left_open.add(contact)
                    continue
            outcome = random.choice(OUTCOMES)
            decision = {"outcome": outcome, "levelOfNeed": 3 if outcome in OPENS_A_CASE else 1,
                        "rationale": "Soak decision.", "adviceToReferrer": "Soak advice to the referrer."}
            s1, _ = call("POST", f"{TRIAGE}/api/v1/triage/{contact}/recommendation",
                         TOKENS["mash-social-worker"], decision)
            s2, _ = call("POST", f"{TRIAGE}/api/v1/triage/{contact}/decision", TOKENS["mash-manager"], decision)
            if 200 <= s2 < 300:
                with lock:
                    decided[contact] = outcome
            if stop.is_set():
                return
        time.sleep(0.5)


def pid_of(name):
    try:
        with open(os.path.join(PIDS, name + ".pid")) as f:
            return int(f.read().strip())
    except (OSError, ValueError):
        return None


def chaos():
    """Kills one component with SIGKILL every so often (each in turn, in random order) and lets up restart it."""
    order = []
    interval = max(20.0, minutes * 60 / (len(VICTIMS) + 1))
    while not stop.wait(random.uniform(interval * 0.5, interval)) and time.time() < deadline - 10:
        if not order:
            order = random.sample(VICTIMS, len(VICTIMS))
        victim = order.pop()
        pid = pid_of(victim)
        if pid is None:
            continue
        log(f"chaos: kill -9 {victim} (pid {pid})")
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        kills.append(victim)
        time.sleep(2)
        restart()


def restart():
    env = dict(os.environ, MASH_SKIP_BUILD="1")
    result = subprocess.run([os.path.join(LOCAL, "up")], env=env, capture_output=True, text=True)
    log("chaos: deploy/local/up " + ("restarted it" if result.returncode == 0 else "FAILED:\n" + result.stdout[-2000:]
                                      + result.stderr[-2000:]))


def dead_letters():
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java")
    with open(os.path.join(RUN, "classpath.txt")) as f:
        classpath = f.read().strip()
    out = subprocess.run([java, "-cp", classpath, os.path.join(LOCAL, "TopicEnds.java"), "127.0.0.1:9092", *DLTS],
                         check=True, capture_output=True, text=True).stdout
    return sum(int(line.split()[1]) for line in out.splitlines() if line.strip())


def alerts_of(referral):
    status, page = call("GET", f"{ALERTS}/api/v1/alerts?referralId={urllib.parse.quote(referral)}&size=100",
                        TOKENS["mash-manager"])
    return (page or {}).get("alerts", []) if status == 200 else None


def deadlines_fired_once():
    """Every contact left open whose deadline passed has its breach alert; no contact decided in time has one."""
    due = {}
    for contact in sorted(left_open) + sorted(decided):
        status, view = call("GET", f"{TRIAGE}/api/v1/triage/{contact}?purpose=soak%20invariants",
                            TOKENS["mash-manager"])
        if status == 200 and view.get("decisionDueBy"):
            due[contact] = (datetime.datetime.fromisoformat(view["decisionDueBy"].replace("Z", "+00:00")).timestamp(),
                            (view.get("decision") or {}).get("onTime"))
    open_due = [when for c, (when, _) in due.items() if c in left_open]
    if not open_due or min(open_due) > time.time() + 600:
        return [], [], "deadlines: not checked (no contact was left open, or the stack runs on the 24-hour clock)"
    wait_until = min(max(open_due) + GRACE, time.time() + 300)
    unfired = [c for c in left_open if c in due]
    while unfired and time.time() < wait_until + 1:
        unfired = [c for c in unfired if not any(a["type"] == "DEADLINE_BREACHED" for a in (alerts_of(c) or []))
                   or due[c][0] > time.time()]
        if unfired:
            time.sleep(2)
    unfired = [c for c in unfired if due[c][0] + GRACE < time.time()]
    checked = [c for c in left_open if c in due and due[c][0] + GRACE < time.time()]
    false_alarms = [c for c, (_, on_time) in due.items() if on_time is True
                    and any(a["type"] == "DEADLINE_BREACHED" for a in (alerts_of(c) or []))]
    return unfired, false_alarms, (f"deadlines: {len(checked)} passed on contacts left open, "
                                   f"{len(checked) - len(unfired)} fired; {len(false_alarms)} false alarms")


def main():
    dlt_before = dead_letters()
    log(f"soak for {minutes:g} min at {rate:g} MARF/s; dead letters so far: {dlt_before}")
    threads = [threading.Thread(target=f, daemon=True) for f in (decide, chaos)]
    for t in threads:
        t.start()
    load()
    log(f"load done: {len(accepted)} accepted; waiting for the stack to settle")
    stop.set()
    for t in threads:
        t.join(timeout=400)
    restart()  # whatever the last kill left down

    referrals = sorted(set(accepted.values()))
    contact_of = {}
    settle_by = time.time() + 300
    while time.time() < settle_by:
        for r in referrals:
            if r not in contact_of:
                status, contact = call("GET", f"{TRIAGE}/api/v1/triage/{r}?purpose=soak%20invariants",
                                       TOKENS["mash-manager"])
                if status == 200:
                    contact_of[r] = contact["contactId"]
        if len(contact_of) == len(referrals):
            break
        time.sleep(2)
    lost = [r for r in referrals if r not in contact_of]
    duplicated = len(duplicated_keys)

    missing, extra = [], []
    settle_by = time.time() + 180
    pending = dict(decided)
    while pending and time.time() < settle_by:
        for contact, outcome in list(pending.items()):
            alerts = alerts_of(contact)
            status, cases = call("GET", f"{CASES}/api/v1/cases?referralId={contact}", TOKENS["team-manager"])
            has_case = status == 200 and cases is not None and len(cases if isinstance(cases, list)
                                                                    else cases.get("cases", [])) >= 1
            if alerts is not None and any(a["type"] == "DECISION_RECORDED" for a in alerts) \
                    and (outcome not in OPENS_A_CASE or has_case):
                del pending[contact]
        time.sleep(2)
    missing = list(pending)
    for contact, outcome in decided.items():
        alerts = alerts_of(contact) or []
        for kind in ("DECISION_RECORDED", "URGENT_CONTACT", "DEADLINE_BREACHED"):
            if sum(1 for a in alerts if a["type"] == kind) > 1:
                extra.append(f"{contact} {kind}")
        if outcome in OPENS_A_CASE:
            status, cases = call("GET", f"{CASES}/api/v1/cases?referralId={contact}", TOKENS["team-manager"])
            found = cases if isinstance(cases, list) else (cases or {}).get("cases", [])
            if status == 200 and len(found) > 1:
                extra.append(f"{contact} cases")
    unfired, false_alarms, deadlines_note = deadlines_fired_once()
    for contact in left_open:
        alerts = alerts_of(contact) or []
        for kind in ("URGENT_CONTACT", "DEADLINE_BREACHED"):
            if sum(1 for a in alerts if a["type"] == kind) > 1:
                extra.append(f"{contact} {kind}")
    dead = dead_letters() - dlt_before

    log(f"kills: {', '.join(kills) or 'none'}; decisions: {len(decided)}")
    for r in lost[:10]:
        log(f"  lost: referral {r} is held by no contact")
    for c in missing[:10]:
        log(f"  lost: the decision on {c} did not reach case-service or notification-service")
    for e in extra[:10]:
        log(f"  duplicated: {e}")
    log(deadlines_note)
    for c in unfired[:10]:
        log(f"  lost: the decision deadline of {c} passed and no DEADLINE_BREACHED alert was raised")
    for c in false_alarms[:10]:
        log(f"  false alarm: DEADLINE_BREACHED for {c}, decided in time")
    lost_total = len(lost) + len(missing) + len(unfired)
    duplicated_total = duplicated + len(extra)
    print(f"soak: {len(referrals)} accepted, {lost_total} lost, {duplicated_total} duplicated, {dead} dead-lettered",
          flush=True)
    sys.exit(0 if lost_total == 0 and duplicated_total == 0 and dead == 0 and not false_alarms else 1)


main()
