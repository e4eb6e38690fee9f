import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;

/**
 * The local store alone under the services' kind of writes (deploy/local/bench-store): inserts of documents, then
 * updates by {@code _id} ({@code $inc} a version, {@code $push} an event id, {@code $set} a status), from a pool of
 * clients, majority + journal; prints the store process's CPU per operation (from /proc, so steady on a noisy
 * machine; read as the bench reads it, {@code Bench.cpuOf}) and the rate.
 * Usage: StoreLoad port storePid documents updates clients documentBytes clockTicks
 */
public class StoreLoad {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    long storePid = Long.parseLong(args[1]);
    int documents = Integer.parseInt(args[2]);
    int updates = Integer.parseInt(args[3]);
    int clients = Integer.parseInt(args[4]);
    String text = "x".repeat(Integer.parseInt(args[5]));
    long clockTicks = Long.parseLong(args[6]);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
      MongoCollection<Document> collection = client.getDatabase("load" + System.nanoTime())
          .getCollection("referrals").withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
      double cpu0 = Bench.cpuOf(Long.toString(storePid), clockTicks);
      long t0 = System.nanoTime();
      all(pool, documents, n -> collection.insertOne(new Document("_id", "r-" + n).append("version", 0L)
          .append("summary", text).append("child", new Document("name", "Ada").append("dateOfBirth", "2015-04-01"))
          .append("handledEventIds", new ArrayList<>()).append("status", "RECEIVED")));
      double cpu1 = Bench.cpuOf(Long.toString(storePid), clockTicks);
      long t1 = System.nanoTime();
      all(pool, updates, n -> collection.updateOne(Filters.eq("_id", "r-" + n % documents), Updates.combine(
          Updates.inc("version", 1L), Updates.push("handledEventIds", "e-" + n), Updates.set("status", "S" + n))));
      double cpu2 = Bench.cpuOf(Long.toString(storePid), clockTicks);
      long t2 = System.nanoTime();
      System.out.printf("insert: %.3f store CPU-ms each (%.0f/s); update: %.3f store CPU-ms each (%.0f/s)%n",
          (cpu1 - cpu0) / documents, documents / ((t1 - t0) / 1e9), (cpu2 - cpu1) / updates,
          updates / ((t2 - t1) / 1e9));
    } finally {
      pool.shutdownNow();
    }
  }

  interface Operation {
    void run(int n);
  }

  static void all(ExecutorService pool, int count, Operation operation) throws Exception {
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = i;
      done.add(pool.submit(() -> operation.run(n)));
    }
    for (Future<?> f : done) {
      f.get();
    }
  }
}
