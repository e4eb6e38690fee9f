package org.mashfrontdoor.notification.adapters.persistence;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.notification.domain.AlertType;
import org.mashfrontdoor.notification.domain.Severity;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.mashfrontdoor.platform.testsupport.TestStore;

/**
 * What the by-key alert tests start from: a fresh store ({@link #openStore}: the embedded one; the real-MongoDB twins
 * override it), the {@code notification} database, a clock at {@link #NOW} and the alerts on it.
 */
public abstract class StoreOfAlerts {

  static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");

  /** An urgent-contact alert with id {@code name}, raised at {@link #NOW}, as a test's stand-in for any alert. */
  public static Alert alert(String name) {
    return new Alert(name, "referral-" + name, "MASH-" + name, AlertType.URGENT_CONTACT, Severity.URGENT, List.of(),
        NOW, "event-" + name, "summary", List.of(), null, null, null, null, null, null, null, 0, List.of(), 0);
  }

  TestStore store;
  MongoDatabase database;
  MutableClock clock;
  MongoAlerts alerts;

  TestStore openStore() {
    return TestStore.embedded();
  }

  @BeforeEach
  void store() {
    store = openStore();
    database = store.database("notification");
    clock = new MutableClock(NOW);
    alerts = new MongoAlerts(database, clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  /**
   * What {@code read} makes of alerts opened on a client of their own that reports each command it sends to
   * {@code listener} (to see what a read asks the store, or to step in at a given command).
   */
  <T> T readWatched(CommandListener listener, Function<MongoAlerts, T> read) {
    try (var client = MongoClients.create(MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(store.uri())).addCommandListener(listener).build())) {
      return read.apply(new MongoAlerts(client.getDatabase(database.getName()), clock));
    }
  }
}
