import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

/**
 * Starts an application with this project's own classes and jars (the application's and platform's) in a class
 * loader of their own and the libraries on the JVM's class path, so that one JDK AOT cache serves every build until a
 * library changes. The JVM checks a cache against the class path's jars it was trained with (each one's size and time)
 * and drops the whole cache when one differs; the project's jars differ after every build, the libraries' do not.
 * deploy/local/up starts every application this way from its extract (with the cache when it has one), and
 * deploy/local/aot-train trains the cache this way.
 *
 * <p>What Spring Boot reads through its own class loader rather than the thread's is not seen in the project's jars
 * here: {@code META-INF/spring.factories} entries it loads that way (environment post-processors, for one). The
 * project registers none; its auto-configurations (platform's {@code AutoConfiguration.imports}) are read through the
 * thread's loader.
 *
 * <p>Usage: {@code java -cp launch.jar:<libraries> Launch <own jars, path-separated> <main class> [arguments]}
 */
public final class Launch {

  public static void main(String[] args) throws Throwable {
    String[] jars = args[0].split(File.pathSeparator);
    URL[] urls = new URL[jars.length];
    for (int i = 0; i < jars.length; i++) {
      urls[i] = new File(jars[i]).toURI().toURL();
    }
    ClassLoader own = new URLClassLoader("mash-own", urls, Launch.class.getClassLoader());
    // Spring finds the application's classes and resources through the thread's context class loader.
    Thread.currentThread().setContextClassLoader(own);
    try {
      Class.forName(args[1], true, own).getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause(); // the application's own failure, as if started directly
    }
  }
}
