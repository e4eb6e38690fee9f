package org.mashfrontdoor.platform.testsupport;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import java.time.Clock;
import java.util.List;

/**
 * mongo-java-server's memory backend whose {@code _id} index also answers filters that pin {@code _id} among other
 * conditions ({@link PinnedIdIndex}): a version-checked or idempotent write by {@code _id} costs the same however
 * many documents the collection holds; and whose writes to a collection run in turn ({@link WritesInTurn}). The
 * tests' store: {@code new MongoServer(new PinnedIdMemoryBackend())}.
 */
public final class PinnedIdMemoryBackend extends MemoryBackend {

  private final WritesInTurn writes = new WritesInTurn();

  public PinnedIdMemoryBackend() {
    super();
  }

  public PinnedIdMemoryBackend(Clock clock) {
    super(clock);
  }

  @Override
  public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
    return writes.handle(databaseName, command, query,
        () -> super.handleCommand(channel, databaseName, command, query));
  }

  @Override
  public MemoryDatabase openOrCreateDatabase(String databaseName) {
    return new MemoryDatabase(databaseName, getCursorRegistry()) {
      @Override
      protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
          boolean sparse) {
        return PinnedIdIndex.around(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), keys,
            sparse);
      }
    };
  }
}
