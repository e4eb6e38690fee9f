package org.mashfrontdoor.notification.adapters.persistence;

import org.junit.jupiter.api.DisplayName;
import org.mashfrontdoor.platform.testsupport.TestStore;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** {@link AlertStreamByKeyIT}'s scenarios on a real MongoDB replica set. Skipped where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
@DisplayName("The alert stream read by key: the same scenarios on a real MongoDB replica set")
class AlertStreamByKeyOnRealMongoIT extends AlertStreamByKeyIT {

  @Container
  static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8").withReplicaSet();

  @Override
  TestStore openStore() {
    return TestStore.at(MONGO.getReplicaSetUrl() + "?directConnection=true");
  }
}
