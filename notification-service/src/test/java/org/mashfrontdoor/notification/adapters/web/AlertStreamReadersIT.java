package org.mashfrontdoor.notification.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.notification.adapters.persistence.MongoAlerts;
import org.mashfrontdoor.platform.testsupport.PinnedIdMemoryBackend;

@DisplayName("The live alert stream's readers are bounded")
class AlertStreamReadersIT {

  final MongoServer server = new MongoServer(new PinnedIdMemoryBackend());
  final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
  final AlertStream stream = new AlertStream(new MongoAlerts(client.getDatabase("alerts"), java.time.Clock.systemUTC()),
      java.time.Clock.systemUTC(), Duration.ofSeconds(1),
      Duration.ofMinutes(1), 2);

  @AfterEach
  void close() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void one_reader_more_than_the_bound_is_refused_and_places_come_free_when_readers_leave() {
    stream.connect(null);
    stream.connect(null);

    assertThatThrownBy(() -> stream.connect(null)).isInstanceOf(AlertStream.Full.class);
    assertThat(stream.readers()).isEqualTo(2);

    stream.stop(); // ends every stream, as at shutdown

    assertThat(stream.readers()).isZero();
    stream.connect(null);
    assertThat(stream.readers()).isEqualTo(1);
  }
}
