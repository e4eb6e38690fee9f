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
import os
import random
import signal
import sys
import threading
import time
import urllib.parse

from localstack import (ALERTS, CASES, INFRA, TRIAGE, Accepted, call, dead_letters, lock, log, pid_of,
                        steady_load, tokens, up)

# Every service, each broker and the store (not the mail server, whose mail is in memory only).
VICTIMS = ["referral-intake", "triage-service", "case-service", "notification-service"] + [
    name for name in INFRA if name != "mail"]
OPENS_A_CASE = {"EARLY_HELP", "SINGLE_ASSESSMENT", "STRATEGY_DISCUSSION"}
LEAVE_OPEN = 0.2
GRACE = 60  # seconds after a deadline for its alarm to fire and its alert to be stored, faults included
OUTCOMES = ["NO_FURTHER_ACTION", "INFORMATION_AND_ADVICE", "EARLY_HELP", "SINGLE_ASSESSMENT", "STRATEGY_DISCUSSION"]

minutes = float(sys.argv[1])
rate = float(os.environ.get("MASH_SOAK_RATE", "1"))
started = time.time()
deadline = started + minutes * 60
stop = threading.Event()
accepted = Accepted()
decided = {}         # contact id -> outcome
left_open = set()    # contacts the MASH never decides: their deadlines must pass and fire, once each
kills = []


TOKENS = tokens("police", "school", "health", "mash-social-worker", "mash-manager", "team-manager")


def send_until_accepted(partner):
    accepted.send_until_accepted(partner, TOKENS[partner], lambda: stop.is_set() and time.time() > deadline + 300)


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
    ok, output = up()
    log("chaos: deploy/local/up " + ("restarted it" if ok else "FAILED:\n" + output))


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
    steady_load(rate, deadline, send_until_accepted)
    log(f"load done: {len(accepted.referrals())} accepted; waiting for the stack to settle")
    stop.set()
    for t in threads:
        t.join(timeout=400)
    restart()  # whatever the last kill left down

    referrals = accepted.referrals()
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
    duplicated = len(accepted.duplicated_keys)

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
