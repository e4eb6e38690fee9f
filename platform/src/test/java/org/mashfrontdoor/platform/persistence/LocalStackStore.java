package org.mashfrontdoor.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoBackend;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import javax.tools.ToolProvider;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The local stack's store, {@code deploy/local/LocalMongoServer.java} (a single-file program, in no package), compiled
 * once into this JVM: its backend over an MVStore the test opens (in memory, or on a file), and the type it stores
 * values with.
 */
final class LocalStackStore {

  private static ClassLoader program;

  private LocalStackStore() {
  }

  /** The local stack's backend on an in-memory MVStore. */
  static MongoBackend backend() {
    return backend(new MVStore.Builder().open());
  }

  /** The MVStore on {@code file}, opened as the local stack's store opens it ({@code LocalMongoServer.open}). */
  static MVStore open(Path file) {
    return (MVStore) callStatic("open", new Class<?>[] {Path.class, String.class}, file, null);
  }

  /** Rewrites the file as the local stack's store does at start ({@code LocalMongoServer.rewriteAtStart}). */
  static void rewriteAtStart(Path file) {
    callStatic("rewriteAtStart", new Class<?>[] {Path.class}, file);
  }

  /** A static method of {@code LocalMongoServer}; what it throws, as it threw it. */
  private static Object callStatic(String name, Class<?>[] parameterTypes, Object... arguments) {
    try {
      Method method = Class.forName("LocalMongoServer", true, program()).getDeclaredMethod(name, parameterTypes);
      method.setAccessible(true);
      return method.invoke(null, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("LocalMongoServer." + name + " changed", e);
    }
  }

  static MongoBackend backend(MVStore store) {
    return (MongoBackend) construct("LocalMongoServer$CommittingH2Backend",
        new Class<?>[] {MVStore.class, Duration.class}, store, Duration.ZERO);
  }

  /** What a command does after its changes: wait for a commit begun after them ({@code LocalMongoServer.GroupCommit}). */
  interface Commits {
    void afterCommand();

    long commits();
  }

  /** {@code commit} answers whether it wrote anything. */
  static Commits groupCommit(BooleanSupplier commit, Duration window) {
    Object group = construct("LocalMongoServer$GroupCommit", new Class<?>[] {BooleanSupplier.class, Duration.class},
        commit, window);
    try {
      Method after = group.getClass().getDeclaredMethod("afterCommand");
      Method count = group.getClass().getDeclaredMethod("commits");
      after.setAccessible(true);
      count.setAccessible(true);
      return new Commits() {
        @Override
        public void afterCommand() {
          try {
            after.invoke(group);
          } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }

        @Override
        public long commits() {
          try {
            return (long) count.invoke(group);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        }
      };
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("LocalMongoServer.GroupCommit changed", e);
    }
  }

  /** The type the local stack's store gives its collection and index maps ({@code LocalMongoServer.BsonValues}). */
  static ObjectDataType valueType() {
    return (ObjectDataType) construct("LocalMongoServer$BsonValues", new Class<?>[0]);
  }

  /**
   * How many document and index-key values the store's commits have written so far in this JVM from the encoding it
   * kept for them, and how many it encoded anew ({@code LocalMongoServer.BsonValues}).
   */
  static long[] encodings() {
    return new long[] {counter("BsonValues", "WRITTEN_AS_KEPT"), counter("BsonValues", "WRITTEN_ENCODED")};
  }

  /** How many {@code $exists} queries the store's one-field indexes answered in this JVM ({@code PresentFieldIndex}). */
  static long presenceLookups() {
    return counter("PresentFieldIndex", "ANSWERED");
  }

  /** A static {@code LongAdder} of a class nested in {@code LocalMongoServer}, summed. */
  private static long counter(String nestedClass, String name) {
    try {
      Field field = Class.forName("LocalMongoServer$" + nestedClass, true, program()).getDeclaredField(name);
      field.setAccessible(true);
      return ((LongAdder) field.get(null)).sum();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("LocalMongoServer." + nestedClass + " changed", e);
    }
  }

  private static Object construct(String className, Class<?>[] parameterTypes, Object... arguments) {
    try {
      Constructor<?> constructor = Class.forName(className, true, program()).getDeclaredConstructor(parameterTypes);
      constructor.setAccessible(true);
      return constructor.newInstance(arguments);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not load the local stack's store", e);
    }
  }

  private static synchronized ClassLoader program() {
    if (program == null) {
      try {
        Path source = Path.of("..", "deploy", "local", "LocalMongoServer.java").toAbsolutePath().normalize();
        Path classes = Files.createTempDirectory("local-mongo-server");
        // The test class path (surefire's manifest jar lists it; javac follows it) has mongo-java-server and H2.
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none", "-d", classes.toString(),
            "-cp", System.getProperty("java.class.path"), source.toString());
        assertThat(exit).as("javac %s", source).isZero();
        program = new URLClassLoader(new URL[] {classes.toUri().toURL()}, LocalStackStore.class.getClassLoader());
      } catch (IOException e) {
        throw new IllegalStateException("could not compile the local stack's store", e);
      }
    }
    return program;
  }
}
