package org.mashfrontdoor.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/local/lib.sh's {@code extract_app}, on a small jar laid out as a Spring Boot one: what deploy/local/Launch
 * starts from, and the property the JDK AOT cache needs to outlive builds (an unchanged library is the same file, with
 * the same size and time, after the next build's extract).
 */
@DisplayName("The local stack's extract of a Boot jar (deploy/local/lib.sh)")
class LocalAppExtractTest {

  static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2025, 8, 2, 21, 5, 24);

  @TempDir
  Path root;
  Path bootJar;
  Path extract;

  @BeforeEach
  void aCopyOfTheScriptsInAnEmptyTree() throws IOException {
    root = root.toRealPath(); // as bash sees it: the expected paths are compared with the script's
    Path local = Files.createDirectories(root.resolve("deploy/local"));
    Files.copy(ServiceSettings.ROOT.resolve("deploy/local/lib.sh"), local.resolve("lib.sh"));
    bootJar = Files.createDirectories(root.resolve("triage-service/target"))
        .resolve("triage-service-0.1.0-SNAPSHOT-exec.jar");
    extract = root.resolve("triage-service/target/local-app");
  }

  @Test
  void the_libraries_go_on_the_class_path_in_the_jars_order_and_the_projects_own_code_apart() throws Exception {
    firstBuild();

    extractApp();

    assertThat(read("libraries")).isEqualTo(lib("spring-core-7.0.10.jar") + ":" + lib("bson-5.8.1.jar") + ":"
        + lib("snapshot-1.0-SNAPSHOT.jar"));
    assertThat(read("own")).isEqualTo(extract.resolve("classes") + "/:" + lib("platform-0.1.0-SNAPSHOT.jar"));
    assertThat(read("main-class")).isEqualTo("org.example.Main");
    assertThat(Files.readString(extract.resolve("classes/org/example/Main.class"))).isEqualTo("main, first build");
    assertThat(Files.getLastModifiedTime(Path.of(lib("bson-5.8.1.jar"))).toInstant())
        .isEqualTo(ENTRY_TIME.toInstant(ZoneOffset.UTC));
  }

  @Test
  void after_a_build_an_unchanged_library_is_the_same_file_and_the_rest_is_new() throws Exception {
    firstBuild();
    extractApp();
    Object springBefore = Files.getAttribute(Path.of(lib("spring-core-7.0.10.jar")), "unix:ino");
    FileTime springTimeBefore = Files.getLastModifiedTime(Path.of(lib("spring-core-7.0.10.jar")));

    // Same sizes and entry times as before for platform's jar and for a snapshot library that changed: only their
    // contents tell them apart.
    build("second", 2, "5.8.2");
    extractApp();

    assertThat(Files.getAttribute(Path.of(lib("spring-core-7.0.10.jar")), "unix:ino")).isEqualTo(springBefore);
    assertThat(Files.getLastModifiedTime(Path.of(lib("spring-core-7.0.10.jar")))).isEqualTo(springTimeBefore);
    assertThat(Files.readString(extract.resolve("classes/org/example/Main.class"))).isEqualTo("main, second build");
    assertThat(Files.readString(Path.of(lib("platform-0.1.0-SNAPSHOT.jar")))).isEqualTo("platform, build 2");
    assertThat(Files.readString(Path.of(lib("snapshot-1.0-SNAPSHOT.jar")))).isEqualTo("snapshot, build 2");
    assertThat(Files.exists(Path.of(lib("bson-5.8.1.jar")))).isFalse();
    assertThat(read("libraries")).isEqualTo(lib("spring-core-7.0.10.jar") + ":" + lib("bson-5.8.2.jar") + ":"
        + lib("snapshot-1.0-SNAPSHOT.jar"));
  }

  @Test
  void an_extract_of_this_build_is_not_made_again() throws Exception {
    bootJar(Map.of("BOOT-INF/classes/org/example/Main.class", "main",
        "BOOT-INF/lib/spring-core-7.0.10.jar", "spring"), List.of("spring-core-7.0.10.jar"));
    extractApp();
    Files.writeString(extract.resolve("classes/org/example/Main.class"), "left as it was");

    extractApp();

    assertThat(Files.readString(extract.resolve("classes/org/example/Main.class"))).isEqualTo("left as it was");
  }

  private void firstBuild() throws IOException {
    build("first", 1, "5.8.1");
  }

  /**
   * The project's classes and platform's jar, three libraries (platform first, as Boot's index puts it): spring-core
   * the same in every build, bson of the version given, a snapshot library and platform's jar changed in content only.
   */
  private void build(String ordinal, int number, String bsonVersion) throws IOException {
    String bson = "bson-" + bsonVersion + ".jar";
    bootJar(Map.of("BOOT-INF/classes/org/example/Main.class", "main, " + ordinal + " build",
        "BOOT-INF/lib/platform-0.1.0-SNAPSHOT.jar", "platform, build " + number,
        "BOOT-INF/lib/spring-core-7.0.10.jar", "spring", "BOOT-INF/lib/" + bson, "bson " + bsonVersion,
        "BOOT-INF/lib/snapshot-1.0-SNAPSHOT.jar", "snapshot, build " + number),
        List.of("platform-0.1.0-SNAPSHOT.jar", "spring-core-7.0.10.jar", bson, "snapshot-1.0-SNAPSHOT.jar"));
  }

  private String lib(String jar) {
    return extract.resolve("lib").resolve(jar).toString();
  }

  private String read(String file) throws IOException {
    return Files.readString(extract.resolve(file)).strip();
  }

  /** Writes the Boot jar, newer than any extract made before (as a build does). */
  private void bootJar(Map<String, String> entries, List<String> classPathOrder) throws IOException {
    Map<String, String> all = new LinkedHashMap<>();
    // A manifest line longer than 72 bytes continues on the next, as the JDK's jar tool and Boot's plugin write it.
    all.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nImplementation-Title: a title long enough to be wrap"
        + "\r\n ped onto a second line\r\nMain-Class: org.springframework.boot.loader.launch.JarLauncher\r\n"
        + "Start-Class: org.example.Main\r\n\r\n");
    all.put("BOOT-INF/classpath.idx", String.join("", classPathOrder.stream()
        .map(jar -> "- \"BOOT-INF/lib/" + jar + "\"\n").toList()));
    all.putAll(entries);
    try (OutputStream file = Files.newOutputStream(bootJar); ZipOutputStream zip = new ZipOutputStream(file)) {
      for (Map.Entry<String, String> e : all.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    Files.setLastModifiedTime(bootJar, FileTime.from(Instant.now().plusSeconds(Files.exists(extract) ? 5 : 0)));
  }

  private void extractApp() throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c",
        "set -euo pipefail; . deploy/local/lib.sh; extract_app triage-service")
        .directory(root.toFile()).redirectErrorStream(true);
    builder.environment().remove("MASH_RUN_DIR"); // the script's run folder is the copy's, never a real one
    Process bash = builder.start();
    bash.getOutputStream().close();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).as(output).isZero();
  }
}
