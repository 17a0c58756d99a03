package com.bounceledger.cli;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.bounceledger.job.BounceLedgerProperties;
import com.zaxxer.hikari.HikariDataSource;

/** The state database opens only once this process holds the state folder's lock. */
@Configuration
public class StateConfiguration {

    @Bean(destroyMethod = "close")
    public StateLock stateLock(BounceLedgerProperties properties) {
        return StateLock.acquire(properties.stateDir());
    }

    @Bean
    public DataSource dataSource(DataSourceProperties properties, StateLock stateLock) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }
}
