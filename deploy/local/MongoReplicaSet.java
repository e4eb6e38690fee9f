// Makes a fresh mongod a single-node replica set and waits for it to be primary: what deploy/local/up does with
// mongosh when that is installed, done with the MongoDB Java driver on the local stack's classpath otherwise.
// Run: java -cp "$(cat .run/classpath.txt)" MongoReplicaSet.java <host:port> <replica set name> <timeout seconds>
// Already initiated (a restart keeps its config in the data): nothing to do but wait for the primary.
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.bson.Document;

public class MongoReplicaSet {

  static final int NOT_YET_INITIALIZED = 94;

  public static void main(String[] args) throws InterruptedException {
    try {
      initiate(args);
    } catch (MongoException e) { // one line for up's log, not a stack trace
      System.err.println("replica set " + args[1] + " on " + args[0] + ": " + e.getMessage());
      System.exit(1);
    }
  }

  static void initiate(String[] args) throws InterruptedException {
    String host = args[0];
    String name = args[1];
    long until = System.currentTimeMillis() + Long.parseLong(args[2]) * 1000;
    // directConnection: the replica set does not exist yet, so the driver must not wait to discover one.
    try (MongoClient client = MongoClients.create("mongodb://" + host + "/?directConnection=true")) {
      MongoDatabase admin = client.getDatabase("admin");
      try {
        admin.runCommand(new Document("replSetGetStatus", 1));
      } catch (MongoCommandException e) {
        if (e.getErrorCode() != NOT_YET_INITIALIZED) {
          throw e;
        }
        admin.runCommand(new Document("replSetInitiate", new Document("_id", name)
            .append("members", List.of(new Document("_id", 0).append("host", host)))));
        System.out.println("initiated replica set " + name + " with " + host);
      }
      while (!Boolean.TRUE.equals(admin.runCommand(new Document("hello", 1)).getBoolean("isWritablePrimary"))) {
        if (System.currentTimeMillis() > until) {
          System.err.println("replica set " + name + " has no primary after " + args[2] + " s");
          System.exit(1);
        }
        Thread.sleep(200);
      }
      System.out.println("replica set " + name + ": " + host + " is primary");
    }
  }
}
