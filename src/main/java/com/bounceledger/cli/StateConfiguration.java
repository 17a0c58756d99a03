package com.bounceledger.cli;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.bounceledger.job.BounceLedgerProperties;
import com.bounceledger.job.StateUpgrades;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The state database opens only once this process holds the state folder's lock, and is upgraded, if an earlier
 * build wrote it, after {@code schema.sql} and before the job runs.
 */
@Configuration
public class StateConfiguration {

    @Bean(destroyMethod = "close")
    public StateLock stateLock(BounceLedgerProperties properties) {
        return StateLock.acquire(properties.stateDir());
    }

    /** The pool's settings are {@code spring.datasource.hikari.*}. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(DataSourceProperties properties, StateLock stateLock) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    @Bean(initMethod = "apply")
    @DependsOnDatabaseInitialization
    public StateUpgrades stateUpgrades(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new StateUpgrades(jdbc, new TransactionTemplate(transactionManager));
    }
}
