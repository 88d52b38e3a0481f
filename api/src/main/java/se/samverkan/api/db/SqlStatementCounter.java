package se.samverkan.api.db;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts the SQL statements the service sends over R2DBC, exported as {@code samverkan.db.statements}. The number of
 * statements a GraphQL request costs must grow with the depth of the query, never with the length of its lists; this
 * counter is how tests and benchmarks check that.
 */
@Configuration(proxyBeanMethods = false)
public class SqlStatementCounter {

    private final AtomicLong statements = new AtomicLong();

    /** Statements sent since start-up. */
    public long total() {
        return statements.get();
    }

    @Bean
    static BeanPostProcessor countingConnectionFactory(ObjectProvider<SqlStatementCounter> counter) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ConnectionFactory factory && !(bean instanceof CountingConnectionFactory)) {
                    return new CountingConnectionFactory(factory, counter.getObject().statements);
                }
                return bean;
            }
        };
    }

    @Bean
    FunctionCounter sqlStatementsMeter(MeterRegistry registry) {
        return FunctionCounter.builder("samverkan.db.statements", statements, AtomicLong::get)
                .description("SQL statements sent over R2DBC").register(registry);
    }
}
