package org.mashfrontdoor.platform.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;

/**
 * The conversions every persistence adapter needs between domain values and stored fields: instants as BSON dates
 * (milliseconds), absent values as null, and embedded lists of documents.
 */
public final class BsonFields {

  private BsonFields() {
  }

  public static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  /** The instant stored in {@code field}, or null when it is absent or null. */
  public static Instant instant(Document d, String field) {
    Date date = d.getDate(field);
    return date == null ? null : date.toInstant();
  }

  /** The embedded documents in {@code field} (none when absent), each mapped. */
  public static <T> List<T> list(Document d, String field, Function<Document, T> mapping) {
    return d.getList(field, Document.class, List.of()).stream().map(mapping).toList();
  }
}
