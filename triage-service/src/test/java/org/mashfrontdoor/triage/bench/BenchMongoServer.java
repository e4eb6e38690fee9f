package org.mashfrontdoor.triage.bench;

import de.bwaldvogel.mongo.MongoServer;
import org.mashfrontdoor.platform.testsupport.PinnedIdMemoryBackend;

/** mongo-java-server in its own JVM, so the benchmark's heap figure is the service's alone. Args: port. */
public final class BenchMongoServer {

  public static void main(String[] args) throws Exception {
    MongoServer server = new MongoServer(new PinnedIdMemoryBackend());
    server.bind("127.0.0.1", Integer.parseInt(args[0]));
    System.out.println("store listening on " + args[0]);
    Thread.currentThread().join();
  }
}
