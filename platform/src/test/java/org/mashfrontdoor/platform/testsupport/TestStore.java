package org.mashfrontdoor.platform.testsupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import java.util.UUID;

/**
 * A persistence suite's store: the embedded stand-in ({@link #embedded()}) or a real MongoDB ({@link #at(String)}),
 * so the same scenarios run on both. A suite opens one in an overridable method and its Testcontainers sibling
 * overrides that with the container's URI. Needs no Testcontainers itself: services get it through platform's
 * test-jar, where Testcontainers is not passed on.
 */
public final class TestStore implements AutoCloseable {

  private final MongoServer server;
  private final String uri;
  private final MongoClient client;

  private TestStore(MongoServer server, String uri) {
    this.server = server;
    this.uri = uri;
    this.client = MongoClients.create(uri);
  }

  /** A mongo-java-server of its own, with the {@link PinnedIdMemoryBackend}, on a free local port. */
  public static TestStore embedded() {
    MongoServer server = new MongoServer(new PinnedIdMemoryBackend());
    server.bind("127.0.0.1", 0);
    return new TestStore(server, "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
  }

  /**
   * A real MongoDB. For a replica set in a container add {@code ?directConnection=true}: the member's own host name
   * is not resolvable from the test JVM.
   */
  public static TestStore at(String uri) {
    return new TestStore(null, uri);
  }

  /** A database no other test uses, named {@code prefix_} and 8 random characters: a real store is shared. */
  public MongoDatabase database(String prefix) {
    return client.getDatabase(prefix + "_" + UUID.randomUUID().toString().substring(0, 8));
  }

  /** For a suite that connects again, as another service instance would. */
  public String uri() {
    return uri;
  }

  @Override
  public void close() {
    client.close();
    if (server != null) {
      server.shutdownNow();
    }
  }
}
