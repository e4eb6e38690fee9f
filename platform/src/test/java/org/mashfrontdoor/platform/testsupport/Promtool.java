package org.mashfrontdoor.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus's own linter, {@code promtool check metrics}, on a service's {@code /actuator/prometheus} text, so
 * help text and snake_case label names stay as Prometheus expects (issue 14). promtool comes with Debian's
 * {@code prometheus} package, which {@code .ci/run} installs; where it is not on the PATH the calling test is
 * skipped, saying so, rather than passing unchecked.
 */
public final class Promtool {

  private Promtool() {
  }

  /** promtool on the PATH, if any. */
  public static Optional<Path> onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, "promtool"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /**
   * The problems {@code promtool check metrics} reports for {@code exposition} (one per line, empty when clean);
   * skips the calling test when promtool is not installed.
   */
  public static List<String> checkMetrics(String exposition) {
    Optional<Path> promtool = onPath();
    Assumptions.assumeTrue(promtool.isPresent(),
        "promtool is not on the PATH (apt-get install prometheus): `promtool check metrics` not run");
    try {
      Process process = new ProcessBuilder(promtool.get().toString(), "check", "metrics")
          .redirectErrorStream(true).start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(exposition.getBytes(StandardCharsets.UTF_8));
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("promtool check metrics did not finish in 30 s");
      }
      List<String> problems = output.lines().filter(line -> !line.isBlank()).toList();
      // promtool exits 3 for lint problems, which it also prints; any other failure must not pass as clean.
      if (process.exitValue() != 0 && problems.isEmpty()) {
        throw new IllegalStateException("promtool check metrics exited " + process.exitValue() + " silently");
      }
      return problems;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Fails, listing each problem, unless {@code promtool check metrics} finds none in {@code exposition}. */
  public static void assertCleanMetrics(String exposition, String service) {
    assertThat(exposition).as(service + "'s exposition").contains("# TYPE ");
    assertThat(checkMetrics(exposition)).as("`promtool check metrics` on " + service + "'s /actuator/prometheus")
        .isEmpty();
  }
}
