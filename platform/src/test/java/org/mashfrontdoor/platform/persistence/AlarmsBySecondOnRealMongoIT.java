package org.mashfrontdoor.platform.persistence;

import org.junit.jupiter.api.DisplayName;
import org.mashfrontdoor.platform.testsupport.TestStore;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** {@link AlarmsBySecondIT}'s scenarios on a real MongoDB replica set. Skipped where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
@DisplayName("The due sheet by second: the same scenarios on a real MongoDB replica set")
class AlarmsBySecondOnRealMongoIT extends AlarmsBySecondIT {

  @Container
  static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8").withReplicaSet();

  @Override
  TestStore openStore() {
    return TestStore.at(MONGO.getReplicaSetUrl() + "?directConnection=true");
  }
}
