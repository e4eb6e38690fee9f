package org.mashfrontdoor.platform.testsupport;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * mongo-java-server's {@code _id} index, also used when a filter pins {@code _id} among other conditions.
 *
 * <p>The library asks an index to answer a filter only when the filter's fields are exactly the index's keys, so
 * {@code {_id: X, version: 3}}, and the driver's {@code Filters.and(...)}, which always renders as
 * {@code {$and: [{_id: X}, ...]}}, are full collection scans there: every version-checked or idempotent write costs
 * more the more documents there are. This index answers any filter that pins {@code _id} to plain values, at the top
 * level or in a conjunct of a top-level {@code $and} ({@code X}, {@code {$eq: X}}, {@code {$in: [X, ...]}}), by
 * looking those documents up with the library's own {@code {_id: ...}} lookup; the library then applies the whole
 * filter to them, so what matches is unchanged. Anything else ({@code _id} an operator such as {@code $gt}, a
 * regular expression, a document, null) is left to the library (a scan).
 *
 * <p>The local stack's store ({@code deploy/local/LocalMongoServer.java}) uses this class too: {@code deploy/local/up}
 * puts platform's test classes on its class path. {@code PinnedIdIndexIT} runs its scenarios on both stores.
 */
public final class PinnedIdIndex<P> extends Index<P> {

  private static final String ID = "_id";

  private final Index<P> idIndex;

  private PinnedIdIndex(Index<P> idIndex, List<IndexKey> keys, boolean sparse) {
    super(idIndex.getName(), keys, sparse);
    this.idIndex = idIndex;
  }

  /** {@code index} itself unless it is the {@code _id} index, which is wrapped. */
  public static <P> Index<P> around(Index<P> index, List<IndexKey> keys, boolean sparse) {
    boolean onId = keys.size() == 1 && keys.getFirst().getKey().equals(ID);
    return onId ? new PinnedIdIndex<>(index, keys, sparse) : index;
  }

  /**
   * The part of {@code filter} that pins {@code _id}, as a filter the library's {@code _id} index answers itself
   * ({@code {_id: X}} or {@code {_id: {$in: [...]}}}); null when the filter pins no {@code _id}. Each top-level
   * field and each element of a top-level {@code $and} must all hold, so any one pin narrows the candidates.
   */
  private static Document pinnedId(Document filter) {
    if (filter.containsKey(ID)) {
      Document pinned = pin(filter.get(ID));
      if (pinned != null) {
        return pinned;
      }
    }
    if (filter.get("$and") instanceof List<?> conjuncts) {
      for (Object conjunct : conjuncts) {
        if (conjunct instanceof Document condition) {
          Document pinned = pinnedId(condition);
          if (pinned != null) {
            return pinned;
          }
        }
      }
    }
    return null;
  }

  private static Document pin(Object value) {
    if (isPlain(value)) {
      return new Document(ID, value);
    }
    if (value instanceof Document operator && operator.size() == 1) {
      if (isPlain(operator.get("$eq"))) {
        return new Document(ID, operator.get("$eq"));
      }
      if (operator.get("$in") instanceof Collection<?> values && values.stream().allMatch(PinnedIdIndex::isPlain)) {
        return new Document(ID, new Document("$in", values));
      }
    }
    return null;
  }

  /** A value compared by equality: not null (which also matches a missing field), a document, array or pattern. */
  private static boolean isPlain(Object value) {
    return value != null && !(value instanceof Document) && !(value instanceof Collection)
        && !(value instanceof BsonRegularExpression) && !(value instanceof Pattern);
  }

  @Override
  public boolean canHandle(Document query) {
    return idIndex.canHandle(query) || pinnedId(query) != null;
  }

  @Override
  public Iterable<P> getPositions(Document query) {
    // Candidates only: the collection matches each against the whole filter.
    return idIndex.canHandle(query) ? idIndex.getPositions(query) : idIndex.getPositions(pinnedId(query));
  }

  // Everything else is the library's index, unchanged.

  @Override
  public P getPosition(Document document) {
    return idIndex.getPosition(document);
  }

  @Override
  public void checkAdd(Document document, MongoCollection<P> collection) {
    idIndex.checkAdd(document, collection);
  }

  @Override
  public void add(Document document, P position, MongoCollection<P> collection) {
    idIndex.add(document, position, collection);
  }

  @Override
  public P remove(Document document) {
    return idIndex.remove(document);
  }

  @Override
  public long getCount() {
    return idIndex.getCount();
  }

  @Override
  public boolean isEmpty() {
    return idIndex.isEmpty();
  }

  @Override
  public long getDataSize() {
    return idIndex.getDataSize();
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
    idIndex.checkUpdate(oldDocument, newDocument, collection);
  }

  @Override
  public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
      throws KeyConstraintError {
    idIndex.updateInPlace(oldDocument, newDocument, position, collection);
  }

  @Override
  public boolean isUnique() {
    return idIndex.isUnique();
  }

  @Override
  public void drop() {
    idIndex.drop();
  }
}
