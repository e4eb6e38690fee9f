package org.mashfrontdoor.notification.application;

import org.junit.jupiter.api.DisplayName;
import org.mashfrontdoor.platform.testsupport.TestStore;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** {@link FollowingTheFrontDoorIT}'s scenarios on a real MongoDB replica set. Skipped where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
@DisplayName("Following a poll of triage's events: the same scenarios on a real MongoDB replica set")
class FollowingTheFrontDoorOnRealMongoIT extends FollowingTheFrontDoorIT {

  @Container
  static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8").withReplicaSet();

  @Override
  TestStore openStore() {
    return TestStore.at(MONGO.getReplicaSetUrl() + "?directConnection=true");
  }
}
