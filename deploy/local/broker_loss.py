"""The broker-loss test's driver (deploy/local/broker-loss runs it) on the three-broker local stack.

A steady stream of MARFs (police, school, health), each resent with its Idempotency-Key until answered 202, as a
partner system must. A quarter of the way in, one broker that leads partitions of mash.referral.events is killed
with SIGKILL (MASH_BROKER_LOSS_VICTIM=kafka-N picks it); half way, deploy/local/up starts it again; the load runs
on to the end, with the broker back. Then, once the pipeline is quiet:
  lost          an accepted referral (answered 202) that no contact in the triage queue holds
  duplicated    an accepted referral held twice (by two contacts, or twice by one); one Idempotency-Key answered
                with two referral ids
  dead-lettered records added to any dead-letter topic during the test
Last line: broker-loss: N accepted, N lost, N duplicated, N dead-lettered; <broker> killed at ..s, back at ..s
"""
import os
import random
import signal
import sys
import threading
import time

from localstack import (BOOTSTRAP, DLTS, PARTNERS, TOPICS, TRIAGE, Accepted, call_with_headers, dead_letters,
                        kafka_tool, log, pid_of, started, steady_load, tokens, up)

duration = float(sys.argv[1])
rate = float(os.environ.get("MASH_BROKER_LOSS_RATE", "2"))
settle = float(os.environ.get("MASH_BROKER_LOSS_SETTLE", "180"))
BROKERS = os.environ["MASH_KAFKA"].split()
QUEUE_PAGE = 500

KILL_AT, RESTART_AT = 0.25, 0.5  # of the load's duration, from its start
load_starts = load_ends = None
accepted = Accepted()
TOKENS = tokens(*PARTNERS, "mash-social-worker")


def node_id(broker):
    return int(broker.rsplit("-", 1)[1])


def leaders():
    """(active controller's node id, [(topic, partition, leader, replicas, isr)]) for the MASH topics and offsets."""
    quorum, partitions = None, []
    for line in kafka_tool("KafkaLeaders.java", *TOPICS, *DLTS, "__consumer_offsets").splitlines():
        fields = line.split()
        if fields[0] == "quorum":
            quorum = int(fields[1])
        elif len(fields) == 5:
            ids = lambda s: [int(i) for i in s.split(",") if i]  # noqa: E731
            partitions.append((fields[0], int(fields[1]), int(fields[2]), ids(fields[3]), ids(fields[4])))
    return quorum, partitions


def await_in_sync(what, timeout):
    """Waits until every partition has all its replicas in sync; the seconds it took, or None."""
    t0 = time.time()
    while time.time() < t0 + timeout:
        try:
            _, partitions = leaders()
            if partitions and all(sorted(isr) == sorted(replicas) for _, _, _, replicas, isr in partitions):
                return time.time() - t0
        except Exception as e:  # noqa: BLE001 - the cluster may still be electing; ask again
            log(f"{what}: cluster not answering yet ({type(e).__name__})")
        time.sleep(2)
    return None


repeated_on_pages = set()  # contacts a later page of the queue listed again (see queue_holders)


def queue_holders():
    """referral id -> the contact ids holding it (once per holding), from every page of the triage queue.

    A contact listed again by a later page is one listing, not a second holding: the queue's pages are counted by a
    tally that, after a process is killed between a listing's two writes, counts one more than its sheets hold until
    a reading settles it (5 minutes; triage's QueueSheets), and the pages after it then start one early. CI runs this
    test on the store the soak has just killed processes over, so such a repeat is noted, not counted as a duplicate.
    A referral held by two contacts, or twice by one, still is."""
    holders, offset, total, seen = {}, 0, None, set()
    while total is None or offset < total:
        status, page, headers = call_with_headers(
            "GET", f"{TRIAGE}/api/v1/triage/queue?offset={offset}&limit={QUEUE_PAGE}", TOKENS["mash-social-worker"])
        if status != 200:
            return None
        total = int(headers.get("X-Total-Count", len(page)))
        for item in page:
            if item["contactId"] in seen:
                repeated_on_pages.add(item["contactId"])
                continue
            seen.add(item["contactId"])
            for referral in item["referralIds"]:
                holders.setdefault(referral, []).append(item["contactId"])
        if not page:
            break
        offset += len(page)
    return holders


def load():
    give_up = lambda: time.time() > load_ends + 300  # noqa: E731
    steady_load(rate, load_ends, lambda partner: accepted.send_until_accepted(partner, TOKENS[partner], give_up,
                                                                              "Broker"))


