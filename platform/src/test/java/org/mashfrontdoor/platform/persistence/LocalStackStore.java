package org.mashfrontdoor.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoBackend;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The local stack's store, {@code deploy/local/LocalMongoServer.java} (a single-file program, in no package), compiled
 * once into this JVM: its backend over an MVStore the test opens (in memory, or on a file).
 */
final class LocalStackStore {

  private static Constructor<?> backend;
  private static ClassLoader loader;

  private LocalStackStore() {
  }

  /** The local stack's backend on an in-memory MVStore. */
  static MongoBackend backend() {
    return backend(new MVStore.Builder().open());
  }

  /** The type the local stack's store gives its collection and index maps ({@code LocalMongoServer.BsonValues}). */
  static synchronized ObjectDataType valueType() {
    backend(new MVStore.Builder().open()).close(); // compiles the program once
    try {
      Constructor<?> type = Class.forName("LocalMongoServer$BsonValues", true, loader).getDeclaredConstructor();
      type.setAccessible(true);
      return (ObjectDataType) type.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not load the local stack's store's type", e);
    }
  }

  static synchronized MongoBackend backend(MVStore store) {
    try {
      if (backend == null) {
        Path source = Path.of("..", "deploy", "local", "LocalMongoServer.java").toAbsolutePath().normalize();
        Path classes = Files.createTempDirectory("local-mongo-server");
        // The test class path (surefire's manifest jar lists it; javac follows it) has mongo-java-server and H2.
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none", "-d", classes.toString(),
            "-cp", System.getProperty("java.class.path"), source.toString());
        assertThat(exit).as("javac %s", source).isZero();
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
            LocalStackStore.class.getClassLoader());
        backend = Class.forName("LocalMongoServer$CommittingH2Backend", true, loader)
            .getDeclaredConstructor(MVStore.class);
        backend.setAccessible(true);
      }
      return (MongoBackend) backend.newInstance(store);
    } catch (IOException | ReflectiveOperationException e) {
      throw new IllegalStateException("could not load the local stack's store", e);
    }
  }
}
