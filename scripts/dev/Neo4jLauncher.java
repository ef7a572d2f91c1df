// Starts an embedded Neo4j 5 community database with only the Bolt connector (127.0.0.1, no auth) for dev/test use.

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Usage: {@code java -cp '.cache/jars/neo4j/*' scripts/dev/Neo4jLauncher.java <dataDir> <boltPort>
 * [logsDir]}; Neo4j's own logs (debug.log, ...) go to logsDir, default {@code <dataDir>/logs}.
 *
 * <p>Authentication is DISABLED (any user/password, or none, is accepted): this is a throwaway
 * database bound to loopback only. Prints {@code READY bolt://127.0.0.1:<port>} once a Bolt
 * handshake on the port succeeds and the default database answers a query; shuts down cleanly on
 * SIGTERM/SIGINT via a shutdown hook.
 */
public final class Neo4jLauncher {
  private static final String HOST = "127.0.0.1";

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: Neo4jLauncher <dataDir> <boltPort> [logsDir]");
      System.exit(2);
    }
    final Path home = Path.of(args[0]).toAbsolutePath();
    final int port = Integer.parseInt(args[1]);
    final Path logs = args.length == 3 ? Path.of(args[2]).toAbsolutePath() : home.resolve("logs");
    Files.createDirectories(home);
    Files.createDirectories(logs);

    final long t0 = System.nanoTime();
    final DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
            .setConfig(GraphDatabaseSettings.logs_directory, logs)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
            .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
            // Bolt's netty shutdown otherwise idles 2 x 5 s before the JVM can exit.
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(3))
            .build();

    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("STOPPING");
                  System.out.flush();
                  try {
                    dbms.shutdown();
                  } catch (RuntimeException e) {
                    System.err.println("shutdown failed: " + e);
                  }
                  System.out.println("STOPPED");
                  System.out.flush();
                  stopped.countDown();
                },
                "neo4j-launcher-shutdown"));

    // The default database answers a query.
    final GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    db.executeTransactionally("RETURN 1");

    // Bolt accepts connections and completes a version handshake.
    waitForBolt(port, Duration.ofSeconds(60));

    final long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("READY bolt://" + HOST + ":" + port + " (" + ms + " ms)");
    System.out.flush();
    stopped.await();
  }

  private static void waitForBolt(int port, Duration timeout) throws Exception {
    final long deadline = System.nanoTime() + timeout.toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(HOST, port), 1000);
        s.setSoTimeout(2000);
        final OutputStream out = s.getOutputStream();
        // Magic preamble, then four version proposals: 5.0..5.4 (range), 4.4, none, none.
        out.write(
            new byte[] {
              (byte) 0x60, (byte) 0x60, (byte) 0xB0, (byte) 0x17,
              0, 4, 4, 5,
              0, 0, 4, 4,
              0, 0, 0, 0,
              0, 0, 0, 0
            });
        out.flush();
        final int agreed = new DataInputStream(s.getInputStream()).readInt();
        if (agreed != 0) {
          return;
        }
        last = new IOException("bolt handshake: no common version");
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("bolt did not answer on " + HOST + ":" + port, last);
  }
}
