package org.mashfrontdoor.notification.adapters.persistence;

import org.junit.jupiter.api.DisplayName;
import org.mashfrontdoor.platform.testsupport.TestStore;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** {@link UnacknowledgedAlertsByKeyIT}'s scenarios on a real MongoDB replica set. Skipped where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
@DisplayName("Unacknowledged alerts read by key: the same scenarios on a real MongoDB replica set")
class UnacknowledgedAlertsByKeyOnRealMongoIT extends UnacknowledgedAlertsByKeyIT {

  @Container
  static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8").withReplicaSet();

  @Override
  TestStore openStore() {
    return TestStore.at(MONGO.getReplicaSetUrl() + "?directConnection=true");
  }
}
