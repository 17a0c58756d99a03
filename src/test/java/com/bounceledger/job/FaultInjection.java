package com.bounceledger.job;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the n-th execution of a statement containing a given SQL fragment fail, as a crash at that point
 * of a chunk would: after everything before it in the transaction, before the commit. Or makes it freeze there
 * instead, having written a marker file, for a test to kill the process at exactly that point.
 */
@Configuration
public class FaultInjection {

    private static volatile String fragment;
    private static volatile int failAt;
    private static volatile Freeze freeze;
    private static final AtomicInteger executions = new AtomicInteger();

    static void failOnExecution(String sqlFragment, int n) {
        fragment = sqlFragment;
        failAt = n;
        freeze = null;
        executions.set(0);
    }

    /**
     * Instead of failing, the n-th execution blocks its thread for good; {@code markerDelay} later it writes
     * {@code marker}.
     */
    static void freezeOnExecution(String sqlFragment, int n, Path marker, Duration markerDelay) {
        failOnExecution(sqlFragment, n);
        freeze = new Freeze(marker, markerDelay);
    }

    static void clear() {
        fragment = null;
        freeze = null;
    }

    @Bean
    static BeanPostProcessor faultInjectingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource ? wrap(dataSource) : bean;
            }
        };
    }

    private static DataSource wrap(DataSource target) {
        return proxy(DataSource.class, (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? wrap(connection) : result;
        });
    }

    private static Connection wrap(Connection target) {
        return proxy(Connection.class, (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof PreparedStatement statement && fragment != null
                    && method.getName().equals("prepareStatement") && ((String) args[0]).contains(fragment)) {
                return wrap(statement);
            }
            return result;
        });
    }

    private static PreparedStatement wrap(PreparedStatement target) {
        return proxy(PreparedStatement.class, (proxy, method, args) -> {
            if (method.getName().startsWith("execute") && executions.incrementAndGet() == failAt) {
                if (freeze != null) {
                    freeze.hold("frozen at execution " + failAt + " of '" + fragment + "'");
                }
                throw new SQLException("injected failure at execution " + failAt + " of '" + fragment + "'");
            }
            return invoke(target, method, args);
        });
    }

    private record Freeze(Path marker, Duration markerDelay) {

        void hold(String where) throws IOException, InterruptedException {
            Thread.sleep(markerDelay.toMillis());
            Files.writeString(marker, where);
            new CountDownLatch(1).await();
        }
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(FaultInjection.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
