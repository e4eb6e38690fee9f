package org.mashfrontdoor.notification.adapters.persistence;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.mashfrontdoor.platform.testsupport.TestStore;

/**
 * What the by-key alert tests start from: a fresh store ({@link #openStore}: the embedded one; the real-MongoDB twins
 * override it), the {@code notification} database, a clock at {@link AlertStreamByKeyIT#NOW} and the alerts on it.
 */
abstract class StoreOfAlerts {

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
    clock = new MutableClock(AlertStreamByKeyIT.NOW);
    alerts = new MongoAlerts(database, clock);
  }

  @AfterEach
  void close() {
    store.close();
  }
}
