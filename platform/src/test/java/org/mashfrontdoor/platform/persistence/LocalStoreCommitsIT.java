package org.mashfrontdoor.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The local stack's store acknowledges a write only once a commit has written it to the file, and commands that
 * finish while a commit is writing share the next one ({@code LocalMongoServer.GroupCommit}).
 */
@DisplayName("The local store's commits: each reply after a commit begun after its changes, shared between commands")
@Timeout(60) // a lost wake-up fails the test rather than hanging the build
class LocalStoreCommitsIT {

  static final int THREADS = 16;
  static final int COMMANDS_EACH = 200;

  @Test
  void every_command_returns_only_after_a_commit_that_began_after_its_changes_and_commands_share_commits()
      throws Exception {
    AtomicLong changes = new AtomicLong(); // the "store": each command's change is one increment
    AtomicLong committedThrough = new AtomicLong(); // what the last commit wrote, as seen when it began
    LocalStackStore.Commits commits = LocalStackStore.groupCommit(() -> {
      committedThrough.accumulateAndGet(changes.get(), Math::max);
      LockSupport.parkNanos(200_000); // the commit's own work, during which other commands finish
      return true;
    }, Duration.ZERO);

    List<Long> unsaved = runCommands(() -> {
      long mine = changes.incrementAndGet();
      commits.afterCommand();
      return committedThrough.get() >= mine ? 0L : 1L;
    });

    assertThat(unsaved).as("commands acknowledged before a commit held their change").containsOnly(0L);
    assertThat(commits.commits()).as("commits for %d commands", THREADS * COMMANDS_EACH)
        .isPositive().isLessThan(THREADS * COMMANDS_EACH);
  }

  @Test
  void a_failed_commit_fails_the_command_waiting_on_it_and_the_next_command_commits_again() {
    AtomicBoolean failNext = new AtomicBoolean(true);
    AtomicLong written = new AtomicLong();
    LocalStackStore.Commits commits = LocalStackStore.groupCommit(() -> {
      if (failNext.getAndSet(false)) {
        throw new IllegalStateException("disk full");
      }
      written.incrementAndGet();
      return true;
    }, Duration.ZERO);

    assertThatThrownBy(commits::afterCommand).hasMessage("disk full");
    commits.afterCommand();

    assertThat(written.get()).isEqualTo(1);
    assertThat(commits.commits()).isEqualTo(1);
  }

  @Test
  void with_a_window_a_commit_waits_for_more_commands_and_every_one_is_still_written() throws Exception {
    AtomicLong changes = new AtomicLong();
    AtomicLong committedThrough = new AtomicLong();
    LocalStackStore.Commits commits = LocalStackStore.groupCommit(
        () -> committedThrough.accumulateAndGet(changes.get(), Math::max) >= 0, Duration.ofMillis(1));

    List<Long> unsaved = runCommands(() -> {
      long mine = changes.incrementAndGet();
      commits.afterCommand();
      return committedThrough.get() >= mine ? 0L : 1L;
    });

    assertThat(unsaved).containsOnly(0L);
    assertThat(commits.commits()).isLessThan(THREADS * COMMANDS_EACH);
  }

  @Test
  void a_commit_waits_out_its_window_before_it_writes() {
    Duration window = Duration.ofMillis(50);
    LocalStackStore.Commits commits = LocalStackStore.groupCommit(() -> true, window);

    long start = System.nanoTime();
    commits.afterCommand();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(window);
  }

  @Test
  void a_commit_that_wrote_nothing_is_not_counted() {
    LocalStackStore.Commits commits = LocalStackStore.groupCommit(() -> false, Duration.ZERO);

    commits.afterCommand();

    assertThat(commits.commits()).isZero();
  }

  @Test
  void an_interrupted_command_still_waits_for_its_commit_and_keeps_its_interrupt() {
    AtomicBoolean interruptedDuringCommit = new AtomicBoolean(true);
    LocalStackStore.Commits commits = LocalStackStore.groupCommit(() -> {
      interruptedDuringCommit.set(Thread.currentThread().isInterrupted());
      return true;
    }, Duration.ZERO); // no window, whose wait would clear the flag by itself

    Thread.currentThread().interrupt();
    commits.afterCommand();

    assertThat(Thread.interrupted()).as("interrupt given back").isTrue();
    assertThat(interruptedDuringCommit).as("committed uninterrupted").isFalse();
    assertThat(commits.commits()).isEqualTo(1);
  }

  @Test
  void a_command_interrupted_while_its_commit_gathers_others_commits_at_once_and_keeps_its_interrupt() {
    LocalStackStore.Commits commits = LocalStackStore.groupCommit(() -> true, Duration.ofMinutes(10));
    AtomicBoolean interruptKept = new AtomicBoolean();
    Thread command = new Thread(() -> {
      commits.afterCommand();
      interruptKept.set(Thread.currentThread().isInterrupted());
    });
    command.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> command.getState() == Thread.State.TIMED_WAITING);

    command.interrupt(); // in the window's wait, which clears it
    await().atMost(Duration.ofSeconds(30)).until(() -> !command.isAlive());

    assertThat(interruptKept).as("interrupt given back").isTrue();
    assertThat(commits.commits()).isEqualTo(1);
  }

  interface Command {
    long run() throws Exception;
  }

  static List<Long> runCommands(Command command) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int i = 0; i < THREADS * COMMANDS_EACH; i++) {
        results.add(pool.submit(command::run));
      }
      List<Long> values = new ArrayList<>();
      for (Future<Long> f : results) {
        values.add(f.get());
      }
      return values;
    } finally {
      pool.shutdownNow();
    }
  }
}
