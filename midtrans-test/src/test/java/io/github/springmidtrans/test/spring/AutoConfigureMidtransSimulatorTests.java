package io.github.springmidtrans.test.spring;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.TransactionStatus;
import io.github.springmidtrans.test.MidtransSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureMidtransSimulator} in a plain Spring test: the properties point at
 * a running simulator, which is injectable.
 */
@SpringJUnitConfig(AutoConfigureMidtransSimulatorTests.ClientConfiguration.class)
@AutoConfigureMidtransSimulator
class AutoConfigureMidtransSimulatorTests {

	@Autowired
	MidtransSimulator simulator;

	@Autowired
	MidtransClient client;

	@Autowired
	Environment environment;

	@Test
	void propertiesPointAtTheRunningSimulator() {
		assertThat(this.environment.getProperty("midtrans.base-url")).isEqualTo(this.simulator.baseUrl());
		assertThat(this.environment.getProperty("midtrans.server-key")).isEqualTo(this.simulator.serverKey());
		assertThat(this.simulator.port()).isPositive();
	}

	@Test
	void clientBuiltFromThePropertiesTalksToTheSimulator() {
		this.client.charge(ChargeRequest.bankTransfer("SPRING-1", 10_000, Bank.BNI).build());
		this.simulator.pay("SPRING-1");

		assertThat(this.client.status("SPRING-1").transactionStatus()).isEqualTo(TransactionStatus.SETTLEMENT);
		assertThat(this.simulator.chargeCount("SPRING-1")).isEqualTo(1);
	}

	@Configuration(proxyBeanMethods = false)
	static class ClientConfiguration {

		@Bean
		MidtransClient client(@Value("${midtrans.base-url}") String baseUrl,
				@Value("${midtrans.server-key}") String serverKey) {
			return MidtransClient.builder().serverKey(serverKey).baseUrl(baseUrl).build();
		}

	}

}
