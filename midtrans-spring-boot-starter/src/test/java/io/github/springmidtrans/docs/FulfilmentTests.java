package io.github.springmidtrans.docs;

import io.github.springmidtrans.task.PaymentTaskService;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.spring.AutoConfigureMidtransSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

// The test of docs/testing.md, exactly as shown there. It finds
// DocumentationSamplesIntegrationTests.SampleApplication as its configuration.

@SpringBootTest
@AutoConfigureMidtransSimulator
class FulfilmentTests {

	@Autowired
	Checkout checkout;

	@Autowired
	Orders orders;

	@Autowired
	MidtransSimulator simulator;

	@Autowired
	PaymentTaskService tasks;

	@Test
	void paidOrderIsFulfilled() {
		checkout.payByBcaVirtualAccount("ORDER-7", 150_000);
		simulator.pay("ORDER-7");

		tasks.checkPaymentStatus("ORDER-7"); // what the periodic check does

		assertThat(orders.isPaid("ORDER-7")).isTrue();
	}

}
