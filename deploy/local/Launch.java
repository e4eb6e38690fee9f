import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

/**
 * Starts an application with this project's own jars (the application's and platform's) in a class loader of their
 * own and the libraries on the JVM's class path, so that one JDK AOT cache serves every build until a library
 * changes. The cache holds only classes the JVM's built-in loaders load from the class path (JEP 483), and the JVM
 * drops it whole when a jar it holds classes from differs from the one it was trained with; the project's jars differ
 * after every build, the libraries' do not. deploy/local/up starts an application this way when its cache is there,
 * and deploy/local/aot-train trains the cache this way.
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
