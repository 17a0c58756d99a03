package com.bounceledger.job;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** A state database of a test's own: the HSQLDB file database on one connection, with the job's schema. */
final class StateDatabase implements AutoCloseable {

    final SingleConnectionDataSource dataSource;
    final JdbcTemplate jdbc;

    StateDatabase(Path folder) {
        this("jdbc:hsqldb:file:" + folder.resolve("ledger") + ";hsqldb.lock_file=false");
    }

    private StateDatabase(String url) {
        dataSource = new SingleConnectionDataSource(url, "SA", "", true);
        jdbc = new JdbcTemplate(dataSource);
        createSchema();
    }

    /** The job's own database (MVCC, cached tables) in a state folder, as {@link #jobUrl} names it. */
    static StateDatabase withJobSettings(Path stateDir) throws IOException {
        return new StateDatabase(jobUrl(stateDir));
    }

    /** What every launch does first: creates the tables the database lacks. */
    void createSchema() {
        new ResourceDatabasePopulator(new ClassPathResource("schema.sql")).execute(dataSource);
    }

    /** Every stored engagement, {@code account,address,lastEngagedAt}, sorted. */
    List<String> engagements() {
        return jdbc.execute((ConnectionCallback<List<String>>) StateDatabase::engagements);
    }

    /** Every suspension in force as its shards hold it, {@code account,address,suspendedUntil}, sorted. */
    List<String> suspensions() {
        return jdbc.execute((ConnectionCallback<List<String>>) StateDatabase::suspensions);
    }

    /** Every engagement stored in the state database of this connection, as {@link #engagements()} lists them. */
    static List<String> engagements(Connection connection) throws SQLException {
        return shardEntries(connection, "SELECT engagements FROM engagement_shard");
    }

    /** Every suspension in force in the state database of this connection, as {@link #suspensions()} lists them. */
    static List<String> suspensions(Connection connection) throws SQLException {
        return shardEntries(connection, "SELECT suspensions FROM suspension_shard");
    }

    private static List<String> shardEntries(Connection connection, String selectShards) throws SQLException {
        List<String> entries = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery(selectShards)) {
            while (rs.next()) {
                AddressShards.forEach(rs.getBytes(1),
                        (key, at) -> entries.add(key.account() + "," + key.address() + "," + at));
            }
        }
        entries.sort(null);
        return entries;
    }

    /** The job's own database URL (application.properties) for a state folder, with its cache and result settings. */
    static String jobUrl(Path stateDir) throws IOException {
        Properties properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        String url = properties.getProperty("spring.datasource.url");
        String stateDirPlaceholder = "${bounce-ledger.state-dir:output/state}";
        if (!url.contains(stateDirPlaceholder)) { // else the database would land in a folder named after it
            throw new IllegalStateException("the job's database URL no longer names its state folder as "
                    + stateDirPlaceholder + ": " + url);
        }
        return url.replace(stateDirPlaceholder, stateDir.toString());
    }

    @Override
    public void close() {
        dataSource.destroy();
    }
}
