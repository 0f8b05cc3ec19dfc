package io.github.springmidtrans.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import io.github.springmidtrans.actuate.MidtransEndpoint;
import io.github.springmidtrans.actuate.MidtransHealthIndicator;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.task.MidtransTaskSchedules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Actuator support when Actuator is on the class path: the {@code midtrans} health
 * indicator ({@code management.health.midtrans.enabled}) and the {@code midtrans}
 * endpoint (expose it with {@code management.endpoints.web.exposure.include}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { MidtransServiceAutoConfiguration.class, MidtransTaskAutoConfiguration.class })
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(MidtransClient.class)
public final class MidtransActuatorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(MidtransTaskSchedules.class)
	@ConditionalOnAvailableEndpoint
	MidtransEndpoint midtransEndpoint(MidtransTaskSchedules schedules) {
		return new MidtransEndpoint(schedules);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnBean(DataSource.class)
	@ConditionalOnEnabledHealthIndicator("midtrans")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "midtransHealthIndicator")
		MidtransHealthIndicator midtransHealthIndicator(MidtransClient client,
				ObjectProvider<MidtransTaskSchedules> schedules, DataSource dataSource, ObjectProvider<Clock> clock) {
			return new MidtransHealthIndicator(client, schedules.getIfAvailable(), new JdbcTemplate(dataSource),
					clock.getIfUnique(Clock::systemUTC));
		}

	}

}