def main():
    log(f"broker-loss for {duration:g} s at {rate:g} MARF/s on {BOOTSTRAP}")
    took = await_in_sync("before the test", 120)
    if took is None:
        log("the cluster's partitions are not all in sync; not starting")
        sys.exit(2)
    dlt_before = dead_letters()
    quorum, partitions = leaders()
    led = {b: [f"{t}-{p}" for t, p, leader, _, _ in partitions if leader == node_id(b)] for b in BROKERS}
    log(f"in sync; active controller: node {quorum}; dead letters so far: {dlt_before}")
    for b in BROKERS:
        log(f"  {b} (node {node_id(b)}) leads {len(led[b])} partitions: {' '.join(sorted(led[b])) or '-'}")

    victim = os.environ.get("MASH_BROKER_LOSS_VICTIM") or random.choice(
        [b for b in BROKERS if any(p.startswith("mash.referral.events-") for p in led[b])] or BROKERS)
    global load_starts, load_ends
    load_starts = time.time()
    load_ends = load_starts + duration
    threading.Thread(target=load, daemon=True).start()

    time.sleep(max(0.0, load_starts + duration * KILL_AT - time.time()))
    pid = pid_of(victim)
    killed_at = time.time() - started
    controller = " (the active controller)" if node_id(victim) == quorum else " (not the active controller)"
    leader_of = (f"leader of {len(led[victim])} partitions" if led[victim] else "leader of no partition")
    log(f"kill -9 {victim} (pid {pid}): {leader_of}{controller}")
    os.kill(pid, signal.SIGKILL)
    accepted_at_kill = len(accepted.referrals())

    time.sleep(12)  # the controller fences a broker gone 9 s (broker.session.timeout.ms), then leaders move
    try:
        quorum_now, partitions = leaders()
        moved = sum(1 for t, p, leader, _, _ in partitions if f"{t}-{p}" in led[victim] and leader != node_id(victim))
        shrunk = sum(1 for *_, isr in partitions if node_id(victim) not in isr)
        log(f"while {victim} is down: active controller node {quorum_now}; {moved} of its {len(led[victim])} "
            f"partitions have a new leader; {shrunk} partitions in sync without it")
    except Exception as e:  # noqa: BLE001 - reported, the test goes on
        log(f"while {victim} is down: the cluster did not answer ({type(e).__name__})")

    time.sleep(max(0.0, load_starts + duration * RESTART_AT - time.time()))
    holders = queue_holders() or {}
    in_queue = sum(1 for r in accepted.referrals() if r in holders)
    log(f"{victim} down for {time.time() - started - killed_at:.0f} s: {len(accepted.referrals()) - accepted_at_kill}"
        f" MARFs accepted meanwhile; {in_queue} of {len(accepted.referrals())} accepted are in the triage queue")
    ok, output = up()
    back_at = time.time() - started
    log(f"deploy/local/up: {victim} " + ("started again" if ok else "did NOT start:\n" + output))
    rejoined = await_in_sync(f"{victim} rejoining", 120)
    log(f"{victim} back in every in-sync replica set {rejoined:.0f} s after its restart" if rejoined is not None
        else f"{victim} not back in sync within 120 s")

    while time.time() < load_ends:
        time.sleep(1)
    log(f"load done: {len(accepted.referrals())} accepted ({accepted.resends} resends); waiting for the triage queue")
    time.sleep(2)  # the last senders' answers
    referrals = accepted.referrals()
    settle_by = time.time() + settle
    holders, all_in_at = None, None
    while time.time() < settle_by:
        holders = queue_holders()
        if holders is not None and all(r in holders for r in referrals):
            all_in_at = time.time() - started
            break
        time.sleep(3)
    time.sleep(5)  # a late duplicate would come now: look once more
    holders = queue_holders() or holders or {}

    lost = [r for r in referrals if r not in holders]
    duplicated = [r for r in referrals if len(holders.get(r, [])) > 1] + sorted(accepted.duplicated_keys)
    dead = dead_letters() - dlt_before
    for r in lost[:10]:
        log(f"  lost: referral {r} is in no contact of the triage queue")
    for r in duplicated[:10]:
        log(f"  duplicated: {r} held by {holders.get(r)}")
    if repeated_on_pages:
        log(f"  listed again by a later page of the queue (a tally left one over by an earlier kill, not yet "
            f"settled): {len(repeated_on_pages)} contact(s), e.g. {sorted(repeated_on_pages)[0]}")
    log(f"{len(referrals) - len(lost)} of {len(referrals)} accepted in the queue"
        + (f" (all of them at {all_in_at:.0f} s)" if all_in_at is not None else f" after waiting {settle:g} s"))
    failed = lost or duplicated or dead or not ok or rejoined is None
    print(f"broker-loss: {len(referrals)} accepted, {len(lost)} lost, {len(duplicated)} duplicated, {dead} "
          f"dead-lettered; {victim} killed at {killed_at:.0f}s, back at {back_at:.0f}s", flush=True)
    sys.exit(1 if failed else 0)


main()
