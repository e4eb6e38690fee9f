package org.mashfrontdoor.platform.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A TCP proxy to the test store: {@link #cut()} drops every connection and refuses new ones until {@link #restore()},
 * so a test sees what a service does while its store is away.
 */
public final class CuttableProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  private CuttableProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::accept);
  }

  public static CuttableProxy to(String mongoUri) {
    try {
      return new CuttableProxy(URI.create(mongoUri).getPort());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A service under test whose store is this proxy: the embedded broker, test tokens and the local profile as
   * {@link WithEmbeddedInfrastructure} gives them, but the store reached through the proxy, in {@code database}.
   */
  public void registerAsStore(DynamicPropertyRegistry properties, String database, String consumerGroup) {
    properties.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + port());
    properties.add("spring.mongodb.database", () -> database);
    properties.add("spring.kafka.bootstrap-servers", () -> EmbeddedInfrastructure.get().kafkaBootstrapServers());
    properties.add("spring.kafka.consumer.group-id", () -> consumerGroup);
    properties.add(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens::publicKeyLocation);
    properties.add(TestTokens.ISSUER_PROPERTY, () -> TestTokens.ISSUER);
    properties.add("mash.profile", () -> "local");
  }

  public int port() {
    return listener.getLocalPort();
  }

  public void cut() {
    cut = true;
    open.forEach(CuttableProxy::closeQuietly);
    open.clear();
  }

  public void restore() {
    cut = false;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (cut) {
          closeQuietly(client);
          continue;
        }
        Socket store = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(store);
        Thread.ofVirtual().start(() -> pump(client, store));
        Thread.ofVirtual().start(() -> pump(store, client));
      } catch (IOException e) {
        // listener closed, or the store refused: the client sees a dropped connection
      }
    }
  }

  private void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // connection cut
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    cut();
    listener.close();
  }
}
